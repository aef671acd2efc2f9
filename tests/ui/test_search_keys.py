"""Keys in the search box and the filter sidebar show the rows the store holds for them; a note's facets follow."""

from __future__ import annotations

from contextlib import asynccontextmanager

from ofsted_tui.widgets.documents import DocumentList
from ofsted_tui.widgets.search_results import SearchResults
from ofsted_tui.widgets.sidebar import FacetList
from ofsted_tui.widgets.timeline import TimelineList
from tests.ui.pilot import loaded, pilot_test, settle, type_text

SIZE = (160, 48)


def _expected(app, query: str) -> tuple[set[str], set[str]]:
    """The documents the store's index ranks for ``query``, and the events any of them supports."""
    docs = {doc_id for doc_id, _ in app.corpus.search_index.ranked(query)}
    events = {e["id"] for e in app.corpus.events if docs & set(e["doc_ids"])}
    return docs, events


@asynccontextmanager
async def _explorer(app):
    """The explorer on the sample store, loaded: its pilot and main screen."""
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        yield pilot, app.screen


def _shown(screen) -> tuple[set[str], set[str]]:
    return ({d["id"] for d in screen.query_one(DocumentList).rows},
            {e["id"] for e in screen.query_one(TimelineList).rows})


@pilot_test
async def test_each_key_typed_shows_the_rows_of_the_words_so_far(app):
    async with _explorer(app) as (pilot, screen):
        await pilot.press("slash")
        typed = ""
        for char in "inspe":
            await pilot.press(char)
            typed += char
            await pilot.pause()
            # The panes follow the key at once, before any ranking of the hits lands.
            docs, events = _expected(app, typed)
            assert _shown(screen) == (docs, events), typed
        assert 0 < len(docs) < len(app.corpus.documents)


@pilot_test
async def test_fast_typing_ends_on_the_last_words(app):
    async with _explorer(app) as (pilot, screen):
        await pilot.press("slash")
        await pilot.press(*"good", "space", *"insp", "backspace", "backspace", "backspace", "backspace",
                          *"haringey")  # no pause between keys
        await settle(pilot, lambda: not screen.searching and screen._answer is not None, "the ranking")
        query = "good haringey"
        assert screen.filters.text == query
        docs, events = _expected(app, query)
        assert docs and _shown(screen) == (docs, events)
        hits = screen.query_one(SearchResults).rows
        assert screen._answer[0] == query
        assert [h.doc_id for h in hits] == [d for d, _ in app.corpus.search_index.ranked(query)]


@pilot_test
async def test_toggling_an_authority_shows_its_rows(app):
    async with _explorer(app) as (pilot, screen):
        facet = screen.query_one("#facet-authorities", FacetList)
        facet.focus()
        await pilot.pause()
        authority = facet.current.value
        await pilot.press("space")
        await settle(pilot, lambda: not screen.catching_up, "the counts")  # they follow the rows
        docs = {d["id"] for d in app.corpus.documents.values() if d.get("authority") == authority}
        events = {e["id"] for e in app.corpus.events if e.get("authority") == authority}
        assert docs and events and len(events) < len(app.corpus.events)
        assert _shown(screen) == (docs, events)
        assert facet.current.selected and facet.current.events == len(events)
        await pilot.press("space")
        await pilot.pause()
        assert _shown(screen) == (set(app.corpus.documents), {e["id"] for e in app.corpus.events})


@pilot_test
async def test_after_a_bookmark_the_facets_count_it(app):
    async with _explorer(app) as (pilot, screen):
        await pilot.press("2")
        documents = screen.query_one(DocumentList)
        report = next(d for d in documents.rows if d["id"] == "c2019report")
        documents.cursor = documents.rows.index(report)
        await pilot.pause()
        before = app.facet_index
        await pilot.press("b")
        await settle(pilot, lambda: app.facet_index is not before, "the bookmark")
        marks = {v.value: v for v in screen.query_one("#facet-marks", FacetList).rows}
        supported = [e for e in app.corpus.events if "c2019report" in e["doc_ids"]]
        assert (marks["bookmark"].documents, marks["bookmark"].events) == (1, len(supported))
        # Chosen, it shows the bookmarked document and the events it supports.
        screen.filters = screen.filters.toggled("marks", "bookmark")
        await pilot.pause()
        assert _shown(screen) == ({"c2019report"}, {e["id"] for e in supported})


@pilot_test
async def test_an_unreadable_index_is_said_and_matches_nothing(app, monkeypatch):
    from ofsted_core.search import SearchIndex

    def broken(self, query):  # type: ignore[no-untyped-def]
        raise ValueError("the index is unreadable")

    monkeypatch.setattr(SearchIndex, "matching", broken)
    async with _explorer(app) as (pilot, screen):
        await pilot.press("slash", *"camden")
        await pilot.pause()
        assert app.is_running and screen.query_one("#query").value == "camden"
        assert any("the index is unreadable" in str(n.message) for n in app._notifications)
        assert _shown(screen) == (set(), set())


@pilot_test
async def test_keys_typed_together_are_ranked_once_with_the_hits_of_their_last_words(app, monkeypatch):
    # Ranking scores every match (a broad prefix: every document): the words of keys typed less than
    # RANK_AFTER_S apart are ranked once, after the last; the hits are those the index ranks for them.
    from ofsted_tui.screens import main

    monkeypatch.setattr(main, "RANK_AFTER_S", 3.0)  # wider than any gap between keys pressed here, even loaded
    async with _explorer(app) as (pilot, screen):
        ranked: list[str] = []
        hits = app.corpus.search_index.hits

        def counted(query, **options):
            ranked.append(query)
            return hits(query, **options)

        monkeypatch.setattr(app.corpus.search_index, "hits", counted)
        await pilot.press("slash")
        for char in "good hari":
            await pilot.press("space" if char == " " else char)
            await pilot.pause()  # each key's frame is out before the next key: the panes follow each
        await settle(pilot, lambda: not screen.searching and screen._answer is not None, "the ranking")
        assert ranked == ["good hari"]
        expected = [(h.doc_id, h.score) for h in hits("good hari", limit=main.MAX_HITS + 1)
                    if screen.result.passes(h.doc_id)][:main.MAX_HITS]
        assert expected and [(h.doc_id, h.score) for h in screen.query_one(SearchResults).rows] == expected
