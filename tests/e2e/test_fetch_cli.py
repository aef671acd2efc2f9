"""``ofsted-tui fetch`` end to end, against a stand-in for Ofsted's sites on 127.0.0.1."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ofsted_core.store import Store
from tests.e2e.cli_helpers import run_cli
from tests.fixtures.ofsted_server import OfstedServer, Reply
from tests.fixtures.pdf_builder import Page, build_pdf, ilacs_style_report
from tests.paths import NATIONAL

URN = "99999"


def page(*reports: tuple[str, str, str]) -> bytes:
    items = "".join(
        f'<li><a class="publication-link" href="https://files.ofsted.gov.uk/v1/file/{fid}">{label}'
        f'<span class="nonvisual">{label}, pdf - {date}</span></a></li>' for fid, label, date in reports)
    return f"<html><body><h1>A council</h1><ul>{items}</ul></body></html>".encode()


def small_pdf(words: str) -> bytes:
    pdf_page = Page()
    pdf_page.paragraph(72, 700, f"{words} " * 30)
    return build_pdf([pdf_page])


@pytest.fixture
def site():
    with OfstedServer() as server:
        yield server


def fetch(site: OfstedServer, tmp_path: Path, *args: str):
    env = {"OFSTED_TUI_REPORTS_URL": site.url, "OFSTED_TUI_FILES_URL": site.url}
    return run_cli("fetch", *args, "--to", str(tmp_path / "lib"), "--delay", "0.01", "--timeout", "5",
                   db=tmp_path / "db.json", env=env)


def file_requests(site: OfstedServer) -> list[str]:
    return [s.path for s in site.seen if s.path.startswith("/v1/file/")]


def test_fetch_downloads_into_a_council_folder_imports_and_never_fetches_a_file_twice(site, tmp_path) -> None:
    site.route(f"/provider/44/{URN}", Reply(body=page(("11", "Children's services inspection", "21 May 2018"),
                                                      ("12", "Focused visit", "2 March 2021")),
                                            content_type="text/html"))
    site.route("/v1/file/11", Reply(body=build_pdf(ilacs_style_report())))
    site.route("/v1/file/12", Reply(body=small_pdf("The focused visit looked at the front door.")))
    first = fetch(site, tmp_path, URN)
    assert first.returncode == 0, first.stderr
    assert "Fetched 2 report(s)" in first.stdout
    files = sorted(p.name for p in (tmp_path / "lib" / URN).iterdir())
    assert files == ["2018-05-21_childrens-services-inspection_11.pdf", "2021-03-02_focused-visit_12.pdf"]
    sources = {d["source"] for d in Store(tmp_path / "db.json").read().documents}
    assert sources == {str((tmp_path / "lib" / URN / name).resolve()) for name in files}

    second = fetch(site, tmp_path, URN)
    assert second.returncode == 0, second.stderr
    assert "Fetched 0 report(s)" in second.stdout and "already had 2" in second.stdout
    assert file_requests(site) == ["/v1/file/11", "/v1/file/12"]  # the second run asked only for the page
    assert all(s.headers["User-Agent"].startswith("ofsted-tui/") for s in site.seen)


def test_a_file_downloaded_but_not_imported_is_imported_by_the_next_fetch(site, tmp_path) -> None:
    site.route(f"/provider/44/{URN}", Reply(body=page(("15", "Focused visit", "2 March 2021")),
                                            content_type="text/html"))
    folder = tmp_path / "lib" / URN
    folder.mkdir(parents=True)
    (folder / "2021-03-02_focused-visit_15.pdf").write_bytes(small_pdf("A visit left unimported."))
    result = fetch(site, tmp_path, URN)
    assert result.returncode == 0, result.stderr
    assert file_requests(site) == [] and len(Store(tmp_path / "db.json").read().documents) == 1


def test_dry_run_lists_and_downloads_nothing(site, tmp_path) -> None:
    site.route(f"/provider/44/{URN}", Reply(body=page(("21", "Children's services inspection", "1 September 2015")),
                                            content_type="text/html"))
    result = fetch(site, tmp_path, URN, "--dry-run")
    assert result.returncode == 0, result.stderr
    assert "to fetch" in result.stdout and "2015-09-01" in result.stdout
    assert file_requests(site) == [] and not (tmp_path / "lib").exists()


def test_since_last_fetches_only_what_is_new_and_says_so(site, tmp_path) -> None:
    route = f"/provider/44/{URN}"
    site.route(route, Reply(body=page(("31", "Children's services inspection", "1 September 2015")),
                            content_type="text/html"))
    site.route("/v1/file/31", Reply(body=small_pdf("An older inspection of the council.")))
    site.route("/v1/file/32", Reply(body=small_pdf("A monitoring visit to the council.")))
    assert fetch(site, tmp_path, URN).returncode == 0
    (tmp_path / "lib" / URN / "2015-09-01_childrens-services-inspection_31.pdf").unlink()  # the user tidied up
    site.route(route, Reply(body=page(("32", "Monitoring visit", "4 April 2024"),
                                      ("31", "Children's services inspection", "1 September 2015")),
                            content_type="text/html"))
    result = fetch(site, tmp_path, URN, "--since", "LAST")
    assert result.returncode == 0, result.stderr
    assert "New since the last fetch" in result.stdout and "Monitoring visit, 2024-04-04" in result.stdout
    assert file_requests(site) == ["/v1/file/31", "/v1/file/32"]  # 31 was listed before: not new
    record = json.loads((tmp_path / "lib" / "fetches.json").read_text())
    assert [f["new"] for f in record["fetches"]] == [["31"], ["32"]]


def test_since_a_year_skips_older_reports(site, tmp_path) -> None:
    site.route(f"/provider/44/{URN}", Reply(body=page(("41", "Focused visit", "2 March 2021"),
                                                      ("42", "Children's services inspection", "1 September 2015")),
                                            content_type="text/html"))
    result = fetch(site, tmp_path, URN, "--since", "2018", "--dry-run")
    assert "2021-03-02" in result.stdout and "2015-09-01" not in result.stdout


def test_a_bad_file_is_reported_and_the_others_imported(site, tmp_path) -> None:
    site.route(f"/provider/44/{URN}", Reply(body=page(("51", "Focused visit", "2 March 2021"),
                                                      ("52", "Monitoring visit", "4 April 2024")),
                                            content_type="text/html"))
    site.route("/v1/file/51", Reply(body=b"<html><title>Report not found</title></html>", content_type="text/html"))
    site.route("/v1/file/52", Reply(body=small_pdf("A monitoring visit to the council.")))
    result = fetch(site, tmp_path, URN)
    assert result.returncode == 1
    assert "failed: URN 99999: Focused visit (file 51)" in result.stdout and "web page" in result.stdout
    assert len(Store(tmp_path / "db.json").read().documents) == 1
    assert "Traceback" not in result.stderr


def test_a_page_with_no_reports_says_so(site, tmp_path) -> None:
    site.route(f"/provider/44/{URN}", Reply(body=b"<html><body>No reports</body></html>", content_type="text/html"))
    result = fetch(site, tmp_path, URN)
    assert result.returncode == 0
    assert f"no reports are listed on {site.url}/provider/44/{URN}" in result.stderr


def test_a_missing_provider_page_is_reported_by_its_address(site, tmp_path) -> None:
    result = fetch(site, tmp_path, URN)
    assert result.returncode == 1
    assert f"{site.url}/provider/44/{URN}: the server answered 404" in result.stderr


def test_councils_by_name_and_all_from_the_national_csv(site, tmp_path) -> None:
    csv = tmp_path / "history.csv"
    csv.write_text("urn,local_authority,inspection_link,pdf_filename,publication_date\n"
                   "80001,north example,https://files.ofsted.gov.uk/v1/file/61,children's services inspection - 09 may 2025.pdf,09/05/25\n"
                   "80002,south example,https://files.ofsted.gov.uk/v1/file/62,children's services inspection - 11 june 2019.pdf,11/06/19\n")
    site.route("/provider/44/80001", Reply(body=b"<html></html>", content_type="text/html"))
    site.route("/provider/44/80002", Reply(body=b"<html></html>", content_type="text/html"))
    named = fetch(site, tmp_path, "North Example", "--csv", str(csv), "--dry-run")
    assert named.returncode == 0 and "2025-05-09" in named.stdout and "2019" not in named.stdout
    both = fetch(site, tmp_path, "--all", "--csv", str(csv), "--dry-run")
    assert "2025-05-09" in both.stdout and "2019-06-11" in both.stdout
    ambiguous = fetch(site, tmp_path, "example", "--csv", str(csv))
    assert ambiguous.returncode == 2 and "north example, south example" in ambiguous.stderr
    unknown = fetch(site, tmp_path, "Nowhere")
    assert unknown.returncode == 2 and "give its Ofsted URN" in unknown.stderr


def test_bad_arguments_are_refused(site, tmp_path) -> None:
    assert fetch(site, tmp_path).returncode == 2
    assert fetch(site, tmp_path, URN, "--since", "lately").returncode == 2


@pytest.mark.reports
@pytest.mark.skipif(not (NATIONAL / "80458_darlington").is_dir(), reason="the real national reports are not in ../shared/reports")
def test_real_reports_are_fetched_and_imported(site, tmp_path) -> None:
    pdfs = sorted((NATIONAL / "80458_darlington").glob("*.pdf"))
    listing = []
    for n, pdf in enumerate(pdfs, 1):
        site.route(f"/v1/file/{700 + n}", Reply(body=pdf.read_bytes()))
        listing.append((str(700 + n), "Children's services inspection", pdf.stem.rsplit(" - ", 1)[1].title()))
    site.route("/provider/44/80458", Reply(body=page(*listing), content_type="text/html"))
    result = fetch(site, tmp_path, "80458")
    assert result.returncode == 0, result.stdout + result.stderr
    docs = Store(tmp_path / "db.json").read().documents
    assert len(docs) == len(pdfs)
    assert {d["authority"] for d in docs} == {"Darlington"}
