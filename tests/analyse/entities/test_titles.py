"""Titles: the role written before a person's name or in apposition to it."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Span

from newsgraph.analyse.entities.titles import (
    appos_title,
    is_role,
    tidy_titles,
    title_before,
    titles_of,
)
from newsgraph.analyse.nlp import load_nlp


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


def _name(doc: Doc, name: str) -> Span:
    """The first mention of `name` in the doc, as a PERSON span."""
    span = doc.char_span(doc.text.index(name), doc.text.index(name) + len(name), label="PERSON")
    assert span is not None
    return span


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("Kremlin spokesman Dmitry Peskov said nothing.", "Dmitry Peskov", "Kremlin spokesman"),
        ("German Chancellor Angela Merkel arrived.", "Angela Merkel", "German Chancellor"),
        ("Syrian President Bashar al-Assad met envoys.", "Bashar al-Assad", "Syrian President"),
    ],
)
def test_the_role_before_a_name(nlp: Language, text: str, name: str, title: str) -> None:
    assert title_before(_name(nlp(text), name)) == title


def test_no_title_before_a_name_at_the_start_or_after_an_honorific(nlp: Language) -> None:
    assert title_before(_name(nlp("Angela Merkel arrived."), "Angela Merkel")) is None
    assert title_before(_name(nlp("Then Mr. John Smith left."), "John Smith")) is None


def test_a_role_in_apposition(nlp: Language) -> None:
    doc = nlp("Dmitry Peskov, the Kremlin spokesman, told reporters nothing.")
    name = _name(doc, "Dmitry Peskov")
    assert appos_title(name) == "Kremlin spokesman"
    assert titles_of(name) == ["Kremlin spokesman"]


def test_role_words_match_abbreviations_and_plural_lemmas(nlp: Language) -> None:
    doc = nlp("Sen. Smith met the spokesmen and a farmer.")
    roles = {t.text for t in doc if is_role(t)}
    assert {"Sen.", "spokesmen"} <= roles
    assert "farmer" not in roles


def test_a_title_that_a_longer_one_ends_with_is_dropped() -> None:
    assert tidy_titles(["President", "Syrian  President", "leader"]) == [
        "Syrian President",
        "leader",
    ]
    assert tidy_titles([]) == []
