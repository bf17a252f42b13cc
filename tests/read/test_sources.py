"""iter_inputs and load_page on real files built in tmp_path: folders, JSONL, WARC, URL lists."""

from __future__ import annotations

import gzip
import io
import json
import threading
from collections.abc import Iterator, Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsgraph.errors import InputError
from newsgraph.read.sources import InputFailure, PageInput, iter_inputs, load_page

PAGE = b"<html><body><p>A page on disk.</p></body></html>"


def _all(*specs: str | Path, max_bytes: int = 50_000_000) -> list[PageInput | InputFailure]:
    return list(iter_inputs([str(spec) for spec in specs], max_bytes=max_bytes))


def _pages(items: list[PageInput | InputFailure]) -> list[PageInput]:
    return [item for item in items if isinstance(item, PageInput)]


def _failures(items: list[PageInput | InputFailure]) -> list[InputFailure]:
    return [item for item in items if isinstance(item, InputFailure)]


# --- plain files and folders ---------------------------------------------------------


def test_a_named_file_is_taken_whatever_its_extension(tmp_path: Path) -> None:
    path = tmp_path / "saved.page"
    path.write_bytes(PAGE)
    assert _all(path) == [PageInput(key=str(path), data=PAGE, path=str(path))]


def test_a_missing_path_is_a_failure_not_an_exception(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope")
    assert _all(missing) == [InputFailure(missing, f"no such file or folder: {missing}")]


def test_standard_input_is_a_failure_that_says_so() -> None:
    """`-` is standard input to `analyze`; a corpus run says it does not read it."""
    assert _all("-") == [
        InputFailure("-", "standard input (-) is not read here: save it to a file")
    ]


def test_an_empty_folder_yields_nothing(tmp_path: Path) -> None:
    assert _all(tmp_path) == []


def test_unreadable_files_become_failures_with_read_input_messages(tmp_path: Path) -> None:
    (tmp_path / "a-empty.html").write_bytes(b"  \n")
    (tmp_path / "b-binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "c-big.html").write_bytes(PAGE * 10)
    (tmp_path / "d-good.html").write_bytes(PAGE)
    items = _all(tmp_path, max_bytes=len(PAGE))
    reasons = [item.reason for item in _failures(items)]
    assert [item.key for item in _pages(items)] == [str(tmp_path / "d-good.html")]
    assert "is empty" in reasons[0]
    assert "binary" in reasons[1]
    assert "too large" in reasons[2]
    assert all("\n" not in reason for reason in reasons)


def test_a_folder_is_walked_sorted_recursively_and_skips_hidden_and_other_files(
    tmp_path: Path,
) -> None:
    for name in ("b.html", "a/z.txt", "a/y.md", "c.htm.gz", "d.xhtml", "e.text"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        data = gzip.compress(PAGE) if name.endswith(".gz") else PAGE
        (tmp_path / name).write_bytes(data)
    for skipped in (".hidden.html", ".git/page.html", "photo.jpg", "script.js", "a/data.csv"):
        (tmp_path / skipped).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / skipped).write_bytes(PAGE)
    items = _all(tmp_path)
    expected = ["a/y.md", "a/z.txt", "b.html", "c.htm.gz", "d.xhtml", "e.text"]
    assert [item.key for item in items] == [str(tmp_path / name) for name in expected]
    assert all(isinstance(item, PageInput) and item.data == PAGE for item in items)


def test_file_system_errors_in_a_walk_are_one_failure_each_and_the_walk_goes_on(
    tmp_path: Path,
) -> None:
    (tmp_path / "a.txt").symlink_to("b.txt")  # a loop: each link points at the other
    (tmp_path / "b.txt").symlink_to("a.txt")
    (tmp_path / "c-dangling.html").symlink_to("nowhere.html")
    (tmp_path / "d-good.html").write_bytes(PAGE)
    (tmp_path / "e-linked.html").symlink_to("d-good.html")
    items = _all(tmp_path)
    assert [item.key for item in items] == [
        str(tmp_path / name)
        for name in ("a.txt", "b.txt", "c-dangling.html", "d-good.html", "e-linked.html")
    ]
    assert [item.data for item in _pages(items)] == [PAGE, PAGE]
    reasons = [item.reason for item in _failures(items)]
    assert "symbolic links" in reasons[0] and "symbolic links" in reasons[1]
    assert "broken link" in reasons[2]
    assert all("\n" not in reason for reason in reasons)


def test_keys_are_unique_and_stable_across_runs(tmp_path: Path) -> None:
    (tmp_path / "one.html").write_bytes(PAGE)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "two.txt").write_bytes(b"Plain text page.")
    _write_jsonl(tmp_path / "lines.jsonl", [{"html": "<p>a</p>"}, {"text": "b"}])
    _write_warc(tmp_path / "crawl.warc.gz", gzip_records=True)
    first = [item.key for item in _all(tmp_path)]
    assert len(first) == len(set(first)) == 7
    assert [item.key for item in _all(tmp_path)] == first


def test_a_url_argument_is_an_unfetched_item() -> None:
    url = "https://example.com/news/1"
    assert _all(url) == [PageInput(key=url, data=None, url=url)]


def test_specs_are_streamed_in_the_order_given(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_bytes(PAGE)
    (tmp_path / "b.html").write_bytes(PAGE)
    items = _all(tmp_path / "b.html", tmp_path / "missing", tmp_path / "a.html")
    assert [item.key for item in items] == [
        str(tmp_path / "b.html"),
        str(tmp_path / "missing"),
        str(tmp_path / "a.html"),
    ]


# --- JSONL ----------------------------------------------------------------------------


def _write_jsonl(path: Path, records: Sequence[object], *, compress: bool = False) -> bytes:
    data = "".join(json.dumps(record) + "\n" for record in records).encode()
    path.write_bytes(gzip.compress(data) if compress else data)
    return data


@pytest.mark.parametrize("name", ["pages.jsonl", "pages.jsonl.gz"])
def test_jsonl_lines_become_pages_keyed_by_line(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    records = [
        {"url": "https://a.example/1", "html": "<p>One</p>", "published": "2024-05-01"},
        {"url": "https://a.example/2", "text": "Two."},
    ]
    _write_jsonl(path, records, compress=name.endswith(".gz"))
    assert _all(path) == [
        PageInput(
            f"{path}#L1",
            "<p>One</p>",
            path=str(path),
            url="https://a.example/1",
            published="2024-05-01",
            kind="html",
        ),
        PageInput(f"{path}#L2", "Two.", path=str(path), url="https://a.example/2", kind="text"),
    ]


def test_bad_jsonl_lines_are_failures_and_reading_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    lines = [
        '{"html": "<p>ok</p>"}',
        "not json at all",
        "[1, 2]",
        '{"url": "https://a.example/x"}',
        '{"text": "   "}',
        '{"text": "t", "published": 2024}',
        "",
        '{"text": "last"}',
    ]
    path.write_text("\n".join(lines) + "\n")
    items = _all(path)
    assert [(item.key, item.reason) for item in _failures(items)] == [
        (f"{path}#L2", "line 2 is not JSON"),
        (f"{path}#L3", "line 3 is not a JSON object"),
        (f"{path}#L4", "line 4 has no html or text"),
        (f"{path}#L5", "line 5 has no html or text"),
        (f"{path}#L6", "line 6: published is not a string"),
    ]
    assert [(item.key, item.data) for item in _pages(items)] == [
        (f"{path}#L1", "<p>ok</p>"),
        (f"{path}#L8", "last"),
    ]


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("2016-03-15", "2016-03-15"),
        ("2016-03-15T22:10:00+05:00", "2016-03-15"),
        ("2016-03-15T22:10:00Z", "2016-03-15"),
        ("2016-03", "2016-03"),
        ("2016", "2016"),
        ("not-a-date", None),
        ("2016-13-45", None),
        ("2016-02-30", None),
        ("2016-13", None),
        ("15/03/2016", None),
    ],
)
def test_a_jsonl_date_is_kept_as_a_day_and_a_bad_one_is_a_warning(
    tmp_path: Path, given: str, kept: str | None
) -> None:
    path = tmp_path / "dated.jsonl"
    _write_jsonl(path, [{"text": "An article.", "published": given}])
    [item] = _all(path)
    assert isinstance(item, PageInput) and item.data == "An article."
    assert item.published == kept
    assert bool(item.warnings) == (kept is None)
    assert all(given in warning and "\n" not in warning for warning in item.warnings)


def test_a_truncated_jsonl_gz_yields_what_was_readable_then_fails(tmp_path: Path) -> None:
    path = tmp_path / "cut.jsonl.gz"
    records = [{"text": f"Line {n} " + "x" * 200} for n in range(1, 201)]
    data = gzip.compress(_write_jsonl(path, records))
    path.write_bytes(data[: len(data) // 2])
    items = _all(path)
    pages, failures = _pages(items), _failures(items)
    assert 0 < len(pages) < 200
    assert items[-1] == failures[0]
    last = len(pages)
    assert failures == [
        InputFailure(f"{path}#L{last + 1}", f"truncated gzip data after line {last}")
    ]


def test_a_jsonl_line_over_the_limit_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "long.jsonl"
    _write_jsonl(path, [{"text": "y" * 5000}, {"text": "short"}])
    items = _all(path, max_bytes=1000)
    assert items[0] == InputFailure(f"{path}#L1", "line 1 is longer than the limit of 1,000 bytes")
    assert items[1] == PageInput(f"{path}#L2", "short", path=str(path), kind="text")


# --- WARC -----------------------------------------------------------------------------


def _http(status: str, content_type: str, **extra: str) -> StatusAndHeaders:
    headers = [("Content-Type", content_type), *extra.items()]
    return StatusAndHeaders(status, headers, protocol="HTTP/1.1")


def _write_warc(path: Path, *, gzip_records: bool) -> bytes:
    """A small crawl: three usable pages among records that must be skipped."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip_records)

    def record(uri: str, kind: str, body: bytes, **kwargs: object) -> None:
        writer.write_record(
            writer.create_warc_record(uri, kind, payload=io.BytesIO(body), **kwargs)
        )

    writer.write_record(writer.create_warcinfo_record(path.name, {"software": "tests"}))
    record("https://a.example/1", "request", b"GET /1 HTTP/1.1\r\nHost: a.example\r\n\r\n")
    html = _http("200 OK", "text/html; charset=utf-8")
    record("https://a.example/1", "response", b"<html><p>First page</p></html>", http_headers=html)
    record(
        "https://a.example/missing",
        "response",
        b"<p>gone</p>",
        http_headers=_http("404 Not Found", "text/html"),
    )
    record(
        "https://a.example/logo.png",
        "response",
        b"\x89PNG\r\n",
        http_headers=_http("200 OK", "image/png"),
    )
    record(
        "https://a.example/site.css", "response", b"p {}", http_headers=_http("200 OK", "text/css")
    )
    encoded = _http("200 OK", "text/plain", **{"Content-Encoding": "gzip"})
    record(
        "https://a.example/2.txt",
        "response",
        gzip.compress(b"Second page, plain text."),
        http_headers=encoded,
    )
    record("https://a.example/3", "resource", b"<p>Third page</p>", warc_content_type="text/html")
    record(
        "https://a.example/3",
        "metadata",
        b"via: test\r\n",
        warc_content_type="application/warc-fields",
    )
    data = buffer.getvalue()
    path.write_bytes(data)
    return data


def _record_offsets(path: Path) -> dict[str, int]:
    """Where warcio itself says each response and resource record starts."""
    offsets = {}
    with path.open("rb") as stream:
        records = ArchiveIterator(stream)
        for record in records:
            if record.rec_type in ("response", "resource"):
                uri = record.rec_headers.get_header("WARC-Target-URI")
                offsets[uri] = records.get_record_offset()
    return offsets


@pytest.mark.parametrize("gzip_records", [False, True])
def test_warc_html_and_text_captures_become_pages(tmp_path: Path, gzip_records: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gzip_records else "crawl.warc")
    _write_warc(path, gzip_records=gzip_records)
    offsets = _record_offsets(path)
    items = _all(path)
    assert _failures(items) == []
    assert [(item.url, item.data, item.content_type) for item in _pages(items)] == [
        ("https://a.example/1", b"<html><p>First page</p></html>", "text/html; charset=utf-8"),
        ("https://a.example/2.txt", b"Second page, plain text.", "text/plain"),
        ("https://a.example/3", b"<p>Third page</p>", "text/html"),
    ]
    for item in _pages(items):
        assert item.key == f"{path}@{offsets[item.url or '']}"
        assert item.path == str(path)
        assert item.published is None  # WARC-Date is the crawl date, not publication


@pytest.mark.parametrize("gzip_records", [False, True])
def test_a_truncated_warc_yields_the_records_before_the_cut(
    tmp_path: Path, gzip_records: bool
) -> None:
    path = tmp_path / ("cut.warc.gz" if gzip_records else "cut.warc")
    data = _write_warc(path, gzip_records=gzip_records)
    resource = _record_offsets(path)["https://a.example/3"]
    path.write_bytes(data[: resource + 200])  # inside the resource record
    items = _all(path)
    assert [item.url for item in _pages(items)] == [
        "https://a.example/1",
        "https://a.example/2.txt",
    ]
    assert items[-1] == InputFailure(
        f"{path}@{resource}", f"truncated WARC record at offset {resource}"
    )


def test_a_corrupt_warc_record_is_reported_at_its_offset(tmp_path: Path) -> None:
    path = tmp_path / "bad.warc"
    data = _write_warc(path, gzip_records=False)
    resource = _record_offsets(path)["https://a.example/3"]
    path.write_bytes(data[:resource] + b"GARBAGE that is no record\r\n" + data[resource + 10 :])
    items = _all(path)
    assert len(_pages(items)) == 2
    failure = items[-1]
    assert isinstance(failure, InputFailure)
    assert failure.key == f"{path}@{resource}"
    assert failure.reason == (f"corrupt WARC record at offset {resource}: Invalid WARC record")


@pytest.mark.parametrize("gzip_records", [False, True])
def test_a_warc_cut_anywhere_never_raises_nor_yields_a_partial_page(
    tmp_path: Path, gzip_records: bool
) -> None:
    path = tmp_path / ("any.warc.gz" if gzip_records else "any.warc")
    data = _write_warc(path, gzip_records=gzip_records)
    complete = {item.data for item in _pages(_all(path))}
    for cut in range(1, len(data), 7):
        path.write_bytes(data[:cut])
        items = _all(path)
        assert {item.data for item in _pages(items)} <= complete
        assert all(isinstance(item, PageInput) for item in items[:-1])


def test_a_warc_page_over_the_limit_is_a_failure_and_reading_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    _write_warc(path, gzip_records=False)
    first = _record_offsets(path)["https://a.example/1"]
    items = _all(path, max_bytes=25)
    assert items[0] == InputFailure(
        f"{path}@{first}", f"WARC record at offset {first} is larger than the limit of 25 bytes"
    )
    assert [item.url for item in _pages(items)] == [
        "https://a.example/2.txt",
        "https://a.example/3",
    ]


# --- URL lists and fetching -------------------------------------------------------------


def test_a_file_of_urls_is_a_url_list(tmp_path: Path) -> None:
    path = tmp_path / "urls.txt"
    path.write_text("# to read\nhttps://a.example/1\n\n  http://b.example/2  \n")
    assert _all(path) == [
        PageInput("https://a.example/1", None, path=str(path), url="https://a.example/1"),
        PageInput("http://b.example/2", None, path=str(path), url="http://b.example/2"),
    ]


def test_a_gzipped_url_list_is_read_too(tmp_path: Path) -> None:
    path = tmp_path / "urls.txt.gz"
    path.write_bytes(gzip.compress(b"https://a.example/1\n"))
    assert [item.key for item in _all(path)] == ["https://a.example/1"]


def test_text_that_mentions_urls_is_a_page_not_a_list(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("https://a.example/1\nRead this article, it is good.\n")
    assert _all(path) == [PageInput(str(path), path.read_bytes(), path=str(path))]


def test_a_non_url_line_past_the_sniffed_start_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "long-list.txt"
    urls = [f"https://a.example/{n:05d}" for n in range(4000)]  # over 64 KB
    path.write_text("\n".join([*urls, "not a url", "https://a.example/last"]) + "\n")
    items = _all(path)
    assert len(_pages(items)) == 4001
    assert _failures(items) == [InputFailure(f"{path}#L4001", "line 4001 is not an http(s) URL")]


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        status = 200 if self.path == "/ok" else 404
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(PAGE)))
        self.end_headers()
        self.wfile.write(PAGE)

    def log_message(self, format: str, *args: object) -> None:
        """Keep the test output quiet."""


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_load_page_fetches_a_url_list_entry(tmp_path: Path, server: str) -> None:
    path = tmp_path / "urls.txt"
    path.write_text(f"{server}/ok\n")
    (item,) = _pages(_all(path))
    loaded = load_page(item)
    assert loaded.data == PAGE
    assert loaded.content_type == "text/html; charset=utf-8"
    assert (loaded.key, loaded.url, loaded.path) == (item.key, item.url, item.path)


def test_load_page_raises_input_error_when_the_fetch_fails(server: str) -> None:
    with pytest.raises(InputError, match="HTTP 404"):
        load_page(PageInput(f"{server}/gone", None, url=f"{server}/gone"))


def test_load_page_leaves_a_page_with_data_alone(tmp_path: Path) -> None:
    item = PageInput("k", PAGE)
    assert load_page(item) is item
