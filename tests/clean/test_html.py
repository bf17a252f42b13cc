from __future__ import annotations

import gzip
import importlib.util
import json
from pathlib import Path

import pytest

from newsgraph.clean.assemble import assemble
from newsgraph.clean.html import clean_html, split_authors
from newsgraph.eval.extraction import load_truth, score_pages
from newsgraph.model import Author, Page, Source
from newsgraph.read.decode import decode_bytes

from tests.conftest import shared_path

# F1 on ../shared/data/extraction-dev is 0.990 (trafilatura, favor_precision: 0.976)
F1_FLOOR = 0.985
PRECISION_FLOOR = 0.985
RECALL_FLOOR = 0.985

FILLER = (
    "The committee met for three hours on Tuesday and heard evidence from residents, "
    "engineers and the council's own planning officers about the proposed bridge. "
)


def _page(article: str, head: str = "") -> str:
    return (
        "<!DOCTYPE html><html lang='en-GB'><head><meta charset='utf-8'>"
        f"<title>Bridge plan approved | The Gazette</title>{head}</head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/sport'>Sport</a></nav>"
        f"<article>{article}</article>"
        "<footer><p>Contact us</p><p>Privacy policy</p></footer></body></html>"
    )


ARTICLE = (
    "<h1>Bridge plan approved</h1>"
    "<p class='byline'>By Ana Lima and Tom Reed</p>"
    "<figure><img src='bridge.jpg'><figcaption>The old bridge at dusk.</figcaption></figure>"
    f"<p>First: the council approved the plan. {FILLER * 2}</p>"
    "<h2>What happens next</h2>"
    f"<p>Second: work starts in spring. {FILLER * 2}</p>"
    "<ul><li>Phase one closes the east lane for a month.</li>"
    "<li>Phase two closes the west lane for a month.</li></ul>"
    f"<p>Third: the bridge reopens in autumn. {FILLER * 2}</p>"
    "<p>Read more: Council budget approved after long debate</p>"
    "<p>Sign up for our morning newsletter and get the news in your inbox.</p>"
)
HEAD = (
    "<meta property='og:title' content='Bridge plan approved'>"
    "<meta property='og:site_name' content='The Gazette'>"
    "<meta name='author' content='Ana Lima and Tom Reed'>"
    "<meta property='article:published_time' content='2021-03-04T09:30:00+00:00'>"
    "<link rel='canonical' href='https://gazette.example/bridge-plan'>"
)


def _kinds(page: Page) -> list[tuple[str, str]]:
    return [(kind, text.split(":")[0] if ":" in text[:10] else text) for kind, text in page.parts]


def test_parts_come_in_reading_order_with_their_kinds() -> None:
    page = clean_html(_page(ARTICLE, HEAD), "https://gazette.example/bridge-plan?ref=home")
    assert _kinds(page) == [
        ("title", "Bridge plan approved"),
        ("caption", "The old bridge at dusk."),
        ("paragraph", "First"),
        ("heading", "What happens next"),
        ("paragraph", "Second"),
        ("paragraph", "Phase one closes the east lane for a month."),
        ("paragraph", "Phase two closes the west lane for a month."),
        ("paragraph", "Third"),
    ]


def test_metadata() -> None:
    page = clean_html(_page(ARTICLE, HEAD), "https://gazette.example/bridge-plan?ref=home")
    assert page.title == "Bridge plan approved"
    assert page.authors == [Author("Ana Lima"), Author("Tom Reed")]
    assert (page.published, page.published_source) == ("2021-03-04", "html-meta")
    assert page.site == "The Gazette"
    assert page.language == "en-GB"
    assert page.url == "https://gazette.example/bridge-plan"


def test_what_was_cut_is_recorded() -> None:
    removed = {(r.kind, r.text) for r in clean_html(_page(ARTICLE, HEAD)).removed}
    assert ("navigation", "Read more: Council budget approved after long debate") in removed
    assert (
        "notice",
        "Sign up for our morning newsletter and get the news in your inbox.",
    ) in removed
    assert any(kind == "byline" for kind, _ in removed)


def test_the_body_is_headings_and_paragraphs_only() -> None:
    body = assemble(clean_html(_page(ARTICLE, HEAD)), Source("html")).body
    assert body.startswith("First: the council approved the plan.")
    assert "What happens next" in body
    assert "dusk" not in body
    assert "Bridge plan approved" not in body


def test_a_body_split_across_containers_is_joined() -> None:
    chunk = "<div class='body-chunk'>{}</div><div class='ad'>Advertisement</div>"
    first = "".join(f"<p>Part one, paragraph {n}. {FILLER}</p>" for n in range(3))
    second = "".join(f"<p>Part two, paragraph {n}. {FILLER}</p>" for n in range(3))
    rows = "".join(f"<div class='row'>{chunk.format(part)}</div>" for part in (first, second))
    article = f"<h1>Bridge plan approved</h1><div class='rows'>{rows}</div>"
    paragraphs = [text for kind, text in clean_html(_page(article)).parts if kind == "paragraph"]
    assert [p.split(".")[0] for p in paragraphs] == [
        f"Part {part}, paragraph {n}" for part in ("one", "two") for n in range(3)
    ]


def test_a_page_without_an_article_gives_little_more_than_its_title() -> None:
    shop = (
        "<html lang='en'><head><title>Shop</title></head><body><header><nav><ul>"
        "<li><a href='/'>Home</a></li><li><a href='/about'>About us</a></li></ul></nav></header>"
        "<main><a href='/p1'><img src='1.jpg'>Product one</a>"
        "<a href='/p2'><img src='2.jpg'>Product two</a></main>"
        "<footer>© 2024 Shop Ltd. All rights reserved.</footer></body></html>"
    )
    page = clean_html(shop)
    assert page.parts[0] == ("title", "Shop")
    # trafilatura may keep the link texts of <main>; the caller warns on such a thin body
    assert len(assemble(page, Source("html")).body.split()) < 10
    assert page.language == "en"


@pytest.mark.parametrize(
    "html",
    [
        "",
        "   ",
        "<html><body></body></html>",
        "<html><head><title>Only a title</title></head><body> </body></html>",
        "just some words, not HTML",
        "<<<>>>&&&<!-- <p",
        "<html><body><p>Unclosed <b>bold <i>and <div>block</p></span></body>",
        "\x00\x01\x02 binary-ish \ufffd\ufffd",
        "<html><body>" + "<div>" * 100_000 + "<p>deep</p>" + "</div>" * 100_000 + "</body></html>",
        "<html><body>" + "<table><tr><td>" * 5_000 + "cell" + "</body></html>",
    ],
)
def test_malformed_input_never_crashes(html: str) -> None:
    page = clean_html(html)
    assert isinstance(page, Page)
    assemble(page, Source("html"))


def test_authors_are_split() -> None:
    assert split_authors("Ana Lima and Tom Reed") == [Author("Ana Lima"), Author("Tom Reed")]
    assert split_authors("Ana Lima, Tom Reed; Kim Ito") == [
        Author("Ana Lima"),
        Author("Tom Reed"),
        Author("Kim Ito"),
    ]
    assert split_authors("Ilana Muhlstein, MS, RDN") == [Author("Ilana Muhlstein")]
    assert split_authors(None) == []


def test_accuracy_on_the_dev_split() -> None:
    data = shared_path("data", "extraction-dev")
    truth = load_truth(data)
    urls = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    pred = {i: _body(data / "html" / f"{i}.html.gz", urls[i].get("url")) for i in truth}
    scores = score_pages(truth, pred)
    assert scores["f1"] >= F1_FLOOR
    assert scores["precision"] >= PRECISION_FLOOR
    assert scores["recall"] >= RECALL_FLOOR
    _agrees_with_reference_scorer(truth, pred, scores)


def _body(path: Path, url: str | None) -> str:
    html = decode_bytes(gzip.decompress(path.read_bytes()))
    return assemble(clean_html(html, url), Source("html")).body


def _agrees_with_reference_scorer(
    truth: dict[str, str], pred: dict[str, str], scores: dict[str, float]
) -> None:
    """Our copy of the metric gives the reference scorer's numbers on the same output."""
    spec = importlib.util.spec_from_file_location(
        "score_extraction", shared_path("eval", "score_extraction.py")
    )
    assert spec is not None and spec.loader is not None
    reference = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(reference)
    expected, _ = reference.evaluate(
        {i: {"articleBody": t} for i, t in truth.items()},
        {i: {"text": t} for i, t in pred.items()},
        n_bootstrap=0,
    )
    for name in ("f1", "precision", "recall"):
        assert scores[name] == pytest.approx(expected[name], abs=1e-12)
