"""Query results as Rich tables for the terminal.

Every title, header and cell is a `Text`, never markup, so brackets in
quotes, names and column names print as written on any console; search
snippets mark their matched words in [brackets], which become bold here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from rich.table import Table
from rich.text import Text

from newsgraph.query.entities import EntityCount
from newsgraph.query.events import EventRow, PartyRow
from newsgraph.query.quotes import QuoteRow
from newsgraph.query.search import SearchResult
from newsgraph.query.sql import SqlResult
from newsgraph.query.timeline import Timeline

_MARK = re.compile(r"\[([^\]]*)\]")


def _cell(value: Any) -> Text:
    return value if isinstance(value, Text) else Text("" if value is None else str(value))


def _table(title: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> Table:
    """A table whose right-aligned columns are those named with a leading '#'."""
    table = Table(title=Text(title, style="table.title"), title_justify="left", show_lines=False)
    for name in columns:
        numeric = name.startswith("#")
        table.add_column(Text(name.lstrip("#")), justify="right" if numeric else "left")
    for row in rows:
        table.add_row(*(_cell(v) for v in row))
    return table


def marked(snippet: str) -> Text:
    """A search snippet with its [matched] words in bold instead of brackets."""
    text = Text()
    last = 0
    for match in _MARK.finditer(snippet):
        text.append(snippet[last : match.start()])
        text.append(match.group(1), style="bold yellow")
        last = match.end()
    text.append(snippet[last:])
    return text


def _speaker(quote: QuoteRow) -> Text:
    """The speaker as written, with the corpus entity when the text names it differently."""
    text = Text(quote.speaker or "—")
    if quote.speaker_entity and quote.speaker_entity != quote.speaker:
        text.append(f" ({quote.speaker_entity})", style="dim")
    return text


def _content(quote: QuoteRow) -> Text:
    text = Text(quote.content)
    if quote.hedges:
        text.append(f"  hedged: {', '.join(quote.hedges)}", style="italic dim")
    return text


def _source(quote: QuoteRow) -> str:
    return quote.title or quote.url or f"article {quote.article_id}"


def quotes_table(rows: Sequence[QuoteRow]) -> Table:
    return _table(
        f"{len(rows)} quotes",
        ["date", "speaker", "cue", "quote", "article"],
        ([q.published, _speaker(q), q.cue, _content(q), _source(q)] for q in rows),
    )


def _parties(parties: Sequence[PartyRow]) -> str:
    return "; ".join(p.name for p in parties) or "—"


def _event(event: EventRow) -> Text:
    """TYPE/mode, then how firmly the text gives it: future, negated…, whose claim."""
    text = Text(event.label, style="bold")
    notes = [] if event.modality == "asserted" else [event.modality]
    if event.quote:
        notes.append(f"claimed by {event.claimed_by}" if event.claimed_by else "in a statement")
    if notes:
        text.append(f" ({', '.join(notes)})", style="italic dim")
    return text


def _sentence(event: EventRow) -> Text:
    """The event's sentence on one line, its trigger words in bold."""
    sentence, trigger = " ".join(event.sentence.split()), " ".join(event.trigger.split())
    at = sentence.find(trigger) if trigger else -1
    if at < 0:
        return Text(sentence)
    text = Text(sentence[:at])
    text.append(trigger, style="bold yellow")
    text.append(sentence[at + len(trigger) :])
    return text


def _event_source(event: EventRow) -> str:
    return event.title or event.url or f"article {event.article_id}"


def events_table(rows: Sequence[EventRow]) -> Table:
    """Who did what to whom, when and where, with the words that report it."""
    return _table(
        f"{len(rows)} events",
        ["date", "actor", "event", "recipient", "where", "sentence", "article"],
        (
            [
                e.date,
                _parties(e.actors),
                _event(e),
                _parties(e.recipients),
                e.location,
                _sentence(e),
                _event_source(e),
            ]
            for e in rows
        ),
    )


def timeline_table(timeline: Timeline) -> Table:
    """Quotes by and about the entity and events it took part in, by date, in one table."""
    entity = timeline.entity
    rows: list[tuple[str, list[Any]]] = [
        (
            e.quote.published or "",
            [e.quote.published, e.role, _speaker(e.quote), _content(e.quote), _source(e.quote)],
        )
        for e in timeline.entries
    ]
    for entry in timeline.events:
        e = entry.event
        what = _event(e)
        what.append("  ")
        what.append(_sentence(e))
        if entry.role == "actor":
            role, who = "did", _parties(e.actors)
            what.append(f"  → {_parties(e.recipients)}", style="dim")
        else:
            role, who = "done to", _parties(e.actors)
        when = e.date if e.date and e.date[:1].isdigit() else e.published
        rows.append((when or "", [e.date, role, who, what, _event_source(e)]))
    rows.sort(key=lambda row: (not row[0], row[0]))
    events = f" and {len(timeline.events)} events" if timeline.events else ""
    return _table(
        f"{entity.name} ({entity.type}): {len(timeline.entries)} quotes{events} by or about",
        ["date", "role", "who", "what", "article"],
        (cells for _, cells in rows),
    )


def search_tables(result: SearchResult) -> list[Table]:
    """One table of matching articles and one of matching quotes, each only when not empty."""
    tables = []
    if result.articles:
        tables.append(
            _table(
                f"{len(result.articles)} articles",
                ["#id", "date", "title", "snippet"],
                ([a.id, a.published, a.title or a.url, marked(a.snippet)] for a in result.articles),
            )
        )
    if result.quotes:
        tables.append(
            _table(
                f"{len(result.quotes)} quotes",
                ["date", "speaker", "quote", "article"],
                (
                    [q.published, q.speaker, marked(q.snippet), q.title or q.url]
                    for q in result.quotes
                ),
            )
        )
    return tables


def entities_table(rows: Sequence[EntityCount]) -> Table:
    return _table(
        f"top {len(rows)} entities",
        ["name", "type", "key", "#articles", "#mentions", "#quotes"],
        ([e.name, e.type, e.key, e.articles, e.mentions, e.quotes] for e in rows),
    )


def sql_table(result: SqlResult) -> Table:
    more = " (more left unread)" if result.truncated else ""
    return _table(f"{len(result.rows)} rows{more}", result.columns, result.rows)
