"""Re-flowing positioned lines into paragraphs, furniture and footnotes (no PDF needed)."""

from __future__ import annotations

from importers.model import page_at
from importers.pdf_layout import Line, Page, clean_lines, lay_out, lay_out_pages
from importers.sanitize import clean_text

WIDTH, HEIGHT = 595.0, 842.0
RIGHT = 520.0


def line(text: str, x0: float, y: float, *, size: float = 12.0, page: int = 0, x1: float | None = None,
         soft: bool = False) -> Line:
    """A printed line; by default it reaches the right margin when long enough."""
    if x1 is None:
        x1 = min(RIGHT, x0 + len(text) * size * 0.5)
    return Line(text, x0, x1, y, y, size, page, soft)


def page(index: int, *lines: Line) -> Page:
    for item in lines:
        item.page = index
    return Page(index, WIDTH, HEIGHT, list(lines))


def body(text: str, furniture: list[tuple[int, int]]) -> str:
    """The text without its furniture ranges."""
    out, last = [], 0
    for start, end in furniture:
        out.append(text[last:start])
        last = end
    return "".join(out + [text[last:]])


def paragraph_lines(words: str, x0: float, y: float, per_line: int = 12, pitch: float = 14.5) -> list[Line]:
    """Lines of a wrapped paragraph: full lines, then a short last one."""
    tokens = words.split()
    chunks = [" ".join(tokens[i:i + per_line]) for i in range(0, len(tokens), per_line)]
    lines = []
    for i, chunk in enumerate(chunks):
        last = i == len(chunks) - 1
        lines.append(line(chunk, x0, y - i * pitch, x1=(x0 + 150 if last else RIGHT), soft=not last))
    return lines


FILLER = ("social workers know the children they support well and visit them regularly so that plans "
          "are reviewed and updated as their needs change over time in every team")


def footer(index: int) -> list[Line]:
    return [
        line("Inspection of Anytown local authority children’s services", 70.9, 39.6, size=8, x1=300),
        line(f"1 to 5 June 2026 {index + 1}", 70.9, 30.0, size=8, x1=523),
    ]


def test_running_footers_and_page_numbers_are_furniture_at_paragraph_breaks() -> None:
    pages = [
        page(0, *paragraph_lines("Opening paragraph. " + FILLER, 70.9, 700)),
        page(1, *footer(1), *paragraph_lines("Second page. " + FILLER, 70.9, 700)),
        page(2, *footer(2), *paragraph_lines("Third page. " + FILLER, 70.9, 700)),
    ]
    text, furniture = lay_out(pages)
    # One block a page, the running title above the dates and page number, as printed.
    assert [text[s:e].splitlines() for s, e in furniture] == [
        ["Inspection of Anytown local authority children’s services", f"1 to 5 June 2026 {n}"] for n in (2, 3)
    ]
    assert "Inspection of Anytown" not in body(text, furniture)
    assert "June 2026" not in body(text, furniture)
    for start, end in furniture:
        assert text[start - 2:start] == "\n\n" and text[end:end + 2] in ("\n\n", "")


def run_on_pages() -> list[Page]:
    """Two pages: a paragraph cut by the first page's end runs on at the top of the second."""
    first = paragraph_lines(FILLER, 70.9, 700)
    first[-1].x1, first[-1].soft_end = RIGHT, True
    return [
        page(0, *first),
        page(1, *footer(1), line("and managers check the work closely.", 70.9, 736, x1=280),
             *paragraph_lines("A new paragraph. " + FILLER, 70.9, 700)),
    ]


def test_a_paragraph_runs_on_over_a_page_break_and_the_footer_waits_for_its_end() -> None:
    pages = [*run_on_pages(), page(2, *footer(2), line("Closing words.", 70.9, 736, x1=160))]
    text, furniture = lay_out(pages)
    paragraphs = body(text, furniture).split("\n\n")
    assert paragraphs[0] == FILLER + " and managers check the work closely."
    assert text.index("June 2026 2") > text.index("closely.")


def test_page_numbers_keep_step_with_pages_but_footnote_numbers_do_not() -> None:
    pages = [page(i, line(str(i + 1), 512, 29.4, size=20, x1=522), *paragraph_lines(FILLER, 70.9, 700))
             for i in range(5)]
    # Footnotes 2 and 3 on the third and fourth pages also keep step with each other.
    for index, number, note in ((2, "2", "Local data were used."), (3, "3", "These schools are residential.")):
        pages[index].lines.append(line(number, 70.9, 77.8, size=6.5, x1=74))
        pages[index].lines.append(line(note, 77.5, 73.2, size=10, x1=300))
    text, furniture = lay_out(pages)
    assert [text[s:e] for s, e in furniture] == ["1", "2", "3", "4", "5"]
    assert "\n\n² Local data were used.\n\n" in text
    assert "\n\n³ These schools are residential.\n\n" in text


def test_one_page_has_no_furniture() -> None:
    text, furniture = lay_out([page(0, line("5", 300, 30, x1=306), *paragraph_lines(FILLER, 70.9, 700))])
    assert furniture == []
    assert text.split("\n\n") == ["5", FILLER]


def test_gaps_start_paragraphs_and_short_unwrapped_lines_keep_their_breaks() -> None:
    lines = [
        *paragraph_lines("First paragraph. " + FILLER, 70.9, 700),
        *paragraph_lines("Second paragraph. " + FILLER, 70.9, 600),
        line("Piccadilly Gate", 70.9, 400, x1=160),
        line("Store Street", 70.9, 385.5, x1=150),
        line("Manchester", 70.9, 371, x1=140),
    ]
    text, _ = lay_out([page(0, *lines)])
    assert text.split("\n\n") == [
        "First paragraph. " + FILLER, "Second paragraph. " + FILLER, "Piccadilly Gate\nStore Street\nManchester",
    ]


def test_bullets_and_numbered_paragraphs_start_new_paragraphs_without_a_gap() -> None:
    lines = [
        line("What needs to improve?", 70.9, 700, size=14, x1=242),
        line("• The timeliness of assessments for a small number of disabled children", 70.9, 673, x1=505),
        line("when risks are suspected.", 88.8, 658.5, x1=250),
        line("• Supervision of social workers.", 70.9, 644, x1=260),
        line("1. Children get help quickly. Managers oversee decisions carefully, and", 70.9, 600, x1=500,
             soft=True),
        line("strategy meetings are timely.", 99.3, 585.5, x1=260),
        line("2. Plans are reviewed.", 70.9, 571, x1=200),
    ]
    text, _ = lay_out([page(0, *lines)])
    assert text.split("\n\n") == [
        "What needs to improve?",
        "• The timeliness of assessments for a small number of disabled children when risks are suspected.",
        "• Supervision of social workers.",
        "1. Children get help quickly. Managers oversee decisions carefully, and strategy meetings are timely.",
        "2. Plans are reviewed.",
    ]


def test_a_dash_after_a_wrapped_line_is_punctuation_not_a_bullet() -> None:
    lines = [
        line("Leaders have strengthened the service for young people leaving care", 70.9, 700, x1=RIGHT,
             soft=True),
        line("– which was weak at the last inspection – and it is now good.", 70.9, 685.5, x1=400),
    ]
    text, _ = lay_out([page(0, *lines)])
    assert text == ("Leaders have strengthened the service for young people leaving care – which was weak at the "
                    "last inspection – and it is now good.")


def test_table_cells_keep_the_label_and_grade_apart_and_rejoin_a_split_grade() -> None:
    lines = [
        line("The experiences and progress of", 76.6, 485.7, x1=250, soft=True),
        line("children in care", 76.6, 471.2, x1=157),
        line("Requires improvement", 303, 485.7, x1=420),
        line("to be good", 303, 471.2, x1=360),
        line("Overall effectiveness Requires improvement", 76.6, 430, x1=420),
        line("to be good", 303, 423.4, x1=360),
    ]
    text, _ = lay_out([page(0, *lines)])
    assert text.split("\n\n") == [
        "The experiences and progress of children in care\nRequires improvement to be good",
        "Overall effectiveness Requires improvement to be good",
    ]


def test_superscript_markers_join_their_line_and_footnotes_follow_the_paragraph() -> None:
    lines = [
        line("What needs to improve?", 70.9, 700, size=14, x1=242.0),
        line("1", 242.3, 705, size=9, x1=247.5),
        *paragraph_lines("1. " + FILLER, 70.9, 670),
        line("¹ The areas for improvement are cross-referenced with the national", 70.9, 86.3, size=10, x1=480),
        line("framework.", 70.9, 74, size=10, x1=130),
    ]
    text, _ = lay_out([page(0, *lines)])
    assert text.split("\n\n") == [
        "What needs to improve?¹",
        "1. " + FILLER,
        "¹ The areas for improvement are cross-referenced with the national framework.",
    ]


def test_small_print_that_is_not_led_by_a_number_stays_in_place() -> None:
    lines = [*paragraph_lines(FILLER, 70.9, 700), line("Published by the council", 70.9, 80, size=8, x1=200)]
    text, _ = lay_out([page(0, *lines)])
    assert text == FILLER + "\n\nPublished by the council"


def test_headings_in_a_larger_size_are_their_own_paragraphs() -> None:
    lines = [
        line("The experiences and progress of children who need help and", 70.9, 700, size=14, x1=496, soft=True),
        line("protection: good", 70.9, 683, size=14, x1=187),
        line("Services for children who need help are strong.", 70.9, 668, x1=330),
    ]
    text, _ = lay_out([page(0, *lines)])
    assert text.split("\n\n") == [
        "The experiences and progress of children who need help and protection: good",
        "Services for children who need help are strong.",
    ]


def test_line_end_hyphens_follow_the_documents_own_spelling() -> None:
    lines = [
        line("Child protection enquiries are convened quickly and child protec-", 70.9, 700, x1=RIGHT),
        line("tion plans are reviewed, with timely decision-", 70.9, 685.5, x1=RIGHT),
        line("making and multi\ufffeagency meetings. The assess-", 70.9, 671, x1=RIGHT),
        line("ment of risk is well-", 70.9, 656.5, x1=RIGHT),
        line("informed by co-", 70.9, 642, x1=RIGHT),
        line("ordinated work with the multi-agency team and protection plans.", 70.9, 627.5, x1=400),
    ]
    text, _ = lay_out([page(0, *lines)])
    assert text == (
        "Child protection enquiries are convened quickly and child protection plans are reviewed, with timely "
        "decision-making and multi-agency meetings. The assessment of risk is well-informed by co-ordinated "
        "work with the multi-agency team and protection plans."
    )


def test_clean_lines_repairs_characters_and_keeps_one_text_per_line() -> None:
    raw = [
        "\uf0b7 A Symbol-font bullet",
        "\uf0a7Wingdings bullet glued to its word",
        "10.The number glued to its paragraph",
        "The \ufb01rst of\u00a0the of\ufb02ine \ufb00ects",
        "\x1b[31mred\x1b[0m and a soft\u00adhyphen inside",
        "tabs\tand  doubled   spaces",
        "a marker ¹",
    ]
    assert clean_lines(raw) == [
        "• A Symbol-font bullet",
        "▪ Wingdings bullet glued to its word",
        "10. The number glued to its paragraph",
        "The first of the offline ffects",
        "red and a softhyphen inside",
        "tabs and doubled spaces",
        "a marker¹",
    ]


def test_clean_lines_sanitises_each_line_as_the_whole_page_would_be() -> None:
    # Printable lines skip the sanitiser; the others go through it alone. Either
    # way the page reads as if it had been sanitised in one piece, line for line.
    raw = [
        "no\u00a0break and zero\u200bwidth",
        "e\u0301t\u00e9",  # decomposed accent, composed one
        "\x1b]8;;https://example.org\x07link text",  # an OSC 8 hyperlink's opening
        "bell\x07 and delete\x7f gone",
        "\u202eright-to-left override",
        "plain words",
    ]
    cleaned = clean_lines(raw)
    assert cleaned == [
        "no break and zerowidth",
        "\u00e9t\u00e9",
        "link text",
        "bell and delete gone",
        "right-to-left override",
        "plain words",
    ]
    assert cleaned == [clean_text(line).strip() for line in raw]


def test_an_unterminated_escape_does_not_swallow_the_lines_after_it() -> None:
    # Only the introducer goes: the words after it are kept (see importers.sanitize).
    assert clean_lines(["title\x1b]0;never ended", "the next line", "and one more"]) == [
        "title0;never ended", "the next line", "and one more",
    ]


def test_clean_lines_of_nothing() -> None:
    assert clean_lines([]) == []
    assert lay_out([]) == ("", [])
    assert lay_out([page(0), page(1)]) == ("", [])


def test_many_broken_words_are_spelled_alike_from_first_to_last() -> None:
    """After a few searches the document's words are gathered into a set; answers must not change."""
    lines = [line("Child protection and decision-making are strong, and assessment is timely.", 70.9, 800,
                  x1=RIGHT)]
    y = 785.5
    for i in range(80):
        lines.append(line(f"Plan {i} shows protec-" if i % 2 else f"Plan {i} shows decision-", 70.9, y, x1=RIGHT))
        lines.append(line("tion work." if i % 2 else "making work.", 70.9, y - 14.5, x1=RIGHT))
        y -= 29
    text, _ = lay_out([page(0, *lines)])
    assert text.count("protection work.") == 40 and text.count("decision-making work.") == 40
    assert "protec-" not in text and "decisionmaking" not in text


def test_each_page_begins_where_its_first_words_are_even_mid_paragraph() -> None:
    pages = [
        *run_on_pages(),
        page(2, *footer(2)),  # nothing but furniture: shares the next page's start
        page(3, *footer(3), line("Closing words.", 70.9, 736, x1=160)),
    ]
    text, furniture, starts = lay_out_pages(pages)
    assert (text, furniture) == lay_out(pages)
    assert len(starts) == 4 and starts[0] == 0
    assert text[starts[1]:].startswith("and managers check")
    assert starts[2] == starts[3] and text[starts[3]:].startswith("Closing words.")
    assert [page_at(starts, text.index(w)) for w in ("social workers", "closely", "A new paragraph", "Closing")] == [1, 2, 2, 4]
    assert page_at([], 10) is None
