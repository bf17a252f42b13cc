"""Who talks about whom, and who does what to whom: weighted edges between corpus entities.

A statement edge runs from a statement's speaker to each other entity
mentioned inside its content; its weight is the number of statements (the
test of `quotes --about`, read from the pairs the writer stores, so an edge's
statements are exactly what `edge_quotes` lists). An event edge runs from an
event's actor to its recipient; its weight is the number of events, which
`edge_events` lists. A party that names no entity but carries a country code
("Russian forces") stands for that country's entity, as on the entity's
timeline.

Both are grouped in the database, filters and all, from the pairs the writer
stores for them (store/derived.py), so a page asks for exactly the edges it
draws and no query matches spans or parties across the corpus.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any, Literal

from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    Connection,
    Select,
    func,
    select,
    tuple_,
    union_all,
)

from newsgraph.query.events import EventRow, event_query
from newsgraph.query.events import fetch as fetch_events
from newsgraph.query.quotes import QuoteRow, fetch, quote_query
from newsgraph.store.schema import entities, event_pairs, events, quote_entities, quotes

EdgeKind = Literal["statements", "events"]
KINDS: tuple[EdgeKind, ...] = ("statements", "events")


@dataclass(slots=True)
class Edge:
    """`source` spoke of `target` in `weight` statements, or acted on it in `weight` events."""

    source: int
    source_name: str
    source_type: str
    target: int
    target_name: str
    target_type: str
    weight: int
    kind: EdgeKind = "statements"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _grouped(
    source: ColumnElement[int],
    target: ColumnElement[int],
    kept: list[ColumnElement[bool]],
    entity: int | None,
) -> Select[int, int, int] | CompoundSelect[int, int, int]:
    """(source, target, weight): the kept rows counted per pair. For one `entity`, its edges out
    and its edges in are grouped apart (each from its own index range) and put together: no
    pair is both, as no edge joins an entity to itself."""

    def part(*only: ColumnElement[bool]) -> Select[int, int, int]:
        return (
            select(source.label("source"), target.label("target"), func.count().label("weight"))
            .where(*kept, *only)
            .group_by(source, target)
        )

    return part() if entity is None else union_all(part(source == entity), part(target == entity))


def _statement_pairs(
    since: date | None, until: date | None, entity: int | None
) -> Select[int, int, int] | CompoundSelect[int, int, int]:
    """(source, target, statements) from the stored pairs; dates on the publication day."""
    pairs = quote_entities
    kept: list[ColumnElement[bool]] = [
        pairs.c.speaker_entity_id.is_not(None),
        pairs.c.entity_id != pairs.c.speaker_entity_id,
    ]
    if since:
        kept.append(pairs.c.day >= since.isoformat())
    if until:
        kept.append(pairs.c.day <= until.isoformat())
    return _grouped(pairs.c.speaker_entity_id, pairs.c.entity_id, kept, entity)


def _event_pairs(
    since: date | None, until: date | None, entity: int | None
) -> Select[int, int, int] | CompoundSelect[int, int, int]:
    """(source, target, events) from the stored pairs; dates as `events --since` takes them."""
    pairs = event_pairs
    kept: list[ColumnElement[bool]] = []
    if since:
        kept.append(pairs.c.day_last >= since.isoformat())
    if until:
        kept.append(pairs.c.day_first <= until.isoformat())
    return _grouped(pairs.c.source_entity_id, pairs.c.target_entity_id, kept, entity)


def network(
    conn: Connection,
    *,
    type: str | None = None,
    since: date | None = None,
    until: date | None = None,
    min_weight: int = 1,
    entity: int | None = None,
    limit: int = 200,
    kind: EdgeKind = "statements",
) -> list[Edge]:
    """The heaviest `limit` edges of one `kind` with at least `min_weight` statements (or
    events), heaviest first.

    `type` keeps edges whose target is of that type (PERSON, GPE…); dates compare
    on the publication day for statements (so undated ones count only without
    dates) and on the days an event's date covers for events; `entity` keeps
    the edges from or to that entity.
    """
    pairs = (_statement_pairs if kind == "statements" else _event_pairs)(since, until, entity)
    grouped = pairs.subquery()
    source, target = entities.alias("source"), entities.alias("target")
    query = (
        select(
            grouped.c.source,
            source.c.name.label("source_name"),
            source.c.type.label("source_type"),
            grouped.c.target,
            target.c.name.label("target_name"),
            target.c.type.label("target_type"),
            grouped.c.weight,
        )
        .join(source, source.c.id == grouped.c.source)
        .join(target, target.c.id == grouped.c.target)
        .where(grouped.c.weight >= min_weight)
        .order_by(
            grouped.c.weight.desc(),
            source.c.name,
            target.c.name,
            grouped.c.source,
            grouped.c.target,
        )
        .limit(limit)
    )
    if type:
        query = query.where(func.upper(target.c.type) == type.upper())
    return [Edge(**row._mapping, kind=kind) for row in conn.execute(query)]


def edge_quotes(conn: Connection, source: int, target: int, limit: int = 200) -> list[QuoteRow]:
    """The statements behind an edge: by entity `source`, mentioning entity `target`."""
    holding = select(quote_entities.c.quote_id).where(
        quote_entities.c.speaker_entity_id == source, quote_entities.c.entity_id == target
    )
    return fetch(conn, quote_query().where(quotes.c.id.in_(holding)).limit(limit))


def edge_events(conn: Connection, source: int, target: int, limit: int = 200) -> list[EventRow]:
    """The events behind an edge: with entity `source` among the actors, `target` among the
    recipients (a party standing for it by its country code included)."""
    behind = select(event_pairs.c.article_id, event_pairs.c.event_seq).where(
        event_pairs.c.source_entity_id == source, event_pairs.c.target_entity_id == target
    )
    query = event_query().where(tuple_(events.c.article_id, events.c.seq).in_(behind))
    return fetch_events(conn, query.limit(limit))
