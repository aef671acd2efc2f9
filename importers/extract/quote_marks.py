"""Quoted speech: finding the quotation marks (see ``quotes`` for the whole).

Finding the quotation marks
    Straight and curly double quotes are paired first, then curly single
    quotes used as double (‘ ’), then straight single quotes; single marks
    inside a double quotation are nested quotes and are left alone, and an
    apostrophe between letters (children’s) is never a mark. A mark's role is
    read from its neighbours (after a space it opens, before one it closes),
    so mismatched pairs such as “...\" still pair. A quotation never crosses a
    paragraph break unless it follows the newspaper convention for quotes of
    several paragraphs: each inner paragraph opens with a quotation mark and
    leaves it open, and the last one closes it. Such a quote is ONE fact whose
    span runs from its first word to its last; its text is ``quote_text_at``:
    the span's text without the marks that re-open the inner paragraphs.
    A quotation still open at the end of its paragraph, with no re-opening
    mark after it, ends there if it was introduced (opening the paragraph or
    after a colon or comma), and is otherwise dropped as a stray mark. Where
    the text itself stops inside a quotation (a saved excerpt of a page, cut
    mid-sentence), only the quote's whole paragraphs are kept. A double quotation
    may be closed by a single mark where its paragraph ends (“...’, "...''"), a
    curly single one by a straight mark (‘...'), and a speech runs on into a next
    paragraph that lost its re-opening mark but closes it. Inside an open
    quotation, a short quotation in the same marks mid-sentence ("as a "huge
    step forward" for") is nested in it, and a mark re-opening the speech after
    a full stop (a lost paragraph break) ends the quote there. A closing single
    mark typed as the opener (it found ’a slow pace of change’) still opens.

"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from importers.extract.paragraphs import paragraphs, trimmed, word_count

# Quotation marks by family (name, marks, openers, closers); pairs of the
# first family found mask the later ones.
_FAMILIES = (
    ("double", "\"“”„‟«»", "“„‟«", "”»"),
    ("curly", "‘’‛'", "‘‛", "’"),
    ("straight", "'", "", ""),
)
# A single closing mark (or two straight ones) ending a paragraph, after the words it closes.
_FOREIGN_CLOSER = re.compile(r"(?<=[\w.,!?])(?:’|'')[.,;:!?]?[ \t]*$")
_MARK_RE = re.compile(r"[\"“”„‟«»‘’‛']")
_OPENERS = {"double": "\"“„‟«", "curly": "‘‛", "straight": "'"}
# A curly single opener after a space: a quotation of its own opening.
_OPENER_AHEAD = re.compile(r"(?<=\s)‘(?=\w)")
_BEFORE_OPENER = set("([{—–-/:;\"'“‘«")
_AFTER_CLOSER = set(".,;:!?)]}—–-\"'”’»…")
# Words of a quotation nested in another of the same marks ("a "huge step forward"").
_NESTED_MAXIMUM = 6
_SENTENCE_BEFORE = re.compile(r"[.!?]\s*$")
_INTRO_BEFORE = re.compile(r"[:,]\s*$")
# How a text that was not cut off ends: a sentence's last mark, or a closing quote.
_TEXT_END = set(".!?…\"'”’)")
_LOWERCASE_NEXT = re.compile(r"\s+[a-z]")
# Per family, the marks that re-open an inner paragraph of a quote.
_REOPENING = {
    family: re.compile(rf"(\n\s*)[{re.escape(marks + ('”' if family == 'double' else ''))}]")
    for family, marks in _OPENERS.items()
}


@dataclass(frozen=True)
class Quote:
    """A pair of quotation marks and the words between them."""

    open: int  # index of the opening mark
    close: int | None  # index of the closing mark (None: ended with its paragraph)
    start: int  # the quoted words
    end: int
    family: str
    first_paragraph: int
    last_paragraph: int


def quote_text_at(text: str, span: tuple[int, int]) -> str:
    """The quoted words at ``span``: its text, less the re-opening marks.

    Inside a quote of several paragraphs each inner paragraph opens with a
    quotation mark of the same family as the quote's own; those are dropped,
    every other character (newlines included) is kept.
    """
    start, end = span
    chunk = text[start:end]
    if "\n" not in chunk:
        return chunk
    opening = start - 1
    while opening >= 0 and text[opening].isspace():
        opening -= 1
    family = next((name for name, chars in _OPENERS.items() if opening >= 0 and text[opening] in chars), None)
    if family is None:
        return chunk
    return _REOPENING[family].sub(r"\1", chunk)


def _flanks(text: str, i: int) -> tuple[bool, bool]:
    """(looks like an opener, looks like a closer) for the mark at ``i``."""
    prev = text[i - 1] if i > 0 else "\n"
    nxt = text[i + 1] if i + 1 < len(text) else "\n"
    left = (prev.isspace() or prev in _BEFORE_OPENER) and not nxt.isspace()
    right = not prev.isspace() and (nxt.isspace() or nxt in _AFTER_CLOSER)
    return left, right


def _role(text: str, i: int, family: str, openers: str, closers: str, is_open: bool,
          para_end: int) -> str | None:
    """"open", "close" or None (not a quotation mark here)."""
    ch = text[i]
    left, right = _flanks(text, i)
    if family != "double":
        prev = text[i - 1] if i > 0 else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        if prev.isalnum() and nxt.isalnum():
            return None  # an apostrophe: children’s, don't
        if family == "curly" and ch == "'":
            return _straight_closer(text, i, is_open, right, para_end)
        if ch in openers or (family == "straight" and not is_open):
            return "open" if left and (nxt.isalnum() or nxt in "\"“‘") else None
        if not is_open and left and nxt.isalnum() and _closer_after(text, i + 1, para_end, ch):
            return "open"  # a closing mark typed as the opener: it found ’a slow pace of change’
        if not is_open or prev.isspace():
            return None
        if prev in "sS" and _LOWERCASE_NEXT.match(text, i + 1, i + 3) and _closer_after(
                text, i + 1, para_end, ch) and not _OPENER_AHEAD.search(
                text, i + 1, _closer_at(text, i + 1, para_end, ch)):
            # A plural possessive (the parents’ views) inside the quote; never where a
            # new quotation opens before the next closer (‘SERIOUS and widespread
            # failures’ have been identified ... a damning, ‘inadequate’ report).
            return None
        return "close"
    if ch in openers:
        return "close" if is_open and right and not left else "open"
    if ch in closers:
        if is_open:
            return "close"
        return "open" if left and not right else None
    # A straight double quote: its neighbours decide, then whether one is open.
    if is_open:
        return "open" if left and not right else "close"
    return None if right and not left else "open"


def _straight_closer(text: str, i: int, is_open: bool, right: bool, para_end: int) -> str | None:
    """A straight mark closing a curly opener, as some sites print them (The MJ's "Sir
    Michael Wilshaw said he was ‘very tempted' to identify", CYP Now's "a ‘requires
    improvement' rating"): it only closes, never where a plural possessive stands inside
    the quote (‘the parents' views are heard’)."""
    if not is_open or not right:
        return None
    if text[i - 1] in "sS" and _LOWERCASE_NEXT.match(text, i + 1, i + 3) and (
            _closer_after(text, i + 1, para_end, "’") or _closer_after(text, i + 1, para_end, "'")):
        return None
    return "close"


def _nested_close(text: str, i: int, marks: list[int]) -> int | None:
    """The closing mark of a short quotation nested inside an open one of the
    same marks, mid-sentence, as in Neil Burden said: "... the team described
    the progress as a "huge step forward" for the council and ...", or
    ‘... we are pleased the report confirms ‘strong leadership’ is now in place.’"""
    before = text[max(0, i - 2):i]
    if len(before) < 2 or not before[1].isspace() or not (before[0].islower() or before[0] == ","):
        return None
    later = [j for j in marks if j > i and not (text[j - 1].isalnum() and text[j + 1:j + 2].isalnum())]
    if not later:
        return None  # (apostrophes between letters are passed over: ‘children’s services’)
    j = later[0]
    _, closes = _flanks(text, j)
    if not closes or word_count(text[i + 1:j]) > _NESTED_MAXIMUM:
        return None
    return j


def _closer_after(text: str, start: int, end: int, mark: str) -> bool:
    return _closer_at(text, start, end, mark) < end


def _closer_at(text: str, start: int, end: int, mark: str) -> int:
    """Where the next ``mark`` that could close a quote stands (``end`` if none)."""
    for i in range(start, end):
        if text[i] == mark and not (i + 1 < len(text) and text[i + 1].isalnum()):
            return i
    return end


def find_quotes(text: str) -> list[Quote]:
    """Every pair of quotation marks in ``text`` (scare quotes included), in order."""
    paras = paragraphs(text)
    para_starts = [start for start, _ in paras]
    found: list[Quote] = []
    masked: list[tuple[int, int]] = []
    all_marks = [m.start() for m in _MARK_RE.finditer(text)]
    for family, marks_of_family, openers, closers in _FAMILIES:
        by_paragraph: dict[int, list[int]] = {}
        for pos in all_marks:
            if text[pos] in marks_of_family and not _inside(masked, pos):
                index = bisect.bisect_right(para_starts, pos) - 1
                if index >= 0 and pos < paras[index][1]:
                    by_paragraph.setdefault(index, []).append(pos)
        own: list[Quote] = []
        state: tuple[int, int] | None = None  # (opening mark, its paragraph)
        previous_index = -1
        for index, marks in sorted(by_paragraph.items()):
            p_start, p_end = paras[index]
            if state is not None:
                if (index == previous_index + 1 and marks[0] == p_start
                        and text[p_start] in _OPENERS[family]):
                    marks = marks[1:]  # the mark that re-opens a quote's next paragraph
                elif index == previous_index + 1 and _wrapped(text, paras[previous_index][1], p_start):
                    pass  # a sentence broken by a stray paragraph break runs on
                elif index == previous_index + 1 and family == "double" and text[marks[0]] == "”":
                    # A speech whose next paragraph lost its re-opening mark but closes it:
                    # Richard said that “my office has had concerns ... / Meanwhile I will be
                    # looking at any outstanding cases ... for a surgery appointment.”
                    pass
                else:
                    _unterminated(text, paras, state, previous_index, family, own)
                    state = None
            nested: set[int] = set()
            for i in marks:
                if i in nested:
                    continue
                role = _role(text, i, family, openers, closers, state is not None, p_end)
                if role == "open" and state is not None and family != "straight":
                    inner = _nested_close(text, i, marks)
                    if inner is not None:
                        nested.add(inner)
                        continue
                    if _SENTENCE_BEFORE.search(text, max(p_start, i - 4), i):
                        # A speech re-opened after a full stop, as where a paragraph
                        # break was lost: the words so far are one quote.
                        _add(text, own, state[0], i, None, family, state[1], index)
                if role == "open":
                    state = (i, index)
                elif role == "close" and state is not None:
                    _add(text, own, state[0], i, i, family, state[1], index)
                    state = None
            if state is not None and family == "double":
                foreign = _FOREIGN_CLOSER.search(text, max(state[0], p_start), p_end)
                if foreign is not None and "‘" not in text[state[0]:foreign.start()]:
                    # A double quotation closed by a single mark where its paragraph ends:
                    # “... significantly improving children’s services’. (Hackney), "... is
                    # inadequate''. (a typewriter's two single marks, the Yorkshire Post).
                    _add(text, own, state[0], foreign.start(), foreign.start(), family, state[1], index)
                    state = None
            if state is not None and family == "straight" and not _introduced(text, paras, state):
                state = None  # an apostrophe, not a speech running on into the next paragraph
            previous_index = index
        if state is not None:
            _unterminated(text, paras, state, previous_index, family, own)
        found.extend(own)
        masked = sorted(masked + [(q.open, (q.close if q.close is not None else q.end) + 1) for q in own])
    found.sort(key=lambda q: q.open)
    return found


def _wrapped(text: str, end: int, start: int) -> bool:
    """Whether a paragraph break at ``end``..``start`` falls inside a sentence, as in
    a saved page whose lines were broken mid-sentence ("I know that" / "they get a
    lot of grief ..."): the paragraph ends on a word and the next opens in lower case."""
    return text[end - 1:end].isalnum() and text[start:start + 1].islower()


def _inside(ranges: list[tuple[int, int]], pos: int) -> bool:
    i = bisect.bisect_right(ranges, (pos, float("inf"))) - 1
    return i >= 0 and ranges[i][0] <= pos < ranges[i][1]


def _add(text: str, out: list[Quote], open_mark: int, end: int, close: int | None, family: str,
         first: int, last: int) -> None:
    start, end = trimmed(text, open_mark + 1, end)
    if start < end:
        out.append(Quote(open_mark, close, start, end, family, first, last))


def _introduced(text: str, paras, state: tuple[int, int]) -> bool:
    """Whether a quote opens its paragraph or follows a colon or comma."""
    open_mark, first = state
    p_start = paras[first][0]
    return open_mark == p_start or bool(_INTRO_BEFORE.search(text, p_start, open_mark))


def _unterminated(text: str, paras, state: tuple[int, int], last: int, family: str, out: list[Quote]) -> None:
    """Keep a quote left open at its last paragraph's end if it was introduced.

    A saved excerpt of a page may stop in the middle of a quotation: where the
    quote runs to the end of a text that stops mid-sentence, only its whole
    paragraphs are kept (none: no quote).
    """
    open_mark, first = state
    if not _introduced(text, paras, state):
        return
    if last == len(paras) - 1 and text.rstrip()[-1:] not in _TEXT_END:
        last -= 1
        if last < first:
            return
    _add(text, out, open_mark, paras[last][1], None, family, first, last)
