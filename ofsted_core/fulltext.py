"""The full-text index: SQLite FTS5 over the documents' titles and texts.

The index is an FTS5 table whose content is the bulk store's ``texts`` table
(``ofsted_core.bulk``): it holds only the tokens, never a second copy of the
texts, and triggers keep it in step with every row written or collected, so
an import updates it in the same transaction as the rows. It persists: a
launch opens it, never rebuilds it. ``rebuild`` remakes it from the rows
where it is found short (a store written by a tool that did not keep it).

Queries are built here from the user's words, each one quoted, so nothing a
user types is read as FTS5 syntax (``NEAR``, ``*``, ``-``, column filters).
"""

from __future__ import annotations

import sqlite3

__all__ = ["INDEX_SCHEMA", "available", "match_expression", "match_terms", "matching_rows", "ranked", "rebuild", "row_ids", "short"]

# unicode61 splits words as search.tokenize does (letters and digits; an
# apostrophe splits, so "Surrey's" is the phrase "surrey s"); diacritics are
# folded so "role" finds "rôle". Prefix indexes make the first letters typed cheap.
INDEX_SCHEMA = """
CREATE VIRTUAL TABLE IF NOT EXISTS fulltext USING fts5(
    title, text, content='texts', content_rowid='rowid',
    tokenize='unicode61 remove_diacritics 2', prefix='1 2 3'
);
CREATE TRIGGER IF NOT EXISTS texts_indexed AFTER INSERT ON texts BEGIN
    INSERT INTO fulltext(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER IF NOT EXISTS texts_unindexed AFTER DELETE ON texts BEGIN
    INSERT INTO fulltext(fulltext, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;
"""


def available() -> bool:
    """Whether this Python's SQLite was built with FTS5 (the README says what to do where not)."""
    try:
        with sqlite3.connect(":memory:") as probe:
            probe.execute("CREATE VIRTUAL TABLE probe USING fts5(a)")
        return True
    except sqlite3.OperationalError:
        return False


def _quoted(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def match_terms(phrases: list[str], words: list[str], last_is_prefix: bool) -> list[str]:
    """The FTS5 terms of a search, each a query of its own: every phrase, every word (the last as a prefix while typed)."""
    terms = [_quoted(p) for p in phrases]
    for i, word in enumerate(words):
        terms.append(_quoted(word) + ("*" if last_is_prefix and i == len(words) - 1 else ""))
    return terms


def match_expression(phrases: list[str], words: list[str], last_is_prefix: bool) -> str:
    """The FTS5 query for a search: every one of its terms (``match_terms``)."""
    return " AND ".join(match_terms(phrases, words, last_is_prefix))


def ranked(db: sqlite3.Connection, expression: str, limit: int = -1) -> list[tuple[str, float]]:
    """(document id, score) of every match, best first (BM25, higher is better), ties by id; the first ``limit``.

    SQLite keeps only the best ``limit`` while sorting, and joins only those
    to their ids.
    """
    rows = db.execute(
        "SELECT texts.id, -bm25(fulltext) AS score FROM fulltext JOIN texts ON texts.rowid = fulltext.rowid "
        "WHERE fulltext MATCH ? ORDER BY score DESC, texts.id LIMIT ?", (expression, limit))
    return rows.fetchall()


def matching_rows(db: sqlite3.Connection, expression: str) -> list[int]:
    """The rowids of every match, unranked.

    What a filter needs: at 10,000 documents a broad query ("c", "children in")
    matches nearly all of them, and scoring each with BM25 and joining the
    texts for their ids cost 5-10 times the match itself.
    """
    # One row of text rather than a row per match: a broad prefix matches every document, and 10,000 rows made
    # 10,000 tuples a keystroke (the collector's work as well as their own), twice the time of this.
    joined = db.execute("SELECT group_concat(rowid) FROM fulltext WHERE fulltext MATCH ?", (expression,)).fetchone()[0]
    return list(map(int, joined.split(","))) if joined else []


def row_ids(db: sqlite3.Connection) -> dict[int, str]:
    """Each text row's document id by rowid (read once per index opened, for ``matching_rows``)."""
    return dict(db.execute("SELECT rowid, id FROM texts"))


def short(db: sqlite3.Connection) -> bool:
    """Whether the index lacks rows of the texts (it is then rebuilt from them)."""
    indexed = db.execute("SELECT count(*) FROM fulltext_docsize").fetchone()[0]
    return indexed != db.execute("SELECT count(*) FROM texts").fetchone()[0]


def rebuild(db: sqlite3.Connection) -> None:
    """Remake the index from the texts (FTS5's own 'rebuild' command)."""
    db.execute("INSERT INTO fulltext(fulltext) VALUES ('rebuild')")
