"""The store under generated documents: idempotent re-imports, faithful exports, kept annotations.

- Importing the same files again changes nothing, not even the file's bytes.
- What ``export`` writes is what a fresh store built from the same sources
  holds, whatever the order and however many runs the files arrive in.
- The user's notes and corrections survive re-importing an edited document:
  none is lost, each follows its document, a note on a fact follows the fact
  while the fact's words are still there, and corrections still apply.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from ofsted_core.annotations import fact_key, make_annotation
from ofsted_core.corpus import Corpus, load_corpus
from ofsted_core.export import export_data
from ofsted_core.importing import import_paths
from ofsted_core.store import Store
from tests.property.strategies import documents, paragraphs

STORE = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
corpora = st.lists(documents, min_size=1, max_size=4, unique=True)
# Documents, then the order in which a second store is given them and where that import is split in two runs.
reimports = corpora.flatmap(lambda texts: st.tuples(
    st.just(texts), st.permutations(range(len(texts))), st.integers(0, len(texts))))


def _write(folder: Path, texts: list[str]) -> list[str]:
    paths = []
    for n, text in enumerate(texts):
        path = folder / f"doc{n}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def _exported(store: Store) -> dict:
    """What ``ofsted-tui export --format json`` prints, read back."""
    return json.loads(json.dumps(export_data(load_corpus(store)), ensure_ascii=False))


@STORE
@given(texts=corpora)
def test_reimporting_the_same_files_changes_nothing(texts):
    with tempfile.TemporaryDirectory() as folder:
        paths = _write(Path(folder), texts)
        store = Store(Path(folder) / "db.json")
        first = import_paths(store, paths)
        before = store.path.read_bytes(), store.mtime_ns()
        again = import_paths(store, paths)
        assert sorted(again.unchanged) == sorted(first.added) and not again.added and not again.replaced
        assert (store.path.read_bytes(), store.mtime_ns()) == before


def _export_and_rebuild(case: tuple[list[str], list[int], int]) -> tuple[dict, dict]:
    """The export of a store, and of a fresh store given the same files in another order and runs."""
    texts, order, cut = case
    with tempfile.TemporaryDirectory() as folder:
        paths = _write(Path(folder), texts)
        exported = _exported(_imported(Path(folder) / "a.json", [paths]))
        again = [paths[i] for i in order]
        rebuilt = _exported(_imported(Path(folder) / "b.json", [again[:cut], again[cut:]]))
    return exported, rebuilt


def _by_id(rows: list[dict]) -> list[dict]:
    return sorted(rows, key=lambda row: row["id"])


@STORE
@given(case=reimports)
def test_export_equals_a_fresh_store_from_the_same_sources(case):
    exported, rebuilt = _export_and_rebuild(case)
    assert _by_id(rebuilt["facts"]) == _by_id(exported["facts"])
    assert _by_id(rebuilt["documents"]) == _by_id(exported["documents"])


# Two documents that disagree about one inspection: which rating the timeline shows
# (and the order of its sources) must not depend on which file was imported first.
_DISAGREEING = [
    "Kent County Council's children's services were rated 'good' by Ofsted in March 2019.\n",
    "Kent County Council's children's services were judged to be inadequate by Ofsted in March 2019.\n",
]


@STORE
@example(case=(_DISAGREEING, [1, 0], 0)).via("two sources disagreeing about one inspection")
@given(case=reimports)
def test_timeline_does_not_depend_on_import_order(case):
    exported, rebuilt = _export_and_rebuild(case)
    assert rebuilt["events"] == exported["events"]


def _imported(db: Path, runs: list[list[str]]) -> Store:
    store = Store(db)
    for run in runs:
        if run:
            assert import_paths(store, run).ok
    return store


def _words(doc: dict, fact: dict) -> tuple[str, str]:
    start, end = fact["span"]
    return fact["type"], " ".join(doc["text"][start:end].split()).lower()


@STORE
@given(text=documents, inserted=paragraphs, data=st.data())
def test_annotations_survive_reimporting_an_edited_document(text, inserted, data):
    with tempfile.TemporaryDirectory() as folder:
        (path,) = _write(Path(folder), [text])
        store = Store(Path(folder) / "db.json")
        assert import_paths(store, [path]).ok
        with store.transaction() as stored:
            doc = stored.documents[0]
            facts = [f for f in stored.facts if f["doc_id"] == doc["id"]]
            fact = data.draw(st.sampled_from(facts)) if facts else None
            notes = [
                make_annotation("note", doc, body="on the document"),
                make_annotation("bookmark", doc),
                make_annotation("correction", doc, field="published", value="2001-05"),
            ]
            if fact is not None:
                notes.append(make_annotation("note", doc, fact=fact, facts=facts, body="on a fact"))
            stored.annotations.extend(notes)
        old_words = _words(doc, fact) if fact is not None else None

        # Edit: a new paragraph at a paragraph boundary.
        breaks = [i for i in range(len(text)) if text.startswith("\n\n", i)] or [len(text)]
        at = data.draw(st.sampled_from(breaks))
        Path(path).write_text(f"{text[:at]}\n\n{inserted}\n\n{text[at:]}", encoding="utf-8")
        report = import_paths(store, [path])
        data_after = store.read()

    assert report.replaced == [path] or report.unchanged == [path]
    (new_doc,) = data_after.documents
    kept = {a["id"]: a for a in data_after.annotations}
    assert sorted(kept) == sorted(n["id"] for n in notes), "an annotation was lost"
    assert all(a["doc_id"] == new_doc["id"] and a["source"] == path for a in kept.values())
    assert Corpus.from_data(data_after).documents[new_doc["id"]]["published"] == "2001-05"
    if fact is not None:
        on_fact = kept[notes[-1]["id"]]
        new_facts = {f["id"]: f for f in data_after.facts}
        same_words = [f for f in new_facts.values() if _words(new_doc, f) == old_words]
        if same_words:
            assert on_fact["fact_id"] in new_facts, "the note lost its fact although the fact's words are still there"
            assert _words(new_doc, new_facts[on_fact["fact_id"]]) == old_words
            assert on_fact["fact_key"] == fact_key(fact, doc["text"], facts)
        else:
            assert on_fact["fact_id"] is None  # the fact is gone: the note stays on the document
