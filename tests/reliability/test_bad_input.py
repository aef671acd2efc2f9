"""One import run over good files and every kind of bad one.

Every bad file is reported with its name and a reason a person can act on,
every good file lands with its text decoded correctly, the exit status says
some failed, and nothing of a failed file reaches the store.
"""

from __future__ import annotations

import codecs
import os

from ofsted_core.store import Store
from tests.paths import SEEDS
from tests.reliability.helpers import CONTROL, export, flat, permissions_apply, run_cli
from tests.reliability.samples import encrypted_pdf, scanned_pdf, text_pdf

HUGE_BYTES = 100 * 2**20

REPORT_LINES = [
    "Ofsted inspection of Barnet local authority children's services",
    "Overall effectiveness: Good",
    "Inspectors judged the experiences and progress of children in care to be good.",
    "Leaders have a clear understanding of the quality of social work practice.",
]
CP1252 = "Leeds City Council\u2019s children\u2019s services were rated \u2018outstanding\u2019 by Ofsted \u2013 a caf\u00e9 celebration.\n"
UTF16 = "Sheffield City Council\u2019s children\u2019s services were rated \u2018good\u2019 by Ofsted in 2022.\n"
# Combining marks (decomposed e + diaeresis, a + acute), Arabic and Hebrew, an emoji.
UNICODE = ("Zoe\u0308 A\u0301da\u0301ms, director of children's services, said: \u201cWe are proud.\u201d "
           "\u0645\u062c\u0644\u0633 \u05e9\u05dc\u05d5\u05dd \U0001f44d Bristol was rated \u2018good\u2019 in 2019.\n")
ARTICLE = """<!doctype html><html><head><title>Council rated good</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Croydon children's services rated good by Ofsted</h1>
<p>Croydon Council's children's services have been rated 'good' by Ofsted following an inspection in March 2023.</p>
<p>Inspectors found that children in care are well supported and that leaders know their services well.</p>
<p>The council's director of children's services said the result reflected years of hard work by staff.</p>
</article><footer>Copyright Croydon Council</footer></body></html>"""
NO_ARTICLE = """<!doctype html><html><head><title>Menu</title><script>var tracking = 1;</script></head>
<body><nav><a href="/">Home</a> <a href="/a">A</a> <a href="/b">B</a></nav><script>render()</script></body></html>"""


def _make_matrix(inbox) -> tuple[dict[str, str], dict[str, str]]:
    """Write the files; return good files -> a phrase their text must hold, bad files -> reason words."""
    good: dict[str, str] = {}
    bad: dict[str, str] = {}

    def put(name: str, content: bytes) -> str:
        path = inbox / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        return f"in/{name}"

    good[put("story.txt", SEEDS[4].read_bytes())] = SEEDS[4].read_text(encoding="utf-8").split("\n")[0][:30]
    good[put("cp1252.txt", CP1252.encode("cp1252"))] = "Leeds City Council\u2019s children\u2019s services were rated \u2018outstanding\u2019"
    good[put("utf16.txt", codecs.BOM_UTF16_LE + UTF16.encode("utf-16-le"))] = "Sheffield City Council\u2019s"
    good[put("unicode.txt", UNICODE.encode("utf-8"))] = "Zo\u00eb \u00c1d\u00e1ms"
    good[put("report.pdf", text_pdf(REPORT_LINES))] = "Overall effectiveness"
    good[put("article.html", ARTICLE.encode())] = "rated 'good' by Ofsted following an inspection"
    good[put("looped/inside.txt", b"Derby City Council's children's services were rated 'good' in 2021.\n")] = "Derby City"

    bad[put("empty.txt", b"")] = "empty"
    bad[put("binary.txt", bytes(range(256)) * 64)] = "binary"
    bad[put("truncated.pdf", text_pdf(REPORT_LINES)[:300])] = "truncated"
    bad[put("encrypted.pdf", encrypted_pdf(REPORT_LINES))] = "password"
    bad[put("scanned.pdf", scanned_pdf())] = "no text layer"
    bad[put("menu.html", NO_ARTICLE.encode())] = "no article"
    with open(inbox / "huge.txt", "wb") as huge:
        line = b"Ofsted said the council's services for children require improvement to be good.\n"
        huge.write(line * (HUGE_BYTES // len(line) + 1))
    bad["in/huge.txt"] = "100 MB"
    if permissions_apply():
        put("locked.txt", b"Readable text that nobody may read.\n")
        (inbox / "locked.txt").chmod(0)
        bad["in/locked.txt"] = "permission denied"
    # A folder that contains itself, and two links that point at each other.
    os.symlink("..", inbox / "looped" / "back")
    os.symlink("ping.txt", inbox / "looped" / "pong.txt")
    os.symlink("pong.txt", inbox / "looped" / "ping.txt")
    bad["in/looped/ping.txt"] = "symlink loop"
    bad["in/looped/pong.txt"] = "symlink loop"
    bad["in/nowhere.txt"] = "does not exist"
    return good, bad


def test_import_matrix_of_good_and_bad_files(tmp_path):
    inbox = tmp_path / "in"
    good, bad = _make_matrix(inbox)
    files = [name for name in [*good, *bad] if not name.startswith("in/looped/")] + ["in/looped"]
    db = tmp_path / "db.json"
    result = run_cli("import", *files, db=db, cwd=tmp_path, timeout=60)

    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    out = flat(result.stdout)
    assert f"Failed {len(bad)}" in out and f"Documents added {len(good)}" in out
    for name, reason in bad.items():
        assert f"{name} " in out, f"{name} is not reported"
        line = out[out.index(f"{name} "):]
        assert reason in line[: len(name) + 250], f"{name}: expected a reason saying {reason!r}"

    data = export(db)
    docs = {d["source"]: d for d in data["documents"]}
    assert sorted(docs) == sorted(good), "exactly the good files land, once each"
    texts = {d["source"]: d["text"] for d in Store(db).read().documents}
    for source, phrase in good.items():
        assert phrase in texts[source], f"{source} was not decoded as written"
        assert not CONTROL.search(texts[source].replace("\t", ""))
    # Nothing half-imported: every fact belongs to a stored document and points into its text.
    for fact in data["facts"]:
        assert fact["doc_id"] in {d["id"] for d in docs.values()}
        start, end = fact["span"]
        text = next(texts[s] for s, d in docs.items() if d["id"] == fact["doc_id"])
        assert 0 <= start <= end <= len(text)


def test_a_run_of_only_bad_files_writes_no_store(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = run_cli("import", "empty.txt", "nowhere.txt", db=tmp_path / "db.json", cwd=tmp_path)
    assert result.returncode == 1
    assert "empty.txt" in result.stdout and "nowhere.txt" in result.stdout
    assert not (tmp_path / "db.json").exists()
