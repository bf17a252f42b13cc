"""Clean article text (`--no-clean`, or input detected as already clean).

The text is kept exactly as given, so that every offset in the output is an
offset into the input; this module only finds the blocks in it.
"""

from __future__ import annotations

import re

from newsgraph.clean.detect import is_markup
from newsgraph.clean.words import count_words
from newsgraph.model import Article, Block, BlockKind, Removed, Source

_PARAGRAPH = re.compile(r"[^\n]+(?:\n[^\n]+)*")
# sentence ends of Latin and of CJK punctuation (full stop, its full-width forms, commas)
_SENT_END = re.compile(r"[.!?…:;,。！？．：；，、][\"'”’)\]」』）]*$")


def from_plain_text(text: str, source: Source) -> Article:
    """Blocks are runs of non-empty lines; a short unpunctuated first block is the title."""
    blocks: list[Block] = []
    removed: list[Removed] = []
    for m in _PARAGRAPH.finditer(text):
        start = m.start() + len(m[0]) - len(m[0].lstrip())
        end = m.start() + len(m[0].rstrip())
        if end <= start:
            continue
        chunk = text[start:end]
        if is_markup(chunk):  # an embed or ad slot left in scraped text is not a paragraph
            removed.append(Removed("other", chunk))
            continue
        short = "\n" not in chunk and count_words(chunk) <= 20 and not _SENT_END.search(chunk)
        kind: BlockKind = "paragraph"
        if short:
            kind = "title" if not blocks else "heading"
        blocks.append(Block(kind, start, end))
    title = next((text[b.start : b.end] for b in blocks if b.kind == "title"), None)
    return Article(text=text, source=source, title=title, blocks=blocks, removed=removed)
