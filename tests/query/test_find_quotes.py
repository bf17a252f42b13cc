from __future__ import annotations

from datetime import date

from sqlalchemy import Connection

from newsgraph.query.quotes import find_quotes


def test_speaker_matches_the_entity_name_in_any_case(conn: Connection) -> None:
    rows = find_quotes(conn, speaker="peskov")
    assert rows and {r.speaker_entity for r in rows} == {"Dmitry Peskov"}
    assert any(r.speaker == "Kremlin spokesman Dmitry Peskov" for r in rows)
    assert rows[-1].published is None  # undated articles come last
    assert all(r.title for r in rows if r.published)


def test_speaker_matches_the_entity_key_or_the_text_as_written(conn: Connection) -> None:
    assert {r.speaker_entity for r in find_quotes(conn, speaker="PERSON:dmitry")} == {
        "Dmitry Peskov"
    }
    written = find_quotes(conn, speaker="european diplomat")
    assert written and all(r.speaker_entity is None for r in written)


def test_about_matches_entities_mentioned_inside_the_quote(conn: Connection) -> None:
    rows = find_quotes(conn, about="Bashar al-Assad")  # the text says only "Assad"
    assert any("Putin phoned Assad" in r.content for r in rows)
    assert all("Assad" in r.content for r in rows)


def test_dates_are_inclusive_days(conn: Connection) -> None:
    later = find_quotes(conn, since=date(2016, 3, 16))
    assert later and {r.published for r in later} == {"2016-03-21"}
    earlier = find_quotes(conn, until=date(2016, 3, 15), limit=500)
    assert earlier and {r.published for r in earlier} == {"2016-03-15"}


def test_rows_point_back_to_the_article_text(conn: Connection) -> None:
    from newsgraph.store.schema import articles

    row = find_quotes(conn, speaker="Putin", since=date(2016, 3, 21))[0]
    text = conn.execute(articles.select().where(articles.c.id == row.article_id)).one().text
    assert text[row.content_start : row.content_end] == row.content
    assert row.cue == "told" and row.addressee == "reporters"


def test_limit_and_no_match(conn: Connection) -> None:
    assert len(find_quotes(conn, limit=3)) == 3
    assert find_quotes(conn, speaker="%") == []
    assert find_quotes(conn, speaker="Peskov", about="quagmire") == []
