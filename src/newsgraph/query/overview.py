"""What a corpus holds at a glance: sizes, the most quoted speakers, the most covered entities."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, distinct, func, select

from newsgraph.query.entities import top_entities, top_speakers
from newsgraph.store.schema import articles, entities, failures, quotes


@dataclass(slots=True)
class Overview:
    articles: int
    stories: int
    entities: int
    quotes: int
    failures: int
    speakers: list[tuple[str, int]]  # (name, statements)
    covered: list[tuple[str, str, int]]  # (name, type, articles)


def overview(conn: Connection, top: int = 5) -> Overview:
    """Corpus sizes and the top speakers and entities, for the end of an ingest run."""
    sizes = conn.execute(
        select(
            select(func.count()).select_from(articles).scalar_subquery(),
            select(func.count(distinct(articles.c.story_id))).scalar_subquery(),
            select(func.count()).select_from(entities).scalar_subquery(),
            select(func.count()).select_from(quotes).scalar_subquery(),
            select(func.count()).select_from(failures).scalar_subquery(),
        )
    ).one()
    n_articles, n_stories, n_entities, n_quotes, n_failures = (int(n) for n in sizes)
    return Overview(
        n_articles,
        n_stories,
        n_entities,
        n_quotes,
        n_failures,
        speakers=[(e.name, e.quotes) for e in top_speakers(conn, top)],
        covered=[(e.name, e.type, e.articles) for e in top_entities(conn, top)],
    )
