"""Every target of the performance budget against the latest figures measured.

    .venv/bin/python benchmarks/summary.py [--docs 10000]

Reads the results the benchmark scripts saved under ``$OFSTED_BENCH_DIR``
(default /tmp/ofsted-bench) and prints one line per target: the figure, the
target, met or MISSED, and the script that measured it. A target with no
figure yet says which script to run.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench_import import TARGET_10K_S  # noqa: E402
from benchmarks.measure import BENCH_DIR, Table  # noqa: E402

__all__ = ["main"]


def _load(name: str) -> dict | None:
    try:
        return json.loads((BENCH_DIR / f"{name}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=10000)
    args = parser.parse_args(argv)
    docs = args.docs
    table = Table(f"Performance budget, {docs:,}-document figures (results in {BENCH_DIR})")
    missing = []

    imp = _load(f"import-{docs}")
    if imp:
        seconds = imp["import"]["seconds"]
        limit = TARGET_10K_S * docs / 10000
        table.add(f"import {docs:,} text documents", f"{seconds:.1f} s ({docs / seconds:.0f} docs/s)",
                  f"< {limit:.0f} s", seconds < limit)
        split = imp.get("overhead_split")
        if split is None:  # figures saved before the split was recorded
            steps = imp["import"]["steps"]
            split = (imp["import"]["seconds"] - steps["parse"]) / steps["parse"]
        table.add("store overhead over extraction", f"{split:.0%} in the import run "
                  f"({imp['overhead']:.0%} against the extract-only run)", "< 25%", split < 0.25)
        table.add("peak memory, import", f"{imp['import']['peak_rss_mb']:.0f} MiB", "< 500 MiB",
                  imp["import"]["peak_rss_mb"] < 500)
        table.add("db.json size", f"{imp['import']['db_bytes'] / 2**20:.1f} MiB")
        if "bulk_bytes" in imp["import"]:
            table.add("db.sqlite size (texts, facts, search index)", f"{imp['import']['bulk_bytes'] / 2**20:.1f} MiB")
        again = imp.get("reimport")
        if again:
            table.add("no-op re-import", f"{again['seconds']:.2f} s, {again['peak_rss_mb']:.0f} MiB",
                      "< 3 s, < 200 MiB", again["seconds"] < 3 and again["peak_rss_mb"] < 200)
        pdf = imp.get("pdf")
        if pdf:
            table.add("PDF import into a store / bare text", f"{pdf['store_ratio_cpu']:.2f}x CPU "
                      f"({pdf['store_ratio_wall']:.2f}x wall)", "<= 1.3x", pdf["store_ratio_cpu"] <= 1.3)
    else:
        missing.append(f"bench_import.py --docs {docs}")

    start = _load(f"startup-{docs}")
    if start:
        summary = start["summary"]
        base = summary["empty"]["first_frame"]
        table.add("empty Textual app, first frame", f"{base:.2f} s")
        for name, label in (("bundled", "bundled store"), (str(docs), f"{docs:,}-document store")):
            row = summary[name]
            table.add(f"start-up to filled timeline, {label}", f"{row['filled_frame']:.2f} s ({row['ratio']:.2f}x)",
                      f"< {row['target']}x", row["ratio"] < row["target"])
            if "documents_ready" in row:
                table.add(f"  every document read / search ready, {label}",
                          f"{row['documents_ready']:.2f} s / {row['search_ready']:.2f} s")
        table.add(f"peak memory, start-up on {docs:,}", f"{summary[str(docs)]['peak_rss_mb']:.0f} MiB", "< 200 MiB",
                  summary[str(docs)]["peak_rss_mb"] < 200)
    else:
        missing.append(f"bench_startup.py --docs {docs}")

    act = _load(f"interaction-{docs}")
    if act:
        summary = act["summary"]
        for kind, label in (("search", "search keystroke"), ("filter", "filter keystroke")):
            row = summary[kind]
            table.add(f"{label} to frame, p50 / p95", f"{row['p50']:.0f} / {row['p95']:.0f} ms", "p95 < 50 ms",
                      row["p95"] < 50)
        reader = summary["reader_open"]
        table.add("open the longest document in the reader", f"{reader['max']:.0f} ms max "
                  f"({reader['median']:.0f} median)", "< 100 ms", reader["max"] < 100)
        table.add("peak memory, interaction", f"{summary['peak_rss_mb']:.0f} MiB", "< 200 MiB",
                  summary["peak_rss_mb"] < 200)
    else:
        missing.append(f"bench_interaction.py --docs {docs}")

    cli = _load(f"cli-{docs}")
    if cli:
        seconds = cli["seconds"]
        for name in ("search", "timeline", "show"):
            table.add(f"ofsted-tui {name}, whole process", f"{seconds[name]:.2f} s", "< 0.3 s", seconds[name] < 0.3)
        if "timeline_json" in seconds:
            table.add("  timeline --json (the same events, no table drawn)", f"{seconds['timeline_json']:.2f} s")
        table.add("  grep -rli over the same files (floor)", f"{seconds['grep']:.2f} s")
        note = cli["note"]
        table.add("save a note: write and corpus (median / max)", f"{note['save_ms']:.0f} / {note['save_max_ms']:.0f} ms",
                  "< 100 ms", note["save_ms"] < 100)
    else:
        missing.append(f"bench_cli.py --docs {docs}")

    table.print()
    for source in (imp, start, act, cli):
        if source:
            m = source["machine"]
            print(f"machine: {m['cpu']}, {m['cores']} cores, {m['memory_gib']} GiB, {m['os']}, "
                  f"Python {m['python']}; load average {m.get('load', '?')} ({source['at']})")
            break
    for script in missing:
        print(f"no figures yet: run .venv/bin/python benchmarks/{script}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
