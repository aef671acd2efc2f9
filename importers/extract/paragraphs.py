"""Lines, paragraphs and sentences of clean document text, as spans.

Shared by the quote, statistic and improvement rules, which all need to know
where a paragraph or a sentence starts and ends in texts of three shapes: news
pages with a blank line between paragraphs, news pages with one paragraph per
line, and PDF text hard-wrapped at about 85 characters. A single newline is a
paragraph break unless the lines around it read as one wrapped sentence: the
first line stops mid-sentence (on a comma, a hyphen or a word such as "and" or
"the") or the next line carries on in lower case. Headlines, bullets and
one-line paragraphs therefore stay apart while PDF paragraphs are joined.

Every span is ``(start, end)`` into the text given, trimmed of whitespace.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = [
    "BULLET_RE",
    "is_wrap",
    "lines",
    "paragraph_index",
    "paragraphs",
    "sentence_ends",
    "sentences",
    "trimmed",
    "word_count",
]

# A list item's marker: a bullet glyph (including the Wingdings private-use
# glyphs PDF extraction yields), a dash, or a number or letter with "." or ")".
# Dashes, "*" and "o" need a following space to be markers.
BULLET_RE = re.compile(
    r"[ \t]*(?:[•●◦▪▫■□◼◻◾◽‣⁃∙·⦁➢➤►▶✓✔\uf0a7\uf0b7\uf0d8\uf076\uf0fc\uf06e]"
    r"|[-–—*o](?=[ \t])"
    r"|\(?(?:\d{1,3}|[a-z]|[ivx]{1,4})[.)](?=[ \t]))[ \t]*"
)

# Words a wrapped line can stop on in the middle of a sentence.
_CONTINUING_WORDS = frozenset(
    "a an the and or but nor of to in on at by for from with into onto over under "
    "about as than that which who whose whom where when while if its their his her our "
    "your this these those is are was were be been being has have had will would can "
    "could should may might must not no including such between through across within "
    "without against during per via".split()
)
_LAST_WORD = re.compile(r"([A-Za-z]+)[^A-Za-z]*$")
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")

# Sentence ends: terminal punctuation, any closing quotes or brackets, then
# space and something that can open a sentence.
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9£])")
# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr cllr st no nos prof rev revd sr jr co ltd inc plc vs etc eg ie "
    "approx dept govt jan feb mar apr jun jul aug sep sept oct nov dec para paras "
    "p pp fig figs vol ref tel".split()
)
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\.*[\"'”’)\]]*$")


def lines(text: str) -> list[tuple[int, int]]:
    """Every line as ``(start, end)`` without its newline, empty lines included."""
    out = []
    pos = 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` narrowed past whitespace at either side."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def is_wrap(previous: str, following: str) -> bool:
    """Whether two non-empty stripped lines are one sentence wrapped in two."""
    if BULLET_RE.match(following) or previous[-1] in ".!?:;\"”’)]":
        return False
    if following[0].islower():
        return True
    if previous[-1] in ",-\u00ad\ufffe":
        return True
    match = _LAST_WORD.search(previous)
    return bool(match) and match.end(1) == len(previous) and match.group(1).lower() in _CONTINUING_WORDS


@lru_cache(maxsize=16)
def paragraphs(text: str) -> tuple[tuple[int, int], ...]:
    """The paragraphs of ``text`` (see the module docstring for the rule)."""
    out: list[tuple[int, int]] = []
    current: list[int] | None = None
    previous = ""
    for start, end in lines(text):
        start, end = trimmed(text, start, end)
        if start == end:
            if current:
                out.append((current[0], current[1]))
            current, previous = None, ""
            continue
        stripped = text[start:end]
        if current and is_wrap(previous, stripped):
            current[1] = end
        else:
            if current:
                out.append((current[0], current[1]))
            current = [start, end]
        previous = stripped
    if current:
        out.append((current[0], current[1]))
    return tuple(out)


def paragraph_index(spans: tuple[tuple[int, int], ...], pos: int) -> int | None:
    """Index of the paragraph holding ``pos``, or None between paragraphs."""
    low, high = 0, len(spans)
    while low < high:
        mid = (low + high) // 2
        if spans[mid][1] < pos:
            low = mid + 1
        else:
            high = mid
    if low < len(spans) and spans[low][0] <= pos <= spans[low][1]:
        return low
    return None


def sentence_ends(text: str, start: int = 0, end: int | None = None) -> list[int]:
    """Positions just after each sentence-ending mark in ``text[start:end]``.

    A mark is the terminal punctuation with any closing quotes or brackets
    after it, followed by space and a capital, digit or opening quote; a full
    stop after an abbreviation ("Mr.", "Cllr.") or an initial does not count.
    """
    stop = len(text) if end is None else end
    out = []
    begin = start
    for match in _SENTENCE_END.finditer(text, start, stop):
        if not _is_abbreviation(text, begin, match.start()):
            out.append(match.end())
            begin = match.end()
    return out


def sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The sentences of ``text[start:end]`` (normally one paragraph)."""
    stop = len(text) if end is None else end
    out = []
    begin = start
    for boundary in [*sentence_ends(text, start, stop), stop]:
        span = trimmed(text, begin, boundary)
        if span[0] < span[1]:
            out.append(span)
        begin = boundary
    return out


def _is_abbreviation(text: str, begin: int, dot: int) -> bool:
    """Whether the full stop at ``dot`` closes an abbreviation or an initial."""
    if text[dot] != ".":
        return False
    match = _WORD_BEFORE.search(text, max(begin, dot - 12), dot + 1)
    if not match or match.end(1) != dot:
        return False
    word = match.group(1)
    return word.lower() in _ABBREVIATIONS or (len(word) == 1 and word.isupper())


def word_count(text: str) -> int:
    """Words in ``text`` (letters or digits, with inner apostrophes and hyphens)."""
    return sum(1 for _ in _WORD.finditer(text))
