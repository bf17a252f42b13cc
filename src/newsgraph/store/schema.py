"""The corpus tables: one SQLAlchemy Core schema for SQLite and PostgreSQL.

Plain tables with plain columns, so that Datasette or any SQL client can read
a corpus directly; docs/store.md describes each one. Findings keep their
article-local ids (`local_id`: "q3", "e1") and character offsets into
`articles.text`, so every row points back to the exact characters it came
from. Entities are corpus-wide: one row per canonical key, however many
articles mention it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Float,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

meta = Table(
    "meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

articles = Table(
    "articles",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("text_hash", String(64), nullable=False, unique=True),
    # the id of the first stored article of the same story (near duplicates share it)
    Column("story_id", Integer, nullable=False, index=True),
    Column("url", Text),
    Column("title", Text),
    Column("published", String(32), index=True),
    Column("published_source", String(16)),
    Column("site", Text),
    Column("language", String(8)),
    Column("input_kind", String(16), nullable=False),
    Column("text", Text, nullable=False),
    Column("minhash", LargeBinary),
    # the whole public JSON object (schema newsgraph.article/1): lossless export
    Column("record", JSON, nullable=False),
)
# The order every list of statements is read in (dated first, oldest first): scanned in
# this index, the first page of a list comes from its first articles, not from a sort
# of every statement. An index of expressions, as both SQLite and PostgreSQL have.
Index("ix_articles_order", articles.c.published.is_(None), articles.c.published, articles.c.id)

# Every input that produced an article: the first one and each exact duplicate.
article_sources = Table(
    "article_sources",
    metadata,
    Column("input_key", Text, primary_key=True),
    Column("article_id", Integer, ForeignKey("articles.id"), nullable=False, index=True),
    Column("path", Text),
    Column("url", Text),
)

# Locality-sensitive hash bands of each article's MinHash: near-duplicate lookup.
story_bands = Table(
    "story_bands",
    metadata,
    Column("band", Integer, nullable=False),
    Column("hash", BigInteger, nullable=False),
    Column("article_id", Integer, ForeignKey("articles.id"), nullable=False),
    Index("ix_story_bands_band_hash", "band", "hash"),
)

failures = Table(
    "failures",
    metadata,
    Column("input_key", Text, primary_key=True),
    Column("reason", Text, nullable=False),
    Column("at", String(32), nullable=False),
)

blocks = Table(
    "blocks",
    metadata,
    Column("article_id", Integer, ForeignKey("articles.id"), primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
)

authors = Table(
    "authors",
    metadata,
    Column("article_id", Integer, ForeignKey("articles.id"), primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("name", Text, nullable=False),
    Column("bio", Text),
)

entities = Table(
    "entities",
    metadata,
    Column("id", Integer, primary_key=True),
    # "iso3:RUS", "geonames:170654", "iso3166_2:SY-LA", "key:vladimir-putin", or "PERSON:name-slug"
    Column("key", String(255), nullable=False, unique=True),
    Column("name", Text, nullable=False),
    Column("type", String(16), nullable=False, index=True),
    Column("kb", JSON, nullable=False),
    Column("codes", JSON, nullable=False),
    # Its reach, counted as each article is stored so that no page counts the corpus:
    # the articles naming it, its mentions in them, the statements it speaks.
    Column("article_count", Integer, nullable=False, server_default="0"),
    Column("mention_count", Integer, nullable=False, server_default="0"),
    Column("quote_count", Integer, nullable=False, server_default="0"),
    Index("ix_entities_reach", "article_count", "mention_count", "quote_count"),
    Index("ix_entities_quote_count", "quote_count"),
)

# One entity in one article: its local id, the name and titles it has there.
article_entities = Table(
    "article_entities",
    metadata,
    Column("article_id", Integer, ForeignKey("articles.id"), primary_key=True),
    Column("local_id", String(16), primary_key=True),
    Column("entity_id", Integer, ForeignKey("entities.id"), nullable=False, index=True),
    Column("name", Text, nullable=False),
    Column("titles", JSON, nullable=False),
    Column("mention_count", Integer, nullable=False),
)

mentions = Table(
    "mentions",
    metadata,
    Column("article_id", Integer, ForeignKey("articles.id"), nullable=False, index=True),
    Column("entity_id", Integer, ForeignKey("entities.id"), nullable=False, index=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
)

quotes = Table(
    "quotes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", Integer, ForeignKey("articles.id"), nullable=False, index=True),
    Column("local_id", String(16), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("content_start", Integer, nullable=False),
    Column("content_end", Integer, nullable=False),
    Column("content", Text, nullable=False),
    Column("cue_start", Integer),
    Column("cue_end", Integer),
    Column("cue", Text),
    Column("speaker_start", Integer),
    Column("speaker_end", Integer),
    Column("speaker", Text),
    Column("speaker_entity_id", Integer, ForeignKey("entities.id")),
    Column("addressee_start", Integer),
    Column("addressee_end", Integer),
    Column("addressee", Text),
    Column("addressee_entity_id", Integer, ForeignKey("entities.id")),
    Column("hedges", JSON, nullable=False),
    Column("within_local_id", String(16)),
    # "What was said about X" joins the entity's mentions to the statements whose
    # content holds them: this index answers that join without reading the rows.
    Index("ix_quotes_content_span", "article_id", "content_start", "content_end"),
    # A speaker's statements counted per article (the timelines) from the index alone.
    Index("ix_quotes_speaker", "speaker_entity_id", "article_id"),
)


# One statement and one entity that its content mentions (a mention inside its content
# span: what `quotes --about`, the timelines and the network ask), found once at ingest.
# The speaker's entity and the article's publication day are copied from the statement
# and its article, which never change once stored, so that the network's edges and an
# entity's timeline are counted from this table's indexes alone.
quote_entities = Table(
    "quote_entities",
    metadata,
    Column("quote_id", Integer, ForeignKey("quotes.id"), primary_key=True),
    Column("entity_id", Integer, ForeignKey("entities.id"), primary_key=True),
    Column("article_id", Integer, ForeignKey("articles.id"), nullable=False, index=True),
    Column("speaker_entity_id", Integer, ForeignKey("entities.id")),
    Column("day", String(10)),  # the first ten characters of articles.published
    Index("ix_quote_entities_about", "entity_id", "day", "speaker_entity_id"),
    Index("ix_quote_entities_edge", "speaker_entity_id", "entity_id", "day"),
    # on SQLite, rows kept in the primary key's order, whose columns every index then holds:
    # the indexes above answer the pages' counts without reading the table
    sqlite_with_rowid=False,
)


def _finding(name: str, *columns: Column[Any]) -> Table:
    """A table of one kind of finding: its article, local id and span, then its own columns."""
    return Table(
        name,
        metadata,
        Column("article_id", Integer, ForeignKey("articles.id"), nullable=False, index=True),
        Column("local_id", String(16), nullable=False),
        Column("start", Integer, nullable=False),
        Column("end", Integer, nullable=False),
        Column("text", Text, nullable=False),
        *columns,
    )


timexes = _finding(
    "timexes",
    Column("type", String(16), nullable=False),
    Column("value", String(64), nullable=False),
    Column("mod", String(16)),
)

quantities = _finding(
    "quantities",
    Column("value", Float, nullable=False),
    Column("unit", Text),
    Column("approx", Boolean, nullable=False),
    Column("bound", String(8)),
    Column("quote_local_id", String(16)),
)

# One political event (PLOVER 2.0): what was done, when, where, how firmly, with its JSON.
# `day_first`/`day_last` are the calendar days its date covers ("2016-02": the whole month).
events = Table(
    "events",
    metadata,
    Column("article_id", Integer, ForeignKey("articles.id"), primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("local_id", String(16), nullable=False),
    Column("type", String(16), nullable=False, index=True),
    Column("mode", String(32)),
    Column("contexts", JSON, nullable=False),
    Column("trigger_start", Integer, nullable=False),
    Column("trigger_end", Integer, nullable=False),
    Column("trigger", Text, nullable=False),
    Column("sentence_start", Integer, nullable=False),
    Column("sentence_end", Integer, nullable=False),
    Column("date", String(64)),
    Column("date_source", String(16)),
    Column("day_first", String(10), index=True),
    Column("day_last", String(10), index=True),
    Column("location", Text),
    Column("location_entity_id", Integer, ForeignKey("entities.id")),
    Column("geonames", String(32)),
    Column("lat", Float),
    Column("lon", Float),
    Column("location_country", String(8)),
    Column("modality", String(16), nullable=False),
    Column("quote_local_id", String(16)),
    Column("cameo", String(8)),
    Column("confidence", Float, nullable=False),
    Column("added", String(32), nullable=False),
    Column("record", JSON, nullable=False),
)

# The actors and recipients of each event, one row per party ("Russia, the United States
# and other powers" gives three), each with its corpus entity when it names one.
event_parties = Table(
    "event_parties",
    metadata,
    Column("article_id", Integer, primary_key=True),
    Column("event_seq", Integer, primary_key=True),
    Column("role", String(16), primary_key=True),  # actor or recipient
    Column("seq", Integer, primary_key=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("entity_id", Integer, ForeignKey("entities.id"), index=True),
    Column("country", String(8), index=True),
    Column("sector", String(16)),
    ForeignKeyConstraint(
        ["article_id", "event_seq"], ["events.article_id", "events.seq"], ondelete="CASCADE"
    ),
)

# One event and one (actor, recipient) pair of the entities its parties stand for (a party
# naming no entity but a country code, "Russian forces", stands for that country's entity),
# with the days its date covers copied from the event: the network's "who does what to
# whom" edges, counted from this table's indexes alone. Derived as the events are stored.
event_pairs = Table(
    "event_pairs",
    metadata,
    Column("article_id", Integer, primary_key=True),
    Column("event_seq", Integer, primary_key=True),
    Column("source_entity_id", Integer, ForeignKey("entities.id"), primary_key=True),
    Column("target_entity_id", Integer, ForeignKey("entities.id"), primary_key=True),
    Column("day_first", String(10)),
    Column("day_last", String(10)),
    ForeignKeyConstraint(
        ["article_id", "event_seq"], ["events.article_id", "events.seq"], ondelete="CASCADE"
    ),
    Index("ix_event_pairs_edge", "source_entity_id", "target_entity_id", "day_first", "day_last"),
    Index("ix_event_pairs_target", "target_entity_id", "source_entity_id"),
    sqlite_with_rowid=False,
)

# One event and one entity taking part in it as actor or recipient (by the same rule as
# event_pairs: a party naming no entity but a country code stands for that country), with
# the day the event is counted on: an entity's timeline counts and pages its events from
# this table's index alone. Derived as the events are stored.
event_entities = Table(
    "event_entities",
    metadata,
    Column("entity_id", Integer, ForeignKey("entities.id"), primary_key=True),
    Column("role", String(16), primary_key=True),  # actor or recipient
    Column("article_id", Integer, primary_key=True),
    Column("event_seq", Integer, primary_key=True),
    Column("day", String(10)),  # the event's first day, else its article's publication day
    Column("trigger_start", Integer, nullable=False),
    ForeignKeyConstraint(
        ["article_id", "event_seq"], ["events.article_id", "events.seq"], ondelete="CASCADE"
    ),
    Index("ix_event_entities_day", "entity_id", "day", "article_id", "trigger_start", "role"),
    Index("ix_event_entities_article", "article_id"),
    sqlite_with_rowid=False,
)

# Tables holding one article's findings: what a deletion or a rewrite touches.
ARTICLE_TABLES = (
    blocks,
    authors,
    article_entities,
    mentions,
    quote_entities,
    quotes,
    timexes,
    quantities,
    event_entities,
    event_pairs,
    event_parties,
    events,
)
