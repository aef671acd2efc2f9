"""The Library, the core's one entry point, on a small store of the seed documents (real format:
Haringey's inspections, letters and news): every method answers from the store it was opened on."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from ofsted_core.annotations import Change, make_annotation
from ofsted_core.library import BadValue, Library, LibraryError, NotFound, council_csv, grid_csv, grid_json
from tests.paths import SEEDS


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("seeded")
    for seed in SEEDS:
        shutil.copy(seed, folder / seed.name)
    report = Library(folder / "db.json").import_paths([str(folder)])
    assert report.ok and len(report.added) == len(SEEDS)
    return folder / "db.json"


@pytest.fixture
def library(seeded: Path, tmp_path: Path) -> Library:
    """A copy of the seeded store, so a test that writes leaves the others theirs."""
    for part in seeded.parent.glob("db.*"):
        shutil.copy(part, tmp_path / part.name)
    return Library.open(tmp_path / "db.json")


def test_open_refuses_a_missing_store_unless_asked_to_create_one(tmp_path: Path):
    with pytest.raises(LibraryError) as refused:
        Library.open(tmp_path / "typo.json")
    assert str(tmp_path / "typo.json") in refused.value.message and "no such store" in refused.value.message
    assert not Library.open(tmp_path / "new.json", create=True).exists


def test_load_holds_every_document_with_its_facts_and_the_timeline(library: Library):
    corpus = library.load()
    assert len(corpus.documents) == len(SEEDS)
    facts = [f for doc_id in corpus.documents for f in corpus.facts_of(doc_id)]
    assert facts and corpus.events
    assert all(f["doc_id"] in corpus.documents and corpus.text_of(f["doc_id"]) for f in facts)


def test_timeline_filters_by_council_year_rating_and_type(library: Library):
    everything = library.timeline()
    assert everything.events and not everything.narrowed and everything.empty_hint is None
    years = sorted(e["year"] for e in everything.events if e.get("year"))
    middle = years[len(years) // 2]
    later = library.timeline(since=middle)
    assert later.events and all(e["year"] >= middle for e in later.events)
    assert len(later.events) < len(everything.events)
    # Part of a council's name, any case, means the council.
    assert {e["authority"] for e in library.timeline(authority="haring").events} == {"Haringey"}
    inspections = library.timeline(type="inspect")
    assert inspections.events and all("inspection" in e["type"] for e in inspections.events)
    graded = [e for e in everything.events if e.get("rating")]
    rated = library.timeline(rating=graded[0]["rating"].upper())
    assert rated.events and all(e["rating"] == graded[0]["rating"] for e in rated.events)
    assert [e["id"] for e in library.timeline(since=middle).json()] == [e["id"] for e in later.events]


def test_timeline_says_what_it_cannot_use(library: Library):
    with pytest.raises(BadValue, match="is not a rating"):
        library.timeline(rating="splendid")
    with pytest.raises(NotFound, match="no event type matches 'garden party'; types here: .*inspection"):
        library.timeline(type="garden party")
    with pytest.raises(NotFound, match="no council matches 'Atlantis'"):
        library.timeline(authority="Atlantis")
    nothing = library.timeline(since=2090)
    assert nothing.events == [] and "no events match these filters" in (nothing.empty_hint or "")
    elsewhere = library.timeline(authority="Norfolk")
    assert elsewhere.events == [] and "ofsted-tui fetch Norfolk" in (elsewhere.empty_hint or "")


def test_search_finds_passages_in_the_stores_documents(library: Library):
    found = library.search("inspection", limit=3)
    assert 0 < len(found.hits) <= 3
    assert all(h.doc_id in found.corpus.documents for h in found.hits)
    assert [row["doc_id"] for row in found.json()] == [h.doc_id for h in found.hits]
    assert library.search("zzyzx-never-written").hits == []


def test_documents_document_and_facts(library: Library):
    rows = library.documents()
    assert len(rows) == len(SEEDS) and all("text" not in row for row in rows)
    assert library.documents(authority="haringey") == [r for r in rows if r.get("authority") == "Haringey"]
    kinds = {r["kind"] for r in rows}
    one_kind = sorted(kinds)[0]
    assert {r["kind"] for r in library.documents(kind=one_kind)} == {one_kind}

    row = max(rows, key=lambda r: r["id"])
    by_prefix = library.document(row["id"][:10])
    assert by_prefix.document["id"] == row["id"] and by_prefix.document["text"]
    by_path = library.document(row["source"])
    assert by_path.document["id"] == row["id"]
    facts = library.facts(row["id"])
    assert [f["id"] for f in facts] == [f["id"] for f in by_prefix.facts]
    assert [f["span"][0] for f in facts] == sorted(f["span"][0] for f in facts)
    assert by_prefix.json()["facts"] == json.loads(json.dumps(by_prefix.json()["facts"]))
    with pytest.raises(NotFound, match="no document matches 'nope'"):
        library.document("nope")
    with pytest.raises(NotFound, match=f"matches {len(rows)} documents; give more of the id"):
        library.document("")


def test_annotate_writes_a_note_and_undo_takes_it_back(library: Library):
    doc = library.document(library.documents()[0]["id"]).document
    note = make_annotation("note", doc, body="checked against the letter")
    written, undo = library.annotate(Change(add=(note,), done="Note saved"))
    assert [a["id"] for a in written.annotations] == [note["id"]]
    assert [a["body"] for a in library.load().annotations] == ["checked against the letter"]
    assert undo.remove == (note["id"],)
    after, redo = library.undo(undo)
    assert after.annotations == [] and library.load().annotations == []
    assert redo.add and redo.add[0]["id"] == note["id"]


def test_export_returns_and_writes_each_format(library: Library, tmp_path: Path):
    data = json.loads(library.export("json"))
    assert len(data["documents"]) == len(SEEDS)
    events_csv = library.export("csv", "events")
    assert events_csv.splitlines()[0].startswith("id,") and len(events_csv.splitlines()) == len(data["events"]) + 1
    out = tmp_path / "timeline.md"
    assert library.export("md", out=out) == out.read_text(encoding="utf-8")
    with pytest.raises(BadValue, match="is not a format"):
        library.export("xlsx")
    # The store's own files are never an export's target, and the store is left as it was.
    before = library.path.read_bytes()
    with pytest.raises(LibraryError) as refused:
        library.export("json", out=library.path)
    assert refused.value.message.startswith(f"cannot write {library.path}")
    assert library.path.read_bytes() == before


def test_councils_and_compare(library: Library):
    rows = library.councils()
    haringey = [r for r in rows if r["council"] == "Haringey"]
    assert len(haringey) == 1 and haringey[0]["documents"] == len(SEEDS)
    assert council_csv(haringey).splitlines()[1].startswith("Haringey,London")
    assert [r["council"] for r in library.councils(region="london")] == [r["council"] for r in rows
                                                                        if r["region"] == "London"]
    with pytest.raises(BadValue, match="is not a grade"):
        library.councils(grade="splendid")
    with pytest.raises(NotFound, match="no region matches 'Atlantis'"):
        library.councils(region="Atlantis")

    grid = library.compare(["haringey", "norfolk"])
    assert [row.name for row in grid.rows] == ["Haringey", "Norfolk"]
    assert grid.rows[0].authorities and not grid.rows[1].authorities
    assert grid_json(grid)["years"] == grid.years
    assert grid_csv(grid).splitlines()[0].startswith("council,region")
    with pytest.raises(NotFound, match="no council matches"):
        library.compare(["Atlantis"])


def test_a_damaged_store_is_one_error_naming_the_file(tmp_path: Path):
    db = tmp_path / "db.json"
    db.write_text("{ not json", encoding="utf-8")
    library = Library.open(db)
    for call in (library.load, library.timeline, library.documents, lambda: library.search("x"),
                 lambda: library.import_paths([str(tmp_path)])):
        with pytest.raises(LibraryError) as refused:
            call()
        assert refused.value.message.startswith(str(db))
    assert db.read_text(encoding="utf-8") == "{ not json"
