"""Small documents made on the fly: PDFs (good, encrypted, image-only), hostile strings.

The PDFs are written by hand, object by object, so no PDF-writing library is
needed and each fault is exactly the one named.
"""

from __future__ import annotations

import hashlib
import zlib

__all__ = ["HOSTILE", "MARKUP", "pdf_bytes", "text_pdf", "scanned_pdf", "encrypted_pdf"]

# Textual/Rich markup that would do something if it were ever parsed.
MARKUP = "[b]bold[/b] [/x] [@click=app.quit]quit[/] [link=https://example.com/x]link[/link] [red on blue]c[/]"
# Terminal control: CSI colour and clear screen, OSC 8 hyperlink, OSC 52 clipboard write,
# OSC 0 window title, bell, backspace, carriage return, and an 8-bit CSI.
CONTROLS = ("\x1b[31m\x1b[2J\x1b]8;;https://evil.example/\x1b\\link\x1b]8;;\x1b\\"
            "\x1b]52;c;cHduZWQ=\x07\x1b]0;pwned\x07\x07\x08\x08\r\x9b1m")
HOSTILE = f"{MARKUP} {CONTROLS}"


def _escape(line: str) -> str:
    return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def pdf_bytes(page_streams: list[bytes], encrypt: bytes | None = None, flate: bool = False,
              compressed: bool = False) -> bytes:
    """A PDF with one page per content stream (Helvetica as /F1), xref offsets exact.

    With ``flate``, each content stream is stored compressed (/FlateDecode);
    with ``compressed``, the streams given are compressed already.
    """
    objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b"", b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    kids = []
    for stream in page_streams:
        page_no, content_no = len(objects) + 1, len(objects) + 2
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                       b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % content_no)
        if flate and not compressed:
            stream = zlib.compress(stream, 9)
        filters = b"/Filter /FlateDecode " if flate or compressed else b""
        objects.append(b"<< %s/Length %d >>\nstream\n%s\nendstream" % (filters, len(stream), stream))
        kids.append(b"%d 0 R" % page_no)
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids))
    trailer_extra = b""
    if encrypt is not None:
        objects.append(encrypt)
        trailer_extra = b" /Encrypt %d 0 R /ID [<%s> <%s>]" % (
            len(objects), hashlib.md5(b"id").hexdigest().encode(), hashlib.md5(b"id").hexdigest().encode())
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer_extra, xref)
    return bytes(out)


def text_pdf(lines: list[str]) -> bytes:
    """One page of text with a real text layer."""
    body = " T* ".join(f"({_escape(line)}) Tj" for line in lines)
    return pdf_bytes([f"BT /F1 11 Tf 14 TL 72 740 Td {body} ET".encode("latin-1")])


def scanned_pdf() -> bytes:
    """Pages of shapes and no text, as a scan without OCR looks to a text extractor."""
    page = b"0.2 0.2 0.2 rg 72 72 468 648 re f 1 1 1 rg 100 600 400 20 re f 100 560 380 20 re f"
    return pdf_bytes([page, page])


def encrypted_pdf(lines: list[str]) -> bytes:
    """A text PDF under the standard security handler whose password is not empty.

    The /O and /U entries are not those of the empty password, so a reader
    that tries the empty password (as every reader does first) is refused.
    """
    encrypt = (b"<< /Filter /Standard /V 1 /R 2 /Length 40 /P -3904 /O <%s> /U <%s> >>" % (
        hashlib.sha256(b"owner").hexdigest().encode(), hashlib.sha256(b"user").hexdigest().encode()))
    body = " T* ".join(f"({_escape(line)}) Tj" for line in lines)
    return pdf_bytes([f"BT /F1 11 Tf 14 TL 72 740 Td {body} ET".encode("latin-1")], encrypt=encrypt)
