"""Every worker's failure is reported through the app's one handler, and never closes the app."""

from __future__ import annotations

import ast
import logging
from pathlib import Path

import pytest

import ofsted_core.annotations
import ofsted_tui
from ofsted_core.search import SearchIndex
from tests.ui.pilot import loaded, pilot_test, settle, type_text


def _failures(app) -> list[str]:
    return [n.message for n in app._notifications if n.title == "Error"]


def test_every_worker_of_the_interface_runs_without_exit_on_error():
    """A worker that may close the app on error is a defect: each ``@work`` says ``exit_on_error=False``."""
    offenders = []
    for path in Path(ofsted_tui.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                for deco in node.decorator_list:
                    call = deco if isinstance(deco, ast.Call) else None
                    name = (call.func if call else deco)
                    if getattr(name, "id", getattr(name, "attr", None)) != "work":
                        continue
                    keywords = {k.arg: k.value for k in call.keywords} if call else {}
                    flag = keywords.get("exit_on_error")
                    if not (isinstance(flag, ast.Constant) and flag.value is False):
                        offenders.append(f"{path.name}:{node.lineno} {node.name}")
    assert not offenders, offenders


@pilot_test
async def test_an_app_worker_that_raises_is_reported_and_the_app_keeps_running(app, monkeypatch, caplog):
    def broken(store, change, shown=None):
        raise RuntimeError("the disk is on fire")

    monkeypatch.setattr(ofsted_core.annotations, "change_annotations", broken)
    caplog.set_level(logging.ERROR, logger="ofsted_tui.app")
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        await pilot.press("2", "b")  # bookmark the first document: the app's write worker raises
        await settle(pilot, lambda: _failures(app), "the failure's notice")
        assert app.is_running and app.return_code is None
        (said,) = _failures(app)
        assert "saving your annotation" in said and "the disk is on fire" in said
        logged = [r for r in caplog.records if "saving your annotation" in r.getMessage()]
        assert logged and logged[0].exc_info and logged[0].exc_info[0] is RuntimeError
        await pilot.press("x")  # and the keys still work
        assert any("Filters cleared" in n.message for n in app._notifications)


@pilot_test
async def test_a_screen_worker_that_raises_is_reported_by_the_same_handler(app, monkeypatch):
    def broken(self, query, limit=50):
        raise ValueError("the index is unreadable")

    monkeypatch.setattr(SearchIndex, "hits", broken)  # the ranking of the hits, in the screen's worker
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        await pilot.press("slash")
        await type_text(pilot, "camden")  # the main screen's search worker raises
        await settle(pilot, lambda: _failures(app), "the failure's notice")
        assert app.is_running and app.return_code is None
        assert any("searching" in said and "the index is unreadable" in said for said in _failures(app))
        assert app.screen.query_one("#query").value == "camden"


@pytest.mark.parametrize("exception", [RuntimeError, KeyError])
@pilot_test
async def test_the_reader_s_write_worker_reports_through_the_app(app, monkeypatch, exception):
    import ofsted_tui.screens.reader as reader

    def broken(store, change, shown=None):
        raise exception("no room left")

    monkeypatch.setattr(reader, "change_annotations", broken)
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        await pilot.press("2", "enter")
        await settle(pilot, lambda: type(app.screen).__name__ == "ReaderScreen", "the reader")
        await pilot.press("B")  # bookmark the document from the reader
        await settle(pilot, lambda: _failures(app), "the failure's notice")
        assert app.is_running and type(app.screen).__name__ == "ReaderScreen"
        assert any("saving your annotation" in said and "no room left" in said for said in _failures(app))
