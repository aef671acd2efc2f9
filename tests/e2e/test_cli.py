"""The console script on real files: import, re-import, search, show, export, errors."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil

import pytest

from tests.e2e.cli_helpers import run_cli, run_json, store_of
from tests.paths import CORPUS, SEEDS

ESCAPE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def summary_count(stdout: str, label: str) -> int:
    """The number printed beside ``label`` in the import summary table."""
    match = re.search(re.escape(label) + r"[\s│|]+(\d+)", stdout)
    assert match, f"{label!r} not in the summary:\n{stdout}"
    return int(match.group(1))


@pytest.fixture
def db(tmp_path):
    return tmp_path / "db.json"


def test_import_reports_counts_and_reimport_is_a_no_op(db):
    first = run_cli("import", str(CORPUS), db=db)
    assert first.returncode == 0, first.stderr
    assert summary_count(first.stdout, "Documents added") == 5
    stamp = db.stat().st_mtime_ns
    before = db.read_bytes()
    second = run_cli("import", str(CORPUS), db=db)
    assert second.returncode == 0
    assert summary_count(second.stdout, "Documents unchanged") == 5
    assert db.read_bytes() == before and db.stat().st_mtime_ns == stamp


def test_sources_are_kept_exactly_as_given(db, tmp_path):
    copy = tmp_path / "in" / "story.txt"
    copy.parent.mkdir()
    shutil.copy(SEEDS[0], copy)
    assert run_cli("import", "in/story.txt", db=db, cwd=tmp_path).returncode == 0
    docs = json.loads(run_cli("export", db=db).stdout)["documents"]
    assert [d["source"] for d in docs] == ["in/story.txt"]


def test_edited_file_replaces_its_facts(db, tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("Kent County Council's children's services were rated 'inadequate' by Ofsted in 2017.\n")
    assert run_cli("import", str(story), db=db).returncode == 0
    story.write_text("Kent County Council's children's services were rated 'good' by Ofsted in 2019.\n")
    result = run_cli("import", str(story), db=db)
    assert summary_count(result.stdout, "Documents replaced (edited)") == 1
    data = json.loads(run_cli("export", db=db).stdout)
    assert len(data["documents"]) == 1
    ratings = [f["rating"] for f in data["facts"] if f["type"] == "judgement"]
    assert ratings == ["good"]


def test_bad_files_are_reported_and_good_ones_land(db, tmp_path):
    good = tmp_path / "good.txt"
    shutil.copy(SEEDS[4], good)
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    word = tmp_path / "report.docx"
    word.write_bytes(b"PK\x03\x04")
    result = run_cli("import", str(good), str(empty), str(binary), str(word), str(tmp_path / "missing.txt"), db=db)
    assert result.returncode == 1
    out = " ".join(result.stdout.split())
    for name, reason in (("empty.txt", "empty"), ("binary.txt", "binary"), ("report.docx", "unsupported"),
                         ("missing.txt", "does not exist")):
        assert name in out and reason in out
    # What to import instead names every kind that imports, the national history's .csv among them.
    assert "import .txt, .md, .html, .pdf or .csv files" in out
    docs = json.loads(run_cli("export", db=db).stdout)["documents"]
    assert [d["source"].rsplit("/", 1)[-1] for d in docs] == ["good.txt"]


def test_broken_store_exits_2_and_is_untouched(tmp_path):
    db = tmp_path / "db.json"
    db.write_bytes(b'{"documents": {')
    for args in (("timeline",), ("import", str(SEEDS[0]))):
        result = run_cli(*args, db=db)
        assert result.returncode == 2
        assert str(db) in " ".join(result.stderr.split()).replace(" ", "") or "db.json" in result.stderr
        assert "Traceback" not in result.stderr
    assert db.read_bytes() == b'{"documents": {'


def test_search_ranks_and_highlights(db):
    run_cli("import", str(CORPUS), db=db)
    hits = run_json("search", "Kober", db=db)
    assert hits and "Kober" in hits[0]["snippet"]
    table = run_cli("search", "watershed moment", db=db)
    assert table.returncode == 0 and "watershed" in table.stdout
    assert run_cli("search", "zzzyxq", db=db).returncode == 1


def test_show_by_prefix_and_json(db):
    run_cli("import", str(CORPUS), db=db)
    docs = json.loads(run_cli("export", db=db).stdout)["documents"]
    letter = next(d for d in docs if d["kind"] == "ofsted_letter")
    shown = run_json("show", letter["id"][:8], db=db)
    assert shown["id"] == letter["id"]
    for fact in shown["facts"]:
        start, end = fact["span"]
        assert 0 <= start <= end <= len(shown["text"])
    human = run_cli("show", letter["id"][:8], db=db)
    assert human.returncode == 0 and "Facts" in human.stdout
    assert run_cli("show", "nope-not-an-id", db=db).returncode == 1


def test_export_csv_and_markdown(db, tmp_path):
    run_cli("import", str(CORPUS), db=db)
    rows = list(csv.DictReader(io.StringIO(run_cli("export", "--format", "csv", db=db).stdout)))
    assert rows and {"id", "doc_id", "type", "start", "end", "rating", "speaker"} <= set(rows[0])
    events = list(csv.DictReader(io.StringIO(run_cli("export", "--format", "csv", "--table", "events", db=db).stdout)))
    assert events and all(r["authority"] for r in events)
    out = tmp_path / "timeline.md"
    assert run_cli("export", "--format", "md", "--out", str(out), db=db).returncode == 0
    assert out.read_text().startswith("# Inspection timeline")


def test_hostile_text_is_printed_literally(db, tmp_path):
    evil = tmp_path / "[b]evil[@click=app.quit].txt"
    evil.write_text(
        "[@click=app.quit]Click[/] Council news \x1b]52;c;aGk=\x07\x1b[31m\n\n"
        "Haringey Council was rated 'inadequate' [link=http://x]here[/link] in 2012.\n"
    )
    assert run_cli("import", str(evil), db=db).returncode == 0
    for args in (("timeline",), ("search", "click"), ("export", "--format", "md")):
        result = run_cli(*args, db=db)
        assert not ESCAPE.search(result.stdout.replace("\n", "")), args
    docs = run_json("search", "click", db=db)
    shown = run_cli("show", docs[0]["doc_id"], db=db).stdout
    assert "[@click=app.quit]Click[/]" in shown and "[link=http://x]here[/link]" in shown
    assert "\x1b" not in shown


def test_version_is_the_installed_package_s():
    from importlib.metadata import version

    result = run_cli("--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"ofsted-tui {version('ofsted-tui')}"


def test_a_saved_pages_address_is_kept_shown_and_dates_it(db, tmp_path):
    # The address of a real page whose text prints no date (the accuracy set's dev half).
    url = "https://newsroom.shropshire.gov.uk/2017/11/childrens-services-ofsted"
    story = tmp_path / "story.txt"
    shutil.copy(SEEDS[0], story)
    (tmp_path / "story.meta.json").write_text(json.dumps({"url": url}), encoding="utf-8")
    assert run_cli("import", str(story), db=db).returncode == 0
    (doc,) = json.loads(run_cli("export", db=db).stdout)["documents"]
    assert doc["url"] == url and doc["published"] == "2017-11"
    assert url in run_cli("show", doc["id"][:8], db=db).stdout.replace("\n", "")
    out = tmp_path / "timeline.md"
    assert run_cli("export", "--format", "md", "--out", str(out), db=db).returncode == 0
    # Markdown punctuation in untrusted text is escaped: read the line without its escapes.
    assert f"- Address: {url}" in out.read_text().replace("\\", "")


def test_db_given_before_the_command_is_the_store_used(tmp_path):
    # "ofsted-tui --db X timeline" once read (and "--db X import" wrote) the
    # bundled db.json: the subcommand's own --db default overrode the one given before it.
    db = store_of(tmp_path, "Sutton Council's children's services were rated outstanding by Ofsted in 2022.\n")
    shown = run_cli("--db", str(db), "timeline", "--json")
    assert shown.returncode == 0, shown.stderr
    assert {e["authority"] for e in json.loads(shown.stdout)} == {"Sutton"}


def test_timeline_takes_the_council_as_its_argument(tmp_path):
    db = store_of(tmp_path, "Sutton Council's children's services were rated outstanding by Ofsted in 2022. "
                            "Camden's were rated good in 2019.\n")
    by_argument = run_cli("timeline", "Sutton", "--json", db=db)
    assert by_argument.returncode == 0, by_argument.stderr
    assert {e["authority"] for e in json.loads(by_argument.stdout)} == {"Sutton"}
    assert by_argument.stdout == run_cli("timeline", "--authority", "Sutton", "--json", db=db).stdout
    both = run_cli("timeline", "Sutton", "--authority", "Camden", db=db)
    assert both.returncode == 2 and "two councils given" in both.stderr and not both.stdout
