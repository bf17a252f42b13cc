"""The unit of work every executor runs: one page input in, one result out.

Both engines call `process` on each input and hand the results, in input
order, to `write_results`; that is what makes their corpora identical.
"""

from __future__ import annotations

import base64
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError

from newsgraph.errors import TIME_LIMIT_S, NewsgraphError, one_line_errors
from newsgraph.model import Article, InputKind
from newsgraph.read.sources import InputFailure, PageInput, load_page
from newsgraph.store import StoreError
from newsgraph.store.db import explain, refresh_statistics
from newsgraph.store.write import record_failure, store_article


@dataclass(slots=True)
class Result:
    """What became of one input: an analysed article (with its MinHash) or why it failed."""

    key: str
    article: Article | None = None
    signature: bytes | None = None
    failure: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form, for shard files."""
        return {
            "key": self.key,
            "article": self.article.to_dict() if self.article else None,
            "signature": base64.b64encode(self.signature).decode() if self.signature else None,
            "failure": self.failure,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Result:
        article, sig = data.get("article"), data.get("signature")
        return cls(
            key=data["key"],
            article=Article.from_dict(article) if article else None,
            signature=base64.b64decode(sig) if sig else None,
            failure=data.get("failure"),
        )


@dataclass(slots=True, frozen=True)
class Options:
    """How every page of a run is analysed (sent to each worker with its inputs)."""

    time_limit_s: float = TIME_LIMIT_S
    published: str | None = None  # for pages whose input, text, URL and path give no date


DEFAULTS = Options()


def process(item: PageInput | InputFailure, options: Options = DEFAULTS) -> Result:
    """Read (fetching URLs), clean and analyse one input; any failure becomes a reason."""
    # here, not above: only the workers that analyse need spaCy, trafilatura and MinHash
    from newsgraph.pipeline import analyze
    from newsgraph.store import stories

    if isinstance(item, InputFailure):
        return Result(item.key, failure=item.reason)
    try:
        with one_line_errors():
            page = load_page(item)
            assert page.data is not None  # load_page fills it or raises
            article = analyze(
                page.data,
                published=page.published,
                default_published=options.published,
                input=_input_kind(page.kind),
                path=page.path,
                url=page.url,
                content_type=page.content_type,
                time_limit_s=options.time_limit_s,
            )
    except NewsgraphError as exc:
        return Result(item.key, failure=str(exc))
    article.warnings[:0] = item.warnings
    if not article.body.strip():
        return Result(item.key, failure="no article body found")
    return Result(item.key, article, stories.signature(article.text))


def _input_kind(kind: str | None) -> InputKind | None:
    """JSONL says "html" or "text"; a "text" page may still be a whole-page dump, so detect it."""
    return "html" if kind == "html" else None


@dataclass(slots=True)
class Tally:
    """What a run did, for the closing report."""

    stored: int = 0
    duplicates: int = 0
    already: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)

    def add(self, outcome: str) -> None:
        if outcome == "stored":
            self.stored += 1
        elif outcome == "duplicate":
            self.duplicates += 1
        else:
            self.already += 1


def write_results(
    engine: Engine, results: Iterable[Result], tally: Tally, batch: int = 1
) -> Iterator[Result]:
    """Store the results `batch` to a transaction, yielding each once it is safely written;
    then bring the planner's statistics up to date for the corpus the run made.

    The local engine writes one input per transaction, so that a kill loses at
    most the page in hand; loading finished Ray shards, whose results are
    already safe on disk, uses large batches (a bulk load).
    """
    stream = iter(results)
    while chunk := list(islice(stream, batch)):
        outcomes: list[str] = []
        with _writing(engine) as conn:
            for result in chunk:
                if result.article is None:
                    record_failure(conn, result.key, result.failure or "unknown failure")
                    outcomes.append("failed")
                else:
                    stored = store_article(conn, result.key, result.article, result.signature)
                    outcomes.append(stored[0])
        for result, outcome in zip(chunk, outcomes, strict=True):
            if outcome == "failed":
                tally.failed.append((result.key, result.failure or "unknown failure"))
            else:
                tally.add(outcome)
            yield result
    with _writing(engine) as conn:
        refresh_statistics(conn)


@contextmanager
def _writing(engine: Engine) -> Iterator[Connection]:
    """A transaction whose database errors are one StoreError line."""
    try:
        with engine.begin() as conn:
            yield conn
    except DBAPIError as exc:
        raise StoreError(explain(exc, engine.url.render_as_string(hide_password=True))) from None
