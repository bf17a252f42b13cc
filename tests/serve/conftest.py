"""A corpus for the serve tests: the query tests' articles, and a page full of XSS payloads.

Built once per session in a SQLite file; the app opens it read-only, and the
tests that store something copy it first.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsgraph.model import Article
from newsgraph.serve.app import create_app
from newsgraph.store import open_store
from newsgraph.store.write import store_article

from tests.query.corpus import build

# Each payload sets window.__xss if it ever runs as script in a page.
SCRIPT = "<script>window.__xss=1</script>"
ATTRIBUTE = '" onmouseover="window.__xss=1" x="'
STYLE = "</style><script>window.__xss=1</script>"
IMAGE = "<img src=x onerror=window.__xss=1>"
XSS_URL = "javascript:window.__xss=1"
XSS_PAGE = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8">
<title>Kremlin {SCRIPT} rejects {ATTRIBUTE} claims</title>
<meta property="og:url" content="{XSS_URL}">
<link rel="canonical" href="{XSS_URL}">
<meta name="author" content="Ivan {IMAGE} Petrov">
<meta property="article:published_time" content="2016-03-16">
</head><body><article>
<h1>Kremlin {SCRIPT.replace("<", "&lt;")} rejects {ATTRIBUTE.replace('"', "&quot;")} claims</h1>
<p class="byline">By Ivan {IMAGE.replace("<", "&lt;")} Petrov</p>
<p>Kremlin spokesman Dmitry Peskov said on Tuesday that the claims about Syria were false
and that Moscow {STYLE.replace("<", "&lt;")} would not comment further on the reports.</p>
<p>"We have nothing to add {SCRIPT.replace("<", "&lt;")} to what was said," Peskov told
reporters in Moscow, adding that Vladimir Putin had been briefed on the matter.</p>
<p>Foreign Minister Sergei Lavrov said the talks in Geneva would go ahead as planned and that
the delegation {ATTRIBUTE.replace('"', "&quot;")} would arrive on Monday with 12 experts.</p>
<p>"The {IMAGE.replace("<", "&lt;")} talks will go ahead," Lavrov said. Officials in Damascus
did not respond to requests for comment, and a spokesman for the opposition declined to say
whether the opposition delegation would attend the meeting.</p>
</article></body></html>
"""


@cache
def xss_article() -> Article:
    from newsgraph.pipeline import analyze

    return analyze(XSS_PAGE.encode("utf-8"), url=XSS_URL, path="xss.html")


def store_xss(db: Path) -> None:
    """Add the XSS page (read from its `javascript:` URL) to the corpus in `db`."""
    engine = open_store(str(db))
    with engine.begin() as conn:
        store_article(conn, "xss", xss_article())
    engine.dispose()


@pytest.fixture(scope="session")
def corpus_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The query tests' corpus (the sample and two made-up articles), stored once."""
    path = tmp_path_factory.mktemp("serve") / "corpus.db"
    build(str(path)).dispose()
    return path


@pytest.fixture(scope="session")
def xss_corpus_file(corpus_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same corpus with the XSS page stored too."""
    path = tmp_path_factory.mktemp("serve-xss") / "corpus.db"
    shutil.copy(corpus_file, path)
    store_xss(path)
    return path


@pytest.fixture(scope="session")
def client(xss_corpus_file: Path) -> Iterator[TestClient]:
    """The app over the corpus with the XSS page (read-only)."""
    with TestClient(create_app(str(xss_corpus_file))) as test_client:
        yield test_client


@pytest.fixture
def writable_client(xss_corpus_file: Path, tmp_path: Path) -> Iterator[TestClient]:
    """The app over a copy of that corpus, for tests that store something."""
    copy = tmp_path / "corpus.db"
    shutil.copy(xss_corpus_file, copy)
    with TestClient(create_app(str(copy))) as test_client:
        yield test_client


def article_id(client: TestClient, title_words: str) -> int:
    """The id of the stored article whose title holds `title_words` (via the search page)."""
    found = client.get("/search", params={"q": title_words})
    marker = 'href="/articles/'
    start = found.text.index(marker) + len(marker)
    return int(found.text[start : found.text.index('"', start)])
