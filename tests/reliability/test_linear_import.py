"""An import's work grows with its size, not with its size times its facts.

Work is counted, never timed: how often the whole text is hashed, what runs
while the store is locked, how many facts tracing reads per place found.
"""

from __future__ import annotations

import importers.model as model
from ofsted_core import importing
from ofsted_core.importing import import_paths
from ofsted_core.sources import _Covers
from ofsted_core.store import Store
from tests.paths import SEEDS


def test_the_text_is_hashed_once_per_document_and_never_under_the_lock(tmp_path, monkeypatch):
    text = "\n\n".join(seed.read_text(encoding="utf-8") for seed in SEEDS)
    path = tmp_path / "long.txt"
    path.write_text("\n\n".join([text] * 20), encoding="utf-8")
    hashed = {"all": 0, "locked": 0}
    locked = [False]
    real_id, real_apply = model.document_id, importing.apply_documents

    def counting_id(value: str) -> str:
        hashed["all"] += 1
        hashed["locked"] += locked[0]
        return real_id(value)

    def apply_locked(*args, **kwargs):
        locked[0] = True
        try:
            return real_apply(*args, **kwargs)
        finally:
            locked[0] = False

    monkeypatch.setattr(model, "document_id", counting_id)
    monkeypatch.setattr(importing, "apply_documents", apply_locked)
    report = import_paths(Store(tmp_path / "db.json"), [str(path)])
    assert report.facts > 500
    assert hashed == {"all": 1, "locked": 0}


class _Counted(list):
    reads = 0

    def __getitem__(self, index):
        _Counted.reads += 1
        return super().__getitem__(index)


def test_finding_the_quote_around_a_place_reads_only_the_facts_near_it():
    quotes = [{"id": f"q{n:05d}", "type": "quote", "span": [n * 100, n * 100 + 80]} for n in range(5000)]
    others = [{"id": f"d{n:05d}", "type": "date", "span": [n * 100 + 10, n * 100 + 20]} for n in range(5000)]
    covers = _Covers(quotes + others, ("quote",))
    covers.facts = _Counted(covers.facts)
    _Counted.reads = 0
    for n in range(5000):
        assert covers.smallest((n * 100 + 5, n * 100 + 30))["id"] == f"q{n:05d}"
        assert covers.smallest((n * 100 + 85, n * 100 + 90)) is None
    assert _Counted.reads <= 2 * 5000


def test_a_documents_latest_date_is_found_once_however_many_undated_judgements(monkeypatch):
    from ofsted_core import timeline

    calls = []
    real = timeline._doc_floor
    monkeypatch.setattr(timeline, "_doc_floor", lambda facts: calls.append(1) or real(facts))
    doc = {"id": "d1", "source": "r.pdf", "kind": "ofsted_report", "authority": "Barnet", "published": None}
    facts = [{"id": f"d1-{n:04d}", "doc_id": "d1", "type": "judgement", "span": [n * 10, n * 10 + 5],
              "rating": "good", "grade": 2, "authority": "Barnet", "year": None, "month": None}
             for n in range(2000)]
    timeline.build_events([doc], facts)
    assert len(calls) == 1
