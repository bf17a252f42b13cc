"""The versioned JSON Schema of the public output, and the checks it cannot express.

`article-1.json` is the contract users code against (see docs/json-contract.md).
It ships as package data so installed copies validate without the source tree.
"""

from __future__ import annotations

import json
from collections import Counter
from functools import cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match

__all__ = ["SCHEMA_FILE", "ValidationError", "check_offsets", "load_schema", "validate_article"]

SCHEMA_FILE = "article-1.json"


@cache
def _schema_text() -> str:
    """Read the schema file once per process; validation runs per article."""
    return resources.files(__name__).joinpath(SCHEMA_FILE).read_text(encoding="utf-8")


@cache
def _validator() -> Draft202012Validator:
    return Draft202012Validator(json.loads(_schema_text()))


def load_schema() -> dict[str, Any]:
    """The schema as a fresh dict, so callers may change their copy freely."""
    schema: dict[str, Any] = json.loads(_schema_text())
    return schema


def validate_article(obj: dict[str, Any]) -> None:
    """Raise `jsonschema.ValidationError` unless `obj` follows `newsgraph.article/1`.

    The most relevant error is raised (not merely the first), so its message
    points at the field that is actually wrong.
    """
    error = best_match(_validator().iter_errors(obj))
    if error is not None:
        raise error


def check_offsets(obj: dict[str, Any]) -> list[str]:
    """Problems with offsets and references, which JSON Schema cannot check.

    Every offset must lie inside `text` with start <= end; each mention's and
    each quote span's `text` must equal `text[start:end]`; a quote's speaker and
    addressee must name an existing entity id (or null), and its `within` an
    existing quote id other than its own; quote ids must be unique. Returns one
    message per problem (empty when all is well) rather than raising, so a caller
    sees every problem at once; malformed parts are reported, not crashed on.
    """
    text = obj.get("text")
    if not isinstance(text, str):
        return ["text: missing or not a string"]
    problems: list[str] = []
    for i, block in enumerate(_objects(obj.get("blocks"))):
        problems += _span_problems(f"blocks[{i}]", block, len(text))
    entities = _objects(obj.get("entities"))
    for i, entity in enumerate(entities):
        for j, mention in enumerate(_objects(entity.get("mentions"))):
            problems += _text_problems(f"entities[{i}].mentions[{j}]", mention, text)
    entity_ids = {e["id"] for e in entities if isinstance(e.get("id"), str)}
    problems += _quote_problems(_objects(obj.get("quotes")), text, entity_ids)
    return problems


def _quote_problems(quotes: list[dict[str, Any]], text: str, entity_ids: set[str]) -> list[str]:
    """Spans of every quote, and what its speaker, addressee and `within` refer to."""
    problems: list[str] = []
    ids = [q.get("id") for q in quotes]
    counts = Counter(i for i in ids if isinstance(i, str))
    parent = {q["id"]: q.get("within") for q in quotes if isinstance(q.get("id"), str)}
    for i, quote in enumerate(quotes):
        where = f"quotes[{i}]"
        if isinstance(quote.get("id"), str) and counts[quote["id"]] > 1:
            problems.append(f"{where}: id {quote.get('id')!r} is not unique")
        for role in ("content", "cue", "speaker", "addressee"):
            span = quote.get(role)
            if isinstance(span, dict):
                problems += _text_problems(f"{where}.{role}", span, text)
        for j, hedge in enumerate(_objects(quote.get("hedges"))):
            problems += _text_problems(f"{where}.hedges[{j}]", hedge, text)
        for role in ("speaker", "addressee"):
            party = quote.get(role)
            entity = party.get("entity") if isinstance(party, dict) else None
            if entity is not None and (not isinstance(entity, str) or entity not in entity_ids):
                problems.append(f"{where}.{role}: entity {entity!r} is not an entity id")
        within = quote.get("within")
        if within is not None and (within not in ids or within == quote.get("id")):
            problems.append(f"{where}.within: {within!r} is not the id of another quote")
        elif _in_cycle(quote.get("id"), parent):
            problems.append(f"{where}.within: quotes reported inside each other in a cycle")
    return problems


def _in_cycle(quote_id: Any, parent: dict[str, Any]) -> bool:
    """Whether following `within` from this quote comes back to it."""
    seen: set[str] = set()
    current = parent.get(quote_id) if isinstance(quote_id, str) else None
    while isinstance(current, str) and current not in seen:
        if current == quote_id:
            return True
        seen.add(current)
        current = parent.get(current)
    return False


def _objects(value: Any) -> list[dict[str, Any]]:
    """The dict items of a list, skipping anything else (the schema reports those)."""
    if not isinstance(value, list):
        return []
    return [item for item in value if isinstance(item, dict)]


def _span_problems(where: str, span: dict[str, Any], length: int) -> list[str]:
    start, end = span.get("start"), span.get("end")
    if not isinstance(start, int) or not isinstance(end, int):
        return [f"{where}: start and end must be integers"]
    if not 0 <= start <= end <= length:
        return [f"{where}: [{start}, {end}) is not a range inside text (length {length})"]
    return []


def _text_problems(where: str, span: dict[str, Any], text: str) -> list[str]:
    """Offset problems, else a mismatch between the span's `text` and `text[start:end]`."""
    found = _span_problems(where, span, len(text))
    if found:
        return found
    start, end = span["start"], span["end"]
    if span.get("text") != text[start:end]:
        return [f"{where}: text {span.get('text')!r} != text[{start}:{end}] {text[start:end]!r}"]
    return []
