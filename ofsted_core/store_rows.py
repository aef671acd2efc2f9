"""What each row of the store must be for the app to read it: checked on every load.

A store whose JSON parses can still hold rows the code cannot use (a
document without text, a fact span out of range, a list where an object
belongs), written by hand, by another tool or by a damaged disk. Every load
checks the fields the app relies on, so such a store is refused with the
table, the row and what is wrong, never a traceback halfway through a
command. Only types and ranges are checked, in one pass over the rows: a
store of a million facts takes a fraction of a second.
"""

from __future__ import annotations

from typing import Any

__all__ = ["row_problem"]

_MAX_YEAR = 9999
_DATE_FIELDS = (("year", 1, _MAX_YEAR), ("month", 1, 12), ("day", 1, 31),
                ("end_year", 1, _MAX_YEAR), ("end_month", 1, 12), ("end_day", 1, 31))


def _is_int(value: Any) -> bool:
    return value.__class__ is int


def _dates(row: dict[str, Any]) -> str | None:
    for name, low, high in _DATE_FIELDS:
        value = row.get(name)
        if value is not None and not (_is_int(value) and low <= value <= high):
            return f"{name} is {_shown(value)}, not a whole number from {low} to {high}"
    return None


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _strings(row: dict[str, Any], names: tuple[str, ...]) -> str | None:
    for name in names:
        if row.get(name).__class__ is not str:
            return f"{name} is {'missing' if name not in row else _shown(row[name])}, not text"
    return None


def _document(row: dict[str, Any], _: dict[str, int]) -> str | None:
    return _strings(row, ("id", "text", "source"))


def _fact(row: dict[str, Any], lengths: dict[str, int]) -> str | None:
    problem = _strings(row, ("id", "doc_id", "type"))
    if problem:
        return problem
    span = row.get("span")
    if span.__class__ is not list or len(span) != 2 or not (_is_int(span[0]) and _is_int(span[1])):
        return f"span is {_shown(span)}, not [start, end]"
    length = lengths.get(row["doc_id"])
    if not 0 <= span[0] <= span[1] or (length is not None and span[1] > length):
        return f"span {span} is outside its document's text"
    return _dates(row)


def _event(row: dict[str, Any], _: dict[str, int]) -> str | None:
    doc_ids = row.get("doc_ids")
    if doc_ids.__class__ is not list or any(d.__class__ is not str for d in doc_ids):
        return f"doc_ids is {'missing' if 'doc_ids' not in row else _shown(doc_ids)}, not a list of document ids"
    judgements = row.get("judgements")
    if judgements is not None and judgements.__class__ is not dict:
        return f"judgements is {_shown(judgements)}, not an object"
    return _dates(row)


def _annotation(row: dict[str, Any], _: dict[str, int]) -> str | None:
    return _strings(row, ("id", "kind"))


_CHECKS = {"documents": _document, "facts": _fact, "events": _event, "annotations": _annotation}


def _fact_ok(row: Any, lengths: dict[str, int]) -> bool:
    """``_fact`` finding nothing, written for speed: a large store has millions of facts."""
    if row.__class__ is not dict:
        return False
    get = row.get
    doc_id, span = get("doc_id"), get("span")
    if get("id").__class__ is not str or doc_id.__class__ is not str or get("type").__class__ is not str:
        return False
    if span.__class__ is not list or len(span) != 2:
        return False
    start, end = span
    if start.__class__ is not int or end.__class__ is not int or not 0 <= start <= end or end > lengths.get(doc_id, end):
        return False
    year, month, day = get("year"), get("month"), get("day")
    return ((year is None or year.__class__ is int and 1 <= year <= _MAX_YEAR)
            and (month is None or month.__class__ is int and 1 <= month <= 12)
            and (day is None or day.__class__ is int and 1 <= day <= 31)
            and (get("end_year") is None or _dates(row) is None))


def row_problem(name: str, rows: list[Any], lengths: dict[str, int]) -> tuple[int, str] | None:
    """(position, problem) of the first unusable row of table ``name``, else None.

    ``lengths`` gives each known document's text length, for fact spans.
    """
    check = _CHECKS[name]
    fast = _fact_ok if name == "facts" else None
    for n, row in enumerate(rows):
        if fast is not None and fast(row, lengths):
            continue
        if row.__class__ is not dict:
            return n, f"is {_shown(row)}, not an object"
        problem = check(row, lengths)
        if problem:
            return n, problem
    return None
