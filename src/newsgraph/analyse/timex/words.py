"""The words of time expressions and what they stand for.

Month and weekday names, number words, the modifiers TIMEX3 records as `mod`
("about" → APPROX, "less than" → LESS_THAN), and the readers that turn a
number and a unit into a TIMEX3 duration ("two decades" → P20Y).
"""

from __future__ import annotations

import re

from newsgraph.analyse.timex.calendar import Grain

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
UNIT_GRAIN: dict[str, Grain] = {"week": "week", "month": "month", "year": "year",
                                "quarter": "quarter", "day": "day"}  # fmt: skip
_DURATION_UNIT = {"second": "TS", "minute": "TM", "hour": "TH", "day": "D", "week": "W",
                  "month": "M", "year": "Y", "decade": "DE", "century": "CE",
                  "quarter": "Q", "weekend": "WE"}  # fmt: skip


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


def mod_of(m: re.Match[str], *names: str) -> str | None:
    """The TIMEX3 mod of the first named group that matched ("nearly" → APPROX)."""
    for name in names:
        word = m.groupdict().get(name)
        if word:
            return MODS.get(" ".join(word.lower().split()))
    return None


def unit_of(word: str) -> str:
    """A unit word in the singular ("centuries" → century)."""
    word = word.lower().rstrip("s")
    return "century" if word == "centurie" else word
