"""Who talks about whom (speaker to the entities their statements name) and who does what
to whom (an event's actor to its recipient)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Connection

from newsgraph.query.entities import match_entities
from newsgraph.query.network import Edge, edge_events, edge_quotes, network


def test_edges_run_from_speaker_to_the_entities_in_their_statements(conn: Connection) -> None:
    edges = network(conn)
    pairs = {(e.source_name, e.target_name): e for e in edges}
    assert ("Dmitry Peskov", "Bashar al-Assad") in pairs
    assert all(e.source != e.target for e in edges)
    assert [e.weight for e in edges] == sorted((e.weight for e in edges), reverse=True)


def test_an_edges_weight_is_the_number_of_its_statements(conn: Connection) -> None:
    for edge in network(conn)[:5]:
        found = edge_quotes(conn, edge.source, edge.target)
        assert len(found) == edge.weight
        assert all(q.speaker_entity == edge.source_name for q in found)


def test_filters_by_type_weight_date_and_entity(conn: Connection) -> None:
    assert all(e.target_type == "GPE" for e in network(conn, type="gpe"))
    assert all(e.weight >= 2 for e in network(conn, min_weight=2))
    assert network(conn, until=date(2000, 1, 1)) == []
    peskov = match_entities(conn, "Dmitry Peskov")[0].id
    around = network(conn, entity=peskov)
    assert around and all(peskov in (e.source, e.target) for e in around)


def _pairs(edges: list[Edge]) -> dict[tuple[str, str], int]:
    return {(e.source_name, e.target_name): e.weight for e in edges}


def test_event_edges_run_from_actor_to_recipient(event_conn: Connection) -> None:
    edges = network(event_conn, kind="events")
    assert all(e.kind == "events" for e in edges)
    # "Syrian forces" names no entity: it stands for Syria by its country code
    assert _pairs(edges) == {
        ("Vladimir Putin", "Syria"): 1,
        ("Vladimir Putin", "Bashar al-Assad"): 1,
        ("United States", "Russia"): 1,
        ("European Union", "Russia"): 1,
        ("Syria", "Aleppo"): 1,
    }
    for edge in edges:
        behind = edge_events(event_conn, edge.source, edge.target)
        assert len(behind) == edge.weight
    syria_on_aleppo = next(e for e in edges if e.target_name == "Aleppo")
    assault = edge_events(event_conn, syria_on_aleppo.source, syria_on_aleppo.target)
    assert [(e.type, [a.text for a in e.actors]) for e in assault] == [
        ("ASSAULT", ["Syrian forces"])
    ]


def test_event_edges_filter_by_event_date_type_weight_and_entity(event_conn: Connection) -> None:
    later = network(event_conn, kind="events", since=date(2016, 3, 15))
    assert ("Vladimir Putin", "Syria") not in _pairs(later)  # withdrawal dated March 14
    assert ("Vladimir Putin", "Bashar al-Assad") in _pairs(later)
    people = network(event_conn, kind="events", type="person")
    assert _pairs(people) == {("Vladimir Putin", "Bashar al-Assad"): 1}
    assert network(event_conn, kind="events", min_weight=2) == []
    russia = match_entities(event_conn, "Russia")[0].id
    assert set(_pairs(network(event_conn, kind="events", entity=russia))) == {
        ("United States", "Russia"),
        ("European Union", "Russia"),
    }
