"""What a normaliser gets besides its match, and what it gives back.

A rule is a regular expression over the article text and a function that turns
a match into (type, value, mod), or None to reject it. The function gets a
`Context`: the anchor date, the direction (past or future) the sentence's tense
gives, and the last date the article mentioned, which "a year earlier" and
"the latest quarter" refer to.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from newsgraph.analyse.timex.calendar import Direction, Point, day_point

Result = tuple[str, str, str | None]


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

    def lean(self, m: re.Match[str]) -> Direction:
        """The direction of a bare month or weekday: a deadline word before it, else the tense.

        "until 9 a.m. Tuesday", "as soon as Tuesday", "effective Feb. 1" look forward
        whatever the clause's tense, short of the past perfect ("until Thursday, they
        had not"); "through January" looks forward unless the clause is past or the
        phrase counts a year to date ("this year through August"). "since" looks back.
        """
        tense = self.direction(m.start(), m.end())
        if preceded(self, m, _FORWARD):
            start = max(self.text.rfind(".", 0, m.start()), m.start() - 120, 0)
            sentence = self.text[start : m.end() + 60]
            return "past" if re.search(r"\bhad\b", sentence, re.I) else "future"
        if preceded(self, m, r"\bthrough") and not preceded(self, m, r"\byear\s+through"):
            return "past" if tense == "past" else "future"
        if preceded(self, m, r"\bsince"):
            return "past"
        return tense


_FORWARD = r"\b(until|till|as (?:soon|early) as|effective|due|expires?|expiring)"


Normaliser = Callable[[re.Match[str], Context], Result | None]
Rule = tuple[re.Pattern[str], Normaliser]


def preceded(ctx: Context, m: re.Match[str], pattern: str) -> bool:
    """Whether the 40 characters before the match end in `pattern`."""
    before = ctx.text[max(0, m.start() - 40) : m.start()]
    return re.search(pattern + r"\s*$", before, re.I) is not None
