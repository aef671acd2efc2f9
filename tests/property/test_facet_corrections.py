"""A correction (and its undo) updates the facet index in place of building it again, with the same answers.

Random corpora (councils, kinds, publishers, dates at every precision, titles
that tie, judgements and quotes) take a random run of corrections of a
document's date, council, title or kind, of a judgement's rating and of a
quote's speaker, with notes, bookmarks and undos among them. After each, the
index remade from the one before (``FacetIndex.updated``) must equal one built
from nothing: the same rows in the same order, every facet value's bit sets,
the values' order, and what each filter lets through.
"""

from __future__ import annotations

from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ofsted_core.annotations import rebuild_events
from ofsted_core.corpus import Corpus
from ofsted_core.filters import FACETS, FacetIndex, Filters
from ofsted_core.store import StoreData

COUNCILS = ("Haringey", "Camden", "Leeds")
KINDS = ("ofsted_report", "ofsted_letter", "news", "minutes")
DATES = (None, "2014", "2014-02", "2014-02-03", "2014-03-01", "2019", "2019-05-01", "2019-06-01", "2023-07-04")
RATINGS = (("outstanding", 1), ("good", 2), ("requires improvement", 3), ("inadequate", 4))
SPEAKERS = ("Cllr Jane Doe", "Ann Smith", "Bob Lee")
PROFILE = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def corpora(draw):
    """Documents and facts of a few councils; titles drawn from a few, so that undated ones tie."""
    docs, facts = [], []
    for n in range(draw(st.integers(2, 9))):
        doc_id = f"d{n}"
        published = draw(st.sampled_from(DATES))
        docs.append({"id": doc_id, "source": f"{doc_id}.txt", "title": draw(st.sampled_from(("A", "b", "B", "C"))),
                     "kind": draw(st.sampled_from(KINDS)), "publisher": draw(st.sampled_from(("Ofsted", "BBC", None))),
                     "authority": draw(st.sampled_from(COUNCILS)), "published": published, "text": "words",
                     "furniture": []})
        for m in range(draw(st.integers(0, 2))):
            if draw(st.booleans()):
                rating, grade = draw(st.sampled_from(RATINGS))
                facts.append({"id": f"{doc_id}-f{m}", "doc_id": doc_id, "type": "judgement", "rating": rating,
                              "grade": grade, "era": draw(st.sampled_from(("sif", "ilacs"))),
                              "year": draw(st.sampled_from((2014, 2019, 2023))), "month": draw(st.sampled_from((2, 5))),
                              "authority": None, "span": [0, 4], "judgement_type": "overall"})
            else:
                facts.append({"id": f"{doc_id}-f{m}", "doc_id": doc_id, "type": "quote",
                              "speaker": draw(st.sampled_from(SPEAKERS)), "span": [0, 4]})
    return docs, facts


@st.composite
def changes(draw, docs, facts):
    """A change to the annotations: a correction, a note or bookmark, or the undo of one made before."""
    n = draw(st.integers(0, 10**6))
    doc = docs[n % len(docs)]
    what = draw(st.sampled_from(("published", "authority", "title", "kind", "rating", "speaker", "bookmark", "note",
                                 "undo")))
    if what in ("bookmark", "note"):
        return {"id": f"a{n}", "kind": what, "doc_id": doc["id"], "body": "x"}
    if what == "undo":
        return None
    mine = [f for f in facts if f["doc_id"] == doc["id"]]
    if what in ("rating", "speaker"):
        fact = next((f for f in mine if (f["type"] == "judgement") == (what == "rating")), None)
        if fact is None:
            what = "published"
        else:
            value = draw(st.sampled_from([r for r, _ in RATINGS] if what == "rating" else SPEAKERS))
            return {"id": f"a{n}", "kind": "correction", "doc_id": doc["id"], "fact_id": fact["id"], "field": what,
                    "value": value}
    values = {"published": DATES[1:], "authority": (*COUNCILS, "Islington"), "title": ("a", "B", "Z"), "kind": KINDS}
    return {"id": f"a{n}", "kind": "correction", "doc_id": doc["id"], "fact_id": None, "field": what,
            "value": draw(st.sampled_from(values[what]))}


def _corpus(docs, facts, annotations, previous=None) -> Corpus:
    data = StoreData(documents=docs, facts=facts, annotations=list(annotations))
    return Corpus.from_data(replace(data, events=rebuild_events(data)), previous)


def _state(index: FacetIndex) -> dict:
    """Everything the index answers from: its rows in order, their links, every bit set, the values' order."""
    result = index.apply(Filters())
    return {
        "docs": [d["id"] for d in result.documents], "events": result.events,
        "doc_events": index._doc_events, "event_docs": index._event_docs, "with_docs": index._events_with_docs,
        "doc_values": index.docs.values, "event_values": index.events.values,
        "doc_years": index.docs.years, "event_years": index.events.years,
        "order": {f.name: index.values(f.name) for f in FACETS}, "years": index.years,
        "counts": {f.name: list(result.facets[f.name]) for f in FACETS},
    }


@PROFILE
@given(st.data())
def test_corrections_update_the_index_as_a_full_build_would(data):
    docs, facts = data.draw(corpora())
    notes: list[dict] = []
    corpus = _corpus(docs, facts, notes)
    index = FacetIndex.from_corpus(corpus)
    for _ in range(data.draw(st.integers(1, 6))):
        note = data.draw(changes(docs, facts))
        if note is None:
            if not notes:
                continue
            notes.pop(data.draw(st.integers(0, len(notes) - 1)))
        else:
            notes.append(note)
        after = _corpus(docs, facts, notes, corpus)
        updated = FacetIndex.updated(index, after)
        fresh = FacetIndex.from_corpus(after)
        assert _state(updated) == _state(fresh)
        chosen = Filters(authorities=frozenset({after.documents[docs[0]["id"]]["authority"]}), year_from=2015)
        assert _state_of(updated.apply(chosen)) == _state_of(fresh.apply(chosen))
        corpus, index = after, updated


def _state_of(result) -> tuple:
    return [e for e in result.events], [d["id"] for d in result.documents], {k: list(v) for k, v in result.facets.items()}


def test_a_date_correction_is_carried_over_not_built_again(monkeypatch):
    """The correction of one document's date moves it in date order without indexing every document again."""
    docs = [{"id": f"d{n}", "source": f"d{n}.txt", "title": f"T{n}", "kind": "news", "publisher": "BBC",
             "authority": COUNCILS[n % 3], "published": f"20{10 + n}-01-01", "text": "", "furniture": []}
            for n in range(8)]
    corpus = _corpus(docs, [], [])
    index = FacetIndex.from_corpus(corpus)
    correction = {"id": "c", "kind": "correction", "doc_id": "d6", "fact_id": None, "field": "published",
                  "value": "2011-06-01"}
    after = _corpus(docs, [], [correction], corpus)
    indexed: list[int] = []
    real = FacetIndex._doc_values
    monkeypatch.setattr(FacetIndex, "_doc_values", lambda self, pos, mine: indexed.append(pos) or real(self, pos, mine))
    updated = FacetIndex.updated(index, after)
    assert [d["id"] for d in updated.apply(Filters()).documents] == ["d0", "d1", "d6", "d2", "d3", "d4", "d5", "d7"]
    assert indexed == [2]  # d6 alone, at its new place
    monkeypatch.undo()
    assert _state(updated) == _state(FacetIndex.from_corpus(after))
