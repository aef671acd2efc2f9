"""A report that prints no publication date is shown and cited by its inspection dates, never as "undated".

Ofsted prints no publication date on its reports since 2018; the catalogue keeps
their inspection dates, and every place a document's date is shown (the reader's
title, an event's sources, search results, a quote's other documents and a
citation) says them, so two reports on one council are told apart.
"""

from __future__ import annotations

import dataclasses

from textual.app import App, ComposeResult
from textual.widgets import Static

from ofsted_core.citation import cite
from ofsted_core.search import SearchHit
from ofsted_tui.widgets.search_results import SearchResults
from ofsted_tui.widgets.timeline import SourceList
from tests.ui.reader_fixtures import ReaderApp, corpus, pilot_test, store_data

INSPECTED = {"published": None, "inspected_start": "2023-02-06", "inspected_end": "2023-02-10"}


def _data():
    data = store_data()
    documents = [dict(d, **INSPECTED) if d["id"] == "report" else d for d in data.documents]
    return dataclasses.replace(data, documents=documents)


def _report() -> dict:
    return next(d for d in _data().documents if d["id"] == "report")


def test_a_citation_of_a_report_without_a_publication_date_gives_its_inspection_dates():
    doc = _report()
    start = doc["text"].index("Since the last")
    text = cite(doc, start, start + 20).as_text()
    assert "inspected 6-10 Feb 2023" in text and "undated" not in text


class _Lists(App[None]):
    def compose(self) -> ComposeResult:
        yield SourceList(id="sources")
        yield SearchResults(id="results")


@pilot_test
async def test_event_sources_and_search_results_show_the_inspection_dates():
    app = _Lists()
    async with app.run_test(size=(160, 30)) as pilot:
        await pilot.pause()
        doc = _report()
        source = app.query_one(SourceList).render_row({"doc": doc, "passage": "", "page": 3}, 0, 150)
        assert "insp. 2023" in source[0].plain and "undated" not in source[0].plain
        results = app.query_one(SearchResults)
        results.corpus = corpus(_data())
        hit = SearchHit(doc_id="report", score=1.0, start=0, end=5, snippet="Inspection", snippet_start=0)
        head = results.render_row(hit, 0, 150)[0].plain
        assert "inspected 6-10 Feb 2023" in head and "undated" not in head


@pilot_test
async def test_the_reader_title_gives_the_inspection_dates():
    app = ReaderApp(corpus(_data()), "report")
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.pause()
        title = app.screen.query_one("#reader-title", Static).render().plain
        assert "inspected 6-10 Feb 2023" in title and "undated" not in title
