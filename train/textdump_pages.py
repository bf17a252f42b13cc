"""Render extra training pages for the text-dump cleaner, with bodies we can trust.

    python train/textdump_pages.py --out DIR [--per-template 4] [--seed 13]

Writes `DIR/text/<id>.txt` (whole-page dumps) and `DIR/pages.json`
(`{id: {"site", "template", "kind", "articleBody"}}`), regenerated from
`../shared` on every run; nothing of it belongs in the repository.

Dumps are made as the extraction-dev dumps were (its NOTE.md and manifest):
headless Chromium, scripts off, network off, `document.body.innerText`. Two kinds
of page:

- `rerender`: each dev page's own HTML at a phone-sized viewport, where the
  site's CSS shows and hides other furniture; the body is the dev truth.
- `polnear`: a dev page's HTML with its own body paragraphs replaced, in place,
  by a PolNeAR article's paragraphs (and its headline by the article's), so the
  page keeps the real site's header, in-body captions and adverts, and footer
  around a body we know exactly.
- `cross`: the same, with the true body of a dev page of another site (its
  headings, list items and short paragraphs, which PolNeAR's long prose lacks).

A page on which any of the old body survives in the dump, or the new body does
not show line by line, is dropped. Each page records the dev page whose
template it is and, for `cross`, the dev page whose body it carries
(`body_of`): evaluation holds a page out whenever either is held out
(`train/textdump.py --extra DIR`).
"""

from __future__ import annotations

import argparse
import copy
import json
import random
import re
import shutil
import sys
from pathlib import Path

import lxml.html
from lxml.etree import ParserError, _Element
from playwright.sync_api import Browser, Route, sync_playwright
from textdump import site_of

from newsgraph.eval.extraction import read_split_page

ROOT = Path(__file__).resolve().parent.parent
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DESKTOP = {"width": 1366, "height": 768}  # the dev dumps' viewport
PHONE = {"width": 412, "height": 915}
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")
_SKIP = {"script", "style", "noscript", "template", "head", "title"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
KINDS = ("rerender", "polnear", "cross")


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def body_slots(root: _Element, body: str) -> list[_Element]:
    """The deepest elements whose whole text is one line of the true body, in page order."""
    wanted = {_norm(line) for line in body.split("\n") if line.strip()}
    found = [
        el
        for el in root.iter()
        if isinstance(el.tag, str) and el.tag not in _SKIP and _norm(el.text_content()) in wanted
    ]
    inner = {id(a) for el in found for a in el.iterancestors()}
    return [el for el in found if id(el) not in inner]


def _set_text(el: _Element, text: str) -> None:
    for child in list(el):
        el.remove(child)
    el.text = text


def transplant(html: str, body: str, article: str) -> str | None:
    """`html` with its body paragraphs replaced by a PolNeAR `article`'s (first line: headline)."""
    title, paragraphs = polnear_body(article)
    return place(html, body, paragraphs, title)


def place(html: str, body: str, paragraphs: list[str], title: str | None = None) -> str | None:
    """`html` with its body's lines replaced by `paragraphs` (and its headline by `title`).

    Slots keep their own tags and places, so the page's in-body furniture stays
    between them; headings of the old body are removed (the new lines carry
    their own, if any). None when the page's body cannot be found in its markup.
    """
    try:
        root = lxml.html.document_fromstring(html)
    except (ParserError, ValueError):
        return None
    slots = body_slots(root, body)
    if len(slots) < 3:
        return None
    prose = [el for el in slots if el.tag not in _HEADINGS]
    for el in slots:
        if el.tag in _HEADINGS:
            el.drop_tree()
    if not prose or not paragraphs:
        return None
    for el, text in zip(prose, paragraphs, strict=False):
        _set_text(el, text)
    last = prose[min(len(prose), len(paragraphs)) - 1]
    for el in prose[len(paragraphs) :]:
        el.drop_tree()
    for text in reversed(paragraphs[len(prose) :]):
        clone = copy.deepcopy(last)
        clone.tail = "\n"
        _set_text(clone, text)
        last.addnext(clone)
    before = [h for h in root.iter("h1") if h not in prose]
    if title is not None and before and len(_WORD.findall(before[0].text_content())) >= 3:
        _set_text(before[0], title)
    page: str = lxml.html.tostring(root, encoding="unicode")
    return page


def body_lines(body: str) -> list[str]:
    """A dev page's true body as lines: its headings, list items and paragraphs."""
    return [_norm(line) for line in body.split("\n") if line.strip()]


def _abort(route: Route) -> None:
    route.abort()


def render(browser: Browser, html: str, viewport: dict[str, int]) -> str:
    """`document.body.innerText` of `html`, scripts and network off."""
    context = browser.new_context(java_script_enabled=False, viewport=viewport)  # type: ignore[arg-type]
    try:
        page = context.new_page()
        page.route("**/*", _abort)
        page.set_content(html, wait_until="domcontentloaded", timeout=30_000)
        text: str = page.evaluate("document.body ? document.body.innerText : ''")
        return text
    finally:
        context.close()


def shown(dump: str, body: str) -> float:
    """Share of `body`'s words that the dump shows as whole lines."""
    lines = {_norm(line) for line in dump.split("\n")}
    wanted = [_norm(line) for line in body.split("\n") if line.strip()]
    total = sum(len(_WORD.findall(line)) for line in wanted) or 1
    return sum(len(_WORD.findall(line)) for line in wanted if line in lines) / total


def polnear_body(article: str) -> tuple[str, list[str]]:
    """A PolNeAR article's headline and paragraphs (its section labels, such as
    "FULL TEXT.", are not prose and are left out)."""
    title, _, rest = article.strip().partition("\n")
    lines = [p.strip() for p in rest.split("\n")]
    return title, [p for p in lines if len(_WORD.findall(p)) >= 3]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(ROOT.parent / "shared/data/extraction-dev"))
    parser.add_argument("--polnear", default=str(ROOT.parent / "shared/data/polnear/train/text"))
    parser.add_argument("--out", required=True)
    parser.add_argument("--per-template", type=int, default=4, help="PolNeAR bodies per page")
    parser.add_argument("--cross", type=int, default=2, help="other sites' bodies per page")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument(
        "--chromium", default=shutil.which("chromium") or "chromium", help="Debian's chromium"
    )
    args = parser.parse_args()

    data, out = Path(args.data), Path(args.out)
    if not (data / "ground-truth.json").is_file():
        print(f"error: no extraction split at {data}", file=sys.stderr)
        return 2
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    articles = sorted(Path(args.polnear).glob("*.txt"))
    rng = random.Random(args.seed)
    rng.shuffle(articles)
    (out / "text").mkdir(parents=True, exist_ok=True)
    made: dict[str, dict[str, str]] = {}
    dropped = 0
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=args.chromium, headless=True, args=ARGS)
        for pid in sorted(truth):
            html = read_split_page(data, pid, "html")
            body, site = truth[pid]["articleBody"], site_of(truth[pid]["url"])
            jobs = [("rerender", f"r-{pid[:12]}", html, body, PHONE, "")]
            for k in range(args.per_template):
                article = articles.pop().read_text(encoding="utf-8")
                page = transplant(html, body, article)
                if page is None:
                    break
                new_body = "\n".join(polnear_body(article)[1])
                view = PHONE if rng.random() < 0.25 else DESKTOP
                jobs.append(("polnear", f"p{k}-{pid[:12]}", page, new_body, view, ""))
            others = [o for o in sorted(truth) if site_of(truth[o]["url"]) != site]
            for donor in rng.sample(others, min(args.cross, len(others))):
                lines = body_lines(truth[donor]["articleBody"])
                page = place(html, body, lines)
                if page is not None:
                    name = f"x-{pid[:12]}-{donor[:8]}"
                    jobs.append(("cross", name, page, "\n".join(lines), DESKTOP, donor))
            for kind, name, page, new_body, view, donor in jobs:
                dump = render(browser, page, view)
                # the old body must be gone and the new one shown line by line
                if kind != "rerender" and (shown(dump, body) > 0.02 or shown(dump, new_body) < 0.9):
                    dropped += 1
                    continue
                (out / "text" / f"{name}.txt").write_text(dump, encoding="utf-8")
                made[name] = {"site": site, "template": pid, "kind": kind, "articleBody": new_body}
                if donor:
                    made[name]["body_of"] = donor
            print(f"{pid[:12]} {site}: {len(made)} pages", file=sys.stderr)
        browser.close()
    (out / "pages.json").write_text(json.dumps(made, indent=1), encoding="utf-8")
    kinds = {k: sum(v["kind"] == k for v in made.values()) for k in KINDS}
    print(f"wrote {len(made)} pages to {out} ({kinds}; {dropped} dropped: a body showed badly)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
