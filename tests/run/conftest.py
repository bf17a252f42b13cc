"""A small folder of pages that both engines ingest: text, HTML, JSONL, a duplicate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

STORY = (
    "Mayor Anna Keller said on Tuesday that the bridge over the Elbe would reopen in May. "
    '"We have waited long enough," Keller told reporters in Dresden. '
    "The repairs cost 12 million euros, according to the city council.\n\n"
    "Opposition leader Tom Braun said the works had been badly planned. "
    '"The city ignored every warning," he said.\n'
)
HTML = (
    "<html><head><title>Port strike ends</title></head><body><article>"
    "<h1>Port strike ends</h1>"
    "<p>Dock workers in Hamburg ended a three-day strike on Monday, the union said.</p>"
    "<p>&ldquo;This is a fair deal,&rdquo; said union chief Maria Vogel. "
    "The port handled 8 million containers last year.</p>"
    "</article></body></html>"
)
JSONL_RECORDS = [
    {
        "url": "https://example.org/rates",
        "published": "2024-03-01",
        "text": "The central bank raised rates by 0.25 percentage points on Thursday. "
        '"Inflation is still too high," governor Paul Weber said in Frankfurt.',
    },
    {"url": "https://example.org/empty", "html": "<html><body></body></html>"},
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Four files, six inputs: a story, an HTML page in a subfolder, two JSONL lines (one
    with no body) and an exact copy of the story."""
    folder = tmp_path_factory.mktemp("pages")
    (folder / "a-bridge.txt").write_text(STORY, encoding="utf-8")
    (folder / "news").mkdir()
    (folder / "news" / "port.html").write_text(HTML, encoding="utf-8")
    lines = "".join(json.dumps(record) + "\n" for record in JSONL_RECORDS)
    (folder / "feed.jsonl").write_text(lines, encoding="utf-8")
    (folder / "z-copy.txt").write_text(STORY, encoding="utf-8")
    return folder
