"""A quote traced to its source: shown in the facts pane, followed with `o`, shown on the event."""

from __future__ import annotations

from pathlib import Path

from ofsted_core.corpus import Corpus
from ofsted_core.importing import import_paths
from ofsted_tui.screens.reader import ReaderScreen
from ofsted_core.store import Store
from ofsted_tui.widgets.timeline import source_rows
from tests.ui.reader_fixtures import ReaderApp, pilot_test
from tests.unit.test_sources import REPORT, STORY, _write

SIZE = (140, 30)


def _corpus(tmp_path: Path) -> Corpus:
    folder = tmp_path / "docs"
    folder.mkdir()
    store = Store(tmp_path / "db.json")
    report = REPORT.replace("Overall effectiveness: requires improvement to be good",
                            "Inspection dates: 6 to 10 May 2024\n\nThe overall effectiveness of services is judged "
                            "\u201crequires improvement to be good\u201d.")
    story = STORY.replace("told to improve\n", "told to improve\nThe services were rated \u201crequires "
                                                "improvement\u201d by Ofsted in May 2024.\n")
    assert import_paths(store, [_write(folder, "report.txt", report, kind="ofsted_report"),
                                _write(folder, "story.txt", story)]).ok
    return Corpus.from_data(store.read())


def _row_of(pane, fact_id: str) -> int:
    return next(i for i, row in enumerate(pane.rows) if row.item and row.item.get("id") == fact_id)


@pilot_test
async def test_the_facts_pane_says_where_a_quote_is_found_and_o_opens_it_there(tmp_path):
    corpus = _corpus(tmp_path)
    story = next(d for d in corpus.documents.values() if d["kind"] == "news")
    quote = next(f for f in corpus.facts_of(story["id"], "quote") if f.get("source_links"))
    app = ReaderApp(corpus, story["id"])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        pane = screen.facts_pane
        assert "found in: report.txt" in pane.row_text(_row_of(pane, quote["id"])).plain
        pane.focus()
        while pane.highlighted_fact_id != quote["id"]:
            await pilot.press("down")
        assert screen.check_action("follow", ()) is True
        await pilot.press("o")
        await pilot.pause()
        report = app.screen
        assert isinstance(report, ReaderScreen) and report is not screen
        link = quote["source_links"][0]
        assert report.doc_id == link["doc_id"]
        assert report.reader.selected_fact_id == link["fact_id"]
        assert report.reader.mark == tuple(link["span"])
        assert report.facts_pane.highlighted_fact_id == link["fact_id"]
        passage = report.reader.selected_fact
        assert passage["type"] == "passage"
        assert "quoted in: story.txt" in report.facts_pane.row_text(_row_of(report.facts_pane, passage["id"])).plain
        # and back again
        await pilot.press("o")
        await pilot.pause()
        assert app.screen.doc_id == story["id"] and app.screen.reader.selected_fact_id == quote["id"]


def test_the_event_sources_say_the_story_quotes_the_report(tmp_path):
    corpus = _corpus(tmp_path)
    (event,) = [e for e in corpus.events if len(e["doc_ids"]) == 2]
    rows = {row["doc"]["kind"]: row for row in source_rows(event, corpus)}
    assert rows["news"]["quotes"] == "quotes the report (1 passage)"
    assert rows["ofsted_report"]["quotes"] == ""


@pilot_test
async def test_a_quote_found_in_two_places_offers_both_with_the_words_found(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    store = Store(tmp_path / "db.json")
    letter = ("Monitoring visit to Riverside children's services\n\n"
              "Leaders have not yet made sure that all children receive a timely and co-ordinated\n"
              "response when they first need help, and plans are not yet complete.\n")
    assert import_paths(store, [_write(folder, "report.txt", REPORT, kind="ofsted_report"),
                                _write(folder, "letter.txt", letter, kind="ofsted_letter"),
                                _write(folder, "story.txt", STORY)]).ok
    corpus = Corpus.from_data(store.read())
    story = next(d for d in corpus.documents.values() if d["kind"] == "news")
    quote = next(f for f in corpus.facts_of(story["id"], "quote") if len(f.get("source_links") or ()) == 2)
    app = ReaderApp(corpus, story["id"])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        pane = app.screen.facts_pane
        pane.focus()
        while pane.highlighted_fact_id != quote["id"]:
            await pilot.press("down")
        await pilot.press("o")
        await pilot.pause()
        choices = app.screen.query_one("#choices")
        prompts = [choices.get_option_at_index(i).prompt.plain for i in range(choices.option_count)]
        assert len(prompts) == 2
        assert {p.split("  ")[0] for p in prompts} == {"report.txt", "letter.txt"}
        # each names the words found there, so two places in one document can be told apart
        assert all("\u201cLeaders have not yet made sure that all children receive a timely" in p for p in prompts)
        await pilot.press("down", "enter")
        await pilot.pause()
        opened = app.screen
        assert isinstance(opened, ReaderScreen)
        assert opened.doc_id == quote["source_links"][1]["doc_id"]
        assert opened.reader.mark == tuple(quote["source_links"][1]["span"])
