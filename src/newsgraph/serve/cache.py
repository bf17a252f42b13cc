"""Page results kept while the corpus is unchanged, so a page asked again is not recomputed.

The corpus changes only by ingest (here or in another process), which adds
articles; `corpus_version` (their count and highest id, two index lookups) is
checked on every use, and any change empties the cache. It holds at most
`MAX_ENTRIES` results, emptied when full: the pages' results are small and
a corpus is browsed by a few people at once.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from fastapi import Request
from sqlalchemy import Connection

from newsgraph.query.browse import corpus_version

T = TypeVar("T")
MAX_ENTRIES = 256


class CorpusCache:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._version: tuple[int, int] | None = None
        self._values: dict[Hashable, Any] = {}

    def get(self, conn: Connection, key: Hashable, make: Callable[[], T]) -> T:
        """The value under `key` for the corpus as it is now, made by `make()` when missing."""
        version = corpus_version(conn)
        with self._lock:
            if version != self._version:
                self._values.clear()
                self._version = version
            if key in self._values:
                found: T = self._values[key]
                return found
        value = make()
        with self._lock:
            if self._version == version:
                if len(self._values) >= MAX_ENTRIES:
                    self._values.clear()
                self._values[key] = value
        return value


def cached(request: Request, conn: Connection, key: Hashable, make: Callable[[], T]) -> T:
    """`make()`'s result under `key`, kept in the app's cache while the corpus is unchanged."""
    state = request.app.state
    cache = getattr(state, "page_cache", None)
    if cache is None:
        cache = state.page_cache = CorpusCache()
    return cache.get(conn, key, make)
