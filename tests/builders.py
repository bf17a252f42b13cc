"""Small builders for hand-made Articles in tests: spans found by their text, blocks joined."""

from __future__ import annotations

from newsgraph.model import Block, BlockKind, Mention, TextSpan


def at(text: str, needle: str, after: str = "") -> TextSpan:
    """The first `needle` in `text` (after the first `after`, when given)."""
    start = text.index(needle, text.index(after) if after else 0)
    return TextSpan(start, start + len(needle), needle)


def mentions(text: str, needle: str) -> list[Mention]:
    """Every occurrence of `needle` in `text`."""
    found, start = [], text.find(needle)
    while start >= 0:
        found.append(Mention(start, start + len(needle), needle))
        start = text.find(needle, start + 1)
    return found


def join_blocks(parts: tuple[tuple[str, str], ...]) -> tuple[str, list[Block]]:
    """Article text from (kind, text) parts joined by blank lines, with their blocks."""
    text, blocks = "", []
    for kind, part in parts:
        if text:
            text += "\n\n"
        kind_: BlockKind = kind  # type: ignore[assignment]
        blocks.append(Block(kind_, len(text), len(text) + len(part)))
        text += part
    return text, blocks
