"""Tables printed to a pipe are plain aligned columns, whole; on a terminal they are Rich's table."""

from io import StringIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ofsted_tui.plain_columns import PlainWhenPiped


def _table() -> Table:
    table = Table(title="Inspection timeline")
    table.add_column("Date")
    table.add_column("Rating")
    table.add_column("Docs", justify="right")
    table.add_row(Text("Jan 2006"), Text("No overall grade\nchildren in care: Inadequate"), Text("1"))
    table.add_row(Text("2019"), Text("[b]Good[/b]"), Text("12"))
    return table


def _printed(console: Console, renderable) -> str:
    widest = console.measure(renderable, options=console.options.update_width(100_000)).maximum
    console.width = max(console.width, widest)
    console.print(renderable)
    return console.file.getvalue()


def test_piped_rows_are_aligned_whole_and_unboxed():
    out = _printed(Console(file=StringIO(), width=20), PlainWhenPiped(_table()))
    lines = out.splitlines()
    assert lines[0] == "Inspection timeline"
    assert lines[1].split() == ["Date", "Rating", "Docs"]
    assert "children in care: Inadequate" in lines[3] and lines[3].startswith(" ")  # under its column, not cut
    assert lines[3].index("children") == lines[2].index("No overall")
    assert lines[2].endswith(" 1") and lines[4].endswith("12")  # right-justified as the column says
    assert lines[4].index("12") + 1 == lines[2].index("1", len(lines[2]) - 1)
    assert "[b]Good[/b]" in lines[4]  # a cell's text is never read as markup
    assert not any(line != line.rstrip() for line in lines)
    assert not set("│┃━─") & set(out)


def test_a_terminal_gets_the_table():
    console = Console(file=StringIO(), width=80, force_terminal=True, color_system=None)
    console.print(PlainWhenPiped(_table()))
    assert "┃" in console.file.getvalue() and "children in care" in console.file.getvalue()


def test_forced_colour_keeps_the_cells_styles_when_piped():
    table = Table()
    table.add_column("Rating")
    table.add_row(Text("Inadequate", style="red"))
    console = Console(file=StringIO(), width=40, color_system="standard", force_terminal=False)
    console.print(PlainWhenPiped(table))
    assert "\x1b[31mInadequate" in console.file.getvalue()
