"""An annotated HTML page of an Article: a picture of what newsgraph read.

The page is one self-contained file (inline CSS and JS, nothing fetched, a
Content-Security-Policy that forbids fetching), so it opens offline and can be
mailed around. Every string from the article is escaped. Entity mentions are
highlighted by type; a sidebar legend lights up all mentions of one entity.
Statements are highlighted too: their content, cue and speaker in distinct
styles, with the speaker, cue and hedges shown on hover, and a sidebar list of
speakers. Like the markdown report, the page is built from small section
functions.

Highlights nest (a quote holds mentions, a nested quote, its cue) and may
cross, so text is cut at every highlight boundary and the tags are opened and
closed as a stack: a quote, cue or speaker highlight that crosses another is
split into pieces that carry the same data, while an entity mark is never
split (a boundary inside one is moved to the mark's edge).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from html import escape

from newsgraph.model import Article, Block, Entity, Quote, TextSpan
from newsgraph.render.markdown import SpeakerGroup, names_alike, party_name, speaker_groups

# Entity types grouped into the few colours a reader can tell apart.
_GROUPS = {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "NORP": "norp"}
_GROUP_LABELS = {
    "person": "People",
    "org": "Organisations",
    "place": "Places",
    "norp": "Nationalities & groups",
    "other": "Other",
}
_BLOCK_TAGS = {"title": "h1", "heading": "h2", "paragraph": "p"}


@dataclass(frozen=True, slots=True)
class _Mark:
    """A mention chosen for highlighting: `text[start:end]` of entity `index`."""

    start: int
    end: int
    index: int


@dataclass(frozen=True, slots=True)
class _Layer:
    """A highlight of `text[start:end]`: the tags that open and close it.

    When two start together the longer opens first, then the lower `rank`
    (outer quotes, then speaker, cue and hedge spans, then entity marks).
    """

    start: int
    end: int
    rank: int
    open: str
    close: str
    atomic: bool = False  # an entity mark: one element per mention, never split


# Ranks: quote content by nesting depth (outer first), then these, then entity marks.
_RANK_PART = {"spk": 50, "cue": 51, "hedge": 52}
_RANK_MARK = 100


def to_html(article: Article) -> str:
    """The whole page as one string."""
    groups = speaker_groups(article)
    marks = _overlay(article, _choose_marks(article), groups)
    blocks = article.blocks or _fallback_blocks(article)
    headline = next((b for b in blocks if b.kind == "title"), None)
    lang = f' lang="{_attr(article.language)}"' if article.language else ""
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
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        '<div class="page">',
        '<main class="article">',
        masthead(article, headline, marks),
        warnings(article),
        body(article, [b for b in blocks if b is not headline], marks),
        removed(article),
        "</main>",
        legend(article, groups),
        "</div>",
        '<div id="qtip" class="qtip" role="tooltip" hidden></div>',
        f"<script>{_JS}</script>",
        "</body>",
        "</html>",
    ]
    return "\n".join(p for p in parts if p) + "\n"


def masthead(article: Article, headline: Block | None, marks: list[_Layer]) -> str:
    """Site, headline, authors with their bios, date and where the text came from."""
    if headline is not None:
        title = _annotated(article, headline.start, headline.end, marks)
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


def body(article: Article, blocks: list[Block], marks: list[_Layer]) -> str:
    """The article block by block, mentions and statements highlighted."""
    html = [_block(article, b, marks) for b in blocks]
    return '<article class="text">\n' + "\n".join(html) + "\n</article>"


def legend(article: Article, groups: list[SpeakerGroup] | None = None) -> str:
    """Speakers, then entities by colour, most mentioned first; hover or click to find them."""
    speakers = _speaker_list(groups if groups is not None else speaker_groups(article))
    if not article.entities:
        return (
            f'<aside class="legend">{speakers}'
            '<h2>Entities</h2><p class="hint">None found.</p></aside>'
        )
    by_group: dict[str, list[tuple[int, Entity]]] = {g: [] for g in _GROUP_LABELS}
    for i, entity in enumerate(article.entities):
        by_group[_group(entity)].append((i, entity))
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


def _choose_marks(article: Article) -> list[_Mark]:
    """Mentions to highlight, in text order; one overlapping an earlier one is skipped."""
    candidates = sorted(
        (m.start, -m.end, i)
        for i, entity in enumerate(article.entities)
        for m in entity.mentions
        if 0 <= m.start < m.end <= len(article.text)
    )
    chosen: list[_Mark] = []
    for start, negative_end, i in candidates:
        if chosen and start < chosen[-1].end:
            continue
        chosen.append(_Mark(start, -negative_end, i))
    return chosen


def _fallback_blocks(article: Article) -> list[Block]:
    """Text without a layout is still shown, as one paragraph."""
    return [Block("paragraph", 0, len(article.text))] if article.text else []


def _block(article: Article, block: Block, marks: list[_Layer]) -> str:
    inner = _annotated(article, block.start, block.end, marks)
    if block.kind == "caption":
        return f'<figure class="caption"><figcaption>{inner}</figcaption></figure>'
    tag = _BLOCK_TAGS.get(block.kind, "p")
    return f"<{tag}>{inner}</{tag}>"


def _annotated(article: Article, start: int, end: int, layers: list[_Layer]) -> str:
    """Escaped `text[start:end]` with its highlights as properly nested elements.

    Entity marks count only when wholly inside; other highlights are cut to the
    range. The text is cut at every boundary; at each cut the elements ending
    there are closed, and any opened inside them that go on are reopened.
    """
    inside: list[_Layer] = []
    for layer in layers:
        if layer.start >= end or layer.end <= start:
            continue
        if layer.atomic:
            if start <= layer.start and layer.end <= end:
                inside.append(layer)
            continue
        lo, hi = max(start, layer.start), min(end, layer.end)
        if lo < hi:
            inside.append(_Layer(lo, hi, layer.rank, layer.open, layer.close))
    inside.sort(key=lambda layer: (layer.start, -layer.end, layer.rank))
    points = sorted({start, end, *(x.start for x in inside), *(x.end for x in inside)})
    out: list[str] = []
    stack: list[_Layer] = []
    queue = iter(inside)
    pending = next(queue, None)
    for i, point in enumerate(points):
        ending = [k for k, layer in enumerate(stack) if layer.end == point]
        if ending:
            going_on = [layer for layer in stack[ending[0] :] if layer.end != point]
            out += [layer.close for layer in reversed(stack[ending[0] :])]
            del stack[ending[0] :]
            out += [layer.open for layer in going_on]
            stack += going_on
        while pending is not None and pending.start == point:
            out.append(pending.open)
            stack.append(pending)
            pending = next(queue, None)
        if i + 1 < len(points):
            out.append(escape(article.text[point : points[i + 1]]))
    return "".join(out)


def _overlay(article: Article, marks: list[_Mark], groups: list[SpeakerGroup]) -> list[_Layer]:
    """Every highlight of the article: entity marks, then statements and their parts.

    A statement boundary that falls inside a mark is moved to the mark's edge,
    so that marks never need splitting. Speaker, cue and hedge spans shared by
    several statements become one element listing them all.
    """
    layers = [
        _Layer(m.start, m.end, _RANK_MARK, _mark_open(article, m), "</mark>", True) for m in marks
    ]
    starts = [m.start for m in marks]

    def snap(position: int, to_end: bool) -> int:
        i = bisect_right(starts, position) - 1
        if i >= 0 and marks[i].start < position < marks[i].end:
            return marks[i].end if to_end else marks[i].start
        return position

    group_of = {id(q): g for g, group in enumerate(groups) for q in group.quotes}
    depth = _depths(article.quotes)
    parts: dict[tuple[int, int, str], list[int]] = {}
    for k, quote in enumerate(article.quotes):
        spk = f"s{group_of.get(id(quote), 0)}"
        start, end = snap(quote.content.start, False), snap(quote.content.end, True)
        if _fits(article, start, end):
            tag = (
                f'<span class="q q-{_attr(quote.kind)}" data-q="q{k}" data-spk="{spk}" '
                f'data-tip="{_attr(_quote_tip(article, quote))}" tabindex="0">'
            )
            layers.append(_Layer(start, end, min(depth.get(quote.id, 0), 40), tag, "</span>"))
        roles = [("spk", quote.speaker.span if quote.speaker else None), ("cue", quote.cue)]
        roles += [("hedge", h) for h in quote.hedges]
        for role, span in roles:
            if span is not None and _fits(article, span.start, span.end):
                key = (snap(span.start, False), snap(span.end, True), role)
                parts.setdefault(key, []).append(k)
    for (start, end, role), quotes in parts.items():
        ids = " ".join(f"q{k}" for k in quotes)
        spk = (
            f' data-spk="s{group_of.get(id(article.quotes[quotes[0]]), 0)}"'
            if role == "spk"
            else ""
        )
        tag = f'<span class="{role}" data-q="{ids}"{spk}>'
        layers.append(_Layer(start, end, _RANK_PART[role], tag, "</span>"))
    return layers


def _fits(article: Article, start: int, end: int) -> bool:
    return 0 <= start < end <= len(article.text)


def _depths(quotes: list[Quote]) -> dict[str, int]:
    """How deeply each quote is reported inside others (0: the article reports it)."""
    parent = {q.id: q.within for q in quotes}
    depths: dict[str, int] = {}
    for quote in quotes:
        seen = {quote.id}
        current = quote.within
        while current in parent and current not in seen:
            seen.add(current)
            current = parent[current]
        depths[quote.id] = len(seen) - 1
    return depths


def _quote_tip(article: Article, quote: Quote) -> str:
    """Who said it, how, to whom, and how firmly: the hover text of a statement."""
    entities = {e.id: e for e in article.entities}
    if quote.speaker is None:
        lines = ["No speaker given"]
    else:
        name = party_name(quote.speaker, entities)
        words = quote.speaker.span.text
        lines = [name if names_alike(words, name) else f"{name} (“{words}”)"]
    said: list[str] = [quote.kind]
    if quote.cue is not None:
        said.append(f"cue “{quote.cue.text}”")
    if quote.addressee is not None:
        said.append(f"to {party_name(quote.addressee, entities)}")
    lines.append(" · ".join(said))
    lines.append(_hedge_line(quote.hedges))
    outer = next((q for q in article.quotes if q.id == quote.within), None)
    if outer is not None and outer is not quote:
        who = party_name(outer.speaker, entities) if outer.speaker else "no one named"
        lines.append(f"Reported inside a statement by {who}")
    return "\n".join(lines)


def _hedge_line(hedges: list[TextSpan]) -> str:
    if not hedges:
        return "Firm: no hedges found"
    return "Hedged: " + ", ".join(f"“{h.text}”" for h in hedges)


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


def _mark_open(article: Article, mark: _Mark) -> str:
    entity = article.entities[mark.index]
    return (
        f'<mark class="ent g-{_group(entity)}" data-ent="e{mark.index}" '
        f'data-tip="{_attr(_tip(entity))}" tabindex="0">'
    )


def _tip(entity: Entity) -> str:
    lines = [entity.name, entity.type]
    if entity.titles:
        lines.append(", ".join(entity.titles))
    return "\n".join(lines)


def _legend_group(group: str, items: list[tuple[int, Entity]]) -> str:
    entries = []
    for i, entity in items:
        kind = "" if group != "other" else f' <span class="type">{escape(entity.type)}</span>'
        titles = (
            f'<span class="titles">{escape(", ".join(entity.titles))}</span>'
            if entity.titles
            else ""
        )
        entries.append(
            f'<li><button type="button" class="ent-key g-{group}" data-ent="e{i}">'
            f'<span class="name">{escape(entity.name)}</span>{kind}'
            f'<span class="count">{len(entity.mentions)}</span>{titles}</button></li>'
        )
    return (
        f'<section class="group"><h3><span class="swatch g-{group}"></span>'
        f'{_GROUP_LABELS[group]} <span class="n">{len(items)}</span></h3>'
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


def _group(entity: Entity) -> str:
    return _GROUPS.get(entity.type.upper(), "other")


def _plain_title(article: Article) -> str:
    return article.title or next(iter(article.blocks_of("title")), None) or "Untitled article"


def _attr(value: str) -> str:
    """An attribute value: escaped, newlines kept as character references."""
    return escape(value, quote=True).replace("\n", "&#10;")


_CSS = """
:root{--bg:#fbfaf7;--fg:#1d1d1f;--muted:#6b6b70;--rule:#e4e1da;--card:#fff;
--person:37 99 235;--org:5 150 105;--place:217 119 6;--norp:124 58 237;--other:100 116 139;
--quote:234 179 8;--cue:220 38 38;--speaker:13 148 136}
@media (prefers-color-scheme:dark){:root{--bg:#16171a;--fg:#e8e6e1;--muted:#9b9aa0;
--rule:#2c2d31;--card:#1e1f23}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);
font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
.page{display:grid;grid-template-columns:minmax(0,42rem) 17rem;gap:3rem;max-width:65rem;
margin:0 auto;padding:2.5rem 1.5rem 4rem}
@media (max-width:900px){.page{grid-template-columns:minmax(0,1fr);gap:1.5rem}}
.muted{color:var(--muted)}
.masthead{border-bottom:1px solid var(--rule);padding-bottom:1.25rem;margin-bottom:1.5rem}
.kicker{margin:0 0 .5rem;color:var(--muted);font-size:.8rem;letter-spacing:.04em;
text-transform:uppercase}
.kicker .where{text-transform:none;letter-spacing:0;word-break:break-all}
h1,h2,p,figcaption{white-space:pre-line}
h1.title{font:700 2.2rem/1.15 Georgia,"Iowan Old Style","Times New Roman",serif;margin:0 0 1rem}
.byline{list-style:none;margin:0 0 .5rem;padding:0;display:flex;flex-wrap:wrap;gap:.5rem 1.5rem}
.author .name{font-weight:600}
.author .bio{display:block;max-width:30rem;color:var(--muted);font-size:.85rem}
.dateline{margin:0;font-size:.9rem}
.text{font:1.13rem/1.7 Georgia,"Iowan Old Style","Times New Roman",serif}
.text h1{font-size:1.6rem;line-height:1.2}
.text h2{font:700 1.3rem/1.3 system-ui,sans-serif;margin:2rem 0 .5rem}
.text p{margin:0 0 1.1rem}
figure.caption{margin:1.25rem 0;padding:.5rem .9rem;border-left:3px solid var(--rule);
background:var(--card)}
figure.caption figcaption{font:italic .92rem/1.5 system-ui,sans-serif;color:var(--muted)}
figure.caption figcaption::before{content:"Caption";display:block;font-style:normal;
font-size:.7rem;letter-spacing:.08em;text-transform:uppercase}
mark.ent{position:relative;color:inherit;background:rgb(var(--c)/.14);
border-bottom:2px solid rgb(var(--c)/.7);border-radius:2px;padding:0 1px;cursor:help;
transition:background .15s,opacity .15s}
.g-person{--c:var(--person)}.g-org{--c:var(--org)}.g-place{--c:var(--place)}
.g-norp{--c:var(--norp)}.g-other{--c:var(--other)}
mark.ent.lit,mark.ent.pinned{background:rgb(var(--c)/.38)}
body.focusing mark.ent:not(.lit):not(.pinned){opacity:.35}
mark.ent:hover::after,mark.ent:focus::after{content:attr(data-tip);position:absolute;left:0;
bottom:calc(100% + 6px);z-index:10;width:max-content;max-width:18rem;white-space:pre-line;
padding:.4rem .6rem;border-radius:6px;background:#222;color:#fff;
font:500 .8rem/1.35 system-ui,sans-serif;box-shadow:0 4px 14px rgb(0 0 0/.25);
pointer-events:none}
.legend{position:sticky;top:1rem;align-self:start;max-height:calc(100vh - 2rem);overflow:auto;
font-size:.9rem}
@media (max-width:900px){.legend{position:static;max-height:none}}
.legend h2{font-size:1rem;margin:0 0 .25rem}
.legend .hint{margin:0 0 1rem;color:var(--muted);font-size:.8rem}
.legend h3{display:flex;align-items:center;gap:.4rem;font-size:.75rem;letter-spacing:.06em;
text-transform:uppercase;color:var(--muted);margin:1rem 0 .35rem}
.swatch{width:.7rem;height:.7rem;border-radius:2px;background:rgb(var(--c))}
.legend ul{list-style:none;margin:0;padding:0}
.ent-key{display:flex;flex-wrap:wrap;align-items:baseline;gap:0 .4rem;width:100%;
text-align:left;font:inherit;color:inherit;background:none;border:0;
border-left:3px solid rgb(var(--c)/.7);padding:.2rem .5rem;margin:.1rem 0;cursor:pointer}
.ent-key:hover,.ent-key.lit,.ent-key.pinned{background:rgb(var(--c)/.14)}
.ent-key.pinned{font-weight:600}
.ent-key .count{margin-left:auto;color:var(--muted);font-variant-numeric:tabular-nums}
.ent-key .type{font-size:.7rem;color:var(--muted)}
.ent-key .titles{flex-basis:100%;font-size:.78rem;color:var(--muted)}
.n{color:var(--muted);font-weight:400}
.removed{margin-top:3rem;border-top:1px solid var(--rule);padding-top:1rem;font-size:.9rem}
.removed summary{cursor:pointer;font-weight:600}
.removed summary .muted{font-weight:400;margin-left:.5rem}
.removed h3{font-size:.8rem;text-transform:uppercase;letter-spacing:.06em;margin:1rem 0 .3rem}
.removed ul{margin:0;padding-left:1.1rem;color:var(--muted)}
.removed li{white-space:pre-line;margin:.15rem 0}
.warnings{border:1px solid rgb(217 119 6/.5);background:rgb(217 119 6/.08);border-radius:6px;
padding:.6rem 1rem;margin-bottom:1.5rem;font-size:.9rem}
.warnings ul{margin:.25rem 0 0;padding-left:1.1rem}
.q{background:rgb(var(--quote)/.13);border-radius:2px;box-decoration-break:clone;
-webkit-box-decoration-break:clone;cursor:help}
.q .q{background:rgb(var(--quote)/.22)}
.q.qlit,.q.lit,.q.pinned{background:rgb(var(--quote)/.4)}
.cue{text-decoration:underline 2px rgb(var(--cue));text-underline-offset:.2em;font-weight:600}
.spk{outline:1.5px solid rgb(var(--speaker)/.8);outline-offset:1px;border-radius:3px}
.hedge{font-style:italic;text-decoration:underline dotted 2px rgb(var(--cue)/.8);
text-underline-offset:.2em}
.cue.qlit,.hedge.qlit{background:rgb(var(--cue)/.15)}
.spk.qlit,.spk.lit,.spk.pinned{background:rgb(var(--speaker)/.2)}
.qtip{position:fixed;z-index:20;max-width:22rem;white-space:pre-line;padding:.45rem .65rem;
border-radius:6px;background:#222;color:#fff;font:500 .8rem/1.4 system-ui,sans-serif;
border-left:4px solid rgb(var(--quote));box-shadow:0 4px 14px rgb(0 0 0/.25);
pointer-events:none}
.speakers{margin-bottom:1.5rem}
.spk-key{display:flex;flex-wrap:wrap;align-items:baseline;gap:0 .4rem;width:100%;
text-align:left;font:inherit;color:inherit;background:none;border:0;
border-left:3px solid rgb(var(--speaker)/.7);padding:.2rem .5rem;margin:.1rem 0;cursor:pointer}
.spk-key:hover,.spk-key.lit,.spk-key.pinned{background:rgb(var(--speaker)/.14)}
.spk-key.pinned{font-weight:600}
.spk-key.anon .name{font-style:italic}
.spk-key .count{margin-left:auto;color:var(--muted);font-variant-numeric:tabular-nums}
.spk-key .titles{flex-basis:100%;font-size:.78rem;color:var(--muted)}
"""

_JS = """
(() => {
  const tagged = [...document.querySelectorAll("[data-ent]")];
  const mine = (id) => tagged.filter((el) => el.dataset.ent === id);
  const refocus = () => document.body.classList.toggle(
    "focusing", document.querySelector("mark.ent.lit, mark.ent.pinned") !== null);
  const light = (id, cls, on) => {
    mine(id).forEach((el) => el.classList.toggle(cls, on));
    refocus();
  };
  tagged.forEach((el) => {
    for (const [event, on] of [["mouseenter", true], ["mouseleave", false],
                               ["focus", true], ["blur", false]]) {
      el.addEventListener(event, () => light(el.dataset.ent, "lit", on));
    }
  });
  document.querySelectorAll(".ent-key").forEach((key) => {
    key.addEventListener("click", () => {
      const id = key.dataset.ent;
      const on = !key.classList.contains("pinned");
      light(id, "pinned", on);
      const first = document.querySelector(`mark.ent[data-ent="${id}"]`);
      if (on && first) first.scrollIntoView({behavior: "smooth", block: "center"});
    });
  });
})();
(() => {
  // Statements: hovering any piece of one lights up all its pieces, its cue, speaker
  // and hedges, and shows who said it below the line.
  const tip = document.getElementById("qtip");
  const parts = [...document.querySelectorAll("[data-q]")];
  const ids = (el) => el.dataset.q.split(" ");
  const light = (qids, on) => parts.forEach((el) => {
    if (ids(el).some((id) => qids.includes(id))) el.classList.toggle("qlit", on);
  });
  let current = [];
  const show = (el) => {
    const next = el ? ids(el) : [];
    if (next.join(" ") === current.join(" ")) return;
    light(current, false);
    light(next, true);
    current = next;
    const quote = next.length ? document.querySelector(`.q[data-q="${next[0]}"]`) : null;
    tip.textContent = quote ? quote.dataset.tip : "";
    tip.hidden = !tip.textContent;
    if (tip.hidden) return;
    const box = el.getBoundingClientRect();
    const below = box.bottom + 8 + tip.offsetHeight < innerHeight;
    tip.style.top = `${below ? box.bottom + 8 : Math.max(8, box.top - 8 - tip.offsetHeight)}px`;
    tip.style.left = `${Math.max(8, Math.min(box.left, innerWidth - tip.offsetWidth - 8))}px`;
  };
  const nearest = (event) => show(event.target.closest ? event.target.closest("[data-q]") : null);
  document.addEventListener("mouseover", nearest);
  document.addEventListener("focusin", nearest);
  document.addEventListener("scroll", () => show(null), {passive: true});
  // Speakers: hover or click a name in the sidebar to light up their statements.
  const spoken = [...document.querySelectorAll("[data-spk]")];
  const mark = (id, cls, on) => spoken.forEach((el) => {
    if (el.dataset.spk === id) el.classList.toggle(cls, on);
  });
  document.querySelectorAll(".spk-key").forEach((key) => {
    const id = key.dataset.spk;
    for (const [event, on] of [["mouseenter", true], ["mouseleave", false],
                               ["focus", true], ["blur", false]]) {
      key.addEventListener(event, () => mark(id, "lit", on));
    }
    key.addEventListener("click", () => {
      const on = !key.classList.contains("pinned");
      mark(id, "pinned", on);
      const first = document.querySelector(`.q[data-spk="${id}"]`);
      if (on && first) first.scrollIntoView({behavior: "smooth", block: "center"});
    });
  });
})();
"""
