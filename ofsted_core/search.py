"""Full-text search: an inverted index built once, queried per keystroke.

Ranking is BM25 over document words. Every query word must match (the last one
as a prefix, so results follow typing); a quoted phrase must appear verbatim.
Snippets are cut only for the hits shown, around the first match, with the
offsets of each match so callers can highlight them.

The index is compact and answers a keystroke in milliseconds on 10,000
documents: documents are numbered, each word's postings are two arrays
(document numbers and counts), and a word's scores are computed once, the
first time a query uses it. What one query word scores per document (the best
of its prefix expansions) is kept for the next keystrokes, which mostly repeat
the words before the one being typed.
"""

from __future__ import annotations

import bisect
import heapq
import math
import re
from array import array
from collections import Counter, OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

__all__ = ["TITLE_ONLY", "LazyHit", "QueryPatterns", "SearchAnswer", "SearchHit", "SearchIndex", "query_patterns",
           "tokenize"]

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_PHRASE = re.compile(r'"([^"]+)"')
_K1, _B = 1.2, 0.75
SNIPPET_WIDTH = 160
MAX_EXPANSIONS = 200  # words a prefix stands for, in alphabetical order
_WORD_CACHE = 16  # per-word score tables kept for the next keystrokes
TITLE_ONLY = "(only the title matches)"  # shown for a hit with no matching passage (its snippet is "")


def tokenize(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def _tokens(text: str) -> list[str]:
    """``tokenize`` for whole documents: one lower() over the text, not one per word."""
    return _WORD.findall(text.lower().replace("’", "'"))


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

    __slots__ = ("_hit", "_index", "_number", "_pattern", "doc_id", "score")

    def __init__(self, index: SearchIndex, number: int, score: float, pattern: QueryPatterns | None) -> None:
        self._index, self._number, self._pattern = index, number, pattern
        self._hit: SearchHit | None = None
        self.doc_id = index._ids[number]
        self.score = score

    def resolve(self) -> SearchHit:
        if self._hit is None:
            assert self._pattern is not None
            self._hit = self._index._hit(self._number, self.score, self._pattern)
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
    def __init__(self, documents: Iterable[dict[str, Any]]) -> None:
        self._ids: list[str] = []
        self._pos: dict[str, int] = {}
        self._texts: list[str] = []
        self._lengths: list[int] = []
        # Postings: word -> (document numbers ascending, counts); scored by _freeze.
        self._postings: dict[str, tuple[array, array]] = {}
        self._docs: dict[str, array] = {}
        self._scores: dict[str, array] = {}  # word -> BM25 score per posting, on first use
        self._norms: list[float] = []
        self._words: OrderedDict[tuple[str, bool], dict[int, float]] = OrderedDict()
        self._vocabulary: list[str] = []
        self._prefixes: dict[str, array] = {}
        for doc in documents:
            self.add(doc["id"], doc.get("text") or "", doc.get("title") or "")
        self._freeze()

    def add(self, doc_id: str, text: str, title: str = "") -> None:
        if doc_id in self._pos:
            raise ValueError(f"document {doc_id} is already indexed")
        number = len(self._ids)
        words = _tokens(text)
        if title:
            words += _tokens(title)
        self._ids.append(doc_id)
        self._pos[doc_id] = number
        self._texts.append(text)
        self._lengths.append(len(words))
        postings = self._postings
        for word, count in Counter(words).items():
            pair = postings.get(word)
            if pair is None:
                postings[word] = pair = (array("I"), array("I"))
            pair[0].append(number)
            pair[1].append(count)
        self._vocabulary = []  # stale until the next query freezes it again

    def _freeze(self) -> None:
        """Sort the vocabulary and prepare BM25 (which needs the average length first).

        A word's postings are scored when a query first uses it, and the short
        prefixes are merged by ``merge_short_prefixes``: the index answers as
        soon as its postings are in.
        """
        self._vocabulary = sorted(self._postings)
        total = max(len(self._ids), 1)
        avg = (sum(self._lengths) / total) or 1.0
        base, slope = _K1 * (1 - _B), _K1 * _B / avg
        # The length part of each document's denominator, computed once.
        self._norms = [base + slope * n for n in self._lengths]
        self._docs = {word: docs for word, (docs, _) in self._postings.items()}
        self._scores = {}
        self._words.clear()
        self._prefixes = {}

    def _scores_of(self, word: str) -> array:
        """The BM25 score of each of ``word``'s postings (computed once)."""
        scores = self._scores.get(word)
        if scores is None:
            docs, counts = self._postings[word]
            total, norms = max(len(self._ids), 1), self._norms
            scale = math.log(1 + (total - len(docs) + 0.5) / (len(docs) + 0.5)) * (_K1 + 1)
            scores = self._scores[word] = array("d", [scale * tf / (tf + norms[d]) for d, tf in zip(docs, counts)])
        return scores

    def merge_short_prefixes(self) -> None:
        """Best-of-expansions scores of the one- and two-letter prefixes that stand for many postings.

        Merging the expansions of a short prefix (the first letters typed)
        would take tens of milliseconds a keystroke; merged once here, each
        is an array of one score per document (0.0 where none matches). The
        index answers meanwhile (a prefix not merged yet is merged per query),
        so this can run after the index is in use.
        """
        if not self._vocabulary and self._postings:
            self._freeze()
        total = len(self._ids)
        vocabulary = self._vocabulary
        for size in (1, 2):
            for prefix in sorted({w[:size] for w in vocabulary if len(w) >= size}):
                terms = self._expand(prefix, True)
                sizes = [len(self._docs[t]) for t in terms]
                if sum(sizes) - max(sizes, default=0) > 2 * total:
                    best = array("d", bytes(8 * total))
                    for d, score in self._merge(terms).items():
                        best[d] = score
                    self._prefixes[prefix] = best

    def __len__(self) -> int:
        return len(self._ids)

    def _expand(self, word: str, prefix: bool) -> list[str]:
        if not self._vocabulary and self._postings:
            self._freeze()
        if not prefix:
            return [word] if word in self._docs else []
        lo = bisect.bisect_left(self._vocabulary, word)
        hi = bisect.bisect_left(self._vocabulary, word + "\uffff")
        return self._vocabulary[lo:hi][:MAX_EXPANSIONS]

    def _word_scores(self, word: str, prefix: bool) -> dict[int, float]:
        """Document number -> the best score of the word's expansions (cached per word)."""
        key = (word, prefix)
        table = self._words.get(key)
        if table is not None:
            self._words.move_to_end(key)
            return table
        merged = self._prefixes.get(word) if prefix else None
        if merged is not None:
            table = {d: s for d, s in enumerate(merged) if s}
        else:
            table = self._merge(self._expand(word, prefix))
        self._words[key] = table
        if len(self._words) > _WORD_CACHE:
            self._words.popitem(last=False)
        return table

    def _merge(self, terms: list[str]) -> dict[int, float]:
        """Document number -> the best score among ``terms``."""
        terms = sorted(terms, key=lambda t: -len(self._docs[t]))
        scores_of = self._scores_of
        table = dict(zip(self._docs[terms[0]], scores_of(terms[0]))) if terms else {}
        get = table.get
        for term in terms[1:]:
            table.update({d: s for d, s in zip(self._docs[term], scores_of(term)) if s > get(d, 0.0)})
        return table

    def _scored(self, query: str) -> dict[int, float]:
        """Document number -> score, for every document matching ``query``."""
        phrases, words, ends_open = _parse(query)
        if not words:
            return {}
        tables = []
        for i, word in enumerate(words):
            table = self._word_scores(word, ends_open and i == len(words) - 1 and not phrases)
            if not table:
                return {}
            tables.append(table)
        tables.sort(key=len)
        if len(tables) == 1:
            scores = tables[0]
        else:
            common = tables[0].keys() & tables[1].keys()
            for table in tables[2:]:
                common &= table.keys()
            # The sum in query-word order, as BM25 adds the words up.
            ordered = [self._word_scores(w, ends_open and i == len(words) - 1 and not phrases)
                       for i, w in enumerate(words)]
            first = ordered[0]
            scores = {d: first[d] for d in common}
            for table in ordered[1:]:
                scores = {d: s + table[d] for d, s in scores.items()}
        if phrases and scores:
            patterns = [re.compile(_phrase_regex(p), re.IGNORECASE) for p in phrases]
            texts = self._texts
            scores = {d: s for d, s in scores.items() if all(p.search(texts[d]) for p in patterns)}
        return scores

    def _best(self, scores: dict[int, float], limit: int | None) -> list[tuple[int, float]]:
        """Best first, ties by document id; only the first ``limit`` are ordered in full."""
        ids = self._ids
        order = lambda kv: (-kv[1], ids[kv[0]])  # noqa: E731
        if limit is None or limit >= len(scores):
            return sorted(scores.items(), key=order)
        if limit <= 0:
            return []
        # The limit-th best score by a cheap key, then everything that ties with it or beats it.
        floor = heapq.nlargest(limit, scores.values())[-1]
        return sorted(((d, s) for d, s in scores.items() if s >= floor), key=order)[:limit]

    def ranked(self, query: str) -> list[tuple[str, float]]:
        """Every matching document id with its score, best first; no snippets cut."""
        ids = self._ids
        return [(ids[d], s) for d, s in self._best(self._scored(query), None)]

    def answer(self, query: str, limit: int = 50) -> SearchAnswer:
        """Every matching document id, and the best ``limit`` hits, best first.

        The hits are cut into snippets only when first read (a list draws the
        rows on screen, not all of them), so a keystroke costs no more than
        the ranking.
        """
        scores = self._scored(query)
        ids = self._ids
        best = self._best(scores, limit)
        pattern = query_patterns(query) if best else None
        return SearchAnswer({ids[d] for d in scores}, [LazyHit(self, d, score, pattern) for d, score in best])

    def search(self, query: str, limit: int = 50, within: set[str] | None = None) -> list[SearchHit]:
        """The best ``limit`` matches with snippets (only those are cut)."""
        scores = self._scored(query)
        if within is not None:
            wanted = {self._pos[d] for d in within if d in self._pos}
            scores = {d: s for d, s in scores.items() if d in wanted}
        return self._hits(query, self._best(scores, limit))

    def _hits(self, query: str, best: list[tuple[int, float]]) -> list[SearchHit]:
        if not best:
            return []
        patterns = query_patterns(query)
        return [self._hit(d, score, patterns) for d, score in best]

    def _hit(self, number: int, score: float, patterns: QueryPatterns) -> SearchHit:
        doc_id, text = self._ids[number], self._texts[number]
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


def query_patterns(query: str) -> QueryPatterns:
    """The patterns of a query: its phrases and its unquoted words (the last as a prefix while typed)."""
    phrases = [p.strip() for p in _PHRASE.findall(query) if p.strip()]
    loose = tokenize(_PHRASE.sub(" ", query))
    ends_open = not (query.endswith(" ") or query.rstrip().endswith('"'))
    parts = [_phrase_regex(p) for p in phrases]  # first, so a phrase wins over its own words
    for i, word in enumerate(loose):
        tail = r"\w*" if ends_open and i == len(loose) - 1 and not phrases else r"\b"
        parts.append(r"\b" + re.escape(word).replace("'", "['’]") + tail)
    marks = re.compile("|".join(parts) or r"(?!)", re.IGNORECASE)
    anchor = re.compile("|".join(parts[: len(phrases)]), re.IGNORECASE) if phrases else marks
    return QueryPatterns(anchor, marks)
