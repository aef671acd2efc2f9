"""How far a second, blind reading of the prose agrees with the accuracy set's labels.

    python -m benchmarks.agreement            # agreement by half, era, kind, label file
    python -m benchmarks.agreement --sample   # the seeded sample the relabelling read
    python -m benchmarks.agreement --details  # every disagreement, per document

The existing labels are the reference; the relabelling (accuracy/agreement/relabel.jsonl)
is scored against them with the benchmark's own matching (council, year, rating, area),
so its figures read like the extractor's. Nothing here runs or reads the extractor.
See "Agreement between labellers" in benchmarks/accuracy/README.md.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

from benchmarks.accuracy import SET, Score, _set_score, _table, areas_of, council_key, era_of, rating_key

RELABEL = SET / "agreement" / "relabel.jsonl"
SEED = 11  # issue 11; the sample is drawn once and written into the README
PER_FILE_AND_HALF = 4  # five label files x two halves x 4 = 40 documents
# The label files the sample was drawn from; batches labelled after the relabelling was
# done are left out, so the sample stays the 40 documents the relabeller read.
SAMPLED_FILES = ("prose_batch4", "prose_batch5", "prose_early", "prose_late", "prose_more")


def label_rows() -> list[tuple[str, dict]]:
    """Every prose label with the name of the file it is in."""
    rows = []
    for path in sorted((SET / "labels").glob("prose*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rows.append((path.stem, json.loads(line)))
    return rows


def _page_era(row: dict) -> str:
    # Blind: the page's own date only, never its labelled judgements.
    return era_of(int(row["published"][:4])) if row.get("published") else "undated"


def sample(seed: int = SEED) -> list[str]:
    """Four documents per label file and half, shuffled with ``seed``, each pick preferring a
    kind and an era the sample holds least of so far (so the 40 spread over both)."""
    rng = random.Random(seed)
    groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for source, row in label_rows():
        if source in SAMPLED_FILES:
            groups[(source, row["split"])].append(row)
    kinds: Counter = Counter()
    eras: Counter = Counter()
    picked = []
    for key in sorted(groups):
        pool = sorted(groups[key], key=lambda row: row["file"])
        rng.shuffle(pool)
        for _ in range(PER_FILE_AND_HALF):
            best = min(pool, key=lambda row: (kinds[row["kind"]] + eras[_page_era(row)], pool.index(row)))
            pool.remove(best)
            kinds[best["kind"]] += 1
            eras[_page_era(best)] += 1
            picked.append(best["file"])
    return sorted(picked)


def tuples(row: dict) -> set[tuple]:
    """A label's judgements as the benchmark scores them."""
    return {(council_key(j["council"]), j.get("year"), rating_key(j["rating"]), area)
            for j in row.get("judgements", []) for area in areas_of(j.get("area"))}


def _kinds_of(theirs_all: set[tuple], ours_all: set[tuple]) -> list[str]:
    """Name each disagreement by the one field that differs, pairing a missed tuple with an
    extra one where they share all but that field; what is left is a whole judgement."""
    found = []
    missed, extra = theirs_all - ours_all, ours_all - theirs_all
    tests = (
        ("year null vs a year", lambda a, b: a[0] == b[0] and a[2:] == b[2:] and (a[1] is None) != (b[1] is None)),
        ("year off by one", lambda a, b: a[0] == b[0] and a[2:] == b[2:] and None not in (a[1], b[1])
         and abs(a[1] - b[1]) == 1),
        ("year off by more", lambda a, b: a[0] == b[0] and a[2:] == b[2:] and None not in (a[1], b[1])),
        ("rating word", lambda a, b: a[:2] == b[:2] and a[3] == b[3]),
        ("area overall vs a named area", lambda a, b: a[:3] == b[:3] and "overall" in (a[3], b[3])),
        ("area named differently", lambda a, b: a[:3] == b[:3]),
    )
    for name, same_but_one in tests:
        for a in sorted(missed, key=str):
            match = next((b for b in sorted(extra, key=str) if same_but_one(a, b)), None)
            if match is not None:
                missed.discard(a)
                extra.discard(match)
                found.append(name)
    # What is left is a whole judgement one side has and the other has not: a council the other
    # side never names, else an earlier grade restated in passing, else another area or grade.
    for side, mine, other, who in ((missed, theirs_all, ours_all, "label"), (extra, ours_all, theirs_all, "relabel")):
        for t in sorted(side, key=str):
            latest = max((o[1] for o in mine if o[0] == t[0] and o[1] is not None), default=None)
            if not any(o[0] == t[0] for o in other):
                found.append(f"council only in the {who}")
            elif t[1] is not None and latest is not None and t[1] < latest:
                found.append(f"earlier grade only in the {who}")
            else:
                found.append(f"another area or grade only in the {who}")
    return found


def compare(relabels: list[dict], labels: dict[str, tuple[str, dict]], details: bool) -> None:
    groups: dict[str, dict[str, Score]] = {g: defaultdict(Score) for g in ("half", "era", "kind", "label file")}
    kinds: Counter = Counter()
    whole: dict[str, Counter] = defaultdict(Counter)  # half -> documents read alike / read
    for mine in relabels:
        source, row = labels[mine["file"]]
        theirs, ours = tuples(row), tuples(mine)
        score = _set_score(ours, theirs)
        years = [j["year"] for j in row["judgements"] if j.get("year")]
        era = era_of(int(row["published"][:4]) if row.get("published") else max(years, default=None))
        for group, bucket in (("half", row["split"]), ("era", era), ("kind", row["kind"]), ("label file", source)):
            groups[group][bucket].add(score)
            groups[group]["all"].add(score)
        found = _kinds_of(theirs, ours)
        for half in (row["split"], "all"):
            whole[half]["read"] += 1
            whole[half]["alike"] += not found
        kinds.update(found)
        if details and found:
            print(f"{mine['file']} ({source}, {row['split']})")
            for t in sorted(theirs - ours, key=str):
                print(f"  label only:     {t}")
            for t in sorted(ours - theirs, key=str):
                print(f"  relabel only:   {t}")
    header = ["", "precision", "recall", "F1", "agree", "relabel only", "label only"]
    for group, scores in groups.items():
        rows = [[name] + scores[name].row() for name in sorted(scores, key=lambda n: (n == "all", n))]
        print(_table(f"judgement agreement by {group} (existing labels as reference)", header, rows))
    print(_table("documents whose judgements agree exactly", ["half", "documents", "agree"],
                 [[h, str(whole[h]["read"]), str(whole[h]["alike"])] for h in sorted(whole, key=lambda h: (h == "all", h))]))
    print(_table("disagreements by type", ["type", "count"], [[k, str(n)] for k, n in kinds.most_common()]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", action="store_true", help="print the seeded sample and stop")
    parser.add_argument("--details", action="store_true", help="print each document's disagreements")
    args = parser.parse_args(argv)
    labels = {row["file"]: (source, row) for source, row in label_rows()}
    if args.sample:
        for name in sample():
            source, row = labels[name]
            print(f"{name}\t{source}\t{row['split']}\t{row['kind']}\t{_page_era(row)}")
        return 0
    if not RELABEL.exists():
        print(f"{RELABEL}: no relabelling to compare (see the README's agreement section)")
        return 1
    relabels = []
    for n, line in enumerate(RELABEL.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                relabels.append(json.loads(line))
            except json.JSONDecodeError as exc:
                print(f"{RELABEL}:{n}: not JSON ({exc})")
                return 1
    unknown = [r.get("file") for r in relabels if r.get("file") not in labels]
    if unknown:
        print(f"{RELABEL}: files with no label: {unknown}")
        return 1
    compare(relabels, labels, args.details)
    return 0


if __name__ == "__main__":
    sys.exit(main())
