"""Typed fast, with slips and backspaces, the search box leaves the rows and every count those of the last words.

Each key asks the index only for the word being typed (the words before it are kept), and the events a
broad prefix brings are gathered from the documents it does not match: the expected figures here are
counted from the store's ranked query instead, one FTS5 expression, as a user would check them by hand.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from textual.widgets import TabbedContent

from ofsted_tui.widgets.documents import DocumentList
from ofsted_tui.widgets.sidebar import FacetList
from ofsted_tui.widgets.timeline import TimelineList
from tests.ui.pilot import explorer, pilot_test, settle
from tests.ui.sample import large_data

SIZE = (160, 48)


def _keys(text: str) -> list[str]:
    return ["space" if c == " " else c for c in text]


async def _typed(pilot, screen, keys: list[str], query: str) -> None:
    """Press ``keys`` one after another, none waited for beyond its own handling; then let the counts catch up."""
    await pilot.press(*keys)
    await settle(pilot, lambda: screen.filters.text == query and not screen.catching_up and not screen.searching,
                 f"the view of {query!r}")


def _check(app, screen, query: str, *, most: bool) -> None:
    corpus = app.corpus
    docs = {doc_id for doc_id, _ in corpus.search_index.ranked(query)}
    events = [e for e in corpus.events if docs & set(e["doc_ids"])]
    # The query picks what it is meant to: most of the store, or a part of it.
    assert events and (len(docs) * 2 > len(corpus.documents)) == most
    assert most or len(events) < len(corpus.events)
    assert {e["id"] for e in screen.query_one(TimelineList).rows} == {e["id"] for e in events}
    assert {d["id"] for d in screen.query_one(DocumentList).rows} == docs
    tabs = screen.query_one(TabbedContent)
    assert str(tabs.get_tab("tab-timeline").label).split() == ["Timeline", str(len(events))]
    assert str(tabs.get_tab("tab-documents").label).split() == ["Documents", str(len(docs))]
    assert screen.sub_title.startswith(f"{len(events)} of ") and f" · {len(docs)} of " in screen.sub_title
    by_events = Counter(e["authority"] for e in events)
    by_docs = Counter(corpus.documents[d]["authority"] for d in docs)
    shown = {row.value: (row.events, row.documents) for row in screen.query_one("#facet-authorities", FacetList).rows}
    assert shown == {a: (by_events.get(a, 0), by_docs.get(a, 0)) for a in shown}
    assert set(by_events) | set(by_docs) <= set(shown)
    kinds = {row.value: row.documents for row in screen.query_one("#facet-kinds", FacetList).rows}
    assert kinds == {k: sum(corpus.documents[d]["kind"] == k for d in docs) for k in kinds}


@pilot_test
async def test_fast_typing_with_slips_ends_on_the_last_words(tmp_path: Path) -> None:
    async with explorer(tmp_path / "db.json", large_data(240), SIZE) as (app, pilot):
        screen = app.main_screen
        await pilot.press("slash")
        # A council's number: "borough 01" is ten boroughs of 150; slipped ("borougj"), then put right.
        await _typed(pilot, screen, [*_keys("borougj"), "backspace", *_keys("h 019"), "backspace", "backspace",
                                     *_keys("1")], "borough 01")
        _check(app, screen, "borough 01", most=False)
        # Backspaced to words already asked, then a rating typed after them.
        await _typed(pilot, screen, ["backspace", "backspace", *_keys("judged inad")],
                     "borough judged inad")
        _check(app, screen, "borough judged inad", most=False)
        # Cleared, and a prefix nearly every document has: the answer is gathered from those without it.
        await _typed(pilot, screen, ["ctrl+u", *_keys("ca"), "backspace"], "c")
        _check(app, screen, "c", most=True)
        # Two thirds of the boroughs (000-099): the events of the other third's documents are left out.
        await _typed(pilot, screen, ["ctrl+u", *_keys("borough 0")], "borough 0")
        _check(app, screen, "borough 0", most=True)


@pilot_test
async def test_a_bookmark_keeps_the_search_applied(tmp_path: Path) -> None:
    async with explorer(tmp_path / "db.json", large_data(120), SIZE) as (app, pilot):
        screen = app.main_screen
        await pilot.press("slash")
        await _typed(pilot, screen, _keys("borough 01"), "borough 01")
        _check(app, screen, "borough 01", most=False)
        readiness: list[bool] = []
        screen.watch(app, "search_ready", readiness.append, init=False)
        before = app.corpus
        await pilot.press("escape", "2")  # the document list
        await pilot.press("b")
        await settle(pilot, lambda: app.corpus is not before and not screen.catching_up, "the bookmark adopted")
        assert [a["kind"] for a in app.corpus.annotations] == ["bookmark"]
        # The index stayed open and ready: the search was never lifted from the panes meanwhile.
        assert readiness == [] and app.search_ready and app.corpus.search_index is before.search_index
        _check(app, screen, "borough 01", most=False)
