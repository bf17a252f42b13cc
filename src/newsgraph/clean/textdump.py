"""Whole-page text dumps into articles.

A dump is what a browser gives for a whole rendered page: skip-links, menus,
breaking-news bars, the headline, captions (often twice), the body with its
section headings, an author box, notices, widgets and footers, one per line.
No existing extractor reads these well (they all expect markup), so newsgraph
does its own: a gradient-boosted line classifier (`lines.py`, trained by
`train/textdump.py`) scores every line as body or not, and a few structural
rules then find the article's core, its headline, headings, captions, byline
and author box around that score.
"""

from __future__ import annotations

import re
from typing import Any

from newsgraph.clean.lines import (
    CHROME,
    Line,
    context_features,
    core_span,
    line_features,
    split_lines,
)
from newsgraph.clean.trees import load_model, predict_proba
from newsgraph.clean.words import tokens
from newsgraph.model import Author, BlockKind, Page, Removed, RemovedKind

_SENT_END = re.compile(r"[.!?…。！？][\"'”’)\]」』]*$")
_BYLINE = re.compile(r"^(by|written by|words by|von|par|por)\s+(.{3,80})$", re.IGNORECASE)
_NAME = re.compile(r"^[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}$")
_ADVERT = re.compile(r"\b(advert\w*|sponsored|promoted|ad choices)\b", re.IGNORECASE)
_WIDGET = re.compile(
    r"\b(share|tweet|comments?|print|e-?mail|font|text size|copy link|save|bookmark|"
    r"whatsapp|facebook|twitter|linkedin|reddit|pinterest)\b",
    re.IGNORECASE,
)
_NOTICE = re.compile(
    r"\b(copyright|©|all rights reserved|cookies?|privacy|terms|legal|law|licen[cs]e|"
    r"declared|prohibit\w*|permission|reproduc\w+|disclaimer|fines|imprisonment|penalt\w+|"
    r"liab\w+|undesirable|regulat\w+)\b",
    re.IGNORECASE,
)
_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_MONTH_ABBR = "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec"
_DATES = (
    re.compile(rf"\b({_MONTHS}|{_MONTH_ABBR})\.?\s+(\d{{1,2}}),?\s+((?:19|20)\d\d)\b", re.I),
    re.compile(rf"\b(\d{{1,2}})\s+({_MONTHS}|{_MONTH_ABBR})\.?,?\s+((?:19|20)\d\d)\b", re.I),
    re.compile(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b"),
)
_MONTH_NUMBER = {m: i + 1 for i, m in enumerate(_MONTHS.split("|"))}

# The core is found a little above even odds, and inside it a line needs less
# evidence. A model file may carry its own pair, chosen by train/textdump.py on
# its held-out predictions; these serve a model that carries none.
CORE_THRESHOLD = 0.45
BODY_THRESHOLD = 0.35


def _words(text: str) -> int:
    """Words as the line features count them (a character of an unspaced script is one)."""
    return len(tokens(text))


def _date(text: str) -> str | None:
    """An ISO date from a dateline such as "March 15, 2016" or "19 November 2019"."""
    for n, pattern in enumerate(_DATES):
        m = pattern.search(text)
        if not m:
            continue
        if n == 2:
            year, month, day = int(m[1]), int(m[2]), int(m[3])
        else:
            month_name, day_s, year_s = (m[1], m[2], m[3]) if n == 0 else (m[2], m[1], m[3])
            key = next(k for k in _MONTH_NUMBER if k.startswith(month_name.lower()[:3]))
            year, month, day = int(year_s), _MONTH_NUMBER[key], int(day_s)
        if 1 <= month <= 12 and 1 <= day <= 31:
            return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def _is_title(text: str) -> bool:
    n = _words(text)
    return (
        3 <= n <= 25
        and not text.endswith((".", ":", ","))
        and not _BYLINE.match(text)
        and _date(text) is None
        and not _WIDGET.search(text)
        and not _ADVERT.search(text)
    )


def _is_heading(lines: list[Line], i: int, body: set[int]) -> bool:
    """A short, unpunctuated line that introduces the body paragraph after it."""
    text = lines[i].text
    return (
        1 <= _words(text) <= 14
        and not _SENT_END.search(text)
        and not text.endswith((",", ";"))
        and ":" not in text
        and text[0] not in "[(•|"
        and not (CHROME.search(text) and _words(text) <= 3)
        and not _ADVERT.search(text)
        and i + 1 < len(lines)
        and i + 1 in body
        and _words(lines[i + 1].text) >= 8
    )


def _author_box(lines: list[Line], after: int) -> tuple[int, Author] | None:
    """An author box in the later part of the page: a name alone, then a bio starting with it."""
    for i in range(after, len(lines) - 1):
        name = lines[i].text
        bio = lines[i + 1].text
        if _NAME.match(name) and _words(bio) >= 8:
            parts = name.split()
            if bio.startswith(name) or bio.startswith(parts[-1]) or bio.startswith(parts[0] + " "):
                return i, Author(name=name, bio=bio)
    return None


def _removed_kind(text: str, before_body: bool) -> RemovedKind:
    n = _words(text)
    if _ADVERT.search(text) and n <= 6:
        return "advert"
    if n <= 4 and (_WIDGET.search(text) or len(text) <= 3):
        return "widget"
    if n >= 8 and _SENT_END.search(text) and _NOTICE.search(text):
        return "notice"
    if before_body and n <= 8:
        return "navigation"
    return "other"


def _group(removed: list[Removed]) -> list[Removed]:
    """Consecutive cut lines of the same kind as one entry."""
    out: list[Removed] = []
    for item in removed:
        if out and out[-1].kind == item.kind and item.kind not in ("byline", "bio", "duplicate"):
            out[-1].text += "\n" + item.text
        else:
            out.append(item)
    return out


def body_probabilities(lines: list[Line], model: dict[str, Any]) -> list[float]:
    """P(body) of each line: a per-line pass, then a pass over the neighbourhood's scores."""
    feats = line_features(lines)
    first = predict_proba(model["stage1"], feats)
    return predict_proba(model["stage2"], context_features(lines, first, feats))


def clean_textdump(
    text: str,
    model: dict[str, Any] | None = None,
    thresholds: tuple[float, float] | None = None,
) -> Page:
    """Classify every line of a whole-page dump and keep the article.

    `thresholds` (core, body) overrides the model's own pair.
    """
    lines = split_lines(text)
    if not lines:
        return Page()
    model = model or load_model("textdump")
    pair = thresholds or (
        model.get("core_threshold", CORE_THRESHOLD),
        model.get("body_threshold", BODY_THRESHOLD),
    )
    return decode(lines, body_probabilities(lines, model), pair)


def decode(lines: list[Line], probs: list[float], thresholds: tuple[float, float]) -> Page:
    """The article from the lines' body probabilities at a (core, body) pair of thresholds.

    Apart from `clean_textdump` so that training can try many pairs on one scoring.
    """
    page = Page()
    core_at, body_at = thresholds
    first, last = core_span(lines, probs, core_at)
    body = {i for i in range(first, last + 1) if probs[i] >= body_at}
    # A subheading between two confident paragraphs belongs to the body even when
    # it scores low on its own.
    body |= {
        i
        for i in range(first + 1, last)
        if _is_heading(lines, i, body)
        and probs[i - 1] >= 0.8
        and probs[i + 1] >= 0.8
        and _words(lines[i - 1].text) >= 8
    }

    box = _author_box(lines, (first + last) // 2 + 1 if first <= last else 0)
    if box is not None:
        name_at, author = box
        page.authors.append(author)
        # The box's own furniture ("About the author", a photo placeholder) sits
        # right above the name.
        top = name_at
        while top - 1 in body and _words(lines[top - 1].text) <= 4:
            top -= 1
        body = {i for i in body if i < top}
        last = min(last, top - 1)

    roles: dict[int, tuple[BlockKind | None, RemovedKind]] = {}
    # Captions: a line repeated right after itself (galleries print caption and
    # alt text) is kept once, as a caption, wherever it sits.
    for i in range(len(lines) - 1):
        if lines[i].text == lines[i + 1].text and i not in roles and _words(lines[i].text) >= 4:
            roles[i] = ("caption", "other")
            roles[i + 1] = (None, "duplicate")
    body -= set(roles)

    title_at = next(
        (
            i
            for i in sorted(range(max(0, first - 40), first), key=lambda k: -_words(lines[k].text))
            if i not in roles and _is_title(lines[i].text)
        ),
        None,
    )
    if title_at is not None:
        roles[title_at] = ("title", "other")
        page.title = lines[title_at].text
    for i in range(max(0, first - 40), min(len(lines), first + 3)):
        m = _BYLINE.match(lines[i].text)
        if m and i not in body and not page.authors:
            names = re.split(r",\s*|\s+and\s+", m[2].strip())
            page.authors = [Author(n.strip()) for n in names if n.strip()]
            roles[i] = (None, "byline")
        if page.published is None and i not in body and (date := _date(lines[i].text)):
            page.published, page.published_source = date, "textdump-dateline"

    for i in body:
        kind: BlockKind = "heading" if _is_heading(lines, i, body) else "paragraph"
        roles[i] = (kind, "other")
    if box is not None:
        roles[box[0]] = (None, "byline")
        roles[box[0] + 1] = (None, "bio")

    removed: list[Removed] = []
    for i, line in enumerate(lines):
        kind_kept, kind_cut = roles.get(i, (None, _removed_kind(line.text, i < first)))
        if kind_kept == "title":
            page.parts.insert(0, (kind_kept, line.text))
        elif kind_kept is not None:
            page.parts.append((kind_kept, line.text))
        else:
            removed.append(Removed(kind_cut, line.text))
    page.removed = _group(removed)
    return page
