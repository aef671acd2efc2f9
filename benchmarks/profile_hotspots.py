"""Where the time goes: cProfile of each benchmarked path, the top functions printed.

    .venv/bin/python benchmarks/profile_hotspots.py extract --docs 1000
    .venv/bin/python benchmarks/profile_hotspots.py store --docs 10000
    .venv/bin/python benchmarks/profile_hotspots.py load --docs 10000
    .venv/bin/python benchmarks/profile_hotspots.py imports
    .venv/bin/python benchmarks/profile_hotspots.py keys --docs 10000
    .venv/bin/python benchmarks/profile_hotspots.py reader --docs 10000

- extract: reading and extracting the generated corpus (no store);
- store: the import's store step alone (document and fact rows, events, the write);
- load: what the explorer does before its timeline fills (read the store,
  build the corpus, the facet index and the search index);
- imports: the slowest modules to import when the explorer starts (-X importtime);
- keys: search box and filter key presses in the running app (main thread);
- reader: opening the longest document in the reader.

Each prints the functions with the most time of their own and the most time
including callees; ``--save FILE`` keeps the profile for snakeviz or pstats.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import io
import pstats
import subprocess
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.measure import REPO, corpus_dir  # noqa: E402

__all__ = ["main"]


def _report(profile: cProfile.Profile, top: int, save: str | None) -> None:
    if save:
        profile.dump_stats(save)
    for order in ("tottime", "cumulative"):
        out = io.StringIO()
        stats = pstats.Stats(profile, stream=out)
        stats.sort_stats(order).print_stats(top)
        lines = out.getvalue().splitlines()
        start = next((i for i, line in enumerate(lines) if line.strip().startswith("ncalls")), 0)
        print(f"-- by {order} --")
        print("\n".join(line.replace(str(REPO) + "/", "") for line in lines[start:] if line.strip()))


def _extract(docs: int) -> cProfile.Profile:
    from benchmarks.generate_corpus import ensure_corpus
    from ofsted_core.importing import parse_files

    corpus = corpus_dir(docs)
    ensure_corpus(corpus, docs)
    profile = cProfile.Profile()
    # One process: the profile sees only the process it runs in.
    profile.runcall(parse_files, [str(corpus)], workers=1)
    return profile


def _store(docs: int) -> cProfile.Profile:
    import datetime as dt
    import tempfile

    from benchmarks.generate_corpus import ensure_corpus
    from ofsted_core.importing import ImportReport, apply_documents, parse_files, prepare_documents
    from ofsted_core.store import Store

    corpus = corpus_dir(docs)
    ensure_corpus(corpus, docs)
    parsed, _ = parse_files([str(corpus)])
    now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    profile = cProfile.Profile()
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "db.json")

        def step() -> None:
            with store.transaction() as data:
                apply_documents(data, prepare_documents(parsed, now), ImportReport())

        profile.runcall(step)
    return profile


def _load(docs: int) -> cProfile.Profile:
    from benchmarks.stores import generated_store
    from ofsted_core.corpus import load_corpus
    from ofsted_core.filters import FacetIndex
    from ofsted_core.store import Store

    db = generated_store(docs)

    def load() -> None:
        corpus = load_corpus(Store(db))
        FacetIndex.from_corpus(corpus)
        corpus.search_index  # noqa: B018 - built on first use

    profile = cProfile.Profile()
    profile.runcall(load)
    return profile


def _imports(top: int) -> None:
    result = subprocess.run([sys.executable, "-X", "importtime", "-c", "import ofsted_tui.app"],
                            capture_output=True, text=True, cwd=REPO)
    rows = []
    for line in result.stderr.splitlines():
        # "import time:   self [us] | cumulative | imported package"
        if line.startswith("import time:") and "|" in line:
            own, total, name = (part.strip() for part in line[len("import time:"):].split("|"))
            if own.isdigit():
                rows.append((int(total), int(own), name))
    groups: dict[str, int] = {}
    for _, own, name in rows:
        package = name.split(".")[0]
        groups[package] = groups.get(package, 0) + own
    print("own import time by top-level package (ms), importing ofsted_tui.app:")
    for package, own in sorted(groups.items(), key=lambda kv: -kv[1])[:15]:
        print(f"  {own / 1000:8.1f}  {package}")
    print(f"  {sum(groups.values()) / 1000:8.1f}  all")
    print("slowest modules of this project, own time (ms):")
    ours = [(own, name) for _, own, name in rows if name.split(".")[0] in ("ofsted_tui", "importers")]
    for own, name in sorted(ours, reverse=True)[:top]:
        print(f"  {own / 1000:8.1f}  {name}")


async def _drive_keys(db: Path, profile: cProfile.Profile) -> None:
    from ofsted_tui.app import make_app

    app = make_app(db)
    async with app.run_test(size=(160, 48)) as pilot:
        while not (app.corpus is not None and app.search_ready):
            await pilot.pause(0.05)
        main = app.main_screen
        await pilot.press("slash")
        profile.enable()
        for char in "children in care":
            await pilot.press("space" if char == " " else char)
        await pilot.press("ctrl+u")
        await pilot.press("escape")
        main.query_one("#facet-authorities").focus()
        for key in ("space", "down", "space", "space", "up", "space"):
            await pilot.press(key)
        profile.disable()


async def _drive_reader(db: Path, profile: cProfile.Profile) -> None:
    from ofsted_tui.app import make_app

    app = make_app(db)
    async with app.run_test(size=(160, 48)) as pilot:
        while not (app.corpus is not None and app.search_ready):
            await pilot.pause(0.05)
        from benchmarks.stores import longest_document

        longest_id, _ = longest_document(db)
        for attempt in range(2):  # the first opening warms the corpus's lazy indexes
            if attempt:
                profile.enable()
            app.open_document(longest_id)
            while not _reader_shown(app):
                await asyncio.sleep(0.001)
            await pilot.pause()
            profile.disable()
            await pilot.press("escape")
            await pilot.pause()


def _reader_shown(app) -> bool:  # type: ignore[no-untyped-def]
    """The reader is on screen with its text laid out (not merely pushed)."""
    if type(app.screen).__name__ != "ReaderScreen":
        return False
    views = app.screen.query("#reader-document")
    return bool(views) and views.first().virtual_size.height > 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("what", choices=("extract", "store", "load", "imports", "keys", "reader"))
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--save", help="write the raw profile to this file")
    args = parser.parse_args(argv)
    if args.what == "imports":
        _imports(args.top)
        return 0
    started = time.perf_counter()
    if args.what in ("keys", "reader"):
        from benchmarks.stores import generated_store

        profile = cProfile.Profile()
        drive = _drive_keys if args.what == "keys" else _drive_reader
        asyncio.run(drive(generated_store(args.docs), profile))
    else:
        profile = {"extract": _extract, "store": _store, "load": _load}[args.what](args.docs)
    print(f"{args.what} on {args.docs:,} documents: {time.perf_counter() - started:.1f} s with the profiler on")
    _report(profile, args.top, args.save)
    return 0


if __name__ == "__main__":
    sys.exit(main())
