"""Attribution accuracy on PolNeAR, exactly as `../shared/eval/score_quotes.py` scores it.

PolNeAR annotates every attribution in US election news (brat standoff: one
event per attribution with Source, Cue and Content spans). A split is read as
the reference loader reads it (`../shared/eval/polnear.py`): `<split>/text/*.txt`
and `<split>/attributions/<stem>_<annotator>.ann`, under the folder given or its
`data/`; an article annotated by several annotators uses the first annotator id
in sorted order; events without a Content are dropped.

The metrics are the reference scorer's, kept here so that tests and the CLI can
gate on them without shelling out to ../shared. Spans are compared as sets of
tokens (`\\w+` runs and single punctuation marks), trimmed of edge punctuation,
so quotation marks and trailing commas never decide a match. Counts are
micro-averaged over the split: P over predicted quotes, R over gold
attributions; gold recall is also broken down by kind (direct, mixed, indirect).
The bootstrap deviation the reference adds is left out: it does not change the
scores and would cost a thousand resamples per run.

Articles are read, analysed and scored one at a time, so no split is held in
memory; an article whose analysis fails counts as "no quotes" and is reported.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from newsgraph.errors import NewsgraphError
from newsgraph.model import Article, TextSpan

SPLITS = ("train", "dev", "test")
METRICS = (
    "content exact",
    "content overlap",
    "content any",
    "source",
    "source overlap",
    "cue exact",
    "cue overlap",
)
KINDS = ("direct", "mixed", "indirect")
QUOTE_MARKS = '"“”„‟«»'

_T_LINE = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)")
_E_LINE = re.compile(r"^(E\d+)\t(.*)$")
_TOKEN = re.compile(r"\w+|[^\w\s]")

Span = tuple[int, int]
Spans = tuple[Span, ...]
Tokens = frozenset[int]
Counts = tuple[int, int, int, int]  # pred hits, pred total, gold hits, gold total
# exact hits, any-overlap hits, overlapping tokens, gold quotes, gold tokens
KindCounts = tuple[int, int, int, int, int]


@dataclass(frozen=True, slots=True)
class Attribution:
    """One gold attribution; an empty `source` or `cue` was not annotated."""

    id: str
    content: Spans
    source: Spans
    cue: Spans


@dataclass(slots=True)
class GoldArticle:
    """One PolNeAR article with the attributions of the annotator it is scored on."""

    id: str
    text: str
    annotator: str
    annotators: tuple[str, ...]
    attributions: list[Attribution] = field(default_factory=list)
    dropped: int = 0


@dataclass(frozen=True, slots=True)
class Prediction:
    """One predicted quote in the reference scorer's terms: character spans, roles optional."""

    content: Span
    source: Span | None = None
    cue: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        def pair(span: Span | None) -> list[int] | None:
            return list(span) if span is not None else None

        return {"content": list(self.content), "source": pair(self.source), "cue": pair(self.cue)}


@dataclass(frozen=True, slots=True)
class MetricScore:
    """P, R and F1 of one metric with the counts they come from."""

    precision: float
    recall: float
    f1: float
    pred: tuple[int, int]  # hits, total
    gold: tuple[int, int]

    def to_dict(self) -> dict[str, Any]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "pred": list(self.pred),
            "gold": list(self.gold),
        }


@dataclass(frozen=True, slots=True)
class KindRecall:
    """Gold recall of one kind of attribution: exact, any overlap, token overlap."""

    n_gold: int
    exact: float
    any: float
    overlap: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "n_gold": self.n_gold,
            "exact": round(self.exact, 4),
            "any": round(self.any, 4),
            "overlap": round(self.overlap, 4),
        }


@dataclass(slots=True)
class Scores:
    """A split's scores. A metric is None when no predicted quote has its role (as the
    reference reports a system without cues), so "n/a" is not mistaken for zero."""

    split: str
    articles: int
    gold: int
    dropped: int
    metrics: dict[str, MetricScore | None]
    recall: dict[str, KindRecall]
    failed: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "split": self.split,
            "articles": self.articles,
            "gold": self.gold,
            "dropped": self.dropped,
            "failed": len(self.failed),
            "metrics": {m: (s.to_dict() if s else None) for m, s in self.metrics.items()},
            "recall": {k: r.to_dict() for k, r in self.recall.items()},
        }


# --- reading a split ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Split:
    """The articles of one split on disk: ids in the reference's order, and annotators."""

    name: str
    folder: Path
    ids: tuple[str, ...]
    annotators: dict[str, tuple[str, ...]]

    def articles(self) -> Iterator[GoldArticle]:
        """Each article read when it is reached, not before."""
        for stem in self.ids:
            yield self.read(stem)

    def read(self, stem: str) -> GoldArticle:
        who = self.annotators[stem]
        text = (self.folder / "text" / f"{stem}.txt").read_text(encoding="utf-8")
        ann = (self.folder / "attributions" / f"{stem}_{who[0]}.ann").read_text(encoding="utf-8")
        attributions, dropped = parse_ann(ann)
        return GoldArticle(stem, text, who[0], who, attributions, dropped)


def open_split(root: Path, split: str, limit: int | None = None) -> Split:
    """Find a split under `root` (or `root/data`) and list its articles, sorted by file name.

    Raises NewsgraphError with a one-line message when the folder, the split or
    an article's annotations are missing. `limit` keeps the first articles only.
    """
    if split not in SPLITS:
        raise NewsgraphError(f"unknown split {split!r}; expected one of {', '.join(SPLITS)}")
    if not root.is_dir():
        raise NewsgraphError(f"{root}: no such folder")
    folder = next((b / split for b in (root / "data", root) if (b / split / "text").is_dir()), None)
    if folder is None:
        raise NewsgraphError(f"{root} holds no {split}/text (nor data/{split}/text)")
    if not (folder / "attributions").is_dir():
        raise NewsgraphError(f"{folder} holds no attributions/ folder")
    found: dict[str, list[str]] = {}
    for path in (folder / "attributions").iterdir():
        if path.is_file() and path.name.endswith(".ann") and "_" in path.stem:
            stem, who = path.stem.rsplit("_", 1)
            found.setdefault(stem, []).append(who)
    # The reference sorts by file name, which is not always the order of the stems.
    texts = sorted(p.name for p in (folder / "text").iterdir() if p.is_file())
    ids = tuple(name[:-4] for name in texts if name.endswith(".txt"))
    for stem in ids:
        if stem not in found:
            raise NewsgraphError(f"no attributions file for {split}/{stem}")
    if not ids:
        raise NewsgraphError(f"no {split} articles found under {root}")
    ids = ids[:limit] if limit else ids
    return Split(split, folder, ids, {stem: tuple(sorted(found[stem])) for stem in ids})


def parse_ann(ann: str) -> tuple[list[Attribution], int]:
    """The attributions in one brat .ann text, and how many events had no Content.

    Surface strings may hold newlines, so lines that are neither a `T` nor an `E`
    line are skipped; a malformed event argument is skipped rather than fatal.
    """
    spans: dict[str, Spans] = {}
    events: list[tuple[str, list[str]]] = []
    for line in ann.splitlines():
        if m := _T_LINE.match(line):
            spans[m[1]] = tuple(_pair(o) for o in m[3].split(";"))
        elif m := _E_LINE.match(line):
            events.append((m[1], m[2].split()))
    out: list[Attribution] = []
    dropped = 0
    for eid, args in events:
        roles: dict[str, list[Span]] = {"Content": [], "Source": [], "Cue": []}
        for arg in args:
            role, _, tid = arg.partition(":")
            role = role.rstrip("0123456789")
            if role in roles and tid in spans:
                roles[role].extend(spans[tid])
        if not roles["Content"]:
            dropped += 1
            continue
        content, source, cue = (tuple(sorted(roles[r])) for r in ("Content", "Source", "Cue"))
        out.append(Attribution(eid, content, source, cue))
    return out, dropped


def _pair(offsets: str) -> Span:
    start, end = offsets.split()
    return int(start), int(end)


# --- the metrics ----------------------------------------------------------------------


class TokenIndex:
    """The tokens of one article text, to turn character spans into token sets."""

    __slots__ = ("ends", "starts", "word")

    def __init__(self, text: str) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.word: list[bool] = []
        for m in _TOKEN.finditer(text):
            self.starts.append(m.start())
            self.ends.append(m.end())
            self.word.append(m[0][0].isalnum() or m[0][0] == "_")

    def of(self, spans: Iterable[Span]) -> Tokens:
        """Tokens the spans touch, edge punctuation trimmed unless a span is all punctuation."""
        ids: set[int] = set()
        for s, e in spans:
            i, j = bisect.bisect_right(self.ends, s), bisect.bisect_left(self.starts, e)
            if any(self.word[i:j]):
                while not self.word[i]:
                    i += 1
                while not self.word[j - 1]:
                    j -= 1
            ids.update(range(i, j))
        return frozenset(ids)


def quote_kind(text: str, content: Spans) -> str:
    """direct: starts and ends with a quotation mark; mixed: has one elsewhere; else indirect."""
    body = text[content[0][0] : content[-1][1]].strip(" \n\t,.;:")
    # `"" in QUOTE_MARKS` is true: an empty body counts as direct, as in the reference.
    if body[:1] in QUOTE_MARKS and body[-1:] in QUOTE_MARKS:
        return "direct"
    return "mixed" if any(c in QUOTE_MARKS for c in body) else "indirect"


def _exact(pred: Sequence[Tokens], gold: Sequence[Tokens]) -> Counts:
    p, g = set(pred), set(gold)
    return sum(x in g for x in pred), len(pred), sum(x in p for x in gold), len(gold)


def _any(pred: Sequence[Tokens], gold: Sequence[Tokens]) -> Counts:
    hits = sum(any(x & y for y in gold) for x in pred)
    return hits, len(pred), sum(any(x & y for y in pred) for x in gold), len(gold)


def _overlap(pred: Sequence[Tokens], gold: Sequence[Tokens]) -> Counts:
    up: Tokens = frozenset().union(*pred)
    ug: Tokens = frozenset().union(*gold)
    return (
        sum(len(x & ug) for x in pred),
        sum(map(len, pred)),
        sum(len(x & up) for x in gold),
        sum(map(len, gold)),
    )


def _linked(pred: Sequence[tuple[Tokens, Tokens]], gold: Sequence[tuple[Tokens, Tokens]]) -> Counts:
    """Content overlaps a gold content and the source overlaps its source (or both lack one)."""

    def ok(a: tuple[Tokens, Tokens], b: tuple[Tokens, Tokens]) -> bool:
        return bool(a[0] & b[0]) and bool(a[1] & b[1] or not (a[1] or b[1]))

    hits = sum(any(ok(x, y) for y in gold) for x in pred)
    return hits, len(pred), sum(any(ok(x, y) for y in pred) for x in gold), len(gold)


@dataclass(slots=True)
class ArticleCounts:
    """One article's hit counts for every metric, and gold recall counts by kind."""

    metrics: dict[str, Counts]
    by_kind: dict[str, KindCounts]


def article_counts(article: GoldArticle, quotes: Sequence[Prediction]) -> ArticleCounts:
    """Score one article's predictions against its gold attributions."""
    tok = TokenIndex(article.text)
    gold = [
        (tok.of(a.content), tok.of(a.source), tok.of(a.cue), quote_kind(article.text, a.content))
        for a in article.attributions
    ]
    gold = [g for g in gold if g[0]]
    pred = [
        (
            tok.of([q.content]),
            tok.of([q.source] if q.source else []),
            tok.of([q.cue]) if q.cue else None,
        )
        for q in quotes
    ]
    pc, gc = [p[0] for p in pred], [g[0] for g in gold]
    ps, gs = [p[1] for p in pred if p[1]], [g[1] for g in gold if g[1]]
    pk, gk = [p[2] for p in pred if p[2] is not None], [g[2] for g in gold if g[2]]
    metrics = {
        "content exact": _exact(pc, gc),
        "content overlap": _overlap(pc, gc),
        "content any": _any(pc, gc),
        "source": _linked([(p[0], p[1]) for p in pred], [(g[0], g[1]) for g in gold]),
        "source overlap": _overlap(ps, gs),
        "cue exact": _exact(pk, gk),
        "cue overlap": _overlap(pk, gk),
    }
    by_kind: dict[str, KindCounts] = {}
    for kind in KINDS:
        gt = [g[0] for g in gold if g[3] == kind]
        by_kind[kind] = (
            _exact(pc, gt)[2],
            _any(pc, gt)[2],
            _overlap(pc, gt)[2],
            len(gt),
            sum(map(len, gt)),
        )
    return ArticleCounts(metrics, by_kind)


class Tally:
    """Running sums of article counts, so a split is scored without keeping its articles."""

    def __init__(self) -> None:
        self.metrics: dict[str, list[int]] = {m: [0, 0, 0, 0] for m in METRICS}
        self.by_kind: dict[str, list[int]] = {k: [0, 0, 0, 0, 0] for k in KINDS}
        self.articles = self.gold = self.dropped = 0

    def add(self, article: GoldArticle, counts: ArticleCounts) -> None:
        self.articles += 1
        self.gold += len(article.attributions)
        self.dropped += article.dropped
        for name, values in counts.metrics.items():
            self.metrics[name] = [a + b for a, b in zip(self.metrics[name], values, strict=True)]
        for kind, kvalues in counts.by_kind.items():
            self.by_kind[kind] = [a + b for a, b in zip(self.by_kind[kind], kvalues, strict=True)]

    def scores(self, split: str, failed: list[str] | None = None) -> Scores:
        metrics: dict[str, MetricScore | None] = {}
        for name, (ph, pt, gh, gt) in self.metrics.items():
            if not pt:
                metrics[name] = None
                continue
            p, r = ph / pt, (gh / gt if gt else 0.0)
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            metrics[name] = MetricScore(p, r, f1, (ph, pt), (gh, gt))
        recall = {
            kind: KindRecall(
                n,
                ex / n if n else 0.0,
                an / n if n else 0.0,
                ov / ntok if ntok else 0.0,
            )
            for kind, (ex, an, ov, n, ntok) in self.by_kind.items()
        }
        return Scores(
            split, self.articles, self.gold, self.dropped, metrics, recall, list(failed or [])
        )


# --- running newsgraph ----------------------------------------------------------------


def predictions(article: Article) -> list[Prediction]:
    """`article.quotes` as the reference scorer's spans; a span outside the text is dropped.

    A quote with a bad content span is left out (the reference would reject the
    whole file); a bad speaker or cue span is left out of that quote only.
    """
    n = len(article.text)

    def ok(span: TextSpan | None) -> Span | None:
        if span is None or not 0 <= span.start <= span.end <= n:
            return None
        return span.start, span.end

    out: list[Prediction] = []
    for quote in article.quotes:
        content = ok(quote.content)
        if content is None:
            continue
        source = ok(quote.speaker.span) if quote.speaker else None
        out.append(Prediction(content, source, ok(quote.cue)))
    return out


def predict(text: str) -> list[Prediction]:
    """newsgraph's quotes in one PolNeAR text, read as clean text so offsets are the file's."""
    from newsgraph.pipeline import analyze

    article = analyze(text, input="text")
    if article.text != text:
        raise NewsgraphError("the analysis changed the text, so its offsets would not match")
    return predictions(article)


Predictor = Callable[[str], list[Prediction]]


def evaluate(
    split: Split,
    predictor: Predictor = predict,
    *,
    pred_out: TextIO | None = None,
    advance: Callable[[str], object] | None = None,
) -> Scores:
    """Run `predictor` on every article of `split` and score it.

    Each article's predictions are written to `pred_out` (JSONL in the reference
    scorer's format) as soon as they are made; `advance(article_id)` is called
    after each article, for a progress bar. An article whose analysis raises is
    scored as "no quotes" and listed in `Scores.failed` as `id: reason`.
    """
    tally = Tally()
    failed: list[str] = []
    for article in split.articles():
        try:
            quotes = predictor(article.text)
        except Exception as exc:  # one bad article must not end an evaluation
            failed.append(f"{article.id}: {type(exc).__name__}: {exc}")
            quotes = []
        tally.add(article, article_counts(article, quotes))
        if pred_out is not None:
            record = {"id": article.id, "quotes": [q.to_dict() for q in quotes]}
            pred_out.write(json.dumps(record) + "\n")
        if advance is not None:
            advance(article.id)
    return tally.scores(split.name, failed)
