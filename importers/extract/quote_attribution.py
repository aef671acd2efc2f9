"""Quoted speech: which speaker said each quote (see ``quotes`` for the whole).

Who said it
    The speaker is the subject of the verb of saying nearest before the quote
    in its sentence ("X said: “...”", "Ofsted said that some children are not
    “...”", "who they described as “...”"), else the attribution right after it
    ("“...,” said council leader Claire Kober", "“...,” she said"), else the
    speaker named right before it (a caption's "Sir Michael Wilshaw: ‘...’", or
    The report “identified ...” where the quote opens on the verb), else any
    attribution in the sentence, else, for a quote opening its paragraph or
    list item (or a paragraph that only adds it with "And"), the attribution of
    the paragraph before that ends on a colon
    ("Councillor Sue Ridney ..., said:", "In their report inspectors say
    that:"), else the speaker of the quote before it in its paragraph, or in
    the paragraph before when this one opens its paragraph (a speech running
    on, past sub-headings where the statement is set out in whole quoted
    paragraphs), else the attribution of the sentence before in the same
    paragraph when this sentence names no one ("Ofsted found that ... . One of
    the most heartening findings was that staff are ‘...’"), else, for a quote
    opening its paragraph, the subject standing at a verb of saying in the
    paragraph before or a sub-heading ("She praised ... and said ..." then a
    quoted paragraph; "WHAT INSPECTORS SAID"), else the inspectorate named last
    before the quote in its own sentence, some words apart and no passive's
    agent, through a phrase of saying no rule lists ("Ofsted acknowledge that
    ... “...”", "with the report finding: “...”"). The listener of "told" or
    "asked" ("called on" too) and the subject of a passive ("Inspectors were
    told") never speak; a noun after its determiner ("his comments") is no verb.
    "began", "opens" and "read" attribute only the words set right after them
    ("The report read: “...”"). A subject's head speaks, not what it is of ("The
    Ofsted inspection of Stoke-on-Trent City Council’s children’s services has
    found", "An inspector's report into children's services at Solihull Council
    has found"); a participle of saying after a comma shares its sentence's subject
    ("Ofsted gave a rating of ‘good’, highlighting “...”"); a letter or email is the words of the person the text says wrote
    it ("X has written to ... The letter says:"), else a letter is Ofsted's.
    A quote opening its paragraph and followed by a dash names its speaker after
    the dash (a caption's "‘...’ – Ofsted inspectors have rated ..."). A role with
    no name is the one person the text gives that role, if there is one; "the
    inspector" is the one inspector the text has named; "he" or "she" is the
    person who opens a sentence after the last speaker, else that speaker while
    the speech goes on in the next paragraph.

Who may be a subject is ``quote_agents``'s; the sentences, verbs and pronouns of the
document are read by ``quote_reading``.
"""

from __future__ import annotations

import bisect
import re

from importers.extract.paragraphs import BULLET_RE, word_count
from importers.extract.people import role_phrase
from importers.extract.quote_marks import Quote
from importers.extract.quote_reading import _DocumentReader
from importers.extract.quote_roles import _holder, _maker
from importers.extract.quote_speaker import (
    _AGENT_VERB_GAP, _OPENING_VERBS, _RELATIVE_CLAUSE_BEFORE, _STATEMENT, _SUBJECT_VERB_GAP, _VERBS, _WORD_RE,
    _Speaker,
)

# Verbs whose object is the listener, never the speaker: "One parent told inspectors: ...".
_LISTENER_VERBS = frozenset("told tells asked asks answered called calls".split())
# A capitalised word after a sentence's first: perhaps a speaker of its own.
_NAME_INSIDE = re.compile(r"(?<=[\w,;:)])\s+[A-Z]")
_STATEMENT_HEADING = re.compile(rf"[ \t*#>_-]*{_STATEMENT}[ \t*_]*:?[ \t*_]*", re.IGNORECASE)
# A sub-heading between a statement's paragraphs: a few words, no closing mark.
_HEADING_WORDS = 6
_HEADINGS_PASSED = 2
# A saved page's link to another story, set between a quote's paragraphs and passed over
# like a sub-heading however long: "MORE: Ofsted watchdogs begin inspection of Norfolk
# services for vulnerable children" (EDP), "READ MORE: ...", "Related: ...".
_LINK_LABEL = re.compile(r"\s*(?:MORE|READ MORE|Read more|ALSO READ|Also read|RELATED|Related|SEE ALSO|See also)\s*:")
_HEADING_END = set(".:;!?…\"'”’,")
# Between a caption's or a transcript's speaker and the words: "Sir Michael Wilshaw: ‘...’".
_CAPTION_GAP = re.compile(r"[ \t]*:[ \t]*")
_DIRECT_BEFORE = re.compile(
    r"\s*(?:in\s+a\s+(?:joint\s+)?statement\s*)?"
    r"(?:that\s+|as\s+|it\s+was\s+|there\s+(?:is|was|are|were)\s+)?[:,]?\s*$",
    re.IGNORECASE,
)
# A role set off by a comma between a verb and its speaker: "said Ofsted’s national
# director for social care, Yvette Stanley".
_APPOSITION_GAP = re.compile(r"\s+([^,.;:!?“”\"\n]{3,100}?),\s*")
_PHRASE_END = re.compile(r"[,.;:!?“”\"\n(]|\s(?:who|which|and)\s")
_PUNCT_GAP = re.compile(r"[\s,.;:!?—–-]*")
_DASH_AFTER = re.compile(r"[ \t]*[.,]?[ \t]*[—–-][ \t]*")
# A subject at its verb, perhaps after the comma that closes its apposition.
_SUBJECT_AT_VERB = re.compile(rf"\s*,?\s*{_SUBJECT_VERB_GAP}")


# "And" alone before a quote that opens its paragraph adds it to the speech before ("But"
# more often turns to another voice, so it does not).
_CONJUNCTION_OPENING = re.compile(r"And(?:\s+also)?\s*,?\s*")
# The "by" of a passive before its agent: "rated by Ofsted as".
_BY_BEFORE = re.compile(r"\bby\s+$", re.IGNORECASE)
_LETTER = re.compile(r"[^\W\d_]")
# How far from a quote, in characters, an attribution elsewhere in its sentence is looked for.
_ATTRIBUTION_REACH = 1000


class _Attributor(_DocumentReader):
    """Finds and resolves the speaker of each quote of one document."""

    # Which of the rules below gave the last quote's speaker ("verb_before", "runs_on",
    # ...): how the choice was reached is what the learned model weighs it by.
    step = "none"

    def attribute(
        self, quote: Quote, previous_end: int | None, previous: tuple[Quote, _Speaker | None] | None,
    ) -> tuple[_Speaker | None, bool]:
        """(speaker or None, whether the attribution is adjacent to the quote).

        ``previous_end`` is where the quote before this one ended, so a quote
        broken by its attribution reads the words between the two halves;
        ``previous`` is the last quote kept, with its speaker, for speeches
        that run on into the next paragraph.
        """
        text = self.text
        s_start = self._sentence_start(quote.open)
        s_end = self._sentence_end(quote.close if quote.close is not None else quote.end)
        window_start = max(s_start, previous_end or 0)
        # 1. A verb of saying before the quote, in its sentence.
        said = self._said_before(window_start, quote.open, s_start)
        if said is not None:
            self.step = "verb_before"
            return said
        # 2. The attribution right after it: "“...,” she said", "“...,” said X".
        after = (quote.close + 1) if quote.close is not None else quote.end
        gap = _PUNCT_GAP.match(text, after, s_end)
        pos = gap.end() if gap else after
        verb = self._verbs_in(pos, pos + 1)
        if verb:
            speaker = self._named_after(verb[0][1], s_start, s_end)
            if speaker is not None:
                self.step = "verb_after"
                return speaker, True
        agent = self._agent_after(pos, pos + 1)
        if agent is not None:
            follow = _AGENT_VERB_GAP.match(text, agent.end)
            if follow and self._verbs_in(follow.end(), follow.end() + 1):
                speaker = self._resolve(agent, s_start)
                if speaker is not None:
                    self.step = "verb_after"
                    return speaker, True
        # 2b. A quote opening its paragraph, then a dash and who said it: a caption's or
        # standfirst's "‘An unwavering commitment to ...’ – Ofsted inspectors have rated our
        # children’s services outstanding", "“...” - council leader Jane Smith".
        dash = _DASH_AFTER.match(text, after) if self._opens_paragraph(quote) else None
        if dash is not None:
            agent = self._agent_after(dash.end(), dash.end() + 1)
            speaker = self._resolve(agent, s_start) if agent is not None else None
            if speaker is not None:
                self.step = "dash_after"
                return speaker, True
        # 3. The speaker named right before the quote: a caption's or a transcript's
        # "Sir Michael Wilshaw: ‘The combination ...’", or a quote that opens on the
        # verb of saying of its subject: The report “identified widespread weaknesses ...”.
        agent = self._agent_before(quote.open, s_start)
        if agent is not None:
            gap = text[agent.end:quote.open]
            caption = _CAPTION_GAP.fullmatch(gap) and not text[s_start:agent.start].strip()
            if caption or (not gap.strip() and _first_word(text, quote) in _VERBS):
                speaker = self._resolve(agent, s_start)
                if speaker is not None:
                    self.step = "named_before"
                    return speaker, True
        # 4. Any attribution in the sentence.
        end = quote.close if quote.close is not None else quote.end
        speaker = self._sentence_speaker(s_start, s_end, quote.open - _ATTRIBUTION_REACH, end + _ATTRIBUTION_REACH)
        if speaker is not None:
            self.step = "in_sentence"
            return speaker, False
        opens_paragraph = self._opens_paragraph(quote)
        # 5. A quote opening the paragraph after one that ends on a colon, as in
        # "Councillor Sue Ridney, cabinet member for children’s services, said:",
        # "Ofsted concluded:", or a list's "In their report inspectors say that:".
        index = quote.first_paragraph
        before = self._paragraph_before(index)
        # A heading naming the statement below it: "Statement from Deputy Chief
        # Constable Simon Nickless:", "Response from the cabinet member for ...".
        if opens_paragraph and before is not None:
            for above in range(index - 1, before - 1, -1):
                heading = _STATEMENT_HEADING.fullmatch(text, *self.paras[above])
                if heading is not None:
                    self.step = "statement_heading"
                    return _maker(text, *heading.span("who"), self.agents, self.authority, self.ofsted), False
        if opens_paragraph and before is not None:
            p_start, p_end = self.paras[before]
            if text[p_end - 1] == ":":
                intro_start = self._sentence_start(p_end - 1)
                said = self._said_before(intro_start, p_end, intro_start)
                if said is not None:
                    self.step = "colon_paragraph"
                    return said[0], False
        # 6. A speech running on: the next sentence of the paragraph, or a paragraph
        # (or list item) that opens with a quote after one that held a quote; a
        # statement set out in whole quoted paragraphs runs on past its sub-headings.
        if previous is not None and previous[1] is not None:
            prior, speaker = previous
            if prior.last_paragraph == quote.first_paragraph or (opens_paragraph and (
                    prior.last_paragraph == quote.first_paragraph - 1
                    or (self._opens_paragraph(prior) and prior.last_paragraph == before))):
                self.step = "runs_on"
                return speaker, False
        # 7. A report carried on from the sentence before, in the same paragraph,
        # where this one names no other speaker: "Ofsted found that ... . One of the
        # most heartening findings was that staff are ‘rightly proud of the work they do’".
        if (s_start > self.paras[index][0] and not self._verbs_in(s_start, s_end)
                and not _NAME_INSIDE.search(text, s_start, quote.open)):
            speaker = self._sentence_speaker(self._sentence_start(s_start - 1), s_start)
            # Another speaker is named only by the sentence's subject or an agent right
            # before the quote, never by a noun inside a phrase ("Senior managers and
            # elected members in the authority also ‘regularly scrutinise ...’").
            named = agent is not None and (
                agent.start == self._subject_start(s_start) or not text[agent.end:quote.open].strip(" \t:,"))
            named = named and self._resolve(agent, s_start)
            if speaker is not None and (not named or named.name == speaker.name):
                self.step = "sentence_before"
                return speaker, False
        # 8. A paragraph of quotation with no attribution of its own, after a paragraph
        # of reported speech: "She praised ... and said more staff had been engaged."
        # then "“We are now on the right track. ...”" (the news convention: the quote
        # keeps the speaker of the paragraph before it).
        # A sub-heading may name the speaker itself: "WHAT INSPECTORS SAID".
        if opens_paragraph and before is not None:
            for above in range(index - 1, before - 1, -1):
                speaker = self._last_speaker_in(*self.paras[above])
                if speaker is not None:
                    self.step = "paragraph_before"
                    return speaker, False
        # 9. Mid-paragraph, where the inspectorate is the only speaker the paragraph
        # has named so far, in an earlier sentence, however it was named: "...
        # condemned as 'inadequate' by an Ofsted report ... . Politicians ... are
        # criticised for "..."" (never a headline's own words).
        p_start = self.paras[index][0]
        if not opens_paragraph and s_start > p_start:
            reach = max(p_start, quote.open - _ATTRIBUTION_REACH)
            earlier = self.agents[bisect.bisect_left(self.agent_starts, reach):
                                  bisect.bisect_left(self.agent_starts, quote.open)]
            named = {a.speaker for a in earlier if a.speaker is not None}
            if (any(a.start < s_start for a in earlier) and not self._verbs_in(s_start, quote.open)
                    and len(named) == 1 and (only := next(iter(named))).organisation == "Ofsted"
                    and only.kind == "org"):
                self.step = "inspectorate_named"
                return only, False
        # 10. The inspectorate named last before the quote in its own sentence, by a verb
        # or phrase of saying the rules do not list: "Ofsted acknowledge that ... means that
        # “...”", "The report made clear that ... “...”", "with the report finding: “...”",
        # "Ofsted reports, however, that ‘...’". Nobody else stands between them, some words
        # do (a quote right after it goes on its clause: "saying that Ofsted “… seems to pride
        # itself”" is someone's words about Ofsted), and the inspectorate is no passive's
        # agent: what was "rated by Ofsted as ‘...’" is not what Ofsted said.
        if (agent is not None and agent.speaker is not None and agent.speaker.organisation == "Ofsted"
                and agent.speaker.kind == "org" and _LETTER.search(text, agent.end, quote.open)
                and not _BY_BEFORE.search(text, max(0, agent.start - 4), agent.start)):
            self.step = "inspectorate_before"
            return agent.speaker, False
        # A verb of saying right after the quote makes it speech even where the words
        # after it name no one: "“It is a flawed system,” said one." (CYP Now).
        self.step = "none"
        return None, bool(verb)

    def _named_after(self, v_end: int, s_start: int, s_end: int) -> _Speaker | None:
        """The speaker right after a verb of saying: "said Jane Smith", "she said";
        after a role set off by a comma, "said Ofsted’s national director for social
        care, Yvette Stanley"; or a role alone, "said the chief executive of X."."""
        text = self.text
        agent = self._agent_after(v_end, s_end)
        if agent is not None and (_AGENT_VERB_GAP.fullmatch(text, v_end, agent.start) or (
                agent.speaker is not None and agent.speaker.kind == "person"
                and (comma := _APPOSITION_GAP.fullmatch(text, v_end, agent.start)) is not None
                and role_phrase(text, comma.start(1), comma.end(1), self.authority) is not None)):
            return self._resolve(agent, s_start)
        end = _PHRASE_END.search(text, v_end, s_end)
        role = role_phrase(text, v_end, end.start() if end else s_end, self.authority)
        if role is not None and not text[v_end:role.start].strip():
            return _holder(role, self.people)
        return None

    def _said_before(self, window_start: int, pos: int, s_start: int) -> tuple[_Speaker, bool] | None:
        """The speaker of the verb of saying nearest before ``pos``, and whether
        only the verb stands between them ("X said: “...”")."""
        text = self.text
        for v_start, v_end in reversed(self._verbs_in(window_start, pos)):
            agent = self._subject_of(v_start, s_start)
            verb = text[v_start:v_end].lower()
            if (agent is None and verb not in _LISTENER_VERBS) or verb.startswith("according"):
                # The speaker after its verb ("said Jane Smith", "according to the
                # report"), never a noun further on ("... branded inadequate by Ofsted").
                after = self._agent_after(v_end, pos)
                agent = after if after is not None and (
                    verb.startswith("according") or _AGENT_VERB_GAP.fullmatch(text, v_end, after.start)
                    or self._named_after(v_end, s_start, pos) is not None) else None
            if agent is not None:
                speaker = self._resolve(agent, s_start)
                direct = bool(_DIRECT_BEFORE.fullmatch(text, max(v_end, agent.end), pos))
                if speaker is not None and (direct or verb not in _OPENING_VERBS):
                    return speaker, direct
        return None

    def _last_speaker_in(self, start: int, end: int) -> _Speaker | None:
        """The subject of the last verb of saying between ``start`` and ``end`` that
        stands right before its verb ("She praised ..."; never "the report" in "since
        the report was published, the Local Democracy Reporting Service said")."""
        for v_start, v_end in reversed(self._verbs_in(start, end)):
            if self.text[v_start:v_end].lower() in _OPENING_VERBS:
                continue
            s_start = self._sentence_start(v_start)
            agent = self._subject_of(v_start, s_start)
            if agent is None or not (_SUBJECT_AT_VERB.fullmatch(self.text, agent.end, v_start)
                                     or _RELATIVE_CLAUSE_BEFORE.match(self.text, agent.end, v_start)):
                continue
            speaker = self._resolve(agent, s_start)
            if speaker is not None:
                return speaker
        return None

    def _sentence_speaker(self, s_start: int, s_end: int, near_start: int = 0,
                          near_end: int | None = None) -> _Speaker | None:
        """The subject of any verb of saying in the sentence (within ``near_start``
        .. ``near_end`` of it: a "sentence" of thousands of quotes and verbs, a list
        run together, made reading all of its verbs for each quote quadratic)."""
        near_end = s_end if near_end is None else near_end
        for v_start, v_end in self._verbs_in(max(s_start, near_start), min(s_end, near_end)):
            if self.text[v_start:v_end].lower() in _OPENING_VERBS:
                continue
            agent = self._subject_of(v_start, s_start)
            if agent is not None:
                speaker = self._resolve(agent, s_start)
                if speaker is not None:
                    return speaker
        return None

    def _paragraph_before(self, index: int) -> int | None:
        """The paragraph before ``index``, passing over sub-headings ("On social care")
        set between a statement's introduction and its quoted paragraphs."""
        before = index - 1
        while before >= 0 and index - before <= _HEADINGS_PASSED:
            start, end = self.paras[before]
            words = self.text[start:end]
            if (word_count(words) > _HEADING_WORDS and not _LINK_LABEL.match(words)) or words[-1] in _HEADING_END:
                return before
            before -= 1
        return before if before >= 0 else None

    def _opens_paragraph(self, quote: Quote) -> bool:
        """Whether the quote opens its paragraph, its list item ("- ‘...’"), or a paragraph
        that only adds it to the speech before with a conjunction: "“...,” they write. /
        And “social workers value the support of team managers.”" (Devon County Council's
        news)."""
        p_start = self.paras[quote.first_paragraph][0]
        return quote.open == p_start or bool(BULLET_RE.fullmatch(self.text, p_start, quote.open)
                                             or _CONJUNCTION_OPENING.fullmatch(self.text, p_start, quote.open))


def _first_word(text: str, quote: Quote) -> str:
    match = _WORD_RE.match(text, quote.start, quote.end)
    return match.group() if match else ""
