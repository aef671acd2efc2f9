"""The explorer keeps one reader and gives it each document: nothing of the last one stays."""

from __future__ import annotations

from ofsted_tui.messages import OpenDocument
from ofsted_tui.screens.reader import READER, ReaderScreen
from ofsted_tui.widgets.reader import DocumentView
from tests.ui.pilot import loaded, pilot_test, settle

SIZE = (120, 36)


def _drawn(view: DocumentView) -> str:
    return "\n".join("".join(seg.text for seg in view.render_line(y)).rstrip()
                     for y in range(view.scrollable_content_region.height))


async def _open(pilot, app, doc_id: str, **where) -> ReaderScreen:
    app.screen.post_message(OpenDocument(doc_id, **where))  # as a list's enter, or a quote followed, asks
    await settle(pilot, lambda: isinstance(app.screen, ReaderScreen) and app.screen.doc_id == doc_id
                 and app.screen.reader.virtual_size.height > 0, f"the reader on {doc_id}")
    return app.screen


def _first_words(app, doc_id: str) -> str:
    return " ".join(app.corpus.text_of(doc_id).split()[:3])


@pilot_test
async def test_the_reader_opened_twice_shows_each_document_afresh(app):
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        docs = sorted(app.corpus.documents.values(), key=lambda d: -len(app.corpus.text_of(d["id"])))
        first, second = docs[0]["id"], docs[1]["id"]
        assert _first_words(app, first) != _first_words(app, second)
        # Built ahead, once the explorer is idle, and given its first document when asked.
        await settle(pilot, lambda: app.is_screen_installed(READER), "the reader built ahead")
        built = app.get_screen(READER)
        assert built not in app.screen_stack

        reader = await _open(pilot, app, first)
        assert reader is built
        assert reader.document["id"] == first and _first_words(app, first) in _drawn(reader.reader)
        # Leave it somewhere: scrolled down, a highlight marked, the find bar open, the facts pane hidden.
        await pilot.press("end")
        await pilot.press("right_square_bracket")
        await pilot.press("v")
        await pilot.press("slash")
        await pilot.pause()
        await pilot.press("escape", "escape", "escape")
        await settle(pilot, lambda: not isinstance(app.screen, ReaderScreen), "the reader closed")

        again = await _open(pilot, app, second)
        assert again is reader  # the same screen, given the other document
        assert again.document["id"] == second and again.reader.document["id"] == second
        assert _first_words(app, second) in _drawn(again.reader)
        assert again.reader.scroll_offset.y == 0 and again.reader.mark is None and not again.reader.query
        assert not again.find_bar.is_open and not again.facts_pane.has_class("-hidden")
        facts = app.corpus.facts_of(second)
        assert again.facts_pane.border_title.endswith(f"Facts \u00b7 {len(facts)}")
        assert again.reader.has_focus
        title = again.query_one("#reader-title").render().plain
        assert app.corpus.documents[second]["title"] in title


@pilot_test
async def test_a_reader_opened_from_the_reader_is_another_screen(app):
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        first, second = list(app.corpus.documents)[:2]
        reader = await _open(pilot, app, first)
        over = await _open(pilot, app, second)  # as following a quote to its source does
        assert over is not reader and over.doc_id == second
        await pilot.press("escape")
        await settle(pilot, lambda: app.screen is reader, "back to the first reader")
        assert reader.doc_id == first and reader.reader.document["id"] == first
