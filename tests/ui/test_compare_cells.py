"""The grid's drawing (ofsted_tui.compare_cells): which years fit, what a cell reads, untrusted names."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ofsted_core.compare import Cell, CompareRow, Grid, choose_councils, compare_grid
from ofsted_core.corpus import load_corpus
from ofsted_tui.compare_cells import grid_header, grid_layout, grid_line, legend
from tests.ui.compare_store import compare_store


@pytest.fixture(scope="module")
def grid(tmp_path_factory: pytest.TempPathFactory) -> Grid:
    corpus = load_corpus(compare_store(tmp_path_factory.mktemp("cells") / "db.json"))
    return compare_grid(corpus.events, choose_councils(["Norfolk"], neighbours=True))


def test_at_220_columns_every_year_from_2006_fits(grid: Grid) -> None:
    layout = grid_layout(grid, 220)
    assert (layout.first, layout.count, layout.more_left) == (0, len(grid.years), False)
    header = grid_header(grid, layout).plain
    assert header.split()[2] == "2006" and header.split()[-1] == str(grid.years[-1])
    assert all(grid_line(row, layout).cell_len <= 220 for row in grid.rows)


def test_at_80_columns_the_latest_years_fit_and_earlier_ones_scroll_into_view(grid: Grid) -> None:
    layout = grid_layout(grid, 80)
    assert 8 <= layout.count < len(grid.years) and layout.more_left and not layout.more_right
    assert layout.first + layout.count == len(grid.years)
    back = grid_layout(grid, 80, offset=100)  # scrolled as far back as it goes
    assert back.first == 0 and back.more_right and not back.more_left
    assert all(grid_line(row, layout).cell_len <= 80 for row in grid.rows)
    assert all(line.cell_len <= 80 for line in legend(80))


def test_a_cell_reads_without_colour(grid: Grid) -> None:
    layout = grid_layout(grid, 220)
    norfolk = grid_line(grid.rows[0], layout).plain.split()
    assert norfolk[:4] == ["Norfolk", "G", "↑", "2025"]
    # "?": the fixture's early Norfolk row lists an inspection without a grade.
    assert set(norfolk[4:]) == {"·", "?", "RI", "G"}


def test_a_wide_cell_holds_the_word() -> None:
    cells = [Cell(2019, "outstanding", 1), Cell(2020), Cell(2021, "requires improvement", 3, visits=("focused visit",))]
    grid = Grid([2019, 2020, 2021], [CompareRow("Devon", None, cells)])
    assert grid_line(grid.rows[0], grid_layout(grid, 200)).plain.split()[2:] == ["Outstanding", "·", "RI+"]
    assert grid_line(grid.rows[0], grid_layout(grid, 60)).plain.split()[2:] == ["O", "·", "RI+"]


def test_an_untrusted_name_is_neither_markup_nor_terminal_escapes() -> None:
    name = "[bold red]Evil[/] \x1b[2J\x07Council"
    grid = Grid([2020], [CompareRow(name, None, [Cell(2020, "good", 2)])])
    line = grid_line(grid.rows[0], grid_layout(grid, 120))
    assert "[bold red]Evil[/]" in line.plain and "\x1b" not in line.plain and "\x07" not in line.plain


def test_each_mark_of_the_legend_means_one_thing() -> None:
    """"·" (no inspection that year) and "?" (an inspection whose grade the dataset lacks) read apart."""
    plain = "".join(line.plain for line in legend(400))
    meanings = {m: re.search(rf"(\S+) {m}", plain).group(1) for m in ("no graded inspection", "grade not in dataset")}
    assert meanings["no graded inspection"] != meanings["grade not in dataset"]
    cells = [Cell(2019), Cell(2020, not_in_dataset=True), Cell(2021, "good", 2)]
    grid = Grid([2019, 2020, 2021], [CompareRow("Devon", None, cells)])
    assert grid_line(grid.rows[0], grid_layout(grid, 60)).plain.split()[2:] == [
        meanings["no graded inspection"], meanings["grade not in dataset"], "G"]
