"""Areas a grade is given for, set out after it (issue 11, "every area a sentence grades"): a
count or pick of areas with its list at once (in brackets, after a dash or colon), and a bulleted
list below a line that ends on a colon. Each rule is checked on a dev-half document and on a page
of the area check set (benchmarks/accuracy/area_check/, labelled before any rule saw it), or in
other words where the check set has no such page (said so). Test-half documents are never read.
"""

from __future__ import annotations

from importers.extract import DocContext
from importers.extract.judgements import extract
from importers.sanitize import clean_text
from tests.paths import area_check_text, prose_text


def graded(text: str, authority: str | None = None, published=(None, None, None)) -> set[tuple]:
    """(council, rating, area) per judgement, the year left aside."""
    ctx = DocContext(authority=authority, published=published, kind="news")
    return {(f.get("authority"), f.get("rating"), f.get("area")) for f in extract(clean_text(text), ctx)}


# --- a count or pick of areas, its list set out at once ----------------------------------


def test_a_counted_list_after_a_dash_is_the_grades():
    # prose/undated-blackpoolgazette-blackpool-leader-vow-requires-improvement.txt (dev):
    # "“requires improvement” in three key areas –children who need help and protection,
    # children looked after and leadership, management and governance".
    found = graded(prose_text("undated-blackpoolgazette-blackpool-leader-vow-requires-improvement.txt"), "Blackpool")
    for area in ("help and protection", "children in care", "leadership"):
        assert ("Blackpool", "requires improvement", area) in found


def test_a_pick_in_brackets_is_the_grades_and_not_the_next_ones():
    # area_check/2022-07-07-socialworktoday-kent-outstanding.txt: "... in three of the four
    # categories (impact of leadership, ..., and overall effectiveness) and ‘Good’ in the fourth
    # (experiences of children who need help and protection)": Good is help and protection's
    # alone, not the areas of the brackets before it.
    found = graded(area_check_text("2022-07-07-socialworktoday-kent-outstanding.txt"), "Kent", (2022, 7, 7))
    assert ("Kent", "good", "help and protection") in found
    assert not {("Kent", "good", area) for area in ("overall", "leadership")} & found


def test_a_count_longer_or_shorter_than_its_list_names_none_of_it():
    # In other words: the list must be as long as the count.
    text = "Kent was rated good in three areas (leadership and adoption)."
    assert not {a for _, _, a in graded(text, "Kent")} & {"leadership", "adoption"}


def test_a_number_hyphened_to_its_noun_is_no_count_of_councils():
    # The Blackpool page's sentence opens "The 43-page report, released yesterday, ... concludes":
    # "The 43" is no count of councils the grade would be said of (in other words too).
    assert ("Blackpool", "requires improvement", "help and protection") in graded(
        "The 43-page report concludes the council's service requires improvement for children who need help "
        "and protection.", "Blackpool")
    assert ("Kent", "good", "overall") in graded("After the three-week inspection Kent was rated good.", "Kent")


# --- a bulleted list below a line ending on a colon ----------------------------------------


def test_a_bulleted_list_below_the_grade_is_its_areas():
    # prose/2023-01-31-hellorayo-bradford-inadequate-again.txt (dev): "They found that these 4
    # areas were all rated inadequate:" then four bullets, one area each.
    found = graded(prose_text("2023-01-31-hellorayo-bradford-inadequate-again.txt"), "Bradford", (2023, 1, 31))
    for area in ("leadership", "help and protection", "children in care and care leavers", "overall"):
        assert ("Bradford", "inadequate", area) in found
    # area_check/undated-lbbd-assembly-ofsted-ilacs-report.txt (the council given as its site
    # names it, which the importer does not yet read from that address): "The areas that were
    # rated as “Requires improvement to be good” were:" and "·" bullets; the list of
    # recommendations after it ("These were:") names no area and grades nothing.
    found = graded(area_check_text("undated-lbbd-assembly-ofsted-ilacs-report.txt"), "Barking and Dagenham")
    for area in ("leadership", "help and protection", "children in care"):
        assert ("Barking and Dagenham", "requires improvement", area) in found
    assert ("Barking and Dagenham", "good", "care leavers") in found


def test_the_list_ends_at_the_first_item_naming_no_area():
    # prose/2019-12-20-thurrocknubnews-thurrock-good.txt (dev): the excerpt cuts the last bullet
    # off ("* - overall effecti"); the three before it are still the grade's.
    found = graded(prose_text("2019-12-20-thurrocknubnews-thurrock-good.txt"), "Thurrock", (2019, 12, 20))
    for area in ("leadership", "help and protection", "children in care and care leavers"):
        assert ("Thurrock", "good", area) in found
    # In other words: a list of findings below a grade names no area.
    text = "Kent was rated good:\n\n• Social workers know their children well\n• Caseloads are manageable\n"
    assert graded(text, "Kent") == {("Kent", "good", "overall")}
