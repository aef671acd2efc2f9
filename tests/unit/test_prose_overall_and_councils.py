"""Overall grades, the council a grade belongs to, and grades that are not judgements
(issue 11, seventh round). Each rule is checked on real text from at least two publishers:
a sentence of a dev document of the accuracy set, and a page found with the search tool
(cited by URL). The excerpts are short, only what shows the pattern.
"""

from __future__ import annotations

from importers.authorities import find_authorities, main_authority
from importers.extract import DocContext
from importers.extract.judgements import extract
from importers.sanitize import clean_text


def rows(text: str, authority: str | None = None, year: int | None = None, kind: str = "news"):
    """(council, year, rating, area) per judgement, once each."""
    ctx = DocContext(authority=authority, published=(year, None, None), kind=kind)
    found = [(f.get("authority"), f.get("year"), f.get("rating"), f.get("area")) for f in extract(clean_text(text), ctx)]
    return list(dict.fromkeys(found))


# --- a grade near, not at: "bordering on", "approaching" --------------------------------


def test_a_grade_the_council_was_near_is_not_its_grade():
    # The Oldham Times (dev): the earlier inspection "required improvement" and was only
    # "bordering on" the grade below.
    text = ('The rating is a major upgrade after a 2019 inspection found the town hall service "required '
            'improvement" and was understood to have been bordering on being "inadequate".')
    assert rows(text, "Oldham", 2024) == [("Oldham", 2019, "requires improvement", "overall")]
    # https://cms.wiltshire.gov.uk/mgAi.aspx?ID=100383 (minutes): work "approaching outstanding".
    minutes = "Some areas of work were already approaching outstanding. Areas of focus included care leavers."
    assert rows(minutes, "Wiltshire", 2019, "minutes") == []


def test_a_grade_at_the_verge_of_which_a_council_stands_is_not_given_but_one_reached_is():
    # The same words' other forms, and the control: a grade reached is kept.
    assert rows("The council was close to being rated inadequate, the report said.", "Oldham", 2019) == []
    assert rows("Children's services in Oldham were rated good by Ofsted.", "Oldham", 2024) == [
        ("Oldham", 2024, "good", "overall")]


# --- grades joined by "and" share the words before the first ----------------------------


def test_grades_joined_by_and_share_an_aim_before_the_first():
    # BBC Cornwall (dev): an ambition "to progress to a rating of "good" and "outstanding"".
    text = ("However, there was still work to do and the authority's ambition was to progress to a rating "
            'of "good" and "outstanding", he added.')
    assert rows(text, "Cornwall", 2013) == []
    # https://www.worcesternews.co.uk/news/9731980.bosses-aiming-to-keep-up-progress/: each
    # grade under its own "want to", and the grade the council was "deemed" kept.
    quote = ("“We’ve put the foundations down but we want to get better, we want to be good at the next "
             "inspection, and we want to aspire to be outstanding.”")
    assert rows(quote, "Worcestershire", 2012) == []
    # The control: a judging verb before both grades gives both.
    assert rows('Ofsted rated the council "good" overall and "outstanding" for leadership.', "Cornwall", 2016) == [
        ("Cornwall", 2016, "good", "overall"), ("Cornwall", 2016, "outstanding", "leadership")]


# --- a short form the text ties to its council names it everywhere ----------------------


def test_a_short_form_tied_to_its_council_once_names_it_everywhere_in_the_text():
    # https://kingstoncourier.co.uk/?p=10699: "Kingston Council" first, then "sites in Kingston".
    courier = ("Kingston Council has been awarded ‘outstanding’ for its children’s services.\n"
               "The inspectors visited various sites in Kingston as part of Achieving for Children.")
    assert [name for _, _, name in find_authorities(courier)] == ["Kingston upon Thames"] * 2
    # Alone, the bare short form is a town as often as a council: not taken.
    assert find_authorities("The inspectors visited various sites in Kingston.") == []


def test_a_story_naming_its_council_by_a_short_form_is_about_that_council():
    # Community Care (dev), 2019: "Kingston" bare five times and "Kingston's" once; another
    # council, named in full once as a customer of the same company, is not the story's.
    text = ("Borough goes from ‘inadequate’ to ‘outstanding’ in six years\n\n"
            "Leaders' focus helps Kingston gain top rating as Achieving for Children given extended contract\n\n"
            "In a report this week, Ofsted said services in Kingston had continuously improved since it "
            "received a good rating in 2015.\n\n"
            "AfC has also run services in Windsor and Maidenhead since 2017.\n\n"
            "Key to Kingston’s improvement from ‘good’ to ‘outstanding’ was what Ofsted described as relentless focus.")
    assert main_authority(text) == "Kingston upon Thames"
    assert ("Kingston upon Thames", 2015, "good", "overall") in rows(text, main_authority(text), 2019)
