"""The markdown report: what a reader of `newsgraph ... --format markdown` relies on."""

from __future__ import annotations

import re

from newsgraph.model import Article, Author, Block, Entity, Mention, Removed, Source
from newsgraph.render.markdown import to_markdown

TITLE = "Putin's Pullout: Behind Russia's New Syria Surprise"
HEADING = "A Signal To Assad"
PARA_1 = "Vladimir Putin surprised the world on March 14 by ordering a partial withdrawal."
CAPTION = "Souvenir plates depicting Bashar al-Assad and Vladimir Putin in old Damascus."
PARA_2 = "Putin's move may push Assad to negotiate."


def _mentions(text: str, needle: str) -> list[Mention]:
    found, start = [], text.find(needle)
    while start >= 0:
        found.append(Mention(start, start + len(needle), needle))
        start = text.find(needle, start + 1)
    return found


def make_article(*parts: tuple[str, str]) -> Article:
    parts = parts or (
        ("title", TITLE),
        ("paragraph", PARA_1),
        ("caption", CAPTION),
        ("heading", HEADING),
        ("paragraph", PARA_2),
    )
    text, blocks = "", []
    for kind, part in parts:
        if text:
            text += "\n\n"
        blocks.append(Block(kind, len(text), len(text) + len(part)))  # type: ignore[arg-type]
        text += part
    putin = [m for m in _mentions(text, "Putin") if text[m.start - 9 : m.start] != "Vladimir "]
    return Article(
        text=text,
        source=Source(input="textdump", path="samples/rferl.txt"),
        title=TITLE,
        authors=[Author("Steve Gutterman", "Editor of the Russia Report.")],
        published="2016-03",
        published_source="dateline",
        site="RFE/RL",
        language="en",
        blocks=blocks,
        removed=[
            Removed("navigation", "Accessibility links"),
            Removed("navigation", "Breaking News"),
            Removed("notice", "Readers in Russia: " + "this site may be blocked. " * 10),
        ],
        entities=[
            Entity(
                "e1",
                "Vladimir Putin",
                "PERSON",
                ["President"],
                _mentions(text, "Vladimir Putin") + putin,
            ),
            Entity("e2", "Bashar al-Assad", "PERSON", [], _mentions(text, "Assad")),
            Entity("e3", "Russia", "GPE", [], _mentions(text, "Russia")),
        ],
        warnings=["no publication date in the page metadata"],
    )


def test_header_has_title_and_metadata() -> None:
    lines = to_markdown(make_article()).splitlines()
    assert lines[0] == "# Putin's Pullout: Behind Russia's New Syria Surprise"
    meta = lines[2]
    for expected in ("Steve Gutterman", "2016-03", "dateline", "RFE/RL", "textdump"):
        assert expected in meta


def test_blocks_in_reading_order_and_title_once() -> None:
    md = to_markdown(make_article())
    positions = [md.index(s) for s in (PARA_1, f"> *{CAPTION}*", f"## {HEADING}", PARA_2)]
    assert positions == sorted(positions)
    assert md.count(TITLE) == 1


def test_entity_table_lists_each_entity_once() -> None:
    article = make_article()
    md = to_markdown(article)
    table = md.split("## Entities", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in table.splitlines() if line.startswith("| ")][2:]
    names = [row.split("|")[1].strip() for row in rows]
    assert sorted(names) == ["Bashar al-Assad", "Russia", "Vladimir Putin"]
    putin = next(row for row in rows if "Vladimir Putin" in row)
    assert (
        "PERSON" in putin
        and "President" in putin
        and putin.endswith(f"| {len(article.entities[0].mentions)} |")
    )


def test_removed_counts_by_kind_and_shortens_texts() -> None:
    md = to_markdown(make_article())
    section = md.split("## Removed from the page", 1)[1].split("\n## ", 1)[0]
    assert "3 items: navigation 2, notice 1." in section
    items = [line for line in section.splitlines() if line.startswith("- ")]
    assert len(items) == 3
    assert all(len(line) < 130 for line in items)
    assert items[2].endswith("…")


def test_warnings_shown() -> None:
    md = to_markdown(make_article())
    assert "## Warnings\n\n- no publication date in the page metadata" in md


def test_empty_sections_are_left_out() -> None:
    article = Article(
        text="Just text.", source=Source(input="text"), blocks=[Block("paragraph", 0, 10)]
    )
    md = to_markdown(article)
    assert md.startswith("# Untitled article\n")
    assert "Just text." in md
    assert "No entities found." in md
    assert "Removed" not in md and "Warnings" not in md


def test_article_text_cannot_inject_markdown_or_html() -> None:
    article = make_article(
        ("paragraph", "# Not a heading"),
        ("paragraph", "1. not a list\n- nor this"),
        ("paragraph", "<script>alert(1)</script> *not emphasis*"),
    )
    md = to_markdown(article)
    assert "\n# Not a heading" not in md
    assert "\\# Not a heading" in md
    assert "1\\. not a list\n\\- nor this" in md
    assert not re.search(r"(?<!\\)<", md)
    assert "\\<script>" in md
    assert "\\*not emphasis\\*" in md


def test_table_cells_escape_pipes() -> None:
    article = make_article()
    article.entities = [Entity("e1", "A|B Holdings", "ORG", [], [])]
    row = next(line for line in to_markdown(article).splitlines() if "Holdings" in line)
    assert "A\\|B Holdings" in row
