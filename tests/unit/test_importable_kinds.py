"""The kinds of file messages and prompts name (``importers.model.IMPORTABLE_KINDS``) are the
readers' (``importers.pipeline.READERS``): the phrase is written by hand, so this keeps it true."""

from __future__ import annotations

import re

from importers.model import IMPORTABLE_KINDS
from importers.pipeline import READERS

# Other spellings of one kind, which the phrase leaves out.
_SPELLED_OTHERWISE = {".text": ".txt", ".markdown": ".md", ".htm": ".html"}


def _named() -> list[str]:
    return re.findall(r"\.\w+", IMPORTABLE_KINDS)


def test_every_kind_named_has_a_reader():
    assert _named() and all(suffix in READERS for suffix in _named())


def test_every_reader_is_named_under_some_spelling():
    named = set(_named())
    assert {_SPELLED_OTHERWISE.get(suffix, suffix) for suffix in READERS} == named
