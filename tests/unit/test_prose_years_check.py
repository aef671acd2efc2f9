"""Years in prose, each pattern checked on a page of the year check set
(``benchmarks/accuracy/year_check/``, labelled before any rule here was written) and on
a sentence of the dev half (``tests.paths.prose_text``). Each test names the pattern of
language it reads; the held-back half is never read.
"""

from __future__ import annotations

from importers.extract import DocContext
from importers.extract.judgements import extract
from importers.sanitize import clean_text
from tests.paths import prose_text, year_check_text

NO_DATE = (None, None, None)


def graded(text: str, authority: str | None = None, published=NO_DATE, kind: str = "news") -> set[tuple]:
    """(council, year, rating, area) of every judgement the rules read in ``text``."""
    ctx = DocContext(authority=authority, published=published, kind=kind)
    return {(f.get("authority"), f.get("year"), f.get("rating"), f.get("area"))
            for f in extract(clean_text(text), ctx)}


def sentence_with(text: str, words: str) -> str:
    """The paragraph of ``text`` holding ``words`` (the test fails if there is none)."""
    (paragraph,) = [p for p in text.split("\n\n") if words in p]
    return paragraph


# --- a relative clause on a dated phrase tells the grade of that time ---------------------


def test_which_clause_on_a_dated_inspection_takes_its_date() -> None:
    # "... by the January 2010 full inspection of safeguarding and looked after children,
    # which was graded 'inadequate'": "by" marks another event, but the clause on the
    # phrase tells what that inspection gave (a forecast of October before it is no date).
    text = year_check_text("2010-09-21-paperzz-calderdale-childrens-services-assessment.txt")
    found = graded(text, authority="Calderdale", published=(2010, 9, 21), kind="minutes")
    assert {year for council, year, rating, _ in found if rating == "inadequate"} == {2010}


def test_when_clause_after_since_and_its_year() -> None:
    # "... have come a long way since 2009, when Ofsted identified the service as
    # 'inadequate' and then in 2015 as 'requires improvement'" (dev).
    text = sentence_with(prose_text("2024-warrington-worldwide-good-two-outstanding.txt"), "since 2009")
    found = graded(text, authority="Warrington", published=(2024, None, None))
    assert ("Warrington", 2009, "inadequate", "overall") in found
    assert ("Warrington", 2015, "requires improvement", "overall") in found
    assert not any(year == 2024 for _, year, _, _ in found)


def test_where_clause_on_the_last_inspection_gives_that_inspection_s_grade() -> None:
    # "... since the last inspection in 2019 where services were given an overall grading
    # of 'Good'" (dev): the earlier grade keeps its own year, the page's is the new one's.
    text = prose_text("2023-09-11-swindon-council-childrens-services-inadequate.txt")
    paragraph = sentence_with(text, "since the last inspection in 2019")
    found = graded(paragraph, authority="Swindon", published=(2023, 9, 11))
    assert ("Swindon", 2019, "good", "overall") in found


def test_a_verb_between_a_since_date_and_the_clause_stops_the_reach() -> None:
    # The phrase a relative clause hangs on has no verb of its own. Built from the real
    # pages' words: in "since 2016 the council was inspected again, which found ..." the
    # clause is on the inspection told after the date, so "since 2016" does not date it.
    text = ("Worcestershire's services have improved since 2016 and the council was inspected "
            "again, which found them to require improvement.")
    found = graded(text, authority="Worcestershire")
    assert not any(year == 2016 for _, year, _, _ in found)


def test_a_relative_clause_on_a_publication_takes_its_year_not_its_month() -> None:
    # A dev report (Lancashire, November 2015): "... since the last inspection of children's
    # services published in March 2012, when the local authority was found to be good
    # overall". The clause dates the grade's year; its month is the publication's, not the
    # inspection's (January 2012), so none is given.
    text = ("All services have significantly deteriorated since the last inspection of children's "
            "services published in March 2012, when the local authority was found to be good overall.")
    ctx = DocContext(authority="Lancashire", published=(2015, 11, 27), kind="report")
    dated = [(f.get("year"), f.get("month")) for f in extract(clean_text(text), ctx) if f.get("rating") == "good"]
    assert dated == [(2012, None)]
