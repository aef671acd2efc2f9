"""Quotes traced to their source and passages repeated between documents (ofsted_core.sources)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ofsted_core.corpus import Corpus
from ofsted_core.export import export_csv, export_data, export_markdown
from ofsted_core.importing import import_paths
from ofsted_core.sources import MIN_QUOTE_WORDS, trace_sources
from ofsted_core.store import Store
from ofsted_core.timeline import build_events

REPORT = (
    "Inspection of Riverside children's services\n\n"
    "Overall effectiveness: requires improvement to be good\n\n"
    "Leaders have not yet made sure that all children receive a timely and co-ordinated\n"
    "response when they first need help. Too many assessments are delayed.\n\n"
    "Page 3 of 12\n\n"
    "Social workers are positive about working in Riverside and say that their caseloads\n"
    "are manageable. Managers know their teams well.\n"
)
STORY = (
    "Riverside children's services told to improve\n"
    "The inspectorate said: \u201cLeaders have not yet made sure that all children receive a timely "
    "and coordinated response when they first need help.\u201d\n"
    "It added that staff were \u201cpositive about working\u201d in the borough.\n"
    "The council said it would respond.\n"
)


def _doc(doc_id: str, text: str, kind: str = "news", authority: str | None = "Riverside", **more) -> dict:
    return {"id": doc_id, "source": f"{doc_id}.txt", "title": f"Title of {doc_id}", "kind": kind,
            "authority": authority, "published": "2024-05", "text": text, "furniture": [], **more}


def _quote(doc: dict, words: str, n: int = 0) -> dict:
    start = doc["text"].index(words)
    return {"id": f"{doc['id']}-{n:04d}", "doc_id": doc["id"], "type": "quote", "span": [start, start + len(words)],
            "text": words, "speaker": None, "role": None, "organisation": None}


def _words(doc: dict, span) -> str:
    return doc["text"][span[0]:span[1]]


def _check_spans(docs: dict[str, dict], facts: list[dict]) -> None:
    """Every fact and every link lies inside its document, and a passage holds its words."""
    ids = {f["id"]: f for f in facts}
    for fact in facts:
        start, end = fact["span"]
        assert 0 <= start < end <= len(docs[fact["doc_id"]]["text"])
        for link in fact.get("source_links") or ():
            assert link["doc_id"] != fact["doc_id"], "a document never links to itself"
            a, b = link["span"]
            assert 0 <= a < b <= len(docs[link["doc_id"]]["text"])
            target = ids[link["fact_id"]]
            assert target["doc_id"] == link["doc_id"]
            assert target["span"][0] <= a and b <= target["span"][1]
            # and the way back
            assert any(back["doc_id"] == fact["doc_id"] and back["fact_id"] == fact["id"]
                       for back in target.get("source_links") or ())


@pytest.fixture
def story_and_report():
    page = REPORT.index("Page 3")
    report = _doc("report", REPORT, kind="ofsted_report", furniture=[[page, page + len("Page 3 of 12")]])
    story = _doc("story", STORY)
    quote = _quote(story, "Leaders have not yet made sure that all children receive a timely and coordinated "
                          "response when they first need help.")
    short = _quote(story, "positive about working", 1)
    return report, story, quote, short


def test_a_quote_links_to_the_report_across_line_breaks_dashes_and_quote_marks(story_and_report):
    report, story, quote, short = story_and_report
    facts = trace_sources([report, story], [quote, short])
    (link,) = quote["source_links"]
    assert link["doc_id"] == "report" and link["relation"] == "quotes"
    assert _words(report, link["span"]) == (
        "Leaders have not yet made sure that all children receive a timely and co-ordinated\n"
        "response when they first need help")
    (passage,) = [f for f in facts if f["type"] == "passage"]
    assert passage["id"] == link["fact_id"] and passage["span"] == link["span"] and passage["doc_id"] == "report"
    assert passage["source_links"] == [{"doc_id": "story", "fact_id": quote["id"], "span": quote["span"],
                                        "relation": "quoted_by"}]
    _check_spans({"report": report, "story": story}, facts)


def test_a_quote_too_short_is_not_linked(story_and_report):
    report, story, quote, short = story_and_report
    assert len(short["text"].split()) < MIN_QUOTE_WORDS
    trace_sources([report, story], [short])
    assert "source_links" not in short


def test_page_furniture_inside_the_quoted_passage_is_skipped():
    report = _doc("report", "Children wait too long\nPage 4\nfor an assessment of their needs. End.",
                  kind="ofsted_report", furniture=[[23, 29]])
    story = _doc("story", "Ofsted said \"children wait too long for an assessment of their needs\", it found.")
    quote = _quote(story, "children wait too long for an assessment of their needs")
    facts = trace_sources([report, story], [quote])
    (link,) = quote["source_links"]
    assert link["span"] == [0, report["text"].index(" End") - 1]
    _check_spans({"report": report, "story": story}, facts)


def test_a_quote_with_an_ellipsis_is_found_piece_by_piece():
    report = _doc("report", "The local authority has a clear plan for improvement across all services. It is "
                            "being delivered. Senior leaders understand the scale of the work that remains to be done.",
                  kind="ofsted_report")
    story = _doc("story", "The report said \u201cthe local authority has a clear plan for improvement across all services"
                          " \u2026 senior leaders understand the scale of the work that remains\u201d.")
    quote = _quote(story, story["text"][story["text"].index("the local"):story["text"].index("remains") + 7])
    trace_sources([report, story], [quote])
    assert [_words(report, link["span"]) for link in quote["source_links"]] == [
        "The local authority has a clear plan for improvement across all services",
        "Senior leaders understand the scale of the work that remains"]


def test_a_document_never_links_to_itself():
    text = ("He said: \u201cWe will make sure every child gets the help they need quickly.\u201d Later he "
            "repeated that we will make sure every child gets the help they need quickly.")
    story = _doc("story", text)
    quote = _quote(story, "We will make sure every child gets the help they need quickly.")
    facts = trace_sources([story], [quote])
    assert "source_links" not in quote and facts == [quote]


def test_two_stories_quoting_the_same_words_link_to_each_other_as_the_same_quote(story_and_report):
    report, story, quote, _ = story_and_report
    other = _doc("other", "Another paper wrote that \u201cLeaders have not yet made sure that all children receive "
                          "a timely and co-ordinated response when they first need help,\u201d inspectors found.")
    other_quote = _quote(other, "Leaders have not yet made sure that all children receive a timely and "
                                "co-ordinated response when they first need help,")
    facts = trace_sources([report, story, other], [quote, other_quote])
    relations = {(link["doc_id"], link["relation"]) for link in quote["source_links"]}
    assert relations == {("report", "quotes"), ("other", "same_quote")}
    # The report comes first: Ofsted's documents lead the list.
    assert quote["source_links"][0]["doc_id"] == "report"
    assert {("story", "same_quote")} <= {(link["doc_id"], link["relation"]) for link in other_quote["source_links"]}
    _check_spans({d["id"]: d for d in (report, story, other)}, facts)


def test_documents_about_another_council_are_not_searched(story_and_report):
    report, story, quote, _ = story_and_report
    report["authority"] = "Elsewhere"
    trace_sources([report, story], [quote])
    assert "source_links" not in quote
    report["authority"] = None  # a document naming no council may be about any
    trace_sources([report, story], [quote])
    assert quote["source_links"][0]["doc_id"] == "report"


SHARED = ("The council has appointed a new director of children's services after a long search. "
          "She joins from a neighbouring borough where services were rated good in 2022. "
          "Her first task will be the improvement plan agreed with the Department for Education.")


def test_two_stories_sharing_paragraphs_are_flagged_on_both():
    one = _doc("one", f"New director for Riverside\n{SHARED}\nThe leader welcomed the news.\n")
    two = _doc("two", f"Riverside names director\nBy a reporter\n{SHARED}\nUnions were not consulted.\n",
               authority="Riverside")
    facts = trace_sources([one, two], [])
    repeated = {f["doc_id"]: f for f in facts if f["type"] == "repeated"}
    assert set(repeated) == {"one", "two"}
    assert _words(one, repeated["one"]["span"]) == SHARED == _words(two, repeated["two"]["span"])
    assert repeated["one"]["sentences"] == 3 and repeated["one"]["words"] == len(SHARED.split())
    assert repeated["one"]["source_links"] == [{"doc_id": "two", "fact_id": repeated["two"]["id"],
                                                "span": repeated["two"]["span"], "relation": "repeats"}]
    _check_spans({"one": one, "two": two}, facts)


def test_one_shared_short_sentence_is_not_a_repeat_nor_is_boilerplate_between_ofsted_reports():
    line = "The council said it would respond in due course."
    one, two = _doc("one", f"First story.\n{line}\n"), _doc("two", f"Second story here.\n{line}\n")
    assert [f for f in trace_sources([one, two], []) if f["type"] == "repeated"] == []
    a = _doc("a", f"Report A.\n{SHARED}\n", kind="ofsted_report")
    b = _doc("b", f"Report B.\n{SHARED}\n", kind="ofsted_letter")
    assert [f for f in trace_sources([a, b], []) if f["type"] == "repeated"] == []


def test_a_sentence_in_many_documents_is_boilerplate():
    docs = [_doc(f"d{i}", f"Story number {i} is here.\n{SHARED}\n") for i in range(8)]
    assert [f for f in trace_sources(docs, []) if f["type"] == "repeated"] == []


def test_recomputing_drops_old_links_and_derived_facts(story_and_report):
    report, story, quote, short = story_and_report
    first = trace_sources([report, story], [quote, short])
    again = trace_sources([report, story], first)
    assert again == first
    gone = trace_sources([story], first)  # the report left the store
    assert gone == [quote, short] and "source_links" not in quote


def test_the_timeline_says_which_story_quotes_which_report(story_and_report):
    report, story, quote, _ = story_and_report
    judgements = [
        {"id": f"{d['id']}-j", "doc_id": d["id"], "type": "judgement", "span": [0, 5], "authority": "Riverside",
         "year": 2024, "month": 4, "day": None, "rating": "requires improvement", "grade": 3, "area": "overall",
         "era": "ilacs", "event_type": "standard inspection"}
        for d in (report, story)
    ]
    facts = trace_sources([report, story], [quote, *judgements])
    (event,) = build_events([report, story], facts)
    assert event["quotes"] == [{"doc_id": "story", "quoted_doc_id": "report", "passages": 1}]


# -- through the store -----------------------------------------------------------
def _write(folder: Path, name: str, text: str, authority: str = "Riverside", kind: str = "news") -> str:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    (folder / (path.stem + ".meta.json")).write_text(json.dumps(
        {"title": name, "kind": kind, "authority": authority, "published": "2024-05"}), encoding="utf-8")
    return str(path)


def _links(store: Store) -> list[tuple[str, str, str]]:
    data = store.read()
    source = {d["id"]: d["source"] for d in data.documents}
    return sorted((Path(source[f["doc_id"]]).name, f["type"], Path(source[link["doc_id"]]).name)
                  for f in data.facts for link in f.get("source_links") or ())


def test_import_links_once_keeps_them_on_reimport_and_drops_them_with_a_replaced_document(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    report = _write(folder, "report.txt", REPORT, kind="ofsted_report")
    story = _write(folder, "story.txt", STORY)
    store = Store(tmp_path / "db.json")
    assert import_paths(store, [report]).ok
    assert import_paths(store, [story]).ok  # the report was already there
    linked = [("report.txt", "passage", "story.txt"), ("story.txt", "quote", "report.txt")]
    assert _links(store) == linked
    before = (tmp_path / "db.json").read_bytes()
    assert import_paths(store, [str(folder)]).unchanged  # a no-op: nothing written
    assert (tmp_path / "db.json").read_bytes() == before
    assert _links(store) == linked

    Path(report).write_text(REPORT.replace("Leaders have not yet made sure", "Leaders have made sure"), encoding="utf-8")
    assert import_paths(store, [report]).replaced
    data = store.read()
    assert _links(store) == []
    assert [f for f in data.facts if f["type"] == "passage"] == []
    docs = {d["id"]: d for d in data.documents}
    _check_spans(docs, data.facts)


def test_a_note_on_a_traced_passage_follows_a_reimported_edit(tmp_path):
    from ofsted_core.annotations import make_annotation

    folder = tmp_path / "docs"
    folder.mkdir()
    report = _write(folder, "report.txt", REPORT, kind="ofsted_report")
    store = Store(tmp_path / "db.json")
    assert import_paths(store, [report, _write(folder, "story.txt", STORY)]).ok
    with store.transaction() as data:
        doc = next(d for d in data.documents if d["kind"] == "ofsted_report")
        facts = [f for f in data.facts if f["doc_id"] == doc["id"]]
        passage = next(f for f in facts if f["type"] == "passage")
        data.annotations.append(make_annotation("note", doc, fact=passage, facts=facts, body="key finding"))
    Path(report).write_text("A new first line.\n" + REPORT, encoding="utf-8")
    assert import_paths(store, [report]).replaced
    data = store.read()
    (note,) = data.annotations
    moved = next(f for f in data.facts if f["id"] == note["fact_id"])
    assert moved["type"] == "passage" and moved["doc_id"] == note["doc_id"] != doc["id"]


def test_export_carries_links_and_event_quotes(tmp_path, story_and_report):
    folder = tmp_path / "docs"
    folder.mkdir()
    store = Store(tmp_path / "db.json")
    assert import_paths(store, [_write(folder, "report.txt", REPORT, kind="ofsted_report"),
                                _write(folder, "story.txt", STORY)]).ok
    corpus = Corpus.from_data(store.read())
    data = export_data(corpus)
    quote = next(f for f in data["facts"] if f.get("source_links") and f["type"] == "quote")
    assert quote["source_links"][0]["relation"] == "quotes"
    passage = next(f for f in data["facts"] if f["type"] == "passage")
    assert passage["words"] >= MIN_QUOTE_WORDS and passage["source_links"][0]["relation"] == "quoted_by"
    assert all("quotes" in event for event in data["events"])
    assert "source_links" in export_csv(corpus).splitlines()[0].split(",")
    assert "found in report.txt" in export_markdown(corpus)


def test_redoing_only_the_councils_touched_gives_what_redoing_all_gives(story_and_report):
    report, story, quote, short = story_and_report
    other_report = _doc("elsewhere-report", REPORT.replace("Riverside", "Hilltop"), kind="ofsted_report",
                        authority="Hilltop")
    other_story = _doc("elsewhere-story", STORY.replace("Riverside", "Hilltop"), authority="Hilltop")
    other_quote = {**_quote(other_story, quote["text"]), "id": "elsewhere-story-0000"}
    unnamed = _doc("unnamed", f"A blog.\n{SHARED}\n", authority=None)
    copy = _doc("copy", f"Copied.\n{SHARED}\n")
    everything = [report, story, other_report, other_story, unnamed, copy]
    facts = trace_sources(everything, [quote, short, other_quote])
    snapshot = json.dumps(facts, sort_keys=True)
    assert {f["type"] for f in facts} >= {"passage", "repeated"}
    # Hilltop's story replaced by a version without the quote: only Hilltop is redone.
    edited = _doc("elsewhere-story-2", "Nothing quoted here at all.", authority="Hilltop")
    step = trace_sources([report, story, other_report, edited, unnamed, copy], facts, {"Hilltop"})
    full = trace_sources([report, story, other_report, edited, unnamed, copy],
                         json.loads(json.dumps(step)))
    assert json.dumps(step, sort_keys=True) == json.dumps(full, sort_keys=True)
    assert not any(link["doc_id"].startswith("elsewhere") for f in step for link in f.get("source_links") or ())
    # and back: the Hilltop story again gives the first result
    again = trace_sources(everything, [f for f in step if f["doc_id"] != "elsewhere-story-2"] + [other_quote],
                          {"Hilltop"})
    assert json.dumps(again, sort_keys=True) == snapshot


def test_one_rank_orders_sources_for_the_timeline_and_the_tracing():
    from importers.model import DOCUMENT_KINDS, OFSTED_KINDS, SOURCE_RANK, source_rank

    # Every kind has a place; Ofsted's own come first, a dataset (a third
    # party's reading of the reports) before what others write about them.
    assert set(SOURCE_RANK) == set(DOCUMENT_KINDS)
    assert sorted(DOCUMENT_KINDS, key=source_rank)[:3] == [*OFSTED_KINDS, "dataset"]
    assert source_rank("dataset") < source_rank("minutes") < source_rank("news") < source_rank("other")
    assert source_rank(None) == source_rank("leaflet") == source_rank("other")
