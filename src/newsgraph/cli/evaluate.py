"""`newsgraph eval …`: accuracy on public benchmarks, agreeing with the reference scorers."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from newsgraph.cli.common import InputOption, eval_app, fail, progress_bar, say, stderr
from newsgraph.errors import NewsgraphError

if TYPE_CHECKING:
    from newsgraph.eval import events
    from newsgraph.eval.polnear import Scores


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


@eval_app.command("events")
def eval_events(
    files: Annotated[
        list[Path],
        typer.Argument(help="JSONL files of labelled sentences (benchmarks/data/events)."),
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print every figure as JSON.")] = False,
    gold_triggers: Annotated[
        bool,
        typer.Option(
            "--gold-triggers", help="Code the gold triggers: measure the argument finder alone."
        ),
    ] = False,
) -> None:
    """PLOVER event coding: type macro-F1, actor and recipient country, uncoded share, mode.

    Each sentence is analysed as clean text after its context; the metric is
    defined in docs/events.md.
    """
    from newsgraph.eval.events import evaluate, load

    for path in files:
        if not path.is_file():
            raise fail(f"{path} is not a file")
    try:
        sentences = load(files)
    except (NewsgraphError, OSError, UnicodeDecodeError) as exc:
        raise fail(str(exc)) from None
    if not sentences:
        raise fail("the files hold no sentences")
    with progress_bar() as progress:
        task = progress.add_task("events", total=len(sentences))
        scores = evaluate(
            sentences, advance=lambda _: progress.advance(task), gold_triggers=gold_triggers
        )
    for failure in scores.failed:
        say("warning", f"analysis failed, scored as no events: {failure}")
    if as_json:
        sys.stdout.write(json.dumps(scores.to_dict()) + "\n")
    else:
        _print_events(scores)


def _print_events(scores: events.Scores) -> None:
    """The figures as two tables on stdout: per type, then the summary."""
    from rich.table import Table

    from newsgraph.cli.common import stdout

    figures = scores.to_dict()
    table = Table(title=f"event types: {scores.sentences} sentences", title_justify="left")
    for name in ("type", "gold", "predicted", "TP", "P", "R", "F1"):
        table.add_column(name, justify="left" if name == "type" else "right")
    for kind, row in scores.per_type().items():
        tp, fp, fn = int(row["tp"]), int(row["fp"]), int(row["fn"])
        table.add_row(
            kind, str(tp + fn), str(tp + fp), str(tp),
            *(f"{float(row[k]):.3f}" for k in ("precision", "recall", "f1")),
        )  # fmt: skip
    summary = Table(title="summary", title_justify="left")
    summary.add_column("metric")
    summary.add_column("value", justify="right")
    summary.add_column("of", justify="right")
    summary.add_row("type macro-F1", f"{figures['type_macro_f1']:.3f}", "")
    summary.add_row("type micro-F1", f"{figures['type_micro_f1']:.3f}", "")
    for key, label in (
        ("actor_country", "actor country right"),
        ("recipient_country", "recipient country right"),
        ("uncoded", "non-political sentences uncoded"),
        ("mode", "mode right"),
        ("modality", "modality right"),
    ):
        share = figures[key]
        summary.add_row(label, f"{share['accuracy']:.3f}", f"{share['right']}/{share['n']}")
    stdout.print(table)
    stdout.print(summary)


def _print_polnear(scores: Scores) -> None:
    """The scores as two Rich tables on stderr: metrics, then gold recall by kind."""
    from rich.table import Table
    from rich.text import Text

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
            Text(f"{score.f1:.3f}", style="bold"),
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
