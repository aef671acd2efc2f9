"""How a judgement was read, the weight the timeline gives it and the facts pane shows.

The report-rules extractor says it in each judgement's ``evidence``: "table"
(a row of a judgement table), "headline" (a report's or letter's summary
judgement on its first page, or a section's own graded heading) or "text"
(any other sentence). Kept apart from ``ofsted_core.timeline`` so the explorer
can show it without loading the merge and the date rules.
"""

from __future__ import annotations

from importers.model import JUDGEMENT_EVIDENCE as EVIDENCE  # weightiest first
from importers.model import FactRow

__all__ = ["EVIDENCE", "evidence_of"]

# Facts imported before judgements said their ``evidence``: a row the table
# reader (importers.extract.judgement_table) found says ``source: "table"``.
# Its "section" rows are not trusted as headlines: a re-inspection report
# reprints the previous inspection's judgements in that form.
_READ_AS = {"table": "table"}


def evidence_of(fact: FactRow) -> str:
    """How a judgement was read: "table", "headline" or "text" (see ``EVIDENCE``)."""
    evidence = fact.get("evidence")
    if evidence in EVIDENCE:
        return evidence
    return _READ_AS.get(fact.get("source") or "", "text")
