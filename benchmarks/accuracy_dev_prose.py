"""Judgement precision, recall and F1 on the *dev* half of the prose accuracy set.

The rules for prose are written looking at these documents only; the held-back
``test`` half is scored by ``benchmarks/accuracy.py``. Each dev ``.txt`` is
imported with ``import_file`` and its judgement facts, as (council, year,
rating, area) tuples, are compared with its label line (schema in
``benchmarks/accuracy/README.md``).

    python benchmarks/accuracy_dev_prose.py [ACCURACY_DIR ...] [-v]

With no folder, the repository's own ``benchmarks/accuracy`` is read; ``-v``
lists each document's missed and extra tuples.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from importers.model import ImporterError
from importers.pipeline import import_file

ROOT = Path(__file__).resolve().parent / "accuracy"

_COUNCIL_NOISE = re.compile(r"\b(?:city\s+of|council|county|borough|metropolitan|district)\b|[.,'’]", re.IGNORECASE)


def council_key(name: str | None) -> str:
    """A council's name compared as the README says: without "City of", "Council", case, "&"."""
    name = (name or "").replace("&", "and")
    return " ".join(_COUNCIL_NOISE.sub(" ", name).lower().split())


def dev_documents(root: Path) -> list[tuple[Path, dict]]:
    out = []
    for labels in sorted((root / "labels").glob("prose*.jsonl")):
        for line in labels.read_text(encoding="utf-8").splitlines():
            if line.strip():
                label = json.loads(line)
                if label.get("split") == "dev":
                    out.append((root / label["file"], label))
    return out


def found_tuples(path: Path) -> set[tuple]:
    document = import_file(path)
    return {
        (council_key(f.get("authority")), f.get("year"), f.get("rating"), f.get("area"))
        for f in document.facts if f.type == "judgement"
    }


def labelled_tuples(label: dict) -> set[tuple]:
    return {
        (council_key(j.get("council")), j.get("year"), j.get("rating"), j.get("area"))
        for j in label.get("judgements", [])
    }


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    roots = [Path(a) for a in argv if a != "-v"] or [ROOT]
    true_pos = false_pos = false_neg = 0
    documents = [doc for root in roots for doc in dev_documents(root)]
    for path, label in documents:
        try:
            found = found_tuples(path)
        except ImporterError as exc:
            print(f"{path.name}: not imported ({exc.reason})")
            continue
        expected = labelled_tuples(label)
        true_pos += len(found & expected)
        false_pos += len(found - expected)
        false_neg += len(expected - found)
        if verbose and found != expected:
            print(f"\n{path.name}")
            for row in sorted(expected - found, key=str):
                print("  missed", row)
            for row in sorted(found - expected, key=str):
                print("  extra ", row)
    precision = true_pos / (true_pos + false_pos) if true_pos + false_pos else 0.0
    recall = true_pos / (true_pos + false_neg) if true_pos + false_neg else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"\n{len(documents)} dev documents: judgements P {precision:.2f} R {recall:.2f} F1 {f1:.2f} "
          f"({true_pos} right, {false_pos} extra, {false_neg} missed)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
