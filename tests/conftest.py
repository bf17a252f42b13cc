"""Shared test fixtures: the bundled sample and the ../shared data, when present."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsgraph.model import Article

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "rferl-putin-pullout.txt"
SHARED = ROOT.parent / "shared"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test saying what is missing."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs ../shared/{'/'.join(parts)}, which is not present")
    return path


# The store suite runs on both back-ends. PostgreSQL comes from the server that
# .ci/run starts (scripts/postgres-for-tests.sh); its URL is in NEWSGRAPH_TEST_PG.
PG_URL = os.environ.get("NEWSGRAPH_TEST_PG")


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty corpus database URL on each back-end."""
    if request.param == "sqlite":
        yield str(tmp_path / "corpus.db")
        return
    if not PG_URL:
        if os.environ.get("CI"):
            pytest.fail("CI must test PostgreSQL: .ci/run sets NEWSGRAPH_TEST_PG")
        pytest.skip("no PostgreSQL server: set NEWSGRAPH_TEST_PG (scripts/postgres-for-tests.sh)")
    yield from _fresh_pg_database(PG_URL)


def _fresh_pg_database(server: str) -> Iterator[str]:
    """A new database on the test server, dropped after the test."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from newsgraph.store.db import database_url

    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(database_url(server), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name}"))
    try:
        yield make_url(server).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin.dispose()


@pytest.fixture(scope="session")
def sample_article() -> Article:
    """The bundled sample page, analysed once per test session."""
    from newsgraph.pipeline import analyze

    return analyze(SAMPLE.read_bytes(), path=str(SAMPLE))


def newsgraph(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The real `newsgraph` command in a subprocess, as users run it (wide terminal, text)."""
    return subprocess.run(
        [sys.executable, "-m", "newsgraph", *args],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        cwd=cwd,
        env={**os.environ, "COLUMNS": "200"},
    )
