"""A search matches a dataset row by row: only the events of its matching rows follow it."""

from __future__ import annotations

from ofsted_core.dataset_rows import events_in_matching_rows
from ofsted_core.search import term_patterns

CSV = (
    "urn,local_authority,overall_effectiveness_grade\n"
    "80418,norfolk,good\n"
    "80500,sutton,requires improvement\n"
    "80501,north lincolnshire,outstanding\n"
)


def _span(word: str) -> list[int]:
    start = CSV.index(word)
    return [start, start + len(word)]


class _Corpus:
    def __init__(self) -> None:
        self.docs = {"ds": {"id": "ds", "kind": "dataset"}, "news": {"id": "news", "kind": "news"}}
        self.facts = {"ds": [{"id": "ds-1", "span": _span("norfolk")},
                             {"id": "ds-2", "span": _span("sutton")},
                             {"id": "ds-3", "span": _span("north lincolnshire")}]}
        self.events = [
            {"id": "ev-norfolk", "doc_ids": ["ds"], "fact_ids": ["ds-1"]},
            {"id": "ev-sutton", "doc_ids": ["ds", "news"], "fact_ids": ["ds-2", "news-1"]},
            {"id": "ev-lincs", "doc_ids": ["ds"], "fact_ids": ["ds-3"]},
            {"id": "ev-news", "doc_ids": ["news"], "fact_ids": ["news-1"]},
        ]

    @property
    def dataset_ids(self):
        return frozenset(d for d, doc in self.docs.items() if doc["kind"] == "dataset")

    def events_of(self, doc_id):
        return [e for e in self.events if doc_id in e["doc_ids"]]

    def text_of(self, doc_id):
        return CSV if doc_id == "ds" else "Sutton was judged good."

    def facts_of(self, doc_id, type_=None):
        return self.facts.get(doc_id, [])


def test_a_council_name_keeps_only_its_own_rows_events():
    assert events_in_matching_rows(_Corpus(), {"ds", "news"}, "sutton ") == {"ds": {"ev-sutton"}}


def test_every_word_must_stand_in_the_row():
    corpus = _Corpus()
    assert events_in_matching_rows(corpus, {"ds"}, "norfolk good ") == {"ds": {"ev-norfolk"}}
    assert events_in_matching_rows(corpus, {"ds"}, "norfolk outstanding ") == {"ds": set()}


def test_a_phrase_and_a_word_being_typed():
    corpus = _Corpus()
    assert events_in_matching_rows(corpus, {"ds"}, '"north lincolnshire"') == {"ds": {"ev-lincs"}}
    assert events_in_matching_rows(corpus, {"ds"}, "suff") == {"ds": set()}
    assert events_in_matching_rows(corpus, {"ds"}, "sut") == {"ds": {"ev-sutton"}}


def test_documents_that_are_not_datasets_are_left_whole():
    assert events_in_matching_rows(_Corpus(), {"news"}, "sutton") == {}


def test_term_patterns_are_the_index_terms():
    assert [p.pattern for p in term_patterns('"help and protection" good')] == [
        r"\bhelp\W+and\W+protection\b", r"\bgood\b"]


def test_only_the_datasets_are_read():
    # A broad prefix matches every document: none but the datasets may be read to answer it.
    corpus = _Corpus()
    read = []
    text_of, facts_of = corpus.text_of, corpus.facts_of
    corpus.text_of = lambda d: (read.append(d), text_of(d))[1]
    corpus.facts_of = lambda d, type_=None: (read.append(d), facts_of(d))[1]
    assert events_in_matching_rows(corpus, {"ds", "news"}, "s") == {"ds": {"ev-sutton"}}
    assert set(read) == {"ds"}


def test_the_corpus_knows_its_datasets_from_the_catalogue():
    from ofsted_core.corpus import Corpus
    from ofsted_core.store import StoreData

    docs = [{"id": "ds", "source": "ds.csv", "kind": "dataset", "text": CSV},
            {"id": "news", "source": "news.txt", "kind": "news", "text": "Sutton was judged good."}]
    assert Corpus.from_data(StoreData(documents=docs)).dataset_ids == {"ds"}
