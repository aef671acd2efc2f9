"""Turn a PDF's positioned lines into pleasant, re-flowed text.

The input is what ``importers.pdf`` reads from PDFium: per page, its lines in
content order, each with the left edge and baseline of its first character,
the right edge of its last one and its font size. From that geometry:

* running headers and footers (the same words, digits aside, at the same
  height on many pages) and page numbers are page furniture: they are kept as
  a block at the next paragraph boundary and reported as furniture ranges, so
  a paragraph that runs over a page break reads on without them;
* footnotes (small print below the body at the foot of a page, led by their
  number) leave the flow and follow the paragraph they interrupted;
* lines are joined into paragraphs: a wider gap, a change of font size, a
  bullet or a paragraph number starts a new one; a line that ends short
  without wrapping keeps its line break;
* ligatures are spelled out, symbol-font bullets become real bullets, and a
  word broken at a line-end hyphen is rejoined unless the document itself
  spells it with a hyphen ("multi-agency").

Everything is linear in the number of lines; nothing here touches PDFium.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from operator import itemgetter

from importers.sanitize import clean_text

__all__ = ["SUPERSCRIPT_DIGITS", "Line", "Page", "clean_lines", "lay_out"]

SUPERSCRIPT_DIGITS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


@dataclass(slots=True)
class Line:
    """One printed line: its text and where and how large it is printed."""

    text: str
    x0: float  # left edge of the first character
    x1: float  # right edge of the last character
    y: float  # baseline of the first character, PDF units from the bottom of the page
    y_end: float  # baseline of the last one (PDFium may fold a hyphenated pair of lines into one)
    size: float  # font size of the last character
    page: int
    soft_end: bool = False  # the PDF put a space after the last word (a wrap)


@dataclass(slots=True)
class Page:
    index: int
    width: float
    height: float
    lines: list[Line]
    has_text: bool = True  # carries some words, not only images


@dataclass(slots=True)
class _Stats:
    body_size: float
    right: float  # right edge of the text column
    pitches: dict[int, float] = field(default_factory=dict)  # font size -> line pitch

    def pitch(self, size: float) -> float:
        return self.pitches.get(int(size + 0.5), 1.2 * size)


# Symbol and Wingdings bullets arrive as private-use code points.
_SYMBOL_BULLETS = {
    "\uf0b7": "•", "\uf0a7": "▪", "\uf06e": "■", "\uf0a8": "▪", "\uf076": "❖",
    "\uf0d8": "➢", "\uf0fc": "✓", "\uf02d": "–", "\uf0be": "–", "\uf0de": "⇒",
}
_LIGATURES = str.maketrans({
    "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
    "\ufb05": "st", "\ufb06": "st",
})
_LIGATURE = re.compile("[\ufb00-\ufb06]")
_ODD_SPACING = "\t\u2000-\u200a\u202f\u205f\u3000"  # tabs, wide and narrow spaces
# Runs of spacing other than one plain space.
_SPACES = re.compile(rf"[{_ODD_SPACING}][ {_ODD_SPACING}]*| [ {_ODD_SPACING}]+")
_ODD_SPACE = re.compile(f"[{_ODD_SPACING}]")
_INNER_SOFT_HYPHEN = re.compile(r"\u00ad(?!$)", re.MULTILINE)
_SUPERSCRIPT = re.compile("[⁰¹²³⁴⁵⁶⁷⁸⁹]")
# Any character one of the repairs below is for (besides a double space); most
# pages have none. A single character class lets the search skip ahead.
_NEEDS_REPAIR = re.compile(f"[\ufb00-\ufb06{_ODD_SPACING}\u00ad⁰¹²³⁴⁵⁶⁷⁸⁹]")
# The space is matched first so the search can skip from space to space.
_SPACED_SUPERSCRIPT = re.compile(r" (?<=\S )(?=[⁰¹²³⁴⁵⁶⁷⁸⁹]+(?:\s|$))")
_LINE_START = re.compile(
    r"\n(?:(?P<symbol>[\ue000-\uf8ff] ?)|(?P<bullet>[•◼◾▪■●○◦►▸➢❖✓✔⇒·])(?=\S)"
    r"|(?P<number>\d{1,3}\.(?:\d{1,2}\.?)?)(?=[A-Z]))"
)
_BULLET = re.compile(r"^[•◼◾▪■●○◦►▸➢❖✓✔⇒·]")
# Numbered paragraphs and list items: "12. ", "2.1 ", "(a) ", "iv) ".
_NUMBERED = re.compile(
    r"^(?:\(?\d{1,3}[.)]\s|\d{1,2}\.\d{1,2}\.?\s|\(?[a-z]\)\s|\(?(?:i|ii|iii|iv|v|vi|vii|viii|ix|x)\)\s)"
)
# A dash opens an item only after a line that ended; otherwise it is punctuation.
_DASH_ITEM = re.compile(r"^[-–—*]\s")
_CLOSERS = "'\"’”)]"
_SENTENCE_ENDS = frozenset(".?!:;")
# What a bullet, a paragraph number or a list item can begin with.
_ITEM_FIRST = frozenset("•◼◾▪■●○◦►▸➢❖✓✔⇒·-–—*(0123456789abcdefghijklmnopqrstuvwxyz")
_LOWER = frozenset("abcdefghijklmnopqrstuvwxyz")
_DIGITS = re.compile(r"\d+")
# "7", "- 7 -", "Page 7", "Page 7 of 12", "7/12".
_PAGE_NUMBER = re.compile(r"^(?:page\s+)?[-–]?\s*(\d{1,4})\s*[-–]?(?:\s*(?:of|/)\s*\d{1,4})?$", re.IGNORECASE)
# A footnote opens with its number: superscript (perhaps glued to the text) or plain.
_FOOTNOTE_START = re.compile(r"^(?:([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})\s*|(\d{1,3})(?:\s+|$))")
_SUPERSCRIPT_ONLY = re.compile(r"^\d{1,3}$")
# Tried only at a word's first letter (the look-behind): from inside a word the same
# letters would be read again up to the word's end, for every letter of a long text.
_BROKEN_WORD = re.compile(r"(?<![^\W\d_])([^\W\d_]+)\ufffe([^\W\d_]+)")
_WORD_TAIL = re.compile(r"[^\W\d_]+$")
_WORD_HEAD = re.compile(r"^[^\W\d_]+")
_LONGEST_WORD = 60  # how far back a word broken at a hyphen is looked for
# Where a word was broken at a line end: "protec-" / "tion", "multi\ufffeagency".
_BREAKS = ("-\n", "\u00ad\n", "\ufffe")
_TOKEN = re.compile(r"\w+(?:-\w+)*")
_SEARCHES = 64  # searches of the text before its words are gathered into a set

# Prefixes that keep their hyphen when a line breaks after them.
_HYPHEN_PREFIXES = frozenset(
    "anti co cross ex extra full half inter intra long low mid multi non over part post pre "
    "pro re self semi short step sub super well wide".split()
)

# Word endings that are not words: "assess-" + "ment" is one word broken in two.
_SUFFIXES = frozenset(
    "tion tions sion sions ment ments ness ity ities ance ances ence ences ing ings ed ly ally "
    "ive ives ous able ably ible ibly ial ical ically ure ures ary ery ory ise ised ize ized ist ists "
    "ation ations ative atives ately ship ships hood ful fully less".split()
)

# Page bands where running headers, footers and page numbers live (share of height).
_BAND = 0.12
_FOOTNOTE_SIZE = 0.88  # footnotes are printed at most this large, relative to body text
_PARAGRAPH_GAP = 1.3  # a gap this many line pitches wide is a paragraph break
_HANGING_INDENT = 40.0  # wider indents are a new column, not a wrapped item

_SAMPLE = 600  # lines enough to know a document's body size, margin and pitch

_count = itemgetter(1)

_JOIN, _LINE, _PARA = " ", "\n", "\n\n"


def lay_out(pages: list[Page]) -> tuple[str, list[tuple[int, int]]]:
    """Return the re-flowed text of ``pages`` and its furniture ranges.

    Line texts must already be cleaned with ``clean_lines``.
    """
    text, furniture, _ = lay_out_pages(pages)
    return text, furniture


def lay_out_pages(pages: list[Page]) -> tuple[str, list[tuple[int, int]], list[int]]:
    """``lay_out``, and where each page begins in the text (one offset per page).

    A page whose body runs on from the page before begins after the last word
    of that page; a page with no body of its own shares the next page's start,
    so ``importers.model.page_at`` names the page a reader sees the words on.
    """
    if not any(page.lines for page in pages):
        return "", [], [0] * len(pages)
    furniture = _furniture(pages)
    stats = _stats(pages, furniture)
    body: list[list[Line]] = []
    notes: list[list[str]] = []
    # Headers wait before the page's first paragraph, footers after its last.
    headers: list[str] = []
    footers: list[str] = []
    for page in pages:
        lines, top, bottom = [], [], []
        for line in page.lines:
            if id(line) not in furniture:
                lines.append(line)
            else:
                (top if line.y > page.height / 2 else bottom).append(line)
        headers.append(_block(top))
        footers.append(_block(bottom))
        lines, page_notes = _split_footnotes(lines, page, stats)
        body.append(_merge_segments(lines))
        notes.append(page_notes)
    writer = _Writer(_Vocabulary(body))
    previous: Line | None = None
    first_in_block = True
    starts: list[int | None] = []
    for lines, header, page_notes, footer in zip(body, headers, notes, footers):
        writer.defer_furniture(header)
        starts.append(None)
        for line in lines:
            if previous is None:
                gap = _PARA
            elif line.page != previous.page:
                gap = _across_pages(previous, line, stats)
            else:
                gap = _within_page(previous, line, stats, first_in_block)
            first_in_block = gap != _JOIN
            at = writer.add(line.text, gap)
            if starts[-1] is None:
                starts[-1] = at
            previous = line
        writer.defer_notes(page_notes)
        writer.defer_furniture(footer)
    text, furniture = writer.finish()
    following = len(text)
    for index in range(len(starts) - 1, -1, -1):
        following = starts[index] = following if starts[index] is None else starts[index]
    starts[0] = 0  # anything before the first body line (a header) is on page 1
    return text, furniture, starts


def _block(lines: list[Line]) -> str:
    if not lines:
        return ""
    return "\n".join(line.text for line in sorted(lines, key=lambda line: -line.y))


def clean_lines(texts: list[str]) -> list[str]:
    """Sanitise and repair the stripped lines of one page, keeping one text per line.

    Lines are sanitised (``importers.sanitize.clean_text``) and each repair is
    a single pass over the page that runs only when the page needs it.
    """
    if not texts:
        return []
    # clean_text works within a line, so cleaning the page in one piece is
    # cleaning each line; a printable line holds nothing it removes or replaces
    # (controls, escapes, invisible format characters, no-break spaces), so
    # only the rare other lines go through it and the page is normalised once.
    if not all(map(str.isprintable, texts)):
        texts = [text if text.isprintable() else clean_text(text).replace("\n", " ") for text in texts]
    joined = unicodedata.normalize("NFC", "\n".join(texts))
    if "  " in joined or _NEEDS_REPAIR.search(joined):
        joined = _repair_characters(joined)
    # Line starts: symbol-font bullets, bullets and paragraph numbers glued to their text.
    joined = _LINE_START.sub(_repair_line_start, "\n" + joined)
    lines = joined[1:].split("\n")
    if joined.endswith(" ") or " \n" in joined or "\n " in joined:
        lines = [line.strip() for line in lines]
    return lines


def _repair_characters(joined: str) -> str:
    if _LIGATURE.search(joined):
        joined = joined.translate(_LIGATURES)
    if "  " in joined or _ODD_SPACE.search(joined):
        joined = _SPACES.sub(" ", joined)
    if "\u00ad" in joined:
        # A soft hyphen shows only where a line breaks; inside a line it is invisible.
        joined = _INNER_SOFT_HYPHEN.sub("", joined)
    if _SUPERSCRIPT.search(joined):
        joined = _SPACED_SUPERSCRIPT.sub("", joined)
    return joined


def _repair_line_start(match: re.Match[str]) -> str:
    bullet, number, symbol = match.group("bullet", "number", "symbol")
    if symbol:
        return "\n" + _SYMBOL_BULLETS.get(symbol[0], "•") + " "
    return "\n" + (bullet or number) + " "


# --- page furniture ---------------------------------------------------------


def _furniture(pages: list[Page]) -> set[int]:
    """Ids of lines that are running headers, footers or page numbers."""
    if len(pages) < 2:
        return set()
    # Lines in the bands, keyed by their words with the digits blanked out.
    banded: list[tuple[Page, Line, str]] = []
    for page in pages:
        low, high = page.height * _BAND, page.height * (1 - _BAND)
        banded += [
            (page, line, _DIGITS.sub("#", line.text.lower()))
            for line in page.lines if line.y < low or line.y > high
        ]
    heights: defaultdict[str, Counter[int]] = defaultdict(Counter)
    for _, line, key in banded:
        heights[key][round(line.y)] += 1
    needed = max(2, int(len(pages) * 0.3))
    found: set[int] = set()
    numbers: list[tuple[Line, int]] = []
    for page, line, key in banded:
        match = _PAGE_NUMBER.match(line.text)
        if match:
            # Numbers are judged by the page-number rule below, never by repetition.
            numbers.append((line, int(match.group(1)) - page.index))
            continue
        y = round(line.y)
        # The same words, digits aside, at the same height on many pages.
        if sum(n for at, n in heights[key].items() if abs(at - y) <= 2) >= needed:
            found.add(id(line))
    # A page number is a number in the band that keeps step with the page index
    # on many pages; a footnote's number at the foot of a page does not.
    offsets = Counter(offset for _, offset in numbers)
    if offsets:
        offset, count = offsets.most_common(1)[0]
        if count >= needed:
            found.update(id(line) for line, value in numbers if value == offset)
    return found


def _stats(pages: list[Page], furniture: set[int]) -> _Stats:
    """Body font size, right margin and line pitch, from a sample of the lines."""
    body = [line for page in pages for line in page.lines if id(line) not in furniture]
    step = max(1, len(body) // _SAMPLE)
    sample = body[::step]
    # Plain dicts: tallying thousands of lines through Counter costs more than the rest.
    sizes: dict[float, int] = {}
    for key, length in zip([int(line.size * 2 + 0.5) / 2 for line in sample], [len(line.text) for line in sample]):
        sizes[key] = sizes.get(key, 0) + length
    body_size = _most_common(sizes) if sizes else 12.0
    rights = sorted([line.x1 for line in sample if abs(line.size - body_size) < 0.6])
    right = rights[int(len(rights) * 0.95)] if rights else max(p.width for p in pages) * 0.88
    votes: dict[int, dict[float, int]] = {}
    for a, b in zip(body[: len(body) - 1 : step], body[1::step]):
        pitch = a.y_end - b.y
        if a.page == b.page and 0.9 * a.size < pitch < 2.5 * a.size and abs(a.size - b.size) < 0.3:
            counts = votes.setdefault(int(a.size + 0.5), {})
            key = int(pitch * 2 + 0.5) / 2
            counts[key] = counts.get(key, 0) + 1
    pitches = {size: _most_common(counts) for size, counts in votes.items()}
    return _Stats(body_size=body_size, right=right, pitches=pitches)


def _most_common(counts: dict[float, int]) -> float:
    """The key counted most; the first one seen wins a tie."""
    return max(counts.items(), key=_count)[0]


# --- footnotes and split lines ----------------------------------------------


def _split_footnotes(lines: list[Line], page: Page, stats: _Stats) -> tuple[list[Line], list[str]]:
    """Take the footnotes (small print under the body, led by a number) off a page."""
    limit, half = stats.body_size * _FOOTNOTE_SIZE, page.height / 2
    body_lines = [line for line in lines if line.size >= limit]
    if not body_lines:
        return lines, []
    floor = min(min([line.y for line in body_lines]), min([line.y_end for line in body_lines]))
    small = [line for line in lines if line.size < limit and line.y < floor and line.y < half]
    if not small:
        return lines, []
    small_ids = {id(line) for line in small}
    ordered = _merge_segments(sorted(small, key=lambda line: (-round(line.y), line.x0)))
    if not _FOOTNOTE_START.match(ordered[0].text):
        return lines, []
    notes: list[str] = []
    for line in ordered:
        match = _FOOTNOTE_START.match(line.text)
        if match or not notes:
            number = (match.group(1) or match.group(2)).translate(SUPERSCRIPT_DIGITS) if match else ""
            rest = line.text[match.end():] if match else line.text
            notes.append(f"{number} {rest}".strip())
        else:
            notes[-1] = _join_words(notes[-1], line.text)
    return [line for line in lines if id(line) not in small_ids], notes


def _merge_segments(lines: list[Line]) -> list[Line]:
    """Join pieces PDFium split off one printed line (a superscript, a run after it).

    The first piece takes the others in; lines are changed in place.
    """
    out: list[Line] = []
    last: Line | None = None
    for line in lines:
        if last is not None:
            size = max(last.size, line.size)
            gap = line.x0 - last.x1
            if -1.0 <= gap < 3 * size and min(abs(last.y_end - line.y), abs(last.y - line.y)) < 0.45 * size:
                text = line.text
                superscript = line.size < 0.8 * last.size and _SUPERSCRIPT_ONLY.match(text)
                if superscript:
                    text, glue = text.translate(SUPERSCRIPT_DIGITS), ""
                elif gap < 0.15 * size or text[0] in ",.;:)]’”":
                    glue = ""
                else:
                    glue = " "
                last.text = last.text + glue + text
                last.x1, last.y_end, last.soft_end = line.x1, line.y_end, line.soft_end
                if not superscript:
                    last.size = line.size
                continue
        out.append(line)
        last = line
    return out


# --- paragraphs ---------------------------------------------------------------


def _starts_lower(text: str) -> bool:
    for ch in text[:3]:
        if ch.isalpha():
            return ch.islower()
    return False


def _ends_sentence(line: Line) -> bool:
    return line.text.rstrip(_CLOSERS)[-1:] in _SENTENCE_ENDS


def _full(a: Line, b: Line, stats: _Stats) -> bool:
    """Would the first word of ``b`` have fitted on ``a``? If not, ``a`` wrapped."""
    word = b.text.split(" ", 1)[0]
    return a.x1 + 0.5 * a.size * (len(word) + 1) >= stats.right - 2


def _wraps(a: Line, b: Line, stats: _Stats) -> bool:
    """Did the text run on from ``a`` to ``b`` (as opposed to ``a`` ending there)?"""
    if a.text.endswith(("-", "\u00ad")):
        return True
    if _ends_sentence(a):
        # A sentence may end on a full line; a paragraph rarely does.
        return _full(a, b, stats)
    return a.soft_end or _starts_lower(b.text) or _full(a, b, stats)


def _new_item(a: Line, b: Line, stats: _Stats) -> bool:
    first = b.text[0]
    if first not in _ITEM_FIRST:
        return False
    if first in _LOWER and ")" not in b.text[1:5]:
        # Most lines that wrap start with a word; only "a) " or "iv) " is an item.
        return False
    if _BULLET.match(b.text):
        return True
    if _NUMBERED.match(b.text):
        return b.x0 <= a.x0 + 2 or not _wraps(a, b, stats)
    return bool(_DASH_ITEM.match(b.text)) and not _wraps(a, b, stats)


def _within_page(a: Line, b: Line, stats: _Stats, a_first: bool) -> str:
    size = max(a.size, b.size)
    if abs(a.size - b.size) > 0.1 * size:
        return _PARA
    pitch = a.y_end - b.y
    if pitch <= 0.45 * size:
        # Back up the page or along the same row: a table cell or a new column.
        return _LINE if b.x0 > a.x0 + 3 * size else _PARA
    if pitch > stats.pitch(size) * _PARAGRAPH_GAP + 0.5:
        return _PARA
    if _new_item(a, b, stats):
        return _PARA
    indent = b.x0 - a.x0
    if indent > _HANGING_INDENT:
        # A cell to the right of the first: it continues only a word that wrapped.
        inside = a.x0 <= b.x0 <= a.x1
        return _JOIN if inside and _starts_lower(b.text) and not _ends_sentence(a) else _LINE
    if indent < -3 and not a_first:
        # Back out to the margin after an indented run: a new paragraph.
        return _JOIN if _starts_lower(b.text) and not _ends_sentence(a) else _PARA
    return _JOIN if _wraps(a, b, stats) else _LINE


def _across_pages(a: Line, b: Line, stats: _Stats) -> str:
    if abs(a.size - b.size) > 0.1 * max(a.size, b.size) or _new_item(a, b, stats):
        return _PARA
    if a.text.endswith(("-", "\u00ad")) or (_starts_lower(b.text) and not _ends_sentence(a)):
        return _JOIN
    if b.x0 < a.x0 - 3:
        return _PARA
    return _JOIN if _wraps(a, b, stats) and (a.soft_end or _full(a, b, stats)) else _PARA


# --- hyphens ----------------------------------------------------------------


class _Vocabulary:
    """The document's own spelling, to rejoin words broken at line-end hyphens.

    The first few questions are answered by searching the text; after that a
    set of its words is built once, so any number of broken words costs time
    in proportion to the document's length.
    """

    def __init__(self, pages: list[list[Line]]) -> None:
        self.pages = pages
        self._text: str | None = None
        self._words: set[str] | None = None
        self._searches = 0

    def _seen(self, word: str) -> bool:
        """Is ``word`` (maybe hyphenated) a whole word of the document, outside broken words?"""
        if self._text is None:
            text = "\n".join(line.text for lines in self.pages for line in lines)
            self._text = _without_broken_words(text.lower())
        if self._words is not None:
            return word in self._words
        self._searches += 1
        if self._searches > _SEARCHES:
            self._words = set(_TOKEN.findall(self._text))
            return word in self._words
        return _whole_word_in(self._text, word)

    def join(self, left: str, right: str) -> str:
        """``left`` and ``right`` were split at a line-end hyphen: spell the word.

        Reports are set ragged-right, so a hyphen at a line end is nearly always
        part of the word ("decision-making"); it is dropped only when the
        document spells the word whole, or the halves are a word and its suffix.
        """
        low_left, low_right = left.lower(), right.lower()
        if self._seen(f"{low_left}-{low_right}"):
            return f"{left}-{right}"
        if self._seen(low_left + low_right):
            return left + right
        if right[:1].isupper() or low_left in _HYPHEN_PREFIXES:
            return f"{left}-{right}"
        if low_right in _SUFFIXES and not self._seen(low_right):
            return left + right
        return f"{left}-{right}"

    def mend(self, text: str) -> str:
        """Rejoin words PDFium marked as broken at a line end (U+FFFE)."""
        if "\ufffe" in text:
            text = _BROKEN_WORD.sub(lambda m: self.join(m.group(1), m.group(2)), text)
            text = text.replace("\ufffe", "-")
        return text.replace("\u00ad", "-") if "\u00ad" in text else text


def _without_broken_words(text: str) -> str:
    """``text`` with both halves of every broken word blanked out."""
    pieces, last = [], 0
    for start, end in _breaks(text):
        while start > last and text[start - 1].isalnum():
            start -= 1
        while end < len(text) and text[end].isalnum():
            end += 1
        pieces.append(text[last:start])
        pieces.append(" ")
        last = max(last, end)
    pieces.append(text[last:])
    return "".join(pieces)


def _breaks(text: str) -> list[tuple[int, int]]:
    """Spans of the marks of broken words, in order.

    The marks cannot overlap, so finding each with ``str.find`` gives what a
    regex scan would, many times faster on a whole document.
    """
    spans = []
    for mark in _BREAKS:
        pos = text.find(mark)
        while pos >= 0:
            spans.append((pos, pos + len(mark)))
            pos = text.find(mark, pos + len(mark))
    spans.sort()
    return spans


def _whole_word_in(text: str, word: str) -> bool:
    """Is ``word`` in ``text`` with no letter, digit or hyphen glued to either side?"""
    pos = text.find(word)
    while pos >= 0:
        end = pos + len(word)
        before = text[pos - 1] if pos else " "
        after = text[end] if end < len(text) else " "
        if not (before.isalnum() or before in "-_") and not (after.isalnum() or after in "-_"):
            return True
        pos = text.find(word, pos + 1)
    return False


def _join_words(left: str, right: str) -> str:
    if left.endswith("\u00ad"):
        return left[:-1] + right
    return left + " " + right


# --- output -----------------------------------------------------------------


class _Writer:
    """Assemble paragraphs; furniture and footnotes wait for a paragraph break.

    The current line is kept as pieces and joined once, so a paragraph of any
    length costs time in proportion to its length.
    """

    def __init__(self, vocabulary: _Vocabulary) -> None:
        self.vocabulary = vocabulary
        self.parts: list[str] = []
        self.length = 0
        self.furniture: list[tuple[int, int]] = []
        self.pending: list[tuple[str, bool]] = []  # (text, is_furniture)
        self.tail: list[str] = []  # pieces of the current line

    def _emit(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def _flush_line(self) -> None:
        if self.tail:
            self._emit(self.vocabulary.mend("".join(self.tail)))
            self.tail = []

    def _flush_pending(self) -> None:
        for text, is_furniture in self.pending:
            if not text:
                continue
            if self.length:
                self._emit(_PARA)
            start = self.length
            self._emit(self.vocabulary.mend(text))
            if is_furniture:
                self.furniture.append((start, self.length))
        self.pending.clear()

    def defer_furniture(self, text: str) -> None:
        if text:
            self.pending.append((text, True))

    def defer_notes(self, notes: list[str]) -> None:
        self.pending.extend((note, False) for note in notes)

    def add(self, text: str, gap: str) -> int:
        """Add a line; returns about where it begins in the text.

        Exactly, unless it runs on from the line before: then give or take
        the word mended across the break, or a hyphen a broken word loses.
        """
        if gap == _JOIN and self.tail:
            self._join(text.lstrip())
            return self.length + sum(map(len, self.tail)) - len(self.tail[-1])
        self._flush_line()
        if gap == _PARA:
            self._flush_pending()
            if self.length:
                self._emit(_PARA)
        elif self.length:
            self._emit(_LINE)
        self.tail = [text]
        return self.length

    def _join(self, right: str) -> None:
        """Run ``right`` on from the current line: a space, or a word mended at a hyphen."""
        left = self.tail[-1].rstrip()
        end = left[-1:]
        if end == "-" and len(left) > 1 and left[-2].isalpha():
            head = _WORD_TAIL.search(left, max(0, len(left) - _LONGEST_WORD), len(left) - 1)
            tail = _WORD_HEAD.match(right)
            if head and tail:
                word = self.vocabulary.join(head.group(), tail.group())
                self.tail[-1] = left[: head.start()] + word
                self.tail.append(right[tail.end():])
                return
        if end == "\u00ad":
            self.tail[-1] = left[:-1]
        elif end in ("–", "—") and len(left) > 1 and left[-2].isalnum():
            self.tail[-1] = left  # "2009–" / "10": a range, not a pause
        else:
            self.tail[-1] = left + " "
        self.tail.append(right)

    def finish(self) -> tuple[str, list[tuple[int, int]]]:
        self._flush_line()
        self._flush_pending()
        return "".join(self.parts), self.furniture
