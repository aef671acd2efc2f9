"""What the exports hand to other programs: spreadsheets, Markdown renderers, scripts.

CSV cells that a spreadsheet would run as formulas are neutralised as OWASP
recommends; Markdown carries no raw HTML, links, images or code spans from a
document; a file name's bidi override or control character reaches neither
the JSON outputs nor the screen.
"""

from __future__ import annotations

import csv
import io
import json

from markdown_it import MarkdownIt

from tests.paths import SEEDS
from tests.reliability.helpers import CONTROL, cli

HOSTILE_TITLE = '=HYPERLINK("http://evil.example","x") <img src=x onerror=alert(1)>'
HOSTILE_LINES = [
    "<script>alert(1)</script> [click](javascript:alert(1)) ![i](http://evil.example/p.png)",
    "@SUM(1+1) -2+3 +cmd|' /C calc'!A0",
]


def _store(tmp_path, capsys, name="story.txt"):
    folder = tmp_path / "in"
    folder.mkdir()
    text = SEEDS[0].read_text(encoding="utf-8")
    path = folder / name
    path.write_text(HOSTILE_TITLE + "\n" + "\n".join(HOSTILE_LINES) + "\n" + text, encoding="utf-8")
    db = tmp_path / "db.json"
    assert cli(capsys, "import", str(path), db=db)[0] == 0
    return db, path


def test_csv_cells_that_start_a_formula_are_neutralised(tmp_path, capsys):
    db, _ = _store(tmp_path, capsys, name="=cmd.txt")
    for table in ("documents", "facts", "events"):
        code, out, _ = cli(capsys, "export", "--format", "csv", "--table", table, db=db)
        assert code == 0
        rows = list(csv.reader(io.StringIO(out)))
        cells = [cell for row in rows[1:] for cell in row]
        assert cells
        assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")], table
    documents = list(csv.DictReader(io.StringIO(cli(capsys, "export", "--format", "csv", "--table", "documents", db=db)[1])))
    assert documents[0]["title"].startswith("'=HYPERLINK")
    assert documents[0]["source"].endswith("=cmd.txt")


def test_markdown_carries_no_html_links_or_images_from_a_document(tmp_path, capsys):
    db, _ = _store(tmp_path, capsys, name="a`b` <b>.txt")
    code, out, _ = cli(capsys, "export", "--format", "md", db=db)
    assert code == 0
    rendered = MarkdownIt("commonmark").render(out)
    for bad in ("<img", "<script", "<b>", "javascript:", "href=", "<code>"):
        assert bad not in rendered, bad
    assert "a`b` &lt;b&gt;.txt" in rendered  # the file name shown as it is, as text


def test_a_bidi_override_in_a_file_name_reaches_no_output(tmp_path, capsys):
    db, path = _store(tmp_path, capsys, name="report\u202etxt.exe\u0007.txt")
    outputs = [cli(capsys, *command, db=db)[1] for command in (
        ("export",), ("timeline", "--json"), ("search", "Ofsted", "--json"), ("export", "--format", "csv", "--table", "documents"),
        ("timeline",), ("show", "report"))]
    for out in outputs:
        assert "\u202e" not in out and not CONTROL.search(out.replace("\t", ""))
    documents = json.loads(outputs[0])["documents"]
    assert documents[0]["source"] == str(path).replace("\u202e", "").replace("\u0007", "")
