"""What the web app browses: a stored article, recent stories."""

from __future__ import annotations

from sqlalchemy import Connection

from newsgraph.query.browse import recent_stories, stored_article


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
