"""Where the cue figure of PolNeAR attribution is lost: a breakdown of gold and predicted cues.

    python benchmarks/quote_cues.py [--polnear ../shared/data/polnear] [--split dev]
        [--cache PARSES.spacy] [--examples 5]

Runs the extractor as `newsgraph eval polnear` does (entities, identities,
quotes on one parse; the parses can be kept in a DocBin with `--cache` so
that a rerun takes seconds) and prints the scorer's figures, which must be
the same as that command's. Then every gold cue is put in one class:

- exact: a predicted cue has its tokens;
- extent: a predicted cue overlaps it but is longer or shorter (the words
  added and missed are counted, "said [in a statement]", "[has] said");
- other cue: a prediction overlaps its content but with a cue elsewhere (the
  choice of word: "told" where gold has "said", a nested verb);
- missed: no prediction overlaps its content or cue, split by why ("missed
  why"): the cue's head word is not in the lexicon, has no content candidate,
  scores below the threshold, is vetoed (`cues.never_here`), or is lost later
  (overlaps resolved, no source at a low score);

and every predicted cue that matches no gold cue exactly is "spurious" when
no gold content overlaps its content. The classes are also split by the gold
cue's words (lower-cased), so "said" and "told reporters" can be told apart.
Tokens and matching are the scorer's (`newsgraph.eval.quote_metrics`).
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from spacy.tokens import Doc, DocBin

from newsgraph.analyse.attribution import cues
from newsgraph.analyse.attribution.quotemarks import passages
from newsgraph.analyse.attribution.quotes import Candidate, candidates, find_quotes
from newsgraph.analyse.entities.find import find_entities
from newsgraph.analyse.identity.link import identify
from newsgraph.analyse.nlp import load_nlp, parse
from newsgraph.eval.polnear import open_split, predictions
from newsgraph.eval.quote_metrics import (
    GoldArticle,
    Prediction,
    Tally,
    TokenIndex,
    Tokens,
    article_counts,
    as_spans,
)
from newsgraph.model import Article, Source

DEFAULT = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "polnear"
TARGETS = ("content exact", "content overlap", "source", "cue exact")


def parses(golds: list[GoldArticle], cache: Path | None) -> list[Doc]:
    """The parse of every article, read from `cache` when it holds these texts."""
    texts = [g.text for g in golds]
    if cache is not None and cache.is_file():
        docs = list(DocBin().from_disk(cache).get_docs(load_nlp().vocab))
        if [d.text for d in docs] == texts:
            return docs
    docs = [parse(t) for t in texts]
    if cache is not None:
        bin_ = DocBin(store_user_data=False, docs=docs)
        bin_.to_disk(cache)
    return docs


def predict(gold: GoldArticle, doc: Doc) -> list[Prediction]:
    """The extractor's predictions on one parsed article, as the pipeline makes them."""
    article = Article(text=gold.text, source=Source(input="text"))
    article.entities = find_entities(article, doc)
    identify(article)
    article.quotes = find_quotes(article, doc)
    return predictions(article)


def scored(doc: Doc) -> dict[int, tuple[Candidate, float]]:
    """Every candidate cue head of a parse, by token id, with the classifier's score."""
    model = cues.model()
    marks = passages(doc.text)
    inside = cues.quote_index([t.idx for t in doc], [(p.start, p.end) for p in marks])
    found = candidates(doc, marks, inside, model["lexicon"], model["joiners"])
    probs = cues.score([c.features for c in found])
    return {c.cue.i: (c, p) for c, p in zip(found, probs, strict=True)}


def missed_why(
    doc: Doc, cue: list[tuple[int, int]], heads: dict[int, tuple[Candidate, float]]
) -> str:
    """Why the extractor has nothing for a gold cue (its first piece's syntactic head)."""
    span = doc.char_span(cue[0][0], cue[0][1], alignment_mode="expand")
    if span is None:
        return "no token"
    model = cues.model()
    head = span.root
    if not cues.is_candidate(head, model["lexicon"]):
        return "not in lexicon"
    if head.i not in heads:
        return "no content"
    candidate, prob = heads[head.i]
    if prob < model.get("threshold", cues.THRESHOLD):
        return "below threshold"
    if cues.never_here(head, model["lexicon"], candidate.content):
        return "vetoed"
    return "lost later"


def words(text: str, index: TokenIndex, tokens: Tokens) -> str:
    """The text of a token set, lower-cased, tokens joined by spaces."""
    return " ".join(text[index.starts[i] : index.ends[i]].lower() for i in sorted(tokens))


def classify(
    gold: GoldArticle,
    doc: Doc,
    preds: list[Prediction],
    out: dict[str, Counter[str]],
    examples: list[str],
) -> None:
    """Count one article's gold and predicted cues into the classes of the module docstring."""
    text, index = gold.text, TokenIndex(gold.text)
    spans = [a.cue for a in gold.attributions if index.of(a.content)]
    golds = [(index.of(a.content), index.of(a.cue)) for a in gold.attributions]
    golds = [g for g in golds if g[0]]
    heads = scored(doc)
    pred = [(index.of(as_spans(p.content)), index.of(as_spans(p.cue))) for p in preds]
    pred_cues = {c for _, c in pred if c}
    for (content, cue), cue_spans in zip(golds, spans, strict=True):
        if not cue:
            out["class"]["no gold cue"] += 1
            continue
        name = words(text, index, cue)
        if cue in pred_cues:
            kind = "exact"
        elif near := [c for c in pred_cues if c & cue]:
            kind = "extent"
            best = max(near, key=lambda c: len(c & cue))
            added, missed = best - cue, cue - best
            out["extent shape"][
                "both" if added and missed else "longer" if added else "shorter"
            ] += 1
            if added:
                out["extent added"][words(text, index, frozenset(added))] += 1
            if missed:
                out["extent missed"][words(text, index, frozenset(missed))] += 1
            examples.append(f"extent {gold.id}: gold [{name}] pred [{words(text, index, best)}]")
        elif any(c & content for c, _ in pred):
            kind = "other cue"
            other = next(k for c, k in pred if c & content)
            out["other cue pred"][words(text, index, other) if other else "(none)"] += 1
            examples.append(f"other {gold.id}: gold [{name}] pred [{words(text, index, other)}]")
        else:
            kind = "missed"
            out["missed why"][missed_why(doc, list(cue_spans), heads)] += 1
        out["class"][kind] += 1
        out[kind][name] += 1
    gold_cues = {c for _, c in golds if c}
    for content, cue in pred:
        if not cue or cue in gold_cues:
            continue
        if not any(content & g for g, _ in golds):
            out["class"]["pred spurious"] += 1
            out["spurious"][words(text, index, cue)] += 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polnear", type=Path, default=DEFAULT)
    parser.add_argument("--split", default="dev")
    parser.add_argument("--cache", type=Path, help="DocBin file to keep the parses in")
    parser.add_argument("--limit", type=int, help="the split's first articles only")
    parser.add_argument("--top", type=int, default=12, help="cue words shown per class")
    parser.add_argument("--examples", type=int, default=0, help="example lines shown")
    args = parser.parse_args()

    golds = list(open_split(args.polnear, args.split, args.limit).articles())
    docs = parses(golds, args.cache)
    tally = Tally()
    out: dict[str, Counter[str]] = {}
    keys = ("class", "missed why", "extent shape", "extent added", "extent missed",
            "other cue pred", "exact", "extent", "other cue", "missed", "spurious")  # fmt: skip
    for key in keys:
        out[key] = Counter()
    examples: list[str] = []
    for gold, doc in zip(golds, docs, strict=True):
        preds = predict(gold, doc)
        tally.add(gold, article_counts(gold, preds))
        classify(gold, doc, preds, out, examples)
    scores = tally.scores(args.split)
    figures = [f"{m} {s.f1:.4f}" for m in TARGETS if (s := scores.metrics[m]) is not None]
    print(f"{args.split}: {len(golds)} articles, " + ", ".join(figures))
    for key, counter in out.items():
        shown = counter.most_common(
            None if key in ("class", "missed why", "extent shape") else args.top
        )
        print(f"\n{key} ({sum(counter.values())}): " + "; ".join(f"{k} {n}" for k, n in shown))
    for line in examples[: args.examples]:
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
