"""One input spec (a path, `-` for stdin, or a URL) to raw bytes, with clear errors."""

from __future__ import annotations

import gzip
import io
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path

from newsgraph.errors import InputError
from newsgraph.read.decode import looks_binary

_GZIP_MAGIC = b"\x1f\x8b"


@dataclass(slots=True)
class RawInput:
    """Undecoded input and where it came from; `content_type` is the server's, if any."""

    data: bytes
    path: str | None = None
    url: str | None = None
    content_type: str | None = None


def read_input(spec: str, *, max_bytes: int = 50_000_000) -> RawInput:
    """Read `-` (stdin), an http(s) URL or a file; gzip-compressed files are decompressed."""
    if spec == "-":
        raw, name = RawInput(_read_stdin(max_bytes)), "standard input"
    elif is_url(spec):
        from newsgraph.read.fetch import fetch_url  # httpx: 0.2 s of start-up, for URLs only

        data, content_type = fetch_url(spec, max_bytes=max_bytes)
        raw, name = RawInput(data, url=spec, content_type=content_type), spec
    else:
        raw, name = RawInput(_read_file(spec, max_bytes), path=spec), spec
    if raw.data.startswith(_GZIP_MAGIC):
        raw.data = _gunzip(raw.data, name, max_bytes)
    if not raw.data.strip():
        raise InputError(f"{name} is empty")
    if looks_binary(raw.data):
        raise InputError(f"{name} looks like binary data, not a web page or text")
    return raw


def is_url(spec: str) -> bool:
    """Whether an input spec is an http(s) URL to fetch, not a path."""
    return spec.lower().startswith(("http://", "https://"))


def _read_stdin(max_bytes: int) -> bytes:
    """Standard input as bytes, reading one byte past the limit to detect excess."""
    data = sys.stdin.buffer.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(f"standard input is larger than the limit of {max_bytes:,} bytes")
    return data


def _read_file(spec: str, max_bytes: int) -> bytes:
    """A file's bytes, its size checked before reading."""
    path = Path(spec)
    try:
        if path.is_dir():
            raise InputError(f"{spec} is a directory, not a file")
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(f"{spec} is too large ({size:,} bytes; the limit is {max_bytes:,})")
        with path.open("rb") as handle:
            # read one byte past the limit: special files report no size
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise InputError(f"no such file: {spec}") from None
    except PermissionError:
        raise InputError(f"permission denied: {spec}") from None
    except OSError as err:
        raise InputError(f"cannot read {spec}: {err.strerror or err}") from None
    if len(data) > max_bytes:
        raise InputError(f"{spec} is larger than the limit of {max_bytes:,} bytes")
    return data


def _gunzip(data: bytes, name: str, max_bytes: int) -> bytes:
    """Decompress gzip data (saved pages often are), refusing to expand past the limit.

    gzip's reader checks what zlib alone does not: that the data reaches its end
    marker and checksum, so a cut-off download is an error, never half a page.
    """
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            out = stream.read(max_bytes + 1)
    except EOFError:
        raise InputError(f"{name} is truncated: its gzip data ends early") from None
    except (gzip.BadGzipFile, zlib.error):
        raise InputError(f"{name} is not valid gzip data") from None
    if len(out) > max_bytes:
        raise InputError(f"{name} decompresses to more than the limit of {max_bytes:,} bytes")
    return out
