"""A polite HTTP client: one request at a time, spaced, retried with backoff, checked.

Rules it keeps for Ofsted's servers (the README's "Fetching reports" lists them):
requests go out one at a time and at least ``delay`` seconds apart; every one
names ofsted-tui and its version; each has a time-out; 429 and 5xx answers and
dropped connections are retried with exponential backoff, waiting as long as a
``Retry-After`` header asks (up to ``max_wait``, beyond which the file is left
for another day); a download goes to ``NAME.part`` and is resumed from where it
stopped with a ``Range`` request, then checked (a PDF by its magic bytes, the
size the server announced) before it is renamed into place.
"""

from __future__ import annotations

import email.utils
import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import urllib3

__all__ = ["Client", "FetchError", "user_agent"]

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
PDF_MAGIC = b"%PDF-"
# A report is a few MB; the importer refuses files over 25 MB. Anything far
# bigger is not a report, and is not allowed to fill the disk.
MAX_BYTES = 64 * 1024 * 1024
_CHUNK = 64 * 1024


class FetchError(Exception):
    """A page or file that could not be fetched; ``reason`` says why in words."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason


def user_agent() -> str:
    import ofsted_core

    return (f"ofsted-tui/{ofsted_core.__version__} (a reader of councils' children's services "
            "inspection reports; one request at a time)")


@dataclass
class Client:
    delay: float = 2.0  # seconds between the starts of two requests
    timeout: float = 30.0
    retries: int = 4
    max_wait: float = 300.0  # the longest Retry-After honoured before giving up on a file
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.monotonic

    def __post_init__(self) -> None:
        self._pool = urllib3.PoolManager()
        self._agent = user_agent()
        self._last: float | None = None

    # -- pages ---------------------------------------------------------------
    def get_text(self, url: str) -> str:
        """The body of the page at ``url`` as text."""
        response = self._request(url)
        try:
            body = response.read(MAX_BYTES + 1)
        except (urllib3.exceptions.HTTPError, OSError) as exc:
            raise FetchError(url, f"the page was cut off ({_plain(exc)})") from None
        finally:
            response.release_conn()
        if len(body) > MAX_BYTES:
            raise FetchError(url, "the page is larger than any provider page")
        match = re.search(r"charset=([\w.-]+)", response.headers.get("Content-Type", ""))
        try:
            return body.decode(match.group(1) if match else "utf-8", errors="replace")
        except LookupError:  # a charset Python does not know
            return body.decode("utf-8", errors="replace")

    # -- files ---------------------------------------------------------------
    def download(self, url: str, dest: Path) -> int:
        """Fetch ``url`` into ``dest`` (via ``dest.part``, resumed if present); return its size.

        Raises FetchError, leaving a partial download in ``dest.part`` for the
        next run where the failure was the network's.
        """
        part = dest.with_name(dest.name + ".part")
        last: FetchError | None = None
        for attempt in range(self.retries + 1):
            if attempt:
                self._pause(self._backoff(attempt))
            try:
                size = self._download_once(url, part)
            except _Retry as exc:
                last = FetchError(url, exc.reason)
                continue
            _check_pdf(url, part, size)
            os.replace(part, dest)
            return size
        assert last is not None
        raise last

    def _download_once(self, url: str, part: Path) -> int:
        have = part.stat().st_size if part.exists() else 0
        # Byte offsets only mean something in the file as stored, never gzipped.
        headers = {"Accept-Encoding": "identity", **({"Range": f"bytes={have}-"} if have else {})}
        response = self._request(url, headers)
        try:
            return self._receive(url, response, part, have)
        except _TooLarge:
            part.unlink(missing_ok=True)
            raise FetchError(url, "the file is larger than any report; it was discarded") from None
        finally:
            response.release_conn()

    def _receive(self, url: str, response: urllib3.BaseHTTPResponse, part: Path, have: int) -> int:
        if response.status == 416:  # our partial file is not a prefix of theirs: start again
            part.unlink(missing_ok=True)
            raise _Retry("the partial download did not match the file; starting again")
        if not (response.status == 206 and _range_start(response) == have):
            have = 0  # the whole file is coming (the server ignored the Range)
        length = response.headers.get("Content-Length")
        expected = have + int(length) if length and length.isdigit() else None
        if expected is not None and expected > MAX_BYTES:
            raise _TooLarge
        first = b"" if have else response.read(len(PDF_MAGIC))
        if not have and first != PDF_MAGIC:
            raise FetchError(url, _not_pdf(response, first + response.read(2048)))
        with open(part, "ab" if have else "wb") as out:
            out.write(first)
            written = have + len(first)
            try:
                # read1 hands over what has arrived, so a connection cut
                # mid-file keeps every byte received for the resume.
                while chunk := response.read1(_CHUNK):
                    out.write(chunk)
                    written += len(chunk)
                    if written > MAX_BYTES:
                        raise _TooLarge
            except (urllib3.exceptions.HTTPError, OSError) as exc:
                raise _Retry(f"the download was cut off at {written:,} bytes ({_plain(exc)})") from None
            finally:
                out.flush()
                os.fsync(out.fileno())
        if expected is not None and written != expected:
            raise _Retry(f"the download stopped at {written:,} of {expected:,} bytes")
        return written

    # -- one request ---------------------------------------------------------
    def _request(self, url: str, headers: dict[str, str] | None = None) -> urllib3.BaseHTTPResponse:
        """One GET, retried on 429, 5xx and dropped connections; other errors raise FetchError."""
        wait = 0.0
        for attempt in range(self.retries + 1):
            if attempt:
                self._pause(wait)
            self._space()
            try:
                response = self._pool.request(
                    "GET", url, headers={"User-Agent": self._agent, **(headers or {})},
                    preload_content=False, redirect=True,
                    timeout=urllib3.Timeout(connect=self.timeout, read=self.timeout),
                    # Retries are ours (with waits and Retry-After); urllib3 only follows redirects.
                    retries=urllib3.Retry(total=None, connect=0, read=0, status=0, other=0, redirect=5),
                )
            except urllib3.exceptions.MaxRetryError as exc:
                if isinstance(exc.reason, urllib3.exceptions.ResponseError):  # too many redirects
                    raise FetchError(url, "the server redirected too many times") from None
                reason, wait = _plain(exc.reason or exc), self._backoff(attempt + 1)
                continue
            except (urllib3.exceptions.HTTPError, OSError) as exc:
                reason, wait = _plain(exc), self._backoff(attempt + 1)
                continue
            if response.status in RETRY_STATUSES:
                asked = _retry_after(response.headers.get("Retry-After"))
                response.drain_conn()
                response.release_conn()
                reason = f"the server answered {response.status}"
                if asked is not None and asked > self.max_wait:
                    raise FetchError(url, f"{reason} and asked to wait {asked:.0f} s; try again later")
                wait = max(asked if asked is not None else 0.0, self._backoff(attempt + 1))
                continue
            if response.status >= 400:
                response.drain_conn()
                response.release_conn()
                raise FetchError(url, f"the server answered {response.status} {response.reason or ''}".rstrip())
            return response
        raise FetchError(url, f"{reason}, after {self.retries + 1} tries")

    def _backoff(self, attempt: int) -> float:
        # Doubling from the polite delay (4, 8, 16, 32 s at the 2 s default),
        # so a struggling server is given more room each time.
        return self.delay * (2 ** attempt)

    def _space(self) -> None:
        """Wait until ``delay`` has passed since the last request began."""
        now = self.clock()
        if self._last is not None and now - self._last < self.delay:
            self.sleep(self.delay - (now - self._last))
        self._last = self.clock()

    def _pause(self, seconds: float) -> None:
        if seconds > 0:
            self.sleep(seconds)


class _TooLarge(Exception):
    """More bytes than any report has."""


class _Retry(Exception):
    """A failure worth another try (the partial file is kept)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _range_start(response: urllib3.BaseHTTPResponse) -> int | None:
    # "Content-Range: bytes 200-999/1000"
    value = response.headers.get("Content-Range", "")
    try:
        return int(value.split()[1].split("-")[0])
    except (IndexError, ValueError):
        return None


def _retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header: a number of seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    import datetime as dt

    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.timezone.utc)
    return max(0.0, (when - dt.datetime.now(dt.timezone.utc)).total_seconds())


def _not_pdf(response: urllib3.BaseHTTPResponse, head: bytes) -> str:
    kind = response.headers.get("Content-Type", "").split(";")[0].strip() or "unknown"
    if b"<html" in head.lower() or b"<!doctype" in head.lower() or kind == "text/html":
        return f"the server sent a web page ({kind}), not a PDF; nothing was saved"
    return f"the server sent something that is not a PDF ({kind}); nothing was saved"


def _check_pdf(url: str, part: Path, size: int) -> None:
    """A whole PDF begins with %PDF- and has an %%EOF marker near its end."""
    with open(part, "rb") as handle:
        head = handle.read(len(PDF_MAGIC))
        handle.seek(max(0, size - 2048))
        tail = handle.read()
    if head != PDF_MAGIC:
        part.unlink(missing_ok=True)
        raise FetchError(url, "the file is not a PDF; it was discarded")
    if b"%%EOF" not in tail:
        part.unlink(missing_ok=True)
        raise FetchError(url, "the PDF has no end marker (%%EOF): it is incomplete; it was discarded")


def _plain(exc: BaseException) -> str:
    name = type(exc).__name__
    if isinstance(exc, (urllib3.exceptions.TimeoutError, TimeoutError)):
        return "timed out"
    if isinstance(exc, urllib3.exceptions.NewConnectionError):
        return "could not connect"
    text = str(exc)
    return f"{name}: {text}" if text else name
