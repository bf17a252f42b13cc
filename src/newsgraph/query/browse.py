"""What the web app browses: one stored article, recent stories, the corpus's version.

Like the rest of `query`, plain rows out of a Connection; the pages and the
API read them, so no page writes its own SQL.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Connection, func, select

from newsgraph.model import Article
from newsgraph.store.schema import article_entities, articles


@dataclass(slots=True)
class StoredArticle:
    """An article as stored, with the corpus entity behind each of its local entity ids."""

    id: int
    story_id: int
    article: Article
    entity_ids: dict[str, int] = field(default_factory=dict)  # "e1" -> entities.id


@dataclass(slots=True)
class StoryRow:
    """The latest article of a story, and how many versions of it the corpus holds."""

    id: int
    title: str | None
    url: str | None
    published: str | None
    site: str | None
    versions: int


def stored_article(conn: Connection, article_id: int) -> StoredArticle | None:
    """The article stored under `article_id`, rebuilt from its record; None when there is none."""
    row = conn.execute(
        select(articles.c.story_id, articles.c.record).where(articles.c.id == article_id)
    ).first()
    if row is None:
        return None
    ids = conn.execute(
        select(article_entities.c.local_id, article_entities.c.entity_id).where(
            article_entities.c.article_id == article_id
        )
    )
    return StoredArticle(
        article_id, int(row[0]), Article.from_dict(row[1]), {r[0]: int(r[1]) for r in ids}
    )


def recent_stories(conn: Connection, limit: int = 10) -> list[StoryRow]:
    """The `limit` most recently published stories (undated last), each by its latest article."""
    latest = (
        select(
            articles.c.story_id,
            func.max(articles.c.id).label("id"),
            func.count().label("versions"),
        )
        .group_by(articles.c.story_id)
        .subquery()
    )
    rows = conn.execute(
        select(
            articles.c.id,
            articles.c.title,
            articles.c.url,
            articles.c.published,
            articles.c.site,
            latest.c.versions,
        )
        .join(latest, latest.c.id == articles.c.id)
        .order_by(articles.c.published.is_(None), articles.c.published.desc(), articles.c.id.desc())
        .limit(limit)
    )
    return [StoryRow(**r._mapping) for r in rows]


def corpus_version(conn: Connection) -> tuple[int, int]:
    """What changes whenever an article is stored: the number of articles and the highest id."""
    count, highest = conn.execute(
        select(func.count(), func.coalesce(func.max(articles.c.id), 0)).select_from(articles)
    ).one()
    return int(count), int(highest)
