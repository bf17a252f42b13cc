"""A publication date from where the page came from, when the page itself has none.

News sites put the date in their URLs (`/2016/03/15/`, `/2016-03-15-`), and
archives name files by it; both are better anchors for time expressions than no
date at all, and worse than a date the page states, so they are used last.
"""

from __future__ import annotations

import re
from datetime import date

_LOCATION_DATE = re.compile(
    r"(?<!\d)((?:19|20)\d\d)([/_.-])(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)"
)


def date_from_location(location: str | None) -> str | None:
    """An ISO date written in a URL or file path, if it is a real calendar day."""
    if not location:
        return None
    for m in _LOCATION_DATE.finditer(location):
        try:
            return date(int(m[1]), int(m[3]), int(m[4])).isoformat()
        except ValueError:
            continue
    return None
