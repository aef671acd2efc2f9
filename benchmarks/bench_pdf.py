"""PDF import speed: the reader against bare PDFium text extraction, in one run.

    .venv/bin/python benchmarks/bench_pdf.py [--rounds 15]

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
work on the machine more than the ratio does).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.measure import REPO, Table, machine_line, reproduce, save_result  # noqa: E402

__all__ = ["REPORTS", "import_vs_text", "main"]

REPORTS = REPO.parent / "shared" / "reports" / "haringey"
TARGET_RATIO = 1.3


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
    paths = sorted(REPORTS.glob("*.pdf")) if REPORTS.is_dir() else []
    if not paths:
        return None
    phases = {"bare": _bare, "reader": _reader, "import": _import}
    for fn in phases.values():  # load the libraries and warm the caches once
        fn(paths)
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in phases}
    for _ in range(rounds):
        for name, fn in phases.items():
            times[name].append(_clock(fn, paths))
    result: dict = {"reports": [p.name for p in paths], "rounds": rounds}
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
    result["rows"] = [
        ("PDF: bare pypdfium2 text, 4 reports", f"{bare['wall'] * 1000:.0f} ms ({bare['cpu'] * 1000:.0f} ms CPU)"),
        ("PDF: read_pdf (reader)", f"{reader['wall'] * 1000:.0f} ms ({reader['cpu'] * 1000:.0f} ms CPU)"),
        ("PDF: reader / bare", f"{result['ratio_cpu']:.2f}x CPU, {result['ratio_wall']:.2f}x wall"),
        ("PDF: import_file (reader + text rules)", f"{full['wall'] * 1000:.0f} ms ({full['cpu'] * 1000:.0f} ms CPU)"),
    ]
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=15, help="timed rounds of each phase (default 15)")
    args = parser.parse_args(argv)
    result = import_vs_text(args.rounds)
    if result is None:
        print(f"skipped: the real Ofsted reports are not at {REPORTS} (they are not part of the repository)")
        return 0
    table = Table(f"PDF import of {len(result['reports'])} Ofsted reports; median of {args.rounds} rounds")
    pages = _pages(result["reports"])
    for phase, label in (("bare", "bare pypdfium2 text extraction"), ("reader", "read_pdf (the reader)"),
                         ("import", "import_file (reader + text rules)")):
        figures = result[phase]
        table.add(label, f"{figures['wall'] * 1000:.0f} ms wall, {figures['cpu'] * 1000:.0f} ms CPU "
                         f"(best {figures['cpu_best'] * 1000:.0f} ms CPU)")
    table.add("reader / bare, CPU", f"{result['ratio_cpu']:.2f}x", f"<= {TARGET_RATIO}x",
              result["ratio_cpu"] <= TARGET_RATIO)
    table.add("reader / bare, wall", f"{result['ratio_wall']:.2f}x")
    table.add("reader / bare, CPU, median of rounds", f"{result['ratio_cpu_rounds']:.2f}x")
    table.add("import / bare, CPU, median of rounds", f"{result['import_ratio_cpu']:.2f}x")
    table.add("pages", str(pages))
    table.print()
    print(f"machine: {machine_line()}")
    print(reproduce("bench_pdf.py", ["--rounds", str(args.rounds)]))
    save_result("pdf", result)
    return 0


def _pages(names: list[str]) -> int:
    import pypdfium2 as pdfium

    return sum(len(pdfium.PdfDocument(REPORTS / name)) for name in names)


if __name__ == "__main__":
    sys.exit(main())
