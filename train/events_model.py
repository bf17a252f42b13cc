"""Fit the event type model of `models/events.json` (imported by `train/events.py`).

A logistic regression over the parse features of
`newsgraph.analyse.events.features`, fitted on the lexicon's candidates in
NGEC's synthetic stories and headline templates: a candidate whose PLOVER
type is its story's label is a positive, any other a negative. The labels are
per story, so a negative may be a true event of another type; the model learns
which words and constructions usually carry the type they are coded with.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import events_data
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

from newsgraph.analyse.events.features import features
from newsgraph.analyse.events.triggers import candidates

ROOT = Path(__file__).resolve().parent.parent

# The coder keeps a candidate whose type is at least `threshold` times as likely
# as for the average candidate of its type; the threshold is the one of these
# with the best F1 on the held-out stories' weak labels (never the dev set).
THRESHOLDS = (0.5, 0.75, 1.0, 1.25, 1.5)
C = 0.5  # inverse L2 strength: lemmas seen in a few stories must not decide alone
HELD_OUT = 5  # every fifth story is held out to report the fit


def examples(events_train: Path, cache: Path) -> tuple[list[list[str]], list[int], list[int]]:
    """Features, labels and story numbers of every candidate of the training texts."""
    stories = [
        *events_data.parsed(events_data.synthetic(events_train), cache),
        *events_data.parsed(events_data.headlines(events_train), cache),
    ]
    xs: list[list[str]] = []
    ys: list[int] = []
    groups: list[int] = []
    for n, (story, doc) in enumerate(stories):
        for token, found, doer, agent in candidates(doc):
            xs.append(features(token, found, doer, agent))
            ys.append(int(found.type == story.label))
            groups.append(n)
    return xs, ys, groups


def fit(events_train: Path, cache: Path) -> dict[str, Any]:
    """The logistic regression as JSON: weights by feature name, bias, type base rates."""
    xs, ys, groups = examples(events_train, cache)
    vec = DictVectorizer()
    matrix = vec.fit_transform([dict.fromkeys(x, 1) for x in xs])
    train = [i for i, g in enumerate(groups) if g % HELD_OUT]
    test = [i for i, g in enumerate(groups) if not g % HELD_OUT]
    probe = LogisticRegression(C=C, max_iter=2000).fit(matrix[train], [ys[i] for i in train])
    auc = roc_auc_score([ys[i] for i in test], probe.predict_proba(matrix[test])[:, 1])
    threshold = _best_threshold(probe.predict_proba(matrix[test])[:, 1], [ys[i] for i in test],
                                [xs[i][0] for i in test])  # fmt: skip
    model = LogisticRegression(C=C, max_iter=2000).fit(matrix, ys)
    names = vec.get_feature_names_out()
    weights = {
        str(n): round(float(w), 4)
        for n, w in zip(names, model.coef_[0], strict=True)
        if abs(w) >= 1e-3
    }
    by_type: dict[str, list[int]] = {}
    for x, y in zip(xs, ys, strict=True):
        by_type.setdefault(x[0].removeprefix("type="), []).append(y)
    base = {t: round(sum(v) / len(v), 4) for t, v in sorted(by_type.items())}
    print(f"model: {len(xs)} candidates, {sum(ys)} agree with their story, "
          f"held-out AUC {auc:.3f}, threshold {threshold}")  # fmt: skip
    return {
        "kind": "logistic regression over parse features (newsgraph.analyse.events.features)",
        "trained_on": "NGEC synthetic stories and headlines; positive: type == story label",
        "candidates": len(xs),
        "positives": sum(ys),
        "held_out_auc": round(float(auc), 3),
        "C": C,
        "threshold": threshold,
        "bias": round(float(model.intercept_[0]), 4),
        "base": base,
        "weights": weights,
    }


def _best_threshold(probs: Any, ys: list[int], types: list[str]) -> float:
    """The threshold of THRESHOLDS with the best F1 against the held-out weak labels."""
    by_type: dict[str, list[int]] = {}
    for t, y in zip(types, ys, strict=True):
        by_type.setdefault(t, []).append(y)
    base = {t: sum(v) / len(v) for t, v in by_type.items()}
    best, best_f1 = THRESHOLDS[0], -1.0
    for threshold in THRESHOLDS:
        keep = [p >= base[t] * threshold for p, t in zip(probs, types, strict=True)]
        tp = sum(1 for k, y in zip(keep, ys, strict=True) if k and y)
        f1 = 2 * tp / (sum(keep) + sum(ys)) if sum(keep) + sum(ys) else 0.0
        if f1 > best_f1:
            best, best_f1 = threshold, f1
    return best


def dev_figures(files: list[Path]) -> dict[str, Any]:
    """The benchmark's figures on the development files, lexicon alone and with the model."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import events_types  # the benchmark script, a sibling folder

    result = events_types.run(events_types.load(files))
    return {
        "files": [f.name for f in files],
        "sentences": result["sentences"],
        **{
            name: {k: result[name][k] for k in ("macro_f1", "uncoded")}
            for name in ("lexicon", "model")
        },
    }
