"""A markdown report of an Article: the clean text and what was found in it.

The report is built from sections, each a small function `Article -> str` that
returns "" when it has nothing to say; a new finding (time, events) adds one
function to `SECTIONS`. Article text is escaped so that a stray `#`, `*` or
`<script>` in the news text stays text when the report is rendered.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from newsgraph.model import Article, Block, Entity, Event, EventParty, Quote, TextSpan
from newsgraph.render.statements import (
    SpeakerGroup,
    names_alike,
    nested_quotes,
    party_name,
    party_words,
    speaker_groups,
    unreached,
)
from newsgraph.render.values import (
    entity_codes,
    entity_identity,
    number,
    party_codes,
    quantity_qualifiers,
    timex_mod,
)

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
    rows = [
        "| Name | Type | Titles | Identity | Codes | Mentions |",
        "| --- | --- | --- | --- | --- | ---: |",
    ]
    rows += [_entity_row(e) for e in sorted(article.entities, key=_by_prominence)]
    return "## Entities\n\n" + "\n".join(rows)


def events(article: Article) -> str:
    """Who did what to whom: "actor —TYPE/mode→ recipient, date, place", then the sentence.

    Each line says how firmly the text gives the event (future, negated, a
    claim inside a statement), so a reader never takes a claim for a fact.
    """
    if not article.events:
        return "## Events\n\nNo events found."
    entities = {e.id: e for e in article.entities}
    quotes = {q.id: q for q in article.quotes}
    lines = ["## Events", ""]
    for event in sorted(article.events, key=lambda e: _span_order(e.trigger)):
        lines.append("- " + _event_line(event, entities, quotes))
        lines.append("  > " + _trigger_sentence(event))
    return "\n".join(lines)


def _event_line(event: Event, entities: dict[str, Entity], quotes: dict[str, Quote]) -> str:
    label = f"{event.type}/{event.mode}" if event.mode else event.type
    actors = _event_parties(event.actors, entities)
    recipients = _event_parties(event.recipients, entities)
    parts = [f"{actors} —{_escape(label)}→ {recipients}"]
    if event.date is not None:
        published = " (published)" if event.date.source == "published" else ""
        parts.append(_escape(event.date.value) + published)
    if event.location is not None:
        place = entities.get(event.location.entity or "")
        parts.append("in " + _one_line(place.name if place else event.location.span.text))
    notes: list[str] = [] if event.modality == "asserted" else [event.modality]
    quote = quotes.get(event.quote or "")
    if quote is not None:
        who = party_name(quote.speaker, entities) if quote.speaker else "no one named"
        notes.append(f"claimed by {_one_line(who)}")
    elif event.quote:
        notes.append("inside a statement")
    line = ", ".join(parts)
    return line + (f" *({'; '.join(notes)})*" if notes else "")


def _event_parties(parties: list[EventParty], entities: dict[str, Entity]) -> str:
    """Each party in bold, by its entity's name, with its country and sector codes."""
    if not parties:
        return "*unnamed*"
    names = []
    for party in parties:
        entity = entities.get(party.entity or "")
        codes = party_codes(party.country, party.sector)
        name = f"**{_one_line(entity.name if entity else party.span.text)}**"
        names.append(name + (f" ({_escape(codes)})" if codes else ""))
    return ", ".join(names)


def _trigger_sentence(event: Event) -> str:
    """The sentence on one line, the words that report the event in bold."""
    sentence, trigger = event.sentence, event.trigger
    if not sentence.start <= trigger.start < trigger.end <= sentence.end:
        return _one_line(sentence.text)
    cut = trigger.start - sentence.start, trigger.end - sentence.start
    before, words, after = (
        sentence.text[: cut[0]],
        sentence.text[cut[0] : cut[1]],
        sentence.text[cut[1] :],
    )
    inner = _one_line(words)
    spaced = (" " if before[-1:].isspace() else "", " " if after[:1].isspace() else "")
    return (_one_line(before) + spaced[0] + f"**{inner}**" + spaced[1] + _one_line(after)).strip()


def time_expressions(article: Article) -> str:
    """A table of the time expressions in text order, each with its TIMEX3 value and modifier."""
    if not article.timexes:
        return ""
    rows = ["| Text | Type | Value | Mod |", "| --- | --- | --- | --- |"]
    for timex in sorted(article.timexes, key=lambda t: _span_order(t.span)):
        rows.append(_row([timex.span.text, timex.type, timex.value, timex_mod(timex)]))
    return "## Time expressions\n\n" + "\n".join(rows)


def quantities(article: Article) -> str:
    """A table of the numbers in text order: value, unit, how loosely stated, and in which quote."""
    if not article.quantities:
        return ""
    rows = [
        "| Text | Value | Unit | Approx / bound | Quote |",
        "| --- | ---: | --- | --- | --- |",
    ]
    for q in sorted(article.quantities, key=lambda q: _span_order(q.span)):
        cells = [q.span.text, number(q.value), q.unit or "", ", ".join(quantity_qualifiers(q))]
        rows.append(_row([*cells, q.quote or ""]))
    return "## Quantities\n\n" + "\n".join(rows)


def statements(article: Article) -> str:
    """Who said what: statements grouped by speaker, nested ones under the statement they are in.

    Each line gives the kind, the cue, the addressee and the hedges, so a reader
    can tell a firm statement from a hedged one without opening the JSON.
    """
    if not article.quotes:
        return "## Statements\n\nNo statements found."
    children = nested_quotes(article.quotes)
    inner = {q.id for nested in children.values() for q in nested}
    top = [q for q in article.quotes if q.id not in inner]
    top += unreached(article.quotes, top, children)
    lines = ["## Statements", "", _statement_summary(article)]
    entities = {e.id: e for e in article.entities}
    for group in speaker_groups(article, top):
        lines += ["", f"### {_group_heading(group)}", ""]
        for quote in group.quotes:
            lines += _statement_lines(quote, group.name, children, entities, depth=0, seen=set())
    return "\n".join(lines)


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


SECTIONS: tuple[Section, ...] = (
    header,
    body,
    entities,
    statements,
    events,
    time_expressions,
    quantities,
    removed,
    warnings,
)


def _statement_summary(article: Article) -> str:
    kinds = Counter(q.kind for q in article.quotes)
    by_kind = ", ".join(f"{kinds[k]} {k}" for k in ("direct", "mixed", "indirect") if kinds[k])
    speakers = {key for group in speaker_groups(article) if (key := group.key) != "none"}
    hedged = sum(bool(q.hedges) for q in article.quotes)
    n = len(article.quotes)
    return (
        f"{n} {'statement' if n == 1 else 'statements'} ({by_kind}) "
        f"from {len(speakers)} {'speaker' if len(speakers) == 1 else 'speakers'}; "
        f"{hedged} hedged."
    )


def _group_heading(group: SpeakerGroup) -> str:
    name = _one_line(group.name)
    if group.key.startswith("words:"):
        return f"“{name}” (not linked to an entity)"
    return name


def _statement_lines(
    quote: Quote,
    group_name: str,
    children: dict[str, list[Quote]],
    entities: dict[str, Entity],
    depth: int,
    seen: set[str],
) -> list[str]:
    """One list item for the statement, then its nested statements indented under it."""
    seen.add(quote.id)
    parts = [f"*{quote.kind}*"]
    if quote.speaker is not None:
        name = party_name(quote.speaker, entities)
        words = party_words(quote.speaker)
        if depth:
            parts.insert(0, f"**{_one_line(name)}**")
        if not names_alike(words, name if depth else group_name):
            parts.append(f"as “{_one_line(words)}”")
    elif depth:
        parts.insert(0, "**no speaker given**")
    if quote.cue is not None:
        parts.append(f"cue “{_one_line(quote.cue.text)}”")
    if quote.addressee is not None:
        parts.append(f"to {_one_line(party_name(quote.addressee, entities))}")
    if quote.hedges:
        parts.append("hedged by " + ", ".join(f"“{_one_line(h.text)}”" for h in quote.hedges))
    lines = ["  " * depth + "- " + ", ".join(parts) + ": " + _one_line(quote.content.text)]
    for inner in children.get(quote.id, []):
        if inner.id not in seen:
            lines += _statement_lines(inner, group_name, children, entities, depth + 1, seen)
    return lines


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
    cells += [entity_identity(entity), entity_codes(entity)]
    return _row([*cells, str(len(entity.mentions))])


def _row(cells: list[str]) -> str:
    """A table row, each cell on one line with its pipes escaped."""
    return "| " + " | ".join(_one_line(c).replace("|", "\\|") for c in cells) + " |"


def _span_order(span: TextSpan) -> tuple[int, int]:
    return (span.start, -span.end)


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
