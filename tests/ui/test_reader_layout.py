"""The reader's layout: wrapping, labels, hidden furniture and style runs (no Textual)."""

from __future__ import annotations


import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from importers.sanitize import printable
from ofsted_tui.widgets.reader_layout import DocumentLayout, Insert, flatten_styles, merge_ranges, wrap_lines
from tests.ui.reader_fixtures import big_document


def lines(text: str, width: int) -> list[str]:
    starts, ends = wrap_lines(text, width)
    return [text[s:e] for s, e in zip(starts, ends)]


def test_wrap_breaks_at_the_last_space_that_fits():
    assert lines("the quick brown fox jumps", 10) == ["the quick", "brown fox", "jumps"]


def test_wrap_keeps_paragraphs_and_blank_lines():
    assert lines("one two\n\nthree", 20) == ["one two", "", "three"]


def test_wrap_cuts_a_word_longer_than_the_width():
    assert lines("abcdefghij xy", 4) == ["abcd", "efgh", "ij", "xy"]


def test_wrap_drops_the_spaces_it_breaks_at():
    assert lines("aaaa    bbbb", 6) == ["aaaa", "bbbb"]


def test_wrap_counts_cells_for_wide_characters():
    wrapped = lines("日本語 日本語 日本語", 8)
    assert wrapped == ["日本語", "日本語", "日本語"]
    assert all(cell_len(line) <= 8 for line in wrapped)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab \n日é\u0301"), max_size=120), st.integers(1, 30))
def test_wrap_covers_every_visible_character_once_and_fits(text, width):
    starts, ends = wrap_lines(text, width)
    assert starts == sorted(starts)
    covered = "".join(text[s:e] for s, e in zip(starts, ends))
    # Only the spaces and newlines a line breaks at are left out.
    assert covered.replace(" ", "") == text.replace(" ", "").replace("\n", "")
    for s, e in zip(starts, ends):
        piece = text[s:e]
        assert "\n" not in piece
        assert cell_len(piece) <= width or len(piece) == 1


def test_the_reader_shows_controls_as_visible_characters_of_the_same_length():
    raw = "a\x1b[31mb\tc\x9bd\u202ee\x07"
    shown = printable(raw, multiline=True)
    assert len(shown) == len(raw)
    assert "\x1b" not in shown and "\x9b" not in shown and "\u202e" not in shown and "\x07" not in shown
    assert shown.startswith("a\u241b[31mb c")


def test_merge_ranges_sorts_clips_and_joins():
    assert merge_ranges([(5, 8), (0, 2), (7, 12), (3, 3), (-4, 1)], 10) == [(0, 2), (5, 10)]


def test_labels_are_shown_but_map_to_no_document_offset():
    layout = DocumentLayout('she said "yes" loudly', inserts=[Insert(14, " \u2014 Ann", "speaker")])
    assert layout.display == 'she said "yes" \u2014 Ann loudly'
    label_start, label_end, role = layout.virtual[0]
    assert layout.display[label_start:label_end] == " \u2014 Ann" and role == "speaker"
    assert layout.to_document(label_start + 2) is None
    # A span ending where a label starts stays before it; one starting there begins after it.
    assert layout.span_to_display(10, 14) == (10, 14)
    assert layout.to_display(14) == label_end
    assert layout.to_document(label_end) == 14


def test_hidden_ranges_are_cut_and_their_offsets_map_to_the_cut():
    text = "HEADER\nbody text\nFOOTER\nmore"
    layout = DocumentLayout(text, hidden=[(0, 7), (17, 24)])
    assert layout.display == "body text\nmore"
    assert layout.to_display(3) == 0
    assert layout.to_display(text.index("more")) == layout.display.index("more")
    assert layout.is_hidden(0, 6) and not layout.is_hidden(7, 11)


def test_a_label_inside_hidden_text_is_hidden_too():
    layout = DocumentLayout("keep HIDE keep", hidden=[(5, 10)], inserts=[Insert(7, "<label>", "note")])
    assert layout.display == "keep keep"
    assert layout.virtual == []


def test_every_document_offset_maps_inside_the_display():
    text = "abc def ghi jkl"
    layout = DocumentLayout(text, hidden=[(4, 8)], inserts=[Insert(3, "[x]", "note"), Insert(15, "!", "note")])
    for offset in range(len(text) + 1):
        for end in (False, True):
            assert 0 <= layout.to_display(offset, end=end) <= len(layout.display)


def test_line_of_finds_the_visual_line_of_an_offset():
    layout = DocumentLayout("aaa bbb ccc ddd")
    layout.wrap(7)
    assert [layout.line_text(y) for y in range(layout.line_count)] == ["aaa bbb", "ccc ddd"]
    assert layout.line_of(layout.display.index("ccc")) == 1


def test_flatten_styles_orders_inner_over_outer_and_layers():
    starts, keys = flatten_styles([(0, 10, 1, "quote"), (2, 4, 3, "judgement"), (8, 12, 0, "furniture")])
    runs = dict(zip(starts, keys))
    assert runs[0] == ("quote",)
    assert runs[2] == ("quote", "judgement")
    assert runs[4] == ("quote",)
    assert runs[8] == ("furniture", "quote")
    assert runs[10] == ("furniture",)
    assert runs[12] == ()


def test_flatten_styles_of_nothing_is_one_plain_run():
    assert flatten_styles([]) == ([0], [()])


def test_a_seventy_page_report_lays_out_every_line():
    doc, facts = big_document(70)
    assert len(doc["text"]) > 150_000
    inserts = [Insert(f["span"][1], " \u2014 Social workers", "speaker") for f in facts if f["type"] == "quote"]
    layout = DocumentLayout(doc["text"], hidden=doc["furniture"], inserts=inserts)
    layout.wrap(78)
    flatten_styles((*layout.span_to_display(*f["span"]), 1, f["type"]) for f in facts)
    assert layout.line_count > 2000


@pytest.mark.parametrize("width", [1, 2, 5])
def test_tiny_widths_never_loop_or_lose_text(width):
    text = "word " * 20
    starts, ends = wrap_lines(text, width)
    assert "".join(text[s:e] for s, e in zip(starts, ends)).replace(" ", "") == text.replace(" ", "")
    assert len(starts) == (20 if width >= 4 else 20 * -(-4 // width))
