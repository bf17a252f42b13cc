"""What the pages work out before rendering: links that may be followed, snippets, timeline bars."""

from __future__ import annotations

from newsgraph.query.quotes import QuoteRow
from newsgraph.query.timeline import Role, TimelineEntry
from newsgraph.serve.views import bars, granularity, in_period, safe_url, snippet_parts


def _entry(role: Role, published: str | None) -> TimelineEntry:
    row = QuoteRow(
        1,
        1,
        "Putin",
        "Vladimir Putin",
        "said",
        "…",
        "direct",
        [],
        None,
        None,
        None,
        published,
        0,
        1,
    )
    return TimelineEntry(role, row)


def test_only_http_and_https_urls_become_links() -> None:
    assert safe_url("https://www.rferl.org/a/x.html") == "https://www.rferl.org/a/x.html"
    assert safe_url(" HTTP://example.org ") == "HTTP://example.org"
    for bad in ("javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "//x", "", None):
        assert safe_url(bad) is None


def test_snippets_split_into_matched_and_plain_words() -> None:
    assert snippet_parts("the [sanctions] are a [mistake]") == [
        ("the ", False),
        ("sanctions", True),
        (" are a ", False),
        ("mistake", True),
    ]
    assert snippet_parts("no match") == [("no match", False)]


def test_bars_count_each_role_per_week_and_leave_undated_out() -> None:
    entries = [
        _entry("said", "2016-03-15"),
        _entry("about", "2016-03-16T10:00:00"),
        _entry("said", "2016-03-21"),
        _entry("said", None),
    ]
    assert granularity(entries) == "week"
    found = bars(entries, "week")
    assert [(b.period, b.said, b.about) for b in found] == [("2016-W11", 1, 1), ("2016-W12", 1, 0)]
    assert len(in_period(entries, "2016-W12", "week")) == 1


def test_a_long_timeline_is_counted_by_month() -> None:
    entries = [_entry("said", "2015-01-05"), _entry("about", "2016-03-15")]
    assert granularity(entries) == "month"
    assert [b.period for b in bars(entries, "month")] == ["2015-01", "2016-03"]
