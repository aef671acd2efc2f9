"""People: names with a title, a role or a verb of saying; roles and organisations from apposition."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from importers.extract import DocContext
from importers.extract.people import extract, find_people
from importers.sanitize import clean_text
from tests.paths import SEEDS, prose_text, seed_text

NEWS = DocContext(authority="Haringey", kind="news")


def people(text: str, ctx: DocContext = NEWS) -> list[tuple[str, str, str | None, str | None]]:
    """(as written, name, role, organisation) for each person fact."""
    out = []
    for fact in extract(text, ctx):
        assert fact.type == "person"
        written = text[fact.span[0]:fact.span[1]]
        assert fact.fields["name"].endswith(written.split()[-1])
        out.append((written, fact.fields["name"], fact.fields["role"], fact.fields["organisation"]))
    return out


def seed(prefix: str) -> str:
    return clean_text(seed_text(prefix))


# --- the seeds ----------------------------------------------------------------------


def test_leader_and_chief_executive_in_seed_000():
    assert people(seed("000")) == [
        ("Peray Ahmet", "Peray Ahmet", "leader", "Haringey Council"),
        ("Andy Donald", "Andy Donald", "chief executive", "Haringey Council"),
    ]


def test_cabinet_member_with_title_after_role_in_seed_001():
    assert people(seed("001")) == [
        ("Lorna Reith", "Lorna Reith", "cabinet member for children’s services", None),
    ]


def test_letter_addressee_inspectors_and_signature_in_seed_002():
    found = people(seed("002"), DocContext(authority="Haringey", kind="ofsted_letter"))
    assert found == [
        ("Ann Graham", "Ann Graham", "Director Children's Services", "Haringey Council"),
        ("Graham", "Ann Graham", "Director Children's Services", "Haringey Council"),  # "Dear Ms Graham"
        ("Monique Lindsay", "Monique Lindsay", "His Majesty's Inspector", "Ofsted"),
        ("Christine Kennet", "Christine Kennet", "His Majesty's Inspector", "Ofsted"),
        ("Monique Lindsay", "Monique Lindsay", "His Majesty's Inspector", "Ofsted"),  # the signature
    ]


def test_possessive_council_in_apposition_in_seed_003():
    assert people(seed("003")) == [
        ("Ann Waters", "Ann Waters", "cabinet Member for Children", "Haringey Council"),
    ]


def test_surnames_resolve_and_children_are_not_people_in_seed_004():
    found = people(seed("004"))
    assert found[:4] == [
        ("Claire Kober", "Claire Kober", "council leader", "Haringey Council"),
        ("Kober", "Claire Kober", "council leader", "Haringey Council"),
        ("Kober", "Claire Kober", "council leader", "Haringey Council"),
        ("Ed Balls", "Ed Balls", "Children's Secretary", None),
    ]
    names = {name for _, name, _, _ in found}
    for not_a_person in ("Baby Peter", "Baby P", "Peter Connolly", "Peter", "Haringey", "Ofsted"):
        assert not_a_person not in names


def test_no_people_from_places_victims_or_organisations_in_any_seed():
    for path in SEEDS:
        names = {f.fields["name"] for f in extract(clean_text(path.read_text(encoding="utf-8")), NEWS)}
        for word in ("Baby", "Victoria Climbie", "Haringey Council", "Wood Green", "River Park House",
                     "Piccadilly Gate", "Store Street", "Ofsted", "Muswell Hill"):
            assert word not in names, (path.name, word)


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_every_person_span_is_the_name_as_written(path):
    for raw in (path.read_text(encoding="utf-8"), clean_text(path.read_text(encoding="utf-8"))):
        for fact in extract(raw, NEWS):
            written = raw[fact.span[0]:fact.span[1]]
            assert written and written == written.strip()
            assert written.split()[-1] == fact.fields["name"].split()[-1]


# --- written passages ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mark Rogers, chief executive of Birmingham City Council, said the service had improved.",
         ("Mark Rogers", "chief executive", "Birmingham City Council")),
        ("Education Secretary Michael Gove said the council had failed.",
         ("Michael Gove", "Education Secretary", None)),
        ("The council's director of children's services Sarah Jones told the meeting.",
         ("Sarah Jones", "director of children's services", "Kent County Council")),
        ("Dr Maggie Atkinson, the Children's Commissioner for England, spoke first.",
         ("Maggie Atkinson", "Children's Commissioner for England", None)),
        ("Andrew Webb, director of children's services at Stockport, said: \"We are pleased.\"",
         ("Andrew Webb", "director of children's services", "Stockport Council")),
        ("Ofsted's chief inspector Amanda Spielman said standards were slipping.",
         ("Amanda Spielman", "chief inspector", "Ofsted")),
        ("Sir Albert Bore, leader of the council, said it would act.",
         ("Albert Bore", "leader", "Kent County Council")),
        ("Jo Smith said the plan was working.", ("Jo Smith", None, None)),
        ("Cllr Dan Lee welcomed the report.", ("Dan Lee", None, None)),
    ],
)
def test_roles_and_organisations(text, expected):
    ctx = DocContext(authority="Kent", kind="news")
    written, name, role, organisation = people("Kent County Council was inspected. " + text, ctx)[0]
    assert (name, role, organisation) == expected


def test_role_between_commas_after_an_opening_clause():
    text = "Speaking to Community Care, the trust's chief executive, Nicola Clemo, said it was hard."
    assert people(text) == [("Nicola Clemo", "Nicola Clemo", "chief executive", None)]


def test_lead_and_team_inspectors_from_a_report_header():
    text = ("Inspection dates: 13 to 24 February 2023\n"
            "Lead inspector: Jane Doe, His Majesty’s Inspector\n"
            "Team inspectors: Alan Price HMI, Beth Owen HMI and \nCarl McKenzie HMI.\n")
    found = people(text, DocContext(kind="ofsted_report"))
    assert found == [
        ("Jane Doe", "Jane Doe", "lead inspector", "Ofsted"),
        ("Alan Price", "Alan Price", "team inspector", "Ofsted"),
        ("Beth Owen", "Beth Owen", "team inspector", "Ofsted"),
        ("Carl McKenzie", "Carl McKenzie", "team inspector", "Ofsted"),
    ]


def test_inspectors_named_in_a_letter_sentence():
    text = "Her Majesty’s Inspectors for this inspection were Amy Stone and Raj Gill."
    assert [p[1:3] for p in people(text, DocContext(kind="ofsted_letter"))] == [
        ("Amy Stone", "His Majesty's Inspector"), ("Raj Gill", "His Majesty's Inspector"),
    ]


def test_signature_block_with_role_line():
    text = "Yours sincerely\n\nPeter Kane\nHer Majesty’s Inspector\n"
    assert people(text, DocContext(kind="ofsted_letter")) == [
        ("Peter Kane", "Peter Kane", "His Majesty's Inspector", "Ofsted"),
    ]


def test_role_set_off_by_a_comma_before_the_name():
    text = "The lead member, Councillor Priya Patel, welcomed the letter."
    assert people(text) == [("Priya Patel", "Priya Patel", "lead member", None)]


def test_later_mentions_carry_the_role_and_bare_surnames_need_a_verb():
    text = ("Council leader Sarah Green welcomed the report. Green said it was fair. "
            "Green spaces in the borough were not inspected. Sarah Green later resigned.")
    found = people(text)
    assert [(w, role) for w, _, role, _ in found] == [
        ("Sarah Green", "Council leader"), ("Green", "Council leader"), ("Sarah Green", "Council leader"),
    ]


def test_title_surname_without_full_name_keeps_the_title():
    (found,) = people("Mr Patel said the figures were wrong.")
    assert found[:2] == ("Patel", "Mr Patel")


@pytest.mark.parametrize(
    "text",
    [
        "Baby Peter died in 2007 and Victoria Climbie died in 2000.",
        "The death of four-year-old Daniel Pelka shocked Coventry.",
        "Tower Hamlets Council and Kent County Council were inspected.",
        "Great Ormond Street Hospital treated the child.",
        "The Local Safeguarding Children Board met in March.",
        "Wood Green\nLondon N22 8HQ",
        "Most Read\n- 1 Buyers launch legal action",
        "Ofsted said the council had improved.",
        "",
    ],
)
def test_not_people(text):
    assert people(text) == []


PIECES = ["Cllr", "Ms", "Jo", "Smith", "Ann", "O'Neil", "McKay", " ", ", ", ".", "\n", ":", "leader of",
          "the council's", "chief executive", "Kent County Council", "said", "Lead inspector:", "HMI",
          "and", "His Majesty’s Inspector", "Baby", "Haringey’s"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=50).map("".join))
def test_spans_are_names_on_any_mix_of_words(text):
    for mention in find_people(text, NEWS):
        assert 0 <= mention.span[0] < mention.span[1] <= len(text)
        assert mention.extent[0] <= mention.span[0] and mention.span[1] <= mention.extent[1]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_unicode_is_safe(text):
    for fact in extract(text, NEWS):
        assert 0 <= fact.span[0] < fact.span[1] <= len(text)


def test_portfolio_holder_is_a_role():
    text = "Councillor Sue Duffy, portfolio holder for children's services, said the result was fantastic."
    assert [(p[1], p[2]) for p in people(text)] == [("Sue Duffy", "portfolio holder for children's services")]


def test_address_block_role_with_a_comma():
    text = "Mark Douglas\nStrategic Director, Children's Services\nBradford Council\n"
    assert [(p[1], p[2]) for p in people(text)] == [("Mark Douglas", "Strategic Director, Children's Services")]


# --- real prose: the accuracy set's dev half ------------------------------------------

def prose(name: str) -> str:
    return clean_text(prose_text(name))


def test_apposition_without_a_closing_comma_ends_at_its_verb_of_saying():
    # 2009-careappointments-...: "Ian Parry, cabinet member for children and young people at
    # Staffordshire County Council described the inspections as “intense and rigorous”".
    found = people(prose("2009-careappointments-staffordshire-devon-announced-inspections.txt"))
    assert ("Ian Parry", "Ian Parry", "cabinet member for children and young people",
            "Staffordshire County Council") in found


def test_minutes_verbs_make_a_name_a_person():
    # 2020-thurrock-...: "Sheila Murphy answered that a development plan had been in place".
    text = "Sheila Murphy answered that a development plan had been in place prior to the Ofsted inspection."
    assert people(text) == [("Sheila Murphy", "Sheila Murphy", None, None)]


def test_surname_after_said_is_the_person_named_before():
    # 2009-07-14-communitycare-adcs-...: "President Kim Bromley-Derry told the ADCS annual conference"
    # and later "“...,” said Bromley-Derry (pictured)."
    found = people(prose("2009-07-14-communitycare-adcs-unannounced-inspections.txt"))
    assert ("Bromley-Derry", "Kim Bromley-Derry", "President", None) in found


@pytest.mark.parametrize("text", [
    "Birmingham Live reported that the council had failed its children.",
    "Kent Online said the council had been rated good.",
])
def test_a_paper_named_after_its_place_is_not_a_person(text):
    # The verbs of saying widened for minutes ("reported", "advised") make newspapers
    # speak too: a name that opens on a council's place with nothing else to go on is not a person.
    assert people(text) == []


def test_coun_is_a_councillors_title():
    # Yorkshire Evening Post, 28 March 2018 (https://www.yorkshireeveningpost.co.uk/news/improvement-plan-
    # not-good-enough-wakefield-council-leader-admits-1-9087581): "Coun Peter Box ... Coun Box said".
    text = ("Coun Peter Box made the comment whilst speaking about a damning Ofsted letter.\n\n"
            "Coun Box said he accepted the letter in its entirety.")
    assert [name for _, name, _, _ in people(text)] == ["Peter Box", "Peter Box"]
    # Swindon Advertiser (http://www.swindonadvertiser.co.uk/news/13643069.Children_s_services_need_to_be_
    # more_consistent_admit_Wiltshire_Council/): "CABINET member Laura Mayes ... Coun Mayes believes".
    text = "Cabinet member Laura Mayes has defended the service.\n\nCoun Mayes said the band was a wide one."
    assert [name for _, name, _, _ in people(text)] == ["Laura Mayes", "Laura Mayes"]


# --- fifth round (issue 11): what is not a name, and roles set off by dashes or "is" ----------


@pytest.mark.parametrize("text", [
    # Nottinghamshire, single inspection 2015 (a dev report of ../shared/reports/national): a
    # plural of a role word names a body of people, never one person.
    "Panel Chairs reported that the large majority of social work reports are of a good quality.",
    "Practice Managers said that supervision was regular and reflective.",
])
def test_a_plural_role_word_is_a_body_not_a_person(text):
    assert people(text) == []


@pytest.mark.parametrize("text", [
    # Lincolnshire 2015 and Newham 2014, single inspections (dev reports): a role whose
    # complement runs on into capitals ("chair of the ...") is followed by the body it is of.
    "There are links, with the chair of the Corporate Parenting Panel reporting to committee meetings.",
    "The Chair of the Significant Incident Review Group (SIRG) is a senior manager.",
    "The Mayor, Lead Member and Chair of the Corporate Parenting Board meet officers regularly.",
    # Salford 2015 (dev report).
    "The LSCB, as a member of the Greater Manchester Safeguarding Partnership, commissions procedures.",
])
def test_a_role_of_the_body_named_after_it_makes_no_person(text):
    assert people(text) == []


def test_a_surname_that_ends_like_a_plural_role_word_is_still_a_name():
    assert [name for _, name, _, _ in people("Sarah Masters said the plan was sound.")] == ["Sarah Masters"]


def test_a_role_between_dashes_after_a_name():
    # Ham & High, 2019 (dev: 2019-07-07-hamhigh-barnet-good-much-improved.txt): the first role of a
    # long one between dashes.
    found = people(prose("2019-07-07-hamhigh-barnet-good-much-improved.txt"))
    assert ("David Longstaff", "David Longstaff", "deputy leader", "Barnet Council") in [
        (w, n, r, o) for w, n, r, o in found if n == "David Longstaff"]
    # The en dash a council release sets its speaker's role between: a name with no title or
    # verb beside it is a person by that role alone.
    text = "Jane Brown – Labour councillor for Eastfield ward – said the findings were disappointing."
    assert people(text) == [("Jane Brown", "Jane Brown", "Labour councillor for Eastfield ward", None)]


def test_a_dash_after_a_name_that_opens_no_role():
    # A caption's "Name - Organisation Role" line is read by the role rules; an aside between
    # dashes that is not a role gives none.
    text = "Peter Smith - a father of two - said the service had let his family down."
    assert people(text) == [("Peter Smith", "Peter Smith", None, None)]


def test_a_role_stated_with_is_after_the_name():
    # Stowe Family Law's blog (https://www.stowefamilylaw.co.uk/blog/2015/03/10/majority-of-childrens-
    # services-not-good-enough/): "Alan Wood is the president of the Association of Directors of
    # Children's Services (ADCS). He criticised ...".
    text = ("Alan Wood is the president of the Association of Directors of Children’s Services (ADCS). He "
            "criticised the report’s findings as “simply not credible”.")
    assert people(text) == [("Alan Wood", "Alan Wood", "president",
                             "Association of Directors of Children’s Services")]
    # "is" before something other than a role gives no person.
    assert people("Peter Pan is a father of three who lives in Leeds.") == []


def test_an_apposition_without_its_closing_comma_ends_at_has_and_its_verb():
    # Barrow and Furness Conservatives (https://barrowandfurnessconservatives.org.uk/news/childrens-services-
    # directions): the council named inside the role is the role's organisation, not a speaker.
    text = ("Councillor James Airey, the Leader of the Cumbria County Council Conservative Group has welcomed the "
            "Minister’s decision.")
    assert people(text) == [("James Airey", "James Airey", "Leader", "Cumbria County Council Conservative Group")]


def test_an_aside_in_brackets_before_the_role_and_an_organisation_named_with_of():
    # Woolwich Online, 2016 (dev): "Councillor Miranda Williams (top right), the Royal Borough of
    # Greenwich’s Cabinet Member for Children and Young People said".
    text = ("Councillor Miranda Williams (top right), the Royal Borough of Greenwich’s Cabinet Member for "
            "Children and Young People said the report was good.")
    assert people(text) == [("Miranda Williams", "Miranda Williams", "Cabinet Member for Children and Young People",
                             "Royal Borough of Greenwich")]
    # Community Care, 2009 (dev): "of" and "and" inside the organisation before its possessive.
    found = people(prose("2009-01-13-communitycare-surrey-improvement-notice.txt"))
    assert ("Lucy de Groot", "executive director", "Improvement and Development Agency") in [
        (n, r, o) for _, n, r, o in found]


@pytest.mark.parametrize("title", ["AI", "OI", "SCRI", "(AI)", "(OI)", "HMI", "(seconded inspector)", "(Contracted Inspector)"])
def test_every_inspector_title_after_a_name_lets_the_list_go_on(title: str) -> None:
    text = f"Team inspectors: Jane Hollis {title}, Peter Grant HMI and Amira Khan {title}\n"
    names = {m.name for m in find_people(text, DocContext(kind="ofsted_report"))}
    assert {"Jane Hollis", "Peter Grant", "Amira Khan"} <= names
