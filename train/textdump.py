"""Train the text-dump line classifier and measure it honestly.

    python train/textdump.py [--data ../shared/data/extraction-dev] [--folds 5] [--out PATH]

Labels come from the extraction-dev pages: a dump line is article body when it
is one of the ground-truth body's lines. The script first cross-validates by
page (each fold's model never sees the pages it is scored on) and prints the
benchmark metric of the full cleaner on the held-out folds; then it trains on
every page and writes `src/newsgraph/models/textdump.json`.

Training material is augmented without the network: each PolNeAR article
(clean news text) is wrapped in page chrome (non-body lines) borrowed from the
training fold's own dumps, so the model sees many more article shapes.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path
from typing import Any

from gbm import export
from sklearn.ensemble import GradientBoostingClassifier

from newsgraph.clean.assemble import assemble
from newsgraph.clean.lines import Line, context_features, line_features, split_lines
from newsgraph.clean.trees import predict_proba
from newsgraph.eval.extraction import load_truth, score_pages
from newsgraph.model import Source

ROOT = Path(__file__).resolve().parent.parent
TRAINED_BY = "train/textdump.py"
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")
SOURCE = Source(input="textdump")
Doc = tuple[list[Line], list[list[float]], list[int]]


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


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


Chrome = tuple[list[str], list[str], list[str]]


def page_chrome(doc: Doc) -> Chrome:
    """A real page's non-body lines: before its body, inside it, and after it."""
    lines, _, labels = doc
    body = [i for i, y in enumerate(labels) if y]
    if not body:
        return [ln.text for ln in lines], [], []
    first, last = body[0], body[-1]
    cut = [(i, ln.text) for i, (ln, y) in enumerate(zip(lines, labels, strict=True)) if not y]
    return (
        [t for i, t in cut if i < first],
        [t for i, t in cut if first < i < last],
        [t for i, t in cut if i > last],
    )


def synthesise(
    articles: list[str], chrome: list[Chrome], rng: random.Random
) -> list[tuple[str, str]]:
    """Whole-page dumps made from clean articles and real pages' chrome, with their true bodies.

    The article's first line is its headline (not body); its paragraphs are
    interleaved with the kind of lines real pages put inside article bodies
    (adverts, captions, share bars), between a real page's header and footer.
    """
    made = []
    for article in articles:
        title, _, rest = article.strip().partition("\n")
        paragraphs = [p.strip() for p in rest.split("\n") if p.strip()]
        head, _, _ = rng.choice(chrome)
        _, inside, _ = rng.choice(chrome)
        _, _, tail = rng.choice(chrome)
        out = [*head, "", title, ""]
        for paragraph in paragraphs:
            out += [paragraph, ""]
            if inside and rng.random() < 0.15:
                k = rng.randint(0, len(inside) - 1)
                out += [*inside[k : k + rng.randint(1, 3)], ""]
        made.append(("\n".join(out + tail), "\n".join(paragraphs)))
    return made


def fit(
    rows: list[list[float]], labels: list[int], weights: list[float], seed: int
) -> GradientBoostingClassifier:
    model = GradientBoostingClassifier(
        n_estimators=200,
        max_depth=3,
        learning_rate=0.1,
        subsample=0.8,
        min_samples_leaf=20,
        random_state=seed,
    )
    model.fit(rows, labels, sample_weight=weights)
    return model


def _weights(lines: list[Line]) -> list[float]:
    """Weigh lines as the benchmark does: by their words, every page equally."""
    sizes = [len(_WORD.findall(line.text)) + 1 for line in lines]
    total = sum(sizes)
    return [len(lines) * n / total for n in sizes]


def fit_two_stage(docs: list[Doc], seed: int, inner: int = 3) -> dict[str, Any]:
    """Stage 1 on line features; stage 2 on stage-1 scores that are out-of-fold.

    Stage 2 must learn from first-pass scores like the ones it will see on new
    pages, so each training page's stage-1 scores come from a model that did
    not see that page.
    """
    rows2: list[list[float]] = []
    labels2: list[int] = []
    weights2: list[float] = []
    for k in range(inner):
        rest = [d for n, d in enumerate(docs) if n % inner != k]
        model = export(fit(*_stack(rest), seed=seed), TRAINED_BY)
        for lines, feats, labels in docs[k::inner]:
            rows2 += context_features(lines, predict_proba(model, feats), feats)
            labels2 += labels
            weights2 += _weights(lines)
    stage1 = export(fit(*_stack(docs), seed=seed), TRAINED_BY)
    return {
        "kind": "two-stage gradient-boosted trees, binary",
        "trained_by": "train/textdump.py",
        "stage1": stage1,
        "stage2": export(fit(rows2, labels2, weights2, seed), TRAINED_BY),
    }


def _stack(docs: list[Doc]) -> tuple[list[list[float]], list[int], list[float]]:
    rows: list[list[float]] = []
    labels: list[int] = []
    weights: list[float] = []
    for lines, feats, lab in docs:
        rows += feats
        labels += lab
        weights += _weights(lines)
    return rows, labels, weights


def prepare(pages: dict[str, str], truth: dict[str, str]) -> dict[str, Doc]:
    """Lines, their first-pass features and their labels, per page."""
    docs = {}
    for pid, text in pages.items():
        lines = split_lines(text)
        docs[pid] = (lines, line_features(lines), label_lines(lines, truth[pid]))
    return docs


def with_synthetic(real: list[Doc], articles: list[str], rng: random.Random) -> list[Doc]:
    """Real pages plus pages synthesised from `articles` and the real pages' chrome."""
    fake = synthesise(articles, [page_chrome(d) for d in real], rng)
    made = prepare(
        {f"s{k}": p for k, (p, _) in enumerate(fake)}, {f"s{k}": t for k, (_, t) in enumerate(fake)}
    )
    return real + list(made.values())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(ROOT.parent / "shared/data/extraction-dev"))
    parser.add_argument("--polnear", default=str(ROOT.parent / "shared/data/polnear/train/text"))
    parser.add_argument("--synthetic", type=int, default=0)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--cv-only", action="store_true", help="Measure; write no model.")
    parser.add_argument("--out", default=str(ROOT / "src/newsgraph/models/textdump.json"))
    args = parser.parse_args()

    from newsgraph.clean import textdump

    data = Path(args.data)
    truth = load_truth(data)
    pages = {pid: (data / "text" / f"{pid}.txt").read_text(encoding="utf-8") for pid in truth}
    polnear = sorted(Path(args.polnear).glob("*.txt"))
    rng = random.Random(args.seed)
    picked = rng.sample(polnear, min(len(polnear), args.synthetic))
    articles = [p.read_text(encoding="utf-8") for p in picked]

    docs = prepare(pages, truth)

    def training_set(ids: list[str]) -> list[Doc]:
        return with_synthetic([docs[i] for i in ids], articles, rng)

    ids = sorted(pages)
    random.Random(args.seed).shuffle(ids)
    preds: dict[str, str] = {}
    for fold in range(args.folds):
        test = ids[fold :: args.folds]
        model = fit_two_stage(training_set([i for i in ids if i not in test]), args.seed)
        for pid in test:
            preds[pid] = assemble(textdump.clean_textdump(pages[pid], model=model), SOURCE).body
        print(f"fold {fold + 1}/{args.folds} done", file=sys.stderr)
    cv = score_pages(truth, preds)
    print(
        f"cross-validated ({args.folds} folds by page): "
        f"F1 {cv['f1']:.3f}  P {cv['precision']:.3f}  R {cv['recall']:.3f}"
    )
    if args.cv_only:
        return 0

    final = fit_two_stage(training_set(ids), args.seed)
    final["cross_validated"] = {k: round(v, 4) for k, v in cv.items()}
    Path(args.out).write_text(json.dumps(final, separators=(",", ":")), encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
