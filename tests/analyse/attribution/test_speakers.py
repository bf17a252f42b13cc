"""Pronoun speakers: whom "he said" stands for, or nobody when that is unclear."""

from __future__ import annotations

import pytest

import newsgraph
from newsgraph.model import Article


def _speaker_of(text: str, cue: str = "said") -> str | None:
    """The entity name of the speaker of the last statement with this cue."""
    art: Article = newsgraph.analyze(text, input="text")
    quotes = [q for q in art.quotes if q.cue is not None and q.cue.text.endswith(cue)]
    assert quotes, [q.cue.text for q in art.quotes if q.cue]
    speaker = quotes[-1].speaker
    assert speaker is not None and speaker.span.text.lower() in ("he", "she", "they", "it")
    if speaker.entity is None:
        return None
    return next(e.name for e in art.entities if e.id == speaker.entity)


@pytest.mark.parametrize(
    ("pronoun", "expected"),
    [("He", "Brown"), ("She", "Green")],
)
def test_a_pronoun_speaker_takes_the_person_of_its_gender(pronoun: str, expected: str) -> None:
    text = (
        "Mr. Brown opened the hearing on Monday. Then Ms. Green took the floor. "
        f"{pronoun} said the budget would not pass."
    )
    assert _speaker_of(text) == expected


def test_a_pronoun_follows_the_person_a_sentence_is_about_over_an_earlier_subject() -> None:
    text = (
        "Mr. Brown stunned the region on Monday by ordering a retreat.\n\n"
        "The retreat may be a signal to Governor Tom White that he has lost support, "
        "and that while his allies helped him before, he will not have it now, "
        "months after he vowed to retake the capital."
    )
    assert _speaker_of(text, "vowed") == "Tom White"


def test_two_equally_likely_persons_leave_the_pronoun_unresolved() -> None:
    text = "Mr. Brown spoke and Mr. White listened. He said the talks had failed."
    assert _speaker_of(text) is None


def test_a_pronoun_after_an_anonymous_source_stays_anonymous() -> None:
    text = (
        "Mr. Brown spoke on Monday.\n\n"
        "A senior diplomat told reporters that the talks had failed. "
        "He said that more talks were planned."
    )
    assert _speaker_of(text) is None


def test_a_name_inside_the_quotation_is_not_its_speaker() -> None:
    text = 'Ms. Green spoke last. "Mr. Brown will lose this vote," she said.'
    assert _speaker_of(text) == "Green"


def test_a_pronoun_never_reaches_past_the_paragraph_before() -> None:
    text = (
        "Mr. Brown spoke on Monday.\n\n"
        "The weather was cold.\n\n"
        "The crowd was small.\n\n"
        "He said the vote would be close."
    )
    assert _speaker_of(text) is None
