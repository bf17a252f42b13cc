"""Time expressions: found in the text and normalised as TimeML's TIMEX3 does.

`find_timexes` runs the rules of `timex_patterns` over the article text, keeps the
longest expression where matches overlap, and normalises each against the
publication date (`Article.published`): "March 14" in an article of 2016-03-15
is 2016-03-14, "last month" 2016-02. Without a publication date, values keep
what the text says and leave the rest unknown (`XXXX-03-14`).

Expressions that name a month or weekday without a year ("in July", "on
Monday") take their direction from the tense of the clause they sit in, read
off the parse: "will come up for renewal in July" is the coming July, "was
signed in January" the last one. News reports the past, so a clause with no
tense looks back. "A year earlier" and "the latest quarter" refer to the last
date the article mentioned, as financial news uses them.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from newsgraph.analyse.timex.calendar import Direction, Point, at_grain, parse_anchor
from newsgraph.analyse.timex.context import Context, Result
from newsgraph.analyse.timex.patterns import RULES
from newsgraph.model import Article, TextSpan, Timex

__all__ = ["find_timexes", "tense_direction", "timexes_in"]

_FUTURE_WORDS = frozenset({"will", "'ll", "shall", "wo"})
_FUTURE_HEADS = frozenset({"plan", "expect", "schedule", "due", "set", "aim", "intend", "hope",
                           "propose", "prepare", "want", "seek", "likely"})  # fmt: skip
_EMBEDDED = frozenset({"relcl", "ccomp", "advcl", "conj", "acl"})
_DATE_VALUE = re.compile(r"^(\d{4})(?:-(Q\d|\d\d)(?:-(\d\d))?)?$")


def find_timexes(article: Article, doc: Doc) -> list[Timex]:
    """Every time expression of the article, in text order, with ids t1, t2…"""
    return timexes_in(article.text, article.published, doc)


def timexes_in(text: str, published: str | None, doc: Doc | None = None) -> list[Timex]:
    """The time expressions of `text` anchored at `published`; `doc` (its parse) gives tense."""
    anchor = parse_anchor(published)

    def direction(start: int, end: int) -> Direction:
        return tense_direction(doc, start, end) if doc is not None else "none"

    ctx = Context(anchor=anchor, direction=direction, text=text)
    found: list[tuple[int, int, int, re.Match[str]]] = []
    for priority, (pattern, _) in enumerate(RULES):
        for m in pattern.finditer(text):
            if m.end() > m.start():
                found.append((m.start(), m.end(), priority, m))
    # Longest first, then rule order; a match overlapping a kept one is dropped.
    found.sort(key=lambda f: (-(f[1] - f[0]), f[2], f[0]))
    kept: list[tuple[int, int, int, re.Match[str]]] = []
    taken = bytearray(len(text))  # 1 where a kept match lies: testing a match costs its length
    for item in found:
        if 1 in taken[item[0] : item[1]]:
            continue
        kept.append(item)
        taken[item[0] : item[1]] = b"\x01" * (item[1] - item[0])
    out: list[Timex] = []
    for start, end, priority, m in sorted(kept, key=lambda f: f[0]):
        result = _normalise(priority, m, ctx)
        if result is None:
            continue
        kind, value, mod = result
        start, end = _trim(text, start, end)
        span = TextSpan(start, end, text[start:end])
        out.append(Timex(f"t{len(out) + 1}", span, kind, value, mod))  # type: ignore[arg-type]
        _remember(ctx, kind, value)
    return out


def _normalise(priority: int, m: re.Match[str], ctx: Context) -> Result | None:
    """A rule's result; a rule that fails on odd input drops the expression, never the article."""
    try:
        return RULES[priority][1](m, ctx)
    except (ValueError, KeyError, OverflowError):
        return None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in " \t\n,":
        end -= 1
    return start, end


def _remember(ctx: Context, kind: str, value: str) -> None:
    """Keep the last concrete date, the anchor of "a year earlier" and "the quarter"."""
    if ctx.extra.pop("noremember", None) or kind != "DATE":
        return
    m = _DATE_VALUE.match(value)
    if not m:
        return
    year = int(m[1])
    part, day = m[2], m[3]
    if part and part.startswith("Q"):
        point = Point("quarter", year, int(part[1]))
        ctx.last_quarter = point
    elif day and ctx.anchor is not None:
        import datetime as dt

        try:
            point = at_grain(dt.date(year, int(part), int(day)), "day")
        except ValueError:
            return
    elif part:
        point = Point("month", year, int(part))
    else:
        point = Point("year", year)
    ctx.last = point


def tense_direction(doc: Doc, start: int, end: int) -> Direction:
    """Whether the clause around text[start:end] speaks of the future, the past, or neither."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return "none"
    tok: Token | None = span.root
    for _ in range(8):
        if tok is None:
            break
        if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB") or tok.lower_ in _FUTURE_HEADS:
            found = _verb_direction(tok)
            if found != "none" or tok.tag_ not in ("VBZ", "VBP") or tok.dep_ not in _EMBEDDED:
                return found
            # "sanctions that come up for renewal in July": a present-tense relative
            # clause takes its time from the verb that governs it ("to lift", "will").
        if tok.head is tok:
            break
        tok = tok.head
    return "none"


def _verb_direction(verb: Token) -> Direction:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & _FUTURE_WORDS or verb.lower_ in _FUTURE_WORDS:
        return "future"
    if "going" in words or (verb.tag_ == "VB" and "to" in words):
        head = verb.head
        if head.lemma_ in _FUTURE_HEADS or head.lower_ == "going" or head.tag_ in ("VBZ", "VBP"):
            return "future"
        return "past" if head.tag_ == "VBD" else "future"
    if verb.lemma_ in _FUTURE_HEADS and verb.tag_ in ("VBZ", "VBP", "VBN", "JJ"):
        return "future"
    if verb.tag_ == "VBD" or any(a.tag_ in ("VBD",) for a in auxes):
        if "would" in words or "could" in words:
            return "future"
        return "past"
    if verb.tag_ == "VBN" and (not words or words & {"has", "have", "'ve", "'s"}):
        return "past"
    if "would" in words:
        return "future"
    if verb.tag_ == "VBN" and words & {"is", "are"} and verb.dep_ in _EMBEDDED:
        # "when the case is heard in May": a present passive in a subordinate clause.
        return "future"
    if verb.tag_ == "VBG" and words & {"is", "are", "'s", "'re", "am"}:
        return "future"
    return "none"
