"""What the web app browses: one stored article, recent stories, top speakers, a timeline by day.

Like the rest of `query`, plain rows out of a Connection; the pages and the
API read them, so no page writes its own SQL.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Connection, func, select

from newsgraph.model import Article
from newsgraph.query.entities import EntityCount, _counted
from newsgraph.query.timeline import Role, _about, _said
from newsgraph.store.schema import article_entities, articles, quotes


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


def timeline_days(conn: Connection, entity_id: int) -> list[tuple[str, Role, int]]:
    """(publication day, role, statements) of the entity's timeline; undated ones under "".

    Per day, where `timeline_counts` gives months, so a page can count by week
    a timeline that spans a few weeks; the same tests of "said" and "about".
    """
    day = func.coalesce(func.substr(articles.c.published, 1, 10), "").label("day")
    found: list[tuple[str, Role, int]] = []
    roles: tuple[Role, ...] = ("said", "about")
    for role, test in zip(roles, (_said(entity_id), _about(entity_id)), strict=True):
        rows = conn.execute(
            select(day, func.count())
            .select_from(quotes.join(articles, articles.c.id == quotes.c.article_id))
            .where(test)
            .group_by(day)
        )
        found += [(str(r[0]), role, int(r[1])) for r in rows]
    return sorted(found)


def corpus_version(conn: Connection) -> tuple[int, int]:
    """What changes whenever an article is stored: the number of articles and the highest id."""
    count, highest = conn.execute(
        select(func.count(), func.coalesce(func.max(articles.c.id), 0)).select_from(articles)
    ).one()
    return int(count), int(highest)
