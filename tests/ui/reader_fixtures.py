"""Documents, facts and a small app for the reader's tests.

The facts are written here by hand (spans found by the words they cover), so
the reader's tests do not depend on what the extractors find. ``ReaderApp``
pushes a ``ReaderScreen`` the way the explorer does, with or without a store.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Awaitable, Callable
from typing import Any

from textual.app import App

from ofsted_core.corpus import Corpus
from ofsted_tui.screens.reader import ReaderScreen
from ofsted_core.store import Store, StoreData

HEADER = "Inspection of Anytown children's social care services\n"
FOOTER = "Page 1 of 3\n"

REPORT_TEXT = (
    HEADER
    + "\n"
    "Inspection dates: 6 to 10 February 2023\n"
    "\n"
    "Lead inspector: Jane Brown, His Majesty's Inspector\n"
    "\n"
    "Judgement: Overall effectiveness. Grade: Good\n"
    "The experiences and progress of children in care: Requires improvement to be good\n"
    "\n"
    "Since the last inspection in 2018, leaders have made good progress. About 72% of "
    "assessments were completed on time. Children in care told inspectors: \"My social "
    "worker listens to me and helps me,\" which reflects what inspectors saw.\n"
    "\n"
    + FOOTER
    + "The director, Sam Green, said the service was \"on a journey\" and that the "
    "changes would continue. Help and protection for children is judged good.\n"
)

NEWS_TEXT = (
    "Anytown council's children's services have been rated 'good' by Ofsted.\n"
    "\n"
    "The report said the director, Sam Green, described the service as \"on a journey\".\n"
    "\n"
    "It was the first good rating since 2009, when the council was rated inadequate.\n"
)

HOSTILE_TEXT = (
    "Markup must stay text: [b]bold[/b] and [/x] and [@click=app.quit]quit[/] "
    "and [link=http://x]y[/link].\n"
    "Escapes too: \x1b[31mred\x1b[0m and \x1b]8;;http://x\x07link\x1b]8;;\x07 and a bell \x07.\n"
    "The inspector said \"[b]not bold[/b]\" in the end.\n"
)


def _span(text: str, words: str, nth: int = 0) -> list[int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return [start, start + len(words)]


def _fact(doc: dict[str, Any], fid: str, type_: str, words: str, nth: int = 0, **fields: Any) -> dict[str, Any]:
    return {"id": fid, "doc_id": doc["id"], "type": type_, "span": _span(doc["text"], words, nth), **fields}


def _doc(doc_id: str, title: str, text: str, **fields: Any) -> dict[str, Any]:
    return {
        "id": doc_id, "source": f"/corpus/{doc_id}.txt", "title": title, "kind": "other", "publisher": None,
        "authority": "Anytown", "published": None, "format": "txt", "text": text, "furniture": [],
        "imported_at": "2024-01-01T00:00:00+00:00", **fields,
    }


def store_data() -> StoreData:
    report = _doc(
        "report", "Anytown: inspection of children's social care services", REPORT_TEXT,
        kind="ofsted_report", publisher="Ofsted", published="2023-04-11",
        furniture=[_span(REPORT_TEXT, HEADER.rstrip("\n")), _span(REPORT_TEXT, FOOTER.rstrip("\n"))],
    )
    news = _doc("news", "Anytown rated good at last", NEWS_TEXT, kind="news", publisher="Anytown News")
    hostile = _doc(
        "hostile", "Title [b]not bold[/b] [@click=app.quit]x[/] \x1b[31mred", HOSTILE_TEXT,
        publisher="[link=http://x]pub[/link]",
    )
    judgement = {"authority": "Anytown", "year": 2023, "month": 2, "era": "ilacs", "event_type": "standard inspection"}
    facts = [
        _fact(report, "r-date", "date", "6 to 10 February 2023", year=2023, month=2, day=6, precision="day", text="6 to 10 February 2023"),
        _fact(report, "r-lead", "person", "Jane Brown", name="Jane Brown", role="His Majesty's Inspector"),
        _fact(report, "r-good", "judgement", "Good", rating="good", rating_text="Good", grade=2, area="overall", **judgement),
        _fact(report, "r-ri", "judgement", "Requires improvement to be good", rating="requires improvement",
              rating_text="Requires improvement to be good", grade=3, area="children in care", **judgement),
        _fact(report, "r-2018", "date", "2018", year=2018, precision="year", text="2018"),
        _fact(report, "r-stat", "statistic", "72%", value=72, unit="%", measure="assessments completed on time", text="72%"),
        _fact(report, "r-child", "quote", "My social worker listens to me and helps me,",
              text="My social worker listens to me and helps me,", speaker="Children in care", role=None),
        _fact(report, "r-sam", "person", "Sam Green", name="Sam Green", role="director"),
        _fact(report, "r-journey", "quote", "on a journey", text="on a journey", speaker="Sam Green", role="director"),
        _fact(report, "r-help", "judgement", "good", nth=2, rating="good", rating_text="good", grade=2,
              area="help and protection", **judgement),
        _fact(news, "n-good", "judgement", "good", rating="good", rating_text="good", grade=2, area="overall", authority="Anytown"),
        _fact(news, "n-sam", "person", "Sam Green", name="Sam Green", role="director"),
        _fact(news, "n-journey", "quote", "on a journey", text="on a journey", speaker="Sam Green", role="director",
              source_links=[{"doc_id": "report", "fact_id": "r-journey", "span": _span(REPORT_TEXT, "on a journey")}]),
        _fact(news, "n-2009", "date", "2009", year=2009, precision="year", text="2009"),
        _fact(news, "n-inadequate", "judgement", "inadequate", rating="inadequate", rating_text="inadequate", grade=4,
              area="overall", year=2009, authority="Anytown"),
        _fact(hostile, "h-quote", "quote", "[b]not bold[/b]", text="[b]not bold[/b]", speaker="[@click=app.quit]Speaker[/]"),
    ]
    return StoreData(documents=[report, news, hostile], facts=facts, events=[], annotations=[])


def big_document(pages: int = 70) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """A report of ``pages`` pages (about 3,000 characters each) with facts every paragraph."""
    paragraph = (
        "Inspectors found that the quality of practice was good in most teams, and leaders "
        "have a clear understanding of where practice needs to improve. Social workers said "
        "\"we feel supported by our managers\" and caseloads are manageable for most staff. "
    ) * 2
    pieces: list[str] = []
    furniture: list[list[int]] = []
    facts: list[dict[str, Any]] = []
    size = 0
    for page in range(pages):
        header = f"Page {page + 1} of {pages}\n"
        furniture.append([size, size + len(header) - 1])
        pieces.append(header)
        size += len(header)
        for i in range(5):
            good = size + paragraph.index("good")
            quote = size + paragraph.index("we feel")
            facts.append({"id": f"b{page}-{i}-g", "doc_id": "big", "type": "judgement", "span": [good, good + 4],
                          "rating": "good", "rating_text": "good", "grade": 2, "area": "overall"})
            facts.append({"id": f"b{page}-{i}-q", "doc_id": "big", "type": "quote", "span": [quote, quote + 30],
                          "text": paragraph[quote - size:quote - size + 30], "speaker": f"Social workers in team {page + 1}"})
            pieces.append(paragraph + "\n\n")
            size += len(paragraph) + 2
    text = "".join(pieces)
    doc = _doc("big", "A long report", text, kind="ofsted_report", furniture=furniture)
    return doc, facts


def corpus(data: StoreData | None = None) -> Corpus:
    return Corpus.from_data(data or store_data())


def make_store(path: Any, data: StoreData | None = None) -> Store:
    store = Store(path)
    data = data or store_data()
    with store.transaction() as current:
        for name in ("documents", "facts", "events", "annotations"):
            getattr(current, name)[:] = getattr(data, name)
    return store


class ReaderApp(App[None]):
    """The reader pushed on a bare app, with ``store`` only when one is given."""

    def __init__(self, corpus: Corpus, doc_id: str, *, store: Store | None = None,
                 span: tuple[int, int] | None = None, fact_id: str | None = None) -> None:
        super().__init__()
        self.corpus = corpus
        self.doc_id = doc_id
        self.span = span
        self.fact_id = fact_id
        self.changes: list[ReaderScreen.CorpusChanged] = []
        if store is not None:
            self.store = store

    def on_mount(self) -> None:
        self.push_screen(ReaderScreen(self.corpus, self.doc_id, span=self.span, fact_id=self.fact_id))

    def on_reader_screen_corpus_changed(self, message: ReaderScreen.CorpusChanged) -> None:
        self.corpus = message.corpus
        self.changes.append(message)


def pilot_test(test: Callable[..., Awaitable[None]]) -> Callable[..., None]:
    """Run an async Pilot test with ``asyncio.run`` (no async plugin needed)."""

    @functools.wraps(test)
    def run(*args: Any, **kwargs: Any) -> None:
        asyncio.run(test(*args, **kwargs))

    return run
