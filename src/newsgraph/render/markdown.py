"""A markdown report of an Article: the clean text and what was found in it.

The report is built from sections, each a small function `Article -> str` that
returns "" when it has nothing to say; a new finding (quotes, time) adds one
function to `SECTIONS`. Article text is escaped so that a stray `#`, `*` or
`<script>` in the news text stays text when the report is rendered.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from newsgraph.model import Article, Block, Entity

Section = Callable[[Article], str]

_INLINE = re.compile(r"([\\`*_<\[])")
# Line starts that would turn prose into a heading, quote, list or rule.
_LINE_START = re.compile(r"^(#{1,6}(?=\s|$)|>|[-+](?=\s|$)|-{2,}|={2,}|~{3,})")
_ORDERED = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")
_SPACE = re.compile(r"\s+")
_REMOVED_WIDTH = 100


def to_markdown(article: Article) -> str:
    """The whole report, sections separated by blank lines."""
    sections = (section(article) for section in SECTIONS)
    return "\n\n".join(s for s in sections if s) + "\n"


def header(article: Article) -> str:
    """`# title`, then one metadata line and the authors' bios."""
    title = article.title or next(iter(article.blocks_of("title")), None) or "Untitled article"
    lines = [f"# {_one_line(title)}", "", _metadata(article)]
    bios = [f"- **{_one_line(a.name)}**: {_one_line(a.bio)}" for a in article.authors if a.bio]
    if bios:
        lines += ["", *bios]
    return "\n".join(lines)


def body(article: Article) -> str:
    """Headings, paragraphs and captions in reading order; the title is the header's."""
    blocks = (_block(article.text[b.start : b.end], b) for b in article.blocks)
    return "\n\n".join(b for b in blocks if b)


def entities(article: Article) -> str:
    """A table with one row per entity, the most mentioned first."""
    if not article.entities:
        return "## Entities\n\nNo entities found."
    rows = ["| Name | Type | Titles | Mentions |", "| --- | --- | --- | ---: |"]
    rows += [_entity_row(e) for e in sorted(article.entities, key=_by_prominence)]
    return "## Entities\n\n" + "\n".join(rows)


def removed(article: Article) -> str:
    """What cleaning cut: counts by kind, then each text shortened to one line."""
    if not article.removed:
        return ""
    counts = Counter(r.kind for r in article.removed)
    summary = ", ".join(f"{kind} {n}" for kind, n in counts.most_common())
    items = [f"- *{r.kind}*: {_shorten(r.text)}" for r in article.removed]
    total = len(article.removed)
    noun = "item" if total == 1 else "items"
    return f"## Removed from the page\n\n{total} {noun}: {summary}.\n\n" + "\n".join(items)


def warnings(article: Article) -> str:
    """Problems met while reading, so the reader knows what to distrust."""
    if not article.warnings:
        return ""
    return "## Warnings\n\n" + "\n".join(f"- {_one_line(w)}" for w in article.warnings)


SECTIONS: tuple[Section, ...] = (header, body, entities, removed, warnings)


def _metadata(article: Article) -> str:
    parts: list[str] = []
    if article.authors:
        parts.append("By " + ", ".join(_one_line(a.name) for a in article.authors))
    if article.published:
        found = article.published_source
        source = f" (from {_one_line(found)})" if found else ""
        parts.append(f"Published {_escape(article.published)}{source}")
    else:
        parts.append("Date unknown")
    if article.site:
        parts.append(_one_line(article.site))
    where = article.source.url or article.source.path
    parts.append(f"Read as {article.source.input}" + (f" from `{where}`" if where else ""))
    return " · ".join(parts)


def _block(text: str, block: Block) -> str:
    if block.kind == "title" or not text.strip():
        return ""
    if block.kind == "heading":
        return f"## {_one_line(text)}"
    if block.kind == "caption":
        return f"> *{_one_line(text)}*"
    return "\n".join(_line(line) for line in text.splitlines())


def _entity_row(entity: Entity) -> str:
    cells = [entity.name, entity.type, "; ".join(entity.titles)]
    escaped = [_one_line(c).replace("|", "\\|") for c in cells]
    return "| " + " | ".join(escaped) + f" | {len(entity.mentions)} |"


def _by_prominence(entity: Entity) -> tuple[int, int]:
    first = min((m.start for m in entity.mentions), default=0)
    return (-len(entity.mentions), first)


def _shorten(text: str) -> str:
    flat = _SPACE.sub(" ", text).strip()
    if len(flat) > _REMOVED_WIDTH:
        flat = flat[: _REMOVED_WIDTH - 1].rstrip() + "…"
    return _escape(flat)


def _line(line: str) -> str:
    """One line of a paragraph, with block markers at its start made literal."""
    escaped = _LINE_START.sub(r"\\\1", _escape(line.strip()), count=1)
    return _ORDERED.sub(r"\1\\\2", escaped, count=1)


def _one_line(text: str | None) -> str:
    return _escape(_SPACE.sub(" ", text or "").strip())


def _escape(text: str) -> str:
    return _INLINE.sub(r"\\\1", text)
