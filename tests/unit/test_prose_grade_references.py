"""Overall grades told by reference rather than by their word, and the councils they belong to
(issue 11, eighth round): a run of the same grade ("three times in a row"), a grade named by
its rung ("the lowest possible rating"), a grade told again by a noun ("received the same
verdict", "this grading"), and councils told by a count ("two councils", "both authorities")
that the text names elsewhere. Each rule is checked on real text from at least two publishers:
a sentence of a dev document of the accuracy set, and pages found with the search tool (cited
by URL, none of them in the accuracy set's test half). The excerpts are short, only what shows
the pattern.
"""

from __future__ import annotations

from importers.extract import DocContext
from importers.extract.judgements import extract
from importers.sanitize import clean_text


def rows(text: str, authority: str | None = None, year: int | None = None, kind: str = "news"):
    """(council, year, rating, area) per judgement, once each."""
    ctx = DocContext(authority=authority, published=(year, None, None), kind=kind)
    found = [(f.get("authority"), f.get("year"), f.get("rating"), f.get("area")) for f in extract(clean_text(text), ctx)]
    return list(dict.fromkeys(found))


# --- a run of the same grade: "three times in a row", "for the second year running" ----------


def test_a_run_of_three_implies_an_earlier_grade_beyond_the_one_the_text_dates():
    # BBC (dev): the third grade in a row; the text dates the one before (2020), not the first.
    text = ('The council has now received the "requires improvement to be good" rating three times in a row. '
            "The report stated: \"Since the last inspection in March 2020, when North Somerset children's services "
            "were judged to be 'requires improvement' overall, the local authority has not made sufficient "
            'progress."')
    assert sorted(rows(text, "North Somerset", 2023), key=str) == sorted([
        ("North Somerset", 2023, "requires improvement", "overall"),
        ("North Somerset", 2020, "requires improvement", "overall"),
        ("North Somerset", None, "requires improvement", "overall"),
    ], key=str)


def test_a_run_of_two_told_by_the_year_running_implies_the_grade_before():
    # http://www.worcesternews.co.uk/news/999949.council-one-of-the-best-for-children-says-report/
    # (a 2007 annual performance assessment): "the top grades for the second year running".
    text = ("WORCESTERSHIRE county council's services for children and young people have been deemed "
            "'outstanding' in a recent assessment. Councillor Liz Eyre said: \"We're delighted to have achieved "
            'the top grades for the second year running."')
    assert rows(text, "Worcestershire", 2007) == [
        ("Worcestershire", 2007, "outstanding", "overall"), ("Worcestershire", None, "outstanding", "overall")]


def test_a_run_of_two_whose_earlier_grade_the_text_dates_adds_no_undated_one():
    # The run's earlier grade told with its year is that grade, not another: BBC (dev), the
    # second sentence cut to its run of two.
    text = ('The council has now received the "requires improvement to be good" rating for the second time in a '
            "row. Since the last inspection in March 2020, when North Somerset children's services were judged "
            "to be 'requires improvement' overall, progress has been slow.")
    assert sorted(rows(text, "North Somerset", 2023), key=str) == sorted([
        ("North Somerset", 2023, "requires improvement", "overall"),
        ("North Somerset", 2020, "requires improvement", "overall"),
    ], key=str)
