"""``import_file``: any supported file -> ImportedDocument.

Format readers produce clean text and what the format states; the text-level
rules then find metadata the format did not give, and the facts. A sidecar
``<name>.meta.json`` beside a file supplies metadata the text lacks (title,
kind, publisher, authority, published, url) and wins over everything else.
A document's web address (a page's canonical address, or the sidecar's
``url``) dates it when neither its text nor its metadata does, and names its
council when the text does not and the page is on that council's site.
"""

from __future__ import annotations

import errno
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from importers.address import address_authority, address_date, web_address
from importers.extract import DocContext, extract_facts
from importers.extract.body_grades import classify_body_grades
from importers.extract.judgement_table import inspection_period
from importers.metadata import detect_metadata, detect_published
from importers.model import DATASET_KIND, DOCUMENT_KINDS, OFSTED_KINDS, Fact, ImportedDocument, ImporterError, Parsed, page_at
from importers.partial_date import PartialDate
from importers.reading import MAX_BYTES, not_regular, too_large
from importers.sanitize import clean_text
from importers.text import read_text

__all__ = [
    "IMPORTER_VERSION", "MAX_BYTES", "SUPPORTED_SUFFIXES", "import_file",
    "iter_files", "parse_published",
]

# Bump when extraction rules change, so stores know their facts are stale.
IMPORTER_VERSION = "11"
_META_KEYS = ("title", "kind", "publisher", "authority", "published", "url")
# When the reader gives all of these, the text's own detection of them is not needed.
_READER_DECIDES = ("title", "kind", "publisher", "authority")


def _read_pdf(path: Path, source: str) -> Parsed:
    from importers.pdf import read_pdf  # pypdfium2 loads only when a PDF is imported
    return read_pdf(path)


def _read_dataset(path: Path, source: str) -> Parsed:
    from importers.dataset import read_dataset
    return read_dataset(path, source)


def _read_html(path: Path, source: str) -> Parsed:
    from importers.html import read_html
    return read_html(path)


READERS: dict[str, Callable[[Path, str], Parsed]] = {
    ".txt": read_text,
    ".text": read_text,
    ".md": lambda path, source: read_text(path, source, markdown=True),
    ".markdown": lambda path, source: read_text(path, source, markdown=True),
    ".html": _read_html,
    ".htm": _read_html,
    ".pdf": _read_pdf,
    ".csv": _read_dataset,
}
# Text files whose first line is the national history's header are read as that dataset.
_SNIFFED = (".txt", ".text", ".csv")
SUPPORTED_SUFFIXES = tuple(READERS)


def iter_files(paths: Iterable[str]) -> Iterator[tuple[str, str | None]]:
    """Yield ``(path, problem)`` for each file under ``paths``.

    Folders are walked in name order without following symlinked folders (no
    loops); only supported files inside folders are yielded. A path that does
    not exist, a named file of an unsupported type, a folder that cannot be
    read, a name that is not UTF-8 and anything but a regular file (a FIFO
    would block its reader forever) are yielded with their problem.
    """
    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from _walk(path)
        elif path.suffix.lower() not in READERS and (path.exists() or path.is_symlink()):
            yield given, (
                f"unsupported file type {path.suffix or '(no extension)'!r}; "
                f"supported: {', '.join(SUPPORTED_SUFFIXES)}"
            )
        else:
            yield _named(given)


def _walk(folder: Path) -> Iterator[tuple[str, str | None]]:
    unreadable: list[OSError] = []
    for root, dirs, files in os.walk(folder, followlinks=False, onerror=unreadable.append):
        while unreadable:
            yield _named(unreadable.pop(0).filename, folder=True)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith(".") or name.endswith(".meta.json"):
                continue
            found = os.path.join(root, name)
            suffix = Path(name).suffix.lower()
            if _folder_note(name):
                continue
            # Of a folder's CSV files only the national history is a document (an export is not).
            if suffix in READERS and (suffix != ".csv" or _dataset_header(Path(found))):
                yield _named(found)
    while unreadable:
        yield _named(unreadable.pop(0).filename, folder=True)


# A folder's README, licence or change log describes the folder, not a council:
# walked past like a CSV export, imported only when named on its own.
_FOLDER_NOTES = re.compile(r"(?:read[_ -]?me|licen[cs]e|change[_ -]?log|contributing)(?:\.\w+)?", re.I)


def _folder_note(name: str) -> bool:
    return bool(_FOLDER_NOTES.fullmatch(name))


def _named(path: str, folder: bool = False) -> tuple[str, str | None]:
    """``(path, problem)`` for one path, its name shown with undecodable bytes escaped."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        shown = os.fsencode(path).decode("utf-8", "backslashreplace")
        return shown, "has a name that is not valid UTF-8 (shown with its bytes escaped); rename it and import it again"
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return path, "is a broken symlink" if os.path.islink(path) else "does not exist"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return path, "is a symlink loop (the link leads back to itself)"
        return path, f"cannot be read ({exc.strerror or exc})"
    if folder:
        try:
            os.listdir(path)
        except OSError as exc:
            return path, f"is a folder that cannot be read ({exc.strerror or exc}); its files were not imported"
        return path, None
    kind = not_regular(mode)
    return path, f"is {kind}, not a regular file; skipped" if kind else None


def parse_published(value: str | None) -> tuple[int | None, int | None, int | None]:
    date = PartialDate.parse(value)
    return (date.year, date.month, date.day) if date else (None, None, None)


def _sidecar(path: Path, source: str) -> dict:
    meta_path = path.with_name(path.stem + ".meta.json")
    try:
        if not meta_path.is_file():
            return {}
    except OSError:  # a name too long to take the suffix has no sidecar
        return {}
    try:
        data = json.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ImporterError(source, f"its metadata file {meta_path.name} is not readable JSON ({exc})") from None
    if not isinstance(data, dict):
        raise ImporterError(source, f"its metadata file {meta_path.name} must hold a JSON object")
    meta = {k: clean_text(str(data[k])).strip() for k in _META_KEYS if data.get(k)}
    if meta.get("url") and not web_address(meta["url"]):
        raise ImporterError(source, f"its metadata file {meta_path.name} gives a url that is not a web address "
                                    f"(http:// or https://): {meta['url'][:80]!r}")
    return meta


def import_file(path: str | Path, source: str | None = None) -> ImportedDocument:
    """Read, clean and extract one file; ImporterError says why it could not be."""
    path = Path(path)
    # The source is shown and exported like any other text from outside: a file
    # name can hold controls and bidi overrides (U+202E) too. The file is read by ``path``.
    source = clean_text(source if source is not None else str(path))
    reader = READERS.get(path.suffix.lower())
    if path.suffix.lower() in _SNIFFED and _dataset_header(path):
        reader = _read_dataset
    if reader is None:
        raise ImporterError(source, f"unsupported file type {path.suffix or '(no extension)'!r}; supported: {', '.join(SUPPORTED_SUFFIXES)}")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:  # refused before reading; reading checks again (a device says 0 bytes)
            raise ImporterError(source, too_large(size))
        parsed = reader(path, source)
    except ImporterError as exc:
        raise ImporterError(source, exc.reason) from None
    except PermissionError:
        raise ImporterError(source, "cannot be read (permission denied)") from None
    except IsADirectoryError:
        raise ImporterError(source, "is a folder where a file was expected") from None
    except OSError as exc:
        raise ImporterError(source, f"cannot be read ({exc.strerror or exc})") from None
    if not parsed.text.strip():
        raise ImporterError(source, "has no text to import")

    if parsed.meta.get("kind") == DATASET_KIND:
        return _dataset_document(path, source, parsed)
    meta = _text_metadata(parsed)
    meta.update({k: v for k, v in parsed.meta.items() if v})
    meta.update(_sidecar(path, source))
    meta["url"] = web_address(meta.get("url"))
    # Council minutes name their council only on the council's own site.
    meta["authority"] = meta.get("authority") or address_authority(meta["url"])
    if not meta.get("published"):
        # A saved page knows its address, and many sites file stories by date
        # ("/2016/04/06/"); the text's own dateline, read above, wins.
        meta["published"] = address_date(meta["url"])
    kind = meta.get("kind") if meta.get("kind") in DOCUMENT_KINDS else "other"
    if not meta.get("title"):
        meta["title"] = _first_line_title(parsed.text)
    ctx = DocContext(
        authority=meta.get("authority"),
        published=parse_published(meta.get("published")),
        kind=kind,
        furniture=list(parsed.furniture),
        inspection_type=meta.get("inspection_type"),
    )
    facts = _merge(parsed.facts, extract_facts(parsed.text, ctx))
    inspected: tuple[str | None, str | None] = (None, None)
    if kind in OFSTED_KINDS:
        inspected = _inspected(parsed.text, meta)
        if inspected[0] or any(f.type == "judgement" and f.get("evidence") != "text" for f in facts):
            # A report's own grades are its table's and headline's; the body's rating words are sorted out.
            # (A text with neither dates nor a table of its own, such as a council's bulletin
            # quoting a report, is left to the prose rules.)
            facts = classify_body_grades(parsed.text, facts, meta.get("authority"), meta.get("inspection_type"))
    return ImportedDocument(
        source=source,
        text=parsed.text,
        title=meta.get("title"),
        kind=kind,
        publisher=meta.get("publisher"),
        authority=meta.get("authority"),
        published=meta.get("published"),
        inspected_start=inspected[0],
        inspected_end=inspected[1],
        url=meta["url"],
        furniture=list(parsed.furniture),
        facts=_on_pages(facts, parsed.page_starts),
        format=path.suffix.lower().lstrip("."),
        page_starts=list(parsed.page_starts),
    )


def _dataset_header(path: Path) -> bool:
    from importers.dataset import is_dataset_header
    if not path.is_file():
        return False  # a folder, a FIFO (opening it would wait for a writer) or nothing
    try:
        with path.open("rb") as handle:
            first = handle.readline(4096)
    except OSError:
        return False  # import_file says why it cannot be read
    return is_dataset_header(first.decode("utf-8", "replace"))


def _dataset_document(path: Path, source: str, parsed: Parsed) -> ImportedDocument:
    """A dataset's facts are its rows': the prose rules are not run over its lines."""
    return ImportedDocument(
        source=source, text=parsed.text, title=parsed.meta.get("title"), kind=DATASET_KIND,
        publisher=parsed.meta.get("publisher"), published=parsed.meta.get("published"),
        facts=list(parsed.facts), format=path.suffix.lower().lstrip("."), warnings=list(parsed.warnings),
    )


def _text_metadata(parsed: Parsed) -> dict:
    """What the text-level rules find of the metadata the format reader did not give.

    The reader's values win, so rules whose answers would all be overridden
    are not run: a PDF report that states its title, kind, publisher and
    council leaves only its publication date to look for (the costly kind
    detection reads the whole text).
    """
    if all(parsed.meta.get(key) for key in _READER_DECIDES):
        return {} if parsed.meta.get("published") else {"published": detect_published(parsed.text)}
    return detect_metadata(parsed.text)


def _inspected(text: str, meta: dict) -> tuple[str | None, str | None]:
    """The dates of the inspection or visit an Ofsted document reports, as ISO days (its head's, else the text's)."""
    if meta.get("inspection_start"):
        return meta["inspection_start"], meta.get("inspection_end") or meta["inspection_start"]
    period = inspection_period(text)
    if period is None or period.precision != "day":
        return None, None
    return period.iso, period.end_iso or period.iso


def _first_line_title(text: str, width: int = 90) -> str:
    """A story with no headline is listed by its first line, cut at a word."""
    line = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    if len(line) <= width:
        return line
    return line[:width].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _merge(layout: list[Fact], text_facts: list[Fact]) -> list[Fact]:
    """Layout facts win over text facts of the same type on overlapping spans."""
    taken: dict[str, list[tuple[int, int]]] = {}
    for fact in layout:
        taken.setdefault(fact.type, []).append(fact.span)
    merged = list(layout)
    for fact in text_facts:
        spans = taken.get(fact.type, ())
        if not any(fact.span[0] < e and s < fact.span[1] for s, e in spans):
            merged.append(fact)
    merged.sort(key=lambda f: (f.span[0], f.span[1], f.type))
    return merged


def _on_pages(facts: list[Fact], page_starts: list[int]) -> list[Fact]:
    """A person checks a fact on the printed page: every fact of a PDF says which (``page``)."""
    for fact in facts if page_starts else ():
        fact.fields["page"] = page_at(page_starts, fact.span[0])
    return facts
