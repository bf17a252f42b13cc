"""Reading an input another way when the chosen reading loses its article.

`detect_kind` picks one reading of an input (HTML, whole-page text dump, clean
text), and each can fail on inputs the others read well: plain text with a few
embed tags (`<tweet tweet-id="…"><tweet/>`) looks like HTML to the detector but
trafilatura finds no body in it; HTML nested deeper than lxml's depth limit parses
to nothing; a dump reading may cut an article that has no page furniture at all.
So when a reading's body is empty or far shorter than the prose the input plainly
holds (its long lines, tags stripped), the other readings are tried, most likely
first, and the longest body that keeps what the first reading found is taken,
with a warning that says so.
"""

from __future__ import annotations

import html
import re
from collections import Counter

from lxml.html import defs

from newsgraph.clean.assemble import assemble
from newsgraph.clean.detect import detect_kind, is_markup
from newsgraph.clean.html import clean_html
from newsgraph.clean.plaintext import from_plain_text
from newsgraph.clean.textdump import clean_textdump
from newsgraph.clean.words import count_words, tokens
from newsgraph.model import Article, InputKind, Source

# A line of at least this many words is prose: a sentence, not a menu or a caption.
PROSE_LINE_WORDS = 15
# A reading has lost the article when its body is shorter than this many words and
# than this share of the input's prose. Real pages with much prose besides the article
# (comments, teasers) still give bodies of a hundred words and more.
LOST_WORDS = 50
SHORT_SHARE = 0.5
# A later reading is kept only when its body holds this share of the first one's
# words: a fallback may add to what a reading found, never swap it for other text.
KEEP_SHARE = 0.8

_NAMES = {"html": "HTML", "textdump": "text dump", "text": "clean text"}
_READ_AS = {"html": "HTML", "textdump": "a text dump", "text": "clean text"}

# Tags are stripped with regular expressions rather than a parser: lxml gives up
# below its nesting-depth limit (one of the inputs this module must recover), and
# html.parser is four times slower, while the prose estimate runs on every page.
_HIDDEN = re.compile(
    r"<!--.*?(?:-->|\Z)|<(script|style|noscript|template|svg)\b.*?(?:</\1\s*>|\Z)",
    re.DOTALL | re.IGNORECASE,
)
_TAG = re.compile(r"</?([a-zA-Z][\w:.-]*)[^<>]*>|<[!?][^<>]*>")
# elements inside a line of text; every other tag (an unknown embed too) breaks the line
_INLINE = frozenset(defs.phrase_tags | defs.font_style_tags) | frozenset(
    ["a", "bdi", "bdo", "data", "font", "mark", "nobr", "q", "span", "sub", "sup", "time", "wbr"]
)
_SPACE = re.compile(r"[ \t\r\f\v\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_BLANKS = re.compile(r"\n(?: *\n)+")


def strip_tags(text: str) -> str:
    """The text of markup, laid out as a browser's page text: a line per block, a blank per <p>."""

    def boundary(m: re.Match[str]) -> str:
        name = (m[1] or "").lower()
        if name in _INLINE:
            return ""
        return "\n\n" if name == "p" else "\n"

    text = html.unescape(_TAG.sub(boundary, _HIDDEN.sub("", text)))
    lines = (_SPACE.sub(" ", line).strip() for line in text.split("\n"))
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip()


def prose(plain: str) -> str:
    """The prose of a text without tags: its lines of at least PROSE_LINE_WORDS words."""
    return "\n".join(line for line in plain.splitlines() if count_words(line) >= PROSE_LINE_WORDS)


def read(text: str, kind: InputKind, source: Source) -> Article:
    """One reading of the input: as HTML, as a whole-page text dump, or as clean text."""
    if kind == "text":
        return from_plain_text(text, source)
    if kind == "html":
        page = clean_html(text, url=source.url)
    else:  # an embed or ad slot left between its lines would read as page furniture
        page = clean_textdump("\n".join(line for line in text.split("\n") if not is_markup(line)))
    if page.url and not source.url:
        source.url = page.url
    return assemble(page, source)


def read_best(text: str, kind: InputKind, source: Source) -> Article:
    """The `kind` reading, or another when that one loses an article the input plainly holds.

    Clean text is read as given and never replaced: its body is all of its text.
    """
    article = read(text, kind, source)
    first = count_words(article.body)
    if kind == "text" or first >= LOST_WORDS:  # cannot have lost it: no need to look
        return article
    plain = strip_tags(text) if _TAG.search(text) else text
    expected = count_words(prose(plain))
    if not _lost(first, expected):
        return article
    best, best_words = article, first
    best_kind: InputKind = kind
    for other, other_text in _alternatives(text, plain, kind, first > 0):
        candidate = read(other_text, other, source)
        words = count_words(candidate.body)
        if words > best_words and _keeps(candidate.body, article.body):
            best, best_kind, best_words = candidate, other, words
            if not _lost(words, expected):
                break
    if best is article:
        return article
    _keep_metadata(best, article)
    found = "no body" if first == 0 else f"only {first} of about {expected} words of prose"
    best.warnings.append(f"read as {_READ_AS[best_kind]}: the {_NAMES[kind]} reading found {found}")
    source.input = best_kind
    return best


def _lost(words: int, expected: int) -> bool:
    """Whether a body of `words` words has lost the article in `expected` words of prose."""
    return words < LOST_WORDS and words < SHORT_SHARE * expected


def _alternatives(
    text: str, plain: str, kind: InputKind, found: bool
) -> list[tuple[InputKind, str]]:
    """The other readings to try, most likely first: (kind, the text to read).

    A text dump is read again as given; HTML as `plain`, its text without tags.
    Reading as clean text keeps all of the input, menus and comments too, so it
    comes first only for input that does not look like a page (plain text with a
    few tags, read as HTML because the caller said so), and otherwise only when
    the reading found nothing at all.
    """
    if kind == "textdump":
        return [("text", text)] if not found or detect_kind(text) == "text" else []
    if detect_kind(text) != "html":
        return [("text", plain), ("textdump", plain)]
    readings: list[tuple[InputKind, str]] = [("textdump", plain)]
    return readings if found else [*readings, ("text", plain)]


def _keeps(body: str, first: str) -> bool:
    """Whether `body` holds at least KEEP_SHARE of the words of `first`."""
    want = Counter(w.lower() for w in tokens(first))
    if not want:
        return True
    have = Counter(w.lower() for w in tokens(body))
    return sum((want & have).values()) >= KEEP_SHARE * sum(want.values())


def _keep_metadata(article: Article, first: Article) -> None:
    """Fill what the kept reading lacks from the first one (an HTML page's date, authors)."""
    if article.published is None:
        article.published, article.published_source = first.published, first.published_source
    article.authors = article.authors or first.authors
    article.site = article.site or first.site
    article.language = article.language or first.language
