"""Analysis speed: the whole of newsgraph against bare spaCy, on the same texts in one run.

    python benchmarks/analysis.py [--limit N] [--part polnear|dumps|both|process] [--json]
        [--polnear ../shared/data/polnear/dev/text] [--dumps ../shared/data/extraction-dev/text]
        [--repeat 3] [--cpu 0]

Two sets of texts:

- PolNeAR dev articles, clean text: newsgraph is `analyze(text, input="text")`,
  which adds block finding and entities to the parse; the last rows time the
  attribution stage alone (`find_quotes` on parses made beforehand) and the
  event stage alone (`find_events` on the analysis and parse made
  beforehand), and the event argument finder with every verb taken as a
  trigger, its worst case whatever the type coder finds;
- extraction-dev text dumps (whole rendered pages): newsgraph is `analyze(dump)`,
  which cleans the page and then analyses the article it found.

Bare spaCy runs the very model newsgraph loads (`load_nlp()`) on the same
article texts: the PolNeAR texts themselves, and for the dumps the article
text newsgraph cleaned out of each page. It runs two ways: `nlp.pipe(texts)`,
the usual batched call, and `nlp(text)` one text at a time, which is how
`analyze` parses. "× pipe" and "× each" are a row's time over those two, so
"× each" is what cleaning and entities cost on top of the parse alone. For the
dumps, cleaning alone (`analyze(dump, analysis=False)`) gets a row of its own.

Before anything is timed the model is loaded and `analyze` run once on one
text of each set (which also loads the text-dump line classifier). Then every
row runs in a child forked from that warm process, so that its peak RSS
(`getrusage` in the child: the warm process's resident memory plus what the
row itself needed) is its own and not the high-water mark of an earlier row.
Words are `\\w+` tokens of the article text. Skips, with a message and exit
status 0, when the shared data is absent. Unix only (fork, getrusage).

`--part process` measures what a user pays instead: whole processes, pinned
to one core (`taskset -c CPU`, where there is taskset). `newsgraph analyze
--no-clean` on the PolNeAR texts as files, its JSON lines written to a file,
against a bare script that loads the same model, runs `nlp.pipe` over the
same files and writes each doc's entities as JSON; and start-up: `newsgraph
analyze` on a one-sentence file against `spacy.load` alone. Each pair runs
`--repeat` times, alternating, and the medians are kept; CPU seconds
(`RUSAGE_CHILDREN`, the analysis worker included) are less moved than wall
seconds by other work on a shared machine.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from importlib.metadata import version
from pathlib import Path
from typing import TypeVar

from newsgraph.analyse.attribution import cues
from newsgraph.analyse.attribution.quotes import find_quotes
from newsgraph.analyse.events.find import events_of, find_events
from newsgraph.analyse.events.triggers import Trigger
from newsgraph.analyse.nlp import EXCLUDE, MODEL, load_nlp
from newsgraph.errors import NewsgraphError
from newsgraph.model import Article, InputKind, Source
from newsgraph.pipeline import analyze

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
DEFAULT_POLNEAR = SHARED / "data" / "polnear" / "dev" / "text"
DEFAULT_DUMPS = SHARED / "data" / "extraction-dev" / "text"
_WORD = re.compile(r"\w+")

T = TypeVar("T")


@dataclass(slots=True)
class Timing:
    """What one measured run took: wall seconds and the peak RSS of its process."""

    seconds: float
    peak_rss_mb: float


@dataclass(slots=True)
class Row:
    """One system over one set of texts, with the bare spaCy times on the same articles."""

    texts: str
    system: str
    articles: int
    words: int
    seconds: float
    peak_rss_mb: float
    pipe_seconds: float
    each_seconds: float
    failed: int = 0

    @property
    def per_second(self) -> float:
        """Articles per second."""
        return self.articles / self.seconds

    @property
    def words_per_second(self) -> float:
        """Words of article text per second."""
        return self.words / self.seconds

    def as_dict(self) -> dict[str, object]:
        """The row with its rates and ratios, for `--json`."""
        return {
            **asdict(self),
            "articles_per_s": self.per_second,
            "words_per_s": self.words_per_second,
            "x_spacy_pipe": self.seconds / self.pipe_seconds,
            "x_spacy_each": self.seconds / self.each_seconds,
        }


def peak_rss_mb() -> float:
    """This process's peak resident set size so far, in MB (Linux reports KiB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def measured(run: Callable[[], T]) -> tuple[T, Timing]:
    """Run `run` in a child forked from this (warm) process: its result, time and peak RSS."""
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)

    def child() -> None:
        start = time.perf_counter()
        result = run()
        send.send((result, Timing(time.perf_counter() - start, peak_rss_mb())))

    process = context.Process(target=child)
    process.start()
    send.close()
    try:
        result, timing = receive.recv()
    except EOFError:
        raise RuntimeError(f"a benchmark child failed (exit status {process.exitcode})") from None
    finally:
        process.join()
    return result, timing


def read_texts(folder: Path, limit: int | None) -> list[str]:
    """The folder's `*.txt` files in name order, at most `limit` of them."""
    files = sorted(folder.glob("*.txt"))[:limit]
    return [f.read_text(encoding="utf-8") for f in files]


def count_words(texts: list[str]) -> int:
    """The number of `\\w+` tokens in all the texts."""
    return sum(len(_WORD.findall(t)) for t in texts)


def analyze_all(
    texts: list[str], kind: InputKind | None = None, *, analysis: bool = True
) -> tuple[list[str], int]:
    """`analyze` on every text: the article texts and how many inputs it refused."""
    articles: list[str] = []
    failed = 0
    for text in texts:
        try:
            articles.append(analyze(text, input=kind, analysis=analysis).text)
        except NewsgraphError:
            failed += 1
    return articles, failed


def bare_spacy(name: str, articles: list[str]) -> list[Row]:
    """spaCy alone on the article texts: batched with `nlp.pipe`, and one `nlp(text)` at a time."""
    nlp = load_nlp()
    _, pipe = measured(lambda: sum(len(doc) for doc in nlp.pipe(articles)))
    _, each = measured(lambda: sum(len(nlp(text)) for text in articles))
    n, words = len(articles), count_words(articles)
    return [
        Row(name, system, n, words, t.seconds, t.peak_rss_mb, pipe.seconds, each.seconds)
        for system, t in (("spaCy nlp.pipe(texts)", pipe), ("spaCy nlp(text) each", each))
    ]


def like(base: Row, system: str, timing: Timing, failed: int) -> Row:
    """A row for another system on the same articles as `base`."""
    return Row(
        base.texts,
        system,
        base.articles,
        base.words,
        timing.seconds,
        timing.peak_rss_mb,
        base.pipe_seconds,
        base.each_seconds,
        failed,
    )


def quotes_alone(texts: list[str]) -> float:
    """Seconds `find_quotes` takes on every text, parsed beforehand (the parse is not timed).

    The attribution stage's own cost, without the entities `analyze` links
    speakers to: the issue holds it to 30% of the spaCy parse.
    """
    nlp = load_nlp()
    docs = list(nlp.pipe(texts))
    cues.model()
    start = time.perf_counter()
    for text, doc in zip(texts, docs, strict=True):
        find_quotes(Article(text=text, source=Source(input="text")), doc)
    return time.perf_counter() - start


def events_alone(texts: list[str]) -> tuple[float, float]:
    """Seconds of the event stage on every text, analysed and parsed beforehand (not timed).

    First `find_events` as `analyze` runs it; then the argument finder with
    every verb as a trigger, a bound on its cost however many triggers the
    type coder finds. The issue holds the stage to 15% of the spaCy parse.
    """
    nlp = load_nlp()
    analysed = [analyze(text, input="text", time_limit_s=None) for text in texts]
    docs = list(nlp.pipe(a.text for a in analysed))
    start = time.perf_counter()
    for article, doc in zip(analysed, docs, strict=True):
        find_events(article, doc)
    stage = time.perf_counter() - start
    verbs = [
        [Trigger(t.i, t.idx, t.idx + len(t.text), "CONSULT") for t in doc if t.pos_ == "VERB"]
        for doc in docs
    ]
    start = time.perf_counter()
    for article, doc, triggers in zip(analysed, docs, verbs, strict=True):
        events_of(article, doc, triggers)
    return stage, time.perf_counter() - start


def bench_polnear(texts: list[str]) -> list[Row]:
    """Clean text: bare spaCy, `analyze(text, input="text")`, then the quote and event stages."""
    rows = bare_spacy("PolNeAR dev (clean text)", texts)
    (_, failed), timing = measured(lambda: analyze_all(texts, "text"))
    quotes, alone = measured(lambda: quotes_alone(texts))
    (stage, every_verb), events = measured(lambda: events_alone(texts))
    rss = events.peak_rss_mb
    return [
        *rows,
        like(rows[0], 'newsgraph analyze(text, input="text")', timing, failed),
        like(rows[0], "newsgraph find_quotes alone", Timing(quotes, alone.peak_rss_mb), 0),
        like(rows[0], "newsgraph find_events alone", Timing(stage, rss), 0),
        like(
            rows[0], "newsgraph event arguments, every verb a trigger", Timing(every_verb, rss), 0
        ),
    ]


def bench_dumps(dumps: list[str]) -> list[Row]:
    """Text dumps: cleaning alone, bare spaCy on the articles it found, then `analyze(dump)`."""
    (articles, refused), cleaning = measured(lambda: analyze_all(dumps, analysis=False))
    rows = bare_spacy("extraction-dev (text dumps)", articles)
    (_, failed), whole = measured(lambda: analyze_all(dumps))
    return [
        like(rows[0], "newsgraph cleaning only", cleaning, refused),
        *rows,
        like(rows[0], "newsgraph analyze(dump)", whole, failed),
    ]


def table(rows: list[Row]) -> str:
    """The rows as a markdown table."""
    lines = [
        "| texts | system | articles | words | s | articles/s | words/s | × pipe | × each "
        "| peak RSS MB |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        failed = f" ({r.failed} refused)" if r.failed else ""
        lines.append(
            f"| {r.texts} | {r.system}{failed} | {r.articles} | {r.words:,} | {r.seconds:.2f} "
            f"| {r.per_second:.1f} | {r.words_per_second:,.0f} | {r.seconds / r.pipe_seconds:.2f} "
            f"| {r.seconds / r.each_seconds:.2f} | {r.peak_rss_mb:.0f} |"
        )
    return "\n".join(lines)


BARE_SCRIPT = """
import json, sys
import spacy
nlp = spacy.load(sys.argv[1], exclude=sys.argv[2].split(","))
texts = (open(path, encoding="utf-8").read() for path in sys.argv[3:])
for doc in nlp.pipe(texts):
    ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
    sys.stdout.write(json.dumps({"text": doc.text, "entities": ents}, ensure_ascii=False) + "\\n")
"""
LOAD_SCRIPT = "import sys, spacy; spacy.load(sys.argv[1], exclude=sys.argv[2].split(','))"
TINY = "The minister said on Monday that talks would resume in Geneva.\n"


@dataclass(slots=True)
class Process:
    """One command as a whole process, over some files: median wall and CPU seconds."""

    task: str
    system: str
    words: int
    seconds: float
    cpu_seconds: float

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def timed(command: list[str], out: Path) -> tuple[float, float]:
    """Wall and CPU seconds (user + system, its children included) of one command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    with out.open("wb") as sink:
        subprocess.run(command, stdout=sink, stderr=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def compare(task: str, words: int, commands: dict[str, list[str]], repeat: int) -> list[Process]:
    """Run the commands in turn `repeat` times; a row of medians for each."""
    runs: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    with tempfile.TemporaryDirectory() as scratch:
        for _ in range(repeat):
            for name, command in commands.items():
                runs[name].append(timed(command, Path(scratch) / "out"))
    return [
        Process(
            task,
            name,
            words,
            statistics.median(w for w, _ in found),
            statistics.median(c for _, c in found),
        )
        for name, found in runs.items()
    ]


def bench_process(texts: list[str], repeat: int, cpu: str) -> list[Process]:
    """`newsgraph analyze --no-clean` against bare spaCy, as whole processes on one core."""
    pin = ["taskset", "-c", cpu] if shutil.which("taskset") else []
    python = [*pin, sys.executable]
    model = [MODEL, ",".join(EXCLUDE)]
    with tempfile.TemporaryDirectory() as folder:
        files = []
        for i, text in enumerate(texts):
            files.append(Path(folder) / f"{i:04d}.txt")
            files[-1].write_text(text, encoding="utf-8")
        tiny = Path(folder) / "tiny.txt"
        tiny.write_text(TINY, encoding="utf-8")
        paths = [str(f) for f in files]
        newsgraph = [*python, "-m", "newsgraph", "analyze", "--no-clean"]
        batch = compare(
            f"{len(files)} PolNeAR dev articles",
            count_words(texts),
            {
                "bare spaCy: load, `nlp.pipe`, JSON lines": [
                    *python,
                    "-c",
                    BARE_SCRIPT,
                    *model,
                    *paths,
                ],
                "`newsgraph analyze --no-clean`": [*newsgraph, *paths],
            },
            repeat,
        )
        start = compare(
            "start-up: one sentence",
            count_words([TINY]),
            {
                "`spacy.load` alone": [*python, "-c", LOAD_SCRIPT, *model],
                "`newsgraph analyze --no-clean`": [*newsgraph, str(tiny)],
            },
            repeat,
        )
    return batch + start


def process_table(rows: list[Process]) -> str:
    """The whole-process rows as a markdown table, each against the first row of its task."""
    lines = [
        "| task | system | words | wall s | CPU s | words/s (wall) | words/s (CPU) "
        "| × bare speed (wall) | × bare speed (CPU) |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    base: dict[str, Process] = {}
    for r in rows:
        first = base.setdefault(r.task, r)
        lines.append(
            f"| {r.task} | {r.system} | {r.words:,} | {r.seconds:.2f} | {r.cpu_seconds:.2f} "
            f"| {r.words / r.seconds:,.0f} | {r.words / r.cpu_seconds:,.0f} "
            f"| {first.seconds / r.seconds:.2f} | {first.cpu_seconds / r.cpu_seconds:.2f} |"
        )
    return "\n".join(lines)


def warm_up(texts: dict[str, list[str]], notes: list[str]) -> None:
    """Load the model and run `analyze` once per set; drop the dumps if their model is broken."""
    load_nlp()("Warm-up: the model is loaded before anything is timed.")
    if texts.get("polnear"):
        analyze(texts["polnear"][0], input="text")
    if texts.get("dumps"):
        try:
            analyze(texts["dumps"][0])
        except KeyError as err:  # the packaged text-dump model and its reader disagree
            notes.append(f"text dumps skipped: the text-dump model has no {err} (being retrained?)")
            del texts["dumps"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polnear", type=Path, default=DEFAULT_POLNEAR, help="PolNeAR text folder")
    parser.add_argument("--dumps", type=Path, default=DEFAULT_DUMPS, help="text-dump folder")
    parser.add_argument("--limit", type=int, help="at most N texts from each folder")
    parser.add_argument("--part", choices=["polnear", "dumps", "both", "process"], default="both")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each whole process")
    parser.add_argument("--cpu", default="0", help="the core whole processes are pinned to")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args(argv)

    folders = {"polnear": args.polnear, "dumps": args.dumps}
    wanted = [
        p for p in folders if args.part in (p, "both") or (args.part, p) == ("process", "polnear")
    ]
    texts: dict[str, list[str]] = {}
    notes: list[str] = []
    for part in wanted:
        found = read_texts(folders[part], args.limit) if folders[part].is_dir() else []
        if found:
            texts[part] = found
        else:
            notes.append(f"{part} skipped: no *.txt texts under {folders[part]}")
    if not texts:
        notes.append("no benchmark data (is ../shared next to the repository?): nothing measured")

    processes: list[Process] = []
    if args.part == "process" and texts:
        processes = bench_process(texts.pop("polnear"), args.repeat, args.cpu)
    if texts:
        warm_up(texts, notes)
    rows: list[Row] = []
    if texts.get("polnear"):
        rows += bench_polnear(texts["polnear"])
    if texts.get("dumps"):
        rows += bench_dumps(texts["dumps"])

    for note in notes:
        print(note, file=sys.stderr)
    if args.json:
        env = {
            "python": platform.python_version(),
            "spacy": version("spacy"),
            "model": MODEL,
            "machine": platform.machine(),
            "limit": args.limit,
        }
        found = [r.as_dict() for r in rows] + [p.as_dict() for p in processes]
        print(json.dumps({"env": env, "rows": found, "notes": notes}))
    elif rows or processes:
        print(f"spaCy {version('spacy')}, {MODEL}, Python {platform.python_version()}\n")
        print(table(rows) if rows else process_table(processes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
