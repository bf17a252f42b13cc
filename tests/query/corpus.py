"""A small corpus for the query tests: the bundled sample and two short made-up articles.

The articles are analysed once per test process; each test stores them in
its own fresh database (the `db_url` fixture, on SQLite and PostgreSQL).
"""

from __future__ import annotations

from functools import cache

from sqlalchemy import Engine

from newsgraph.model import Article
from newsgraph.store import open_store
from newsgraph.store.write import store_article

from tests.conftest import SAMPLE

GENEVA = (
    "Talks in Geneva\n\nKremlin spokesman Dmitry Peskov said on Monday that Bashar al-Assad "
    'would attend the talks in Geneva. "We expect progress," Vladimir Putin told reporters.\n'
)
SANCTIONS = (
    'Sanctions row\n\n"The sanctions are a mistake," Dmitry Peskov told reporters in Moscow. '
    "Russia will not retreat from Syria, he said.\n"
)


@cache
def articles() -> tuple[tuple[str, Article], ...]:
    """(input key, article): the sample (2016-03-15), Geneva (2016-03-21), sanctions (undated)."""
    from newsgraph.pipeline import analyze

    sample = analyze(SAMPLE.read_text(encoding="utf-8"), published="2016-03-15")
    geneva = analyze(GENEVA, input="text", published="2016-03-21")
    sanctions = analyze(SANCTIONS, input="text")
    return (("sample", sample), ("geneva", geneva), ("sanctions", sanctions))


def build(db_url: str) -> Engine:
    """The corpus stored at `db_url`; the caller disposes of the engine."""
    engine = open_store(db_url)
    with engine.begin() as conn:
        for key, article in articles():
            store_article(conn, key, article)
    return engine
