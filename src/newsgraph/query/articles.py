"""Stored articles: listed by words, date and entity, and one article's full record."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Connection, exists, func, literal, or_, select

from newsgraph.query.quotes import contains
from newsgraph.store import fts
from newsgraph.store.schema import article_entities, articles, entities


@dataclass(slots=True)
class ArticleRow:
    """One stored article in a list; `snippet` marks matched words in [brackets] (with `q`)."""

    id: int
    title: str | None
    url: str | None
    published: str | None
    site: str | None
    story_id: int
    snippet: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def find_articles(
    conn: Connection,
    q: str | None = None,
    since: date | None = None,
    until: date | None = None,
    entity: str | None = None,
    limit: int = 20,
    offset: int = 0,
) -> list[ArticleRow]:
    """Articles matching every filter given; `offset` pages through them.

    With `q` (words that must all appear, "quoted phrases") the best matches
    come first, else the newest articles (undated last). `entity` is an entity
    named in the article (name or key, any case, a part of either); dates
    compare on the publication day, inclusive.
    """
    conditions: list[ColumnElement[bool]] = []
    day = func.substr(articles.c.published, 1, 10)
    if since:
        conditions.append(day >= since.isoformat())
    if until:
        conditions.append(day <= until.isoformat())
    if entity:
        conditions.append(
            exists(
                select(article_entities.c.entity_id)
                .join(entities, entities.c.id == article_entities.c.entity_id)
                .where(
                    article_entities.c.article_id == articles.c.id,
                    or_(contains(entities.c.name, entity), contains(entities.c.key, entity)),
                )
            )
        )
    columns = [
        articles.c.id,
        articles.c.title,
        articles.c.url,
        articles.c.published,
        articles.c.site,
        articles.c.story_id,
    ]
    if q is not None and q.strip():
        found = fts.matches(conn, q)
        if found is None:
            return []
        query = (
            select(*columns, found.c.snippet)
            .join(found, found.c.id == articles.c.id)
            .order_by(found.c.rank, articles.c.id)
        )
    else:
        query = select(*columns, literal(None).label("snippet")).order_by(
            articles.c.published.is_(None), articles.c.published.desc(), articles.c.id.desc()
        )
    rows = conn.execute(query.where(*conditions).limit(limit).offset(offset))
    return [ArticleRow(**row._mapping) for row in rows]


def article_record(conn: Connection, article_id: int) -> dict[str, Any] | None:
    """The stored article's full record (schema newsgraph.article/1); None when there is none."""
    row = conn.execute(select(articles.c.record).where(articles.c.id == article_id)).first()
    return dict(row[0]) if row else None
