"""Entity types: newsgraph against bare spaCy on hand-checked mentions of dev articles.

    python benchmarks/entities.py [--gold benchmarks/data/entities-dev.jsonl]
        [--shared ../shared] [--errors] [--json]

A gold set (`benchmarks/data/entities-dev.jsonl`, or `entities-heldout.jsonl`
with `--gold`; how they were made in the README beside them) holds the
named-entity mentions of a few texts — PolNeAR dev articles and extraction-dev
article bodies — with offsets and a coarse type: PERSON, ORG, PLACE (spaCy's
GPE, LOC and FAC), NORP, OTHER (EVENT, WORK_OF_ART, LAW, PRODUCT). IGNORE marks
names a reader could type either way (stock indices); a prediction that
overlaps one counts neither way.

Both systems read the same text: bare spaCy is `load_nlp()` on it, its
`doc.ents` of the named labels; newsgraph is `analyze(text, input="text")`,
a mention typed as its entity. newsgraph folds a country's demonym into the
country ("Russian" is a mention of Russia, GPE), so a demonym mention of a
country is read as NORP, the type the link stands for. Both sides' spans are
trimmed alike (a leading "the", quotes, a trailing possessive or full stop)
and match a gold mention only on exact offsets.

Reported per system: mention precision and recall, type accuracy over the
mentions it found, type accuracy over the mentions both systems found (the
fair comparison of typing alone), and typed F1 (span and type right). Skips,
with a message and exit status 0, when the shared data is absent.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path

from newsgraph.analyse.identity.countries import is_demonym
from newsgraph.analyse.nlp import load_nlp
from newsgraph.pipeline import analyze

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = ROOT / "benchmarks" / "data" / "entities-dev.jsonl"
DEFAULT_SHARED = ROOT / ".." / "shared"
NAMED = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT"}
)
COARSE = {"GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE", "PERSON": "PERSON", "ORG": "ORG"}
COARSE |= {"NORP": "NORP"}
_INITIAL = re.compile(r"\b[A-Z]\.$")  # "U.S.", "Joseph R." keep their full stop

Span = tuple[str, int, int]  # document, start, end


@dataclass(slots=True)
class Score:
    """One system's figures on the gold set."""

    system: str
    predicted: int
    matched: int
    gold: int
    typed_right: int
    common: int
    common_right: int

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def type_accuracy(self) -> float:
        return self.typed_right / self.matched if self.matched else 0.0

    @property
    def common_accuracy(self) -> float:
        return self.common_right / self.common if self.common else 0.0

    @property
    def typed_f1(self) -> float:
        p = self.typed_right / self.predicted if self.predicted else 0.0
        r = self.typed_right / self.gold if self.gold else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0


def coarse(label: str) -> str:
    """The gold set's type of a spaCy/newsgraph label."""
    return COARSE.get(label, "OTHER")


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """A span without a leading "the" or quote, or a trailing possessive or punctuation."""
    while start < end:
        seg = text[start:end]
        if seg.lower().startswith("the "):
            start += 4
        elif seg[0] in "\"“‘'(":
            start += 1
        elif seg.endswith(("'s", "’s")):
            end -= 2
        elif seg[-1] in ".,;:\"”’')" and not _INITIAL.search(seg):
            end -= 1
        else:
            break
    return start, end


def document_text(doc: str, shared: Path, bodies: dict[str, str]) -> str:
    """The text of a gold document: a PolNeAR dev article or an extraction-dev article body."""
    kind, name = doc.split("/", 1)
    if kind == "polnear":
        return (shared / "data" / "polnear" / "dev" / "text" / f"{name}.txt").read_text("utf-8")
    return bodies[name]


def spacy_mentions(doc: str, text: str) -> dict[Span, str]:
    """Bare spaCy's named-entity spans, trimmed, with coarse types."""
    found: dict[Span, str] = {}
    for ent in load_nlp()(text).ents:
        if ent.label_ in NAMED:
            start, end = trim(text, ent.start_char, ent.end_char)
            if start < end:
                found.setdefault((doc, start, end), coarse(ent.label_))
    return found


def newsgraph_mentions(doc: str, text: str) -> dict[Span, str]:
    """newsgraph's entity mentions, trimmed, each typed as its entity (demonyms as NORP)."""
    found: dict[Span, str] = {}
    for entity in analyze(text, input="text", time_limit_s=None).entities:
        for m in entity.mentions:
            start, end = trim(text, m.start, m.end)
            country = "iso3" in entity.kb or entity.type == "GPE"
            label = "NORP" if country and is_demonym(m.text) else coarse(entity.type)
            if start < end:
                found.setdefault((doc, start, end), label)
    return found


def overlaps(span: Span, others: list[Span]) -> bool:
    """Whether a span shares a character with any of `others` (same document)."""
    return any(span[0] == o[0] and span[1] < o[2] and o[1] < span[2] for o in others)


def score(
    system: str, pred: dict[Span, str], gold: dict[Span, str], other: dict[Span, str]
) -> Score:
    """Mentions and types of one system; `other` is the peer, for the common mentions."""
    matched = [s for s in pred if s in gold]
    common = [s for s in matched if s in other]
    return Score(
        system,
        predicted=len(pred),
        matched=len(matched),
        gold=len(gold),
        typed_right=sum(pred[s] == gold[s] for s in matched),
        common=len(common),
        common_right=sum(pred[s] == gold[s] for s in common),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--errors", action="store_true", help="list newsgraph's type errors")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    truth = args.shared / "data" / "extraction-dev" / "ground-truth.json"
    if not (args.shared / "data" / "polnear" / "dev").is_dir() or not truth.is_file():
        print(f"skipped: the PolNeAR dev or extraction-dev data is not under {args.shared}")
        return 0
    bodies = {k: v["articleBody"] for k, v in json.loads(truth.read_text("utf-8")).items()}
    rows = [json.loads(line) for line in args.gold.read_text("utf-8").splitlines() if line]
    gold = {(r["doc"], r["start"], r["end"]): r["type"] for r in rows if r["type"] != "IGNORE"}
    ignored = [(r["doc"], r["start"], r["end"]) for r in rows if r["type"] == "IGNORE"]

    texts = {
        doc: document_text(doc, args.shared, bodies) for doc in sorted({r["doc"] for r in rows})
    }
    bare: dict[Span, str] = {}
    ours: dict[Span, str] = {}
    for doc, text in texts.items():
        bare |= spacy_mentions(doc, text)
        ours |= newsgraph_mentions(doc, text)
    bare = {s: t for s, t in bare.items() if not overlaps(s, ignored)}
    ours = {s: t for s, t in ours.items() if not overlaps(s, ignored)}
    scores = [score("bare spaCy", bare, gold, ours), score("newsgraph", ours, gold, bare)]

    if args.json:
        print(json.dumps([asdict(s) for s in scores], indent=2))
    else:
        print(f"{len(texts)} texts, {len(gold)} gold mentions ({len(ignored)} ignored)")
        print("| system | P | R | type acc. | type acc., common | typed F1 |")
        print("| --- | --- | --- | --- | --- | --- |")
        for s in scores:
            print(
                f"| {s.system} | {s.precision:.3f} | {s.recall:.3f} | {s.type_accuracy:.3f}"
                f" ({s.typed_right}/{s.matched}) | {s.common_accuracy:.3f}"
                f" ({s.common_right}/{s.common}) | {s.typed_f1:.3f} |"
            )
    if args.errors:
        wrong = Counter(
            (texts[s[0]][s[1] : s[2]], gold[s], t)
            for s, t in ours.items()
            if s in gold and t != gold[s]
        )
        for (name, truth_type, got), n in wrong.most_common():
            print(f"{n}× {name!r}: {truth_type}, newsgraph {got}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
