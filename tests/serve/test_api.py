"""The JSON API over the query corpus: each route, its filters, pages, errors and limits."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from newsgraph.query.quotes import find_quotes
from newsgraph.schema import load_schema
from newsgraph.serve.app import create_app
from newsgraph.store import open_store
from newsgraph.store.write import store_article

from tests.query.corpus import GENEVA, articles, build


@pytest.fixture
def client(db_url: str) -> Iterator[TestClient]:
    build(db_url).dispose()
    with TestClient(create_app(db_url)) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def analysing(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """One SQLite corpus and one app for the tests that analyse (its worker stays warm)."""
    db = str(tmp_path_factory.mktemp("serve") / "corpus.db")
    build(db).dispose()
    with TestClient(create_app(db, max_upload_bytes=100_000)) as test_client:
        yield test_client


def every_page(client: TestClient, route: str, **params: Any) -> list[dict[str, Any]]:
    """All items of a list, following `next` to the end."""
    items: list[dict[str, Any]] = []
    cursor = None
    while True:
        response = client.get(route, params={**params, **({"cursor": cursor} if cursor else {})})
        assert response.status_code == 200, response.text
        page = response.json()
        items += page["items"]
        cursor = page["next"]
        if cursor is None:
            return items


def test_stats_say_what_the_corpus_holds(client: TestClient) -> None:
    stats = client.get("/api/v1/stats").json()
    assert (stats["articles"], stats["stories"], stats["failures"]) == (3, 3, 0)
    assert stats["quotes"] == sum(len(a.quotes) for _, a in articles())
    assert stats["speakers"][0]["name"] == "Vladimir Putin"
    assert {"name", "type", "articles"} <= set(stats["covered"][0])


def test_articles_newest_first_and_filtered(client: TestClient) -> None:
    listed = client.get("/api/v1/articles").json()["items"]
    sample = articles()[0][1].title
    assert [a["title"] for a in listed] == ["Talks in Geneva", sample, "Sanctions row"]
    found = client.get("/api/v1/articles", params={"q": "Geneva talks"}).json()["items"]
    assert found[0]["title"] == "Talks in Geneva" and "[" in found[0]["snippet"]
    march = client.get("/api/v1/articles", params={"since": "2016-03-16", "until": "2016-03-31"})
    assert [a["title"] for a in march.json()["items"]] == ["Talks in Geneva"]
    assad = client.get("/api/v1/articles", params={"entity": "assad"}).json()["items"]
    assert "Sanctions row" not in [a["title"] for a in assad] and len(assad) == 2
    assert client.get("/api/v1/articles", params={"q": "zyzzyva"}).json()["items"] == []


def test_article_record_and_missing_article(client: TestClient) -> None:
    first = client.get("/api/v1/articles", params={"q": "sanctions mistake"}).json()["items"][0]
    record = client.get(f"/api/v1/articles/{first['id']}").json()
    assert record == articles()[2][1].to_dict()
    missing = client.get("/api/v1/articles/9999")
    assert missing.status_code == 404 and missing.json() == {"error": "no article 9999"}


def test_pages_cover_the_list_once(client: TestClient) -> None:
    whole = client.get("/api/v1/quotes", params={"limit": 200}).json()
    assert whole["next"] is None
    paged = every_page(client, "/api/v1/quotes", limit=7)
    assert paged == whole["items"]
    by_one = every_page(client, "/api/v1/entities", limit=1, type="PERSON")
    assert [e["id"] for e in by_one] == [
        e["id"] for e in client.get("/api/v1/entities?type=PERSON&limit=200").json()["items"]
    ]
    assert len({e["id"] for e in by_one}) == len(by_one) > 3


def test_cursors_are_checked(client: TestClient) -> None:
    cursor = client.get("/api/v1/quotes", params={"limit": 2}).json()["next"]
    other = client.get("/api/v1/quotes", params={"limit": 2, "cursor": cursor, "speaker": "x"})
    assert other.status_code == 400 and "other filters" in other.json()["error"]
    forged = client.get("/api/v1/quotes", params={"cursor": "not-a-cursor"})
    assert forged.status_code == 400 and "cursor" in forged.json()["error"]
    too_many = client.get("/api/v1/quotes", params={"limit": 10_000})
    assert too_many.status_code == 422 and too_many.json()["error"].startswith("limit:")
    bad_day = client.get("/api/v1/quotes", params={"since": "15/03/2016"})
    assert bad_day.status_code == 422 and "since" in bad_day.json()["error"]


def test_quotes_filtered_as_the_cli_filters_them(client: TestClient, db_url: str) -> None:
    said = client.get("/api/v1/quotes", params={"speaker": "Peskov", "limit": 200}).json()
    assert said["items"] and {q["speaker_entity"] for q in said["items"]} == {"Dmitry Peskov"}
    engine = open_store(db_url, readonly=True)
    try:
        with engine.connect() as conn:
            expected = find_quotes(conn, about="Assad", limit=200)
    finally:
        engine.dispose()
    about = client.get("/api/v1/quotes", params={"about": "Assad", "limit": 200}).json()["items"]
    assert about == [q.to_dict() for q in expected] and about
    dated = client.get("/api/v1/quotes", params={"since": "2016-03-20", "limit": 200}).json()
    assert dated["items"] and {q["published"] for q in dated["items"]} == {"2016-03-21"}


def test_entities_and_one_entity_with_its_timeline(client: TestClient) -> None:
    people = client.get("/api/v1/entities", params={"type": "person", "q": "putin"}).json()
    putin = people["items"][0]
    assert putin["name"] == "Vladimir Putin" and putin["type"] == "PERSON"
    found = client.get(f"/api/v1/entities/{putin['id']}").json()
    assert found["name"] == "Vladimir Putin" and "Vladimir Putin" in found["names"]
    route = f"/api/v1/entities/{putin['id']}/timeline"
    entries = every_page(client, route, limit=3)
    assert found["timeline"]["items"] == entries[:50]
    assert {e["role"] for e in entries} == {"said", "about"}
    said = every_page(client, route, role="said")
    assert said == [e for e in entries if e["role"] == "said"]
    assert {e["speaker_entity"] for e in said} == {"Vladimir Putin"}
    dated = [e for e in entries if e["published"]]
    assert sum(m["said"] + m["about"] for m in found["by_month"]) == len(dated)
    march = every_page(client, route, since="2016-03-16")
    assert march and {e["published"] for e in march} == {"2016-03-21"}
    assert client.get("/api/v1/entities/9999").status_code == 404
    assert client.get("/api/v1/entities/9999/timeline").status_code == 404


def test_readers_keep_answering_while_an_ingest_writes(client: TestClient, db_url: str) -> None:
    """Threads read every route while another thread stores articles one by one."""
    writer = open_store(db_url)
    sample = articles()[1][1]
    failures: list[str] = []
    counts: list[int] = []
    writing = threading.Event()

    def write() -> None:
        writing.set()
        for i in range(15):
            copy = sample.from_dict(sample.to_dict())
            copy.text = sample.text + f"\n\nUpdate {i}."
            with writer.begin() as conn:
                store_article(conn, f"extra-{i}", copy)

    def read() -> None:
        writing.wait()
        for _ in range(10):
            for route in ("/api/v1/stats", "/api/v1/quotes?limit=5", "/api/v1/articles?q=Geneva"):
                response = client.get(route)
                if response.status_code != 200:
                    failures.append(f"{route}: {response.status_code} {response.text}")
                elif route == "/api/v1/stats":
                    counts.append(response.json()["articles"])

    threads = [threading.Thread(target=write)] + [threading.Thread(target=read) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    writer.dispose()
    assert failures == []
    assert min(counts) >= 3 and client.get("/api/v1/stats").json()["articles"] == 18


def test_analyze_returns_the_article_json(analysing: TestClient) -> None:
    import jsonschema

    response = analysing.post(
        "/api/v1/analyze",
        content=GENEVA.encode(),
        params={"input": "text", "published": "2016-03-21"},
        headers={"content-type": "text/plain"},
    )
    assert response.status_code == 200, response.text
    article = response.json()
    jsonschema.validate(article, load_schema())
    assert article["published"] == "2016-03-21" and article["title"] == "Talks in Geneva"
    speakers = {q["speaker"]["text"] for q in article["quotes"] if q.get("speaker")}
    assert any("Putin" in s for s in speakers)


def test_analyze_takes_an_upload_or_a_form_field(analysing: TestClient) -> None:
    upload = analysing.post(
        "/api/v1/analyze",
        files={"file": ("talks.txt", GENEVA.encode(), "text/plain")},
        params={"input": "text"},
    )
    assert upload.status_code == 200, upload.text
    assert upload.json()["source"]["path"] == "talks.txt"
    pasted = analysing.post("/api/v1/analyze", data={"text": GENEVA}, files={"other": b""})
    assert pasted.status_code == 200, pasted.text
    assert pasted.json()["title"] == "Talks in Geneva"


@pytest.mark.parametrize(
    ("request_args", "status", "says"),
    [
        ({"content": b""}, 400, "no page"),
        ({"content": b"\x00\x01\x02" * 100}, 415, "binary"),
        ({"content": b"x" * 100_001}, 413, "larger than the limit"),
        ({"files": {"file": ("big.html", b"<p>x</p>" * 20_000)}}, 413, "larger than the limit"),
        ({"files": {"nothing": ("a.txt", b"text")}}, 400, "holds no page"),
        (
            {"content": b"--b\r\nbroken", "headers": {"content-type": "multipart/form-data"}},
            400,
            "malformed multipart",
        ),
        ({"content": GENEVA.encode(), "params": {"input": "pdf"}}, 422, "input"),
        ({"content": GENEVA.encode(), "params": {"published": "March"}}, 422, "published"),
        ({"content": b"!!! ??? ...", "params": {"input": "text"}}, 422, "cannot analyse"),
    ],
)
def test_bad_uploads_are_clear_4xx(
    analysing: TestClient, request_args: dict[str, Any], status: int, says: str
) -> None:
    response = analysing.post("/api/v1/analyze", **request_args)
    assert response.status_code == status, response.text
    assert says in response.json()["error"]


def test_a_page_past_the_time_limit_is_refused(tmp_path: Path) -> None:
    db = str(tmp_path / "corpus.db")
    build(db).dispose()
    long_text = "Peskov said the talks went well. " * 3000
    with TestClient(create_app(db, time_limit_s=0.05)) as slow:
        response = slow.post("/api/v1/analyze", content=long_text, params={"input": "text"})
        assert response.status_code == 422
        assert "time limit" in response.json()["error"]
        assert slow.get("/api/v1/stats").status_code == 200


def test_ingest_stores_once(client: TestClient) -> None:
    """On each back-end: stored, then the same input again is done, with the same id."""
    page = 'Harbour news\n\n"The port reopens on Friday," Mayor Anna Berg said on Tuesday.\n'
    before = client.get("/api/v1/stats").json()["articles"]
    first = client.post("/api/v1/ingest", content=page, params={"published": "2020-05-05"})
    assert first.status_code == 200, first.text
    assert first.json()["outcome"] == "stored"
    assert first.json()["article"]["published"] == "2020-05-05"
    again = client.post("/api/v1/ingest", content=page, params={"published": "2020-05-05"})
    assert again.json()["outcome"] == "done" and again.json()["id"] == first.json()["id"]
    assert client.get("/api/v1/stats").json()["articles"] == before + 1
    stored = client.get(f"/api/v1/articles/{first.json()['id']}").json()
    assert stored["title"] == "Harbour news"
    listed = client.get("/api/v1/articles").json()["items"]
    geneva = next(a["id"] for a in listed if a["title"] == "Talks in Geneva")
    copy = client.post("/api/v1/ingest", content=GENEVA, params={"input": "text"})
    assert copy.json()["outcome"] == "duplicate" and copy.json()["id"] == geneva


def test_events_filtered_and_paged_as_the_cli_filters_them(tmp_path: Path) -> None:
    from tests.event_articles import build as build_events

    db = str(tmp_path / "events.db")
    build_events(db).dispose()
    with TestClient(create_app(db)) as events_client:
        everything = events_client.get("/api/v1/events", params={"limit": 200}).json()["items"]
        assert [e["type"] for e in everything] == [
            "REJECT",
            "RETREAT",
            "CONSULT",
            "SANCTION",
            "ASSAULT",
        ]
        assert every_page(events_client, "/api/v1/events", limit=2) == everything
        by_russia = events_client.get("/api/v1/events", params={"recipient": "RUS"}).json()
        assert [e["type"] for e in by_russia["items"]] == ["SANCTION"]
        unknown = events_client.get("/api/v1/events", params={"type": "PARADE"})
        assert unknown.status_code == 400 and "ASSAULT" in unknown.json()["error"]


def test_an_entitys_events_paged_by_role_and_window(tmp_path: Path) -> None:
    from tests.event_articles import build as build_events

    db = str(tmp_path / "events.db")
    build_events(db).dispose()
    with TestClient(create_app(db)) as events_client:
        places = events_client.get("/api/v1/entities", params={"q": "syria", "type": "GPE"})
        syria = places.json()["items"][0]
        found = events_client.get(f"/api/v1/entities/{syria['id']}").json()
        route = f"/api/v1/entities/{syria['id']}/events"
        every = every_page(events_client, route, limit=1)
        assert found["events"]["items"] == every
        # done to Syria by name; done by "Syrian forces", which carry its code
        assert [(e["role"], e["type"]) for e in every] == [
            ("recipient", "RETREAT"),
            ("actor", "ASSAULT"),
        ]
        assert every_page(events_client, route, role="actor") == every[1:]
        assert every_page(events_client, route, since="2016-03-15") == every[1:]
        assert every_page(events_client, route, until="2016-03-14") == every[:1]
        month = {m["month"]: m for m in found["by_month"]}["2016-03"]
        assert (month["actor"], month["recipient"]) == (1, 1)
        assert events_client.get(route, params={"role": "did"}).status_code == 422
        assert events_client.get("/api/v1/entities/9999/events").status_code == 404


def test_an_empty_filter_is_no_filter_as_a_form_sends_it(client: TestClient) -> None:
    for route, empty in (
        ("/api/v1/quotes", "speaker=&about=&since=&until="),
        ("/api/v1/events", "actor=&recipient=&type=&since=&until="),
        ("/api/v1/entities", "type=&q="),
        ("/api/v1/articles", "q=&since=&until=&entity="),
    ):
        given = client.get(f"{route}?{empty}")
        assert given.status_code == 200, given.text
        assert given.json() == client.get(route).json()
