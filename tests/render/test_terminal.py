"""The terminal tables print user text as written, even on a console that reads markup."""

from __future__ import annotations

from io import StringIO

from rich.console import Console

from newsgraph.query.entities import EntityCount
from newsgraph.query.quotes import QuoteRow
from newsgraph.query.sql import SqlResult
from newsgraph.query.timeline import Timeline, TimelineEntry
from newsgraph.render.terminal import sql_table, timeline_table


def _printed(table: object) -> str:
    out = StringIO()
    Console(file=out, width=200, markup=True, color_system=None).print(table)
    return out.getvalue()


def test_brackets_in_names_titles_and_quotes_are_not_markup() -> None:
    entity = EntityCount(1, "[/x] Holdings", "ORG", "org:x", 1, 1, 1)
    quote = QuoteRow(
        id=1,
        article_id=1,
        speaker="[bold]Ann",
        speaker_entity=None,
        cue="said",
        content="prices [/b] rose",
        kind="direct",
        hedges=[],
        addressee=None,
        title="[red]Markets",
        url=None,
        published="2024-01-02",
        content_start=0,
        content_end=1,
    )
    text = _printed(timeline_table(Timeline(entity, [], [TimelineEntry("said", quote)])))
    for written in ("[/x] Holdings", "[bold]Ann", "prices [/b] rose", "[red]Markets"):
        assert written in text


def test_sql_column_names_print_as_written() -> None:
    result = SqlResult(columns=["[/x]", "[bold]"], rows=[(1, "[/b]")])
    text = _printed(sql_table(result))
    assert "[/x]" in text and "[bold]" in text and "[/b]" in text


def test_event_parties_places_and_sentences_are_not_markup() -> None:
    from newsgraph.query.events import EventRow, PartyRow
    from newsgraph.render.terminal import events_table

    event = EventRow(
        article_id=1,
        seq=0,
        id="v1",
        type="ASSAULT",
        mode="aerial",
        modality="reported",
        date="2016-03-14",
        date_source="timex",
        day_first="2016-03-14",
        location="[b]Idlib",
        location_country="SYR",
        geonames=None,
        trigger="struck",
        sentence="Jets [/i]\n  struck [red]Idlib.",
        quote="q1",
        claimed_by="[bold]Monitor",
        cameo="195",
        confidence=0.5,
        title="[red]News",
        url=None,
        published=None,
        trigger_start=0,
        trigger_end=1,
        actors=[PartyRow("[bold]Jets", None, None, "RUS", "MIL")],
        recipients=[],
    )
    text = _printed(events_table([event]))
    for written in (
        "[b]Idlib",
        "Jets [/i] struck [red]Idlib.",
        "[bold]Monitor",
        "[red]News",
        "[bold]Jets",
    ):
        assert written in text
    assert "ASSAULT/aerial (reported, claimed by [bold]Monitor)" in text
