"""What the command line's arguments name: ratings in any era's words, types by part, documents by path."""

from __future__ import annotations

import os

from importers.vocabulary import rating_named
from ofsted_core.find import EventFilter, documents_named, type_named


def test_ratings_in_any_wording_or_abbreviation():
    assert rating_named("RI") == rating_named("Requires improvement to be good") == "requires improvement"
    assert rating_named("performs well") == "good"
    assert rating_named("splendid") is None


def test_types_by_part_ignoring_case_and_separators():
    types = {"focused visit", "monitoring visit", "inspection", "unannounced inspection"}
    assert type_named("Focused-Visit", types) == {"focused visit"}
    assert type_named("visit", types) == {"focused visit", "monitoring visit"}
    assert type_named("garden party", types) == set()


def test_an_undated_event_is_left_out_only_when_years_are_asked_for():
    undated = {"year": None, "type": "inspection", "rating": "good"}
    assert EventFilter().keeps(undated) and not EventFilter(since=2010).keeps(undated)
    assert EventFilter(until=2012).keeps({"year": 2012, "type": "inspection"})
    assert not EventFilter(rating="good").keeps({"year": 2012, "rating": "inadequate"})


def test_documents_by_id_prefix_or_by_the_path_they_were_imported_by(tmp_path, monkeypatch):
    docs = {i: {"id": i, "source": s} for i, s in (("ab12", "in/story.txt"), ("ab34", str(tmp_path / "x.txt")),
                                                   ("cd56", "other/story.txt"))}
    assert [d["id"] for d in documents_named(docs, "ab")] == ["ab12", "ab34"]
    assert [d["id"] for d in documents_named(docs, "cd")] == ["cd56"]
    monkeypatch.chdir(tmp_path)
    assert [d["id"] for d in documents_named(docs, "x.txt")] == ["ab34"]
    # A relative source is found by any spelling that ends with it, and not by a shorter one.
    assert [d["id"] for d in documents_named(docs, "/somewhere/else/in/story.txt")] == ["ab12"]
    assert [d["id"] for d in documents_named(docs, os.path.join("..", "q", "in", "story.txt"))] == ["ab12"]
    assert documents_named(docs, "/somewhere/story.txt") == []


def test_a_document_is_found_by_a_file_name_holding_terminal_controls(tmp_path, monkeypatch):
    # The import stores the name with its controls removed; `show` is given it as the shell spells it.
    monkeypatch.chdir(tmp_path)
    docs = {"ef78": {"id": "ef78", "source": "evilred.txt"}}
    for spelt in ("evil\x1b[31mred.txt", str(tmp_path / "evil\x1b[31mred\x1b]0;title\x07.txt")):
        assert [d["id"] for d in documents_named(docs, spelt)] == ["ef78"], spelt
