"""A document's web address: where it comes from, and the date it shows when the text shows none.

The addresses are real ones, of pages in the accuracy set's dev half
(benchmarks/accuracy/labels/prose*.jsonl), whose text prints no date.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from importers.address import address_authority, address_date, web_address
from importers.html import read_html
from importers.model import ImporterError
from importers.pipeline import import_file

BODY = ("Inspectors found that the council's services for children had improved since the last "
        "inspection, and that leaders knew their services well. The council's cabinet member said "
        "she was proud of the social workers and knew there was more to do.")


@pytest.mark.parametrize(("url", "date"), [
    # year/month/day path segments (WordPress and most news sites)
    ("https://www.communitycare.co.uk/2009/01/14/doncaster-childrens-services/", "2009-01-14"),
    ("https://socialcareinspection.blog.gov.uk/2017/03/03/a-conversation-with-the-social-care-sector/", "2017-03-03"),
    ("https://www.shropshirestar.com/news/local-hubs/shrewsbury/2024/03/22/new-group-to-address-serious-and-widespread-failings-in-councils-childrens-services-provision/",
     "2024-03-22"),
    # year/month (Blogger, council newsrooms)
    ("http://chrismillsblog.blogspot.com/2013/09/inadequate-and-not-getting-better.html", "2013-09"),
    ("https://newsroom.shropshire.gov.uk/2017/11/childrens-services-ofsted", "2017-11"),
    ("https://roger-gough.blogspot.com/2022/07/outstanding-ofsteds-verdict-on-kents.html?m=1", "2022-07"),
    # a month by name
    ("https://www.example.gov.uk/news/2017/november/childrens-services-rated-good", "2017-11"),
    # a whole date joined in one segment or in the query
    ("https://hansard.parliament.uk/Commons/2009-03-11/debates/09031197000032/SocialServicesCo-Operation", "2009-03-11"),
    ("https://www.theyworkforyou.com/wrans/?id=2017-07-19.HL1076.h", "2017-07-19"),
    ("https://www.example.org/news/ofsted-report-2019-03-04", "2019-03-04"),
    # a segment opening on the date in figures, then the story's name (a council newsroom)
    ("https://www.trafford.gov.uk/residents/news/articles/2019/20190508-Ofsted-finds-Trafford's-Children's-"
     "Social-Care-Services-are-'inadequate'-and-'require-improvement-to-be-good'.aspx", "2019-05-08"),
    # a news folder of the year's stories: the year
    ("https://www.cumberland.gov.uk/news/2024/cumberland-council-celebrates-good-ofsted-rating-childrens-services", "2024"),
    ("https://www.brighton-hove.gov.uk/news/2015/childrens-services-require-improvement-ofsted", "2015"),
    ("https://spelthornelibdems.org.uk/en/article/2010/0110548/ofsted-critical-of-surrey-s-adequate-children-s-services",
     "2010"),
])
def test_a_date_the_address_shows(url: str, date: str) -> None:
    assert address_date(url) == date


@pytest.mark.parametrize("url", [
    # an article number is not a year, nor a story id a date
    "https://www.cypnow.co.uk/cyp/news/2006447/slough-childrens-services-trust-improves-ofsted-rating",
    "https://feeds.bbci.co.uk/news/uk-england-humber-60160627",
    "https://democracy.reading.gov.uk/mgAi.aspx?ID=14115",
    # a year alone, or a year and a month joined in a name, are too often not dates
    "https://www.example.org/reports/2019/annual-report",
    "https://www.example.org/plan-2019-03",
    # a month that does not exist; a host is never read
    "https://www.example.org/2019/13/story",
    # eight figures before a full stop are an article number (Newsquest's), not a date
    "https://www.example.co.uk/news/20110312.council_rated_good/",
    "https://2019.example.org/03/story",
    # not a web address at all
    "javascript:alert('/2019/03/04/')",
    "/2019/03/04/story",
    None,
])
def test_no_date_where_the_address_shows_none(url: str | None) -> None:
    assert address_date(url) is None


def test_only_http_addresses_are_kept() -> None:
    assert web_address(" https://www.example.org/a ") == "https://www.example.org/a"
    assert web_address("file:///etc/passwd") is None
    assert web_address("https://example.org/a b") is None


def _write(folder: Path, text: str, meta: dict | None) -> Path:
    path = folder / "story.txt"
    path.write_text(text, encoding="utf-8")
    if meta is not None:
        (folder / "story.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return path


def test_a_sidecars_url_is_kept_and_dates_an_undated_text(tmp_path: Path) -> None:
    url = "https://www.communitycare.co.uk/2009/01/14/doncaster-childrens-services/"
    doc = import_file(_write(tmp_path, "Doncaster children's services\n\n" + BODY, {"url": url}))
    assert doc.url == url
    assert doc.published == "2009-01-14"


def test_the_texts_own_dateline_wins_over_the_address(tmp_path: Path) -> None:
    url = "https://www.communitycare.co.uk/2009/01/14/doncaster-childrens-services/"
    text = "Doncaster children's services\n\nPublished: 20 January 2009\n\n" + BODY
    doc = import_file(_write(tmp_path, text, {"url": url}))
    assert doc.published == "2009-01-20"
    assert doc.url == url


def test_a_sidecars_published_wins_over_the_address(tmp_path: Path) -> None:
    url = "https://newsroom.shropshire.gov.uk/2017/11/childrens-services-ofsted"
    doc = import_file(_write(tmp_path, BODY, {"url": url, "published": "2017-12-01"}))
    assert doc.published == "2017-12-01"


def test_a_sidecar_url_that_is_no_address_is_refused_by_name(tmp_path: Path) -> None:
    with pytest.raises(ImporterError) as caught:
        import_file(_write(tmp_path, BODY, {"url": "not an address"}))
    assert "story.meta.json" in caught.value.reason and "url" in caught.value.reason


def _page(folder: Path, head: str) -> Path:
    page = folder / "page.html"
    page.write_text(f"<html><head>{head}</head><body><article><p>{BODY}</p></article></body></html>", encoding="utf-8")
    return page


def test_a_pages_canonical_address_dates_it(tmp_path: Path) -> None:
    url = "https://www.communitycare.co.uk/2021/10/27/inadequate-councils-make-progress-in-latest-ofsted-visits/"
    page = _page(tmp_path, f"<link rel='canonical' href='{url}'><meta property='og:url' content='https://x.org/'>")
    assert read_html(page).meta["url"] == url
    doc = import_file(page)
    assert (doc.url, doc.published) == (url, "2021-10-27")


def test_og_url_when_there_is_no_canonical_link(tmp_path: Path) -> None:
    url = "http://chrismillsblog.blogspot.com/2013/09/inadequate-and-not-getting-better.html"
    assert read_html(_page(tmp_path, f"<meta property='og:url' content='{url}'>")).meta["url"] == url


def test_a_link_that_is_no_web_address_is_not_kept(tmp_path: Path) -> None:
    assert "url" not in read_html(_page(tmp_path, "<link rel='canonical' href='javascript:alert(1)'>")).meta


@pytest.mark.parametrize(("url", "council"), [
    # committee sites of the dev half's minutes, which never name their council
    ("https://moderngov.cheshireeast.gov.uk/ecminutes/mgAi.aspx?ID=19802", "Cheshire East"),
    ("http://www.slough.gov.uk/moderngov/mgAi.aspx?ID=20339", "Slough"),
    ("https://democracy.telford.gov.uk/mgAi.aspx?ID=14495", "Telford and Wrekin"),
    ("https://csapps.norfolk.gov.uk/csshared/ecourier2/misheet.asp?misheetid=3155", "Norfolk"),
    # other public bodies' sites name no council
    ("https://www.gov.uk/government/news/x", None),
    ("https://socialcareinspection.blog.gov.uk/2017/03/03/a-conversation-with-the-social-care-sector/", None),
    ("https://hansard.parliament.uk/Commons/2009-03-11/debates/x", None),
    ("https://www.cypnow.co.uk/cyp/news/1149336/x", None),
])
def test_the_council_whose_site_holds_the_page(url: str, council: str | None) -> None:
    assert address_authority(url) == council


def test_minutes_that_never_name_their_council_take_the_one_whose_site_they_are_on(tmp_path: Path) -> None:
    # The shape of a committee site's item page (prose/2013-cheshire-east-minutes-protection-inspection.txt).
    text = ("Agenda item\n\nOfsted Inspection\n\nMinutes:\n\nThe Council had been judged to be adequate in the "
            "effectiveness of help and leadership and governance categories.\n")
    url = "https://moderngov.cheshireeast.gov.uk/ecminutes/mgAi.aspx?ID=19802"
    doc = import_file(_write(tmp_path, text, {"url": url}))
    assert (doc.authority, doc.kind) == ("Cheshire East", "minutes")
    assert {(f.get("authority"), f.get("area")) for f in doc.facts if f.type == "judgement"} == {
        ("Cheshire East", "help and protection"), ("Cheshire East", "leadership")}
    # A council the text names wins over the site's.
    named = import_file(_write(tmp_path, text.replace("The Council", "Stockport Council"), {"url": url}))
    assert named.authority == "Stockport"
