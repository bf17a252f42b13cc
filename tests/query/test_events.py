"""Events by actor, recipient, type and date, each with its parties, place and claim."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Connection

from newsgraph.query import QueryError
from newsgraph.query.events import find_events


def _types(rows: list) -> list[str]:  # type: ignore[type-arg]
    return [r.type for r in rows]


def test_every_event_earliest_first_with_its_parties(event_conn: Connection) -> None:
    rows = find_events(event_conn)
    assert _types(rows) == ["REJECT", "RETREAT", "CONSULT", "SANCTION", "ASSAULT"]
    withdrawal = rows[1]
    assert withdrawal.label == "RETREAT/withdraw"
    assert [a.name for a in withdrawal.actors] == ["Vladimir Putin"]
    assert [(r.name, r.country) for r in withdrawal.recipients] == [("Syria", "SYR")]
    assert (withdrawal.date, withdrawal.location, withdrawal.geonames) == (
        "2016-03-14",
        "Syria",
        "163843",
    )
    assert withdrawal.sentence.startswith("Russian President") and withdrawal.sentence.endswith(
        "on March 14."
    )
    sanction = rows[3]
    assert [a.name for a in sanction.actors] == ["United States", "European Union"]


def test_a_claim_says_whose_it_is(event_conn: Connection) -> None:
    (refusal,) = find_events(event_conn, type="reject")
    assert (refusal.modality, refusal.quote, refusal.claimed_by) == ("future", "q1", "a diplomat")


def test_actor_and_recipient_by_name_words_key_or_country(event_conn: Connection) -> None:
    assert _types(find_events(event_conn, actor="putin")) == ["RETREAT", "CONSULT"]
    assert _types(find_events(event_conn, actor="PERSON:vladimir-putin")) == ["RETREAT", "CONSULT"]
    assert _types(find_events(event_conn, actor="syrian forces")) == ["ASSAULT"]
    assert _types(find_events(event_conn, actor="SYR")) == ["ASSAULT"]
    assert _types(find_events(event_conn, recipient="Russia")) == ["SANCTION"]
    assert _types(find_events(event_conn, recipient="syr")) == ["RETREAT", "CONSULT", "ASSAULT"]
    assert find_events(event_conn, actor="Russia") == []  # Russia is sanctioned, not sanctioning
    assert _types(find_events(event_conn, actor="putin", recipient="assad")) == ["CONSULT"]


def test_dates_compare_on_the_days_an_event_covers(event_conn: Connection) -> None:
    # the refusal is dated "2016-03": it covers the whole month
    assert _types(find_events(event_conn, since=date(2016, 3, 15))) == [
        "REJECT",
        "CONSULT",
        "SANCTION",
        "ASSAULT",
    ]
    assert _types(find_events(event_conn, until=date(2016, 3, 1))) == ["REJECT"]
    assert _types(find_events(event_conn, since=date(2016, 3, 14), until=date(2016, 3, 14))) == [
        "REJECT",
        "RETREAT",
    ]


def test_limit_and_unknown_type(event_conn: Connection) -> None:
    assert len(find_events(event_conn, limit=2)) == 2
    with pytest.raises(QueryError, match="unknown event type 'FIGHT': choose from AGREE, "):
        find_events(event_conn, type="FIGHT")
