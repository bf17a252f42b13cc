"""The table of time-expression patterns, each with the normaliser of its matches.

`find_timexes` runs every pattern over the text and keeps the longest match
where matches overlap, the earlier rule on a tie; the order of `RULES` is
therefore part of its meaning.
"""

from __future__ import annotations

import re

from newsgraph.analyse.timex.context import Rule
from newsgraph.analyse.timex.dates import (
    century,
    clock_time,
    day_word,
    decade,
    full_date,
    holiday_date,
    in_this_unit,
    named_month,
    noon,
    numeric_date,
    weekday,
    year_end,
    year_number,
)
from newsgraph.analyse.timex.relative import (
    ago,
    fixed,
    plural_units,
    quarter,
    relative_unit,
    set_of,
    span_of_time,
    the_quarter,
    the_unit,
    year_ago,
)

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


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w'-])" + pattern + r"(?![\w-]*\w)", re.I)


_MONTH_G = rf"(?P<month>{_MONTH})"
_YEAR_G = rf"(?P<year>{_YEAR})"

RULES: list[Rule] = [
    (_compile(rf"(?:{_WEEKDAY},?\s+)?{_MONTH_G}\s*(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s*{_YEAR_G})?(?!\d)"), full_date),  # noqa: E501
    (_compile(rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_G}(?:,?\s+{_YEAR_G})?"), full_date),  # noqa: E501
    (_compile(rf"{_EDGE}(?:(?P<rel>last|next|this past|this|past|coming)\s+)?{_MONTH_G}(?:,?\s+(?:of\s+)?{_YEAR_G})?"), named_month),  # noqa: E501
    (_compile(rf"{_EDGE}(?:fiscal\s+|calendar\s+)?(?P<year>{_YEAR})"), year_number),
    (_compile(r"(?:the\s+)?(?:(?P<edge>early|late|mid)[\s-]+)?(?:(?P<decade>1[5-9]\d0|20\d0)|'(?P<short>\d0))'?s"), decade),  # noqa: E501
    (_compile(r"(?:the\s+)?(?P<nth>\d{1,2}(?:st|nd|rd|th)|(?:nineteenth|twentieth|twenty-first))\s+century"), century),  # noqa: E501
    (_compile(r"(?P<iso>\d{4}-\d\d-\d\d)|(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{2}|\d{4})"), numeric_date),  # noqa: E501
    (_compile(rf"{_EDGE}(?:(?P<rel>last|next|this|past|coming)\s+)?(?P<wd>{_WEEKDAY})(?:\s+(?P<part>morning|afternoon|evening|night))?"), weekday),  # noqa: E501
    (_compile(rf"{_EDGE}(?P<dayword>today|yesterday|tomorrow|tonight|last night|this morning|this afternoon|this evening)(?:\s+(?P<part>morning|afternoon|evening|night))?"), day_word),  # noqa: E501
    (_compile(rf"{_EDGE}(?P<rel>the\s+past|the\s+last|the\s+next|the\s+coming|the\s+previous|the\s+following|this\s+past|last|next|this|past|coming|previous)\s+(?P<unit>week|month|year|quarter|weekend|decade|century|fiscal\s+year|spring|summer|fall|autumn|winter)"), relative_unit),  # noqa: E501
    (_compile(rf"{_MOD}(?P<num>{_NUM})[\s-]+(?P<unit>{_UNIT})s?(?:\s+or\s+so)?\s+(?P<rel>ago|earlier|later|from\s+now|hence|(?:before|after)(?=\s*(?:[.,;:!?)]|$)))"), ago),  # noqa: E501
    (_compile(rf"{_MOD}(?P<the>(?:the|its|their|his|her)\s+(?:past|last|next|first|coming|following|previous|latest|final|year-earlier|same)\s+|the\s+)?(?P<num>{_NUM})(?:\s*-\s*|\s+)(?P<unit>{_UNIT})s?(?P<old>-old|-long)?"), span_of_time),  # noqa: E501
    (_compile(r"the\s+(?P<unit>year|weekend)"), the_unit),
    (_compile(r"(?:(?P<the>(?:the|its)\s+(?:past|last|next|coming|previous|recent|early|first)\s+)|(?P<q>(?:several|a few|few|many|recent)\s+))?(?P<unit>years|months|weeks|days|hours|minutes|decades)(?P<after>\s+to\s+come)?"), plural_units),  # noqa: E501
    (_compile(rf"(?:the\s+)?(?P<adj>(?:(?:year-ago|year-earlier|prior-year|comparable|latest|recent|current|same|previous|fiscal|last\s+year's)\s+)*)(?:{_YEAR_G}\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final)[\s-]+(?:fiscal[\s-]+)?(?P<unit>quarter|half)(?:\s+of\s+(?:fiscal\s+)?(?P<year2>{_YEAR}))?"), quarter),  # noqa: E501
    (_compile(r"the\s+(?P<adj>(?:(?:year-ago|year-earlier|prior-year|comparable|latest|recent|same|previous|fiscal)\s+)*)(?P<unit>quarter|period)"), the_quarter),  # noqa: E501
    (_compile(r"year-(?:ago|earlier)"), year_ago),
    (_compile(r"now|currently|nowadays|at present|presently|the present|current"), fixed("PRESENT_REF")),  # noqa: E501
    (_compile(r"recently|recent|lately|the past|in the past"), fixed("PAST_REF")),
    (_compile(r"the (?:near |distant )?future|a later date|the coming (?:days|weeks|months|years)|the (?:near|short) term"), fixed("FUTURE_REF")),  # noqa: E501
    (_compile(rf"(?P<set>daily|nightly|weekly|monthly|yearly|hourly|(?:every|each|per)\s+(?:day|week|month|year|quarter|hour|night|{_WEEKDAY}|{_MONTH}))"), set_of),  # noqa: E501
    (_compile(rf"(?:(?:about|around|at)\s+)?(?P<h>\d{{1,2}})(?::(?P<min>\d\d))?\s*(?P<ampm>a\.m\.?|p\.m\.?|am|pm)(?:\s+(?:[A-Z]ST|[A-Z]DT|GMT))?(?:,?\s+(?:on\s+)?(?:(?P<wd>{_WEEKDAY})|(?P<dw>today|yesterday)|(?P<mon>{_MONTH})\s*(?P<mday>\d{{1,2}})(?!\d)))?"), clock_time),  # noqa: E501
    (_compile(rf"(?P<noon>noon|midnight|midday)(?:,?\s+(?:on\s+)?(?P<wd>{_WEEKDAY}))?"), noon),
    (_compile(rf"(?:(?P<rel>last|next|this)\s+)?(?P<hol>thanksgiving(?:\s+day)?|christmas(?:\s+day|\s+eve)?|new\s+year['’]s(?:\s+day|\s+eve)|independence\s+day|halloween|valentine['’]s\s+day|veterans\s+day)(?:,?\s+{_YEAR_G})?"), holiday_date),  # noqa: E501
    (_compile(r"(?:around\s+)?year[\s-]end|year's\s+end|the\s+end\s+of\s+(?:the|this)\s+year"), year_end),  # noqa: E501
    (_compile(r"(?P<edge>earlier|later|early|late)\s+(?:in\s+)?the\s+(?P<unit>year|month|week|day)"), in_this_unit),  # noqa: E501
]  # fmt: skip
