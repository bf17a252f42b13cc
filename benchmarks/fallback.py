"""The reading fallback (`clean/readings.py`): what it recovers, and that real pages never need it.

    python benchmarks/fallback.py [--data ../shared/data/extraction-dev]

Prints a markdown table on the split's pages, each row scored like `newsgraph eval
extraction` and set against the normal reading of the same pages in the same run:
the HTML pages read as the fallback reads them when the HTML reading finds nothing
(their text with the tags stripped, as a text dump and as clean text), and the text
dumps with an embed tag on its own line after every line of the page. It also counts
the pages on which the fallback fired, which on real pages should be none.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from newsgraph.clean.readings import read, strip_tags
from newsgraph.eval.extraction import clean_body, load_truth, read_split_page, score_pages
from newsgraph.model import InputKind, Source
from newsgraph.pipeline import clean

DEFAULT_DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "extraction-dev"
EMBED = '<tweet tweet-id="785842546878578688"><tweet/>'


def _reading(kind: InputKind) -> Callable[[str], str]:
    """The body of one reading of a page's text with the tags stripped, as the fallback does."""
    return lambda page: read(strip_tags(page), kind, Source(input=kind)).body


def _cleaned(kind: InputKind, damage: Callable[[str], str] = str) -> Callable[[str], str]:
    """The body the cleaning stage finds in a page of this kind, after `damage`."""
    return lambda page: clean_body(damage(page), kind)


def _with_embeds(page: str) -> str:
    """A text dump with an embed tag on its own line after every line."""
    return "".join(f"{line}\n{EMBED}\n" for line in page.splitlines())


def _fired(pages: dict[str, str], kind: InputKind) -> int:
    """On how many pages the cleaning stage kept another reading than `kind`."""
    return sum(
        clean(page, kind, Source(input=kind)).source.input != kind for page in pages.values()
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()
    truth = load_truth(args.data)
    html = {i: read_split_page(args.data, i, "html") for i in sorted(truth)}
    dumps = {i: read_split_page(args.data, i, "textdump") for i in sorted(truth)}
    rows: list[tuple[str, str, dict[str, str], Callable[[str], str]]] = [
        ("HTML reading (the normal one)", "html", html, _cleaned("html")),
        ("tags stripped, read as a text dump (fallback)", "html", html, _reading("textdump")),
        ("tags stripped, read as clean text (last resort)", "html", html, _reading("text")),
        ("text-dump reading (the normal one)", "textdump", dumps, _cleaned("textdump")),
        ("an embed tag after every line", "textdump", dumps, _cleaned("textdump", _with_embeds)),
    ]
    print("| reading | input | F1 | P | R | × normal F1 |")
    print("| --- | --- | --- | --- | --- | --- |")
    normal: dict[str, float] = {}
    for name, kind, pages, body in rows:
        scores = score_pages(truth, {i: body(page) for i, page in pages.items()})
        normal.setdefault(kind, scores["f1"])
        print(
            f"| {name} | {kind} | {scores['f1']:.3f} | {scores['precision']:.3f} | "
            f"{scores['recall']:.3f} | {scores['f1'] / normal[kind]:.2f} |"
        )
    print(
        f"\nfallback fired on {_fired(html, 'html')} of {len(html)} HTML pages "
        f"and {_fired(dumps, 'textdump')} of {len(dumps)} text dumps"
    )


if __name__ == "__main__":
    main()
