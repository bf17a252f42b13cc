"""`newsgraph analyze` and `newsgraph schema`: one page or a few, to JSON, markdown or HTML."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from newsgraph.cli.common import InputOption, app, check_published, fail, progress_bar, say
from newsgraph.errors import NewsgraphError, one_line_errors
from newsgraph.model import Article


class Format(StrEnum):
    json = "json"
    jsonl = "jsonl"
    markdown = "markdown"
    html = "html"


def render(article: Article, fmt: Format, several: bool) -> str:
    """The article in the requested format (JSON becomes one line per article in a batch)."""
    if fmt in (Format.json, Format.jsonl):
        indent = None if fmt is Format.jsonl or several else 2
        return json.dumps(article.to_dict(), ensure_ascii=False, indent=indent)
    if fmt is Format.markdown:
        from newsgraph.render.markdown import to_markdown

        return to_markdown(article)
    from newsgraph.render.html import to_html

    return to_html(article)


def analyse_one(spec: str, options: dict[str, object]) -> Article:
    """Read and analyse one input; errors of any kind come back as NewsgraphError."""
    from newsgraph.pipeline import analyze
    from newsgraph.read.files import read_input

    raw = read_input(spec)
    with one_line_errors():
        return analyze(
            raw.data,
            path=raw.path,
            url=raw.url,
            content_type=raw.content_type,
            **options,  # type: ignore[arg-type]
        )


@app.command()
def analyze(
    inputs: Annotated[list[str], typer.Argument(help="Files, URLs, or - for stdin.")],
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.json,
    input_kind: Annotated[
        InputOption | None,
        typer.Option("--input", help="Input kind; detected when not given."),
    ] = None,
    no_clean: Annotated[
        bool, typer.Option("--no-clean", help="The input is a clean article: keep it as text.")
    ] = False,
    published: Annotated[
        str | None, typer.Option(help="Publication date (YYYY-MM-DD), overriding the page's.")
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here (a folder for several HTML).")
    ] = None,
    time_limit: Annotated[float, typer.Option(help="Seconds allowed per document.")] = 120.0,
) -> None:
    """Analyse news pages: HTML, whole-page text dumps or clean text."""
    check_published(published)
    several = len(inputs) > 1
    if several and fmt is Format.html and (output is None or not output.is_dir()):
        raise fail("several inputs with --format html need --output DIR (an existing folder)")
    kind = "text" if no_clean else (input_kind.value if input_kind else None)
    options: dict[str, object] = {
        "input": kind,
        "published": published,
        "time_limit_s": time_limit,
    }
    results: list[str] = []
    failures = 0
    with progress_bar(disable=not several) as progress:
        task = progress.add_task("analysing", total=len(inputs))
        for spec in inputs:
            try:
                article = analyse_one(spec, options)
            except NewsgraphError as exc:
                failures += 1
                say("error", str(exc) if spec in str(exc) else f"{spec}: {exc}")
            else:
                for warning in article.warnings:
                    say("warning", f"{spec}: {warning}")
                text = render(article, fmt, several)
                if several and fmt is Format.html and output is not None:
                    (output / f"{Path(spec).stem or 'stdin'}.html").write_text(
                        text, encoding="utf-8"
                    )
                else:
                    results.append(text)
            progress.advance(task)
    if results:
        joined = (
            "\n".join(results) + "\n" if fmt is not Format.markdown else "\n\n---\n\n".join(results)
        )
        if output is not None and not output.is_dir():
            output.write_text(joined, encoding="utf-8")
        else:
            sys.stdout.write(joined)
    if failures:
        raise typer.Exit(1)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the article output."""
    from newsgraph.schema import load_schema

    sys.stdout.write(json.dumps(load_schema(), indent=2) + "\n")
