"""Pronoun speakers on PolNeAR: how many are resolved, and a sample to check by hand.

    python benchmarks/pronouns.py [--polnear ../shared/data/polnear] [--split dev]
        [--sample 40] [--seed 1]

PolNeAR marks the pronoun ("he") as the source but not whom it stands for, so
the precision of resolved pronouns cannot be scored automatically. This prints
how many pronoun speakers newsgraph finds and resolves to an entity, then a
seeded random sample of the resolved ones, each with the entity chosen and the
text from the paragraph before the pronoun up to it, for a reader to mark
right or wrong. The source F1 of pronoun sources is scored automatically by
`newsgraph eval polnear` ("source pronoun").
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from newsgraph.eval.polnear import open_split
from newsgraph.eval.quote_metrics import PRONOUNS
from newsgraph.pipeline import analyze

DEFAULT = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "polnear"
_CONTEXT = 700  # characters of text shown before the pronoun, at most


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polnear", type=Path, default=DEFAULT)
    parser.add_argument("--split", default="dev")
    parser.add_argument("--sample", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    resolved: list[tuple[str, str, str]] = []
    found = 0
    for gold in open_split(args.polnear, args.split).articles():
        article = analyze(gold.text, input="text")
        names = {e.id: e.name for e in article.entities}
        for quote in article.quotes:
            speaker = quote.speaker
            if speaker is None or speaker.span.text.lower() not in PRONOUNS:
                continue
            found += 1
            if speaker.entity is None:
                continue
            at = speaker.span.start
            lines = [line for line in article.text[:at].split("\n") if line.strip()]
            context = " ¶ ".join(lines[-2:])[-_CONTEXT:]
            resolved.append((gold.id, names[speaker.entity], f"{context} [{speaker.span.text}]"))
    print(f"{found} pronoun speakers, {len(resolved)} resolved to an entity")
    for n, (stem, name, context) in enumerate(
        random.Random(args.seed).sample(resolved, min(args.sample, len(resolved))), 1
    ):
        print(f"\n{n}. {stem} → {name}\n   …{context}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
