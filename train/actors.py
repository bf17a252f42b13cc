"""Compile the Phoenix actor and agent dictionaries into `models/actors.json`.

    python train/actors.py [--phoenix ../shared/data/phoenix-dictionaries] [--out PATH]

The Phoenix/PETRARCH2 dictionaries (MIT licence) are TABARI-formatted text:

- actor files: a primary name (`VLADIMIR_PUTIN_`), `+` lines with its name
  variants, and `[CODE date-range]` lines, either on the name's line or on
  indented lines after it. Ranges are `>YYMMDD` (from), `<YYMMDD` (until) or
  `YYMMDD-YYMMDD`, with six- or eight-digit dates; a code with no range is the
  actor's default. A country lists its cities and regions as its variants
  (`+TARTOUS` under `SYRIA_ [SYR]`): an actor whose codes are all bare
  countries is a place.
- the agents file: role nouns and phrases with a `[~SECTOR]` code, with
  `!PERSON!`/`!MINIST!` substitution sets and `{PLURAL}` forms; regular plurals
  are implied.

Written (compact JSON, a few MB):

- `actors`: `[key, place, codes]` per actor, key a slug of the primary name
  ("vladimir-putin"), codes as `"RUSGOV|2008-05-08|"` (dated, empty side open)
  or `"RUSELI"` (default);
- `names`: name key (`actors.name_key`) → indices of the actors it names;
- `agents`: agent phrase key → its primary sector ("SPOKESMAN" → "MED").
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Mapping
from pathlib import Path

from newsgraph.analyse.identity.actors import INTERNATIONAL, SECTORS, name_key, split_code

ROOT = Path(__file__).resolve().parent.parent
ACTOR_FILES = (
    "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
)
_BRACKET = re.compile(r"\[([^\]]*)\]")
_RANGE = re.compile(r"^([<>])?\s*(\d{6}|\d{8})?(?:\s*-\s*(\d{6}|\d{8}))?$")
# Role words the agents file lacks on their own (it has only "OPPOSITION_LEADER" etc.).
EXTRA_AGENTS = {"OPPOSITION": "OPP", "OPPOSITION GROUP": "OPP", "OPPOSITION GROUPS": "OPP"}
_PARTICLES = frozenset({"AL", "EL", "AS", "AD", "AN", "AR", "ASH", "ABU"})


def iso_date(digits: str) -> str:
    """YYMMDD or YYYYMMDD → YYYY-MM-DD; two-digit years up to 25 are 20xx (files end in 2015)."""
    if len(digits) == 6:
        year = int(digits[:2])
        digits = f"{2000 + year if year <= 25 else 1900 + year}{digits[2:]}"
    return f"{digits[:4]}-{digits[4:6]}-{digits[6:8]}"


def parse_code(text: str) -> str | None:
    """One bracket's content → a packed code ("RUSGOV|2008-05-08|", "RUSELI") or None."""
    parts = text.split(None, 1)
    if not parts or not re.fullmatch(r"[A-Z]{3,}", parts[0]) or split_code(parts[0]) is None:
        return None
    code = parts[0]
    if len(parts) == 1:
        return code
    match = _RANGE.match(parts[1].strip())
    if not match or not (match.group(2) or match.group(3)):
        return None
    op, first, second = match.groups()
    if op == ">" and first:
        return f"{code}|{iso_date(first)}|"
    if op == "<" and first:
        return f"{code}||{iso_date(first)}"
    if first and second:
        return f"{code}|{iso_date(first)}|{iso_date(second)}"
    return None


def slug(name: str) -> str:
    """A primary name as a key: "VLADIMIR_PUTIN_" → "vladimir-putin"."""
    return "-".join(name_key(name).lower().split())


def variants(name: str) -> set[str]:
    """The name keys a variant is found under: itself, and without Arabic particles."""
    key = name_key(name.replace("_", " "))
    out = {key} if key else set()
    words = key.split()
    bare = [w for w in words if w not in _PARTICLES]
    if len(bare) >= 2 and len(bare) != len(words):
        out.add(" ".join(bare))
    return out


class Compiler:
    """Collects actors across files, merging those with the same key."""

    def __init__(self) -> None:
        self.actors: dict[str, tuple[bool, list[str]]] = {}
        self.names: dict[str, list[str]] = {}

    def add(self, primary: str, names: list[str], codes: list[str], *, place: bool) -> None:
        """One actor entry; actors with no usable code are dropped."""
        key = slug(primary)
        if not key or not codes:
            return
        was_place, known = self.actors.setdefault(key, (place, []))
        self.actors[key] = (was_place and place, known)
        known.extend(c for c in codes if c not in known)
        for name in (primary, *names):
            for variant in variants(name):
                owners = self.names.setdefault(variant, [])
                if key not in owners:
                    owners.append(key)

    def read(self, path: Path) -> None:
        """An actor file, entry by entry."""
        primary: str | None = None
        names: list[str] = []
        codes: list[str] = []

        def flush() -> None:
            if primary is not None:
                self.add(primary, names, codes, place=all(map(_is_place_code, codes)))

        for raw in path.read_text("utf-8", errors="replace").splitlines():
            line = raw.split("#", 1)[0].rstrip()
            if not line.strip():
                continue
            found = [c for b in _BRACKET.findall(line) if (c := parse_code(b.strip()))]
            head = _BRACKET.sub(" ", line).strip()
            if line[0] in " \t" or not head:
                codes.extend(c for c in found if c not in codes)
            elif line.startswith("+"):
                names.append(head[1:])
                codes.extend(c for c in found if c not in codes)
            else:
                flush()
                primary, names, codes = head, [], list(found)
        flush()

    def to_json(self) -> dict[str, object]:
        """The compact object written to disk."""
        order = sorted(self.actors)
        index = {key: i for i, key in enumerate(order)}
        return {
            "source": "Phoenix/PETRARCH2 dictionaries (MIT), compiled by train/actors.py",
            "actors": [[key, int(self.actors[key][0]), self.actors[key][1]] for key in order],
            "names": {n: [index[k] for k in keys] for n, keys in sorted(self.names.items())},
        }


def _is_place_code(packed: str) -> bool:
    """Whether a code is a bare country ("SYR", "USRUKR" for Soviet Ukraine): a place's code."""
    split = split_code(packed.split("|")[0])
    if split is None or split["sector"]:
        return False
    return split["country"] not in INTERNATIONAL | {""}


def read_agents(path: Path, rename: Mapping[str, str] | None = None) -> dict[str, str]:
    """Agent phrase key → primary sector, with substitution sets and plurals expanded.

    `rename` maps another revision's codes onto CAMEO's (PLOVER's agents file
    writes MED for medical and JRN for the media).
    """
    sets: dict[str, list[str]] = {}
    agents: dict[str, str] = {}
    for raw in path.read_text("utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].strip()
        if line.startswith("!") and "=" in line:
            name, _, members = line.partition("=")
            sets[name.strip()] = [m.strip() for m in members.split(",") if m.strip()]
            continue
        bracket = re.search(r"\[([^\]\}]*)[\]\}]", line)
        if not bracket:
            continue
        codes = [(rename or {}).get(c, c) for c in re.findall(r"[A-Z]{3}", bracket.group(1))]
        sector = next((c for c in codes if c in SECTORS), "")
        phrase = line[: bracket.start()]
        plurals = re.findall(r"\{([^}]*)\}", phrase)
        phrase = re.sub(r"\{[^}]*\}", " ", phrase).strip()
        if not sector or not phrase:
            continue
        forms = _expand(phrase, sets)
        forms += [p for group in plurals for p in _expand(group, sets) if p.strip()]
        forms += [_plural(f) for f in forms]
        for form in forms:
            key = name_key(form.replace("_", " "))
            if key:
                agents.setdefault(key, sector)
    for phrase, sector in EXTRA_AGENTS.items():
        agents.setdefault(phrase, sector)
    return agents


def _expand(phrase: str, sets: dict[str, list[str]]) -> list[str]:
    """Substitute the first `!SET!` in a phrase by each member, recursively."""
    for name, members in sets.items():
        if name in phrase:
            return [f for m in members for f in _expand(phrase.replace(name, m, 1), sets)]
    return [phrase]


def _plural(form: str) -> str:
    """The regular plural of an agent phrase's last word."""
    stem = form.rstrip("_ ")
    if stem.endswith(("S", "SH", "CH", "X")):
        return stem + "ES"
    if stem.endswith("Y") and stem[-2:-1] not in "AEIOU":
        return stem[:-1] + "IES"
    return stem + "S"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--phoenix", type=Path, default=ROOT.parent / "shared/data/phoenix-dictionaries"
    )
    parser.add_argument("--out", type=Path, default=ROOT / "src/newsgraph/models/actors.json")
    args = parser.parse_args()
    compiler = Compiler()
    for name in ACTOR_FILES:
        compiler.read(args.phoenix / name)
    data = compiler.to_json()
    data["agents"] = dict(sorted(read_agents(args.phoenix / "Phoenix.agents.txt").items()))
    args.out.write_text(json.dumps(data, separators=(",", ":"), ensure_ascii=True) + "\n")
    print(
        f"{args.out}: {len(compiler.actors):,} actors, {len(compiler.names):,} names, "
        f"{len(data['agents']):,} agents, {args.out.stat().st_size / 1e6:.1f} MB"  # type: ignore[arg-type]
    )


if __name__ == "__main__":
    main()
