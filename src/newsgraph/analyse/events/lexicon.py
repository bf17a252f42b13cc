"""The compiled PLOVER event lexicon: CAMEO verb patterns and event nouns, matched on a parse.

`train/events.py` compiles the PETRARCH CAMEO verb dictionary and the
CAMEO→PLOVER crosswalk into `models/events.json`; this module loads it once
and answers, for one token of a spaCy parse, which CAMEO code its words give.
A verb's code is refined by the dictionary's phrase patterns ("IMPOSE *
SANCTIONS", "DISCUSS * (BY TELEPHONE)"), matched in order against the words the
verb governs rather than the raw word sequence, so "the sanctions the EU
imposed" matches as "imposed sanctions" does.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from spacy.tokens import Token

# Dependents whose words belong to another clause, not to the verb's own phrase.
_OTHER_CLAUSE = frozenset(
    {"ccomp", "advcl", "parataxis", "conj", "relcl", "csubj", "mark", "punct", "cc", "xcomp"}
)
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
RIGHT_WINDOW = 14


# A phrase pattern: its code (None: "no event"), the words before and after the
# verb, and the verbs it was written for (empty: every verb of its block).
Pattern = tuple[str | None, tuple[frozenset[str], ...], tuple[frozenset[str], ...], frozenset[str]]


@dataclass(frozen=True, slots=True)
class Coding:
    """What the lexicon says of a trigger: its CAMEO code, PLOVER type, mode and contexts.

    `source` is "pattern" when a phrase pattern matched, "verb" or "noun" for
    the word's default, "frame" when the trigger module recoded a promise;
    `share` is how clearly the dictionary backs a noun's type.
    `cameo` is None for PLOVER acts that CAMEO has no code for (a resignation).
    """

    cameo: str | None
    type: str
    mode: str | None
    contexts: tuple[str, ...]
    source: str
    share: float = 1.0
    words: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The lexicon in memory."""

    codes: dict[str, tuple[str, str | None, tuple[str, ...]]]
    verbs: dict[str, list[tuple[tuple[str, ...], str | None, int]]]
    blocks: list[list[Pattern]]
    nouns: dict[str, tuple[str, float, int, str]]
    synsets: dict[str, frozenset[str]]
    statements: frozenset[str]
    model: dict[str, Any]
    coder: dict[str, Any]


def singular(word: str) -> str:
    """The crude singular both sides of a match are reduced to (the compiler's rule)."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "ss", "us", "is")):
        return word
    if word.endswith("s") and len(word) > 3:
        return word[:-1]
    return word


@cache
def lexicon() -> Lexicon:
    """Load `models/events.json` once."""
    raw: dict[str, Any] = json.loads(
        resources.files("newsgraph").joinpath("models/events.json").read_text("utf-8")
    )
    synsets = {k: frozenset(singular(w) for w in v) for k, v in raw["synsets"].items()}

    def slot(word: str) -> frozenset[str]:
        return (
            synsets.get(word, frozenset()) if word.startswith("&") else frozenset({singular(word)})
        )

    blocks = [
        [
            (
                code,
                tuple(slot(w) for w in left),
                tuple(slot(w) for w in right),
                frozenset(verbs or ()),
            )
            for code, left, right, verbs in block
        ]
        for block in raw["blocks"]
    ]
    codes = {k: (v[0], v[1], tuple(v[2])) for k, v in raw["codes"].items()}
    verbs = {k: [(tuple(p), c, b) for p, c, b in v] for k, v in raw["verbs"].items()}
    nouns = {k: (v[0], float(v[1]), int(v[2]), v[3]) for k, v in raw["nouns"].items()}
    statements = frozenset(raw["statements"])
    return Lexicon(
        codes, verbs, blocks, nouns, synsets, statements, raw.get("model", {}), raw.get("coder", {})
    )


def keys(token: Token) -> frozenset[str]:
    """The forms a dictionary word may match: the word and its lemma, singular."""
    return frozenset({singular(token.lower_), singular(token.lemma_.lower())})


Keyed = list[tuple[int, frozenset[str]]]


def keyed(tokens: list[Token]) -> Keyed:
    """Tokens as (index, match keys), computed once for all the patterns tried on them."""
    return [(t.i, keys(t)) for t in tokens]


def _matches(slots: tuple[frozenset[str], ...], tokens: Keyed) -> tuple[int, ...] | None:
    """The indices of `tokens` that match `slots` in order (gaps allowed), or None."""
    found: list[int] = []
    at = 0
    for wanted in slots:
        while at < len(tokens) and not (tokens[at][1] & wanted):
            at += 1
        if at == len(tokens):
            return None
        found.append(tokens[at][0])
        at += 1
    return tuple(found)


def right_context(verb: Token) -> list[Token]:
    """The words a verb governs after it (its objects and their phrases), in order.

    A passive subject and the noun a relative or participle clause modifies
    are its object too ("the sanctions imposed by the EU").
    """
    words: list[Token] = []
    if verb.dep_ in {"relcl", "acl"}:
        words.append(verb.head)
    for child in verb.children:
        if child.dep_ == "nsubjpass":
            words.extend(child.subtree)
    for child in verb.rights:
        if child.dep_ not in _OTHER_CLAUSE:
            words.extend(child.subtree)
    return words[:RIGHT_WINDOW]


def left_context(verb: Token) -> list[Token]:
    """The words of the verb's active subject."""
    for child in verb.children:
        if child.dep_ in _SUBJECTS and child.dep_ != "nsubjpass":
            return list(child.subtree)
    return []


def code_verb(verb: Token) -> Coding | None:
    """The lexicon's code for a verb: its most specific matching pattern, else its default.

    A pattern coded `[---]` in the dictionary ("WITHDRAW * (FROM RACE)") says
    the phrase is no event, and wins like any other when it is the most specific.
    """
    lex = lexicon()
    entries = lex.verbs.get(verb.lemma_.lower())
    if not entries:
        return None
    right = keyed(right_context(verb))
    left = keyed(left_context(verb))
    best: tuple[int, str | None, str, tuple[int, ...]] | None = None
    for particles, code, block in entries:
        if particles:
            used = _particles(verb, particles)
            if used is None:
                continue
        else:
            used = ()
        specificity = len(particles)
        if best is None or specificity > best[0]:
            best = (specificity, code, "verb", used)
        lemma = verb.lemma_.lower()
        for p_code, p_left, p_right, p_verbs in lex.blocks[block] if block >= 0 else ():
            if len(p_left) + len(p_right) + specificity <= best[0] or (
                p_verbs and lemma not in p_verbs
            ):
                continue
            got_left = _matches(p_left, left) if p_left else ()
            got_right = _matches(p_right, right) if p_right else ()
            if got_left is None or got_right is None:
                continue
            best = (len(p_left) + len(p_right) + specificity, p_code, "pattern", used + got_right)
    if best is None or best[1] is None:
        return None
    return coding(best[1], best[2], words=best[3])


def _particles(verb: Token, particles: tuple[str, ...]) -> tuple[int, ...] | None:
    """Where the particles of a phrasal verb ("pull out") follow it, or None."""
    found: list[int] = []
    following = [t for t in verb.children if t.i > verb.i]
    for word in particles:
        hit = next((t for t in following if t.lower_ == word and t.i not in found), None)
        if hit is None:
            return None
        found.append(hit.i)
    return tuple(found)


def code_noun(noun: Token) -> Coding | None:
    """The lexicon's code for an eventive noun ("talks", "air strikes", "withdrawal of troops").

    A compound before the noun is tried first ("air strike"); a noun derived
    from a dictionary verb takes that verb's patterns on its own phrase.
    """
    lex = lexicon()
    lemma = singular(noun.lemma_.lower())
    entry = None
    words: tuple[int, ...] = ()
    for child in noun.lefts:
        if child.dep_ in {"compound", "amod"}:
            phrase = f"{singular(child.lemma_.lower())} {lemma}"
            if phrase in lex.nouns:
                entry, words = lex.nouns[phrase], (child.i,)
    if entry is None:
        entry = lex.nouns.get(lemma) or lex.nouns.get(singular(noun.lower_))
    if entry is None:
        return None
    code, share, block, verb = entry
    source = "noun"
    if block >= 0:
        right = keyed(
            [t for child in noun.rights if child.dep_ not in _OTHER_CLAUSE for t in child.subtree][
                :RIGHT_WINDOW
            ]
        )
        best = 0
        for p_code, p_left, p_right, p_verbs in lex.blocks[block]:
            if p_left or not p_right or len(p_right) <= best or p_code is None:
                continue
            if p_verbs and verb not in p_verbs:
                continue
            got = _matches(p_right, right)
            if got is not None:
                best, code, source, words = len(p_right), p_code, "pattern", words + got
    return coding(code, source, share=share, words=words)


def coding(
    code: str, source: str, *, share: float = 1.0, words: tuple[int, ...] = ()
) -> Coding | None:
    """A CAMEO code as PLOVER, None when PLOVER has no type for it."""
    found = lexicon().codes.get(code)
    if found is None:
        return None
    kind, mode, contexts = found
    return Coding(code if code.isdigit() else None, kind, mode, contexts, source, share, words)
