"""A timeline as a self-contained SVG picture: one dot per quote, hover for the quote.

Two rows share one date axis: what the entity said, and what others said
about it; when it took part in events, two more rows show what it did and
what was done to it, one diamond per event. Quotes or events on the same day
stack upwards. Undated ones cannot be placed and are counted in the caption
instead. Plain SVG with <title>
tooltips: no script, no fonts or files to fetch, opens in any browser.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape

from newsgraph.query.timeline import Timeline, TimelineEntry, TimelineEvent

WIDTH, LEFT, RIGHT = 960, 150, 50  # room for the last date label
ROW_HEIGHT, TOP, STEP, RADIUS = 110, 40, 9, 4
ROWS: dict[str, tuple[str, str]] = {
    "said": ("said", "#1f6feb"),
    "about": ("said about", "#d1242f"),
}
EVENT_ROWS: dict[str, tuple[str, str]] = {
    "actor": ("did", "#4f46e5"),
    "recipient": ("had done to it", "#b45309"),
}
TICKS = 6
Placed = list[tuple[date, str, str]]  # day, row, hover text


@dataclass(frozen=True, slots=True)
class _Scale:
    """Days to x positions, from the first to the last day shown."""

    first: date
    last: date

    @classmethod
    def around(cls, days: list[date]) -> _Scale:
        first, last = min(days, default=date.today()), max(days, default=date.today())
        if first == last:
            return cls(first - timedelta(days=1), last + timedelta(days=1))
        return cls(first, last)

    def x(self, day: date) -> float:
        span = (self.last - self.first).days
        return LEFT + (WIDTH - LEFT - RIGHT) * (day - self.first).days / span

    def ticks(self) -> list[date]:
        span = (self.last - self.first).days
        offsets = sorted({round(span * i / (TICKS - 1)) for i in range(TICKS)})
        return [self.first + timedelta(days=o) for o in offsets]


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat((value or "")[:10])
    except ValueError:
        return None


def _baseline(row: int) -> int:
    """The y of a row's lowest dots."""
    return TOP + ROW_HEIGHT * (row + 1) - 10


def timeline_svg(timeline: Timeline) -> str:
    """The SVG document for a timeline."""
    rows = ROWS | (EVENT_ROWS if timeline.events else {})
    dated: Placed = [
        (d, e.role, _tooltip(e, d))
        for e in timeline.entries
        if (d := _day(e.quote.published)) is not None
    ]
    acts: Placed = [
        (d, e.role, _event_tooltip(e, d))
        for e in timeline.events
        if (d := _day(e.event.day_first or e.event.published)) is not None
    ]
    scale = _Scale.around([d for d, _, _ in dated + acts])
    axis_y = _baseline(len(rows) - 1) + 30
    height = axis_y + 40
    name = escape(timeline.entity.name)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" font-family="sans-serif" font-size="12">',
        f"<title>{name}: timeline</title>",
        f'<text x="10" y="24" font-size="16" font-weight="bold">{name}'
        f"{escape(_caption(timeline, len(dated), len(acts)))}</text>",
        *_rows(rows),
        *_axis(axis_y, scale),
        *_dots(dated, acts, rows, scale),
        "</svg>",
    ]
    return "\n".join(parts) + "\n"


def _caption(timeline: Timeline, dated: int, acts: int) -> str:
    undated = len(timeline.entries) - dated + len(timeline.events) - acts
    events = f" and {acts} events" if timeline.events else ""
    caption = f": {dated} dated quotes{events} by or about"
    return caption + (f" ({undated} undated, not shown)" if undated else "")


def _rows(rows: dict[str, tuple[str, str]]) -> list[str]:
    parts = []
    for i, (label, colour) in enumerate(rows.values()):
        y = _baseline(i)
        parts.append(f'<text x="10" y="{y + 4}" fill="{colour}">{escape(label)}</text>')
        parts.append(
            f'<line x1="{LEFT}" y1="{y + RADIUS + 2}" x2="{WIDTH - RIGHT}" '
            f'y2="{y + RADIUS + 2}" stroke="#ddd"/>'
        )
    return parts


def _axis(y: int, scale: _Scale) -> list[str]:
    """The date axis: a line and evenly spaced labelled ticks."""
    parts = [f'<line x1="{LEFT}" y1="{y}" x2="{WIDTH - RIGHT}" y2="{y}" stroke="#333"/>']
    for day in scale.ticks():
        x = scale.x(day)
        parts.append(f'<line x1="{x:.1f}" y1="{y}" x2="{x:.1f}" y2="{y + 5}" stroke="#333"/>')
        parts.append(f'<text x="{x:.1f}" y="{y + 20}" text-anchor="middle">{day}</text>')
    return parts


def _dots(
    quotes: Placed, acts: Placed, rows: dict[str, tuple[str, str]], scale: _Scale
) -> list[str]:
    """A dot per quote, a diamond per event; a crowded day stacks up to the top of its row,
    then overlaps."""
    order = list(rows)
    stacked: Counter[tuple[str, date]] = Counter()
    parts = []
    for kind, placed in (("dot", quotes), ("diamond", acts)):
        for day, role, tip in placed:
            row = order.index(role)
            level = min(stacked[role, day], (ROW_HEIGHT - 2 * RADIUS) // STEP - 1)
            stacked[role, day] += 1
            x, y = scale.x(day), _baseline(row) - level * STEP
            colour = rows[role][1]
            title = f"<title>{escape(tip)}</title>"
            if kind == "dot":
                parts.append(
                    f'<circle cx="{x:.1f}" cy="{y}" r="{RADIUS}" fill="{colour}" '
                    f'fill-opacity="0.75">{title}</circle>'
                )
            else:
                r = RADIUS + 1
                points = f"{x:.1f},{y - r} {x + r:.1f},{y} {x:.1f},{y + r} {x - r:.1f},{y}"
                shape = f'<polygon points="{points}" fill="{colour}" fill-opacity="0.8">'
                parts.append(f"{shape}{title}</polygon>")
    return parts


def _tooltip(entry: TimelineEntry, day: date) -> str:
    q = entry.quote
    who = q.speaker_entity or q.speaker or "unknown speaker"
    return f"{day}: {who} {q.cue or 'said'} {q.content} ({q.title or q.url or 'untitled'})"


def _event_tooltip(entry: TimelineEvent, day: date) -> str:
    e = entry.event
    actors = ", ".join(p.name for p in e.actors) or "unnamed"
    recipients = ", ".join(p.name for p in e.recipients) or "unnamed"
    how = "" if e.modality == "asserted" else f" ({e.modality})"
    source = e.title or e.url or "untitled"
    return f"{day}: {actors} —{e.label}{how}→ {recipients}: {e.sentence} ({source})"
