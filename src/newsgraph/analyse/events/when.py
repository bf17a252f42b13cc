"""When an event happened: the time expression that governs it, else the publication date.

A time expression governs an event when it hangs on the event's clause: on
the trigger itself ("talks on Monday"), or on the verb the trigger belongs
to ("ordered the withdrawal on March 14") with no other verb in between.
Failing that, one that hangs on a verb the clause depends on ("surprised the
world on March 14 by ordering the withdrawal"), the nearest to the trigger;
never one of another clause of the sentence ("the talks ... the solution he
spoke of last month": last month is when he spoke). Only expressions whose
TIMEX3 value is a calendar date, month or year count: a duration ("for six
months") or a set ("every week") says how long or how often, not when. With none, the publication
date stands in, marked as such, since news reports what just happened.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from newsgraph.analyse.events.triggers import Trigger
from newsgraph.model import EventDate, Timex

_CALENDAR = re.compile(r"^\d{4}(?:-(?:\d\d|Q\d|W\d\d|SU|SP|FA|WI|H\d))?(?:-\d\d)?(?:T.*)?$")
_CLAUSE_STEPS = 4


def event_date(
    doc: Doc, trig: Trigger, timexes: list[Timex], published: str | None
) -> EventDate | None:
    """The date of the event reported by `trig`."""
    sent = doc[trig.head].sent
    lo, hi = sent.start_char, sent.end_char
    dated = [t for t in timexes if lo <= t.span.start < hi and _CALENDAR.match(t.value)]
    path = _clause(doc[trig.head])
    clause = set(path)
    governing = [t for t in dated if _attached(doc, t, clause)]
    above = {a.i for a in doc[path[-1]].ancestors} | clause
    chosen = governing or sorted(
        (t for t in dated if _host(doc, t) in above), key=lambda t: abs(t.span.start - trig.start)
    )
    if chosen:
        return EventDate(chosen[0].value, "timex", chosen[0].id)
    if published:
        return EventDate(published[:10], "published")
    return None


def _clause(head: Token) -> list[int]:
    """The trigger and the tokens up to its clause's verb (the verb included), upwards."""
    out = [head.i]
    tok = head
    for _ in range(_CLAUSE_STEPS):
        if tok.pos_ in ("VERB", "AUX") and tok.i != head.i:
            break
        if tok.head.i == tok.i:
            break
        tok = tok.head
        out.append(tok.i)
    return out


def _host(doc: Doc, timex: Timex) -> int:
    """The token id of the verb (or root) the time expression hangs on, -1 if none."""
    span = doc.char_span(timex.span.start, timex.span.end, alignment_mode="expand")
    if span is None:
        return -1
    tok = span.root.head
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    return tok.i


def _attached(doc: Doc, timex: Timex, clause: set[int]) -> bool:
    """Whether the time expression hangs on a token of the clause, no verb in between."""
    span = doc.char_span(timex.span.start, timex.span.end, alignment_mode="expand")
    if span is None:
        return False
    tok = span.root.head
    for _ in range(_CLAUSE_STEPS):
        if tok.i in clause:
            return True
        if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False
