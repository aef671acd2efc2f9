"""Rich renderables for the command line.

Every string that came from a document, a file name or an error is passed
through ``safe`` into a ``Text`` object: never parsed as markup, and with any
control characters removed, so output cannot drive the terminal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.console import Group
from rich.table import Table
from rich.text import Text

from importers.sanitize import clean_text
from ofsted_tui.grades import grade_style, rating_badge
from ofsted_core.labels import KIND_NAMES, doc_date_label, inspection_dates_label
from ofsted_tui.plain_columns import PlainWhenPiped

# Each view imports what only it draws with (citations, link labels, search's wording), so a
# command loads what it prints; the importers' rules take a third of a second to compile, and
# only an import needs them.
if TYPE_CHECKING:
    from ofsted_core.corpus import Corpus
    from ofsted_core.importing import ImportReport
    from ofsted_core.search import SearchHit

__all__ = ["safe", "timeline_table", "import_summary", "search_results", "document_view", "councils_table",
           "compare_view", "fetch_plan_table", "fetch_summary"]


def safe(value: Any, style: str = "") -> Text:
    return Text(clean_text("" if value is None else str(value)), style=style)


def timeline_table(events: list[dict[str, Any]]) -> PlainWhenPiped:
    """Every event, one row each, its rating in its colours (``timeline_cells`` gives the words);
    piped, as plain columns (thousands of rows drew slowly as a grid)."""
    from ofsted_tui.timeline_cells import COLUMNS, TITLE, timeline_cells

    table = Table(title=TITLE, title_justify="left")
    options: dict[str, dict[str, Any]] = {"Date": {"no_wrap": True}, "Authority": {"overflow": "fold"},
                                          "Rating (areas that differ)": {"ratio": 1}, "Docs": {"no_wrap": True}}
    for header, justify in COLUMNS:
        table.add_column(header, justify=justify, **options.get(header, {}))  # type: ignore[arg-type]
    for event in events:
        date, authority, kind, pieces, docs = timeline_cells(event)
        (first, _, grade), rest = pieces[0], pieces[1:]
        # The badge's style is the whole cell's, beneath the styles of the lines after it.
        rating = Text(first, style=grade_style(grade))
        for text, role, grade in rest:
            rating.append(text, style=grade_style(grade, badge=False) if role == "grade" else role)
        table.add_row(Text(date), Text(authority), Text(kind), rating, Text(docs))
    return PlainWhenPiped(table)


def councils_table(rows: list[dict[str, Any]], width: int = 200) -> Table:
    """The national table: grades as letters in their colours (O, G, RI, I: readable without
    colour), a council with nothing in the store dimmed. Under 120 columns the region and
    the kind of inspection are left out, so a row fits on a line or two at 80."""
    from importers.vocabulary import RATING_ABBREVIATIONS
    from ofsted_core.national import DIRECTION_ARROWS

    def badge(rating: str | None, grade: int | None) -> Text:
        return rating_badge(RATING_ABBREVIATIONS.get(rating, "?"), grade, as_written=True) if rating else Text("")

    from rich import box

    table = Table(title=f"Councils ({len(rows)}): grades O outstanding, G good, RI requires improvement, "
                        "I inadequate; ↑ ↓ = against the grade before", title_justify="left",
                  box=box.SIMPLE_HEAD, pad_edge=False)
    for name, options in (("Council", {"min_width": 12}), ("Region", {}), ("Now", {}),
                          ("Inspected", {"no_wrap": True}), ("Kind", {}), ("Before", {}), ("", {}),
                          ("Months", {"justify": "right"}), ("Visits since", {}),
                          ("Trajectory", {})):
        table.add_column(name, **options)
    narrow = width < 120
    if narrow:
        table.columns = [c for c in table.columns if c.header not in ("Region", "Kind")]
    for row in rows:
        if not row["documents"]:
            cells = [safe(row["council"], "dim"), safe(row["region"], "dim"), Text(""), safe("no documents", "dim")]
            table.add_row(*(cells[:1] + cells[2:] if narrow else cells))
            continue
        trajectory = Text()
        for n, step in enumerate(row["trajectory"]):
            trajectory.append(" " if n else "")
            trajectory.append(RATING_ABBREVIATIONS.get(step["rating"], "?"), grade_style(step["grade"], badge=False))
        visits = "; ".join(f"{v['type']} {v['date'] or ''}".strip() for v in row["visits_since"])
        kind = (row["inspection"] or "").removesuffix(" inspection")
        cells = {
            "Council": safe(row["council"]), "Region": safe(row["region"]),
            "Now": badge(row["rating"], row["grade"]) if row["rating"] else safe("no overall" if row["date"] else "", "dim"),
            "Inspected": safe(row["date"] or ""), "Kind": safe(kind),
            "Before": badge(row["previous_rating"], row["previous_grade"]),
            "": safe(DIRECTION_ARROWS.get(row["direction"], "")),
            "Months": safe("" if row["months_since"] is None else row["months_since"]),
            "Visits since": safe(visits), "Trajectory": trajectory,
        }
        table.add_row(*(cells[str(c.header)] for c in table.columns))
    return table


def compare_view(grid: Any, width: int) -> Group:
    """``ofsted-tui compare``: the grid as the compare screen draws it, then its legend."""
    from ofsted_tui.compare_cells import grid_header, grid_layout, grid_line, legend

    layout = grid_layout(grid, width)
    lines = [grid_header(grid, layout)]
    lines[0].stylize("bold")
    lines += [grid_line(row, layout) for row in grid.rows]
    return Group(*lines, Text(""), *legend(width))


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
    for title, style, items, heading in (
        ("Files not imported", "bold red", report.failed, "Problem"),
        ("Skipped in imported files", "yellow", report.warnings, "What was skipped"),
    ):
        if items:
            listed = Table(title=title, title_justify="left", title_style=style)
            listed.add_column("File")
            listed.add_column(heading)
            for item in items:
                listed.add_row(safe(item.path), safe(item.reason))
            parts.append(listed)
    return Group(*parts)


def search_results(corpus: Corpus, hits: list[SearchHit]) -> Table:
    from ofsted_core.search import TITLE_ONLY

    table = Table(title="Search results", title_justify="left", show_lines=True)
    table.add_column("Document", ratio=1)
    table.add_column("Passage", ratio=3)
    for hit in hits:
        doc = corpus.documents[hit.doc_id]
        head = safe(doc.get("title") or doc["source"], "bold")
        head.append("\n")
        head.append(safe(f"{hit.doc_id[:10]}  {doc.get('published') or doc_date_label(doc)}", "dim"))
        snippet = safe(hit.snippet or TITLE_ONLY, "" if hit.snippet else "italic")
        for start, end in hit.matches:
            snippet.stylize("bold reverse", start, end)
        table.add_row(head, snippet)
    return table


def document_view(corpus: Corpus, doc: dict[str, Any]) -> Group:
    from ofsted_core.citation import cite

    meta = Table.grid(padding=(0, 2))
    meta.add_column(style="bold")
    meta.add_column()
    for label, key in (("Id", "id"), ("Title", "title"), ("Source", "source"), ("Kind", "kind"),
                       ("Publisher", "publisher"), ("Authority", "authority")):
        value = KIND_NAMES.get(doc.get("kind") or "", doc.get("kind")) if key == "kind" else doc.get(key)
        meta.add_row(label, safe(value or "unknown"))
    if doc.get("url"):
        meta.add_row("Address", safe(doc["url"]))
    meta.add_row("Published", safe(doc.get("published") or "undated"))
    if doc.get("inspected_start"):
        meta.add_row("Inspected", safe(inspection_dates_label(doc)))
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
        table.add_row(safe(fact["type"]), Text(cite(doc, start, end).place()), safe(doc["text"][start:end][:120]),
                      _details(fact, corpus))
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
    from ofsted_core.sources import link_label

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


def fetch_plan_table(plan: Any) -> Table:
    """``fetch --dry-run``: each report listed, whether the library has it, and whether it is new."""
    table = Table(title="Reports listed (nothing downloaded)", title_justify="left")
    for name in ("Council", "Published", "Report", "File id", "Status"):
        table.add_column(name)
    for item in plan.reports:
        status = "have" if item.have else "to fetch"
        table.add_row(safe(item.council.label), safe(item.link.date or "undated"),
                      safe(item.link.label), safe(item.link.file_id),
                      safe(f"{status}, new" if item.new and plan.previous else status))
    return table


def fetch_summary(plan: Any, report: Any, library: Any) -> Group:
    """After a fetch: counts, what is new since the last fetch, and each failure with its reason."""
    had = sum(1 for item in plan.reports if item.have and item not in report.downloaded)
    left_out = f"left out by --since {plan.left_out}; " if plan.left_out else ""
    lines = [safe(f"Fetched {len(report.downloaded)} report(s) into {library}; already had {had}; "
                  f"{left_out}failed {len(report.failed)}.")]
    new = [item for item in plan.reports if item.new]
    if plan.previous is not None:
        since = plan.previous.at[:10]
        lines.append(safe(f"New since the last fetch ({since}): {len(new)}", "bold" if new else ""))
        for item in new:
            lines.append(safe(f"  {item.council.label}: {item.link.label}, "
                              f"{item.link.date or 'undated'}"))
    for item, reason in report.failed:
        lines.append(safe(f"  failed: {item.council.label}: {item.link.label} "
                          f"(file {item.link.file_id}): {reason}", "red"))
    return Group(*lines)
