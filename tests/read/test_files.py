from __future__ import annotations

import functools
import gzip
import io
import os
import sys
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from newsgraph.errors import InputError
from newsgraph.read.files import RawInput, read_input

PAGE = b"<html><body><p>A page on disk.</p></body></html>"


class _Stdin:
    """Stands in for sys.stdin: only `.buffer` is read."""

    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


def _one_line_error(spec: str, **kwargs: int) -> str:
    with pytest.raises(InputError) as info:
        read_input(spec, **kwargs)
    message = str(info.value)
    assert "\n" not in message
    return message


def test_a_file_is_read_with_its_path(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(PAGE)
    assert read_input(str(path)) == RawInput(PAGE, path=str(path))


def test_a_gzipped_file_is_decompressed(tmp_path: Path) -> None:
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(PAGE))
    assert read_input(str(path)).data == PAGE


def test_a_gzip_bomb_stops_at_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "bomb.gz"
    path.write_bytes(gzip.compress(b"a" * 100_000))
    assert "decompresses to more than" in _one_line_error(str(path), max_bytes=1000)


@pytest.mark.parametrize("name", ["page.html.gz", "story.txt.gz", "saved"])
def test_a_truncated_gzip_file_is_an_error_not_half_a_page(tmp_path: Path, name: str) -> None:
    data = gzip.compress(b"".join(b"<p>Paragraph %d of a long page.</p>" % n for n in range(500)))
    path = tmp_path / name
    for cut in (len(data) // 2, len(data) - 4):  # inside the data; only the size is missing
        path.write_bytes(data[:cut])
        with pytest.raises(InputError, match="truncated") as caught:
            read_input(str(path))
        assert "\n" not in str(caught.value)


def test_a_gzip_file_with_a_bad_checksum_is_an_error(tmp_path: Path) -> None:
    data = bytearray(gzip.compress(PAGE))
    data[-8] ^= 0xFF  # the CRC-32 of the page
    path = tmp_path / "page.html.gz"
    path.write_bytes(bytes(data))
    with pytest.raises(InputError, match="not valid gzip"):
        read_input(str(path))


def test_concatenated_gzip_members_are_one_page(tmp_path: Path) -> None:
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(PAGE[:20]) + gzip.compress(PAGE[20:]))
    assert read_input(str(path)).data == PAGE


def test_a_missing_file(tmp_path: Path) -> None:
    assert _one_line_error(str(tmp_path / "nope.html")).startswith("no such file: ")


def test_a_directory(tmp_path: Path) -> None:
    assert "is a directory" in _one_line_error(str(tmp_path))


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads anything")
def test_permission_denied(tmp_path: Path) -> None:
    path = tmp_path / "secret.html"
    path.write_bytes(PAGE)
    path.chmod(0)
    try:
        assert _one_line_error(str(path)).startswith("permission denied: ")
    finally:
        path.chmod(0o600)


@pytest.mark.parametrize("content", [b"", b"  \n\t\n"])
def test_an_empty_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    assert _one_line_error(str(path)) == f"{path} is empty"


def test_a_file_over_the_limit_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 2000)
    assert "too large (2,000 bytes; the limit is 1,000)" in _one_line_error(
        str(path), max_bytes=1000
    )


def test_a_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "image.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    assert "looks like binary data" in _one_line_error(str(path))


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(PAGE))
    assert read_input("-") == RawInput(PAGE)


def test_stdin_over_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(b"x" * 1001))
    assert "standard input is larger than" in _one_line_error("-", max_bytes=1000)


def test_stdin_at_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(b"x" * 1000))
    assert len(read_input("-", max_bytes=1000).data) == 1000


def test_empty_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(b""))
    assert _one_line_error("-") == "standard input is empty"


@pytest.fixture
def served(tmp_path: Path) -> Iterator[str]:
    """A real HTTP server on 127.0.0.1 serving tmp_path."""
    (tmp_path / "page.html").write_bytes(PAGE)

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            """Keep the test output quiet."""

    handler = functools.partial(Quiet, directory=str(tmp_path))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_a_url_is_fetched(served: str) -> None:
    raw = read_input(f"{served}/page.html")
    assert raw.data == PAGE
    assert raw.url == f"{served}/page.html"
    assert raw.path is None
    assert raw.content_type is not None and raw.content_type.startswith("text/html")


def test_a_missing_url(served: str) -> None:
    assert _one_line_error(f"{served}/gone.html").startswith("HTTP 404 File not found for URL")
