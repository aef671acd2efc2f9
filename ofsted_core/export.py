"""Write the store out as JSON, CSV or Markdown for other tools.

The JSON names are a contract (other tools read them): ``documents`` (id,
source, title, kind, publisher, authority, published), ``facts`` (id, doc_id,
type, span and the type's fields, with ``source_links`` where a quote was
traced to another document) and ``events`` (with ``conflicts``: the other
grades sources give an area, and ``quotes``: which source quotes which
document).
"""

from __future__ import annotations

import csv
import html
import io
import json
import os
import re
import stat
from pathlib import Path
from collections.abc import Mapping
from typing import Any, cast

from importers.model import FACT_FIELDS, DocumentRow, EventRow
from importers.sanitize import clean_text
from ofsted_core.citation import cite
from ofsted_core.grades import sentence_case
from ofsted_core.corpus import Corpus
from ofsted_core.files import write_atomically
from ofsted_core.json_out import EVENT_KEYS, event_fields, json_text
from ofsted_core.sources import DERIVED_FIELDS, link_label
from ofsted_core.store import Store
from ofsted_core.labels import KIND_NAMES, area_order, conflict_source, doc_date_label, rating_text

__all__ = [
    "csv_text",
    "EXPORT_FORMATS", "CSV_TABLES", "ExportError", "conflict_source", "disputed", "export_json", "export_csv",
    "export_markdown", "export_data", "save_export",
]

EXPORT_FORMATS = ("json", "csv", "md")
CSV_TABLES = ("facts", "events", "documents")
DOCUMENT_KEYS = (
    "id", "source", "url", "title", "kind", "publisher", "authority", "published", "inspected_start",
    "inspected_end",
)


def _fact_out(fact: Mapping[str, Any]) -> dict[str, Any]:
    out = {"id": fact["id"], "doc_id": fact["doc_id"], "type": fact["type"], "span": list(fact["span"])}
    for key in FACT_FIELDS.get(fact["type"]) or DERIVED_FIELDS.get(fact["type"], ()):
        out[key] = fact.get(key)
    for key, value in fact.items():
        out.setdefault(key, value)
    return out


def _events(corpus: Corpus, events: list[EventRow] | None) -> list[EventRow]:
    """``events``, else the corpus's whole timeline (the store's rows, as the timeline wrote them)."""
    return cast("list[EventRow]", corpus.events) if events is None else events


def export_data(corpus: Corpus, events: list[EventRow] | None = None) -> dict[str, Any]:
    return _export_data(corpus, _read_all(corpus), events)


def _read_all(corpus: Corpus) -> dict[str, tuple[dict[str, Any], list[dict[str, Any]]]]:
    """Every document whole, with its facts, by id: what an export of everything reads (in one pass)."""
    return {doc["id"]: (doc, facts) for doc, facts in corpus.all_documents()}


def _export_data(corpus: Corpus, whole: dict[str, tuple[dict[str, Any], list[dict[str, Any]]]],
                 events: list[EventRow] | None) -> dict[str, Any]:
    events = _events(corpus, events)
    docs = corpus.sorted_documents()
    return {
        "documents": [{k: d.get(k) for k in DOCUMENT_KEYS} for d in docs],
        "facts": [_fact_out(f) for d in docs for f in whole.get(d["id"], ({}, []))[1]],
        "events": [event_fields(e) for e in events],
        "annotations": corpus.annotations,
    }




def export_json(corpus: Corpus, events: list[EventRow] | None = None) -> str:
    return json_text(export_data(corpus, events))


def export_csv(corpus: Corpus, table: str = "facts", events: list[EventRow] | None = None) -> str:
    whole = _read_all(corpus)
    data = _export_data(corpus, whole, events)
    rows = data[table]
    if table == "facts":
        columns = ["id", "doc_id", "type", "start", "end", "page"]
        for fields in (*FACT_FIELDS.values(), *DERIVED_FIELDS.values()):
            columns += [f for f in fields if f not in columns]
        columns += ["source_links", "quoted_text"]
        flat = []
        for fact in rows:
            row = {k: fact.get(k) for k in columns}
            row["start"], row["end"] = fact["span"]
            row["quoted_text"] = whole[fact["doc_id"]][0]["text"][fact["span"][0]:fact["span"][1]]
            flat.append(row)
        rows = flat
    elif table == "events":
        columns, rows = _flat_events(rows)
    else:
        columns = list(DOCUMENT_KEYS)
    return csv_text(columns, rows)


def csv_text(columns: list[str], rows: list[dict[str, Any]]) -> str:
    """Rows as CSV with a header, each cell made safe for a spreadsheet (see ``_cell``)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _cell(row.get(k)) for k in columns})
    return out.getvalue()


# What a spreadsheet reads in place of the nested judgements, conflicts and quotes.
_EVENT_SCALARS = tuple(k for k in EVENT_KEYS if k not in ("judgements", "conflicts", "quotes"))


def _flat_events(events: list[dict[str, Any]]) -> tuple[list[str], list[dict[str, Any]]]:
    """Events as flat rows: a grade and a rating column per judgement area, the conflicts and quotes as text.

    The areas are those judged in any of ``events``, in the order reports
    list them; an event not judged on an area leaves its cells empty.
    """
    areas = sorted({area for e in events for area in e.get("judgements") or {}}, key=area_order)
    columns = list(_EVENT_SCALARS[: _EVENT_SCALARS.index("era") + 1])
    for area in areas:
        columns += [f"{area} grade", f"{area} rating"]
    columns += ["conflicts", "doc_ids", "fact_ids", "quotes"]
    flat = []
    for event in events:
        row = event_fields(event, _EVENT_SCALARS)
        for area, judgement in (event.get("judgements") or {}).items():
            row[f"{area} grade"] = judgement.get("grade")
            row[f"{area} rating"] = judgement.get("rating_text") or judgement.get("rating")
        row["conflicts"] = "; ".join(
            f"{c['area']}: {sentence_case(c.get('rating'))} {conflict_source(c)} [{' '.join(c.get('doc_ids') or ())}]"
            for c in event.get("conflicts") or ())
        row["doc_ids"] = " ".join(event.get("doc_ids") or ())
        row["fact_ids"] = " ".join(event.get("fact_ids") or ())
        row["quotes"] = "; ".join(
            f"{q.get('doc_id')} quotes {q.get('quoted_doc_id')} ({q.get('passages', 0)} passages)"
            for q in event.get("quotes") or ())
        flat.append(row)
    return columns, flat


# OWASP's rule for CSV injection: a cell starting with one of these is read
# by a spreadsheet as a formula, so it is prefixed with a single quote (the
# csv module quotes the cell where it holds a separator or a quote).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> Any:
    if isinstance(value, (list, dict)):
        value = json.dumps(value, ensure_ascii=False)
    elif isinstance(value, str):
        value = clean_text(value)
    else:
        return "" if value is None else value
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


# Markdown's own punctuation, escaped so untrusted text never makes a link,
# an image, emphasis or a code span; HTML is escaped after it, so no tag or
# attribute of a document reaches a renderer that passes HTML through.
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#+!|~])")


def disputed(event: EventRow) -> str:
    """ " (≠ overall: Inadequate in 2 docs (news))": the other grades sources give, or ""."""
    if not event.get("conflicts"):
        return ""
    said = [f"{c['area']}: {sentence_case(c.get('rating'))} {conflict_source(c)}" for c in event["conflicts"]]
    return f" (\u2260 {'; '.join(said)})"


def _md(text: Any) -> str:
    """Escape a value for Markdown (and the HTML it may become), on one line."""
    cleaned = clean_text(str(text if text is not None else "")).replace("\n", " ")
    return html.escape(_MARKDOWN_PUNCTUATION.sub(r"\\\1", cleaned), quote=True)


def export_markdown(corpus: Corpus, events: list[EventRow] | None = None) -> str:
    events = _events(corpus, events)
    lines = ["# Inspection timeline", "", "| Date | Authority | Type | Rating | Sources |", "|---|---|---|---|---|"]
    for event in events:
        sources = ", ".join(_md(corpus.documents[d].get("title") or d) for d in event["doc_ids"] if d in corpus.documents)
        lines.append(
            f"| {_md(event['label'])} | {_md(event['authority'])} | {_md(event['type'])} | "
            f"{_md(rating_text(event))}{_md(disputed(event))} | {sources} |"
        )
    lines += ["", "# Documents", ""]
    whole = _read_all(corpus)
    for row in corpus.sorted_documents():
        doc, facts = cast("tuple[DocumentRow, list[dict[str, Any]]]", whole.get(row["id"], (row, [])))
        lines += [f"## {_md(doc.get('title') or doc['source'])}", ""]
        lines.append(f"- Source: {_md(doc['source'])}  ")
        if doc.get("url"):
            lines.append(f"- Address: {_md(doc['url'])}  ")
        lines.append(f"- Date: {_md(doc_date_label(doc))}; kind: {_md(KIND_NAMES.get(doc['kind'], doc['kind']))}; "
                     f"authority: {_md(doc.get('authority') or 'unknown')}")
        for quote in (f for f in facts if f["type"] == "quote"):
            who = quote.get("speaker") or "unattributed"
            lines.append(f"- > {_md(quote.get('text'))} ({_md(who)}, {cite(doc, *quote['span']).place()})")
            for link in quote.get("source_links") or ():
                other = cast("DocumentRow | None", whole.get(link["doc_id"], (None,))[0])
                if other is not None:
                    lines.append(f"  - {link_label(link.get('relation'))} {_md(other.get('title') or other['source'])}, "
                                 f"{cite(other, *link['span']).place()}")
        for fact in (f for f in facts if f["type"] == "repeated"):
            for link in fact.get("source_links") or ():
                other = cast("DocumentRow | None", corpus.documents.get(link["doc_id"]))
                if other is not None:
                    lines.append(f"- The passage at {cite(doc, *fact['span']).place()} ({fact.get('words')} words) is "
                                 f"repeated in {_md(other.get('title') or other['source'])}")
        lines.append("")
    return "\n".join(lines)


class ExportError(Exception):
    """An export could not be written; ``reason`` is for a person to act on."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


def save_export(out: Path, text: str, store: Store | None = None, append: bool = False) -> None:
    """Write (or append) ``text`` to ``out``: whole or not at all, never over the store's files.

    A regular file is replaced through a temporary file and a rename, so a
    full disk leaves the old file as it was; a terminal or pipe (``/dev/stdout``)
    is written to directly.
    """
    if store is not None and store.owns(out):
        raise ExportError(out, f"it is the store {store.path} or one of its files; choose another file")
    try:
        try:
            mode = os.stat(out).st_mode
        except FileNotFoundError:
            mode = None
        if mode is not None and not stat.S_ISREG(mode):
            if stat.S_ISDIR(mode):
                raise ExportError(out, "is a folder; give a file name")
            with open(out, "a" if append else "w", encoding="utf-8") as stream:
                stream.write(text)
            return
        payload = text.encode("utf-8")
        if append and mode is not None:
            payload = out.read_bytes() + payload
        write_atomically(out, payload)
    except OSError as exc:
        raise ExportError(out, f"cannot be written ({exc.strerror or exc}); a file already there was left as it was") from None
