"""Hedges: the words that weaken a statement or keep the writer's distance from it.

A reader wants to tell "Russia will withdraw" from "Russia may potentially
withdraw, reportedly". The list below holds modal verbs, epistemic adverbs,
reporting distance ("reportedly", "alleged", "claimed") and estimate phrases
("is estimated to"); a hedge counts when it is inside the quote's content or
its cue, or modifies the cue verb ("reportedly said").
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from newsgraph.model import TextSpan

HEDGE_WORDS = frozenset(
    {
        "may", "might", "could", "perhaps", "maybe", "possibly", "possible", "potentially",
        "potential", "probably", "likely", "unlikely", "apparently", "reportedly", "allegedly",
        "alleged", "supposedly", "purportedly", "seemingly", "presumably", "conceivably",
        "arguably", "claimed", "claim", "claims", "suggest", "suggests", "suggested", "seem",
        "seems", "seemed", "appear", "appears", "appeared", "roughly", "approximately",
        "about", "around", "nearly", "almost", "estimated", "believed", "thought", "rumored",
        "unconfirmed", "uncertain", "unclear", "suspected", "somewhat",
    }
)  # fmt: skip
# Words in HEDGE_WORDS that hedge only in some uses: "about" and "around" before a
# number ("about 1,000"), "thought"/"believed"/"estimated" in the passive ("is believed to").
_BEFORE_NUMBER = frozenset({"about", "around", "nearly", "almost", "roughly", "approximately"})
_PASSIVE = frozenset({"estimated", "believed", "thought", "rumored", "suspected", "alleged"})


def is_hedge(tok: Token) -> bool:
    """Whether this word hedges where it stands."""
    word = tok.lower_
    if word not in HEDGE_WORDS:
        return False
    if word in _BEFORE_NUMBER:
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        return nxt is not None and (nxt.like_num or nxt.pos_ == "NUM")
    if word in _PASSIVE and tok.tag_ == "VBN":
        return any(c.dep_ == "auxpass" for c in tok.children) or tok.dep_ == "amod"
    return True


def find_hedges(words: Iterable[Token]) -> list[TextSpan]:
    """The hedges among `words` (content, cue and the cue's modifiers), in text order, once each."""
    seen: dict[int, TextSpan] = {}
    for tok in words:
        if tok.i not in seen and is_hedge(tok):
            span = _hedge_phrase(tok)
            seen[tok.i] = span
    return [seen[i] for i in sorted(seen)]


def _hedge_phrase(tok: Token) -> TextSpan:
    """The hedge with its auxiliary and infinitive marker: "is estimated to", not "estimated"."""
    doc = tok.doc
    start, end = tok.i, tok.i + 1
    if tok.lower_ in _PASSIVE:
        while start > 0 and doc[start - 1].dep_ in ("auxpass", "aux"):
            start -= 1
        if end < len(doc) and doc[end].lower_ == "to":
            end += 1
    first, last = doc[start], doc[end - 1]
    # doc[start:end].text, not doc.text[...]: spaCy rebuilds doc.text on each access
    return TextSpan(first.idx, last.idx + len(last), doc[start:end].text)
