"""The PDF reader and the judgement-table rule share one reading of a report's table.

The rows, the inspection dates and the previous grades' lists are cached on the
text; what a caller gets must still be its own, and the same as a first reading.
"""

from __future__ import annotations

from importers.extract import judgement_table
from importers.extract.judgement_table import find_judgement_table, inspection_period, previous_judgement_facts
from importers.pdf_report import read_report
from tests.unit.test_judgement_table import WRAPPED

# A re-inspection's list of the grades the inspection before gave (the pattern of
# "Information about this local authority area" in SIF reports).
PREVIOUS = WRAPPED + """
The previous inspection of Anytown was in March 2015. The judgements for the local authority were:
- Children who need help and protection: requires improvement
- Children looked after and achieving permanence: inadequate
"""


def _forget() -> None:
    for cached in (judgement_table._table_rows, judgement_table._inspection_period, judgement_table._previous_lists):
        cached.cache_clear()


def test_a_callers_rows_are_its_own() -> None:
    _forget()
    rows = find_judgement_table(WRAPPED)
    assert len(rows) == 4
    rows.clear()
    assert len(find_judgement_table(WRAPPED)) == 4


def test_the_reader_and_the_rule_read_the_table_once() -> None:
    _forget()
    read_report(PREVIOUS)
    judgement_table.extract(PREVIOUS)
    for cached in (judgement_table._table_rows, judgement_table._inspection_period, judgement_table._previous_lists):
        info = cached.cache_info()
        assert (info.misses, info.hits) == (1, 1), cached


def test_a_second_reading_gives_what_the_first_did() -> None:
    _forget()
    first = (find_judgement_table(PREVIOUS), inspection_period(PREVIOUS), previous_judgement_facts(PREVIOUS, "Anytown"))
    assert first[1] is not None and len(first[2]) == 2
    # Facts are changed by later steps of an import (their page): the next reading is untouched.
    first[2][0].fields["page"] = 9
    again = (find_judgement_table(PREVIOUS), inspection_period(PREVIOUS), previous_judgement_facts(PREVIOUS, "Anytown"))
    assert again[0] == first[0] and again[1] == first[1]
    assert "page" not in again[2][0].fields
    assert [f.span for f in again[2]] == [f.span for f in first[2]]
