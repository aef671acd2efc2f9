"""Try a costly pattern only where it can start.

Python's regex engine skips quickly through text only to a pattern's first
character class; a pattern that opens on a look-behind, a word boundary or an
alternation of words is tried at every position of the text. Where every
match must open with one of a few words, finding those words with
``str.find`` and trying the pattern only there gives the same matches for a
fraction of the time on a long report.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["lowered", "matches_at_cues"]

# Characters a case-insensitive pattern takes for an ASCII letter that
# ``str.lower`` does not turn into it (dotless i, long s): with any of them
# in the text the words are not found by ``str.find``, so the text is scanned.
_CASE_FOLD_ODDITIES = ("\u0131", "\u017f")


@lru_cache(maxsize=8)
def lowered(text: str) -> str:
    """``text.lower()``, made once for all the rules that search one document."""
    return text.lower()


def matches_at_cues(
    pattern: re.Pattern[str], text: str, cues: tuple[str, ...], first: str = "",
) -> list[re.Match[str]]:
    """``list(pattern.finditer(text))``, trying ``pattern`` only where a cue starts.

    ``cues`` are lower-case words one of which opens every match (compared
    with the lower-cased text); with ``first``, every match opens with one of
    its characters (lower case) and a cue follows it. Candidates are tried in
    order and one inside an earlier match is passed over, as ``finditer``
    would; a look-behind at the start still sees the text before the
    candidate.
    """
    low = lowered(text)
    if len(low) != len(text) or (
        pattern.flags & re.IGNORECASE and any(odd in text for odd in _CASE_FOLD_ODDITIES)
    ):
        return list(pattern.finditer(text))
    starts: set[int] = set()
    back = 1 if first else 0
    for cue in cues:
        pos = low.find(cue, back)
        while pos >= 0:
            if not first or low[pos - 1] in first:
                starts.add(pos - back)
            pos = low.find(cue, pos + 1)
    found: list[re.Match[str]] = []
    end = 0
    for pos in sorted(starts):
        if pos < end:
            continue
        match = pattern.match(text, pos)
        if match:
            found.append(match)
            end = match.end()
    return found
