"""newsgraph: read news pages into clean, structured, source-linked records.

`newsgraph.analyze(page) -> Article` is the Python API. It is imported on first
use, so that importing one stage (say `newsgraph.clean.lines`) stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsgraph.model import Article
    from newsgraph.pipeline import analyze

__all__ = ["Article", "analyze"]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    if name == "analyze":
        from newsgraph.pipeline import analyze

        return analyze
    if name == "Article":
        from newsgraph.model import Article

        return Article
    raise AttributeError(name)
