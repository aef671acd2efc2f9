"""SVG snapshots of the reader at 80x24 (dark) and 160x48 (light).

Deterministic: fixed fixture documents, no clock, no notifications, and the
find box has lost focus (no blinking cursor) when the picture is taken.
Update with ``pytest tests/ui/test_reader_snapshots.py --snapshot-update``
after checking the new pictures by eye.
"""

from __future__ import annotations

from ofsted_core.annotations import make_annotation
from tests.ui.reader_fixtures import ReaderApp, corpus, store_data


def annotated_corpus():
    data = store_data()
    report = data.documents[0]
    ri = next(f for f in data.facts if f["id"] == "r-ri")
    data.annotations = [
        {**make_annotation("bookmark", report), "id": "bm1", "created_at": "2024-01-01T00:00:00+00:00"},
        {**make_annotation("note", report, fact=ri, facts=[ri], body="Check the permanence plans"),
         "id": "nt1", "created_at": "2024-01-01T00:00:00+00:00"},
    ]
    return corpus(data)


def test_reader_at_80x24_on_a_judgement(snap_compare):
    app = ReaderApp(corpus(), "report", fact_id="r-ri")
    assert snap_compare(app, terminal_size=(80, 24))


def test_reader_at_160x48_light_with_find_notes_and_a_quote(snap_compare):
    app = ReaderApp(annotated_corpus(), "report")

    async def light(pilot) -> None:
        pilot.app.theme = "textual-light"
        await pilot.pause()

    assert snap_compare(
        app, terminal_size=(160, 48), run_before=light,
        press=["slash", *"good", "enter", "q", "q"],
    )
