"""What the web app browses: one stored article, recent stories, top speakers, an entity's page.

Like the rest of `query`, plain rows out of a Connection; the pages and the
API read them, so no page writes its own SQL.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, and_, func, select

from newsgraph.model import Article
from newsgraph.query.entities import EntityCount, _counted
from newsgraph.query.quotes import fetch, quote_query
from newsgraph.query.timeline import Role, TimelineEntry
from newsgraph.store.schema import article_entities, articles, entities, mentions, quotes


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


def _about(entity_id: int) -> Select[Any]:
    """Ids of the quotes by others whose content holds a mention of the entity.

    The `timeline` test ("said about"), asked from the entity's mentions (an
    index lookup) rather than of every quote, so it stays fast on a large corpus.
    """
    inside = and_(
        quotes.c.article_id == mentions.c.article_id,
        mentions.c.start >= quotes.c.content_start,
        mentions.c.end <= quotes.c.content_end,
    )
    return (
        select(quotes.c.id)
        .join(mentions, inside)
        .where(
            mentions.c.entity_id == entity_id,
            quotes.c.speaker_entity_id.is_distinct_from(entity_id),
        )
        .distinct()
    )


def _role_condition(entity_id: int, role: Role) -> ColumnElement[bool]:
    if role == "said":
        return quotes.c.speaker_entity_id == entity_id
    return quotes.c.id.in_(_about(entity_id))


def timeline_days(conn: Connection, entity_id: int) -> list[tuple[str, Role, int]]:
    """(publication day, role, statements) of the entity's timeline; undated ones under ""."""
    day = func.coalesce(func.substr(articles.c.published, 1, 10), "").label("day")
    found: list[tuple[str, Role, int]] = []
    roles: tuple[Role, ...] = ("said", "about")
    for role in roles:
        rows = conn.execute(
            select(day, func.count())
            .select_from(quotes.join(articles, articles.c.id == quotes.c.article_id))
            .where(_role_condition(entity_id, role))
            .group_by(day)
        )
        found += [(str(r[0]), role, int(r[1])) for r in rows]
    return sorted(found)


def timeline_items(
    conn: Connection,
    entity_id: int,
    since: date | None = None,
    until: date | None = None,
    limit: int = 50,
) -> list[TimelineEntry]:
    """The entity's timeline entries published from `since` to `until` (days, inclusive).

    Without dates, the latest `limit`; with them, the first `limit` in date order.
    """
    day = func.substr(articles.c.published, 1, 10)
    bounds: list[ColumnElement[bool]] = []
    if since:
        bounds.append(day >= since.isoformat())
    if until:
        bounds.append(day <= until.isoformat())
    entries: list[TimelineEntry] = []
    roles: tuple[Role, ...] = ("said", "about")
    for role in roles:
        query = quote_query().where(_role_condition(entity_id, role), *bounds)
        if not bounds:
            query = query.order_by(None).order_by(
                articles.c.published.is_(None), articles.c.published.desc(), quotes.c.id.desc()
            )
        entries += [TimelineEntry(role, q) for q in fetch(conn, query.limit(limit))]
    entries.sort(key=lambda e: (e.quote.published or "", e.quote.article_id, e.quote.content_start))
    return entries if bounds else entries[::-1][:limit]
