"""The web app's server-rendered pages: home, search, article, entity, network, analyse.

Every page reads through `newsgraph.query`, as the CLI and the API do, and is
rendered as `rendering` says (autoescaped templates, a script policy); the
table pages (quotes, events, export) are in `tables`.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import Connection

from newsgraph.model import Article
from newsgraph.query import QueryError
from newsgraph.query.browse import recent_stories, stored_article
from newsgraph.query.entities import (
    EntityCount,
    entity_by_id,
    entity_details,
    match_entities,
    top_entities,
    top_speakers,
)
from newsgraph.query.network import KINDS, Edge, EdgeKind, edge_events, edge_quotes, network
from newsgraph.query.overview import overview
from newsgraph.query.search import search
from newsgraph.query.timeline import (
    TimelineEntry,
    TimelineEvent,
    event_days,
    event_entries,
    latest_entries,
    latest_events,
    timeline_days,
    timeline_entries,
)
from newsgraph.render.assets import CSS, JS
from newsgraph.serve import tables, upload, views
from newsgraph.serve.cache import cached
from newsgraph.serve.rendering import Conn, day, error_page, page
from newsgraph.serve.views import PageError

router = APIRouter(include_in_schema=False)
router.include_router(tables.router)
LISTED = 50  # statements, and events, listed under an entity's timeline
ENTITY_TYPES = ("PERSON", "ORG", "GPE", "LOC", "NORP")
_KINDS = {"statements": ("said", "about"), "events": ("actor", "recipient")}  # roles by kind


@router.get("/assets/article.css")
def article_css() -> Response:
    """The annotated article's stylesheet, the one `analyze --format html` inlines."""
    return Response(CSS, media_type="text/css")


@router.get("/assets/article.js")
def article_js() -> Response:
    """The annotated article's script, served as a file so the CSP can forbid inline ones."""
    return Response(JS, media_type="text/javascript")


@router.get("/", response_class=HTMLResponse)
def home(request: Request, conn: Conn) -> HTMLResponse:
    """What the corpus holds: sizes, the most quoted, the most covered, recent stories."""
    sizes, speakers, covered, stories = cached(
        request,
        conn,
        "home",
        lambda: (
            overview(conn, top=0),
            top_speakers(conn, 10),
            top_entities(conn, 10),
            recent_stories(conn, 12),
        ),
    )
    return page(
        request,
        "home.html",
        title="Corpus",
        sizes=sizes,
        speakers=speakers,
        covered=covered,
        stories=stories,
    )


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, conn: Conn, q: str = "") -> HTMLResponse:
    """Articles and quotes matching the words of `q`, and the entities it names."""
    if not q.strip():
        return page(request, "search.html", title="Search", q="", found=None, named=[])
    try:
        found = search(conn, q, limit=30)
    except QueryError as exc:
        return error_page(request, PageError(400, str(exc)))
    return page(
        request,
        "search.html",
        title=f"Search: {q}",
        q=q,
        found=found,
        named=cached(request, conn, ("named", q), lambda: match_entities(conn, q)[:10]),
    )


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(
    request: Request, conn: Conn, article_id: int, start: int | None = None, end: int | None = None
) -> HTMLResponse:
    """The annotated article; `start`/`end` pick the statement to show first."""
    stored = stored_article(conn, article_id)
    if stored is None:
        return error_page(request, PageError(404, f"no article {article_id} in the corpus"))
    span = (start, end) if start is not None and end is not None else None
    view = views.article_view(stored.article, stored, span)
    return page(
        request,
        "article.html",
        title=_title(stored.article),
        article=stored.article,
        stored=stored,
        view=view,
    )


@router.get("/entity")
def entity_by_name(request: Request, conn: Conn, name: str = "") -> Response:
    """The page of the entity best matching `name` (as `timeline` chooses it)."""
    found = match_entities(conn, name) if name.strip() else []
    if not found:
        return error_page(request, PageError(404, f"no entity matches {name!r}"))
    return RedirectResponse(f"/entities/{found[0].id}", status_code=303)


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity_page(
    request: Request, conn: Conn, entity_id: int, period: str | None = None
) -> HTMLResponse:
    """Who the entity is, its timeline by week or month, and its counterparts.

    The timeline counts what it said and what was said about it (statements,
    on their article's day) beside what it did and had done to it (events, on
    their own day); `period` lists the items of one bar, else the latest.
    """
    entity = entity_by_id(conn, entity_id)
    if entity is None:
        return error_page(request, PageError(404, f"no entity {entity_id} in the corpus"))
    bounds = views.period_bounds(period) if period else None
    if period and bounds is None:
        return error_page(request, PageError(400, f"no such week or month: {period!r}"))
    days: list[views.Day] = cached(
        request,
        conn,
        ("days", entity_id),
        lambda: [*timeline_days(conn, entity_id), *event_days(conn, entity)],
    )
    totals = {role: sum(n for _, r, n in days if r in roles) for role, roles in _KINDS.items()}
    by = views.granularity(days)
    bars = views.bars(days, by)
    shown, done = cached(
        request,
        conn,
        ("items", entity_id, period),
        lambda: _items(conn, entity, bounds, days),
    )
    chart = {
        "labels": [b.period for b in bars],
        "said": [b.said for b in bars],
        "about": [b.about for b in bars],
        "did": [b.actor for b in bars],
        "done_to": [b.recipient for b in bars],
        "links": [f"/entities/{entity_id}?period={b.period}#items" for b in bars],
    }
    return page(
        request,
        "entity.html",
        title=entity.name,
        entity=entity,
        details=entity_details(conn, entity_id),
        chart=chart,
        by=by,
        period=period,
        shown=shown,
        done=done,
        listed=LISTED,
        totals=totals,
        undated=sum(n for day, _, n in days if views.day_of(day) is None),
        counterparts=cached(
            request,
            conn,
            ("counterparts", entity_id),
            lambda: network(conn, entity=entity_id, limit=12),
        ),
    )


def _items(
    conn: Connection,
    entity: EntityCount,
    bounds: tuple[date, date] | None,
    days: list[views.Day],
) -> tuple[list[TimelineEntry], list[TimelineEvent]]:
    """The statements and events of one period (`bounds`), earliest first; else the latest
    `LISTED` of each, newest first."""
    if bounds:
        first, last = bounds
        return (
            timeline_entries(conn, entity.id, since=first, until=last, limit=LISTED),
            event_entries(conn, entity, since=first, until=last, limit=LISTED),
        )
    said = [(d, r, n) for d, r, n in days if r == "said" or r == "about"]
    done = [(d, r, n) for d, r, n in days if r == "actor" or r == "recipient"]
    return latest_entries(conn, entity.id, said, LISTED), latest_events(conn, entity, done, LISTED)


@router.get("/network", response_class=HTMLResponse)
def network_page(
    request: Request,
    conn: Conn,
    type: str = "",
    since: str = "",
    until: str = "",
    min_weight: Annotated[int, Query(ge=1, le=1000)] = 1,
    kind: Annotated[EdgeKind | None, Query()] = None,
) -> HTMLResponse:
    """Who talks about whom and who does what to whom, drawn as a graph; filters as query
    parameters (`kind`: statements or events only)."""
    try:
        first, last = day(since, "since"), day(until, "until")
    except PageError as exc:
        return error_page(request, exc)
    kinds = (kind,) if kind else KINDS
    edges = cached(
        request,
        conn,
        ("network", type, first, last, min_weight, kinds),
        lambda: [
            e
            for k in kinds
            for e in network(
                conn,
                type=type or None,
                since=first,
                until=last,
                min_weight=min_weight,
                limit=300,
                kind=k,
            )
        ],
    )
    return page(
        request,
        "network.html",
        title="Network",
        graph=_graph(edges),
        edges=edges,
        types=ENTITY_TYPES,
        kinds=KINDS,
        filters={
            "type": type,
            "since": since,
            "until": until,
            "min_weight": min_weight,
            "kind": kind or "",
        },
    )


def _edge_href(edge: Edge) -> str:
    """The page listing the statements or events behind an edge."""
    return f"/network/edge?source={edge.source}&target={edge.target}&kind={edge.kind}"


def _graph(edges: list[Edge]) -> dict[str, Any]:
    """The nodes and edges the network's script draws."""
    nodes: dict[int, dict[str, Any]] = {}
    for e in edges:
        for id_, name, kind in (
            (e.source, e.source_name, e.source_type),
            (e.target, e.target_name, e.target_type),
        ):
            nodes.setdefault(
                id_, {"id": f"n{id_}", "label": name, "type": kind, "href": f"/entities/{id_}"}
            )
    return {
        "nodes": list(nodes.values()),
        "edges": [
            {
                "id": f"{e.kind[0]}{e.source}-{e.target}",
                "source": f"n{e.source}",
                "target": f"n{e.target}",
                "weight": e.weight,
                "kind": e.kind,
                "href": _edge_href(e),
            }
            for e in edges
        ],
    }


@router.get("/network/edge", response_class=HTMLResponse)
def edge_page(
    request: Request, conn: Conn, source: int, target: int, kind: EdgeKind = "statements"
) -> HTMLResponse:
    """The statements (or events) behind one edge of the network."""
    who, whom = entity_by_id(conn, source), entity_by_id(conn, target)
    if who is None or whom is None:
        return error_page(request, PageError(404, "no such entities in the corpus"))
    if kind == "events":
        title, rows = f"{who.name} to {whom.name}", edge_events(conn, source, target)
        return page(request, "edge.html", title=title, who=who, whom=whom, kind=kind, rows=rows)
    title, quoted = f"{who.name} on {whom.name}", edge_quotes(conn, source, target)
    return page(request, "edge.html", title=title, who=who, whom=whom, kind=kind, rows=quoted)


@router.get("/analyse", response_class=HTMLResponse)
def analyse_form(request: Request) -> HTMLResponse:
    return page(request, "analyse.html", title="Analyse", view=None, article=None)


@router.post("/analyse", response_class=HTMLResponse)
async def analyse_page(request: Request) -> Response:
    """Pasted text or an uploaded page, analysed at once; stored too when asked."""
    try:
        sent, store = await upload.submitted(request)
        done = await upload.analysed(request, sent)
        if store:
            article_id = await upload.stored(request, sent, done)
            return RedirectResponse(f"/articles/{article_id}", status_code=303)
    except PageError as exc:
        return error_page(request, exc)
    article = Article.from_dict(done.article or {})
    return page(
        request,
        "analyse.html",
        title=_title(article),
        article=article,
        view=views.article_view(article),
    )


def _title(article: Article) -> str:
    return article.title or next(iter(article.blocks_of("title")), None) or "Untitled article"
