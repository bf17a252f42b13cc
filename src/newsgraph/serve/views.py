"""What the pages show, worked out apart from the routes: timeline bars, snippets, links.

Pure functions over query results, so the pages stay thin and these can be
tested without a server. Nothing here builds markup: the templates escape.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from urllib.parse import urlsplit

from markupsafe import Markup

from newsgraph.model import Article, Block
from newsgraph.query.browse import StoredArticle
from newsgraph.query.timeline import EventRole, Role
from newsgraph.render.html import body, legend, masthead, removed, warnings
from newsgraph.render.overlay import highlights
from newsgraph.render.statements import speaker_groups

_HIT = re.compile(r"\[([^\[\]]*)\]")
WEEKS_SHOWN = 26  # a timeline spanning more weeks than this is counted by month


class PageError(Exception):
    """A request a page cannot answer: shown as an error page with `status`."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


Day = tuple[str, Role | EventRole, int]  # (day, role, how many) from timeline_days, event_days


@dataclass(frozen=True, slots=True)
class Bar:
    """One period of a timeline: its label, its statements by and about the entity, and the
    events it was the actor (did) and the recipient (had done to it) of."""

    period: str
    said: int
    about: int
    actor: int = 0
    recipient: int = 0


def safe_url(url: str | None) -> str | None:
    """`url` when it may become a link (http or https only), else None."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """A search snippet as (text, matched) pieces: its [bracketed] words are the matches."""
    parts: list[tuple[str, bool]] = []
    at = 0
    for hit in _HIT.finditer(snippet):
        if hit.start() > at:
            parts.append((snippet[at : hit.start()], False))
        parts.append((hit.group(1), True))
        at = hit.end()
    if at < len(snippet):
        parts.append((snippet[at:], False))
    return parts


def day_of(published: str | None) -> date | None:
    try:
        return date.fromisoformat((published or "")[:10])
    except ValueError:
        return None


def period_of(day: date, by: str) -> str:
    """The label of the week ("2016-W11") or month ("2016-03") holding `day`."""
    if by == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    return f"{day.year}-{day.month:02d}"


def period_bounds(period: str) -> tuple[date, date] | None:
    """The first and last day of a period label from `period_of`; None for anything else."""
    try:
        if "-W" in period:
            year, week = period.split("-W")
            first = date.fromisocalendar(int(year), int(week), 1)
            return first, first + timedelta(days=6)
        year, month = period.split("-")
        first = date(int(year), int(month), 1)
    except ValueError:
        return None
    following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return first, following - timedelta(days=1)


def granularity(days: list[Day]) -> str:
    """Weeks for a timeline spanning half a year or less, else months."""
    dated = [d for d in (day_of(day) for day, _, _ in days) if d]
    if dated and (max(dated) - min(dated)).days > WEEKS_SHOWN * 7:
        return "month"
    return "week"


def bars(days: list[Day], by: str) -> list[Bar]:
    """Statements and events of each role summed per period, oldest first; undated left out."""
    counts: Counter[tuple[str, str]] = Counter()
    for day, role, n in days:
        found = day_of(day)
        if found is not None:
            counts[(period_of(found, by), role)] += n
    periods = sorted({period for period, _ in counts})
    roles = ("said", "about", "actor", "recipient")
    return [Bar(p, *(counts[(p, role)] for role in roles)) for p in periods]


@dataclass(frozen=True, slots=True)
class ArticleView:
    """The annotated article as HTML pieces built (and escaped) by `render.html`."""

    masthead: Markup
    warnings: Markup
    body: Markup
    removed: Markup
    legend: Markup
    entity_links: dict[str, str]  # "e3" (the page's mark id) -> the entity page
    focus: str | None  # the page's id of the statement to show first ("q4")


def article_view(
    article: Article, stored: StoredArticle | None = None, span: tuple[int, int] | None = None
) -> ArticleView:
    """The pieces of the article page; `stored` links entities to their corpus pages.

    The HTML comes from the same renderer as `newsgraph analyze --format html`,
    which escapes every string of the article, so it is taken as markup here;
    `span` picks the statement whose content starts and ends there, to scroll
    to and light up.
    """
    groups = speaker_groups(article)
    marks = highlights(article, groups)
    blocks = article.blocks or [Block("paragraph", 0, len(article.text))]
    headline = next((b for b in blocks if b.kind == "title"), None)
    links: dict[str, str] = {}
    if stored is not None:
        for i, entity in enumerate(article.entities):
            if entity.id in stored.entity_ids:
                links[f"e{i}"] = f"/entities/{stored.entity_ids[entity.id]}"
    spans = [(q.content.start, q.content.end) for q in article.quotes]
    focus = f"q{spans.index(span)}" if span in spans else None
    return ArticleView(
        Markup(masthead(article, headline, marks)),
        Markup(warnings(article)),
        Markup(body(article, [b for b in blocks if b is not headline], marks)),
        Markup(removed(article)),
        Markup(legend(article, groups, {m.anchor for m in marks if m.anchor})),
        links,
        focus,
    )
