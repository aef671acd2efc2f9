"""What a folder import takes: the documents in it, not the notes about the folder."""

from __future__ import annotations

from pathlib import Path

from importers.pipeline import iter_files


def _names(paths: list[str]) -> list[str]:
    return [Path(path).name for path, _ in iter_files(paths)]


def test_a_folders_readme_licence_and_change_log_are_walked_past(tmp_path: Path) -> None:
    # ../shared/reports/national/README.md describes the folder's reports; imported,
    # it became an undated "document" in every search of the folder's words.
    for name in ("README.md", "readme.txt", "Read_Me.md", "LICENCE", "LICENSE.txt", "CHANGELOG.md",
                 "contributing.md", "2016-03-01-dudley.txt", "readme-notes-on-dudley.txt"):
        (tmp_path / name).write_text("Dudley's children's services were rated inadequate.\n", encoding="utf-8")
    assert _names([str(tmp_path)]) == ["2016-03-01-dudley.txt", "readme-notes-on-dudley.txt"]


def test_a_readme_named_on_its_own_is_imported(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("Notes.\n", encoding="utf-8")
    assert list(iter_files([str(readme)])) == [(str(readme), None)]
