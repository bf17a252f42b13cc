"""Compile the PETRARCH CAMEO verb dictionary and the CAMEO→PLOVER crosswalk into a lexicon.

Imported by `train/events.py` (run as a script, so `train/` is on the path).
The dictionary (`CAMEO.2.0.txt`) is read as data, not run: each verb block is a
synonym set with a default CAMEO code and phrase patterns ("- * SANCTIONS
[163]", "- * (BY TELEPHONE) [041]") that refine the code by the words after
(or before) the verb. Patterns are kept as sequences of word slots; the
runtime (`newsgraph.analyse.events.lexicon`) matches them against the verb's
dependents in order.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from newsgraph.analyse.events.lexicon import singular  # the runtime's rule: both sides match

# CAMEO 01x (statements) and 02x (appeals) are dropped by PLOVER (manual, table
# "CAMEO to PLOVER"); the two-digit roots of the rest, for codes the crosswalk
# does not list one by one.
ROOTS = {
    "03": "AGREE", "04": "CONSULT", "05": "SUPPORT", "06": "COOPERATE", "07": "AID",
    "09": "ACCUSE", "10": "REQUEST", "11": "ACCUSE", "12": "REJECT", "13": "THREATEN",
    "14": "PROTEST", "15": "MOBILIZE", "16": "SANCTION", "17": "COERCE", "18": "ASSAULT",
    "19": "ASSAULT", "20": "ASSAULT",
}  # fmt: skip
# Where the 2021 crosswalk contradicts the PLOVER 2.0 manual, the manual wins:
# "International (political or economic) sanctions are coded as [SANCTION]
# 'discontinue'" (the crosswalk sends 163 to COERCE); CAMEO 195 "employ aerial
# weapons" is the manual's ASSAULT 'aerial' mode, 1384 a threat of violence.
OVERRIDES = {
    "163": ("SANCTION", "discontinue", ("economic",)),
    "195": ("ASSAULT", "aerial", ("military",)),
    "0874": ("RETREAT", "withdraw", ("military",)),
    "1031": ("REQUEST", "assist", ("economic",)),
}
# Modes of the 2021 crosswalk that PLOVER 2.0 no longer has.
DROPPED_MODES = {"ease", "return", "pro_autocracy", "cleansing", "massacre", "political", "ban "}
_CODE = re.compile(r"\[([^\]]*)\]")
_HEADER = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]")


def crosswalk(path: Path) -> dict[str, tuple[str, str | None, tuple[str, ...]]]:
    """CAMEO code → (PLOVER type, mode, contexts) from `CAMEO2PLOVER-2021.txt`."""
    out: dict[str, tuple[str, str | None, tuple[str, ...]]] = {}
    for line in path.read_text("utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not re.match(r"^\d{3,4}:", line):
            continue
        code, rest = line.split(":", 1)
        parts = [p.strip() for p in rest.split(",")]
        parts += [""] * (3 - len(parts))
        mode = parts[1].strip() or None
        if mode in DROPPED_MODES:
            mode = None
        contexts = tuple(c.strip() for c in parts[2].split(";") if c.strip())
        out[code] = (parts[0], mode, contexts)
    out.update(OVERRIDES)
    return out


def plover(code: str, walk: dict[str, tuple[str, str | None, tuple[str, ...]]]) -> Any:
    """The PLOVER coding of a CAMEO code: exact, else its 3-digit parent, else its root.

    CAMEO 02x (appeal: "urge", "call for", "ask") are requests, which PLOVER's
    REQUEST covers ("all requests, demands, and orders"), though its conversion
    table drops the cue category; they take the coding of the demand with the
    same subdivision (021 → 101, 026 → 106: CAMEO numbers both alike).
    """
    if "/" in code:  # a PLOVER type and mode that CAMEO has no code for ("RETREAT/resign")
        kind, mode = code.split("/")
        return (kind, mode, ())
    if code.startswith("02"):
        code = "10" + code[2:]
    for key in (code, code[:3]):
        if key in walk:
            return walk[key]
    root = ROOTS.get(code[:2])
    return (root, None, ()) if root else None


def _words(token: str) -> list[str]:
    """A dictionary token as lower-case words: "AIR_STRIKE" → ["air", "strike"]."""
    token = token.strip("$+^%|")
    return [w.lower() for w in token.split("_") if w]


def _slots(text: str, synsets: dict[str, list[str]]) -> list[str]:
    """Pattern words in order: a lower-case word, or "&SET" for any member of a synonym set."""
    slots: list[str] = []
    for raw in re.split(r"[\s(){}]+", text):
        if not raw or raw in {"$", "+", "^", "%", "|", "-"}:
            continue
        if raw.startswith("&"):
            name = raw.strip("$+^%").rstrip("_")
            if synsets.get(name):
                slots.append(name)
            continue
        slots.extend(_words(raw))
    return slots


def _code_of(field: str) -> str | None:
    """The first code of "[042:043]" (or the second when the first is empty); None for [---]."""
    parts = [p for p in field.split(":") if p.strip()]
    code = parts[0].strip() if parts else ""
    return code if code.isdigit() else None


def read_dictionary(path: Path) -> dict[str, Any]:
    """Synonym sets, verb blocks (default code, verbs, patterns) of `CAMEO.2.0.txt`."""
    lines = path.read_text("latin-1").splitlines()
    synsets: dict[str, list[str]] = defaultdict(list)
    blocks: list[dict[str, Any]] = []
    section = ""
    current_set = ""
    for line in lines:
        if line.startswith("####"):
            section = "verbs" if "VERB PATTERNS" in line else "sets" if "SYNONYM" in line else "end"
            continue
        body = line.split("#", 1)[0].rstrip()
        if section == "sets":
            if body.startswith("&"):
                current_set = body.strip().rstrip("_")
            elif body.startswith("+") and current_set:
                synsets[current_set].append(" ".join(_words(body.strip()[1:])))
        elif section == "verbs":
            header = _HEADER.match(line)
            if header:
                blocks.append(
                    {
                        "name": header.group(1),
                        "code": _code_of(header.group(2)),
                        "verbs": [],
                        "raw": [],
                    }
                )
            elif blocks and body.startswith("-"):
                found = _CODE.search(body)
                if found:
                    comment = line.split("#", 1)[1] if "#" in line else ""
                    blocks[-1]["raw"].append(
                        (body[1 : found.start()], _code_of(found.group(1)), comment)
                    )
            elif blocks and body.strip():
                _verb_line(body.strip(), blocks[-1])
    for block in blocks:
        block["patterns"] = []
        for text, code, comment in block.pop("raw"):
            if "*" not in text:
                continue
            left, right = text.split("*", 1)
            block["patterns"].append(
                {
                    "code": code,
                    "left": _slots(left, synsets),
                    "right": _slots(right, synsets),
                    "verbs": _origin(comment, block["verbs"]),
                }
            )
    return {"synsets": dict(synsets), "blocks": blocks}


def _verb_line(body: str, block: dict[str, Any]) -> None:
    """One verb of a block: "WITHDRAW {WITHDREW ...}", "+PULL_OUT", "DECREE [100]"."""
    code_match = _CODE.search(body)
    code = _code_of(code_match.group(1)) if code_match else block["code"]
    head = re.split(r"[\s{\[]", body, maxsplit=1)[0]
    words = _words(head.lstrip("+"))
    braces = re.search(r"\{([^}]*)\}", body)
    forms = (
        {w for f in braces.group(1).split() for w in _words(f.lstrip("+"))[:1]} if braces else set()
    )
    if words:
        block["verbs"].append(
            {"lemma": words[0], "particles": words[1:], "code": code, "forms": forms | {words[0]}}
        )


def _origin(comment: str, verbs: list[dict[str, Any]]) -> list[str] | None:
    """The verbs of the block a pattern was found with, from its comment ("# RUSH"), or
    None for all: the dictionary's patterns were written for one verb each, and a
    phrase that means a request after "call" ("call for") means nothing after "phone"."""
    named = {w.lower() for item in comment.split(",") for w in item.split()[:1]}
    named = {n.split("_")[0] for n in named}
    out = sorted(
        v["lemma"]
        for v in verbs
        if any(
            n in v["forms"] or (len(v["lemma"]) > 3 and n.startswith(v["lemma"][:-1]))
            for n in named
        )
    )
    return out or None


def noun_codes(
    blocks: list[dict[str, Any]],
    walk: dict[str, Any],
    synsets: dict[str, list[str]],
    light: set[int],
) -> dict[str, Counter[str]]:
    """Votes for the code of each noun that patterns put right after their verb.

    "STAGE * DEMONSTRATION [141]", "LAUNCH * TALKS [046]": the verbs of a block
    with no code of its own only carry the event the noun names, so they vote
    `LIGHT_WEIGHT` times; a verb with a meaning of its own codes its own act
    ("REJECT * TALKS [125]") and votes once. The caller keeps a clear majority.
    """
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for index, block in enumerate(blocks):
        weight = LIGHT_WEIGHT if index in light else 1
        for pattern in block["patterns"]:
            code, right = pattern["code"], pattern["right"]
            if not code or not right or plover(code, walk) is None:
                continue
            if right[0].startswith("&") and len(right) == 1:  # &CEASEFIRE: each member
                for member in synsets.get(right[0], []):
                    if " " not in member:
                        votes[singular(member)][code] += weight
                continue
            if right[0].startswith("&"):
                continue
            words = [right[0]]
            if len(right) == 2 and not right[1].startswith("&") and right[1] not in PREPOSITIONS:
                words.append(right[1])  # {AIR STRIKE}: kept as the phrase "air strike"
            # Patterns with more words ("STAGE * DEMONSTRATION (IN SUPPORT)") owe
            # their code to the rest, not to the noun.
            if len(right) > len(words) or words[0] in PREPOSITIONS or len(words[-1]) < 3:
                continue
            votes[" ".join([*words[:-1], singular(words[-1])])][code] += weight
    return votes


LIGHT_WEIGHT = 3
_PREPOSITIONS_LIST = """to from with by in on at for of over against into between among about
off out up down away back under after before toward towards"""
PREPOSITIONS = frozenset(_PREPOSITIONS_LIST.split())
