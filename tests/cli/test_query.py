"""End-to-end: the query commands as users run them, in a real subprocess, on both back-ends."""

from __future__ import annotations

import json
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from tests.conftest import newsgraph
from tests.query.corpus import build


@pytest.fixture
def db(db_url: str) -> str:
    build(db_url).dispose()
    return db_url


def _one_error_line(result: subprocess.CompletedProcess[str], words: str) -> None:
    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [result.stderr.strip()]
    assert words in result.stderr and "Traceback" not in result.stderr


def test_quotes_table_and_json(db: str) -> None:
    table = newsgraph("quotes", "--speaker", "Peskov", "--since", "2016-03-01", "--db", db)
    assert table.returncode == 0, table.stderr
    assert "Kremlin spokesman Dmitry Peskov" in table.stdout
    found = json.loads(newsgraph("quotes", "--about", "Assad", "--json", "--db", db).stdout)
    assert found["quotes"] and all("Assad" in q["content"] for q in found["quotes"])


def test_timeline_with_svg(db: str, tmp_path: Path) -> None:
    svg = tmp_path / "putin.svg"
    result = newsgraph("timeline", "Vladimir Putin", "--svg", str(svg), "--json", "--db", db)
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["entity"]["name"] == "Vladimir Putin"
    assert {e["role"] for e in document["entries"]} == {"said", "about"}
    assert ET.parse(svg).getroot().tag.endswith("svg")


def test_search_entities_and_sql(db: str) -> None:
    search = newsgraph("search", "cessation of hostilities", "--db", db)
    assert search.returncode == 0 and "Putin's Pullout" in search.stdout
    people = json.loads(
        newsgraph("entities", "--top", "3", "--type", "PERSON", "--json", "--db", db).stdout
    )
    assert (
        people["entities"][0]["name"] == "Dmitry Peskov"
    )  # in all three and len(people["entities"]) == 3
    sql = newsgraph("sql", "SELECT count(*) AS n FROM articles", "--json", "--db", db)
    assert json.loads(sql.stdout)["rows"] == [[3]]


def test_export_to_stdout_and_parquet(db: str, tmp_path: Path) -> None:
    lines = newsgraph("export", "--table", "articles", "--db", db).stdout.splitlines()
    assert len(lines) == 3 and json.loads(lines[0])["schema"] == "newsgraph.article/1"
    out = tmp_path / "quotes.parquet"
    result = newsgraph(
        "export", "--format", "parquet", "--table", "quotes", "-o", str(out), "--db", db
    )
    assert result.returncode == 0 and "exported" in result.stderr
    count = newsgraph("sql", "SELECT count(*) FROM quotes", "--json", "--db", db).stdout
    assert pq.read_table(out).num_rows == json.loads(count)["rows"][0][0] > 0


def test_nothing_found_is_a_note_and_exit_0(db: str) -> None:
    for args in (["quotes", "--speaker", "Zorro"], ["timeline", "Zorro"], ["search", "zebra"]):
        result = newsgraph(*args, "--db", db)
        assert result.returncode == 0 and result.stdout == ""
        assert "newsgraph: note:" in result.stderr


def test_mistakes_are_one_line_errors(db: str, tmp_path: Path) -> None:
    _one_error_line(newsgraph("quotes", "--db", str(tmp_path / "none.db")), "no corpus at")
    _one_error_line(newsgraph("export", "--table", "nope", "--db", db), "unknown table 'nope'")
    _one_error_line(newsgraph("sql", "SELEC 1", "--db", db), "SQL error")
    _one_error_line(newsgraph("sql", "DELETE FROM quotes", "--db", db), "read-only")
    _one_error_line(newsgraph("export", "--table", "quotes", "-f", "parquet", "--db", db), "binary")
    assert not (tmp_path / "none.db").exists()


def test_brackets_in_queries_and_paths_print_as_written(db: str, tmp_path: Path) -> None:
    search = newsgraph("search", "[/b]", "--db", db)
    assert search.returncode == 0 and "nothing matches '[/b]'" in search.stderr
    timeline = newsgraph("timeline", "[/x]", "--db", db)
    assert timeline.returncode == 0 and "no entity matches '[/x]'" in timeline.stderr
    missing = str(tmp_path / "[/x].db")
    _one_error_line(newsgraph("quotes", "--db", missing), f"no corpus at {missing}")
    sql = newsgraph("sql", "SELECT 1 AS \"[/x]\", '[bold]' AS v", "--db", db)
    assert sql.returncode == 0 and "[/x]" in sql.stdout and "[bold]" in sql.stdout, sql.stderr


@pytest.fixture
def event_db(db_url: str) -> str:
    from tests.event_articles import build as build_events

    build_events(db_url).dispose()
    return db_url


def test_events_table_json_and_filters(event_db: str) -> None:
    table = newsgraph("events", "--actor", "Putin", "--db", event_db)
    assert table.returncode == 0, table.stderr
    assert "RETREAT/withdraw" in table.stdout and "CONSULT/phone" in table.stdout
    assert "SANCTION" not in table.stdout
    found = json.loads(
        newsgraph(
            "events", "--recipient", "RUS", "--type", "sanction", "--json", "--db", event_db
        ).stdout
    )
    (sanction,) = found["events"]
    assert [a["entity"] for a in sanction["actors"]] == ["United States", "European Union"]
    dated = newsgraph(
        "events", "--since", "2016-03-16", "--until", "2016-03-31", "--json", "--db", event_db
    )
    assert [e["type"] for e in json.loads(dated.stdout)["events"]] == ["REJECT", "ASSAULT"]
    none = newsgraph("events", "--actor", "Zorro", "--db", event_db)
    assert none.returncode == 0 and none.stdout == "" and "no events match" in none.stderr
    _one_error_line(newsgraph("events", "--type", "FIGHT", "--db", event_db), "unknown event type")


def test_timeline_shows_what_the_entity_did_and_had_done_to_it(event_db: str) -> None:
    result = newsgraph("timeline", "Vladimir Putin", "--json", "--db", event_db)
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert [(e["role"], e["type"]) for e in document["events"]] == [
        ("actor", "RETREAT"),
        ("actor", "CONSULT"),
    ]
    table = newsgraph("timeline", "Russia", "--db", event_db)
    assert "done to" in table.stdout and "SANCTION" in table.stdout


def test_export_events_as_gdelt(event_db: str, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    result = newsgraph(
        "export", "--table", "events", "--format", "gdelt", "-o", str(out), "--db", event_db
    )
    assert result.returncode == 0 and "exported 7 rows of events" in result.stderr
    rows = [line.split("\t") for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 7 and {len(r) for r in rows} == {61}
    _one_error_line(
        newsgraph("export", "--table", "quotes", "--format", "gdelt", "--db", event_db),
        "use it with --table events",
    )


def test_export_writes_what_the_quotes_listing_selects(db: str, tmp_path: Path) -> None:
    asked = ("--speaker", "Putin", "--since", "2016-03-01")
    listed = json.loads(newsgraph("quotes", *asked, "--json", "--db", db).stdout)["quotes"]
    out = tmp_path / "putin.jsonl"
    result = newsgraph("export", "--table", "quotes", *asked, "-o", str(out), "--db", db)
    assert result.returncode == 0, result.stderr
    exported = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert listed and sorted(q["id"] for q in exported) == sorted(q["id"] for q in listed)
    _one_error_line(
        newsgraph("export", "--table", "quotes", "--actor", "Putin", "--db", db),
        "--actor filters --table events, not --table quotes",
    )
    _one_error_line(
        newsgraph("export", "--table", "entities", "--since", "2016-03-01", "--db", db),
        "--since and --until filter",
    )


def test_export_writes_what_the_events_listing_selects(event_db: str) -> None:
    sanctions = newsgraph(
        "export", "--table", "events", "--type", "sanction", "--recipient", "RUS", "--db", event_db
    )
    assert sanctions.returncode == 0 and "exported 1 rows of events" in sanctions.stderr
    assert json.loads(sanctions.stdout)["type"] == "SANCTION"
    _one_error_line(
        newsgraph("export", "--table", "events", "--type", "FIGHT", "--db", event_db),
        "unknown event type",
    )
