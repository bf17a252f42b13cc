from __future__ import annotations

import newsgraph
from newsgraph.clean.published import date_from_location


def test_dates_in_urls_and_paths() -> None:
    assert date_from_location("https://www.example.com/2016/03/15/putin-pullout") == "2016-03-15"
    assert date_from_location("polnear/text/breitbart_2015-11-11_the-ninth.txt") == "2015-11-11"
    assert date_from_location("https://example.com/story/12345") is None
    assert date_from_location("https://example.com/2016/02/31/not-a-day") is None
    assert date_from_location(None) is None


def test_the_page_date_wins_and_a_path_date_is_used_last() -> None:
    text = "Talks resume\n\nThe minister said on Monday that talks would resume in Geneva."
    article = newsgraph.analyze(
        text, input="text", path="news/2016-03-15-talks.txt", analysis=False
    )
    assert (article.published, article.published_source) == ("2016-03-15", "path")
    given = newsgraph.analyze(
        text, input="text", path="news/2016-03-15-talks.txt", published="2016-03-16", analysis=False
    )
    assert given.published_source == "given"
