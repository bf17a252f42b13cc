"""Who talks about whom: speaker -> entity edges, weighted by the statements behind them.

An edge runs from a statement's speaker (a corpus entity) to each other
entity mentioned inside the statement's content; its weight is the number of
statements. The same test as `quotes --about` (a mention within the content
span), so an edge's statements are exactly what `edge_quotes` lists.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Connection, and_, func, or_, select

from newsgraph.query.quotes import QuoteRow, fetch, mentioned_inside, quote_query
from newsgraph.store.schema import articles, entities, mentions, quotes


@dataclass(slots=True)
class Edge:
    source: int
    source_name: str
    source_type: str
    target: int
    target_name: str
    target_type: str
    weight: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def network(
    conn: Connection,
    *,
    type: str | None = None,
    since: date | None = None,
    until: date | None = None,
    min_weight: int = 1,
    entity: int | None = None,
    limit: int = 200,
) -> list[Edge]:
    """The heaviest `limit` edges with at least `min_weight` statements, heaviest first.

    `type` keeps edges whose mentioned entity is of that type (PERSON, GPE…);
    dates compare on the article's publication day, as `find_quotes` does;
    `entity` keeps the edges from or to that entity.
    """
    weight = func.count(quotes.c.id.distinct()).label("weight")
    inside = and_(
        mentions.c.article_id == quotes.c.article_id,
        mentions.c.start >= quotes.c.content_start,
        mentions.c.end <= quotes.c.content_end,
    )
    conditions: list[ColumnElement[bool]] = [
        quotes.c.speaker_entity_id.is_not(None),
        mentions.c.entity_id != quotes.c.speaker_entity_id,
    ]
    day = func.substr(articles.c.published, 1, 10)
    if since:
        conditions.append(day >= since.isoformat())
    if until:
        conditions.append(day <= until.isoformat())
    if entity is not None:
        conditions.append(or_(quotes.c.speaker_entity_id == entity, mentions.c.entity_id == entity))
    pairs = (
        select(
            quotes.c.speaker_entity_id.label("source"),
            mentions.c.entity_id.label("target"),
            weight,
        )
        .join(mentions, inside)
        .join(articles, articles.c.id == quotes.c.article_id)
        .where(*conditions)
        .group_by(quotes.c.speaker_entity_id, mentions.c.entity_id)
        .having(weight >= min_weight)
        .subquery()
    )
    source, target = entities.alias("source"), entities.alias("target")
    query = (
        select(
            pairs.c.source,
            source.c.name.label("source_name"),
            source.c.type.label("source_type"),
            pairs.c.target,
            target.c.name.label("target_name"),
            target.c.type.label("target_type"),
            pairs.c.weight,
        )
        .join(source, source.c.id == pairs.c.source)
        .join(target, target.c.id == pairs.c.target)
        .order_by(pairs.c.weight.desc(), source.c.name, target.c.name)
        .limit(limit)
    )
    if type:
        query = query.where(func.upper(target.c.type) == type.upper())
    return [Edge(**r._mapping) for r in conn.execute(query)]


def edge_quotes(conn: Connection, source: int, target: int, limit: int = 200) -> list[QuoteRow]:
    """The statements behind an edge: by entity `source`, mentioning entity `target`."""
    query = quote_query().where(
        quotes.c.speaker_entity_id == source, mentioned_inside(entities.c.id == target)
    )
    return fetch(conn, query.limit(limit))
