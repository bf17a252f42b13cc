"""The work of `newsgraph analyze` in its worker process: one input read, analysed, rendered.

Here and not in `cli/analyze.py`, so that the worker imports neither Typer nor
Rich; the worker sends back the rendered text, which is cheap to pass along.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from newsgraph.errors import NewsgraphError

if TYPE_CHECKING:
    from newsgraph.model import Article


class Format(StrEnum):
    json = "json"
    jsonl = "jsonl"
    markdown = "markdown"
    html = "html"


SUFFIX = {
    Format.json: ".json",
    Format.jsonl: ".jsonl",
    Format.markdown: ".md",
    Format.html: ".html",
}


@dataclass(slots=True, frozen=True)
class Task:
    """One input for the worker: its spec (stdin already read) and how to analyse and render."""

    spec: str
    fmt: Format
    one_line: bool
    options: dict[str, object]
    stdin: bytes | None = None


@dataclass(slots=True)
class Outcome:
    """What the worker made of one input: the rendered article and its warnings, or an error."""

    spec: str
    text: str | None = None
    warnings: list[str] = field(default_factory=list)
    error: str | None = None


def render(article: Article, fmt: Format, one_line: bool) -> str:
    """The article in the requested format (JSON on one line in a JSONL stream)."""
    if fmt in (Format.json, Format.jsonl):
        indent = None if fmt is Format.jsonl or one_line else 2
        return json.dumps(article.to_dict(), ensure_ascii=False, indent=indent)
    if fmt is Format.markdown:
        from newsgraph.render.markdown import to_markdown

        return to_markdown(article)
    from newsgraph.render.html import to_html

    return to_html(article)


def analyse_one(task: Task) -> Outcome:
    """Read, analyse and render one input (in the worker); errors come back as one line."""
    from newsgraph.errors import one_line_errors
    from newsgraph.pipeline import analyze
    from newsgraph.read.files import RawInput, is_url, read_input
    from newsgraph.read.sources import many_pages

    if task.stdin is None and not is_url(task.spec) and (kind := many_pages(Path(task.spec))):
        why = f"{task.spec} is {kind}, of many pages: `newsgraph ingest` reads it page by page"
        return Outcome(task.spec, error=why)
    try:
        raw = RawInput(task.stdin) if task.stdin is not None else read_input(task.spec)
        with one_line_errors():
            article = analyze(
                raw.data,
                path=raw.path,
                url=raw.url,
                content_type=raw.content_type,
                **task.options,  # type: ignore[arg-type]
            )
            return Outcome(task.spec, render(article, task.fmt, task.one_line), article.warnings)
    except NewsgraphError as exc:
        return Outcome(task.spec, error=str(exc))


def failed(task: Task, reason: str) -> Outcome:
    """The outcome of an input whose worker was stopped: overrun, or died."""
    return Outcome(task.spec, error=reason)


def warm_up() -> None:
    """Load the model in the worker before its first page (the gazetteers wait until used)."""
    from newsgraph.pipeline import warm_up as load

    load()
