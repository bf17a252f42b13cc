"""`newsgraph analyze` and `newsgraph schema`: one page or a few, to JSON, markdown or HTML.

The pages are analysed in a worker process (`run/guard.py`, doing the work of
`run/pages.py`) that is killed and replaced when a page overruns
`--time-limit`, so this process stays light: it never imports spaCy, and it
writes what the worker rendered.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer

from newsgraph.cli.common import InputOption, app, check_published, fail, progress_bar, say
from newsgraph.errors import TIME_LIMIT_S, NewsgraphError
from newsgraph.run.pages import SUFFIX, Format, Outcome, Task, analyse_one, failed, warm_up


def _stdin(spec: str) -> bytes | None:
    """Standard input, read here: a worker process has none."""
    if spec != "-":
        return None
    from newsgraph.read.files import read_input

    return read_input("-").data


def output_names(specs: list[str], suffix: str) -> Iterator[str]:
    """A file name per input for `-o DIR`: its stem, numbered where stems repeat."""
    used: set[str] = set()
    for spec in specs:
        stem = "stdin" if spec == "-" else Path(spec.rstrip("/")).stem or "page"
        name, n = stem + suffix, 1
        while name in used:
            n += 1
            name = f"{stem}-{n}{suffix}"
        used.add(name)
        yield name


def check_output(output: Path | None, fmt: Format, several: bool) -> bool:
    """Refuse, before any work, an output that cannot be written; True for a folder."""
    if output is not None and output.is_dir():
        if not os.access(output, os.W_OK):
            raise fail(f"cannot write to the folder {output}: permission denied")
        return True
    if several and fmt is Format.html:  # HTML documents do not concatenate, in a file or on stdout
        raise fail("several inputs with --format html need --output DIR (an existing folder)")
    if output is None:
        return False
    parent = output.parent
    if not parent.is_dir():
        raise fail(f"cannot write {output}: there is no folder {parent}")
    if not os.access(parent, os.W_OK) or (output.exists() and not os.access(output, os.W_OK)):
        raise fail(f"cannot write {output}: permission denied")
    return False


def write(path: Path, text: str) -> None:
    """Write one output file, or stop with one line saying why it cannot be written."""
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise fail(f"cannot write {path}: {exc.strerror or exc}", 1) from None


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
        Path | None,
        typer.Option(
            "--output", "-o", help="Write to this file, or one file per input in a folder."
        ),
    ] = None,
    time_limit: Annotated[
        float, typer.Option(min=0.01, help="Seconds allowed per document.")
    ] = TIME_LIMIT_S,
) -> None:
    """Analyse news pages: HTML, whole-page text dumps or clean text."""
    from newsgraph.run.guard import Job, run_guarded

    check_published(published)
    several = len(inputs) > 1
    folder = check_output(output, fmt, several)
    kind = "text" if no_clean else (input_kind.value if input_kind else None)
    options: dict[str, object] = {"input": kind, "published": published, "time_limit_s": time_limit}
    try:
        tasks = [Task(spec, fmt, several and not folder, options, _stdin(spec)) for spec in inputs]
    except NewsgraphError as exc:
        raise fail(str(exc), 1) from None
    names = output_names(inputs, SUFFIX[fmt])
    job: Job[Task, Outcome] = Job(analyse_one, failed, warm_up)
    results: list[str] = []
    failures = 0
    try:
        with progress_bar(disable=not several) as progress:
            bar = progress.add_task("analysing", total=len(inputs))
            for outcome in run_guarded(job, tasks, limit_s=time_limit):
                name = next(names)
                progress.advance(bar)
                spec = outcome.spec
                if outcome.text is None:
                    failures += 1
                    why = outcome.error or "unknown failure"
                    say("error", why if spec in why else f"{spec}: {why}")
                    continue
                for warning in outcome.warnings:
                    say("warning", f"{spec}: {warning}")
                if folder and output is not None:
                    write(output / name, outcome.text + "\n")
                else:
                    results.append(outcome.text)
    except NewsgraphError as exc:
        raise fail(str(exc), 1) from None
    if results:
        joined = (
            "\n".join(results) + "\n" if fmt is not Format.markdown else "\n\n---\n\n".join(results)
        )
        if output is not None:
            write(output, joined)
        else:
            sys.stdout.write(joined)
    if failures:
        raise typer.Exit(1)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the article output."""
    from newsgraph.schema import load_schema

    sys.stdout.write(json.dumps(load_schema(), indent=2) + "\n")
