"""What the explorer's first frame leaves out of its start-up: modules it does not draw with, and work done twice."""

from __future__ import annotations

import subprocess
import sys

from ofsted_tui.widgets import rows as rows_module
from ofsted_tui.widgets.timeline import TimelineList
from tests.paths import REPO

# Imported when a comparison is first opened, never for the first frame; and the other tabs' panes (the
# documents, the search hits, the national table and what it reads), imported once that frame is out.
NOT_AT_START = ("ofsted_tui.screens.compare", "ofsted_tui.widgets.compare_grid", "ofsted_tui.compare_cells",
                "ofsted_tui.widgets.documents", "ofsted_tui.widgets.search_results",
                "ofsted_tui.widgets.councils_table", "ofsted_core.national", "ofsted_core.dataset_rows")


def test_the_explorer_starts_without_the_compare_screen_and_the_other_tabs_panes():
    # A fresh process, as `ofsted-tui --db DB` starts: the command line, then the app and its main screen.
    code = "import sys, ofsted_tui.cli, ofsted_tui.app\nprint(' '.join(sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    loaded = set(out.stdout.split())
    assert "ofsted_tui.screens.main" in loaded  # the check would pass vacuously without it
    assert [name for name in NOT_AT_START if name in loaded] == []


def test_the_main_screen_still_has_the_compare_keys():
    from ofsted_tui.screens.compare_keys import CompareKeys
    from ofsted_tui.screens.main import MainScreen

    assert issubclass(MainScreen, CompareKeys)
    ids = {binding.id for binding in CompareKeys.BINDINGS}  # type: ignore[union-attr]
    assert {"compare.mark", "compare.marked", "compare.neighbours", "compare.region"} <= ids


def _event(n: int, kind: str = "inspection") -> dict:
    return {"id": f"e{n}", "authority": f"Council {n % 7}", "type": kind, "date": f"20{10 + n % 9}-0{1 + n % 9}",
            "rating": "good" if n % 2 else None, "title": "x" * (n % 30)}


def test_the_timeline_measures_the_same_events_once(monkeypatch):
    measured: list[int] = []
    fit = rows_module.SortedRowList.fit_columns
    monkeypatch.setattr(rows_module.SortedRowList, "fit_columns",
                        lambda self, rows: (measured.append(len(rows)), fit(self, rows))[1])
    timeline = TimelineList()
    events = [_event(n) for n in range(50)]
    timeline.fit_columns(events)
    widths = timeline.widths(120)
    # The corpus applied again once its index and its catalogue land: equal events, read again as new rows.
    timeline.fit_columns([dict(e) for e in events])
    timeline.fit_columns(list(events))
    assert measured == [50] and timeline.widths(120) == widths
    # Other events (a note written, an import) are measured again, and their widths follow.
    longer = events + [_event(50, kind="joint targeted area inspection of a very long kind")]
    timeline.fit_columns(longer)
    assert measured == [50, 51] and timeline.widths(200) != widths


def test_the_first_frame_names_and_colours_grades_without_compiling_the_vocabulary():
    # The extractors' patterns (areas, eras named in a phrase) cost the first frame 12-18 ms to
    # compile: the interface reads the grade tables, which compile nothing until a rating is read.
    code = ("import sys, ofsted_tui.cli, ofsted_tui.app, importers.grade_tables as tables\n"
            "print('importers.vocabulary' in sys.modules, tables._whole_forms.cache_info().currsize)")
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "0"]


def test_the_vocabulary_re_exports_the_one_table_of_grades_eras_and_areas():
    import importers.grade_tables as tables
    import importers.vocabulary as vocabulary

    for name in tables.__all__:
        assert getattr(vocabulary, name) is getattr(tables, name), name
    assert set(tables.__all__) - {"PERFORMS_WORDS"} <= set(vocabulary.__all__)
