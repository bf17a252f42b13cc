from __future__ import annotations

from sqlalchemy import Connection

from newsgraph.query.search import search


def test_articles_and_quotes_with_titles(conn: Connection) -> None:
    result = search(conn, "cessation of hostilities")
    assert [a.title for a in result.articles] == [
        "Putin's Pullout: Behind Russia's New Syria Surprise"
    ]
    assert "[cessation]" in result.articles[0].snippet
    assert result.articles[0].published == "2016-03-15"


def test_quotes_carry_speaker_and_article(conn: Connection) -> None:
    result = search(conn, "sanctions mistake")
    assert result.quotes and result.quotes[0].speaker == "Dmitry Peskov"
    assert result.quotes[0].title == "Sanctions row"
    assert result.to_dict()["quotes"][0]["article_id"] == result.quotes[0].article_id


def test_nothing_found_and_odd_input(conn: Connection) -> None:
    assert not search(conn, "zebra crossing")
    assert not search(conn, 'NEAR( "unbalanced')
