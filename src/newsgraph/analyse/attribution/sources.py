"""Who speaks and to whom: the source phrase of a cue, and the entity it stands for.

The source is read off the parse: the subject of the cue verb, the subject of
the verb it is coordinated with or subordinated to ("..., but added",
"responded by saying", "after saying ..., she was whisked off": passive or not,
that verb's subject is the speaker), the nearer of two subjects the parser
gives one verb ("'... reaction,' X said"), the noun a relative clause hangs on
("Clinton, who said"), the possessor of a cue noun ("Assad's claim"), or the
object of "according to". The subject of a passive cue ("Trump was asked",
"Asked about ..., Trump said") or of "appear"/"seem" is who is talked about
(unless it governs a word of saying: "[Cruz] seemed to blame"),
not a source, and the "it" of a predicate cue stands for its clause ("it is
obvious that ...": 34 of 43 such cues in PolNeAR train have no source). The
phrase is kept as written; the entity is the article entity named by its head
word, by an apposition ("the spokesman, Dmitry Peskov"), by what a pronoun
stands for (`speakers.py`: "He said" → the person the paragraph is about, or
nobody when that is unclear), or by the person whose title a role noun repeats
("the spokesman"). An anonymous source ("a European diplomat") keeps its words
and no entity.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from spacy.tokens import Token

from newsgraph.analyse.attribution import cues, speakers
from newsgraph.model import Entity, Party, TextSpan

_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_CLIMB = ("conj", "xcomp", "advcl", "ccomp", "pcomp", "acomp", "attr")
_FIRST_PLURAL = frozenset({"we", "us", "our"})
_QUANTIFIERS = frozenset({"many", "some", "others", "most", "several", "few", "both", "all"})
_VERBS = ("VERB", "AUX")
_CLOSING = frozenset({",", "”", '"', "''"})  # what ends a quotation before an inverted cue
_ADDRESSING = frozenset({"tell", "inform", "assure", "remind", "warn", "brief", "urge", "ask"})


def source_head(cue: Token, *, reporting: bool = False) -> Token | None:
    """The head word of the phrase naming the source of the cue headed by `cue`.

    `reporting`: a "seem"/"appear" cue governs a word of saying
    (`cues.seeming_verb`: "[Cruz] seemed to blame"), so its subject speaks.
    """
    if cue.lower_ == "according":
        to = next((c for c in cue.children if c.lower_ == "to"), None)
        if to is None and cue.i + 1 < len(cue.doc) and cue.doc[cue.i + 1].lower_ == "to":
            to = cue.doc[cue.i + 1]
        return next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
    if cue.lemma_.lower() in cues.SEEMING and not reporting:  # "[they] appear to be salivating"
        return None
    if _bare_participle(cue):  # "[Asked] about the wall, Trump said": Trump was asked
        return None
    found = _source_by_parse(cue)
    if found is not None and found.lower_ == "it" and cues.copula(cue) is not None:
        return None  # "it is obvious that ...": the clause is what "it" stands for, no one speaks
    if found is None or _line_above(found, cue):  # a headline or time stamp the parse ran into
        found = _left_neighbour(cue, lost=found is not None) or _after_quote(cue)
    return None if found is None or _line_above(found, cue) else found


def _after_quote(cue: Token) -> Token | None:
    """The name right after a cue that follows a quotation ("'...,' said [Col. Warren]").

    The parser often hangs such an inverted subject inside the quoted clause;
    of the gold cues in PolNeAR train that follow a quotation, have no source
    by the parse and a name or determiner after them, that phrase is the source
    of 27, another 12 and none 1.
    """
    doc = cue.doc
    if cue.tag_ not in ("VBD", "VBZ") or not 0 < cue.i < len(doc) - 1:
        return None
    if doc[cue.i - 1].text not in _CLOSING or doc[cue.i + 1].pos_ not in ("PROPN", "DET"):
        return None
    tok = doc[cue.i + 1]
    while tok.head.i > tok.i and tok.head.pos_ in ("PROPN", "NOUN") and tok.head.sent == cue.sent:
        tok = tok.head
    return tok if tok.pos_ in ("PROPN", "NOUN") else None


def _bare_participle(cue: Token) -> bool:
    """Whether the cue is a passive participle opening an adverbial clause, with no one of its own.

    "Asked about the wall, Trump said ...": the subject of the verb it hangs on
    is the one asked, not who asks; 65 of 100 such cues in PolNeAR train have
    no source.
    """
    return (
        cue.tag_ == "VBN"
        and cue.dep_ == "advcl"
        and not any(c.dep_ in ("aux", "auxpass", "agent", *_SUBJECTS) for c in cue.children)
    )


def _line_above(tok: Token, cue: Token) -> bool:
    """Whether `tok` stands on a line above the cue's (the parser runs sentences across lines)."""
    # the words' own text, not doc.text[...]: spaCy rebuilds doc.text on each access
    return tok.i < cue.i and any("\n" in t.text_with_ws for t in cue.doc[tok.i : cue.i])


def _source_by_parse(cue: Token) -> Token | None:
    """The source head the dependency parse gives, climbing coordinated and subordinate verbs."""
    tok = cue
    for _ in range(4):
        agent = next((c for c in tok.children if c.dep_ == "agent"), None)
        subj = _subject(tok)
        if tok is not cue and subj is not None:  # "after saying ..., [she] was whisked off"
            return subj  # a verb climbed to: its subject, passive or not, is the speaker
        if agent is not None:  # "[the plan] was criticized by [X]": X speaks
            return next((c for c in agent.children if c.dep_ == "pobj"), None)
        if subj is not None:  # "[Trump] was asked about": whom a passive cue is about, no source
            return subj if subj.dep_ != "nsubjpass" else None
        if tok.pos_ in ("NOUN", "PROPN"):  # "Assad's claim"; "[he] was a critic of"
            owner = next((c for c in tok.children if c.dep_ == "poss"), None)
            if owner is not None or tok.dep_ != "attr":
                return owner
        if tok.dep_ in ("relcl", "acl") and tok.head is not tok:
            return tok.head
        if tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and tok.head.head.pos_ in _VERBS:
            tok = tok.head  # "responded [by] saying ...", "[in] defending himself, Trump ..."
        elif tok.dep_ not in _CLIMB or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _subject(tok: Token) -> Token | None:
    """The subject of `tok`; of two the parser gives it, the nearer ("'... reaction,' X said")."""
    subjects = [c for c in tok.children if c.dep_ in _SUBJECTS]
    return min(subjects, key=lambda c: abs(c.i - tok.i), default=None)


def _left_neighbour(cue: Token, *, lost: bool = False) -> Token | None:
    """The noun just before a cue verb when the parse lost its subject ("Trump estimates that").

    The small parser often attaches such a subject as a compound or modifier;
    auxiliaries, negation and adverbs in between are skipped. `lost`: the
    parse gave a subject on a line above (a headline or time stamp it ran
    into), so the parse of the cue's own line is broken too and the noun is
    taken wherever it hangs ("4:30 p.m.\n\nTrump's campaign manager says").
    """
    if cue.pos_ not in ("VERB", "AUX", "NOUN"):
        return None
    if not lost and cue.dep_ not in ("ROOT", "parataxis", "ccomp", "conj"):
        return None
    i = cue.i - 1
    while (
        i >= cue.sent.start
        and cue.doc[i].dep_ in ("aux", "auxpass", "neg", "advmod")
        and not cues.misread_modal(cue.doc[i])  # "[Will] described": a name, the speaker
    ):
        i -= 1
    if i < cue.sent.start:
        return None
    tok = cue.doc[i]
    if (
        (tok.head.i == cue.i or lost)
        and tok.dep_ not in ("dobj", "nsubjpass")
        and (
            tok.pos_ in ("NOUN", "PROPN", "PRON")
            or tok.lower_ in _QUANTIFIERS
            or cues.misread_modal(tok)
        )
    ):
        return tok
    return None


def phrase(head: Token, stop: set[int]) -> tuple[int, int]:
    """Token range [start, end) of the phrase headed by `head`, never entering `stop`."""
    left, right = head.left_edge.i, head.right_edge.i + 1
    right = _before_clause(head, stop, right)
    if any(i in stop for i in range(left, right)):
        left = right = head.i
        while (
            left > 0
            and head.doc[left - 1].dep_ in ("compound", "amod", "det", "poss")
            and (left - 1 not in stop)
        ):
            left -= 1
        right = head.i + 1
    doc = head.doc
    for i in range(head.i - 1, left - 1, -1):  # a source never reaches back over a line break
        if "\n" in doc[i].text or "\n" in doc[i].whitespace_:
            left = i + 1
            break
    for i in range(head.i + 1, right):
        if "\n" in doc[i].text or "\n" in doc[i - 1].whitespace_:
            right = i
            break
    while left < right - 1 and (doc[left].is_punct or doc[left].is_space):
        left += 1
    while right - 1 > left and (doc[right - 1].is_punct or doc[right - 1].is_space):
        right -= 1
    return left, right


def _before_clause(head: Token, stop: set[int], right: int) -> int:
    """Where the phrase ends when a clause after `head` holds another attribution's words.

    "Mr. Trump, who said last week that ...": the relative clause is an
    attribution of its own, so the phrase stops before it and its pronoun.
    """
    cut = next((i for i in range(head.i + 1, right) if i in stop), right)
    if cut == right:
        return right
    doc = head.doc
    return next((j for j in range(head.i + 1, cut) if doc[j].head.i >= cut), cut)


def clause_free(head: Token) -> set[int]:
    """Token ids of the phrase headed by `head` without the clauses hanging in it."""
    clauses = {
        i for t in head.subtree if t.dep_ in ("relcl", "acl") and t is not head
        for i in (s.i for s in t.subtree)
    }  # fmt: skip
    return {t.i for t in head.subtree} - clauses


@dataclass(slots=True)
class Mentions:
    """The article's entity mentions by offset, to find who a phrase names.

    `referents` maps the token id of a third-person pronoun to the entity it
    stands for (`speakers.referents`), None where it is unclear.
    """

    starts: list[int]
    spans: list[tuple[int, int, Entity]]
    roles: dict[str, list[int]]  # title word → positions in `spans` of persons with that title
    referents: dict[int, str | None] = field(default_factory=dict)

    @classmethod
    def of(cls, entities: list[Entity], referents: dict[int, str | None] | None = None) -> Mentions:
        spans = sorted((m.start, m.end, e) for e in entities for m in e.mentions)
        roles: dict[str, list[int]] = {}
        for k, (_, _, ent) in enumerate(spans):
            if ent.type == "PERSON":
                for word in {w for t in ent.titles for w in t.lower().split()}:
                    roles.setdefault(word, []).append(k)
        return cls([s for s, _, _ in spans], spans, roles, referents or {})

    def at(self, tok: Token) -> Entity | None:
        """The entity with a mention covering this word."""
        k = bisect.bisect_right(self.starts, tok.idx) - 1
        for s, e, ent in self.spans[max(0, k - 3) : k + 1]:
            if s <= tok.idx < e:
                return ent
        return None


def party(head: Token, stop: set[int], mentions: Mentions, previous: Party | None) -> Party:
    """The source (or addressee) phrase headed by `head`, with the entity it names, if any."""
    doc = head.doc
    left, right = phrase(head, stop)
    span = TextSpan(doc[left].idx, doc[right - 1].idx + len(doc[right - 1]), "")
    span.text = doc[left:right].text  # not doc.text[...]: spaCy rebuilds doc.text on each access
    return Party(span, _entity_of(head, mentions, previous))


def _entity_of(head: Token, mentions: Mentions, previous: Party | None) -> str | None:
    """The entity id a source phrase refers to, or None for an anonymous or unknown source."""
    if head.lower_ in speakers.THIRD_PERSON:
        return mentions.referents.get(head.i)
    if head.lower_ in _FIRST_PLURAL:  # "we" outside a quotation: the last speaker's side
        return previous.entity if previous is not None else None
    antecedent = _antecedent(head)
    if antecedent is not None:  # "Jones, [who] has argued ...": whom "who" stands for
        return _entity_of(antecedent, mentions, previous)
    ent = mentions.at(head)
    if ent is not None:
        return ent.id
    for child in head.children:
        if child.dep_ == "appos" and (ent := mentions.at(child)) is not None:
            return ent.id
    if head.pos_ == "NOUN" and any(c.lower_ == "the" for c in head.children):
        return _by_role(head, mentions)
    return None


def _antecedent(pronoun: Token) -> Token | None:
    """The noun a relative "who" or "which" subject stands for: the head of its clause."""
    if pronoun.tag_ not in ("WP", "WDT") or pronoun.dep_ not in ("nsubj", "nsubjpass"):
        return None
    verb = pronoun.head
    for _ in range(3):  # "who has said", "who is expected to say"
        if verb.dep_ == "relcl":
            return verb.head
        if verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def _by_role(head: Token, mentions: Mentions) -> str | None:
    """ "the spokesman": the person last named before, whose titles hold the role noun."""
    k = bisect.bisect_left(mentions.starts, head.idx)
    titled = mentions.roles.get(head.lower_, [])  # an index, not a scan back: long texts
    last = bisect.bisect_left(titled, k) - 1
    return mentions.spans[titled[last]][2].id if last >= 0 else None


def addressee_head(cue: Token, content: set[int]) -> Token | None:
    """Whom the cue addresses: "told Reuters", "said to reporters"."""
    for child in cue.children:
        if child.i in content:
            continue
        if child.dep_ in ("dobj", "dative") and cue.lemma_ in _ADDRESSING:
            return child
        if child.dep_ == "prep" and child.lower_ == "to" and cue.lemma_ in ("say", "write"):
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None
