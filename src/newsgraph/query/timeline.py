"""One entity over time: what it said, and what others said about it, by date."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy import Connection

from newsgraph.query.entities import EntityCount, match_entities
from newsgraph.query.quotes import QuoteRow, fetch, mentioned_inside, quote_query
from newsgraph.store.schema import entities, quotes

Role = Literal["said", "about"]


@dataclass(slots=True)
class TimelineEntry:
    role: Role
    quote: QuoteRow

    def to_dict(self) -> dict[str, Any]:
        return {"role": self.role, **self.quote.to_dict()}


@dataclass(slots=True)
class Timeline:
    """The entity shown, the other entities its name also matched, and the dated quotes."""

    entity: EntityCount
    others: list[EntityCount] = field(default_factory=list)
    entries: list[TimelineEntry] = field(default_factory=list)

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

    def by_month(self) -> list[dict[str, Any]]:
        """Entries counted per publication month and role, oldest first (undated left out)."""
        counts: dict[str, dict[str, int]] = {}
        for entry in self.entries:
            if entry.quote.published:
                month = counts.setdefault(entry.quote.published[:7], {"said": 0, "about": 0})
                month[entry.role] += 1
        return [{"month": month, **counts[month]} for month in sorted(counts)]

    def to_dict(self) -> dict[str, Any]:
        return {
            "entity": self.entity.to_dict(),
            "others": [e.to_dict() for e in self.others],
            "entries": [e.to_dict() for e in self.entries],
        }


def _sort_key(entry: TimelineEntry) -> tuple[bool, str, int, int]:
    q = entry.quote
    return (q.published is None, q.published or "", q.article_id, q.content_start)


def timeline(conn: Connection, entity: str) -> Timeline | None:
    """The timeline of the entity best matching `entity`, or None when nothing matches.

    "About" quotes are those by anyone else whose content holds a mention of
    the entity, so "Assad must go" counts for Bashar al-Assad however he is named.
    """
    matches = match_entities(conn, entity)
    if not matches:
        return None
    return entity_timeline(conn, matches[0], matches[1:])


def entity_timeline(
    conn: Connection, chosen: EntityCount, others: list[EntityCount] | None = None
) -> Timeline:
    """The timeline of one corpus entity, already chosen (by id, or by `timeline`)."""
    said = fetch(conn, quote_query().where(quotes.c.speaker_entity_id == chosen.id))
    about = fetch(
        conn,
        quote_query().where(
            quotes.c.speaker_entity_id.is_distinct_from(chosen.id),
            mentioned_inside(entities.c.id == chosen.id),
        ),
    )
    entries = [TimelineEntry("said", q) for q in said] + [TimelineEntry("about", q) for q in about]
    return Timeline(chosen, others or [], sorted(entries, key=_sort_key))
