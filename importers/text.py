"""Read a plain-text or Markdown file into sanitised text.

Bytes are decoded by their byte-order mark, else as UTF-8, else as Windows-1252
(the usual encoding of text saved on Windows), so a file is never rejected for
its encoding alone. Binary files are refused: NUL bytes or many control
characters mean it is not text. A saved web page's lists of other stories
("Most Read", "Related articles") are marked as furniture
(``importers.text_furniture``).
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from importers.model import IMPORTABLE_KINDS, ImporterError, Parsed
from importers.reading import read_source
from importers.sanitize import clean_text
from importers.text_furniture import furniture_spans

__all__ = ["decode_bytes", "read_text"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters that plain text does not hold (all below space but tab,
# newline, form feed, carriage return and escape).
_BINARY_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]")
_MARKDOWN_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", re.DOTALL)


def _utf16_without_bom(sample: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" where ``sample`` reads as UTF-16 saved without a byte-order mark.

    Text in a Latin script, so saved, has a NUL in every other byte (the high
    byte of each character) and almost none between; a binary file's NULs
    fall anywhere.
    """
    pairs = len(sample) // 2
    if pairs < 8:
        return None
    even, odd = sample[0:pairs * 2:2].count(0), sample[1:pairs * 2:2].count(0)
    if odd >= 0.6 * pairs and even <= 0.02 * pairs:
        return "utf-16-le"
    if even >= 0.6 * pairs and odd <= 0.02 * pairs:
        return "utf-16-be"
    return None


def decode_bytes(raw: bytes, path: str) -> str:
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError:
                raise ImporterError(path, f"the file starts with a {encoding} byte-order mark but is not valid {encoding}") from None
    sample = raw[:65536]
    utf16 = _utf16_without_bom(sample)
    if utf16:
        try:
            return raw.decode(utf16)
        except UnicodeDecodeError:
            pass  # not UTF-16 after all: judged as bytes below
    if b"\x00" in sample:
        raise ImporterError(path, f"looks like a binary file, not text (it contains NUL bytes); import {IMPORTABLE_KINDS} files")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    controls = len(_BINARY_CONTROLS.findall(text, 0, 65536))
    if controls > max(8, len(text[:65536]) // 50):
        raise ImporterError(path, "looks like a binary file, not text (too many control characters)")
    return text


def read_text(path: Path, source: str, markdown: bool = False) -> Parsed:
    raw = read_source(path, source)
    text = clean_text(decode_bytes(raw, source))
    if markdown:
        # Bold/italic markers are layout, not words; dropping them keeps spans on real text.
        text = _MARKDOWN_EMPHASIS.sub(r"\2", text)
    if not text.strip():
        raise ImporterError(source, "the file is empty (no text to import)")
    # A saved page's lists of other stories stay in the text but yield no facts.
    return Parsed(text=text, furniture=furniture_spans(text))
