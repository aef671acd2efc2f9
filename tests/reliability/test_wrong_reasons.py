"""Each file that cannot be imported is named with the true reason, and the rest are imported.

A name that is not UTF-8, an unreadable folder, a symlink loop, a broken link
in a folder; and files that are fine but were refused: a name too long for
its sidecar's, UTF-16 without a byte-order mark, JSON-LD nested past
Python's recursion limit.
"""

from __future__ import annotations

import os

from importers.pipeline import import_file
from ofsted_core.store import Store
from tests.paths import SEEDS
from tests.reliability.helpers import flat, need_permissions, run_cli

ARTICLE = ("<p>" + " ".join(["Croydon Council's children's services have been rated good by Ofsted."] * 6) + "</p>")


def _good(folder, name="good.txt"):
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(SEEDS[0].read_text(encoding="utf-8"), encoding="utf-8")


def test_a_name_that_is_not_utf8_is_named_escaped_and_the_rest_imported(tmp_path):
    folder = tmp_path / "in"
    _good(folder)
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "wb") as out:
        out.write(SEEDS[1].read_bytes())
    result = run_cli("import", str(folder), db=tmp_path / "db.json")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    out = flat(result.stdout)
    assert "caf\\xe9.txt" in out and "not valid UTF-8" in out
    assert len(Store(tmp_path / "db.json").read().documents) == 1


def test_an_unreadable_folder_is_a_failure(tmp_path):
    need_permissions()
    folder = tmp_path / "in"
    _good(folder)
    locked = folder / "locked"
    locked.mkdir()
    _good(locked, "hidden.txt")
    locked.chmod(0)
    try:
        result = run_cli("import", str(folder), db=tmp_path / "db.json")
    finally:
        locked.chmod(0o755)
    assert result.returncode == 1, result.stdout + result.stderr
    out = flat(result.stdout)
    assert "Failed 1" in out and "locked is a folder that cannot be read" in out


def test_links_that_lead_nowhere_say_so(tmp_path):
    folder = tmp_path / "in"
    _good(folder)
    (folder / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    result = run_cli("import", str(folder), str(loop), db=tmp_path / "db.json")
    out = flat(result.stdout)
    assert "gone.txt is a broken symlink" in out
    assert "loop.txt is a symlink loop" in out


def test_a_name_too_long_for_its_sidecar_is_imported(tmp_path):
    path = tmp_path / ("n" * 250 + ".txt")
    path.write_text(SEEDS[0].read_text(encoding="utf-8"), encoding="utf-8")
    assert import_file(path).text.strip()


def test_utf16_without_a_byte_order_mark_is_read(tmp_path):
    text = SEEDS[0].read_text(encoding="utf-8")
    for encoding in ("utf-16-le", "utf-16-be"):
        path = tmp_path / f"{encoding}.txt"
        path.write_bytes(text.encode(encoding))
        assert import_file(path).text.split() == text.split()


def test_json_ld_nested_past_the_recursion_limit_does_not_refuse_the_page(tmp_path):
    nested = "[" * 5000 + "]" * 5000
    page = (f'<html><head><title>News</title><script type="application/ld+json">{nested}</script></head>'
            f"<body><article>{ARTICLE}</article></body></html>")
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    assert "rated good by Ofsted" in import_file(path).text


def test_an_article_nested_in_100000_divs_is_read(tmp_path):
    page = ("<html><head><title>News</title></head><body>" + "<div>" * 100_000 + ARTICLE
            + "</div>" * 100_000 + "</body></html>")
    path = tmp_path / "deep.html"
    path.write_text(page, encoding="utf-8")
    assert "rated good by Ofsted" in import_file(path).text
