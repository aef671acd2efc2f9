"""read_html on saved news pages and press releases (fixtures in tests/fixtures/html)."""

from __future__ import annotations

from pathlib import Path

import pytest

from importers.html import read_html
from importers.model import ImporterError
from importers.sanitize import clean_text
from tests.paths import REPO, seed_text

PAGES = REPO / "tests" / "fixtures" / "html"
PARAGRAPHS = ("<p>Inspectors found that the council's services for children had improved since the last "
              "inspection, and that leaders knew their services well.</p>"
              "<p>The council's cabinet member said: “We are proud of our social workers and we know there "
              "is more to do.”</p>")


def write(tmp_path: Path, html: str, name: str = "page.html") -> Path:
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    return path


def page(head: str = "", body: str = PARAGRAPHS) -> str:
    return f"<!DOCTYPE html><html><head><meta charset='utf-8'>{head}</head><body><article>{body}</article></body></html>"


def test_a_news_story_without_its_page_furniture() -> None:
    parsed = read_html(PAGES / "news_story.html")
    seed = seed_text("003").split("\n")
    assert parsed.meta == {
        "title": seed[0],
        "publisher": "Example Borough News",
        "published": "2014-07-18",
        "kind": "news",
    }
    # The headline, then each paragraph of the story on its own, blank lines between.
    assert parsed.text.split("\n\n") == seed
    for furniture in ("cookies", "Most Read", "bakery", "Related articles", "Share on", "Privacy notice",
                      "What's On", "By Sam Reporter", "rated outstanding"):
        assert furniture not in parsed.text
    assert parsed.furniture == [] and parsed.facts == []


def test_quotes_stay_within_their_paragraph() -> None:
    parsed = read_html(PAGES / "news_story.html")
    for paragraph in parsed.text.split("\n\n"):
        assert "\n" not in paragraph
    assert "\n\n“The welfare of looked after children is safeguarded and promoted." in parsed.text


def test_a_council_press_release_in_windows_1252_dated_by_its_text() -> None:
    parsed = read_html(PAGES / "press_release.html")
    assert parsed.meta == {
        "title": "Children's services rated good by Ofsted",
        "publisher": "Haringey Council",  # the <title> suffix: the page names no site otherwise
        "published": "2023-04-11",  # "Published: 11 April 2023" under the headline
    }
    assert "The council’s services for children and families" in parsed.text
    assert "“This is a tribute to the hard work of our social workers" in parsed.text
    for furniture in ("cookies", "Bins and recycling", "Skip to main content", "Related pages", "Share this page",
                      "George Meehan House"):
        assert furniture not in parsed.text


def test_json_ld_gives_the_publisher_and_date() -> None:
    parsed = read_html(PAGES / "jsonld_article.html")
    assert parsed.meta == {
        "title": "Haringey children's services rated 'good' for the first time",
        "publisher": "Example Local Radio",
        "published": "2023-04-12",
        "kind": "news",
    }
    assert parsed.text.startswith("Haringey children's services rated 'good' for the first time\n\n"
                                  "Haringey Council has received its first 'good' rating")
    assert "Trending" not in parsed.text and "Weather warning" not in parsed.text


def test_furniture_inside_the_article_is_pruned_and_a_month_date_keeps_its_precision() -> None:
    parsed = read_html(PAGES / "furniture_inside_article.html")
    assert parsed.meta["published"] == "2019-03"
    assert parsed.text.split("\n\n") == [
        "Council's children's services still inadequate, inspectors say",
        "Inspectors returning to the borough found that children's services remained inadequate, despite a new "
        "leadership team taking over last year.",
        "The monitoring visit found that \"too many children wait too long for the help they need\", the letter "
        "said.",
        "A council spokesperson said improvements were under way and that more social workers had been "
        "recruited on permanent contracts.",
        "The next full inspection is expected later in the year, when the watchdog will decide whether the "
        "council's rating should change.",
    ]


def test_a_page_with_no_article_is_refused() -> None:
    with pytest.raises(ImporterError) as caught:
        read_html(PAGES / "no_article.html")
    assert "no article text" in caught.value.reason


def test_an_empty_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ImporterError) as caught:
        read_html(write(tmp_path, "  \n"))
    assert "empty" in caught.value.reason


@pytest.mark.parametrize(("head", "body_extra", "published"), [
    ('<meta property="article:published_time" content="2023-04-11T23:30:00-05:00">', "", "2023-04-11"),
    ('<meta name="pubdate" content="Tue, 11 Apr 2023 06:00:00 GMT">', "", "2023-04-11"),
    ('<meta itemprop="datePublished" content="2022">', "", "2022"),
    ("", '<time datetime="2021-05-06T10:00">6 May</time>', "2021-05-06"),
    ('<script type="application/ld+json">[{"@type": "BlogPosting", "datePublished": "2020-02-29"}]</script>',
     "", "2020-02-29"),
    ('<meta property="article:published_time" content="2023-13-40">', "", None),
    ("", "", None),
])
def test_the_publication_date_from_the_pages_metadata(tmp_path: Path, head: str, body_extra: str,
                                                      published: str | None) -> None:
    parsed = read_html(write(tmp_path, page(head, body_extra + PARAGRAPHS)))
    assert parsed.meta.get("published") == published


def test_publisher_from_json_ld_when_there_is_no_site_name(tmp_path: Path) -> None:
    ld = ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", '
          '"headline": "Children\'s services improve", "publisher": {"@type": "Organization", '
          '"name": "The Example Echo"}}</script>')
    parsed = read_html(write(tmp_path, page(ld)))
    assert parsed.meta["publisher"] == "The Example Echo"
    assert parsed.meta["title"] == "Children's services improve"
    assert parsed.text.startswith("Children's services improve\n\nInspectors found")


def test_control_characters_in_a_page_never_reach_the_text(tmp_path: Path) -> None:
    body = ("<p>Inspectors said \x1b[31mservices\x1b[0m had improved &#27;]8;;http://x.example&#7;and leaders "
            "knew their services well, and that children were safer than at the last inspection.</p>" + PARAGRAPHS)
    parsed = read_html(write(tmp_path, page("<title>Title \x1b[2J here</title>", body)))
    assert "\x1b" not in parsed.text and "\x07" not in parsed.text
    assert "\x1b" not in parsed.meta["title"]
    assert parsed.text == clean_text(parsed.text)


def test_a_page_wrapped_in_one_form_keeps_its_article(tmp_path: Path) -> None:
    """ASP.NET sites (many councils') wrap the whole page in a single <form>."""
    html = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>Ofsted report | Anytown Council</title></head>"
            f"<body><form id='aspnetForm' method='post'><div class='content'><h1>Ofsted report</h1>{PARAGRAPHS}"
            "</div></form></body></html>")
    parsed = read_html(write(tmp_path, html))
    assert parsed.text.startswith("Ofsted report\n\nInspectors found that the council's services")
    assert parsed.meta["publisher"] == "Anytown Council"
