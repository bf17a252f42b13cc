"""Events into the corpus: one `events` row per event, one `event_parties` row per party,
the (actor, recipient) entity pairs the network draws (`event_pairs`) and the entities
taking part in each event (`event_entities`, an entity's timeline; store/derived.py).

The event's JSON stays whole in `record`; the columns beside it are what
queries filter and join on (type, date, place, modality, the parties'
entities and countries). A TIMEX date such as "2016-02" covers a whole
month, so each event also gets the first and last calendar day its date
covers (`day_first`, `day_last`): "since March 1" then keeps an event dated
"2016-03" and "until February 29" one dated "2016".
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, delete, insert

from newsgraph.model import Event, EventParty
from newsgraph.store.derived import add_event_entities, add_event_pairs
from newsgraph.store.schema import event_entities, event_pairs, event_parties, events

_DAY = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:$|T)")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(?:$|-)")
_PART = re.compile(r"^(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI)$")
# First and last month of each part of a year (winter: the December that starts it
# is the year before's, so a "2016-WI" is taken as January to February).
_PART_MONTHS = {
    "Q1": (1, 3),
    "Q2": (4, 6),
    "Q3": (7, 9),
    "Q4": (10, 12),
    "H1": (1, 6),
    "H2": (7, 12),
    "SP": (3, 5),
    "SU": (6, 8),
    "FA": (9, 11),
    "WI": (1, 2),
}


def day_range(value: str | None) -> tuple[str | None, str | None]:
    """The first and last ISO day a TIMEX3 date value covers; (None, None) when it names none.

    "2016-03-14" and "2016-03-14T10:00" are one day, "2016-02" a month, "2016"
    a year, "2016-W11" a week, "2016-Q1" or "2016-SU" part of a year;
    "PAST_REF" or a duration covers no day the calendar can name.
    """
    if not value:
        return None, None
    if match := _WEEK.match(value):
        try:
            monday = date.fromisocalendar(int(match[1]), int(match[2]), 1)
        except ValueError:
            return None, None
        return monday.isoformat(), (monday + timedelta(days=6)).isoformat()
    if match := _PART.match(value):
        year, (first, last) = int(match[1]), _PART_MONTHS[match[2]]
        return _span(year, first, 1, last, calendar.monthrange(year, last)[1])
    if not (match := _DAY.match(value)):
        return None, None
    year = int(match[1])
    if match[3]:
        month, day = int(match[2]), int(match[3])
        return _span(year, month, day, month, day)
    if match[2]:
        month = int(match[2])
        if not 1 <= month <= 12:
            return None, None
        return _span(year, month, 1, month, calendar.monthrange(year, month)[1])
    return _span(year, 1, 1, 12, 31)


def _span(year: int, m1: int, d1: int, m2: int, d2: int) -> tuple[str | None, str | None]:
    try:
        return date(year, m1, d1).isoformat(), date(year, m2, d2).isoformat()
    except ValueError:
        return None, None


def event_row(
    article_id: int, seq: int, event: Event, ids: Mapping[str, int], added: str
) -> dict[str, Any]:
    """The `events` row of one event; `ids` maps the article's entity ids to corpus ids,
    `added` is when it is stored (UTC)."""
    where = event.location
    when = event.date
    first, last = day_range(when.value if when else None)
    return {
        "article_id": article_id,
        "seq": seq,
        "local_id": event.id,
        "type": event.type,
        "mode": event.mode,
        "contexts": list(event.contexts),
        "trigger_start": event.trigger.start,
        "trigger_end": event.trigger.end,
        "trigger": event.trigger.text,
        "sentence_start": event.sentence.start,
        "sentence_end": event.sentence.end,
        "date": when.value if when else None,
        "date_source": when.source if when else None,
        "day_first": first,
        "day_last": last,
        "location": where.span.text if where else None,
        "location_entity_id": ids.get(where.entity) if where and where.entity else None,
        "geonames": where.geonames if where else None,
        "lat": where.lat if where else None,
        "lon": where.lon if where else None,
        "location_country": where.country if where else None,
        "modality": event.modality,
        "quote_local_id": event.quote,
        "cameo": event.cameo,
        "confidence": event.confidence,
        "added": added,
        "record": event.to_dict(),
    }


def party_rows(
    article_id: int, seq: int, event: Event, ids: Mapping[str, int]
) -> list[dict[str, Any]]:
    """The `event_parties` rows of one event: its actors, then its recipients."""
    rows = []
    groups: tuple[tuple[str, list[EventParty]], ...] = (
        ("actor", event.actors),
        ("recipient", event.recipients),
    )
    for role, parties in groups:
        for i, party in enumerate(parties):
            rows.append(
                {
                    "article_id": article_id,
                    "event_seq": seq,
                    "role": role,
                    "seq": i,
                    **party.span.to_dict(),
                    "entity_id": ids.get(party.entity) if party.entity else None,
                    "country": party.country,
                    "sector": party.sector,
                }
            )
    return rows


def insert_events(
    conn: Connection, article_id: int, found: list[Event], ids: Mapping[str, int]
) -> None:
    """Store the events of a newly stored article: one batch per table, as other findings are."""
    if not found:
        return
    added = datetime.now(UTC).isoformat(timespec="seconds")
    rows = [event_row(article_id, i, e, ids, added) for i, e in enumerate(found)]
    conn.execute(insert(events), rows)
    parties = [row for i, e in enumerate(found) for row in party_rows(article_id, i, e, ids)]
    if parties:
        conn.execute(insert(event_parties), parties)
        add_event_pairs(conn, article_id)
        add_event_entities(conn, article_id)


def replace_events(
    conn: Connection, article_id: int, found: list[Event], ids: Mapping[str, int]
) -> None:
    """Store the article's events in place of any it had, so rewriting never duplicates."""
    conn.execute(delete(event_entities).where(event_entities.c.article_id == article_id))
    conn.execute(delete(event_pairs).where(event_pairs.c.article_id == article_id))
    conn.execute(delete(event_parties).where(event_parties.c.article_id == article_id))
    conn.execute(delete(events).where(events.c.article_id == article_id))
    insert_events(conn, article_id, found, ids)
