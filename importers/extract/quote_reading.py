"""Quoted speech: one document read for attribution: its paragraphs and sentences, the
verbs of saying and their subjects, and the speaker a pronoun stands for (the rules of
``quote_attribution`` are built on it).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from importers.extract.paragraphs import paragraphs, sentence_ends
from importers.extract.people import LEADING_CONJUNCTION, find_people, is_ofsted_context
from importers.extract.quote_agents import _agents, _person_agents, _scan
from importers.extract.quote_marks import Quote, _inside
from importers.extract.quote_speaker import _RELATIVE_CLAUSE_BEFORE, _SUBJECT_VERB_GAP, _Agent, _Speaker

# Paragraphs read before a quote's own for the antecedents of pronouns.
_CONTEXT_PARAGRAPHS = 2
# A participle after a comma takes the subject of its sentence, not the nearest noun:
# "And they commend the council for its collaboration, saying ‘...’".
_PARTICIPLE_AFTER_COMMA = re.compile(r",\s*$")
_AND_BEFORE = re.compile(r"\b(?:and|but)\s+(?:also\s+|then\s+|later\s+)?$")
# An apposition between a speaker and the verb: "Cllr Paul Brothwood, UKIP leader on
# Dudley Council, told".
_APPOSITION_BEFORE = re.compile(rf",[^,.;:!?“”\"\n()]{{2,130}},\s*{_SUBJECT_VERB_GAP}$")
# A parenthesis between a speaker and the verb: "Cllr. Jane Birch (Labour, Kingsthorpe
# South, shadow portfolio for children’s services), says", "Cllr Frank Letch (Liberal
# Democrat, Crediton), said".
_PARENTHESIS_BEFORE = re.compile(r"\([^()\n]{1,150}\)\s*,?\s*$")
# An apposition after a name that holds commas of its own, or that ends without its comma
# before the verb after a relative clause; within one sentence, as long as a title may run.
_LONG_APPOSITION = re.compile(rf",[^.;:!?“”\"\n()]{{2,200}}?(?:,\s*|\s+){_SUBJECT_VERB_GAP}")
_ROLE_BEFORE_NAME = re.compile(r"[^,.;:!?“”\"\n]{2,150},\s*")
_OPENING_PRONOUN = re.compile(r"(he|she|they|it|we)\b", re.IGNORECASE)
_OF_BETWEEN = re.compile(r"\s+(?:of|into|on)\s+(?:the\s+)?", re.IGNORECASE)
# ... or of a few words that end on "at", "in" or "for" before the body: "An inspector's
# report into children's services at Solihull Council has found" (ITV), "The review of
# children's services at Gloucestershire County Council found", "A report into social care
# in Hull said" (the same shape in the Stroud News and Journal and the BBC).
_OF_SERVICES_AT = re.compile(
    r"\s+(?:of|into|on)\s+(?:the\s+)?(?:[\w'’-]+\s+){1,4}?(?:at|in|for|within)\s+(?:the\s+)?", re.IGNORECASE)


def _named_person(speaker: _Speaker | None) -> bool:
    """A person named by name, not a role standing alone (whose name is its role)."""
    return (speaker is not None and speaker.kind == "person" and bool(speaker.name)
            and speaker.name != speaker.role)


class _DocumentReader:
    """One document read for attribution: its sentences, its verbs of saying and their
    subjects, and who has spoken so far (for pronouns)."""

    def __init__(self, text: str, ctx, quotes: list[Quote]) -> None:
        self.text = text
        self.paras = paragraphs(text)
        self.para_starts = [p[0] for p in self.paras]
        blocked = sorted((q.open, (q.close if q.close is not None else q.end) + 1) for q in quotes)
        self.blocked = blocked
        self.verbs, heads, self.passives = _scan(text, blocked, self._relevant(quotes))
        self.participles = {v_start for v_start, v_end in self.verbs if text[v_end - 3:v_end].lower() == "ing"}
        self.agents = _agents(text, ctx, blocked, self.verbs, heads)
        self.people = _person_agents(text, find_people(text, ctx))
        self.authority = getattr(ctx, "authority", None)
        self.ofsted = is_ofsted_context(text, getattr(ctx, "kind", None))
        self.agent_starts = [a.start for a in self.agents]
        self.verb_starts = [v[0] for v in self.verbs]
        self.ends: dict[int, list[int]] = {}
        # What was said by whom, for pronouns: (position, speaker).
        self.history: list[tuple[int, _Speaker]] = []
        self.subjects: dict[tuple[int, int], _Agent | None] = {}
        for v_start, v_end in self.verbs:
            s_start = self._sentence_start(v_start)
            if text[v_start:v_end].lower().startswith("according"):
                # "according to X" names its source after it: "..., according to cabinet
                # member for children's services, Warren Whyte. / He said: ..." (Bucks Free
                # Press); the subject before it is what was said, not who said it.
                agent = self._agent_after(v_end, self._sentence_end(v_end))
            else:
                agent = self._subject_of(v_start, s_start)
            if agent is not None and agent.speaker is not None and agent.speaker.name:
                self.history.append((v_start, agent.speaker))
            elif agent is not None and agent.pronoun in ("he", "she"):
                # A chain of pronouns ("In a letter, Inspector Pauline Higham said ...
                # She said ... But she raised ... She also said ‘...’") carries its
                # antecedent past the paragraphs read for a lone pronoun.
                speaker = self._resolve(agent, s_start)
                if speaker is not None:
                    self.history.append((v_start, speaker))

    def _relevant(self, quotes: list[Quote]) -> list[tuple[int, int]]:
        """The text worth reading for speakers: each quote's paragraphs and the
        two before them (where a pronoun's antecedent is usually found)."""
        wanted: set[int] = set()
        for quote in quotes:
            first = max(0, quote.first_paragraph - _CONTEXT_PARAGRAPHS)
            wanted.update(range(first, quote.last_paragraph + 1))
        ranges: list[tuple[int, int]] = []
        for index in sorted(wanted):
            start, end = self.paras[index]
            if ranges and index - 1 in wanted:
                ranges[-1] = (ranges[-1][0], end)
            else:
                ranges.append((start, end))
        return ranges

    # sentences ---------------------------------------------------------------

    def _sentence_ends(self, index: int) -> list[int]:
        ends = self.ends.get(index)
        if ends is None:
            p_start, p_end = self.paras[index]
            ends = [e for e in sentence_ends(self.text, p_start, p_end) if not _inside(self.blocked, e - 1)]
            self.ends[index] = ends
        return ends

    def _paragraph(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.para_starts, pos) - 1)

    def _sentence_start(self, pos: int) -> int:
        index = self._paragraph(pos)
        ends = self._sentence_ends(index) if self.paras else []
        i = bisect.bisect_right(ends, pos) - 1
        return ends[i] if i >= 0 else self.paras[index][0] if self.paras else 0

    def _sentence_end(self, pos: int) -> int:
        index = self._paragraph(pos)
        ends = self._sentence_ends(index) if self.paras else []
        i = bisect.bisect_right(ends, pos)
        return ends[i] if i < len(ends) else self.paras[index][1] if self.paras else len(self.text)

    # agents and verbs --------------------------------------------------------

    def _agent_before(self, pos: int, floor: int) -> _Agent | None:
        """The agent ending nearest before ``pos`` and starting after ``floor``."""
        i = bisect.bisect_left(self.agent_starts, pos) - 1
        best = None
        while i >= 0 and self.agents[i].start >= floor:
            agent = self.agents[i]
            if agent.end <= pos and (best is None or agent.end > best.end):
                best = agent
            i -= 1
        return best

    def _subject_of(self, v_start: int, floor: int) -> _Agent | None:
        """The agent before a verb of saying, passing over a relative clause set
        off by commas ("Jane Smith, who leads the council, said"). Each verb is read
        once: a sentence of many quotes asks for the same verbs' subjects again."""
        key = (v_start, floor)
        if key not in self.subjects:
            self.subjects[key] = self._read_subject(v_start, floor)
        return self.subjects[key]

    def _read_subject(self, v_start: int, floor: int) -> _Agent | None:
        if v_start in self.passives:
            agent = self._agent_after(self.passives[v_start], self.passives[v_start] + 1)
            return agent if agent is not None and agent.speaker is not None else None
        if (v_start in self.participles and _PARTICIPLE_AFTER_COMMA.search(
                self.text, max(floor, v_start - 3), v_start)) or _AND_BEFORE.search(
                self.text, max(floor, v_start - 12), v_start):
            # A participle after a comma, or a verb after "and" or "but" ("Coun Peter
            # McDonald slammed the findings and told the meeting ...", "The council
            # welcomed the report, but said it was “...”"), shares its sentence's
            # subject, never the object just before it.
            subject = self._sentence_subject(floor, v_start)
            if subject is not None:
                return subject
        clause = (_RELATIVE_CLAUSE_BEFORE.search(self.text, max(floor, v_start - 160), v_start)
                  or _PARENTHESIS_BEFORE.search(self.text, max(floor, v_start - 160), v_start))
        agent = self._agent_before(clause.start() if clause else v_start, floor)
        # A person set off from the verb by an apposition naming something else:
        # "Cllr Paul Brothwood, UKIP leader on Dudley Council, told the News",
        # "Ruth Love, a co-opted member of the council’s ... committee, told a meeting".
        apposition = _APPOSITION_BEFORE.search(self.text, max(floor, v_start - 160), v_start)
        if apposition is not None and (agent is None or agent.speaker is None or agent.speaker.kind != "person"):
            named = self._agent_before(apposition.start() + 1, floor)
            if (named is not None and named.speaker is not None and named.speaker.kind == "person"
                    and named.end >= apposition.start()):
                return named
        # The person who opens the sentence, set off from the verb by a longer apposition
        # than one phrase between commas: a list inside it ("Councillor Fiona Baker, for
        # Children Families, Education and Skills at West Northamptonshire Council, said",
        # a council's release) or a relative clause with no closing comma ("Southsea
        # Councillor, Suzy Horton, who is Cabinet Member for Education said", a party's
        # news): nothing between them but that apposition, so the role or body named in
        # it does not speak (a role there is the person's own).
        if agent is None or not _named_person(agent.speaker):
            opener = self._sentence_subject(floor, v_start)
            if (opener is not None and _named_person(opener.speaker)
                    and _LONG_APPOSITION.fullmatch(self.text, opener.end, v_start)
                    and not self._verbs_in(opener.end, v_start)):
                return opener
        # A subject whose head is followed by what it is of: "The Ofsted inspection of
        # Stoke-on-Trent City Council’s children’s services has found", "A report into
        # the council said": the head speaks, not the council it is about.
        head = self._agent_before(agent.start, floor) if agent is not None else None
        if head is not None and head.speaker is not None and (
                _OF_BETWEEN.fullmatch(self.text, head.end, agent.start)
                or (head.speaker.kind == "org" and agent.speaker is not None and agent.speaker.kind == "org"
                    and not self._verbs_in(head.end, agent.start)
                    and _OF_SERVICES_AT.fullmatch(self.text, head.end, agent.start))):
            return head
        return agent

    def _subject_start(self, floor: int) -> int:
        lead = LEADING_CONJUNCTION.match(self.text, floor)
        return lead.end() if lead else floor

    def _sentence_subject(self, floor: int, pos: int) -> _Agent | None:
        """The agent that opens the sentence at ``floor``, perhaps after a
        conjunction ("And they commend ...", "The report praised ...")."""
        lead = LEADING_CONJUNCTION.match(self.text, floor, pos)
        start = lead.end() if lead else floor
        pronoun = _OPENING_PRONOUN.match(self.text, start, pos)
        if pronoun:
            return _Agent(pronoun.start(1), pronoun.end(1), None, pronoun.group(1).lower())
        agent = self._agent_after(start, pos)
        if agent is not None and agent.start == start:
            return agent
        # A sentence that opens on a role set off before its name: "Society of Local
        # Authority Chief Executives director, Graeme McDonald, said ... and pointed out".
        role = _ROLE_BEFORE_NAME.match(self.text, start, pos)
        agent = self._agent_after(role.end(), pos) if role else None
        if (agent is not None and agent.start == role.end() and agent.speaker is not None
                and agent.speaker.kind == "person" and self.text[agent.end:agent.end + 1] == ","):
            return agent
        return None

    def _agent_after(self, pos: int, limit: int) -> _Agent | None:
        i = bisect.bisect_left(self.agent_starts, pos)
        return self.agents[i] if i < len(self.agents) and self.agents[i].start < limit else None

    def _verbs_in(self, start: int, end: int) -> list[tuple[int, int]]:
        lo = bisect.bisect_left(self.verb_starts, start)
        hi = bisect.bisect_left(self.verb_starts, end)
        return self.verbs[lo:hi]

    # resolution --------------------------------------------------------------

    def _resolve(self, agent: _Agent, sentence_start: int) -> _Speaker | None:
        if agent.speaker is not None:
            return agent.speaker if (agent.speaker.name or agent.speaker.role) else None
        pronoun = agent.pronoun
        # Who spoke before the agent, latest first; read back only as far as needed
        # (copying the whole history for every pronoun was quadratic in long texts).
        count = bisect.bisect_left(self.history, agent.start, key=lambda h: h[0])

        def earlier() -> Iterator[_Speaker]:
            return (self.history[i][1] for i in range(count - 1, -1, -1))

        if pronoun in ("he", "she"):
            gender = "f" if pronoun == "she" else "m"
            # A speaker of that sex, else a person of that sex named just before, in
            # this paragraph or the two above ("X presented the report. She said: ...";
            # a speech quoted over paragraphs that names "Lord Norman Warner" and goes
            # on "He also says"), before anyone whose sex the text never gives (a
            # speaker named only by role).
            # A person who opens a sentence after the last such speaker spoke is the one
            # meant ("But Coun Box was heavily critical of press coverage ... Addressing
            # councillors, he said: ...", after an earlier speaker).
            floor = self._context_floor(agent.start)
            genders = (gender, None)
            spoke, speaker = next(((self.history[i][0], self.history[i][1]) for i in range(count - 1, -1, -1)
                                   if self.history[i][1].kind == "person" and self.history[i][1].gender in genders),
                                  (floor, None))
            subject = self._nearest_subject(max(floor, spoke), agent.start, genders)
            if subject is not None:
                return subject
            if speaker is not None and self._paragraph(agent.start) - self._paragraph(spoke) <= 1:
                # The speaker of this paragraph or the one before goes on ("Graeme McDonald,
                # said Sir Michael was ‘...' ... He added: ‘...'"), whatever sex an earlier
                # speaker is known to be.
                return speaker
            for wanted in genders:
                match = next((s for s in earlier() if s.kind == "person" and s.gender == wanted), None)
                match = match or self._nearest(
                    floor, agent.start, lambda s: s.kind == "person" and s.gender == wanted)
                if match:
                    return match
            return None
        if pronoun == "they":
            # The nearest plural, or an organisation spoken of in the plural as
            # British English does ("Ofsted state that ... They go on to comment that").
            # Before anyone has spoken, the plural named in this paragraph or the two
            # above ("Ofsted inspectors trawled records ... This early involvement,
            # they say, ‘...’").
            near = self._nearest(sentence_start, agent.start, lambda s: s.plural)
            return near or next((s for s in earlier() if s.plural or s.kind == "org"), None) or self._nearest(
                self._context_floor(agent.start), agent.start, lambda s: s.plural)
        if pronoun == "it":
            # Before any organisation has spoken, the one named in this paragraph or the two
            # above: "... throughout former chief inspector Denise Platt’s report. “...,” it said."
            near = self._nearest(sentence_start, agent.start, lambda s: s.kind == "org" and not s.plural)
            return near or next((s for s in earlier() if s.kind == "org" and not s.plural), None) or self._nearest(
                self._context_floor(agent.start), agent.start, lambda s: s.kind == "org" and not s.plural)
        return next(earlier(), None)

    def _nearest_subject(self, floor: int, pos: int, genders: tuple[str | None, ...]) -> _Speaker | None:
        """The last person of one of ``genders`` between ``floor`` and ``pos`` who opens
        a sentence (perhaps after "But", "And")."""
        i = bisect.bisect_left(self.agent_starts, pos) - 1
        while i >= 0 and self.agents[i].start >= floor:
            agent = self.agents[i]
            speaker = agent.speaker
            if (speaker is not None and speaker.name and speaker.kind == "person" and speaker.gender in genders
                    and agent.start == self._subject_start(self._sentence_start(agent.start))):
                return speaker
            i -= 1
        return None

    def _context_floor(self, pos: int) -> int:
        """Where the paragraphs read for a pronoun's antecedent start."""
        above = max(0, self._paragraph(pos) - _CONTEXT_PARAGRAPHS)
        return self.paras[above][0] if self.paras else 0

    def _nearest(self, floor: int, pos: int, wanted) -> _Speaker | None:
        i = bisect.bisect_left(self.agent_starts, pos) - 1
        while i >= 0 and self.agents[i].start >= floor:
            speaker = self.agents[i].speaker
            if speaker is not None and speaker.name and wanted(speaker):
                return speaker
            i -= 1
        return None

    def remember(self, pos: int, speaker: _Speaker) -> None:
        bisect.insort(self.history, (pos, speaker), key=lambda h: h[0])
