"""Fetch a page over HTTP(S) with a time limit and a size limit, failing with one clear line."""

from __future__ import annotations

import time

import httpx

from newsgraph.errors import InputError

USER_AGENT = "newsgraph/0.1 (+https://pypi.org/project/newsgraph/)"
_ACCEPT = "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5"
# media types we can read besides text/*; a missing Content-Type is sniffed later
_TEXT_TYPES = {
    "application/xhtml+xml",
    "application/xml",
    "application/rss+xml",
    "application/atom+xml",
    "application/json",
    "application/ld+json",
}


def fetch_url(
    url: str, *, timeout: float = 20.0, max_bytes: int = 20_000_000
) -> tuple[bytes, str | None]:
    """The body and Content-Type of a URL, following redirects.

    `timeout` bounds every network wait and the whole download, so that a server that
    trickles bytes cannot hold a worker forever.
    """
    deadline = time.monotonic() + timeout
    headers = {"User-Agent": USER_AGENT, "Accept": _ACCEPT}
    try:
        with (
            httpx.Client(follow_redirects=True, timeout=timeout, headers=headers) as client,
            client.stream("GET", url) as response,
        ):
            _check_response(response, url, max_bytes)
            body = bytearray()
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > max_bytes:
                    raise InputError(f"{url} is larger than the limit of {max_bytes:,} bytes")
                if time.monotonic() > deadline:
                    raise httpx.ReadTimeout("download took too long")
            return bytes(body), response.headers.get("content-type")
    except httpx.TimeoutException:
        raise InputError(f"timed out after {timeout:g} s fetching {url}") from None
    except httpx.TooManyRedirects:
        raise InputError(f"too many redirects fetching {url}") from None
    except (httpx.InvalidURL, httpx.UnsupportedProtocol) as err:
        raise InputError(f"invalid URL {url}: {err}") from None
    except httpx.HTTPError as err:
        reason = str(err) or type(err).__name__
        raise InputError(f"could not fetch {url}: {reason}") from None


def _check_response(response: httpx.Response, url: str, max_bytes: int) -> None:
    """Refuse error statuses, non-text media and a declared size over the limit."""
    if response.status_code >= 400:
        raise InputError(f"HTTP {response.status_code} {response.reason_phrase} for URL {url}")
    content_type = response.headers.get("content-type")
    if content_type and not is_text_type(content_type):
        media = content_type.split(";")[0].strip()
        raise InputError(f"{url} is not a web page or text (Content-Type {media})")
    length = response.headers.get("content-length", "")
    if length.isdigit() and int(length) > max_bytes:
        raise InputError(f"{url} is larger than the limit of {max_bytes:,} bytes")


def is_text_type(content_type: str) -> bool:
    """Whether a Content-Type names text that a page reader can use."""
    media = content_type.split(";")[0].strip().lower()
    return media.startswith("text/") or media in _TEXT_TYPES or media.endswith("+xml")
