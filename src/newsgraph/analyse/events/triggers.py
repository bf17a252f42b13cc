"""Event triggers: the words that report a political event, with its PLOVER type and mode."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc


@dataclass(frozen=True, slots=True)
class Trigger:
    """A word (or phrase) of the parse that reports an event, coded.

    `head` is the index in the Doc of the trigger's head token: a verb
    ("withdraw") or an eventive noun ("strikes" of "air strikes"), the token
    the argument finder starts from; `start`/`end` are the character offsets
    of the trigger's words. `cameo` is the CAMEO code it crosswalks to,
    `confidence` the coder's belief in `type`, in [0, 1].
    """

    head: int
    start: int
    end: int
    type: str
    mode: str | None = None
    cameo: str | None = None
    confidence: float = 0.0
    contexts: tuple[str, ...] = ()


def find_triggers(doc: Doc) -> list[Trigger]:
    """Every event trigger of the parse, in text order. (Interface; the coder fills it.)"""
    return []
