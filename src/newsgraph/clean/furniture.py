"""Page furniture that trafilatura keeps in the body, recognised line by line.

trafilatura's precision mode still lets through lines that belong to the page rather
than the article: "Read more:" links, newsletter and follow-us prompts, photo credits,
share and comment widgets, reading times, bylines and dates, the title said again,
headings of related stories at the end. These generic rules (by what a line says,
never by site) take them out and record each in `Page.removed`; they are what lifts
`clean/html.py` above trafilatura's own F1 (`benchmarks/extraction.py`).
"""

from __future__ import annotations

import re
from typing import Literal

from newsgraph.model import Author, BlockKind, Removed, RemovedKind

Part = tuple[BlockKind, str]


def filter_boilerplate(
    parts: list[Part], title: str | None = None, authors: list[Author] | None = None
) -> tuple[list[Part], list[Removed]]:
    """Sort the body's lines into article text, captions and recorded furniture.

    Works line by line because one extracted block often holds a title, byline and date
    separated by line breaks. Headings left at the end with nothing under them are the
    titles of related articles.
    """
    title_words = word_key(title or "").split()
    names = {word_key(a.name) for a in authors or []}
    kept: list[Part] = []
    removed: list[Removed] = []
    for kind, raw in parts:
        if kind == "caption":
            kept.append((kind, raw))
            continue
        lines: list[str] = []
        for line in _CLICK_TO_TWEET.sub("", raw).split("\n"):
            why = _line_kind(line, title_words, names)
            if why == "caption":
                kept.append(("caption", line))
            elif why is not None:
                removed.append(Removed(why, line))
            elif line.strip():
                lines.append(line)
        if lines:
            kept.append((kind, "\n".join(lines)))
    last = max((n for n, (kind, _) in enumerate(kept) if kind == "paragraph"), default=-1)
    removed.extend(
        Removed("navigation", text) for kind, text in kept[last + 1 :] if kind == "heading"
    )
    return [p for n, p in enumerate(kept) if n <= last or p[0] != "heading"], removed


def _line_kind(
    line: str, title_words: list[str], names: set[str]
) -> RemovedKind | Literal["caption"] | None:
    """What one line is when it is not article text: furniture of some kind, or a caption."""
    words = word_key(line).split()
    if not words:
        return None
    if len(words) <= 40 and _same_words(words, title_words):
        return "duplicate"
    if " ".join(words) in names or (len(words) <= 8 and _BYLINE.match(line)):
        return "byline"
    if len(words) <= 10 and _is_date(words):
        return "byline"
    if len(words) <= 40 and _CREDIT.search(line):
        return "caption"
    for kind, max_words, pattern in _RULES:
        if len(words) <= max_words and pattern.search(line):
            return kind
    return None


def _same_words(words: list[str], title_words: list[str]) -> bool:
    """Whether a line restates the title (allowing a site name added to either)."""
    if not title_words:
        return False
    common = len(set(words) & set(title_words))
    return common >= 0.9 * len(set(words)) and common >= 0.6 * len(set(title_words))


def _is_date(words: list[str]) -> bool:
    """Whether a line's words are only a date and time ("Monday, November 18, 2019 10:02")."""
    digits = {w for w in words if w.isdigit()}
    named = set(words) - digits
    return bool(digits) and bool(named & _MONTHS) and named <= _DATE_WORDS


def word_key(text: str) -> str:
    """Comparison key: the words, lower-cased, without punctuation.

    `html.py` uses the same key to find extracted text back among the page's elements.
    """
    return " ".join(_WORD.findall(text.casefold()))


_WORD = re.compile(r"\w+")
_CLICK_TO_TWEET = re.compile(r"\s*\bclick to tweet\s*$", re.IGNORECASE)
_NAME = r"[A-Z][\w.'\-]*"
_BYLINE = re.compile(rf"^\s*(?i:by|von|par|por)\s+{_NAME}(\s+((?i:and)\s+)?{_NAME})*\s*$")
# fmt: off
_MONTHS = frozenset({
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "january", "february", "march", "april", "june", "july", "august", "september", "october",
    "november", "december"
})
_DATE_WORDS = _MONTHS | frozenset({
    "mon", "tue", "wed", "thu", "fri", "sat", "sun", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "am", "pm", "gmt", "utc", "est", "edt", "pst",
    "pdt", "bst", "cet", "updated", "published", "posted", "on", "at", "st", "nd", "rd", "th"
})
# fmt: on
# a caption: text with a copyright sign, or a sentence closed by a parenthesised credit
_CREDIT = re.compile(
    r"\u00a9|\w.*\((photo|image|picture)?\s*(credit|courtesy|source)s?\s*:[^)]*\)\W*$",
    re.IGNORECASE,
)
# Page furniture, recognised by what a line says rather than by site. A rule holds
# for lines of at most `max_words` words; longer ones are taken to be article text.
_RULES: list[tuple[RemovedKind, int, re.Pattern[str]]] = [
    (
        "navigation",
        40,
        re.compile(
            r"^\W*(read|see) (more|also)\b\W*[:\-\u2013\u2014|]"
            r"|^\W*(related|more|also read|recommended)( (articles?|stories|coverage|reading))?\s*:"
            r"|^most (read|popular|viewed|shared)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "notice",
        60,
        re.compile(
            r"\b(sign up|subscribe|subscribing|register)\b.{0,80}\b(newsletter|inbox)\b"
            r"|\bnewsletter\b.{0,80}\b(sign up|subscribe|inbox)\b"
            r"|\bdelivered\b.{0,30}\b(inbox|letterbox|door)\b"
            r"|\b(follow|like) (us|him|her|them|me|@\w+|[A-Z][\w .\-]{0,60}?) on "
            r"(twitter|facebook|instagram|linkedin)\b",
            re.IGNORECASE,
        ),
    ),
    ("notice", 30, re.compile(r"^(\(c\)\s|copyright\b)|\ball rights reserved\b", re.IGNORECASE)),
    ("notice", 60, re.compile(r"^(additional )?(reporting|writing|editing) by\b", re.IGNORECASE)),
    (
        "widget",
        20,
        re.compile(
            r"^\[(\w+)\b[^\]]*\].*\[/\1\]$"
            r"|^\d*\s*comments?$|^(tell us|let us know) what you think\b"
            r"|^(leave|post|add) a (comment|reply)\b"
            r"|^share (this( article| story| post| page)?|on \w+|via \w+)\W*$"
            r"|^(advertisement|advertising|sponsored)$",
            re.IGNORECASE,
        ),
    ),
    (
        "widget",
        8,
        re.compile(
            r"^\d+\s*(min|mins|minutes?|minutos?|minuten)\.?\s*(read|de leitura|de lectura)\b"
            r"|^(reading time|tempo de leitura|tiempo de lectura|lesezeit|temps de lecture)\b",
            re.IGNORECASE,
        ),
    ),
]
