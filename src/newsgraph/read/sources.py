"""Many inputs as one stream of pages: files, folders, JSONL, WARC and URL lists.

A corpus can be larger than memory, so everything here is a generator that holds
one page (or one line) at a time, and a damaged input becomes an `InputFailure` in
the stream rather than an exception that would stop the whole run.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import re
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from newsgraph.errors import InputError
from newsgraph.read.files import read_input
from newsgraph.read.warc import WarcPage, iter_warc

# files a folder walk takes; other files (images, scripts, ...) are ignored
_PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".txt", ".text", ".md")
_JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")
_WARC_SUFFIXES = (".warc", ".warc.gz")
_WALKED_SUFFIXES = (
    *_PAGE_SUFFIXES,
    *(suffix + ".gz" for suffix in _PAGE_SUFFIXES),
    *_JSONL_SUFFIXES,
    *_WARC_SUFFIXES,
)
_GZIP_MAGIC = b"\x1f\x8b"
_SNIFF_BYTES = 65_536
_URL = re.compile(rb"https?://\S+", re.IGNORECASE)
_DEFAULT_MAX_BYTES = 50_000_000
_YEAR_MONTH = re.compile(r"\d{4}(?:-(\d{2}))?")


@dataclass(slots=True, frozen=True)
class PageInput:
    """One page to read, keyed so that a later run can tell it has seen it.

    `key` is the file path, `path#L<n>` for line n of a JSONL file, `path@<offset>`
    for a WARC record, or the URL for a URL-list entry. `data` is None for a URL that
    is not fetched yet (see `load_page`). `kind` is "html" or "text" when the input
    says which, else None. `warnings` are problems with the input that did not stop
    it (a JSONL `published` that is no date), for the article's own warnings.
    """

    key: str
    data: bytes | str | None
    path: str | None = None
    url: str | None = None
    published: str | None = None
    content_type: str | None = None
    kind: str | None = None
    warnings: tuple[str, ...] = ()


@dataclass(slots=True, frozen=True)
class InputFailure:
    """An input item that cannot be read, and why, in one line."""

    key: str
    reason: str


def iter_inputs(
    specs: Iterable[str], *, max_bytes: int = _DEFAULT_MAX_BYTES
) -> Iterator[PageInput | InputFailure]:
    """Stream page inputs from files, folders (recursive, sorted for a stable order),
    .jsonl/.jsonl.gz, .warc/.warc.gz, URL-list files and http(s) URLs.

    `max_bytes` bounds each page (and each JSONL line), not the files that hold many.
    """
    for spec in specs:
        yield from _expand(spec, max_bytes)


def load_page(item: PageInput, *, max_bytes: int = _DEFAULT_MAX_BYTES) -> PageInput:
    """Return the item with data filled: fetches URL entries, leaves others as they are.

    Fetching is left to the caller so that it can happen in parallel workers, after
    the cheap listing. Raises InputError on failure.
    """
    if item.data is not None:
        return item
    if item.url is None:
        raise InputError(f"{item.key} has no content and no URL to fetch")
    raw = read_input(item.url, max_bytes=max_bytes)
    return replace(item, data=raw.data, content_type=raw.content_type)


def _expand(spec: str, max_bytes: int) -> Iterator[PageInput | InputFailure]:
    """The items of one command-line argument."""
    if _URL.fullmatch(spec.encode()):
        yield PageInput(key=spec, data=None, url=spec)
        return
    path = Path(spec)
    try:
        is_dir = path.is_dir()
    except OSError as err:  # e.g. a path under a folder we may not enter
        yield InputFailure(spec, f"cannot read {spec}: {err.strerror or err}")
        return
    if is_dir:
        for found in walk_files(path):
            if isinstance(found, InputFailure):
                yield found
            else:
                yield from _file_items(found, max_bytes)
    elif path.exists():
        yield from _file_items(path, max_bytes)
    elif spec == "-":  # as `analyze` reads it; a corpus run needs inputs it can read again
        yield InputFailure(spec, "standard input (-) is not read here: save it to a file")
    else:
        yield InputFailure(spec, f"no such file or folder: {spec}")


def walk_files(folder: Path) -> Iterator[Path | InputFailure]:
    """The readable files under a folder, depth first in name order; hidden ones skipped.

    Links to folders are not followed, so that a link loop cannot walk forever. An
    entry the file system refuses (a link loop, a broken link, no permission, a file
    removed during the walk) is a failure for that entry, and the walk goes on.
    """
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as err:
        yield InputFailure(str(folder), f"cannot list {folder}: {err.strerror or err}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = folder / entry.name
        try:
            if entry.is_dir(follow_symlinks=False):
                yield from walk_files(path)
            elif entry.name.lower().endswith(_WALKED_SUFFIXES):
                found = _walked_file(entry, path)
                if found is not None:
                    yield found
        except OSError as err:
            yield InputFailure(str(path), f"cannot read {path}: {err.strerror or err}")


def _walked_file(entry: os.DirEntry[str], path: Path) -> Path | InputFailure | None:
    """A page-like entry as a file to read, a failure for a dangling link, or None
    for what is not a file (a link to a folder, a socket). May raise OSError."""
    if entry.is_file():
        return path
    if entry.is_symlink() and not path.exists():
        return InputFailure(str(path), f"cannot read {path}: it is a broken link")
    return None


def many_pages(path: Path) -> str | None:
    """What a file of many pages is ("a JSON lines file", ...), or None for a file of one.

    `ingest` reads such a file page by page; `analyze`, which reads one page per
    input, refuses it rather than analyse its records as the text of one article.
    """
    name = path.name.lower()
    if name.endswith(_JSONL_SUFFIXES):
        return _JSONL
    if name.endswith(_WARC_SUFFIXES):
        return _WARC
    if _is_url_list(path):
        return _URL_LIST
    return None


_JSONL, _WARC, _URL_LIST = "a JSON lines file", "a WARC file", "a list of URLs"


def _file_items(path: Path, max_bytes: int) -> Iterator[PageInput | InputFailure]:
    """The items of one file, by its kind."""
    kind = many_pages(path)
    if kind == _JSONL:
        yield from _jsonl_items(path, max_bytes)
    elif kind == _WARC:
        yield from _warc_items(path, max_bytes)
    elif kind == _URL_LIST:
        yield from _url_list_items(path, max_bytes)
    else:
        yield _plain_item(path, max_bytes)


def _plain_item(path: Path, max_bytes: int) -> PageInput | InputFailure:
    """A file that holds one page, read with read_input's limits and messages."""
    try:
        raw = read_input(str(path), max_bytes=max_bytes)
    except InputError as err:
        return InputFailure(str(path), str(err))
    return PageInput(key=str(path), data=raw.data, path=str(path))


def _jsonl_items(path: Path, max_bytes: int) -> Iterator[PageInput | InputFailure]:
    """One item per non-blank line of `{"url", "html" or "text", "published"?}`."""
    for line in _lines(path, max_bytes):
        if isinstance(line, InputFailure):
            yield line
        elif line[1].strip():
            yield _jsonl_item(path, *line)


def _jsonl_item(path: Path, number: int, line: bytes) -> PageInput | InputFailure:
    """The page one JSONL line describes."""
    key = f"{path}#L{number}"
    try:
        record = json.loads(line)
    except ValueError:
        return InputFailure(key, f"line {number} is not JSON")
    if not isinstance(record, dict):
        return InputFailure(key, f"line {number} is not a JSON object")
    for field in ("url", "published"):
        if record.get(field) is not None and not isinstance(record[field], str):
            return InputFailure(key, f"line {number}: {field} is not a string")
    given = record.get("published")
    published = iso_date(given) if given is not None else None
    # a date that is no date is the line's mistake, not the article's: keep the page
    warnings = (
        (f"published {given!r} is not an ISO date: ignored",) if given and not published else ()
    )
    for kind in ("html", "text"):
        data = record.get(kind)
        if isinstance(data, str) and data.strip():
            return PageInput(
                key,
                data,
                path=str(path),
                url=record.get("url"),
                published=published,
                kind=kind,
                warnings=warnings,
            )
    return InputFailure(key, f"line {number} has no html or text")


def iso_date(value: str) -> str | None:
    """The day of an ISO date or datetime (`2016-03-15`, `2016-03-15T10:00:00Z`), or the
    year or month alone as the JSON contract allows (`2016`, `2016-03`); None if no date.

    A datetime is cut to its day: `published` is a date in the contract, and a string
    date the calendar lacks ("2016-13-45") would otherwise pass every string comparison.
    """
    value = value.strip()
    if match := _YEAR_MONTH.fullmatch(value):
        return value if match[1] is None or 1 <= int(match[1]) <= 12 else None
    try:
        return datetime.fromisoformat(value).date().isoformat()
    except ValueError:
        return None


def _warc_items(path: Path, max_bytes: int) -> Iterator[PageInput | InputFailure]:
    """The HTML and text captures of a WARC file, keyed by record offset."""
    try:
        stream = path.open("rb")
    except OSError as err:
        yield InputFailure(str(path), f"cannot read {path}: {err.strerror or err}")
        return
    with stream:
        for item in iter_warc(stream, max_bytes=max_bytes):
            key = f"{path}@{item.offset}"
            if isinstance(item, WarcPage):
                yield PageInput(
                    key, item.data, path=str(path), url=item.url, content_type=item.content_type
                )
            else:
                yield InputFailure(key, item.reason)


def _is_url_list(path: Path) -> bool:
    """Whether a file's first lines that are not blank or comments are all http(s) URLs."""
    try:
        with _open(path) as stream:
            head = stream.read(_SNIFF_BYTES)
    except (OSError, EOFError, zlib.error):
        return False  # read_input will report the problem
    if len(head) == _SNIFF_BYTES:
        head = head[: head.rfind(b"\n") + 1]  # the last line may be cut
    entries = [line for line in (raw.strip() for raw in head.splitlines()) if _is_entry(line)]
    return bool(entries) and all(_URL.fullmatch(line) for line in entries)


def _url_list_items(path: Path, max_bytes: int) -> Iterator[PageInput | InputFailure]:
    """One unfetched item per URL line; blank lines and # comments are skipped."""
    for line in _lines(path, max_bytes):
        if isinstance(line, InputFailure):
            yield line
            continue
        number, text = line[0], line[1].strip()
        if not _is_entry(text):
            continue
        if _URL.fullmatch(text):
            url = text.decode("utf-8", errors="replace")
            yield PageInput(key=url, data=None, path=str(path), url=url)
        else:
            yield InputFailure(f"{path}#L{number}", f"line {number} is not an http(s) URL")


def _is_entry(line: bytes) -> bool:
    """A stripped line that is neither blank nor a # comment."""
    return bool(line) and not line.startswith(b"#")


def _lines(path: Path, max_bytes: int) -> Iterator[tuple[int, bytes] | InputFailure]:
    """Numbered lines of a file, gzipped or not, holding at most one line in memory.

    A line over `max_bytes` is a failure for that line; damaged gzip data or a read
    error is a failure for the rest of the file, after the lines that could be read.
    """
    number = 0
    try:
        with _open(path) as stream:
            while line := stream.readline(max_bytes + 1):
                number += 1
                if len(line) > max_bytes and not line.endswith(b"\n"):
                    _skip_line(stream)
                    reason = f"line {number} is longer than the limit of {max_bytes:,} bytes"
                    yield InputFailure(f"{path}#L{number}", reason)
                else:
                    yield number, line
    except EOFError:
        yield InputFailure(f"{path}#L{number + 1}", f"truncated gzip data after line {number}")
    except (gzip.BadGzipFile, zlib.error):
        yield InputFailure(f"{path}#L{number + 1}", f"corrupt gzip data after line {number}")
    except OSError as err:
        yield InputFailure(f"{path}#L{number + 1}", f"cannot read {path}: {err.strerror or err}")


def _skip_line(stream: io.BufferedIOBase) -> None:
    """Read past the rest of an over-long line, a block at a time."""
    while (block := stream.readline(_SNIFF_BYTES)) and not block.endswith(b"\n"):
        pass


def _open(path: Path) -> io.BufferedIOBase:
    """A file for reading, decompressed on the fly when it is gzip data."""
    with path.open("rb") as stream:
        compressed = stream.read(2) == _GZIP_MAGIC
    return gzip.open(path, "rb") if compressed else path.open("rb")
