"""The event stage: each coded trigger with its actors, recipients, date, place and modality.

`triggers.py` finds and types the words that report an event; this module
gives each its arguments (`parties.py`, `when.py`, `where.py`,
`modality.py`) and keeps only the events of political actors: an event needs
at least one actor or recipient that is a government, a military, a party,
an international body, a rebel group... (a sector of that kind), a named
country or organisation with a country code and no non-political sector, an
actor whose words name a country and a group ("American GIs") unless they
name private persons ("Turkish tourists"; a recipient such as "the Turkish
coast" is none), or, for verbal and diplomatic acts only, an actor named as a
person with no sector of his own (a politician newer than the dictionaries;
not through a pronoun). A person with a country and no sector is no
political actor for the other types: the identity stage gives a private
person the country of a place named with them ("Dann Worden of Corona").
A storm that kills villagers, a man who robs a shop and a merger of two
companies have no such party, and stay uncoded; nor does a place as the
recipient of an attack, a seizure, a visit, aid or a deployment make one ("the
quake hit Turkey", "Mazda is coming to Mexico": it is where they happen).
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.analyse.events.context import Context, context
from newsgraph.analyse.events.modality import modality
from newsgraph.analyse.events.parties import parties
from newsgraph.analyse.events.party_codes import speaker_party
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
_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "they", "them", "their", "i", "we"})
# Types a statement performs by being made: an accusation, a demand, a threat
# inside somebody's words is that speaker's act, not a claim about another's.
SPEECH_ACTS = frozenset({"ACCUSE", "SUPPORT", "REQUEST", "REJECT", "THREATEN"})
# Heads of agent phrases that name private persons even with a country word
# ("a Turkish man"): a country does not make them political actors.
_PRIVATE = frozenset({
    "man", "men", "woman", "women", "boy", "boys", "girl", "girls", "person", "persons",
    "people", "child", "children", "family", "families", "couple", "teenager", "teenagers",
    "youth", "youths", "driver", "drivers", "resident", "residents", "tourist", "tourists",
    "passenger", "passengers", "student", "students", "worker", "workers", "national",
    "nationals", "citizen", "citizens", "victim", "victims", "fan", "fans",
})  # fmt: skip
# Verbal and diplomatic acts: a named person the dictionaries do not know who
# accuses, endorses, demands or agrees is news for being a public figure; a
# named person's assault or seizure without any political party is a crime.
_VERBAL = frozenset({
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT", "THREATEN",
})  # fmt: skip
# Deeds whose recipient, when a place, is mostly where they happen: a storm that
# hits a country or a company that comes to it makes no event of that country.
_PLACE_IS_WHERE = frozenset({"ASSAULT", "COERCE", "CONSULT", "AID", "MOBILIZE"})
_PLACES = frozenset({"GPE", "LOC", "FAC"})
# Sectors of actors that act where they are: police and protesters in Lagos are
# Nigerian, whatever country the article names most.
_AT_HOME = frozenset({"COP", "OPP"})
# Words that put an agent in several countries ("Western leaders", "Arab states",
# "international mediators"): no main country for it ("foreign minister" has one).
_MANY_COUNTRIES = frozenset({
    "western", "international", "global", "regional", "allied", "multinational", "arab",
    "european", "african", "asian", "latin", "gulf",
})  # fmt: skip
# The manual's AGREE and RETREAT notes: cooperation reported in the future
# ("will meet", "plans to send aid") is an intention, coded AGREE; an announced
# withdrawal is CONCEDE. The CAMEO codes are the crosswalk's "express intent" ones.
_FUTURE_TYPE = {
    "CONSULT": ("AGREE", "036"),
    "SUPPORT": ("AGREE", "032"),
    "COOPERATE": ("AGREE", "031"),
    "AID": ("AGREE", "033"),
    "RETREAT": ("CONCEDE", "035"),
}


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
        if any(political(p, event.type, ctx) for p in event.actors) or any(
            political(p, event.type, ctx, actor=False) for p in event.recipients
        ):
            event.id = f"v{len(out) + 1}"
            _in_context(event, ctx)
            out.append(event)
    return out


def _in_context(event: Event, ctx: Context) -> None:
    """Give a country to the parties that are actors of some kind but name none.

    A recipient takes the country of the event's place ("killed some 1,700
    civilians in Syria"), and so do police and protesters as actors; a named
    person or group, or an agent with a sector ("police", "the justice"),
    takes the article's main country, for an actor never that of a country
    its event is done to ("Mr. Gore called on Israel"). Done after
    the political filter, so that a country from context never makes a
    private person's deed political.
    """
    place = event.location.country if event.location is not None else None
    for party in event.recipients:
        if party.country is None and party.entity is None and place:
            party.country = place
    for party in event.actors:
        if party.country is None and party.sector in _AT_HOME and place:
            party.country = place
    targets = frozenset(p.country for p in event.recipients if p.country and _a_country(p, ctx))
    for party in event.actors:
        _fall_back(party, ctx, targets)
    for party in event.recipients:
        _fall_back(party, ctx, frozenset())


def _a_country(party: EventParty, ctx: Context) -> bool:
    """Whether a party is a country itself ("called on Israel"), not one of its people."""
    ent = ctx.by_id(party.entity) if party.entity else None
    return ent is not None and "iso3" in ent.kb


def _fall_back(party: EventParty, ctx: Context, besides: frozenset[str]) -> None:
    """The article's main country, except `besides`, for an actor of some kind with none."""
    words = set(party.span.text.lower().replace("-", " ").split())
    if party.country is None and (party.entity is not None or party.sector):
        party.country = None if words & _MANY_COUNTRIES else ctx.country(besides)


def political(party: EventParty, kind: str, ctx: Context, *, actor: bool = True) -> bool:
    """Whether a party is a political actor (see the module docstring)."""
    if party.sector:
        return party.sector in POLITICAL_SECTORS
    ent = ctx.by_id(party.entity) if party.entity else None
    if ent is not None and ent.type != "PERSON" and party.country:
        if not actor and kind in _PLACE_IS_WHERE and ent.type in _PLACES:
            return False  # "the quake hit Turkey", "came to Mexico": where, not whom
        return party.country not in _NOT_COUNTRIES
    if (
        actor and ent is None and party.country and party.country not in _NOT_COUNTRIES
    ):  # "American GIs"
        head = ctx.token_at(party.span.end - 1)
        return head.tag_ in ("NNS", "NNPS") and head.lower_ not in _PRIVATE
    if actor and ent is not None and kind in _VERBAL:  # a person: known, or with no codes
        return ent.type == "PERSON" and party.span.text.lower() not in _PRONOUNS
    return False


def _event(trig: Trigger, ctx: Context) -> Event:
    """One trigger with all its arguments (the id is set once the event is kept)."""
    doc, text = ctx.doc, ctx.article.text
    sent = doc[trig.head].sent
    actors, recipients = parties(trig, ctx)
    kind, quote = modality(trig, ctx)
    if not actors and quote is not None and trig.type in SPEECH_ACTS:
        speaker = speaker_party(quote, ctx)
        if speaker is not None:  # the statement is the act: the speaker accuses, demands...
            actors = [speaker]
            kind = "asserted" if kind == "reported" else kind
    location = event_place(trig, ctx)
    kind_type, mode, cameo = trig.type, trig.mode, trig.cameo
    if kind == "future" and kind_type in _FUTURE_TYPE:
        kind_type, cameo = _FUTURE_TYPE[kind_type]
        mode = None
    return Event(
        id="",
        type=kind_type,
        trigger=TextSpan(trig.start, trig.end, text[trig.start : trig.end]),
        sentence=TextSpan(sent.start_char, sent.end_char, sent.text),
        mode=mode,
        contexts=list(trig.contexts),
        actors=actors,
        recipients=recipients,
        date=event_date(doc, trig, ctx.article.timexes, ctx.article.published),
        location=location,
        modality=kind,
        quote=quote,
        cameo=cameo,
        confidence=trig.confidence,
    )
