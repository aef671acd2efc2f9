"""What a report says must improve: the items under its improvement headings.

Headings are the ones Ofsted and its predecessors print, alone on their line:
"What needs to improve?", "What needs to improve in this area of social work
practice?", "What does the local authority need to improve?", "Areas for
improvement", "Areas for development", "Areas for priority action",
"Priority actions" and "Recommendations". A contents line ("What does the
local authority need to improve? 6") is not a heading.

Under a heading, a list gives one fact per item: bullets (•, ◼, -, *, the
Wingdings glyphs PDF text carries) or numbers ("1.", "26.", "a)"). An item runs
on over wrapped lines and ends at the next marker, a blank line, or a line
that starts a new sentence after a finished one. The list ends at a line that
is neither an item nor part of one, or at a marker of another kind (the
numbered paragraphs of the next section); a short sub-heading such as "Within
three months:" followed by more items of the same kind is passed over. Page
numbers, footnote marks and page furniture between items are skipped. Where
the heading is followed by plain paragraphs instead, each sentence up to the
next heading is an item.

News reports give the same lists inline: "the report highlighted three areas
in need of development – A; B; and C" (or "areas for improvement: A, B and
C") gives one fact per item.

``area`` is the judgement area the heading names, or the nearest heading
above it does ("Section 2: The effectiveness of the Local Safeguarding
Children Board" ... "Areas for improvement" -> "lscb"), else None.
"""

from __future__ import annotations

import bisect
import re

from importers.extract.paragraphs import BULLET_RE, is_wrap, lines, sentences, trimmed
from importers.extract.scan import matches_at_cues
from importers.model import Fact
from importers.vocabulary import area_for

__all__ = ["extract"]

_HEADING_RE = re.compile(
    r"""^[ \t*#>_]*(?:\d+(?:\.\d+)*\.?[ \t]+)?
    (?P<h>
      what[ \t]+(?:needs?|(?:does|do|should|must)[ \t]+(?:[^\s]+[ \t]+){1,4}?needs?)
        [ \t]+to[ \t]+(?:do[ \t]+to[ \t]+)?improve(?:[ \t]+(?:in|for|about)[ \t]+[^\n?:]{1,80})?
    | what[ \t]+(?:[^\s]+[ \t]+){1,4}?(?:needs|should|must)[ \t]+(?:to[ \t]+)?(?:do[ \t]+to[ \t]+)?
        improve(?:[ \t]+[^\n?:]{1,60})?
    | (?:key[ \t]+|main[ \t]+|further[ \t]+)?areas?[ \t]+
        (?:for|of|requiring|needing|in[ \t]+need[ \t]+of|that[ \t]+need)[ \t]+
        (?:further[ \t]+|priority[ \t]+|urgent[ \t]+|immediate[ \t]+)?(?:improvement|development|action)s?
    | (?:key[ \t]+|main[ \t]+)?priorit(?:y|ies)[ \t]+for[ \t]+(?:action|improvement)
    | (?:key[ \t]+|main[ \t]+)?(?:areas?[ \t]+for[ \t]+)?priority[ \t]+actions?
    | (?:key[ \t]+|main[ \t]+)?recommendations?(?:[ \t]+for[ \t]+(?:improvement|action))?
    | improvements?[ \t]+(?:needed|required)
    )[ \t]*[?:.]?[ \t*_]*$""",
    re.IGNORECASE | re.MULTILINE | re.VERBOSE,
)
# A word every heading holds (on its one line): _HEADING_RE is tried only at the start of such lines.
_HEADING_CUES = ("what", "area", "priorit", "recommendation", "improvement")
_PAGE_NUMBER = re.compile(r"(?:page\s+)?\d{1,3}(?:\s+of\s+\d{1,3})?", re.IGNORECASE)
_SUBHEADING = re.compile(
    r"(?:for\b|within\b|immediately\b|in\s+the\s+(?:longer|short|medium|next)\b|over\s+the\b|by\b|"
    r"(?:longer|short|medium)[\s-]term\b|other\b)|.{1,60}:$",
    re.IGNORECASE,
)
# An inline list: "areas in need of development – A; B; and C".
_INLINE_KEY = re.compile(
    r"(?:development|improvement|improve|action|attention)s?"
    r"(?=[^:–—\n.;]{0,40}?[ \t]*(?::|–|—|[ \t]-[ \t]))"
)
# The words an inline list's key opens on: _INLINE_KEY is tried only where one starts.
_INLINE_CUES = ("development", "improve", "action", "attention")
_INLINE_BEFORE = re.compile(
    r"\b(?:areas?|things|issues|weaknesses|shortcomings|priorities|recommendations|actions|"
    r"improvements|aspects)\b[^.;:\n–—]{0,60}?\b(?:in\s+need\s+of|for|requiring|needing|that\s+"
    r"need(?:ed|s)?|which\s+need(?:ed|s)?|to|of)\s+(?:further\s+|urgent\s+|immediate\s+|priority\s+)?$",
    re.IGNORECASE,
)
_INLINE_SEPARATOR = re.compile(r"[^:–—\n.;]{0,40}?[ \t]*(?::|–|—|[ \t]-[ \t])[ \t]*")
_LIST_END = re.compile(r"\.(?=\s|$)|\n\s*\n|\n(?=\s*[A-Z•\-*])")
_LEADING_CONJUNCTION = re.compile(r"(?:and|or)\s+", re.IGNORECASE)
_FINAL_AND = re.compile(r"\s+and\s+")


def _marker_kind(marker: str) -> str:
    marker = marker.strip()
    if marker[:1] == "(" or marker[-1:] == ")":
        return "paren"
    if marker[:1].isdigit():
        return "number"
    if marker[:1].isalpha() and len(marker) > 1 and marker[-1] == ".":
        return "letter"
    return "bullet:" + marker[:1]


def _heading_like(line: str) -> bool:
    words = line.split()
    return (
        0 < len(words) <= 12 and line[-1] not in ".,;" and (line[0].isupper() or line[0].isdigit())
        and not BULLET_RE.match(line)
    )


class _Lines:
    """The document's lines, trimmed, with furniture and page numbers marked."""

    def __init__(self, text: str, furniture: list[tuple[int, int]]) -> None:
        self.text = text
        self.spans = [trimmed(text, s, e) for s, e in lines(text)]
        self.furniture = furniture

    def skippable(self, index: int) -> bool:
        start, end = self.spans[index]
        if any(f_start <= start and end <= f_end for f_start, f_end in self.furniture):
            return True
        return bool(_PAGE_NUMBER.fullmatch(self.text, start, end))

    def next_content(self, index: int) -> int | None:
        for j in range(index, len(self.spans)):
            start, end = self.spans[j]
            if start < end and not self.skippable(j):
                return j
        return None

    def marker(self, index: int) -> re.Match[str] | None:
        start, end = self.spans[index]
        match = BULLET_RE.match(self.text, start, end)
        return match if match and match.end() < end else None


def _section(doc: _Lines, first: int, area: str | None) -> list[Fact]:
    """The items under a heading whose next line is ``first``."""
    text = doc.text
    start_index = doc.next_content(first)
    if start_index is None:
        return []
    marker = doc.marker(start_index)
    if marker is None:
        line = text[slice(*doc.spans[start_index])]
        if _HEADING_RE.match(line):
            return []  # "What does the local authority need to improve?" / "Areas for improvement"
        following = doc.next_content(start_index + 1)
        if (line.endswith(":") or _heading_like(line)) and following is not None and doc.marker(following):
            return _list(doc, following, area)  # a lead-in: "The local authority should:"
        return _paragraphs(doc, start_index, area)
    return _list(doc, start_index, area)


def _list(doc: _Lines, index: int, area: str | None) -> list[Fact]:
    text = doc.text
    kind = _marker_kind(doc.marker(index).group())
    items: list[list[int]] = []
    current: list[int] | None = None
    last_line = ""
    j = index
    while j < len(doc.spans):
        start, end = doc.spans[j]
        if start == end:
            current = None  # a blank line ends an item, not the list
            j += 1
            continue
        if doc.skippable(j):
            j += 1
            continue
        line = text[start:end]
        marker = doc.marker(j)
        if marker is not None:
            if _marker_kind(marker.group()) != kind:
                break
            current = [marker.end(), end]
            items.append(current)
        else:
            following = doc.next_content(j + 1)
            if (
                _SUBHEADING.match(line) and following is not None and doc.marker(following)
                and _marker_kind(doc.marker(following).group()) == kind
            ):
                current = None
                j = following
                continue
            # PDF text wraps items anywhere ("the Local\nAuthority Designated Officer"),
            # but a short capitalised line after an unfinished item is the next heading.
            if current is None or not (
                line[0].islower() or (last_line[-1] not in ".;!?:)" and not _heading_like(line))
            ):
                break
            current[1] = end
        last_line = line
        j += 1
    return [_fact(text, s, e, area) for s, e in items]


def _paragraphs(doc: _Lines, index: int, area: str | None) -> list[Fact]:
    text = doc.text
    facts: list[Fact] = []
    region_start = doc.spans[index][0]
    region_end = region_start
    j = index
    paragraphs_seen = 0
    blank = False
    while j < len(doc.spans) and paragraphs_seen < 8:
        start, end = doc.spans[j]
        if start == end:
            blank = True
            j += 1
            continue
        if doc.skippable(j):
            j += 1
            continue
        line = text[start:end]
        if j > index and (_HEADING_RE.match(line) or (_heading_like(line) and blank)
                          or doc.marker(j) is not None):
            break
        if j > index and _heading_like(line) and not is_wrap(text[slice(*doc.spans[j - 1])], line):
            following = doc.next_content(j + 1)
            if following is None or not text[slice(*doc.spans[following])][:1].islower():
                break
        if blank:
            paragraphs_seen += 1
            blank = False
        region_end = end
        j += 1
    for s_start, s_end in sentences(text, region_start, region_end):
        facts.append(_fact(text, s_start, s_end, area))
    return facts


def _fact(text: str, start: int, end: int, area: str | None) -> Fact:
    start, end = trimmed(text, start, end)
    return Fact("improvement", (start, end), {"text": text[start:end], "area": area})


def _heading_area(doc: _Lines, heading_index: int, heading: str) -> str | None:
    """The area the heading names, or the nearest heading lines above it."""
    area = area_for(heading)
    j = heading_index - 1
    looked = 0
    while area is None and j >= 0 and looked < 4:
        start, end = doc.spans[j]
        j -= 1
        if start == end or doc.skippable(j + 1):
            continue
        line = doc.text[start:end]
        if not _heading_like(line):
            break
        area = area_for(line)
        looked += 1
    return area


def _inline(text: str) -> list[Fact]:
    """Items of lists in running text: "three areas in need of development – A; B; and C"."""
    facts = []
    for key in matches_at_cues(_INLINE_KEY, text, _INLINE_CUES):
        if not _INLINE_BEFORE.search(text, max(0, key.start() - 90), key.start()):
            continue
        separator = _INLINE_SEPARATOR.match(text, key.end())
        if not separator:
            continue
        end_match = _LIST_END.search(text, separator.end())
        list_end = end_match.start() if end_match else len(text)
        body = text[separator.end():list_end]
        splitter = ";" if ";" in body else ","
        pos = separator.end()
        parts = []
        for piece in body.split(splitter):
            parts.append((pos, pos + len(piece)))
            pos += len(piece) + 1
        if splitter == "," and len(parts) > 1:
            # "A, B and C": the last comma part holds two items.
            last_start, last_end = parts[-1]
            joined = _FINAL_AND.search(text, last_start, last_end)
            if joined:
                parts[-1:] = [(last_start, joined.start()), (joined.end(), last_end)]
        for start, end in parts:
            start, end = trimmed(text, start, end)
            lead = _LEADING_CONJUNCTION.match(text, start, end)
            if lead:
                start = lead.end()
            if len(text[start:end].split()) >= 2:
                facts.append(Fact("improvement", (start, end), {"text": text[start:end], "area": None}))
    return facts


def extract(text: str, ctx) -> list[Fact]:
    if not isinstance(text, str) or not text:
        return []
    facts: list[Fact] = []
    headings = matches_at_cues(_HEADING_RE, text, _HEADING_CUES, line_start=True)
    if headings:
        doc = _Lines(text, list(getattr(ctx, "furniture", None) or []))
        starts = [span[0] for span in doc.spans]
        for match in headings:
            index = max(0, bisect.bisect_right(starts, match.start("h")) - 1)
            area = _heading_area(doc, index, match.group("h"))
            facts.extend(_section(doc, index + 1, area))
    seen = {f.span for f in facts}
    facts.extend(f for f in _inline(text) if f.span not in seen)
    facts.sort(key=lambda f: f.span)
    return facts
