"""A saved page's lists of other stories ("Most Read", "Related articles") yield no facts.

Read on real saved pages: the bundled Haringey story whose Ham & High page kept
its "Most Read" list, and dev pages of the accuracy set from Community Care and
the EDP (benchmarks/accuracy/README.md); the shape is stated in
``importers.text_furniture``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from importers.pipeline import import_file
from importers.text_furniture import furniture_spans
from tests.paths import ACCURACY_PROSE, SEEDS, prose_text


def _facts_in(doc, phrase: str) -> list:
    start = doc.text.index(phrase)
    end = start + len(phrase)
    return [f for f in doc.facts if start <= f.span[0] and f.span[1] <= end]


def test_a_most_read_list_in_a_saved_news_page_gives_no_facts():
    (seed,) = [p for p in SEEDS if p.name.startswith("001_")]
    doc = import_file(seed)
    # The list's headlines name a bill of "£75k" and a "2021" concert: neither is the story's.
    assert not [f for f in doc.facts if "75k" in doc.text[f.span[0]:f.span[1]] or "2021" in doc.text[f.span[0]:f.span[1]]]
    assert any(start <= doc.text.index("Most Read") < end for start, end in doc.furniture)
    # The article's own paragraph after the list is read as before.
    speakers = {f.fields.get("speaker") for f in doc.facts if f.type == "quote"}
    assert any(s and "Reith" in s for s in speakers)


@pytest.mark.parametrize("name, headline", [
    ("2011-09-29-communitycare-quarter-of-councils-not-protecting.txt", "We are all one big family"),
    ("2009-01-13-communitycare-surrey-improvement-notice.txt", "Surrey on the up after two one-star ratings, says Ian Davey"),
])
def test_related_articles_headlines_give_no_facts(name: str, headline: str):
    path = ACCURACY_PROSE / name
    if not path.exists():
        pytest.skip(f"{path} is absent")
    doc = import_file(path)
    assert _facts_in(doc, headline) == []


def test_the_article_after_a_list_heading_and_a_blank_line_is_kept():
    name = "undated-edp24-norfolk-inadequate-second-time.txt"
    if not (ACCURACY_PROSE / name).exists():
        pytest.skip(f"{ACCURACY_PROSE / name} is absent")
    text = prose_text(name)
    spans = furniture_spans(text)
    covered = "".join(text[s:e] for s, e in spans)
    assert "Most Read" in covered and "You may also want to watch" in covered
    # The saver dropped the list itself; the article's next heading and paragraphs are not furniture.
    assert "Timeline of trouble" not in covered
    assert "damning verdict" not in covered


def test_only_a_whole_line_heading_starts_a_run():
    text = (
        "Related to the inspection, the council said it was rated good in 2019.\n"
        "Read more about the report on the council's website.\n"
        "Most popular\n"
        "Council rated inadequate by Ofsted in 2016\n"
        "Ofsted praises Leeds children's services\n"
        "The director said the report was fair.\n"
    )
    spans = furniture_spans(text)
    covered = "".join(text[s:e] for s, e in spans)
    assert "Council rated inadequate by Ofsted in 2016" in covered
    assert "Ofsted praises Leeds" in covered
    assert "rated good in 2019" not in covered
    assert "Read more about" not in covered
    assert "The director said" not in covered


def test_the_page_furniture_is_stored_with_the_document(tmp_path: Path):
    page = tmp_path / "story.txt"
    page.write_text(
        "Ofsted rated Barnet's children's services good in 2017, the council said.\n"
        "Trending\n- 1 Buyers launch legal action after bill for cladding in 2021\n"
        "The council said it was proud of its staff.\n",
        encoding="utf-8",
    )
    doc = import_file(page)
    assert doc.furniture
    assert not [f for f in doc.facts if "2021" in doc.text[f.span[0]:f.span[1]]]
    assert [f for f in doc.facts if f.type == "judgement"]
