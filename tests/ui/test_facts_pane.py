"""The facts pane lists each distinct fact once, with how often the document states it."""

from __future__ import annotations

from ofsted_tui.widgets.facts import describe_fact, distinct_facts
from ofsted_tui.widgets.reader import NOTE_MARKS
from tests.ui.reader_fixtures import ReaderApp, corpus, pilot_test, store_data

SIZE = (120, 30)
# A report that names its own inspection on every page and states its grade three times.
PAGE = "Inspection of Anytown children's services. Overall effectiveness: Inadequate.\n\n"
TEXT = "Judgement table\nOverall effectiveness Inadequate\n\n" + PAGE * 24 + "Children in care are inadequate.\n"


def _report_data():
    data = store_data()
    doc = {**data.documents[0], "id": "rep", "text": TEXT, "furniture": [], "title": "Anytown report",
           "page_starts": [0, len(TEXT) // 2]}
    common = {"doc_id": "rep", "authority": "Anytown", "year": 2023, "month": 2, "era": "ilacs",
              "event_type": "standard inspection"}
    facts = [{"id": "rep-table", "type": "judgement", "span": [32, 42], "rating": "inadequate",
              "rating_text": "Inadequate", "grade": 4, "area": "overall", "source": "table", **common}]
    at = TEXT.index(PAGE)
    for n in range(24):
        start = at + n * len(PAGE)
        facts.append({"id": f"rep-insp-{n:02d}", "type": "inspection", "span": [start, start + 10],
                      "inspection_type": "standard inspection", **{k: common[k] for k in ("doc_id", "year", "month")}})
        rating = start + PAGE.index("Inadequate")
        facts.append({"id": f"rep-head-{n:02d}", "type": "judgement", "span": [rating, rating + 10],
                      "rating": "inadequate", "rating_text": "Inadequate", "grade": 4, "area": "overall",
                      "evidence": "text" if n else "headline", **common})
    care = TEXT.index("inadequate.")
    facts.append({"id": "rep-care", "type": "judgement", "span": [care, care + 10], "rating": "inadequate",
                  "rating_text": "inadequate", "grade": 4, "area": "children in care", **common})
    data.documents.append(doc)
    data.facts.extend(facts)
    return data


def test_distinct_facts_put_the_weightiest_statement_first():
    data = _report_data()
    facts = [f for f in data.facts if f["doc_id"] == "rep"]
    groups = distinct_facts(facts, TEXT)
    assert [(g[0]["id"], len(g)) for g in groups] == [
        ("rep-table", 25), ("rep-insp-00", 24), ("rep-care", 1)]
    # After the table, the headline, then the sentences in document order.
    assert [f["id"] for f in groups[0][:3]] == ["rep-table", "rep-head-00", "rep-head-01"]


@pilot_test
async def test_each_fact_is_listed_once_with_its_count_and_table_judgements_are_marked():
    app = ReaderApp(corpus(_report_data()), "rep")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        pane = app.screen.facts_pane
        headings = [row.heading for row in pane.rows if row.kind == "heading"]
        assert headings == ["Judgements \u00b7 2 (26 statements)", "Inspections \u00b7 1 (24 statements)"]
        assert pane.border_title == "Facts \u00b7 50"
        lines = {row.item["id"]: pane.row_text(i).plain for i, row in enumerate(pane.rows) if row.kind == "fact"}
        assert lines["rep-table"] == " Inadequate  overall table \u00d725 \u00b7 2023-02 \u00b7 standard inspection"
        assert lines["rep-insp-00"].startswith("\u00d724 standard inspection")
        assert "table" not in lines["rep-care"] and "\u00d7" not in lines["rep-care"]
        # Selecting any statement of a fact puts the cursor on its one row.
        row = pane.rows.index(next(r for r in pane.rows if r.item and r.item["id"] == "rep-insp-00"))
        pane.select_fact("rep-insp-17")
        assert pane.cursor == row
        pane.focus()
        await pilot.press("home")
        await pilot.pause()
        assert app.screen.reader.selected_fact_id == "rep-table"
        await pilot.press("down")
        await pilot.pause()
        assert app.screen.reader.selected_fact_id == "rep-care"


@pilot_test
async def test_a_note_on_any_statement_of_a_fact_shows_on_its_row():
    data = _report_data()
    data.annotations.append({"id": "n1", "kind": "note", "doc_id": "rep", "fact_id": "rep-insp-17", "body": "check"})
    app = ReaderApp(corpus(data), "rep")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        pane = app.screen.facts_pane
        row = next(i for i, r in enumerate(pane.rows) if r.kind == "fact" and r.item["id"] == "rep-insp-00")
        plain = pane.row_text(row).plain
        assert plain.startswith("\u00d724 standard inspection")
        assert plain.rstrip().endswith(NOTE_MARKS["note"])


def _statistic(value, unit, measure) -> dict:
    return {"id": "s", "doc_id": "d", "type": "statistic", "span": [0, 0], "value": value, "unit": unit, "measure": measure}


def test_a_statistic_says_its_unit_once_where_the_measure_repeats_it():
    # A count ("eight cases", "32 case files for children") is read with its noun as both unit and measure.
    assert describe_fact(_statistic(8, "cases", "cases")).plain == "8 cases"
    assert describe_fact(_statistic(32, "case files", "case files for children")).plain == "32 case files for children"
    assert describe_fact(_statistic(20.4, "percent", "population")).plain == "20.4 percent population"
    assert describe_fact(_statistic(12, None, "children")).plain == "12 children"


@pilot_test
async def test_at_80_columns_each_judgement_row_shows_its_area_whole():
    """A narrow pane cut "Requires improvement  tabl…" before the area that tells rows apart."""
    data = _report_data()
    common = {"doc_id": "rep", "authority": "Anytown", "year": 2023, "month": 2, "era": "ilacs",
              "event_type": "standard inspection", "source": "table"}
    areas = ("help and protection", "children in care", "care leavers", "leadership")
    for n, area in enumerate(areas):
        data.facts.append({"id": f"rep-area-{n}", "type": "judgement", "span": [32, 42], "area": area,
                           "rating": "requires improvement", "rating_text": "Requires improvement to be good",
                           "grade": 3, **common})
    app = ReaderApp(corpus(data), "rep")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        pane = app.screen.facts_pane
        width = pane.scrollable_content_region.width
        shown = {row.item["id"]: pane.render_line(i).text for i, row in enumerate(pane.rows)
                 if row.kind == "fact" and i < pane.size.height}
        for n, area in enumerate(areas):
            assert f" {area}" in shown[f"rep-area-{n}"], (width, shown[f"rep-area-{n}"])
        assert shown["rep-area-2"].startswith("  RI  care leavers")  # the rating in its letters, its colour kept
    app = ReaderApp(corpus(data), "rep")
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        pane = app.screen.facts_pane
        line = next(pane.row_text(i, pane.scrollable_content_region.width - 1).plain
                    for i, row in enumerate(pane.rows) if row.item and row.item["id"] == "rep-area-2")
        assert line.startswith(" Requires improvement to be good  care leavers table")
