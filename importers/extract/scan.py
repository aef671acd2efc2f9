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

__all__ = ["lowered", "matches_at_cues", "matches_if_worded", "search_on_cue_line"]

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
    end: int | None = None, line_start: bool = False,
) -> list[re.Match[str]]:
    """``list(pattern.finditer(text, 0, end))``, trying ``pattern`` only where a cue starts.

    ``cues`` are lower-case words one of which opens every match (compared
    with the lower-cased text); with ``first``, every match opens with one of
    its characters (lower case) and a cue follows it. With ``line_start``,
    every match instead opens at the start of a line and holds a cue on that
    line (a heading read whole: ``^...$`` in MULTILINE mode, never across a
    line break), so the pattern is tried at the start of each line that
    holds a cue. Candidates are tried in order and one inside an earlier
    match is passed over, as ``finditer`` would; a look-behind at the start
    still sees the text before the candidate.
    """
    low = lowered(text)
    stop = len(text) if end is None else max(0, min(end, len(text)))
    if not _lowers_alike(pattern, text, low):
        return list(pattern.finditer(text, 0, stop))
    starts: set[int] = set()
    back = 1 if first else 0
    for cue in cues:
        pos = low.find(cue, back, stop)
        while pos >= 0:
            if line_start:
                starts.add(low.rfind("\n", 0, pos) + 1)
            elif not first or low[pos - 1] in first:
                starts.add(pos - back)
            pos = low.find(cue, pos + 1, stop)
    found: list[re.Match[str]] = []
    covered = 0
    for pos in sorted(starts):
        if pos < covered:
            continue
        match = pattern.match(text, pos, stop)
        if match:
            found.append(match)
            covered = match.end()
    return found


def matches_if_worded(
    pattern: re.Pattern[str], text: str, words: tuple[str, ...], cues: tuple[str, ...] = (),
) -> list[re.Match[str]]:
    """``list(pattern.finditer(text))``, or none at once where the text holds none of ``words``.

    For a pattern whose every match holds one of ``words`` (lower case) but
    opens on common words ("is no longer good" opens on "is"): most documents
    never say the word. Where one does, ``cues`` (as ``matches_at_cues``
    takes them) spare the scan of the whole text.
    """
    low = lowered(text)
    if _lowers_alike(pattern, text, low) and not any(word in low for word in words):
        return []
    return matches_at_cues(pattern, text, cues) if cues else list(pattern.finditer(text))


def search_on_cue_line(pattern: re.Pattern[str], text: str, cue: str, stop: int) -> re.Match[str] | None:
    """``pattern.search(text, 0, stop)``, started on the line where ``cue`` is first found.

    For a pattern whose every match holds ``cue`` (lower case) and no line break
    before it (a labelled line such as "Published: 12 May 2016"): where the text
    does not say the cue no search is made, and where it does the search starts
    at the start of that line (a ``^`` in MULTILINE mode matches there).
    """
    low = lowered(text)
    stop = max(0, min(stop, len(text)))
    if not _lowers_alike(pattern, text, low):
        return pattern.search(text, 0, stop)
    at = low.find(cue, 0, stop)
    if at < 0:
        return None
    return pattern.search(text, low.rfind("\n", 0, at) + 1, stop)


def _lowers_alike(pattern: re.Pattern[str], text: str, low: str) -> bool:
    """Whether words found in ``low`` are where ``pattern`` would match them in ``text``."""
    return len(low) == len(text) and not (
        pattern.flags & re.IGNORECASE and any(odd in text for odd in _CASE_FOLD_ODDITIES)
    )
