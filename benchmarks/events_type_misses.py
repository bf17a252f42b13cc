"""Event types: why gold events are missed and predictions are extra, by cause.

    python benchmarks/events_type_misses.py [FILE ...] [--list]

FILE defaults to `benchmarks/data/events/dev-*.jsonl`. Gold and predicted
events are matched as `newsgraph eval events` matches them (`eval.events.matches`:
same type, nearest trigger). Each missed gold event is then put in one class,
by what the trigger coder (`find_triggers`, run on the same text) did at the
gold trigger's words:

- "no trigger": the coder has no trigger there, and why (`_why_none`): no word
  of it is a candidate ("not a candidate"), a sense check rules its candidate
  out ("sense: absorbed"...), or the supervised coder's probability for the
  gold type is under its threshold ("below threshold") or it prefers another
  type ("other type");
- "wrong type": it has one there, of another type (the confusion is counted);
- "dropped": it has one of the right type there, which the stage did not keep
  (no political actor or recipient, or negated);
- "taken": the stage has the right type there, but the matching gave it to
  another gold event of that type.

Each extra prediction is "confused" (it lies on a gold trigger of another
type), "non-political" (its sentence has no gold event) or "extra" (anywhere
else). So a change can aim at "wrong trigger found" or "wrong type given a
right trigger", whichever is bigger.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from newsgraph.analyse.events.coder import NONE, coder_features, is_candidate, scores
from newsgraph.analyse.events.lexicon import lexicon
from newsgraph.analyse.events.triggers import Trigger, find_triggers, screen
from newsgraph.analyse.nlp import parse
from newsgraph.eval import events as ev

DATA = Path(__file__).resolve().parent / "data" / "events"


def _span(event: dict[str, Any], text: str) -> tuple[int, int] | None:
    words = event.get("trigger") or ""
    start = text.find(words) if words else -1
    return (start, start + len(words)) if start >= 0 else None


def _overlaps(span: tuple[int, int] | None, start: int, end: int) -> bool:
    return span is not None and start < span[1] and span[0] < end


def _why_none(doc: Doc, start: int, end: int, kind: str) -> str:
    """Why the coder has no trigger on the gold words (character offsets into `doc`):
    the candidate of them the coder likes best for the gold type, and its fate."""
    coder = lexicon().coder
    if not coder:
        return "no coder"
    lemmas = frozenset(coder["lemmas"])
    screened = screen(doc)
    span = doc.char_span(start, end, alignment_mode="expand")
    best: tuple[float, str] | None = None
    for token in span if span is not None else ():
        found, status = screened.get(token.i, (None, "none"))[:2]
        if not is_candidate(token, found, lemmas):
            continue
        if status in coder["rules"]["drop"]:
            why = f"sense: {status}"
            p = -1.0
        else:
            probs = scores(coder_features(token, found, status), coder)
            top = max((c for c in probs if c != NONE), key=probs.__getitem__)
            p = probs.get(kind, 0.0)
            why = "below threshold" if top == kind else "other type"
        if best is None or p > best[0]:
            best = (p, why)
    return best[1] if best is not None else "not a candidate"


def classify(
    sentence: ev.Sentence,
) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]]]:
    """The sentence's missed gold events as (class, gold type, detail) and its extra
    predictions as (class, type, trigger words)."""
    predicted = [p for p in ev.predict(sentence) if p.modality != "negated"]
    lead = sentence.context + " " if sentence.context.strip() else ""
    doc = parse(lead + sentence.text)
    raw: list[Trigger] = [t for t in find_triggers(doc) if t.start >= len(lead)]
    pairs, free = ev.matches(sentence, predicted)
    misses: list[tuple[str, str, str]] = []
    for event, found in pairs:
        if found is not None:
            continue
        span = _span(event, sentence.text)
        here = [t for t in raw if _overlaps(span, t.start - len(lead), t.end - len(lead))]
        kept = [p for p in predicted if _overlaps(span, p.start, p.end)]
        if any(p.type == event["type"] for p in kept):
            misses.append(("taken", event["type"], event.get("trigger") or ""))
        elif any(t.type == event["type"] for t in here):
            misses.append(("dropped", event["type"], event.get("trigger") or ""))
        elif here:
            misses.append(("wrong type", event["type"], here[0].type))
        elif span is None:
            misses.append(("no trigger", event["type"], "gold words not in text"))
        else:
            why = _why_none(doc, span[0] + len(lead), span[1] + len(lead), event["type"])
            misses.append(("no trigger", event["type"], why))
    spans = [(_span(e, sentence.text), e["type"]) for e in sentence.events]
    extras: list[tuple[str, str, str]] = []
    for p in free:
        words = sentence.text[p.start : p.end]
        if not sentence.events:
            extras.append(("non-political", p.type, words))
        elif any(_overlaps(s, p.start, p.end) and t != p.type for s, t in spans):
            extras.append(("confused", p.type, words))
        else:
            extras.append(("extra", p.type, words))
    return misses, extras


def main() -> None:
    """Print the classes, the confusions and, with --list, every miss."""
    args = [a for a in sys.argv[1:] if a != "--list"]
    paths = [Path(a) for a in args] or sorted(DATA.glob("dev-*.jsonl"))
    if not paths or not all(p.exists() for p in paths):
        print("events_type_misses: no development files; skipped")
        return
    missed: Counter[str] = Counter()
    by_type: Counter[tuple[str, str]] = Counter()
    confusion: Counter[tuple[str, str]] = Counter()
    why_none: Counter[str] = Counter()
    extra: Counter[str] = Counter()
    extra_type: Counter[tuple[str, str]] = Counter()
    for sentence in ev.load(paths):
        misses, extras = classify(sentence)
        for kind, gold, detail in misses:
            missed[kind] += 1
            by_type[(gold, kind)] += 1
            if kind == "wrong type":
                confusion[(gold, detail)] += 1
            elif kind == "no trigger":
                why_none[detail] += 1
            if "--list" in sys.argv:
                print(f"{kind}\t{gold}\t{detail}\t{sentence.id}")
        for kind, got, words in extras:
            extra[kind] += 1
            extra_type[(got, kind)] += 1
            if "--list" in sys.argv:
                print(f"{kind}\t{got}\t{words}\t{sentence.id}")
    print("missed gold events:", dict(missed.most_common()))
    print("no trigger, why:", dict(why_none.most_common()))
    print("extra predictions:", dict(extra.most_common()))
    heads = ("no trigger", "wrong type", "dropped", "taken", "non-polit.", "extra")
    print(f"{'type':10}" + "".join(f"{k:>12}" for k in heads))
    for kind in ev.TYPES:
        cells = [by_type[(kind, k)] for k in ("no trigger", "wrong type", "dropped", "taken")]
        cells += [extra_type[(kind, "non-political")], extra_type[(kind, "extra")]
                  + extra_type[(kind, "confused")]]  # fmt: skip
        print(f"{kind:10}" + "".join(f"{c:12}" for c in cells))
    print("confusions (gold → coded):", ", ".join(
        f"{g}→{c} {n}" for (g, c), n in confusion.most_common(15)))  # fmt: skip


if __name__ == "__main__":
    main()
