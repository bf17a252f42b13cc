"""Schema versions: each corpus records its version in `meta`, and opening one upgrades it.

A numbered list of steps rather than Alembic: a corpus is a file that users
carry around and open with whatever newsgraph they have, so upgrading has to
happen on open, in process, with no migration scripts folder or config to
ship. A newer corpus than this newsgraph knows is refused, never rewritten.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, Engine, select

from newsgraph.store.schema import meta, metadata

Step = Callable[[Connection], None]


def _v1(conn: Connection) -> None:
    """The first schema: every table, and full-text search over articles and quotes."""
    from newsgraph.store.fts import create_fts

    metadata.create_all(conn)
    create_fts(conn)


STEPS: list[Step] = [_v1]
VERSION = len(STEPS)


def migrate(engine: Engine) -> None:
    """Bring the database to VERSION, one step per transaction."""
    from newsgraph.store.db import StoreError

    with engine.begin() as conn:
        meta.create(conn, checkfirst=True)
        row = conn.execute(select(meta.c.value).where(meta.c.key == "schema_version")).first()
    current = int(row[0]) if row else 0
    if current > VERSION:
        raise StoreError(
            f"this corpus has schema version {current}; this newsgraph knows up to {VERSION}: "
            "upgrade newsgraph to open it"
        )
    for number in range(current + 1, VERSION + 1):
        with engine.begin() as conn:
            STEPS[number - 1](conn)
            values = {"key": "schema_version", "value": str(number)}
            if number == 1:
                conn.execute(meta.insert().values(**values))
            else:
                conn.execute(
                    meta.update().where(meta.c.key == "schema_version").values(value=str(number))
                )
