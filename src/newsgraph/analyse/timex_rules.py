"""The time-expression patterns and how each one is normalised.

Every rule is a regular expression over the article text and a function that
turns a match into (type, value, mod), or None to reject it. The functions get
a `Context`: the anchor date, the direction (past or future) the sentence's
tense gives, and the last date the article mentioned, which "a year earlier"
and "the latest quarter" refer to.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from newsgraph.analyse.timex_calendar import (
    SEASONS,
    Direction,
    Grain,
    Point,
    at_grain,
    day_point,
    holiday,
    month_year,
    season_year,
    shift,
    weekday_date,
)

Result = tuple[str, str, str | None]

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
            "saturday": 5, "sunday": 6}  # fmt: skip
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100,
    "a half": 0.5, "half a": 0.5, "one and a half": 1.5,
}  # fmt: skip
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3,
            "4th": 4, "final": 4, "last": 4}  # fmt: skip
MODS = {
    "about": "APPROX", "around": "APPROX", "roughly": "APPROX", "approximately": "APPROX",
    "some": "APPROX", "nearly": "APPROX", "almost": "APPROX", "more than": "MORE_THAN",
    "over": "MORE_THAN", "less than": "LESS_THAN", "under": "LESS_THAN",
    "within": "EQUAL_OR_LESS", "at least": "EQUAL_OR_MORE", "up to": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS", "at most": "EQUAL_OR_LESS", "early": "START",
    "earlier": "START", "late": "END", "later": "END", "mid": "MID", "the end of": "END",
    "the beginning of": "START", "the start of": "START", "the middle of": "MID",
}  # fmt: skip
_UNIT_GRAIN: dict[str, Grain] = {"week": "week", "month": "month", "year": "year",
                                 "quarter": "quarter", "day": "day"}  # fmt: skip
_DURATION_UNIT = {"second": "TS", "minute": "TM", "hour": "TH", "day": "D", "week": "W",
                  "month": "M", "year": "Y", "decade": "DE", "century": "CE",
                  "quarter": "Q", "weekend": "WE"}  # fmt: skip
_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}

_MONTH = (r"(?:january|february|march|april|may|june|july|august|september|october|november"
          r"|december|jan\.|feb\.|mar\.|apr\.|jun\.|jul\.|aug\.|sept?\.|oct\.|nov\.|dec\."
          r"|jan|feb|aug|sept|oct|nov|dec)")  # fmt: skip
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_NUM = (r"(?:\d+(?:\.\d+)?|one and a half|a hundred|a half|half an?|an?|one|two|three|four|five"
        r"|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen"
        r"|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred"
        r"|several|a few|few|many|some|a couple of|couple of)")  # fmt: skip
_UNIT = r"(?:second|minute|hour|day|week|month|year|decade|century|centurie|quarter)"
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
_MOD = (r"(?:(?P<mod>about|around|roughly|approximately|nearly|almost|more than|over|less than"
        r"|under|within|at least|up to|no more than|at most)\s+)?")  # fmt: skip
_EDGE = r"(?:(?P<edge>early|late|mid|the end of|the beginning of|the start of|the middle of"
_EDGE += r"|earlier|later)[\s-]+(?:in\s+)?)?"


@dataclass(slots=True)
class Context:
    """What a rule needs beyond its match: the anchor, the tense, what came before."""

    anchor: dt.date | None
    direction: Callable[[int, int], Direction]
    text: str
    last: Point | None = None  # the last date the article mentioned
    last_quarter: Point | None = None
    extra: dict[str, str] = field(default_factory=dict)

    def today(self) -> Point:
        return day_point(self.anchor) if self.anchor else Point("day", None)


Rule = tuple[re.Pattern[str], Callable[[re.Match[str], Context], Result | None]]


def number(word: str) -> float | None:
    """The number a word or digits stand for; None for "several", "a few"."""
    word = " ".join(word.lower().split())
    if word in NUMBERS:
        return NUMBERS[word]
    try:
        return float(word)
    except ValueError:
        return None


def duration(n: float | None, unit: str) -> str:
    """A TIMEX3 duration: P3Y, PT4H, P20Y for two decades, PXM for "months"."""
    code = _DURATION_UNIT[unit]
    count = "X" if n is None else (f"{n:g}" if n != int(n) else str(int(n)))
    if code == "DE" and n is not None:
        return f"P{int(n * 10)}Y"
    if code == "CE" and n is not None:
        return f"P{int(n * 100)}Y"
    if code == "DE":
        return "PXDE"
    if code == "CE":
        return "PXCE"
    if code.startswith("T"):
        return f"PT{count}{code[1]}"
    return f"P{count}{code}"


def _mod(m: re.Match[str], *names: str) -> str | None:
    for name in names:
        word = m.groupdict().get(name)
        if word:
            return MODS.get(" ".join(word.lower().split()))
    return None


def _unit(word: str) -> str:
    word = word.lower().rstrip("s")
    return "century" if word == "centurie" else word


def _preceded(ctx: Context, m: re.Match[str], pattern: str) -> bool:
    before = ctx.text[max(0, m.start() - 40) : m.start()]
    return re.search(pattern + r"\s*$", before, re.I) is not None


# --- normalisers ----------------------------------------------------------------------


def _full_date(m: re.Match[str], ctx: Context) -> Result | None:
    month = MONTHS[m["month"].lower().rstrip(".")]
    day = int(m["day"])
    if not 1 <= day <= 31:
        return None
    if m["month"][0].islower():
        return None
    year: int | None
    if m["year"]:
        year = int(m["year"])
    else:
        year = month_year(ctx.anchor, month, ctx.direction(m.start(), m.end()), day)
    y = "XXXX" if year is None else f"{year:04d}"
    return "DATE", f"{y}-{month:02d}-{day:02d}", None


def _month(m: re.Match[str], ctx: Context) -> Result | None:
    name = m["month"]
    if name[0].islower() or (name.lower() in ("may", "march") and not m["year"] and not m["rel"]
                             and not m["edge"] and not _preceded(ctx, m, r"\b(in|of|since|until|by|from|through|to|early|late|mid|last|next|this|and)")):  # fmt: skip  # noqa: E501
        return None
    month = MONTHS[name.lower().rstrip(".")]
    rel = (m["rel"] or "").lower()
    if m["year"]:
        year: int | None = int(m["year"])
    elif rel in ("last", "past", "this past"):
        year = month_year(ctx.anchor, month, "past")
        if year is not None and ctx.anchor and month == ctx.anchor.month:
            year -= 1
    elif rel in ("next", "coming"):
        year = month_year(ctx.anchor, month, "future")
        if year is not None and ctx.anchor and month == ctx.anchor.month:
            year += 1
    else:
        # News reports the past: a month named without tense is the last one.
        direction = ctx.direction(m.start(), m.end())
        year = month_year(ctx.anchor, month, "past" if direction == "none" else direction)
    return "DATE", Point("month", year, month).value(), _mod(m, "edge")


def _year(m: re.Match[str], ctx: Context) -> Result | None:
    after = ctx.text[m.end() : m.end() + 12].lower()
    if re.match(r"\s*(%|percent|per|[a-z]*(meters|tons|feet|miles|people|shares|cars))", after):
        return None
    before = ctx.text[max(0, m.start() - 2) : m.start()]
    if re.search(r"[$#\d.,:/-]\s?$", before) and not m["edge"]:
        return None
    return "DATE", m["year"], _mod(m, "edge")


def _decade(m: re.Match[str], ctx: Context) -> Result | None:
    digits = m["decade"] or "19" + m["short"]
    return "DATE", digits[:3], _mod(m, "edge")


def _century(m: re.Match[str], ctx: Context) -> Result | None:
    n = int(re.sub(r"\D", "", m["nth"]))
    return "DATE", f"{n - 1:02d}", None


def _numeric(m: re.Match[str], ctx: Context) -> Result | None:
    if m["iso"]:
        return "DATE", m["iso"], None
    month, day, year = int(m["m"]), int(m["d"]), int(m["y"])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    year += 1900 if year < 100 and year > 30 else (2000 if year < 100 else 0)
    return "DATE", f"{year:04d}-{month:02d}-{day:02d}", None


def _weekday(m: re.Match[str], ctx: Context) -> Result | None:
    if m["wd"][0].islower():
        return None
    wd = WEEKDAYS[m["wd"].lower()]
    rel = (m["rel"] or "").lower()
    if ctx.anchor is None:
        return "DATE", f"XXXX-WXX-{wd + 1}", None
    if rel in ("last", "past"):
        day = weekday_date(ctx.anchor - dt.timedelta(days=1), wd, "past")
    elif rel in ("next", "coming"):
        day = weekday_date(ctx.anchor + dt.timedelta(days=1), wd, "future")
    else:
        day = weekday_date(ctx.anchor, wd, ctx.direction(m.start(), m.end()))
    value = day.isoformat()
    return "DATE", value, _mod(m, "edge")


def _day_word(m: re.Match[str], ctx: Context) -> Result | None:
    word = m["dayword"].lower()
    offset = {"yesterday": -1, "tomorrow": 1, "last night": -1}.get(word, 0)
    point = shift(ctx.today(), offset, "day")
    value = point.value()
    part = (m["part"] or "").lower()
    if word == "last night":
        return "TIME", f"{value}TNI", None
    if word in ("this morning", "this afternoon", "this evening"):
        return "TIME", f"{value}T{_PARTS[word.split()[1]]}", None
    if part:
        return "TIME", f"{value}T{_PARTS[part]}", None
    return "DATE", value, _mod(m, "edge")


def _relative(m: re.Match[str], ctx: Context) -> Result | None:
    rel = " ".join(m["rel"].lower().split())
    unit = m["unit"].lower()
    if rel in ("the past", "the last", "the next", "the coming", "past", "the previous",
               "the following"):  # fmt: skip
        if rel == "past" and unit in SEASONS:
            pass
        elif unit in SEASONS:
            return None
        else:
            return "DURATION", duration(1, "year" if unit == "fiscal year" else unit), None
    step = {"last": -1, "previous": -1, "past": -1, "next": 1, "coming": 1, "this past": -1,
            "the previous": -1, "the following": 1}.get(rel, 0)  # fmt: skip
    mod = _mod(m, "edge")
    if unit in SEASONS:
        code = SEASONS[unit]
        direction: Direction = "past" if step < 0 else "future" if step > 0 else "none"
        return "DATE", Point("season", season_year(ctx.anchor, code, direction), code).value(), mod
    if unit == "weekend":
        week = shift(at_grain(ctx.anchor, "week"), step) if ctx.anchor else Point("week", None)
        return "DATE", week.value() + "-WE" if ctx.anchor else "XXXX-WXX-WE", mod
    if unit == "decade":
        if not ctx.anchor:
            return "DATE", "XXX", mod
        return "DATE", str(ctx.anchor.year // 10 + step), mod
    if unit == "century":
        return "DATE", str(ctx.anchor.year // 100 + step) if ctx.anchor else "XX", mod
    grain = _UNIT_GRAIN.get(unit.replace("fiscal ", ""), "year")
    if ctx.anchor is None:
        return "DATE", Point(grain, None).value() if grain != "day" else "XXXX-XX-XX", mod
    point = shift(at_grain(ctx.anchor, grain), step)
    return "DATE", point.value(), mod


def _ago(m: re.Match[str], ctx: Context) -> Result | None:
    n = number(m["num"])
    unit = _unit(m["unit"])
    rel = m["rel"].lower()
    ctx.extra["noremember"] = "1"
    sign = 1 if rel in ("later", "after", "from now", "hence") else -1
    if n is None or n != int(n):
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", _mod(m, "mod")
    base = ctx.today()
    if rel in ("earlier", "later", "before", "after") and ctx.last is not None:
        base = ctx.last
    elif ctx.last_quarter is not None and unit == "year" and rel == "ago":
        base = ctx.last_quarter
    if base.year is None:
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None
    if unit in ("decade", "century"):
        years = int(n) * (10 if unit == "decade" else 100)
        return "DATE", str(base.year + sign * years), _mod(m, "mod")
    grain: Grain = _UNIT_GRAIN.get(unit, "day")
    if unit in ("hour", "minute", "second"):
        return "DATE", ctx.today().value(), _mod(m, "mod")
    if base.grain == "day" or _finer(grain, base.grain):
        base = at_grain(base.day, grain) if base.day else base
    return "DATE", shift(base, sign * int(n), grain).value(), _mod(m, "mod")


def _finer(a: Grain, b: Grain) -> bool:
    order = ["day", "week", "month", "season", "quarter", "half", "year"]
    return order.index(a) < order.index(b)


def _duration(m: re.Match[str], ctx: Context) -> Result | None:
    word = m["num"].lower()
    unit = _unit(m["unit"])
    if unit == "second" and word in ("a", "an", "one"):
        return None
    if (
        word in ("a", "an")
        and unit == "year"
        and _preceded(ctx, m, r"(\d|%|percent|cents?|dollars?)[\w\s]{0,15}")
    ):
        return "SET", "P1Y", None
    if word in ("some", "many") and not m["the"]:
        return None
    if m["old"] == "-old" and not _ages_a_thing(ctx.text[m.end() : m.end() + 20]):
        return None
    n = number(word)
    return "DURATION", duration(n, unit), _mod(m, "mod")


_PEOPLE = frozenset({
    "boy", "girl", "man", "woman", "son", "daughter", "child", "baby", "mother", "father",
    "brother", "sister", "wife", "husband", "who", "was", "is", "has", "had", "and", "said",
    "resident", "student", "driver", "veteran", "native", "officer", "grandmother",
    "grandfather", "patient", "victim", "suspect", "worker", "girlfriend", "boyfriend",
})  # fmt: skip


def _ages_a_thing(after: str) -> bool:
    """Whether "N-year-old" is followed by a thing ("war"), not a person or nothing."""
    m = re.match(r"\s+([a-z]+)", after)
    return m is not None and m[1] not in _PEOPLE


def _the_unit(m: re.Match[str], ctx: Context) -> Result | None:
    unit = m["unit"].lower()
    if unit == "weekend":
        if ctx.anchor is None:
            return "DATE", "XXXX-WXX-WE", None
        return (
            "DATE",
            shift(at_grain(ctx.anchor, "week"), -1 if ctx.anchor.weekday() < 4 else 0).value()
            + "-WE",
            None,
        )
    if _preceded(ctx, m, r"\b(for|during|over|throughout)"):
        return "DURATION", "P1Y", None
    return "DATE", str(ctx.anchor.year) if ctx.anchor else "XXXX", None


def _plural(m: re.Match[str], ctx: Context) -> Result | None:
    unit = _unit(m["unit"])
    follows = re.match(r"\s+(before|after|earlier|later|ago)\b", ctx.text[m.end() : m.end() + 12])
    if not (m["q"] or m["the"] or m["after"] or follows or _preceded(ctx, m, r"\b(for|in|within|over|after|than)")):  # fmt: skip  # noqa: E501
        return None
    return "DURATION", duration(None, unit), None


def _quarter(m: re.Match[str], ctx: Context) -> Result | None:
    q = ORDINALS[m["ord"].lower()]
    adj = (m["adj"] or "").lower()
    if m["year"] or m["year2"]:
        year: int | None = int(m["year"] or m["year2"])
    elif ctx.last_quarter is not None and ctx.last_quarter.year is not None:
        year = ctx.last_quarter.year
    else:
        year = ctx.anchor.year if ctx.anchor else None
    if year is not None and re.search(r"year-(ago|earlier)|prior-year|last year's", adj):
        year -= 1
        ctx.extra["noremember"] = "1"
    if m["unit"].lower() == "half":
        return "DATE", Point("half", year, min(q, 2)).value(), None
    return "DATE", Point("quarter", year, q).value(), None


def _the_quarter(m: re.Match[str], ctx: Context) -> Result | None:
    adj = (m["adj"] or "").lower()
    if ctx.last_quarter is not None:
        point = ctx.last_quarter
    elif ctx.anchor is not None:
        point = shift(at_grain(ctx.anchor, "quarter"), -1)
    else:
        return "DATE", "XXXX-QX", None
    if re.search(r"year-(ago|earlier)|prior-year|comparable|same", adj):
        point = shift(point, -1, "year")
        ctx.extra["noremember"] = "1"
    if m["unit"].lower() == "period" and not adj:
        return None
    return "DATE", point.value(), None


def _year_ago(m: re.Match[str], ctx: Context) -> Result | None:
    ctx.extra["noremember"] = "1"
    base = ctx.last_quarter or (at_grain(ctx.anchor, "year") if ctx.anchor else None)
    if base is None or base.year is None:
        return "DATE", "XXXX", None
    return "DATE", shift(base, -1, "year").value(), None


def _fixed(value: str, kind: str = "DATE") -> Callable[[re.Match[str], Context], Result | None]:
    def rule(m: re.Match[str], ctx: Context) -> Result | None:
        return kind, value, None

    return rule


def _set(m: re.Match[str], ctx: Context) -> Result | None:
    word = m["set"].lower()
    adverb = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M",
              "annually": "P1Y", "yearly": "P1Y", "quarterly": "P1Q", "hourly": "PT1H"}  # fmt: skip
    if word in adverb:
        return "SET", adverb[word], None
    what = word.split()[-1]
    if what in WEEKDAYS:
        return "SET", f"XXXX-WXX-{WEEKDAYS[what] + 1}", None
    if what in MONTHS:
        return "SET", f"XXXX-{MONTHS[what]:02d}", None
    unit = _unit(what)
    return "SET", duration(1, unit), None


def _clock(m: re.Match[str], ctx: Context) -> Result | None:
    hour = int(m["h"])
    minute = int(m["min"] or 0)
    ampm = (m["ampm"] or "").lower()
    if ampm.startswith("p") and hour < 12:
        hour += 12
    if ampm.startswith("a") and hour == 12:
        hour = 0
    if hour > 24 or minute > 59:
        return None
    base = ctx.today()
    if m["wd"] and ctx.anchor is not None:
        base = day_point(weekday_date(ctx.anchor, WEEKDAYS[m["wd"].lower()],
                                      ctx.direction(m.start(), m.end())))  # fmt: skip
    elif (m["dw"] or "").lower() == "yesterday":
        base = shift(base, -1, "day")
    return "TIME", f"{base.value()}T{hour:02d}:{minute:02d}", None


def _noon(m: re.Match[str], ctx: Context) -> Result | None:
    hour = "24:00" if m["noon"].lower() == "midnight" else "12:00"
    return "TIME", f"{ctx.today().value()}T{hour}", None


def _holiday(m: re.Match[str], ctx: Context) -> Result | None:
    name = " ".join(m["hol"].lower().replace("’", "'").split())
    name = re.sub(r" day$", "", name) if name.startswith(("thanksgiving", "christmas d")) else name
    if m["year"]:
        year: int | None = int(m["year"])
    elif ctx.anchor is not None:
        year = ctx.anchor.year
        this = holiday(name, year)
        if this is not None:
            direction = (
                "past" if (m["rel"] or "").lower() == "last" else ctx.direction(m.start(), m.end())
            )
            if direction != "future" and this > ctx.anchor:
                year -= 1
            elif direction == "future" and this < ctx.anchor:
                year += 1
    else:
        year = None
    day = holiday(name, year) if year is not None else None
    return "DATE", day.isoformat() if day else "XXXX-XX-XX", None


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w'-])" + pattern + r"(?![\w-]*\w)", re.I)


_MONTH_G = rf"(?P<month>{_MONTH})"
_YEAR_G = rf"(?P<year>{_YEAR})"

RULES: list[Rule] = [
    (_compile(rf"{_MONTH_G}\s*(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s*{_YEAR_G})?(?!\d)"), _full_date),  # noqa: E501
    (_compile(rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_G}(?:,?\s+{_YEAR_G})?"), _full_date),  # noqa: E501
    (_compile(rf"{_EDGE}(?:(?P<rel>last|next|this past|this|past|coming)\s+)?{_MONTH_G}(?:,?\s+(?:of\s+)?{_YEAR_G})?"), _month),  # noqa: E501
    (_compile(rf"{_EDGE}(?:fiscal\s+|calendar\s+)?(?P<year>{_YEAR})"), _year),
    (_compile(r"(?:the\s+)?(?:(?P<edge>early|late|mid)[\s-]+)?(?:(?P<decade>1[5-9]\d0|20\d0)|'(?P<short>\d0))'?s"), _decade),  # noqa: E501
    (_compile(r"(?:the\s+)?(?P<nth>\d{1,2}(?:st|nd|rd|th)|(?:nineteenth|twentieth|twenty-first))\s+century"), _century),  # noqa: E501
    (_compile(r"(?P<iso>\d{4}-\d\d-\d\d)|(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{2}|\d{4})"), _numeric),  # noqa: E501
    (_compile(rf"{_EDGE}(?:(?P<rel>last|next|this|past|coming)\s+)?(?P<wd>{_WEEKDAY})(?:\s+(?P<part>morning|afternoon|evening|night))?"), _weekday),  # noqa: E501
    (_compile(rf"{_EDGE}(?P<dayword>today|yesterday|tomorrow|tonight|last night|this morning|this afternoon|this evening)(?:\s+(?P<part>morning|afternoon|evening|night))?"), _day_word),  # noqa: E501
    (_compile(rf"{_EDGE}(?P<rel>the\s+past|the\s+last|the\s+next|the\s+coming|the\s+previous|the\s+following|this\s+past|last|next|this|past|coming|previous)\s+(?P<unit>week|month|year|quarter|weekend|decade|century|fiscal\s+year|spring|summer|fall|autumn|winter)"), _relative),  # noqa: E501
    (_compile(rf"{_MOD}(?P<num>{_NUM})[\s-]+(?P<unit>{_UNIT})s?(?:\s+or\s+so)?\s+(?P<rel>ago|earlier|later|before|after|from\s+now|hence)"), _ago),  # noqa: E501
    (_compile(rf"{_MOD}(?P<the>(?:the|its|their|his|her)\s+(?:past|last|next|first|coming|following|previous|latest|final|year-earlier|same)\s+|the\s+)?(?P<num>{_NUM})(?:\s*-\s*|\s+)(?P<unit>{_UNIT})s?(?P<old>-old|-long)?"), _duration),  # noqa: E501
    (_compile(r"the\s+(?P<unit>year|weekend)"), _the_unit),
    (_compile(r"(?:(?P<the>(?:the|its)\s+(?:past|last|next|coming|previous|recent|early|first)\s+)|(?P<q>(?:several|a few|few|many|recent)\s+))?(?P<unit>years|months|weeks|days|hours|minutes|decades)(?P<after>\s+to\s+come)?"), _plural),  # noqa: E501
    (_compile(rf"(?:the\s+)?(?P<adj>(?:(?:year-ago|year-earlier|prior-year|comparable|latest|recent|current|same|previous|fiscal|last\s+year's)\s+)*)(?:{_YEAR_G}\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final)[\s-]+(?:fiscal[\s-]+)?(?P<unit>quarter|half)(?:\s+of\s+(?:fiscal\s+)?(?P<year2>{_YEAR}))?"), _quarter),  # noqa: E501
    (_compile(r"the\s+(?P<adj>(?:(?:year-ago|year-earlier|prior-year|comparable|latest|recent|same|previous|fiscal)\s+)*)(?P<unit>quarter|period)"), _the_quarter),  # noqa: E501
    (_compile(r"year-(?:ago|earlier)"), _year_ago),
    (_compile(r"now|currently|nowadays|at present|presently|the present|current"), _fixed("PRESENT_REF")),  # noqa: E501
    (_compile(r"recently|recent|lately|the past|in the past"), _fixed("PAST_REF")),
    (_compile(r"the (?:near |distant )?future|a later date|the coming (?:days|weeks|months|years)"), _fixed("FUTURE_REF")),  # noqa: E501
    (_compile(rf"(?P<set>daily|nightly|weekly|monthly|yearly|hourly|(?:every|each|per)\s+(?:day|week|month|year|quarter|hour|night|{_WEEKDAY}|{_MONTH}))"), _set),  # noqa: E501
    (_compile(rf"(?:(?:about|around|at)\s+)?(?P<h>\d{{1,2}})(?::(?P<min>\d\d))?\s*(?P<ampm>a\.m\.?|p\.m\.?|am|pm)(?:\s+(?:[A-Z]ST|[A-Z]DT|GMT))?(?:,?\s+(?:on\s+)?(?:(?P<wd>{_WEEKDAY})|(?P<dw>today|yesterday)))?"), _clock),  # noqa: E501
    (_compile(r"(?P<noon>noon|midnight|midday)"), _noon),
    (_compile(rf"(?:(?P<rel>last|next|this)\s+)?(?P<hol>thanksgiving(?:\s+day)?|christmas(?:\s+day|\s+eve)?|new\s+year['’]s(?:\s+day|\s+eve)|independence\s+day|halloween|valentine['’]s\s+day|veterans\s+day)(?:,?\s+{_YEAR_G})?"), _holiday),  # noqa: E501
    (_compile(r"(?:around\s+)?year[\s-]end|year's\s+end|the\s+end\s+of\s+(?:the|this)\s+year"), lambda m, c: ("DATE", str(c.anchor.year) if c.anchor else "XXXX", "END")),  # noqa: E501
    (_compile(r"(?P<edge>earlier|later|early|late)\s+(?:in\s+)?the\s+(?P<unit>year|month|week|day)"), lambda m, c: _relative_this(m, c)),  # noqa: E501
]  # fmt: skip


def _relative_this(m: re.Match[str], ctx: Context) -> Result | None:
    grain = _UNIT_GRAIN[m["unit"].lower()]
    if ctx.anchor is None:
        return "DATE", Point(grain, None).value(), None
    return "DATE", at_grain(ctx.anchor, grain).value(), _mod(m, "edge")
