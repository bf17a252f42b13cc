"""What the pages work out before rendering: links that may be followed, snippets, timeline bars."""

from __future__ import annotations

from datetime import date

from newsgraph.serve.views import Day, bars, granularity, period_bounds, safe_url, snippet_parts


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


def test_bars_sum_each_role_per_week_and_leave_undated_out() -> None:
    days: list[Day] = [
        ("", "said", 4),
        ("", "actor", 2),
        ("2016-03-15", "said", 2),
        ("2016-03-16", "about", 1),
        ("2016-03-16", "actor", 3),
        ("2016-03-20", "recipient", 1),
        ("2016-03-21", "said", 1),
        ("2016-03-28", "recipient", 2),
    ]
    assert granularity(days) == "week"
    found = bars(days, "week")
    assert [(b.period, b.said, b.about, b.actor, b.recipient) for b in found] == [
        ("2016-W11", 2, 1, 3, 1),
        ("2016-W12", 1, 0, 0, 0),
        ("2016-W13", 0, 0, 0, 2),  # a week of events alone is a bar too
    ]


def test_a_long_timeline_is_counted_by_month() -> None:
    days: list[Day] = [("2015-01-05", "actor", 1), ("2016-03-15", "about", 3)]
    assert granularity(days) == "month"
    assert [b.period for b in bars(days, "month")] == ["2015-01", "2016-03"]


def test_a_period_label_gives_its_first_and_last_day() -> None:
    assert period_bounds("2016-W11") == (date(2016, 3, 14), date(2016, 3, 20))
    assert period_bounds("2016-02") == (date(2016, 2, 1), date(2016, 2, 29))
    assert period_bounds("2016-12") == (date(2016, 12, 1), date(2016, 12, 31))
    for bad in ("2016-W99", "2016-13", "last week", "2016"):
        assert period_bounds(bad) is None
