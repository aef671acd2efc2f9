"""Judgements: one rating word in its context, and the patterns every judgement rule shares.

The lowest of the judgement modules (``judgements`` and the ``judgement_*`` modules
beside it import from here, never the other way).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from importers.extract.clauses import TextIndex
from importers.extract.judging import Cue
from importers.vocabulary import AREA_HEAD_WORDS, normalise_rating

_INSPECTION_WORD = re.compile(r"\b(?:inspect\w*|visit\w*|review|report|assessment)\b", re.IGNORECASE)
_NUMBER_WORD = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_LIST_GAP = re.compile(
    # An area may end on the noun of its work: "child protection work, experience and
    # progress of care leavers, and leadership", "adoption services and care leavers".
    r"(?:\s+(?:work|services?|arrangements|practice|provision))?"
    # "leadership, management and governance, in addition to adoption support, as 'good'"
    # (each area perhaps quoted: "'impact of leaders ...' and 'experiences and progress of ...'")
    r"[\"'’”]?\s*(?:[,;]\s*(?:and\s+|as\s+well\s+as\s+|in\s+addition\s+to\s+|along\s+with\s+|together\s+with\s+)?"
    r"|and\s+|and(?=,\s*also\b)|as\s+well\s+as\s+|&\s*)"
    # ("'inadequate' both for the 'impact of leaders ...' and, also, for 'overall effectiveness'", a
    # council's release: "also" may stand after the "and", set off by commas)
    r"(?:(?<=and),\s*also,?\s+|(?<=and\s)also,?\s+)?[\"'‘“]?"
    # ("good for overall effectiveness and for the experiences and progress of children in care")
    # ("'outstanding' for overall effectiveness and in the key areas of leadership and ...")
    # ("the experiences and progress of children who need help and protection and of children in
    # care": the preposition of the first may be repeated)
    r"(?:(?:for|in|of)\s+[\"'‘“]?)?(?:the\s+|its\s+|our\s+|their\s+)?(?:(?:key\s+)?(?:areas?|categor(?:y|ies))\s+of\s+(?:the\s+)?)?"
    rf"(?:{AREA_HEAD_WORDS})?",
    re.IGNORECASE,
)
_LEAD_LIMIT = 160  # how far before a rating the words about it are read
# Words that tell an inspection, a visit or a rating happened, for a passage's date.
_EVENT_WORD = re.compile(
    r"\b(?:inspect\w*|visit(?:ed|s)?|re-inspect\w*|assessments?|ratings?|rated|judged|judge?ments?)\b"
    # "the single inspection framework which it introduced in 2013" dates the framework.
    r"(?!\s+(?:framework|regime|system|programme|model|handbook)s?\b)",
    re.IGNORECASE,
)
_PASSAGE_SENTENCES = 3
_PASSAGE_GAP = 400  # characters between sentences beyond which a passage has ended
_SPACE = re.compile(r"\s*")
_TITLE_MAX = 120
_STRAY_WORD = re.compile(r"[\w'’-]+\s+(?=[\w'’-])")


@dataclass(frozen=True)
class _Rating:
    """One rating word in a judging context, and where it sits."""

    index: TextIndex
    matches: list[re.Match[str]]  # every rating word of the text, in order
    starts: list[int]  # where each of them starts
    i: int  # which one this is
    cue: Cue
    sentence: tuple[int, int]
    # For a grade told again by a noun ("received the same verdict"), the rating words it stands for.
    told_as: str | None = None

    @property
    def span(self) -> tuple[int, int]:
        return self.matches[self.i].span()

    @property
    def written(self) -> str:
        return self.told_as or self.matches[self.i].group()

    def neighbours(self, start: int, end: int) -> tuple[int, int]:
        """This rating's share of ``[start, end)``: up to the rating words either side."""
        before = self.matches[self.i - 1].end() if self.i > 0 else start
        after = self.matches[self.i + 1].start() if self.i + 1 < len(self.matches) else end
        return max(before, start), min(after, end)

    def rated_in(self, start: int, end: int) -> bool:
        """Whether another rating word starts in ``[start, end)``."""
        k = bisect.bisect_left(self.starts, start)
        if k == self.i:
            k += 1
        return k < len(self.starts) and self.starts[k] < end

    def same_grade_in(self, start: int, end: int) -> bool:
        """Whether another rating word of this grade starts in ``[start, end)``."""
        own = normalise_rating(self.written)
        k = bisect.bisect_left(self.starts, start)
        while k < len(self.starts) and self.starts[k] < end:
            if k != self.i and normalise_rating(self.matches[k].group()) == own:
                return True
            k += 1
        return False

    def other_grade_in(self, start: int, end: int) -> bool:
        """Whether a rating word of another grade starts in ``[start, end)``."""
        own = normalise_rating(self.written)
        k = bisect.bisect_left(self.starts, start)
        while k < len(self.starts) and self.starts[k] < end:
            if k != self.i and normalise_rating(self.matches[k].group()) != own:
                return True
            k += 1
        return False


_UNDATED = {"year": None, "month": None, "day": None, "precision": None}
# A rating the text places before the time it reports, without saying when
# ("previously", "a decade ago", a letter recalling an earlier grade): not to be
# dated by the document's own date, which would make it a new event.
_NOT_STATED = "not stated"
