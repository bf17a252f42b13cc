"""Quantities: the cases of issue 4 on short passages, the exclusions, and the sample page."""

from __future__ import annotations

import pytest

import newsgraph
from newsgraph.analyse.nlp import parse
from newsgraph.analyse.quantities import find_quantities
from newsgraph.model import Article, Quantity, Quote, Source, TextSpan

from tests.conftest import SAMPLE


def _find(text: str, quotes: list[Quote] | None = None) -> list[Quantity]:
    article = Article(text=text, source=Source(input="text"), quotes=quotes or [])
    return find_quantities(article, parse(text))


def _one(text: str, words: str) -> Quantity:
    found = [q for q in _find(text) if q.span.text == words]
    assert found, f"no quantity {words!r}: {[q.span.text for q in _find(text)]}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "words", "value", "unit"),
    [
        ("The deal is worth $2.5 billion.", "$2.5 billion", 2.5e9, "USD"),
        ("Prices rose 12 percent last year.", "12 percent", 12, "percent"),
        ("Prices rose 12% last year.", "12%", 12, "percent"),
        ("Russia will keep the two bases.", "two bases", 2, "bases"),
        ("The army lost 1,700 tanks.", "1,700 tanks", 1700, "tanks"),
        ("It sent 1.2 million euros in aid.", "1.2 million euros", 1.2e6, "EUR"),
        ("Twenty-five soldiers were hurt.", "Twenty-five soldiers", 25, "soldiers"),
        ("The road is 3 km long.", "3 km", 3, "km"),
        ("It cost €3m to build.", "€3m", 3e6, "EUR"),
        ("He runs a $400-million business.", "$400-million business", 4e8, "USD"),
        ("He filed a 100-page report.", "100-page", 100, "page"),
    ],
)
def test_value_and_unit(text: str, words: str, value: float, unit: str) -> None:
    quantity = _one(text, words)
    assert quantity.value == pytest.approx(value)
    assert quantity.unit == unit
    assert not quantity.approx
    assert quantity.bound is None


def test_counted_noun_keeps_its_modifiers() -> None:
    quantity = _one(
        "Russia will keep about 1,000 military personnel there.",
        "about 1,000 military personnel",
    )
    assert (quantity.value, quantity.unit, quantity.approx) == (1000, "military personnel", True)


@pytest.mark.parametrize(
    ("text", "words", "value"),
    [
        ("A dozen houses burned.", "A dozen houses", 12),
        ("Hundreds of people fled.", "Hundreds of people", 100),
        ("Tens of thousands of refugees fled.", "Tens of thousands of refugees", 1e4),
        ("Air strikes killed some 1,700 civilians.", "some 1,700 civilians", 1700),
        ("Nearly 300 people voted.", "Nearly 300 people", 300),
        ("Almost 300 people voted.", "Almost 300 people", 300),
        ("Roughly 2 million refugees fled.", "Roughly 2 million refugees", 2e6),
        ("The city has around 400 doctors.", "around 400 doctors", 400),
        ("Approximately 50 ships sailed.", "Approximately 50 ships", 50),
        ("An estimated 30,000 fighters remain.", "An estimated 30,000 fighters", 3e4),
    ],
)
def test_approximate(text: str, words: str, value: float) -> None:
    quantity = _one(text, words)
    assert quantity.value == pytest.approx(value)
    assert quantity.approx
    assert quantity.bound is None


@pytest.mark.parametrize(
    ("text", "words", "bound"),
    [
        ("At least 40 people died.", "At least 40 people", "min"),
        ("More than 300 people were hurt.", "More than 300 people", "min"),
        ("Russia flew over 100 aircraft there.", "over 100 aircraft", "min"),
        ("Up to 5,000 troops may stay.", "Up to 5,000 troops", "max"),
        ("Less than 5 percent voted.", "Less than 5 percent", "max"),
        ("Fewer than 20 tanks are left.", "Fewer than 20 tanks", "max"),
        ("Prices rose under 20 percent.", "under 20 percent", "max"),
    ],
)
def test_bounds(text: str, words: str, bound: str) -> None:
    quantity = _one(text, words)
    assert quantity.bound == bound
    assert not quantity.approx


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("They were fighting over two bases.", "two bases"),
        ("The company handed over millions of dollars.", "millions of dollars"),
    ],
)
def test_a_preposition_or_particle_is_not_a_bound(text: str, words: str) -> None:
    assert _one(text, words).bound is None


def test_a_partitive_keeps_the_inner_number() -> None:
    found = _find("It is one of the 40 soldiers who came home.")
    assert [(q.span.text, q.value, q.unit) for q in found] == [("40 soldiers", 40, "soldiers")]


@pytest.mark.parametrize(
    "text",
    [
        "The war began in 1989 and ended in 2014.",
        "Putin spoke on March 14, 2016, at 3 p.m.",
        "Talks opened on ending the five-year-old war.",
        "It came less than six months after the start.",
        "Nearly 20 years passed.",
        "A 45-year-old man was arrested on the first day.",
        "Security Council Resolution 2254 names Su-24 jets.",
        "Putin phoned Assad, but the two did not discuss it. It was a big one.",
        "They blamed one another for Flight 17.",
        "The court split 5-4 and the Senate voted 80-19. Call 800-273-8255.",
        "Terence Crutcher, 40, was shot.",
    ],
)
def test_time_expressions_ordinals_and_names_are_not_quantities(text: str) -> None:
    assert _find(text) == []


def test_ids_in_text_order_and_span_offsets() -> None:
    text = "Some 1,700 civilians and at least 40 soldiers died in 2015."
    found = _find(text)
    assert [q.id for q in found] == ["n1", "n2"]
    assert [q.span.text for q in found] == ["Some 1,700 civilians", "at least 40 soldiers"]
    for quantity in found:
        assert text[quantity.span.start : quantity.span.end] == quantity.span.text


def test_linked_to_the_innermost_quote() -> None:
    text = (
        "The monitor said that Russia's air strikes are estimated to have killed "
        "some 1,700 civilians in Syria. Another 30 people died."
    )
    outer_start = text.index("that")
    inner_start = text.index("Russia's")
    end = text.index(".")
    outer = Quote("q1", "indirect", TextSpan(outer_start, end, text[outer_start:end]))
    inner = Quote("q2", "indirect", TextSpan(inner_start, end, text[inner_start:end]), within="q1")
    found = _find(text, [outer, inner])
    assert [(q.span.text, q.quote) for q in found] == [
        ("some 1,700 civilians", "q2"),
        ("30 people", None),
    ]
    assert found[0].approx


def test_odd_input_degrades() -> None:
    assert _find("") == []
    assert _find("1,2,3 ... 4/5 -- $ % 10:30 $$ 9/11") is not None


def test_sample_page() -> None:
    article = newsgraph.analyze(SAMPLE.read_text(encoding="utf-8"))
    found = {q.span.text: q for q in find_quantities(article, parse(article.text))}
    civilians = found["some 1,700 civilians"]
    assert (civilians.value, civilians.unit, civilians.approx) == (1700, "civilians", True)
    assert civilians.quote is None  # "considering that ... some 1,700 civilians" is no statement
    personnel = found["about 1,000 military personnel"]
    assert (personnel.value, personnel.approx) == (1000, True)
    quote = next(q for q in article.quotes if q.id == personnel.quote)  # a lawmaker's words
    assert "will keep about 1,000" in quote.content.text
    assert personnel.unit in ("military personnel", "personnel")
    bases = found["two bases"]
    assert (bases.value, bases.unit, bases.approx) == (2, "bases", False)
    assert not any(q.value in (14, 15, 2016) for q in found.values())
