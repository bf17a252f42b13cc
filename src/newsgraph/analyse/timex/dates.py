"""Normalisers of named dates and clock times: "March 14", "in July", "1990s", "6 a.m.".

A month or weekday named without a year takes its direction from the tense of
its clause (`Context.direction`); news reports the past, so a clause without
tense looks back.
"""

from __future__ import annotations

import datetime as dt
import re

from newsgraph.analyse.timex.calendar import (
    Point,
    at_grain,
    day_point,
    holiday,
    month_year,
    shift,
    weekday_date,
)
from newsgraph.analyse.timex.context import Context, Result, preceded
from newsgraph.analyse.timex.words import MONTHS, UNIT_GRAIN, WEEKDAYS, mod_of

_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}


def full_date(m: re.Match[str], ctx: Context) -> Result | None:
    month = MONTHS[m["month"].lower().rstrip(".")]
    day = int(m["day"])
    if not 1 <= day <= 31:
        return None
    if m["month"][0].islower():
        return None
    year = int(m["year"]) if m["year"] else month_year(ctx.anchor, month, ctx.lean(m), day)
    y = "XXXX" if year is None else f"{year:04d}"
    return "DATE", f"{y}-{month:02d}-{day:02d}", None


def named_month(m: re.Match[str], ctx: Context) -> Result | None:
    name = m["month"]
    if name[0].islower() or (name.lower() in ("may", "march") and not m["year"] and not m["rel"]
                             and not m["edge"] and not preceded(ctx, m, r"\b(in|of|since|until|by|from|through|to|early|late|mid|last|next|this|and)")):  # fmt: skip  # noqa: E501
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
        direction = ctx.lean(m)
        year = month_year(ctx.anchor, month, "past" if direction == "none" else direction)
    return "DATE", Point("month", year, month).value(), mod_of(m, "edge")


def year_number(m: re.Match[str], ctx: Context) -> Result | None:
    after = ctx.text[m.end() : m.end() + 12].lower()
    if re.match(r"\s*(%|percent|per|[a-z]*(meters|tons|feet|miles|people|shares|cars))", after):
        return None
    before = ctx.text[max(0, m.start() - 2) : m.start()]
    if re.search(r"[$#\d.,:/-]\s?$", before) and not m["edge"]:
        return None
    return "DATE", m["year"], mod_of(m, "edge")


def decade(m: re.Match[str], ctx: Context) -> Result | None:
    digits = m["decade"] or "19" + m["short"]
    return "DATE", digits[:3], mod_of(m, "edge")


def century(m: re.Match[str], ctx: Context) -> Result | None:
    n = int(re.sub(r"\D", "", m["nth"]))
    return "DATE", f"{n - 1:02d}", None


def numeric_date(m: re.Match[str], ctx: Context) -> Result | None:
    if m["iso"]:
        return "DATE", m["iso"], None
    month, day, year = int(m["m"]), int(m["d"]), int(m["y"])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    year += 1900 if year < 100 and year > 30 else (2000 if year < 100 else 0)
    return "DATE", f"{year:04d}-{month:02d}-{day:02d}", None


def weekday(m: re.Match[str], ctx: Context) -> Result | None:
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
        day = weekday_date(ctx.anchor, wd, ctx.lean(m))
    value = day.isoformat()
    # TimeBank marks "Friday evening" a TIME but "Friday night" and, as often as
    # not, "Friday morning" the day itself.
    if (m["part"] or "").lower() in ("evening", "afternoon"):
        return "TIME", f"{value}T{_PARTS[m['part'].lower()]}", mod_of(m, "edge")
    return "DATE", value, mod_of(m, "edge")


def day_word(m: re.Match[str], ctx: Context) -> Result | None:
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
    return "DATE", value, mod_of(m, "edge")


def clock_time(m: re.Match[str], ctx: Context) -> Result | None:
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
        base = day_point(weekday_date(ctx.anchor, WEEKDAYS[m["wd"].lower()], ctx.lean(m)))
    elif (m["dw"] or "").lower() == "yesterday":
        base = shift(base, -1, "day")
    elif m["mon"] and m["mon"][0].isupper():
        # "5 p.m. EST Nov. 9": the date the time falls on.
        month, mday = MONTHS[m["mon"].lower().rstrip(".")], int(m["mday"])
        year = month_year(ctx.anchor, month, ctx.lean(m), mday)
        if ctx.anchor is None or year is None:
            return "TIME", f"XXXX-{month:02d}-{mday:02d}T{hour:02d}:{minute:02d}", None
        base = day_point(dt.date(year, month, mday))
    return "TIME", f"{base.value()}T{hour:02d}:{minute:02d}", None


def noon(m: re.Match[str], ctx: Context) -> Result | None:
    hour = "24:00" if m["noon"].lower() == "midnight" else "12:00"
    base = ctx.today()
    if m["wd"] and ctx.anchor is not None:
        base = day_point(weekday_date(ctx.anchor, WEEKDAYS[m["wd"].lower()], ctx.lean(m)))
    return "TIME", f"{base.value()}T{hour}", None


def holiday_date(m: re.Match[str], ctx: Context) -> Result | None:
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


def year_end(m: re.Match[str], ctx: Context) -> Result | None:
    """The anchor's year, mod END: "year-end", "the end of this year"."""
    return "DATE", str(ctx.anchor.year) if ctx.anchor else "XXXX", "END"


def in_this_unit(m: re.Match[str], ctx: Context) -> Result | None:
    grain = UNIT_GRAIN[m["unit"].lower()]
    if ctx.anchor is None:
        return "DATE", Point(grain, None).value(), None
    return "DATE", at_grain(ctx.anchor, grain).value(), mod_of(m, "edge")
