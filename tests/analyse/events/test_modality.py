"""Asserted, negated, hypothetical, future or reported — and the statement that holds it."""

from __future__ import annotations

import pytest

from newsgraph.analyse.events.modality import modality

from tests.analyse.events.hand import ctx_of, trigger


def modality_of(text: str, words: str, kind: str = "CONSULT") -> tuple[str, str | None]:
    ctx = ctx_of(text)
    return modality(trigger(ctx.doc, words, kind), ctx)


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        ("Obama discussed Syria with Putin.", "discussed", "asserted"),
        ("Obama did not discuss Syria with Putin.", "discuss", "negated"),
        ("Obama never met Putin.", "met", "negated"),
        ("There were no talks between Israel and Syria.", "talks", "negated"),
        ("Germany will send troops to Mali.", "send", "future"),
        ("Iran plans to expel the British ambassador.", "expel", "future"),
        ("The United States could lift its sanctions on Cuba.", "lift", "hypothetical"),
        ("If the negotiations fail, Israel may attack Iran.", "attack", "hypothetical"),
        (
            "Russia's air strikes are estimated to have killed 1,700 civilians.",
            "strikes",
            "reported",
        ),
    ],
)
def test_the_words_on_the_clause_give_the_modality(text: str, words: str, expected: str) -> None:
    assert modality_of(text, words)[0] == expected


def test_an_event_inside_a_statement_is_reported_and_keeps_the_statement() -> None:
    text = "The Kremlin said that Putin phoned Assad on Monday."
    ctx = ctx_of(text)
    kind, quote = modality(trigger(ctx.doc, "phoned", "CONSULT"), ctx)
    assert kind == "reported"
    assert quote is not None and quote in {q.id for q in ctx.article.quotes}


def test_a_denial_inside_a_statement_stays_a_denial_with_its_statement() -> None:
    kind, quote = modality_of("Peskov said the two did not discuss Assad's future.", "discuss")
    assert kind == "negated" and quote is not None


def test_a_refusal_is_not_negated_by_its_own_no() -> None:
    text = "Italy said there could be no automatic extension of the sanctions."
    assert modality_of(text, "extension", "REJECT")[0] == "hypothetical"
