"""Stores for the UI tests, written from plain dicts (no extractor involved).

``sample_data`` is a small, fixed corpus: two councils across four eras,
reports, letters and news with quotes, an undated story, and a document whose
title and text hold Textual/Rich markup and terminal escapes that must show
as plain text. ``large_data`` makes thousands of documents for timing.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from ofsted_core.annotations import rebuild_events
from ofsted_core.store import Store, StoreData

__all__ = [
    "HOSTILE_TEXT", "HOSTILE_TITLE", "build", "disputed_data", "doc_ids", "large_data", "sample_data", "write_store",
]

HOSTILE_TITLE = "[b]Bold[/b] claims [@click=app.quit]quit[/] \x1b[31mred"
HOSTILE_TEXT = (
    "Councillor [bold red]X[/] said the service was [link=https://example.com]fine[/link]. "
    "Escape \x1b[2J\x1b]0;pwned\x07 sequences and [/x] stray tags stay as text."
)


class _Doc:
    """A document under construction: text and the facts pointing into it."""

    def __init__(self, doc_id: str, title: str, kind: str, authority: str | None, published: str | None,
                 publisher: str, text: str) -> None:
        self.row = {
            "id": doc_id, "source": f"corpus/{doc_id}.txt", "title": title, "kind": kind, "publisher": publisher,
            "authority": authority, "published": published, "format": "txt", "text": text, "furniture": [],
            "imported_at": "2024-01-01T00:00:00+00:00",
        }
        self.facts: list[dict[str, Any]] = []

    def _span(self, words: str, after: int = 0) -> list[int]:
        start = self.row["text"].index(words, after)
        return [start, start + len(words)]

    def judgement(self, words: str, rating: str, grade: int, year: int | None, month: int | None, era: str,
                  area: str = "overall", event_type: str = "inspection", after: int = 0) -> _Doc:
        self.facts.append({
            "type": "judgement", "span": self._span(words, after), "authority": self.row["authority"],
            "year": year, "month": month, "day": None, "precision": "month" if month else ("year" if year else None),
            "rating": rating, "rating_text": words, "grade": grade, "area": area, "era": era,
            "event_type": event_type,
        })
        return self

    def inspection(self, words: str, type_: str, year: int, month: int | None) -> _Doc:
        self.facts.append({
            "type": "inspection", "span": self._span(words), "authority": self.row["authority"],
            "inspection_type": type_, "year": year, "month": month, "day": None,
            "precision": "month" if month else "year", "subject": True,
        })
        return self

    def quote(self, words: str, speaker: str | None, role: str | None = None) -> _Doc:
        self.facts.append({
            "type": "quote", "span": self._span(words), "text": words, "speaker": speaker, "role": role,
            "organisation": None,
        })
        return self

    def rows(self) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        facts = []
        for n, fact in enumerate(sorted(self.facts, key=lambda f: f["span"])):
            facts.append({**fact, "id": f"{self.row['id']}-{n:04d}", "doc_id": self.row["id"]})
        return self.row, facts


def _documents() -> list[_Doc]:
    docs = [
        _Doc("h2008apa", "Haringey annual performance assessment 2008", "ofsted_letter", "Haringey", "2008-12-17",
             "Ofsted",
             "Annual performance assessment of services for children and young people in Haringey.\n\n"
             "Overall effectiveness of children's services: inadequate. The council's capacity to improve "
             "is adequate.").judgement("inadequate", "inadequate", 4, 2008, 12, "apa"),
        _Doc("h2009news", "Haringey still performing poorly, says Ofsted", "news", "Haringey", "2009-12-09", "BBC",
             "Haringey Council's children's services have again been rated as performing poorly by Ofsted.\n\n"
             "\"We know there is a long way to go,\" said Cllr Lorraine Zuleta. The annual rating found the "
             "council performs poorly.")
        .judgement("performing poorly", "poor", 4, 2009, 12, "annual-rating", event_type="annual rating")
        .quote("We know there is a long way to go", "Lorraine Zuleta", "cabinet member"),
        _Doc("h2011letter", "Annual children's services assessment: Haringey", "ofsted_letter", "Haringey",
             "2011-11-08", "Ofsted",
             "Haringey Council children's services assessment 2011.\n\nChildren's services in Haringey "
             "perform adequately. Ofsted judged them adequate overall.")
        .judgement("perform adequately", "adequate", 3, 2011, 11, "annual-rating", event_type="annual rating"),
        _Doc("h2014report", "Inspection of services for children in need of help and protection: Haringey",
             "ofsted_report", "Haringey", "2014-03-18", "Ofsted",
             "Inspection dates: 27 January 2014 to 18 February 2014.\n\nOverall effectiveness: requires "
             "improvement. Children who need help and protection: requires improvement. Children looked after "
             "and achieving permanence: requires improvement. Leadership, management and governance: good.")
        .inspection("Inspection dates: 27 January 2014 to 18 February 2014", "inspection", 2014, 2)
        .judgement("requires improvement", "requires improvement", 3, 2014, 2, "sif")
        .judgement("requires improvement", "requires improvement", 3, 2014, 2, "sif", "help and protection", after=60)
        .judgement("requires improvement", "requires improvement", 3, 2014, 2, "sif", "children in care", after=130)
        .judgement("good", "good", 2, 2014, 2, "sif", "leadership", after=220),
        _Doc("h2021fv", "Focused visit to Haringey children's services", "ofsted_letter", "Haringey", "2021-08-10",
             "Ofsted",
             "This letter summarises the findings of the focused visit to Haringey children's services in "
             "July 2021. Inspectors looked at the front door.")
        .inspection("focused visit to Haringey children's services in July 2021", "focused visit", 2021, 7),
        _Doc("h2023report", "Haringey: inspection of local authority children's services", "ofsted_report",
             "Haringey", "2023-04-11", "Ofsted",
             "Inspection dates: 6 to 17 February 2023.\n\nOverall effectiveness: Good.\n"
             "The experiences and progress of children who need help and protection: Good.\n"
             "The experiences and progress of children in care: Requires improvement to be good.\n"
             "The experiences and progress of care leavers: Good.\n"
             "The impact of leaders on social work practice with children and families: Good.")
        .inspection("Inspection dates: 6 to 17 February 2023", "standard inspection", 2023, 2)
        .judgement("Good", "good", 2, 2023, 2, "ilacs")
        .judgement("Good", "good", 2, 2023, 2, "ilacs", "help and protection", after=80)
        .judgement("Requires improvement to be good", "requires improvement", 3, 2023, 2, "ilacs", "children in care")
        .judgement("Good", "good", 2, 2023, 2, "ilacs", "care leavers", after=230)
        .judgement("Good", "good", 2, 2023, 2, "ilacs", "leadership", after=330),
        _Doc("h2023news", "Haringey children's services rated good for first time", "news", "Haringey",
             "2023-04-12", "Tottenham Independent",
             "Haringey Council has received its first 'good' rating for its children's services.\n\n"
             "\"This is a watershed moment,\" said council leader Peray Ahmet. Inspectors visited in "
             "February 2023.")
        .judgement("good", "good", 2, 2023, 2, "ilacs")
        .quote("This is a watershed moment", "Peray Ahmet", "council leader"),
        _Doc("undated", "Children's services praised after years of improvement", "news", "Haringey", None,
             "Local paper",
             "The borough's children's services were rated 'good' by Ofsted. \"Staff have worked tirelessly,\" "
             "a spokesperson said.")
        .judgement("good", "good", 2, None, None, "ilacs")
        .quote("Staff have worked tirelessly", None),
        _Doc("c2019report", "Camden: inspection of local authority children's services", "ofsted_report", "Camden",
             "2019-03-01", "Ofsted",
             "Inspection dates: 28 January to 8 February 2019.\n\nOverall effectiveness: Outstanding.")
        .inspection("Inspection dates: 28 January to 8 February 2019", "standard inspection", 2019, 1)
        .judgement("Outstanding", "outstanding", 1, 2019, 1, "ilacs"),
        _Doc("c2015report", "Camden: inspection of services for children in need", "ofsted_report", "Camden",
             "2015-02-20", "Ofsted",
             "Overall effectiveness of Camden's services: Good. The council was judged good in January 2015.")
        .judgement("Good", "good", 2, 2015, 1, "sif"),
        _Doc("hostile", HOSTILE_TITLE, "news", "Camden", "2016-05-05", "[i]Feed[/i]",
             HOSTILE_TEXT + "\n\nCamden was rated 'good' [b]again[/b].")
        .judgement("good", "good", 2, 2015, 1, "sif")
        .quote("fine", "Councillor [bold red]X[/]"),
    ]
    return docs


def sample_data(annotations: list[dict[str, Any]] | None = None) -> StoreData:
    documents, facts = [], []
    for doc in _documents():
        row, doc_facts = doc.rows()
        documents.append(row)
        facts.extend(doc_facts)
    data = StoreData(documents=documents, facts=facts, annotations=list(annotations or []))
    data.events = rebuild_events(data)
    return data


DISPUTING_STORY = "Haringey's children's services were rated inadequate overall in February 2023, a reader writes."


def disputed_data() -> StoreData:
    """The sample corpus, plus a story that gives Haringey's 2023 inspection another overall grade."""
    data = sample_data()
    start = DISPUTING_STORY.index("inadequate")
    data.documents.append({
        "id": "h2023wrong", "source": "corpus/h2023wrong.txt", "title": "A story that misreads the report",
        "kind": "news", "publisher": "A blog", "authority": "Haringey", "published": "2023-05-01", "format": "txt",
        "text": DISPUTING_STORY, "furniture": [], "imported_at": "2024-01-01T00:00:00+00:00",
    })
    data.facts.append({
        "id": "h2023wrong-0000", "doc_id": "h2023wrong", "type": "judgement", "span": [start, start + 10],
        "authority": "Haringey", "year": 2023, "month": 2, "day": None, "precision": "month",
        "rating": "inadequate", "rating_text": "inadequate", "grade": 4, "area": "overall", "era": "ilacs",
        "event_type": "inspection",
    })
    data.events = rebuild_events(data)
    return data


def doc_ids() -> list[str]:
    return [doc.row["id"] for doc in _documents()]


def large_data(count: int, seed: int = 7) -> StoreData:
    """``count`` documents over many councils and years, for timing the explorer."""
    rnd = random.Random(seed)
    authorities = [f"Borough {i:03d}" for i in range(150)]
    ratings = [("outstanding", 1), ("good", 2), ("requires improvement", 3), ("inadequate", 4)]
    words = ("children social care leaders practice families help protection inspectors council services "
             "improvement quality audit workforce caseloads permanence adoption fostering").split()
    documents, facts = [], []
    for i in range(count):
        authority = rnd.choice(authorities)
        year, month = rnd.randint(2008, 2024), rnd.randint(1, 12)
        rating, grade = rnd.choice(ratings)
        body = " ".join(rnd.choice(words) for _ in range(700))
        text = f"{authority} was judged {rating} in {year}. {body}"
        doc_id = f"doc{i:06d}"
        documents.append({
            "id": doc_id, "source": f"gen/{doc_id}.txt", "title": f"{authority} report {year} #{i}",
            "kind": rnd.choice(["ofsted_report", "news", "ofsted_letter"]), "publisher": rnd.choice(["Ofsted", "BBC"]),
            "authority": authority, "published": f"{year}-{month:02d}", "format": "txt", "text": text,
            "furniture": [], "imported_at": "2024-01-01T00:00:00+00:00",
        })
        start = text.index(rating)
        facts.append({
            "id": f"{doc_id}-0000", "doc_id": doc_id, "type": "judgement", "span": [start, start + len(rating)],
            "authority": authority, "year": year, "month": month, "day": None, "precision": "month",
            "rating": rating, "rating_text": rating, "grade": grade, "area": "overall",
            "era": "ilacs" if year >= 2018 else "sif", "event_type": "inspection",
        })
        if i % 3 == 0:
            facts.append({
                "id": f"{doc_id}-0001", "doc_id": doc_id, "type": "quote", "span": [0, len(authority)],
                "text": authority, "speaker": f"Speaker {i % 40}", "role": None, "organisation": None,
            })
    data = StoreData(documents=documents, facts=facts)
    data.events = rebuild_events(data)
    return data


def write_store(path: Path, data: StoreData) -> Store:
    store = Store(path)
    with store.transaction() as fresh:
        for name in ("documents", "facts", "events", "annotations"):
            getattr(fresh, name)[:] = getattr(data, name)
    return store


def build(path: Path, data: StoreData | None = None) -> Store:
    return write_store(path, data if data is not None else sample_data())
