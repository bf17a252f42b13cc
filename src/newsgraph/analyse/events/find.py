"""The event stage: each coded trigger with its actors, recipients, date, place and modality.

`triggers.py` finds and types the words that report an event; this module
gives each its arguments (`parties.py`, `when.py`, `where.py`,
`modality.py`) and keeps only the events of political actors: an event needs
at least one actor or recipient that is a government, a military, a party,
an international body, a rebel group... (a sector of that kind), or a named
country or organisation with a country code and no non-political sector.
A storm that kills villagers, a man who robs a shop and a merger of two
companies have no such party, and stay uncoded.
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.analyse.events.context import Context, context
from newsgraph.analyse.events.modality import modality
from newsgraph.analyse.events.parties import parties
from newsgraph.analyse.events.triggers import Trigger, find_triggers
from newsgraph.analyse.events.when import event_date
from newsgraph.analyse.events.where import event_place
from newsgraph.model import Article, Event, EventParty, TextSpan

# CAMEO sectors of political actors; business, civilians, media, health,
# education, religion and the like are not, on their own.
POLITICAL_SECTORS = frozenset({
    "GOV", "MIL", "REB", "OPP", "IGO", "NGO", "JUD", "COP", "LEG", "SPY", "UAF", "PTY", "ELI",
    "INS", "SEP", "RAD", "MOD", "HRI", "LAB", "IMG", "NGM", "SET", "PRO",
})  # fmt: skip
_NOT_COUNTRIES = frozenset({"MNC"})


def find_events(article: Article, doc: Doc) -> list[Event]:
    """Every political event the article reports, in trigger order, ids v1, v2..."""
    if not article.text.strip() or doc.text != article.text:
        return []
    return events_of(article, doc, find_triggers(doc))


def events_of(article: Article, doc: Doc, triggers: list[Trigger]) -> list[Event]:
    """The events of these triggers that have a political actor or recipient."""
    if not triggers:
        return []
    ctx = context(article, doc)
    out: list[Event] = []
    for trig in sorted(triggers, key=lambda t: (t.start, t.end)):
        event = _event(trig, ctx)
        if any(political(p) for p in (*event.actors, *event.recipients)):
            event.id = f"v{len(out) + 1}"
            out.append(event)
    return out


def political(party: EventParty) -> bool:
    """Whether a party is a political actor (see the module docstring)."""
    if party.sector:
        return party.sector in POLITICAL_SECTORS
    return bool(party.entity and party.country and party.country not in _NOT_COUNTRIES)


def _event(trig: Trigger, ctx: Context) -> Event:
    """One trigger with all its arguments (the id is set once the event is kept)."""
    doc, text = ctx.doc, ctx.article.text
    sent = doc[trig.head].sent
    actors, recipients = parties(trig, ctx)
    kind, quote = modality(trig, ctx)
    location = event_place(trig, ctx)
    if location is not None and location.country:
        for party in recipients:  # "killed some 1,700 civilians in Syria"
            if party.entity is None and party.country is None:
                party.country = location.country
    return Event(
        id="",
        type=trig.type,
        trigger=TextSpan(trig.start, trig.end, text[trig.start : trig.end]),
        sentence=TextSpan(sent.start_char, sent.end_char, sent.text),
        mode=trig.mode,
        contexts=list(trig.contexts),
        actors=actors,
        recipients=recipients,
        date=event_date(doc, trig, ctx.article.timexes, ctx.article.published),
        location=location,
        modality=kind,
        quote=quote,
        cameo=trig.cameo,
        confidence=trig.confidence,
    )
