"""Events as GDELT 2.0 event rows: 61 tab-separated columns, one row per actor pair."""

from __future__ import annotations

import io
import re

import pytest
from sqlalchemy import Connection

from newsgraph.query import QueryError
from newsgraph.query.export import export
from newsgraph.query.gdelt import COLUMNS, quad_class


def _rows(conn: Connection) -> list[dict[str, str]]:
    out = io.StringIO()
    count = export(conn, "events", "gdelt", out, batch=2)
    lines = out.getvalue().splitlines()
    assert count == len(lines)
    rows = [line.split("\t") for line in lines]
    assert all(len(r) == len(COLUMNS) == 61 for r in rows)
    return [dict(zip(COLUMNS, r, strict=True)) for r in rows]


def test_one_row_per_actor_recipient_pair_without_a_header(event_conn: Connection) -> None:
    rows = _rows(event_conn)
    # 1 + 1 + 2 (two sanctioning actors) + 2 (two refusing actors, no recipient) + 1
    assert len(rows) == 7
    assert all(r["GLOBALEVENTID"].isdigit() for r in rows)
    assert len({r["GLOBALEVENTID"] for r in rows}) == 7
    sanctions = [r for r in rows if r["EventCode"] == "163"]
    assert [r["Actor1Name"] for r in sanctions] == ["United States", "European Union"]
    assert {r["Actor2Name"] for r in sanctions} == {"Russia"}
    refusals = [r for r in rows if r["EventRootCode"] == "12"]
    assert [r["Actor2Code"] for r in refusals] == ["", ""]


def test_a_row_carries_codes_date_and_place_as_gdelt_writes_them(event_conn: Connection) -> None:
    (withdrawal,) = [r for r in _rows(event_conn) if r["EventCode"] == "0874"]
    assert (withdrawal["SQLDATE"], withdrawal["MonthYear"], withdrawal["Year"]) == (
        "20160314",
        "201603",
        "2016",
    )
    assert withdrawal["FractionDate"] == "2016.2849"  # 2016 + (3 × 30 + 14) / 365
    assert (withdrawal["Actor1Code"], withdrawal["Actor1CountryCode"]) == ("RUSGOV", "RUS")
    assert (withdrawal["Actor1Name"], withdrawal["Actor1Type1Code"]) == ("Vladimir Putin", "GOV")
    assert (withdrawal["Actor2Code"], withdrawal["Actor2CountryCode"]) == ("SYR", "SYR")
    assert (withdrawal["EventBaseCode"], withdrawal["EventRootCode"]) == ("087", "08")
    assert (withdrawal["QuadClass"], withdrawal["GoldsteinScale"]) == ("2", "")
    assert withdrawal["IsRootEvent"] == "1"
    # GDELT's geography speaks FIPS 10-4, not ISO: Syria is SY
    assert (withdrawal["ActionGeo_Type"], withdrawal["ActionGeo_CountryCode"]) == ("1", "SY")
    assert (withdrawal["ActionGeo_Lat"], withdrawal["ActionGeo_FeatureID"]) == ("35.0", "163843")
    assert re.fullmatch(r"\d{14}", withdrawal["DATEADDED"])
    assert withdrawal["SOURCEURL"] == "https://example.org/pullout"


def test_an_international_actor_and_a_city(event_conn: Connection) -> None:
    rows = _rows(event_conn)
    (eu,) = [r for r in rows if r["Actor1Name"] == "European Union"]
    assert (eu["Actor1Code"], eu["Actor1CountryCode"]) == ("IGO", "")
    (shelling,) = [r for r in rows if r["EventCode"] == "194"]
    assert (shelling["Actor1Name"], shelling["Actor1Code"]) == ("Syrian forces", "SYRMIL")
    assert (shelling["ActionGeo_Type"], shelling["ActionGeo_FullName"]) == ("4", "Aleppo")
    assert shelling["ActionGeo_FeatureID"] == "170063"
    assert (shelling["QuadClass"], shelling["SQLDATE"]) == ("4", "20160320")
    assert shelling["SOURCEURL"] == "sanctions"  # no URL: the input it came from


@pytest.mark.parametrize(
    ("cameo", "quad"), [("041", 1), ("0874", 2), ("12", 3), ("163", 4), ("194", 4), (None, None)]
)
def test_quad_class_from_the_cameo_root(cameo: str | None, quad: int | None) -> None:
    assert quad_class(cameo) == quad


def test_gdelt_is_for_events_only(event_conn: Connection) -> None:
    with pytest.raises(QueryError, match="use it with --table events"):
        export(event_conn, "quotes", "gdelt", io.StringIO())
