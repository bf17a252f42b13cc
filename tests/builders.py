"""Small builders for hand-made Articles in tests: spans found by their text, blocks joined."""

from __future__ import annotations

from newsgraph.model import Block, BlockKind, Mention, Party, Quote, TextSpan


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


def statements(
    text: str, *, nested: str, addressee: str, diplomat: str, kremlin: str
) -> list[Quote]:
    """Five statements over a text built like the render tests' quoted article.

    A named speaker; a pronoun speaker with hedges and an addressee; the
    Kremlin (entity `kremlin`) reporting Putin's `nested` claim; an anonymous
    `diplomat`.
    """
    start = text.index('that Putin "')
    end = text.index('."', start) + 2
    reported = TextSpan(start, end, text[start:end])
    return [
        Quote(
            "q1",
            "direct",
            at(text, '"the task has been accomplished."'),
            cue=at(text, "said"),
            speaker=Party(at(text, "Vladimir Putin"), "e1"),
        ),
        Quote(
            "q2",
            "indirect",
            at(text, "the pullout may reportedly be reversed"),
            cue=at(text, "told"),
            speaker=Party(at(text, "He"), "e1"),
            addressee=Party(at(text, addressee)),
            hedges=[at(text, "may"), at(text, "reportedly")],
        ),
        Quote(
            "q3",
            "mixed",
            reported,
            cue=at(text, "said", "The Kremlin"),
            speaker=Party(at(text, "The Kremlin"), kremlin),
        ),
        Quote(
            "q4",
            "indirect",
            at(text, nested),
            cue=at(text, "underscored"),
            speaker=Party(at(text, "Putin", "that Putin"), "e1"),
            within="q3",
        ),
        Quote(
            "q5",
            "indirect",
            at(text, "Assad must go"),
            cue=at(text, "said", "diplomat"),
            speaker=Party(at(text, diplomat)),
        ),
    ]


# A short local news story, for tests of what cleaning keeps and drops
NEWS_PARAGRAPHS = [
    "The city council voted on Tuesday to approve a budget that raises spending on "
    "public transport by twelve percent over the next two years.",
    "Opponents said the money would be better spent on repairing roads, which they "
    "described as dangerous after a long and unusually cold winter.",
    "The mayor, who has backed the plan since her election, said she expected work on "
    "the first new tram line to begin in the spring.",
    "Construction is expected to take three years, and the council has promised to "
    "publish a detailed timetable for each stage before the summer.",
]
