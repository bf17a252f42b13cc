"""Attribution accuracy on PolNeAR, exactly as `../shared/eval/score_quotes.py` scores it.

The metrics are the reference scorer's, kept here so that tests and the CLI can
gate on them without shelling out to ../shared. They are apart from the reading
of the corpus (`newsgraph.eval.polnear`) because they say what a match is, which
is the one thing that must agree with the reference to the last count, and
because they need no files to test.

Spans are compared as sets of tokens (`\\w+` runs and single punctuation marks),
trimmed of edge punctuation, so quotation marks and trailing commas never decide
a match. Counts are micro-averaged over the split: P over predicted quotes, R
over gold attributions; gold recall is also broken down by kind (direct, mixed,
indirect). The bootstrap deviation the reference adds is left out: it does not
change the scores and would cost a thousand resamples per run. Counts are summed
article by article (`Tally`), so no split is held in memory.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

METRICS = (
    "content exact",
    "content overlap",
    "content any",
    "source",
    "source overlap",
    "cue exact",
    "cue overlap",
)
# Not in the reference scorer: source F1 of the attributions whose source is a pronoun
# ("he said"), gold and predicted alike, scored as "source" is.
PRONOUN_METRICS = ("source pronoun",)
PRONOUNS = frozenset({
    "he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "us", "me",
    "his", "its", "their", "our", "my", "your",
})  # fmt: skip
KINDS = ("direct", "mixed", "indirect")
QUOTE_MARKS = '"“”„‟«»'

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
    """One predicted quote in the reference scorer's terms: character spans, roles optional.

    A role is one `(start, end)` span or, for a discontinuous quote, a tuple of
    them, as the reference accepts `[s, e]` or `[[s, e], ...]`.
    """

    content: Span | Spans
    source: Span | Spans | None = None
    cue: Span | Spans | None = None

    def to_dict(self) -> dict[str, Any]:
        def pair(span: Span | Spans | None) -> Any:
            if span is None:
                return None
            pieces = as_spans(span)
            return list(pieces[0]) if len(pieces) == 1 else [list(p) for p in pieces]

        return {"content": pair(self.content), "source": pair(self.source), "cue": pair(self.cue)}


def as_spans(value: Span | Spans | None) -> Spans:
    """A role as a tuple of spans, whether given as one span, several, or None."""
    if not value:
        return ()
    if isinstance(value[0], int):
        return (value,)
    return tuple(value)


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
            tok.of(as_spans(q.content)),
            tok.of(as_spans(q.source)),
            tok.of(as_spans(q.cue)) if q.cue else None,
        )
        for q in quotes
    ]
    text = article.text
    gold_pron = [
        (tok.of(a.content), tok.of(a.source))
        for a in article.attributions
        if is_pronoun(text, a.source) and tok.of(a.content)
    ]
    pred_pron = [
        (p[0], p[1])
        for p, q in zip(pred, quotes, strict=True)
        if is_pronoun(text, as_spans(q.source))
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
        "source pronoun": _linked(pred_pron, gold_pron),
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


def is_pronoun(text: str, spans: Spans) -> bool:
    """Whether a source's words are all personal pronouns ("he", "they", "his")."""
    words = [w.lower() for s, e in spans for w in re.findall(r"\w+", text[s:e])]
    return bool(words) and all(w in PRONOUNS for w in words)


class Tally:
    """Running sums of article counts, so a split is scored without keeping its articles."""

    def __init__(self) -> None:
        self.metrics: dict[str, list[int]] = {m: [0, 0, 0, 0] for m in METRICS + PRONOUN_METRICS}
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
