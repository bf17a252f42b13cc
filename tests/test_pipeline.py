"""The Python API: `newsgraph.analyze`."""

from __future__ import annotations

from collections.abc import Callable

import pytest

import newsgraph
from newsgraph.errors import InputError, TimeLimitError
from newsgraph.pipeline import time_limit
from newsgraph.schema import check_offsets

from tests.builders import NEWS_PARAGRAPHS as PARAGRAPHS
from tests.conftest import SAMPLE


def test_analyze_accepts_bytes_and_str_alike() -> None:
    raw = SAMPLE.read_bytes()
    from_bytes = newsgraph.analyze(raw, analysis=False)
    from_str = newsgraph.analyze(raw.decode("utf-8"), analysis=False)
    assert from_bytes.to_dict() == from_str.to_dict()
    assert from_bytes.source.input == "textdump"
    assert from_bytes.language == "en"


def test_published_is_given_or_marked_unknown() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    assert newsgraph.analyze(text, analysis=False).published_source == "unknown"
    given = newsgraph.analyze(text, published="2016-03-15", analysis=False)
    assert (given.published, given.published_source) == ("2016-03-15", "given")


def test_a_default_date_fills_in_only_where_the_page_and_its_location_give_none() -> None:
    text = "The minister said on Monday that talks would resume in Geneva next week."
    fallback = newsgraph.analyze(text, default_published="2016-03-15")
    assert (fallback.published, fallback.published_source) == ("2016-03-15", "given")
    assert [t.value for t in fallback.timexes if t.span.text == "Monday"] == ["2016-03-14"]
    dated = newsgraph.analyze(
        text, default_published="2016-03-15", url="https://example.org/2019/05/02/talks"
    )
    assert (dated.published, dated.published_source) == ("2019-05-02", "url")


def test_text_input_keeps_offsets_of_the_input() -> None:
    text = "A headline\n\nFirst paragraph, with a sentence.\n\nSecond paragraph ends here."
    article = newsgraph.analyze(text, input="text", analysis=False)
    assert article.text == text
    assert [article.text[b.start : b.end] for b in article.blocks] == text.split("\n\n")
    assert [b.kind for b in article.blocks] == ["title", "paragraph", "paragraph"]


def test_empty_input_is_an_error() -> None:
    with pytest.raises(InputError, match="empty"):
        newsgraph.analyze("  \n ")


def test_input_without_any_letters_is_an_error() -> None:
    with pytest.raises(InputError, match="no readable text"):
        newsgraph.analyze("\ufffd\ufffd --- ***")


def test_a_page_without_an_article_gets_a_warning() -> None:
    article = newsgraph.analyze("<html><body><nav>Home</nav></body></html>", analysis=False)
    assert article.warnings
    assert article.warnings[0].startswith(("no article body", "the article body is very short"))


def test_time_limit_stops_runaway_work() -> None:
    with pytest.raises(TimeLimitError), time_limit(0.05):
        while True:
            pass


def test_the_time_limit_is_not_swallowed_by_the_html_extractor() -> None:
    page = "<html><body>" + "<span>x</span>" * 100_000 + "</body></html>"  # 30 s of extraction
    with pytest.raises(TimeLimitError, match=r"gave up after the 0\.5 s time limit"):
        newsgraph.analyze(page, analysis=False, time_limit_s=0.5)


# what scraped text keeps where an embed, an ad or a layout tag stood
SLOTS = {
    "embed": '<tweet tweet-id="785842546878578688"><tweet/>',
    "template": "{{ad}}\n\n<!-- ad -->\n\n[embed]",
    "br": "<br>",
    "nbsp": "&nbsp;",
}
MARKDOWN = [f"**{p[:12]}**{p[12:]}" for p in PARAGRAPHS[:2]] + [f"> {PARAGRAPHS[2]}", PARAGRAPHS[3]]


def _as_text(paragraphs: list[str], slot: str) -> str:
    return "Council backs transport budget\n\n" + f"\n\n{slot}\n\n".join(paragraphs)


def _as_dump(paragraphs: list[str], slot: str) -> str:
    menu = "Skip to content\nHome\nNews\nSport\nWeather\nSearch\n\n"
    footer = "\n\nShare this\nFacebook\nTwitter\n\n© 2021 The Gazette\nPrivacy policy\nContact us"
    return menu + _as_text(paragraphs, slot) + footer


def _as_html(paragraphs: list[str], slot: str) -> str:
    body = f"\n{slot}\n".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        "<!DOCTYPE html><html><head><title>Council backs transport budget</title></head><body>"
        "<nav><ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a></li></ul></nav>"
        f"<article><h1>Council backs transport budget</h1>{body}</article>"
        "<footer><p>© 2021 The Gazette</p></footer></body></html>"
    )


@pytest.mark.parametrize("form", [_as_text, _as_dump, _as_html])
@pytest.mark.parametrize(
    ("paragraphs", "slot"),
    [(PARAGRAPHS, slot) for slot in SLOTS.values()] + [(MARKDOWN, "")],
    ids=[*SLOTS, "markdown"],
)
def test_stray_markup_never_loses_the_article(
    form: Callable[[list[str], str], str], paragraphs: list[str], slot: str
) -> None:
    article = newsgraph.analyze(form(paragraphs, slot), analysis=False)
    for paragraph in paragraphs:
        assert paragraph in article.body
    assert check_offsets(article.to_dict()) == []


def test_many_embeds_in_plain_text_keep_it_text() -> None:
    text = _as_text(PARAGRAPHS * 2, SLOTS["embed"])  # seven embeds: fourteen tags
    article = newsgraph.analyze(text, analysis=False)
    assert article.source.input == "text"
    assert article.text == text
    assert article.body == "\n\n".join(PARAGRAPHS * 2)


def test_plain_text_given_as_html_is_read_as_text() -> None:
    article = newsgraph.analyze(_as_text(PARAGRAPHS, SLOTS["embed"]), input="html", analysis=False)
    assert article.body == "\n\n".join(PARAGRAPHS)
    assert article.warnings == ["read as clean text: the HTML reading found no body"]


def test_html_nested_300_deep_keeps_its_body() -> None:
    page = "<html><body>" + "<div>" * 300 + _as_html(PARAGRAPHS, "") + "</div>" * 300
    article = newsgraph.analyze(page, analysis=False)
    for paragraph in PARAGRAPHS:
        assert paragraph in article.body
    assert article.warnings == ["read as a text dump: the HTML reading found no body"]


CHINESE = [
    "市议会周二投票批准了一项新预算，未来两年公共交通支出将增加百分之十二。",
    "反对者表示，这笔钱最好用于修复道路，他们说经过漫长而寒冷的冬天，道路状况十分危险。",
    "市长自当选以来一直支持这项计划，她说预计第一条新有轨电车线路将于春季开工。",
]


@pytest.mark.parametrize("form", [_as_text, _as_html])
def test_a_chinese_article_is_not_called_short(form: Callable[[list[str], str], str]) -> None:
    article = newsgraph.analyze(form(CHINESE, ""), analysis=False)
    for paragraph in CHINESE:
        assert paragraph in article.body
    assert article.warnings == []
