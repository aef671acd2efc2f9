"""Trace quotes to their source, and flag passages repeated between documents.

Importers see one document at a time; this module looks across the store.

- A quote (at least ``MIN_QUOTE_WORDS`` words) whose words appear in another
  document is linked both ways: the quote's ``source_links`` name the place,
  and the place links back. Where the other document has a fact covering that
  place (a quote, an improvement item), the link goes to it; otherwise a
  ``passage`` fact is made there to hold the back link.
- Runs of sentences two documents share (a story carrying paragraphs of
  another) become a ``repeated`` fact in each, linked to the other.

A link is ``{"doc_id", "fact_id", "span", "relation"}``; ``relation`` says how
the linked place relates to this fact: ``quotes`` (this quote's words are
found there), ``quoted_by`` (that quote takes its words from here),
``same_quote`` (both documents quote the same words) or ``repeats`` (a shared
passage). Words are compared normalised: case, whitespace and line or page
breaks, quotation marks, dashes, hyphens and punctuation are ignored, and page
furniture (running headers, page numbers) is skipped, so a PDF page break in
the middle of a quoted sentence does not hide it.

Documents are compared only within a group: those about one council plus those
naming none. An import redoes the groups of the councils it touched (their
links and derived facts are dropped first), so re-imports never duplicate links
and a replaced document leaves no links behind. Nothing compares all pairs of
documents: a quote is looked for with one ``str.find`` in its group's texts run
together, and sentences are matched through a hash index, where a sentence in
more than ``MAX_SHARED_DOCS`` documents of the group counts as boilerplate.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Any

from importers.extract.paragraphs import trimmed
from importers.model import DATASET_KIND, OFSTED_KINDS, source_rank

__all__ = [
    "DERIVED_FIELDS", "DERIVED_TYPES", "LINK_RELATIONS", "MAX_SHARED_DOCS", "MIN_QUOTE_WORDS",
    "MIN_RUN_WORDS", "link_label", "trace_sources",
]

MIN_QUOTE_WORDS = 7  # "There are no widespread or serious failures"
MIN_QUOTE_CHARS = 30  # seven words of two letters are no evidence
MIN_SENTENCE_CHARS = 12  # "Read more." and list numbers say nothing about copying (letters, no spaces)
MIN_RUN_WORDS = 25  # one long shared sentence is a repeat...
MIN_RUN_SENTENCES, MIN_RUN_SENTENCES_WORDS = 2, 12  # ...and so are two shorter ones in a row
MAX_SHARED_DOCS = 6  # a sentence in more documents is boilerplate, not a copy
MAX_QUOTE_LINKS = 8  # a quote's words found in more places: keep the best sources

# The fact types this module makes (besides links on imported facts), and their fields.
DERIVED_FIELDS: dict[str, tuple[str, ...]] = {
    "passage": ("words",),  # words of this document quoted elsewhere
    "repeated": ("words", "sentences"),  # sentences another document also carries
}
DERIVED_TYPES = tuple(DERIVED_FIELDS)
LINK_RELATIONS = ("quotes", "quoted_by", "same_quote", "repeats")
# A quote found inside one of these facts of the other document links to it.
_COVERING_TYPES = ("quote", "improvement", "passage")
# Ofsted's own documents share standard wording by design: not worth flagging.

_WORD = re.compile(r"\w+")
_NON_WORD = re.compile(r"\W+")
_NON_WORD_BUT_NUL = re.compile(r"[^\w\0]+")
_COUNTED_WORD = re.compile(r"\w[\w'\u2019-]*")  # "children's" and "co-ordinated" are one word each
# A quote is searched piece by piece: the quoting writer's cuts (ellipses,
# [inserted words]) and paragraph breaks are where the source may differ.
_QUOTE_CUTS = re.compile(r"\s*(?:\.\s*\.\s*\.|\u2026|\[[^\]]*\]|\n+)\s*")
_SENTENCE_END = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?=\s|$)|\n")


def link_label(relation: str | None) -> str:
    """How a link reads after a fact: "found in", "quoted in", "also quoted in", "repeated in"."""
    return {"quotes": "found in", "quoted_by": "quoted in", "same_quote": "also quoted in",
            "repeats": "repeated in"}.get(relation or "", "linked to")


# -- normalised text ----------------------------------------------------------
class _Text:
    """A document's words, lower-cased and run together (``compact``), and its sentences.

    Words are compared with every non-word character removed, so
    "co-ordinated" matches "coordinated" and "looked-after" "looked after";
    a match is accepted only where it starts and ends on word boundaries.
    Built with two whole-text regex passes, not one per sentence or word.
    """

    __slots__ = ("body", "compact", "sentences", "_cuts", "_starts")

    def __init__(self, doc: dict[str, Any]) -> None:
        text = doc.get("text") or ""
        self.body = body = _blank(text, doc.get("furniture") or ())
        self._starts = starts = [0] + [m.end() for m in _SENTENCE_END.finditer(body)]
        bounds = starts[1:] + [len(body)]
        # One regex pass over all sentences at once (NUL between them), not one per sentence.
        keys = _NON_WORD_BUT_NUL.sub("", "\0".join([body[a:b] for a, b in zip(starts, bounds)])).lower().split("\0")
        self.compact = "".join(keys)
        # (hash, index, words) of each sentence long enough to say something about copying
        self.sentences = [(hash(k), i, body.count(" ", starts[i], bounds[i]) + 1)
                          for i, k in enumerate(keys) if len(k) >= MIN_SENTENCE_CHARS]
        self._cuts = list(accumulate(map(len, keys), initial=0))

    def sentence_span(self, index: int) -> tuple[int, int]:
        """Where sentence ``index`` lies in the text, without the space around it."""
        end = self._starts[index + 1] if index + 1 < len(self._starts) else len(self.body)
        return trimmed(self.body, self._starts[index], end)

    def span_of(self, start: int, end: int) -> tuple[int, int] | None:
        """The text span of compact ``[start, end)``, or None where that cuts a word.

        Only the words of the sentences the match lies in are read, so a
        match costs its own length, not the document's.
        """
        cuts = self._cuts
        first, last = bisect.bisect_right(cuts, start) - 1, bisect.bisect_left(cuts, end)
        stop = self._starts[last] if last < len(self._starts) else len(self.body)
        words = list(_WORD.finditer(self.body, self._starts[first], stop))
        sizes = [len(m.group()) if m.group().isascii() else len(m.group().lower()) for m in words]
        ends = list(accumulate(sizes, initial=cuts[first]))
        a, b = bisect.bisect_left(ends, start), bisect.bisect_left(ends, end)
        if a >= len(words) or b == 0 or b > len(words) or ends[a] != start or ends[b] != end:
            return None
        return words[a].start(), words[b - 1].end()


def _blank(text: str, furniture: Iterable[Iterable[int]]) -> str:
    """``text`` with its page furniture (and any NUL, the sentence marker) turned to spaces."""
    text = text.replace("\0", " ")
    ranges = sorted((int(a), int(b)) for a, b in furniture)
    if not ranges:
        return text
    out, at = [], 0
    for a, b in ranges:
        a, b = max(a, at), min(b, len(text))
        if a < b:
            out += [text[at:a], " " * (b - a)]
            at = b
    out.append(text[at:])
    return "".join(out)


def _sentence_ends(text: str) -> list[int]:
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    if not ends or ends[-1] < len(text):
        ends.append(len(text))
    return ends


def _count_words(text: str) -> int:
    return len(_COUNTED_WORD.findall(text))


def _compact(words: str) -> str:
    return _NON_WORD.sub("", words).lower()


# -- links --------------------------------------------------------------------
@dataclass
class _Links:
    """Links and derived facts being gathered; turned into fact rows at the end."""

    facts: dict[str, dict[str, Any]]
    links: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    derived: dict[str, dict[str, Any]] = field(default_factory=dict)
    changed: set[str] = field(default_factory=set)  # facts given a new link in this run

    def add(self, fact_id: str, doc_id: str, other_fact: str | None, span: tuple[int, int], relation: str) -> None:
        link = {"doc_id": doc_id, "fact_id": other_fact, "span": [span[0], span[1]], "relation": relation}
        if link not in self.links[fact_id]:
            self.links[fact_id].append(link)
            self.changed.add(fact_id)

    def derive(self, kind: str, doc_id: str, span: tuple[int, int], **fields: Any) -> dict[str, Any]:
        fact_id = f"{doc_id}-{kind[0]}{span[0]}-{span[1]}"
        fact = self.derived.get(fact_id)
        if fact is None:
            fact = {"id": fact_id, "doc_id": doc_id, "type": kind, "span": [span[0], span[1]], **fields}
            self.derived[fact_id] = fact
            self.facts[fact_id] = fact
        return fact


def _order(docs: dict[str, dict[str, Any]]):
    """Sort key for links: Ofsted's documents first, then by date, then id (import order never matters)."""
    ranks: dict[str, tuple] = {}  # a document's part of the key, made once: links are many more than documents

    def key(link: dict[str, Any]) -> tuple:
        doc_id = link["doc_id"]
        rank = ranks.get(doc_id)
        if rank is None:
            doc = docs[doc_id]
            rank = ranks[doc_id] = (source_rank(doc.get("kind")), doc.get("published") or "9999")
        return (*rank, doc_id, link["span"])
    return key


def trace_sources(
    documents: Iterable[dict[str, Any]], facts: Iterable[dict[str, Any]],
    authorities: Iterable[str | None] | None = None,
) -> list[dict[str, Any]]:
    """``facts`` with ``source_links`` recomputed, plus the ``passage`` and ``repeated`` facts.

    Documents are compared only within a group: those about one council plus
    those naming none. ``authorities`` names the groups to redo (the councils of
    the documents just added, replaced or removed); None redoes every group, as
    does a document naming no council, since it belongs to all of them. Links
    and derived facts of a group being redone are dropped first, so nothing is
    duplicated and nothing points at a document that is gone. Imported facts
    are changed in place (only their ``source_links``).
    """
    docs = {d["id"]: d for d in documents}
    groups: dict[str | None, list[str]] = defaultdict(list)
    for doc_id in sorted(docs):
        if docs[doc_id].get("kind") == DATASET_KIND:
            continue  # a table of rows (every council's): it quotes nothing and carries no prose to repeat
        groups[docs[doc_id].get("authority")].append(doc_id)
    redo = set(groups) if authorities is None else set(authorities)
    if None in redo:
        redo = set(groups) | {None}
    scope = {doc_id for authority in redo for doc_id in groups.get(authority, ())}
    base, kept_derived = [], {}
    for fact in facts:
        doc_id = fact.get("doc_id")
        if doc_id not in docs or (doc_id in scope and fact.get("type") in DERIVED_FIELDS):
            continue
        found = [link for link in fact.get("source_links") or ()
                 if doc_id not in scope and link.get("doc_id") in docs and link["doc_id"] not in scope]
        if found:
            fact["source_links"] = found
        else:
            fact.pop("source_links", None)
        if fact.get("type") in DERIVED_FIELDS:
            if found:
                kept_derived[fact["id"]] = fact
        else:
            base.append(fact)
    by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)  # only the facts a link can land on
    for fact in (*base, *kept_derived.values()):
        if fact["type"] in _COVERING_TYPES:
            by_doc[fact["doc_id"]].append(fact)
    links = _Links({f["id"]: f for f in (*base, *kept_derived.values())},
                   defaultdict(list, {f["id"]: list(f["source_links"]) for f in (*base, *kept_derived.values())
                                      if f.get("source_links")}),
                   kept_derived)
    run = _Run(docs, by_doc, links)
    unnamed = groups.get(None, [])
    for authority in sorted(redo, key=lambda a: (a is not None, a or "")):
        own = groups.get(authority, [])
        if own:
            run.trace(own, [] if authority is None else unnamed)
            if authority is not None:
                run.forget(own)
    order = _order(docs)
    for fact_id in links.changed:  # the others kept their (sorted) links
        links.facts[fact_id]["source_links"] = sorted(links.links[fact_id], key=order)
    derived = sorted(links.derived.values(), key=lambda f: (f["doc_id"], f["span"], f["type"]))
    return base + derived


class _Run:
    """One call of ``trace_sources``: the documents' normalised texts, made when first needed."""

    def __init__(self, docs: dict[str, dict[str, Any]], by_doc, links: _Links) -> None:
        self.docs, self.by_doc, self.links = docs, by_doc, links
        self.rank = {doc_id: (source_rank(doc.get("kind")), doc.get("published") or "9999", doc_id)
                     for doc_id, doc in docs.items()}
        self._texts: dict[str, _Text] = {}

    def texts(self, doc_ids: Iterable[str]) -> dict[str, _Text]:
        for doc_id in doc_ids:
            if doc_id not in self._texts:
                self._texts[doc_id] = _Text(self.docs[doc_id])
        return self._texts

    def forget(self, doc_ids: Iterable[str]) -> None:
        for doc_id in doc_ids:
            self._texts.pop(doc_id, None)

    def trace(self, own: list[str], others: list[str]) -> None:
        """Trace ``own``'s quotes and repeats among ``own`` + ``others``, and ``others``' quotes in ``own``."""
        members = sorted({*own, *others})
        texts = self.texts(members)
        self._quotes(own, _Group(members, texts, self.by_doc))
        if others:
            self._quotes(others, _Group(sorted(own), texts, self.by_doc))
        _flag_repeats(self.docs, members, set(own), self.by_doc, texts, self.links)

    def _quotes(self, quoting: list[str], group: _Group) -> None:
        for doc_id in quoting:
            text = self.docs[doc_id].get("text") or ""
            quotes = [f for f in self.by_doc.get(doc_id, ()) if f["type"] == "quote"]
            for quote in sorted(quotes, key=lambda f: f["id"]):
                budget = [MAX_QUOTE_LINKS]
                for piece in _quote_pieces(quote, text):
                    if not _link_piece(quote, piece, group, self.rank, self.by_doc, self.links, budget):
                        # The writer may have joined sentences from different places.
                        for sentence in _split_sentences(piece):
                            if sentence != piece and _long_enough(sentence):
                                _link_piece(quote, sentence, group, self.rank, self.by_doc, self.links, budget)


# -- quotes -------------------------------------------------------------------
def _quote_pieces(fact: dict[str, Any], text: str) -> list[str]:
    """The pieces of a quote worth looking for (see ``_QUOTE_CUTS``)."""
    words = fact.get("text") or text[fact["span"][0]:fact["span"][1]]
    out = []
    for piece in _QUOTE_CUTS.split(words):
        if _long_enough(piece):
            out.append(piece)
    return out


def _long_enough(piece: str) -> bool:
    return _count_words(piece) >= MIN_QUOTE_WORDS and len(_compact(piece)) >= MIN_QUOTE_CHARS


@dataclass
class _Hit:
    doc_id: str
    span: tuple[int, int]
    quote: dict[str, Any] | None  # the other document's quote around the place, if any


class _Group:
    """The compact texts of some documents run together, searched once per distinct quote piece."""

    def __init__(self, doc_ids: list[str], texts: dict[str, _Text], by_doc) -> None:
        self.doc_ids, self.texts, self.by_doc = doc_ids, texts, by_doc
        self.starts, at = [], 0
        for doc_id in doc_ids:
            self.starts.append(at)
            at += len(texts[doc_id].compact) + 1
        # NUL is never in a compact text, so a match never runs across two documents.
        self.text = "\0".join(texts[d].compact for d in doc_ids)
        self._found: dict[str, tuple[dict[str, list[_Hit]], set[str]]] = {}
        self._quotes: dict[str, _Covers] = {}

    def find(self, needle: str) -> tuple[dict[str, list[_Hit]], set[str]]:
        """Where ``needle`` is, by document, and the documents where it is inside a quote.

        By document, so a quote repeated through one long text costs its
        reader nothing for the places in its own document.
        """
        if needle not in self._found:
            hits: dict[str, list[_Hit]] = {}
            quoted: set[str] = set()
            at = self.text.find(needle)
            while at >= 0:
                i = bisect.bisect_right(self.starts, at) - 1
                doc_id, local = self.doc_ids[i], at - self.starts[i]
                span = self.texts[doc_id].span_of(local, local + len(needle))
                if span is not None:
                    if doc_id not in self._quotes:
                        self._quotes[doc_id] = _Covers(self.by_doc[doc_id], ("quote",))
                    quote = self._quotes[doc_id].smallest(span)
                    hits.setdefault(doc_id, []).append(_Hit(doc_id, span, quote))
                    if quote is not None:
                        quoted.add(doc_id)
                at = self.text.find(needle, at + 1)
            self._found[needle] = (hits, quoted)
        return self._found[needle]


def _link_piece(quote, piece: str, group: _Group, rank, by_doc, links: _Links, budget: list[int]) -> bool:
    """Link ``quote`` to the places ``piece`` is found, sources first; False where it is nowhere else.

    Other documents quoting the same words are linked only while they are few:
    a line in every story (a press release's formula) says nothing about any one.
    """
    needle = _compact(piece)
    found, quoted = group.find(needle)
    own = quote["doc_id"]
    hits = [h for doc_id, places in found.items() if doc_id != own for h in places]
    if not hits:
        return False
    if len(quoted - {own}) > MAX_SHARED_DOCS:
        hits = [h for h in hits if h.quote is None]
    hits.sort(key=lambda h: (h.quote is not None, rank[h.doc_id], h.span))
    words = _count_words(piece)
    for hit in hits[:max(0, budget[0])]:
        budget[0] -= 1
        _link_quote(quote, hit, words, by_doc, links)
    return True


def _split_sentences(piece: str) -> list[str]:
    out, at = [], 0
    for end in _sentence_ends(piece):
        out.append(piece[at:end])
        at = end
    return out


class _Covers:
    """The facts of ``types`` in one document, for ``_covering`` without reading them all each time.

    A passage repeated through a long document is found at every repeat; a
    scan of all its quotes for each place made tracing quadratic in its size.
    Facts are sorted by start, with the furthest end reached so far: going
    back from the last fact starting at or before the place, none earlier can
    hold it once that reach falls short of the place's end.
    """

    def __init__(self, facts: list[dict[str, Any]], types: tuple[str, ...]) -> None:
        self.facts = sorted((f for f in facts if f["type"] in types), key=lambda f: f["span"][0])
        self.starts = [f["span"][0] for f in self.facts]
        self.reach = list(accumulate((f["span"][1] for f in self.facts), max))

    def smallest(self, span: tuple[int, int]) -> dict[str, Any] | None:
        """What ``_covering`` gives for ``span``."""
        best = None
        i = bisect.bisect_right(self.starts, span[0]) - 1
        while i >= 0 and self.reach[i] >= span[1]:
            fact = self.facts[i]
            start, end = fact["span"]
            if span[1] <= end and (best is None or (end - start, fact["id"]) < (best["span"][1] - best["span"][0], best["id"])):
                best = fact
            i -= 1
        return best


def _covering(facts: list[dict[str, Any]], span: tuple[int, int], types=_COVERING_TYPES) -> dict[str, Any] | None:
    """The smallest fact of ``types`` whose span holds ``span``."""
    best = None
    for fact in facts:
        start, end = fact["span"]
        if fact["type"] in types and start <= span[0] and span[1] <= end:
            if best is None or (end - start, fact["id"]) < (best["span"][1] - best["span"][0], best["id"]):
                best = fact
    return best


def _link_quote(quote, hit: _Hit, words: int, by_doc, links: _Links) -> None:
    other, span = hit.doc_id, hit.span
    target = hit.quote or _covering(by_doc[other], span)
    if target is None:
        target = links.derive("passage", other, span, words=words)
        by_doc[other].append(target)
    same = target["type"] == "quote"
    links.add(quote["id"], other, target["id"], span, "same_quote" if same else "quotes")
    links.add(target["id"], quote["doc_id"], quote["id"], tuple(quote["span"]), "same_quote" if same else "quoted_by")


# -- repeated passages ----------------------------------------------------------
def _flag_repeats(docs, members: list[str], own: set[str], by_doc, texts: dict[str, _Text], links: _Links) -> None:
    """Flag runs of sentences shared by two of ``members``, one of them in ``own``."""
    seen_in: Counter[int] = Counter()
    for doc_id in members:
        seen_in.update({h for h, _, _ in texts[doc_id].sentences})
    shared = {h for h, n in seen_in.items() if 2 <= n <= MAX_SHARED_DOCS}
    del seen_in
    if not shared:
        return
    postings: dict[int, list[tuple[str, int]]] = defaultdict(list)
    for doc_id in members:
        for i, (h, _, _) in enumerate(texts[doc_id].sentences):
            if h in shared:
                postings[h].append((doc_id, i))
    pairs: dict[tuple[str, str], set[tuple[int, int]]] = defaultdict(set)
    for places in postings.values():
        for a, i in places:
            for b, j in places:
                if a < b and (a in own or b in own) and not (
                        docs[a].get("kind") in OFSTED_KINDS and docs[b].get("kind") in OFSTED_KINDS):
                    pairs[(a, b)].add((i, j))
    quoted: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)  # spans already linked as quotes
    for doc_id in members:
        for fact in by_doc.get(doc_id, ()):
            for link in links.links.get(fact["id"], ()):
                quoted[(doc_id, link["doc_id"])].append(tuple(fact["span"]))
    for (a, b), matched in sorted(pairs.items()):
        quoted_a, quoted_b = quoted.get((a, b)), quoted.get((b, a))
        ta, tb = texts[a], texts[b]
        # Sentences already linked as a quote between the two are not flagged again.
        kept = sorted((i, j) for i, j in matched
                      if not (quoted_a and _within(ta.sentence_span(ta.sentences[i][1]), quoted_a))
                      and not (quoted_b and _within(tb.sentence_span(tb.sentences[j][1]), quoted_b)))
        for run in _runs(kept):
            rough = sum(ta.sentences[i][2] for i, _ in run)  # spaces + 1: cheap, to rule most runs out
            if not (rough >= MIN_RUN_WORDS or (len(run) >= MIN_RUN_SENTENCES and rough >= MIN_RUN_SENTENCES_WORDS)):
                continue
            span_a = _join(ta.sentence_span(ta.sentences[run[0][0]][1]), ta.sentence_span(ta.sentences[run[-1][0]][1]))
            span_b = _join(tb.sentence_span(tb.sentences[run[0][1]][1]), tb.sentence_span(tb.sentences[run[-1][1]][1]))
            words = _count_words(docs[a]["text"][span_a[0]:span_a[1]])
            if not (words >= MIN_RUN_WORDS or (len(run) >= MIN_RUN_SENTENCES and words >= MIN_RUN_SENTENCES_WORDS)):
                continue
            fact_a = links.derive("repeated", a, span_a, words=words, sentences=len(run))
            fact_b = links.derive("repeated", b, span_b, words=words, sentences=len(run))
            links.add(fact_a["id"], b, fact_b["id"], span_b, "repeats")
            links.add(fact_b["id"], a, fact_a["id"], span_a, "repeats")


def _join(first: tuple[int, int], last: tuple[int, int]) -> tuple[int, int]:
    return first[0], last[1]


def _within(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a <= span[0] and span[1] <= b for a, b in spans)


def _runs(pairs: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Runs of pairs that follow each other in both documents."""
    present = set(pairs)
    runs = []
    for i, j in pairs:
        if (i - 1, j - 1) in present:
            continue  # inside a run that started earlier
        run = [(i, j)]
        while (run[-1][0] + 1, run[-1][1] + 1) in present:
            run.append((run[-1][0] + 1, run[-1][1] + 1))
        runs.append(run)
    return runs
