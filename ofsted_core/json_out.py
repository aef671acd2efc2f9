"""JSON as the command line and exports print it: indented, UTF-8, every control character escaped.

Apart from ``export``, so that ``timeline --json`` and ``search --json`` do not load the export code.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

import orjson

__all__ = ["EVENT_KEYS", "event_fields", "json_text"]

# An event's fields as exports and ``timeline --json`` give them, in this order.
EVENT_KEYS = (
    "id", "authority", "date", "precision", "year", "month", "day", "type", "rating",
    "rating_text", "grade", "overall_not_in_dataset", "era", "judgements", "conflicts", "doc_ids", "fact_ids",
    "quotes",
)
# Said of every event, true or false: the dataset's blank overall cell (Ofsted gave a grade the file
# lacks) is not "no overall grade", and a script must be able to tell them apart.
_FLAGS = frozenset({"overall_not_in_dataset"})


def event_fields(event: Mapping[str, Any], keys: Iterable[str] = EVENT_KEYS) -> dict[str, Any]:
    """``event``'s ``keys`` as exports and ``timeline --json`` give them."""
    return {k: bool(event.get(k)) if k in _FLAGS else event.get(k) for k in keys}

# orjson escapes C0 controls but leaves DEL and C1 (a terminal's 8-bit CSI) raw.
_C1 = re.compile("[\x7f-\x9f]")


def json_text(data: Any) -> str:
    """``data`` as indented JSON text ending in a newline, no control character raw.

    orjson, not ``json``: the 3,300 events of 10,000 documents took the
    standard library several times as long. Non-string keys are written as
    strings, as ``json`` writes them.
    """
    text = orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS).decode()
    return _C1.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"
