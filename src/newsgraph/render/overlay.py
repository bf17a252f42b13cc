"""The highlights of the HTML page, and how they nest into well-formed elements.

Highlights nest (a quote holds mentions, a nested quote, its cue) and may
cross, which HTML elements cannot. This is the one tricky part of the page, so
it lives apart from the page layout: text is cut at every highlight boundary
and the tags are opened and closed as a stack. A quote, cue or speaker
highlight that crosses another is split into pieces that carry the same data,
while an entity mark is never split (a statement boundary inside one is moved
to the mark's edge). Time expressions and quantities are highlighted too, with
their normalised value on hover; such a value span may hold or sit inside any
other highlight, but one that would cross another's boundary is left out
rather than split. Event triggers are marked the same way, with the event's
type, parties, date and place on hover, and an `id` the sidebar links to.
What each highlight shows on hover is built here too, as it travels in the
opening tag.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from html import escape

from newsgraph.model import Article, Entity, Event, EventParty, Quantity, Quote, TextSpan, Timex
from newsgraph.render.statements import SpeakerGroup, names_alike, party_name
from newsgraph.render.values import (
    entity_codes,
    entity_identity,
    party_codes,
    quantity_label,
    timex_label,
)

# Entity types grouped into the few colours a reader can tell apart, and what the
# legend calls each colour.
_GROUPS = {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "NORP": "norp"}
GROUP_LABELS = {
    "person": "People",
    "org": "Organisations",
    "place": "Places",
    "norp": "Nationalities & groups",
    "other": "Other",
}


@dataclass(frozen=True, slots=True)
class _Mark:
    """A mention chosen for highlighting: `text[start:end]` of entity `index`."""

    start: int
    end: int
    index: int


@dataclass(frozen=True, slots=True)
class Layer:
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
    anchor: str = ""  # the element's id, for the links to it (event triggers)


# Ranks: quote content by nesting depth (outer first), then these, then entity marks.
_RANK_PART = {"spk": 50, "cue": 51, "hedge": 52}
_RANK_VALUE = {"tx": 60, "qty": 61, "ev": 62}
_RANK_MARK = 100


def highlights(article: Article, groups: list[SpeakerGroup]) -> list[Layer]:
    """Every highlight of the article: entity marks, then statements and their parts.

    A statement boundary that falls inside a mark is moved to the mark's edge,
    so that marks never need splitting. Speaker, cue and hedge spans shared by
    several statements become one element listing them all. `groups` are the
    speakers as the sidebar lists them, so that a statement and its speaker
    name the sidebar entry that lights them up.
    """
    marks = _choose_marks(article)
    layers = [
        Layer(m.start, m.end, _RANK_MARK, _mark_open(article, m), "</mark>", True) for m in marks
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
                f'<span class="q q-{attr_value(quote.kind)}" data-q="q{k}" data-spk="{spk}" '
                f'data-tip="{attr_value(_quote_tip(article, quote))}" tabindex="0">'
            )
            layers.append(Layer(start, end, min(depth.get(quote.id, 0), 40), tag, "</span>"))
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
        layers.append(Layer(start, end, _RANK_PART[role], tag, "</span>"))
    values = _value_layers(article, layers)
    return layers + values + _event_layers(article, layers + values)


def _event_layers(article: Article, taken: list[Layer]) -> list[Layer]:
    """Event triggers, each holding the event's summary for the hover and `ev{k}` as its id.

    Like a value span, a trigger crossing another highlight's boundary is left
    unmarked (the sidebar still lists its event); two events of one trigger
    share one mark.
    """
    chosen: list[Layer] = []
    by_span: dict[tuple[int, int], list[int]] = {}
    for k, event in enumerate(article.events):
        by_span.setdefault((event.trigger.start, event.trigger.end), []).append(k)
    for (start, end), ks in sorted(by_span.items(), key=lambda item: (item[0][0], -item[0][1])):
        if not _fits(article, start, end):
            continue
        if any(_crosses(start, end, other) for other in (*taken, *chosen)):
            continue
        tip = "\n\n".join(event_tip(article.events[k], article) for k in ks)
        tag = f'<span class="val ev" id="ev{ks[0]}" data-tip="{attr_value(tip)}" tabindex="0">'
        chosen.append(Layer(start, end, _RANK_VALUE["ev"], tag, "</span>", anchor=f"ev{ks[0]}"))
    return chosen


def event_tip(event: Event, article: Article) -> str:
    """TYPE/mode, who did it to whom, when and where, and how firmly the text gives it."""
    entities = {e.id: e for e in article.entities}
    label = f"{event.type}/{event.mode}" if event.mode else event.type
    actors, recipients = (_party_names(p, entities) for p in (event.actors, event.recipients))
    lines = [label, f"{actors} → {recipients}"]
    when = []
    if event.date is not None:
        published = " (published)" if event.date.source == "published" else ""
        when.append(event.date.value + published)
    if event.location is not None:
        place = entities.get(event.location.entity or "")
        when.append("in " + (place.name if place else event.location.span.text))
    if when:
        lines.append(" · ".join(when))
    notes: list[str] = [] if event.modality == "asserted" else [event.modality]
    if event.quote:
        quote = next((q for q in article.quotes if q.id == event.quote), None)
        speaker = quote.speaker if quote else None
        notes.append(f"claimed by {party_name(speaker, entities)}" if speaker else "a claim")
    if notes:
        lines.append(" · ".join(notes))
    return "\n".join(lines)


def _party_names(parties: list[EventParty], entities: dict[str, Entity]) -> str:
    if not parties:
        return "unnamed"
    names = []
    for party in parties:
        entity = entities.get(party.entity or "")
        name = entity.name if entity else party.span.text
        codes = party_codes(party.country, party.sector)
        names.append(f"{name} ({codes})" if codes else name)
    return ", ".join(names)


def _value_layers(article: Article, taken: list[Layer]) -> list[Layer]:
    """Time expressions and quantities, each holding its normalised value for the hover.

    A span crossing the boundary of any other highlight (or of an earlier value
    span) is skipped, so that neither it nor the other needs splitting.
    """
    spans: list[tuple[TextSpan, str, str]] = [
        (t.span, "tx", _timex_tip(t)) for t in article.timexes
    ]
    spans += [(q.span, "qty", _quantity_tip(q)) for q in article.quantities]
    spans.sort(key=lambda item: (item[0].start, -item[0].end, _RANK_VALUE[item[1]]))
    chosen: list[Layer] = []
    seen: set[tuple[int, int, str]] = set()
    for span, kind, tip in spans:
        start, end = span.start, span.end
        if not _fits(article, start, end) or (start, end, kind) in seen:
            continue
        if any(_crosses(start, end, other) for other in (*taken, *chosen)):
            continue
        seen.add((start, end, kind))
        tag = f'<span class="val {kind}" data-tip="{attr_value(tip)}" tabindex="0">'
        chosen.append(Layer(start, end, _RANK_VALUE[kind], tag, "</span>"))
    return chosen


def _crosses(start: int, end: int, other: Layer) -> bool:
    """Whether `[start, end)` and `other` overlap with neither holding the other."""
    return start < other.start < end < other.end or other.start < start < other.end < end


def _timex_tip(timex: Timex) -> str:
    return f"{timex_label(timex)}\n{timex.type.lower()}"


def _quantity_tip(quantity: Quantity) -> str:
    return quantity_label(quantity) + ("\nin a statement" if quantity.quote else "")


def annotated(article: Article, start: int, end: int, layers: list[Layer]) -> str:
    """Escaped `text[start:end]` with its highlights as properly nested elements.

    Entity marks count only when wholly inside; other highlights are cut to the
    range. The text is cut at every boundary; at each cut the elements ending
    there are closed, and any opened inside them that go on are reopened.
    """
    inside: list[Layer] = []
    for layer in layers:
        if layer.start >= end or layer.end <= start:
            continue
        if layer.atomic:
            if start <= layer.start and layer.end <= end:
                inside.append(layer)
            continue
        lo, hi = max(start, layer.start), min(end, layer.end)
        if lo < hi:
            inside.append(Layer(lo, hi, layer.rank, layer.open, layer.close))
    inside.sort(key=lambda layer: (layer.start, -layer.end, layer.rank))
    points = sorted({start, end, *(x.start for x in inside), *(x.end for x in inside)})
    out: list[str] = []
    stack: list[Layer] = []
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


def entity_group(entity: Entity) -> str:
    """The colour group of an entity: a key of `GROUP_LABELS`."""
    return _GROUPS.get(entity.type.upper(), "other")


def attr_value(value: str) -> str:
    """An attribute value: escaped, newlines kept as character references."""
    return escape(value, quote=True).replace("\n", "&#10;")


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


def _mark_open(article: Article, mark: _Mark) -> str:
    entity = article.entities[mark.index]
    return (
        f'<mark class="ent g-{entity_group(entity)}" data-ent="e{mark.index}" '
        f'data-tip="{attr_value(_tip(entity))}" tabindex="0">'
    )


def _tip(entity: Entity) -> str:
    lines = [entity.name, entity.type]
    if entity.titles:
        lines.append(", ".join(entity.titles))
    identity, codes = entity_identity(entity), entity_codes(entity)
    if identity:
        lines.append(identity)
    if codes:
        lines.append(f"codes {codes}")
    return "\n".join(lines)
