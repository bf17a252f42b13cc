"""Normalisers of relative dates, spans of time, quarters and sets.

"last month", "two years ago", "less than six months", "the third quarter",
"a year earlier", "daily". "Earlier", "later" and "the quarter" count from the
last date the article mentioned (`Context.last`), as financial news uses them.
"""

from __future__ import annotations

import re

from newsgraph.analyse.timex.calendar import (
    SEASONS,
    Direction,
    Grain,
    Point,
    at_grain,
    season_year,
    shift,
)
from newsgraph.analyse.timex.context import Context, Normaliser, Result, preceded
from newsgraph.analyse.timex.words import (
    MONTHS,
    ORDINALS,
    UNIT_GRAIN,
    WEEKDAYS,
    duration,
    mod_of,
    number,
    unit_of,
)


def relative_unit(m: re.Match[str], ctx: Context) -> Result | None:
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
    mod = mod_of(m, "edge")
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
    grain = UNIT_GRAIN.get(unit.replace("fiscal ", ""), "year")
    if ctx.anchor is None:
        return "DATE", Point(grain, None).value() if grain != "day" else "XXXX-XX-XX", mod
    point = shift(at_grain(ctx.anchor, grain), step)
    return "DATE", point.value(), mod


def ago(m: re.Match[str], ctx: Context) -> Result | None:
    n = number(m["num"])
    unit = unit_of(m["unit"])
    rel = m["rel"].lower()
    ctx.extra["noremember"] = "1"
    sign = 1 if rel in ("later", "after", "from now", "hence") else -1
    if n is None or n != int(n):
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", mod_of(m, "mod")
    base = ctx.today()
    if rel in ("earlier", "later", "before", "after") and ctx.last is not None:
        base = ctx.last
    elif ctx.last_quarter is not None and unit == "year" and rel == "ago":
        base = ctx.last_quarter
    if base.year is None:
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None
    if unit in ("decade", "century"):
        years = int(n) * (10 if unit == "decade" else 100)
        return "DATE", str(base.year + sign * years), mod_of(m, "mod")
    grain: Grain = UNIT_GRAIN.get(unit, "day")
    if unit in ("hour", "minute", "second"):
        return "DATE", ctx.today().value(), mod_of(m, "mod")
    if base.grain == "day" or _finer(grain, base.grain):
        base = at_grain(base.day, grain) if base.day else base
    return "DATE", shift(base, sign * int(n), grain).value(), mod_of(m, "mod")


def _finer(a: Grain, b: Grain) -> bool:
    order = ["day", "week", "month", "season", "quarter", "half", "year"]
    return order.index(a) < order.index(b)


def span_of_time(m: re.Match[str], ctx: Context) -> Result | None:
    word = m["num"].lower()
    unit = unit_of(m["unit"])
    if unit == "second" and word in ("a", "an", "one"):
        return None
    if (
        word in ("a", "an")
        and unit == "year"
        and preceded(ctx, m, r"(\d|%|percent|cents?|dollars?)[\w\s]{0,15}")
    ):
        return "SET", "P1Y", None
    if word in ("some", "many") and not m["the"]:
        return None
    if m["old"] == "-old" and not _ages_a_thing(ctx.text[m.end() : m.end() + 20]):
        return None
    n = number(word)
    return "DURATION", duration(n, unit), mod_of(m, "mod")


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


def the_unit(m: re.Match[str], ctx: Context) -> Result | None:
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
    if preceded(ctx, m, r"\b(for|during|over|throughout)"):
        return "DURATION", "P1Y", None
    return "DATE", str(ctx.anchor.year) if ctx.anchor else "XXXX", None


def plural_units(m: re.Match[str], ctx: Context) -> Result | None:
    unit = unit_of(m["unit"])
    follows = re.match(r"\s+(before|after|earlier|later|ago)\b", ctx.text[m.end() : m.end() + 12])
    if not (m["q"] or m["the"] or m["after"] or follows or preceded(ctx, m, r"\b(for|in|within|over|after|than)")):  # fmt: skip  # noqa: E501
        return None
    return "DURATION", duration(None, unit), None


def quarter(m: re.Match[str], ctx: Context) -> Result | None:
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


def the_quarter(m: re.Match[str], ctx: Context) -> Result | None:
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


def year_ago(m: re.Match[str], ctx: Context) -> Result | None:
    ctx.extra["noremember"] = "1"
    base = ctx.last_quarter or (at_grain(ctx.anchor, "year") if ctx.anchor else None)
    if base is None or base.year is None:
        return "DATE", "XXXX", None
    return "DATE", shift(base, -1, "year").value(), None


def fixed(value: str, kind: str = "DATE") -> Normaliser:
    def rule(m: re.Match[str], ctx: Context) -> Result | None:
        return kind, value, None

    return rule


def set_of(m: re.Match[str], ctx: Context) -> Result | None:
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
    unit = unit_of(what)
    return "SET", duration(1, unit), None
