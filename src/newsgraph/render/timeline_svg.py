"""A timeline as a self-contained SVG picture: one dot per quote, hover for the quote.

Two rows share one date axis: what the entity said, and what others said
about it. Quotes on the same day stack upwards. Undated quotes cannot be
placed and are counted in the caption instead. Plain SVG with <title>
tooltips: no script, no fonts or files to fetch, opens in any browser.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape

from newsgraph.query.timeline import Role, Timeline, TimelineEntry

WIDTH, LEFT, RIGHT = 960, 150, 50  # room for the last date label
ROW_HEIGHT, TOP, STEP, RADIUS = 110, 40, 9, 4
ROWS: dict[Role, tuple[str, str]] = {
    "said": ("said", "#1f6feb"),
    "about": ("said about", "#d1242f"),
}
TICKS = 6


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


def _day(entry: TimelineEntry) -> date | None:
    try:
        return date.fromisoformat((entry.quote.published or "")[:10])
    except ValueError:
        return None


def _baseline(row: int) -> int:
    """The y of a row's lowest dots."""
    return TOP + ROW_HEIGHT * (row + 1) - 10


def timeline_svg(timeline: Timeline) -> str:
    """The SVG document for a timeline."""
    dated = [(d, e) for e in timeline.entries if (d := _day(e)) is not None]
    scale = _Scale.around([d for d, _ in dated])
    axis_y = _baseline(len(ROWS) - 1) + 30
    height = axis_y + 40
    name = escape(timeline.entity.name)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" font-family="sans-serif" font-size="12">',
        f"<title>{name}: timeline</title>",
        f'<text x="10" y="24" font-size="16" font-weight="bold">{name}'
        f"{escape(_caption(timeline, len(dated)))}</text>",
        *_rows(),
        *_axis(axis_y, scale),
        *_dots(dated, scale),
        "</svg>",
    ]
    return "\n".join(parts) + "\n"


def _caption(timeline: Timeline, dated: int) -> str:
    undated = len(timeline.entries) - dated
    caption = f": {dated} dated quotes by or about"
    return caption + (f" ({undated} undated, not shown)" if undated else "")


def _rows() -> list[str]:
    parts = []
    for i, (label, colour) in enumerate(ROWS.values()):
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


def _dots(dated: list[tuple[date, TimelineEntry]], scale: _Scale) -> list[str]:
    """One dot per quote; a crowded day stacks up to the top of its row, then overlaps."""
    rows = list(ROWS)
    stacked: Counter[tuple[Role, date]] = Counter()
    parts = []
    for day, entry in dated:
        row = rows.index(entry.role)
        level = min(stacked[entry.role, day], (ROW_HEIGHT - 2 * RADIUS) // STEP - 1)
        stacked[entry.role, day] += 1
        parts.append(
            f'<circle cx="{scale.x(day):.1f}" cy="{_baseline(row) - level * STEP}" '
            f'r="{RADIUS}" fill="{ROWS[entry.role][1]}" fill-opacity="0.75">'
            f"<title>{escape(_tooltip(entry, day))}</title></circle>"
        )
    return parts


def _tooltip(entry: TimelineEntry, day: date) -> str:
    q = entry.quote
    who = q.speaker_entity or q.speaker or "unknown speaker"
    return f"{day}: {who} {q.cue or 'said'} {q.content} ({q.title or q.url or 'untitled'})"
