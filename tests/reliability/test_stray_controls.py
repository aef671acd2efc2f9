"""A stray control character never cuts the text after it.

Real news text with its curly quotes turned into the common mojibake (UTF-8
read as Latin-1, which leaves U+009C and U+009D, the 8-bit string
terminator and OSC introducer, in the text), and an unterminated ``ESC ]``:
every word of the text survives import, as a .txt file and as a web page.
"""

from __future__ import annotations

import re

import pytest

from importers.pipeline import import_file
from importers.sanitize import STRING_LIMIT, clean_text
from tests.paths import SEEDS

# The seeds with curly quotes: real text whose mojibake holds C1 characters.
QUOTED = [seed for seed in SEEDS if "\u201d" in seed.read_text(encoding="utf-8")]


def _mojibake(text: str) -> str:
    return text.encode("utf-8").decode("latin-1")


def _words(text: str) -> list[str]:
    return re.findall(r"[A-Za-z0-9]+", text)


@pytest.mark.parametrize("seed", QUOTED, ids=lambda p: p.name[:3])
def test_mojibake_keeps_every_word(seed):
    text = seed.read_text(encoding="utf-8")
    broken = _mojibake(text)
    assert "\x9d" in broken
    # Mojibake adds a letter (the "â" of each quote) but must drop none.
    assert _words(clean_text(broken).replace("\u00e2", " ")) == _words(text)


@pytest.mark.parametrize("introducer", ["\x1b]", "\x1bP", "\x1b_", "\x9d", "\x90"])
def test_an_unterminated_string_sequence_removes_only_itself(introducer):
    text = SEEDS[0].read_text(encoding="utf-8")
    middle = len(text) // 2
    cleaned = clean_text(text[:middle] + introducer + text[middle:])
    assert _words(cleaned) == _words(clean_text(text))


def test_a_terminated_sequence_beyond_the_limit_is_not_swallowed_whole():
    body = "word " * (STRING_LIMIT // 5 + 10)
    cleaned = clean_text("\x1b]0;" + body + "\x07after")
    assert cleaned.count("word") == body.count("word") and cleaned.endswith("after")


def test_a_mojibake_text_file_imports_whole(tmp_path):
    seed = QUOTED[0]
    path = tmp_path / "story.txt"
    path.write_text(_mojibake(seed.read_text(encoding="utf-8")), encoding="utf-8")
    doc = import_file(path)
    assert _words(doc.text.replace("\u00e2", " ")) == _words(seed.read_text(encoding="utf-8"))


def test_a_mojibake_web_page_is_read_as_an_article(tmp_path):
    text = QUOTED[0].read_text(encoding="utf-8")
    paragraphs = "".join(f"<p>{line}</p>\n" for line in text.splitlines() if line.strip())
    page = f"<!doctype html><html><head><title>News</title></head><body><article>{paragraphs}</article></body></html>"
    path = tmp_path / "story.html"
    path.write_text(_mojibake(page), encoding="utf-8")
    doc = import_file(path)
    read = " ".join(_words(doc.text.replace("\u00e2", " ")))
    for line in filter(str.strip, text.splitlines()):
        assert " ".join(_words(line)) in read
