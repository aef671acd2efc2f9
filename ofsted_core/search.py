"""Full-text search, served by SQLite FTS5 (``ofsted_core.fulltext``).

Ranking is FTS5's BM25 over each document's title and text. Every query word
must match (the last one as a prefix, so results follow typing); a quoted
phrase must appear as those words in that order. The index of a store
persists beside it and is only opened here; documents not in a store (a test,
a snapshot without its file) get one in memory.

Snippets are cut here, not by FTS5's ``snippet()``: the reader needs each
hit's offsets in the document's text to open it at the match, and those are
found with the query's own patterns, only for the hits shown.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from ofsted_core import bulk, fulltext

__all__ = ["TITLE_ONLY", "LazyHit", "QueryPatterns", "SearchAnswer", "SearchHit", "SearchIndex", "query_patterns",
           "tokenize"]

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_PHRASE = re.compile(r'"([^"]+)"')
SNIPPET_WIDTH = 160
# Terms whose matching documents an index keeps: the words of a query being typed, and a few before it
# (a prefix matching every document is 10,000 ids, half a MiB: 32 of them raised the explorer's peak memory 14 MiB).
CACHED_TERMS = 8
TITLE_ONLY = "(only the title matches)"  # shown for a hit with no matching passage (its snippet is "")


def tokenize(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


@dataclass
class SearchHit:
    doc_id: str
    score: float
    start: int  # offset of the first match in the document text
    end: int
    snippet: str
    snippet_start: int  # offset of the snippet in the document text
    matches: list[tuple[int, int]] = field(default_factory=list)  # offsets within the snippet


class LazyHit:
    """A ranked match whose snippet is cut on first use; reads like a ``SearchHit``."""

    __slots__ = ("_hit", "_index", "_pattern", "doc_id", "score")

    def __init__(self, index: SearchIndex, doc_id: str, score: float, pattern: QueryPatterns) -> None:
        self._index, self._pattern = index, pattern
        self._hit: SearchHit | None = None
        self.doc_id = doc_id
        self.score = score

    def resolve(self) -> SearchHit:
        if self._hit is None:
            self._hit = self._index._hit(self.doc_id, self.score, self._pattern)
        return self._hit

    start = property(lambda self: self.resolve().start)
    end = property(lambda self: self.resolve().end)
    snippet = property(lambda self: self.resolve().snippet)
    snippet_start = property(lambda self: self.resolve().snippet_start)
    matches = property(lambda self: self.resolve().matches)


@dataclass
class SearchAnswer:
    """Every document matching a query (for filtering) and the best ones with snippets (for listing)."""

    doc_ids: set[str]
    hits: list[LazyHit]


class SearchIndex:
    """Ranked matches for queries, from an FTS5 index.

    ``SearchIndex(documents)`` indexes the given rows in memory. ``opened``
    uses a store's persisted index: ``known`` (the ids of the store's
    catalogue) hides rows that nothing names any more, awaiting collection,
    and ``text_of`` gives a document's text for its snippet.
    """

    def __init__(self, documents: Iterable[dict[str, Any]] = (), *, db: bulk.Connection | None = None,
                 known: set[str] | None = None, text_of: Callable[[str], str] | None = None) -> None:
        self._texts: dict[str, str] = {}
        if db is None:
            rows = [(d["id"], d.get("title") or "", d.get("text") or "") for d in documents]
            self._texts = {doc_id: text for doc_id, _, text in rows}
            db = bulk.in_memory(rows)
        self._db = db
        self._known = known
        self._text_of = text_of or self._texts.__getitem__
        self._row_ids: dict[int, str] | None = None  # read on first use
        self._known_by_row: dict[int, str] = {}
        self._uncollected_rows = 0
        # One connection, used by whichever thread searches: one query at a time.
        self._lock = threading.Lock()
        # The documents of the last terms asked (``_term_matches``), oldest first; emptied when a document is added.
        self._term_cache: dict[str, frozenset[str]] = {}
        self._terms_lock = threading.Lock()

    @classmethod
    def opened(cls, db: bulk.Connection, known: set[str], text_of: Callable[[str], str]) -> SearchIndex:
        return cls(db=db, known=known, text_of=text_of)

    @property
    def persisted(self) -> bool:
        """Whether this is a store's index (``opened``), of its bulk rows as imported."""
        return self._known is not None

    def serving(self, text_of: Callable[[str], str]) -> SearchIndex:
        """This index, its snippets' texts read through ``text_of`` (a corpus of the same documents, after a note)."""
        self._text_of = text_of
        return self

    def add(self, doc_id: str, text: str, title: str = "") -> None:
        """Index one more document (an index in memory)."""
        if doc_id in self._texts:
            raise ValueError(f"document {doc_id} is already indexed")
        with self._lock:
            bulk.add_texts(self._db, [(doc_id, title, text)])
            self._row_ids = None
        with self._terms_lock:
            self._term_cache.clear()
        self._texts[doc_id] = text

    def __len__(self) -> int:
        return len(self._known) if self._known is not None else len(self._texts)

    def ranked(self, query: str, limit: int | None = None) -> list[tuple[str, float]]:
        """Every matching document id with its score, best first (the best ``limit``); no snippets cut."""
        expression = _expression(query)
        if not expression or (limit is not None and limit <= 0):
            return []
        with self._lock:
            # Rows awaiting collection may rank among the best: ask for as many more.
            extra = self._uncollected() if limit is not None else 0
            rows = fulltext.ranked(self._db, expression, -1 if limit is None else limit + extra)
        known = self._known
        rows = rows if known is None else [(doc_id, score) for doc_id, score in rows if doc_id in known]
        return rows if limit is None else rows[:limit]

    def _ids_by_row(self) -> dict[int, str]:
        """Each indexed row's document id (under the lock; read once)."""
        if self._row_ids is None:
            self._row_ids = fulltext.row_ids(self._db)
            known = self._known
            # The rows of the documents this index knows, by rowid: what ``_term_matches`` maps its rows with.
            self._known_by_row = self._row_ids if known is None else {
                row: doc_id for row, doc_id in self._row_ids.items() if doc_id in known}
            self._uncollected_rows = len(self._row_ids) - len(self._known_by_row)
        return self._row_ids

    def _uncollected(self) -> int:
        """How many indexed rows no document of this index names (under the lock)."""
        self._ids_by_row()
        return self._uncollected_rows

    def hits(self, query: str, limit: int = 50) -> list[LazyHit]:
        """The best ``limit`` matches, best first, their snippets cut when first read (the list of hits)."""
        pattern = query_patterns(query)
        return [LazyHit(self, doc_id, score, pattern) for doc_id, score in self.ranked(query, limit)]

    def matching(self, query: str) -> frozenset[str]:
        """Every document matching ``query``, unranked: the same documents as ``ranked``, at a fraction of its cost.

        The text filter needs only which documents match, on every keystroke;
        ranking them is for the list of hits (``answer``), which can follow.
        Each term is asked of the index alone and its documents kept
        (``_term_matches``), and the query's are those every term has, as
        FTS5's AND gives: typing "children in ca" asks only for "ca*", the
        words before it answered already at earlier keys.
        """
        terms = _terms(query)
        if not terms:
            return frozenset()
        found = sorted(map(self._term_matches, terms), key=len)
        # One term's answer is the one kept (immutable), not a copy of its 10,000 ids.
        return found[0].intersection(*found[1:]) if len(found) > 1 else found[0]

    def _term_matches(self, term: str) -> frozenset[str]:
        """The documents matching one FTS5 term, asked of the index once while it is among the last few asked."""
        with self._terms_lock:
            found = self._term_cache.pop(term, None)
            if found is not None:
                self._term_cache[term] = found  # the newest last
                return found
        with self._lock:
            self._ids_by_row()
            ids = self._known_by_row
            rows = fulltext.matching_rows(self._db, term)
        # A row written after the ids were read (another process importing), or awaiting collection,
        # belongs to no document this index knows: the store is read again when it changes.
        found = frozenset(map(ids.__getitem__, filter(ids.__contains__, rows)))  # in C: a broad prefix is every row
        with self._terms_lock:
            self._term_cache[term] = found
            while len(self._term_cache) > CACHED_TERMS:
                del self._term_cache[next(iter(self._term_cache))]
        return found

    def answer(self, query: str, limit: int = 50) -> SearchAnswer:
        """Every matching document id, and the best ``limit`` hits, best first.

        The hits are cut into snippets only when first read (a list draws the
        rows on screen, not all of them), so a keystroke costs no more than
        the ranking.
        """
        ranked = self.ranked(query)
        pattern = query_patterns(query)
        return SearchAnswer({doc_id for doc_id, _ in ranked},
                            [LazyHit(self, doc_id, score, pattern) for doc_id, score in ranked[:max(limit, 0)]])

    def search(self, query: str, limit: int = 50, within: set[str] | None = None) -> list[SearchHit]:
        """The best ``limit`` matches with snippets (only those are cut)."""
        ranked = self.ranked(query)
        if within is not None:
            ranked = [(doc_id, score) for doc_id, score in ranked if doc_id in within]
        pattern = query_patterns(query)
        return [self._hit(doc_id, score, pattern) for doc_id, score in ranked[:max(limit, 0)]]

    def _hit(self, doc_id: str, score: float, patterns: QueryPatterns) -> SearchHit:
        text = self._text_of(doc_id)
        first = patterns.anchor.search(text)
        if first is None:
            # Matched through the title only: no passage matches, so none is shown
            # (the document's opening lines would look like a match).
            return SearchHit(doc_id, score, 0, 0, "", 0, [])
        start = max(0, first.start() - SNIPPET_WIDTH // 3)
        # Start the snippet on a word boundary.
        while start > 0 and not text[start - 1].isspace() and first.start() - start < SNIPPET_WIDTH // 2:
            start -= 1
        end = min(len(text), start + SNIPPET_WIDTH)
        snippet = text[start:end].replace("\n", " ")
        matches = [(m.start() - start, m.end() - start) for m in patterns.marks.finditer(text, start, end)]
        return SearchHit(doc_id, score, first.start(), first.end(), snippet, start, matches)


def _terms(query: str) -> list[str]:
    """The FTS5 terms of what the user typed, each a query alone (all must match); none when it holds no word."""
    phrases = [p.strip() for p in _PHRASE.findall(query) if p.strip() and tokenize(p)]
    loose = tokenize(_PHRASE.sub(" ", query))
    _, _, ends_open = _parse(query)
    return fulltext.match_terms(phrases, loose, ends_open and not phrases)


def _expression(query: str) -> str:
    """The FTS5 query for what the user typed; "" when it holds no word."""
    return " AND ".join(_terms(query))


def _parse(query: str) -> tuple[list[str], list[str], bool]:
    """Quoted phrases, all query words, and whether the last word is still being typed."""
    phrases = [p.strip() for p in _PHRASE.findall(query) if p.strip()]
    words = tokenize(_PHRASE.sub(" ", query))
    for phrase in phrases:
        words.extend(tokenize(phrase))
    # A trailing space or closing quote means the last word is complete.
    return phrases, words, not (query.endswith(" ") or query.rstrip().endswith('"'))


def _phrase_regex(phrase: str) -> str:
    return r"\b" + r"\W+".join(re.escape(w) for w in phrase.split()) + r"\b"


@dataclass(frozen=True)
class QueryPatterns:
    """Where a hit opens (``anchor``) and what its snippet marks (``marks``).

    A quoted phrase is the point of a query: the hit opens at the phrase, and
    its words are marked only where the whole phrase stands, never alone
    ("widespread" inside "widespread and serious failures" for the phrase
    "widespread or serious failures").
    """

    anchor: re.Pattern[str]
    marks: re.Pattern[str]


def _term_regexes(query: str) -> tuple[list[str], int]:
    """A regex for each phrase and unquoted word of a query (the last word a prefix while typed),
    phrases first, with how many phrases there are: the terms the index's AND expression holds."""
    phrases = [p.strip() for p in _PHRASE.findall(query) if p.strip()]
    loose = tokenize(_PHRASE.sub(" ", query))
    ends_open = not (query.endswith(" ") or query.rstrip().endswith('"'))
    parts = [_phrase_regex(p) for p in phrases]  # first, so a phrase wins over its own words
    for i, word in enumerate(loose):
        tail = r"\w*" if ends_open and i == len(loose) - 1 and not phrases else r"\b"
        parts.append(r"\b" + re.escape(word).replace("'", "['’]") + tail)
    return parts, len(phrases)


def term_patterns(query: str) -> list[re.Pattern[str]]:
    """Each term of a query, compiled: a passage matches the query where every one is found in it."""
    return [re.compile(part, re.IGNORECASE) for part in _term_regexes(query)[0]]


def query_patterns(query: str) -> QueryPatterns:
    """The patterns of a query: its phrases and its unquoted words (the last as a prefix while typed)."""
    parts, phrases = _term_regexes(query)
    marks = re.compile("|".join(parts) or r"(?!)", re.IGNORECASE)
    anchor = re.compile("|".join(parts[:phrases]), re.IGNORECASE) if phrases else marks
    return QueryPatterns(anchor, marks)
