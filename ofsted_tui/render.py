"""Rich renderables for the command line.

Every string that came from a document, a file name or an error is passed
through ``safe`` into a ``Text`` object: never parsed as markup, and with any
control characters removed, so output cannot drive the terminal.
"""

from __future__ import annotations

from typing import Any

from rich.console import Group
from rich.table import Table
from rich.text import Text

from importers.sanitize import clean_text
from ofsted_tui.corpus import Corpus
from ofsted_tui.grades import grade_style, rating_badge
from ofsted_tui.importing import ImportReport
from ofsted_tui.search import SearchHit
from ofsted_tui.sources import link_label

__all__ = ["safe", "timeline_table", "import_summary", "search_results", "document_view"]


def safe(value: Any, style: str = "") -> Text:
    return Text(clean_text("" if value is None else str(value)), style=style)


def _event_rating(event: dict[str, Any]) -> Text:
    # The normalised word keeps the column narrow; `show` and --json give the wording.
    return rating_badge(event.get("rating"), event.get("grade"))


def timeline_table(corpus: Corpus, events: list[dict[str, Any]]) -> Table:
    table = Table(title="Inspection timeline", title_justify="left")
    table.add_column("Date", no_wrap=True)
    table.add_column("Authority", overflow="fold")
    table.add_column("Type")
    table.add_column("Rating (areas that differ)", ratio=1)
    table.add_column("Docs", justify="right", no_wrap=True)
    for event in events:
        rating = _event_rating(event)
        for area, judgement in sorted(event.get("judgements", {}).items()):
            if area == "overall" or judgement.get("rating") == event.get("rating"):
                continue
            rating.append("\n")
            rating.append(safe(f"{area}: "))
            word = safe(judgement.get("rating"))
            word.stylize(grade_style(judgement.get("grade"), badge=False))
            rating.append(word)
        table.add_row(
            safe(event["label"]), safe(event.get("authority") or "unknown"), safe(event["type"]),
            rating, Text(str(len(event["doc_ids"]))),
        )
    return table


def import_summary(report: ImportReport) -> Group:
    table = Table(title="Import summary", title_justify="left")
    table.add_column("")
    table.add_column("Count", justify="right")
    table.add_row("Documents added", str(len(report.added)))
    table.add_row("Documents replaced (edited)", str(len(report.replaced)))
    table.add_row("Documents unchanged", str(len(report.unchanged)))
    if report.kept:
        table.add_row(Text("Documents kept (their file failed this time)", style="yellow"), str(len(report.kept)))
    table.add_row(Text("Failed", style="bold red" if report.failed else ""), str(len(report.failed)))
    table.add_row("Facts found", str(report.facts))
    parts: list[Any] = [table]
    if report.failed:
        failures = Table(title="Files not imported", title_justify="left", title_style="bold red")
        failures.add_column("File")
        failures.add_column("Problem")
        for failure in report.failed:
            failures.add_row(safe(failure.path), safe(failure.reason))
        parts.append(failures)
    return Group(*parts)


def search_results(corpus: Corpus, hits: list[SearchHit]) -> Table:
    table = Table(title="Search results", title_justify="left", show_lines=True)
    table.add_column("Document", ratio=1)
    table.add_column("Passage", ratio=3)
    for hit in hits:
        doc = corpus.documents[hit.doc_id]
        head = safe(doc.get("title") or doc["source"], "bold")
        head.append("\n")
        head.append(safe(f"{hit.doc_id[:10]}  {doc.get('published') or 'undated'}", "dim"))
        snippet = safe(hit.snippet)
        for start, end in hit.matches:
            snippet.stylize("bold reverse", start, end)
        table.add_row(head, snippet)
    return table


def document_view(corpus: Corpus, doc: dict[str, Any]) -> Group:
    meta = Table.grid(padding=(0, 2))
    meta.add_column(style="bold")
    meta.add_column()
    for label, key in (("Id", "id"), ("Title", "title"), ("Source", "source"), ("Kind", "kind"),
                       ("Publisher", "publisher"), ("Authority", "authority"), ("Published", "published")):
        meta.add_row(label, safe(doc.get(key) or "unknown" if key != "published" else doc.get(key) or "undated"))
    text = safe(doc["text"])
    facts = corpus.facts_of(doc["id"])
    for fact in facts:
        start, end = fact["span"]
        if fact["type"] == "judgement":
            text.stylize(grade_style(fact.get("grade")), start, end)
        elif fact["type"] == "quote":
            text.stylize("italic", start, end)
    table = Table(title="Facts", title_justify="left")
    for column in ("Type", "Where", "Text", "Details"):
        table.add_column(column)
    for fact in facts:
        start, end = fact["span"]
        table.add_row(safe(fact["type"]), Text(f"{start}-{end}"), safe(doc["text"][start:end][:120]), _details(fact, corpus))
    return Group(meta, Text(""), text, Text(""), table)


_DETAIL_KEYS = {
    "judgement": ("rating", "grade", "area", "year", "month", "authority"),
    "quote": ("speaker", "role", "organisation"),
    "person": ("role", "organisation"),
    "inspection": ("inspection_type", "year", "month", "day", "lead_inspector"),
    "statistic": ("value", "unit", "measure"),
    "date": ("year", "month", "day"),
    "improvement": ("area",),
    "passage": ("words",),
    "repeated": ("words", "sentences"),
}


def _details(fact: dict[str, Any], corpus: Corpus) -> Text:
    parts = [f"{k}={fact[k]}" for k in _DETAIL_KEYS.get(fact["type"], ()) if fact.get(k) not in (None, "", [])]
    out = safe(", ".join(parts))
    for link in fact.get("source_links") or ():
        other = corpus.documents.get(link.get("doc_id"))
        if other is None:
            continue
        span = link.get("span") or ("?", "?")
        out.append("\n" if out.plain else "")
        title = other.get("title") or other["source"]
        title = title if len(title) <= 60 else title[:59] + "\u2026"
        out.append_text(safe(f"{link_label(link.get('relation'))}: {title} ({other['id'][:10]}, {span[0]}-{span[1]})"))
    return out
