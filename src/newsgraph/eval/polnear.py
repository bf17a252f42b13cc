"""PolNeAR read from disk, newsgraph run on it, and the result scored.

PolNeAR annotates every attribution in US election news (brat standoff: one
event per attribution with Source, Cue and Content spans). A split is read as
the reference loader reads it (`../shared/eval/polnear.py`): `<split>/text/*.txt`
and `<split>/attributions/<stem>_<annotator>.ann`, under the folder given or its
`data/`; an article annotated by several annotators uses the first annotator id
in sorted order; events without a Content are dropped. How predictions are
scored against the attributions is `newsgraph.eval.quote_metrics`.

Articles are read, analysed and scored one at a time, so no split is held in
memory; an article whose analysis fails counts as "no quotes" and is reported.

How `Article.quotes` become the scorer's predictions (`predictions`) follows
PolNeAR's rule that every word belongs to one attribution:

- a quote nested inside another (`Quote.within` set: the White House said that
  Obama "underscored ...") is not submitted, since PolNeAR gives its words to
  the outer attribution and never annotates the inner one;
- a content that holds its own cue or speaker (a quote interrupted by "he
  said", or continued after it) is submitted in pieces, as the reference
  accepts a list of spans for a role: for a direct quote, the quoted passages
  inside the content; otherwise the content less the cue and speaker spans.
  `Quote.content` itself stays one span from the first word to the last,
  which is what a reader of the article JSON wants.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from newsgraph.analyse.attribution.quotemarks import passages
from newsgraph.errors import NewsgraphError
from newsgraph.eval.quote_metrics import (
    Attribution,
    GoldArticle,
    Prediction,
    Scores,
    Span,
    Spans,
    Tally,
    article_counts,
)
from newsgraph.model import Article, TextSpan

__all__ = [
    "SPLITS",
    "Predictor",
    "Scores",
    "Split",
    "evaluate",
    "open_split",
    "parse_ann",
    "predict",
    "predictions",
]

SPLITS = ("train", "dev", "test")

_T_LINE = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)")
_E_LINE = re.compile(r"^(E\d+)\t(.*)$")


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
        if content is None or quote.within is not None:
            continue
        source = ok(quote.speaker.span) if quote.speaker else None
        cue = ok(quote.cue)
        pieces = _content_pieces(article.text, quote.kind, content, [x for x in (cue, source) if x])
        out.append(Prediction(pieces[0] if len(pieces) == 1 else pieces, source, cue))
    return out


def _content_pieces(text: str, kind: str, content: Span, own: list[Span]) -> Spans:
    """The content as PolNeAR marks it: without the attribution's own cue and speaker words.

    Unchanged when no cue or speaker lies inside it. A direct quote keeps its
    quoted passages; any other content keeps what is left around the cue and
    speaker, less pieces without a word.
    """
    start, end = content
    inner = sorted((max(s, start), min(e, end)) for s, e in own if s < end and e > start)
    if not inner:
        return (content,)
    if kind == "direct":
        marks = tuple((p.start, p.end) for p in passages(text) if start <= p.start < p.end <= end)
        if marks:
            return marks
    pieces: list[Span] = []
    at = start
    for s, e in inner:
        if s > at:
            pieces.append((at, s))
        at = max(at, e)
    if at < end:
        pieces.append((at, end))
    kept = tuple(p for p in pieces if any(c.isalnum() for c in text[p[0] : p[1]]))
    return kept or (content,)


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
