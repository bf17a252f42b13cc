"""The JSON API, `/api/v1/...`: the CLI's questions over HTTP, through the same query layer.

Lists answer `{"items": [...], "next": CURSOR}`: `next` is null on the last page,
else passed back as `cursor` (with the same filters) for the page after. A
cursor is opaque; it holds the position and a digest of the filters, so one
reused with other filters is refused rather than silently wrong. Every route
but `/analyze` and `/ingest` reads through the read-only engine, so a query
cannot write; `/ingest` alone writes, through an engine of its own.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from collections.abc import Iterator, Sequence
from datetime import date
from threading import Lock
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from pydantic import BeforeValidator
from sqlalchemy import Connection, Engine, select

from newsgraph.model import Article, InputKind
from newsgraph.query.articles import article_record, find_articles
from newsgraph.query.entities import EntityCount, entity_by_id, entity_details, top_entities
from newsgraph.query.events import find_events
from newsgraph.query.overview import overview
from newsgraph.query.quotes import find_quotes
from newsgraph.query.timeline import (
    EventRole,
    event_days,
    event_entries,
    timeline_counts,
    timeline_entries,
)
from newsgraph.serve.analysis import Analysed, Upload
from newsgraph.serve.uploads import read_page
from newsgraph.store.schema import article_sources
from newsgraph.store.write import store_article

router = APIRouter()
MAX_LIMIT = 200

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page.")]
Cursor = Annotated[str | None, Query(description="`next` of the previous page.")]
Day = Annotated[
    date | None,
    BeforeValidator(lambda value: None if value == "" else value),  # `since=`: not given
    Query(description="YYYY-MM-DD, inclusive, on the publication day."),
]
_PAGE_BODY = {
    "requestBody": {
        "description": "The page: HTML, a whole-page text dump or clean text, as the body "
        "or as the multipart form field `file` (or `text`).",
        "content": {
            "text/html": {"schema": {"type": "string"}},
            "text/plain": {"schema": {"type": "string"}},
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "file": {"type": "string", "format": "binary"},
                        "text": {"type": "string"},
                    },
                }
            },
        },
    }
}


def reader(request: Request) -> Iterator[Connection]:
    """A connection from the read-only engine, for one request."""
    with request.app.state.engine.connect() as conn:
        yield conn


Reader = Annotated[Connection, Depends(reader)]


def _digest(filters: dict[str, Any]) -> str:
    text = json.dumps(filters, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def _offset(cursor: str | None, filters: dict[str, Any]) -> int:
    """Where a page starts: 0 without a cursor; a cursor that is not ours is a 400."""
    if cursor is None:
        return 0
    try:
        state = json.loads(base64.urlsafe_b64decode(cursor.encode() + b"=" * (-len(cursor) % 4)))
        offset, digest = int(state["o"]), str(state["f"])
    except (ValueError, KeyError, TypeError, binascii.Error):
        raise HTTPException(400, "not a cursor from this API: pass `next` as it came") from None
    if digest != _digest(filters) or offset < 0:
        raise HTTPException(400, "the cursor belongs to a list with other filters")
    return offset


def _page(rows: Sequence[Any], limit: int, offset: int, filters: dict[str, Any]) -> dict[str, Any]:
    """One page of `rows` (fetched with one row more than `limit`, to know if more follow)."""
    more = len(rows) > limit
    state = json.dumps({"o": offset + limit, "f": _digest(filters)}).encode()
    cursor = base64.urlsafe_b64encode(state).decode().rstrip("=") if more else None
    return {"items": [r.to_dict() for r in rows[:limit]], "next": cursor}


@router.get("/articles")
def articles(
    conn: Reader,
    q: Annotated[str | None, Query(description='Words that must all appear; "phrases".')] = None,
    since: Day = None,
    until: Day = None,
    entity: Annotated[str | None, Query(description="An entity named in it.")] = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> dict[str, Any]:
    """Stored articles: best matches first with `q`, else newest first."""
    filters = {"q": q, "since": since, "until": until, "entity": entity}
    offset = _offset(cursor, filters)
    rows = find_articles(conn, q, since, until, entity, limit=limit + 1, offset=offset)
    return _page(rows, limit, offset, filters)


@router.get("/articles/{article_id}")
def article(conn: Reader, article_id: int) -> dict[str, Any]:
    """One stored article's full record (schema newsgraph.article/1)."""
    record = article_record(conn, article_id)
    if record is None:
        raise HTTPException(404, f"no article {article_id}")
    return record


@router.get("/quotes")
def quotes(
    conn: Reader,
    speaker: Annotated[str | None, Query(description="Said by: entity or speaker.")] = None,
    about: Annotated[str | None, Query(description="About: an entity, or words.")] = None,
    since: Day = None,
    until: Day = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> dict[str, Any]:
    """Quotes by speaker, topic and publication date, oldest article first."""
    filters = {"speaker": speaker, "about": about, "since": since, "until": until}
    offset = _offset(cursor, filters)
    rows = find_quotes(conn, speaker, about, since, until, limit=limit + 1, offset=offset)
    return _page(rows, limit, offset, filters)


@router.get("/events")
def events(
    conn: Reader,
    actor: Annotated[
        str | None, Query(description="Done by: entity, words or country code.")
    ] = None,
    recipient: Annotated[
        str | None, Query(description="Done to: entity, words or country code.")
    ] = None,
    type: Annotated[str | None, Query(description="A PLOVER type, e.g. ASSAULT.")] = None,
    since: Day = None,
    until: Day = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> dict[str, Any]:
    """Events by actor, recipient, PLOVER type and the days their dates cover, earliest first."""
    filters = {"actor": actor, "recipient": recipient, "type": type, "since": since, "until": until}
    offset = _offset(cursor, filters)
    rows = find_events(conn, actor, recipient, type, since, until, limit=limit + 1, offset=offset)
    return _page(rows, limit, offset, filters)


@router.get("/entities")
def entities(
    conn: Reader,
    type: Annotated[str | None, Query(description="PERSON, ORG, GPE, LOC, NORP…")] = None,
    q: Annotated[str | None, Query(description="A part of the name or key.")] = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> dict[str, Any]:
    """Entities, those in most articles first."""
    filters = {"type": type, "q": q}
    offset = _offset(cursor, filters)
    rows = top_entities(conn, top=limit + 1, type=type, name=q, offset=offset)
    return _page(rows, limit, offset, filters)


Role = Annotated[
    Literal["said", "about"] | None, Query(description="said: by it; about: mentioning it.")
]


@router.get("/entities/{entity_id}/timeline")
def entity_timeline(
    conn: Reader,
    entity_id: int,
    role: Role = None,
    since: Day = None,
    until: Day = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> dict[str, Any]:
    """Statements the entity made (`role` said) or that mention it (about), oldest first."""
    _entity(conn, entity_id)
    filters = {"entity": entity_id, "role": role, "since": since, "until": until}
    offset = _offset(cursor, filters)
    rows = timeline_entries(conn, entity_id, role, since, until, limit=limit + 1, offset=offset)
    return _page(rows, limit, offset, filters)


EventRoleParam = Annotated[
    EventRole | None, Query(description="actor: what it did; recipient: what it had done to it.")
]


@router.get("/entities/{entity_id}/events")
def entity_events(
    conn: Reader,
    entity_id: int,
    role: EventRoleParam = None,
    since: Day = None,
    until: Day = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> dict[str, Any]:
    """Events the entity did (`role` actor) or had done to it (recipient), earliest first;
    dates compare on the event's day (the first its date covers, else its article's)."""
    found = _entity(conn, entity_id)
    filters = {"entity": entity_id, "role": role, "since": since, "until": until}
    offset = _offset(cursor, filters)
    rows = event_entries(conn, found, role, since, until, limit=limit + 1, offset=offset)
    return _page(rows, limit, offset, filters)


@router.get("/entities/{entity_id}")
def entity(conn: Reader, entity_id: int) -> dict[str, Any]:
    """One entity: counts, identity, names and titles; its statements and events counted per
    month (`by_month`), and the first page of its timeline and of its events."""
    found = _entity(conn, entity_id)
    return {
        **found.to_dict(),
        **entity_details(conn, entity_id),
        "by_month": _by_month(timeline_counts(conn, entity_id), event_days(conn, found)),
        "timeline": entity_timeline(conn, entity_id),
        "events": entity_events(conn, entity_id),
    }


def _entity(conn: Connection, entity_id: int) -> EntityCount:
    found = entity_by_id(conn, entity_id)
    if found is None:
        raise HTTPException(404, f"no entity {entity_id}")
    return found


def _by_month(
    statements: list[dict[str, Any]], events: list[tuple[str, EventRole, int]]
) -> list[dict[str, Any]]:
    """`{month, said, about, actor, recipient}` per month, oldest first: the statements'
    counts with the dated events added."""
    months = {m["month"]: {**m, "actor": 0, "recipient": 0} for m in statements}
    for day, role, n in events:
        if day:
            empty = {"month": day[:7], "said": 0, "about": 0, "actor": 0, "recipient": 0}
            months.setdefault(day[:7], empty)[role] += n
    return [months[m] for m in sorted(months)]


@router.get("/stats")
def stats(
    conn: Reader, top: Annotated[int, Query(ge=1, le=100, description="How many of each.")] = 5
) -> dict[str, Any]:
    """What the corpus holds: sizes, the most quoted speakers, the most covered entities."""
    found = overview(conn, top)
    return {
        "articles": found.articles,
        "stories": found.stories,
        "entities": found.entities,
        "quotes": found.quotes,
        "failures": found.failures,
        "speakers": [{"name": n, "quotes": c} for n, c in found.speakers],
        "covered": [{"name": n, "type": t, "articles": c} for n, t, c in found.covered],
    }


async def _upload(
    request: Request, input: InputKind | None, published: date | None, sign: bool
) -> Upload:
    state = request.app.state
    data, name, content_type = await read_page(request, state.max_upload_bytes)
    return Upload(
        data,
        input=input,
        published=published.isoformat() if published else None,
        name=name,
        content_type=content_type,
        sign=sign,
        time_limit_s=state.time_limit_s,
    )


async def _analysed(request: Request, upload: Upload) -> Analysed:
    done: Analysed = await run_in_threadpool(request.app.state.analyser().run, upload)
    if done.error is not None:
        raise HTTPException(422, f"cannot analyse the page: {done.error}")
    return done


InputParam = Annotated[
    InputKind | None, Query(description="html, textdump or text; detected when not given.")
]
PublishedParam = Annotated[
    date | None, Query(description="Publication date (YYYY-MM-DD), overriding the page's.")
]


@router.post("/analyze", openapi_extra=_PAGE_BODY)
async def analyze(
    request: Request, input: InputParam = None, published: PublishedParam = None
) -> dict[str, Any]:
    """Analyse one page and return its article JSON (schema newsgraph.article/1); stores nothing."""
    done = await _analysed(request, await _upload(request, input, published, sign=False))
    assert done.article is not None
    return done.article


@router.post("/ingest", openapi_extra=_PAGE_BODY)
async def ingest(
    request: Request, input: InputParam = None, published: PublishedParam = None
) -> dict[str, Any]:
    """Analyse one page and store it: `outcome` is stored, duplicate (its text was already
    stored) or done (this very input was already stored: nothing is analysed again)."""
    upload = await _upload(request, input, published, sign=True)
    key = upload.key()
    writer = await run_in_threadpool(request.app.state.writer)  # opened on first use
    found = await run_in_threadpool(_stored_id, writer, key)
    if found is not None:
        outcome, stored = "done", found
    else:
        done = await _analysed(request, upload)
        assert done.article is not None
        article = Article.from_dict(done.article)
        lock = request.app.state.write_lock
        outcome, stored = await run_in_threadpool(
            _store, writer, lock, key, article, done.signature
        )
    record = await run_in_threadpool(_record, request.app.state.engine, stored)
    return {"outcome": outcome, "id": stored, "article": record}


def _record(engine: Engine, article_id: int) -> dict[str, Any] | None:
    with engine.connect() as conn:
        return article_record(conn, article_id)


def _stored_id(writer: Engine, key: str) -> int | None:
    with writer.connect() as conn:
        row = conn.execute(
            select(article_sources.c.article_id).where(article_sources.c.input_key == key)
        ).first()
    return int(row[0]) if row else None


def _store(
    writer: Engine, lock: Lock, key: str, article: Article, signature: bytes | None
) -> tuple[str, int]:
    """Store in one transaction, one writer at a time (as `newsgraph ingest` does)."""
    with lock, writer.begin() as conn:
        return store_article(conn, key, article, signature)
