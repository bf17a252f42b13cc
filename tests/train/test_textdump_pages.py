"""The rendered training pages must have bodies we can trust: the old body gone,
the new one in its place, the page's own furniture kept around it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

pytest.importorskip("playwright", reason="the page renderer needs the dev extra (playwright)")
pytest.importorskip("sklearn", reason="the training scripts need the dev extra (scikit-learn)")
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "train"))

import lxml.html
from textdump import held_out_folds, prepare, site_folds, site_of
from textdump_pages import body_lines, body_slots, place, polnear_body, transplant

OLD = [
    "The old article's first paragraph talks about a harbour bridge and its cracked piers.",
    "Its second paragraph says the repairs will take eight months and cost a lot of money.",
    "A third paragraph quotes the mayor, who promises that lorries will find another way.",
]
PAGE = f"""<html><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<h1>Council shuts harbour bridge to lorries</h1>
<article>
<p>{OLD[0]}</p>
<figure><figcaption>The bridge at dawn, seen from the north bank.</figcaption></figure>
<p>{OLD[1]}</p>
<h2>What comes next</h2>
<p>{OLD[2]}</p>
</article>
<footer>Privacy policy</footer>
</body></html>"""
TRUTH = "\n".join([OLD[0], OLD[1], "What comes next", OLD[2]])
NEW = [
    "Senators met on Monday to debate the new farm bill, which has stalled for a year.",
    "The bill would raise support for small growers and cut payments to the largest farms.",
    "Supporters said a vote could come before the recess; opponents promised a long fight.",
    "Lobbyists on both sides spent the weekend calling offices across the capital city.",
]
ARTICLE = "Farm bill returns to the Senate\nFULL TEXT.\n" + "\n".join(NEW)


def _texts(html: str, tag: str) -> list[str]:
    root = lxml.html.document_fromstring(html)
    return [el.text_content().strip() for el in root.iter(tag)]


def test_the_new_body_replaces_the_old_in_place() -> None:
    page = transplant(PAGE, TRUTH, ARTICLE)
    assert page is not None
    assert _texts(page, "p") == NEW
    for old in (*OLD, "What comes next", "FULL TEXT."):
        assert old not in page
    assert _texts(page, "h1") == ["Farm bill returns to the Senate"]
    root = lxml.html.document_fromstring(page)
    # the furniture between the old paragraphs stays between the new ones
    order = [el.tag for el in root.find(".//article")]
    assert order[:3] == ["p", "figure", "p"]
    assert "Privacy policy" in page and "World" in page


def test_a_shorter_article_drops_the_spare_slots() -> None:
    page = transplant(PAGE, TRUTH, "Headline only here\n" + NEW[0])
    assert page is not None
    assert _texts(page, "p") == [NEW[0]]


def test_a_page_whose_body_is_not_in_its_markup_is_refused() -> None:
    assert transplant(PAGE, "A body this page does not contain at all.", ARTICLE) is None


def test_slots_are_the_deepest_elements_holding_a_body_line() -> None:
    root = lxml.html.document_fromstring(f"<div><div><p>{OLD[0]}</p></div></div>")
    assert [el.tag for el in body_slots(root, OLD[0])] == ["p"]


def test_section_labels_are_not_body() -> None:
    title, paragraphs = polnear_body(ARTICLE)
    assert title == "Farm bill returns to the Senate"
    assert paragraphs == NEW


def test_site_folds_keep_each_site_whole() -> None:
    sites = {f"p{i}": site_of(f"https://www.site{i % 7}.example/story/{i}") for i in range(30)}
    folds = site_folds(sites, 5, seed=1)
    assert sorted(p for fold in folds for p in fold) == sorted(sites)
    for fold in folds:
        held = {sites[p] for p in fold}
        assert all(sites[p] not in held for other in folds if other is not fold for p in other)
    assert site_of("https://www.Example.com/a") == "example.com"


def test_another_sites_real_body_keeps_its_headings_and_short_lines() -> None:
    real = ["A short opening line.", "Ingredients", "- two eggs", "- a cup of flour", NEW[0]]
    page = place(PAGE, TRUTH, body_lines("\n".join(real) + "\n\n"))
    assert page is not None
    assert _texts(page, "p") == real
    for old in (*OLD, "What comes next"):
        assert old not in page
    # the page keeps its own headline when the new body brings none
    assert _texts(page, "h1") == ["Council shuts harbour bridge to lorries"]


def test_a_page_is_held_out_when_its_template_or_its_body_is() -> None:
    text = "Menu\n\n" + "\n\n".join(NEW)
    body = "\n".join(NEW)
    dev = {pid: prepare(text, body, pid) for pid in ("a", "b", "c")}
    extra = {
        "b-in-a": prepare(text, body, "a", body_of="b"),
        "c-in-a": prepare(text, body, "a", body_of="c"),
        "a-rerendered": prepare(text, body, "a"),
    }
    pages = dict.fromkeys(dev, text)
    ((train, test, *_),) = held_out_folds([["b"]], dev, extra, pages, seed=1)
    assert list(test) == ["b"]
    kept = {name for name, doc in {**dev, **extra}.items() if any(doc is t for t in train)}
    assert kept == {"a", "c", "c-in-a", "a-rerendered"}
