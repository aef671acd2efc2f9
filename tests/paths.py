"""Where the tests find the repository, its corpus and the real reports."""

from __future__ import annotations

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

# The accuracy set's real prose (benchmarks/accuracy/README.md); rules are
# tested on its dev half only.
ACCURACY_PROSE = REPO / "benchmarks" / "accuracy" / "prose"


def prose_text(name: str) -> str:
    """The text of one real prose document of the accuracy set."""
    return (ACCURACY_PROSE / name).read_text(encoding="utf-8")

# The speaker check set: real pages labelled apart from both halves, for checking that a
# speaker rule written from the dev half reads other publishers' pages too.
SPEAKER_CHECK = REPO / "benchmarks" / "accuracy" / "speaker_check"


def speaker_check_text(name: str) -> str:
    """The text of one page of the speaker check set."""
    return (SPEAKER_CHECK / name).read_text(encoding="utf-8")

# The area check set: real pages grading areas in prose, labelled apart from both halves
# (benchmarks/accuracy/README.md, "The area check set").
AREA_CHECK = REPO / "benchmarks" / "accuracy" / "area_check"


def area_check_text(name: str) -> str:
    """The text of one page of the area check set."""
    return (AREA_CHECK / name).read_text(encoding="utf-8")


# The year check set: real pages labelled apart from both halves (issue 11), for checking
# that a rule dating prose grades reads other publishers' pages too.
YEAR_CHECK = REPO / "benchmarks" / "accuracy" / "year_check"


def year_check_text(name: str) -> str:
    """The text of one page of the year check set."""
    return (YEAR_CHECK / name).read_text(encoding="utf-8")
