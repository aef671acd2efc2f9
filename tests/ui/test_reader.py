"""Pilot tests of the reader: moving, finding, following, copying, untrusted text."""

from __future__ import annotations


from textual.widgets import Input, Label, Static

from ofsted_core.citation import paragraph_number
from ofsted_tui.screens.reader import ReaderScreen
from ofsted_core.store import StoreData
from ofsted_tui.screens.reader_dialogs import ChoiceDialog, ExportDialog
from ofsted_tui.widgets.facts import FactsPane
from ofsted_tui.widgets.reader import DocumentView
from tests.ui.reader_fixtures import (
    FOOTER, HEADER, NEWS_TEXT, REPORT_TEXT, ReaderApp, big_document, corpus, pilot_test, store_data,
)

SIZE = (100, 30)


def drawn(view: DocumentView) -> list[str]:
    """The text of the lines on screen, as drawn."""
    return ["".join(seg.text for seg in view.render_line(y)).rstrip() for y in range(view.scrollable_content_region.height)]


def status(screen: ReaderScreen) -> str:
    return screen.query_one("#reader-status", Static).render().plain


def find_count(screen: ReaderScreen) -> str:
    return screen.query_one("#find-count", Label).render().plain


def big_corpus():
    data = store_data()
    doc, facts = big_document(70)
    data.documents.append(doc)
    data.facts.extend(facts)
    return corpus(data)


@pilot_test
async def test_opens_on_a_fact_with_the_pane_following():
    app = ReaderApp(corpus(), "report", fact_id="r-ri")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        assert screen.reader.selected_fact_id == "r-ri"
        assert screen.reader.mark == tuple(store_data().facts[3]["span"])
        assert screen.facts_pane.highlighted_fact_id == "r-ri"
        assert "Requires improvement to be good" in status(screen)
        assert screen.reader.has_focus


@pilot_test
async def test_a_span_that_is_a_fact_opens_on_the_fact_and_any_other_span_is_marked():
    span = tuple(next(f for f in store_data().facts if f["id"] == "r-sam")["span"])
    app = ReaderApp(corpus(), "report", span=span)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.reader.selected_fact_id == "r-sam"
        assert app.screen.facts_pane.highlighted_fact_id == "r-sam"
    start = REPORT_TEXT.index("leaders have made")
    app = ReaderApp(corpus(), "report", span=(start, start + 17))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.reader.selected_fact_id is None
        assert app.screen.reader.mark == (start, start + 17)
        assert f"passage at paragraph {paragraph_number(REPORT_TEXT, start)}" in status(app.screen)


@pilot_test
async def test_an_unknown_document_closes_the_reader_with_an_error():
    app = ReaderApp(corpus(), "no-such-document")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert not isinstance(app.screen, ReaderScreen)
        assert any("No document no-such-document" in n.message for n in app._notifications)


@pilot_test
async def test_judgement_keys_move_through_judgements_and_select_the_fact():
    app = ReaderApp(corpus(), "report")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        seen = []
        for _ in range(3):
            await pilot.press("j")
            seen.append(screen.reader.selected_fact_id)
            assert screen.facts_pane.highlighted_fact_id == seen[-1]
        assert seen == ["r-good", "r-ri", "r-help"]
        await pilot.press("j")
        assert screen.reader.selected_fact_id == "r-help"
        assert "no next judgement" in status(screen)
        await pilot.press("J")
        assert screen.reader.selected_fact_id == "r-ri"


@pilot_test
async def test_each_kind_has_its_own_keys_and_brackets_move_through_all():
    app = ReaderApp(corpus(), "report")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        reader = app.screen.reader
        for key, expected in [("q", "r-child"), ("q", "r-journey"), ("Q", "r-child"), ("p", "r-sam"),
                              ("P", "r-lead"), ("D", "r-date"), ("d", "r-2018"), ("s", "r-stat")]:
            await pilot.press(key)
            assert reader.selected_fact_id == expected, key
        reader.clear_mark()
        order = []
        for _ in range(4):
            await pilot.press("right_square_bracket")
            order.append(reader.selected_fact_id)
        assert order == ["r-date", "r-lead", "r-good", "r-ri"]
        await pilot.press("left_square_bracket")
        assert reader.selected_fact_id == "r-good"


@pilot_test
async def test_moving_through_facts_scrolls_the_reader_to_each_span_and_marks_it():
    app = ReaderApp(big_corpus(), "big")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        pane = screen.facts_pane
        pane.focus()
        await pilot.press("end")  # the last fact, at the end of the report
        await pilot.pause()
        fact_id = pane.highlighted_fact_id
        assert fact_id is not None
        reader = screen.reader
        assert reader.selected_fact_id == fact_id
        fact = reader.selected_fact
        assert reader.mark == tuple(fact["span"])
        line = reader.line_of_offset(fact["span"][0])
        assert line in reader.visible_lines()
        assert reader.scroll_offset.y > 1000
        await pilot.press("home")
        await pilot.pause()
        assert reader.scroll_offset.y < 10
        assert reader.line_of_offset(reader.mark[0]) in reader.visible_lines()


@pilot_test
async def test_enter_on_a_fact_takes_the_focus_to_the_reader():
    app = ReaderApp(corpus(), "report")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.facts_pane.focus()
        await pilot.press("down", "down", "enter")
        assert screen.reader.has_focus
        assert screen.reader.selected_fact_id == "r-ri"


@pilot_test
async def test_clicking_a_highlight_selects_its_fact():
    app = ReaderApp(corpus(), "report")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        reader = app.screen.reader
        fact = next(f for f in reader.facts if f["id"] == "r-lead")
        line = reader.line_of_offset(fact["span"][0])
        column = reader.line_text(line).index("Jane")
        # +1 for the view's left padding.
        await pilot.click(DocumentView, offset=(column + 2, line))
        assert reader.selected_fact_id == "r-lead"
        assert app.screen.facts_pane.highlighted_fact_id == "r-lead"


@pilot_test
async def test_find_counts_matches_moves_between_them_and_escape_clears():
    app = ReaderApp(corpus(), "report")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("slash")
        assert screen.query_one("#find-input", Input).has_focus
        await pilot.press(*"good")
        expected = REPORT_TEXT.lower().count("good")
        assert len(screen.reader.matches) == expected == 4
        assert find_count(screen) == f"1 of {expected}"
        await pilot.press("enter")
        assert screen.reader.has_focus
        assert find_count(screen) == f"1 of {expected}"
        await pilot.press("n", "n", "n")
        assert find_count(screen) == f"4 of {expected}"
        await pilot.press("n")
        assert find_count(screen) == f"1 of {expected}"
        await pilot.press("N")
        assert find_count(screen) == f"4 of {expected}"
        await pilot.press("escape")
        assert screen.reader.matches == [] and not screen.find_bar.is_open
        assert isinstance(app.screen, ReaderScreen)  # the first escape only closed the find


@pilot_test
async def test_find_with_no_match_says_so_and_takes_markup_literally():
    app = ReaderApp(corpus(), "hostile")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("slash", *"zzz")
        assert find_count(screen) == "no matches"
        screen.query_one("#find-input", Input).value = "[/x]"
        await pilot.pause()
        assert len(screen.reader.matches) == 1
        assert find_count(screen) == "1 of 1"
        screen.query_one("#find-input", Input).value = "(.*"
        await pilot.pause()
        assert find_count(screen) == "no matches"


@pilot_test
async def test_furniture_is_dimmed_then_hidden_with_one_key():
    app = ReaderApp(corpus(), "report")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        reader = app.screen.reader
        header, footer = HEADER.strip(), FOOTER.strip()
        assert header in drawn(reader) and footer in drawn(reader)
        dimmed = reader.get_component_rich_style("document-view--furniture")
        first = reader.render_line(0)
        assert list(first)[0].style.color == dimmed.color
        await pilot.press("f")
        lines = drawn(reader)
        assert header not in lines and footer not in lines
        assert lines[0] == ""  # the blank line after the cut header
        assert "hidden" in status(app.screen)
        await pilot.press("f")
        assert header in drawn(reader)


@pilot_test
async def test_hidden_furniture_is_skipped_by_moves_and_find():
    data = store_data()
    report = data.documents[0]
    report["furniture"].append([REPORT_TEXT.index("Lead inspector"), REPORT_TEXT.index("Lead inspector") + 51])
    app = ReaderApp(corpus(data), "report")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        reader = app.screen.reader
        await pilot.press("p")
        assert reader.selected_fact_id == "r-lead"
        reader.clear_mark()
        await pilot.press("f", "p")
        assert reader.selected_fact_id == "r-sam"
        assert reader.find("Jane") == 0


@pilot_test
async def test_the_text_is_shown_as_written_and_a_quote_s_speaker_in_the_status_line():
    app = ReaderApp(corpus(), "report")
    async with app.run_test(size=(140, 30)) as pilot:
        await pilot.pause()
        text = " ".join(" ".join(drawn(app.screen.reader)).split())
        assert '"on a journey" and that' in text
        assert 'helps me," which' in text
        assert "Sam Green" in text and "\u2014" not in text  # the name where the document has it, nothing added
        await pilot.press("q", "q")
        assert app.screen.reader.selected_fact_id == "r-journey"
        assert "Sam Green" in status(app.screen)


@pilot_test
async def test_follow_opens_the_quoted_document_at_the_quote_and_escape_comes_back():
    app = ReaderApp(corpus(), "news")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        news = app.screen
        await pilot.press("o")  # nothing marked yet: it says so, and stays
        assert app.screen is news and "go to a quote first" in status(news)
        await pilot.press("q")
        assert news.reader.selected_fact_id == "n-journey"
        await pilot.press("o")
        await pilot.pause()
        report = app.screen
        assert isinstance(report, ReaderScreen) and report is not news
        assert report.doc_id == "report"
        assert report.reader.selected_fact_id == "r-journey"
        assert report.facts_pane.highlighted_fact_id == "r-journey"
        await pilot.press("escape")
        assert app.screen is news


@pilot_test
async def test_a_quote_traced_to_several_documents_asks_which():
    data = store_data()
    quote = next(f for f in data.facts if f["id"] == "n-journey")
    quote["source_links"].append({"doc_id": "hostile", "fact_id": "h-quote", "span": None})
    quote["source_links"].append({"doc_id": "gone", "fact_id": None, "span": [0, 1]})
    app = ReaderApp(corpus(data), "news")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("q", "o")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen) and app.screen.doc_id == "hostile"
        assert app.screen.reader.selected_fact_id == "h-quote"


@pilot_test
async def test_copy_puts_the_quote_and_its_citation_on_the_clipboard():
    app = ReaderApp(corpus(), "report")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("y")  # nothing marked: nothing copied, and it says why
        assert app.clipboard == "" and "y takes the marked fact or passage" in status(app.screen)
        await pilot.press("q", "q", "y")
        fact = app.screen.reader.selected_fact
        assert app.clipboard.startswith("\u201con a journey\u201d \u2014 Sam Green, director (Anytown: inspection")
        assert f"paragraph {paragraph_number(REPORT_TEXT, fact['span'][0])}; " in app.clipboard
        assert "11 April 2023" in app.clipboard
        assert any(n.title == "Quote copied with its citation" for n in app._notifications)


@pilot_test
async def test_copy_takes_the_current_find_match_when_nothing_is_marked():
    app = ReaderApp(corpus(), "news")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"first good", "enter", "y")
        assert app.clipboard.startswith("\u201cfirst good\u201d (Anytown rated good at last, undated, paragraph 3")


@pilot_test
async def test_export_appends_the_quote_as_markdown_to_a_file(tmp_path):
    target = tmp_path / "quotes.md"
    app = ReaderApp(corpus(), "report")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("q", "e")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        app.screen.query_one(Input).value = str(target)
        await pilot.press("enter")
        await pilot.press("q", "e")
        await pilot.pause()
        assert app.screen.query_one(Input).value == str(target)  # remembered
        await pilot.press("enter")
        await pilot.pause()
    written = target.read_text(encoding="utf-8")
    assert written.count("> My social worker listens to me and helps me,") == 1
    assert written.count("> on a journey") == 1
    assert "> \u2014 Sam Green, director" in written


@pilot_test
async def test_export_to_an_unwritable_place_reports_it(tmp_path):
    app = ReaderApp(corpus(), "report")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("q", "e")
        await pilot.pause()
        app.screen.query_one(Input).value = str(tmp_path / "no" / "such" / "folder.md")
        await pilot.press("enter")
        await pilot.pause()
        assert any(n.severity == "error" and "Could not write" in n.message for n in app._notifications)


@pilot_test
async def test_the_facts_pane_groups_facts_by_type_and_can_be_hidden():
    app = ReaderApp(corpus(), "report")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        pane = app.screen.facts_pane
        headings = [row.heading for row in pane.rows if row.kind == "heading"]
        assert headings == ["Judgements \u00b7 3", "Quotes \u00b7 2", "People \u00b7 2", "Dates \u00b7 2", "Statistics \u00b7 1"]
        assert pane.border_title == "Facts \u00b7 10"
        await pilot.press("v")
        assert not pane.display or pane.has_class("-hidden")
        assert app.screen.reader.size.width > 90
        await pilot.press("v")
        assert pane.region.width > 0


@pilot_test
async def test_without_a_store_annotation_keys_are_off_and_the_reader_says_why():
    app = ReaderApp(corpus(), "report")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert "read-only" in screen.query_one("#reader-title", Static).render().plain
        for key in ("b", "a", "c", "B", "A", "C"):
            await pilot.press("j", key)
            await pilot.pause()
            assert app.screen is screen  # no dialog opened
            assert "read-only: this reader has no store" in status(screen)
        assert app.corpus.annotations == []


@pilot_test
async def test_untrusted_markup_and_escapes_in_text_title_and_speaker_show_literally():
    app = ReaderApp(corpus(), "hostile")
    async with app.run_test(size=(160, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        lines = "\n".join(drawn(screen.reader))
        for literal in ("[b]bold[/b]", "[/x]", "[@click=app.quit]quit[/]", "[link=http://x]y[/link]"):
            assert literal in lines
        assert "\x1b" not in lines and "\x07" not in lines
        assert "\u241b[31mred\u241b[0m" in lines  # an escape is shown as a visible ESC picture
        assert '"[b]not bold[/b]" in the end' in lines
        for y in range(screen.reader.layout_lines):
            for segment in screen.reader.render_line(y):
                assert segment.style is None or (not segment.style.link and not segment.style.meta)
        title = screen.query_one("#reader-title", Static).render()
        assert "Title [b]not bold[/b] [@click=app.quit]x[/]" in title.plain
        assert "[link=http://x]pub[/link]" in title.plain
        assert "\x1b" not in title.plain
        assert not any("@click" in str(span.style) or "link" in str(span.style) for span in title.spans)
        pane = screen.facts_pane
        quote_row = next(i for i, row in enumerate(pane.rows) if row.item and row.item["id"] == "h-quote")
        assert "[@click=app.quit]Speaker[/]" in pane.row_text(quote_row).plain
        await pilot.click("#reader-title", offset=(30, 0))
        await pilot.click(DocumentView, offset=(40, 0))
        await pilot.pause()
        assert app.is_running and app.return_code is None
        svg = app.export_screenshot()
        assert "\x1b" not in svg


@pilot_test
async def test_only_visible_lines_are_drawn_for_a_long_report():
    data = big_corpus()
    app = ReaderApp(data, "big")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        reader = screen.reader
        assert reader.layout_lines > 2000
        assert len(reader._line_cache) <= reader.scrollable_content_region.height
        assert len(screen.facts_pane._cache) <= screen.facts_pane.scrollable_content_region.height


@pilot_test
async def test_news_story_reads_in_full():
    app = ReaderApp(corpus(), "news")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = " ".join(" ".join(drawn(app.screen.reader)).split())
        assert " ".join(NEWS_TEXT.split()) == shown.replace(" \u2014 Sam Green", "")


@pilot_test
async def test_the_reader_rewraps_on_resize_and_keeps_the_place():
    app = ReaderApp(big_corpus(), "big")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        reader = app.screen.reader
        reader.scroll_to(y=500, animate=False, immediate=True)
        await pilot.pause()
        top = reader._top_offset()
        await pilot.resize_terminal(160, 48)
        await pilot.pause()
        assert reader._layout.width > 80
        assert abs(reader._top_offset() - top) < 400
        assert isinstance(app.screen.facts_pane, FactsPane)


@pilot_test
async def test_opening_deep_in_a_long_report_scrolls_the_passage_into_view():
    doc, facts = big_document(20)
    data = StoreData(documents=[doc], facts=facts)
    target = facts[-7]
    app = ReaderApp(corpus(data), "big", span=tuple(target["span"]))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        reader = app.screen.reader
        assert reader.selected_fact_id == target["id"]
        line = reader._layout.line_of(reader._layout.to_display(target["span"][0]))
        assert line > 100
        assert line in reader.visible_lines()
