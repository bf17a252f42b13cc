"""Who talks about whom: speaker -> entity edges, weighted by the statements behind them.

An edge runs from a statement's speaker (a corpus entity) to each other
entity mentioned inside the statement's content; its weight is the number of
statements. The same test as `quotes --about` (a mention within the content
span), so an edge's statements are exactly what `edge_quotes` lists.

The expensive part, matching every statement's span against the mentions of
its article, is one query (`edge_days`: the statements of each edge per
publication day); filtering and weighing its rows (`network_from`) is cheap,
so a caller that keeps the rows while the corpus is unchanged (the web app)
answers every filter without asking the database again.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, and_, func, select

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


@dataclass(frozen=True, slots=True)
class EdgeDay:
    """The statements by entity `source` naming entity `target` published on `day` ("" undated)."""

    source: int
    source_name: str
    source_type: str
    target: int
    target_name: str
    target_type: str
    day: str
    statements: int


def edge_days(conn: Connection) -> list[EdgeDay]:
    """Every edge of the corpus, its statements counted per publication day."""
    day = func.coalesce(func.substr(articles.c.published, 1, 10), "").label("day")
    inside = and_(
        mentions.c.article_id == quotes.c.article_id,
        mentions.c.start >= quotes.c.content_start,
        mentions.c.end <= quotes.c.content_end,
    )
    pairs = (
        select(
            quotes.c.speaker_entity_id.label("source"),
            mentions.c.entity_id.label("target"),
            day,
            func.count(quotes.c.id.distinct()).label("statements"),
        )
        .join(mentions, inside)
        .join(articles, articles.c.id == quotes.c.article_id)
        .where(
            quotes.c.speaker_entity_id.is_not(None),
            mentions.c.entity_id != quotes.c.speaker_entity_id,
        )
        .group_by(quotes.c.speaker_entity_id, mentions.c.entity_id, day)
        .subquery()
    )
    source, target = entities.alias("source"), entities.alias("target")
    rows = conn.execute(
        select(
            pairs.c.source,
            source.c.name.label("source_name"),
            source.c.type.label("source_type"),
            pairs.c.target,
            target.c.name.label("target_name"),
            target.c.type.label("target_type"),
            pairs.c.day,
            pairs.c.statements,
        )
        .join(source, source.c.id == pairs.c.source)
        .join(target, target.c.id == pairs.c.target)
    )
    return [EdgeDay(**r._mapping) for r in rows]


def network_from(
    rows: Iterable[EdgeDay],
    *,
    type: str | None = None,
    since: date | None = None,
    until: date | None = None,
    min_weight: int = 1,
    entity: int | None = None,
    limit: int = 200,
) -> list[Edge]:
    """The heaviest `limit` edges of `rows` with at least `min_weight` statements, heaviest first.

    `type` keeps edges whose mentioned entity is of that type (PERSON, GPE…);
    dates compare on the publication day, as `find_quotes` does (so undated
    statements count only without dates); `entity` keeps the edges from or to
    that entity.
    """
    first, last = since.isoformat() if since else None, until.isoformat() if until else None
    weights: dict[tuple[int, int], int] = {}
    ends: dict[tuple[int, int], EdgeDay] = {}
    for row in rows:
        if type and row.target_type.upper() != type.upper():
            continue
        if entity is not None and entity not in (row.source, row.target):
            continue
        if (first or last) and (
            not row.day or (first and row.day < first) or (last and row.day > last)
        ):
            continue
        pair = (row.source, row.target)
        weights[pair] = weights.get(pair, 0) + row.statements
        ends.setdefault(pair, row)
    edges = [
        Edge(e.source, e.source_name, e.source_type, e.target, e.target_name, e.target_type, w)
        for pair, w in weights.items()
        if w >= min_weight
        for e in (ends[pair],)
    ]
    edges.sort(key=lambda e: (-e.weight, e.source_name, e.target_name, e.source, e.target))
    return edges[:limit]


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
    """The network of the corpus, filtered as `network_from` says."""
    return network_from(
        edge_days(conn),
        type=type,
        since=since,
        until=until,
        min_weight=min_weight,
        entity=entity,
        limit=limit,
    )


def edge_quotes(conn: Connection, source: int, target: int, limit: int = 200) -> list[QuoteRow]:
    """The statements behind an edge: by entity `source`, mentioning entity `target`."""
    query = quote_query().where(
        quotes.c.speaker_entity_id == source, mentioned_inside(entities.c.id == target)
    )
    return fetch(conn, query.limit(limit))
