"""Event types: the trigger coder on the hand-labelled development sentences.

    python benchmarks/events_types.py [FILE ...] [--json]

FILE defaults to `benchmarks/data/events/dev-*.jsonl`. Each sentence's text
goes through `newsgraph.analyse.nlp.parse` and each of three trigger coders,
in the same run: the lexicon alone, the lexicon filtered by the
synthetic-story type model, and the supervised coder trained on real news
(`coder.py`). Per sentence and per PLOVER type, a gold event counts as found
when a trigger of the same type is in the sentence (types as sets: two gold
ASSAULTs and one predicted count once). Macro-F1 is the mean over the types
that have gold events, micro-F1 pools the counts of every type; "uncoded" is
the share of sentences without gold events that get no trigger; the cost is
the time of the coder over the time of the parse, same run. Skips with a
message and exit status 0 when no file is there.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from newsgraph.analyse.events.triggers import code_triggers
from newsgraph.analyse.nlp import load_nlp, parse

DATA = Path(__file__).resolve().parent / "data" / "events"


def load(paths: list[Path]) -> list[dict[str, Any]]:
    """The labelled sentences of the files, in order."""
    rows = []
    for path in paths:
        rows += [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    return rows


def score(gold: list[set[str]], predicted: list[set[str]]) -> dict[str, Any]:
    """Per-type precision, recall, F1 and their macro mean over the gold types."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for g, p in zip(gold, predicted, strict=True):
        for t in g & p:
            tp[t] += 1
        for t in p - g:
            fp[t] += 1
        for t in g - p:
            fn[t] += 1
    types = sorted(t for t in set(tp) | set(fn))
    per: dict[str, dict[str, float]] = {}
    for t in types:
        prec = tp[t] / (tp[t] + fp[t]) if tp[t] + fp[t] else 0.0
        rec = tp[t] / (tp[t] + fn[t]) if tp[t] + fn[t] else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per[t] = {
            "p": round(prec, 3),
            "r": round(rec, 3),
            "f1": round(f1, 3),
            "gold": tp[t] + fn[t],
        }
    macro = sum(v["f1"] for v in per.values()) / len(per) if per else 0.0
    all_tp, all_fp, all_fn = sum(tp.values()), sum(fp.values()), sum(fn.values())
    micro = 2 * all_tp / (2 * all_tp + all_fp + all_fn) if all_tp else 0.0
    empty = [p for g, p in zip(gold, predicted, strict=True) if not g]
    uncoded = sum(1 for p in empty if not p) / len(empty) if empty else 1.0
    return {
        "macro_f1": round(macro, 3),
        "micro_f1": round(micro, 3),
        "uncoded": round(uncoded, 3),
        "types": per,
    }


def run(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Both coders on every sentence, and the cost against the parse."""
    load_nlp()
    gold = [{e["type"] for e in row["events"]} for row in rows]
    parse_s = 0.0
    coder_s = {"lexicon": 0.0, "model": 0.0, "coder": 0.0}
    predicted: dict[str, list[set[str]]] = {"lexicon": [], "model": [], "coder": []}
    for row in rows:
        t0 = time.perf_counter()
        doc = parse(row["text"])
        parse_s += time.perf_counter() - t0
        for name in predicted:
            t0 = time.perf_counter()
            triggers = code_triggers(doc, coder=name)
            coder_s[name] += time.perf_counter() - t0
            predicted[name].append({t.type for t in triggers})
    out: dict[str, Any] = {"sentences": len(rows), "with_events": sum(1 for g in gold if g)}
    for name, pred in predicted.items():
        out[name] = score(gold, pred) | {"cost_vs_parse": round(coder_s[name] / parse_s, 3)}
    return out


def main() -> None:
    """Score and print."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    files = args.files or sorted(DATA.glob("dev-*.jsonl"))
    files = [f for f in files if f.is_file()]
    if not files:
        print("events_types: no development files found; skipped")
        sys.exit(0)
    result = run(load(files))
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"{result['sentences']} sentences, {result['with_events']} with events")
    names = ("lexicon", "model", "coder")
    for name in names:
        r = result[name]
        print(f"{name:8} macro-F1 {r['macro_f1']:.3f}  micro-F1 {r['micro_f1']:.3f}  "
              f"uncoded {r['uncoded']:.3f}  cost {r['cost_vs_parse']:.3f}")  # fmt: skip
    print(f"{'type':10} {'gold':>5}" + "".join(f"{n + ' P/R/F1':>19}" for n in names))
    for t, v in result["lexicon"]["types"].items():
        cells = "".join(
            f" {m['p']:6.2f}{m['r']:6.2f}{m['f1']:6.2f}"
            for m in (result[n]["types"][t] for n in names)
        )
        print(f"{t:10} {v['gold']:5}{cells}")


if __name__ == "__main__":
    main()
