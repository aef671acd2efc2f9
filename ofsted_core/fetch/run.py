"""``ofsted-tui fetch``: list a council's reports, download the ones the library lacks, import them.

The steps: find the councils (by name or URN, from the national CSV until the
councils reference lands: see ``resolve_councils``); list each one's report
files from the national CSV and its provider page; keep those the user asked
for (``--since YEAR`` or ``--since LAST``); download the ones not yet in the
library, one at a time; record the fetch; import what was downloaded.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ofsted_core.fetch.client import Client, FetchError
from ofsted_core.fetch.library import Fetch, Library, now_iso
from ofsted_core.fetch.listing import ReportLink, file_url, links_from_csv, parse_provider_page

__all__ = [
    "FILES_URL_ENV", "REPORTS_URL_ENV", "Council", "FetchPlan", "FetchProblem", "Planned", "Sites",
    "csv_links_in_store", "download_plan", "known_councils", "not_yet_imported", "plan_fetch", "record_fetch",
    "resolve_councils",
]

# Where Ofsted's pages and files are. Tests point these at a server on 127.0.0.1.
REPORTS_URL_ENV = "OFSTED_TUI_REPORTS_URL"
FILES_URL_ENV = "OFSTED_TUI_FILES_URL"
# Ofsted's provider pages for local authorities' children's services are under type 44.
PROVIDER_PATH = "/provider/44/{urn}"

Progress = Callable[[str, int, int], None]  # (what, done, total)


class FetchProblem(Exception):
    """The fetch cannot start (no such council, nothing known about councils)."""


@dataclass(frozen=True)
class Sites:
    reports: str = "https://reports.ofsted.gov.uk"
    files: str = "https://files.ofsted.gov.uk"

    @classmethod
    def from_env(cls) -> Sites:
        return cls(os.environ.get(REPORTS_URL_ENV) or cls.reports, os.environ.get(FILES_URL_ENV) or cls.files)

    def provider_page(self, urn: str) -> str:
        return self.reports.rstrip("/") + PROVIDER_PATH.format(urn=urn)


@dataclass(frozen=True)
class Council:
    urn: str
    name: str | None = None

    @property
    def label(self) -> str:
        return f"{self.name} ({self.urn})" if self.name else f"URN {self.urn}"


@dataclass
class Planned:
    link: ReportLink
    council: Council
    path: Path
    new: bool  # no earlier fetch listed it
    have: bool  # already in the library


@dataclass
class FetchPlan:
    reports: list[Planned] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # pages with no reports, pages that failed
    pages_failed: int = 0
    left_out: int = 0  # listed, but older than --since YEAR or not new since the last fetch
    previous: Fetch | None = None  # the last fetch before this one

    @property
    def to_download(self) -> list[Planned]:
        return [p for p in self.reports if not p.have]


@dataclass
class DownloadReport:
    downloaded: list[Planned] = field(default_factory=list)
    failed: list[tuple[Planned, str]] = field(default_factory=list)


def csv_links_in_store(documents: Iterable[dict], csv_paths: Iterable[Path] = ()) -> list[ReportLink]:
    """Report links from national CSVs: documents of kind dataset in the store, and files given."""
    texts = []
    for doc in documents:
        if doc.get("kind") != "dataset":
            continue
        text = doc.get("text") or ""
        if "inspection_link" not in text[:2000]:  # stored as rows, not as the CSV: read its file
            try:
                text = Path(doc.get("source") or "").read_text(encoding="utf-8-sig")
            except (OSError, UnicodeDecodeError):
                continue
        texts.append(text)
    for path in csv_paths:
        try:
            texts.append(Path(path).read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError) as exc:
            raise FetchProblem(f"{path}: cannot read the CSV ({getattr(exc, 'strerror', None) or exc})") from None
    links: dict[str, ReportLink] = {}
    for text in texts:
        for link in links_from_csv(text):
            links.setdefault(link.file_id, link)
    return list(links.values())


def known_councils(links: Iterable[ReportLink]) -> dict[str, str | None]:
    councils: dict[str, str | None] = {}
    for link in links:
        if link.urn:
            councils.setdefault(link.urn, link.council)
    return councils


def resolve_councils(queries: Iterable[str], known: dict[str, str | None]) -> list[Council]:
    """Councils by URN, LA code, name or other name, or a unique part of a name.

    The councils reference (``importers.councils``) decides first; names known
    only from an imported national CSV (``known``: URN -> name) are the fallback.
    """
    from importers import councils as reference

    by_name = {(name or "").casefold(): urn for urn, name in known.items() if name}
    found = []
    for query in queries:
        wanted = " ".join(query.split()).casefold()
        matches = [c for c in reference.find_councils(query) if c.urn]
        if len(matches) > 1:
            current = [c for c in matches if c.current]
            matches = current if len(current) == 1 else matches
        if len(matches) == 1:
            found.append(Council(matches[0].urn, matches[0].name))
            continue
        if wanted.isdigit():
            found.append(Council(wanted, known.get(wanted)))
            continue
        if wanted in by_name:
            urn = by_name[wanted]
        else:
            partial = sorted({urn for name, urn in by_name.items() if wanted in name})
            if len(partial) != 1:
                names = sorted({c.name for c in matches} | {str(known[u]) for u in partial})
                near = reference.suggest(query)
                hint = ("; it could be " + ", ".join(names[:5])) if names else (
                    "; did you mean " + ", ".join(near) + "?" if near else
                    "; give its Ofsted URN, or a name as the councils reference or the national CSV knows it")
                raise FetchProblem(f"no single council matches {query!r}{hint}")
            urn = partial[0]
        found.append(Council(urn, known.get(urn)))
    return list(dict.fromkeys(found))


def plan_fetch(
    client: Client, library: Library, sites: Sites, councils: list[Council], csv_links: list[ReportLink],
    since: int | str | None = None, progress: Progress | None = None,
) -> FetchPlan:
    """What each council has published and what of it the library lacks; reads provider pages only."""
    plan = FetchPlan(previous=library.last_fetch())
    listed_before = library.listed_before()
    failed_before = {i for f in library.fetches() for i in f.failed} if plan.previous else set()
    on_disk = library.files_on_disk()
    by_urn: dict[str, list[ReportLink]] = {}
    for link in csv_links:
        by_urn.setdefault(link.urn or "", []).append(link)
    for done, council in enumerate(councils, 1):
        page_url = sites.provider_page(council.urn)
        links = {link.file_id: link for link in by_urn.get(council.urn, [])}
        try:
            listed = parse_provider_page(client.get_text(page_url), page_url)
        except FetchError as exc:
            plan.notes.append(f"{council.label}: {exc.url}: {exc.reason}")
            plan.pages_failed += 1
            listed = []
        else:
            if not listed:
                plan.notes.append(f"{council.label}: no reports are listed on {page_url}")
        for link in listed:  # the page's label and date are the site's own; the CSV fills gaps
            known = links.get(link.file_id)
            links[link.file_id] = ReportLink(link.file_id, link.label or (known.label if known else "Report"),
                                             link.date or (known.date if known else None), council.urn, council.name)
        for link in sorted(links.values(), key=lambda l: (l.date or "", l.file_id)):
            if not _wanted(link, since, listed_before, failed_before):
                plan.left_out += 1
                continue
            have = link.file_id in on_disk
            path = on_disk.get(link.file_id) or library.path_for(link, council.urn, council.name)
            plan.reports.append(Planned(link, council, path, link.file_id not in listed_before, have))
        if progress:
            progress("Listing", done, len(councils))
    return plan


def download_plan(client: Client, sites: Sites, plan: FetchPlan, progress: Progress | None = None) -> DownloadReport:
    report = DownloadReport()
    todo = plan.to_download
    for done, item in enumerate(todo, 1):
        item.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            client.download(file_url(sites.files, item.link.file_id), item.path)
        except FetchError as exc:
            report.failed.append((item, exc.reason))
        except OSError as exc:
            report.failed.append((item, f"cannot write {item.path} ({exc.strerror or exc})"))
        else:
            item.have = True
            report.downloaded.append(item)
        if progress:
            progress("Downloading", done, len(todo))
    return report


def not_yet_imported(plan: FetchPlan, sources: set[str]) -> list[Path]:
    """Files the library has for these councils that the store lacks (a fetch stopped before importing)."""
    return [item.path.resolve() for item in plan.reports
            if item.have and str(item.path.resolve()) not in sources]


def record_fetch(library: Library, councils: list[Council], plan: FetchPlan, report: DownloadReport) -> None:
    library.record(Fetch(
        at=now_iso(), councils=[c.urn for c in councils],
        listed=[p.link.file_id for p in plan.reports], new=[p.link.file_id for p in plan.reports if p.new],
        downloaded=[p.link.file_id for p in report.downloaded],
        failed=[p.link.file_id for p, _ in report.failed],
    ))


def _wanted(link: ReportLink, since: int | str | None, listed_before: set[str], failed_before: set[str]) -> bool:
    if since is None:
        return True
    if since == "last":  # new since the last fetch, and what it failed to get
        return link.file_id not in listed_before or link.file_id in failed_before
    return link.year is None or link.year >= int(since)
