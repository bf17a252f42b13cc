from __future__ import annotations

import pytest

from newsgraph.clean.readings import read_best, strip_tags
from newsgraph.eval.extraction import read_split_page
from newsgraph.model import Article, InputKind, Source
from newsgraph.schema import check_offsets

from tests.builders import NEWS_PARAGRAPHS
from tests.conftest import shared_path

PARAGRAPHS = NEWS_PARAGRAPHS[:3]
EMBED = '<tweet tweet-id="785842546878578688"><tweet/>'


def _read(text: str, kind: InputKind) -> Article:
    return read_best(text, kind, Source(input=kind))


def _assert_whole_body(article: Article) -> None:
    for paragraph in PARAGRAPHS:
        assert paragraph in article.body
    assert check_offsets(article.to_dict()) == []


def test_plain_text_with_embeds_read_as_html_falls_back_to_its_text() -> None:
    text = "Council backs transport budget\n\n" + f"\n\n{EMBED}\n\n".join(PARAGRAPHS)
    article = _read(text, "html")
    _assert_whole_body(article)
    assert EMBED not in article.text
    assert article.source.input == "text"
    assert article.warnings == ["read as clean text: the HTML reading found no body"]


def test_html_nested_past_the_parser_depth_limit_keeps_its_body() -> None:
    body = "<h1>Council backs transport budget</h1>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    page = (
        "<!DOCTYPE html><html><head><meta property='article:published_time' "
        f"content='2021-03-04'></head><body>{'<div>' * 300}{body}{'</div>' * 300}</body></html>"
    )
    article = _read(page, "html")
    _assert_whole_body(article)
    assert article.warnings and article.warnings[0].endswith("the HTML reading found no body")
    assert article.published == "2021-03-04"  # the page's metadata survives the fallback


def test_a_page_with_no_prose_is_not_read_again() -> None:
    page = "<html><body><nav><li><a href='/'>Home</a><li>Sport and weather</nav></body></html>"
    article = _read(page, "html")
    assert article.source.input == "html"
    assert article.warnings == []


def test_a_text_dump_reading_that_finds_nothing_falls_back_to_clean_text() -> None:
    # three paragraphs between menu lines, with no blank lines: the line model finds no body
    text = "\n".join(["Menu", "Home", "News", *PARAGRAPHS, "Contact", "Privacy"])
    article = _read(text, "textdump")
    _assert_whole_body(article)


def test_a_short_article_is_not_swapped_for_the_comments_below_it() -> None:
    comments = "".join(f"<div class='comment'><p>Comment: {p}</p></div>" for p in PARAGRAPHS)
    page = (
        "<!DOCTYPE html><html><head><title>Budget approved</title></head><body>"
        "<nav><ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a></li></ul></nav>"
        "<article><h1>Budget approved</h1><p>The council approved the budget on Tuesday, "
        "by nine votes to two.</p></article>"
        f"<section class='comments'><h2>Comments</h2>{comments}</section></body></html>"
    )
    article = _read(page, "html")
    assert article.body == "The council approved the budget on Tuesday, by nine votes to two."
    assert article.source.input == "html"


def test_strip_tags_lays_text_out_as_a_browser_does() -> None:
    markup = (
        "<html><head><style>p {color: red}</style><script>var a = '<p>x</p>';</script></head>"
        "<body><nav><li><a href='/'>Home</a><li><a href='/news'>News</a></nav><!-- ad -->"
        "<p>One <b>bold</b> word&nbsp;and <a href='#'>a link</a>.</p><p>Two<br>lines</p>"
        "</body></html>"
    )
    assert strip_tags(markup) == "Home\nNews\n\nOne bold word and a link.\n\nTwo\nlines"


@pytest.mark.parametrize("kind", ["html", "textdump"])
def test_real_pages_keep_their_own_reading(kind: InputKind) -> None:
    data = shared_path("data", "extraction-dev")
    ids = (data / "ids.txt").read_text(encoding="utf-8").split()[:15]
    for page_id in ids:
        article = _read(read_split_page(data, page_id, kind), kind)
        assert article.source.input == kind, page_id
        assert article.warnings == [], page_id
