"""The order documents are listed in: dated ones oldest first (by publication, else inspection), then undated
ones by title. One key, for the corpus's sorted list and for the facet index that keeps it up to date."""

from __future__ import annotations

from typing import Any

__all__ = ["document_order"]


def document_order(doc: dict[str, Any]) -> tuple:
    date = doc.get("published") or doc.get("inspected_end")
    return (date is None, date or "", (doc.get("title") or doc["source"]).lower())
