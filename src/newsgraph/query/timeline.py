"""One entity over time: what it said, what others said about it, what it did and had done to it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Literal

from sqlalchemy import (
    ColumnElement,
    Connection,
    Subquery,
    and_,
    func,
    literal,
    or_,
    select,
    union_all,
)

from newsgraph.query.entities import EntityCount, match_entities
from newsgraph.query.events import EventRow, events_by_key
from newsgraph.query.quotes import QuoteRow, about_entity, quote_query, quote_row
from newsgraph.store.schema import (
    articles,
    event_entities,
    quote_entities,
    quotes,
)

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


def _window(
    day: ColumnElement[Any], first: str | None, last: str | None, undated: bool
) -> list[ColumnElement[bool]]:
    """The conditions keeping days from `first` to `last` (ISO, inclusive), and the undated
    ones too when `undated`."""
    kept = [day >= first] if first else []
    kept += [day <= last] if last else []
    if undated and kept:
        return [or_(day.is_(None), and_(*kept))]
    return kept


def _keys(
    entity_id: int, role: Role | None, first: str | None, last: str | None, undated: bool
) -> Subquery:
    """(id, role) and the order keys of the entity's entries: a narrow union to sort and page,
    whose few kept rows are then read whole. The "about" half is narrowed by date on the
    stored pairs' own day, inside their index."""
    published_day = func.substr(articles.c.published, 1, 10)
    said = [_said(entity_id), *_window(published_day, first, last, undated)]
    # the articles of the window, found by their index: "2016-03-15T10:00" is on or
    # after the day "2016-03-15", and before the day after `last`
    published = [articles.c.published >= first] if first else []
    if last and last < date.max.isoformat():
        after = date.fromisoformat(last) + timedelta(days=1)
        published.append(articles.c.published < after.isoformat())
    if published:
        if undated:
            published = [or_(articles.c.published.is_(None), and_(*published))]
        said.append(quotes.c.article_id.in_(select(articles.c.id).where(*published)))
    tests = (
        ("said", and_(*said)),
        ("about", about_entity(entity_id, *_window(quote_entities.c.day, first, last, undated))),
    )
    parts = [
        select(
            quotes.c.id,
            literal(name).label("role"),
            articles.c.published,
            quotes.c.article_id,
            quotes.c.content_start,
        )
        .join(articles, articles.c.id == quotes.c.article_id)
        .where(test)
        for name, test in tests
        if role in (None, name)
    ]
    return union_all(*parts).subquery() if len(parts) > 1 else parts[0].subquery()


def timeline_entries(
    conn: Connection,
    entity_id: int,
    role: Role | None = None,
    since: date | None = None,
    until: date | None = None,
    limit: int | None = None,
    offset: int = 0,
    newest_first: bool = False,
    with_undated: bool = False,
) -> list[TimelineEntry]:
    """What the entity said and what was said about it (or one `role`), oldest first
    (`newest_first`: the exact reverse).

    Dates compare on the article's publication day, inclusive (`with_undated` keeps
    the undated entries too); `limit` and `offset` page through the entries (all of
    them without a limit).
    """
    first, last = since.isoformat() if since else None, until.isoformat() if until else None
    keys = _keys(entity_id, role, first, last, with_undated)

    def ordered(table: Subquery) -> list[ColumnElement[Any]]:
        c = table.c
        return _in_order(
            [c.published.is_(None), c.published, c.article_id, c.content_start, c.id], newest_first
        )

    paged = select(keys).order_by(*ordered(keys)).limit(limit).offset(offset).subquery()
    query = (
        quote_query()
        .order_by(None)
        .add_columns(paged.c.role.label("role"))
        .join(paged, paged.c.id == quotes.c.id)
        .order_by(*ordered(paged))
    )
    entries = []
    for row in conn.execute(query):
        fields = dict(row._mapping)
        found_role = fields.pop("role")
        entries.append(TimelineEntry(found_role, quote_row(fields)))
    return entries


def _in_order(keys: list[ColumnElement[Any]], newest_first: bool) -> list[ColumnElement[Any]]:
    """The sort keys of a timeline, oldest first, or each reversed for the exact reverse."""
    return [key.desc() for key in keys] if newest_first else keys


def latest_entries(
    conn: Connection, entity_id: int, days: list[tuple[str, Role, int]], limit: int
) -> list[TimelineEntry]:
    """The `limit` newest entries, as `timeline_entries(newest_first=True)` gives them
    (undated first), read from the latest days alone: `days` (`timeline_days`) says from
    which day on there are enough, so a timeline of years is not sorted for its last page."""
    since = _enough_since(days, limit)
    return timeline_entries(
        conn, entity_id, since=since, limit=limit, newest_first=True, with_undated=True
    )


def latest_events(
    conn: Connection, entity: EntityCount, days: list[tuple[str, EventRole, int]], limit: int
) -> list[TimelineEvent]:
    """The `limit` newest events, as `event_entries(newest_first=True)` gives them, read
    from the latest of `days` (`event_days`) alone, as `latest_entries` reads statements."""
    since = _enough_since(days, limit)
    return event_entries(
        conn, entity, since=since, limit=limit, newest_first=True, with_undated=True
    )


def _enough_since(days: Sequence[tuple[str, str, int]], limit: int) -> date | None:
    """The latest day from which on, with the undated ones, `days` count `limit` items;
    None when all of them are needed."""
    undated = sum(n for day, _, n in days if not day)
    per_day: dict[str, int] = {}
    for day, _, n in days:
        if day:
            per_day[day] = per_day.get(day, 0) + n
    cutoff, held = None, undated
    for day in sorted(per_day, reverse=True):
        cutoff, held = day, held + per_day[day]
        if held >= limit:
            break
    try:
        return date.fromisoformat(cutoff) if cutoff and held >= limit else None
    except ValueError:  # a publication "day" that is no calendar day: read them all
        return None


def _by_period(conn: Connection, entity_id: int, chars: int) -> list[tuple[str, Role, int]]:
    """(period, role, statements): the entity's timeline counted by the first `chars`
    characters of the publication day (10: a day, 7: a month); undated under ""."""
    # counted per article first, so that each article's day is read once
    per_article = (
        select(quotes.c.article_id, func.count().label("n"))
        .where(_said(entity_id))
        .group_by(quotes.c.article_id)
        .subquery()
    )
    said_period = func.coalesce(func.substr(articles.c.published, 1, chars), "").label("period")
    said = (
        select(said_period, func.sum(per_article.c.n))
        .select_from(per_article.join(articles, articles.c.id == per_article.c.article_id))
        .group_by(said_period)
    )
    pairs = quote_entities
    about_period = func.coalesce(func.substr(pairs.c.day, 1, chars), "").label("period")
    about = (
        select(about_period, func.count())
        .where(
            pairs.c.entity_id == entity_id, pairs.c.speaker_entity_id.is_distinct_from(entity_id)
        )
        .group_by(about_period)
    )
    roles: tuple[Role, ...] = ("said", "about")
    return sorted(
        (str(period), role, int(n))
        for role, query in zip(roles, (said, about), strict=True)
        for period, n in conn.execute(query)
    )


def timeline_days(conn: Connection, entity_id: int) -> list[tuple[str, Role, int]]:
    """(publication day, role, statements) of the entity's timeline; undated ones under "".

    Per day, where `timeline_counts` gives months, so a page can count by week
    a timeline that spans a few weeks.
    """
    return _by_period(conn, entity_id, 10)


def timeline_counts(conn: Connection, entity_id: int) -> list[dict[str, Any]]:
    """The entity's dated entries counted per publication month and role, oldest first."""
    counts: dict[str, dict[str, Any]] = {}
    for period, role, n in _by_period(conn, entity_id, 7):
        if period:
            counts.setdefault(period, {"month": period, "said": 0, "about": 0})[role] = n
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
    newest_first: bool = False,
    with_undated: bool = False,
) -> list[TimelineEvent]:
    """What the entity did and had done to it (or one `role`), earliest first
    (`newest_first`: the exact reverse).

    An event counts on its day (its first, else its article's publication day);
    `since` and `until` compare on it, inclusive (`with_undated` keeps the undated
    ones too), so the events of a week are those `event_days` counts in it. Who
    takes part is decided once, as the events are stored (store/derived.py: a
    country also takes the parties that name no entity but carry its code). The
    page is chosen on the stored rows' index, then only its events are read.
    """
    taking = event_entities
    first, last = (d.isoformat() if d else None for d in (since, until))
    roles = [taking.c.role == role] if role else []
    c = taking.c
    order = [c.day.is_(None), c.day, c.article_id, c.trigger_start, c.role]
    keys = conn.execute(
        select(taking.c.article_id, taking.c.event_seq, taking.c.role)
        .where(
            taking.c.entity_id == entity.id,
            *roles,
            *_window(taking.c.day, first, last, with_undated),
        )
        .order_by(*_in_order(order, newest_first))
        .limit(limit)
        .offset(offset)
    ).all()
    found = events_by_key(conn, list(dict.fromkeys((a, s) for a, s, _ in keys)))
    return [TimelineEvent(r, found[(a, s)]) for a, s, r in keys]


def event_days(conn: Connection, entity: EntityCount) -> list[tuple[str, EventRole, int]]:
    """(day, role, events) of what the entity did and had done to it; undated ones under ""."""
    day = func.coalesce(event_entities.c.day, "").label("day")
    rows = conn.execute(
        select(day, event_entities.c.role, func.count())
        .where(event_entities.c.entity_id == entity.id)
        .group_by(day, event_entities.c.role)
    )
    return sorted((str(d), role, int(n)) for d, role, n in rows)
