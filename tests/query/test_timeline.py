from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

from sqlalchemy import Connection

from newsgraph.query.entities import match_entities
from newsgraph.query.timeline import (
    event_days,
    event_entries,
    latest_entries,
    latest_events,
    timeline,
    timeline_days,
    timeline_entries,
)
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


def test_what_an_entity_did_and_had_done_to_it(event_conn: Connection) -> None:
    putin = timeline(event_conn, "Vladimir Putin")
    assert putin is not None
    assert [(e.role, e.event.label) for e in putin.events] == [
        ("actor", "RETREAT/withdraw"),
        ("actor", "CONSULT/phone"),
    ]
    assert putin.to_dict()["events"][0]["role"] == "actor"


def test_a_country_takes_the_agents_of_its_code_too(event_conn: Connection) -> None:
    syria = timeline(event_conn, "Syria")
    assert syria is not None
    # done to Syria by name; done by "Syrian forces", an agent that names no entity
    assert [(e.role, e.event.type) for e in syria.events] == [
        ("recipient", "RETREAT"),
        ("actor", "ASSAULT"),
    ]
    assad = timeline(event_conn, "Bashar al-Assad")  # a person takes only his own mentions
    assert assad is not None and [e.event.type for e in assad.events] == ["CONSULT"]


def test_svg_shows_events_as_diamonds_on_their_own_rows(event_conn: Connection) -> None:
    found = timeline(event_conn, "Syria")
    assert found is not None
    root = ET.fromstring(timeline_svg(found))
    assert root.findall(f"{SVG}circle") == []
    tips = [d.findtext(f"{SVG}title") or "" for d in root.findall(f"{SVG}polygon")]
    assert len(tips) == 2
    assert tips[0].startswith("2016-03-14: Vladimir Putin —RETREAT/withdraw→ Syria: Russian")
    assert tips[1].startswith("2016-03-20: Syrian forces —ASSAULT→ Aleppo")
    labels = {t.text for t in root.findall(f"{SVG}text")}
    assert {"did", "had done to it"} <= labels


def test_an_entitys_events_by_day_role_and_window(event_conn: Connection) -> None:
    syria = timeline(event_conn, "Syria")
    assert syria is not None
    # counted on the first day the event's date covers: the bars and their lists agree
    assert event_days(event_conn, syria.entity) == [
        ("2016-03-14", "recipient", 1),
        ("2016-03-20", "actor", 1),
    ]
    later = event_entries(event_conn, syria.entity, since=date(2016, 3, 15))
    assert [(e.role, e.event.type) for e in later] == [("actor", "ASSAULT")]
    week = event_entries(event_conn, syria.entity, since=date(2016, 3, 14), until=date(2016, 3, 14))
    assert [(e.role, e.event.type) for e in week] == [("recipient", "RETREAT")]
    done_to = event_entries(event_conn, syria.entity, role="recipient")
    assert [e.event.type for e in done_to] == ["RETREAT"]
    pages = [event_entries(event_conn, syria.entity, limit=1, offset=n) for n in (0, 1, 2)]
    assert [[e.event.type for e in p] for p in pages] == [["RETREAT"], ["ASSAULT"], []]
    assert pages[1][0].event.actors[0].text == "Syrian forces"


def test_the_latest_events_are_the_newest_first_ones_read_from_the_latest_days(
    event_conn: Connection,
) -> None:
    for name in ("Syria", "Vladimir Putin"):
        found = timeline(event_conn, name)
        assert found is not None
        days = event_days(event_conn, found.entity)
        oldest_first = [(e.role, e.event.id) for e in event_entries(event_conn, found.entity)]
        for limit in (1, 2, 5):
            latest = latest_events(event_conn, found.entity, days, limit)
            assert [(e.role, e.event.id) for e in latest] == oldest_first[::-1][:limit], name


def test_the_day_counts_cover_every_event_of_the_timeline(event_conn: Connection) -> None:
    putin = timeline(event_conn, "Vladimir Putin")
    assert putin is not None
    days = event_days(event_conn, putin.entity)
    assert sum(n for _, _, n in days) == len(putin.events) == 2
    assert {role for _, role, _ in days} == {"actor"}


def test_timeline_days_count_what_the_timeline_command_lists(conn: Connection) -> None:
    for name in ("Vladimir Putin", "Dmitry Peskov", "Syria"):
        entity = match_entities(conn, name)[0]
        full = timeline(conn, name)
        assert full is not None
        for role in ("said", "about"):
            listed = [e for e in full.entries if e.role == role]
            counted = sum(n for _, r, n in timeline_days(conn, entity.id) if r == role)
            assert counted == len(listed), (name, role)


def test_newest_first_pages_through_the_exact_reverse_of_the_timeline(conn: Connection) -> None:
    putin = match_entities(conn, "Vladimir Putin")[0].id
    oldest_first = [(e.role, e.quote.id) for e in timeline_entries(conn, putin)]
    newest = [(e.role, e.quote.id) for e in timeline_entries(conn, putin, newest_first=True)]
    assert len(oldest_first) > 3 and newest == oldest_first[::-1]
    latest = timeline_entries(conn, putin, limit=2, offset=1, newest_first=True)
    assert [(e.role, e.quote.id) for e in latest] == newest[1:3]


def test_the_latest_entries_are_the_newest_first_ones_read_from_the_latest_days(
    conn: Connection,
) -> None:
    for name in ("Dmitry Peskov", "Vladimir Putin", "Syria"):  # Peskov is quoted undated too
        entity = match_entities(conn, name)[0].id
        days = timeline_days(conn, entity)
        for limit in (1, 2, 5, 50):
            latest = latest_entries(conn, entity, days, limit)
            newest = timeline_entries(conn, entity, limit=limit, newest_first=True)
            assert [(e.role, e.quote.id) for e in latest] == [
                (e.role, e.quote.id) for e in newest
            ], (name, limit)


def test_a_window_keeps_what_was_published_at_any_time_of_its_last_day(tmp_path: Path) -> None:
    from newsgraph.model import Article
    from newsgraph.store import open_store
    from newsgraph.store.write import store_article

    from tests.query.corpus import articles

    (key, sample), *_ = articles()
    late = Article.from_dict({**sample.to_dict(), "published": "2016-03-20T23:30:00+00:00"})
    engine = open_store(str(tmp_path / "corpus.db"))
    with engine.begin() as conn:
        store_article(conn, key, late)
    with engine.connect() as conn:
        putin = match_entities(conn, "Vladimir Putin")[0].id
        everything = [e.quote.id for e in timeline_entries(conn, putin)]
        day = timeline_entries(conn, putin, since=date(2016, 3, 20), until=date(2016, 3, 20))
        until = timeline_entries(conn, putin, until=date(2016, 3, 20))
        before = timeline_entries(conn, putin, until=date(2016, 3, 19))
    engine.dispose()
    assert everything and [e.quote.id for e in day] == [e.quote.id for e in until] == everything
    assert before == []
