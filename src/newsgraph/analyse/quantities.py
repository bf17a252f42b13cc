"""Quantities: every number that counts or measures something, with its hedge.

A claim such as "air strikes are estimated to have killed some 1,700
civilians" is only checkable with its number, its counted noun and the word
that softens it. `find_quantities` reads them off the shared spaCy parse:

- numbers are runs of digit tokens and number words ("1,700", "2.5 billion",
  "two hundred thousand", "a dozen", "hundreds of thousands"), found by their
  form rather than by the NER labels, which miss many of them;
- the counted noun is the noun the number modifies in the dependency parse
  ("1,000 military personnel") or the object of a following "of" ("hundreds of
  people"); currency symbols and words become ISO codes, "%" and "per cent"
  become "percent";
- the words just before the number give `approx` ("some", "about"...) and
  `bound` ("at least" → min, "up to" → max).

Years, dates, times, ordinals and numbers that count time ("six months",
"five-year-old") are time expressions, not quantities: spans the NER labels
DATE or TIME are skipped, and so is any number whose counted noun is a unit of
time. Numbers that name rather than count ("Flight 17", "the two" meaning two
people already named) are skipped too. Nothing here raises on odd input: a
number that cannot be read is left out.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from itertools import accumulate
from typing import Literal

from spacy.tokens import Doc, Span, Token

from newsgraph.model import Article, Quantity, Quote, TextSpan

_SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALE = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# Plural number words count vaguely: "hundreds of" is approximate.
_VAGUE = {
    "dozens": 12, "hundreds": 100, "thousands": 1e3, "millions": 1e6,
    "billions": 1e9, "trillions": 1e12, "scores": 20,
}  # fmt: skip
_SUFFIX = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12}
_DIGITS = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$|^\.\d+$")
_DIGITS_SUFFIX = re.compile(r"^(\d+(?:\.\d+)?)(k|m|mn|mln|bn|b|tn)$", re.IGNORECASE)
_YEAR = re.compile(r"^(1[5-9]\d\d|20\d\d|2100)$")

_CURRENCY_SYMBOL = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₽": "RUB"}
_CURRENCY_WORD = {
    "dollar": "USD", "euro": "EUR", "ruble": "RUB", "rouble": "RUB", "yuan": "CNY",
    "yen": "JPY", "usd": "USD", "eur": "EUR", "gbp": "GBP", "rub": "RUB",
    "hryvnia": "UAH", "lira": "TRY", "rupee": "INR",
}  # fmt: skip
_PERCENT = {"%", "percent", "pct", "per cent"}

_TIME_WORDS = {
    "year", "month", "week", "day", "hour", "minute", "second", "decade",
    "century", "millennium", "night", "morning", "evening", "afternoon",
    "weekend", "fortnight", "yr", "yrs", "a.m.", "p.m.", "am", "pm", "o'clock",
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
}  # fmt: skip
# Words before a number that make it a name or a rank, not a count.
_NAMING = {
    "no", "no.", "number", "flight", "resolution", "article", "page", "section",
    "chapter", "paragraph", "room", "route", "highway", "grade", "phase",
    "level", "stage", "round", "#", "version", "type", "model", "channel",
}  # fmt: skip
_FRACTIONS = {
    "half", "halves", "third", "thirds", "quarter", "quarters", "fourth", "fourths",
    "fifth", "fifths", "sixth", "sixths", "eighth", "eighths", "tenth", "tenths",
}  # fmt: skip
_PRONOMINAL_DET = {"the", "these", "those", "this", "that", "all", "both", "each", "every"}

# Hedge cues, longest first; "ambiguous" ones are also plain prepositions
# ("fighting over two bases") and count only when the parse or the NER ties
# them to the number.
_Cue = Literal["approx", "min", "max"]
_CUES: list[tuple[tuple[str, ...], _Cue]] = [
    (("no", "fewer", "than"), "min"), (("no", "less", "than"), "min"),
    (("no", "more", "than"), "max"), (("not", "more", "than"), "max"),
    (("in", "excess", "of"), "min"), (("more", "or", "less"), "approx"),
    (("an", "estimated"), "approx"), (("close", "to"), "approx"),
    (("at", "least"), "min"), (("more", "than"), "min"), (("greater", "than"), "min"),
    (("upwards", "of"), "min"), (("well", "over"), "min"), (("just", "over"), "min"),
    (("up", "to"), "max"), (("less", "than"), "max"), (("fewer", "than"), "max"),
    (("at", "most"), "max"), (("as", "many", "as"), "max"), (("as", "much", "as"), "max"),
    (("just", "under"), "max"), (("nearly",), "approx"), (("almost",), "approx"),
    (("roughly",), "approx"), (("approximately",), "approx"), (("estimated",), "approx"),
    (("circa",), "approx"), (("some",), "approx"), (("about",), "approx"),
    (("around",), "approx"), (("over",), "min"), (("above",), "min"),
    (("under",), "max"), (("below",), "max"),
]  # fmt: skip
_AMBIGUOUS = {"about", "around", "over", "above", "under", "below"}
_NUMERIC_ENTS = {"", "CARDINAL", "MONEY", "PERCENT", "QUANTITY"}


@dataclass(slots=True)
class _Number:
    """A run of tokens read as one number: `doc[start:end]`."""

    start: int
    end: int
    value: float
    vague: bool


def find_quantities(article: Article, doc: Doc) -> list[Quantity]:
    """Every counting or measuring number of the article, in text order (ids n1, n2...)."""
    found: list[Quantity] = []
    i = 0
    while i < len(doc):
        try:
            number = _read_number(doc, i)
            quantity = _quantity(article, doc, number) if number else None
        except Exception:
            number = quantity = None  # an odd parse loses this number, never the article
        if number is None:
            i += 1
            continue
        i = number.end
        if quantity is not None:
            found.append(quantity)
            i = _token_at(doc, quantity.span.end, i)
    found.sort(key=lambda q: q.span.start)
    quotes = sorted(enumerate(article.quotes), key=lambda nq: nq[1].content.start)
    reach = list(accumulate((q.content.end for _, q in quotes), max))
    for n, quantity in enumerate(found, 1):
        quantity.id = f"n{n}"
        quantity.quote = _quote_of(quotes, reach, quantity.span)
    return found


def _token_at(doc: Doc, char: int, start: int) -> int:
    """The index of the first token from `start` on that begins at or after `char`."""
    return next((t.i for t in doc[start:] if t.idx >= char), len(doc))


def _word_value(token: Token) -> float | None:
    text = token.lower_
    if _DIGITS.match(text):
        return float(text.replace(",", ""))
    if text in _SMALL:
        return float(_SMALL[text])
    return _SCALE.get(text)


def _read_number(doc: Doc, i: int) -> _Number | None:
    """The number starting at token `i`, or None when none starts there."""
    first = doc[i]
    low = first.lower_
    if low in _VAGUE:
        value, end = float(_VAGUE[low]), i + 1
        # "hundreds of thousands", "tens of thousands"
        if end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].lower_ in _VAGUE:
            value, end = value * _VAGUE[doc[end + 1].lower_], end + 2
        return _Number(i, end, value, True)
    if low == "tens" and i + 2 < len(doc) and doc[i + 1].lower_ == "of":
        vague = _VAGUE.get(doc[i + 2].lower_)
        return _Number(i, i + 3, 10 * vague, True) if vague else None
    if low == "a" and i + 1 < len(doc) and doc[i + 1].lower_ in {"dozen", *_SCALE}:
        number = _read_number(doc, i + 1)
        return _Number(i, number.end, number.value, True) if number else None
    if low == "dozen":
        return _Number(i, i + 1, 12.0, True)
    suffixed = _DIGITS_SUFFIX.match(low)
    if suffixed:
        return _Number(i, i + 1, float(suffixed[1]) * _SUFFIX[suffixed[2].lower()], False)
    if _word_value(first) is None or low in _SCALE:
        return None
    total, current, end = 0.0, 0.0, i
    while end < len(doc):
        token = doc[end]
        word = _word_value(token)
        if word is None:
            # "twenty-five", "two hundred and fifty": keep reading across the joint
            nxt = doc[end + 1] if end + 1 < len(doc) else None
            joint = token.text == "-" and not doc[end - 1].whitespace_
            joint = joint or (token.lower_ == "and" and doc[end - 1].lower_ == "hundred")
            if joint and nxt is not None and (nxt.lower_ in _SMALL or nxt.lower_ in _SCALE):
                end += 1
                continue
            break
        if token.lower_ in _SCALE:
            if token.lower_ == "hundred":
                current = (current or 1) * 100
            else:
                total += (current or 1) * word
                current = 0.0
        elif current and end > i and _DIGITS.match(token.lower_):
            break  # two numbers side by side ("10 20") are two numbers
        else:
            current += word
        end += 1
    # "€3m": a scale letter glued to the number
    if end < len(doc) and not doc[end - 1].whitespace_ and doc[end].lower_ in _SUFFIX:
        current *= _SUFFIX[doc[end].lower_]
        end += 1
    return _Number(i, end, total + current, False)


def _quantity(article: Article, doc: Doc, number: _Number) -> Quantity | None:
    """The quantity around a number, or None when the number is not one."""
    tokens = doc[number.start : number.end]
    if any(t.ent_type_ not in _NUMERIC_ENTS for t in tokens):
        return None  # DATE, TIME, ORDINAL, or part of a name ("Resolution 2254")
    start, end = number.start, number.end
    prev = doc[start - 1] if start > 0 else None
    if prev is not None and prev.lower_ in _NAMING:
        return None
    if prev is not None and prev.text == "." and start > 1 and doc[start - 2].lower_ == "no":
        return None  # "No. 1"
    if (
        prev is not None
        and prev.text == "-"
        and not prev.whitespace_
        and start > 1
        and doc[start - 2].is_alpha
        and not doc[start - 2].whitespace_
    ):
        return None  # "F-16", "Su-24"
    if any("/" in t.text or ":" in t.text for t in tokens):
        return None
    if _glued_number(doc, start - 2, start - 1) or _glued_number(doc, end + 1, end):
        return None  # scores, votes and phone numbers: "5-4", "80-19", "800-273-8255"

    unit, unit_end, noun = _unit(doc, number)
    if noun is not None and (noun.lemma_.lower() in _TIME_WORDS or noun.lower_ in _TIME_WORDS):
        return None  # "six months", "20 years"
    if end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ in _TIME_WORDS:
        return None  # "five-year-old"
    if end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ in _FRACTIONS:
        return None  # "one-fifth": a share, not a count
    if unit is None and _is_pronominal(doc, number):
        return None
    if unit is None and _is_age(doc, number):
        return None

    currency_start = start
    if prev is not None and prev.lower_ in _CURRENCY_SYMBOL:
        unit, currency_start = _CURRENCY_SYMBOL[prev.lower_], start - 1
    cue_start, kind = _cue(doc, currency_start, number)
    plain = kind is None and currency_start == start and unit != "percent"
    if plain and end - start == 1 and _YEAR.match(doc[start].text):
        return None  # "in 2014", "the 2014 elections"
    approx = number.vague or kind == "approx"
    bound: Literal["min", "max"] | None = None
    if kind == "min" or kind == "max":
        bound = kind
    span_start = doc[cue_start].idx
    last = doc[max(unit_end, end) - 1]
    span_end = last.idx + len(last)
    text = article.text[span_start:span_end]
    return Quantity(
        id="",
        span=TextSpan(span_start, span_end, text),
        value=number.value,
        unit=unit,
        approx=approx,
        bound=bound,
    )


def _unit(doc: Doc, number: _Number) -> tuple[str | None, int, Token | None]:
    """The unit or counted noun, the token index where the quantity ends, and the noun."""
    end = number.end
    nxt = doc[end] if end < len(doc) else None
    if nxt is None:
        return None, end, None
    if nxt.lower_ in _PERCENT:
        return "percent", end + 1, None
    if nxt.lower_ == "per" and end + 1 < len(doc) and doc[end + 1].lower_ == "cent":
        return "percent", end + 2, None
    # the noun the number modifies, with the words between ("military personnel")
    root = _root(doc[number.start : number.end])
    head = root.head
    if root.dep_ in ("nummod", "compound", "quantmod", "amod") and head.i >= end:
        between = doc[end : head.i]
        if head.pos_ in ("NOUN", "PROPN") and all(
            t.dep_ in ("amod", "compound", "nmod", "nummod") and not t.is_punct for t in between
        ):
            return _name(doc[end : head.i + 1]), head.i + 1, head
    if nxt.pos_ in ("NOUN", "PROPN") and nxt.head.i >= end and nxt.lower_ != "of":
        noun = nxt.head if nxt.head.pos_ in ("NOUN", "PROPN") else nxt
        if all(t.dep_ in ("amod", "compound") for t in doc[end : noun.i]):
            return _name(doc[end : noun.i + 1]), noun.i + 1, noun
    # "a 100-page report", "a ten-point lead"
    if nxt.text == "-" and not doc[end - 1].whitespace_ and not nxt.whitespace_:
        word = doc[end + 1] if end + 1 < len(doc) else None
        if word is not None and word.is_alpha and word.pos_ in ("NOUN", "PROPN"):
            return word.text, end + 2, word
    # "hundreds of people", "40 of the soldiers"; not "one of the 40 soldiers"
    single_one = number.end - number.start == 1 and doc[number.start].lower_ == "one"
    if nxt.lower_ == "of" and end + 1 < len(doc) and not single_one:
        objects = [t for t in nxt.children if t.dep_ == "pobj"]
        if objects and objects[0].pos_ in ("NOUN", "PROPN"):
            noun = objects[0]
            words = [t for t in doc[end + 1 : noun.i + 1] if t.pos_ not in ("DET", "PRON")]
            if words and not any(_word_value(t) is not None for t in words):
                return _name(doc[words[0].i : noun.i + 1]), noun.i + 1, noun
    return None, end, None


def _name(span: Span) -> str:
    """The unit as it should read: ISO codes for money, "percent", else the words."""
    last = span[-1]
    currency = _CURRENCY_WORD.get(last.lemma_.lower()) or _CURRENCY_WORD.get(last.lower_)
    if currency:
        return currency
    if span.text.lower() in _PERCENT:
        return "percent"
    return span.text


def _root(span: Span) -> Token:
    """The token of a span whose head lies outside it."""
    for token in span:
        if not span.start <= token.head.i < span.end or token.head.i == token.i:
            return token
    return span[-1]


def _glued_number(doc: Doc, i: int, hyphen: int) -> bool:
    """Whether `doc[i]` is a number joined to ours by the hyphen `doc[hyphen]`, no spaces."""
    if not (0 <= i < len(doc) and 0 <= hyphen < len(doc)) or doc[hyphen].text != "-":
        return False
    glued = not doc[hyphen - 1].whitespace_ and not doc[hyphen].whitespace_
    return hyphen > 0 and glued and doc[i].is_digit


def _is_age(doc: Doc, number: _Number) -> bool:
    """Whether a bare number set off after a name is an age: "Crutcher, 40, a father"."""
    start, end = number.start, number.end
    if start < 2 or doc[start - 1].text != "," or doc[start - 2].pos_ != "PROPN":
        return False
    return end >= len(doc) or doc[end].is_punct


def _is_pronominal(doc: Doc, number: _Number) -> bool:
    """Whether a number names rather than counts: "the two", "a big one", "one another"."""
    first = doc[number.start]
    if number.end - number.start == 1 and first.lower_ == "one":
        return True
    before = doc[number.start - 1] if number.start > 0 else None
    return before is not None and before.lower_ in _PRONOMINAL_DET


def _cue(doc: Doc, start: int, number: _Number) -> tuple[int, _Cue | None]:
    """Where the hedge before the number starts, and its kind."""
    for words, kind in _CUES:
        begin = start - len(words)
        if begin < 0:
            continue
        if tuple(t.lower_ for t in doc[begin:start]) != words:
            continue
        cue = doc[begin]
        if words[0] in _AMBIGUOUS and not _attached(cue, number):
            continue
        return begin, kind
    return start, None


def _attached(cue: Token, number: _Number) -> bool:
    """Whether an ambiguous cue word modifies the number rather than heading a phrase."""
    if cue.dep_ == "prt":
        return False  # "handed over millions"
    if cue.dep_ in ("quantmod", "advmod") and number.start <= cue.head.i < number.end + 3:
        return True
    return cue.ent_type_ in ("CARDINAL", "MONEY", "PERCENT", "QUANTITY") and cue.ent_iob_ == "B"


def _quote_of(quotes: list[tuple[int, Quote]], reach: list[int], span: TextSpan) -> str | None:
    """The innermost quote whose content holds the (non-empty) span; ties go to the first.

    `quotes` are (position in the article, quote) by content start, `reach` the
    furthest content end up to each: a number looks back only over quotes that
    may reach it, not over every quote (quadratic in a long text).
    """
    k = bisect.bisect_right(quotes, span.start, key=lambda nq: nq[1].content.start)
    touching: list[tuple[int, Quote]] = []
    while k > 0 and reach[k - 1] > span.start:
        k -= 1
        if quotes[k][1].content.end > span.start:
            touching.append(quotes[k])
    # a quote that ends inside the counted noun still holds the number
    holding = [nq for nq in touching if span.end <= nq[1].content.end] or touching
    if not holding:
        return None
    return min(holding, key=lambda nq: (nq[1].content.end - nq[1].content.start, nq[0]))[1].id
