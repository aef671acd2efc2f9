"""The command line's timeline as cells of plain text, for Rich's table on a terminal and for a pipe.

Free of Rich: piped or redirected, ``ofsted-tui timeline`` prints these as
aligned columns (``ofsted_tui.aligned``) without loading Rich, whose import
and per-cell ``Text`` objects were most of the command's own time at 10,000
documents. ``render.timeline_table`` styles the same pieces for a terminal.
Every string from the store goes through ``clean_text``, as ``render.safe``
does, so no control character reaches the output.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from importers.sanitize import clean_text
from ofsted_core.grades import sentence_case
from ofsted_core.labels import conflict_source, rating_text

__all__ = ["COLUMNS", "TITLE", "Piece", "plain_timeline", "rating_pieces", "timeline_cells"]

TITLE = "Inspection timeline"
# (header, justify): the Docs column counts, right-aligned.
COLUMNS = (("Date", "left"), ("Authority", "left"), ("Type", "left"), ("Rating (areas that differ)", "left"),
           ("Docs", "right"))

# (text, role, grade): role "badge" (the event's own rating), "grade" (an area's or a conflict's
# rating word), or a plain style name ("bold", "dim", "").
Piece = tuple[str, str, "int | None"]


@lru_cache(maxsize=4096)
def _clean_str(value: str) -> str:
    return clean_text(value)


def _clean(value: Any) -> str:
    # Cached: the same councils, types, dates and area names fill thousands of rows.
    return _clean_str("" if value is None else str(value))


def rating_pieces(event: dict[str, Any]) -> list[Piece]:
    """The rating cell: the event's rating, then each area that differs, then each source that disagrees."""
    # The normalised word keeps the column narrow; `show` and --json give the wording.
    # rating_text gives the one casing, and says why where there is no grade.
    pieces: list[Piece] = [(f" {rating_text(event)} ", "badge", event.get("grade"))]
    for area, judgement in sorted(event.get("judgements", {}).items()):
        if area == "overall" or judgement.get("rating") == event.get("rating"):
            continue
        pieces += [("\n", "", None), (_clean(f"{area}: "), "", None),
                   (_clean(sentence_case(judgement.get("rating"))), "grade", judgement.get("grade"))]
    # Sources that disagree: the other grade, and who gives it, for a person to check.
    for conflict in event.get("conflicts") or ():
        pieces += [("\n\u2260 ", "bold", None), (_clean(f"{conflict['area']}: "), "", None),
                   (_clean(sentence_case(conflict.get("rating"))), "grade", conflict.get("grade")),
                   (_clean(f" {conflict_source(conflict)}"), "dim", None)]
    return pieces


def timeline_cells(event: dict[str, Any]) -> tuple[str, str, str, list[Piece], str]:
    """One event's row: date, authority, type, the rating's pieces, the number of documents."""
    return (_clean(event["label"]), _clean(event.get("authority") or "unknown"), _clean(event["type"]),
            rating_pieces(event), str(len(event["doc_ids"])))


def plain_timeline(events: list[dict[str, Any]]) -> Iterator[str]:
    """The timeline's lines as a pipe gets them: the title, the headers, then each row aligned."""
    from ofsted_tui.aligned import aligned_lines

    rows = []
    for event in events:
        date, authority, kind, rating, docs = timeline_cells(event)
        rows.append([date, authority, kind, "".join(piece[0] for piece in rating), docs])
    return aligned_lines(TITLE, [header for header, _ in COLUMNS], [justify for _, justify in COLUMNS], rows)
