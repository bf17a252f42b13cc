"""Event actor countries: which matched gold events get their actor's country wrong, and how.

    python benchmarks/events_actor_misses.py [FILE ...]

FILE defaults to `benchmarks/data/events/dev-*.jsonl`. Matches gold and
predicted events as `newsgraph eval events` does (same type, nearest
trigger) and lists, for each gold actor country the prediction misses,
whether no country was given ("none") or another one ("wrong"), so that the
cause of the "actor country right" figure can be read, not guessed.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from newsgraph.eval import events as ev


def misses(paths: list[Path]) -> tuple[Counter[str], list[str]]:
    """The count of misses by kind and one tab-separated line per miss."""
    kinds: Counter[str] = Counter()
    rows: list[str] = []
    for sentence in ev.load(paths):
        pairs, _ = ev.matches(sentence, ev.predict(sentence))
        for event, match in pairs:
            gold = event.get("actor_country")
            if match is not None and gold and gold not in match.actor_countries:
                kind = "wrong" if match.actor_countries else "none"
                kinds[kind] += 1
                got = ",".join(sorted(match.actor_countries)) or "-"
                rows.append(f"{kind}\t{gold}\t{got}\t{event.get('actor_text')}\t{event['trigger']}")
    return kinds, rows


def main() -> None:
    """List the misses of the files given, else of the development set."""
    paths = [Path(a) for a in sys.argv[1:]] or sorted(
        Path("benchmarks/data/events").glob("dev-*.jsonl")
    )
    if not paths or not all(p.exists() for p in paths):
        print("no development files; skipped")
        return
    kinds, rows = misses(paths)
    print("\n".join(rows))
    print(dict(kinds))


if __name__ == "__main__":
    main()
