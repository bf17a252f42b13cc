"""End-to-end: the `newsgraph` command as users run it, in a real subprocess."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsgraph.schema import check_offsets, validate_article

from tests.conftest import SAMPLE

HTML = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Harbour bridge closed to lorries | Example News</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Harbour bridge closed to lorries</h1>
<p>The city council voted on Tuesday to close the old harbour bridge to heavy traffic after
engineers found cracks in two of its supporting piers, the mayor, Anna Berg, said.</p>
<h2>Months of repairs</h2>
<p>Officials said repairs would take at least eight months and cost the city more than it had
set aside for all road maintenance this year, according to the council's own estimate.</p>
</article><footer>© 2024 Example News</footer></body></html>"""


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "newsgraph", *args],
        input=stdin,
        capture_output=True,
        timeout=300,
        check=False,
    )


@pytest.fixture(scope="module")
def sample_json() -> dict[str, object]:
    result = run("analyze", str(SAMPLE))
    assert result.returncode == 0, result.stderr.decode()
    data: dict[str, object] = json.loads(result.stdout)
    return data


def test_analyze_sample_gives_valid_json(sample_json: dict[str, object]) -> None:
    validate_article(sample_json)
    assert check_offsets(sample_json) == []
    assert sample_json["source"] == {"input": "textdump", "path": str(SAMPLE)}
    assert sample_json["title"] == "Putin's Pullout: Behind Russia's New Syria Surprise"
    names = {e["name"] for e in sample_json["entities"]}  # type: ignore[attr-defined]
    assert {"Vladimir Putin", "Dmitry Peskov", "Bashar al-Assad"} <= names


def test_no_clean_keeps_the_input_as_text(tmp_path: Path) -> None:
    text = "Talks resume\n\nThe minister said on Monday that talks would resume in Geneva.\n"
    path = tmp_path / "clean.txt"
    path.write_text(text, encoding="utf-8")
    out = json.loads(run("analyze", "--no-clean", str(path)).stdout)
    assert out["text"] == text
    assert out["source"]["input"] == "text"
    validate_article(out)
    assert check_offsets(out) == []


def test_stdin_html_and_published_override() -> None:
    result = run("analyze", "-", "--published", "2024-05-02", stdin=HTML.encode())
    assert result.returncode == 0, result.stderr.decode()
    out = json.loads(result.stdout)
    assert out["source"]["input"] == "html"
    assert out["published"] == "2024-05-02" and out["published_source"] == "given"
    assert "cracks in two of its supporting piers" in out["text"]
    assert "Home" not in out["text"]


def test_several_inputs_give_jsonl_and_a_bad_one_is_skipped(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(HTML, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run("analyze", str(page), str(empty), str(SAMPLE))
    assert result.returncode == 1
    lines = result.stdout.decode().strip().splitlines()
    assert len(lines) == 2
    assert [json.loads(line)["source"]["input"] for line in lines] == ["html", "textdump"]
    err = result.stderr.decode()
    assert "empty.txt" in err and "empty" in err and "Traceback" not in err


def test_brackets_in_file_names_are_not_markup(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("The minister said on Monday that talks would resume in Geneva.\n")
    (tmp_path / "d[").mkdir()
    odd = tmp_path / "d[/x].txt"  # a file x].txt in a folder d[
    odd.write_text("Officials said [bold] repairs would take at least eight months.\n")
    result = run("analyze", "--no-clean", str(good), str(odd), str(tmp_path / "e[/b].txt"))
    assert result.returncode == 1
    paths = [json.loads(line)["source"]["path"] for line in result.stdout.splitlines()]
    assert paths == [str(good), str(odd)]
    err = result.stderr.decode()
    assert f"no such file: {tmp_path}/e[/b].txt" in err and "Traceback" not in err


def test_files_of_many_pages_are_refused_and_the_good_page_is_printed(tmp_path: Path) -> None:
    """JSONL, WARC and URL-list files are corpora for `ingest`, not the text of one article."""
    page = tmp_path / "page.html"
    page.write_text(HTML, encoding="utf-8")
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"url": "https://example.org/a", "text": "Words."}) + "\n")
    crawl = tmp_path / "crawl.warc"
    crawl.write_bytes(b"WARC/1.0\r\nWARC-Type: warcinfo\r\n\r\n")
    urls = tmp_path / "urls.txt"
    urls.write_text("# to read\nhttps://example.org/a\nhttps://example.org/b\n")
    result = run("analyze", str(feed), str(page), str(crawl), str(urls))
    assert result.returncode == 1
    [line] = result.stdout.decode().splitlines()
    assert json.loads(line)["source"]["path"] == str(page)
    err = result.stderr.decode().strip().splitlines()
    advice = "of many pages: `newsgraph ingest` reads it page by page"
    assert err == [
        f"newsgraph: error: {path} is {kind}, {advice}"
        for path, kind in [
            (feed, "a JSON lines file"),
            (crawl, "a WARC file"),
            (urls, "a list of URLs"),
        ]
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"\x00\x01\x02\x03binary\x00\x00" * 100, "binary"),
    ],
)
def test_bad_files_get_one_line_errors(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.bin"
    path.write_bytes(content)
    result = run("analyze", str(path))
    assert result.returncode != 0
    err = result.stderr.decode().strip()
    assert message in err.lower() and "Traceback" not in err
    assert len(err.splitlines()) == 1


def test_missing_file_and_bad_date(tmp_path: Path) -> None:
    result = run("analyze", str(tmp_path / "nope.html"))
    assert result.returncode != 0 and "Traceback" not in result.stderr.decode()
    result = run("analyze", str(SAMPLE), "--published", "March 15")
    assert result.returncode == 2 and "--published" in result.stderr.decode()


def test_malformed_and_deeply_nested_html_do_not_crash(tmp_path: Path) -> None:
    path = tmp_path / "deep.html"
    path.write_text("<html><body>" + "<div>" * 100_000 + "<p>Deep text here.</p>", encoding="utf-8")
    result = run("analyze", str(path))
    assert "Traceback" not in result.stderr.decode()
    assert result.returncode in (0, 1)


def test_latin1_html_without_charset_is_decoded(tmp_path: Path) -> None:
    html = HTML.replace('<meta charset="utf-8">', "").replace("Anna Berg", "Zoë Müller")
    plain = tmp_path / "latin1.html"
    plain.write_bytes(html.encode("latin-1"))
    packed = tmp_path / "latin1.html.gz"
    packed.write_bytes(gzip.compress(html.encode("latin-1")))
    for path in (plain, packed):
        out = json.loads(run("analyze", str(path)).stdout)
        assert "Zoë Müller" in out["text"]


def test_markdown_and_html_outputs(tmp_path: Path) -> None:
    md = run("analyze", str(SAMPLE), "--format", "markdown").stdout.decode()
    assert md.startswith("# Putin's Pullout")
    assert "## A Signal To Assad" in md
    target = tmp_path / "article.html"
    assert run("analyze", str(SAMPLE), "--format", "html", "-o", str(target)).returncode == 0
    page = target.read_text(encoding="utf-8")
    assert page.lstrip().lower().startswith("<!doctype html") and "Dmitry Peskov" in page


def test_several_html_outputs_on_stdout_are_refused_before_any_work(tmp_path: Path) -> None:
    """Two HTML documents glued together are no HTML file: the folder is asked for."""
    result = run("analyze", str(SAMPLE), str(SAMPLE), "--format", "html")
    assert result.returncode == 2 and result.stdout == b""
    assert "need --output DIR" in result.stderr.decode()
    assert "Traceback" not in result.stderr.decode()


def test_schema_command_prints_the_schema() -> None:
    out = json.loads(run("schema").stdout)
    assert out["properties"]["schema"]["const"] == "newsgraph.article/1"


def test_pages_past_the_time_limit_fail_and_the_good_page_is_printed(tmp_path: Path) -> None:
    # trafilatura takes about 30 s on the spans; lxml, where no signal reaches, minutes
    # on the million elements: the worker is killed and a fresh one reads the next page
    spans = tmp_path / "spans.html"
    spans.write_text("<html><body>" + "<span>x</span>" * 100_000 + "</body></html>")
    million = tmp_path / "million.html"
    million.write_text("<html><body>" + "<i>a</i>" * 1_000_000 + "</body></html>")
    good = tmp_path / "good.txt"
    good.write_text("The minister said on Monday that talks would resume.\n")
    start = time.monotonic()
    result = run("analyze", "--time-limit", "1", str(spans), str(million), str(good))
    assert time.monotonic() - start < 240  # the million elements alone take minutes
    assert result.returncode == 1
    lines = result.stdout.decode().splitlines()
    assert [json.loads(line)["source"]["path"] for line in lines] == [str(good)]
    err = result.stderr.decode()
    for page in (spans, million):
        assert f"{page}: gave up after the 1 s time limit" in err
    assert "Traceback" not in err


def test_an_output_in_a_missing_folder_is_refused_before_any_work(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "out.json"
    result = run("analyze", "-o", str(target), str(tmp_path / "not-read-either.html"))
    assert result.returncode == 2
    err = result.stderr.decode().strip()
    assert err.splitlines() == [
        f"newsgraph: error: cannot write {target}: there is no folder {target.parent}"
    ]


def test_inputs_that_share_a_stem_get_their_own_files_in_an_output_folder(tmp_path: Path) -> None:
    texts = {"a": "The mayor said the bridge would reopen.", "b": "Officials said talks failed."}
    for folder, text in texts.items():
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(text + "\n")
    out = tmp_path / "out"
    out.mkdir()
    specs = [str(tmp_path / folder / "story.txt") for folder in texts]
    assert run("analyze", "--no-clean", "-o", str(out), *specs).returncode == 0
    written = sorted(out.iterdir())
    assert [path.name for path in written] == ["story-2.json", "story.json"]
    found = {json.loads(path.read_text())["text"].strip() for path in written}
    assert found == set(texts.values())
