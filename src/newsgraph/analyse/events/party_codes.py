"""The words, entity, country and sector of a party: what an actor or recipient phrase names.

A party's words are the head of its phrase and the words that name it
(compounds, adjectives, determiners, possessives), never its clauses, and
never across a blank line. Its entity is the one its head belongs to
(pronouns resolved through `Context.entity`), and its country and sector
that entity's codes; an agent that is no named entity ("Syrian forces",
"Kremlin spokesman", "police") takes its country from a country word or
named actor among its words, else from an "of"/"in"/"from" phrase ("the
president of Syria"), and its sector from the Phoenix agent words. A count
or part stands for what it counts ("hundreds of protesters").
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from spacy.tokens import Token

from newsgraph.analyse.events.context import Context
from newsgraph.analyse.identity.actors import agent_sector, name_key
from newsgraph.analyse.identity.countries import country_of, iso3_of
from newsgraph.model import Entity, EventParty, TextSpan

_PLACE_PREPS = frozenset({"of", "in", "from"})
_COUNTS = frozenset({
    "hundreds", "thousands", "dozens", "scores", "millions", "tens", "number", "group",
    "groups", "members", "member", "some", "many", "most", "all", "part", "rest", "majority",
    "contingent", "delegation", "team", "unit", "units",
})  # fmt: skip
# The core of a noun phrase: its head and the words that name it, not its clauses.
_CORE = frozenset({
    "compound", "amod", "det", "poss", "nummod", "nmod", "quantmod", "case", "flat", "nn",
    "npadvmod", "predet",
})  # fmt: skip
# Generic heads of political agents that the Phoenix agent words leave out
# (it lists "armed forces" and "security forces", not bare "forces").
_GENERIC_AGENTS = {
    "FORCE": "MIL", "FORCES": "MIL", "OFFICIAL": "GOV", "OFFICIALS": "GOV", "LEADER": "GOV",
    "LEADERS": "GOV", "AUTHORITIES": "GOV", "AUTHORITY": "GOV", "REGIME": "GOV",
    "ADMINISTRATION": "GOV", "CABINET": "GOV", "DIPLOMAT": "GOV", "DIPLOMATS": "GOV",
    "LAWMAKERS": "LEG", "PARLIAMENT": "LEG", "JETS": "MIL", "WARSHIPS": "MIL",
}  # fmt: skip


def same_block(tok: Token, head: Token, text: str) -> bool:
    """Whether no blank line parts two tokens (a parse may run a headline into its paragraph).

    `text` is the parsed text (`Doc.text` would join the tokens anew on every call).
    """
    lo, hi = sorted((tok.idx, head.idx))
    return "\n\n" not in text[lo:hi]


def objects(prep: Token) -> list[Token]:
    """The objects of a preposition (or of an "agent" by-phrase)."""
    return [c for c in prep.children if c.dep_ in ("pobj", "pcomp") and c.pos_ != "VERB"]


def core(head: Token, text: str) -> list[Token]:
    """The head of a noun phrase and the words that name it, without clauses or conjuncts."""
    out = [head]
    for child in head.children:
        if child.dep_ in _CORE and same_block(child, head, text):
            out += core(child, text)
    return sorted(out, key=lambda t: t.i)


def party(head: Token, ctx: Context) -> EventParty:
    """The party a phrase head stands for: its words, entity, country and sector."""
    words = core(head, ctx.article.text)
    counted = _counted(head)
    if counted.i > words[-1].i:  # "hundreds of protesters": the words run to the counted noun
        words = sorted({*words, *core(counted, ctx.article.text)}, key=lambda t: t.i)
    head = counted
    shown = [t for t in words if not (t.dep_ == "case" and t.i > head.i)] or words  # "Russia's"
    start, end = shown[0].idx, shown[-1].idx + len(shown[-1].text)
    span = TextSpan(start, end, ctx.article.text[start:end])
    ent = ctx.entity(head)
    country, sector = _codes(ent) if ent is not None else ("", "")
    if ent is not None and ent.type == "PERSON":  # "King Hussein of Jordan": the text says
        country = _of_country(head, ctx) or country
    for tok in words:
        if country:
            break
        if tok.i == head.i:
            continue
        other = ctx.entity(tok)
        if other is not None and other is not ent:
            country = _codes(other)[0]
        elif (found := country_of(tok.text)) is not None:
            country = iso3_of(found) or ""
    if not country:
        country = _of_country(head, ctx)
    if not sector and (ent is None or ent.type != "PERSON" or not ent.codes):
        # an agent, or a name the dictionaries miss with a title ("President Bush")
        phrase = " ".join(t.text for t in words)
        sector = agent_sector(phrase) or plover_sector(phrase)
        sector = sector or _GENERIC_AGENTS.get(head.text.upper(), "")
    entity_id = ent.id if ent is not None else None
    return EventParty(span, entity_id, country or None, sector or None)


@cache
def _plover_agents() -> dict[str, str]:
    """The agent phrases PLOVER's agents file adds to Phoenix's (`train/event_agents.py`)."""
    path = resources.files("newsgraph").joinpath("models/event_agents.json")
    agents: dict[str, str] = json.loads(path.read_text("utf-8"))["agents"]
    return agents


def plover_sector(words: str) -> str:
    """The sector of the longest PLOVER agent phrase in some words ("Duma deputies" → LEG)."""
    key = name_key(words).split()
    agents = _plover_agents()
    for n in range(len(key), 0, -1):
        for start in range(len(key) - n, -1, -1):
            if sector := agents.get(" ".join(key[start : start + n])):
                return sector
    return ""


def _counted(head: Token) -> Token:
    """The noun a count or part stands for: "hundreds of protesters", "one of the soldiers"."""
    if head.pos_ not in ("NUM", "PRON", "DET") and head.lower_ not in _COUNTS:
        return head
    of = [o for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for o in objects(c)]
    return of[0] if of else head


def speaker_party(quote_id: str, ctx: Context) -> EventParty | None:
    """The speaker of a statement of the article as a party, if the statement names one."""
    quote = next((q for q in ctx.article.quotes if q.id == quote_id), None)
    if quote is None or quote.speaker is None:
        return None
    said = quote.speaker.span
    span = ctx.doc.char_span(said.start, said.end, alignment_mode="expand")
    return party(span.root, ctx) if span is not None else None


def _codes(ent: Entity) -> tuple[str, str]:
    """The country and sector of an entity's first codes that give them."""
    country = next((c["country"] for c in ent.codes if c.get("country")), "")
    sector = next((c["sector"] for c in ent.codes if c.get("sector")), "")
    return country or ent.kb.get("iso3", ""), sector


def _of_country(head: Token, ctx: Context) -> str:
    """The country of a named actor in the head's "of", "in" or "from" phrase
    ("the president of Syria", "civilians in Syria")."""
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in _PLACE_PREPS:
            for obj in objects(child):
                ent = ctx.entity(obj)
                if ent is not None and (country := _codes(ent)[0]):
                    return country
    return ""
