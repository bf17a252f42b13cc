"""The app as a whole and `newsgraph serve`: the token rule, no CORS, errors, the command."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from newsgraph.serve import api
from newsgraph.serve.app import create_app

from tests.conftest import newsgraph
from tests.query.corpus import build

TOKEN = "s3cret-token"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("serve") / "corpus.db")
    build(db).dispose()
    return db


@pytest.fixture
def guarded(corpus: str) -> Iterator[TestClient]:
    with TestClient(create_app(corpus, token=TOKEN)) as client:
        yield client


@pytest.mark.parametrize("path", ["/api/v1/stats", "/", "/docs", "/openapi.json"])
def test_with_a_token_every_request_needs_it(guarded: TestClient, path: str) -> None:
    bare = guarded.get(path)
    assert bare.status_code == 401 and "token" in bare.json()["error"]
    assert bare.headers["www-authenticate"] == "Bearer"
    wrong = guarded.get(path, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401
    right = guarded.get(path, headers={"Authorization": f"Bearer {TOKEN}"})
    assert right.status_code != 401


def test_login_sets_a_cookie_that_browsers_then_send(guarded: TestClient) -> None:
    refused = guarded.get("/login", params={"token": "nope"}, follow_redirects=False)
    assert refused.status_code == 401 and "token" not in guarded.cookies
    login = guarded.get("/login", params={"token": TOKEN}, follow_redirects=False)
    assert login.status_code == 303 and login.headers["location"] == "/"
    cookie = login.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie
    assert guarded.get("/api/v1/stats").status_code == 200  # the client keeps the cookie


def test_no_cors_headers(corpus: str) -> None:
    with TestClient(create_app(corpus)) as client:
        origin = {"Origin": "https://elsewhere.example"}
        response = client.get("/api/v1/stats", headers=origin)
        assert response.status_code == 200
        assert "access-control-allow-origin" not in response.headers
        preflight = client.options(
            "/api/v1/ingest", headers={**origin, "Access-Control-Request-Method": "POST"}
        )
        assert "access-control-allow-origin" not in preflight.headers


def test_the_api_is_documented(corpus: str) -> None:
    with TestClient(create_app(corpus)) as client:
        paths = client.get("/openapi.json").json()["paths"]
        for route in ("articles", "articles/{article_id}", "quotes", "entities", "stats"):
            assert f"/api/v1/{route}" in paths
        assert "multipart/form-data" in paths["/api/v1/analyze"]["post"]["requestBody"]["content"]
        assert client.get("/docs").status_code == 200


def test_errors_are_one_line_json(corpus: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with TestClient(create_app(corpus), raise_server_exceptions=False) as client:
        assert client.get("/api/v1/nothing-here").json() == {"error": "Not Found"}

        def broken(*args: object, **kwargs: object) -> None:
            raise RuntimeError("secret internals")

        monkeypatch.setattr(api, "overview", broken)
        response = client.get("/api/v1/stats")
        assert response.status_code == 500
        assert response.json() == {"error": "internal error (see the server's log)"}


def test_a_corpus_gone_while_serving_is_a_503(tmp_path: Path) -> None:
    db = tmp_path / "corpus.db"
    build(str(db)).dispose()
    with TestClient(create_app(str(db))) as client:
        assert client.get("/api/v1/stats").status_code == 200
        client.app.state.engine.dispose()  # type: ignore[attr-defined]
        for path in tmp_path.iterdir():
            path.unlink()
        response = client.get("/api/v1/stats")
        assert response.status_code == 503 and str(db) in response.json()["error"]


def test_serve_refuses_an_open_address_without_a_token(corpus: str) -> None:
    run = newsgraph("serve", "--db", corpus, "--host", "0.0.0.0")
    assert run.returncode == 2
    assert run.stderr.strip().splitlines() == [
        "newsgraph: error: refusing to serve on 0.0.0.0 without --token: anyone who can reach "
        "it could"
    ]


def test_serve_without_a_corpus_says_so_as_queries_do(tmp_path: Path) -> None:
    missing = str(tmp_path / "none.db")
    served, queried = newsgraph("serve", "--db", missing), newsgraph("quotes", "--db", missing)
    assert served.returncode == queried.returncode == 2
    assert served.stderr == queried.stderr and "no corpus at" in served.stderr
    assert not Path(missing).exists()


def test_serve_answers_on_the_url_it_prints(corpus: str) -> None:
    server = subprocess.Popen(
        [sys.executable, "-m", "newsgraph", "serve", "--db", corpus, "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        line = server.stdout.readline()
        url = re.search(r"http://127\.0\.0\.1:\d+/", line)
        assert url, line
        stats = httpx.get(url.group(0) + "api/v1/stats", timeout=30).json()
        assert stats["articles"] == 3
        busy = newsgraph("serve", "--db", corpus, "--port", url.group(0).rsplit(":", 1)[1][:-1])
        assert busy.returncode == 1 and "cannot serve on 127.0.0.1:" in busy.stderr
    finally:
        server.terminate()
        server.wait(timeout=30)
