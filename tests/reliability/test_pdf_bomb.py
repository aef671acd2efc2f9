"""A PDF whose compressed content expands without bound is refused before it is opened."""

from __future__ import annotations

import random
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from importers.pdf import MAX_STREAM_BYTES
from importers.pipeline import import_file
from tests.paths import REPO
from tests.reliability.samples import pdf_bytes

LINES = ["Ofsted inspection of Barnet local authority children's services",
         "Overall effectiveness: Good"] * 5


def _bomb() -> bytes:
    # A page whose content stream inflates to 3 GB of drawing operators (about 3 MB
    # compressed), compressed a piece at a time so the test never holds it whole.
    squeeze = zlib.compressobj(9)
    parts = [squeeze.compress(b"BT /F1 11 Tf 72 740 Td (Ofsted) Tj ET\n")]
    piece = b"0 0 m " * (1 << 20)
    parts += [squeeze.compress(piece) for _ in range(512)]
    parts.append(squeeze.flush())
    return pdf_bytes([b"".join(parts)], compressed=True)


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs /proc to read the peak memory")
def test_a_compression_bomb_is_refused_with_little_memory(tmp_path):
    path = tmp_path / "bomb.pdf"
    path.write_bytes(_bomb())
    assert path.stat().st_size < 25 << 20
    # The child's own peak (VmHWM starts afresh at exec; ru_maxrss keeps the forking parent's).
    code = ("import re, sys; from importers.model import ImporterError; from importers.pipeline import import_file\n"
            "try:\n    import_file(sys.argv[1])\nexcept ImporterError as exc:\n    print(exc.reason)\n"
            "status = open('/proc/self/status').read()\n"
            "print(int(re.search(r'VmHWM:\\s+(\\d+)', status).group(1)) // 1024)")
    done = subprocess.run([sys.executable, "-c", code, str(path)], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    reason, peak_mb = done.stdout.strip().splitlines()
    assert "compression bomb" in reason and "expands to over" in reason
    assert int(peak_mb) < MAX_STREAM_BYTES / 2**20


def test_an_ordinary_compressed_pdf_is_read(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf_bytes([b"BT /F1 11 Tf 14 TL 72 740 Td " + b" T* ".join(b"(%s) Tj" % line.encode() for line in LINES)
                                + b" ET"], flate=True))
    doc = import_file(path)
    assert "Overall effectiveness: Good" in doc.text


def test_no_deflate_stream_inflates_beyond_the_ratio_the_check_relies_on():
    from importers.pdf import _MAX_DEFLATE_RATIO

    # The densest input there is (one byte repeated), at zlib's strongest setting, with its header and checksum.
    for size in (1 << 20, 16 << 20):
        assert len(zlib.compress(b"\0" * size, 9)) * _MAX_DEFLATE_RATIO >= size


def test_a_pdf_too_small_to_hold_a_bomb_is_not_inflated_to_check(tmp_path, monkeypatch):
    import importers.pdf as pdf

    def inflated(*_args):
        raise AssertionError("a few kilobytes of streams cannot expand past the limits")

    monkeypatch.setattr(pdf, "_inflated_size", inflated)
    test_an_ordinary_compressed_pdf_is_read(tmp_path)
    # A stream large enough that the densest deflate could pass the limit is inflated to count.
    monkeypatch.undo()
    counted: list[int] = []
    real = pdf._inflated_size
    monkeypatch.setattr(pdf, "_inflated_size", lambda raw, limit: counted.append(len(raw)) or real(raw, limit))
    stream = zlib.compress(random.Random(1).randbytes(MAX_STREAM_BYTES // pdf._MAX_DEFLATE_RATIO + 4096))
    pdf._check_expansion(pdf_bytes([stream], compressed=True), "large.pdf")
    assert counted
