"""Calendar arithmetic for time expressions: an anchor date, shifted and printed as TIMEX3.

A `Point` is a calendar value at some granularity (a year, a quarter, a season,
a month, an ISO week, a day), so that "a year earlier" said of a quarter stays
a quarter (1988-Q3) and said of a day stays a day. Without an anchor date the
year is unknown and values are printed underspecified (`XXXX-03-14`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Literal

Grain = Literal["year", "half", "quarter", "season", "month", "week", "day"]
Direction = Literal["past", "future", "none"]

SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


@dataclass(frozen=True, slots=True)
class Point:
    """A calendar value: `year` plus the parts its grain needs (None year = unknown)."""

    grain: Grain
    year: int | None
    part: int | str = 0  # half, quarter, month, ISO week number or season code
    day: dt.date | None = None  # for grain "day" with a known year

    def value(self) -> str:
        """The TIMEX3 value string."""
        y = "XXXX" if self.year is None else f"{self.year:04d}"
        if self.grain == "year":
            return y
        if self.grain == "half":
            return f"{y}-H{self.part}"
        if self.grain == "quarter":
            return f"{y}-Q{self.part}"
        if self.grain == "season":
            return f"{y}-{self.part}"
        if not self.part and self.grain != "day":
            return {"half": f"{y}-HX", "quarter": f"{y}-QX", "week": f"{y}-WXX"}.get(
                self.grain, f"{y}-XX"
            )
        if self.grain == "month":
            return f"{y}-{int(self.part):02d}"
        if self.grain == "week":
            return f"{y}-W{int(self.part):02d}"
        if self.day is not None:
            return self.day.isoformat()
        return f"{y}-XX-XX"


def parse_anchor(published: str | None) -> dt.date | None:
    """The publication date as a date, or None when missing or not an ISO date."""
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


def day_point(day: dt.date) -> Point:
    return Point("day", day.year, 0, day)


def at_grain(day: dt.date, grain: Grain) -> Point:
    """The point of `grain` that contains `day`."""
    if grain == "day":
        return day_point(day)
    if grain == "week":
        iso = day.isocalendar()
        return Point("week", iso[0], iso[1])
    if grain == "month":
        return Point("month", day.year, day.month)
    if grain == "quarter":
        return Point("quarter", day.year, (day.month - 1) // 3 + 1)
    if grain == "half":
        return Point("half", day.year, 1 if day.month <= 6 else 2)
    if grain == "season":
        code = next(c for c, m in sorted(_SEASON_START.items(), key=lambda x: -x[1])
                    if day.month >= m) if day.month >= 3 else "WI"  # fmt: skip
        year = day.year - 1 if day.month < 3 else day.year
        return Point("season", year, code)
    return Point("year", day.year)


def shift(point: Point, n: int, unit: Grain | None = None) -> Point:
    """`point` moved by `n` units (default: its own grain); a finer unit than the grain is kept."""
    unit = unit or point.grain
    if point.year is None:
        return point
    if point.grain == "day" and point.day is not None:
        day = point.day
        if unit == "day":
            return day_point(day + dt.timedelta(days=n))
        if unit == "week":
            return day_point(day + dt.timedelta(weeks=n))
        months = {"month": n, "quarter": 3 * n, "half": 6 * n, "year": 12 * n}.get(unit, 12 * n)
        return day_point(_add_months(day, months))
    if point.grain == "week":
        monday = dt.date.fromisocalendar(point.year, int(point.part), 1)
        days = {"day": n, "week": 7 * n}.get(unit)
        if days is not None:
            return at_grain(monday + dt.timedelta(days=days), "week")
        return at_grain(_add_months(monday, _months(unit, n)), "week")
    if point.grain == "month":
        first = dt.date(point.year, int(point.part), 1)
        return at_grain(_add_months(first, _months(unit, n)), "month")
    if point.grain == "quarter":
        first = dt.date(point.year, 3 * int(point.part) - 2, 1)
        return at_grain(_add_months(first, _months(unit, n)), "quarter")
    if point.grain == "half":
        first = dt.date(point.year, 1 if point.part == 1 else 7, 1)
        return at_grain(_add_months(first, _months(unit, n)), "half")
    if point.grain == "season":
        return replace(point, year=point.year + (n if unit in ("year", "season") else 0))
    return replace(point, year=point.year + (n if unit == "year" else 0))


def _months(unit: Grain, n: int) -> int:
    """Months in `n` units; days and weeks move a month or coarser point not at all."""
    if unit in ("day", "week"):
        return 0
    return {"month": n, "quarter": 3 * n, "half": 6 * n, "season": 3 * n}.get(unit, 12 * n)


def _add_months(day: dt.date, months: int) -> dt.date:
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    month += 1
    last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day.day, last))


def month_year(
    anchor: dt.date | None, month: int, direction: Direction, day: int = 0
) -> int | None:
    """The year of a month (and day) named without one, seen from `anchor`.

    Past tense means the last such date on or before the anchor, future the next
    one on or after it; without either the anchor's own year.
    """
    if anchor is None:
        return None
    if day:
        return _nearest_year(anchor, month, day, direction)
    here = (anchor.month, 0)
    there = (month, day)
    if direction == "past" and there > here:
        return anchor.year - 1
    if direction == "future" and there < here:
        return anchor.year + 1
    return anchor.year


def _nearest_year(anchor: dt.date, month: int, day: int, direction: Direction) -> int:
    """The year that puts month/day nearest the anchor; tense decides beyond a month away."""
    options = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        options.append((abs((dt.date(year, month, min(day, 28)) - anchor).days), year))
    distance, year = min(options)
    if distance > 30:
        when = dt.date(year, month, min(day, 28))
        if direction == "past" and when > anchor:
            year -= 1
        elif direction == "future" and when < anchor:
            year += 1
    return year


def weekday_date(anchor: dt.date, weekday: int, direction: Direction) -> dt.date:
    """The weekday (0 = Monday) nearest the anchor: on or before it, or after it if future."""
    if direction == "future":
        ahead = (weekday - anchor.weekday()) % 7
        return anchor + dt.timedelta(days=ahead)
    back = (anchor.weekday() - weekday) % 7
    return anchor - dt.timedelta(days=back)


def season_year(anchor: dt.date | None, code: str, direction: Direction) -> int | None:
    """The year of a season named without one ("last fall", "this summer")."""
    if anchor is None:
        return None
    start = _SEASON_START[code]
    if direction == "past" and start > anchor.month:
        return anchor.year - 1
    if direction == "future" and start + 2 < anchor.month:
        return anchor.year + 1
    return anchor.year


def holiday(name: str, year: int) -> dt.date | None:
    """The date of a fixed or rule-based US holiday in `year`."""
    fixed = {
        "christmas": (12, 25), "christmas eve": (12, 24), "new year's day": (1, 1),
        "new year's eve": (12, 31), "independence day": (7, 4), "halloween": (10, 31),
        "valentine's day": (2, 14), "veterans day": (11, 11),
    }  # fmt: skip
    if name in fixed:
        return dt.date(year, *fixed[name])
    if name == "thanksgiving":
        first = dt.date(year, 11, 1)
        return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)
    return None
