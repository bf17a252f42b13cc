"""The Python API: `newsgraph.analyze`."""

from __future__ import annotations

import pytest

import newsgraph
from newsgraph.errors import InputError, TimeLimitError
from newsgraph.pipeline import time_limit

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
