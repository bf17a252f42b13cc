"""Where an event happened: a place named by "in", "at", "near" on the event's clause.

The place is the object of a locative preposition that hangs on the trigger,
on its clause's verb, or on the trigger's objects ("killed civilians in
Syria"), when that object is a place entity of the identity stage, or a
common noun whose "of" phrase is one ("at the seaport of Tartus"). Its
GeoNames id and coordinates come from the entity's `kb`, its country from
the entity's codes. No place in the text, no location: the article's
dateline or its main country would be a guess.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.analyse.events.context import Context
from newsgraph.analyse.events.triggers import Trigger
from newsgraph.model import Entity, EventPlace, TextSpan

_LOCATIVE = frozenset({"in", "at", "near", "inside", "outside", "across", "throughout"})
_PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
_OBJECTS = frozenset({"dobj", "pobj", "nsubjpass", "attr"})


def event_place(trig: Trigger, ctx: Context) -> EventPlace | None:
    """The place of the event reported by `trig`, or None."""
    head = ctx.doc[trig.head]
    hosts = [head]
    tok = head
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i and len(hosts) < 4:
        tok = tok.head
        hosts.append(tok)
    while len(hosts) < 6 and (nxt := [c for c in tok.children if c.dep_ == "xcomp"]):
        tok = nxt[0]  # "air strikes are estimated to have killed ... in Syria"
        hosts.append(tok)
    hosts += [c for h in list(hosts) for c in h.children if c.dep_ in _OBJECTS]
    for host in hosts:
        for prep in host.children:
            if prep.dep_ == "prep" and prep.lower_ in _LOCATIVE:
                found = _place_in(prep, ctx)
                if found is not None:
                    return found
    return None


def _place_in(prep: Token, ctx: Context) -> EventPlace | None:
    """The place entity a locative preposition's object names, directly or through "of"."""
    for obj in (c for c in prep.children if c.dep_ == "pobj"):
        ent = ctx.entity(obj)
        if ent is None:
            of = [
                o for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children
            ]
            found = [ctx.entity(o) for o in of if o.dep_ == "pobj"]
            ent = next((e for e in found if e is not None), None)
            obj = of[0] if ent is not None else obj
        if ent is not None and (ent.type in _PLACE_TYPES or _has_place(ent)):
            return _place(obj, ent, ctx)
    return None


def _has_place(ent: Entity) -> bool:
    """Whether the identity stage found the entity in the gazetteer."""
    return any(k in ent.kb for k in ("geonames", "iso3", "iso3166_2"))


def _place(tok: Token, ent: Entity, ctx: Context) -> EventPlace:
    """The EventPlace of the entity mention that `tok` belongs to."""
    mention = next(
        (m for m in ent.mentions if m.start <= tok.idx < m.end),
        None,
    )
    span = mention or TextSpan(tok.idx, tok.idx + len(tok.text), tok.text)
    country = next((c["country"] for c in ent.codes if c.get("country")), None)
    return EventPlace(
        span=TextSpan(span.start, span.end, ctx.article.text[span.start : span.end]),
        entity=ent.id,
        geonames=ent.kb.get("geonames"),
        lat=_number(ent.kb.get("lat")),
        lon=_number(ent.kb.get("lon")),
        country=country or ent.kb.get("iso3"),
    )


def _number(value: str | None) -> float | None:
    """A coordinate of the entity kb (kept there as a string), or None."""
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None
