"""Events as GDELT 2.0 event-table rows, so that existing GDELT tooling reads our output.

GDELT's files are tab-separated, without a header, 61 columns a row, one row
per actor pair; docs/store.md says what newsgraph puts in each column. An
event with several actors or recipients ("Russia, the United States and other
powers") gives one row per actor–recipient pair, as a CAMEO coder would. Only
what the event honestly gives is filled: GoldsteinScale stays empty because
no Goldstein table by CAMEO code ships with newsgraph (PLOVER's own scores are
by type, not the same scale), and so do AvgTone and the actors' own places.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import IO, Any

from sqlalchemy import ColumnElement, Connection, Row, func, select

from newsgraph.query.events import PartyRow, parties_of
from newsgraph.store.schema import article_sources, articles, blocks, entities, events

# The 61 columns of GDELT 2.0's event table, in order.
COLUMNS = (  # noqa: SIM905 (one long list would take 61 lines)
    "GLOBALEVENTID SQLDATE MonthYear Year FractionDate Actor1Code Actor1Name "
    "Actor1CountryCode Actor1KnownGroupCode Actor1EthnicCode Actor1Religion1Code "
    "Actor1Religion2Code Actor1Type1Code Actor1Type2Code Actor1Type3Code Actor2Code "
    "Actor2Name Actor2CountryCode Actor2KnownGroupCode Actor2EthnicCode "
    "Actor2Religion1Code Actor2Religion2Code Actor2Type1Code Actor2Type2Code "
    "Actor2Type3Code IsRootEvent EventCode EventBaseCode EventRootCode QuadClass "
    "GoldsteinScale NumMentions NumSources NumArticles AvgTone Actor1Geo_Type "
    "Actor1Geo_FullName Actor1Geo_CountryCode Actor1Geo_ADM1Code Actor1Geo_ADM2Code "
    "Actor1Geo_Lat Actor1Geo_Long Actor1Geo_FeatureID Actor2Geo_Type Actor2Geo_FullName "
    "Actor2Geo_CountryCode Actor2Geo_ADM1Code Actor2Geo_ADM2Code Actor2Geo_Lat "
    "Actor2Geo_Long Actor2Geo_FeatureID ActionGeo_Type ActionGeo_FullName "
    "ActionGeo_CountryCode ActionGeo_ADM1Code ActionGeo_ADM2Code ActionGeo_Lat "
    "ActionGeo_Long ActionGeo_FeatureID DATEADDED SOURCEURL"
).split()
# GDELT's geography types
_COUNTRY, _US_STATE, _US_CITY, _WORLD_CITY, _WORLD_STATE = 1, 2, 3, 4, 5
# GLOBALEVENTID = article id × 10⁶ + event number × 10³ + pair number
_PAIRS = 1000


@cache
def fips_codes() -> dict[str, str]:
    """ISO 3166 alpha-3 → FIPS 10-4, as GDELT's geography columns use (`train/fips.py`)."""
    text = resources.files("newsgraph").joinpath("models/fips.json").read_text("utf-8")
    codes: dict[str, str] = json.loads(text)["fips"]
    return codes


def quad_class(cameo: str | None) -> int | None:
    """GDELT's QuadClass from the CAMEO root: 1 verbal and 2 material cooperation
    (01–05, 06–08), 3 verbal and 4 material conflict (09–13, 14–20)."""
    if not cameo or not cameo[:2].isdigit():
        return None
    root = int(cameo[:2])
    for top, quad in ((5, 1), (8, 2), (13, 3), (20, 4)):
        if 1 <= root <= top:
            return quad
    return None


def _query() -> Any:
    place = entities.alias("place_entity")
    first_paragraph_end = (
        select(blocks.c.end)
        .where(blocks.c.article_id == events.c.article_id, blocks.c.kind == "paragraph")
        .order_by(blocks.c.seq)
        .limit(1)
        .scalar_subquery()
    )
    first_source = (
        select(func.min(article_sources.c.input_key))
        .where(article_sources.c.article_id == events.c.article_id)
        .scalar_subquery()
    )
    return (
        select(
            events.c.article_id,
            events.c.seq,
            events.c.day_first,
            articles.c.published,
            events.c.cameo,
            events.c.trigger_start,
            first_paragraph_end.label("lead_end"),
            func.coalesce(place.c.name, events.c.location).label("place"),
            place.c.kb.label("place_kb"),
            events.c.geonames,
            events.c.lat,
            events.c.lon,
            events.c.location_country,
            events.c.added,
            func.coalesce(articles.c.url, first_source).label("source"),
        )
        .join(articles, articles.c.id == events.c.article_id)
        .outerjoin(place, place.c.id == events.c.location_entity_id)
        .order_by(events.c.article_id, events.c.seq)
    )


def write_gdelt(
    conn: Connection, sink: IO[str], batch: int, where: ColumnElement[bool] | None = None
) -> int:
    """Write every event (or those passing `where`) as GDELT rows to `sink`; the row count."""
    query = _query() if where is None else _query().where(where)
    result = conn.execute(query, execution_options={"yield_per": batch})
    count = 0
    for rows in result.partitions():
        keys = [(r.article_id, r.seq) for r in rows]
        parties: dict[tuple[int, int], tuple[list[PartyRow], list[PartyRow]]] = {
            key: ([], []) for key in keys
        }
        for key, role, party in parties_of(conn, keys):
            parties[key][0 if role == "actor" else 1].append(party)
        for row in rows:
            for line in _lines(row, *parties[(row.article_id, row.seq)]):
                sink.write(line)
                count += 1
    return count


def _lines(row: Row[Any], actors: list[PartyRow], recipients: list[PartyRow]) -> Iterator[str]:
    """One line per actor–recipient pair (a missing side left empty)."""
    firsts: list[PartyRow | None] = [*actors] or [None]
    seconds: list[PartyRow | None] = [*recipients] or [None]
    pairs = [(a, r) for a in firsts for r in seconds][:_PAIRS]
    shared = _event_cells(row)
    for n, (actor, recipient) in enumerate(pairs):
        cells = [
            row.article_id * 1_000_000 + row.seq * _PAIRS + n,
            *shared["date"],
            *_actor_cells(actor),
            *_actor_cells(recipient),
            *shared["event"],
            *[None] * 16,  # the actors' own places: newsgraph does not give them
            *shared["place"],
            *shared["added"],
        ]
        yield "\t".join(_cell(c) for c in cells) + "\n"


def _event_cells(row: Row[Any]) -> dict[str, list[Any]]:
    day = row.day_first or (row.published or "")[:10] or None
    date: list[Any] = [None] * 4
    if day and len(day) == 10:
        year, month, mday = int(day[:4]), int(day[5:7]), int(day[8:10])
        fraction = f"{year + (month * 30 + mday) / 365:.4f}"  # GDELT's own formula
        date = [day.replace("-", ""), day[:7].replace("-", ""), day[:4], fraction]
    cameo = row.cameo or None
    root = row.lead_end is not None and row.trigger_start < row.lead_end
    event = [
        int(root),
        cameo,
        cameo[:3] if cameo else None,
        cameo[:2] if cameo else None,
        quad_class(cameo),
        None,  # GoldsteinScale
        1,  # NumMentions, NumSources, NumArticles: this one article
        1,
        1,
        None,  # AvgTone
    ]
    added = "".join(ch for ch in row.added if ch.isdigit())[:14]
    return {
        "date": date,
        "event": event,
        "place": _place_cells(row),
        "added": [added, row.source],
    }


def _actor_cells(party: PartyRow | None) -> list[Any]:
    """Code, name, country, known group, ethnic, two religions, three types."""
    if party is None:
        return [None] * 10
    country = party.country if party.country in fips_codes() else None
    code = "".join(dict.fromkeys(x for x in (party.country, party.sector) if x)) or None
    return [code, party.name, country, None, None, None, None, party.sector, None, None]


def _place_cells(row: Row[Any]) -> list[Any]:
    """Type, full name, FIPS country, ADM1, ADM2, lat, long, feature id of the event's place."""
    if row.place is None and row.location_country is None:
        return [None] * 8
    kb: dict[str, str] = row.place_kb or {}
    fips = fips_codes().get(row.location_country or "")
    american = row.location_country == "USA"
    if "iso3" in kb or (row.geonames is None and "iso3166_2" not in kb):
        kind = _COUNTRY
    elif "iso3166_2" in kb:
        kind = _US_STATE if american else _WORLD_STATE
    else:
        kind = _US_CITY if american else _WORLD_CITY
    adm1 = fips if kind == _COUNTRY else None
    feature = row.geonames or (fips if kind == _COUNTRY else None)
    return [kind, row.place, fips, adm1, None, row.lat, row.lon, feature]


def _cell(value: Any) -> str:
    """A cell as GDELT writes it: empty for none, text on one line without tabs."""
    if value is None:
        return ""
    return " ".join(str(value).split()) if isinstance(value, str) else str(value)
