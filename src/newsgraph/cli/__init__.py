"""The `newsgraph` command line (Typer). Errors are one line on stderr, never a traceback.

Each module registers its commands on the one app: analyze.py (single pages),
evaluate.py (benchmarks), corpus.py (ingest), query.py (questions and exports),
serve.py (the web app and its API).
`main` imports only the module of the command it runs, so that `newsgraph
analyze` does not pay for the database and MinHash libraries at start-up;
`app`, `--help` and any command not listed in `COMMANDS` get every module.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

MODULES = ("analyze", "corpus", "evaluate", "query", "serve")
COMMANDS = {
    "analyze": "analyze",
    "schema": "analyze",
    "ingest": "corpus",
    "eval": "evaluate",
    "serve": "serve",
}

__all__ = ["app", "main"]


def load_commands(command: str | None = None) -> Any:
    """The app, with the commands of `command`'s module registered (all of them for None)."""
    wanted = [COMMANDS[command]] if command in COMMANDS else MODULES
    for module in wanted:
        importlib.import_module(f"newsgraph.cli.{module}")
    from newsgraph.cli.common import app

    return app


def __getattr__(name: str) -> Any:
    if name == "app":
        return load_commands()
    raise AttributeError(name)


def main() -> None:
    """Entry point that turns Ctrl-C into a one-line message."""
    command = next((arg for arg in sys.argv[1:2] if not arg.startswith("-")), None)
    app = load_commands(command)
    try:
        app()
    except KeyboardInterrupt:
        from newsgraph.cli.common import stderr

        stderr.print("newsgraph: interrupted")
        raise SystemExit(130) from None
