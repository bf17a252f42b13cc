"""Who talks about whom: edges from a speaker to the entities named in their statements."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Connection

from newsgraph.query.entities import match_entities
from newsgraph.query.network import edge_quotes, network


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
