"""A connection to the test corpus, on each back-end."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Connection

from tests.query.corpus import build


@pytest.fixture
def conn(db_url: str) -> Iterator[Connection]:
    engine = build(db_url)
    try:
        with engine.connect() as connection:
            yield connection
    finally:
        engine.dispose()


@pytest.fixture
def event_conn(db_url: str) -> Iterator[Connection]:
    """A corpus of hand-made articles holding hand-made events (tests/event_articles.py)."""
    from tests.event_articles import build as build_events

    engine = build_events(db_url)
    try:
        with engine.connect() as connection:
            yield connection
    finally:
        engine.dispose()
