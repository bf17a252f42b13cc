"""Questions asked of a corpus: pure functions from a Connection to plain rows.

Each module answers one kind of question (quotes.py, timeline.py, search.py,
entities.py) or moves data out (export.py, sql.py); none prints, so the CLI,
tests and notebooks share them. Failures a user can cause are `QueryError`.
"""

from newsgraph.errors import NewsgraphError


class QueryError(NewsgraphError):
    """A question the corpus cannot answer as asked: unknown table, bad SQL, a write refused."""


__all__ = ["QueryError"]
