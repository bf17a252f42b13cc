"""Full-text search over articles and quotes, with the titles and links to show them."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import Connection, Row, Select, select

from newsgraph.store import fts
from newsgraph.store.schema import articles, quotes


@dataclass(slots=True)
class ArticleHit:
    id: int
    title: str | None
    url: str | None
    published: str | None
    snippet: str
    rank: float


@dataclass(slots=True)
class QuoteHit:
    """A matching quote; `snippet` marks the matched words in [brackets]."""

    id: int
    article_id: int
    speaker: str | None
    snippet: str
    title: str | None
    url: str | None
    published: str | None
    rank: float


@dataclass(slots=True)
class SearchResult:
    articles: list[ArticleHit] = field(default_factory=list)
    quotes: list[QuoteHit] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.articles or self.quotes)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def search(conn: Connection, query: str, limit: int = 20) -> SearchResult:
    """Articles and quotes matching every word (or "phrase") of `query`, best first."""
    return SearchResult(_articles(conn, query, limit), _quotes(conn, query, limit))


def _details(conn: Connection, query: Select[Any], hits: list[fts.Hit]) -> dict[int, Row[Any]]:
    """The rows of `query` (whose first column is the id) for the hits, by id."""
    return {
        row[0]: row
        for row in conn.execute(query.where(query.selected_columns[0].in_([h.id for h in hits])))
    }


def _articles(conn: Connection, query: str, limit: int) -> list[ArticleHit]:
    hits = fts.search(conn, query, limit=limit)
    rows = _details(
        conn,
        select(articles.c.id, articles.c.title, articles.c.url, articles.c.published),
        hits,
    )
    return [ArticleHit(**rows[h.id]._mapping, snippet=h.snippet, rank=h.rank) for h in hits]


def _quotes(conn: Connection, query: str, limit: int) -> list[QuoteHit]:
    hits = fts.search(conn, query, quotes=True, limit=limit)
    rows = _details(
        conn,
        select(quotes.c.id, quotes.c.article_id, quotes.c.speaker)
        .add_columns(articles.c.title, articles.c.url, articles.c.published)
        .join(articles, articles.c.id == quotes.c.article_id),
        hits,
    )
    return [QuoteHit(**rows[h.id]._mapping, snippet=h.snippet, rank=h.rank) for h in hits]
