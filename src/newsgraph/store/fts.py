"""Full-text search over article text and quote content: FTS5 on SQLite, tsvector on PostgreSQL.

SQLite keeps FTS5 indexes over the `articles` and `quotes` tables (external
content, so the text is stored once) and the writer adds each row to them in
the same transaction as the row itself. PostgreSQL indexes an expression
with GIN, which the server keeps up to date on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import Connection, Float, Integer, Subquery, column, select, text

_FTS5 = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5("
    "title, text, content='articles', content_rowid='id', tokenize='porter unicode61')",
    "CREATE VIRTUAL TABLE IF NOT EXISTS quotes_fts USING fts5("
    "content, content='quotes', content_rowid='id', tokenize='porter unicode61')",
]
_ARTICLE_VECTOR = "to_tsvector('english', coalesce(title, '') || ' ' || text)"
_QUOTE_VECTOR = "to_tsvector('english', content)"
_POSTGRES = [
    f"CREATE INDEX IF NOT EXISTS articles_fts ON articles USING gin ({_ARTICLE_VECTOR})",
    f"CREATE INDEX IF NOT EXISTS quotes_fts ON quotes USING gin ({_QUOTE_VECTOR})",
]


def create_fts(conn: Connection) -> None:
    for statement in _FTS5 if conn.dialect.name == "sqlite" else _POSTGRES:
        conn.execute(text(statement))


def index_article(conn: Connection, article_id: int, title: str | None, body: str) -> None:
    """Add one article to the SQLite index (PostgreSQL indexes on its own)."""
    if conn.dialect.name == "sqlite":
        conn.execute(
            text("INSERT INTO articles_fts(rowid, title, text) VALUES (:id, :title, :text)"),
            {"id": article_id, "title": title or "", "text": body},
        )


def index_quotes(conn: Connection, rows: list[tuple[int, str]]) -> None:
    """Add (quote id, content) rows to the SQLite index."""
    if conn.dialect.name == "sqlite" and rows:
        conn.execute(
            text("INSERT INTO quotes_fts(rowid, content) VALUES (:id, :content)"),
            [{"id": qid, "content": content} for qid, content in rows],
        )


@dataclass(slots=True)
class Hit:
    """One search result: the row's id and a snippet with the matched words marked."""

    id: int
    snippet: str
    rank: float


_WORD = re.compile(r'"[^"]+"|[^\s"]+')


def fts5_query(query: str) -> str:
    """The user's words as an FTS5 query: each word or "quoted phrase" required, no operators.

    Quoting every term keeps punctuation and words like AND/NEAR from being
    read as FTS5 syntax, so any text the user types is a valid search.
    """
    terms = [t.strip('"') for t in _WORD.findall(query)]
    return " ".join('"' + t.replace('"', "") + '"' for t in terms if t.strip())


def matches(conn: Connection, query: str, *, quotes: bool = False) -> Subquery | None:
    """Every article (or quote) matching the query, as a subquery of (id, snippet, rank):
    lower rank is better. None when the query holds no words (nothing can match).

    A subquery, so that callers can join it to other filters and page through it.
    """
    if conn.dialect.name == "sqlite":
        table, field = ("quotes_fts", 0) if quotes else ("articles_fts", 1)
        match = fts5_query(query)
        if not match:
            return None
        statement = text(
            f"SELECT rowid AS id, snippet({table}, {field}, '[', ']', '…', 12) AS snippet, "
            f"bm25({table}) AS rank FROM {table} WHERE {table} MATCH :q"
        ).bindparams(q=match)
    else:
        table, vector, body = (
            ("quotes", _QUOTE_VECTOR, "content")
            if quotes
            else ("articles", _ARTICLE_VECTOR, "text")
        )
        statement = text(
            f"SELECT id, ts_headline('english', {body}, q, "
            "'StartSel=[,StopSel=],MaxWords=24,MinWords=8') AS snippet, "
            f"-ts_rank({vector}, q) AS rank "
            f"FROM {table}, websearch_to_tsquery('english', :q) q WHERE {vector} @@ q"
        ).bindparams(q=query)
    columns = statement.columns(column("id", Integer), column("snippet"), column("rank", Float))
    return columns.subquery("fts_matches")


def search(conn: Connection, query: str, *, quotes: bool = False, limit: int = 20) -> list[Hit]:
    """Articles (or quotes) matching the query, best first.

    Ranked first, then snippets made for the `limit` best alone: a snippet reads
    the row's whole text, and making one for every match of a common word (every
    article of a corpus about Putin holds "Putin") costs more than the search.
    """
    found = matches(conn, query, quotes=quotes)
    if found is None:
        return []
    best = conn.execute(
        select(found.c.id, found.c.rank).order_by(found.c.rank, found.c.id).limit(limit)
    ).all()
    snippets = dict(
        conn.execute(
            select(found.c.id, found.c.snippet).where(found.c.id.in_([r.id for r in best]))
        ).all()
    )
    return [Hit(int(r.id), str(snippets[r.id]), float(r.rank)) for r in best]
