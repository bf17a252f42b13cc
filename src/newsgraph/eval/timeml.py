"""Time-expression accuracy on TimeML documents, as `../shared/eval/timeml.py` scores it.

A TimeML file (TimeBank, AQUAINT) holds a news text whose time expressions are
`<TIMEX3>` elements, and its document creation time in `<DCT>`. `load` reads one
as the reference does: the text with every tag removed and leading whitespace
cut, and the gold (start, end, type, value) with offsets into that text. Each
document is analysed as clean text (`input="text"`) published on its DCT, and
`score` gives TempEval-3's figures: strict and relaxed span F1, and type and
value F1 over relaxed matches. Documents are read and analysed one at a time.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from newsgraph.errors import NewsgraphError

__all__ = ["GoldDoc", "Item", "documents", "evaluate", "load", "predict", "score"]

Item = tuple[int, int, str | None, str | None]

_TOKEN = re.compile(r"<TIMEX3 ([^>]*)>(.*?)</TIMEX3>|<[^>]+>|[^<]+", re.S)
_DCT = re.compile(r'<DCT>.*?value="([^"]+)"', re.S)
_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True, slots=True)
class GoldDoc:
    """One TimeML document: its name, creation date, plain text and gold timexes."""

    name: str
    dct: str
    text: str
    gold: list[Item]


def load(path: Path) -> GoldDoc:
    """Read one .tml file the way the reference loader does."""
    raw = path.read_text(encoding="utf-8")
    dct_m, text_m = _DCT.search(raw), _TEXT.search(raw)
    if dct_m is None or text_m is None:
        raise NewsgraphError(f"{path}: no <DCT> or <TEXT> element")
    out: list[str] = []
    gold: list[Item] = []
    n = 0
    for m in _TOKEN.finditer(text_m.group(1)):
        if m.group(1) is not None:
            s = html.unescape(re.sub(r"<[^>]+>", "", m.group(2)))
            attrs = dict(_ATTR.findall(m.group(1)))
            gold.append((n, n + len(s), attrs.get("type"), attrs.get("value")))
        elif m.group(0).startswith("<"):
            continue
        else:
            s = html.unescape(m.group(0))
        out.append(s)
        n += len(s)
    text = "".join(out)
    k = len(text) - len(text.lstrip())
    shifted = [(a - k, b - k, c, d) for a, b, c, d in gold]
    return GoldDoc(path.stem, dct_m.group(1)[:10], text[k:], shifted)


def documents(root: Path, limit: int | None = None) -> list[Path]:
    """The .tml files under `root`, sorted by path; NewsgraphError when there are none."""
    if not root.is_dir():
        raise NewsgraphError(f"{root}: no such folder")
    paths = sorted(root.rglob("*.tml"))
    if not paths:
        raise NewsgraphError(f"{root} holds no .tml files")
    return paths[:limit] if limit else paths


def predict(doc: GoldDoc) -> list[Item]:
    """newsgraph's timexes for one document, analysed as clean text published on its DCT."""
    from newsgraph.analyse.nlp import parse
    from newsgraph.analyse.timex.find import find_timexes
    from newsgraph.pipeline import analyze

    article = analyze(doc.text, published=doc.dct, input="text", analysis=False)
    timexes = find_timexes(article, parse(article.text))
    return [(t.span.start, t.span.end, t.type, t.value) for t in timexes]


def _f1(tp: int, n_sys: int, n_gold: int) -> float:
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def score(pairs: Iterable[tuple[list[Item], list[Item]]]) -> dict[str, float]:
    """TempEval-3 figures over (gold, system) pairs, one pair per document.

    A gold timex is matched strictly by a system one with the same offsets, and
    relaxed by the first one that overlaps it; type and value count over the
    relaxed match. Precision is over all system timexes, recall over all gold.
    """
    ng = ns = strict = relaxed = typ = val = 0
    for gold, system in pairs:
        ng += len(gold)
        ns += len(system)
        for g in gold:
            if any(s[0] == g[0] and s[1] == g[1] for s in system):
                strict += 1
            over = [s for s in system if s[0] < g[1] and g[0] < s[1]]
            if over:
                relaxed += 1
                typ += over[0][2] == g[2]
                val += over[0][3] == g[3]
    return {
        "gold": ng,
        "system": ns,
        "strict_f1": _f1(strict, ns, ng),
        "relaxed_f1": _f1(relaxed, ns, ng),
        "type_f1": _f1(typ, ns, ng),
        "value_f1": _f1(val, ns, ng),
    }


def evaluate(
    paths: Iterable[Path],
    predictor: Callable[[GoldDoc], list[Item]] = predict,
    advance: Callable[[str], None] | None = None,
) -> tuple[dict[str, float], list[tuple[str, list[Item], list[Item]]]]:
    """Scores over the documents, and each document's (name, gold, system) for inspection."""
    results = list(_run(paths, predictor, advance))
    return score((g, s) for _, g, s in results), results


def _run(
    paths: Iterable[Path],
    predictor: Callable[[GoldDoc], list[Item]],
    advance: Callable[[str], None] | None,
) -> Iterator[tuple[str, list[Item], list[Item]]]:
    for path in paths:
        doc = load(path)
        yield doc.name, doc.gold, predictor(doc)
        if advance is not None:
            advance(doc.name)
