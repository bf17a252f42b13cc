"""Length scaling: how each stage's cost grows with the length of one text, in one run.

    python benchmarks/scaling.py [--lengths 1000,10000,50000] [--layout paragraphs|flat|both]
        [--polnear ../shared/data/polnear/dev/text] [--json]

One long text per length is built by joining PolNeAR dev article texts in
name order until it has that many words: "paragraphs" keeps their paragraph
breaks (a blank line between articles), "flat" collapses all whitespace to
single spaces, a text with no line break at all. Each stage of
`pipeline.analyse` is timed on its own, on the text of that length: the
parse, entities, identities, quotes, time expressions and quantities; and
the cleaning of the same paragraphs as a whole-page text dump (one paragraph
a line) and as an HTML page (one `<p>` each) gets a row each ("paragraphs"
only: a flat dump is one line).

Times are CPU seconds of this process (`time.process_time`): on a machine
shared with other jobs they vary far less than the wall clock. "× linear" is
a stage's seconds per word at a length over its seconds per word at the
shortest length, in the same run: 1.0 is cost proportional to length; a
quadratic stage shows about the ratio of the lengths. Words are `\\w+` tokens
of the text. Before anything is timed the models are loaded and `analyze`
runs once. Skips, with a message and exit status 0, when the shared data is
absent.
"""

from __future__ import annotations

import argparse
import html
import json
import platform
import re
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from functools import partial
from importlib.metadata import version
from pathlib import Path
from typing import Literal, TypeVar

from newsgraph.analyse.attribution import cues
from newsgraph.analyse.attribution.quotes import find_quotes
from newsgraph.analyse.entities.find import find_entities
from newsgraph.analyse.identity.link import identify
from newsgraph.analyse.nlp import MODEL, load_nlp, parse
from newsgraph.analyse.quantities import find_quantities
from newsgraph.analyse.timex.find import find_timexes
from newsgraph.clean.plaintext import from_plain_text
from newsgraph.model import InputKind, Source
from newsgraph.pipeline import analyze, clean

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
DEFAULT_POLNEAR = SHARED / "data" / "polnear" / "dev" / "text"
_WORD = re.compile(r"\w+")

Layout = Literal["paragraphs", "flat"]
T = TypeVar("T")


@dataclass(slots=True)
class Row:
    """One stage on the text of one length and layout."""

    layout: str
    stage: str
    words: int
    seconds: float
    x_linear: float = 1.0

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds else float("inf")


def long_text(articles: list[str], words: int, layout: Layout) -> str:
    """Article texts joined, in order and round again if need be, cut after `words` words."""
    pieces: list[str] = []
    count = 0
    while count < words:
        for text in articles:
            pieces.append(text.strip() if layout == "paragraphs" else " ".join(text.split()))
            count += len(_WORD.findall(text))
            if count >= words:
                break
    text = ("\n\n" if layout == "paragraphs" else " ").join(pieces)
    last = next(m for n, m in enumerate(_WORD.finditer(text), 1) if n == words)
    return text[: last.end()]


def as_page(text: str) -> tuple[str, str]:
    """The paragraphs of `text` as a text dump (one a line) and as an HTML page (one `<p>` each)."""
    paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
    dump = "A long page\n\n" + "\n\n".join(paragraphs)
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    page = (
        "<html><head><title>A long page</title></head><body>"
        f"<article><h1>A long page</h1>{body}</article></body></html>"
    )
    return dump, page


def timed(run: Callable[[], T]) -> tuple[T, float]:
    """What `run` returns and the CPU seconds it took in this process."""
    start = time.process_time()
    result = run()
    return result, time.process_time() - start


def stages(text: str, layout: Layout) -> list[Row]:
    """Each analysis stage on `text`, in pipeline order; cleaning as a dump and as HTML."""
    words = len(_WORD.findall(text))
    article = from_plain_text(text, Source(input="text"))
    times: dict[str, float] = {}
    doc, times["parse"] = timed(lambda: parse(article.text))
    article.entities, times["entities"] = timed(lambda: find_entities(article, doc))
    _, times["identify"] = timed(lambda: identify(article))
    article.quotes, times["quotes"] = timed(lambda: find_quotes(article, doc))
    article.timexes, times["timexes"] = timed(lambda: find_timexes(article, doc))
    _, times["quantities"] = timed(lambda: find_quantities(article, doc))
    times["analysis (all above)"] = sum(times.values())
    if layout == "paragraphs":
        dump, page = as_page(text)
        pages: list[tuple[InputKind, str]] = [("textdump", dump), ("html", page)]
        for kind, raw in pages:
            _, times[f"clean {kind}"] = timed(partial(clean, raw, kind, Source(input=kind)))
    return [Row(layout, stage, words, seconds) for stage, seconds in times.items()]


def with_ratios(rows: list[Row]) -> list[Row]:
    """Each row's seconds per word over that of the same stage at the shortest length."""
    shortest: dict[tuple[str, str], Row] = {}
    for row in rows:
        key = (row.layout, row.stage)
        if key not in shortest or row.words < shortest[key].words:
            shortest[key] = row
    for row in rows:
        base = shortest[(row.layout, row.stage)]
        if base.seconds > 0:
            row.x_linear = (row.seconds / row.words) / (base.seconds / base.words)
    return rows


def table(rows: list[Row]) -> str:
    """The rows as a markdown table."""
    lines = [
        "| layout | stage | words | CPU s | words/s | × linear |",
        "| --- | --- | ---: | ---: | ---: | ---: |",
    ]
    order = {stage: n for n, stage in enumerate(dict.fromkeys(r.stage for r in rows))}
    for r in sorted(rows, key=lambda r: (r.layout, order[r.stage], r.words)):
        lines.append(
            f"| {r.layout} | {r.stage} | {r.words:,} | {r.seconds:.2f} "
            f"| {r.words_per_second:,.0f} | {r.x_linear:.2f} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polnear", type=Path, default=DEFAULT_POLNEAR, help="PolNeAR text folder")
    parser.add_argument("--lengths", default="1000,10000,50000", help="comma-separated word counts")
    parser.add_argument("--layout", choices=["paragraphs", "flat", "both"], default="both")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args(argv)
    try:
        lengths = sorted({int(n) for n in args.lengths.split(",")})
    except ValueError:
        parser.error(f"--lengths takes whole numbers of words, not {args.lengths!r}")
    if not lengths or min(lengths) < 1:
        parser.error("--lengths takes positive numbers of words")

    files = sorted(args.polnear.glob("*.txt")) if args.polnear.is_dir() else []
    if not files:
        print(f"no *.txt texts under {args.polnear}: nothing measured", file=sys.stderr)
        return 0
    articles = [f.read_text(encoding="utf-8") for f in files]

    load_nlp()("Warm-up: the model is loaded before anything is timed.")
    cues.model()
    analyze(articles[0], input="text")
    clean(as_page(articles[0])[0], "textdump", Source(input="textdump"))

    layouts: list[Layout] = ["paragraphs", "flat"] if args.layout == "both" else [args.layout]
    rows: list[Row] = []
    for layout in layouts:
        for words in lengths:
            rows += stages(long_text(articles, words, layout), layout)
    rows = with_ratios(rows)

    if args.json:
        env = {"python": platform.python_version(), "spacy": version("spacy"), "model": MODEL}
        out = [{**asdict(r), "words_per_s": r.words_per_second} for r in rows]
        print(json.dumps({"env": env, "rows": out}))
    else:
        print(f"spaCy {version('spacy')}, {MODEL}, Python {platform.python_version()}\n")
        print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
