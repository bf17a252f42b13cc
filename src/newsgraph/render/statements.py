"""Statements grouped by speaker and nested by `within`, for every view of an Article.

The markdown report and the HTML page both list who said what. They must group
and name speakers alike, or a reader comparing them would see two different
sets of speakers, so the grouping lives here and neither view owns it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from newsgraph.model import Article, Entity, Party, Quote

_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class SpeakerGroup:
    """The statements of one speaker, in text order.

    `key` is `entity:<id>` for a speaker resolved to an entity, `words:<text>` for
    one known only by the words naming them (an anonymous source), or `none`.
    """

    key: str
    name: str
    quotes: tuple[Quote, ...]


def speaker_groups(article: Article, quotes: Iterable[Quote] | None = None) -> list[SpeakerGroup]:
    """`quotes` (default: all) grouped by speaker, the most quoted first, then by first quote.

    Shared by the markdown and HTML views so both group and name speakers alike:
    by entity where the speaker resolves to one (so "he" and "Putin" are one
    speaker), else by the words naming the speaker, case and spacing ignored.
    """
    entities = {e.id: e for e in article.entities}
    groups: dict[str, tuple[str, list[Quote]]] = {}
    for quote in sorted(quotes if quotes is not None else article.quotes, key=_text_order):
        key, name = _speaker_key(quote.speaker, entities)
        groups.setdefault(key, (name, []))[1].append(quote)
    ordered = sorted(
        groups.items(), key=lambda item: (-len(item[1][1]), _text_order(item[1][1][0]))
    )
    return [SpeakerGroup(key, name, tuple(qs)) for key, (name, qs) in ordered]


def nested_quotes(quotes: list[Quote]) -> dict[str, list[Quote]]:
    """Quote id to the quotes reported inside it (`within`), in text order."""
    ids = {q.id for q in quotes}
    children: dict[str, list[Quote]] = {}
    for quote in sorted(quotes, key=_text_order):
        if quote.within in ids and quote.within != quote.id:
            children.setdefault(quote.within, []).append(quote)
    return children


def unreached(
    quotes: list[Quote], top: list[Quote], children: dict[str, list[Quote]]
) -> list[Quote]:
    """Quotes no top-level statement leads to (a `within` cycle): listed at the top instead."""
    reached: set[str] = set()
    stack = [q.id for q in top]
    while stack:
        qid = stack.pop()
        if qid not in reached:
            reached.add(qid)
            stack += [q.id for q in children.get(qid, [])]
    return [q for q in quotes if q.id not in reached]


def party_name(party: Party, entities: dict[str, Entity]) -> str:
    """The entity's name where the party resolves to one, else the words naming it."""
    entity = entities.get(party.entity) if party.entity else None
    return entity.name if entity else party_words(party)


def party_words(party: Party) -> str:
    """The words naming a party in the text, on one line."""
    return _SPACE.sub(" ", party.span.text).strip()


def names_alike(words: str, name: str) -> bool:
    """Whether the words naming a speaker are (part of) its name: "Putin" or "the Kremlin"
    for Vladimir Putin or Kremlin, but not "He" or "the spokesman", which are worth showing."""
    return set(words.casefold().split()) - {"the"} <= set(name.casefold().split())


def _text_order(quote: Quote) -> tuple[int, int]:
    return (quote.content.start, -quote.content.end)


def _speaker_key(speaker: Party | None, entities: dict[str, Entity]) -> tuple[str, str]:
    if speaker is None:
        return "none", "No speaker given"
    if speaker.entity in entities:
        return f"entity:{speaker.entity}", party_name(speaker, entities)
    words = party_words(speaker)
    return f"words:{words.casefold()}", words
