"""Train the text-dump line classifier and measure it honestly.

    python train/textdump.py [--extra DIR] [--eval page|site|both] [--seeds K] [--cv-only]

Labels come from the extraction-dev pages: a dump line is article body when it
is one of the ground-truth body's lines. The script scores the full cleaner,
with the benchmark metric, on dev pages its model never saw, two ways: 5 folds
by page, and 5 folds that each hold out whole sites (leave-site-out, the
closer guess at unseen pages). Then it trains on every page and writes
`src/newsgraph/models/textdump.json` with both figures.

`--extra DIR` adds pages rendered by `train/textdump_pages.py` (dev pages'
templates around PolNeAR bodies or other sites' true bodies, dev pages at a
phone's width) to every training set; a page made from a held-out dev page
(its template or its body) is held out with it, and only real dev pages are
ever scored.

Every fold's held-out pages are decoded over a grid of threshold pairs (the
F1 of each is printed); `--choose-thresholds` takes the best pair (on
leave-site-out when measured) and writes it into the model with the scores it
gives. The pick is made on the predictions it is scored on, so its figure is
optimistic; without the flag the module's pair is kept.
`--nested-thresholds` is the honest alternative: every model (each fold's and the
final one) picks its pair on its own training pages, each scored by a stage 2
fitted without it, so the held-out figures never saw the pages they score.

`--seeds K` makes each stage's model the average of K fits on different
subsamples: steadier figures, K times the trees to evaluate.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from gbm import export
from sklearn.ensemble import GradientBoostingClassifier

from newsgraph.clean.assemble import assemble
from newsgraph.clean.lines import Line, context_features, line_features, split_lines
from newsgraph.clean.textdump import BODY_THRESHOLD, CORE_THRESHOLD, body_probabilities, decode
from newsgraph.clean.trees import predict_proba
from newsgraph.eval.extraction import load_truth, score_pages
from newsgraph.model import Source

ROOT = Path(__file__).resolve().parent.parent
TRAINED_BY = "train/textdump.py"
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")
SOURCE = Source(input="textdump")


@dataclass(slots=True)
class Doc:
    """One training page: its lines, their features and labels, its group and weight."""

    lines: list[Line]
    feats: list[list[float]]
    labels: list[int]
    group: str  # the dev page it is, or whose template it was rendered in
    weight: float
    origins: frozenset[str]  # every dev page it was made from (template, body)
    body: str  # the true body, for scoring decodes
    scored: bool  # a real dev page (rendered pages train but are never scored)


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def site_of(url: str) -> str:
    """The site a page belongs to: its host without a leading www."""
    return urlparse(url).netloc.lower().removeprefix("www.")


def label_lines(lines: list[Line], body: str) -> list[int]:
    """1 for lines of the true body; a repeated line counts once, where body lines cluster."""
    wanted: dict[str, int] = {}
    for raw in body.split("\n"):
        if raw.strip():
            wanted[_norm(raw)] = wanted.get(_norm(raw), 0) + 1
    texts = [_norm(line.text) for line in lines]
    hit = [t in wanted for t in texts]
    support = [sum(hit[max(0, i - 3) : i + 4]) for i in range(len(lines))]
    labels = [0] * len(lines)
    for i in sorted(range(len(lines)), key=lambda k: -support[k]):
        if hit[i] and wanted[texts[i]] > 0:
            wanted[texts[i]] -= 1
            labels[i] = 1
    return labels


def fit(
    rows: list[list[float]], labels: list[int], weights: list[float], seed: int, seeds: int = 1
) -> dict[str, Any]:
    """Boosted trees on the rows, exported; with `seeds` > 1, that many fits on
    different subsamples, averaged.

    One fit's held-out F1 moves by about 0.005 with the random subsample alone;
    the average of a few is steadier. Averaging their log-odds is one ensemble
    with every tree at 1/`seeds` of the learning rate, so the cleaner reads it as
    it reads one.
    """
    parts = []
    for k in range(seeds):
        model = GradientBoostingClassifier(
            n_estimators=200,
            max_depth=3,
            learning_rate=0.1,
            subsample=0.8,
            min_samples_leaf=20,
            random_state=seed + 101 * k,
        )
        model.fit(rows, labels, sample_weight=weights)
        parts.append(export(model, TRAINED_BY))
    return average(parts)


def average(parts: list[dict[str, Any]]) -> dict[str, Any]:
    """Exported ensembles of one learning rate as one whose log-odds are their mean."""
    merged = dict(parts[0])
    merged["init"] = sum(p["init"] for p in parts) / len(parts)
    merged["learning_rate"] = parts[0]["learning_rate"] / len(parts)
    merged["trees"] = [tree for p in parts for tree in p["trees"]]
    return merged


def _weights(doc: Doc) -> list[float]:
    """Weigh lines as the benchmark does: by their words, every page equally (times its weight)."""
    sizes = [len(_WORD.findall(line.text)) + 1 for line in doc.lines]
    total = sum(sizes)
    return [doc.weight * len(doc.lines) * n / total for n in sizes]


def fit_two_stage(
    docs: list[Doc], seed: int, seeds: int = 1, inner: int = 3, choose: bool = False
) -> dict[str, Any]:
    """Stage 1 on line features; stage 2 on stage-1 scores that are out-of-fold.

    Stage 2 must learn from first-pass scores like the ones it will see on new
    pages, so each training page's stage-1 scores come from a model that saw
    no page of its group (a dev page and the pages rendered from it, its
    template or its body). With `choose`, the model also carries the decoding
    thresholds that do best on its own training pages held out (`choose_pair`).
    """
    groups = sorted({g for d in docs for g in d.origins})
    fold_of = {g: n % inner for n, g in enumerate(groups)}
    held: list[tuple[int, Doc, list[list[float]]]] = []  # inner fold, page, stage-2 rows
    for k in range(inner):
        rest = [d for d in docs if all(fold_of[g] != k for g in d.origins)]
        model = fit(*_stack((d, d.feats) for d in rest), seed, seeds)
        for doc in (d for d in docs if fold_of[d.group] == k):
            held.append(
                (k, doc, context_features(doc.lines, predict_proba(model, doc.feats), doc.feats))
            )
    out: dict[str, Any] = {
        "kind": "two-stage gradient-boosted trees, binary",
        "trained_by": "train/textdump.py",
        "stage1": fit(*_stack((d, d.feats) for d in docs), seed, seeds),
        "stage2": fit(*_stack((d, rows) for _, d, rows in held), seed, seeds),
    }
    if choose:
        out["core_threshold"], out["body_threshold"] = choose_pair(held, fold_of, seed, seeds)
    return out


def choose_pair(
    held: list[tuple[int, Doc, list[list[float]]]], fold_of: dict[str, int], seed: int, seeds: int
) -> Pair:
    """The GRID pair that decodes the training pages best when stage 2 has not seen them.

    The inner folds that gave stage 2 its rows are reused: each one's pages are
    scored by a stage 2 fitted without them, so the pair is chosen on held-out
    predictions of the training pages alone, never on the pages it will be
    judged on (nested folds; three more stage-2 fits).
    """
    preds: dict[Pair, dict[str, str]] = {pair: {} for pair in GRID}
    truth: dict[str, str] = {}
    for k in sorted({k for k, _, _ in held}):
        rest = [h for h in held if all(fold_of[g] != k for g in h[1].origins)]
        stage2 = fit(*_stack((d, rows) for _, d, rows in rest), seed, seeds)
        for _, doc, rows in (h for h in held if h[0] == k and h[1].scored):
            probs = predict_proba(stage2, rows)
            truth[doc.group] = doc.body
            for pair in GRID:
                preds[pair][doc.group] = assemble(decode(doc.lines, probs, pair), SOURCE).body
    return max(GRID, key=lambda pair: score_pages(truth, preds[pair])["f1"])


def _stack(
    pages: Iterable[tuple[Doc, list[list[float]]]],
) -> tuple[list[list[float]], list[int], list[float]]:
    """Pages' feature rows (each page with rows of its own) as one training set."""
    rows: list[list[float]] = []
    labels: list[int] = []
    weights: list[float] = []
    for doc, doc_rows in pages:
        rows += doc_rows
        labels += doc.labels
        weights += _weights(doc)
    return rows, labels, weights


def prepare(
    text: str, body: str, group: str, weight: float = 1.0, body_of: str | None = None
) -> Doc:
    """A page's lines, their first-pass features and their labels."""
    lines = split_lines(text)
    origins = frozenset({group} if body_of is None else {group, body_of})
    labels = label_lines(lines, body)
    return Doc(lines, line_features(lines), labels, group, weight, origins, body, True)


def load_extra(path: Path, weight: float) -> dict[str, Doc]:
    """Pages rendered by train/textdump_pages.py, each knowing the dev pages it was made from."""
    meta = json.loads((path / "pages.json").read_text(encoding="utf-8"))
    docs = {}
    for name, info in meta.items():
        text = (path / "text" / f"{name}.txt").read_text(encoding="utf-8")
        body_of = info.get("body_of")
        doc = prepare(text, info["articleBody"], info["template"], weight, body_of)
        doc.scored = False
        docs[name] = doc
    return docs


def site_folds(sites: dict[str, str], folds: int, seed: int) -> list[list[str]]:
    """Dev page ids in `folds` folds, each holding out whole sites."""
    names = sorted(set(sites.values()))
    random.Random(seed).shuffle(names)
    held = [set(names[k::folds]) for k in range(folds)]
    return [sorted(i for i, s in sites.items() if s in h) for h in held]


def page_folds(ids: list[str], folds: int, seed: int) -> list[list[str]]:
    """Dev page ids in `folds` folds by page (a site's two pages may be split)."""
    order = sorted(ids)
    random.Random(seed).shuffle(order)
    return [order[k::folds] for k in range(folds)]


# training pages, test dumps by id, seed, seeds, whether the model chooses its thresholds
Fold = tuple[list[Doc], dict[str, str], int, int, bool]
Pair = tuple[float, float]  # decoding thresholds: core, body
# Decoding thresholds tried on the held-out predictions (core, body <= core),
# the cleaner's own pair among them.
GRID: list[Pair] = sorted(
    {
        (c, b)
        for c in (0.35, 0.4, 0.45, 0.5, 0.55, 0.6)
        for b in (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5)
        if b <= c
    }
    | {(CORE_THRESHOLD, BODY_THRESHOLD)}
)


def _predict_fold(fold: Fold) -> tuple[dict[Pair, dict[str, str]], Pair | None]:
    """Bodies the cleaner finds on a fold's test dumps with a model trained
    without them, for every pair of decoding thresholds in GRID, and the pair
    the model chose on its own training pages (None unless asked)."""
    train, test, seed, seeds, choose = fold
    model = fit_two_stage(train, seed, seeds, choose=choose)
    preds: dict[Pair, dict[str, str]] = {pair: {} for pair in GRID}
    for pid, text in test.items():
        lines = split_lines(text)
        probs = body_probabilities(lines, model)
        for pair in GRID:
            preds[pair][pid] = assemble(decode(lines, probs, pair), SOURCE).body
    own = (model["core_threshold"], model["body_threshold"]) if choose else None
    print(f"fold of {len(test)} pages done, own pair {own}", file=sys.stderr, flush=True)
    return preds, own


def held_out_folds(
    folds: list[list[str]],
    docs: dict[str, Doc],
    extra: dict[str, Doc],
    pages: dict[str, str],
    seed: int,
    seeds: int = 1,
    choose: bool = False,
) -> list[Fold]:
    """Each fold's training pages and test dumps; a rendered page made from a
    held-out dev page (its template or its body) is held out with it."""
    out = []
    for test in folds:
        held = set(test)
        train = [d for i, d in docs.items() if i not in held]
        train += [d for d in extra.values() if not d.origins & held]
        out.append((train, {pid: pages[pid] for pid in test}, seed, seeds, choose))
    return out


def _show(name: str, m: dict[str, float]) -> None:
    print(f"{name}: F1 {m['f1']:.3f}  P {m['precision']:.3f}  R {m['recall']:.3f}", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(ROOT.parent / "shared/data/extraction-dev"))
    parser.add_argument("--extra", help="pages from train/textdump_pages.py (a folder)")
    parser.add_argument("--extra-weight", type=float, default=1.0)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--seeds", type=int, default=1, help="fits averaged per model")
    parser.add_argument(
        "--eval", choices=["page", "site", "both"], default="both", help="which held-out figure"
    )
    parser.add_argument("--jobs", type=int, default=1, help="folds trained at once")
    parser.add_argument("--cv-only", action="store_true", help="Measure; write no model.")
    parser.add_argument(
        "--choose-thresholds",
        action="store_true",
        help="decode with the grid's best pair and write it into the model",
    )
    parser.add_argument(
        "--nested-thresholds",
        action="store_true",
        help="every model chooses its pair on its own training pages held out (honest figures)",
    )
    parser.add_argument("--out", default=str(ROOT / "src/newsgraph/models/textdump.json"))
    args = parser.parse_args()

    data = Path(args.data)
    if not (data / "ground-truth.json").is_file():
        print(f"error: no extraction split at {data}", file=sys.stderr)
        return 2
    meta = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    truth = load_truth(data)
    pages = {pid: (data / "text" / f"{pid}.txt").read_text(encoding="utf-8") for pid in truth}
    docs = {pid: prepare(pages[pid], truth[pid], pid) for pid in truth}
    extra = load_extra(Path(args.extra), args.extra_weight) if args.extra else {}
    print(f"{len(docs)} dev pages, {len(extra)} rendered pages", file=sys.stderr)

    plans: dict[str, list[list[str]]] = {}
    if args.eval in ("page", "both"):
        plans["cross_validated"] = page_folds(list(truth), args.folds, args.seed)
    if args.eval in ("site", "both"):
        sites = {pid: site_of(meta[pid]["url"]) for pid in truth}
        plans["leave_site_out"] = site_folds(sites, args.folds, args.seed)
    tasks = [
        (name, fold)
        for name, folds in plans.items()
        for fold in held_out_folds(
            folds, docs, extra, pages, args.seed, args.seeds, args.nested_thresholds
        )
    ]
    # folds are independent: on a machine with cores to spare, run them side by side
    with multiprocessing.get_context("fork").Pool(args.jobs) as pool:
        found = pool.map(_predict_fold, [fold for _, fold in tasks])
    grid: dict[str, dict[Pair, dict[str, float]]] = {}
    nested: dict[str, dict[str, float]] = {}
    for name in plans:
        runs = [p for (n, _), p in zip(tasks, found, strict=True) if n == name]
        grid[name] = {
            pair: score_pages(truth, {k: v for p, _ in runs for k, v in p[pair].items()})
            for pair in GRID
        }
        if args.nested_thresholds:
            own = {k: v for p, pair in runs if pair for k, v in p[pair].items()}
            nested[name] = score_pages(truth, own)
            print(f"{name}: pairs chosen inside the folds {[pair for _, pair in runs]}")
    # a pair is chosen on the harder figure (leave-site-out when measured)
    judge = grid.get("leave_site_out") or grid["cross_validated"]
    default = (CORE_THRESHOLD, BODY_THRESHOLD)
    pair = max(GRID, key=lambda q: judge[q]["f1"]) if args.choose_thresholds else default
    labels = {
        "cross_validated": f"cross-validated ({args.folds} folds by page)",
        "leave_site_out": f"leave-site-out ({args.folds} folds by site)",
    }
    for name, by_pair in grid.items():
        _show(f"{labels[name]} at {default}", by_pair[default])
        if pair != default:
            _show(f"{labels[name]} at {pair} (chosen)", by_pair[pair])
        if name in nested:
            _show(f"{labels[name]} at each fold's own pair (nested)", nested[name])
    print("F1 by thresholds:", " ".join(f"{c}/{b}:{judge[(c, b)]['f1']:.3f}" for c, b in GRID))
    if args.cv_only:
        return 0

    final = fit_two_stage(
        [*docs.values(), *extra.values()], args.seed, args.seeds, choose=args.nested_thresholds
    )
    if pair != default:
        final["core_threshold"], final["body_threshold"] = pair
    for key, by_pair in grid.items():
        figures = nested.get(key) or by_pair[pair]
        final[key] = {k: round(v, 4) for k, v in figures.items()}
    Path(args.out).write_text(json.dumps(final, separators=(",", ":")), encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
