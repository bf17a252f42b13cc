"""Quotes by speaker, topic and date, with the article each one comes from."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, func, or_, select, true

from newsgraph.store.schema import articles, entities, quote_entities, quotes

_speaker = entities.alias("speaker_entity")
_addressee = entities.alias("addressee_entity")


@dataclass(slots=True)
class QuoteRow:
    """One quote: who said it (as written, and the corpus entity), what, where and when.

    Offsets are into `articles.text` of `article_id`.
    """

    id: int
    article_id: int
    speaker: str | None
    speaker_entity: str | None
    cue: str | None
    content: str
    kind: str
    hedges: list[str]
    addressee: str | None
    title: str | None
    url: str | None
    published: str | None
    content_start: int
    content_end: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def contains(column: ColumnElement[Any], term: str) -> ColumnElement[bool]:
    """Case-insensitive substring match, with % and _ in the term taken literally."""
    return func.lower(column).contains(term.lower(), autoescape=True)


def quote_query() -> Select[Any]:
    """Every quote joined to its article and to its speaker's and addressee's entities."""
    return (
        select(
            quotes.c.id,
            quotes.c.article_id,
            quotes.c.speaker,
            _speaker.c.name.label("speaker_entity"),
            quotes.c.cue,
            quotes.c.content,
            quotes.c.kind,
            quotes.c.hedges,
            func.coalesce(_addressee.c.name, quotes.c.addressee).label("addressee"),
            articles.c.title,
            articles.c.url,
            articles.c.published,
            quotes.c.content_start,
            quotes.c.content_end,
        )
        .join(articles, articles.c.id == quotes.c.article_id)
        .outerjoin(_speaker, _speaker.c.id == quotes.c.speaker_entity_id)
        .outerjoin(_addressee, _addressee.c.id == quotes.c.addressee_entity_id)
        .order_by(
            articles.c.published.is_(None),
            articles.c.published,
            quotes.c.article_id,
            quotes.c.content_start,
            quotes.c.id,  # a total order, so that pages of results never overlap
        )
    )


def mentioned_inside(entity_match: ColumnElement[bool]) -> ColumnElement[bool]:
    """The quote's content span holds a mention of an entity matching `entity_match`.

    Read from the (statement, entity) pairs the writer stores (`quote_entities`),
    found from the matching entities, once, rather than by matching every quote's
    span against its article's mentions.
    """
    holding = (
        select(quote_entities.c.quote_id)
        .join(entities, entities.c.id == quote_entities.c.entity_id)
        .where(entity_match)
        .correlate(None)  # its own pass, never one per outer row
    )
    return quotes.c.id.in_(holding)


def about_entity(entity_id: int, *on_pairs: ColumnElement[bool]) -> ColumnElement[bool]:
    """By anyone but the entity, with a mention of it inside the content: "what was said about"
    it, read from one index range of the stored pairs (narrowed by `on_pairs`, conditions on
    `quote_entities`' columns such as its `day`)."""
    holding = (
        select(quote_entities.c.quote_id)
        .where(
            quote_entities.c.entity_id == entity_id,
            quote_entities.c.speaker_entity_id.is_distinct_from(entity_id),
            *on_pairs,
        )
        .correlate(None)
    )
    return quotes.c.id.in_(holding)


def quote_row(fields: dict[str, Any]) -> QuoteRow:
    """A QuoteRow from the columns of a quote_query() row."""
    return QuoteRow(**{**fields, "hedges": [h["text"] for h in fields["hedges"] or []]})


def fetch(conn: Connection, query: Select[Any]) -> list[QuoteRow]:
    """Run a quote_query() and turn its rows into QuoteRows."""
    return [quote_row(dict(row._mapping)) for row in conn.execute(query)]


def find_quotes(
    conn: Connection,
    speaker: str | None = None,
    about: str | None = None,
    since: date | None = None,
    until: date | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[QuoteRow]:
    """Quotes matching every filter given, oldest article first; `offset` pages through them.

    `speaker` matches the speaker's corpus entity (name or key) or the speaker
    as written; `about` matches an entity mentioned inside the quote, or the
    quote's words. Dates compare on the article's publication day.
    """
    conditions = _conditions(speaker, about, since, until)
    return fetch(conn, quote_query().where(*conditions).limit(limit).offset(offset))


def quote_filter(
    speaker: str | None = None,
    about: str | None = None,
    since: date | None = None,
    until: date | None = None,
) -> ColumnElement[bool]:
    """`find_quotes`' filters as a test on the quotes table alone, for `export` to write
    the same quotes as a file."""
    conditions = _conditions(speaker, about, since, until)
    if not conditions:
        return true()
    matching = quote_query().where(*conditions).order_by(None).subquery()
    return quotes.c.id.in_(select(matching.c.id))


def _conditions(
    speaker: str | None, about: str | None, since: date | None, until: date | None
) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if speaker:
        conditions.append(
            or_(
                contains(_speaker.c.name, speaker),
                contains(_speaker.c.key, speaker),
                contains(quotes.c.speaker, speaker),
            )
        )
    if about:
        conditions.append(
            or_(
                contains(quotes.c.content, about),
                mentioned_inside(
                    or_(contains(entities.c.name, about), contains(entities.c.key, about))
                ),
            )
        )
    day = func.substr(articles.c.published, 1, 10)
    if since:
        conditions.append(day >= since.isoformat())
    if until:
        conditions.append(day <= until.isoformat())
    return conditions
