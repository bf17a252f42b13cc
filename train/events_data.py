"""Training material for the event lexicon and type model: NGEC's synthetic stories,
headline templates and codebook definitions, each with its PLOVER label. Parsed
once and cached outside the repository.

Imported by `train/events.py` and `train/events_model.py`.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, DocBin

from newsgraph.analyse.nlp import load_nlp, parse_many

# Slot fillers for the headline templates; any names would do, the model never sees them
# as words (only their entity types).
FILLERS = {
    "country_1": ["France", "Kenya", "Peru", "Vietnam", "Poland", "Egypt"],
    "country_2": ["Chile", "Nigeria", "India", "Turkey", "Canada", "Japan"],
    "city": ["Lagos", "Lima", "Hanoi", "Cairo", "Warsaw", "Ankara"],
}


@dataclass(frozen=True, slots=True)
class Story:
    """One training text with its document label and mode."""

    source: str
    text: str
    label: str | None
    mode: str | None


def synthetic(events_train: Path) -> list[Story]:
    """NGEC's synthetic stories, one PLOVER label each (invented facts)."""
    path = events_train / "ngec-synthetic-stories-2023-10-19.csv.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return [
        Story("synthetic", r["text"], r["label"] or None, (r["mode"] or "").lower() or None)
        for r in rows
    ]


def headlines(events_train: Path) -> list[Story]:
    """NGEC's hand-written headline templates, slots filled in turn."""
    with (events_train / "ngec-synthetic-headlines.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    out = []
    for n, r in enumerate(rows):
        title = sentence_case(r["title"].strip())
        for slot, names in FILLERS.items():
            title = title.replace("{" + slot + "}", names[n % len(names)])
        title = re.sub(r"\{[^}]*\}", "Sudan", title)
        out.append(
            Story("headline", title + ".", r["event"] or None, (r["mode"] or "").lower() or None)
        )
    return out


def sentence_case(title: str) -> str:
    """A Title Case headline as a sentence, so that the tagger sees its verbs as verbs:
    every word lower case but the first, slots and acronyms ("{country_1} Imposes
    Sanctions On UN Envoy" → "{country_1} imposes sanctions on UN envoy")."""
    words = title.split(" ")
    out = []
    for n, word in enumerate(words):
        keep = n == 0 or "{" in word or word.isupper()
        out.append(word if keep else word.lower())
    return " ".join(out)


def codebook(events_train: Path) -> list[Story]:
    """NGEC's codebook definitions of each type and mode, as short texts labelled with them."""
    with (events_train / "ngec-PLOVER_structured_codebook.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return [
        Story(
            "codebook",
            r["mode_def"].split(" (note")[0].strip(),
            r["event"],
            (r["mode"] or "").lower() or None,
        )
        for r in rows
        if r["mode_def"].strip()
    ]


def parsed(stories: list[Story], cache_dir: Path) -> Iterator[tuple[Story, Doc]]:
    """Each story with its parse, read from a DocBin keyed by the texts when cached."""
    nlp = load_nlp()
    texts = [s.text for s in stories]
    key = hashlib.sha256(json.dumps(texts).encode()).hexdigest()[:16]
    cache = cache_dir / f"events-{key}.spacy"
    if cache.is_file():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    else:
        docs = list(parse_many(texts))
        cache_dir.mkdir(parents=True, exist_ok=True)
        bin_ = DocBin(store_user_data=False)
        for d in docs:
            bin_.add(d)
        bin_.to_disk(cache)
    yield from zip(stories, docs, strict=True)
