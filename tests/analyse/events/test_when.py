"""The date of an event: the time expression governing it, else the publication date."""

from __future__ import annotations

from newsgraph.analyse.events.when import event_date
from newsgraph.model import EventDate

from tests.analyse.events.hand import analysed, trigger


def date_of(text: str, words: str, published: str | None = "2016-03-15") -> EventDate | None:
    article, doc = analysed(text, published)
    return event_date(doc, trigger(doc, words, "RETREAT"), article.timexes, article.published)


def test_a_time_expression_on_the_clause_dates_the_event() -> None:
    found = date_of("Putin ordered the withdrawal of Russian forces on March 14.", "withdrawal")
    assert found is not None
    assert (found.value, found.source) == ("2016-03-14", "timex")
    assert found.timex is not None


def test_a_time_expression_on_a_verb_above_the_clause_dates_it_too() -> None:
    text = "Putin surprised the world on March 14 by ordering a withdrawal from Syria."
    found = date_of(text, "withdrawal")
    assert found is not None and found.value == "2016-03-14"


def test_a_time_expression_of_another_clause_does_not() -> None:
    text = "The talks, which Assad rejected last month, began in Geneva."
    found = date_of(text, "talks")
    assert found == EventDate("2016-03-15", "published")


def test_a_duration_is_no_date() -> None:
    found = date_of("Russian forces withdrew after six months.", "withdrew")
    assert found == EventDate("2016-03-15", "published")


def test_no_time_expression_and_no_publication_date_gives_none() -> None:
    assert date_of("Russian forces withdrew from Syria.", "withdrew", published=None) is None
