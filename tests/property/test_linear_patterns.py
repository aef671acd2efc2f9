"""Every extractor stays linear on the inputs that once made it quadratic.

Nothing is timed. Each input is sized so that the old quadratic code needed
many minutes (the review measured a quarter of these sizes at 5-60 s, and a
quadratic cost grows sixteen-fold with four times the size), while the
linear code reads it in seconds; each runs in a child process whose CPU
limit (``GUARD_S`` of CPU, not of the clock: a shared machine's load stretches
the wall clock several times over) only a quadratic reading can reach.
"""

from __future__ import annotations

import resource
import signal
import subprocess
import sys

import pytest

from tests.paths import REPO

GUARD_S = 60  # seconds of CPU
WALL_S = 20 * GUARD_S  # only against a child that neither runs nor ends
_ARTICLE = "<p>" + " ".join(["Ofsted said the council's services for children are good."] * 10) + "</p>"


def _page(body: str = "", head: str = "") -> str:
    return f"<html><head><title>News</title>{head}</head><body><article>{_ARTICLE}{body}</article></body></html>"


CASES = {
    # Statistics: a sentence of numbers, each read back to the sentence's start.
    "percent signs": ("s.txt", "Rates rose by " + "12% " * 50_000 + "in all.\n"),
    "per cent words": ("s.txt", "Rates rose by " + "12 per cent, " * 16_000 + "in all.\n"),
    # Quotes: a sentence of quotes and verbs of saying, every verb read for every quote.
    "quotes with speakers": ("q.txt", '"We will" said Ann, ' * 64_000 + "\n"),
    # Web pages: a tag of many attributes (the parser checks each against the others).
    "many attributes": ("a.html", _page("<div " + " ".join(f"a{n}=x" for n in range(128_000)) + ">x</div>")),
}
_IMPORT = "import sys; from importers.pipeline import import_file; import_file(sys.argv[1])"
# A JSON-LD list longer than a page can hold (the parser stops at 10 MB of
# script), put straight into a parsed page: each item was taken from the
# front of a list, moving all the others.
_JSON_LD = """import sys
from lxml import html
from importers.html import _json_ld
tree = html.document_fromstring("<html><head><script type='application/ld+json'></script></head></html>")
next(tree.iter("script")).text = "[" + ",".join(['{"@type":"Thing"}'] * 2_000_000) + "]"
assert sum(1 for _ in _json_ld(tree)) == 2_000_000
"""


def _cpu_limit() -> None:
    resource.setrlimit(resource.RLIMIT_CPU, (GUARD_S, GUARD_S + 5))


def _guarded(case: str, code: str, *args: str) -> None:
    try:
        done = subprocess.run([sys.executable, "-c", code, *args], cwd=REPO, capture_output=True,
                              text=True, timeout=WALL_S, preexec_fn=_cpu_limit)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{case}: still reading after {WALL_S} s of the clock: quadratic again")
    if done.returncode in (-signal.SIGXCPU, -signal.SIGKILL):
        pytest.fail(f"{case}: still reading after {GUARD_S} s of CPU: quadratic again")
    assert done.returncode == 0, done.stderr[-2000:]


@pytest.mark.parametrize("case", CASES)
def test_a_pathological_input_is_read_in_linear_time(tmp_path, case):
    name, content = CASES[case]
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    _guarded(case, _IMPORT, str(path))


def test_a_long_json_ld_list_is_read_in_linear_time():
    _guarded("JSON-LD", _JSON_LD)
