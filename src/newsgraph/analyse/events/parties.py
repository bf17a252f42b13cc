"""Who did it and to whom: the actors and recipients of an event trigger, from the parse.

Verb triggers: the subject, or the "by" agent of a passive, is the actor; the
direct object, a passive subject, and the objects of "against", "on",
"with", "from", "to", "at" (and for support or a demand "for" and
"behind") are recipients. A verb without a subject of its
own takes the subject of the verb it depends on ("promising to withdraw",
"by ordering ..."), and a relative pronoun stands for the noun its clause
hangs on.

Noun triggers ("air strikes", "sanctions", "talks"): a possessive ("Russia's
air strikes"), a "by" object, or a country word or named actor in the
compound ("U.S. sanctions", "Russian air strikes") is the actor; an "of"
object is the recipient ("its seizure of Crimea"), or the actor for the
types where the one who acts is what moves ("the withdrawal of Russian
forces"); "talks with X" and "between X and Y" give recipients. A noun that
is the object of a light verb ("held talks", "imposed sanctions on",
"reached an agreement") or has a clause of its own ("the restrictions Putin
slapped on ...", "sanctions imposed by ...") takes that verb's subject as
actor and its prepositional objects as recipients; a noun that is the
subject of a verb ("air strikes ... killed some 1,700 civilians") takes the
verb's object as recipient.

Conjunctions give one party each, and two conjoined subjects of a meeting,
an agreement or a cooperation with no object meet each other ("Obama and
Putin met": Putin is the recipient); `party_codes.py` gives each its words,
entity, country and sector.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.analyse.events.context import Context
from newsgraph.analyse.events.party_codes import core, objects, party, same_block
from newsgraph.analyse.events.triggers import Trigger
from newsgraph.analyse.identity.actors import agent_sector
from newsgraph.analyse.identity.countries import country_of
from newsgraph.model import EventParty

_SUBJECTS = frozenset({"nsubj", "csubj"})
# Acts two parties do to each other: with no object, the second of two conjoined
# subjects is the recipient, as PLOVER codes "X and Y met" (three or more sign
# together: all are actors).
_MUTUAL = frozenset({"CONSULT", "AGREE", "COOPERATE", "SUPPORT"})
_OBJECTS = frozenset({"dobj", "dative", "attr", "oprd"})
_RECIPIENT_PREPS = frozenset({
    "against", "on", "upon", "with", "from", "to", "toward", "towards", "into", "onto",
})  # fmt: skip
# "at" names a target for these types ("fired at", "threw stones at"), a place for the rest.
_AT_TARGET = frozenset({"ASSAULT", "COERCE", "THREATEN", "ACCUSE"})
# Verbs whose object is no target of their subject ("the sanctions had an effect").
_NOT_ACTING = frozenset({"have", "be", "become", "seem", "remain", "make", "take", "give",
                         "get", "include", "come", "mean", "show", "cause", "need"})  # fmt: skip
# Verbs whose subject does what their object noun names ("held talks", "imposed
# sanctions on", "reached an agreement"), unlike the verbs that react to it
# ("condemned the seizure of the embassy by students": the students seized it).
_SUPPORT_VERBS = frozenset({
    "hold", "impose", "reach", "slap", "launch", "sign", "conduct", "carry", "make", "give",
    "stage", "begin", "start", "continue", "resume", "open", "order", "announce", "wage",
    "mount", "deliver", "extend", "offer", "provide", "send", "issue", "lodge", "file", "level",
    "express", "pay", "take", "have", "do", "deploy", "pursue", "seek", "organize", "organise",
    "lead", "call", "put", "increase", "boost", "expand", "step", "intensify", "escalate",
    "renew", "tighten", "strike", "conclude", "agree", "approve", "authorize", "authorise",
    "grant", "unleash", "fire", "drop", "perform", "undertake", "complete", "host", "attend",
    "join", "initiate", "propose", "plan", "threaten", "vow", "pledge", "promise", "enter",
    "broker", "forge", "seal", "finalize", "finalise", "declare", "keep", "maintain", "use",
    "get", "receive", "win", "accept", "demand", "request", "be",
})  # fmt: skip
# Prepositions of time or circumstance: "after talks with X, Y said" (Y held them).
_FRAME_PREPS = frozenset(
    {"after", "following", "before", "during", "since", "amid", "at", "in", "for"}
)
# Verbal acts whose target is often the subject of what is said of or asked of
# it: "suggested the United States should send", "calling for Congress to act",
# "argues that he can't deliver".
_ADDRESSED = frozenset({"REQUEST", "ACCUSE", "SUPPORT", "REJECT", "THREATEN"})
_CLAUSES = frozenset({"ccomp", "xcomp", "advcl"})
_TIMES = frozenset({"DATE", "TIME"})  # "Friday's agreement": no actor
_TARGET_FIRST = frozenset({"ASSAULT", "COERCE"})
# Prepositions that name a target only for these types: "voted for X", "called for
# the overthrow of X", "threw his support behind X" (elsewhere "for" is a purpose).
_SIDE_TARGET = {"for": frozenset({"SUPPORT", "REQUEST"}), "behind": frozenset({"SUPPORT"})}
# Types whose target is often named only as the one whose deed it answers.
_REASON_TYPES = frozenset({"SANCTION", "ACCUSE", "PROTEST", "THREATEN", "REJECT", "COERCE"})
_NOUN_RECIPIENT_PREPS = frozenset({"against", "on", "with", "to", "toward", "towards", "from"})
_BY_ACTOR = frozenset({"by"})
# Types whose "of" object is the one who acts: "the withdrawal of Russian forces".
_OF_IS_ACTOR = frozenset({"RETREAT", "MOBILIZE", "PROTEST", "CONCEDE"})
_FREEING = frozenset({"release", "freeing", "handover", "extradition", "return"})  # "of" is who
_ADVERBIAL = frozenset({"aux", "auxpass", "neg", "advmod"})
_CLIMB = frozenset(
    {"xcomp", "conj", "advcl", "pcomp", "ccomp", "acomp", "prep", "dobj", "pobj", "acl"}
)
_RELATIVE = frozenset({"who", "which", "that", "whom"})
# spaCy often reads a subordinating "before"/"after" as a preposition whose object
# is the next clause's subject ("before Russia ... reached agreement").
_SUBORDINATORS = frozenset({"before", "after", "since", "until", "as", "while", "when", "once"})


def parties(trig: Trigger, ctx: Context) -> tuple[list[EventParty], list[EventParty]]:
    """The actors and the recipients of one trigger, each in text order."""
    head = ctx.doc[trig.head]
    if head.pos_ in ("NOUN", "PROPN"):
        actors, recipients = _noun_roles(head, trig.type, trig.mode, ctx)
    else:
        actors, recipients = _verb_roles(head, trig.type)
    text = ctx.article.text

    def fits(tok: Token) -> bool:  # not the trigger's own words ("took a swipe at"), nor a date
        inside = trig.start <= tok.idx < trig.end and tok.i != head.i and not _names(tok, ctx)
        return not inside and tok.ent_type_ not in _TIMES and same_block(tok, head, text)

    recipient_heads = [_owner(t, ctx) for t in _expand(recipients) if fits(t)]
    if not recipient_heads and trig.type in _REASON_TYPES:
        recipient_heads = [t for t in _reason_target(head) if fits(t)]
    actor_heads = [_owner(t, ctx) for t in _expand(actors) if fits(t)]
    actor_heads = [t for t in actor_heads if t not in recipient_heads]
    if not recipient_heads and trig.type in _MUTUAL and len(actor_heads) == 2:
        first, second = actor_heads  # "Obama and Putin met": Putin is whom Obama met
        if second in first.conjuncts:
            actor_heads, recipient_heads = [first], [second]
    found = [party(t, ctx) for t in recipient_heads]
    named = [p for p in found if p.entity or p.country or p.sector]
    return [party(t, ctx) for t in actor_heads], named or found


def _owner(tok: Token, ctx: Context) -> Token:
    """The actor a thing stands for: "Trump's proposal", "the endorsement of Sen. Graham".

    A common noun that names no actor itself (no entity, no agent word) but
    has a possessive or an "of" object that does is what that actor owns or
    does, and the event is done to or by the actor.
    """
    if tok.pos_ != "NOUN" or _names(tok, ctx):
        return tok
    owners = [c for c in tok.children if c.dep_ == "poss"]
    owners += [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for o in objects(c)]
    return next((owner for owner in owners if _names(owner, ctx)), tok)


def _names(tok: Token, ctx: Context) -> bool:
    """Whether a word names an actor: an entity (or a pronoun resolved to one) or an agent."""
    return ctx.entity(tok) is not None or bool(agent_sector(tok.text))


def _reason_target(head: Token) -> list[Token]:
    """Who a sanction or accusation is over: "sanctions ... over Moscow's interference"."""
    lo, hi = head.left_edge.i, head.right_edge.i
    for tok in head.doc[lo : hi + 1]:
        if tok.dep_ == "prep" and tok.lower_ in ("over", "for"):
            for obj in objects(tok):
                found = [c for c in obj.children if c.dep_ == "poss"]
                if found:
                    return found
    return []


def _verb_roles(verb: Token, kind: str) -> tuple[list[Token], list[Token]]:
    """Actor and recipient heads of a verb trigger."""
    actors: list[Token] = []
    recipients: list[Token] = []
    for child in verb.children:
        if child.dep_ in _SUBJECTS:
            actors.append(child)
        elif child.dep_ == "nsubjpass" or child.dep_ in _OBJECTS:
            recipients.append(child)
        elif child.dep_ == "agent":
            actors += objects(child)
        elif _to_recipient(child, kind):
            recipients += objects(child)
    for obj in [c for c in verb.children if c.dep_ == "dobj"]:  # "taking shots at"
        recipients += [o for c in obj.children if _to_recipient(c, kind) for o in objects(c)]
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):  # "Americans held by Iran"
        (recipients if verb.tag_ == "VBN" else actors).append(verb.head)
    if not recipients:  # "willing to withdraw from", "continue negotiating with"
        nxt = [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")]
        if nxt:
            recipients = _verb_roles(nxt[0], kind)[1]
    if not recipients and kind in _ADDRESSED:  # "suggested the United States should send"
        recipients = [s for c in verb.children if c.dep_ in _CLAUSES for s in _clause_subjects(c)]
    misread = _misread_subject(verb)
    if misread and all(a.i < misread[0].head.i for a in actors):
        actors = misread
    if not actors:
        actors = _inherited_subject(verb)
    return actors, recipients


def _clause_subjects(clause: Token) -> list[Token]:
    """The subjects of a complement clause, or of one that "for" opens ("for X to act")."""
    marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
    if clause.dep_ == "advcl" and marks != {"for"}:
        return []  # "after X did", "because X said": a circumstance, not what is asked
    return [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]


def _to_recipient(prep: Token, kind: str) -> bool:
    """Whether a preposition introduces a recipient for this type of event."""
    if prep.dep_ != "prep":
        return False
    word = prep.lower_
    return (
        word in _RECIPIENT_PREPS
        or (word == "at" and kind in _AT_TARGET)
        or kind in _SIDE_TARGET.get(word, ())
    )


def _noun_roles(
    noun: Token, kind: str, mode: str | None, ctx: Context
) -> tuple[list[Token], list[Token]]:
    """Actor and recipient heads of a noun trigger (its own words, then its verbs')."""
    actors: list[Token] = []
    recipients: list[Token] = []
    if agent_sector(noun.text):  # the noun is its own actor: "protesters", "troops"
        actors.append(noun)
    for child in noun.children:
        named = child.dep_ in ("compound", "amod", "nmod") and _names_actor(child, kind, ctx)
        if (child.dep_ == "poss" and child.ent_type_ not in _TIMES) or named:
            actors.append(child)
        elif child.dep_ == "prep" and child.lower_ in _BY_ACTOR:
            actors += objects(child)
        elif child.dep_ == "prep" and child.lower_ == "of":
            acts = kind in _OF_IS_ACTOR and mode != "release" and noun.lemma_ not in _FREEING
            (actors if acts else recipients).extend(objects(child))
        elif child.dep_ == "prep" and child.lower_ == "between":
            inside = _expand(objects(child))
            (recipients if actors else actors).extend(inside[:1])
            recipients += inside[1:]
        elif child.dep_ == "prep" and child.lower_ in _NOUN_RECIPIENT_PREPS:
            recipients += objects(child)
        elif child.dep_ in ("acl", "relcl") and any(c.dep_ == "mark" for c in child.children):
            # a content clause: "advice that Britain should remain" (Britain is advised)
            recipients += [c for c in child.children if c.dep_ in _SUBJECTS]
        elif child.dep_ in ("acl", "relcl") and child.pos_ in ("VERB", "AUX"):
            verb_actors, verb_recipients = _verb_roles(child, kind)
            actors += [t for t in verb_actors if t.i != noun.i and t.lower_ not in _RELATIVE]
            recipients += [
                t for t in verb_recipients if t.i != noun.i and t.lower_ not in _RELATIVE
            ]
    verb = noun.head
    if verb.pos_ in ("VERB", "AUX") and verb.i != noun.i:
        if noun.dep_ in _OBJECTS and verb.lemma_ in _SUPPORT_VERBS:  # "held talks with"
            verb_actors, verb_recipients = _verb_roles(verb, kind)
            actors = actors or verb_actors
            recipients += [t for t in verb_recipients if t.i != noun.i]
        elif noun.dep_ in ("nsubj", "nsubjpass") and not recipients:
            recipients = _chain_objects(verb)
    if not actors and noun.dep_ == "pobj" and noun.head.lower_ in _FRAME_PREPS:
        frame = noun.head.head
        if frame.pos_ in ("VERB", "AUX"):
            actors = [c for c in frame.children if c.dep_ in _SUBJECTS]
            if not actors and frame.dep_ == "acl":  # "Kikwete, speaking at a news conference"
                actors = [frame.head]
    return actors, recipients


def _names_actor(tok: Token, kind: str, ctx: Context) -> bool:
    """Whether a modifier of a noun names who acts, itself or in its own compound.

    A country adjective ("Russian air strikes"), a country or a coded
    organisation ("U.S. sanctions", "the U.S. military buildup", "NATO
    strikes"); not a city, which is where ("the Boston centre"), nor, for an
    assault or a seizure, a country noun, which is as often the target ("the
    Kuwait invasion").
    """
    for t in core(tok, ctx.article.text):
        if t.dep_ == "amod" and country_of(t.text) is not None:
            return True
        ent = ctx.entity(t)
        if ent is None or not ent.codes:
            continue
        if ent.type in ("ORG", "NORP", "PERSON"):
            return True
        if "iso3" in ent.kb and kind not in _TARGET_FIRST:
            return True
    return False


def _inherited_subject(verb: Token) -> list[Token]:
    """The subject a verb shares with the verbs it depends on, a few steps up at most."""
    tok = verb
    for _ in range(4):
        if tok.dep_ == "relcl":  # "Assad, who met Putin"; not "the city where 168 were killed"
            passive = any(c.dep_ in ("nsubjpass", "advmod") for c in tok.children)
            return [] if passive else [tok.head]
        if tok.dep_ not in _CLIMB or tok.head.i == tok.i:
            break
        controlled = tok.dep_ == "xcomp"
        tok = tok.head
        if controlled and tok.pos_ == "VERB":  # "nudge the EU to lift": the EU lifts
            found = [c for c in tok.children if c.dep_ == "dobj"]
            if found:
                return found
        if tok.pos_ in ("NOUN", "PROPN"):  # "North Korea's claim to have conducted"
            found = [c for c in tok.children if c.dep_ == "poss"]
            if found:
                return found
        if tok.pos_ in ("VERB", "AUX"):
            found = [c for c in tok.children if c.dep_ in _SUBJECTS]
            found += [o for c in tok.children if c.dep_ == "agent" for o in objects(c)]
            if found:
                return found
    return _misread_subject(verb)


def _misread_subject(verb: Token) -> list[Token]:
    """The subject spaCy gave to a "before"/"after" read as a preposition, if it did."""
    left = verb.i - 1
    doc = verb.doc
    while left >= verb.sent.start and doc[left].head.i == verb.i and doc[left].dep_ in _ADVERBIAL:
        left -= 1
    if left < verb.sent.start:
        return []
    tok = doc[left]
    while tok.dep_ == "conj" and tok.head.i < tok.i:
        tok = tok.head
    if tok.dep_ == "pobj" and tok.head.lower_ in _SUBORDINATORS and tok.pos_ in ("PROPN", "NOUN"):
        return [tok]
    return []


def _chain_objects(verb: Token) -> list[Token]:
    """The object of a verb, or of the verbs its open complements lead to ("... to have killed")."""
    tok = verb
    for _ in range(3):
        if tok.lemma_ in _NOT_ACTING:
            return []
        found = [c for c in tok.children if c.dep_ == "dobj"]
        if found:
            return found
        nxt = [c for c in tok.children if c.dep_ == "xcomp"]
        if not nxt:
            return []
        tok = nxt[0]
    return []


def _expand(heads: list[Token]) -> list[Token]:
    """Each head and its conjuncts, relative pronouns replaced by their noun, in text order."""
    out: list[Token] = []
    for head in heads:
        if head.lower_ in _RELATIVE and head.head.dep_ == "relcl":
            head = head.head.head
        for tok in _conjuncts(head):
            if tok not in out and tok.pos_ not in ("VERB", "AUX", "ADP", "SCONJ"):
                out.append(tok)
    return sorted(out, key=lambda t: t.i)


def _conjuncts(head: Token) -> list[Token]:
    """A head and the conjuncts coordinated after it ("Russia, the United States, and ...")."""
    out = [head]
    for child in head.children:
        if child.dep_ == "conj":
            out += _conjuncts(child)
    return out
