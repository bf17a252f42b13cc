"""Compile the agent phrases PLOVER adds to the CAMEO agents into `models/event_agents.json`.

    python train/event_agents.py [--shared ../shared/data] [--out PATH]

NGEC's `ngec-PLOVER_agents.txt` (MIT licence) revises Phoenix's agents file,
which the identity stage compiles into `models/actors.json`: it adds about
240 phrases ("defense minister", "Duma", "senate candidate", "invaders",
"mujahideen", "shadow minister") and recodes others. The event stage looks a
party's words up in Phoenix's agents first, so that an entity's codes and an
event party's sector agree, and in these added phrases second; the recodings
are left out for the same reason. PLOVER's file writes MED for the medical
sector and JRN for the media, CAMEO's HLH and MED; its JNK, NON and UNK codes
("junk", none, unknown) name no sector.

Written: `{"source": ..., "agents": {phrase key: sector}}`, keys as
`identity.actors.name_key` computes them.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "train"))

from actors import read_agents  # noqa: E402  (the identity stage's agents reader)

PLOVER_TO_CAMEO = {"MED": "HLH", "JRN": "MED"}
# Places PLOVER codes as their government ("the capital", "the state"): a party's
# place is the identity stage's to code, and "the town" a storm hit is no government.
PLACES = frozenset({"CAPITAL", "CAPITAL CITY", "CITY", "TOWN", "PROVINCE", "STATE"})
SOURCE = "events-train/ngec-PLOVER_agents.txt"


def compile_agents(shared: Path) -> dict[str, object]:
    """The PLOVER agent phrases that Phoenix's agents file lacks, with CAMEO sectors."""
    phoenix = read_agents(shared / "phoenix-dictionaries" / "Phoenix.agents.txt")
    plover = read_agents(shared / SOURCE, rename=PLOVER_TO_CAMEO)
    places = PLACES | {key for key in plover if key.rstrip("S") in PLACES or key == "CITIES"}
    added = {k: sector for k, sector in plover.items() if k not in phoenix and k not in places}
    return {"source": SOURCE, "agents": dict(sorted(added.items()))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared/data")
    parser.add_argument("--out", type=Path, default=ROOT / "src/newsgraph/models/event_agents.json")
    args = parser.parse_args()
    data = compile_agents(args.shared)
    args.out.write_text(json.dumps(data, indent=0, ensure_ascii=True) + "\n")
    print(f"{args.out}: {len(data['agents']):,} agent phrases")  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
