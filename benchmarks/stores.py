"""The stores the start-up and interaction benchmarks open, built when missing or stale.

- the bundled store: the repository's ``db.json``; where it is not built yet,
  one made from ``corpus/`` the way the README says (``ofsted-tui rebuild``);
- the generated stores: ``$OFSTED_BENCH_DIR/db-<docs>.json``, the generated
  corpus imported with ``import_paths``.

A built store carries a stamp of the generator and of the importing code's
source; when either changes, the store is built again, so figures never come
from a store the current code would not write (unless
``OFSTED_BENCH_REUSE_STORES=1`` says to keep it while that code is in flux).
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.measure import BENCH_DIR, REPO, corpus_dir  # noqa: E402

__all__ = [
    "REUSE_ENV", "bundled_store", "code_stamp", "generated_store", "generated_store_path", "mark_built",
]

# Set to reuse a store built by earlier importing code (while that code is being edited).
REUSE_ENV = "OFSTED_BENCH_REUSE_STORES"

# The code whose output a store is: extraction, the pipeline and the store layout.
_STAMPED = ("importers", "ofsted_core/importing.py", "ofsted_core/store.py", "ofsted_core/timeline.py",
            "ofsted_core/annotations.py", "ofsted_core/sources.py")


def code_stamp() -> str:
    digest = hashlib.sha256()
    for name in _STAMPED:
        root = REPO / name
        files = sorted(root.rglob("*.py")) if root.is_dir() else [root]
        for path in files:
            if path.is_file():
                digest.update(str(path.relative_to(REPO)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def _stamp_path(db: Path) -> Path:
    return db.with_name(db.name + ".stamp")


def _fresh(db: Path, stamp: dict) -> bool:
    try:
        written = json.loads(_stamp_path(db).read_text())
    except (OSError, ValueError):
        return False
    if not db.is_file():
        return False
    if written == stamp:
        return True
    if os.environ.get(REUSE_ENV) and {k: v for k, v in written.items() if k != "code"} == {
            k: v for k, v in stamp.items() if k != "code"}:
        print(f"note: {db} was built by other importing code; reused because {REUSE_ENV} is set",
              file=sys.stderr)
        return True
    return False


def bundled_store() -> Path:
    """The repository's db.json, or one rebuilt from corpus/ where it is not there yet."""
    shipped = REPO / "db.json"
    if shipped.is_file():
        return shipped
    db = BENCH_DIR / "db-bundled.json"
    stamp = {"corpus": "corpus/", "code": code_stamp()}
    if not _fresh(db, stamp):
        BENCH_DIR.mkdir(parents=True, exist_ok=True)
        from ofsted_core.store import Store

        db.unlink(missing_ok=True)
        Store(db).bulk.path.unlink(missing_ok=True)
        subprocess.run([sys.executable, "-m", "ofsted_tui.cli", "rebuild", "corpus", "--db", str(db)],
                       cwd=REPO, check=True, capture_output=True)
        _stamp_path(db).write_text(json.dumps(stamp))
    return db


def generated_store_path(docs: int) -> Path:
    return BENCH_DIR / f"db-{docs}.json"


def _generated_stamp(docs: int, seed: int) -> dict:
    from benchmarks.corpusgen import generator_stamp

    return {"docs": docs, "seed": seed, "generator": generator_stamp(), "code": code_stamp()}


def mark_built(db: Path, docs: int, seed: int = 1) -> None:
    """Record that ``db`` holds the generated corpus as the current code imports it."""
    _stamp_path(db).write_text(json.dumps(_generated_stamp(docs, seed)))


def generated_store(docs: int, seed: int = 1) -> Path:
    """A store holding the generated corpus of ``docs`` documents (built if missing or stale)."""
    from benchmarks.generate_corpus import ensure_corpus

    db = generated_store_path(docs)
    stamp = _generated_stamp(docs, seed)
    if _fresh(db, stamp):
        return db
    from ofsted_core.store import Store

    corpus = corpus_dir(docs)
    ensure_corpus(corpus, docs, seed)
    db.unlink(missing_ok=True)
    Store(db).bulk.path.unlink(missing_ok=True)
    print(f"building the {docs}-document store at {db} (once; about a minute per 10,000 documents)...",
          file=sys.stderr, flush=True)
    # A child process, so the benchmark that asked does not carry the import's memory.
    subprocess.run([sys.executable, "-c", (
        "import sys; from ofsted_core.importing import import_paths; from ofsted_core.store import Store; "
        "r = import_paths(Store(sys.argv[1]), [sys.argv[2]]); sys.exit(1 if not r.added else 0)"
    ), str(db), str(corpus)], cwd=REPO, check=True)
    mark_built(db, docs, seed)
    return db


def longest_document(db: Path | str) -> tuple[str, int]:
    """The id and length of the store's longest text, from its bulk file: the explorer reads texts only on demand."""
    import contextlib
    import sqlite3

    from ofsted_core.bulk import bulk_path

    with contextlib.closing(sqlite3.connect(f"file:{bulk_path(Path(db))}?mode=ro", uri=True)) as db_file:
        doc_id, chars = db_file.execute("SELECT id, length(text) FROM texts ORDER BY length(text) DESC LIMIT 1").fetchone()
    return doc_id, chars
