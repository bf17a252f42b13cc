"""The compiled Phoenix actor and agent dictionaries: name variants, dated codes, role words.

`train/actors.py` reads the public Phoenix/PETRARCH2 dictionaries and writes
`models/actors.json`; this module loads that file and answers three questions:

- which dictionary actor does a name denote (`lookup`), under a name key that
  both sides compute the same way (`name_key`: "Bashar al-Assad" →
  "BASHAR AL ASSAD", "U.N." → "UN");
- what is its code at a date (`codes_at`): Phoenix codes carry date ranges
  (Putin is `RUSGOV >080508`), and an article from 2005 must not get the code
  of 2016; with no date, the latest code wins;
- which sector a role word names (`agent_sector`: "spokesman" → MED,
  "opposition" → OPP, "Defense Ministry" → GOV).

A code is split the CAMEO way into a country slot (ISO3-like, or an
international code such as IGO) and the first sector after it.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

# Codes whose first three letters sit in the country slot without being a country.
INTERNATIONAL = frozenset({"IGO", "NGO", "NGM", "MNC", "IMG", "INT", "UIS"})
# Sector codes of the CAMEO actor ontology (the primary roles and the secondary ones).
_SECTOR_LIST = """GOV MIL REB OPP MED IGO NGO BUS CVL JUD COP LEG HLH EDU UAF SPY AGR MUS REL LAB
ENV PTY ELI CHR HRI REF CRM DEV INS SEP MOD RAD BUD HIN JEW SET PRO KID"""
SECTORS = frozenset(_SECTOR_LIST.split())
_DROP = re.compile(r"[.'’`]")
_SPLIT = re.compile(r"[^0-9A-Z]+")


@dataclass(frozen=True, slots=True)
class Code:
    """One code of an actor: `code` (e.g. "RUSGOV") valid from `start` to `end` (ISO dates).

    Empty `start`/`end` leave that side open; a code with neither and
    `dated` False is the actor's default, used when no dated code applies.
    """

    code: str
    start: str = ""
    end: str = ""
    dated: bool = False


def name_key(text: str) -> str:
    """The key a name is looked up under: upper case ASCII words, no dots or apostrophes."""
    if text.isascii():
        ascii_text = text.upper()
    else:
        folded = unicodedata.normalize("NFKD", text)
        ascii_text = "".join(c for c in folded if not unicodedata.combining(c)).upper()
    words = _SPLIT.split(_DROP.sub("", ascii_text))
    words = [w for w in words if w]
    if len(words) > 1 and words[0] == "THE":
        words = words[1:]
    return " ".join(words)


def split_code(code: str) -> dict[str, str] | None:
    """A Phoenix code as {"country", "sector"}: "RUSGOV" → RUS/GOV, "MED" → ""/MED."""
    chunks = [code[i : i + 3] for i in range(0, len(code) - len(code) % 3, 3)]
    if not chunks or not all(c.isalpha() and c.isupper() for c in chunks):
        return None
    country = "" if chunks[0] in SECTORS - INTERNATIONAL else chunks[0]
    rest = chunks[1:] if country else chunks
    sector = next((c for c in rest if c in SECTORS), "")
    if not sector and country in {"IGO", "NGO"}:
        sector = country
    return {"country": country, "sector": sector}


@dataclass(frozen=True, slots=True)
class Actor:
    """A dictionary actor: its canonical key, whether it is a place, and its codes."""

    key: str
    place: bool
    codes: tuple[Code, ...]


@dataclass(frozen=True, slots=True)
class Dictionary:
    """The compiled dictionaries held in memory; `actors` as written in the file."""

    actors: list[list[Any]]
    names: dict[str, list[int]]
    agents: dict[str, str]
    longest_agent: int


@cache
def dictionary() -> Dictionary:
    """Load `models/actors.json` once."""
    raw: dict[str, Any] = json.loads(
        resources.files("newsgraph").joinpath("models/actors.json").read_text("utf-8")
    )
    agents: dict[str, str] = raw["agents"]
    longest = max((len(k.split()) for k in agents), default=0)
    return Dictionary(raw["actors"], raw["names"], agents, longest)


@cache
def _actor(index: int) -> Actor:
    """The actor at a position of the dictionary, built when first looked up: building
    all 26,000 at load took a quarter of a second that a short article never used."""
    key, place, codes = dictionary().actors[index]
    return Actor(key=key, place=bool(place), codes=tuple(_code(c) for c in codes))


def _code(packed: str) -> Code:
    """ "RUSGOV|2008-05-08|" → a dated code open at its end; "RUSELI" → a default code."""
    parts = packed.split("|")
    if len(parts) == 3:
        return Code(parts[0], parts[1], parts[2], dated=True)
    return Code(parts[0])


def lookup(name: str, *, places: bool = True, people: bool = True) -> list[Actor]:
    """The dictionary actors a name denotes (usually one; several when the name is shared)."""
    key = name_key(name)
    if not key:
        return []
    d = dictionary()
    found = [_actor(i) for i in d.names.get(key, [])]
    return [a for a in found if (places if a.place else people)]


def codes_at(actor: Actor, date: str | None) -> list[dict[str, str]]:
    """The actor's codes at an ISO date (YYYY-MM-DD).

    Dated codes whose range holds the date win; else the undated default
    codes. With no date, the codes still open today win ("RUSGOV >080508"),
    then the defaults, then the dated codes that ended last.
    """
    dated = [c for c in actor.codes if c.dated]
    defaults = [c for c in actor.codes if not c.dated]
    if date:
        chosen = [c for c in dated if c.start <= date and (not c.end or date <= c.end)]
        chosen = chosen or defaults
    else:
        chosen = [c for c in dated if not c.end] or defaults
        if not chosen and dated:
            last = max(c.end for c in dated)
            chosen = [c for c in dated if c.end == last]
    return unique(split for c in chosen if (split := split_code(c.code)) is not None)


def unique(codes: Any) -> list[dict[str, str]]:
    """Codes without repeats, in order."""
    seen: set[tuple[str, str]] = set()
    out: list[dict[str, str]] = []
    for code in codes:
        pair = (code["country"], code["sector"])
        if pair not in seen and any(pair):
            seen.add(pair)
            out.append(code)
    return out


def agent_sector(words: str) -> str:
    """The sector of the longest agent phrase in a role ("Kremlin spokesman" → MED).

    Tries phrases of `longest_agent` words down to one, the later first, so
    "opposition leader" beats "leader" and "Defense Ministry" beats "Defense".
    """
    key = name_key(words).split()
    d = dictionary()
    for n in range(min(len(key), d.longest_agent), 0, -1):
        for start in range(len(key) - n, -1, -1):
            sector = d.agents.get(" ".join(key[start : start + n]))
            if sector:
                return sector
    return ""
