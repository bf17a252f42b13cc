"""The versioned JSON Schema of the public output, and the checks it cannot express.

`article-1.json` is the contract users code against (see docs/json-contract.md).
It ships as package data so installed copies validate without the source tree.
"""

from __future__ import annotations

import json
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
    """Problems with block and mention offsets, which JSON Schema cannot check.

    Every offset must lie inside `text` with start <= end, and each mention's
    `text` must equal `text[start:end]`. Returns one message per problem (empty
    when all is well) rather than raising, so a caller sees every problem at once;
    malformed parts are reported, not crashed on.
    """
    text = obj.get("text")
    if not isinstance(text, str):
        return ["text: missing or not a string"]
    problems: list[str] = []
    for i, block in enumerate(_objects(obj.get("blocks"))):
        problems += _span_problems(f"blocks[{i}]", block, len(text))
    for i, entity in enumerate(_objects(obj.get("entities"))):
        for j, mention in enumerate(_objects(entity.get("mentions"))):
            where = f"entities[{i}].mentions[{j}]"
            found = _span_problems(where, mention, len(text))
            problems += found
            if not found and mention.get("text") != text[mention["start"] : mention["end"]]:
                problems.append(
                    f"{where}: text {mention.get('text')!r} != "
                    f"text[{mention['start']}:{mention['end']}] "
                    f"{text[mention['start'] : mention['end']]!r}"
                )
    return problems


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
