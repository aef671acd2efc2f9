"""A report's own grades come from its table and headline; the body's rating words are classified.

Each test names the pattern of language it checks (``importers.extract.body_grades``).
The reports are made up, in the shapes Ofsted prints (a SIF report's page one:
headline and numbered table; an ILACS report's "Judgement / Grade" table), for
councils and sentences the rules were not written from.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from importers.extract import DocContext, extract_facts
from importers.extract.body_grades import classify_body_grades
from importers.extract.judgement_table import find_headline
from importers.model import Fact

SIF_HEAD = """Somerset

Inspection of services for children in need of help and protection, children looked after and care leavers
Inspection date: 3 March 2015 to 26 March 2015
Report published: 12 May 2015

Children's services in Somerset are inadequate

1. Children who need help and protection
Inadequate

2. Children looked after and achieving permanence
Requires improvement

2.1 Adoption performance Good

2.2 Experiences and progress of care leavers Requires improvement

3. Leadership, management and governance
Inadequate

Executive summary

"""

ILACS_HEAD = """Inspection of Dudley local authority children's services

Inspection dates: 6 to 17 November 2023
Lead inspector: Jane Doe, His Majesty's Inspector

Judgement Grade
The impact of leaders on social work practice with children and families Requires improvement to be good
The experiences and progress of children who need help and protection Requires improvement to be good
The experiences and progress of children in care Good
The experiences and progress of care leavers Good
Overall effectiveness Requires improvement to be good

"""


def _classified(head: str, body: str, authority: str, kind: str = "ofsted_report") -> list[Fact]:
    text = head + body
    facts = extract_facts(text, DocContext(authority=authority, kind=kind))
    return classify_body_grades(text, facts, authority, "inspection")


def _judgements(head: str, body: str, authority: str) -> list[dict]:
    return [dict(f.fields) for f in _classified(head, body, authority) if f.type == "judgement"]


def _body(head: str, body: str, authority: str) -> list[dict]:
    return [j for j in _judgements(head, body, authority) if j["evidence"] == "text"]


def test_table_rows_and_the_headline_carry_their_evidence():
    own = [j for j in _judgements(SIF_HEAD, "", "Somerset") if j["evidence"] != "text"]
    assert {(j["area"], j["rating"], j["evidence"]) for j in own} == {
        ("overall", "inadequate", "headline"),
        ("help and protection", "inadequate", "table"),
        ("children in care", "requires improvement", "table"),
        ("adoption", "good", "table"),
        ("care leavers", "requires improvement", "table"),
        ("leadership", "inadequate", "table"),
    }
    assert all((j["year"], j["month"]) == (2015, 3) for j in own)


@pytest.mark.parametrize("line, rating", [
    # "Children's services in X are <grade>" (SIF 2014-18 page one)
    ("Children's services in Somerset are good\n", "good"),
    # "... require improvement to be good", the grade wrapped onto the next line
    ("Children’s services in Somerset require improvement to be\ngood\n", "requires improvement"),
    # "The overall judgement is that children's services ..." (2014)
    ("The overall judgement is that children’s services require improvement\n", "requires improvement"),
])
def test_the_headline_pattern(line, rating):
    from importers.vocabulary import normalise_rating

    text = "Somerset\n\nInspection date: 3 March 2015\n\n" + line + "\nExecutive summary\n"
    row = find_headline(text)
    assert row is not None and row.area == "overall"
    assert normalise_rating(text[row.start:row.end]) == rating


def test_a_headline_in_the_body_is_not_the_page_one_headline():
    text = "Somerset\n\nInspection date: 3 March 2015\n\n" + "Summary text.\n\n" * 300
    assert find_headline(text + "Children's services in Somerset are good\n") is None


def test_a_fact_made_without_evidence_defaults_to_text():
    fact = Fact("judgement", (0, 4), {"rating": "good"})
    assert fact.get("evidence") == "text" and fact.to_dict()["evidence"] == "text"


@pytest.mark.parametrize("sentence", [
    # another provider: the council's children's homes, in the "Previous Ofsted inspections" list
    "The local authority runs three children's homes. Two were judged to be good in their most recent "
    "Ofsted inspection.",
    # ordinary words: practice, not a service ("placement stability ... is good")
    "Placement stability for children looked after is good, and most live near home.",
    # ordinary words: the quality of a practice
    "The quality of supervision for social workers is poor.",
    # a range of quality, not a grade
    "Child protection plans seen by inspectors vary from inadequate to good.",
    # an aim: "to ensure that ... are good"
    "Leaders are determined to ensure that all services for children in Somerset are good.",
    # an earlier inspection with no year: dropped, never given this inspection's date
    "Services have declined since the last inspection, when all areas were judged to require improvement "
    "to be good.",
    # the same grade said again in a section's summary: the table's word is the inspection's
    "Services for care leavers require improvement and too few have a pathway plan.",
])
def test_body_rating_words_that_are_not_this_inspections_grades(sentence):
    assert _body(SIF_HEAD, sentence + "\n", "Somerset") == []


# A report whose head prints its dates but no table: nothing is covered, so each
# rule alone decides (each sentence below is kept with its rule switched off).
DATES_ONLY_HEAD = """Inspection of Dudley local authority children's services

Inspection dates: 6 to 17 November 2023
Lead inspector: Jane Doe, His Majesty's Inspector

"""


@pytest.mark.parametrize("sentence", [
    # another provider: "Two (homes) were judged good in their most recent Ofsted inspection"
    "The local authority runs three children's homes. Two were judged to be good in their most recent "
    "Ofsted inspection.",
    # practice, not a service: "placement stability for ...", "the quality of ...", "most audits ..."
    "Placement stability for children looked after is good.",
    "The quality of adoption support was judged to be good.",
    "Most audits of adoption work were graded good.",
    # an outcome, not a service
    "Health outcomes for looked after children and care leavers are inadequate.",
    # a range of quality
    "Adoption practice varies from requires improvement to good.",
    # an aim
    "Leaders are determined to ensure that all services for children in Dudley are good.",
    # a condition ("where ... is good")
    "Where help and protection is good, children are seen quickly.",
    # an earlier inspection, no year
    "Services have declined since the last inspection, when all areas were judged to require improvement "
    "to be good.",
])
def test_each_rule_alone_drops_a_body_grade(sentence):
    assert _body(DATES_ONLY_HEAD, sentence + "\n", "Dudley") == []


def test_a_formal_grade_is_kept_where_the_report_has_no_table_for_it():
    found = _body(DATES_ONLY_HEAD, "Adoption performance is good.\n", "Dudley")
    assert [(j["area"], j["rating"], j["year"]) for j in found] == [("adoption", "good", 2023)]


def test_an_ofsted_grade_descriptor_is_not_the_boards_grade():
    # "is likely to be outstanding if ..." describes a grade; the LSCB has no row in this table
    body = "The LSCB is likely to be judged outstanding if it evaluates the impact of its training.\n"
    assert [j for j in _body(SIF_HEAD, body, "Somerset") if j["area"] == "lscb"] == []


def test_an_earlier_inspections_grade_keeps_its_own_year():
    # "were judged <grade> at the previous inspection in <year>"
    body = "Services for children looked after were judged good at the previous inspection in 2010.\n"
    found = _body(SIF_HEAD, body, "Somerset")
    assert [(j["year"], j["area"], j["rating"]) for j in found] == [(2010, "children in care", "good")]


def test_the_previous_inspections_list_grades_the_area_it_names():
    # "The previous inspection of X's <area> was in <month year>. The local authority was judged to be <grade>."
    # A 2009-12 inspection of both strands is two lines of one month.
    body = ("The previous inspection of the local authority's safeguarding arrangements was in May 2011. "
            "The local authority was judged to be adequate.\n"
            "The previous inspection of the local authority's services for looked after children was in May 2011. "
            "The local authority was judged to be good.\n")
    found = _body(SIF_HEAD, body, "Somerset")
    assert [(j["year"], j["month"], j["area"], j["rating"]) for j in found] == [
        (2011, 5, "help and protection", "adequate"), (2011, 5, "children in care", "good"),
    ]


@pytest.mark.parametrize("line, area", [
    # The 2012-13 protection of children inspections graded one thing: its overall effectiveness
    # (the lists of seven dev SIF reports: Brent, Cornwall, Salford, Shropshire, Surrey, Sutton, Wokingham).
    ("The previous inspection of the local authority's arrangements for the protection of children was in "
     "October 2012.", "overall"),
    # A safeguarding inspection on its own, its month holding no looked after children's line (Essex, Nottinghamshire 2011).
    ("The previous inspection of the local authority's safeguarding arrangements was in October 2011.", "overall"),
    # A looked after children's line on its own before June 2012 is one strand of a 2009-12 inspection.
    ("The previous inspection of the local authority's services for looked after children was in August 2010.",
     "children in care"),
])
def test_an_earlier_inspection_of_one_subject_alone_keeps_its_grade_overall(line, area):
    found = _body(SIF_HEAD, line + " The local authority was judged to be adequate.\n", "Somerset")
    assert [(j["area"], j["rating"]) for j in found] == [(area, "adequate")]


def test_a_fostering_services_earlier_inspection_is_not_the_councils():
    body = ("The previous inspection of Somerset's fostering service was in March 2013. "
            "The local authority was judged to be adequate.\n")
    assert _body(SIF_HEAD, body, "Somerset") == []


def test_a_predecessor_councils_grade_is_not_this_reports():
    body = ("North Somerset came into being in 2021. Children's services in the predecessor council, "
            "Dorset Council, were judged inadequate in 2019.\n")
    assert [j for j in _judgements(SIF_HEAD, body, "Somerset") if j["authority"] != "Somerset"] == []


def test_now_after_an_earlier_year_is_this_inspection():
    # "Since the inspection in <year>, ... it is now <grade>": the grade is today's, covered by the table
    body = ("Since the inspection in 2012, the quality of support for care leavers has deteriorated, "
            "and it is now inadequate.\n")
    assert [j for j in _body(SIF_HEAD, body, "Somerset") if j["year"] == 2012] == []


def test_a_grade_for_an_area_the_table_does_not_give_is_kept():
    # a formal statement of the board's grade where the table has no LSCB row
    body = "The Local Safeguarding Children Board requires improvement.\n"
    found = _body(SIF_HEAD, body, "Somerset")
    assert [(j["area"], j["rating"], j["year"]) for j in found] == [("lscb", "requires improvement", 2015)]


def test_ilacs_body_repeating_the_table_adds_nothing():
    body = ("The experiences and progress of care leavers: good\n\n"
            "1. Care leavers are well supported. Their accommodation is good.\n")
    assert _body(ILACS_HEAD, body, "Dudley") == []


def _inspections(body: str) -> list[dict]:
    return [dict(f.fields) for f in _classified(ILACS_HEAD, body, "Dudley") if f.type == "inspection"]


def test_an_earlier_visit_written_with_its_date_is_kept():
    found = _inspections("A focused visit in June 2022 found that help at the front door had improved.\n")
    assert [(i["year"], i["month"], i["inspection_type"]) for i in found if not i["subject"]] == [
        (2022, 6, "focused visit"),
    ]


@pytest.mark.parametrize("body, kind", [
    ("Gaps left after the previous March 2021 focused visit have been closed.\n", "focused visit"),
    ("Weaknesses noted in the 2019 unannounced inspection of the front door remain.\n", "unannounced inspection"),
])
def test_an_earlier_visit_with_its_date_just_before_its_name_is_kept(body, kind):
    found = [(i["year"], i["inspection_type"]) for i in _inspections(body) if not i["subject"]]
    assert found and found[0][1] == kind and found[0][0] in (2019, 2021)


@pytest.mark.parametrize("body", [
    # a date borrowed from another event in the sentence: a peer review's
    "This was identified in the peer review of April 2021 and was still seen during the inspection.\n",
    # another inspectorate's visit
    "Delays were found in the previous inspection by HMIC in September 2021 and remain.\n",
    # another provider's inspection
    "The previous inspection of the fostering service was in March 2021 and judged it good.\n",
    # a home the sentence before names, pointed back to
    "The council runs one secure unit. It was found to be good at its full inspection in May 2021.\n",
    "The council runs three children's homes. Two of them were judged good at the inspection in May 2021.\n",
    # a trial of a framework (Newham's 2014 report, dev: "following Ofsted's pilot inspection in 2012")
    "Scrutiny has been strengthened following Ofsted's pilot inspection in 2021.\n",
])
def test_earlier_inspection_mentions_that_make_no_event(body):
    found = [i for i in _inspections(body) if not i["subject"]]
    assert found == []


def test_an_inspection_from_before_the_council_existed_is_its_predecessors():
    head = ILACS_HEAD.replace("Dudley", "Cumberland").replace("2023", "2025")
    body = "Practice has improved since the previous inspection in 2019, before the council was formed.\n"
    found = [dict(f.fields) for f in _classified(head, body, "Cumberland") if f.type == "inspection"]
    assert [i for i in found if not i["subject"]] == []
    kept = [dict(f.fields) for f in _classified(head, body.replace("2019", "2024"), "Cumberland")
            if f.type == "inspection"]
    assert [i["year"] for i in kept if not i["subject"]] == [2024]


@pytest.mark.parametrize("body, dated", [
    # "since the last inspection, when <areas> <was|were> judged <grade>", the last inspection
    # dated in another paragraph (the shape of two dev ILACS reports: Havering 2018, West Sussex 2019).
    ("Services for care leavers have got better since the last inspection, when the service was judged "
     "to be inadequate.\n\n12. Leaders have built on the work begun since the previous inspection in 2019.\n",
     {(2019, "inadequate", "care leavers")}),
    ("Help for families has slipped since the single inspection in 2017.\n\nServices have declined since the "
     "last inspection, when children in care were judged to be good.\n", {(2017, "good", "children in care")}),
])
def test_a_grade_of_the_last_inspection_takes_the_year_the_report_dates_it_by(body, dated):
    earlier = {(j["year"], j["rating"], j["area"]) for j in _body(ILACS_HEAD, body, "Dudley") if j["year"] != 2023}
    assert earlier == dated


def test_an_earlier_inspection_dated_by_its_reports_publication_keeps_only_the_year():
    # "the last inspection of children's services published in <month year>, when ... was found to be
    # <grade>" (Lancashire's 2015 report, dev): the month is the report's; the inspection came before
    # it (Oxfordshire's 2014 minutes: an inspection "between 29 April and 21 May", its report "published
    # on 30 June 2014", https://mycouncil.oxfordshire.gov.uk/mgAi.aspx?ID=12198).
    body = ("Services have declined since the last inspection of children's services published in March 2012, "
            "when the local authority was found to be good overall.\n")
    found = _body(SIF_HEAD, body, "Somerset")
    assert [(j["year"], j["month"], j["area"], j["rating"]) for j in found] == [(2012, None, "overall", "good")]


def test_all_areas_of_an_earlier_inspection_are_those_its_own_framework_graded():
    # "since the last inspection, when all areas were judged to require improvement" in a 2023 ILACS
    # report whose last inspection was a 2016 SIF (the shape of West Sussex's 2019 report, dev):
    # the single inspection framework's six areas, not ILACS's.
    body = ("Services have declined since the last inspection, when all areas were judged to require "
            "improvement to be good.\n\n18. Services for children in care have declined since the single "
            "inspection in 2016.\n")
    found = {(j["year"], j["area"]) for j in _body(ILACS_HEAD, body, "Dudley") if j["year"] != 2023}
    assert found == {(2016, area) for area in ("overall", "help and protection", "children in care", "adoption",
                                               "care leavers", "leadership")}


def test_a_grade_of_the_last_inspection_is_dropped_where_the_report_dates_two_earlier_ones():
    body = ("Services have improved since the last inspection, when care leavers were judged to be inadequate.\n\n"
            "Leaders have acted on the findings of the previous inspection in 2019 and of the last inspection "
            "in 2021.\n")
    assert [j for j in _body(ILACS_HEAD, body, "Dudley") if j["year"] != 2023] == []


def test_an_earlier_inspection_of_the_council_after_a_homes_sentence_is_kept():
    body = ("The council runs two children's homes. The council's services were judged good at the "
            "inspection in May 2021.\n")
    found = [(i["year"], i["month"]) for i in _inspections(body) if not i["subject"]]
    assert found == [(2021, 5)]


def test_mentions_of_the_reports_own_inspection_take_its_dates_and_type():
    body = "During the inspection, the focused visit findings were revisited and acted upon.\n"
    subject = [i for i in _inspections(body) if i["subject"]]
    assert subject and {(i["year"], i["month"], i["inspection_type"]) for i in subject} == {(2023, 11, "inspection")}


def test_poor_is_a_plain_word_in_an_ofsted_report():
    # "Services ... have been judged to be poor": Ofsted's grades never said "poor" (the annual rating said
    # "performs poorly"), so no annual rating is made of it.
    body = "Services for children in Somerset have been judged to be poor in inspections since 2010.\n"
    assert _body(SIF_HEAD, body, "Somerset") == []


_PIECES = [
    "Services for care leavers are good.", "It was judged inadequate in 2012.", "since the last inspection",
    "The LSCB requires improvement to be", "good", "Children's services in Somerset are inadequate",
    "In June 2014, a focused visit found", "the previous inspection", "now", "Dorset Council was rated good.",
    "1. Children who need help and protection", "Requires improvement", "– Overall effectiveness: good",
    "The judgements for the local authority were:", "\n", "\n\n", "2030", "(", "’", "Ofsted",
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=25))
def test_any_body_is_classified_without_error_and_never_adds_to_the_table(pieces):
    body = " ".join(pieces)
    found = _judgements(SIF_HEAD, body, "Somerset")
    own = {j["area"] for j in found if j["evidence"] != "text"}
    for j in found:
        if j["evidence"] == "text" and (j["year"], j["month"]) == (2015, 3):
            assert j["area"] not in own and j["authority"] in (None, "Somerset")


def test_the_reports_own_inspection_is_of_its_own_council_whichever_partner_a_mention_names():
    # A SIF report combined with the review of a board two councils share names the partner
    # beside its own inspection ("the review of the Local Safeguarding Children Board of
    # Devon and Somerset"): the partner never becomes the inspection's council.
    head = SIF_HEAD.replace("Inspection of services", "Inspection of services of Somerset County Council")
    body = ("This report includes the report of the inspection of local authority functions and the report of "
            "the review of the Local Safeguarding Children Board of Devon and Somerset.\n\n"
            "At the time of the inspection in Devon and Somerset, 40 children were looked after.\n")
    own = [dict(f.fields) for f in _classified(head, body, "Somerset") if f.type == "inspection"]
    assert own and {i["authority"] for i in own if i["subject"]} == {"Somerset"}


@pytest.mark.parametrize("body", [
    # "an inspection of <the council's agency or home> in <month year>" (Essex's 2014 report, dev, lists
    # "an inspection of the adoption service in March 2012 judged it to be good"): the provider's.
    "An inspection of the adoption service in March 2012 judged it to be good.\n",
    "Leaders acted on the inspection of its fostering service in May 2013, which found weak assessments.\n",
    "Ofsted's last inspection of the council's children's homes in October 2011 found them good.\n",
])
def test_an_inspection_of_a_provider_the_council_runs_is_not_the_councils(body):
    assert [i for i in _inspections(body) if not i["subject"]] == []


def test_a_later_clause_naming_looked_after_children_does_not_make_a_protection_inspection_two_strands():
    # "The child protection inspection in <month year> found ..., including services for children who
    # are looked after": the looked after children are what the sentence goes on to, not the inspection's subject.
    body = ("The previous inspection of the local authority's arrangements for the protection of children was "
            "in November 2011. The local authority was judged to be adequate.\n\n"
            "Concerns raised by the child protection inspection in November 2011 remain, including in services "
            "for children who are looked after.\n")
    found = _body(SIF_HEAD, body, "Somerset")
    assert [(j["area"], j["rating"]) for j in found] == [("overall", "adequate")]


@pytest.mark.parametrize("body, expected", [
    # "<council's services> were inspected in <date>. The local authority was judged to be <grade>." (Warrington's
    # 2015 report, dev); the issue's prose shape: "An inspection in May 2016 found ... Overall, services were
    # found to be inadequate."
    ("Progress since the last inspection\n\n27. Somerset County Council's safeguarding arrangements were inspected "
     "in November 2009. The local authority was judged to be inadequate. A re-inspection of safeguarding and looked "
     "after children services took place in February 2011, when the local authority was found to have made adequate "
     "progress.\n", (2009, 11, "inadequate")),
    ("Its services were inspected by Ofsted in May 2012. Services were found to be adequate overall.\n",
     (2012, 5, "adequate")),
])
def test_a_past_grade_after_a_sentence_dating_an_earlier_inspection_is_that_inspections(body, expected):
    found = _body(SIF_HEAD, body, "Somerset")
    assert [(j["year"], j["month"], j["rating"]) for j in found] == [expected]


def test_a_present_grade_after_a_sentence_dating_an_earlier_inspection_is_this_ones():
    body = "Its services were inspected by Ofsted in May 2012. Services for care leavers are now good.\n"
    assert [(j["year"], j["area"]) for j in _body(SIF_HEAD, body, "Somerset")] == []  # the table's area: dropped


def test_grades_sharing_a_past_verb_share_the_earlier_inspection_the_sentence_dates_after_them():
    """ "<council> was rated <grade> for <area> and <grade> for <area> in its <kind> inspection in
    <year>": the rules date only the nearer grade; the verb and the date are both grades' (Warrington's
    2015 report, dev)."""
    body = ("Summary\n\nSomerset was judged inadequate for safeguarding and adequate for looked after children "
            "at its inspection of safeguarding and looked after children in 2010. Since then it has improved.\n")
    found = _body(SIF_HEAD, body, "Somerset")
    assert {(j["year"], j["area"], j["rating"]) for j in found} == {
        (2010, "help and protection", "inadequate"), (2010, "children in care", "adequate")}


def test_a_past_grade_in_a_sentence_that_also_dates_this_inspection_stays_this_inspections():
    body = ("Summary\n\nCare leavers were judged inadequate at this inspection in March 2015, as at the "
            "inspection in 2010.\n")
    assert [(j["year"], j["area"]) for j in _body(SIF_HEAD, body, "Somerset") if j["year"] == 2010] == []


def test_a_present_grade_in_a_sentence_measured_from_an_earlier_inspection_is_this_ones():
    # "Since <the last inspection in YEAR>, <council> has <done> ..., and <area> are <grade>".
    body = ("Since the last inspection in 2019, Dudley has continued to improve its services, "
            "and the experiences and progress of care leavers are good.\n")
    assert [(j["year"], j["area"]) for j in _body(ILACS_HEAD, body, "Dudley")] == []  # the table's area: dropped
    # Said in the past, it stays the earlier inspection's.
    body = "At the last inspection in 2019, the experiences and progress of care leavers were judged good.\n"
    assert [(j["year"], j["area"]) for j in _body(ILACS_HEAD, body, "Dudley")] == [(2019, "care leavers")]


def test_a_grade_said_by_that_inspection_is_the_one_the_sentence_before_dates():
    # "<services> were last inspected in <month year>. That inspection judged <areas> to be <grade>."
    body = ("Progress since the last inspection\n\n30. Services for looked after children in Somerset were last "
            "inspected in May 2011. That inspection judged services for looked after children to be good.\n")
    assert [(j["year"], j["month"], j["area"], j["rating"]) for j in _body(SIF_HEAD, body, "Somerset")] == [
        (2011, 5, "children in care", "good")]
    # "This inspection" is the report's own: the table's area, dropped.
    body = "This inspection judged services for looked after children to require improvement.\n"
    assert _body(SIF_HEAD, body, "Somerset") == []


def test_a_bare_grade_of_an_inspection_of_both_strands_is_overall_and_a_qualified_one_each_strands():
    # "The previous inspection of <both strands> was in <month year>. The local authority was judged to be <grade>."
    head = ("Other Ofsted inspections\n\nThe previous inspection of the local authority's services for safeguarding "
            "and looked after children was in May 2011. ")
    bare = _body(SIF_HEAD, head + "The local authority was judged to be good.\n", "Somerset")
    assert [(j["year"], j["area"]) for j in bare] == [(2011, "overall")]
    # "... judged to be good for both services": each strand's.
    both = _body(SIF_HEAD, head + "The local authority was judged to be good for both services.\n", "Somerset")
    assert {j["area"] for j in both} == {"help and protection", "children in care"}


def test_the_local_authoritys_grade_in_the_inspection_of_one_strand_it_names_is_that_strands():
    # "The local authority was judged <grade> in the inspection of <strand> in <year>", with the other strand
    # listed apart in the same year's month.
    body = ("Summary\n\nThe local authority was judged good in the inspection of safeguarding in 2011. The previous "
            "inspection of services for looked after children was in May 2011. The local authority was judged "
            "to be good.\n")
    found = {(j["year"], j["area"]) for j in _body(SIF_HEAD, body, "Somerset")}
    assert (2011, "help and protection") in found and (2011, "overall") not in found


def test_each_grade_of_a_run_of_dated_when_clauses_takes_its_own_clauses_date():
    # "since the last inspections for <A> in <year>, when services were judged to be <grade>, and for <B>
    # in <year>, when services were judged to be <grade>"
    body = ("Summary\n\nPractice has improved since the last inspections for children in need of protection in "
            "2011, when services were judged to be good, and for children looked after in 2009, when services were "
            "judged to be adequate.\n")
    found = {(j["year"], j["area"], j["rating"]) for j in _body(SIF_HEAD, body, "Somerset")}
    assert found == {(2011, "help and protection", "good"), (2009, "children in care", "adequate")}


def test_an_area_named_only_in_a_later_clause_is_not_the_earlier_grades():
    # "<inspection> in <date> found the service to be <grade>, and <a new subject> ... <area>"
    body = ("Summary\n\nThe child protection inspection in March 2013 found the service to be good, and the "
            "strengths identified then remain, including in services for children who are looked after.\n")
    assert {(j["year"], j["area"]) for j in _body(SIF_HEAD, body, "Somerset")} == {(2013, "overall")}


@pytest.mark.parametrize("sentence, earlier", [
    # An inspection named by its strands is the judge, not what it graded: the sentence's subject is.
    ("Services for looked after children and care leavers have improved since the safeguarding and "
     "looked after children inspection in 2011 which judged the services as adequate.",
     {(2011, "children in care", "adequate")}),
    ("Child protection services have weakened since the inspection of safeguarding and looked after "
     "children services in 2010, which judged them to be good.",
     {(2010, "help and protection", "good")}),
    ("Child protection services have weakened since the safeguarding and looked after children "
     "inspection in 2010, which judged them to be good.",
     {(2010, "help and protection", "good")}),
    # The strand named after the inspection's name is still the one graded.
    ("In August 2010 the Ofsted Safeguarding and Looked After Children Inspection judged safeguarding "
     "in Somerset as inadequate.",
     {(2010, "help and protection", "inadequate")}),
])
def test_an_earlier_grade_is_of_the_services_named_not_of_the_inspections_name(sentence, earlier):
    found = {(j["year"], j["area"], j["rating"]) for j in _body(SIF_HEAD, sentence + "\n", "Somerset")
             if j["year"] and j["year"] < 2015}
    assert found == earlier


def test_care_leavers_of_a_2009_13_inspection_are_its_looked_after_childrens_strand():
    """The 2009-13 inspections graded looked after children and care leavers as one strand: a
    grade said of care leavers then is that strand's (children in care), never one of its own."""
    sentence = ("Outcomes have declined since the inspection in 2011, which judged services for care "
                "leavers to be good.\n")
    found = {(j["year"], j["area"]) for j in _body(SIF_HEAD, sentence, "Somerset") if j["year"] == 2011}
    assert found == {(2011, "children in care")}
