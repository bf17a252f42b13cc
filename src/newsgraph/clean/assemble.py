"""Join a cleaned page's parts into the article text, recording block offsets."""

from __future__ import annotations

import re

from newsgraph.model import Article, Block, Page, Source

_SPACE = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")


def normalise_space(text: str) -> str:
    """Collapse runs of spaces (non-breaking ones included) and trim each line."""
    lines = (_SPACE.sub(" ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def assemble(page: Page, source: Source) -> Article:
    """Build the Article: title, headings, paragraphs and captions, blank-line separated."""
    pieces: list[str] = []
    blocks: list[Block] = []
    offset = 0
    for kind, raw in page.parts:
        text = normalise_space(raw)
        if not text:
            continue
        if pieces:
            offset += 2
        blocks.append(Block(kind, offset, offset + len(text)))
        pieces.append(text)
        offset += len(text)
    return Article(
        text="\n\n".join(pieces),
        source=source,
        title=page.title,
        authors=page.authors,
        published=page.published,
        published_source=page.published_source,
        site=page.site,
        language=page.language,
        blocks=blocks,
        removed=page.removed,
    )
