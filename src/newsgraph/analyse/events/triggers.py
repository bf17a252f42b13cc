"""Event triggers: the words that report a political event, with its PLOVER type and mode.

Candidates are the verbs and eventive nouns of the one spaCy parse that the
compiled CAMEO lexicon (`lexicon.py`) codes. Dictionary coders over-generate
("killed" by an earthquake, a company "agreed" to buy another, "support" for a
product), so a candidate must also read as an act: a verb whose doer is
named is kept only when that doer is an agent (a person, group, place or a
role word of the agent dictionaries, not a storm or a disease); a noun needs
an actor or a place of its own ("Russia's air strikes", "talks in Geneva").
Verbs of saying something about another act ("agreed to", "refused to",
"threatened to") code the act only when it is one. Modality and the
political-actor test are the argument finder's (`find.py`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from spacy.tokens import Doc, Token

from newsgraph.analyse.events.coder import coder_features, decide, is_candidate, scores
from newsgraph.analyse.events.features import features, probability
from newsgraph.analyse.events.lexicon import Coding, code_noun, code_verb, lexicon, singular
from newsgraph.analyse.identity.actors import agent_sector, codes_at, lookup

AGENT_ENTITIES = frozenset({"PERSON", "NORP", "ORG", "GPE"})
QUANTITY_ENTITIES = frozenset({"CARDINAL", "QUANTITY", "PERCENT"})
_QUANTITY_LIST = (
    "dozen dozens hundred hundreds thousand thousands million millions number some many most all"
)
QUANTITY = frozenset(_QUANTITY_LIST.split())
PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
# Types whose verb reports another act in its complement ("agreed to withdraw"),
# which absorbs the complement's own event ("threatened to attack" is a threat).
FRAMING = frozenset({"AGREE", "REJECT", "REQUEST", "THREATEN", "CONCEDE", "SUPPORT"})
# Of those, the types that are no political act when the complement is none
# ("agreed to buy a rival"); a threat is a threat, and a refusal or a request
# is one unless what is refused or asked is only to speak ("declined to comment").
NEEDS_CONTENT = frozenset({"AGREE", "CONCEDE", "SUPPORT"})
NOT_TO_SPEAK = frozenset({"REJECT", "REQUEST"})
# Types of material acts, whose modes say how the act was done.
MATERIAL = frozenset({"CONSULT", "AID", "RETREAT", "PROTEST", "MOBILIZE", "COERCE", "ASSAULT"})
# What a promise to do turns into a concession (the manual's CONCEDE).
YIELDING = frozenset({"RETREAT", "CONCEDE"})
# Prepositions that introduce a party or the place of a nominal event.
_PARTY_PREPS_LIST = """by of between among with against on from in at across near outside inside
throughout into"""
PARTY_PREPS = frozenset(_PARTY_PREPS_LIST.split())
# Collective words for political actors, and words for people acting together,
# that the agent dictionaries leave out.
_COLLECTIVE_LIST = """force official leader side country nation state coalition ally power
party group militant insurgent fighter attacker striker union negotiator mediator investigator
candidate troop army military soldier jet plane warplane aircraft helicopter drone
tank artillery ship navy people person crowd resident member citizen villager supporter
student youth woman man"""
COLLECTIVE = frozenset(_COLLECTIVE_LIST.split())
PHONE = frozenset({"phone", "telephone", "call", "videoconference", "video"})
AIR = frozenset({"air", "aerial", "airstrike", "warplane", "bomber", "jet", "plane", "aircraft"})


@dataclass(frozen=True, slots=True)
class Trigger:
    """A word (or phrase) of the parse that reports an event, coded.

    `head` is the index in the Doc of the trigger's head token: a verb
    ("withdraw") or an eventive noun ("strikes" of "air strikes"), the token
    the argument finder starts from; `start`/`end` are the character offsets
    of the trigger's words. `cameo` is the CAMEO code it crosswalks to,
    `confidence` the coder's belief in `type`, in [0, 1].
    """

    head: int
    start: int
    end: int
    type: str
    mode: str | None = None
    cameo: str | None = None
    confidence: float = 0.0
    contexts: tuple[str, ...] = ()


def find_triggers(doc: Doc) -> list[Trigger]:
    """Every event trigger of the parse, in text order."""
    return code_triggers(doc, coder="coder" if lexicon().coder else "model")


def code_triggers(doc: Doc, *, coder: str) -> list[Trigger]:
    """The triggers of one coder: "lexicon" (the lexicon and its sense checks),
    "model" (those filtered by the synthetic-story model) or "coder" (the
    supervised coder trained on real news, `coder.py`)."""
    if coder == "coder":
        return _supervised(doc, lexicon().coder) if lexicon().coder else []
    model = lexicon().model if coder == "model" else {}
    out = []
    for token, found, doer, agent in candidates(doc):
        confidence = {"pattern": 0.8, "frame": 0.7, "verb": 0.65}.get(
            found.source, 0.45 + 0.35 * found.share
        )
        if model:
            # The model keeps a candidate when its type is at least `threshold`
            # times as likely as for the average candidate of that type in training.
            p = probability(features(token, found, doer, agent), model)
            base = float(model["base"].get(found.type, 0.5))
            # A phrase pattern or a coding with a PLOVER mode names a specific act
            # ("phoned", "air strikes"), which the story-level labels cannot overrule.
            if p < base * float(model["threshold"]) and not is_specific(found):
                continue
            confidence = p / (p + base)
        out.append(_trigger(token, found, confidence))
    return out


def _supervised(doc: Doc, model: dict[str, Any]) -> list[Trigger]:
    """The supervised coder's triggers: each candidate token that `decide` types,
    with the lexicon's code and mode when it agrees on the type."""
    lemmas = frozenset(model["lemmas"])
    screened = screen(doc)
    out = []
    for token in doc:
        found, status = screened.get(token.i, (None, "none"))[:2]
        if not is_candidate(token, found, lemmas):
            continue
        probs = scores(coder_features(token, found, status), model)
        specific = found is not None and is_specific(found)
        got = decide(
            probs,
            model["rules"],
            status,
            found.type if specific and found else None,
            found.type if found else None,
        )
        if got is None:
            continue
        kind, p = got
        if found is None or found.type != kind:
            found = Coding(model["cameo"].get(kind), kind, None, (), "coder")
        out.append(_trigger(token, found, p))
    return out


def is_specific(found: Coding) -> bool:
    """Whether the lexicon coded a specific act: a phrase pattern, a promise to yield,
    or a material act with its mode ("phoned", "released"). The modes of verbal
    acts ("disapprove", "yield") are the crosswalk's, not the word's."""
    if found.source in {"pattern", "frame"}:
        return True
    return found.mode is not None and found.type in MATERIAL


def candidates(doc: Doc) -> list[tuple[Token, Coding, Token | None, bool | None]]:
    """The lexicon's candidates that pass the sense checks, with the verb's doer and
    whether it is an agent (None when no doer is named), in text order."""
    return [
        (doc[i], found, doer, agent)
        for i, (found, status, doer, agent) in screen(doc).items()
        if status == "kept"
    ]


def screen(doc: Doc) -> dict[int, tuple[Coding, str, Token | None, bool | None]]:
    """Every token the lexicon codes, in text order, with what the sense checks say:
    "kept", "absorbed" (another trigger reports it), "carried" (a plain verb
    whose object noun is coded: "slapped restrictions"), "happening" (its doer is no
    agent, or a business) or "weak" (a noun without parties, a framing verb
    without content), and the verb's doer and whether it is an agent."""
    codings: dict[int, Coding] = {}
    for token in doc:
        found = candidate_coding(token)
        if found is not None:
            codings[token.i] = found
    if not codings:
        return {}
    absorbed, carried = _absorbed(doc, codings)
    out = {}
    for i, found in sorted(codings.items()):
        token = doc[i]
        doer = actor_of(token) if token.pos_ == "VERB" else None
        agent = is_agent(doer) if doer is not None else None
        if i in absorbed:
            status = "absorbed"
        elif agent is False or (doer is not None and agent_sector(doer.text) == "BUS"):
            status = "happening"  # what _reads_as_act rules out first
        elif i in carried:
            status = "carried"
        elif _reads_as_act(token, found, codings, agent):
            status = "kept"
        else:
            status = "weak"
        out[i] = (found, status, doer, agent)
    return out


def candidate_coding(token: Token) -> Coding | None:
    """The lexicon's coding of a verb or noun, before the sense checks."""
    if token.pos_ == "VERB":
        return code_verb(token)
    if token.pos_ == "NOUN" and token.dep_ != "compound":
        return code_noun(token)
    return None


def _absorbed(doc: Doc, codings: dict[int, Coding]) -> tuple[set[int], set[int]]:
    """Candidates that another trigger already reports, and the verbs whose object
    noun speaks for them.

    A noun a verb's pattern matched ("imposed sanctions") is the verb's event;
    the complement of a framing verb ("threatened to attack") is the framing
    verb's content, not an event of its own; a plain verb whose object is an
    eventive noun ("slapped restrictions", "reached agreement") reports the
    noun's event, so the noun speaks for it.
    """
    out: set[int] = set()
    carried: set[int] = set()
    for i, found in codings.items():
        token = doc[i]
        if found.source == "pattern":
            out.update(w for w in found.words if w != i and w in codings)
        if found.type in FRAMING and token.pos_ == "VERB":
            content = [t.i for t in _complements(token) if t.i in codings]
            out.update(content)
            if found.type == "AGREE" and any(codings[c].type in YIELDING for c in content):
                # "announced ... would withdraw troops" is CONCEDE (the manual), not AGREE
                codings[i] = replace(found, type="CONCEDE", mode=None, cameo="035", source="frame")
        if token.pos_ == "VERB" and found.source == "verb":
            objects = [c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}]
            if token.dep_ in {"relcl", "acl"}:
                objects.append(token.head)
            if any(o.i in codings and doc[o.i].pos_ == "NOUN" for o in objects):
                carried.add(i)
    return out, carried


def _complements(verb: Token) -> list[Token]:
    """The verbs of a framing verb's complement: "promised to withdraw ... and release"."""
    out = [c for c in verb.children if c.dep_ == "xcomp"]
    for head in list(out):
        out += [c for c in head.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    return out


def _reads_as_act(
    token: Token, found: Coding, codings: dict[int, Coding], agent: bool | None
) -> bool:
    """Whether the candidate is an act of somebody, not a happening or a business deal.

    `agent` says whether the verb's doer is an agent (None: no doer named).
    """
    if token.pos_ == "VERB":
        if agent is False:
            return False
        doer = actor_of(token)
        if doer is not None and doer.ent_type_ == "" and agent_sector(doer.text) == "BUS":
            return False  # "the company agreed to buy its rival": a business deal
        if found.source == "verb" and (complement := _complements(token)):
            if found.type in NEEDS_CONTENT and not any(
                _reports_event(c, codings) for c in complement
            ):
                return False
            statements = lexicon().statements
            if found.type in NOT_TO_SPEAK and all(
                c.lemma_.lower() in statements for c in complement
            ):
                return False
        return True
    return _has_party(token)


def _reports_event(verb: Token, codings: dict[int, Coding]) -> bool:
    """Whether a complement clause holds a coded event (its verb or its object nouns)."""
    return any(t.i in codings for t in verb.subtree)


def actor_of(verb: Token) -> Token | None:
    """The doer of a verb: its active subject, the "by" agent of a passive, or the
    subject of the verb it completes ("agreed to withdraw")."""
    current: Token | None = verb
    for _ in range(3):
        if current is None:
            return None
        for child in current.children:
            if child.dep_ in {"nsubj", "csubj"}:
                if child.tag_ in {"WDT", "WP"} and current.dep_ == "relcl":
                    return current.head  # "the storm that struck": the storm struck
                return child
            if child.dep_ == "agent":
                return next((g for g in child.children if g.dep_ == "pobj"), None)
        if current.dep_ in {"xcomp", "conj"} and current.head is not current:
            current = current.head
        elif current.dep_ in {"relcl", "acl"} and current.head.pos_ in {"NOUN", "PROPN"}:
            return current.head if current.dep_ == "relcl" else None
        else:
            return None
    return None


def is_agent(token: Token) -> bool | None:
    """Whether a phrase head names somebody who can act: a pronoun, a person, group or
    place, a role word of the agent dictionaries, or a word modified by one. A bare
    number or quantity ("hundreds", "dozens of") says nothing (None) unless its "of"
    phrase does."""
    if (
        token.ent_type_ in QUANTITY_ENTITIES
        or token.pos_ == "NUM"
        or token.lemma_.lower() in QUANTITY
    ):
        of = [g for c in token.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        return is_agent(of[0]) if of else None
    if token.pos_ == "PRON" or token.ent_type_ in AGENT_ENTITIES:
        return True
    if token.pos_ == "PROPN":
        return True
    words = [t for t in token.subtree if t.i <= token.i]
    if any(t.ent_type_ in AGENT_ENTITIES for t in words):
        return True
    if singular(token.lemma_.lower()) in COLLECTIVE:
        return True
    return bool(agent_sector(" ".join(t.text for t in words[-3:])))


def _has_party(noun: Token) -> bool:
    """Whether an eventive noun has an actor, recipient or place in its own phrase,
    or is the object of a verb whose subject is an agent."""
    for child in noun.children:
        if child.dep_ in {"poss", "compound", "amod", "nmod"} and is_agent(child):
            return True
        if (
            child.dep_ == "prep"
            and child.lower_ in PARTY_PREPS
            and any(
                is_agent(g) or g.ent_type_ in PLACE_ENTITIES
                for g in child.children
                if g.dep_ == "pobj"
            )
        ):
            return True
        if child.dep_ in {"acl", "relcl"}:
            doer = actor_of(child)
            if doer is not None and doer.i != noun.i and is_agent(doer):
                return True
    head = noun.head
    if noun.dep_ in {"dobj", "nsubjpass", "pobj", "attr"} and head is not noun:
        verb = head.head if noun.dep_ == "pobj" and head.dep_ == "prep" else head
        if verb.pos_ in {"VERB", "AUX"}:
            doer = actor_of(verb)  # "hundreds gathered for a rally": a crowd counts
            return doer is not None and doer.i != noun.i and is_agent(doer) is not False
    return False


def _trigger(token: Token, found: Coding, confidence: float) -> Trigger:
    """The Trigger of a candidate: its words and its mode, refined from the phrase."""
    words = [token, *(token.doc[i] for i in found.words if abs(i - token.i) <= 2)]
    words += [
        c for c in token.children if c.dep_ == "prt" or (c.dep_ == "compound" and c.i < token.i)
    ]
    start = min(t.idx for t in words)
    end = max(t.idx + len(t.text) for t in words)
    mode = _mode(token, found)
    return Trigger(
        head=token.i,
        start=start,
        end=end,
        type=found.type,
        mode=mode,
        cameo=found.cameo,
        confidence=round(confidence, 3),
        contexts=found.contexts,
    )


def _near(token: Token) -> Iterable[Token]:
    """The words of the trigger's own phrase, its subject's and its instruments."""
    yield from (t for t in token.subtree if abs(t.i - token.i) <= 8)
    doer = actor_of(token) if token.pos_ == "VERB" else None
    if doer is not None:
        yield from doer.subtree


def _mode(token: Token, found: Coding) -> str | None:
    """PLOVER's mode: the crosswalk's, refined by the words of the phrase."""
    lemmas = {singular(t.lemma_.lower()) for t in _near(token)}
    if found.type == "ASSAULT":
        aircraft = lexicon().synsets.get("&AIRCRAFT", frozenset())
        if lemmas & {"drone", "uav"}:
            return "drone"
        if lemmas & (AIR | aircraft):
            return "aerial"
    if found.type == "CONSULT":
        if lemmas & PHONE:
            return "phone"
        if found.mode is None and _multilateral(token):
            return "multilateral"
    return found.mode


def _multilateral(token: Token) -> bool:
    """A meeting in an intergovernmental setting ("UN-mediated talks") or among several parties."""
    phrase = token.doc[token.left_edge.i : token.right_edge.i + 1]
    for ent in phrase.ents:
        if ent.label_ == "ORG" and any(
            c["country"] == "IGO" for a in lookup(ent.text) for c in codes_at(a, None)
        ):
            return True
    parties = [t for t in phrase if t.dep_ == "conj" and t.head.dep_ == "pobj"]
    return len(parties) >= 2
