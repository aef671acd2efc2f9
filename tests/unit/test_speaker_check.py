"""The speaker check sets (benchmarks/accuracy/speaker_check and speaker_check2): pages labelled
apart from both halves of the accuracy set, scored with ``accuracy.py --labels``."""

from __future__ import annotations

import re

import pytest

from benchmarks import accuracy
from tests.paths import SPEAKER_CHECK, SPEAKER_CHECK2

CHECK_SETS = [SPEAKER_CHECK, SPEAKER_CHECK2]
# A quotation set out over paragraphs is labelled as one quote, its paragraphs joined with a
# space and without the mark that opens each paragraph; the page is read the same way.
_PARAGRAPH_BREAK = re.compile(r"\s*\n\s*[“\"‘']?")


def _rows(folder) -> list[dict]:
    return accuracy.read_labels("labels.jsonl", folder)


def _key(url: str) -> str:
    return url.split("://", 1)[-1].removeprefix("www.").rstrip("/").lower()


@pytest.mark.parametrize("folder", CHECK_SETS, ids=lambda f: f.name)
def test_every_check_label_quotes_its_own_page_and_scores_quotes_only(folder):
    rows = _rows(folder)
    assert len(rows) >= 13  # the smaller set, speaker_check2, has 13 pages
    for row in rows:
        text = (accuracy.SET / row["file"]).read_text(encoding="utf-8")
        joined = _PARAGRAPH_BREAK.sub(" ", text)
        assert row["split"] == "check" and row["judgements"] is None, row["file"]
        for quote in row["quotes"]:
            assert quote["text"] in text or quote["text"] in joined, (row["file"], quote["text"][:40])


@pytest.mark.parametrize("folder", CHECK_SETS, ids=lambda f: f.name)
def test_no_check_page_is_a_page_of_either_half(folder):
    halves = {_key(row["url"]) for row in accuracy.read_labels("prose*.jsonl") if row.get("url")}
    assert not [row["file"] for row in _rows(folder) if _key(row["url"]) in halves]


def test_the_two_check_sets_share_no_page():
    first = {_key(row["url"]) for row in _rows(SPEAKER_CHECK)}
    assert not [row["file"] for row in _rows(SPEAKER_CHECK2) if _key(row["url"]) in first]


def test_a_missing_label_file_is_named_not_a_traceback(tmp_path, capsys):
    missing = tmp_path / "labels.jsonl"
    with pytest.raises(SystemExit) as stop:
        accuracy.main(["--labels", str(missing), "--only", "prose"])
    assert str(missing) in str(stop.value) and "no such label file" in str(stop.value)
