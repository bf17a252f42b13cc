"""Whether the text asserts an event, denies it, supposes it, announces it or reports a claim.

Read from the words on the trigger's clause: the trigger and the verbs above
it up to the clause's own verb, and the verbs that govern that clause through
an open complement ("plans to withdraw", "are estimated to have killed"):

- negated: a negation on the clause ("did not discuss", "never met") or
  "no" on a noun trigger ("no talks");
- hypothetical: a modal of possibility ("could lift", "may", "might",
  "would" outside reported speech) or a condition ("if the negotiations
  fail", "unless");
- future: "will", "shall", "is to", "going to", or a verb of intention or
  schedule governing it ("plans to", "intends to", "is set to");
- reported: the event is inside the content of an attributed statement
  (the quote stage's), or governed by a verb of estimate or claim ("are
  estimated to have killed", "allegedly").

The first that applies, in that order, wins: "Russia will not withdraw" is a
denial before it is an announcement. The statement whose content holds the
trigger, the innermost when statements nest, is kept as the event's quote
whatever the modality, so a claim keeps its source.
"""

from __future__ import annotations

from itertools import pairwise

from spacy.tokens import Token

from newsgraph.analyse.events.context import Context
from newsgraph.analyse.events.triggers import Trigger
from newsgraph.model import EventModality, Quote

_NEGATIONS = frozenset({"not", "n't", "never", "no", "nor", "neither", "without"})
_POSSIBLE = frozenset({"could", "may", "might", "can", "should", "must", "ca", "would"})
_FUTURE = frozenset({"will", "shall", "'ll", "wo"})
_CONDITIONS = frozenset({"if", "unless", "whether"})
_INTENT = frozenset({
    "plan", "intend", "expect", "schedule", "set", "aim", "prepare", "promise", "pledge",
    "vow", "threaten", "hope", "want", "seek", "propose", "decide", "agree", "go", "due",
    "poise", "offer",
})  # fmt: skip
_CLAIM = frozenset({
    "estimate", "believe", "allege", "claim", "report", "suspect", "rumor", "say", "think",
    "accuse",
})  # fmt: skip
_CLAIM_ADVERBS = frozenset({"reportedly", "allegedly", "purportedly", "supposedly"})
_UP = frozenset({"xcomp", "prep", "pobj", "pcomp", "dobj", "nsubj", "nsubjpass", "compound",
                 "conj", "acl", "amod", "poss", "attr"})  # fmt: skip
_STEPS = 6


def modality(trig: Trigger, ctx: Context) -> tuple[EventModality, str | None]:
    """The modality of the event reported by `trig`, and the id of the quote holding it."""
    quote = _holding(ctx, trig.start, trig.end)
    chain = _chain(ctx.doc[trig.head])
    words = [c for tok in chain for c in tok.children] + chain
    if _negates(chain, words, trig.type):
        return "negated", quote
    auxes = {t.lower_ for t in words if t.dep_ in ("aux", "auxpass") and t.head in chain}
    marks = {t.lower_ for t in words if t.dep_ == "mark" and t.head in chain}
    reported = quote is not None or any(
        (t.lemma_ in _CLAIM and t.i != trig.head and t.pos_ == "VERB") for t in chain[1:]
    )
    reported = reported or any(t.lower_ in _CLAIM_ADVERBS for t in words)
    if marks & _CONDITIONS or (auxes & _POSSIBLE and not (reported and auxes <= {"would"})):
        return "hypothetical", quote
    if auxes & _FUTURE or auxes & {"would"} or _intended(chain):
        return "future", quote
    if reported:
        return "reported", quote
    return "asserted", quote


def _holding(ctx: Context, start: int, end: int) -> str | None:
    """The id of the innermost statement whose content holds the span, or None."""
    holding = [
        q
        for q in ctx.article.quotes
        if q.content.start <= start and end <= q.content.end and _statement(q, ctx)
    ]
    if not holding:
        return None
    return min(holding, key=lambda q: q.content.end - q.content.start).id


def _statement(quote: Quote, ctx: Context) -> bool:
    """Whether a quote is somebody's claim: a speaker, and quoted words or a clause.

    The attribution stage also reads some verbs of doing as cues ("signed an
    agreement"), and the writer's hedges ("seemed to") with no speaker; neither
    is a claim of anybody's.
    """
    content = quote.content
    if quote.speaker is None:  # "the move seemed aimed at ...": the writer's own hedge
        return False
    if any(mark in content.text for mark in '"“”«»'):
        return True
    span = ctx.doc.char_span(content.start, content.end, alignment_mode="expand")
    return span is not None and any(t.pos_ in ("VERB", "AUX") for t in span)


def _chain(head: Token) -> list[Token]:
    """The trigger, and the words above it up to its clause and the verbs governing it."""
    out = [head]
    tok = head
    for _ in range(_STEPS):
        verb = tok.pos_ in ("VERB", "AUX")
        if tok.head.i == tok.i or (verb and tok.dep_ not in ("xcomp", "pcomp", "conj")):
            break
        if tok.dep_ not in _UP and not verb:
            break
        tok = tok.head
        out.append(tok)
    return out


def _negates(chain: list[Token], words: list[Token], kind: str) -> bool:
    """Whether a negation stands on the clause: "not"/"never" on it, "no" on a noun
    trigger, or the clause hanging on "without". A refusal's own "no" ("there
    can be no extension", coded REJECT) is the event, not its denial."""
    if any(t.lower_ == "without" and t.dep_ == "prep" for t in chain[1:]):
        return True
    for tok in words:
        if tok.lower_ not in _NEGATIONS or tok.head not in chain or tok in chain:
            continue
        if tok.dep_ == "neg" or tok.lower_ == "never":
            return True
        if tok.dep_ == "det" and tok.head.i == chain[0].i and kind != "REJECT":  # "no talks"
            return True
    return False


def _intended(chain: list[Token]) -> bool:
    """Whether a verb of intention or schedule governs the trigger ("plans to", "is to")."""
    for low, high in pairwise(chain):
        if low.dep_ != "xcomp":
            continue
        if high.lemma_ in _INTENT or (high.lemma_ == "be" and low.tag_ == "VB"):
            return True
    return False
