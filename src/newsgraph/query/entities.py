"""Entities across the corpus: how often each one appears, and finding one by name."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, func, or_, select

from newsgraph.query.quotes import contains
from newsgraph.store.schema import article_entities, entities, quotes


@dataclass(slots=True)
class EntityCount:
    """A corpus entity and its reach: articles naming it, mentions, quotes it speaks."""

    id: int
    name: str
    type: str
    key: str
    articles: int
    mentions: int
    quotes: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _counted(entity_id: int | None = None) -> Select[Any]:
    """Every entity (or the one `entity_id`) with its counts, most widely reported first.

    For one entity the counts are taken over its rows alone, not over every entity's.
    """
    seen_rows = select(
        article_entities.c.entity_id,
        func.count(article_entities.c.article_id.distinct()).label("articles"),
        func.sum(article_entities.c.mention_count).label("mentions"),
    ).group_by(article_entities.c.entity_id)
    said_rows = (
        select(quotes.c.speaker_entity_id.label("entity_id"), func.count().label("quotes"))
        .where(quotes.c.speaker_entity_id.is_not(None))
        .group_by(quotes.c.speaker_entity_id)
    )
    if entity_id is not None:
        seen_rows = seen_rows.where(article_entities.c.entity_id == entity_id)
        said_rows = said_rows.where(quotes.c.speaker_entity_id == entity_id)
    seen, said = seen_rows.subquery(), said_rows.subquery()
    n_articles = func.coalesce(seen.c.articles, 0).label("articles")
    n_mentions = func.coalesce(seen.c.mentions, 0).label("mentions")
    n_quotes = func.coalesce(said.c.quotes, 0).label("quotes")
    return (
        select(entities.c.id, entities.c.name, entities.c.type, entities.c.key)
        .add_columns(n_articles, n_mentions, n_quotes)
        .outerjoin(seen, seen.c.entity_id == entities.c.id)
        .outerjoin(said, said.c.entity_id == entities.c.id)
        .order_by(
            n_articles.desc(), n_mentions.desc(), n_quotes.desc(), entities.c.name, entities.c.id
        )
    )


def _fetch(conn: Connection, query: Select[Any]) -> list[EntityCount]:
    return [EntityCount(**row._mapping) for row in conn.execute(query)]


def top_entities(
    conn: Connection,
    top: int = 20,
    type: str | None = None,
    name: str | None = None,
    offset: int = 0,
) -> list[EntityCount]:
    """The `top` most widely reported entities, optionally of one type (PERSON, GPE, …)
    and with `name` in their name or key; `offset` pages through them."""
    query = _counted().limit(top).offset(offset)
    if type:
        query = query.where(func.upper(entities.c.type) == type.upper())
    if name:
        query = query.where(or_(contains(entities.c.name, name), contains(entities.c.key, name)))
    return _fetch(conn, query)


def entity_by_id(conn: Connection, entity_id: int) -> EntityCount | None:
    """The entity with this corpus id, with its counts; None when there is none."""
    found = _fetch(conn, _counted(entity_id).where(entities.c.id == entity_id))
    return found[0] if found else None


def entity_details(conn: Connection, entity_id: int) -> dict[str, Any]:
    """What the corpus knows of one entity beyond its counts: its identity (`kb`), its
    codes, and the names and titles articles give it, most frequent first."""
    row = conn.execute(
        select(entities.c.kb, entities.c.codes).where(entities.c.id == entity_id)
    ).one()
    names = conn.execute(
        select(article_entities.c.name, func.count().label("n"))
        .where(article_entities.c.entity_id == entity_id)
        .group_by(article_entities.c.name)
        .order_by(func.count().desc(), article_entities.c.name)
    )
    titles: dict[str, int] = {}
    for (held,) in conn.execute(
        select(article_entities.c.titles).where(article_entities.c.entity_id == entity_id)
    ):
        for title in held or []:
            titles[title] = titles.get(title, 0) + 1
    return {
        "kb": row.kb,
        "codes": row.codes,
        "names": [name for name, _ in names],
        "titles": sorted(titles, key=lambda t: (-titles[t], t)),
    }


def match_entities(conn: Connection, name: str) -> list[EntityCount]:
    """Entities called `name` (name or key, any case), else those whose name or key holds it.

    Most widely reported first, so the first is the likeliest meaning of an
    ambiguous name.
    """
    exact: ColumnElement[bool] = or_(
        func.lower(entities.c.name) == name.lower(), func.lower(entities.c.key) == name.lower()
    )
    found = _fetch(conn, _counted().where(exact))
    if found:
        return found
    return _fetch(
        conn, _counted().where(or_(contains(entities.c.name, name), contains(entities.c.key, name)))
    )
