"""Quoted passages: the character spans between paired quotation marks.

News text mixes typographic marks (“…”), straight ones ("…"), doubled
apostrophes (''…'', the New York Times archive convention) and guillemets,
and it is often unbalanced: a paragraph of a multi-paragraph quote opens with
a mark that is never closed, a stray mark is left by an editor. So marks are
paired one paragraph at a time, and a passage still open when its paragraph
ends simply ends there; nothing here raises.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MARK = re.compile(r"''|[“”\"«»„]")
_OPEN = frozenset({"“", "«", "„"})
_CLOSE = frozenset({"”", "»"})


@dataclass(slots=True, frozen=True)
class Passage:
    """`text[start:end]`, quotation marks included; `closed`: False when never closed."""

    start: int
    end: int
    closed: bool = True


def passages(text: str) -> list[Passage]:
    """Every quoted passage of `text`, in order, never crossing a paragraph (line) break."""
    found: list[Passage] = []
    line_start = 0
    for line in text.split("\n"):
        found.extend(_in_line(line, line_start))
        line_start += len(line) + 1
    return found


def _in_line(line: str, offset: int) -> list[Passage]:
    """Pair the marks of one line: typographic marks by direction, straight ones by turns."""
    out: list[Passage] = []
    open_at: int | None = None
    open_mark = ""
    for m in _MARK.finditer(line):
        mark, pos = m.group(), m.start()
        if open_at is None:
            if mark in _CLOSE:
                continue  # a closing mark with nothing open: a stray
            if mark in ('"', "''") and _looks_like_inch(line, pos):
                continue
            open_at, open_mark = pos, mark
            continue
        closes = (
            mark in _CLOSE
            or (mark == open_mark and mark in ('"', "''"))
            or (open_mark in _OPEN and mark in ('"', "''"))
        )
        if closes:
            out.append(Passage(offset + open_at, offset + m.end()))
            open_at = None
        elif mark in _OPEN and open_mark in _OPEN:
            open_at = pos  # an opening mark re-opened: the first was a stray
    if open_at is not None:
        end = len(line.rstrip())
        if end - open_at > 1:
            out.append(Passage(offset + open_at, offset + end, closed=False))
    return out


def _looks_like_inch(line: str, pos: int) -> bool:
    """A straight mark right after a digit is a unit (6'2"), not a quotation."""
    return pos > 0 and line[pos - 1].isdigit()
