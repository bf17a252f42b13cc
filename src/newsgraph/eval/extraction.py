"""Article-body extraction accuracy, exactly as `../shared/eval/score_extraction.py` scores it.

The metric is the ScrapingHub benchmark's: multisets of 4-token `\\w+` shingles,
per-page TP/FP/FN scaled to sum to 1, precision averaged over pages with output,
recall over pages with truth, F1 the harmonic mean of the two averages. Keeping
our own copy lets tests and benchmarks gate on it without shelling out.

`evaluate_split` runs newsgraph's cleaning stage over a split folder
(`ground-truth.json`, `html/<id>.html.gz`, `text/<id>.txt`) and scores it; the
`newsgraph eval extraction` command and `benchmarks/extraction.py` both use it.
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
from collections import Counter
from pathlib import Path

from newsgraph.model import InputKind, Source
from newsgraph.pipeline import clean
from newsgraph.read.decode import decode_bytes

NGRAM = 4
_WORD = re.compile(r"\w+", re.UNICODE)

Counts = tuple[float, float, float]


def tokens(text: str | None) -> list[str]:
    """The benchmark's tokens: runs of Unicode word characters, case kept."""
    return _WORD.findall(text or "")


def shingles(text: str | None, n: int = NGRAM) -> Counter[tuple[str, ...]]:
    """Multiset of n-token shingles; a text shorter than n is one shingle."""
    toks = tokens(text)
    if not toks:
        return Counter()
    if len(toks) < n:
        return Counter([tuple(toks)])
    return Counter(tuple(toks[i : i + n]) for i in range(len(toks) - n + 1))


def page_counts(true_text: str, pred_text: str) -> Counts:
    """TP, FP, FN of one page, scaled to sum to 1 so that every page weighs the same."""
    t = shingles(true_text)
    p = shingles(pred_text)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    total = tp + fp + fn
    if total:
        return tp / total, fp / total, fn / total
    return 0.0, 0.0, 0.0


def page_precision(tp: float, fp: float, fn: float) -> float:
    """Precision of one page; a perfect (or doubly empty) page scores 1."""
    if fp == 0 and fn == 0:
        return 1.0
    if tp == 0 and fp == 0:
        return 0.0
    return tp / (tp + fp)


def page_recall(tp: float, fp: float, fn: float) -> float:
    """Recall of one page; a perfect (or doubly empty) page scores 1."""
    if fp == 0 and fn == 0:
        return 1.0
    if tp == 0 and fn == 0:
        return 0.0
    return tp / (tp + fn)


def page_f1(counts: Counts) -> float:
    """F1 of one page, for finding the worst pages."""
    p, r = page_precision(*counts), page_recall(*counts)
    return 2 * p * r / (p + r) if p + r else 0.0


def aggregate(counts: list[Counts]) -> dict[str, float]:
    """Macro precision and recall over pages, and the F1 of those two means."""
    ps = [page_precision(*c) for c in counts if c[0] + c[1] > 0]
    rs = [page_recall(*c) for c in counts if c[0] + c[2] > 0]
    p = statistics.mean(ps) if ps else 0.0
    r = statistics.mean(rs) if rs else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"f1": f1, "precision": p, "recall": r}


def score_pages(truth: dict[str, str], pred: dict[str, str]) -> dict[str, float]:
    """F1, precision and recall of `pred` over every page of `truth` (missing = empty)."""
    return aggregate([page_counts(truth[i], pred.get(i, "")) for i in sorted(truth)])


def load_truth(path: str | Path) -> dict[str, str]:
    """Page id to true article body, from a split folder or its ground-truth.json."""
    path = Path(path)
    if path.is_dir():
        path = path / "ground-truth.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    return {k: (v.get("articleBody") or "") for k, v in data.items()}


# the input kinds a split holds pages for; "text" cleans the text dump as a clean article
_KINDS: dict[str, InputKind] = {"html": "html", "textdump": "textdump", "text": "text"}


def read_split_page(data: Path, page_id: str, kind: str) -> str:
    """One page of a split as text: the decoded HTML, or the text dump for the other kinds."""
    if kind == "html":
        return decode_bytes(gzip.decompress((data / "html" / f"{page_id}.html.gz").read_bytes()))
    return (data / "text" / f"{page_id}.txt").read_text(encoding="utf-8")


def _input_kind(kind: str) -> InputKind:
    """The pipeline's input kind for a kind named on the command line; ValueError if none."""
    if kind not in _KINDS:
        raise ValueError(f"unknown input kind {kind!r}; expected one of {', '.join(_KINDS)}")
    return _KINDS[kind]


def clean_body(text: str, kind: str) -> str:
    """The article body that newsgraph's cleaning stage (only) finds in one page."""
    input_kind = _input_kind(kind)
    return clean(text, input_kind, Source(input=input_kind)).body


def evaluate_split(data: Path, kind: str) -> tuple[dict[str, float], dict[str, str]]:
    """Scores (F1, precision, recall) of newsgraph's cleaning on a split, and its bodies by id.

    `kind` is "html" (pages from `html/`) or "textdump" (pages from `text/`); "text"
    takes the text dumps as clean articles, the whole-dump baseline. Pages are read
    and cleaned one at a time.
    """
    _input_kind(kind)
    truth = load_truth(data)
    preds = {i: clean_body(read_split_page(data, i, kind), kind) for i in sorted(truth)}
    return score_pages(truth, preds), preds
