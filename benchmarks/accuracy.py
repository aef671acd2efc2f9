"""Accuracy on real documents nobody on the team wrote: precision, recall, F1.

Reads the labelled set in ``benchmarks/accuracy/`` (see its README), imports the
documents of one half into a scratch store with the console script itself, so
what is scored is what a user would see (a prose file comes with its web
address, as a saved page would, and nothing else of its label), and prints:

* prose: judgements (council, year, rating, area) and quotes (text, speaker),
  by era and by kind of document;
* reports: the table grades read, grades for the inspection being reported that
  the report does not give, and the timeline (each report's own overall grade
  on the event of its inspection; phantom events), by era.

    .venv/bin/python benchmarks/accuracy.py                 # held-back half (test)
    .venv/bin/python benchmarks/accuracy.py --split dev --details

Reports are read from ``../shared/reports/national/``; where it is absent the
report part is skipped and says so. The labels are never read by the extractor.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ofsted_core.timeline import dated_by_document  # the timeline's own rule, not a copy

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SET = HERE / "accuracy"
SHARED = ROOT.parent / "shared"
NATIONAL = SHARED / "reports" / "national"
LOOKUP = SHARED / "reference" / "la_lookup.csv"
# Held-back pages that a rule's test cites by address (tests/unit/test_accuracy_seen.py keeps
# this list complete): a page a rule was written or checked on is no longer held back, so it
# is scored with the dev half, whatever its label's "split" says.
SEEN: dict[str, str] = json.loads((SET / "seen.json").read_text(encoding="utf-8"))
# Held-back reports a fix was written on, being the only example of its pattern found (each
# with the test that reads it): scored with the dev half too.
SEEN_REPORTS: dict[str, str] = json.loads((SET / "seen_reports.json").read_text(encoding="utf-8"))


def half_of(row: dict) -> str | None:
    """The half a label is scored in: its split, but a seen test page or report is dev."""
    seen = row["file"] in SEEN or row["file"] in SEEN_REPORTS
    return "dev" if row.get("split") == "test" and seen else row.get("split")

# Areas a combined judgement covers: scored as its parts on both sides, so a
# label of two areas and one combined fact (or the reverse) agree.
_COMPONENTS = {"children in care and care leavers": ("children in care", "care leavers")}
_RATING_WORDS = {
    "requires improvement to be good": "requires improvement",
    "performs excellently": "excellent", "performs well": "good",
    "performs adequately": "adequate", "performs poorly": "poor",
}


# --- names -------------------------------------------------------------------------

def _plain(name: str) -> str:
    name = name.lower().replace("&", " and ")
    name = plain = re.sub(r"[^a-z0-9 ]+", " ", name)
    name = re.sub(r"\b(?:the|city|of|council|borough|county|metropolitan|london|royal|district|"
                  r"corporation|upon)\b", " ", name)
    if not name.split():
        # A name made only of those words (the City of London) keeps its own words.
        name = re.sub(r"\b(?:the|of|council|corporation)\b", " ", plain)
    return " ".join(name.split())


def _aliases() -> dict[str, str]:
    """Other names of a council -> its plain ONS name (from the public lookup, when present)."""
    out: dict[str, str] = {}
    if not LOOKUP.exists():
        return out
    with LOOKUP.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            main = _plain(row["local_authority_ons_name"])
            names = [row["local_authority_ons_name"], row["ofsted_ilacs_scrape_la_name"] or ""]
            names += row["also_known_as"].strip("[]").split(",") if row["also_known_as"] else []
            for other in names:
                if other.strip() and not other.strip().isdigit():
                    out.setdefault(_plain(other), main)
    return out


ALIASES = _aliases()


def council_key(name: str | None) -> str | None:
    if not name:
        return None
    plain = _plain(name)
    return ALIASES.get(plain, plain)


def rating_key(rating: str | None) -> str | None:
    if not rating:
        return None
    rating = " ".join(rating.lower().split())
    return _RATING_WORDS.get(rating, rating)


def areas_of(area: str | None) -> tuple[str, ...]:
    area = area or "overall"
    return _COMPONENTS.get(area, (area,))


# --- scores ------------------------------------------------------------------------

@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None or p + r == 0:
            return None if p is None or r is None else 0.0
        return 2 * p * r / (p + r)

    def row(self) -> list[str]:
        return [_fmt(self.precision), _fmt(self.recall), _fmt(self.f1), str(self.tp), str(self.fp), str(self.fn)]


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def _set_score(predicted: set, labelled: set) -> Score:
    return Score(len(predicted & labelled), len(predicted - labelled), len(labelled - predicted))


# Judgement tuples are (council, year, grade, area); a miss that an extra matches in all
# but one part is a near miss of that part. Counts only, never the text: the held-back
# half can then steer which mechanism to mend without its sentences being read.
_PARTS = ("council", "year", "grade", "area")


def classify_errors(predicted: set, labelled: set) -> Counter:
    missed, extra = labelled - predicted, set(predicted - labelled)
    kinds: Counter = Counter()
    for want in sorted(missed, key=str):
        for i, part in enumerate(_PARTS):
            near = next((e for e in sorted(extra, key=str)
                         if all(e[k] == want[k] for k in range(4) if k != i)), None)
            if near is not None:
                extra.discard(near)
                kinds[f"{part} {'missing' if near[i] is None else 'wrong'}"] += 1
                break
        else:
            same = any(e[0] == want[0] for e in predicted)
            two = next((f"{_PARTS[i]} and {_PARTS[j]}" for i in range(4) for j in range(i + 1, 4)
                        for e in extra if all(e[k] == want[k] for k in range(4) if k not in (i, j))), None)
            what = "overall" if want[3] == "overall" else "an area"
            kinds[f"near miss in {two}" if two else
                  f"missed {what}, {'council read' if same else 'council not read'}"] += 1
    labelled_councils = {t[0] for t in labelled}
    for e in extra:
        if e[0] not in labelled_councils:
            kinds["extra, council not labelled"] += 1
        elif e[1] is None:
            kinds["extra, no year"] += 1
        else:
            kinds["extra, labelled council"] += 1
    return kinds


# --- loading -----------------------------------------------------------------------

def read_labels(pattern: str, folder: Path = SET / "labels") -> list[dict]:
    rows = []
    for path in sorted(folder.glob(pattern)):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    sys.exit(f"{path}:{n}: not JSON ({exc})")
    return rows


def export_store(paths: list[str]) -> dict:
    """Import ``paths`` into a scratch store with the console script; its JSON export."""
    cli = [sys.executable, "-m", "ofsted_tui.cli"]
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "db.json")
        done = subprocess.run([*cli, "import", *paths, "--db", db], capture_output=True, text=True)
        if done.returncode not in (0, 1):
            sys.exit(f"import failed ({done.returncode}):\n{done.stderr[-2000:]}")
        out = subprocess.run([*cli, "export", "--format", "json", "--db", db],
                             capture_output=True, text=True, check=True)
        return json.loads(out.stdout)


def _by_source(export: dict) -> tuple[dict[str, dict], dict[str, list[dict]]]:
    docs = {os.path.realpath(d["source"]): d for d in export["documents"]}
    facts: dict[str, list[dict]] = defaultdict(list)
    for fact in export["facts"]:
        facts[fact["doc_id"]].append(fact)
    return docs, facts


def _year_of(fact: dict, doc: dict) -> int | None:
    """The year the timeline gives a judgement: its own, else its document's."""
    if fact.get("year") is not None:
        return fact["year"]
    return int(str(doc["published"])[:4]) if dated_by_document(fact, doc) else None


def judgement_tuples(facts: Iterable[dict], doc: dict) -> set[tuple]:
    out = set()
    for fact in facts:
        if fact["type"] != "judgement" or not fact.get("grade"):
            continue
        council = council_key(fact.get("authority") or doc.get("authority"))
        for area in areas_of(fact.get("area")):
            out.add((council, _year_of(fact, doc), rating_key(fact.get("rating")), area))
    return out


def page_date_verdict(labelled: str | None, read: str | None) -> str:
    """How the date the importer gave a page compares with the date the page shows.

    One page's date dates every grade it tells by "last year" or "this week": a
    43-council list read a year out moves 43 judgements, so this is counted apart.
    """
    if not labelled:
        return "none shown, none read" if not read else "none shown, one read (address or weekday)"
    if not read:
        return "shown, not read"
    same = str(read)[:len(labelled)] == labelled or labelled[:len(str(read))] == str(read)
    return "right" if same else ("right year, other day" if str(read)[:4] == labelled[:4] else "wrong year")


def era_of(year: int | None) -> str:
    if year is None:
        return "undated"
    if year <= 2012:
        return "2008-2012"
    return "2013-2017" if year <= 2017 else "2018-2026"


# --- prose -------------------------------------------------------------------------

_WORD = re.compile(r"[a-z0-9]+")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("’", "'"))


def _overlap(a: list[str], b: list[str]) -> int:
    return sum((Counter(a) & Counter(b)).values())


# "Inspectors said", "the report says": the inspectorate speaks, whichever word the text uses.
_INSPECTORATE = {"ofsted", "inspectors", "inspector", "report", "inspection", "watchdog", "inspectorate"}


def _surname(name: str | None) -> str | None:
    words = _words(name or "")
    if not words:
        return None
    return "ofsted" if words[-1] in _INSPECTORATE else words[-1]


@dataclass
class ProseResult:
    judgements: Score = field(default_factory=Score)
    quotes: Score = field(default_factory=Score)
    speakers_right: int = 0
    speakers_labelled: int = 0
    # Judgement F1 of each document that states or is read to state a judgement:
    # their mean weighs a page as a reader meets it, so one long list (a
    # parliamentary answer naming 43 councils) does not outweigh forty stories.
    document_f1: list[float] = field(default_factory=list)

    @property
    def mean_document_f1(self) -> float | None:
        return sum(self.document_f1) / len(self.document_f1) if self.document_f1 else None


def _fits(want: list[str], have: list[str]) -> bool:
    shared = _overlap(want, have)
    return bool(want) and shared >= 0.8 * len(want) and shared >= 0.8 * len(have)


# A quotation set out over several paragraphs, or broken by "she said", may be
# labelled as one quote or as one per paragraph, and extracted either way: a
# run of up to this many neighbouring quotes on either side is compared whole.
_RUN = 3


def match_quotes(predicted: list[dict],
                 labelled: list[dict]) -> tuple[list[tuple[dict, list[str]]], dict[int, dict], set[int]]:
    """Extracted quotes of four words or more (in text order, with their words), the
    extracted quote that speaks each labelled one (by label index), and the indexes of
    those extracted quotes matched to a label."""
    preds = [(q, _words(q.get("text") or "")) for q in sorted(predicted, key=lambda q: tuple(q.get("span") or ()))]
    preds = [(q, w) for q, w in preds if len(w) >= 4]
    wants = [_words(label["text"]) for label in labelled]
    used: set[int] = set()
    found: dict[int, dict] = {}  # labelled index -> the extracted quote that speaks it
    for li in range(len(labelled)):
        if li in found:
            continue
        match = None
        for size in range(2, 2 * _RUN + 1):  # smallest runs first: one to one before any run
            for nl in range(1, min(_RUN, size - 1) + 1):
                np_ = size - nl
                if np_ > _RUN or li + nl > len(labelled) or any(li + k in found for k in range(nl)):
                    continue
                want = [w for k in range(nl) for w in wants[li + k]]
                for pi in range(len(preds) - np_ + 1):
                    run = range(pi, pi + np_)
                    if any(i in used for i in run):
                        continue
                    if _fits(want, [w for i in run for w in preds[i][1]]):
                        match = (nl, list(run))
                        break
                if match:
                    break
            if match:
                break
        if match is None:
            continue
        nl, run = match
        used.update(run)
        for k in range(nl):
            found[li + k] = max((preds[i] for i in run), key=lambda p: _overlap(wants[li + k], p[1]))[0]
    return preds, found, used


def score_quotes(predicted: list[dict], labelled: list[dict], result: ProseResult) -> list[str]:
    notes = []
    preds, found, used = match_quotes(predicted, labelled)
    for li, label in enumerate(labelled):
        best = found.get(li)
        if best is None:
            result.quotes.fn += 1
            notes.append(f"  missed quote: {label['text'][:70]!r}")
            continue
        result.quotes.tp += 1
        if label.get("speaker"):
            result.speakers_labelled += 1
            if _surname(best.get("speaker")) == _surname(label["speaker"]):
                result.speakers_right += 1
            else:
                notes.append(f"  speaker {best.get('speaker')!r} for {label['speaker']!r}: {label['text'][:50]!r}")
    for i, (q, _) in enumerate(preds):
        if i not in used:
            result.quotes.fp += 1
            notes.append(f"  extra quote: {q['text'][:70]!r}")
    return notes


def saved_page(row: dict, folder: Path) -> str:
    """A copy of a prose file in ``folder`` with what a user's saved page knows of itself.

    A saved page knows its address, so the copy has a ``NAME.meta.json`` holding
    only the label's ``url``; nothing else of the label (never its date) reaches
    the importer.
    """
    source = SET / row["file"]
    copy = folder / source.name
    shutil.copyfile(source, copy)
    if row.get("url"):
        copy.with_name(copy.stem + ".meta.json").write_text(json.dumps({"url": row["url"]}), encoding="utf-8")
    return str(copy)


def run_prose(split: str, details: bool, errors: Counter | None = None,
              batch: str = "*", labels_file: Path | None = None) -> dict[str, dict[str, ProseResult]]:
    if labels_file is not None:  # a check set outside the two halves: every line is scored
        labels = read_labels(labels_file.name, labels_file.parent)
    else:
        labels = [row for row in read_labels(f"prose{batch}.jsonl") if split == "all" or half_of(row) == split]
    if not labels:
        print(f"prose: no labelled documents in the {split} half")
        return {}
    with tempfile.TemporaryDirectory() as scratch:
        paths = [saved_page(row, Path(scratch)) for row in labels]
        docs, facts = _by_source(export_store(paths))
    groups: dict[str, dict[str, ProseResult]] = {"era": defaultdict(ProseResult), "kind": defaultdict(ProseResult)}
    for row, path in zip(labels, paths):
        doc = docs.get(os.path.realpath(path))
        doc_facts = facts.get(doc["id"], []) if doc else []
        if doc is None:
            print(f"  (not imported: {row['file']})")
        # A check set may label quotes only ("judgements": null): its judgements are not scored.
        predicted = judgement_tuples(doc_facts, doc or {}) if row.get("judgements") is not None else set()
        labelled = {(council_key(j["council"]), j.get("year"), rating_key(j["rating"]), area)
                    for j in row.get("judgements") or [] for area in areas_of(j.get("area"))}
        one = ProseResult(judgements=_set_score(predicted, labelled))
        if errors is not None:
            found = classify_errors(predicted, labelled)
            errors.update(found)
            errors.update({f"{kind} [{row.get('kind', 'other')}]": n for kind, n in found.items()})
            errors[f"page date {page_date_verdict(row.get('published'), (doc or {}).get('published'))}"] += 1
        # ... and one may label judgements only ("quotes": null, era_check/): its quotes are not scored.
        notes = (score_quotes([f for f in doc_facts if f["type"] == "quote"], row["quotes"], one)
                 if row.get("quotes", []) is not None else [])
        # A page that shows no date belongs to the era of the latest year it rates.
        years = [j["year"] for j in row.get("judgements") or [] if j.get("year")]
        year = int(row["published"][:4]) if row.get("published") else max(years, default=None)
        for key, name in (("era", era_of(year)), ("kind", row.get("kind", "other"))):
            for bucket in (name, "all"):
                total = groups[key][bucket]
                total.judgements.add(one.judgements)
                total.quotes.add(one.quotes)
                total.speakers_right += one.speakers_right
                total.speakers_labelled += one.speakers_labelled
                scored = one.judgements
                if scored.tp + scored.fp + scored.fn:
                    total.document_f1.append(2 * scored.tp / (2 * scored.tp + scored.fp + scored.fn))
        if details and (one.judgements.fp or one.judgements.fn or notes):
            print(f"{row['file']}")
            for t in sorted(labelled - predicted, key=str):
                print(f"  missed judgement: {t}")
            for t in sorted(predicted - labelled, key=str):
                print(f"  extra judgement:  {t}")
            for note in notes:
                print(note)
    return groups


# --- reports -----------------------------------------------------------------------

@dataclass
class ReportResult:
    reports: int = 0
    table: Score = field(default_factory=Score)
    reports_with_extra: int = 0
    own_overall_right: int = 0
    own_overall_labelled: int = 0
    phantom_events: int = 0
    undated: int = 0


def _iso_year(value: str | None) -> int | None:
    return int(value[:4]) if value else None


def _other_visit(event: dict, row: dict) -> bool:
    """An ungraded event dated to a month outside the inspection's weeks is another
    visit of that year ("a focused visit in February 2019"), not this inspection."""
    if event.get("grade") or not event.get("month"):
        return False
    months = {(int(v[:4]), int(v[5:7])) for v in (row.get("inspection_start"), row.get("inspection_end"))
              if v and len(v) >= 7}
    if not months:
        return False
    low, high = min(months), max(months)
    return not low <= (event["year"], event["month"]) <= high


def run_reports(split: str, details: bool) -> dict[str, ReportResult]:
    if not NATIONAL.is_dir():
        print(f"reports: skipped ({NATIONAL} is absent)")
        return {}
    labels = [row for row in read_labels("reports*.jsonl") if split == "all" or half_of(row) == split]
    if not labels:
        print(f"reports: no labelled reports in the {split} half")
        return {}
    paths = [str((NATIONAL / row["file"]).resolve()) for row in labels]
    export = export_store(paths)
    docs, facts = _by_source(export)
    events_of: dict[str, list[dict]] = defaultdict(list)
    for event in export["events"]:
        for doc_id in event.get("doc_ids", []):
            events_of[doc_id].append(event)
    results: dict[str, ReportResult] = defaultdict(ReportResult)
    for row, path in zip(labels, paths):
        doc = docs.get(os.path.realpath(path))
        era = era_of(_iso_year(row.get("inspection_start")))
        one = ReportResult(reports=1)
        notes: list[str] = []
        council = council_key(row["council"])
        years = {y for y in (_iso_year(row.get("inspection_start")), _iso_year(row.get("inspection_end")))
                 if y is not None}
        if doc is None:
            notes.append("  not imported")
            doc_facts: list[dict] = []
        else:
            doc_facts = facts.get(doc["id"], [])
            if not doc.get("published") and not any(k.startswith("inspect") and doc.get(k) for k in doc):
                one.undated = 1
                notes.append("  undated")
        # The inspection's own grades as the tool reads them: judgements of this
        # council dated to the inspection's years, or undated.
        own: set[tuple[str, str]] = set()
        for fact in doc_facts:
            if fact["type"] != "judgement" or not fact.get("grade"):
                continue
            if council_key(fact.get("authority") or (doc or {}).get("authority")) != council:
                continue
            if fact.get("year") is not None and fact["year"] not in years:
                continue
            for area in areas_of(fact.get("area")):
                own.add((area, rating_key(fact.get("rating"))))
        labelled = {(area, rating_key(r)) for a, r in row.get("judgements", {}).items() for area in areas_of(a)}
        one.table = _set_score(own, labelled)
        if own - labelled:
            one.reports_with_extra = 1
            notes += [f"  extra grade: {a}: {r}" for a, r in sorted(own - labelled, key=str)]
        notes += [f"  missed grade: {a}: {r}" for a, r in sorted(labelled - own, key=str)]
        # The timeline: its own inspection's event, and events it alone supports.
        own_events = []
        for event in events_of.get(doc["id"], []) if doc else []:
            same_council = council_key(event.get("authority")) == council
            if same_council and event.get("year") in years and not _other_visit(event, row):
                own_events.append(event)
                continue
            earlier = {e.get("year") for e in row.get("earlier", [])}
            if same_council and (event.get("year") in earlier or event.get("year") is None):
                continue
            if same_council and not event.get("grade"):
                # An ungraded visit of another year or month ("the focused visit in 2019")
                # may be true; the labels record only graded earlier inspections.
                notes.append(f"  ungraded event of another year: {event.get('label') or event.get('date')}")
                continue
            if all(other == doc["id"] for other in event.get("doc_ids", [])):
                one.phantom_events += 1
                notes.append(f"  phantom event: {event.get('authority')} {event.get('label') or event.get('date')} "
                             f"{event.get('rating')}")
        overall = row.get("judgements", {}).get("overall")
        if overall:
            one.own_overall_labelled = 1
            shown = {rating_key(e.get("rating")) for e in own_events}
            if shown == {rating_key(overall)}:
                one.own_overall_right = 1
            else:
                notes.append(f"  timeline shows {sorted(map(str, shown)) or 'no event'} for overall {overall}")
        for bucket in (era, "all"):
            total = results[bucket]
            total.reports += one.reports
            total.table.add(one.table)
            total.reports_with_extra += one.reports_with_extra
            total.own_overall_right += one.own_overall_right
            total.own_overall_labelled += one.own_overall_labelled
            total.phantom_events += one.phantom_events
            total.undated += one.undated
        if details and notes:
            print(row["file"])
            for note in notes:
                print(note)
    return results


# --- output ------------------------------------------------------------------------

def _table(title: str, header: list[str], rows: list[list[str]]) -> str:
    lines = [f"\n{title}\n", "| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("test", "dev", "all"), default="test",
                        help="which half to score (default: test, the held-back half)")
    parser.add_argument("--only", choices=("prose", "reports"), help="score one part only")
    parser.add_argument("--details", action="store_true", help="list every miss and extra per document")
    # A batch collected after the rules were written is the freshest check that they generalise.
    parser.add_argument("--batch", default="*", metavar="NAME",
                        help="score prose from labels/prose<NAME>.jsonl only (e.g. _batch7)")
    # A check set labelled apart from both halves (speaker_check/labels.jsonl): its "file" paths
    # are relative to benchmarks/accuracy/, as the prose labels' are.
    parser.add_argument("--labels", type=Path, metavar="FILE",
                        help="score prose from this label file (every line, whatever its split)")
    parser.add_argument("--errors", action="store_true",
                        help="count prose judgement errors by kind (near misses by part), without the text")
    args = parser.parse_args(argv)
    if args.labels is not None and not args.labels.is_file():
        sys.exit(f"{args.labels}: no such label file")
    print(f"Accuracy on {args.labels}" if args.labels else f"Accuracy on the {args.split} half of benchmarks/accuracy/")
    if args.only != "reports":
        errors: Counter | None = Counter() if args.errors else None
        groups = run_prose(args.split, args.details, errors, args.batch, args.labels)
        if errors:
            print(_table("Prose judgement errors by kind", ["kind", "count"],
                         [[k, str(n)] for k, n in errors.most_common()]))
        for key in ("era", "kind"):
            rows = []
            for name, res in sorted(groups.get(key, {}).items(), key=lambda kv: (kv[0] == "all", kv[0])):
                speakers = (f"{res.speakers_right / res.speakers_labelled:.2f} ({res.speakers_labelled})"
                            if res.speakers_labelled else "-")
                rows.append([name, *res.judgements.row(), f"{_fmt(res.mean_document_f1)} ({len(res.document_f1)})",
                             *res.quotes.row()[:3], speakers])
            if rows:
                print(_table(f"Prose by {key}", [key, "judg P", "judg R", "judg F1", "tp", "fp", "fn",
                                                 "judg F1 per doc (docs)", "quote P", "quote R", "quote F1",
                                                 "speakers right"], rows))
    if args.only != "prose":
        results = run_reports(args.split, args.details)
        rows = []
        for era, res in sorted(results.items(), key=lambda kv: (kv[0] == "all", kv[0])):
            overall = (f"{res.own_overall_right}/{res.own_overall_labelled}" if res.own_overall_labelled else "-")
            rows.append([era, str(res.reports), _fmt(res.table.recall), str(res.table.fp),
                         str(res.reports_with_extra), overall, str(res.phantom_events), str(res.undated)])
        if rows:
            print(_table("Reports by era of inspection",
                         ["era", "reports", "table grades read", "extra grades", "reports with extras",
                          "own overall on timeline", "phantom events", "undated"], rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
