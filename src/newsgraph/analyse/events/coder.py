"""The supervised trigger coder: a multi-class logistic regression over one token's parse.

`train/events_coder.py` fits it on hand-labelled real news sentences (the
labellers' `train/data/events/*.jsonl`) and writes its weights to
`models/events.json` ("coder"), so scoring needs no scikit-learn: a candidate's
score for each class (the PLOVER types and NONE) is the sum of its features'
weights, turned into probabilities by a softmax. Candidates are the tokens the
compiled lexicon codes, plus the verbs and nouns whose lemma headed at least
two gold triggers in training (the lexicon misses "pull", "pledge", "vow"...).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from spacy.tokens import Token

from newsgraph.analyse.events.lexicon import Coding, singular
from newsgraph.analyse.identity.actors import agent_sector

NONE = "NONE"
# The auxiliaries and governing verbs that say how an act is reported: the
# manual turns a promise of cooperation into AGREE and an announced withdrawal
# into CONCEDE, and a "refused to" into REJECT.
MODALS = frozenset({"will", "would", "could", "can", "may", "might", "should", "must", "shall"})
_OBJECTS = frozenset({"dobj", "attr", "nsubjpass", "oprd"})
_MODIFIERS = frozenset({"compound", "amod", "poss", "nmod"})


def is_candidate(token: Token, found: Coding | None, lemmas: frozenset[str]) -> bool:
    """Whether the coder looks at the token: the lexicon codes it, or it is a verb or
    noun whose lemma headed gold triggers in training."""
    if found is not None:
        return True
    return token.pos_ in {"VERB", "NOUN"} and singular(token.lemma_.lower()) in lemmas


def coder_features(token: Token, found: Coding | None, sense: str) -> list[str]:
    """The token's features: its word, the lexicon's coding, its syntax, its parties
    and how its act is framed. `sense` is what the lexicon's sense checks say of it
    (`triggers.screen`: "kept", "absorbed", "carried", "happening", "weak"; "none"
    when the lexicon does not code it)."""
    lemma = singular(token.lemma_.lower())
    head = token.head
    out = [
        f"lem={lemma}",
        f"pos={token.pos_}",
        f"tag={token.tag_}",
        f"dep={token.dep_}",
        f"lem_pos={lemma}|{token.pos_}",
        f"head={singular(head.lemma_.lower())}|{token.dep_}",
        f"hpos={head.pos_}|{token.dep_}",
        f"sense={sense}",
    ]
    if found is None:
        out.append("lex=none")
    else:
        out += [
            f"lex={found.type}",
            f"lex_src={found.type}|{found.source}",
            f"cameo={(found.cameo or '-')[:3]}",
            f"lex_sense={found.type}|{sense}",
        ]
    if token.dep_ in {"xcomp", "ccomp", "conj", "advcl", "pcomp", "acl", "relcl"}:
        out.append(f"gov={singular(head.lemma_.lower())}|{token.dep_}")
        if head.dep_ in {"xcomp", "ccomp"} and head.head is not head:
            out.append(f"gov2={singular(head.head.lemma_.lower())}")
    if token.dep_ == "pobj" and head.dep_ == "prep":
        out.append(f"pgov={head.lower_}|{singular(head.head.lemma_.lower())}")
    doer: Token | None = None
    for child in token.children:
        dep = child.dep_
        if dep in {"nsubj", "csubj"}:
            doer = child
        elif dep == "agent":
            doer = next((g for g in child.children if g.dep_ == "pobj"), None)
        elif dep in _OBJECTS:
            out.append(f"obj={singular(child.lemma_.lower())}")
            out.append(f"obj_ent={child.ent_type_ or child.pos_}")
        elif dep == "prep":
            out.append(f"prep={child.lower_}")
            for g in child.children:
                if g.dep_ == "pobj":
                    out.append(f"prep_obj={child.lower_}|{singular(g.lemma_.lower())}")
                    out.append(f"prep_ent={child.lower_}|{g.ent_type_ or g.pos_}")
        elif dep in {"aux", "auxpass"}:
            word = child.lower_
            out.append(f"aux={word if word in MODALS or word == 'to' else child.lemma_.lower()}")
        elif dep == "neg":
            out.append("neg")
        elif dep == "prt":
            out.append(f"prt={child.lower_}")
        elif dep in _MODIFIERS:
            out.append(f"mod={singular(child.lemma_.lower())}")
            if child.ent_type_:
                out.append(f"mod_ent={child.ent_type_}")
        elif dep == "xcomp":
            out.append(f"xcomp={singular(child.lemma_.lower())}")
    if doer is None and token.dep_ in {"xcomp", "conj"}:
        doer = next((c for c in head.children if c.dep_ in {"nsubj", "csubj"}), None)
    if doer is None:
        out.append("doer=none")
    else:
        words = " ".join(t.text for t in doer.subtree if t.i <= doer.i)
        out += [
            f"doer_ent={doer.ent_type_ or doer.pos_}",
            f"doer={singular(doer.lemma_.lower())}",
            f"doer_sector={agent_sector(words[-60:]) or '-'}",
        ]
    return out


def scores(names: list[str], coder: Mapping[str, Any]) -> dict[str, float]:
    """The softmax probability of each class for a candidate's features."""
    classes: list[str] = coder["classes"]
    weights: Mapping[str, list[float]] = coder["weights"]
    z = list(coder["bias"])
    for name in names:
        row = weights.get(name)
        if row is not None:
            for k, w in enumerate(row):
                z[k] += w
    top = max(z)
    exp = [math.exp(v - top) for v in z]
    total = sum(exp)
    return {c: e / total for c, e in zip(classes, exp, strict=True)}


def best(probs: Mapping[str, float], threshold: float) -> tuple[str, float] | None:
    """The most likely PLOVER type, when its probability reaches `threshold`."""
    kind, p = max(((c, p) for c, p in probs.items() if c != NONE), key=lambda cp: cp[1])
    return (kind, p) if p >= threshold else None


def decide(
    probs: Mapping[str, float],
    rules: Mapping[str, Any],
    status: str,
    specific: str | None,
    lexical: str | None = None,
) -> tuple[str, float] | None:
    """The candidate's type and confidence, or None.

    `rules` (chosen by cross-validation in training): "threshold"; "drop", the
    sense-check verdicts that rule a candidate out (a storm's "struck", the
    "attack" a "threatened to" already reports); "trust", whether a specific
    lexicon coding (`specific`: a phrase pattern, a material act with its mode,
    "phoned") keeps its type whatever the model says, when the sense checks kept
    it ("always", ev-type's rule; "" never); "agree", a lower
    threshold for a candidate whose most likely type is the one the lexicon gives
    it (`lexical`): two sources that agree need less of each.
    """
    if status in rules["drop"]:
        return None
    threshold = float(rules["threshold"])
    if specific is not None and rules["trust"] == "always" and status == "kept":
        return specific, max(1.0 - probs[NONE], threshold)
    agree = rules.get("agree")
    if agree is not None and lexical is not None:
        kind = max((c for c in probs if c != NONE), key=lambda c: probs[c])
        if kind == lexical:
            threshold = min(threshold, float(agree))
    return best(probs, threshold)
