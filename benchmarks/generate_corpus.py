"""Write a generated national corpus to a folder, with a manifest of what each file says.

    python benchmarks/generate_corpus.py --docs 10000 --out /tmp/corpus10k

The same --docs and --seed always write the same files. ``manifest.json`` (not
imported: the importer reads only documents) lists each file's council, kind,
publication date, the regime it reports and the grades by area.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.corpusgen import generate, generator_stamp  # noqa: E402

__all__ = ["MANIFEST", "ensure_corpus", "write_corpus"]

MANIFEST = "manifest.json"


def write_corpus(out: Path, docs: int, seed: int = 1) -> dict:
    """Write the corpus to ``out`` (replacing an earlier generated corpus there)."""
    if out.exists():
        if not (out / MANIFEST).is_file():
            if any(out.iterdir()):
                raise SystemExit(f"{out} is not empty and holds no {MANIFEST}; refusing to write over it")
        else:
            shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)
    rows = []
    digest = hashlib.sha256()
    total = 0
    for doc in generate(docs, seed):
        path = out / doc.path
        path.parent.mkdir(exist_ok=True)
        data = doc.text.encode("utf-8")
        path.write_bytes(data)
        digest.update(doc.path.encode() + b"\0" + data)
        total += len(data)
        rows.append(doc.manifest_row())
    manifest = {
        "generator": generator_stamp(), "seed": seed, "docs": docs,
        "bytes": total, "sha256": digest.hexdigest(), "documents": rows,
    }
    (out / MANIFEST).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return manifest


def ensure_corpus(out: Path, docs: int, seed: int = 1) -> dict:
    """The manifest of the corpus at ``out``, generating it first unless it is already there."""
    try:
        manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
        if (manifest.get("generator"), manifest.get("seed"), manifest.get("docs")) == (
                generator_stamp(), seed, docs):
            return manifest
    except (OSError, ValueError):
        pass
    return write_corpus(out, docs, seed)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=1000, help="how many documents (default 1000)")
    parser.add_argument("--out", type=Path, required=True, help="the folder to write (replaced if it holds a generated corpus)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    manifest = write_corpus(args.out, args.docs, args.seed)
    elapsed = time.perf_counter() - started
    kinds: dict[str, int] = {}
    for row in manifest["documents"]:
        kinds[row["kind"]] = kinds.get(row["kind"], 0) + 1
    councils = len({row["council"] for row in manifest["documents"]})
    longest = max((row["chars"] for row in manifest["documents"]), default=0)
    print(f"wrote {args.docs} documents ({manifest['bytes'] / 2**20:.1f} MiB) about {councils} councils "
          f"to {args.out} in {elapsed:.1f} s")
    print("  " + ", ".join(f"{k}: {v}" for k, v in sorted(kinds.items()))
          + f"; longest {longest / 1024:.0f} KiB; sha256 {manifest['sha256'][:16]}")
    print(f"reproduce: python benchmarks/generate_corpus.py --docs {args.docs} --seed {args.seed} --out {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
