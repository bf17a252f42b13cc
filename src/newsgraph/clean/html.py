"""HTML page to `Page`: the article body, its structure and metadata, on trafilatura.

trafilatura in precision mode finds the body and the metadata. This module adds
what it leaves to us: the body as typed parts in reading order, the rest of a body
that the page splits across containers and figure captions. The generic rules for page
furniture (share prompts, newsletter boxes, bylines, the title repeated) that lift the
benchmark F1 above trafilatura's own (`benchmarks/extraction.py`) are in `furniture.py`.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Iterator

from lxml import etree
from lxml.etree import _Element
from lxml.html import HtmlElement
from trafilatura import bare_extraction
from trafilatura.metadata import extract_metadata
from trafilatura.settings import Document
from trafilatura.utils import load_html

from newsgraph.clean.assemble import normalise_space
from newsgraph.clean.furniture import Part, filter_boilerplate, word_key
from newsgraph.errors import TimeLimitError
from newsgraph.model import Author, Page, Removed

# trafilatura logs every page it gives up on; an empty result is our caller's warning.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)

# a part and where its element sits in the page's document order, when known
_Located = tuple[Part, int | None]

# below this many characters a precision result is retried in trafilatura's balanced mode
_SHORT_BODY = 250
# ... and the balanced result is taken only when it is at least twice as long and this long
_MIN_BACKUP = 100
_MATCHED_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre"}


def clean_html(html: str, url: str | None = None) -> Page:
    """Extract the article of an HTML page: parts in reading order, metadata, what was cut."""
    tree = _parse(html)
    if tree is None:
        return Page(url=url)
    doc = _extract(tree, url) or _metadata_only(tree, url)
    if doc is None:
        return Page(language=_language(tree), url=url)
    page = Page(
        title=_text_or_none(doc.title),
        authors=split_authors(doc.author),
        published=doc.date or None,
        published_source="html-meta" if doc.date else None,
        site=_text_or_none(doc.sitename),
        language=_language(tree) or doc.language,
        url=doc.url or url,
    )
    if doc.author:
        page.removed.append(Removed("byline", doc.author))
    index = _PageIndex(tree)
    located = [(part, index.position(part[1])) for part in _body_parts(doc.body)]
    located = _merge(located, _split_body_rest(index, located))
    located = _with_captions(index, located)
    kept, removed = filter_boilerplate([part for part, _ in located], page.title, page.authors)
    if page.title:
        page.parts.append(("title", page.title))
    page.parts.extend(kept)
    page.removed.extend(removed)
    return page


# the time limit and running out of memory stop the document, not just the extractor
_NEVER_SWALLOWED = (TimeLimitError, MemoryError)


def _parse(html: str) -> HtmlElement | None:
    """Parse with trafilatura's loader, which repairs what lxml chokes on; None if not HTML."""
    if not html.strip():
        return None
    try:
        return load_html(html)
    except (ValueError, TypeError, RecursionError, etree.LxmlError):
        return None


def _extract(tree: HtmlElement, url: str | None) -> Document | None:
    """trafilatura in precision mode; its balanced mode when that finds (almost) nothing."""
    doc = _run_trafilatura(tree, url, precision=True, metadata=True)
    if doc is None or len(doc.text or "") < _SHORT_BODY:
        backup = _run_trafilatura(tree, url, precision=False, metadata=doc is None)
        found = len(doc.text or "") if doc is not None else 0
        if backup is not None and len(backup.text or "") >= max(2 * found, _MIN_BACKUP):
            if doc is None:
                return backup
            doc.body, doc.text = backup.body, backup.text
    return doc


def _metadata_only(tree: HtmlElement, url: str | None) -> Document | None:
    """The metadata of a page where no article was found, so title and date still come out."""
    try:
        return extract_metadata(tree, url)
    except _NEVER_SWALLOWED:
        raise
    except Exception:  # third-party code on arbitrary HTML, as in _run_trafilatura
        return None


def _run_trafilatura(
    tree: HtmlElement, url: str | None, *, precision: bool, metadata: bool
) -> Document | None:
    """One trafilatura run on a copy of the tree; None when it finds nothing or fails."""
    try:
        doc = bare_extraction(
            tree,
            url=url,
            favor_precision=precision,
            include_comments=False,
            include_tables=True,
            with_metadata=metadata,
        )
    except _NEVER_SWALLOWED:
        raise
    # a third-party extractor on arbitrary HTML: any other failure means "no article found"
    except Exception:
        return None
    return doc if isinstance(doc, Document) else None


def _body_parts(body: _Element | None) -> Iterator[Part]:
    """The extracted body's blocks in reading order: headings, paragraphs and list items."""
    if body is None:
        return
    if body.text and body.text.strip():
        yield "paragraph", _clean_text(body.text)
    for elem in body:
        if elem.tag == "head":
            yield "heading", _elem_text(elem)
        elif elem.tag == "list":
            for item in elem.iter("item"):
                yield "paragraph", _elem_text(item)
        elif elem.tag != "graphic":
            yield "paragraph", _elem_text(elem)
        # loose text between blocks belongs to the article as much as the blocks do
        if elem.tail and elem.tail.strip():
            yield "paragraph", _clean_text(elem.tail)


_SEPARATED = {"lb": "\n", "row": "\n", "item": "\n", "p": "\n", "head": "\n", "cell": " "}


def _elem_text(elem: _Element) -> str:
    """Plain text of one output element: inline markup joined, block children separated."""
    for sub in elem.iterdescendants():
        sep = _SEPARATED.get(str(sub.tag))
        if sep:
            sub.tail = sep + (sub.tail or "")
    return _clean_text(etree.tostring(elem, method="text", encoding="unicode", with_tail=False))


# soft hyphens and zero-width spaces sit inside words: dropped, they would split tokens
_INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff]")


def _clean_text(text: str) -> str:
    """Text with invisible in-word characters dropped and spaces normalised."""
    return normalise_space(_INVISIBLE.sub("", text))


class _PageIndex:
    """The page's text elements by their words, to place extracted text back in the page."""

    def __init__(self, tree: HtmlElement) -> None:
        self.tree = tree
        self.elements: list[_Element] = list(tree.iter())
        self.order: dict[_Element, int] = {}
        self.by_key: dict[str, list[_Element]] = {}
        for n, elem in enumerate(self.elements):
            self.order[elem] = n
            if elem.tag in _MATCHED_TAGS:
                self.by_key.setdefault(word_key(elem.text_content()), []).append(elem)

    def position(self, text: str) -> int | None:
        """Document position of the first element with exactly these words."""
        found = self.by_key.get(word_key(text))
        return self.order[found[0]] if found else None


def _merge(located: list[_Located], extra: list[_Located]) -> list[_Located]:
    """Insert parts found in the page before the first located part that follows them."""
    out = list(located)
    for part, pos in sorted(extra, key=lambda item: item[1] or 0):
        after = [n for n, (_, p) in enumerate(out) if pos is not None and p is not None and p > pos]
        out.insert(after[0] if after else len(out), (part, pos))
    return out


_OUTSIDE_BODY = re.compile(r"comment|related|recommend|sidebar|promo|newsletter", re.IGNORECASE)
_OUTSIDE_TAGS = {"figure", "figcaption", "aside", "nav", "form", "footer", "header", "button"}


def _split_body_rest(index: _PageIndex, located: list[_Located]) -> list[_Located]:
    """The rest of an article body that the page splits across sibling containers.

    Many sites cut the body into several containers of one class with ads in between,
    and trafilatura keeps only the first. The container holding most extracted
    paragraphs names the class; the other elements of that tag and class near it
    (under its grandparent) hold the rest.
    """
    parents = Counter(
        elem.getparent()
        for (kind, text), _ in located
        if len(text) >= 80
        for elem in index.by_key.get(word_key(text), [])[:1]
        if elem.tag == "p"
    )
    if not parents:
        return []
    container, hits = parents.most_common(1)[0]
    cls = container.get("class") if container is not None else None
    scope = container.getparent() if container is not None else None
    scope = scope.getparent() if scope is not None else None
    if container is None or not cls or hits < 2 or scope is None:
        return []
    known = {word_key(text) for (_, text), _ in located}
    rest: list[_Located] = []
    for other in scope.iter(container.tag):
        if other.get("class") == cls and not _nested(other, container):
            found = list(_container_parts(other, known, index))
            if sum(len(text) for (_, text), _ in found) >= 200:
                rest.extend(found)
    return rest


def _nested(a: _Element, b: _Element) -> bool:
    """Whether the two are one element or one contains the other."""
    return a is b or b in set(a.iterancestors()) or a in set(b.iterancestors())


def _container_parts(elem: _Element, known: set[str], index: _PageIndex) -> Iterator[_Located]:
    """Paragraphs and headings of a body container not yet extracted; lists of links skipped."""
    for sub in elem.iter("p", "h2", "h3", "h4"):
        if _in_furniture(sub, elem):
            continue
        text = _clean_text(sub.text_content())
        linked = sum(len(a.text_content()) for a in sub.iter("a"))
        if text and word_key(text) not in known and linked <= 0.5 * len(text):
            yield ("paragraph" if sub.tag == "p" else "heading", text), index.order.get(sub)


def _in_furniture(elem: _Element, top: _Element) -> bool:
    """Whether an element sits in a figure, aside, comment box or the like below `top`."""
    for parent in elem.iterancestors():
        if parent is top:
            return False
        name = f"{parent.get('class') or ''} {parent.get('id') or ''}"
        if parent.tag in _OUTSIDE_TAGS or _OUTSIDE_BODY.search(name):
            return True
    return False


def _with_captions(index: _PageIndex, located: list[_Located]) -> list[_Located]:
    """Figure captions of the article, each once, placed where they sit in the page.

    A body paragraph that is a caption's text is turned into that caption. Captions
    count when they lie inside the article element around the body (or, without one,
    between the body's first and last paragraph).
    """
    positions = [p for _, p in located if p is not None]
    if not positions:
        return located
    lo, hi = min(positions), max(positions)
    first = index.elements[lo]
    article = next((a for a in first.iterancestors() if a.tag == "article"), None)
    if article is not None:
        lo = index.order[article]
        hi = lo + sum(1 for _ in article.iterdescendants())
    seen: set[str] = set()
    out: list[_Located] = []
    for elem in index.tree.iter("figcaption"):
        text = _clean_text(" ".join(elem.itertext()))
        key = word_key(text)
        pos = index.order[elem]
        if key and key not in seen and lo <= pos <= hi:
            seen.add(key)
            out.append((("caption", text), pos))
    # a body paragraph with a caption's words is that caption, kept where it is
    in_body = {word_key(text) for (kind, text), _ in located if kind == "paragraph"} & seen
    located = [
        (("caption" if kind == "paragraph" and word_key(text) in in_body else kind, text), at)
        for (kind, text), at in located
    ]
    return _merge(located, [c for c in out if word_key(c[0][1]) not in in_body])


_AUTHOR_SPLIT = re.compile(r"\s*(?:;|,|&|\band\b|\bund\b|\bet\b|\by\b)\s*")
# degrees and suffixes that follow a name after a comma ("Ilana Muhlstein, MS, RDN")
_CREDENTIAL = re.compile(r"^(ms|rdn?|phd|md|mba|mph|rn|jr|sr|msc|bsc|ma|ba)$", re.IGNORECASE)


def split_authors(author: str | None) -> list[Author]:
    """Authors from trafilatura's author string ("A; B", "A and B", "A, PhD, B")."""
    out: list[Author] = []
    for name in _AUTHOR_SPLIT.split(author or ""):
        name = name.strip(" .")
        if (
            name
            and not _CREDENTIAL.match(name.replace(".", ""))
            and name not in (a.name for a in out)
        ):
            out.append(Author(name))
    return out


def _language(tree: HtmlElement) -> str | None:
    """The page's declared language: the html lang attribute, else a content-language meta."""
    lang = tree.get("lang") or tree.get("xml:lang")
    if not lang:
        for meta in tree.iterfind(".//meta[@http-equiv]"):
            if (meta.get("http-equiv") or "").lower() == "content-language":
                lang = meta.get("content")
                break
    return _text_or_none((lang or "").replace("_", "-"))


def _text_or_none(text: str | None) -> str | None:
    """Normalised text, None when nothing is left."""
    return normalise_space(text or "") or None
