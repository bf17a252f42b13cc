"""What every command shares: the Typer app, the progress bar, one-line messages."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeRemainingColumn,
)
from rich.text import Text

app = typer.Typer(
    add_completion=False,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    help="Read news pages into clean, structured, source-linked records.",
)
eval_app = typer.Typer(no_args_is_help=True, help="Accuracy on public benchmarks.")
app.add_typer(eval_app, name="eval")
# Markup off: queries, names, paths and URLs print as written, brackets and all.
# Styles come from Text objects instead.
stderr = Console(stderr=True, markup=False)
stdout = Console(markup=False)


class InputOption(StrEnum):
    html = "html"
    textdump = "textdump"
    text = "text"


class RateColumn(ProgressColumn):
    """Items per second, so a long run shows its pace beside its ETA."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f}/s" if speed else "", style="progress.data.speed")


def progress_bar(*, disable: bool = False) -> Progress:
    """The progress bar of long commands, on stderr so that stdout stays data."""
    return Progress(
        TextColumn("{task.description}", markup=False),
        BarColumn(),
        MofNCompleteColumn(),
        RateColumn(),
        TimeRemainingColumn(),
        console=stderr,
        disable=disable,
        transient=True,
    )


def say(level: str, message: str) -> None:
    """One line on stderr: `newsgraph: error: …` or `newsgraph: warning: …`."""
    style = "bold red" if level == "error" else "yellow"
    line = Text.assemble((f"newsgraph: {level}:", style), " ", message)
    stderr.print(line, highlight=False, soft_wrap=True)


def fail(message: str, code: int = 2) -> typer.Exit:
    """Report an error; the caller raises the returned Exit."""
    say("error", message)
    return typer.Exit(code)


def check_published(value: str | None) -> None:
    """Refuse a --published value that is not an ISO date, with one line."""
    if value is None:
        return
    try:
        date.fromisoformat(value)
    except ValueError:
        raise fail(f"--published must be a date like 2016-03-15, not {value!r}") from None
