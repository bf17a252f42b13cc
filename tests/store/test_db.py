"""Opening a corpus: schema versions, and a one-line error for every way it can fail."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import delete, select
from sqlalchemy.exc import DBAPIError

from newsgraph.model import Article, Source
from newsgraph.store import StoreError, open_store
from newsgraph.store.migrations import VERSION
from newsgraph.store.schema import articles, meta
from newsgraph.store.write import store_article


def test_a_new_corpus_gets_the_current_schema_and_reopening_keeps_its_data(db_url: str) -> None:
    engine = open_store(db_url)
    with engine.begin() as conn:
        store_article(conn, "a", Article("Some text of an article.", Source("text")))
    engine.dispose()
    engine = open_store(db_url)
    with engine.connect() as conn:
        version = conn.execute(select(meta.c.value).where(meta.c.key == "schema_version")).one()
        stored = conn.execute(select(articles.c.text)).scalars().all()
    engine.dispose()
    assert int(version[0]) == VERSION
    assert stored == ["Some text of an article."]


def test_an_older_corpus_gains_the_statement_span_index_and_keeps_its_data(tmp_path: Path) -> None:
    path = tmp_path / "v2.db"
    engine = open_store(str(path))
    with engine.begin() as conn:
        store_article(conn, "a", Article("Some text of an article.", Source("text")))
    engine.dispose()
    with sqlite3.connect(path) as conn:  # back to version 2: no span index yet
        conn.execute("DROP INDEX ix_quotes_content_span")
        conn.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    open_store(str(path)).dispose()
    with sqlite3.connect(path) as conn:
        indexes = {row[1] for row in conn.execute("PRAGMA index_list(quotes)")}
        stored = [row[0] for row in conn.execute("SELECT text FROM articles")]
    assert "ix_quotes_content_span" in indexes
    assert stored == ["Some text of an article."]


def test_a_corpus_from_a_newer_newsgraph_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    open_store(str(path)).dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(VERSION + 1),))
    with pytest.raises(StoreError, match="upgrade newsgraph"):
        open_store(str(path))


def test_query_commands_do_not_create_a_corpus_by_mistake(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no corpus at"):
        open_store(str(tmp_path / "typo.db"), create=False)
    assert not (tmp_path / "typo.db").exists()


@pytest.mark.parametrize(
    ("db", "message"),
    [
        ("mysql://u@localhost/x", "unsupported database 'mysql'"),
        ("postgresql://nobody@127.0.0.1:1/none", "cannot connect to the database"),
        ("no/such/folder/corpus.db", "no such folder"),
    ],
)
def test_unusable_databases_fail_with_one_line(db: str, message: str) -> None:
    with pytest.raises(StoreError, match=message) as caught:
        open_store(db)
    assert "\n" not in str(caught.value)


def test_a_file_that_is_not_a_corpus_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"these are my notes, not a database" * 100)
    with pytest.raises(StoreError, match="not a newsgraph corpus"):
        open_store(str(path))
    assert path.read_bytes().startswith(b"these are my notes")


def test_a_corpus_locked_by_another_process_says_so(tmp_path: Path) -> None:
    path = tmp_path / "busy.db"
    open_store(str(path)).dispose()
    holder = sqlite3.connect(path)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        engine = open_store(str(path), wait_s=0.2)
    except StoreError as exc:  # locked before the schema check
        assert "locked by another process" in str(exc)
    else:
        from newsgraph.run.work import Result, Tally, write_results

        article = Article("Text of a locked article.", Source("text"))
        with pytest.raises(StoreError, match="locked by another process"):
            list(write_results(engine, [Result("k", article)], Tally()))
    finally:
        holder.rollback()
        holder.close()


def test_a_full_disk_stops_the_run_with_one_line_and_keeps_what_was_stored(
    tmp_path: Path,
) -> None:
    from sqlalchemy import event, func

    from newsgraph.run.work import Result, Tally, write_results

    path = tmp_path / "full.db"
    engine = open_store(str(path))
    small = Article("A short article that fits.", Source("text"))
    list(write_results(engine, [Result("small", small)], Tally()))

    @event.listens_for(engine, "connect")
    def _cap(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        # SQLite's own "database or disk is full" path, without filling a real disk
        pages = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages + 2}")

    engine.dispose()  # new connections get the cap
    big = Article("Words of a long article. " * 20_000, Source("text"))
    with pytest.raises(StoreError, match=r"disk holding .* is full") as caught:
        list(write_results(engine, [Result("big", big)], Tally()))
    assert "\n" not in str(caught.value)
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(articles)).scalar_one() == 1


def _corpus(path: Path) -> Path:
    """A corpus file holding one article, closed (so SQLite has removed its -wal)."""
    engine = open_store(str(path))
    with engine.begin() as conn:
        store_article(conn, "a", Article("Some text of an article.", Source("text")))
    engine.dispose()
    return path


def _state(path: Path) -> tuple[bytes, int, list[str]]:
    """The file's bytes and mtime, and every file beside it (a -wal, -shm or -journal)."""
    return path.read_bytes(), path.stat().st_mtime_ns, sorted(p.name for p in path.parent.iterdir())


def test_a_read_only_open_reads_and_never_writes(tmp_path: Path) -> None:
    path = _corpus(tmp_path / "corpus.db")
    before = _state(path)
    engine = open_store(str(path), readonly=True)
    with engine.connect() as conn:
        assert conn.execute(select(articles.c.text)).scalars().all() == ["Some text of an article."]
        with pytest.raises(DBAPIError, match="readonly"):
            conn.execute(delete(articles))
    engine.dispose()
    assert _state(path) == before


def test_a_read_only_open_refuses_what_is_not_a_current_corpus(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no corpus at"):
        open_store(str(tmp_path / "typo.db"), readonly=True)
    assert list(tmp_path.iterdir()) == []
    path = _corpus(tmp_path / "old.db")
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(VERSION + 1),))
    with pytest.raises(StoreError, match="upgrade newsgraph"):
        open_store(str(path), readonly=True)


def test_a_corpus_on_a_read_only_disk_can_be_queried(tmp_path: Path) -> None:
    """Run in a private mount namespace where the corpus folder is mounted read-only,
    which stops root too (file modes do not)."""
    import shutil
    import subprocess
    import sys

    if (
        shutil.which("unshare") is None
        or subprocess.run(
            ["unshare", "--mount", "true"], capture_output=True, check=False
        ).returncode
    ):
        pytest.skip("needs `unshare --mount` (root in a namespace-capable system)")
    folder = tmp_path / "readonly"
    folder.mkdir()
    path = _corpus(folder / "corpus.db")
    before = _state(path)
    query = "SELECT count(*) FROM articles"
    script = (
        f'mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" || exit 99; '
        f'{sys.executable} -m newsgraph sql "{query}" --db "$0/corpus.db" --json; '
        f'touch "$0/probe" 2>/dev/null && echo WRITABLE'
    )
    run = subprocess.run(
        ["unshare", "--mount", "sh", "-c", script, str(folder)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    if run.returncode == 99:
        pytest.skip(f"cannot mount read-only here: {run.stderr.strip()}")
    assert "WRITABLE" not in run.stdout and '"rows": [\n    [\n      1' in run.stdout, run.stderr
    assert _state(path) == before


def test_a_corpus_in_a_folder_the_user_may_not_write_can_be_queried(tmp_path: Path) -> None:
    """A corpus shared read-only (file and folder without write bits), queried by
    someone who may not write them: as root, without the power to override modes."""
    import os
    import shutil
    import subprocess
    import sys

    command = [sys.executable, "-m", "newsgraph", "sql", "SELECT count(*) FROM articles"]
    if os.geteuid() == 0:
        caps = "-dac_override,-dac_read_search"
        command[:0] = ["setpriv", f"--inh-caps={caps}", f"--bounding-set={caps}"]
        if shutil.which("setpriv") is None:
            pytest.skip("root needs `setpriv` to give up overriding file modes")
    folder = tmp_path / "shared"
    folder.mkdir()
    path = _corpus(folder / "corpus.db")
    before = _state(path)
    path.chmod(0o444)
    folder.chmod(0o555)
    try:
        run = subprocess.run(
            [*command, "--db", str(path), "--json"],
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )
    finally:
        folder.chmod(0o755)
    assert run.returncode == 0, run.stderr
    assert '"rows": [\n    [\n      1' in run.stdout
    assert _state(path) == before


@pytest.mark.parametrize("readonly", [False, True])
def test_an_empty_file_is_refused_and_left_empty(tmp_path: Path, readonly: bool) -> None:
    path = tmp_path / "empty.db"
    path.touch()
    with pytest.raises(StoreError, match="empty file, not a newsgraph corpus") as caught:
        open_store(str(path), readonly=readonly)
    assert "\n" not in str(caught.value)
    assert path.read_bytes() == b"" and list(tmp_path.iterdir()) == [path]


@pytest.mark.parametrize("readonly", [False, True])
def test_another_programs_database_is_refused_before_anything_is_written(
    tmp_path: Path, readonly: bool
) -> None:
    path = tmp_path / "notes.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE notes (body TEXT)")
        conn.execute("INSERT INTO notes VALUES ('mine')")
    conn.close()
    before = _state(path)
    with pytest.raises(StoreError, match="another program's SQLite database") as caught:
        open_store(str(path), readonly=readonly)
    assert "\n" not in str(caught.value)
    assert _state(path) == before


def test_a_first_run_stopped_after_creating_meta_is_finished_by_the_next(tmp_path: Path) -> None:
    path = tmp_path / "stopped.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE meta (key VARCHAR(64) PRIMARY KEY, value TEXT NOT NULL)")
    conn.close()
    open_store(str(path)).dispose()
    open_store(str(path), readonly=True).dispose()


def test_a_read_only_open_on_each_back_end_refuses_writes(db_url: str) -> None:
    open_store(db_url).dispose()
    engine = open_store(db_url, readonly=True)
    try:
        with engine.connect() as conn, pytest.raises(DBAPIError, match=r"(?i)read-?only"):
            conn.execute(delete(meta))
    finally:
        engine.dispose()
