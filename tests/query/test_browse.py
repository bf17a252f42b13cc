"""What the web app browses: a stored article, recent stories, top speakers, a timeline by day."""

from __future__ import annotations

from sqlalchemy import Connection

from newsgraph.query.browse import (
    recent_stories,
    stored_article,
    timeline_days,
    top_speakers,
)
from newsgraph.query.entities import match_entities
from newsgraph.query.timeline import timeline


def test_a_stored_article_comes_back_with_its_corpus_entities(conn: Connection) -> None:
    first = recent_stories(conn)[0]
    stored = stored_article(conn, first.id)
    assert stored is not None
    assert stored.article.title == first.title
    assert {e.id for e in stored.article.entities} == set(stored.entity_ids)
    assert stored_article(conn, 10_000) is None


def test_recent_stories_are_newest_first_undated_last(conn: Connection) -> None:
    stories = recent_stories(conn)
    assert [s.published[:10] if s.published else None for s in stories] == [
        "2016-03-21",
        "2016-03-15",
        None,
    ]
    assert len(recent_stories(conn, limit=1)) == 1


def test_top_speakers_are_ranked_by_statements(conn: Connection) -> None:
    speakers = top_speakers(conn, 3)
    assert speakers[0].name == "Vladimir Putin"
    assert [s.quotes for s in speakers] == sorted((s.quotes for s in speakers), reverse=True)


def test_timeline_days_count_what_the_timeline_command_lists(conn: Connection) -> None:
    for name in ("Vladimir Putin", "Dmitry Peskov", "Syria"):
        entity = match_entities(conn, name)[0]
        full = timeline(conn, name)
        assert full is not None
        for role in ("said", "about"):
            listed = [e for e in full.entries if e.role == role]
            counted = sum(n for _, r, n in timeline_days(conn, entity.id) if r == role)
            assert counted == len(listed), (name, role)
