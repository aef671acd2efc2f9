"""The library folder: where it is, how files are named and found, the record of fetches."""

from __future__ import annotations

from pathlib import Path

import pytest

from ofsted_core.fetch.library import Fetch, Library, default_library
from ofsted_core.fetch.listing import ReportLink


def test_the_library_is_in_the_xdg_data_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("OFSTED_TUI_LIBRARY", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert default_library() == tmp_path / "data" / "ofsted-tui" / "reports"
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_library() == tmp_path / "home" / ".local" / "share" / "ofsted-tui" / "reports"
    monkeypatch.setenv("OFSTED_TUI_LIBRARY", str(tmp_path / "mine"))
    assert default_library() == tmp_path / "mine"


def test_one_folder_per_council_and_the_file_id_in_each_name(tmp_path: Path) -> None:
    library = Library(tmp_path)
    link = ReportLink("50123", "Children's services inspection", "2023-04-11")
    path = library.path_for(link, "80494", "Haringey")
    assert path == tmp_path / "80494_haringey" / "2023-04-11_childrens-services-inspection_50123.pdf"
    path.parent.mkdir()
    path.write_bytes(b"%PDF-")
    (path.parent / "notes.pdf").write_bytes(b"%PDF-")  # the user's own file: not a fetched one
    (path.parent / "x_50124.pdf.part").write_bytes(b"%PDF-")  # unfinished: not had
    assert library.files_on_disk() == {"50123": path}


def test_the_record_lists_fetches_in_order_and_what_was_new(tmp_path: Path) -> None:
    library = Library(tmp_path)
    assert library.last_fetch() is None and library.new_since_last_fetch() == []
    library.record(Fetch(at="2026-01-01T00:00:00+00:00", councils=["1"], listed=["7"], new=["7"]))
    library.record(Fetch(at="2026-02-01T00:00:00+00:00", councils=["1"], listed=["7", "8"], new=["8"]))
    assert [f.at[:7] for f in library.fetches()] == ["2026-01", "2026-02"]
    assert library.listed_before() == {"7", "8"}
    assert library.new_since_last_fetch() == []  # 8 is not on disk
    (tmp_path / "1").mkdir()
    (tmp_path / "1" / "undated_report_8.pdf").write_bytes(b"%PDF-")
    assert library.new_since_last_fetch() == [tmp_path / "1" / "undated_report_8.pdf"]
    assert library.new_by_council() == {"1": 1}


def test_a_damaged_record_reads_as_no_fetches_and_is_kept_aside(tmp_path: Path) -> None:
    library = Library(tmp_path)
    library.record_path.write_text("{not json", encoding="utf-8")
    assert library.fetches() == []
    library.record(Fetch(at="2026-03-01T00:00:00+00:00", councils=["1"]))
    assert len(library.fetches()) == 1
    assert (tmp_path / "fetches.json.damaged").read_text(encoding="utf-8") == "{not json"
