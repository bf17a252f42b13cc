"""fetch_url against a real HTTP server on 127.0.0.1, started for these tests."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from newsgraph.errors import InputError
from newsgraph.read.fetch import USER_AGENT, fetch_url

PAGE = b"<html><body><p>Hello from the test server.</p></body></html>"
SEEN_AGENTS: list[str] = []


class _Handler(BaseHTTPRequestHandler):
    """One path per behaviour under test."""

    def do_GET(self) -> None:
        SEEN_AGENTS.append(self.headers.get("User-Agent", ""))
        if self.path == "/ok":
            self._send(200, "text/html; charset=utf-8", PAGE)
        elif self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/ok")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path == "/missing":
            self._send(404, "text/html", b"<p>nothing here</p>")
        elif self.path == "/broken":
            self._send(500, "text/html", b"<p>oops</p>")
        elif self.path == "/image":
            self._send(200, "image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
        elif self.path == "/pdf":
            self._send(200, "application/pdf", b"%PDF-1.7\n")
        elif self.path == "/slow":
            time.sleep(2)
            self._send(200, "text/html", PAGE)
        elif self.path == "/big-declared":
            self._send(200, "text/html", b"x" * 5000)
        elif self.path == "/big-streamed":
            # no Content-Length: the size is only known by reading
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Connection", "close")
            self.end_headers()
            for _ in range(50):
                self.wfile.write(b"y" * 1000)
        else:
            self._send(404, "text/plain", b"unknown test path")

    def _send(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Keep the test output quiet."""


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_a_page_comes_back_with_its_content_type(server: str) -> None:
    data, content_type = fetch_url(f"{server}/ok")
    assert data == PAGE
    assert content_type == "text/html; charset=utf-8"
    assert SEEN_AGENTS[-1] == USER_AGENT


def test_redirects_are_followed(server: str) -> None:
    assert fetch_url(f"{server}/moved")[0] == PAGE


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/missing", "HTTP 404 Not Found for URL"),
        ("/broken", "HTTP 500 Internal Server Error for URL"),
        ("/image", r"not a web page or text \(Content-Type image/png\)"),
        ("/pdf", r"not a web page or text \(Content-Type application/pdf\)"),
    ],
)
def test_errors_and_non_text_are_refused(server: str, path: str, message: str) -> None:
    with pytest.raises(InputError, match=message) as info:
        fetch_url(f"{server}{path}")
    assert "\n" not in str(info.value)


def test_a_slow_server_times_out(server: str) -> None:
    start = time.monotonic()
    with pytest.raises(InputError, match=r"timed out after 0\.5 s"):
        fetch_url(f"{server}/slow", timeout=0.5)
    assert time.monotonic() - start < 2


@pytest.mark.parametrize("path", ["/big-declared", "/big-streamed"])
def test_a_body_over_the_limit_is_refused(server: str, path: str) -> None:
    with pytest.raises(InputError, match="larger than the limit of 1,000 bytes"):
        fetch_url(f"{server}{path}", max_bytes=1000)


def test_a_refused_connection_is_one_clear_error() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(InputError, match="could not fetch"):
        fetch_url(f"http://127.0.0.1:{port}/", timeout=2)


def test_a_malformed_url_is_one_clear_error() -> None:
    with pytest.raises(InputError, match="invalid URL"):
        fetch_url("http://exa mple.com:notaport/")
