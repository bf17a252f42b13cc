"""Events by actor, recipient, type and date: who did what to whom, when, where, how firmly."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from functools import cache
from typing import Any, Literal

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    and_,
    exists,
    func,
    or_,
    select,
    true,
    tuple_,
)

from newsgraph.query import QueryError
from newsgraph.query.quotes import contains
from newsgraph.store.schema import articles, entities, event_parties, events, quotes

Role = Literal["actor", "recipient"]
_speaker = entities.alias("claim_speaker")
_place = entities.alias("place_entity")
_CHUNK = 300  # events asked for at once: up to three parameters each, under SQLite's limit


@dataclass(slots=True)
class PartyRow:
    """An actor or recipient: its words, its corpus entity (name and key), country and sector."""

    text: str
    entity: str | None
    key: str | None
    country: str | None
    sector: str | None

    @property
    def name(self) -> str:
        """The entity's name when the words name one, else the words ("Syrian forces")."""
        return self.entity or self.text


@dataclass(slots=True)
class EventRow:
    """One stored event with its parties and its article.

    `claimed_by` is the speaker of the statement holding the event (`quote`),
    when it is somebody's claim; `day_first` the first calendar day its date
    covers. Offsets are into `articles.text` of `article_id`.
    """

    article_id: int
    seq: int
    id: str
    type: str
    mode: str | None
    modality: str
    date: str | None
    date_source: str | None
    day_first: str | None
    location: str | None
    location_country: str | None
    geonames: str | None
    trigger: str
    sentence: str
    quote: str | None
    claimed_by: str | None
    cameo: str | None
    confidence: float
    title: str | None
    url: str | None
    published: str | None
    trigger_start: int
    trigger_end: int
    actors: list[PartyRow] = field(default_factory=list)
    recipients: list[PartyRow] = field(default_factory=list)

    @property
    def label(self) -> str:
        """`TYPE/mode`, or the type alone."""
        return f"{self.type}/{self.mode}" if self.mode else self.type

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@cache
def plover_types() -> tuple[str, ...]:
    """The 16 PLOVER types, as the JSON contract lists them."""
    from newsgraph.schema import load_schema

    item = load_schema()["properties"]["events"]["items"]["properties"]["type"]
    return tuple(item["enum"])


def event_query() -> Select[Any]:
    """Every event joined to its article, its place's entity and the statement holding it."""
    claim = quotes.alias("claim")
    return (
        select(
            events.c.article_id,
            events.c.seq,
            events.c.local_id.label("id"),
            events.c.type,
            events.c.mode,
            events.c.modality,
            events.c.date,
            events.c.date_source,
            events.c.day_first,
            func.coalesce(_place.c.name, events.c.location).label("location"),
            events.c.location_country,
            events.c.geonames,
            events.c.trigger,
            func.substr(
                articles.c.text,
                events.c.sentence_start + 1,
                events.c.sentence_end - events.c.sentence_start,
            ).label("sentence"),
            events.c.quote_local_id.label("quote"),
            func.coalesce(_speaker.c.name, claim.c.speaker).label("claimed_by"),
            events.c.cameo,
            events.c.confidence,
            articles.c.title,
            articles.c.url,
            articles.c.published,
            events.c.trigger_start,
            events.c.trigger_end,
        )
        .join(articles, articles.c.id == events.c.article_id)
        .outerjoin(_place, _place.c.id == events.c.location_entity_id)
        .outerjoin(
            claim,
            (claim.c.article_id == events.c.article_id)
            & (claim.c.local_id == events.c.quote_local_id),
        )
        .outerjoin(_speaker, _speaker.c.id == claim.c.speaker_entity_id)
        .order_by(
            events.c.day_first.is_(None),
            events.c.day_first,
            articles.c.published,
            events.c.article_id,
            events.c.trigger_start,
            events.c.seq,
        )
    )


def party_matches(role: Role, name: str) -> ColumnElement[bool]:
    """The event has a `role` party named `name`: its entity's name or key, its words
    (any case, part of them), or its country code exactly ("RUS": every Russian party)."""
    party_entity = entities.alias(f"{role}_match")
    return exists(
        select(event_parties.c.seq)
        .outerjoin(party_entity, party_entity.c.id == event_parties.c.entity_id)
        .where(
            event_parties.c.article_id == events.c.article_id,
            event_parties.c.event_seq == events.c.seq,
            event_parties.c.role == role,
            or_(
                contains(party_entity.c.name, name),
                contains(party_entity.c.key, name),
                contains(event_parties.c.text, name),
                func.upper(event_parties.c.country) == name.upper(),
            ),
        )
    )


def fetch(conn: Connection, query: Select[Any]) -> list[EventRow]:
    """Run an event_query() and attach each event's actors and recipients."""
    found = {(row.article_id, row.seq): EventRow(**row._mapping) for row in conn.execute(query)}
    for key, role, party in parties_of(conn, list(found)):
        event = found[key]
        (event.actors if role == "actor" else event.recipients).append(party)
    return list(found.values())


def events_by_key(
    conn: Connection, keys: Sequence[tuple[int, int]]
) -> dict[tuple[int, int], EventRow]:
    """The events `(article_id, seq)`, with their parties, by key: for a list whose order
    and page were chosen on the keys alone, so that only the events shown are read."""
    found: dict[tuple[int, int], EventRow] = {}
    for i in range(0, len(keys), _CHUNK):
        wanted = _among(events.c.article_id, events.c.seq, keys[i : i + _CHUNK])
        found.update({(e.article_id, e.seq): e for e in fetch(conn, event_query().where(wanted))})
    return found


def _among(
    article: ColumnElement[int], seq: ColumnElement[int], keys: Sequence[tuple[int, int]]
) -> ColumnElement[bool]:
    """The rows keyed `(article, seq)` in `keys`, asked by their article ids as well: SQLite
    finds a list of pairs by reading the whole table, a list of ids through its index."""
    return and_(article.in_(sorted({a for a, _ in keys})), tuple_(article, seq).in_(keys))


def parties_of(
    conn: Connection, keys: Sequence[tuple[int, int]]
) -> Iterator[tuple[tuple[int, int], Role, PartyRow]]:
    """The parties of the events `(article_id, seq)`, in order: (event, role, party)."""
    for i in range(0, len(keys), _CHUNK):
        chunk = keys[i : i + _CHUNK]
        query = (
            select(
                event_parties.c.article_id,
                event_parties.c.event_seq,
                event_parties.c.role,
                event_parties.c.text,
                entities.c.name,
                entities.c.key,
                event_parties.c.country,
                event_parties.c.sector,
            )
            .outerjoin(entities, entities.c.id == event_parties.c.entity_id)
            .where(_among(event_parties.c.article_id, event_parties.c.event_seq, chunk))
            .order_by(event_parties.c.article_id, event_parties.c.event_seq, event_parties.c.seq)
        )
        for row in conn.execute(query):
            party = PartyRow(row.text, row.name, row.key, row.country, row.sector)
            yield (row.article_id, row.event_seq), row.role, party


def event_type(asked: str) -> str:
    """The PLOVER type a user typed (any case), or a one-line error listing them."""
    wanted = asked.strip().upper()
    if wanted not in plover_types():
        raise QueryError(f"unknown event type {asked!r}: choose from {', '.join(plover_types())}")
    return wanted


def find_events(
    conn: Connection,
    actor: str | None = None,
    recipient: str | None = None,
    type: str | None = None,
    since: date | None = None,
    until: date | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[EventRow]:
    """Events matching every filter given, earliest first (`event_filter` says how)."""
    query = event_query().where(event_filter(actor, recipient, type, since, until))
    return fetch(conn, query.limit(limit).offset(offset))


def event_filter(
    actor: str | None = None,
    recipient: str | None = None,
    type: str | None = None,
    since: date | None = None,
    until: date | None = None,
) -> ColumnElement[bool]:
    """The test, on the events table alone, of `find_events`' filters (all given must hold);
    `export` takes it to write the same events as a file.

    Dates compare on the days the event's date covers, so an event dated
    "2016-03" is kept by `since` 2016-03-20 and by `until` 2016-03-01; an
    event without a calendar date is left out by either.
    """
    conditions: list[ColumnElement[bool]] = []
    if actor:
        conditions.append(party_matches("actor", actor))
    if recipient:
        conditions.append(party_matches("recipient", recipient))
    if type:
        conditions.append(events.c.type == event_type(type))
    if since:
        conditions.append(events.c.day_last >= since.isoformat())
    if until:
        conditions.append(events.c.day_first <= until.isoformat())
    return and_(true(), *conditions)
