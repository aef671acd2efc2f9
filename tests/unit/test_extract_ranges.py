"""Facts inside page furniture are dropped: the range lookup behind it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from importers.extract import DocContext, _Ranges, extract_facts

RANGES = st.lists(st.tuples(st.integers(0, 200), st.integers(0, 40)).map(lambda r: (r[0], r[0] + r[1])),
                  min_size=1, max_size=8)
SPANS = st.tuples(st.integers(-5, 250), st.integers(0, 30)).map(lambda s: (s[0], s[0] + s[1]))


@settings(max_examples=300, deadline=None)
@given(RANGES, st.lists(SPANS, max_size=10))
def test_a_span_is_inside_when_one_range_holds_all_of_it(ranges: list[tuple[int, int]], spans) -> None:
    lookup = _Ranges(ranges)
    for span in spans:
        assert lookup.contain(span) == any(start <= span[0] and span[1] <= end for start, end in ranges)


def test_a_rating_in_the_furniture_is_not_a_fact() -> None:
    text = "Haringey was judged inadequate in 2010.\n\nHaringey was judged good in 2014."
    second = text.index("Haringey was judged good")
    facts = extract_facts(text, DocContext(authority="Haringey", furniture=[(0, 5), (second - 2, len(text))]))
    ratings = [f.get("rating") for f in facts if f.type == "judgement"]
    assert "inadequate" in ratings and "good" not in ratings
