"""Reading report links from provider pages and from the national history CSV."""

from __future__ import annotations

import pytest

from ofsted_core.fetch.listing import links_from_csv, parse_provider_page
from tests.paths import REPO

PAGE = (REPO / "tests" / "fixtures" / "fetch" / "provider_page.html").read_text(encoding="utf-8")
HISTORY = REPO.parent / "shared" / "reference" / "ofsted_csc_ilacs_history.csv"


def test_every_report_link_on_a_provider_page_with_its_type_and_date() -> None:
    links = parse_provider_page(PAGE, "https://reports.ofsted.gov.uk/provider/44/99999")
    assert [(l.file_id, l.label, l.date) for l in links] == [
        ("50000003", "Focused visit", "2021-03-02"),
        ("50000002", "Children's services inspection", "2018-05-21"),
        ("50000001", "Children's services inspection", "2015-09-01"),
    ]


def test_other_markup_still_gives_the_links_dates_beside_them_and_relative_addresses() -> None:
    # A table instead of a list, the date in a <time> beside the link, a relative link,
    # an old-style /provider/files/<id>/ address and the same file linked twice.
    page = """<table>
      <tr><td><a href="/v1/file/777">Monitoring visit letter (PDF, 210 KB)</a></td>
          <td><time datetime="2024-06-03">3 June 2024</time></td></tr>
      <tr><td><a href="/v1/file/777">Download</a></td></tr>
      <tr><td><div><a href="https://reports.ofsted.gov.uk/provider/files/123456/urn/80418.pdf">
          Joint targeted area inspection</a></div><p>Published 14 Feb 2017</p></td></tr>
    </table>"""
    links = parse_provider_page(page, "http://127.0.0.1:9/provider/44/80418")
    assert [(l.file_id, l.label, l.date) for l in links] == [
        ("777", "Monitoring visit letter", "2024-06-03"),
        ("123456", "Joint targeted area inspection", "2017-02-14"),
    ]


@pytest.mark.parametrize("page", ["", "<html><body><p>This provider has no reports.</p>"
                                      "<a href='/search'>Search</a></body></html>", "\x00\x01 not html"])
def test_a_page_without_report_links_lists_nothing(page: str) -> None:
    assert parse_provider_page(page) == []


def test_links_from_a_csv_in_the_scrapers_format() -> None:
    text = ("urn,local_authority,inspection_link,pdf_filename,publication_date,inspection_framework\n"
            "80001,example,https://files.ofsted.gov.uk/v1/file/501,children's services inspection - 09 may 2025.pdf,09/05/25,short\n"
            "80001,example,https://files.ofsted.gov.uk/v1/file/502,\"children's services inspection,  pdf - 16 august 2013.pdf\",,\n"
            "80002,other,,,,\n")
    links = links_from_csv(text)
    assert [(l.file_id, l.urn, l.council, l.label, l.date) for l in links] == [
        ("501", "80001", "example", "Children's services inspection", "2025-05-09"),
        ("502", "80001", "example", "Children's services inspection", "2013-08-16"),
    ]


def test_a_csv_of_another_shape_gives_no_links() -> None:
    assert links_from_csv("name,grade\nexample,good\n") == []


@pytest.mark.skipif(not HISTORY.exists(), reason="the national history CSV is not in ../shared/reference")
def test_every_report_of_the_real_national_csv_is_read_with_its_council_and_date() -> None:
    import csv

    rows = list(csv.DictReader(HISTORY.open(encoding="utf-8")))
    links = links_from_csv(HISTORY.read_text(encoding="utf-8"))
    assert len(links) == len({r["inspection_link"] for r in rows if "/v1/file/" in r["inspection_link"]})
    assert all(l.urn and l.council and l.date and l.label for l in links)
    assert len({l.urn for l in links}) >= 150


def test_councils_are_named_as_the_reference_knows_them_without_a_csv():
    from ofsted_core.fetch.run import FetchProblem, resolve_councils

    (hull,) = resolve_councils(["Hull"], {})
    assert hull.urn == "80477"
    (by_code,) = resolve_councils(["E09000014"], {})
    assert by_code.name == "Haringey"
    with pytest.raises(FetchProblem, match="did you mean"):
        resolve_councils(["Haringay"], {})
