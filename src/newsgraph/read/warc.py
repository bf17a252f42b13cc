"""Pages out of WARC files (plain or gzipped), one record at a time, with damage reported.

warcio reads a cut-off record without complaint (it stops at the end of the data and
at most prints a warning to stderr), so each record's bytes are counted against its
declared Content-Length here, and damage ends the file with an error: past a bad
record the next record boundary is unknown.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from newsgraph.read.decode import looks_binary

# pages a reader can use; crawls also hold CSS, scripts, JSON and images
_PAGE_TYPES = {"text/html", "application/xhtml+xml", "text/plain"}
_CHUNK = 1 << 16


@dataclass(slots=True, frozen=True)
class WarcPage:
    """The payload of one usable record; `offset` is where its record starts in the file."""

    offset: int
    url: str | None
    content_type: str | None
    data: bytes


@dataclass(slots=True, frozen=True)
class WarcError:
    """A record that cannot be used, in one line."""

    offset: int
    reason: str


def iter_warc(stream: BinaryIO, *, max_bytes: int) -> Iterator[WarcPage | WarcError]:
    """Yield the HTML and text pages of a seekable WARC stream, skipping other records.

    A file that is not a WARC at all is one error at offset 0: warcio would read it
    as an old ARC file and print a warning for every line of it. A page is yielded
    only once the next record starts where its Content-Length said it would.
    """
    records = ArchiveIterator(stream)
    # warcio prints this warning for a record not followed by a blank line (its
    # Content-Length was wrong); it still counts it in `err_count`, checked below
    records.INC_RECORD = ""
    last: int | None = None  # where the record read last starts
    held: WarcPage | WarcError | None = None  # its page, until its end is known good
    while True:
        failed: Exception | None = None
        try:
            record = next(records, None)
        except Exception as err:  # warcio fails on damaged data in many ways
            record, failed = None, err
        if records.err_count and last is not None:
            yield WarcError(last, f"corrupt WARC record at offset {last}: wrong Content-Length")
            return
        if held is not None:
            yield held
            held = None
        if failed is not None:
            if last is None:  # warcio's offset is meaningless in data that is no WARC
                yield WarcError(0, f"not a WARC file: {_corrupt(failed, 0)}")
            else:  # `offset` is the start of the record being read, also after a failed parse
                yield WarcError(records.offset, _corrupt(failed, records.offset))
            return
        if record is None:
            break
        if last is None and record.format != "warc":
            yield WarcError(0, "not a WARC file: it does not start with a WARC record")
            return
        last = records.offset
        try:
            held = _page(record, last, max_bytes)
            complete = _drain(record)
        except Exception as err:
            yield WarcError(last, _corrupt(err, last))
            return
        if not complete:
            yield WarcError(last, f"truncated WARC record at offset {last}")
            return
    size = stream.seek(0, io.SEEK_END)
    if size == 0:
        yield WarcError(0, "the WARC file is empty")
    elif records.offset < size:
        # warcio ends quietly when a record's headers are cut off; the unread tail shows it
        yield WarcError(records.offset, f"truncated WARC record at offset {records.offset}")


def _page(record: Any, offset: int, max_bytes: int) -> WarcPage | WarcError | None:
    """The page a record holds, an error for an unusable page, or None for other records."""
    content_type = _page_type(record)
    if content_type is None:
        return None
    data = record.content_stream().read(max_bytes + 1)
    if len(data) > max_bytes:
        reason = f"WARC record at offset {offset} is larger than the limit of {max_bytes:,} bytes"
        return WarcError(offset, reason)
    if not data.strip():
        return WarcError(offset, f"WARC record at offset {offset} has an empty page")
    if looks_binary(data):
        return WarcError(offset, f"WARC record at offset {offset} looks like binary data")
    url = record.rec_headers.get_header("WARC-Target-URI")
    return WarcPage(offset, url, content_type, data)


def _page_type(record: Any) -> str | None:
    """The Content-Type of a successful HTML or text capture, else None."""
    if record.rec_type == "response" and record.http_headers is not None:
        if record.http_headers.get_statuscode() != "200":
            return None
        content_type = record.http_headers.get_header("Content-Type")
    elif record.rec_type == "resource":
        content_type = record.content_type
    else:
        return None
    if not content_type:
        return None
    media = str(content_type).split(";")[0].strip().lower()
    return str(content_type) if media in _PAGE_TYPES else None


def _drain(record: Any) -> bool:
    """Read the rest of a record; False when the data ends before its declared length."""
    stream = record.raw_stream
    while stream.read(_CHUNK):
        pass
    declared = _declared_length(record)
    return declared is not None and stream.tell() >= declared


def _declared_length(record: Any) -> int | None:
    """The record's Content-Length, or None when it is missing or cut short.

    warcio reads a missing or garbled WARC Content-Length as "no limit" or 0; both
    mean the headers were damaged, so the raw header is checked here.
    """
    if record.format != "warc":
        return int(record.length) if record.length is not None else None
    value = str(record.rec_headers.get_header("Content-Length") or "").strip()
    return int(value) if value.isdigit() else None


def _corrupt(err: Exception, offset: int) -> str:
    """One line for a record warcio cannot parse, with its own reason when it gives one."""
    reason = f"corrupt WARC record at offset {offset}"
    if not isinstance(err, ArchiveLoadFailed):
        return reason  # an internal error on headers cut short says nothing useful
    lines = [line.strip() for line in str(err).splitlines() if line.strip()]
    if not lines:
        return reason
    # warcio quotes the bad line, which may be long or binary: its verdict is enough
    return f"{reason}: {lines[0].split(', first line:')[0]}"
