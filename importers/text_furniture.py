"""Find a saved web page's furniture in its plain text: the "Most Read" lists and their like.

A page saved as text (copied from the browser, or by a tool that keeps every
line) keeps the site's lists of other stories between the article's
paragraphs: a heading such as "Most Read", "Related articles", "Trending",
"More from Community Care" or "You may also want to watch:", then a run of
headlines of other stories, one a line. The headlines name other places and
years ("... join Kenwood 2021 concert line up"), so facts must never be read
from them. (The HTML reader drops the same lists by their markup; a text file
has none, so the shape is read instead.)

The shape read: a line that is only such a heading, and the lines straight
after it (no blank line between) that read as headlines rather than sentences:
short, not ending as a sentence or a lead-in ends ("." or ":"), whether or not
they carry a list marker ("- 1 Buyers launch ...", "● ..."). The run ends at the
first blank line or the first line that reads as a sentence, so the article's
own paragraphs after the list are kept. The heading alone is furniture where
no headline follows it.
"""

from __future__ import annotations

import re

__all__ = ["furniture_spans"]

# Headings sites put over lists of other stories, links or videos; each must be
# the whole line (an optional colon after it), so a sentence that merely starts
# with "Related" is never one.
_HEADING = re.compile(
    r"""^\s*(?:
        most\ (?:read|popular|viewed|shared|commented|watched)(?:\ (?:stories|articles|news|today|this\ week))?
      | related(?:\ (?:articles|stories|news|content|links|topics|internet\ links|coverage|reading|posts))?
      | trending(?:\ (?:now|stories|news|today))?
      | top\ stories | more\ stories | latest\ (?:news|stories|headlines) | editor'?s\ picks
      | more\ (?:from|in|on)\ [^\n.!?]{1,40}
      | you\ (?:may|might)\ also\ (?:like|want\ to\ (?:watch|read)|be\ interested\ in)
      | (?:also\ )?read\ more | recommended(?:\ (?:for\ you|stories|articles|reading))?
      | popular(?:\ (?:stories|articles|now))?
    )\s*:?\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
# A line ends as a sentence (or introduces what follows) with ".", "…", ";" or ":",
# perhaps inside closing quotation marks; a headline ends with none of these
# ("?" and "!" end headlines too).
_SENTENCE_END = re.compile(r"[.…;:][\"'”’)\]]*\s*$")
_HEADLINE_MAX_WORDS = 25


def _is_headline(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= _HEADLINE_MAX_WORDS and not _SENTENCE_END.search(line)


def furniture_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) spans of ``text`` that are lists of other stories with their headings."""
    spans: list[tuple[int, int]] = []
    lines: list[tuple[int, int, str]] = []
    at = 0
    for line in text.split("\n"):
        lines.append((at, at + len(line), line))
        at += len(line) + 1
    i = 0
    while i < len(lines):
        start, end, line = lines[i]
        if not _HEADING.match(line):
            i += 1
            continue
        i += 1
        while i < len(lines) and (_is_headline(lines[i][2]) or _HEADING.match(lines[i][2])):
            end = lines[i][1]
            i += 1
        spans.append((start, end))
    return spans
