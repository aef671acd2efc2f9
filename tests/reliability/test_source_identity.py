"""A source is its file, however its path is spelt.

Re-importing an edited file by another spelling (absolute or relative,
through a symlink, with ``..``) replaces its document, and its notes follow;
an edited file whose new text is another document's text still retires its
old version.
"""

from __future__ import annotations

import pytest

from ofsted_core.annotations import make_annotation
from ofsted_core.importing import import_paths
from ofsted_core.store import Store
from tests.paths import SEEDS


def _note_on(db, source_name):
    with Store(db).transaction() as data:
        (doc,) = [d for d in data.documents if d["source"].endswith(source_name)]
        data.annotations.append(make_annotation("note", doc, body="keep me"))


@pytest.mark.parametrize("spelling", ["absolute", "dotted", "symlinked"])
def test_an_edited_file_by_another_spelling_replaces_its_document(tmp_path, monkeypatch, spelling):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "inbox").mkdir()
    (tmp_path / "alias").symlink_to(tmp_path / "inbox")
    story = tmp_path / "inbox" / "story.txt"
    story.write_text(SEEDS[0].read_text(encoding="utf-8"), encoding="utf-8")
    db = tmp_path / "db.json"
    assert import_paths(Store(db), ["inbox/story.txt"]).added
    _note_on(db, "story.txt")

    story.write_text(SEEDS[0].read_text(encoding="utf-8") + "\nA paragraph added later.\n", encoding="utf-8")
    other = {"absolute": str(story), "dotted": "inbox/../inbox/story.txt", "symlinked": "alias/story.txt"}[spelling]
    report = import_paths(Store(db), [other])
    assert report.replaced == [other] and not report.added

    data = Store(db).read()
    assert len(data.documents) == 1
    assert data.documents[0]["text"].rstrip().endswith("A paragraph added later.")
    assert {e_doc for e in data.events for e_doc in e["doc_ids"]} <= {data.documents[0]["id"]}
    assert [a["doc_id"] for a in data.annotations] == [data.documents[0]["id"]]


def test_an_edit_to_another_documents_text_retires_the_old_version(tmp_path):
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text(SEEDS[0].read_text(encoding="utf-8"), encoding="utf-8")
    second.write_text(SEEDS[1].read_text(encoding="utf-8"), encoding="utf-8")
    db = tmp_path / "db.json"
    assert len(import_paths(Store(db), [str(first), str(second)]).added) == 2
    _note_on(db, "first.txt")

    first.write_text(SEEDS[1].read_text(encoding="utf-8"), encoding="utf-8")
    report = import_paths(Store(db), [str(first)])
    assert report.replaced == [str(first)] and not report.unchanged

    data = Store(db).read()
    assert [d["source"] for d in data.documents] == [str(second)]
    assert [a["doc_id"] for a in data.annotations] == [data.documents[0]["id"]]
    assert {f["doc_id"] for f in data.facts} == {data.documents[0]["id"]}
