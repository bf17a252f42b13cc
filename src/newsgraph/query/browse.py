"""What the web app browses: one stored article, the recent stories, the top speakers, a profile.

Like the rest of `query`, plain rows out of a Connection; the pages and the
API read them, so no page writes its own SQL.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, func, select

from newsgraph.model import Article
from newsgraph.query.entities import EntityCount, _counted
from newsgraph.store.schema import article_entities, articles, entities


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


@dataclass(slots=True)
class Profile:
    """Who an entity is: its counts, identity and codes, the names and titles it goes by."""

    entity: EntityCount
    kb: dict[str, Any]
    codes: list[dict[str, Any]]
    names: list[tuple[str, int]]  # (name as written in an article, articles)
    titles: list[str]


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


def top_speakers(conn: Connection, top: int = 10) -> list[EntityCount]:
    """The `top` entities with the most statements attributed to them."""
    counted = _counted().subquery()
    rows = conn.execute(
        select(counted)
        .where(counted.c.quotes > 0)
        .order_by(counted.c.quotes.desc(), counted.c.name)
        .limit(top)
    )
    return [EntityCount(**r._mapping) for r in rows]


def entity_profile(conn: Connection, entity_id: int) -> Profile | None:
    """The profile of entity `entity_id`; None when the corpus has no such entity."""
    counted = _counted().subquery()
    found = conn.execute(select(counted).where(counted.c.id == entity_id)).first()
    if found is None:
        return None
    kb, codes = conn.execute(
        select(entities.c.kb, entities.c.codes).where(entities.c.id == entity_id)
    ).one()
    names = conn.execute(
        select(article_entities.c.name, func.count())
        .where(article_entities.c.entity_id == entity_id)
        .group_by(article_entities.c.name)
        .order_by(func.count().desc(), article_entities.c.name)
        .limit(20)
    )
    titles: dict[str, None] = {}
    for (held,) in conn.execute(
        select(article_entities.c.titles).where(article_entities.c.entity_id == entity_id)
    ):
        titles.update(dict.fromkeys(held or []))
    return Profile(
        EntityCount(**found._mapping),
        dict(kb or {}),
        list(codes or []),
        [(r[0], int(r[1])) for r in names],
        list(titles),
    )
