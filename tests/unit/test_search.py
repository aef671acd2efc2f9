"""The inverted index: ranking, prefixes, phrases, snippets cut only for the hits shown."""

from __future__ import annotations

from ofsted_tui.search import SearchIndex


def _index() -> SearchIndex:
    docs = [
        {"id": "a", "text": "Ofsted rated Kent inadequate. Kent leaders said the rating was fair.", "title": "Kent"},
        {"id": "b", "text": "Surrey was judged good; inspectors praised Surrey's leaders.", "title": "Surrey"},
        {"id": "c", "text": "Leaders in Essex were not inspected this year.", "title": "Essex"},
    ]
    return SearchIndex(docs)


def test_every_word_must_match_and_the_best_ranks_first():
    index = _index()
    assert [d for d, _ in index.ranked("leaders kent")] == ["a"]
    assert {d for d, _ in index.ranked("leaders")} == {"a", "b", "c"}


def test_the_last_word_matches_as_a_prefix_until_a_space_ends_it():
    index = _index()
    assert {d for d, _ in index.ranked("insp")} == {"b", "c"}
    assert [d for d, _ in index.ranked("inspected ")] == ["c"]
    assert index.ranked("insp ") == []


def test_a_quoted_phrase_must_appear_verbatim():
    index = _index()
    assert [d for d, _ in index.ranked('"rating was fair"')] == ["a"]
    assert index.ranked('"fair rating"') == []


def test_snippets_are_cut_only_up_to_the_limit_and_mark_the_matches():
    index = _index()
    assert len(index.ranked("leaders")) == 3
    hits = index.search("leaders", limit=2)
    assert len(hits) == 2
    for hit in hits:
        for start, end in hit.matches:
            assert hit.snippet[start:end].lower().startswith("leaders")


def test_within_restricts_to_the_given_documents():
    assert [h.doc_id for h in _index().search("leaders", within={"c"})] == ["c"]
