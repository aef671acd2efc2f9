"""Read a saved web page (a news story, a council press release) into article text.

``read_html(path) -> Parsed``: trafilatura finds the article and drops the
page around it (menus, cookie banners, "Most Read" and related-links lists,
share buttons, footers); elements whose class or id names such furniture are
pruned first, so they never reach the text even inside the article. Each
paragraph ends with a blank line, so a quotation stays within its paragraph.
The headline leads the text.

What the page states about itself comes from its own metadata first: the
title (og:title, JSON-LD headline, <h1>, <title>), the publisher (og:site_name,
JSON-LD publisher, application-name, the <title> suffix), its address
(<link rel="canonical">, og:url) and the publication date (article:published_time and similar meta tags, JSON-LD datePublished,
<time datetime>), at the precision given. Without one, the date is read from
the page's own words near its head ("Published: 11 April 2023") by
``importers.metadata.detect_published``; a date is never guessed from links
or copyright lines.

A page with no article text raises ``ImporterError``.
"""

from __future__ import annotations

import json
import re
from collections import deque
from collections.abc import Iterator
from copy import deepcopy
from pathlib import Path
from typing import Any

import trafilatura
from lxml import etree
from lxml import html as lxml_html
from trafilatura.utils import decode_file

from importers.address import web_address
from importers.extract.dates import find_dates
from importers.metadata import detect_published
from importers.model import ImporterError, Parsed
from importers.partial_date import PartialDate
from importers.reading import read_source
from importers.sanitize import clean_text

__all__ = ["read_html"]

# Class or id words of page furniture, matched as whole words of the attribute.
_FURNITURE_WORDS = (
    "cookie", "cookies", "consent", "gdpr", "most-read", "mostread", "most-popular", "popular",
    "trending", "related", "related-articles", "related-links", "read-more", "readmore",
    "newsletter", "subscribe", "share", "sharing", "social", "share-tools", "comments",
    "advert", "advertisement", "ad-slot", "promo", "breadcrumb", "breadcrumbs", "sidebar",
)
# Never "//form": ASP.NET sites wrap the whole page in one.
_PRUNE = [
    "//nav", "//aside", "//footer", "//*[@role='dialog' or @aria-modal='true']",
    *(
        f"//*[contains(concat(' ', translate(normalize-space(@class), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ_', "
        f"'abcdefghijklmnopqrstuvwxyz-'), ' '), ' {word} ') or translate(@id, "
        f"'ABCDEFGHIJKLMNOPQRSTUVWXYZ_', 'abcdefghijklmnopqrstuvwxyz-') = '{word}']"
        for word in _FURNITURE_WORDS
    ),
]
_ARTICLE_TYPES = frozenset({
    "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "blogposting",
    "opinionnewsarticle", "backgroundnewsarticle", "report", "pressrelease",
})
_DATE_META = (
    "article:published_time", "og:article:published_time", "datepublished", "date", "pubdate",
    "publishdate", "publish-date", "publication_date", "dc.date", "dc.date.issued", "dcterms.issued",
    "dcterms.created", "citation_publication_date", "sailthru.date", "parsely-pub-date",
)
_ISO = re.compile(r"^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T\s]|$)")
_TITLE_SUFFIX = re.compile(r"\s+[|–—-]\s+([^|–—]{2,60})$")
_MIN_WORDS = 25
_CONTROL_REFERENCE = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,6})|([0-9]{1,7}));")


def read_html(path: str | Path) -> Parsed:
    """Read the article of the page at ``path``; ImporterError if it has none."""
    path = Path(path)
    raw = read_source(path, str(path))
    if not raw.strip():
        raise ImporterError(str(path), "the file is empty (no page to import)")
    # Control characters are not HTML (and stop the parser): they go, written
    # as characters or as character references, and terminal escapes with them.
    source = _CONTROL_REFERENCE.sub(_drop_control, clean_text(decode_file(raw)))
    source = _OVERLONG_TAG.sub(r"<\1>", source)
    source = _TAG_RUN.sub(_shorten_run, source)
    tree = trafilatura.load_html(source)
    if tree is None:
        raise ImporterError(str(path), "is not a readable HTML page; save the page again as HTML")
    meta = _page_meta(tree)
    # The page's own words, for a date its metadata does not give.
    dated_lines = _visible_lines(tree) if not meta.get("published") else []
    # Extraction prunes the tree it is given; the metadata has been read by now.
    document = trafilatura.bare_extraction(
        tree,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        favor_precision=True,
        deduplicate=False,
        prune_xpath=_PRUNE,
    )
    body = getattr(document, "text", None) or ""
    paragraphs = [" ".join(line.split()) for line in clean_text(body).split("\n")]
    paragraphs = [p for p in paragraphs if p]
    if sum(len(p.split()) for p in paragraphs) < _MIN_WORDS:
        raise ImporterError(
            str(path),
            "has no article text (it may be an index page, a paywall or a page that needs JavaScript); "
            "save the article itself, or copy its text into a .txt file",
        )
    title = meta.get("title") or getattr(document, "title", None)
    if title:
        title = " ".join(clean_text(title).split())
        meta["title"] = title
        if paragraphs[0].casefold() != title.casefold():
            paragraphs.insert(0, title)
    if not meta.get("publisher") and getattr(document, "sitename", None):
        meta["publisher"] = " ".join(clean_text(document.sitename).split())
    text = "\n\n".join(paragraphs)
    if not meta.get("published"):
        meta["published"] = detect_published("\n".join(dated_lines)) or detect_published(text)
    return Parsed(text=text, meta={k: v for k, v in meta.items() if v})


# A start tag longer than any page needs (a 5 MB class, 32,000 attributes)
# loses its attributes before parsing: the parser checks each attribute
# against the tag's others, and the furniture rules read every class and id,
# so such a tag took tens of seconds. An inline image's data URI is the
# longest honest tag, and nothing of it is text.
_OVERLONG_TAG = re.compile(r"<([a-zA-Z][\w:.-]{0,64})\s[^<>]{20000,}>")
# A run of start tags, or of end tags, with nothing between them, longer than
# any page's wrappers: the parser drops everything nested deeper than 256
# elements, so a page of 100,000 nested <div>s lost its article. Each run is
# cut to its innermost (last start, first end) _KEPT_RUN tags.
_RUN_MIN = 64
_KEPT_RUN = 8
_TAG_RUN = re.compile(rf"(?:<[a-zA-Z][^<>]*>\s*){{{_RUN_MIN},}}|(?:</[a-zA-Z][^<>]*>\s*){{{_RUN_MIN},}}")
_ONE_TAG = re.compile(r"<[^<>]*>")


def _shorten_run(match: re.Match[str]) -> str:
    tags = _ONE_TAG.findall(match.group())
    return "".join(tags[:_KEPT_RUN] if tags[0].startswith("</") else tags[-_KEPT_RUN:])
def _drop_control(match: re.Match[str]) -> str:
    code = int(match.group(1), 16) if match.group(1) else int(match.group(2))
    if 0x80 <= code <= 0x9F:
        # As browsers do (HTML5): "&#147;" means Windows-1252's curly quote.
        try:
            return bytes([code]).decode("cp1252")
        except UnicodeDecodeError:
            return ""
    control = code < 0x20 and code not in (0x09, 0x0A, 0x0D) or code == 0x7F
    return "" if control else match.group()


# --- metadata ---------------------------------------------------------------------


def _page_meta(tree: lxml_html.HtmlElement) -> dict[str, Any]:
    tags: dict[str, str] = {}
    for element in tree.iter("meta"):
        key = (element.get("property") or element.get("name") or element.get("itemprop") or "").strip().lower()
        content = (element.get("content") or "").strip()
        if key and content and key not in tags:
            tags[key] = content
    linked = list(_json_ld(tree))
    article = next((item for item in linked if _types(item) & _ARTICLE_TYPES), {})

    title = tags.get("og:title") or tags.get("twitter:title") or _text(article.get("headline"))
    if not title:
        heading = next(iter(tree.iter("h1")), None)
        title = heading.text_content() if heading is not None else None
    page_title = next(iter(tree.iter("title")), None)
    page_title_text = " ".join(page_title.text_content().split()) if page_title is not None else ""
    if not title and page_title_text:
        title = _TITLE_SUFFIX.sub("", page_title_text)

    publisher = tags.get("og:site_name") or _publisher(article) or next(filter(None, map(_publisher, linked)), None)
    publisher = publisher or tags.get("application-name")
    if not publisher and page_title_text:
        suffix = _TITLE_SUFFIX.search(page_title_text)
        publisher = suffix.group(1).strip() if suffix else None

    published = None
    for key in _DATE_META:
        published = published or _iso_date(tags.get(key))
    published = published or _iso_date(_text(article.get("datePublished")))
    published = published or next(filter(None, (_iso_date(item.get("datePublished")) for item in linked)), None)
    if not published:
        published = next(filter(None, (_iso_date(t.get("datetime")) for t in tree.iter("time"))), None)

    address = next((link.get("href") for link in tree.iter("link")
                    if "canonical" in (link.get("rel") or "").lower().split()), None)
    address = web_address(address) or web_address(tags.get("og:url"))

    is_article = (
        tags.get("og:type", "").lower() == "article" or bool(article)
        or next(iter(tree.iter("article")), None) is not None
    )
    return {
        "title": " ".join(clean_text(title).split()) if title else None,
        "publisher": " ".join(clean_text(publisher).split()) if publisher else None,
        "published": published,
        "url": address,
        "kind": "news" if is_article else None,
    }


def _json_ld(tree: lxml_html.HtmlElement) -> Iterator[dict[str, Any]]:
    """Every JSON-LD object on the page, graphs and lists flattened."""
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "", strict=False)
        except (ValueError, RecursionError):  # broken, or nested past Python's limit: not metadata
            continue
        stack = deque([data])
        while stack:
            item = stack.popleft()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                yield item
                graph = item.get("@graph")
                if isinstance(graph, list):
                    stack.extend(graph)


def _types(item: dict[str, Any]) -> set[str]:
    kind = item.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.lower() for k in kinds if isinstance(k, str)}


def _text(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    return value.strip() if isinstance(value, str) and value.strip() else None


def _publisher(item: dict[str, Any]) -> str | None:
    publisher = item.get("publisher")
    if isinstance(publisher, list):
        publisher = publisher[0] if publisher else None
    if isinstance(publisher, dict):
        return _text(publisher.get("name"))
    return _text(publisher)


def _iso_date(value: Any) -> str | None:
    """An ISO date at the precision ``value`` gives ("2023", "2023-04", "2023-04-11")."""
    value = _text(value)
    if not value:
        return None
    if _ISO.match(value):  # ISO in form: the date it gives, or none where a part is out of range
        date = PartialDate.parse(value)
        return date.iso if date else None
    dates = find_dates(value)
    return dates[0].iso if dates else None


def _visible_lines(tree: lxml_html.HtmlElement) -> list[str]:
    """The page's own words, one text node a line, without scripts, styles and menus."""
    body = next(iter(tree.iter("body")), tree)
    copy = deepcopy(body)
    etree.strip_elements(copy, "script", "style", "noscript", "nav", "template", with_tail=False)
    lines = (" ".join(piece.split()) for piece in copy.itertext())
    return [clean_text(line) for line in lines if line]
