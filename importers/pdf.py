"""Read a PDF (an Ofsted report or letter, or any PDF with a text layer).

``read_pdf(path) -> Parsed``: PDFium (pypdfium2) extracts each page's text and,
for the first and last character of every line, its position and font size.
That little geometry is what tells a running footer from body text, a
footnote from a paragraph and a paragraph break from a wrapped line
(``importers.pdf_layout``). The clean text is then read as a report
(``importers.pdf_report``): metadata, the judgement table, the inspection, the
"What needs to improve?" items.

Files that cannot be read raise ``ImporterError`` with a reason a person can
act on: not a PDF, password-protected, damaged or truncated, or scanned images
with no text layer.
"""

from __future__ import annotations

import ctypes
import re
import zlib
from itertools import accumulate
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from importers.model import ImporterError, Parsed
from importers.pdf_layout import SUPERSCRIPT_DIGITS, Line, Page, clean_lines, lay_out_pages
from importers.pdf_report import read_report
from importers.reading import read_source

__all__ = ["read_pdf"]

# The spec allows bytes before the header; readers look in the first kilobyte.
_HEADER_WINDOW = 1024
_EOF_WINDOW = 2048
# A page "has text" when it carries at least this many letters.
_MIN_LETTERS_PER_PAGE = 30
# A digit glued to a word ("Board1") is a footnote marker when it is printed
# this much smaller than the line around it.
_SUPERSCRIPT_RATIO = 0.8

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_MARKER_AFTER = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ)]’'\".,;:?!")
# A run of one or two digits (the most a marker has) right after a word or its punctuation,
# or a space after it: the only digits that can be markers. Opening on a digit lets the
# search skip ahead to one; a page's other figures (years, counts) never reach Python.
_MARKER_CLASS = "[" + "".join(re.escape(ch) for ch in sorted(_MARKER_AFTER)) + "]"
_MARKER_DIGITS = re.compile(rf"[0-9](?:(?<={_MARKER_CLASS}[0-9])|(?<={_MARKER_CLASS} [0-9]))[0-9]?(?![0-9])")
_LEADING_DIGITS = re.compile(r"\n[ \t]*([0-9]{1,2})(?=[ \t]|[A-Z])")
_LETTERS = re.compile(r"[^\W\d_]")


def read_pdf(path: str | Path) -> Parsed:
    """Read ``path`` into clean text, furniture ranges, metadata and layout facts."""
    path = Path(path)
    data = read_source(path, str(path))
    _check_bytes(data, str(path))
    _check_expansion(data, str(path))
    pages = _read_pages(data, str(path))
    text, furniture, page_starts = lay_out_pages(pages)
    report = read_report(text, furniture)
    return Parsed(
        text=text,
        furniture=_merge_ranges(furniture + report.boilerplate),
        meta=report.meta,
        facts=report.facts,
        page_starts=page_starts,
    )


def _check_bytes(data: bytes, path: str) -> None:
    if b"%PDF-" not in data[:_HEADER_WINDOW]:
        raise ImporterError(path, f"is not a PDF ({_sniff(data)}); check the file or give it its proper extension")
    if b"%%EOF" not in data.rstrip(b"\x00 \t\r\n")[-_EOF_WINDOW:]:
        raise ImporterError(path, "is an incomplete PDF (it is truncated: the end-of-file marker is missing); download it again")


# What one compressed stream may expand to, and all of them together: an
# Ofsted report's page streams inflate to tens of kilobytes, while a
# "compression bomb" (2 MB of zeros squeezed a thousand-fold) made the reader
# hold gigabytes. Checked before PDFium sees the file, counting without keeping.
MAX_STREAM_BYTES = 128 << 20
MAX_INFLATED_BYTES = 1 << 30
_STREAM_START = re.compile(rb"stream\r?\n")
_INFLATE_STEP = 1 << 20


# Deflate's longest match (258 bytes) takes at least two bits: no stream inflates to more than
# this many times its size (zlib's documented limit), whatever its content.
_MAX_DEFLATE_RATIO = 1032


def _check_expansion(data: bytes, path: str) -> None:
    streams = []
    for match in _STREAM_START.finditer(data):
        start = match.end()
        if data[start:start + 1] != b"\x78":  # not a zlib stream (an image, plain text)
            continue
        end = data.find(b"endstream", start)
        streams.append((start, end if end >= 0 else len(data)))
    # Where even the densest deflate could not reach a limit, inflating to count proves nothing: an
    # Ofsted report's streams (a few hundred kilobytes in all) stay far below both, unread here.
    if (_MAX_DEFLATE_RATIO * sum(end - start for start, end in streams) <= MAX_INFLATED_BYTES
            and _MAX_DEFLATE_RATIO * max((end - start for start, end in streams), default=0) <= MAX_STREAM_BYTES):
        return
    total = 0
    for start, end in streams:
        size = _inflated_size(memoryview(data)[start:end], MAX_STREAM_BYTES)
        total += size
        if size > MAX_STREAM_BYTES or total > MAX_INFLATED_BYTES:
            raise ImporterError(path, f"is a PDF whose compressed content expands to over "
                                      f"{(MAX_STREAM_BYTES if size > MAX_STREAM_BYTES else MAX_INFLATED_BYTES) >> 20} MB "
                                      "(a compression bomb, or a damaged file); it was not opened")


def _inflated_size(raw: memoryview, limit: int) -> int:
    """How many bytes the zlib stream ``raw`` inflates to, counted up to just past ``limit``."""
    inflater = zlib.decompressobj()
    total, pending = 0, bytes(raw)
    try:
        while pending and total <= limit:
            total += len(inflater.decompress(pending, _INFLATE_STEP))
            pending = inflater.unconsumed_tail
    except zlib.error:
        pass  # damaged or not zlib after all: PDFium decides
    return total


def _sniff(data: bytes) -> str:
    head = data[:512].lstrip().lower()
    if not head:
        return "the file is empty"
    if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head:
        return "it is a web page; save it as .html"
    if head.startswith(b"pk\x03\x04"):
        return "it is a ZIP archive or an Office document"
    if head.startswith((b"\x89png", b"\xff\xd8\xff", b"gif8")):
        return "it is an image"
    return "it does not start with the %PDF- header"


def _open(data: bytes, path: str) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == pdfium_c.FPDF_ERR_PASSWORD:
            reason = ("is password-protected (encrypted); open it in a PDF viewer, save or print an "
                      "unprotected copy, and import that")
        elif code == pdfium_c.FPDF_ERR_SECURITY:
            reason = "is protected by a security scheme that cannot be read; save an unprotected copy and import that"
        else:
            reason = f"is a damaged PDF that cannot be opened ({exc}); download it again"
        raise ImporterError(path, reason) from None


def _read_pages(data: bytes, path: str) -> list[Page]:
    doc = _open(data, path)
    try:
        count = len(doc)
        if count == 0:
            raise ImporterError(path, "is a damaged PDF (it has no pages); download it again")
        pages = []
        for index in range(count):
            try:
                page = doc[index]
            except pdfium.PdfiumError:
                raise ImporterError(path, f"is a damaged PDF (page {index + 1} cannot be read); download it again") from None
            try:
                pages.append(_read_page(page, index))
            finally:
                page.close()
    finally:
        doc.close()
    with_text = sum(1 for page in pages if page.has_text)
    if with_text == 0:
        raise ImporterError(path, "has no text layer (it is probably scanned images); run it through OCR "
                                  "(e.g. ocrmypdf) and import the result")
    if with_text * 2 < len(pages):
        raise ImporterError(path, f"has no text layer on most pages ({len(pages) - with_text} of {len(pages)} "
                                  "pages are images); run it through OCR (e.g. ocrmypdf) and import the result")
    return pages


def _unchecked(function: ctypes._CFuncPtr, restype: type) -> ctypes._CFuncPtr:
    """``function`` without pypdfium2's conversion of every argument by its declared type.

    That conversion costs more than the C call itself, and the geometry makes a
    few calls for every line of a report. Callers pass arguments already in
    their C form: the text page pointer, a Python int for an ``int`` and
    ``ctypes.byref`` for a pointer.
    """
    fast = type(function)(ctypes.cast(function, ctypes.c_void_p).value)
    fast.argtypes = None
    fast.restype = restype
    return fast


_CHAR_ORIGIN = _unchecked(pdfium_c.FPDFText_GetCharOrigin, ctypes.c_int)
_FONT_SIZE = _unchecked(pdfium_c.FPDFText_GetFontSize, ctypes.c_double)


class _Geometry:
    """Position and size of single characters of one text page, by text index."""

    def __init__(self, textpage: pdfium.PdfTextPage, text: str) -> None:
        self.raw = textpage.raw
        self.x, self.y = ctypes.c_double(), ctypes.c_double()
        self._x, self._y = ctypes.byref(self.x), ctypes.byref(self.y)
        # Text indices and PDFium's character indices agree unless PDFium left
        # characters out of the text, or a character outside the BMP took two
        # UTF-16 units; only then is each index translated.
        self.units: list[int] | None = None
        # A character outside the BMP takes two UTF-16 units (a quicker test than a search).
        astral = len(text.encode("utf-16-le", "surrogatepass")) != 2 * len(text)
        self.identity = pdfium_c.FPDFText_CountChars(self.raw) == len(text) and not astral
        if astral:
            units, total = [], 0
            for ch in text:
                units.append(total)
                total += 2 if ord(ch) > 0xFFFF else 1
            self.units = units

    def _char(self, index: int) -> int:
        if self.identity:
            return index
        unit = self.units[index] if self.units is not None else index
        return pdfium_c.FPDFText_GetCharIndexFromTextIndex(self.raw, unit)

    def size(self, index: int) -> float:
        return _FONT_SIZE(self.raw, self._char(index))

    def lines(self, spans: list[tuple[int, int, bool]]) -> list[tuple[float, float, float, float, float]]:
        """Each line's left edge, right edge, first and last baselines and size.

        ``spans`` holds the text indices of each line's first and last
        character and whether it ends on a digit. One loop for the page keeps
        the per-line cost to the C calls.
        """
        origin, font_size, raw, x, y, px, py = _CHAR_ORIGIN, _FONT_SIZE, self.raw, self.x, self.y, self._x, self._y
        char = None if self.identity else self._char
        shapes = []
        for first, last, digit_end in spans:
            if char is not None:
                first, last = char(first), char(last)
            origin(raw, first, px, py)
            x0, y0 = x.value, y.value
            origin(raw, last, px, py)
            size = font_size(raw, last)
            if digit_end:
                # A line may end on a small figure ("Board1"); size it by its start too.
                size = max(size, font_size(raw, first))
            # The last glyph's right edge, near enough: half an em past its origin.
            shapes.append((x0, x.value + 0.5 * size, y0, y.value, size))
        return shapes


def _lines(text: str) -> tuple[list[int], list[str]]:
    """The start and the text of each line; PDFium ends lines with CR LF."""
    if text.count("\r") == text.count("\n") == text.count("\r\n"):
        lines = text.split("\r\n")
        return list(accumulate([len(line) + 2 for line in lines[:-1]], initial=0)), lines
    starts, lines, start = [], [], 0
    for match in _LINE_BREAK.finditer(text + "\n"):
        starts.append(start)
        lines.append(text[start:match.start()])
        start = match.end()
    return starts, lines


def _read_page(page: pdfium.PdfPage, index: int) -> Page:
    width, height = page.get_size()
    textpage = page.get_textpage()
    try:
        text = textpage.get_text_range()
        geometry = _Geometry(textpage, text)
        text = _mark_superscripts(text, geometry)
        # One pass over the lines: blank ones dropped, each kept line's first and
        # last characters (for the geometry), and whether the PDF put a space after
        # its last word (it wrapped there).
        bodies: list[str] = []
        spans: list[tuple[int, int, bool]] = []
        soft_ends: list[bool] = []
        for start, raw in zip(*_lines(text)):
            body = raw.strip()
            if body:
                # The first character of ``body`` is the first that is not a space.
                first = start + raw.find(body[0])
                bodies.append(body)
                spans.append((first, first + len(body) - 1, body[-1].isdigit()))
                soft_ends.append(raw[-1] in " \t")
        shapes = geometry.lines(spans)
    finally:
        textpage.close()
    texts = clean_lines(bodies)
    lines = [
        Line(line_text, x0, x1, y, y_end, size, index, soft_end)
        for line_text, (x0, x1, y, y_end, size), soft_end in zip(texts, shapes, soft_ends)
        if line_text
    ]
    return Page(index=index, width=width, height=height, lines=lines, has_text=_has_text(texts))


def _has_text(texts: list[str]) -> bool:
    letters = 0
    for text in texts:
        letters += len(_LETTERS.findall(text))
        if letters >= _MIN_LETTERS_PER_PAGE:
            return True
    return False


def _mark_superscripts(text: str, geometry: _Geometry) -> str:
    """Write footnote markers printed small ("Board1") as superscript digits.

    A digit is a marker when it is printed clearly smaller than the letter it
    is glued to, or, leading a footnote, than the word after it. The text keeps
    its length, so indices into it still name PDFium's characters.
    """
    marks: list[tuple[int, int]] = []
    # Each line start follows a line break; the page's first line is given one.
    for lead in _LEADING_DIGITS.finditer("\n" + text):
        lead_start, lead_end = lead.start(1) - 1, lead.end(1) - 1
        after = lead_end
        while after < len(text) and text[after] in " \t":
            after += 1
        if after < len(text) and text[after] not in "\r\n" and _smaller(geometry, lead_start, after):
            marks.append((lead_start, lead_end))
    for match in _MARKER_DIGITS.finditer(text):
        # Markers are one or two digits after a word or its punctuation, glued
        # to it or a space apart; not a decimal's or a thousand's first digits.
        begin, stop = match.span()
        if stop + 1 < len(text) and text[stop] in ",." and text[stop + 1].isdigit():
            continue
        before = begin - 1 if text[begin - 1] != " " else begin - 2
        if _smaller(geometry, begin, before):
            marks.append((begin, stop))
    if not marks:
        return text
    chars = list(text)
    for begin, stop in marks:
        chars[begin:stop] = text[begin:stop].translate(SUPERSCRIPT_DIGITS)
    return "".join(chars)


def _smaller(geometry: _Geometry, index: int, neighbour: int) -> bool:
    size = geometry.size(neighbour)
    return size > 0 and geometry.size(index) < size * _SUPERSCRIPT_RATIO


def _merge_ranges(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
