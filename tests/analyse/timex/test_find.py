"""Time expressions: the cases of issue 4, normalised against the publication date."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.analyse.nlp import parse
from newsgraph.analyse.timex.find import find_timexes
from newsgraph.model import Article, Source, Timex
from newsgraph.pipeline import analyze

SAMPLE = Path(__file__).resolve().parents[3] / "samples" / "rferl-putin-pullout.txt"

PUBLISHED = "2016-03-15"  # a Tuesday


def _timexes(text: str, published: str | None = PUBLISHED) -> list[Timex]:
    article = Article(text=text, source=Source(input="text"), published=published)
    return find_timexes(article, parse(text))


def _one(text: str, words: str, published: str | None = PUBLISHED) -> Timex:
    found = [t for t in _timexes(text, published) if words in t.span.text]
    assert found, f"no timex holding {words!r} in {text!r}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "words", "kind", "value", "mod"),
    [
        ("Putin announced the withdrawal on March 14.", "March 14", "DATE", "2016-03-14", None),
        ("Prices rose last month.", "last month", "DATE", "2016-02", None),
        ("The photo was taken in January.", "January", "DATE", "2016-01", None),
        (
            "The sanctions will come up for renewal in July.",
            "July",
            "DATE",
            "2016-07",
            None,
        ),
        ("It lasted less than six months.", "six months", "DURATION", "P6M", "LESS_THAN"),
        ("The five-year-old war goes on.", "five-year", "DURATION", "P5Y", None),
        ("The talks began on Monday.", "Monday", "DATE", "2016-03-14", None),
        ("Hours before, the jets had left.", "Hours", "DURATION", "PTXH", None),
        ("Leaders meet this week.", "this week", "DATE", "2016-W11", None),
        ("The base will stay for years to come.", "years", "DURATION", "PXY", None),
        ("Russia has fought there since 2014.", "2014", "DATE", "2014", None),
        ("Troops left in the 1990s.", "1990s", "DATE", "199", None),
        ("He ruled for nearly 20 years.", "20 years", "DURATION", "P20Y", "APPROX"),
        ("Now the troops go home.", "Now", "DATE", "PRESENT_REF", None),
        ("Sales fell a year ago.", "a year ago", "DATE", "2015", None),
        ("He spoke yesterday.", "yesterday", "DATE", "2016-03-14", None),
        ("The vote is due next year.", "next year", "DATE", "2017", None),
        ("Profit rose in the third quarter.", "third quarter", "DATE", "2016-Q3", None),
        ("The paper appears daily.", "daily", "SET", "P1D", None),
    ],
)
def test_issue_cases(text: str, words: str, kind: str, value: str, mod: str | None) -> None:
    timex = _one(text, words)
    assert (timex.type, timex.value, timex.mod) == (kind, value, mod)


def test_between_two_years_gives_both() -> None:
    values = [t.value for t in _timexes("It took nearly 20 years between 1989 and 2014.")]
    assert values == ["P20Y", "1989", "2014"]


def test_without_a_date_values_stay_underspecified() -> None:
    assert _one("The talks ended on March 14.", "March 14", None).value == "XXXX-03-14"
    assert _one("Prices rose last month.", "last month", None).value == "XXXX-XX"


def test_ids_and_offsets_follow_the_text() -> None:
    text = "On Monday, talks began; on March 14 they ended."
    found = _timexes(text)
    assert [t.id for t in found] == ["t1", "t2"]
    for t in found:
        assert text[t.span.start : t.span.end] == t.span.text


def test_ages_of_people_are_not_durations() -> None:
    assert _timexes("The 6-year-old was returned to his father.") == []


def test_a_year_earlier_follows_the_quarter_in_question() -> None:
    text = "Profit rose in the third quarter, from $5 million a year earlier."
    values = [t.value for t in _timexes(text, "1989-10-26")]
    assert values == ["1989-Q3", "1988-Q3"]


def test_no_time_words_no_timexes() -> None:
    assert _timexes("The president signed the bill.") == []


def test_a_span_of_time_before_an_event_stays_a_duration() -> None:
    found = _timexes("The strikes came less than six months after the start of the campaign.")
    assert [(t.span.text, t.type, t.value, t.mod) for t in found] == [
        ("less than six months", "DURATION", "P6M", "LESS_THAN")
    ]


def test_a_span_of_time_said_alone_is_a_date() -> None:
    found = _timexes("He was arrested in May. Two days later, he was released.")
    assert [(t.span.text, t.value) for t in found][-1] == ("Two days later", "2015-05")


def test_a_present_relative_clause_takes_the_tense_of_its_governing_verb() -> None:
    text = "The EU may hope to lift sanctions that come up for renewal in July."
    assert _one(text, "July").value == "2016-07"
    assert _one("A bomber drops bombs over Syria in January.", "January").value == "2016-01"


def _sample_values(published: str | None) -> dict[str, tuple[str, str, str | None]]:
    article = analyze(SAMPLE.read_text(encoding="utf-8"), published=published, analysis=False)
    found = find_timexes(article, parse(article.text))
    values: dict[str, tuple[str, str, str | None]] = {}
    for t in found:
        values.setdefault(t.span.text, (t.type, t.value, t.mod))
    return values


def test_the_sample_page_gives_the_issue_values() -> None:
    values = _sample_values("2016-03-15")
    assert values["March 14"] == ("DATE", "2016-03-14", None)
    assert values["last month"] == ("DATE", "2016-02", None)
    assert values["January"] == ("DATE", "2016-01", None)
    assert values["July"] == ("DATE", "2016-07", None)
    assert values["less than six months"] == ("DURATION", "P6M", "LESS_THAN")
    assert values["the five-year-old"] == ("DURATION", "P5Y", None)


def test_the_sample_page_without_a_date_stays_underspecified() -> None:
    assert _sample_values(None)["March 14"] == ("DATE", "XXXX-03-14", None)


def test_a_weekday_before_a_date_is_part_of_it() -> None:
    text = "The paper said in an editorial on Monday, Oct. 26: the war goes on."
    found = _timexes(text, "1998-10-25")
    assert [(t.span.text, t.value) for t in found] == [("Monday, Oct. 26", "1998-10-26")]


def test_the_near_term_is_the_future() -> None:
    assert _one("Rates may fall in the near term.", "near term").value == "FUTURE_REF"


@pytest.mark.parametrize(
    ("text", "words", "value"),
    [
        ("The father could arrive as soon as Wednesday.", "Wednesday", "2016-03-16"),
        (
            "Officials gave the family until 9 a.m. Thursday to agree.",
            "Thursday",
            "2016-03-17T09:00",
        ),
        ("Until Monday, they had not called him a suspect.", "Monday", "2016-03-14"),
        ("The board named him chairman, effective Feb. 1.", "Feb. 1", "2017-02-01"),
        ("The offer was extended until 5 p.m. EST March 29.", "5 p.m.", "2016-03-29T17:00"),
        ("They set a deadline of noon Saturday.", "noon Saturday", "2016-03-12T12:00"),
        ("He will lose if the case is heard in May.", "May", "2016-05"),
    ],
)
def test_deadline_words_set_the_direction(text: str, words: str, value: str) -> None:
    assert _one(text, words).value == value


def test_a_weekday_evening_is_a_time() -> None:
    found = _one("A clerk was killed Thursday evening.", "Thursday evening", "1998-02-13")
    assert (found.type, found.value) == ("TIME", "1998-02-12TEV")
