"""Who a pronoun speaker stands for: "he said" → the person the text is about, or nobody.

Every third-person pronoun of the article is resolved in text order against
what comes before it in its paragraph and the one before: entity mentions,
the sources of attributions that name no entity ("a European diplomat ...
he added"), subjects that are common nouns ("the campaign", "officials"),
and the pronouns already resolved, so a chain ("his aid ... his back ... he
vowed") follows the person it started from; a pronoun outside quotation
marks never stands for a name inside them ("'... make Kaine defend ...,'
he said"). A candidate must agree in
gender and number: "he"/"she" a person (gender from a title such as "Mr." or
"spokeswoman", else from the pronouns that follow the entity where it is the
only person named), "it" an organisation, place or singular noun, "they" a
group or a plural noun. Among those the score prefers the nearest sentence
and a subject, since a speaker is most often the subject of the sentence
before; when the best two referents are within `MARGIN`, the pronoun is left
unresolved, since a wrong speaker is worse than none. A winner that is a
common noun resolves to no entity: "officials ... they said" speaks for
nobody in the entity list.

This is a small, explainable resolver rather than a learned coreference
model: none is installed, and the spaCy pipeline here has no coreference
component.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsgraph.model import Entity

MALE = frozenset({"he", "him", "his", "himself"})
FEMALE = frozenset({"she", "her", "hers", "herself"})
PLURAL = frozenset({"they", "them", "their", "theirs", "themselves"})
NEUTER = frozenset({"it", "its", "itself"})
THIRD_PERSON = MALE | FEMALE | PLURAL | NEUTER
MARGIN = 0.5  # best two referents closer than this: leave the pronoun unresolved
_SUBJECT_BONUS = 1.0  # a subject is worth one sentence of distance
_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_MALE_WORDS = frozenset({
    "mr", "mr.", "sir", "lord", "king", "prince", "father", "husband", "son", "brother",
    "spokesman", "congressman", "businessman", "uncle", "grandfather",
})  # fmt: skip
_FEMALE_WORDS = frozenset({
    "mrs", "mrs.", "ms", "ms.", "miss", "madam", "lady", "queen", "princess", "mother", "wife",
    "daughter", "sister", "spokeswoman", "congresswoman", "businesswoman", "chairwoman",
    "widow", "aunt", "grandmother",
})  # fmt: skip
_GENDER_SHARE = 2 / 3  # share of an entity's own pronouns that must agree to fix its gender


@dataclass(frozen=True, slots=True)
class _Candidate:
    """Something a later pronoun may stand for: where it is and whom it names."""

    tok: Token
    key: str  # entity id, or "@<token id>" for a common noun that names no entity
    entity: str | None
    kind: str  # "m", "f", "person" (either), "group", "place", "thing", "plural", "any"


def referents(
    doc: Doc, text: str, entities: list[Entity], sources: list[Token], inside: list[int]
) -> dict[int, str | None]:
    """Token id of every third-person pronoun → the entity id it stands for, or None.

    `text` is the parsed text and `inside` the quoted passage of each token
    (-1: none), as the quote stage already has them. `sources` are the source
    heads of the article's attributions: a source that names no entity is
    still a candidate, so "he" after "a diplomat said" does not reach back to
    a named person.
    """
    para = _paragraphs(doc)
    sent = _sentences(doc)
    quoted = [k >= 0 for k in inside]
    genders = _genders(doc, text, entities)
    found = _candidates(doc, entities, sources, genders)
    starts = [c.tok.i for c in found]
    out: dict[int, str | None] = {}
    for tok in doc:
        if tok.lower_ not in THIRD_PERSON or tok.pos_ != "PRON":
            continue
        k = bisect.bisect_left(starts, tok.i)
        best = _choose(tok, (found[j] for j in range(k - 1, -1, -1)), para, sent, quoted)
        out[tok.i] = best.entity if best is not None else None
        if best is not None:  # a resolved pronoun carries its referent on
            cand = _Candidate(tok, best.key, best.entity, best.kind)
            found.insert(k, cand)
            starts.insert(k, tok.i)
    return out


def _choose(
    pronoun: Token,
    before: Iterable[_Candidate],
    para: list[int],
    sent: list[int],
    quoted: list[bool],
) -> _Candidate | None:
    """The referent the pronoun most likely stands for, or None when none is clearly best.

    `before` runs backwards from the pronoun; `quoted` says which tokens are
    inside quotation marks.
    """
    best: dict[str, tuple[float, _Candidate]] = {}
    low = para[pronoun.i] - 1
    for cand in before:
        tok = cand.tok
        if para[tok.i] < low:
            break
        if quoted[tok.i] and not quoted[pronoun.i]:
            continue
        if not _agrees(pronoun.lower_, cand.kind) or _co_argument(pronoun, tok):
            continue
        distance = (sent[pronoun.i] - sent[tok.i]) + (para[pronoun.i] - para[tok.i])
        score = -float(distance) + (_SUBJECT_BONUS if tok.dep_ in _SUBJECTS else 0.0)
        score -= (pronoun.i - tok.i) / 10_000  # nearer wins a tie
        if cand.key not in best or score > best[cand.key][0]:
            best[cand.key] = (score, cand)
    ranked = sorted(best.values(), key=lambda x: -x[0])
    if not ranked or (len(ranked) > 1 and ranked[1][0] > ranked[0][0] - MARGIN):
        return None
    return ranked[0][1]


def _agrees(pronoun: str, kind: str) -> bool:
    """Whether a pronoun can stand for a candidate of this kind (gender and number)."""
    if pronoun in MALE:
        return kind in ("m", "person", "any")
    if pronoun in FEMALE:
        return kind in ("f", "person", "any")
    if pronoun in NEUTER:
        return kind in ("group", "place", "thing", "any")
    return kind in ("group", "plural")


def _co_argument(pronoun: Token, tok: Token) -> bool:
    """Whether both are arguments of one verb ("Trump told him"): then they are not one."""
    return pronoun.dep_ != "poss" and tok.head.i == pronoun.head.i


def _candidates(
    doc: Doc, entities: list[Entity], sources: list[Token], genders: dict[str, str]
) -> list[_Candidate]:
    """Entity mentions, entity-less sources and common-noun subjects, in text order."""
    seen: dict[int, _Candidate] = {}
    speaking = {s.i for s in sources}
    for ent in entities:
        kind = _entity_kind(ent, genders)
        if kind is None:
            continue
        for m in ent.mentions:
            head = _head(doc, m.start, m.end)
            if head is not None:
                seen[head.i] = _Candidate(head, ent.id, ent.id, kind)
    for tok in doc:
        if tok.i in seen or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        if tok.dep_ in _SUBJECTS or tok.i in speaking:
            plural = tok.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in tok.children)
            kind = "plural" if plural else ("any" if tok.i in speaking else "thing")
            seen[tok.i] = _Candidate(tok, f"@{tok.i}", None, kind)
    return [seen[i] for i in sorted(seen)]


def _entity_kind(ent: Entity, genders: dict[str, str]) -> str | None:
    """What pronoun an entity takes: its gender for a person, else group or place."""
    if ent.type == "PERSON":
        return genders.get(ent.id, "person")
    if ent.type in ("ORG", "NORP"):
        return "group"
    if ent.type == "GPE":
        return "place"
    return None


def _head(doc: Doc, start: int, end: int) -> Token | None:
    """The syntactic head of a mention, climbing compounds ("Vladimir [Putin]")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    root = span.root
    while root.dep_ == "compound" and root.head.i != root.i:
        root = root.head
    return root


def _genders(doc: Doc, text: str, entities: list[Entity]) -> dict[str, str]:
    """Entity id → "m" or "f" for persons whose gender the article shows.

    A gendered title ("Mr.", "spokeswoman") decides; else the pronouns of the
    sentence where the entity is the only person named, and of the sentence
    after it when that names no other person, must agree by `_GENDER_SHARE`.
    """
    persons = [e for e in entities if e.type == "PERSON"]
    out: dict[str, str] = {}
    by_sent: dict[int, set[str]] = {}
    for ent in persons:
        for m in ent.mentions:
            tok = doc.char_span(m.start, m.end, alignment_mode="expand")
            if tok is not None:
                by_sent.setdefault(tok.root.sent.start, set()).add(ent.id)
        titled = _titled(text, ent)
        if titled is not None:
            out[ent.id] = titled
    sents = list(doc.sents)
    votes: dict[str, Counter[str]] = {}
    for n, s in enumerate(sents):
        who = by_sent.get(s.start, set())
        if len(who) != 1:
            continue
        (ent_id,) = who
        words = [t.lower_ for t in s]
        if n + 1 < len(sents) and not by_sent.get(sents[n + 1].start):
            words += [t.lower_ for t in sents[n + 1]]
        tally = votes.setdefault(ent_id, Counter())
        tally["m"] += sum(w in MALE for w in words)
        tally["f"] += sum(w in FEMALE for w in words)
    for ent_id, tally in votes.items():
        total = tally["m"] + tally["f"]
        if ent_id in out or not total:
            continue
        top, n = tally.most_common(1)[0]
        if n / total >= _GENDER_SHARE:
            out[ent_id] = top
    return out


def _titled(text: str, ent: Entity) -> str | None:
    """The gender an entity's titles or the word before its mentions give ("Mr. Trump")."""
    words = {w.lower() for t in ent.titles for w in t.split()}
    for m in ent.mentions:
        before = text[max(0, m.start - 12) : m.start].split()
        if before:
            words.add(before[-1].lower())
    male, female = bool(words & _MALE_WORDS), bool(words & _FEMALE_WORDS)
    if male != female:
        return "m" if male else "f"
    return None


def _paragraphs(doc: Doc) -> list[int]:
    """Paragraph index of every token: a line break starts a new one."""
    out: list[int] = []
    n = 0
    for tok in doc:
        if "\n" in tok.text:
            n += 1
        out.append(n)
        if "\n" in tok.whitespace_:
            n += 1
    return out


def _sentences(doc: Doc) -> list[int]:
    """Sentence index of every token."""
    out = [0] * len(doc)
    for n, s in enumerate(doc.sents):
        for i in range(s.start, s.end):
            out[i] = n
    return out
