"""The web app's pages over the test corpus, without a browser: what each one shows and refuses."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import pyarrow.parquet as pq
from fastapi.testclient import TestClient

from newsgraph.serve.app import create_app

from tests.conftest import SAMPLE
from tests.serve.conftest import ATTRIBUTE, IMAGE, SCRIPT, article_id


def _json_island(html: str, element_id: str) -> object:
    found = re.search(rf'<script type="application/json" id="{element_id}">(.*?)</script>', html)
    assert found, f"no #{element_id} in the page"
    return json.loads(found.group(1))


def _hrefs(html: str, prefix: str) -> list[str]:
    return re.findall(rf'href="({re.escape(prefix)}[^"]*)"', html)


def test_home_shows_the_corpus_sizes_speakers_and_recent_stories(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert "<strong>4</strong> articles" in page.text
    assert re.search(r'<a href="/entities/\d+">Dmitry Peskov</a>', page.text)
    stories = page.text[page.text.index("Recent stories") :]
    # newest first: Geneva (2016-03-21) before the sample (2016-03-15); undated last
    assert stories.index("Talks in Geneva") < stories.index("Putin&#39;s Pullout")
    assert stories.index("Putin&#39;s Pullout") < stories.index("Sanctions row")


def test_every_page_is_sent_with_a_script_policy(client: TestClient) -> None:
    for path in ("/", "/quotes", "/network", "/analyse", "/search?q=Syria"):
        policy = client.get(path).headers["content-security-policy"]
        assert "script-src 'self'" in policy
        assert "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]


def test_search_lists_matching_articles_with_the_words_marked(client: TestClient) -> None:
    page = client.get("/search", params={"q": "sanctions"})
    assert page.status_code == 200
    assert "Sanctions row" in page.text
    assert re.search(r"<mark>[Ss]anctions</mark>", page.text)
    assert client.get("/search", params={"q": "zzzqqq"}).text.count("No article matches") == 1


def test_the_article_page_annotates_and_links_entities(client: TestClient) -> None:
    sample = article_id(client, "Pullout")
    page = client.get(f"/articles/{sample}")
    assert page.status_code == 200
    assert 'class="spk-key' in page.text and "Dmitry Peskov" in page.text
    links = _json_island(page.text, "entity-links")
    assert isinstance(links, dict) and links
    assert all(re.fullmatch(r"/entities/\d+", href) for href in links.values())
    assert "Removed from the page" in page.text or 'class="removed"' not in page.text


def test_a_statement_span_in_the_url_is_the_one_shown_first(client: TestClient) -> None:
    quotes = client.get("/quotes", params={"speaker": "Peskov"}).text
    link = _hrefs(quotes, "/articles/")[0].replace("&amp;", "&")
    assert "start=" in link
    page = client.get(link)
    focus = re.search(r'data-focus="(q\d+)"', page.text)
    assert focus and f'data-q="{focus.group(1)}"' in page.text


def test_missing_things_are_a_404_page_not_a_traceback(client: TestClient) -> None:
    for path in ("/articles/99999", "/entities/99999", "/entity?name=Nobody%20Atall"):
        page = client.get(path)
        assert page.status_code == 404
        assert 'role="alert"' in page.text and "Traceback" not in page.text


def test_an_entity_name_leads_to_its_page(client: TestClient) -> None:
    page = client.get("/entity", params={"name": "Vladimir Putin"}, follow_redirects=False)
    assert page.status_code == 303
    assert re.fullmatch(r"/entities/\d+", page.headers["location"])


def test_the_entity_page_counts_statements_per_period(client: TestClient) -> None:
    page = client.get("/entity", params={"name": "Vladimir Putin"})
    assert "<h1>Vladimir Putin</h1>" in page.text
    assert "Russian President" in page.text
    chart = _json_island(page.text, "timeline-data")
    assert isinstance(chart, dict)
    # the sample (2016-03-15) and Geneva (2016-03-21) fall in ISO weeks 11 and 12
    assert chart["labels"] == ["2016-W11", "2016-W12"]
    assert chart["said"][1] == 1  # "We expect progress," in Geneva
    assert sum(chart["said"]) + sum(chart["about"]) >= 3
    week = client.get(chart["links"][1].split("#")[0])
    rows = week.text[week.text.index('id="items"') :]
    assert "In 2016-W12" in rows
    assert "2016-03-21" in rows and "2016-03-15" not in rows
    bad = client.get(week.url.path, params={"period": "2016-W99"})
    assert bad.status_code == 400 and "2016-W99" in bad.text


def _listed(html: str, section: str) -> list[str]:
    """The role of each row listed under `section` (statements or events) of an entity page."""
    start = html.index(f'id="items-{section}"')
    end = html.find('<h3 id="items-', start + 1)
    part = html[start : end if end > 0 else html.index("Counterparts")]
    return re.findall(r'<span class="role role-(\w+)">', part)


def test_a_bar_of_the_entity_timeline_lists_its_statements_and_events(
    client: TestClient,
) -> None:
    russia = client.get("/entity", params={"name": "Russia"})
    chart = _json_island(russia.text, "timeline-data")
    assert isinstance(chart, dict) and sum(chart["did"]) and sum(chart["done_to"])
    for i, link in enumerate(chart["links"]):
        bar = client.get(link.split("#")[0]).text
        statements, events = _listed(bar, "statements"), _listed(bar, "events")
        assert statements.count("said") == chart["said"][i]
        assert statements.count("about") == chart["about"][i]
        assert events.count("actor") == chart["did"][i]
        assert events.count("recipient") == chart["done_to"][i]
        # each event links to its trigger in its article, each statement to its span
        part = bar[bar.index('id="items-events"') :]
        assert len(re.findall(r'href="/articles/\d+#ev\d+"', part)) >= len(events)
    latest = client.get(russia.url.path).text
    assert "The latest statements and events" in latest and _listed(latest, "events")


def test_the_entity_page_lists_counterparts(client: TestClient) -> None:
    page = client.get("/entity", params={"name": "Dmitry Peskov"})
    counterparts = page.text[page.text.index("Counterparts") :]
    assert re.search(r"talks about <a href=\"/entities/\d+\">Bashar al-Assad</a>", counterparts)


def test_the_network_holds_speaker_to_mentioned_edges(client: TestClient) -> None:
    page = client.get("/network")
    graph = _json_island(page.text, "network-data")
    assert isinstance(graph, dict)
    labels = {n["id"]: n["label"] for n in graph["nodes"]}
    pairs = {(labels[e["source"]], labels[e["target"]]) for e in graph["edges"]}
    assert ("Dmitry Peskov", "Bashar al-Assad") in pairs
    assert all(a != b for a, b in pairs)


def test_network_filters_by_type_weight_and_dates(client: TestClient) -> None:
    places = _json_island(client.get("/network", params={"type": "GPE"}).text, "network-data")
    assert isinstance(places, dict)
    targets = {e["target"] for e in places["edges"]}
    assert targets and all(n["type"] == "GPE" for n in places["nodes"] if n["id"] in targets)
    heavy = _json_island(client.get("/network", params={"min_weight": 2}).text, "network-data")
    assert isinstance(heavy, dict) and all(e["weight"] >= 2 for e in heavy["edges"])
    later = _json_island(
        client.get("/network", params={"since": "2016-03-16"}).text, "network-data"
    )
    assert isinstance(later, dict)
    names = {n["label"] for n in later["nodes"]}
    assert "Sergei Lavrov" in names  # quoted on 2016-03-16
    assert "Arkady Babchenko" not in names  # quoted only in the sample, on 2016-03-15
    bad = client.get("/network", params={"since": "last week"})
    assert bad.status_code == 400 and "2016-03-15" in bad.text


def test_an_edge_lists_the_statements_behind_it(client: TestClient) -> None:
    graph = _json_island(client.get("/network").text, "network-data")
    assert isinstance(graph, dict)
    edge = max(graph["edges"], key=lambda e: e["weight"])
    page = client.get(edge["href"])
    assert page.status_code == 200
    assert page.text.count("<tr>") - 1 == edge["weight"]  # one header row


def test_the_network_draws_who_does_what_to_whom_and_filters_by_edge_kind(
    client: TestClient,
) -> None:
    both = _json_island(client.get("/network").text, "network-data")
    acts = _json_island(client.get("/network", params={"kind": "events"}).text, "network-data")
    said = _json_island(client.get("/network", params={"kind": "statements"}).text, "network-data")
    assert isinstance(both, dict) and isinstance(acts, dict) and isinstance(said, dict)
    assert acts["edges"] and {e["kind"] for e in acts["edges"]} == {"events"}
    assert said["edges"] and {e["kind"] for e in said["edges"]} == {"statements"}
    assert len(both["edges"]) == len(acts["edges"]) + len(said["edges"])
    edge = max(acts["edges"], key=lambda e: e["weight"])
    page = client.get(edge["href"])
    assert page.status_code == 200 and "events with" in page.text
    assert page.text.count("<tr>") - 1 == edge["weight"]  # one header row
    assert client.get("/network", params={"kind": "rumours"}).status_code == 422


def test_the_quotes_explorer_filters_as_the_cli_does(client: TestClient) -> None:
    page = client.get("/quotes", params={"speaker": "Peskov", "since": "2016-03-16"})
    assert page.status_code == 200
    body = page.text[page.text.index("<tbody>") :]
    assert "Peskov" in body and "2016-03-15" not in body
    assert client.get("/quotes", params={"until": "15/03/2016"}).status_code == 400
    assert client.get("/quotes", params={"limit": 0}).status_code == 422


def _rows(html: str) -> int:
    return html.count("<tr>") - html.count("<thead>")


def test_the_events_explorer_filters_and_links_to_the_trigger(
    xss_corpus_file: Path, tmp_path: Path
) -> None:
    from sqlalchemy import delete

    from newsgraph.model import Article, Event, EventParty
    from newsgraph.store import open_store
    from newsgraph.store.schema import event_parties, events
    from newsgraph.store.write import store_article

    from tests.builders import at
    from tests.query.corpus import articles

    geneva = Article.from_dict(dict(articles())["geneva"].to_dict())
    geneva.text += "\n\nA copy with an event."
    assad = next(e.id for e in geneva.entities if e.name == "Bashar al-Assad")
    text = geneva.text
    geneva.events = [
        Event(
            "v1",
            "CONSULT",
            at(text, "attend"),
            at(text, text[text.index("Kremlin") : text.index("Geneva.") + 7]),
            actors=[EventParty(at(text, "Bashar al-Assad"), assad, "SYR", "GOV")],
        )
    ]
    db = tmp_path / "corpus.db"
    shutil.copy(xss_corpus_file, db)
    engine = open_store(str(db))
    with engine.begin() as conn:  # only the hand-made event: the test is not the coder's
        conn.execute(delete(event_parties))
        conn.execute(delete(events))
        _, article_id = store_article(conn, "event", geneva)
    engine.dispose()
    with TestClient(create_app(str(db))) as client:
        page = client.get("/events")
        assert _rows(page.text) == 1 and "CONSULT" in page.text
        assert f'href="/articles/{article_id}#ev0"' in page.text
        assert 'id="ev0"' in client.get(f"/articles/{article_id}").text
        assert _rows(client.get("/events", params={"actor": "Assad"}).text) == 1
        assert _rows(client.get("/events", params={"type": "consult"}).text) == 1
        assert _rows(client.get("/events", params={"actor": "Lavrov"}).text) == 0
        wrong = client.get("/events", params={"type": "PARTY"})
        assert wrong.status_code == 400 and "unknown event type" in wrong.text


def _export_links(html: str, table: str) -> dict[str, str]:
    links = _hrefs(html, f"/{table}/export.")
    return {re.split(r"[.?]", link)[1]: link.replace("&amp;", "&") for link in links}


def test_the_quotes_export_holds_exactly_the_filtered_quotes(client: TestClient) -> None:
    for filters in ({}, {"speaker": "Peskov"}, {"about": "Assad", "since": "2016-03-15"}):
        table = client.get("/quotes", params={**filters, "limit": 1000}).text
        links = _export_links(table, "quotes")
        assert set(links) == {"csv", "jsonl", "parquet"}
        shown = {
            q["id"]
            for q in client.get("/api/v1/quotes", params={**filters, "limit": 200}).json()["items"]
        }
        assert _rows(table) == len(shown)
        exported = client.get(links["csv"])
        assert exported.status_code == 200
        assert "quotes.csv" in exported.headers["content-disposition"]
        rows = list(csv.DictReader(io.StringIO(exported.text)))
        assert {int(r["id"]) for r in rows} == shown, filters
        assert {"content", "speaker", "article_id"} <= set(rows[0])
        lines = client.get(links["jsonl"]).text.splitlines()
        assert {json.loads(line)["id"] for line in lines} == shown
        parquet = pq.read_table(io.BytesIO(client.get(links["parquet"]).content))
        assert set(parquet.column("id").to_pylist()) == shown
    assert client.get("/quotes/export.xlsx").status_code == 404
    assert client.get("/quotes/export.gdelt").status_code == 404
    assert client.get("/quotes/export.csv", params={"since": "March"}).status_code == 400


def test_the_events_export_holds_exactly_the_filtered_events(client: TestClient) -> None:
    for filters in ({}, {"actor": "Putin"}, {"recipient": "SYR", "since": "2016-03-15"}):
        listed = client.get("/api/v1/events", params={**filters, "limit": 200}).json()["items"]
        shown = {(e["article_id"], e["seq"]) for e in listed}
        assert shown or not filters
        links = _export_links(client.get("/events", params=filters).text, "events")
        assert set(links) == {"csv", "jsonl", "parquet", "gdelt"}
        rows = list(csv.DictReader(io.StringIO(client.get(links["csv"]).text)))
        assert {(int(r["article_id"]), int(r["seq"])) for r in rows} == shown, filters
        gdelt = client.get(links["gdelt"])
        assert gdelt.headers["content-type"].startswith("text/tab-separated-values")
        events = {int(line.split("\t")[0]) // 1000 for line in gdelt.text.splitlines()}
        assert events == {a * 1000 + s for a, s in shown}  # GLOBALEVENTID holds both
    wrong = client.get("/events/export.csv", params={"type": "PARADE"})
    assert wrong.status_code == 400 and "unknown event type" in wrong.text


def test_analyse_shows_a_pasted_text_without_storing_it(client: TestClient) -> None:
    text = (
        "Ceasefire holds\n\nUN envoy Staffan de Mistura said on Friday that the truce was "
        'holding. "We are cautiously optimistic," he told reporters in Geneva.\n'
    )
    before = client.get("/").text
    page = client.post("/analyse", data={"text": text})
    assert page.status_code == 200
    assert "Not stored" in page.text and 'class="q ' in page.text
    assert client.get("/").text == before


def test_analyse_stores_an_upload_once_when_asked(writable_client: TestClient) -> None:
    sent = {"page": ("rferl.txt", SAMPLE.read_bytes(), "text/plain")}
    first = writable_client.post(
        "/analyse", files=sent, data={"store": "on"}, follow_redirects=False
    )
    assert first.status_code == 303
    again = writable_client.post(
        "/analyse", files=sent, data={"store": "on"}, follow_redirects=False
    )
    assert again.headers["location"] == first.headers["location"]
    assert "<strong>4</strong> articles" in writable_client.get("/").text


def test_a_stored_page_shows_at_once_on_pages_already_seen(writable_client: TestClient) -> None:
    assert "<strong>4</strong> articles" in writable_client.get("/").text
    before = _json_island(writable_client.get("/network").text, "network-data")
    text = (
        'Envoy in Damascus\n\n"Sergei Lavrov will travel to Damascus next week," '
        "Dmitry Peskov told reporters in Moscow.\n"
    )
    stored = writable_client.post("/analyse", data={"text": text, "store": "on"})
    assert stored.status_code == 200 and "Envoy in Damascus" in stored.text
    assert "<strong>5</strong> articles" in writable_client.get("/").text
    after = _json_island(writable_client.get("/network").text, "network-data")
    assert isinstance(before, dict) and isinstance(after, dict)
    assert after["edges"] != before["edges"]


def test_analyse_refuses_bad_uploads_with_a_clear_4xx(
    corpus_file: Path, client: TestClient
) -> None:
    empty = client.post("/analyse", data={"text": "   "})
    assert empty.status_code == 400 and "nothing to analyse" in empty.text
    broken = client.post(
        "/analyse",
        content=b'--xyz\r\nContent-Disposition: form-data; name="text"\r\n\r\nunterminated',
        headers={"content-type": "multipart/form-data; boundary=xyz"},
    )
    assert 400 <= broken.status_code < 500 and 'role="alert"' in broken.text
    noise = client.post("/analyse", files={"page": ("x.bin", bytes(range(32)) * 10, "text/plain")})
    assert noise.status_code == 422 and "could not analyse" in noise.text
    with TestClient(create_app(str(corpus_file), max_upload_bytes=1000)) as small:
        huge = small.post("/analyse", files={"page": ("big.html", b"a" * 1001, "text/html")})
        assert huge.status_code == 413 and "1,000 bytes" in huge.text
        pasted = small.post("/analyse", data={"text": "a" * 1001})
        assert pasted.status_code == 413


def test_an_empty_file_part_falls_back_to_the_pasted_text(client: TestClient) -> None:
    # what a browser sends when no file was chosen: a file part with no name and no bytes
    text = 'Truce\n\n"We are cautiously optimistic," UN envoy Staffan de Mistura said.\n'
    page = client.post("/analyse", data={"text": text}, files={"page": ("", b"", "text/plain")})
    assert page.status_code == 200 and "Not stored" in page.text


def test_article_text_is_never_markup_in_any_page(client: TestClient) -> None:
    xss = article_id(client, "Kremlin rejects claims")
    peskov = client.get("/entity", params={"name": "Peskov"}).url.path
    for path in (
        "/",
        "/search?q=Kremlin%20rejects",
        f"/articles/{xss}",
        "/quotes?speaker=Peskov",
        "/events",
        "/network",
        peskov,
    ):
        html = client.get(path).text
        for payload in (SCRIPT, ATTRIBUTE, IMAGE, "</style>"):
            assert payload not in html, (path, payload)
        assert 'href="javascript:' not in html
    article = client.get(f"/articles/{xss}").text
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in article


def test_a_wrong_page_request_is_an_error_page_and_the_api_stays_json(client: TestClient) -> None:
    for path, status in (("/no-such-page", 404), ("/quotes?limit=0", 422), ("/entities/x", 422)):
        page = client.get(path)
        assert page.status_code == status and 'role="alert"' in page.text, path
        assert page.headers["content-type"].startswith("text/html")
    assert client.get("/api/v1/no-such-route").json() == {"error": "Not Found"}
    assert "limit" in client.get("/api/v1/quotes", params={"limit": 0}).json()["error"]
