"""Mine the attribution cue model from PolNeAR train and write `models/quotes.json`.

    python train/quotes.py [--polnear ../shared/data/polnear] [--cache DIR] [--out PATH]

What is learned (everything else in `analyse/attribution/quotes.py` reads the parse):

- the cue lexicon: for every lemma/part-of-speech key, how often it occurs and
  how often it heads a gold cue (the head is the cue word whose syntactic head
  lies outside the cue);
- cue joiners: which children of a cue head the annotators include in the cue
  ("has said", "called for", "also said");
- a gradient-boosted tree classifier over `cues.features` that decides whether
  one occurrence of a lexicon word heads an attribution. It trains only on
  words with a content candidate (`quotes.candidates`), the only ones
  the extractor ever scores. Its lexicon features
  are computed out of fold (each article's counts come from the other
  articles), so the classifier learns how far to trust counts on unseen text.

The decision threshold is chosen by cross-validation on train only: the
articles are cut into `FOLDS` folds (by article), a model is mined from the
other folds, and the whole extractor (`find_quotes`, scored as the reference
scorer does) runs on the held-out fold at each threshold of `THRESHOLDS`; the
threshold with the best mean F1 of content exact, content overlap, source and
cue exact over the pooled folds is kept, and its per-metric CV figures are
written into the model (`cv`). The dev split is never looked at here.

Uses the first annotator (sorted ids) of multiply annotated articles, like the
reference scorer. Parsing the 840 articles takes about two minutes on two
cores; the cross-validation (folds in parallel, `--jobs`) and the final fit
about six more.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from gbm import export
from sklearn.ensemble import GradientBoostingClassifier
from spacy.tokens import Doc, DocBin

from newsgraph.analyse.attribution import cues
from newsgraph.analyse.attribution.quotemarks import passages
from newsgraph.analyse.attribution.quotes import candidates, find_quotes
from newsgraph.analyse.nlp import load_nlp
from newsgraph.eval.polnear import open_split, predictions
from newsgraph.eval.quote_metrics import GoldArticle, Tally, article_counts
from newsgraph.model import Article, Source

ROOT = Path(__file__).resolve().parent.parent
FOLDS = 5
THRESHOLDS = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55)
TARGETS = ("content exact", "content overlap", "source", "cue exact")
TIE = 0.002  # summed F1 differences below this are noise between thresholds
MIN_CUES = 1  # a key must head at least this many gold cues to enter the lexicon
NEVER_SEEN = 5  # ... or, for a frame or role of a lexicon word, occur this often without one


def load_gold(polnear: Path, split: str) -> list[GoldArticle]:
    """PolNeAR articles of a split, read as the reference loader reads them."""
    return list(open_split(polnear, split).articles())


def parse_all(texts: list[str], cache: Path | None) -> list[Doc]:
    """Parse the texts once, or read the parses from a DocBin cache."""
    nlp = load_nlp()
    if cache is not None and cache.is_file():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        if [d.text for d in docs] == texts:
            return docs
    docs = list(nlp.pipe(texts, batch_size=32))
    if cache is not None:
        bin_ = DocBin(store_user_data=False)
        for d in docs:
            bin_.add(d)
        bin_.to_disk(cache)
    return docs


def cue_heads(doc: Doc, attributions: list[Any]) -> dict[int, set[int]]:
    """Gold cue head token → the token ids of its whole cue."""
    heads: dict[int, set[int]] = {}
    for att in attributions:
        ids: set[int] = set()
        for start, end in att.cue:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                ids.update(t.i for t in span if not t.is_space and not t.is_punct)
        if not ids:
            continue
        tops = [i for i in ids if doc[i].head.i not in ids or doc[i].head.i == i]
        head = min(tops, key=lambda i: (doc[i].pos_ not in ("VERB", "AUX"), i))
        if doc[head].lower_ == "to" and head - 1 in ids:  # "according to"
            head -= 1
        predicate = next(
            (c for c in doc[head].children if c.i in ids and cues.copula(c) is not None), None
        )
        if predicate is not None:  # "is aware that": the predicate heads, as `cues` reads it
            head = predicate.i
        heads[head] = ids
    return heads


def count(docs: list[Doc], golds: list[dict[int, set[int]]]) -> dict[str, list[int]]:
    """Key → [times it heads a cue, times it occurs], for every key of `cues.KEYS`.

    A lemma key enters with a gold cue; a frame, role or argument key of a
    lexicon word also enters when it occurs `NEVER_SEEN` times without one,
    so the classifier can tell "never a cue in this frame" ("surprised [his
    country]", "considering that") from "never seen".
    """
    cue: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for doc, heads in zip(docs, golds, strict=True):
        for tok in doc:
            if tok.is_punct or tok.is_space:
                continue
            for key_of in cues.KEYS:
                key = key_of(tok)
                total[key] += 1
                if tok.i in heads:
                    cue[key] += 1
    lemmas = {k for k in cue if cue[k] >= MIN_CUES and not any(m in k for m in cues.KEY_MARKS)}

    def kept(key: str) -> bool:
        if cue[key] >= MIN_CUES:
            return True
        base = re.split(f"[{re.escape(cues.KEY_MARKS)}]", key)[0]
        return base != key and base in lemmas and total[key] >= NEVER_SEEN

    return {k: [cue[k], total[k]] for k in sorted(total) if kept(k)}


def joiners(docs: list[Doc], golds: list[dict[int, set[int]]]) -> dict[str, float]:
    """Share of the time a cue head's child is part of the cue.

    Keyed as `cues.joiner_keys`, most specific first: "lemma|dep word"
    ("call|prep for"), "lemma|dep" for a governed verb or object
    ("continue|xcomp"), "@pos|dep word" ("@a|prep of"), "dep word" ("advmod
    also"), "dep"; rare keys are left out so lookups fall back to the broader
    ones. A short prepositional phrase is also counted
    whole ("phrase in statement": "said in a statement").
    """
    seen: Counter[str] = Counter()
    joined: Counter[str] = Counter()
    for doc, heads in zip(docs, golds, strict=True):
        for head, ids in heads.items():
            for child in doc[head].children:
                if child.is_punct or child.dep_ in ("aux", "auxpass", "neg", "prt"):
                    continue
                lemma = doc[head].lemma_.lower()
                phrase = cues.phrase_key(child)
                if phrase is not None:
                    seen[phrase] += 1
                    joined[phrase] += all(
                        t.i in ids for t in child.subtree if not (t.is_punct or t.is_space)
                    )
                for key in cues.joiner_keys(lemma, child):
                    seen[key] += 1
                    joined[key] += child.i in ids
    return {k: round(joined[k] / seen[k], 3) for k in sorted(seen) if seen[k] >= 5}


def rows_of(
    doc: Doc, counts: dict[str, list[int]], joins: dict[str, float]
) -> list[tuple[int, list[float]]]:
    """(token id, features) of every lexicon candidate in a parse that has a content candidate."""
    marks = passages(doc.text)
    inside = cues.quote_index([t.idx for t in doc], [(p.start, p.end) for p in marks])
    return [(c.cue.i, c.features) for c in candidates(doc, marks, inside, counts, joins)]


def fit(docs: list[Doc], golds: list[dict[int, set[int]]], seed: int) -> dict[str, Any]:
    """Lexicon, joiners and classifier mined from these articles (threshold not set)."""
    rows: list[list[float]] = []
    labels: list[int] = []
    joins = joiners(docs, golds)
    for fold in range(FOLDS):
        rest = [n for n in range(len(docs)) if n % FOLDS != fold]
        counts = count([docs[n] for n in rest], [golds[n] for n in rest])
        for n in range(fold, len(docs), FOLDS):
            for i, row in rows_of(docs[n], counts, joins):
                rows.append(row)
                labels.append(int(i in golds[n]))
    clf = GradientBoostingClassifier(
        n_estimators=150, max_depth=4, learning_rate=0.1, subsample=0.8,
        min_samples_leaf=20, random_state=seed,
    )  # fmt: skip
    clf.fit(rows, labels)
    return {
        "lexicon": count(docs, golds),
        "joiners": joins,
        "classifier": export(clf),
    }


_SHARED: list[Any] = []  # docs, golds, articles, seed for the forked fold workers


def _fold(fold: int) -> dict[float, list[tuple[int, Any]]]:
    """Per threshold, the scorer's counts of each held-out article of one fold."""
    docs, golds, articles, seed = _SHARED
    rest = [n for n in range(len(docs)) if n % FOLDS != fold]
    model = fit([docs[n] for n in rest], [golds[n] for n in rest], seed)
    out: dict[float, list[tuple[int, Any]]] = {}
    for threshold in THRESHOLDS:
        model["threshold"] = threshold
        out[threshold] = []
        for n in range(fold, len(docs), FOLDS):
            article = Article(text=articles[n].text, source=Source(input="text"))
            article.quotes = find_quotes(article, docs[n], model=model)
            out[threshold].append((n, article_counts(articles[n], predictions(article))))
    print(f"fold {fold + 1}/{FOLDS} done", file=sys.stderr)
    return out


def cross_validate(
    docs: list[Doc],
    golds: list[dict[int, set[int]]],
    articles: list[GoldArticle],
    seed: int,
    jobs: int = 2,
) -> tuple[float, dict[str, dict[str, float]]]:
    """The threshold with the best mean target F1 out of fold, and every metric's CV figures.

    The folds run in `jobs` forked processes; the result does not depend on it.
    """
    tallies = {t: Tally() for t in THRESHOLDS}
    _SHARED[:] = [docs, golds, articles, seed]
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        for fold_counts in pool.imap(_fold, range(FOLDS)):
            for threshold, counts in fold_counts.items():
                for n, article_count in counts:
                    tallies[threshold].add(articles[n], article_count)
    print("folds done", file=sys.stderr)

    def figures(tally: Tally) -> dict[str, dict[str, float]]:
        scores = tally.scores("train-cv")
        return {
            name: {k: round(getattr(m, k), 4) for k in ("precision", "recall", "f1")}
            for name, m in scores.metrics.items()
            if m is not None
        }

    table = {t: figures(tally) for t, tally in tallies.items()}
    for t, fig in table.items():
        print(
            f"threshold {t}: " + " ".join(f"{m} {fig[m]['f1']:.3f}" for m in TARGETS),
            file=sys.stderr,
        )

    def total(t: float) -> float:
        return sum(table[t][m]["f1"] for m in TARGETS)

    # ties (within TIE) go to the higher, more precise threshold
    top = max(total(t) for t in THRESHOLDS)
    best = max(t for t in THRESHOLDS if total(t) >= top - TIE)
    recall = tallies[best].scores("train-cv").recall
    cv = dict(table[best])
    cv["recall by kind"] = {k: round(r.exact, 4) for k, r in recall.items()}
    return best, cv


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polnear", default=str(ROOT.parent / "shared/data/polnear"))
    parser.add_argument("--cache", help="DocBin file to keep the train parses in")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--jobs", type=int, default=2, help="folds run in parallel")
    parser.add_argument("--out", default=str(ROOT / "src/newsgraph/models/quotes.json"))
    args = parser.parse_args()

    articles = load_gold(Path(args.polnear), "train")
    docs = parse_all([a.text for a in articles], Path(args.cache) if args.cache else None)
    golds = [cue_heads(d, a.attributions) for d, a in zip(docs, articles, strict=True)]
    print(f"{len(docs)} articles, {sum(map(len, golds))} gold cues", file=sys.stderr)

    threshold, cv = cross_validate(docs, golds, articles, args.seed, args.jobs)
    print(f"threshold {threshold} by {FOLDS}-fold CV on train", file=sys.stderr)
    model = fit(docs, golds, args.seed)
    out = {
        "trained_by": "train/quotes.py",
        "data": "PolNeAR v1.0.0 train (first annotator)",
        "threshold": threshold,
        "cv": {"folds": FOLDS, "split": "train", "by": "article", "scores": cv},
        **model,
    }
    Path(args.out).write_text(json.dumps(out, separators=(",", ":")), encoding="utf-8")
    print(f"wrote {args.out}: {len(out['lexicon'])} lexicon keys", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
