"""The held-back half stays held back: a test page a rule's test cites is scored as dev.

Rule writers find second examples with a search of public pages, and some of those pages
are (or later become) held-back pages of the accuracy set. A rule checked on such a page
has seen it, so ``benchmarks/accuracy/seen.json`` lists it and ``benchmarks/accuracy.py``
scores it with the dev half. This test finds every address cited in the code and tests
and fails when a held-back page is cited but not listed, so the list cannot fall behind.
"""

from __future__ import annotations

import json
import re

from benchmarks import accuracy
from tests.paths import REPO as ROOT

_ADDRESS = re.compile(r"https?://[^\s\"')>]+")
# An address a comment wraps after a hyphen goes on after the next line's "#".
_WRAPPED = re.compile(r"(https?://[^\s\"')>]*-)\n[ \t]*#[ \t]*")


def _key(url: str) -> str:
    return re.sub(r"^https?://(www\.)?", "", url.strip()).rstrip("/").lower()


def _held_back() -> dict[str, str]:
    rows = accuracy.read_labels("prose*.jsonl")
    return {_key(row["url"]): row["file"] for row in rows if row.get("url") and row.get("split") == "test"}


def _cited() -> dict[str, str]:
    held_back, cited = _held_back(), {}
    for folder in ("tests", "importers", "ofsted_core", "ofsted_tui"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            for url in _ADDRESS.findall(_WRAPPED.sub(r"\1", path.read_text(encoding="utf-8"))):
                if _key(url) in held_back:
                    cited.setdefault(held_back[_key(url)], str(path.relative_to(ROOT)))
    return cited


def test_every_cited_held_back_page_is_listed_as_seen():
    missing = {page: where for page, where in _cited().items() if page not in accuracy.SEEN}
    assert not missing, f"held-back pages cited by the code or tests, not in seen.json: {missing}"


def test_a_seen_page_is_a_held_back_label_and_scored_with_dev():
    labels = {row["file"]: row for row in accuracy.read_labels("prose*.jsonl")}
    for page in accuracy.SEEN:
        assert labels[page]["split"] == "test", page
        assert accuracy.half_of(labels[page]) == "dev"
    unseen = next(row for row in labels.values() if row["split"] == "test" and row["file"] not in accuracy.SEEN)
    assert accuracy.half_of(unseen) == "test"


def test_an_address_wrapped_in_a_comment_is_read_whole():
    text = "    # Somewhere (https://example.org/news/childrens-\n    # services-directions), 2015: a page.\n"
    assert _ADDRESS.findall(_WRAPPED.sub(r"\1", text)) == ["https://example.org/news/childrens-services-directions"]


def test_seen_json_names_where_each_page_is_cited():
    listed = json.loads((ROOT / "benchmarks" / "accuracy" / "seen.json").read_text(encoding="utf-8"))
    assert listed == accuracy.SEEN and all(where.endswith(".py") for where in listed.values())


# A national report named by its folder and file, as the tests and labels name them.
_REPORT = re.compile(r"\d{5}_[a-z .'-]+/children's services inspection - \d{2} [a-z]+ \d{4}\.pdf")


def test_every_held_back_report_a_test_reads_is_listed_as_seen_and_scored_with_dev():
    labels = {row["file"]: row for row in accuracy.read_labels("reports*.jsonl")}
    held_back = {name for name, row in labels.items() if row["split"] == "test"}
    cited = {}
    for folder in ("tests", "importers", "ofsted_core"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            for name in _REPORT.findall(path.read_text(encoding="utf-8")):
                if name in held_back:
                    cited.setdefault(name, str(path.relative_to(ROOT)))
    missing = {name: where for name, where in cited.items() if name not in accuracy.SEEN_REPORTS}
    assert not missing, f"held-back reports read by the code or tests, not in seen_reports.json: {missing}"
    for name in accuracy.SEEN_REPORTS:
        assert labels[name]["split"] == "test" and accuracy.half_of(labels[name]) == "dev", name
    assert cited  # the seen reports' own test names them
