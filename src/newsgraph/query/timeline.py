"""One entity over time: what it said, what others said about it, what it did and had done to it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from sqlalchemy import (
    ColumnElement,
    Connection,
    and_,
    func,
    literal,
    or_,
    select,
    tuple_,
    union_all,
)

from newsgraph.query.entities import EntityCount, match_entities
from newsgraph.query.events import EventRow, events_by_key
from newsgraph.query.quotes import QuoteRow, mentioned_inside, quote_query, quote_row
from newsgraph.store.schema import articles, entities, event_parties, events, quotes

Role = Literal["said", "about"]
EventRole = Literal["actor", "recipient"]


@dataclass(slots=True)
class TimelineEntry:
    role: Role
    quote: QuoteRow

    def to_dict(self) -> dict[str, Any]:
        return {"role": self.role, **self.quote.to_dict()}


@dataclass(slots=True)
class TimelineEvent:
    """An event the entity took part in: as its actor (what it did) or its recipient."""

    role: EventRole
    event: EventRow

    def to_dict(self) -> dict[str, Any]:
        return {"role": self.role, **self.event.to_dict()}


@dataclass(slots=True)
class Timeline:
    """The entity shown, the other entities its name also matched, the dated quotes and events."""

    entity: EntityCount
    others: list[EntityCount] = field(default_factory=list)
    entries: list[TimelineEntry] = field(default_factory=list)
    events: list[TimelineEvent] = field(default_factory=list)

    def note(self, asked: str) -> str | None:
        """Which entity an ambiguous name was taken to mean, in words; None when unambiguous."""
        if not self.others:
            return None
        names = ", ".join(f"{e.name} ({e.key})" for e in self.others[:5])
        more = f" and {len(self.others) - 5} more" if len(self.others) > 5 else ""
        return (
            f"{asked!r} matches {len(self.others) + 1} entities; showing {self.entity.name} "
            f"({self.entity.key}, in {self.entity.articles} articles), not {names}{more}"
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "entity": self.entity.to_dict(),
            "others": [e.to_dict() for e in self.others],
            "entries": [e.to_dict() for e in self.entries],
            "events": [e.to_dict() for e in self.events],
        }


def _said(entity_id: int) -> ColumnElement[bool]:
    return quotes.c.speaker_entity_id == entity_id


def _about(entity_id: int) -> ColumnElement[bool]:
    """By anyone else, with a mention of the entity inside the content."""
    return and_(
        quotes.c.speaker_entity_id.is_distinct_from(entity_id),
        mentioned_inside(entities.c.id == entity_id),
    )


def timeline_entries(
    conn: Connection,
    entity_id: int,
    role: Role | None = None,
    since: date | None = None,
    until: date | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[TimelineEntry]:
    """What the entity said and what was said about it (or one `role`), oldest first.

    Dates compare on the article's publication day, inclusive; `limit` and
    `offset` page through the entries (all of them without a limit).
    """
    day = func.substr(articles.c.published, 1, 10)
    dated = [day >= since.isoformat()] if since else []
    dated += [day <= until.isoformat()] if until else []
    parts = [
        quote_query().order_by(None).add_columns(literal(name).label("role")).where(test, *dated)
        for name, test in (("said", _said(entity_id)), ("about", _about(entity_id)))
        if role in (None, name)
    ]
    both = union_all(*parts).subquery() if len(parts) > 1 else parts[0].subquery()
    query = (
        select(both)
        .order_by(
            both.c.published.is_(None),
            both.c.published,
            both.c.article_id,
            both.c.content_start,
            both.c.id,
        )
        .limit(limit)
        .offset(offset)
    )
    entries = []
    for row in conn.execute(query):
        fields = dict(row._mapping)
        found_role = fields.pop("role")
        entries.append(TimelineEntry(found_role, quote_row(fields)))
    return entries


def timeline_counts(conn: Connection, entity_id: int) -> list[dict[str, Any]]:
    """The entity's dated entries counted per publication month and role, oldest first."""
    month = func.substr(articles.c.published, 1, 7).label("month")
    counts: dict[str, dict[str, Any]] = {}
    for name, test in (("said", _said(entity_id)), ("about", _about(entity_id))):
        rows = conn.execute(
            select(month, func.count())
            .select_from(quotes)
            .join(articles, articles.c.id == quotes.c.article_id)
            .where(test, articles.c.published.is_not(None))
            .group_by(month)
        )
        for period, n in rows:
            counts.setdefault(period, {"month": period, "said": 0, "about": 0})[name] = int(n)
    return [counts[period] for period in sorted(counts)]


def timeline(conn: Connection, entity: str) -> Timeline | None:
    """The timeline of the entity best matching `entity`, or None when nothing matches.

    "About" quotes are those by anyone else whose content holds a mention of
    the entity, so "Assad must go" counts for Bashar al-Assad however he is named.
    """
    matches = match_entities(conn, entity)
    if not matches:
        return None
    chosen = matches[0]
    entries = timeline_entries(conn, chosen.id)
    return Timeline(chosen, matches[1:], entries, event_entries(conn, chosen))


def event_entries(
    conn: Connection,
    entity: EntityCount,
    role: EventRole | None = None,
    since: date | None = None,
    until: date | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[TimelineEvent]:
    """What the entity did and had done to it (or one `role`), earliest first.

    An event counts on its day (`event_day`); `since` and `until` compare on
    it, inclusive, so the events of a week are those `event_days` counts in it.
    A country also takes the parties that name no entity but carry its code
    ("Russian forces" for Russia); other entities take only their own mentions.
    The page is chosen on the events' keys, then only its events are read.
    """
    country = _country(entity)
    day = event_day().label("day")
    dated = [day >= since.isoformat()] if since else []
    dated += [day <= until.isoformat()] if until else []
    roles: tuple[EventRole, ...] = ("actor", "recipient")
    parts = [
        select(events.c.article_id, events.c.seq, events.c.trigger_start, day)
        .add_columns(literal(name).label("role"))
        .join(articles, articles.c.id == events.c.article_id)
        .where(_takes_part(name, entity.id, country), *dated)
        for name in roles
        if role in (None, name)
    ]
    both = union_all(*parts).subquery() if len(parts) > 1 else parts[0].subquery()
    keys = conn.execute(
        select(both.c.article_id, both.c.seq, both.c.role)
        .order_by(
            both.c.day.is_(None), both.c.day, both.c.article_id, both.c.trigger_start, both.c.role
        )
        .limit(limit)
        .offset(offset)
    ).all()
    found = events_by_key(conn, list(dict.fromkeys((a, s) for a, s, _ in keys)))
    return [TimelineEvent(r, found[(a, s)]) for a, s, r in keys]


def event_days(conn: Connection, entity: EntityCount) -> list[tuple[str, EventRole, int]]:
    """(day, role, events) of what the entity did and had done to it; undated ones under ""."""
    day = func.coalesce(event_day(), "").label("day")
    found: list[tuple[str, EventRole, int]] = []
    roles: tuple[EventRole, ...] = ("actor", "recipient")
    for role in roles:
        rows = conn.execute(
            select(day, func.count())
            .select_from(events.join(articles, articles.c.id == events.c.article_id))
            .where(_takes_part(role, entity.id, _country(entity)))
            .group_by(day)
        )
        found += [(str(r[0]), role, int(r[1])) for r in rows]
    return sorted(found)


def event_day() -> ColumnElement[str]:
    """The one day an event is counted on: the first its date covers, else its article's."""
    return func.coalesce(events.c.day_first, func.substr(articles.c.published, 1, 10))


def _country(entity: EntityCount) -> str | None:
    return entity.key.removeprefix("iso3:") if entity.key.startswith("iso3:") else None


def _takes_part(role: str, entity_id: int, country: str | None) -> ColumnElement[bool]:
    """The event has a `role` party that is the entity (or, for a country, carries its code
    and names no entity): found from the parties' entity and country indexes, once."""
    same: ColumnElement[bool] = event_parties.c.entity_id == entity_id
    if country is not None:
        same = or_(
            same, and_(event_parties.c.entity_id.is_(None), event_parties.c.country == country)
        )
    parties = select(event_parties.c.article_id, event_parties.c.event_seq).where(
        event_parties.c.role == role, same
    )
    found: ColumnElement[bool] = tuple_(events.c.article_id, events.c.seq).in_(parties)
    return found
