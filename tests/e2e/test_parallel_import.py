"""The console script importing enough files for the parsing pool, a bad one among them."""

from __future__ import annotations

import json

from tests.e2e.cli_helpers import run_cli
from tests.e2e.test_cli import summary_count
from tests.paths import SEEDS


def test_many_files_import_and_a_bad_one_is_named(tmp_path):
    folder = tmp_path / "stories"
    folder.mkdir()
    texts = [seed.read_text(encoding="utf-8") for seed in SEEDS]
    for n in range(12):
        (folder / f"story{n:02d}.txt").write_text(f"Story {n}\n\n{texts[n % len(texts)]}", encoding="utf-8")
    (folder / "story05b.txt").write_bytes(b"\x00\x01\x02 binary" * 40)
    db = tmp_path / "db.json"

    result = run_cli("import", str(folder), db=db)

    assert result.returncode == 1  # some files failed
    assert summary_count(result.stdout, "Documents added") == 12
    assert "story05b.txt" in result.stdout and "binary" in result.stdout
    docs = json.loads(run_cli("export", db=db).stdout)["documents"]
    assert sorted(d["source"].rsplit("/", 1)[-1] for d in docs) == [f"story{n:02d}.txt" for n in range(12)]
