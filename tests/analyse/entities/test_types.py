"""Entity types corrected where a gazetteer and the words around a name agree."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from newsgraph.analyse.entities.types import corrected_label, is_common_word

_VOCAB = spacy.blank("en").vocab


def _label(sentence: str, name: str, label: str) -> str:
    """The corrected label of `name` in `sentence` (words split on spaces), tagged `label`."""
    words = sentence.split()
    size = len(name.split())
    start = next(i for i in range(len(words)) if words[i : i + size] == name.split())
    doc = Doc(_VOCAB, words=words)
    return corrected_label(Span(doc, start, start + size, label=label))


@pytest.mark.parametrize(
    ("sentence", "name", "label", "expected"),
    [
        ("forces stay at the seaport of Tartus .", "Tartus", "ORG", "GPE"),  # known city
        ("jets flew from the Hmeimim air base .", "Hmeimim", "NORP", "FAC"),  # unknown name
        ("troops left Idlib province .", "Idlib", "ORG", "GPE"),
        ("a blog on the website of Ekho Moskvy radio", "Ekho Moskvy", "PERSON", "ORG"),
        ("he spoke to the network RT yesterday", "RT", "GPE", "ORG"),
        ("an Acme spokesperson declined", "Acme", "GPE", "ORG"),
        ("planes flew near Copenhagen today", "Copenhagen", "ORG", "GPE"),  # known place
        ("the seizure of Crimea was condemned", "Crimea", "ORG", "GPE"),
    ],
)
def test_a_gazetteer_and_the_context_correct_the_type(
    sentence: str, name: str, label: str, expected: str
) -> None:
    assert _label(sentence, name, label) == expected


@pytest.mark.parametrize(
    ("sentence", "name", "label"),
    [
        ("permanent NATO air base plans", "NATO", "ORG"),  # a known organisation
        ("bombs targeted Islamic State militants", "Islamic", "NORP"),  # part of a name
        ("offices near Acme were closed", "Acme", "ORG"),  # loose context, unknown name
        ("shares of Tartus rose", "Tartus", "ORG"),  # known place, no place context
        ("Russia said so", "Russia", "GPE"),
        ("the Tartus radio said so", "Tartus", "GPE"),  # a place name in a medium stays a place
    ],
)
def test_without_agreeing_evidence_the_type_stays(sentence: str, name: str, label: str) -> None:
    assert _label(sentence, name, label) == label


def test_common_words_are_words_no_gazetteer_knows() -> None:
    assert is_common_word("Honey")
    assert not is_common_word("Putin")  # a Phoenix actor
    assert not is_common_word("Tartus")  # a place
    assert not is_common_word("New York")  # more than one word
    assert not is_common_word("")
