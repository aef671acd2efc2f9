"""The speaker check set (benchmarks/accuracy/speaker_check): pages labelled apart from both
halves of the accuracy set, scored with ``accuracy.py --labels``."""

from __future__ import annotations

import pytest

from benchmarks import accuracy
from tests.paths import SPEAKER_CHECK


def _rows() -> list[dict]:
    return accuracy.read_labels("labels.jsonl", SPEAKER_CHECK)


def _key(url: str) -> str:
    return url.split("://", 1)[-1].removeprefix("www.").rstrip("/").lower()


def test_every_check_label_quotes_its_own_page_and_scores_quotes_only():
    rows = _rows()
    assert len(rows) >= 15
    for row in rows:
        text = (accuracy.SET / row["file"]).read_text(encoding="utf-8")
        assert row["split"] == "check" and row["judgements"] is None, row["file"]
        for quote in row["quotes"]:
            assert quote["text"] in text, (row["file"], quote["text"][:40])


def test_no_check_page_is_a_page_of_either_half():
    halves = {_key(row["url"]) for row in accuracy.read_labels("prose*.jsonl") if row.get("url")}
    assert not [row["file"] for row in _rows() if _key(row["url"]) in halves]


def test_a_missing_label_file_is_named_not_a_traceback(tmp_path, capsys):
    missing = tmp_path / "labels.jsonl"
    with pytest.raises(SystemExit) as stop:
        accuracy.main(["--labels", str(missing), "--only", "prose"])
    assert str(missing) in str(stop.value) and "no such label file" in str(stop.value)
