"""Where the tests find the repository, its corpus and the real reports."""

from __future__ import annotations

from functools import partial
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "corpus"
SEEDS = sorted((CORPUS / "haringey").glob("*.txt"))
REPORTS = REPO.parent / "shared" / "reports" / "haringey"
# Real reports on other councils, and which of them rules may be written from ("dev") or scored on ("test").
NATIONAL = REPO.parent / "shared" / "reports" / "national"
REPORT_SPLIT = REPO / "benchmarks" / "accuracy" / "report_split.json"


def seed_text(prefix: str) -> str:
    """The text of the seed whose file name starts with ``prefix`` (e.g. "000")."""
    (path,) = [p for p in SEEDS if p.name.startswith(prefix)]
    return path.read_text(encoding="utf-8")

# The accuracy set's real prose (benchmarks/accuracy/README.md); rules are tested on its dev
# half only, and on its check sets: real pages labelled apart from both halves, for checking
# that a rule written from the dev half reads other publishers' pages too.
ACCURACY = REPO / "benchmarks" / "accuracy"
ACCURACY_PROSE = ACCURACY / "prose"
SPEAKER_CHECK = ACCURACY / "speaker_check"
SPEAKER_CHECK2 = ACCURACY / "speaker_check2"
YEAR_CHECK = ACCURACY / "year_check"


def accuracy_text(folder: str, name: str) -> str:
    """The text of one page of the accuracy set's ``folder`` ("prose", "area_check", ...)."""
    return (ACCURACY / folder / name).read_text(encoding="utf-8")


prose_text = partial(accuracy_text, "prose")
speaker_check_text = partial(accuracy_text, "speaker_check")
speaker_check2_text = partial(accuracy_text, "speaker_check2")
area_check_text = partial(accuracy_text, "area_check")
year_check_text = partial(accuracy_text, "year_check")
