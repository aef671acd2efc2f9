"""Full-text search: an inverted index built once, queried per keystroke.

Ranking is BM25 over document words. Every query word must match (the last one
as a prefix, so results follow typing); a quoted phrase must appear verbatim.
Snippets are cut only for the hits shown, around the first match, with the
offsets of each match so callers can highlight them.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

__all__ = ["SearchHit", "SearchIndex", "tokenize"]

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_PHRASE = re.compile(r'"([^"]+)"')
_K1, _B = 1.2, 0.75
SNIPPET_WIDTH = 160


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


class SearchIndex:
    def __init__(self, documents: Iterable[dict[str, Any]]) -> None:
        self._texts: dict[str, str] = {}
        self._postings: dict[str, dict[str, int]] = {}
        self._lengths: dict[str, int] = {}
        for doc in documents:
            self.add(doc["id"], doc.get("text") or "", doc.get("title") or "")
        self._vocabulary = sorted(self._postings)

    def add(self, doc_id: str, text: str, title: str = "") -> None:
        words = tokenize(text) + tokenize(title)
        self._texts[doc_id] = text
        self._lengths[doc_id] = len(words)
        for word, count in Counter(words).items():
            self._postings.setdefault(word, {})[doc_id] = count

    def __len__(self) -> int:
        return len(self._texts)

    def _expand(self, word: str, prefix: bool) -> list[str]:
        if not prefix:
            return [word] if word in self._postings else []
        lo = bisect.bisect_left(self._vocabulary, word)
        hi = bisect.bisect_left(self._vocabulary, word + "\uffff")
        return self._vocabulary[lo:hi][:200]

    def ranked(self, query: str) -> list[tuple[str, float]]:
        """Every matching document id with its score, best first; no snippets cut."""
        phrases, words, ends_open = _parse(query)
        if not words:
            return []
        total = max(len(self._texts), 1)
        avg = sum(self._lengths.values()) / total
        scores: dict[str, float] | None = None
        for i, word in enumerate(words):
            prefix = ends_open and i == len(words) - 1 and not phrases
            term_scores: dict[str, float] = {}
            for term in self._expand(word, prefix):
                postings = self._postings[term]
                idf = math.log(1 + (total - len(postings) + 0.5) / (len(postings) + 0.5))
                for doc_id, tf in postings.items():
                    norm = tf * (_K1 + 1) / (tf + _K1 * (1 - _B + _B * self._lengths[doc_id] / avg))
                    term_scores[doc_id] = max(term_scores.get(doc_id, 0.0), idf * norm)
            if scores is None:
                scores = term_scores
            else:
                scores = {d: s + term_scores[d] for d, s in scores.items() if d in term_scores}
            if not scores:
                return []
        assert scores is not None
        ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
        if phrases:
            patterns = [re.compile(_phrase_regex(p), re.IGNORECASE) for p in phrases]
            ranked = [kv for kv in ranked if all(p.search(self._texts[kv[0]]) for p in patterns)]
        return ranked

    def search(self, query: str, limit: int = 50, within: set[str] | None = None) -> list[SearchHit]:
        """The best ``limit`` matches with snippets (only those are cut)."""
        candidates = self.ranked(query)
        if within is not None:
            candidates = [kv for kv in candidates if kv[0] in within]
        if not candidates:
            return []
        phrases, words, ends_open = _parse(query)
        pattern = _match_pattern(words, phrases, ends_open)
        return [self._hit(doc_id, score, pattern) for doc_id, score in candidates[:limit]]

    def _hit(self, doc_id: str, score: float, pattern: re.Pattern[str]) -> SearchHit:
        text = self._texts[doc_id]
        first = pattern.search(text)
        if first is None:  # matched through the title only
            return SearchHit(doc_id, score, 0, 0, text[:SNIPPET_WIDTH].replace("\n", " "), 0, [])
        start = max(0, first.start() - SNIPPET_WIDTH // 3)
        # Start the snippet on a word boundary.
        while start > 0 and not text[start - 1].isspace() and first.start() - start < SNIPPET_WIDTH // 2:
            start -= 1
        end = min(len(text), start + SNIPPET_WIDTH)
        snippet = text[start:end].replace("\n", " ")
        matches = [(m.start() - start, m.end() - start) for m in pattern.finditer(text, start, end)]
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


def _match_pattern(words: list[str], phrases: list[str], ends_open: bool) -> re.Pattern[str]:
    parts = [_phrase_regex(p) for p in phrases]
    for i, word in enumerate(words):
        tail = r"\w*" if ends_open and i == len(words) - 1 and not phrases else r"\b"
        parts.append(r"\b" + re.escape(word).replace("'", "['’]") + tail)
    return re.compile("|".join(parts), re.IGNORECASE)
