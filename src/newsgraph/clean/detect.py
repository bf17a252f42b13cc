"""What kind of input this is: HTML, a whole-page text dump, or a clean article."""

from __future__ import annotations

import re

from lxml.html.defs import tags as html_tags

from newsgraph.model import InputKind

_MARKUP = re.compile(r"<(!doctype html|html|head|body|div|p|article|meta|script)\b", re.I)
_TAG = re.compile(r"</?([a-zA-Z][\w-]*)[^>]{0,200}>")
# A line of nothing but tags, comments, entities or template placeholders ({{ad}},
# {% block %}, shortcodes such as [embed] or [caption id="3"]): scraped text keeps
# them where embeds and ads stood. A bracketed label ("[Reuters]") is text.
# (each alternative stops where the next could start, so a line that is not markup
# fails in linear time)
_SHORTCODE = r"\[/?[a-z][\w-]*(?:\s+[\w-]+=(?:\"[^\"]*\"|'[^']*'|[^\s\]\"']+))*\s*/?\]"
_MARKUP_LINE = re.compile(
    r"(?:\s|</?[a-zA-Z][^<>]*>|<!--(?:[^-]|-(?!->))*-->|&#?\w+;|\{\{[^{}]*\}\}|\{%[^%]*%\}"
    rf"|{_SHORTCODE})+"
)
_WORD = re.compile(r"\w+")
# The commonest English function words: enough to tell English prose from other
# languages without a language-identification model.
_ENGLISH = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "a",
        "in",
        "is",
        "that",
        "for",
        "it",
        "on",
        "was",
        "with",
        "as",
        "by",
        "at",
        "from",
        "he",
        "his",
        "be",
        "are",
        "this",
        "have",
        "has",
        "said",
        "not",
        "but",
        "they",
        "an",
        "which",
        "were",
        "been",
        "their",
        "its",
        "who",
        "will",
        "would",
    ]
)


def detect_kind(text: str) -> InputKind:
    """HTML by its markup; a dump by its many short menu-like lines; else clean text.

    Only HTML's own elements count as markup, and lines of nothing but markup or
    placeholders are not menu lines: text with a few embeds left in stays text.
    """
    head = text[:5000].lstrip()
    tags = sum(name.lower() in html_tags for name in _TAG.findall(head))
    if _MARKUP.match(head) or tags >= 10:
        return "html"
    lines = [line for line in map(str.strip, text.splitlines()) if line and not is_markup(line)]
    short = [line for line in lines if len(_WORD.findall(line)) < 5]
    if len(short) >= 6 and len(short) >= 0.15 * len(lines):
        return "textdump"
    return "text"


def is_markup(text: str) -> bool:
    """Whether the text is nothing but markup or placeholders (an embed, an ad slot)."""
    return bool(text.strip()) and bool(_MARKUP_LINE.fullmatch(text))


def guess_language(text: str) -> str | None:
    """ "en" when English function words are common enough, else unknown (None)."""
    words = [w.lower() for w in _WORD.findall(text[:20000])]
    if len(words) < 20:
        return None
    share = sum(w in _ENGLISH for w in words) / len(words)
    return "en" if share >= 0.15 else None
