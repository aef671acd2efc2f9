"""A dataset names every council in one document, so a search matches it row by row.

The full-text index answers per document: a council's name matches the national record as a
whole, and without this every council's events read from it would follow the search ("Sutton"
kept some 500 events of other councils on the timeline). An event read from a dataset follows a
search only where the lines of its own facts hold every word and phrase of the query, as the
index would have answered had each row been a document of its own.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol

from ofsted_core.search import term_patterns

Row = dict[str, Any]


class _Corpus(Protocol):
    @property
    def dataset_ids(self) -> frozenset[str]: ...

    def events_of(self, doc_id: str) -> list[Row]: ...

    def text_of(self, doc_id: str) -> str: ...

    def facts_of(self, doc_id: str, type_: str | None = None) -> list[Row]: ...


def events_in_matching_rows(corpus: _Corpus, doc_ids: Iterable[str], query: str) -> dict[str, set[str]]:
    """For each dataset among ``doc_ids``: the ids of its events whose rows match ``query``.

    Documents that are not datasets are left out: all their events follow a match.
    """
    # Read from the catalogue once per corpus: a broad prefix matches every document, and reading each
    # one's row to learn its kind cost seconds a key at 10,000 documents.
    datasets = sorted(corpus.dataset_ids.intersection(doc_ids))
    if not datasets:
        return {}
    terms = term_patterns(query)
    out: dict[str, set[str]] = {}
    for doc_id in datasets:
        text = corpus.text_of(doc_id)
        facts = {f["id"]: f for f in corpus.facts_of(doc_id) if f.get("span")}
        kept: set[str] = set()
        for event in corpus.events_of(doc_id):
            lines = [_line_at(text, facts[f]["span"]) for f in event.get("fact_ids") or () if f in facts]
            if any(all(t.search(line) for t in terms) for line in lines):
                kept.add(event["id"])
        out[doc_id] = kept
    return out


def _line_at(text: str, span: list[int] | tuple[int, int]) -> str:
    """The whole line (a dataset's row) holding ``span``."""
    start = text.rfind("\n", 0, span[0]) + 1
    end = text.find("\n", span[1])
    return text[start:] if end < 0 else text[start:end]
