"""Search as a user meets it: ranking, prefixes, phrases, snippets cut only for the hits shown.

Served by FTS5; these tests assert what a query finds and shows, not how the index is built."""

from __future__ import annotations

from ofsted_core.search import SearchIndex


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


_WORDS = ["care", "carers", "career", "caring", "cases", "council", "children", "child", "court", "staff"]


def _many_docs() -> list[dict[str, str]]:
    docs = []
    for i in range(60):
        picked = [_WORDS[(i * k) % len(_WORDS)] for k in range(1, 6)]
        docs.append({"id": f"d{i:02}", "text": " ".join(picked * (1 + i % 3)), "title": f"Report {i}"})
    return docs


def _many() -> SearchIndex:
    return SearchIndex(_many_docs())


def test_prefixes_match_every_expansion_and_every_word_must_match():
    docs = _many_docs()
    index = SearchIndex(docs)
    for query in ("c", "ca", "car", "care", "child c", "staff ca", "care "):
        ranked = index.ranked(query)
        assert ranked == sorted(ranked, key=lambda kv: (-kv[1], kv[0]))
        # The same documents as checking every word by hand.
        *done, last = query.split()
        expected = set()
        for doc in docs:
            text = doc["text"].split()
            if all(w in text for w in done) and (
                    last in text if query.endswith(" ") else any(t.startswith(last) for t in text)):
                expected.add(doc["id"])
        assert {d for d, _ in ranked} == expected, query


def test_a_document_saying_the_word_more_often_ranks_higher():
    index = SearchIndex([
        {"id": "once", "text": "The council met. Staff were present. Leaders spoke. Children waited.", "title": ""},
        {"id": "often", "text": "Children first: children's views shaped what children received.", "title": ""},
    ])
    assert [d for d, _ in index.ranked("children")] == ["often", "once"]


def test_query_syntax_in_what_is_typed_is_read_as_words():
    # FTS5 operators and punctuation a user may type: never an error, never an operator.
    index = _index()
    for query in ('NEAR(kent leaders)', 'kent OR surrey', '-kent', 'title:kent', 'kent*', '"kent', 'kent"',
                  '^kent', '(kent', "surrey's", '""', '*', ':', "'"):
        index.ranked(query)
        index.search(query)
    assert [d for d, _ in index.ranked("kent OR surrey")] == []  # "or" is a word here, in neither
    assert [d for d, _ in index.ranked("surrey's")] == ["b"]


def test_an_answer_holds_every_match_and_cuts_snippets_only_when_read():
    index = _many()
    answer = index.answer("ca", limit=5)
    assert answer.doc_ids == {d for d, _ in index.ranked("ca")}
    assert [h.doc_id for h in answer.hits] == [d for d, _ in index.ranked("ca")[:5]]
    first = answer.hits[0]
    assert first._hit is None  # nothing cut yet
    eager = index.search("ca", limit=1)[0]
    assert (first.snippet, first.matches, first.start, first.end) == (eager.snippet, eager.matches, eager.start, eager.end)


def test_documents_added_after_building_are_found():
    index = _index()
    index.add("d", "Leaders in Kent were praised.", "Kent again")
    assert {d for d, _ in index.ranked("kent")} == {"a", "d"}


def test_a_phrase_opens_and_is_marked_where_the_whole_phrase_stands():
    # The phrase's words appear earlier on their own, in a different phrase.
    text = ("The service had widespread and serious failures in 2015. " * 3
            + "Later, inspectors found no widespread or serious failures in the front door.")
    index = SearchIndex([{"id": "a", "text": text, "title": "Report"}])
    [hit] = index.search('"widespread or serious failures"')
    assert text[hit.start:hit.end] == "widespread or serious failures"
    assert [hit.snippet[s:e] for s, e in hit.matches] == ["widespread or serious failures"]


def test_words_outside_the_phrase_are_marked_too_and_the_phrase_still_opens_the_hit():
    text = "Front door work was slow. Leaders had no widespread or serious failures to report."
    index = SearchIndex([{"id": "a", "text": text, "title": ""}])
    [hit] = index.search('door "widespread or serious failures"')
    assert text[hit.start:hit.end] == "widespread or serious failures"
    assert sorted(hit.snippet[s:e] for s, e in hit.matches) == ["door", "widespread or serious failures"]


def test_a_match_in_the_title_only_shows_no_passage_rather_than_the_opening_lines():
    index = SearchIndex([{"id": "a", "text": "Opening lines about something else.", "title": "Kent inspection"}])
    [hit] = index.search("kent")
    assert hit.snippet == "" and hit.matches == []
    assert (hit.start, hit.end) == (0, 0)


def test_matching_as_typed_finds_what_the_ranked_query_finds():
    """The unranked match (each term asked alone, kept, and intersected) is the ranked query's documents, key by key."""
    index = _many()
    for query in ("children in care", 'staff "care plan" c', "care leavers good", "kent OR surrey"):
        for end in range(1, len(query) + 1):
            typed = query[:end]
            assert index.matching(typed) == {d for d, _ in index.ranked(typed)}, typed
        for end in range(len(query), 0, -1):  # backspaced: the terms kept answer again
            assert index.matching(query[:end]) == {d for d, _ in index.ranked(query[:end])}


def test_a_document_added_is_matched_by_terms_asked_before():
    index = _index()
    assert index.matching("kent") == {"a"}
    index.add("d", "Leaders in Kent were praised.", "Kent again")
    assert index.matching("kent") == {"a", "d"} and index.matching("leaders ke") == {"a", "d"}
