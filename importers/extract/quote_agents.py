"""Quoted speech: who could speak, the agents a verb of saying may have as its subject
(see ``quotes`` for the whole).

Subjects are people (see ``people``), two people joined by "and" (a joint
statement: speaker "A and B", roles and organisations joined by "; "),
parties ("the Green Party", "the Lib Dems"), writings named as written ("the
statement", "the review", "the motion"), a letter in its writer's possessive
("Mr Goodwill’s letter"), spokespeople (speaker "<organisation> spokesman"),
Ofsted and its reports and inspectors (speaker "Ofsted"; role "inspection
report", "inspectors" or none; organisation "Ofsted"), councils, other bodies by
name or initials ("the NSPCC", "the Department for Education"), groups such as
"young people" or one of them ("One care leaver told inspectors") as the direct subject
of the verb, the agent after "by" of a passive ("were criticised by Ofsted", "strengths
highlighted by inspectors"), and pronouns,
resolved to the last matching speaker: "she"/"he" to the last woman/man or
person of unknown sex (or, before anyone has spoken, the person named in
this paragraph or the two above, carried along a chain of such pronouns), "they" to the nearest plural subject
(inspectors, a joint statement, a party's members) or, as British English speaks of
organisations in the plural, the last organisation to speak ("Ofsted state
... They go on to comment"), "it" to the nearest organisation or report.

Roles, statements, spokespeople and writings are ``quote_roles``'s.
"""

from __future__ import annotations

import bisect
import re

from importers.extract.people import Mention, council_mentions, find_people, is_ofsted_context, organisation_at
from importers.extract.quote_marks import _inside
from importers.extract.quote_roles import (
    _body_subject, _owner_before, _role_subject, _spokesperson, _statement_agent, _the_inspector, _writer_before,
)
from importers.extract.quote_speaker import (
    _AGENT_VERB_GAP, _SPACES, _STATEMENT, _SUBJECT_VERB_GAP, _THE_BEFORE, _THE_OR_A, _VERBS, _Agent, _Speaker,
)
from importers.extract.scan import lowered
from importers.trie_pattern import trie_pattern

# "were told", "were heavily criticised": the subject is the listener or the one judged.
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|is|are|been|being)\s+(?:\w+ly\s+)?$")
# Verbs that only attribute with the word after them.
# "called on X to ..." and "called for ...": a demand is words said ("The Green Party has now
# called on Councillor X ... “to account for ...”"), never "called the special meeting".
_VERB_PARTICLES = {"according": re.compile(r"\s+to\b"), "pointed": re.compile(r"\s+out\b"),
                   "called": re.compile(r"\s+(?:on|for)\b"), "calls": re.compile(r"\s+(?:on|for)\b")}
_STATEMENT_BEFORE = re.compile(rf"\b{_STATEMENT}\s*,?\s+{_SUBJECT_VERB_GAP}$", re.IGNORECASE)
# A pronoun as the subject of a verb of saying: "she said", "it has found".
_PRONOUN_BEFORE = re.compile(rf"\b(he|she|they|it|we)\s+{_SUBJECT_VERB_GAP}$", re.IGNORECASE)
_INSPECTORATE_WORDS = frozenset(
    "report reports findings letter inspection visit inspector inspectors watchdog inspectorate "
    "regulator ofsted".split()
)
# People spoken of as a group: speakers only as the direct subject of a verb of
# saying ("Young people described being ‘pushed to do better’").
_GROUP_WORDS = frozenset(
    "children people parents carers families staff workers managers leaders partners leavers "
    "practitioners professionals adopters chiefs bosses officials councillors "
    "parent carer mother father leaver child adopter".split()
)
# The group words for one person: "One parent told inspectors: ..." (The Independent),
# "One 20-year-old care leaver told inspectors: ..." (Ealing Council's news).
_ONE_PERSON = ("parent", "carer", "mother", "father", "leaver", "child", "adopter")
_GROUP_MODIFIER = re.compile(r"(?:\b(?:young|care|foster|social|frontline|senior|some|many|most|other|council|"
                             r"one|a|another)\s+)+$",
                             re.IGNORECASE)
# What a named person writes: its words are the writer's, once the text says who
# wrote it ("Yvette Stanley ... has written to the council ... The letter says:",
# "Sara Tough ... has emailed staff ... “...,” the email said").
_WRITINGS = frozenset("letter email e-mail".split())
# Parts of a report that speak for it: "The first paragraph concludes “...”", "Their
# closing summary says the council is ‘...’"; only after "the", "its", "their" (with an
# ordinal or "closing", "executive") or a report's possessive.
_REPORT_PARTS = frozenset("paragraph summary conclusion conclusions section introduction".split())
_REPORT_PART_BEFORE = re.compile(
    r"\b(?:the|its|their|this|(?:the\s+)?(?:report|inspection|ofsted|inspectors)['’]s?)\s+"
    r"(?:(?:first|opening|second|third|closing|final|last|concluding|executive|overall|key|main|next)\s+)?$",
    re.IGNORECASE,
)
_PARTY_WORDS = frozenset("party dems democrats conservatives tories".split())
# Writings that speak as named where the text names no maker: "The statement said, “...”"
# (Community Care), "The review ... found ... “more rigorous and incisive” interventions"
# (BBC), "The motion said: “...”" (Northampton Chronicle).
_DOCUMENT_WORDS = frozenset("statement review motion amendment resolution".split())
_DOCUMENT_BEFORE = re.compile(r"\b(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat|[Ii]ts|[Tt]heir)\s+((?:[a-z-]+\s+){0,2}?)$")
_AGENT_WORDS = _DOCUMENT_WORDS | (_INSPECTORATE_WORDS | _GROUP_WORDS | _WRITINGS | _REPORT_PARTS
                | {"spokesman", "spokeswoman", "spokesperson", "council", "authority"} | _PARTY_WORDS)
# A political party by its name: "The Green Party has now called on ...", "the Labour Party
# said", "The Lib Dems have also waded in saying", "the Conservatives said".
_PARTY_NAME_BEFORE = re.compile(r"(?<![\w’'])((?:[A-Z][\w’'-]*\s+){1,3})$")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


# The verbs of saying and the agents' head words, in lower-cased text.
_KEY_WORD_RE = re.compile(rf"(?<![a-z]){trie_pattern(_VERBS | _AGENT_WORDS)}(?![a-z])")
# The same words glued to the word before where a saved page lost a line break: "MORE: Calls
# made for wholesale review amid damning reportInspectors, who reviewed ..., said".
_GLUED_KEY_WORD_RE = re.compile(rf"(?<=[a-z]){trie_pattern(_AGENT_WORDS)}(?![a-z])")
# Reports that are not the inspectorate's.
_OTHER_REPORT = re.compile(
    r"\b(?:council|council['’]s|committee|review|audit|scrutiny|ombudsman|coroner['’]s|own|"
    r"police|annual)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
# The start of a noun phrase before its head: "the", "Ofsted's new", "a week-long".
_NOUN_PHRASE_BEFORE = re.compile(
    r"\b(?:the|a|an|its|their|this|that|ofsted['’]?s?|latest|new|final|full|published|summarised|"
    r"previous|inspection|inspectors['’]|unannounced|focused|monitoring|government|education|"
    r"schools|[a-z]+-(?:day|week|long))(?:\s+(?:ofsted['’]?s?|latest|new|final|full|published|"
    r"summarised|previous|inspection|inspectors['’]|unannounced|focused|monitoring|government|"
    r"education|schools|[a-z]+-(?:day|week|long)))*\s+$",
    re.IGNORECASE,
)
_POSSESSIVE_AFTER = re.compile(r"['’]s?\b")
_CLAUSE_THAT = re.compile(r"(?:(?:that|this)\s+)?", re.IGNORECASE)
_GROUP_GAP = re.compile(r"[\s,]*\band\b\s*")
# The "by" of a passive verb of saying, in its clause: "criticised by Ofsted",
# "described as ‘...’ by inspectors".
_BY_AGENT = re.compile(r"[^.;:!?\n]{0,60}?\bby\s+")
_REDUCED_PASSIVE_BY = re.compile(r"\s+by\s+")
_DETERMINER_BEFORE = re.compile(r"\b(?:his|her|their|its|the|a|an|these|those|our|my|your)\s+$")


def _person_agents(text: str, mentions: tuple[Mention, ...]) -> list[_Agent]:
    """People, with two joined by "and" (a joint statement) as one plural agent."""
    agents: list[_Agent] = []
    group: list[Mention] = []
    for mention in mentions:
        if group and _GROUP_GAP.fullmatch(text, group[-1].extent[1], mention.extent[0]):
            group.append(mention)
            continue
        if group:
            agents.append(_group_agent(group))
        group = [mention]
    if group:
        agents.append(_group_agent(group))
    return agents


def _group_agent(group: list[Mention]) -> _Agent:
    start, end = group[0].extent[0], group[-1].extent[1]
    if len(group) == 1:
        m = group[0]
        return _Agent(start, end, _Speaker(m.name, m.role, m.organisation, "person", m.gender))
    names = [m.name for m in group]
    name = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    roles = [m.role for m in group if m.role]
    orgs = list(dict.fromkeys(m.organisation for m in group if m.organisation))
    return _Agent(start, end, _Speaker(name, "; ".join(roles) or None, "; ".join(orgs) or None,
                                       "group", None, True))


def _scan(text: str, blocked: list[tuple[int, int]], ranges: list[tuple[int, int]]):
    """One pass over the words outside quotation marks in ``ranges``: (verbs, agent
    head words, passives: verb start -> where its "by" agent starts)."""
    verbs: list[tuple[int, int]] = []
    heads: list[tuple[int, int, str]] = []
    passives: dict[int, int] = {}
    folded = lowered(text)
    if len(folded) != len(text):  # a few characters lower-case to two ("İ"): keep positions
        folded = text.translate(_ASCII_LOWER)
    matches = sorted((m for start, end in ranges for pattern in (_KEY_WORD_RE, _GLUED_KEY_WORD_RE)
                      for m in pattern.finditer(folded, start, end)
                      if pattern is _KEY_WORD_RE or (text[m.start()].isupper() and text[m.start() - 1].islower())),
                     key=lambda m: m.start())
    for match in matches:
        word = match.group()
        if word in _VERBS:
            if _inside(blocked, match.start()) or _DETERMINER_BEFORE.search(folded, max(0, match.start() - 8),
                                                                              match.start()):
                continue  # a noun after its determiner: "his comments", "the findings", "its states"
            reduced = _REDUCED_PASSIVE_BY.match(folded, match.end()) if word.endswith("ed") else None
            if reduced is not None and not _PASSIVE_BEFORE.search(folded, max(0, match.start() - 30),
                                                                   match.start()):
                # A participle with its "by" agent and no "was" before it: "Among the other
                # strengths highlighted by inspectors were the “...”" (Ealing Council's news),
                # "a service described by inspectors as “...”": the agent after "by" speaks.
                passives[match.start()] = reduced.end()
            elif _PASSIVE_BEFORE.search(folded, max(0, match.start() - 30), match.start()):
                # "Inspectors were told": the subject is the listener; a passive's
                # speaker is its "by" agent ("has been criticised by Ofsted for “...”").
                by = _BY_AGENT.match(folded, match.end())
                if by is None:
                    continue
                passives[match.start()] = by.end()
            end = match.end()
            particle = _VERB_PARTICLES.get(word)
            if particle is not None:
                follow = particle.match(text, end)
                if not follow:
                    continue
                end = follow.end()
            verbs.append((match.start(), end))
        elif word in _AGENT_WORDS and not _inside(blocked, match.start()):
            heads.append((match.start(), match.end(), word))
    return verbs, heads, passives


def _agents(text: str, ctx, blocked: list[tuple[int, int]], verbs, heads) -> list[_Agent]:
    authority = getattr(ctx, "authority", None)
    ofsted = is_ofsted_context(text, getattr(ctx, "kind", None))
    agents = _person_agents(text, find_people(text, ctx))
    taken = sorted((a.start, a.end) for a in agents)
    verb_starts = {v[0] for v in verbs}
    others: list[_Agent] = []
    for start, end, word in heads:
        if _overlaps(taken, start, end):
            continue
        writer = _writer_before(text, start, agents) if word in _WRITINGS else None
        owner = _owner_before(text, start, agents) if word in _WRITINGS and writer is None else None
        if owner is not None:
            agent = owner
        elif writer is not None:
            agent = _Agent(_THE_BEFORE.search(text, max(0, start - 12), start).start(), end, writer.speaker)
        elif word in _WRITINGS and word != "letter":
            continue  # an email nobody is said to have written
        elif word in _GROUP_WORDS:
            agent = _group_of_people(text, start, end, verb_starts)
        elif word == "inspector" and (named := _the_inspector(text, start, agents)) is not None:
            agent = named
        elif word in _DOCUMENT_WORDS:
            agent = _document(text, start, end)
        elif word in _PARTY_WORDS:
            agent = _party(text, start, end)
        elif word.startswith("spokes"):
            agent = _spokesperson(text, start, end, word, authority, ofsted)
        elif word in ("council", "authority"):
            before = _THE_BEFORE.search(text, max(0, start - 12), start)
            if not before or _POSSESSIVE_AFTER.match(text, end):
                continue
            org = organisation_at(text, "the council", start, authority)
            agent = _Agent(before.start(), end, _Speaker(org, None, org, "org"))
        else:
            agent = (_report_part(text, start, end, ofsted) if word in _REPORT_PARTS
                     else _inspectorate(text, start, end, word, ofsted))
        if agent is not None:
            others.append(agent)
    for start, end, canonical in council_mentions(text):
        if _POSSESSIVE_AFTER.match(text, end):
            continue  # "the review of Gloucestershire County Council’s services ... questioned": not the subject
        if text[start:end] != canonical and not _overlaps(taken, start, end) and not _inside(blocked, start):
            org = organisation_at(text, canonical, start, authority)
            others.append(_Agent(start, end, _Speaker(org, None, org, "org")))
    for v_start, _ in verbs:
        match = _PRONOUN_BEFORE.search(text, max(0, v_start - 24), v_start)
        if match and not _inside(blocked, match.start()):
            others.append(_Agent(match.start(1), match.end(1), None, match.group(1).lower()))
        elif (statement := _STATEMENT_BEFORE.search(text, max(0, v_start - 160), v_start)) is not None:
            others.append(_statement_agent(text, statement, agents, authority, ofsted))
        elif (role := _role_subject(text, v_start, authority, agents)) is not None and not _overlaps(
                taken, role.start, role.end):
            others.append(role)
        elif (body := _body_subject(text, v_start)) is not None and not _overlaps(taken, body.start, body.end):
            others.append(body)
    others.sort(key=lambda a: (a.start, -a.end))
    # A spokesperson's phrase holds its council ("a spokeswoman for the council"): keep the outer.
    kept: list[_Agent] = []
    for agent in others:
        if kept and agent.start < kept[-1].end:
            continue
        kept.append(agent)
    agents.extend(kept)
    agents.sort(key=lambda a: (a.start, a.end))
    return agents


def _group_of_people(text: str, start: int, end: int, verb_starts: set[int]) -> _Agent | None:
    gap = _AGENT_VERB_GAP.match(text, end)
    if gap is None or gap.end() not in verb_starts:
        return None
    modifier = _GROUP_MODIFIER.search(text, max(0, start - 30), start)
    begin = modifier.start() if modifier else start
    name = _SPACES.sub(" ", text[begin:end]).lower()
    return _Agent(begin, end, _Speaker(name, None, None, "people", None, not name.endswith(_ONE_PERSON)))


def _document(text: str, start: int, end: int) -> _Agent | None:
    """A statement, review or motion after its determiner, named as written ("joint statement")."""
    before = _DOCUMENT_BEFORE.search(text, max(0, start - 30), start)
    if before is None or _POSSESSIVE_AFTER.match(text, end):
        return None
    name = _SPACES.sub(" ", text[before.start(1):end])
    return _Agent(before.start(), end, _Speaker(name, None, None, "org"))


def _party(text: str, start: int, end: int) -> _Agent | None:
    """A party named with a capital ("the Green Party", "the Lib Dems", "Tories"), never
    "the party"; its members in the plural are spoken of as "they"."""
    if not text[start:end].istitle():
        return None
    name = _PARTY_NAME_BEFORE.search(text, max(0, start - 40), start)
    if name is None and text[start:end].casefold() == "party":
        return None
    begin = name.start() if name else start
    written = _THE_OR_A.sub("", _SPACES.sub(" ", text[begin:end]))
    return _Agent(begin, end, _Speaker(written, None, written, "org", None, not written.endswith("Party")))


def _inspectorate(text: str, start: int, end: int, word: str, ofsted: bool) -> _Agent | None:
    """Ofsted, its reports and its inspectors as the subject of a verb of saying."""
    if word == "ofsted" and text[end:end + 1] in ("'", "’"):
        return None  # "Ofsted's report": the report is the subject
    if word.startswith("report") and _OTHER_REPORT.search(text, max(0, start - 40), start):
        return None
    if word in ("ofsted", "watchdog", "inspectorate", "regulator"):
        role, plural = None, False
    elif word.startswith("inspector"):
        role, plural = "inspectors", word.endswith("s")
    else:
        role, plural = "inspection report", False
    words_before = _NOUN_PHRASE_BEFORE.search(text, max(0, start - 50), start)
    begin = words_before.start() if words_before else start
    if words_before and (word == "ofsted" or plural):
        # "that" and "this" determine a singular common noun ("that report"); before a
        # name or a plural they open a clause: "He is quoted as saying that Ofsted “...”"
        # (Chris Mills's blog), "said that inspectors had found".
        begin += _CLAUSE_THAT.match(text, begin).end() - begin
    # Where the text never names Ofsted, the inspectorate is named as the text names
    # it ("the report states", "inspectors said").
    name = "Ofsted" if ofsted else _SPACES.sub(" ", text[begin:end])
    return _Agent(begin, end, _Speaker(name, role, "Ofsted" if ofsted else None, "org", None, plural))


def _report_part(text: str, start: int, end: int, ofsted: bool) -> _Agent | None:
    """A part of the inspection report as the subject of a verb of saying."""
    before = _REPORT_PART_BEFORE.search(text, max(0, start - 40), start)
    if before is None or _OTHER_REPORT.search(text, max(0, before.start() - 40), before.start() + 1):
        return None
    name = "Ofsted" if ofsted else _SPACES.sub(" ", text[before.start():end])
    return _Agent(before.start(), end, _Speaker(name, "inspection report", "Ofsted" if ofsted else None, "org"))


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    i = bisect.bisect_left(spans, (end, -1))
    return any(s < end and start < e for s, e in spans[max(0, i - 3):i])
