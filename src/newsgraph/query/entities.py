"""Entities across the corpus: how often each one appears, and finding one by name."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, Text, cast, func, or_, select

from newsgraph.query.quotes import contains
from newsgraph.store.schema import article_entities, entities


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


def _counted() -> Select[Any]:
    """Every entity with its counts (kept by the writer: store/derived.py), most widely
    reported first."""
    return select(
        entities.c.id,
        entities.c.name,
        entities.c.type,
        entities.c.key,
        entities.c.article_count.label("articles"),
        entities.c.mention_count.label("mentions"),
        entities.c.quote_count.label("quotes"),
    ).order_by(
        entities.c.article_count.desc(),
        entities.c.mention_count.desc(),
        entities.c.quote_count.desc(),
        entities.c.name,
        entities.c.id,
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
    found = _fetch(conn, _counted().where(entities.c.id == entity_id))
    return found[0] if found else None


def top_speakers(conn: Connection, top: int = 10) -> list[EntityCount]:
    """The `top` entities with the most statements attributed to them."""
    query = (
        _counted()
        .where(entities.c.quote_count > 0)
        .order_by(None)
        .order_by(entities.c.quote_count.desc(), entities.c.name, entities.c.id)
        .limit(top)
    )
    return _fetch(conn, query)


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
    # each distinct list of titles read once, with the number of articles giving it
    held_as = cast(article_entities.c.titles, Text)
    titles: dict[str, int] = {}
    for held, n in conn.execute(
        select(held_as, func.count())
        .where(article_entities.c.entity_id == entity_id)
        .group_by(held_as)
    ):
        for title in json.loads(held) or []:
            titles[title] = titles.get(title, 0) + int(n)
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
