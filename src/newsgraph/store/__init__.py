"""The corpus database: schema and migrations, writing articles, full-text search."""

from newsgraph.store.db import StoreError, open_store

__all__ = ["StoreError", "open_store"]
