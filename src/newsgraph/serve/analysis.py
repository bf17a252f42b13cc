"""Pages posted to the server, analysed in a guarded worker process.

The server never imports spaCy: each page goes to one long-lived worker
(`run.guard.Guarded`) that is killed and replaced when a page overruns the
time limit, so a page that stalls inside C code costs its own request a 422,
not the server. The worker loads its model with the first page.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from newsgraph.errors import TIME_LIMIT_S, NewsgraphError
from newsgraph.model import InputKind


@dataclass(slots=True, frozen=True)
class Upload:
    """One posted page and how to read it; `name` is the uploaded file's name, if any."""

    data: bytes
    input: InputKind | None = None
    published: str | None = None
    name: str | None = None
    content_type: str | None = None  # its charset, if it gives one, decodes the bytes
    sign: bool = False  # also compute the MinHash signature, for storing
    time_limit_s: float = TIME_LIMIT_S

    def key(self) -> str:
        """The input key for the corpus: the same page posted the same way is the same input."""
        digest = hashlib.sha256()
        for part in (self.input or "", self.published or ""):
            digest.update(part.encode() + b"\0")
        digest.update(self.data)
        return f"api:{digest.hexdigest()}"


@dataclass(slots=True)
class Analysed:
    """What the worker made of an upload: the article's JSON (and signature), or why not."""

    article: dict[str, Any] | None = None
    signature: bytes | None = None
    error: str | None = None


def analyse(upload: Upload) -> Analysed:
    """Read and analyse one upload (in the worker); failures come back as one line."""
    from newsgraph.errors import one_line_errors
    from newsgraph.pipeline import analyze

    try:
        with one_line_errors():
            article = analyze(
                upload.data,
                input=upload.input,
                published=upload.published,
                path=upload.name,
                content_type=upload.content_type,
                time_limit_s=upload.time_limit_s,
            )
            if not article.body.strip():
                return Analysed(error="no article body found")
            signature = None
            if upload.sign:
                from newsgraph.store import stories

                signature = stories.signature(article.text)
            return Analysed(article.to_dict(), signature)
    except NewsgraphError as exc:
        return Analysed(error=str(exc))


def failed(upload: Upload, reason: str) -> Analysed:
    """The outcome of an upload whose worker was stopped: overrun, or died."""
    return Analysed(error=reason)


def warm_up() -> None:
    """Load everything analysis uses before the first page, so that its limit does not pay."""
    from newsgraph.pipeline import warm_up as load

    load(everything=True)
