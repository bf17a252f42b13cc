"""An annotated HTML page of an Article: a picture of what newsgraph read.

The page is one self-contained file (inline CSS and JS, nothing fetched, a
Content-Security-Policy that forbids fetching), so it opens offline and can be
mailed around. Every string from the article is escaped. Entity mentions are
highlighted by type; a sidebar legend lights up all mentions of one entity.
Statements are highlighted too: their content, cue and speaker in distinct
styles, with the speaker, cue and hedges shown on hover, and a sidebar list of
speakers. Time expressions and quantities are underlined, their normalised
value ("2016-03-14", "P6M (less than)") shown on hover; entities show their
identity and actor codes. Event triggers are marked, their type, actors,
recipients, date and place shown on hover, and listed in the sidebar with a
link to each. Like the markdown report, the page is built from
small section functions.

The layout lives here; how crossing highlights become nested elements lives in
`overlay`, the CSS and JS in `assets`, and the grouping of statements by
speaker (shared with the markdown report) in `statements`.
"""

from __future__ import annotations

from collections import Counter
from html import escape

from newsgraph.model import Article, Block, Entity
from newsgraph.render.assets import CSS, JS
from newsgraph.render.overlay import (
    GROUP_LABELS,
    Layer,
    annotated,
    attr_value,
    entity_group,
    event_tip,
    highlights,
)
from newsgraph.render.statements import SpeakerGroup, speaker_groups
from newsgraph.render.values import entity_codes, entity_identity

_BLOCK_TAGS = {"title": "h1", "heading": "h2", "paragraph": "p"}


def to_html(article: Article) -> str:
    """The whole page as one string."""
    groups = speaker_groups(article)
    marks = highlights(article, groups)
    blocks = article.blocks or _fallback_blocks(article)
    headline = next((b for b in blocks if b.kind == "title"), None)
    lang = f' lang="{attr_value(article.language)}"' if article.language else ""
    parts = [
        "<!DOCTYPE html>",
        f"<html{lang}>",
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">",
        '<meta name="generator" content="newsgraph">',
        f"<title>{escape(_plain_title(article))}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        '<div class="page">',
        '<main class="article">',
        masthead(article, headline, marks),
        warnings(article),
        body(article, [b for b in blocks if b is not headline], marks),
        removed(article),
        "</main>",
        legend(article, groups, {m.anchor for m in marks if m.anchor}),
        "</div>",
        '<div id="qtip" class="qtip" role="tooltip" hidden></div>',
        f"<script>{JS}</script>",
        "</body>",
        "</html>",
    ]
    return "\n".join(p for p in parts if p) + "\n"


def masthead(article: Article, headline: Block | None, marks: list[Layer]) -> str:
    """Site, headline, authors with their bios, date and where the text came from."""
    if headline is not None:
        title = annotated(article, headline.start, headline.end, marks)
    else:
        title = escape(_plain_title(article))
    meta = [escape(article.site)] if article.site else []
    meta.append(f"read as {escape(article.source.input)}")
    where = article.source.url or article.source.path
    if where:
        meta.append(f'<span class="where">{escape(where)}</span>')
    lines = [
        '<header class="masthead">',
        f'<p class="kicker">{" · ".join(meta)}</p>',
        f'<h1 class="title">{title}</h1>',
        _byline(article),
        _dateline(article),
        "</header>",
    ]
    return "\n".join(line for line in lines if line)


def body(article: Article, blocks: list[Block], marks: list[Layer]) -> str:
    """The article block by block, mentions and statements highlighted."""
    html = [_block(article, b, marks) for b in blocks]
    return '<article class="text">\n' + "\n".join(html) + "\n</article>"


def legend(
    article: Article, groups: list[SpeakerGroup] | None = None, anchors: set[str] | None = None
) -> str:
    """Speakers, events, then entities by colour, most mentioned first; hover or click to find them.

    `anchors` are the ids of the marked event triggers the event list links to.
    """
    groups = groups if groups is not None else speaker_groups(article)
    if anchors is None:
        anchors = {m.anchor for m in highlights(article, groups) if m.anchor}
    speakers = _speaker_list(groups) + _event_list(article, anchors) + _value_key(article)
    if not article.entities:
        return (
            f'<aside class="legend">{speakers}'
            '<h2>Entities</h2><p class="hint">None found.</p></aside>'
        )
    by_group: dict[str, list[tuple[int, Entity]]] = {g: [] for g in GROUP_LABELS}
    for i, entity in enumerate(article.entities):
        by_group[entity_group(entity)].append((i, entity))
    sections = [
        _legend_group(group, sorted(items, key=lambda item: -len(item[1].mentions)))
        for group, items in by_group.items()
        if items
    ]
    return (
        f'<aside class="legend">\n{speakers}<h2>Entities</h2>\n'
        '<p class="hint">Hover a name to light up its mentions; click to pin it.</p>\n'
        + "\n".join(sections)
        + "\n</aside>"
    )


def removed(article: Article) -> str:
    """What cleaning cut, by kind, folded away so it does not distract."""
    if not article.removed:
        return ""
    counts = Counter(r.kind for r in article.removed)
    sections = []
    for kind, n in counts.most_common():
        items = "".join(f"<li>{escape(r.text)}</li>" for r in article.removed if r.kind == kind)
        sections.append(
            f'<section><h3>{escape(kind)} <span class="n">{n}</span></h3><ul>{items}</ul></section>'
        )
    summary = " · ".join(f"{escape(kind)} {n}" for kind, n in counts.most_common())
    return (
        '<details class="removed">\n'
        f'<summary>Removed from the page <span class="n">{len(article.removed)}</span>'
        f' <span class="muted">{summary}</span></summary>\n' + "\n".join(sections) + "\n</details>"
    )


def warnings(article: Article) -> str:
    """Problems met while reading, shown first so the reader knows what to distrust."""
    if not article.warnings:
        return ""
    items = "".join(f"<li>{escape(w)}</li>" for w in article.warnings)
    return f'<div class="warnings" role="note"><strong>Warnings</strong><ul>{items}</ul></div>'


def _fallback_blocks(article: Article) -> list[Block]:
    """Text without a layout is still shown, as one paragraph."""
    return [Block("paragraph", 0, len(article.text))] if article.text else []


def _block(article: Article, block: Block, marks: list[Layer]) -> str:
    inner = annotated(article, block.start, block.end, marks)
    if block.kind == "caption":
        return f'<figure class="caption"><figcaption>{inner}</figcaption></figure>'
    tag = _BLOCK_TAGS.get(block.kind, "p")
    return f"<{tag}>{inner}</{tag}>"


def _speaker_list(groups: list[SpeakerGroup]) -> str:
    """The sidebar's speakers, most quoted first; hover or click to light up their statements."""
    if not groups:
        return ""
    items = []
    for g, group in enumerate(groups):
        kinds = Counter(q.kind for q in group.quotes)
        hedged = sum(bool(q.hedges) for q in group.quotes)
        detail = " · ".join(f"{n} {kind}" for kind, n in kinds.most_common())
        detail += f" · {hedged} hedged" if hedged else ""
        unlinked = group.key.startswith("words:")
        name = f"“{escape(group.name)}”" if unlinked else escape(group.name)
        items.append(
            f'<li><button type="button" class="spk-key{" anon" if unlinked else ""}" '
            f'data-spk="s{g}"><span class="name">{name}</span>'
            f'<span class="count">{len(group.quotes)}</span>'
            f'<span class="titles">{escape(detail)}</span></button></li>'
        )
    return (
        '<section class="speakers">\n<h2>Speakers</h2>\n'
        '<p class="hint">Hover a speaker to light up their statements; click to pin.</p>\n'
        f"<ul>{''.join(items)}</ul>\n</section>\n"
    )


def _event_list(article: Article, anchors: set[str]) -> str:
    """The sidebar's events in text order, each linking to its trigger where it is marked."""
    if not article.events:
        return ""
    items = []
    order = sorted(range(len(article.events)), key=lambda k: article.events[k].trigger.start)
    first_of: dict[tuple[int, int], int] = {}
    for k, event in enumerate(article.events):
        first_of.setdefault((event.trigger.start, event.trigger.end), k)
    for k in order:
        event = article.events[k]
        label, who, *rest = event_tip(event, article).split("\n")
        anchor = f"ev{first_of[(event.trigger.start, event.trigger.end)]}"
        name = (
            f'<a href="#{anchor}">{escape(label)}</a>'
            if anchor in anchors
            else f'<span class="unmarked">{escape(label)}</span>'
        )
        when = "".join(f'<span class="when">{escape(line)}</span>' for line in rest)
        items.append(f'<li>{name}<span class="who">{escape(who)}</span>{when}</li>')
    return (
        '<section class="events">\n<h2>Events <span class="n">'
        f"{len(article.events)}</span></h2>\n"
        '<p class="hint">Who did what to whom; click one to find its words.</p>\n'
        f"<ul>{''.join(items)}</ul>\n</section>\n"
    )


def _value_key(article: Article) -> str:
    """How times and numbers are marked in the text, and how many there are."""
    kinds = [("tx", "Times", len(article.timexes)), ("qty", "Quantities", len(article.quantities))]
    items = [
        f'<li><span class="val {kind}">{label}</span> <span class="n">{n}</span></li>'
        for kind, label, n in kinds
        if n
    ]
    if not items:
        return ""
    return (
        '<section class="values">\n<h2>Times &amp; numbers</h2>\n'
        '<p class="hint">Hover an underlined time or number for its normalised value.</p>\n'
        f"<ul>{''.join(items)}</ul>\n</section>\n"
    )


def _legend_group(group: str, items: list[tuple[int, Entity]]) -> str:
    entries = []
    for i, entity in items:
        kind = "" if group != "other" else f' <span class="type">{escape(entity.type)}</span>'
        titles = (
            f'<span class="titles">{escape(", ".join(entity.titles))}</span>'
            if entity.titles
            else ""
        )
        known = " · ".join(x for x in (entity_identity(entity), entity_codes(entity)) if x)
        ids = f'<span class="ids">{escape(known)}</span>' if known else ""
        entries.append(
            f'<li><button type="button" class="ent-key g-{group}" data-ent="e{i}">'
            f'<span class="name">{escape(entity.name)}</span>{kind}'
            f'<span class="count">{len(entity.mentions)}</span>{titles}{ids}</button></li>'
        )
    return (
        f'<section class="group"><h3><span class="swatch g-{group}"></span>'
        f'{GROUP_LABELS[group]} <span class="n">{len(items)}</span></h3>'
        f"<ul>{''.join(entries)}</ul></section>"
    )


def _byline(article: Article) -> str:
    if not article.authors:
        return ""
    people = []
    for author in article.authors:
        bio = f'<span class="bio">{escape(author.bio)}</span>' if author.bio else ""
        name = f'<span class="name">{escape(author.name)}</span>'
        people.append(f'<li class="author">{name}{bio}</li>')
    return f'<ul class="byline">{"".join(people)}</ul>'


def _dateline(article: Article) -> str:
    if not article.published:
        return '<p class="dateline muted">Publication date unknown</p>'
    found = (
        f' <span class="muted">from {escape(article.published_source)}</span>'
        if article.published_source
        else ""
    )
    date = escape(article.published)
    return f'<p class="dateline"><time datetime="{date}">{date}</time>{found}</p>'


def _plain_title(article: Article) -> str:
    return article.title or next(iter(article.blocks_of("title")), None) or "Untitled article"
