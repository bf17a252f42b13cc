"""Parse features of a trigger candidate, shared by the type model and its training script.

The model (`models/events.json`, "model") is a logistic regression over these
features that says how likely the lexicon's type is right for a candidate;
`train/events.py` fits it on NGEC's synthetic stories, where a candidate whose
type is the story's label is a positive.
"""

from __future__ import annotations

import math

from spacy.tokens import Token

from newsgraph.analyse.events.lexicon import Coding, singular


def features(token: Token, found: Coding, doer: Token | None, agent: bool | None) -> list[str]:
    """The candidate's features: its word and type, how it was coded, its syntax and parties."""
    lemma = singular(token.lemma_.lower())
    out = [
        f"type={found.type}",
        f"lemma={lemma}|{found.type}",
        f"source={found.source}|{found.type}",
        f"cameo={found.cameo}",
        f"pos={token.pos_}|{found.type}",
        f"dep={token.dep_}",
        f"tag={token.tag_}",
    ]
    if doer is None:
        out.append(f"doer=none|{found.type}")
    else:
        out.append(f"doer={'agent' if agent else 'other'}|{found.type}")
        out.append(f"doer_ent={doer.ent_type_ or doer.pos_}")
    for child in token.children:
        if child.dep_ in {"dobj", "pobj", "attr", "nsubjpass"}:
            out.append(f"obj={child.ent_type_ or child.pos_}|{found.type}")
        elif child.dep_ == "prep":
            out.append(f"prep={child.lower_}|{found.type}")
        elif child.dep_ in {"poss", "compound", "amod"} and child.ent_type_:
            out.append(f"mod={child.ent_type_}|{found.type}")
        elif child.dep_ == "xcomp":
            out.append("xcomp")
    if token.pos_ == "NOUN" and token.head is not token:
        out.append(f"governor={singular(token.head.lemma_.lower())}")
    return out


def probability(names: list[str], model: dict[str, object]) -> float:
    """The model's probability that the candidate's type is right."""
    weights = model.get("weights", {})
    assert isinstance(weights, dict)
    bias = model.get("bias", 0.0)
    assert isinstance(bias, float | int)
    z = float(bias) + sum(float(weights.get(n, 0.0)) for n in names)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
