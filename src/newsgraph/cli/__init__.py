"""The `newsgraph` command line (Typer). Errors are one line on stderr, never a traceback.

Each module registers its commands on the one app: analyze.py (single pages),
evaluate.py (benchmarks), corpus.py (ingest), query.py (questions and exports).
"""

from __future__ import annotations

from newsgraph.cli import analyze, corpus, evaluate, query
from newsgraph.cli.common import app, stderr

__all__ = ["analyze", "app", "corpus", "evaluate", "main", "query"]


def main() -> None:
    """Entry point that turns Ctrl-C into a one-line message."""
    try:
        app()
    except KeyboardInterrupt:
        stderr.print("newsgraph: interrupted")
        raise SystemExit(130) from None
