"""Who exactly: identities beyond the article, and political-actor codes.

Fills each entity's `kb` and `codes` (see `model.Entity` and the JSON contract):

- countries and their demonyms ("Russia", "Russian", "Russians" are one entity
  after `entities.py`) → `{"iso3": "RUS", "geonames": "2017370"}`;
- other places → `{"geonames", "lat", "lon"}` from the offline gazetteer
  (`identity_places.py`), disambiguated by the countries the article names.
  spaCy sometimes labels a town ORG or NORP ("Tartus"); such a name becomes a
  place when the Phoenix dictionaries list it as a place, or when the
  gazetteer has it in a country the article names;
- people and organisations → `{"key": …}`, the same across articles: the
  Phoenix actor's key when any mention's name is one of its variants
  ("Putin", "President Putin", "Vladimir V. Putin" → "vladimir-putin"), else
  a slug of the entity's name.

`codes` are CAMEO-style country + sector pairs at the article's publication
date (`actors.codes_at`). They come from the dictionary actor; failing that,
from the role words of the entity's titles and name and the country word
written right before a mention (`role_codes`: "Kremlin spokesman" → RUS GOV,
"Russian Defense Ministry" → RUS GOV, "former U.S. President" → USA ELI).

Never raises on odd input: unknown names get a slug key and no codes.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from newsgraph.analyse.identity.actors import (
    Actor,
    agent_sector,
    codes_at,
    lookup,
    name_key,
    unique,
)
from newsgraph.analyse.identity.countries import country_of, iso3_of
from newsgraph.analyse.identity.places import country_place, find_place
from newsgraph.model import Article, Entity

_PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
_MAYBE_PLACE = frozenset({"ORG", "NORP", "MISC"})  # labels a misread town may carry
_PAST = frozenset({"FORMER", "EX", "THEN", "LATE"})
_DATE = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
_BEFORE = re.compile(r"([A-Z][\w-]*?)(?:'s|’s)? ([A-Z][\w-]* )?$")  # "Russian " or "Russia's "
_MAX_NGRAM = 4


def identify(article: Article) -> None:
    """Fill `kb` and `codes` of every entity of the article, in place."""
    date = article_date(article.published)
    context = frozenset(
        iso3
        for e in article.entities
        if (country := country_of(e.name)) and (iso3 := iso3_of(country))
    )
    for entity in article.entities:
        entity.kb, entity.codes = identity_of(entity, article.text, date, context)


def identity_of(
    entity: Entity, text: str, date: str | None, context: frozenset[str] = frozenset()
) -> tuple[dict[str, str], list[dict[str, str]]]:
    """The `kb` and `codes` of one entity at an ISO date, given the article's countries."""
    name = entity.name.strip()
    if not name:
        return {}, []
    country = country_of(name)
    iso3 = iso3_of(country) if country else None
    if country:
        kb: dict[str, str] = {"iso3": iso3} if iso3 else {"key": slug(country)}
        place = country_place(iso3) if iso3 else None
        if place:
            kb["geonames"] = place.geonames
        codes = _actor_codes(lookup(country, people=False), date, context)
        return kb, codes or ([{"country": iso3, "sector": ""}] if iso3 else [])

    surfaces = _surfaces(entity)
    people = entity.type not in _PLACE_TYPES
    actor = _best(_lookup_any(surfaces, places=True, people=people), date, context)
    if actor is not None and not actor.place:
        codes = codes_at(actor, date) or role_codes(entity.titles, date)
        return {"key": actor.key}, codes

    place = None
    if entity.type in _PLACE_TYPES or actor is not None:
        place = find_place(name, context)
    elif entity.type in _MAYBE_PLACE:
        place = find_place(name, context)
        place = place if place is not None and place.iso3 in context else None
    if place is not None:
        codes = codes_at(actor, date) if actor else []
        return place.kb(), codes or ([{"country": place.iso3, "sector": ""}] if place.iso3 else [])

    roles = list(entity.titles)
    if entity.type != "PERSON":
        roles += [_before(text, m.start) + m.text for m in entity.mentions]
    return {"key": slug(name)}, role_codes(roles, date)


def role_codes(roles: Iterable[str], date: str | None = None) -> list[dict[str, str]]:
    """Codes from role phrases: "Kremlin spokesman" → RUS GOV, "Syrian opposition" → SYR OPP.

    The country comes from a country word or a dictionary actor in the phrase
    ("Russian", "Kremlin"), the sector from that actor or else from the
    Phoenix agent words ("spokesman", "opposition"); "former" makes it ELI.
    """
    out: list[dict[str, str]] = []
    for role in roles:
        if not isinstance(role, str) or not role.strip():
            continue
        country, sector = "", ""
        words = role.replace("-", " - ").split()
        for gram in _ngrams(words):
            found = country_of(gram)
            if found and not country:
                country = iso3_of(found) or ""
                continue
            actor = _best(lookup(gram, places=True, people=True), date, frozenset())
            for code in codes_at(actor, date) if actor else []:
                country = country or code["country"]
                sector = sector or code["sector"]
        sector = sector or agent_sector(role)
        if sector and {name_key(w) for w in words} & _PAST:
            sector = "ELI"
        if country or sector:
            out.append({"country": country, "sector": sector})
    return unique(out)


def article_date(published: str | None) -> str | None:
    """The publication date as YYYY-MM-DD (a bare year or month is taken at its middle)."""
    match = _DATE.match(published or "")
    if not match:
        return None
    year, month, day = match.groups()
    return f"{year}-{month or '07'}-{day or ('15' if month else '01')}"


def slug(name: str) -> str:
    """A key from a name: "Bashar al-Assad" → "bashar-al-assad"; empty only for no letters."""
    folded = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    text = re.sub(r"[.'’`]", "", text)
    return "-".join(re.findall(r"\w+", text))


# -- helpers ----------------------------------------------------------------------------------


def _surfaces(entity: Entity) -> list[str]:
    """The entity's name and distinct mention texts, longest first."""
    seen = {entity.name: None, **{m.text: None for m in entity.mentions}}
    return sorted((s for s in seen if s.strip()), key=len, reverse=True)


def _lookup_any(names: list[str], *, places: bool, people: bool) -> list[Actor]:
    """The dictionary actors of the first of `names` that names any."""
    for name in names:
        found = lookup(name, places=places, people=people)
        if found:
            return found
    return []


def _best(actors: list[Actor], date: str | None, context: frozenset[str]) -> Actor | None:
    """Of the actors sharing a name: one coded in a country of the article, else one coded now."""
    if not actors:
        return None

    def score(actor: Actor) -> tuple[bool, bool]:
        codes = codes_at(actor, date)
        return any(c["country"] in context for c in codes), bool(codes)

    return max(actors, key=score)


def _actor_codes(
    actors: list[Actor], date: str | None, context: frozenset[str]
) -> list[dict[str, str]]:
    """The codes of the best of `actors` at the date."""
    actor = _best(actors, date, context)
    return codes_at(actor, date) if actor else []


def _before(text: str, start: int) -> str:
    """The country word written right before a mention ("Russian" in "Russian Defense Ministry")."""
    match = _BEFORE.search(text[max(0, start - 60) : max(0, start)])
    if not match:
        return ""
    for word in match.groups():
        if word and (country := country_of(word.strip())):
            return country + " "
    return ""


def _ngrams(words: list[str]) -> Iterable[str]:
    """The word n-grams of a phrase, longest first, up to `_MAX_NGRAM` words."""
    for n in range(min(len(words), _MAX_NGRAM), 0, -1):
        for i in range(len(words) - n + 1):
            yield " ".join(words[i : i + n])
