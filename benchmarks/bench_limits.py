"""How import time grows with size, and on the inputs that once made it superlinear.

    .venv/bin/python benchmarks/bench_limits.py [--only NAME ...] [--timeout 300]

Each case imports one generated file (``import_paths`` into a new store, as
``ofsted-tui import`` does) in a child process, cut off at ``--timeout``
seconds, and prints its wall time and peak memory. The sizes are the
README's promises (25 MB of text, a 2,000-page PDF, each under 30 s); the
patterns are those the reliability review found quadratic (issue 15, item 9):
a doubling of their size should about double their time.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.measure import REPO, Table, child_json, emit_child, machine_line, reproduce, save_result, timed  # noqa: E402

__all__ = ["CASES", "main"]

_SEEDS = sorted((REPO / "corpus" / "haringey").glob("*.txt"))


def _text_of_mb(mb: float) -> str:
    text = "\n\n".join(path.read_text(encoding="utf-8") for path in _SEEDS)
    copies = int(mb * 2**20 / len(text.encode("utf-8"))) + 1
    return "\n\n".join([text] * copies)


def _pdf_of_pages(pages: int) -> bytes:
    from tests.reliability.samples import pdf_bytes

    lines = [line for line in _text_of_mb(0.05).splitlines() if line.strip()][:40]
    stream = " T* ".join("({}) Tj".format(line[:90].encode("latin-1", "replace").decode("latin-1")
                                          .replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)"))
                         for line in lines)
    page = f"BT /F1 10 Tf 13 TL 50 760 Td {stream} ET".encode("latin-1")
    return pdf_bytes([page] * pages)


def _page(body: str, head: str = "") -> str:
    article = "<p>" + " ".join(["Ofsted said the council's services for children are good."] * 10) + "</p>"
    return f"<!doctype html><html><head><title>News</title>{head}</head><body><article>{article}{body}</article></body></html>"


# name -> (file name, a maker of its content at a scale factor)
CASES: dict[str, tuple[str, Callable[[int], str | bytes]]] = {
    "text 1 MB": ("t.txt", lambda k: _text_of_mb(1 * k)),
    "text 4 MB": ("t.txt", lambda k: _text_of_mb(4 * k)),
    "text 24 MB": ("t.txt", lambda k: _text_of_mb(24 * k)),
    "pdf 400 pages": ("r.pdf", lambda k: _pdf_of_pages(400 * k)),
    "pdf 2000 pages": ("r.pdf", lambda k: _pdf_of_pages(2000 * k)),
    "'12 per cent, ' x 4000": ("s.txt", lambda k: "Rates rose by " + "12 per cent, " * 4000 * k + "in all.\n"),
    "'12% ' x 25000": ("s.txt", lambda k: "Rates rose by " + "12% " * 25000 * k + "in all.\n"),
    "'\"we will\" said Ann, ' x 16000": ("q.txt", lambda k: '"We will" said Ann, ' * 16000 * k + "\n"),
    "tag with 32k attributes": ("a.html", lambda k: _page("<div " + " ".join(f"a{n}=x" for n in range(32000 * k)) + ">x</div>")),
    "200k JSON-LD items": ("j.html", lambda k: _page("", '<script type="application/ld+json">['
                                                       + ",".join(['{"@type":"Thing"}'] * 200000 * k) + "]</script>")),
    "5 MB class attribute": ("c.html", lambda k: _page('<div class="' + "x " * (5 * 2**19 * k) + '">x</div>')),
}


def _run_case(name: str, scale: int) -> None:
    from ofsted_core.importing import import_paths
    from ofsted_core.store import Store

    file_name, make = CASES[name]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / file_name
        content = make(scale)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        size = path.stat().st_size
        del content
        seconds, report = timed(lambda: import_paths(Store(Path(tmp) / "db.json"), [str(path)]))
    outcome = "imported" if report.added else f"refused: {report.failed[0].reason[:50]}" if report.failed else "?"
    emit_child({"seconds": round(seconds, 2), "mb": round(size / 2**20, 2), "facts": report.facts, "outcome": outcome})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", nargs="*", help="case names (default: all)")
    parser.add_argument("--scale", type=int, default=1, help="multiply every size (2: check for linear growth)")
    parser.add_argument("--timeout", type=float, default=300)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        _run_case(args.child, args.scale)
        return 0
    table = Table(f"Import time by size and pattern (scale {args.scale}; cut off at {args.timeout:.0f} s)")
    results = {}
    for name in args.only or CASES:
        try:
            result = child_json([__file__, "--child", name, "--scale", str(args.scale)], timeout=args.timeout)
            value = (f"{result['seconds']:.1f} s for {result['mb']} MB, {result['facts']} facts, "
                     f"peak {result['peak_rss_mb']:.0f} MB, {result['outcome']}")
        except subprocess.TimeoutExpired:
            result, value = {"seconds": None}, f"over {args.timeout:.0f} s (cut off)"
        results[name] = result
        table.add(name, value)
    print(machine_line())
    table.print()
    print(reproduce("bench_limits.py", sys.argv[1:]))
    save_result("limits", results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
