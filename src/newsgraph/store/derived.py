"""What the pages count, derived from an article's findings as the article is stored.

Three things would otherwise be worked out over the whole corpus on every page:
which statements mention which entities (a mention inside the content span:
the network, "what was said about X", the timelines), which entities act on
which in events (the network's "who does what to whom"), which entities take
part in which events and on what day (an entity's timeline), and how widely each
entity is reported (the rankings, every entity shown with its counts). The
writer adds them for each article in the transaction that stores it; the same
statements fill them for a whole corpus when an older one is upgraded
(store/migrations.py), so one rule holds for both.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Connection, and_, func, insert, literal, or_, select

from newsgraph.store.schema import (
    article_entities,
    articles,
    entities,
    event_entities,
    event_pairs,
    event_parties,
    events,
    mentions,
    quote_entities,
    quotes,
)


def _of(column: ColumnElement[int], article_id: int | None) -> list[ColumnElement[bool]]:
    """The condition keeping one article's rows; none for the whole corpus."""
    return [] if article_id is None else [column == article_id]


def add_quote_entities(conn: Connection, article_id: int | None = None) -> None:
    """Store a (statement, entity) row for each entity mentioned inside a statement's content,
    for the statements of one article (or of the whole corpus)."""
    inside = and_(
        mentions.c.article_id == quotes.c.article_id,
        mentions.c.start >= quotes.c.content_start,
        mentions.c.end <= quotes.c.content_end,
    )
    found = (
        select(
            quotes.c.id,
            mentions.c.entity_id,
            quotes.c.article_id,
            quotes.c.speaker_entity_id,
            func.substr(articles.c.published, 1, 10),
        )
        .distinct()
        .select_from(
            quotes.join(mentions, inside).join(articles, articles.c.id == quotes.c.article_id)
        )
        .where(*_of(quotes.c.article_id, article_id))
    )
    columns = ["quote_id", "entity_id", "article_id", "speaker_entity_id", "day"]
    conn.execute(insert(quote_entities).from_select(columns, found))


def add_reach(conn: Connection, article_id: int | None = None) -> None:
    """Add one article's (or the whole corpus's) articles, mentions and statements to the
    counts of the entities it names.

    An addition in the database (`count = count + n`), so that concurrent writers on
    PostgreSQL each add their own article's share.
    """
    named = select(article_entities.c.entity_id).where(
        *_of(article_entities.c.article_id, article_id)
    )
    seen = article_entities.c.entity_id == entities.c.id
    n_articles = (
        select(func.count(article_entities.c.article_id.distinct()))
        .where(seen, *_of(article_entities.c.article_id, article_id))
        .scalar_subquery()
    )
    n_mentions = (
        select(func.coalesce(func.sum(article_entities.c.mention_count), 0))
        .where(seen, *_of(article_entities.c.article_id, article_id))
        .scalar_subquery()
    )
    n_quotes = (
        select(func.count())
        .select_from(quotes)
        .where(quotes.c.speaker_entity_id == entities.c.id, *_of(quotes.c.article_id, article_id))
        .scalar_subquery()
    )
    conn.execute(
        entities.update()
        .where(entities.c.id.in_(named.distinct()))
        .values(
            article_count=entities.c.article_count + n_articles,
            mention_count=entities.c.mention_count + n_mentions,
            quote_count=entities.c.quote_count + n_quotes,
        )
    )


def _party(role: str) -> tuple[Any, Any, ColumnElement[int]]:
    """The `role` parties of events joined to their country's entity; the party table; and the
    entity each party stands for: its own, else its country's."""
    party = event_parties.alias(role)
    country = entities.alias(f"{role}_country")
    joined = party.outerjoin(
        country,
        and_(party.c.entity_id.is_(None), country.c.key == literal("iso3:") + party.c.country),
    )
    return joined, party, func.coalesce(party.c.entity_id, country.c.id)


def add_event_pairs(
    conn: Connection, article_id: int | None = None, country: str | None = None
) -> None:
    """Store a row for each event and (actor entity, recipient entity) pair of it, for the
    events of one article (or of the whole corpus).

    `country`: only the pairs one of whose parties names no entity but carries that code,
    for a country entity just created (see `add_country`)."""
    actors, actor, source = _party("actor")
    recipients, recipient, target = _party("recipient")
    joined = actors.join(
        recipients,
        and_(
            recipient.c.article_id == actor.c.article_id,
            recipient.c.event_seq == actor.c.event_seq,
            recipient.c.role == "recipient",
        ),
    ).join(
        events, and_(events.c.article_id == actor.c.article_id, events.c.seq == actor.c.event_seq)
    )
    found = (
        select(
            actor.c.article_id,
            actor.c.event_seq,
            source,
            target,
            events.c.day_first,
            events.c.day_last,
        )
        .distinct()
        .select_from(joined)
        .where(
            actor.c.role == "actor",
            source.is_not(None),
            target.is_not(None),
            source != target,
            *_of(actor.c.article_id, article_id),
            *([or_(_unnamed(actor, country), _unnamed(recipient, country))] if country else []),
        )
    )
    columns = [
        "article_id",
        "event_seq",
        "source_entity_id",
        "target_entity_id",
        "day_first",
        "day_last",
    ]
    conn.execute(insert(event_pairs).from_select(columns, found))


def add_event_entities(
    conn: Connection, article_id: int | None = None, country: str | None = None
) -> None:
    """Store a row for each event and entity taking part in it as actor or recipient, with the
    day the event is counted on, for the events of one article (or of the whole corpus).

    `country`: only the parties naming no entity but carrying that code, for a country
    entity just created (see `add_country`)."""
    day = func.coalesce(events.c.day_first, func.substr(articles.c.published, 1, 10))
    for role in ("actor", "recipient"):
        joined, party, entity = _party(role)
        found = (
            select(
                entity,
                literal(role),
                party.c.article_id,
                party.c.event_seq,
                day,
                events.c.trigger_start,
            )
            .distinct()
            .select_from(
                joined.join(
                    events,
                    and_(
                        events.c.article_id == party.c.article_id,
                        events.c.seq == party.c.event_seq,
                    ),
                ).join(articles, articles.c.id == events.c.article_id)
            )
            .where(
                party.c.role == role,
                entity.is_not(None),
                *_of(party.c.article_id, article_id),
                *([_unnamed(party, country)] if country else []),
            )
        )
        columns = ["entity_id", "role", "article_id", "event_seq", "day", "trigger_start"]
        conn.execute(insert(event_entities).from_select(columns, found))


def _unnamed(party: Any, country: str) -> ColumnElement[bool]:
    found: ColumnElement[bool] = and_(party.c.entity_id.is_(None), party.c.country == country)
    return found


def add_country(conn: Connection, code: str) -> None:
    """The event pairs and event entities of a country entity just created: the parties that
    name no entity but carry its code ("Syrian forces") stand for it, and those stored
    before it existed found no entity to stand for."""
    add_event_pairs(conn, country=code)
    add_event_entities(conn, country=code)


def add_derived(conn: Connection, article_id: int | None = None) -> None:
    """The statement pairs and entity counts, for one newly stored article (or the whole
    corpus); the event pairs and entities are added with the events (store/events.py)."""
    add_quote_entities(conn, article_id)
    add_reach(conn, article_id)
