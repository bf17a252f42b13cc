"""What the pages count, derived from an article's findings as the article is stored.

Two things would otherwise be worked out over the whole corpus on every page:
which statements mention which entities (a mention inside the content span:
the network, "what was said about X", the timelines) and how widely each
entity is reported (the rankings, every entity shown with its counts). The
writer adds both for each article in the transaction that stores it
(`add_derived`); the same statements fill them for a whole corpus when an
older one is upgraded (store/migrations.py), so one rule holds for both.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, Connection, and_, func, insert, select

from newsgraph.store.schema import (
    article_entities,
    articles,
    entities,
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


def add_derived(conn: Connection, article_id: int | None = None) -> None:
    """Everything this module derives, for one newly stored article (or the whole corpus)."""
    add_quote_entities(conn, article_id)
    add_reach(conn, article_id)
