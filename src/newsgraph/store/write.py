"""Writing analysed articles into the corpus, one transaction per input.

Everything an input produces (the article, its findings, its index entries,
the record that the input is done) is written in one transaction, so a run
killed at any moment leaves each input either wholly stored or not at all;
the next run skips what is done (`done_keys`) and finishes the rest.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any, Literal

from sqlalchemy import Connection, CursorResult, Table, delete, insert, select, tuple_

from newsgraph.model import Article, Entity, Party, TextSpan
from newsgraph.store import fts, stories
from newsgraph.store.derived import add_country, add_derived
from newsgraph.store.events import insert_events
from newsgraph.store.schema import (
    article_entities,
    article_sources,
    articles,
    authors,
    blocks,
    entities,
    failures,
    mentions,
    quantities,
    quotes,
    story_bands,
    timexes,
)

Outcome = Literal["stored", "duplicate", "done"]


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def done_keys(conn: Connection, keys: Iterable[str]) -> set[str]:
    """Which of these inputs are already stored (failures are tried again)."""
    wanted = list(keys)
    found: set[str] = set()
    for i in range(0, len(wanted), 500):  # stay under SQLite's bound-parameter limit
        chunk = wanted[i : i + 500]
        rows = conn.execute(
            select(article_sources.c.input_key).where(article_sources.c.input_key.in_(chunk))
        )
        found.update(r[0] for r in rows)
    return found


def record_failure(conn: Connection, key: str, reason: str) -> None:
    """Remember why an input failed (replacing an older reason)."""
    conn.execute(delete(failures).where(failures.c.input_key == key))
    conn.execute(insert(failures).values(input_key=key, reason=reason, at=_now()))


def store_article(
    conn: Connection, key: str, article: Article, signature: bytes | None = None
) -> tuple[Outcome, int]:
    """Store one analysed article for input `key`; returns what happened and the article id.

    An input already stored is left alone ("done"); an article whose cleaned
    text is already stored gains `key` as one more source ("duplicate").
    """
    existing = conn.execute(
        select(article_sources.c.article_id).where(article_sources.c.input_key == key)
    ).first()
    if existing:
        return "done", int(existing[0])
    conn.execute(delete(failures).where(failures.c.input_key == key))
    digest = text_hash(article.text)
    same = conn.execute(select(articles.c.id).where(articles.c.text_hash == digest)).first()
    if same:
        _add_source(conn, key, int(same[0]), article)
        return "duplicate", int(same[0])
    sig = signature if signature is not None else stories.signature(article.text)
    article_id = _insert_article(conn, article, digest, sig)
    _add_source(conn, key, article_id, article)
    _insert_findings(conn, article_id, article)
    return "stored", article_id


def _new_id(result: CursorResult[Any]) -> int:
    """The primary key of the row an INSERT just made."""
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _add_source(conn: Connection, key: str, article_id: int, article: Article) -> None:
    conn.execute(
        insert(article_sources).values(
            input_key=key, article_id=article_id, path=article.source.path, url=article.source.url
        )
    )


def _insert_article(conn: Connection, article: Article, digest: str, sig: bytes) -> int:
    """The article row, its story (the nearest stored near duplicate's, else its own), its bands."""
    hashes = stories.bands(sig)
    story = _story_of(conn, sig, hashes)
    result = conn.execute(
        insert(articles).values(
            text_hash=digest,
            story_id=story or 0,
            url=article.source.url,
            title=article.title,
            published=article.published,
            published_source=article.published_source,
            site=article.site,
            language=article.language,
            input_kind=article.source.input,
            text=article.text,
            minhash=sig,
            record=article.to_dict(),
        )
    )
    article_id = _new_id(result)
    if story is None:
        conn.execute(
            articles.update().where(articles.c.id == article_id).values(story_id=article_id)
        )
    conn.execute(
        insert(story_bands),
        [{"band": i, "hash": h, "article_id": article_id} for i, h in enumerate(hashes)],
    )
    fts.index_article(conn, article_id, article.title, article.text)
    return article_id


def _story_of(conn: Connection, sig: bytes, hashes: list[int]) -> int | None:
    """The story of the most similar stored article sharing a band, if similar enough."""
    candidates = set(
        conn.execute(
            select(story_bands.c.article_id)
            .where(tuple_(story_bands.c.band, story_bands.c.hash).in_(list(enumerate(hashes))))
            .distinct()
        ).scalars()
    )
    best, best_story = stories.SAME_STORY, None
    for cid in sorted(candidates):
        row = conn.execute(
            select(articles.c.minhash, articles.c.story_id).where(articles.c.id == cid)
        ).one()
        score = stories.similarity(sig, row[0])
        if score >= best:
            best, best_story = score, int(row[1])
    return best_story


def entity_key(entity: Entity) -> str:
    """The corpus-wide key: ISO country, GeoNames city, ISO province, else actor key and type."""
    if "iso3" in entity.kb:
        return f"iso3:{entity.kb['iso3']}"
    if "geonames" in entity.kb:
        return f"geonames:{entity.kb['geonames']}"
    if "iso3166_2" in entity.kb:
        return f"iso3166_2:{entity.kb['iso3166_2']}"
    return f"{entity.type}:{entity.kb.get('key') or entity.name.lower()}"[:255]


def _entity_ids(conn: Connection, article: Article) -> dict[str, int]:
    """Corpus entity ids for the article's entities, creating the missing ones."""
    ids: dict[str, int] = {}
    for entity in article.entities:
        key = entity_key(entity)
        row = conn.execute(select(entities.c.id).where(entities.c.key == key)).first()
        ids[entity.id] = (
            int(row[0])
            if row is not None
            else _new_id(
                conn.execute(
                    insert(entities).values(
                        key=key,
                        name=entity.name,
                        type=entity.type,
                        kb=entity.kb,
                        codes=entity.codes,
                    )
                )
            )
        )
        if row is None and key.startswith("iso3:"):
            add_country(conn, key.removeprefix("iso3:"))
    return ids


def _insert_findings(conn: Connection, article_id: int, article: Article) -> None:
    ids = _entity_ids(conn, article)
    rows: dict[Table, list[dict[str, Any]]] = {
        blocks: [
            {"article_id": article_id, "seq": i, "kind": b.kind, "start": b.start, "end": b.end}
            for i, b in enumerate(article.blocks)
        ],
        authors: [
            {"article_id": article_id, "seq": i, "name": a.name, "bio": a.bio}
            for i, a in enumerate(article.authors)
        ],
        article_entities: [
            {
                "article_id": article_id,
                "local_id": e.id,
                "entity_id": ids[e.id],
                "name": e.name,
                "titles": list(e.titles),
                "mention_count": len(e.mentions),
            }
            for e in article.entities
        ],
        mentions: [
            {"article_id": article_id, "entity_id": ids[e.id], **m.to_dict()}
            for e in article.entities
            for m in e.mentions
        ],
        timexes: [
            {
                "article_id": article_id,
                "local_id": t.id,
                **t.span.to_dict(),
                "type": t.type,
                "value": t.value,
                "mod": t.mod,
            }
            for t in article.timexes
        ],
        quantities: [
            {
                "article_id": article_id,
                "local_id": q.id,
                **q.span.to_dict(),
                "value": q.value,
                "unit": q.unit,
                "approx": q.approx,
                "bound": q.bound,
                "quote_local_id": q.quote,
            }
            for q in article.quantities
        ],
    }
    for table, values in rows.items():
        if values:
            conn.execute(insert(table), values)
    _insert_quotes(conn, article_id, article, ids)
    insert_events(conn, article_id, article.events, ids)
    add_derived(conn, article_id)


def _insert_quotes(
    conn: Connection, article_id: int, article: Article, ids: dict[str, int]
) -> None:
    indexed: list[tuple[int, str]] = []
    for q in article.quotes:
        row = {
            "article_id": article_id,
            "local_id": q.id,
            "kind": q.kind,
            "content_start": q.content.start,
            "content_end": q.content.end,
            "content": q.content.text,
            **_span("cue", q.cue),
            **_party("speaker", q.speaker, ids),
            **_party("addressee", q.addressee, ids),
            "hedges": [h.to_dict() for h in q.hedges],
            "within_local_id": q.within,
        }
        qid = _new_id(conn.execute(insert(quotes).values(**row)))
        indexed.append((qid, q.content.text))
    fts.index_quotes(conn, indexed)


def _span(name: str, span: TextSpan | None) -> dict[str, object]:
    if span is None:
        return {f"{name}_start": None, f"{name}_end": None, name: None}
    return {f"{name}_start": span.start, f"{name}_end": span.end, name: span.text}


def _party(name: str, party: Party | None, ids: dict[str, int]) -> dict[str, object]:
    values = _span(name, party.span if party else None)
    values[f"{name}_entity_id"] = ids.get(party.entity) if party and party.entity else None
    return values
