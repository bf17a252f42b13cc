"""iter_warc on files that are not WARCs, or whose records lie about their length."""

from __future__ import annotations

import gzip
import io

import pytest
from warcio.warcwriter import WARCWriter

from newsgraph.read.warc import WarcError, WarcPage, iter_warc


def _record(n: int, body: bytes) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    record = writer.create_warc_record(
        f"https://a.example/{n}",
        "resource",
        payload=io.BytesIO(body),
        warc_content_type="text/html",
    )
    writer.write_record(record)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "data",
    [
        b"this is not a warc file at all\n" * 200,
        gzip.compress(b"<html><p>A gzipped page, not a crawl.</p></html>\n" * 100),
        b"<html><body><p>A saved page named .warc</p></body></html>",
    ],
)
def test_a_file_that_is_not_a_warc_is_one_error_and_warcio_stays_quiet(
    data: bytes, capfd: pytest.CaptureFixture[str]
) -> None:
    items = list(iter_warc(io.BytesIO(data), max_bytes=1_000_000))
    assert len(items) == 1 and isinstance(items[0], WarcError)
    assert items[0].offset == 0 and items[0].reason.startswith("not a WARC file")
    assert capfd.readouterr().err == ""


def test_an_empty_warc_is_an_error() -> None:
    assert list(iter_warc(io.BytesIO(b""), max_bytes=100)) == [
        WarcError(0, "the WARC file is empty")
    ]


def test_a_record_longer_than_its_content_length_ends_the_file_quietly(
    capfd: pytest.CaptureFixture[str],
) -> None:
    first, second = b"<p>First page, whole.</p>", b"<p>Second page, cut by its header.</p>"
    declared = b"Content-Length: %d\r\n" % len(second)
    lying = _record(1, second).replace(declared, b"Content-Length: %d\r\n" % (len(second) - 10))
    data = _record(0, first) + lying + _record(2, b"<p>Third page.</p>")
    items = list(iter_warc(io.BytesIO(data), max_bytes=1_000_000))
    second_at = len(_record(0, first))
    assert items == [
        WarcPage(0, "https://a.example/0", "text/html", first),
        WarcError(second_at, f"corrupt WARC record at offset {second_at}: wrong Content-Length"),
    ]
    assert capfd.readouterr().err == ""
