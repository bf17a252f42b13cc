"""Storing articles: one row set per article, exact and near duplicates, corpus-wide entities."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, func, select

from newsgraph.model import Article, Entity, Source
from newsgraph.store import open_store
from newsgraph.store.fts import fts5_query, search
from newsgraph.store.schema import (
    article_entities,
    article_sources,
    articles,
    entities,
    failures,
    mentions,
    quotes,
)
from newsgraph.store.write import entity_key, record_failure, store_article

from tests.builders import join_blocks
from tests.builders import mentions as find_mentions

STORY = (
    "Russian President Vladimir Putin ordered the withdrawal of the main part of the "
    "Russian forces from Syria on Monday, a move that surprised Western officials. "
    "The Kremlin said the military operation had achieved its goals and that talks "
    "in Geneva on a settlement of the war should now move ahead without delay. "
    "Analysts in Moscow said the decision was meant to pressure Damascus to negotiate."
)
OTHER = (
    "Heavy rain flooded the old town of Porto on Tuesday, closing roads and schools "
    "while the river rose above its banks for the first time in twenty years."
)


def make(text: str, *names: tuple[str, str, dict[str, str]]) -> Article:
    """A hand-made article: one paragraph, entities found by their surface text."""
    body, blocks = join_blocks((("paragraph", text),))
    found = [
        Entity(f"e{i}", name, kind, mentions=find_mentions(body, name), kb=kb)
        for i, (name, kind, kb) in enumerate(names, 1)
    ]
    return Article(body, Source("text"), blocks=blocks, entities=found, published="2016-03-15")


PUTIN = ("Vladimir Putin", "PERSON", {"key": "vladimir-putin"})
SYRIA = ("Syria", "GPE", {"iso3": "SYR"})


@pytest.fixture
def store(db_url: str) -> Iterator[Engine]:
    engine = open_store(db_url)
    yield engine
    engine.dispose()


def count(engine: Engine, table: object) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())  # type: ignore[arg-type]


def test_an_article_is_stored_with_its_findings_and_its_record(
    store: Engine, sample_article: Article
) -> None:
    with store.begin() as conn:
        outcome, article_id = store_article(conn, "sample.txt", sample_article)
    assert outcome == "stored"
    assert count(store, quotes) == len(sample_article.quotes)
    assert count(store, mentions) == sum(len(e.mentions) for e in sample_article.entities)
    with store.connect() as conn:
        record = conn.execute(select(articles.c.record).where(articles.c.id == article_id)).one()[0]
        peskov = conn.execute(
            select(quotes.c.content_start, quotes.c.content_end, quotes.c.content)
            .join(entities, entities.c.id == quotes.c.speaker_entity_id)
            .where(entities.c.name == "Dmitry Peskov")
        ).all()
    assert record == sample_article.to_dict()
    assert peskov, "Peskov's statements point at his corpus entity"
    for start, end, content in peskov:
        assert sample_article.text[start:end] == content


def test_storing_an_input_twice_stores_nothing_twice(store: Engine) -> None:
    article = make(STORY, PUTIN)
    with store.begin() as conn:
        first = store_article(conn, "a.txt", article)
    with store.begin() as conn:
        again = store_article(conn, "a.txt", article)
    assert first[0] == "stored" and again == ("done", first[1])
    assert count(store, articles) == 1 and count(store, mentions) == 1


def test_an_exact_duplicate_becomes_one_more_source_of_the_stored_article(store: Engine) -> None:
    with store.begin() as conn:
        _, first = store_article(conn, "site-a/story.html", make(STORY, PUTIN))
        outcome, same = store_article(conn, "site-b/story.html", make(STORY, PUTIN))
    assert (outcome, same) == ("duplicate", first)
    assert count(store, articles) == 1
    with store.connect() as conn:
        keys = conn.execute(select(article_sources.c.input_key).order_by("input_key")).scalars()
        assert list(keys) == ["site-a/story.html", "site-b/story.html"]


def test_near_duplicates_share_a_story_and_different_articles_do_not(store: Engine) -> None:
    # a syndicated copy: a sentence cut, words changed, a line added
    edited = (
        STORY.replace("on Monday", "on Monday evening").replace(
            " Analysts in Moscow said the decision was meant to pressure Damascus to negotiate.", ""
        )
        + " Officials in Washington declined to comment on the withdrawal."
    )
    with store.begin() as conn:
        _, a = store_article(conn, "a", make(STORY))
        _, b = store_article(conn, "b", make(edited))
        _, c = store_article(conn, "c", make(OTHER))
    with store.connect() as conn:
        story = dict(conn.execute(select(articles.c.id, articles.c.story_id)).all())
    assert len({a, b, c}) == 3
    assert story[a] == story[b] == a
    assert story[c] == c


def test_entities_merge_across_articles_on_their_canonical_key(store: Engine) -> None:
    second = STORY.replace("Monday", "Tuesday") + " Putin spoke to Syria's president."
    with store.begin() as conn:
        store_article(conn, "one", make(STORY, PUTIN, SYRIA))
        store_article(conn, "two", make(second, ("Putin", "PERSON", PUTIN[2]), SYRIA))
    with store.connect() as conn:
        rows = conn.execute(
            select(entities.c.key, func.count(article_entities.c.article_id))
            .join(article_entities, article_entities.c.entity_id == entities.c.id)
            .group_by(entities.c.key)
            .order_by(entities.c.key)
        ).all()
    assert rows == [("PERSON:vladimir-putin", 2), ("iso3:SYR", 2)]


def test_a_province_is_keyed_by_its_iso_code_whatever_the_article_calls_it() -> None:
    kb = {"iso3166_2": "SY-LA", "lat": "35.5786", "lon": "35.9815"}
    keys = {
        entity_key(Entity("e1", name, "GPE", kb=kb)) for name in ("Latakia Province", "Latakia")
    }
    assert keys == {"iso3166_2:SY-LA"}


def test_a_failure_is_recorded_and_cleared_when_the_input_later_succeeds(store: Engine) -> None:
    with store.begin() as conn:
        record_failure(conn, "flaky.html", "gave up after the 120 s time limit")
        record_failure(conn, "flaky.html", "the input is empty")
    with store.connect() as conn:
        assert conn.execute(select(failures.c.reason)).scalars().all() == ["the input is empty"]
    with store.begin() as conn:
        store_article(conn, "flaky.html", make(STORY))
    assert count(store, failures) == 0


def test_a_transaction_that_fails_leaves_nothing_behind(store: Engine) -> None:
    with pytest.raises(RuntimeError), store.begin() as conn:
        store_article(conn, "a", make(STORY, PUTIN))
        raise RuntimeError("killed mid-write")
    assert count(store, articles) == count(store, entities) == count(store, article_sources) == 0


def test_full_text_search_finds_articles_and_quotes(store: Engine, sample_article: Article) -> None:
    with store.begin() as conn:
        store_article(conn, "sample", sample_article)
        store_article(conn, "other", make(OTHER))
        articles_hit = search(conn, "cessation of hostilities")
        quote_hit = search(conn, "Assad", quotes=True)
        odd = search(conn, 'NEAR( "unbalanced AND -- *')
    assert [h.id for h in articles_hit] == [1]
    assert "[cessation]" in articles_hit[0].snippet
    assert quote_hit and all("[Assad]" in h.snippet for h in quote_hit)
    assert odd == []


def test_user_words_never_become_fts5_syntax() -> None:
    assert fts5_query('Putin AND "Syria pullout" NEAR') == '"Putin" "AND" "Syria pullout" "NEAR"'
    assert fts5_query('  "" ') == ""
