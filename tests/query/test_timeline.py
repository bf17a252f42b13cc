from __future__ import annotations

import xml.etree.ElementTree as ET

from sqlalchemy import Connection

from newsgraph.query.timeline import timeline
from newsgraph.render.timeline_svg import timeline_svg

SVG = "{http://www.w3.org/2000/svg}"


def test_said_and_said_about_by_date(conn: Connection) -> None:
    found = timeline(conn, "Vladimir Putin")
    assert found is not None and found.entity.name == "Vladimir Putin"
    assert found.note("Vladimir Putin") is None
    said = [e.quote for e in found.entries if e.role == "said"]
    about = [e.quote for e in found.entries if e.role == "about"]
    assert said and all(q.speaker_entity == "Vladimir Putin" for q in said)
    assert about and all(q.speaker_entity != "Vladimir Putin" for q in about)
    dates = [e.quote.published for e in found.entries]
    assert dates == sorted(dates, key=lambda d: (d is None, d or ""))
    assert found.entries[-1].quote.content == '"We expect progress,"'


def test_an_ambiguous_name_takes_the_most_reported_entity_and_says_so(conn: Connection) -> None:
    found = timeline(conn, "euro")  # European, Europe, European Union
    assert found is not None and len(found.others) >= 2
    assert found.entity.articles >= max(e.articles for e in found.others)
    note = found.note("euro")
    assert note is not None and f"showing {found.entity.name}" in note


def test_unknown_entity(conn: Connection) -> None:
    assert timeline(conn, "Zorro") is None


def test_svg_has_one_dot_per_dated_quote_with_the_quote_on_hover(conn: Connection) -> None:
    found = timeline(conn, "Dmitry Peskov")
    assert found is not None
    root = ET.fromstring(timeline_svg(found))  # well-formed, quotes escaped
    dots = root.findall(f"{SVG}circle")
    dated = [e for e in found.entries if e.quote.published]
    assert len(dots) == len(dated) < len(found.entries)
    tips = [dot.findtext(f"{SVG}title") or "" for dot in dots]
    assert any("Putin phoned Assad" in tip for tip in tips)
    assert "undated, not shown" in "".join(root.itertext())
