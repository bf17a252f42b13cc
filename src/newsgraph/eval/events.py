"""Event-coding accuracy on hand-labelled sentences (`benchmarks/data/events/`).

Each line of a file is one sentence with its gold PLOVER events (the format is
in `benchmarks/data/events/README.md`). The sentence is analysed as clean
text: its `context` and its `text` joined by a space into one paragraph,
published on its `published` date, and the predicted events whose trigger
starts inside `text` are kept. Scoring, per sentence:

- events whose modality is `negated` are left out on both sides: the text
  says they did not happen, so there is nothing to code;
- a gold event is matched by a predicted event of the same type; within a
  type, each gold event takes the unmatched prediction whose trigger is
  nearest its own words (overlapping first), so TP, FP and FN per type are
  what a one-to-one matching by type gives;
- per-type precision, recall and F1; macro-F1 is their mean over the types
  with at least one gold or predicted event (of the 16), micro-F1 is pooled;
- actor-country accuracy: over matched gold events with an `actor_country`,
  the share whose prediction has an actor of that country; the same for
  recipients;
- uncoded share: over sentences with no gold event, the share with no
  predicted event either;
- mode accuracy: over matched gold events with a mode, the share predicted
  with that mode; modality accuracy likewise over all matched events.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsgraph.errors import NewsgraphError
from newsgraph.model import Event

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from newsgraph.analyse.events.triggers import Trigger

__all__ = ["TYPES", "Scores", "Sentence", "evaluate", "load", "matches", "predict", "score"]

TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
_MODALITIES = frozenset({"asserted", "negated", "hypothetical", "future", "reported"})


@dataclass(frozen=True, slots=True)
class Sentence:
    """One labelled sentence: where it is from, what precedes it, and its gold events."""

    id: str
    published: str | None
    context: str
    text: str
    events: list[dict[str, Any]]


@dataclass(slots=True)
class Predicted:
    """A predicted event reduced to what is scored, its trigger offset into `text`."""

    type: str
    start: int
    end: int
    mode: str | None
    modality: str
    actor_countries: frozenset[str]
    recipient_countries: frozenset[str]


@dataclass(slots=True)
class Scores:
    """The figures of one run (see the module docstring for their definitions)."""

    sentences: int = 0
    failed: list[str] = field(default_factory=list)
    counts: dict[str, list[int]] = field(default_factory=dict)  # type → [tp, fp, fn]
    actor: list[int] = field(default_factory=lambda: [0, 0])  # right, total
    recipient: list[int] = field(default_factory=lambda: [0, 0])
    uncoded: list[int] = field(default_factory=lambda: [0, 0])
    mode: list[int] = field(default_factory=lambda: [0, 0])
    modality: list[int] = field(default_factory=lambda: [0, 0])

    def per_type(self) -> dict[str, dict[str, float | int]]:
        """Precision, recall, F1 and counts of each type with a gold or predicted event."""
        out: dict[str, dict[str, float | int]] = {}
        for kind in TYPES:
            tp, fp, fn = self.counts.get(kind, [0, 0, 0])
            if tp + fp + fn:
                out[kind] = {"tp": tp, "fp": fp, "fn": fn, **_prf(tp, fp, fn)}
        return out

    def to_dict(self) -> dict[str, Any]:
        """Every figure, rounded, for `--json`."""
        per = self.per_type()
        tp, fp, fn = (sum(c[k] for c in self.counts.values()) for k in range(3))
        macro = sum(float(t["f1"]) for t in per.values()) / len(per) if per else 0.0
        return {
            "sentences": self.sentences,
            "failed": len(self.failed),
            "type_macro_f1": round(macro, 4),
            "type_micro_f1": round(_prf(tp, fp, fn)["f1"], 4),
            "actor_country": _share(self.actor),
            "recipient_country": _share(self.recipient),
            "uncoded": _share(self.uncoded),
            "mode": _share(self.mode),
            "modality": _share(self.modality),
            "types": {k: {n: round(v, 4) for n, v in t.items()} for k, t in per.items()},
        }


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def _share(pair: list[int]) -> dict[str, float | int]:
    right, total = pair
    return {"accuracy": round(right / total, 4) if total else 0.0, "right": right, "n": total}


def load(paths: Iterable[Path]) -> list[Sentence]:
    """Every sentence of the JSONL files, checked; a bad line is an error naming it."""
    out: list[Sentence] = []
    for path in paths:
        with path.open(encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if line.strip():
                    out.append(_sentence(line, f"{path}:{n}"))
    return out


def _sentence(line: str, where: str) -> Sentence:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        raise NewsgraphError(f"{where}: not a JSON line ({exc.msg})") from None
    if not isinstance(row, dict) or not isinstance(row.get("text"), str):
        raise NewsgraphError(f"{where}: a line needs a JSON object with a string `text`")
    events = row.get("events")
    if not isinstance(events, list) or not all(isinstance(e, dict) for e in events):
        raise NewsgraphError(f"{where}: `events` must be a list of objects")
    for event in events:
        if event.get("type") not in TYPES:
            raise NewsgraphError(f"{where}: unknown event type {event.get('type')!r}")
        if event.get("modality", "asserted") not in _MODALITIES:
            raise NewsgraphError(f"{where}: unknown modality {event.get('modality')!r}")
    context = row.get("context") or ""
    published = row.get("published")
    return Sentence(
        str(row.get("id", where)),
        published if isinstance(published, str) and published else None,
        context if isinstance(context, str) else "",
        row["text"],
        events,
    )


def predict(sentence: Sentence, *, gold_triggers: bool = False) -> list[Predicted]:
    """The events newsgraph finds in the sentence (after its context), offsets into `text`.

    With `gold_triggers`, the trigger coder is replaced by the gold triggers,
    types and modes, so the figures measure the argument finder alone: its
    actors, recipients and modality, and the political-actor filter.
    """
    from newsgraph.pipeline import analyze

    lead = sentence.context + " " if sentence.context.strip() else ""
    article = analyze(lead + sentence.text, input="text", published=sentence.published)
    if gold_triggers:
        from newsgraph.analyse.events.find import events_of
        from newsgraph.analyse.nlp import parse

        doc = parse(article.text)
        article.events = events_of(article, doc, _gold_triggers(sentence, doc, len(lead)))
    return [_reduced(e, len(lead)) for e in article.events if e.trigger.start >= len(lead)]


def _gold_triggers(sentence: Sentence, doc: Doc, offset: int) -> list[Trigger]:
    """The gold events as triggers: their words found in `text`, their type and mode."""
    from newsgraph.analyse.events.triggers import Trigger

    out: list[Trigger] = []
    for event in sentence.events:
        words = event.get("trigger")
        if not isinstance(words, str) or (at := sentence.text.find(words)) < 0 or not words:
            continue
        span = doc.char_span(offset + at, offset + at + len(words), alignment_mode="expand")
        if span is not None:
            out.append(
                Trigger(
                    span.root.i, span.start_char, span.end_char, event["type"], event.get("mode")
                )
            )
    return out


def _reduced(event: Event, offset: int) -> Predicted:
    return Predicted(
        event.type,
        event.trigger.start - offset,
        event.trigger.end - offset,
        event.mode,
        event.modality,
        frozenset(p.country for p in event.actors if p.country),
        frozenset(p.country for p in event.recipients if p.country),
    )


def score(pairs: Iterable[tuple[Sentence, list[Predicted]]]) -> Scores:
    """The figures over (sentence, predictions) pairs."""
    scores = Scores()
    for sentence, predicted in pairs:
        scores.sentences += 1
        _score_one(scores, sentence, predicted)
    return scores


def matches(
    sentence: Sentence, predicted: list[Predicted]
) -> tuple[list[tuple[dict[str, Any], Predicted | None]], list[Predicted]]:
    """Each gold event that is not negated with the prediction matched to it (or None), and
    the predictions left unmatched: the one-to-one matching every figure is counted on."""
    free = [p for p in predicted if p.modality != "negated"]
    pairs: list[tuple[dict[str, Any], Predicted | None]] = []
    for event in sentence.events:
        if event.get("modality", "asserted") == "negated":
            continue
        match = _nearest(event, sentence.text, [p for p in free if p.type == event["type"]])
        if match is not None:
            free.remove(match)
        pairs.append((event, match))
    return pairs, free


def _score_one(scores: Scores, sentence: Sentence, predicted: list[Predicted]) -> None:
    pairs, extras = matches(sentence, predicted)
    if not sentence.events:
        scores.uncoded[1] += 1
        scores.uncoded[0] += not extras
    for event, match in pairs:
        counts = scores.counts.setdefault(event["type"], [0, 0, 0])
        if match is None:
            counts[2] += 1
            continue
        counts[0] += 1
        _tally(scores.actor, event.get("actor_country"), match.actor_countries)
        _tally(scores.recipient, event.get("recipient_country"), match.recipient_countries)
        if event.get("mode"):
            scores.mode[1] += 1
            scores.mode[0] += match.mode == event["mode"]
        scores.modality[1] += 1
        scores.modality[0] += match.modality == event.get("modality", "asserted")
    for extra in extras:
        scores.counts.setdefault(extra.type, [0, 0, 0])[1] += 1


def _tally(pair: list[int], gold: Any, predicted: frozenset[str]) -> None:
    if isinstance(gold, str) and gold:
        pair[1] += 1
        pair[0] += gold in predicted


def _nearest(event: dict[str, Any], text: str, candidates: list[Predicted]) -> Predicted | None:
    """The candidate whose trigger overlaps, else is nearest to, the gold trigger's words."""
    if not candidates:
        return None
    words = event.get("trigger") or ""
    start = text.find(words) if isinstance(words, str) and words else -1
    if start < 0:
        return candidates[0]
    end = start + len(words)

    def distance(p: Predicted) -> int:
        return 0 if p.start < end and start < p.end else min(abs(p.start - end), abs(start - p.end))

    return min(candidates, key=distance)


def evaluate(
    sentences: list[Sentence],
    advance: Callable[[int], object] | None = None,
    *,
    gold_triggers: bool = False,
) -> Scores:
    """Analyse and score every sentence; one that fails is scored as predicting nothing."""
    pairs: list[tuple[Sentence, list[Predicted]]] = []
    failed: list[str] = []
    for sentence in sentences:
        try:
            found = predict(sentence, gold_triggers=gold_triggers)
        except NewsgraphError as exc:
            failed.append(f"{sentence.id}: {exc}")
            found = []
        pairs.append((sentence, found))
        if advance is not None:
            advance(1)
    scores = score(pairs)
    scores.failed = failed
    return scores
