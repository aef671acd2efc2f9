"""Quoted speech: speakers named by role or by what they wrote: a role alone and the one
person who holds it, a statement's maker, a spokesperson and the organisation they speak
for, a letter's writer, "the inspector" the text has named (see ``quote_agents`` for the
rest of the subjects).
"""

from __future__ import annotations

import re
from dataclasses import replace

from importers.extract.people import organisation_at, role_without_name
from importers.extract.quote_speaker import (
    _SPACES, _SUBJECT_VERB_GAP, _THE_BEFORE, _THE_OR_A, _WORD_RE, _Agent, _Speaker,
)

# Between a role and its verb of saying: "The chief executive also said".
_ROLE_VERB_GAP = re.compile(rf"(?<=\s){_SUBJECT_VERB_GAP}$")
_WROTE_AFTER = re.compile(
    r"(?:\s*,\s*(?:who|which)\b[^,.;:!?“”\"]*,)?\s*,?\s*(?:has\s+|had\s+|also\s+)?"
    r"(?:written|wrote|writes|emailed|e-mailed)\b",
    re.IGNORECASE,
)
# A writing's owner right before it: "Mr Goodwill’s letter", "His latest letter".
_OWNER_BEFORE = re.compile(
    r"(?:\b(?P<pronoun>[Hh]is|[Hh]er|[Tt]heir)|['’]s?)\s+(?:(?:own|latest|recent|formal|open|new|written)\s+)?$"
)
# How far back the writer may be named: the paragraph before, at most.
_WRITER_REACH = 600
_SPOKES_BEFORE = re.compile(r"\b(?:[Aa]n?|[Tt]he)\s+(?:(?P<pre>[\w'’-]+(?:\s+[\w'’-]+){0,3}?)\s+)?$")
_SPOKES_AFTER = re.compile(
    r"\s+(?:for|from|at)\s+(?P<org>the\s+(?:local\s+authority|council|authority|department|"
    r"watchdog|inspectorate)\b|(?:the\s+)?[A-Z][\w'’-]*(?:(?:\s+(?:for|of|and))?\s+[A-Z][\w'’-]*){0,4})"
)
_OFSTED_WORDS = re.compile(r"\b(?:ofsted|watchdog|inspectorate)\b", re.IGNORECASE)
_COUNCIL_WORDS = re.compile(r"(?:the\s+)?council|(?:the\s+)?local\s+authority", re.IGNORECASE)


def _statement_agent(text: str, match: re.Match[str], people: list[_Agent], authority: str | None,
                     ofsted: bool) -> _Agent:
    """The statement of ``match`` as an agent, spoken by its maker."""
    start, end = match.span("who")
    return _Agent(match.start(), end, _maker(text, start, end, people, authority, ofsted))


def _maker(text: str, start: int, end: int, people: list[_Agent], authority: str | None,
           ofsted: bool) -> _Speaker:
    """Who made a statement named by ``text[start:end]``: a person named in it, a
    role ("the cabinet member for ..."), a council or Ofsted, else the words as
    written ("the three agencies"), a joint statement's makers spoken of as "they"."""
    speaker = next((a.speaker for a in people if start <= a.start and a.end <= end), None)
    if speaker is None:
        offset = max(0, start - 1)
        role = role_without_name(text[offset:end] + " ", end - offset + 1, authority)
        role = role and replace(role, start=role.start + offset, end=role.end + offset)
        if role is not None and role.start >= start:
            speaker = _Speaker(role.name, role.role, role.organisation, "person")
    if speaker is None:
        who = text[start:end]
        org = _organisation(text, who, start, authority, ofsted)
        name = org or _SPACES.sub(" ", _THE_OR_A.sub("", who))
        plural = " and " in who or who.rstrip().endswith("s")
        speaker = _Speaker(name, None, org, "group" if plural else "org", None, plural)
    return speaker


def _role_subject(text: str, v_start: int, authority: str | None, people: list[_Agent]) -> _Agent | None:
    """A speaker named by role alone as the subject of a verb of saying: "The chief
    executive of Kent County Council said", "Ofsted's Chief Operating Officer
    explained how ... He said"; the role as written is the speaker. Spokespeople and
    inspectors have rules of their own."""
    gap = _ROLE_VERB_GAP.search(text, max(0, v_start - 40), v_start)
    role = role_without_name(text, gap.start(), authority) if gap else None
    if role is None or _SPACES.split(role.role)[-1].casefold().startswith(("spokes", "inspector")):
        return None
    return _Agent(role.start, role.end, _holder(role, people))


# Words that make a role another one: a deputy chief executive is not the chief executive.
_OTHER_RANKS = frozenset("deputy assistant vice former shadow previous associate".split())


def _holder(role, people: list[_Agent]) -> _Speaker:
    """The one person the text names with ``role`` (a ``RoleOnly``), else the role as written:
    "executive director says" in a headline over "new executive director of the department
    Sara Tough" is Sara Tough; "the chief executive said" after "Chief executive Jane Smith"."""
    wanted = _WORD_RE.findall(role.role.casefold())
    holders = {a.speaker.name: a.speaker for a in people
               if a.speaker is not None and a.speaker.kind == "person" and a.speaker.role
               and _holds(_WORD_RE.findall(a.speaker.role.casefold()), wanted)}
    if len(holders) == 1:
        return next(iter(holders.values()))
    return _Speaker(role.name, role.role, role.organisation, "person")


def _holds(have: list[str], wanted: list[str]) -> bool:
    """Whether a role's words hold another's head and all its words in order ("new executive
    director of the department" holds "executive director", never "director of education")."""
    if not wanted or wanted[-1] not in have or any(w in _OTHER_RANKS and w not in wanted for w in have):
        return False
    head = have.index(wanted[-1])
    before = have[:head + 1]
    i = 0
    for word in before:
        if i < len(wanted) and word == wanted[i]:
            i += 1
    return i == len(wanted)


def _writer_before(text: str, start: int, people: list[_Agent]) -> _Agent | None:
    """The person the text names as the writer of "the letter" at ``start``: the
    nearest before it who "has written", "wrote" or "has emailed"."""
    if not _THE_BEFORE.search(text, max(0, start - 12), start):
        return None
    for agent in reversed(people):
        if agent.end <= start - _WRITER_REACH:
            break
        if agent.end <= start and agent.speaker.kind == "person" and _WROTE_AFTER.match(text, agent.end):
            return agent
    return None


def _owner_before(text: str, start: int, people: list[_Agent]) -> _Agent | None:
    """A letter or email in the possessive of a person, or of "his", "her", "their":
    its writer's words ("Mr Goodwill’s letter confirmed", "His letter says: “...”")."""
    owner = _OWNER_BEFORE.search(text, max(0, start - 40), start)
    if owner is None:
        return None
    if owner.group("pronoun"):
        pronoun = owner.group("pronoun").lower()
        return _Agent(owner.start(), start, None, {"his": "he", "her": "she"}.get(pronoun, "they"))
    person = next((a for a in reversed(people) if a.end == owner.start()), None)
    if person is None or person.speaker.kind not in ("person", "group"):
        return None
    return _Agent(person.start, start, person.speaker)


def _the_inspector(text: str, start: int, people: list[_Agent]) -> _Agent | None:
    """"The inspector" after the text has named one inspector: that inspector ("Inspector
    Claire Beckingham discovered that ... The inspector found ... plans “did not progress
    ...”"); never where it has named none or several."""
    before = _THE_BEFORE.search(text, max(0, start - 12), start)
    if before is None:
        return None
    named = {a.speaker.name: a.speaker for a in people if a.end <= start and a.speaker.kind == "person"
             and "inspector" in (a.speaker.role or "").casefold()}
    if len(named) != 1:
        return None
    return _Agent(before.start(), start + len("inspector"), next(iter(named.values())))


def _spokesperson(text: str, start: int, end: int, word: str, authority, ofsted) -> _Agent | None:
    """"a spokeswoman for the council", "a Department for Education spokesperson".

    The speaker is the spokesperson, named by the organisation they speak for
    ("Croydon Council spokesman"), else as written ("council spokesman")."""
    before = _SPOKES_BEFORE.search(text, max(0, start - 50), start)
    if not before:
        return None
    after = _SPOKES_AFTER.match(text, end)
    org_text = (after.group("org") if after else None) or before.group("pre") or ""
    org = _organisation(text, org_text, start, authority, ofsted)
    written = _SPACES.sub(" ", f"{before.group('pre') or ''} {word}").strip()
    # A spokesperson is a person: "A spokesman for the Conservative party ... said ... He said: “...”".
    gender = {"spokesman": "m", "spokeswoman": "f"}.get(word)
    return _Agent(before.start(), after.end() if after else end,
                  _Speaker(f"{org} {word}" if org else written, word, org, "person", gender))


def _organisation(text: str, phrase: str, pos: int, authority: str | None, ofsted: bool) -> str | None:
    phrase = phrase.strip()
    if not phrase:
        return None
    if _OFSTED_WORDS.search(phrase):
        return "Ofsted" if ofsted else None
    if _COUNCIL_WORDS.fullmatch(phrase):
        return organisation_at(text, "the council", pos, authority)
    return organisation_at(text, phrase, pos, authority)
