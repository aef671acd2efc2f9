"""The polite client against a local server: retries, time-outs, checks, resume."""

from __future__ import annotations

from pathlib import Path

import pytest

from ofsted_core.fetch.client import Client, FetchError
from tests.fixtures.ofsted_server import OfstedServer, Reply
from tests.fixtures.pdf_builder import Page, build_pdf

PDF = build_pdf([Page().text(72, 700, f"Line {n} of a small report") for n in range(40)], compress=False)
FILE = "/v1/file/123"


def client(**kw) -> tuple[Client, list[float]]:
    """A client that records its waits instead of sleeping them (nothing here is timed)."""
    waits: list[float] = []
    kw.setdefault("delay", 0.01)
    kw.setdefault("timeout", 5.0)
    return Client(sleep=waits.append, **kw), waits


@pytest.fixture
def server():
    with OfstedServer() as srv:
        yield srv


def test_downloads_a_pdf_whole_and_names_itself(server, tmp_path: Path) -> None:
    import ofsted_tui

    server.route(FILE, Reply(body=PDF))
    c, _ = client()
    assert c.download(server.url + FILE, tmp_path / "r.pdf") == len(PDF)
    assert (tmp_path / "r.pdf").read_bytes() == PDF
    assert not (tmp_path / "r.pdf.part").exists()
    agent = server.seen[0].headers["User-Agent"]
    assert agent.startswith(f"ofsted-tui/{ofsted_tui.__version__} ")


def test_429_waits_as_long_as_retry_after_asks(server, tmp_path: Path) -> None:
    server.route(FILE, Reply(429, b"slow down", {"Retry-After": "7"}, "text/plain"), Reply(body=PDF))
    c, waits = client()
    c.download(server.url + FILE, tmp_path / "r.pdf")
    assert len(server.requests_to(FILE)) == 2
    assert max(waits) >= 7


def test_a_retry_after_beyond_the_limit_leaves_the_file_for_later(server, tmp_path: Path) -> None:
    server.route(FILE, Reply(429, b"", {"Retry-After": "86400"}, "text/plain"))
    c, waits = client(max_wait=300)
    with pytest.raises(FetchError, match="asked to wait 86400 s"):
        c.download(server.url + FILE, tmp_path / "r.pdf")
    assert len(server.requests_to(FILE)) == 1 and not any(w >= 300 for w in waits)


def test_503_then_success_backs_off_and_retries(server, tmp_path: Path) -> None:
    server.route(FILE, Reply(503, b"busy", content_type="text/plain"), Reply(502, b"", content_type="text/plain"),
                 Reply(body=PDF))
    c, waits = client(delay=0.5)
    c.download(server.url + FILE, tmp_path / "r.pdf")
    assert len(server.requests_to(FILE)) == 3
    backoffs = [w for w in waits if w >= 1.0]
    assert backoffs == sorted(backoffs) and len(backoffs) == 2  # 1 s, then 2 s: doubling


def test_gives_up_after_its_retries_with_the_last_reason(server, tmp_path: Path) -> None:
    server.route(FILE, Reply(500, b"", content_type="text/plain"))
    c, _ = client(retries=2)
    with pytest.raises(FetchError, match="answered 500.*3 tries"):
        c.download(server.url + FILE, tmp_path / "r.pdf")
    assert len(server.requests_to(FILE)) == 3


def test_a_404_is_not_retried(server, tmp_path: Path) -> None:
    c, _ = client()
    with pytest.raises(FetchError, match="404"):
        c.download(server.url + "/v1/file/404", tmp_path / "r.pdf")
    assert len(server.seen) == 1


def test_a_time_out_is_retried(server, tmp_path: Path) -> None:
    server.route(FILE, Reply(hang=True), Reply(body=PDF))
    c, _ = client(timeout=0.3)
    c.download(server.url + FILE, tmp_path / "r.pdf")
    assert (tmp_path / "r.pdf").read_bytes() == PDF


def test_a_server_that_never_answers_is_reported_as_timed_out(server, tmp_path: Path) -> None:
    server.route(FILE, Reply(hang=True))
    c, _ = client(timeout=0.2, retries=1)
    with pytest.raises(FetchError, match="timed out"):
        c.download(server.url + FILE, tmp_path / "r.pdf")


def test_a_truncated_download_is_resumed_with_a_range_request(server, tmp_path: Path) -> None:
    half = len(PDF) // 2
    server.route(FILE, Reply(body=PDF, cut=half), Reply(body=PDF))
    c, _ = client()
    c.download(server.url + FILE, tmp_path / "r.pdf")
    assert (tmp_path / "r.pdf").read_bytes() == PDF
    second = server.requests_to(FILE)[1]
    assert second.headers.get("Range") == f"bytes={half}-"


def test_an_interrupted_download_resumes_where_it_stopped(server, tmp_path: Path) -> None:
    (tmp_path / "r.pdf.part").write_bytes(PDF[:500])  # what a killed run left
    server.route(FILE, Reply(body=PDF))
    c, _ = client()
    c.download(server.url + FILE, tmp_path / "r.pdf")
    assert (tmp_path / "r.pdf").read_bytes() == PDF
    assert [s.headers.get("Range") for s in server.requests_to(FILE)] == ["bytes=500-"]


def test_a_server_that_ignores_range_sends_the_whole_file_again(server, tmp_path: Path) -> None:
    (tmp_path / "r.pdf.part").write_bytes(PDF[:500])
    server.route(FILE, Reply(body=PDF, ranges=False))
    c, _ = client()
    c.download(server.url + FILE, tmp_path / "r.pdf")
    assert (tmp_path / "r.pdf").read_bytes() == PDF


def test_an_html_error_page_served_as_a_pdf_is_refused_and_nothing_kept(server, tmp_path: Path) -> None:
    page = b"<!DOCTYPE html><html><head><title>Report not found</title></head><body>Sorry</body></html>"
    server.route(FILE, Reply(body=page, content_type="application/pdf"))
    c, _ = client()
    with pytest.raises(FetchError, match="web page"):
        c.download(server.url + FILE, tmp_path / "r.pdf")
    assert list(tmp_path.iterdir()) == []


def test_a_pdf_without_its_end_is_refused(server, tmp_path: Path) -> None:
    server.route(FILE, Reply(body=PDF[: len(PDF) - 200]))  # whole as announced, but not a whole PDF
    c, _ = client()
    with pytest.raises(FetchError, match="incomplete"):
        c.download(server.url + FILE, tmp_path / "r.pdf")
    assert list(tmp_path.iterdir()) == []


def test_a_redirect_is_followed(server, tmp_path: Path) -> None:
    server.route(FILE, Reply(302, b"", {"Location": "/blobs/abc"}, "text/plain"))
    server.route("/blobs/abc", Reply(body=PDF))
    c, _ = client()
    c.download(server.url + FILE, tmp_path / "r.pdf")
    assert (tmp_path / "r.pdf").read_bytes() == PDF


def test_requests_are_spaced_by_the_delay() -> None:
    # A clock that does not move: every request after the first waits the whole delay.
    waits: list[float] = []
    c = Client(delay=2.0, sleep=waits.append, clock=lambda: 100.0)
    c._space()
    c._space()
    c._space()
    assert waits == [2.0, 2.0]


def test_a_page_is_read_as_text_in_its_charset(server) -> None:
    server.route("/page", Reply(body="Café".encode("latin-1"), content_type="text/html; charset=iso-8859-1"))
    c, _ = client()
    assert c.get_text(server.url + "/page") == "Café"


def test_a_file_larger_than_any_report_is_refused_unread(server, tmp_path: Path, monkeypatch) -> None:
    import ofsted_core.fetch.client as client_module

    monkeypatch.setattr(client_module, "MAX_BYTES", len(PDF) - 1)
    server.route(FILE, Reply(body=PDF))
    c, _ = client()
    with pytest.raises(FetchError, match="larger than any report"):
        c.download(server.url + FILE, tmp_path / "r.pdf")
    assert list(tmp_path.iterdir()) == []
