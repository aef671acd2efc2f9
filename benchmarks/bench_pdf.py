"""PDF import speed: the reader against bare PDFium text extraction, in one run.

    .venv/bin/python benchmarks/bench_pdf.py [--rounds 15] [--baseline DIR] [--same-output DIR] [--instructions] [--national N]

On the real Ofsted reports in ../shared/reports/haringey (skipped, with the
reason, where they are absent), each round times, one after the other so a
burst of load on the machine hits them alike:

- bare: pypdfium2 opens each PDF and extracts every page's text, nothing more;
- reader: ``importers.pdf.read_pdf`` (text and geometry, re-flowed text,
  furniture, metadata, the judgement table and other layout facts);
- import: ``importers.pipeline.import_file`` (the reader plus every text rule).

Caches keyed on a document's text are emptied before each timed phase, so
every round reads the reports as a first import does.

Figures are the median over rounds of the wall and CPU time for all reports;
the target is reader / bare <= 1.3 in CPU time (wall time moves with other
work on the machine more than the ratio does). The text rules alone are the
import less the reader: what any import of the same text would cost, however
it was read.

With ``--baseline DIR`` (a source tree of other code, e.g. ``git archive main |
tar -x -C DIR``) the same phases run with that tree's importers too, in child
processes taking turns with this tree's, so both meet the same load. With
``--same-output DIR`` every report under ../shared/reports (national and
haringey) is imported by this tree and by DIR's, and the two outputs (text,
furniture, page starts, metadata, every fact) are compared byte for byte.
With ``--instructions`` each phase's instructions per round are counted
under valgrind (cachegrind), which other work on the machine does not move:
the ratios to compare on a loaded machine (several minutes). With
``--national N`` every phase reads N reports of each era from
../shared/reports/national instead (the single inspection framework's,
published to 2017, and the ILACS framework's, from 2019; spread evenly over
each era's files in name order), to see that a change to the Haringey
figures holds for other councils' reports.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import math
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.measure import REPO, Table, child_json, emit_child, machine_line, reproduce, save_result  # noqa: E402

__all__ = ["REPORTS", "differing", "import_vs_text", "main"]

REPORTS = REPO.parent / "shared" / "reports" / "haringey"
NATIONAL = REPO.parent / "shared" / "reports" / "national"
# Every real report, for the check that two trees read them the same.
ALL_REPORTS = (NATIONAL, REPORTS)
# The national reports' eras by the year their file names end on: SIF reports were
# published 2013-2017 (and early 2018), ILACS ones from 2019 (2018 mixes the two).
_ERAS = {"SIF": range(2013, 2018), "ILACS": range(2019, 2100)}
_YEAR_OF_FILE = re.compile(r"(\d{4})\.pdf$")
# How many national reports of each era the phases read instead of Haringey's (0: Haringey's).
_national_per_era = 0
TARGET_RATIO = 1.3
# Timed rounds per child process when two trees take turns (--baseline).
_ROUNDS_PER_TURN = 3


def _bare(paths: list[Path]) -> int:
    import pypdfium2 as pdfium

    chars = 0
    for path in paths:
        document = pdfium.PdfDocument(path)
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            chars += len(textpage.get_text_range())
            textpage.close()
            page.close()
        document.close()
    return chars


def _reader(paths: list[Path]) -> int:
    from importers.pdf import read_pdf

    return sum(len(read_pdf(path).text) for path in paths)


def _import(paths: list[Path]) -> int:
    from importers.pipeline import import_file

    return sum(len(import_file(path).facts) for path in paths)


def _forget_texts() -> None:
    """Empty the importers' caches keyed on a document's text.

    Rules share work through them within one import; across rounds they would
    hand the second import of the same report the first one's answers, which no
    real import gets.
    """
    for name, module in list(sys.modules.items()):
        if name == "importers" or name.startswith("importers."):
            for value in vars(module).values():
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()


def _clock(fn: Callable[[list[Path]], int], paths: list[Path]) -> tuple[float, float]:
    _forget_texts()
    wall, cpu = time.perf_counter(), time.process_time()
    fn(paths)
    return time.perf_counter() - wall, time.process_time() - cpu


def import_vs_text(rounds: int = 15) -> dict | None:
    """Median wall and CPU seconds for bare extraction, the reader and the import; None without reports."""
    paths = _paths()
    if not paths:
        return None
    return _summary(_timed_rounds(paths, rounds), paths)


def _paths() -> list[Path]:
    if _national_per_era:
        return _national_sample(_national_per_era)
    return sorted(REPORTS.glob("*.pdf")) if REPORTS.is_dir() else []


def _national_sample(per_era: int) -> list[Path]:
    """``per_era`` national reports of each era, spread evenly over its files in name order."""
    if not NATIONAL.is_dir():
        return []
    files = sorted(NATIONAL.rglob("*.pdf"))
    sample: list[Path] = []
    for years in _ERAS.values():
        era = [p for p in files if (year := _YEAR_OF_FILE.search(p.name)) and int(year.group(1)) in years]
        step = max(1, len(era) // per_era)
        sample += era[::step][:per_era]
    return sample


def _timed_rounds(paths: list[Path], rounds: int) -> dict[str, list[tuple[float, float]]]:
    """(wall, CPU) seconds of each phase in each round."""
    phases = {"bare": _bare, "reader": _reader, "import": _import}
    for fn in phases.values():  # load the libraries and warm the caches once
        fn(paths)
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in phases}
    for _ in range(rounds):
        for name, fn in phases.items():
            times[name].append(_clock(fn, paths))
    return times


def _summary(times: dict[str, list[tuple[float, float]]], paths: list[Path]) -> dict:
    result: dict = {"reports": [p.name for p in paths], "rounds": len(times["bare"])}
    for name, runs in times.items():
        result[name] = {
            "wall": statistics.median(w for w, _ in runs), "cpu": statistics.median(c for _, c in runs),
            "wall_best": min(w for w, _ in runs), "cpu_best": min(c for _, c in runs),
        }
    bare, reader, full = result["bare"], result["reader"], result["import"]
    result["ratio_cpu"] = reader["cpu"] / bare["cpu"]
    result["ratio_wall"] = reader["wall"] / bare["wall"]
    # Each round's phases run back to back, so the ratio within a round is
    # steadier than the ratio of medians when other work comes and goes.
    result["ratio_cpu_rounds"] = statistics.median(
        r[1] / b[1] for r, b in zip(times["reader"], times["bare"]))
    result["import_ratio_cpu"] = statistics.median(
        i[1] / b[1] for i, b in zip(times["import"], times["bare"]))
    result["rules_ratio_cpu"] = statistics.median(
        (i[1] - r[1]) / b[1] for i, r, b in zip(times["import"], times["reader"], times["bare"]))
    result["rows"] = [
        (f"PDF: bare pypdfium2 text, {len(paths)} reports", f"{bare['wall'] * 1000:.0f} ms ({bare['cpu'] * 1000:.0f} ms CPU)"),
        ("PDF: read_pdf (reader)", f"{reader['wall'] * 1000:.0f} ms ({reader['cpu'] * 1000:.0f} ms CPU)"),
        ("PDF: reader / bare", f"{result['ratio_cpu']:.2f}x CPU, {result['ratio_wall']:.2f}x wall"),
        ("PDF: import_file (reader + text rules)", f"{full['wall'] * 1000:.0f} ms ({full['cpu'] * 1000:.0f} ms CPU)"),
    ]
    return result


# --- another tree's importers, in a child process ------------------------------------


def _child(tree: Path, rounds: int) -> None:
    """Time the phases with ``tree``'s importers (this file's clocks) and hand the runs to the parent."""
    _use_tree(tree)
    emit_child({"times": _timed_rounds(_paths(), rounds)})


def _use_tree(tree: Path) -> None:
    """Import ``importers`` from ``tree`` from now on (this script's own modules stay as they are)."""
    if any(name == "importers" or name.startswith("importers.") for name in sys.modules):
        raise RuntimeError("importers was imported before the tree was chosen")
    sys.path.insert(0, str(tree))


def _taking_turns(trees: list[Path], rounds: int) -> dict[Path, dict[str, list[tuple[float, float]]]]:
    """Each tree's runs, its children taking turns a few rounds at a time."""
    by_tree: dict[Path, dict[str, list[tuple[float, float]]]] = {tree: {} for tree in trees}
    per_turn = min(rounds, _ROUNDS_PER_TURN)
    for _ in range(math.ceil(rounds / per_turn)):
        for tree in trees:
            times = child_json([str(Path(__file__).resolve()), "--child", str(tree), "--rounds", str(per_turn),
                                *_sample_args()])["times"]
            for phase, runs in times.items():
                by_tree[tree].setdefault(phase, []).extend(tuple(run) for run in runs)
    return by_tree


# --- instructions, which load does not move -------------------------------------------

_PHASES = ("bare", "reader", "import")
_IREFS = re.compile(r"I\s+refs:\s+([\d,]+)")


def _repeat(tree: Path, phase: str, times: int) -> None:
    """Run ``phase`` with ``tree``'s importers once to warm up, then ``times`` times more."""
    _use_tree(tree)
    fn = {"bare": _bare, "reader": _reader, "import": _import}[phase]
    paths = _paths()
    fn(paths)
    for _ in range(times):
        _forget_texts()
        fn(paths)


def _instructions(tree: Path, phase: str, times: int) -> int:
    """Instructions the whole child run of ``_repeat`` executed, counted by cachegrind."""
    cmd = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
           sys.executable, str(Path(__file__).resolve()), "--child", str(tree), "--phase", phase, "--repeat", str(times),
           *_sample_args()]
    # A fixed hash seed: set and dict orders, and so the work, are the same in every run.
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO, env={**os.environ, "PYTHONHASHSEED": "0"})
    found = _IREFS.search(proc.stderr)
    if proc.returncode or not found:
        raise RuntimeError(f"valgrind failed (exit {proc.returncode}): {proc.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def instructions_per_round(tree: Path) -> dict[str, float]:
    """Instructions of one round of each phase: two rounds' count less a run's start and warm-up."""
    return {phase: (_instructions(tree, phase, 2) - _instructions(tree, phase, 0)) / 2 for phase in _PHASES}


def _sample_args() -> list[str]:
    """The option that gives a child process the same reports."""
    return ["--national", str(_national_per_era)] if _national_per_era else []


def _sample_name() -> str:
    return f"{len(_paths())} national reports" if _national_per_era else "the Haringey reports"


def _print_instructions(trees: list[Path]) -> dict[str, dict[str, float]]:
    counts = {str(tree): instructions_per_round(tree) for tree in trees}
    table = Table(f"PDF import of {_sample_name()}, instructions per round (valgrind cachegrind)")
    for tree, count in counts.items():
        bare = count["bare"]
        table.add(f"{Path(tree).name}: bare / reader / import", " / ".join(f"{count[p] / 1e6:.0f} M" for p in _PHASES))
        table.add(f"{Path(tree).name}: reader / bare, import / bare, text rules / bare",
                  f"{count['reader'] / bare:.3f}x, {count['import'] / bare:.3f}x, "
                  f"{(count['import'] - count['reader']) / bare:.3f}x")
    table.print()
    return counts


# --- the same output from two trees ----------------------------------------------------


def _dump(out: Path) -> int:
    """Write every real report's import (all of it) as one JSON line each; how many were written."""
    from importers.model import ImporterError
    from importers.pipeline import import_file

    paths = sorted(p for folder in ALL_REPORTS if folder.is_dir() for p in folder.rglob("*.pdf"))
    with out.open("w", encoding="utf-8") as handle:
        for path in paths:
            try:
                row = dataclasses.asdict(import_file(path))
            except ImporterError as exc:
                row = {"source": str(path), "error": exc.reason}
            handle.write(json.dumps(row, sort_keys=True, ensure_ascii=False) + "\n")
    return len(paths)


def _same_output(other: Path) -> tuple[int, list[str]]:
    """How many reports both trees read, and the sources whose imports differ."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="ofsted-bench-pdf-") as tmp:
        mine, theirs = Path(tmp) / "this.jsonl", Path(tmp) / "other.jsonl"
        script = str(Path(__file__).resolve())
        child_json([script, "--dump", str(mine), "--child", str(REPO)])
        child_json([script, "--dump", str(theirs), "--child", str(other)])
        a = mine.read_text(encoding="utf-8").splitlines()
        b = theirs.read_text(encoding="utf-8").splitlines()
    return len(a), differing(a, b)


def differing(mine: list[str], theirs: list[str]) -> list[str]:
    """The sources of the reports whose dumped imports (JSON lines, in the same order) differ."""
    differ = [json.loads(x).get("source", "?") for x, y in zip(mine, theirs) if x != y]
    if len(mine) != len(theirs):
        differ.append(f"({len(mine)} reports here, {len(theirs)} there)")
    return differ


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=15, help="timed rounds of each phase (default 15)")
    parser.add_argument("--baseline", type=Path, help="a source tree of other code, timed in turn in the same run")
    parser.add_argument("--same-output", type=Path, metavar="DIR",
                        help="check that DIR's code imports every real report exactly as this tree's does")
    parser.add_argument("--instructions", action="store_true",
                        help="count each phase's instructions under valgrind instead of timing it")
    parser.add_argument("--national", type=int, default=0, metavar="N",
                        help="read N national reports of each era (SIF, ILACS) instead of the Haringey reports")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--dump", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--phase", choices=_PHASES, help=argparse.SUPPRESS)
    parser.add_argument("--repeat", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    global _national_per_era
    _national_per_era = max(0, args.national)
    if args.child:
        if args.dump:
            _use_tree(args.child)
            emit_child({"reports": _dump(args.dump)})
        elif args.phase:
            _repeat(args.child, args.phase, args.repeat)
        else:
            _child(args.child, args.rounds)
        return 0
    if not _paths():
        print(f"skipped: the real Ofsted reports are not at {NATIONAL if _national_per_era else REPORTS} "
              "(they are not part of the repository)")
        return 0
    if args.instructions:
        if shutil.which("valgrind") is None:
            print("skipped: --instructions needs valgrind (apt-get install valgrind)")
            return 0
        trees = [REPO] + ([args.baseline.resolve()] if args.baseline else [])
        save_result("pdf_instructions", {"instructions": _print_instructions(trees), "reports": _sample_name()})
        print(reproduce("bench_pdf.py", ["--instructions"] + (["--baseline", str(args.baseline)] if args.baseline else [])
                        + _sample_args()))
        return 0
    if args.same_output:
        count, differ = _same_output(args.same_output.resolve())
        print(f"{count} reports imported by this tree and by {args.same_output}: "
              + ("the same, byte for byte" if not differ else f"{len(differ)} differ: " + "; ".join(differ[:10])))
        return 1 if differ else 0
    if args.baseline:
        by_tree = _taking_turns([REPO, args.baseline.resolve()], args.rounds)
        result = _summary(by_tree[REPO], _paths())
        base = _summary(by_tree[args.baseline.resolve()], _paths())
        result["baseline"] = {"tree": str(args.baseline), **{k: base[k] for k in (
            "bare", "reader", "import", "ratio_cpu", "ratio_cpu_rounds", "import_ratio_cpu", "rules_ratio_cpu")}}
    else:
        result = import_vs_text(args.rounds)
    _print(result, args)
    save_result("pdf", result)
    return 0


def _print(result: dict, args: argparse.Namespace) -> None:
    table = Table(f"PDF import of {len(result['reports'])} Ofsted reports; median of {result['rounds']} rounds")
    pages = _pages(_paths())
    for phase, label in (("bare", "bare pypdfium2 text extraction"), ("reader", "read_pdf (the reader)"),
                         ("import", "import_file (reader + text rules)")):
        figures = result[phase]
        table.add(label, f"{figures['wall'] * 1000:.0f} ms wall, {figures['cpu'] * 1000:.0f} ms CPU "
                         f"(best {figures['cpu_best'] * 1000:.0f} ms CPU)")
    table.add("reader / bare, CPU", f"{result['ratio_cpu']:.2f}x", f"<= {TARGET_RATIO}x",
              result["ratio_cpu"] <= TARGET_RATIO)
    table.add("reader / bare, wall", f"{result['ratio_wall']:.2f}x")
    table.add("reader / bare, CPU, median of rounds", f"{result['ratio_cpu_rounds']:.2f}x")
    table.add("import / bare, CPU, median of rounds", f"{result['import_ratio_cpu']:.2f}x", f"<= {TARGET_RATIO}x",
              result["import_ratio_cpu"] <= TARGET_RATIO)
    table.add("  the text rules alone (import less reader) / bare", f"{result['rules_ratio_cpu']:.2f}x")
    base = result.get("baseline")
    if base:
        name = Path(base["tree"]).name
        for key, label in (("ratio_cpu_rounds", "reader / bare"), ("import_ratio_cpu", "import / bare"),
                           ("rules_ratio_cpu", "text rules / bare")):
            table.add(f"  {label} against {name} (same run)", f"{base[key]:.2f}x -> {result[key]:.2f}x")
        for phase in ("bare", "reader", "import"):
            table.add(f"  {phase} CPU against {name} (same run)",
                      f"{base[phase]['cpu'] * 1000:.0f} -> {result[phase]['cpu'] * 1000:.0f} ms, "
                      f"x{result[phase]['cpu'] / base[phase]['cpu']:.2f}")
    table.add("pages", str(pages))
    table.print()
    print(f"machine: {machine_line()}")
    again = ["--rounds", str(args.rounds)] + (["--baseline", str(args.baseline)] if args.baseline else []) + _sample_args()
    print(reproduce("bench_pdf.py", again))


def _pages(paths: list[Path]) -> int:
    import pypdfium2 as pdfium

    return sum(len(pdfium.PdfDocument(path)) for path in paths)


if __name__ == "__main__":
    sys.exit(main())
