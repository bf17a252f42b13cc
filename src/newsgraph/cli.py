"""The `newsgraph` command line (Typer). Errors are one line on stderr, never a traceback."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from newsgraph.errors import NewsgraphError
from newsgraph.model import Article

if TYPE_CHECKING:
    from newsgraph.eval.polnear import Scores

app = typer.Typer(
    add_completion=False,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    help="Read news pages into clean, structured, source-linked records.",
)
eval_app = typer.Typer(no_args_is_help=True, help="Accuracy on public benchmarks.")
app.add_typer(eval_app, name="eval")
stderr = Console(stderr=True)


class Format(StrEnum):
    json = "json"
    jsonl = "jsonl"
    markdown = "markdown"
    html = "html"


class InputOption(StrEnum):
    html = "html"
    textdump = "textdump"
    text = "text"


def progress_bar(*, disable: bool = False) -> Progress:
    """The progress bar of long commands, on stderr so that stdout stays data."""
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=stderr,
        disable=disable,
        transient=True,
    )


def say(level: str, message: str) -> None:
    """One line on stderr: `newsgraph: error: …` or `newsgraph: warning: …`."""
    style = "bold red" if level == "error" else "yellow"
    stderr.print(f"[{style}]newsgraph: {level}:[/] {message}", highlight=False, soft_wrap=True)


def fail(message: str, code: int = 2) -> typer.Exit:
    """Report an error; the caller raises the returned Exit."""
    say("error", message)
    return typer.Exit(code)


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
    try:
        return analyze(
            raw.data,
            path=raw.path,
            url=raw.url,
            content_type=raw.content_type,
            **options,  # type: ignore[arg-type]
        )
    except NewsgraphError:
        raise
    except RecursionError:
        raise NewsgraphError("the page is nested too deeply to read") from None
    except Exception as exc:  # a bug or a third-party failure: still one line, still skipped
        raise NewsgraphError(f"internal error ({type(exc).__name__}: {exc})") from exc


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
    if published is not None and not _is_date(published):
        raise fail(f"--published must be a date like 2016-03-15, not {published!r}")
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


def _is_date(value: str) -> bool:
    from datetime import date

    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


@app.command()
def schema() -> None:
    """Print the JSON Schema of the article output."""
    from newsgraph.schema import load_schema

    sys.stdout.write(json.dumps(load_schema(), indent=2) + "\n")


@eval_app.command("extraction")
def eval_extraction(
    data: Annotated[Path, typer.Argument(help="A split folder: ground-truth.json, html/, text/.")],
    input_kind: Annotated[InputOption, typer.Option("--input")] = InputOption.textdump,
    pred_out: Annotated[Path | None, typer.Option(help="Write predictions as JSONL.")] = None,
) -> None:
    """Article-body F1 on an extraction split, scored as ../shared/eval/score_extraction.py does."""
    from newsgraph.eval.extraction import evaluate_split

    if not (data / "ground-truth.json").is_file():
        raise fail(f"{data} holds no ground-truth.json")
    try:
        scores, preds = evaluate_split(data, input_kind.value)
    except (NewsgraphError, OSError, ValueError) as exc:
        raise fail(str(exc), 1) from None
    if pred_out is not None:
        with pred_out.open("w", encoding="utf-8") as fh:
            for pid, text in preds.items():
                fh.write(json.dumps({"id": pid, "text": text}, ensure_ascii=False) + "\n")
    stderr.print(
        f"{input_kind.value}: {len(preds)} pages  F1 {scores['f1']:.3f}  "
        f"P {scores['precision']:.3f}  R {scores['recall']:.3f}"
    )
    sys.stdout.write(json.dumps({k: round(v, 4) for k, v in scores.items()}) + "\n")


@eval_app.command("polnear")
def eval_polnear(
    data: Annotated[
        Path, typer.Argument(help="The PolNeAR folder: <split>/text and <split>/attributions.")
    ],
    split: Annotated[str, typer.Option(help="train, dev or test.")] = "dev",
    pred_out: Annotated[
        Path | None, typer.Option(help="Write predictions as JSONL for score_quotes.py.")
    ] = None,
    limit: Annotated[
        int | None, typer.Option(min=1, help="Only the first N articles of the split.")
    ] = None,
) -> None:
    """Quote attribution P/R/F1 on PolNeAR, scored as ../shared/eval/score_quotes.py does.

    The table goes to stderr; stdout gets one JSON line with every score.
    """
    from newsgraph.eval.polnear import evaluate, open_split

    try:
        found = open_split(data, split, limit)
    except (NewsgraphError, OSError) as exc:
        raise fail(str(exc)) from None
    try:
        out = pred_out.open("w", encoding="utf-8") if pred_out is not None else None
    except OSError as exc:
        raise fail(f"cannot write {pred_out}: {exc.strerror or exc}") from None
    try:
        with progress_bar() as progress:
            task = progress.add_task(f"PolNeAR {split}", total=len(found.ids))
            scores = evaluate(found, pred_out=out, advance=lambda _: progress.advance(task))
    except (NewsgraphError, OSError, ValueError) as exc:
        raise fail(str(exc), 1) from None
    finally:
        if out is not None:
            out.close()
    for failure in scores.failed:
        say("warning", f"analysis failed, scored as no quotes: {failure}")
    _print_polnear(scores)
    sys.stdout.write(json.dumps(scores.to_dict()) + "\n")


@eval_app.command("timeml")
def eval_timeml(
    data: Annotated[Path, typer.Argument(help="A folder of TimeML .tml files (searched deeply).")],
    limit: Annotated[
        int | None, typer.Option(min=1, help="Only the first N documents, by path.")
    ] = None,
) -> None:
    """Time-expression span, type and value F1 on TimeML, scored as ../shared/eval/timeml.py does.

    Each document is analysed as clean text published on its <DCT>. stdout gets
    one JSON line with every score.
    """
    from newsgraph.eval.timeml import documents, evaluate

    try:
        paths = documents(data, limit)
    except (NewsgraphError, OSError) as exc:
        raise fail(str(exc)) from None
    try:
        with progress_bar() as progress:
            task = progress.add_task("TimeML", total=len(paths))
            scores, _ = evaluate(paths, advance=lambda _: progress.advance(task))
    except (NewsgraphError, OSError, ValueError) as exc:
        raise fail(str(exc), 1) from None
    stderr.print(
        f"TimeML: {len(paths)} documents, {scores['gold']} gold timexes, "
        f"{scores['system']} found  strict F1 {scores['strict_f1']:.3f}  "
        f"relaxed F1 {scores['relaxed_f1']:.3f}  type F1 {scores['type_f1']:.3f}  "
        f"value F1 {scores['value_f1']:.3f}"
    )
    sys.stdout.write(
        json.dumps({k: round(v, 4) if isinstance(v, float) else v for k, v in scores.items()})
        + "\n"
    )


def _print_polnear(scores: Scores) -> None:
    """The scores as two Rich tables on stderr: metrics, then gold recall by kind."""
    from rich.table import Table

    table = Table(
        title=f"PolNeAR {scores.split}: {scores.articles} articles, {scores.gold} attributions",
        title_justify="left",
    )
    for name in ("metric", "P", "R", "F1", "pred hit/total", "gold hit/total"):
        table.add_column(name, justify="left" if name == "metric" else "right")
    for name, score in scores.metrics.items():
        if score is None:
            table.add_row(name, "n/a", "n/a", "n/a", "", "")
            continue
        table.add_row(
            name,
            f"{score.precision:.3f}",
            f"{score.recall:.3f}",
            f"[bold]{score.f1:.3f}[/]",
            f"{score.pred[0]}/{score.pred[1]}",
            f"{score.gold[0]}/{score.gold[1]}",
        )
    kinds = Table(title="content recall by gold kind", title_justify="left")
    for name in ("kind", "gold", "exact", "any", "overlap"):
        kinds.add_column(name, justify="left" if name == "kind" else "right")
    for kind, recall in scores.recall.items():
        kinds.add_row(
            kind,
            str(recall.n_gold),
            f"{recall.exact:.3f}",
            f"{recall.any:.3f}",
            f"{recall.overlap:.3f}",
        )
    stderr.print(table)
    stderr.print(kinds)


def main() -> None:
    """Entry point that turns Ctrl-C into a one-line message."""
    try:
        app()
    except KeyboardInterrupt:
        stderr.print("newsgraph: interrupted")
        raise SystemExit(130) from None
