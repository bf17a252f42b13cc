"""What the Analyse page receives: a pasted text or an uploaded page, read under a size limit.

A form too big is a 413 and one that cannot be parsed a 400, before anything
is analysed; a page the pipeline cannot read is a 422 with its reason.
"""

from __future__ import annotations

import hashlib

from fastapi import Request
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.formparsers import MultiPartException

from newsgraph.errors import NewsgraphError
from newsgraph.model import Article
from newsgraph.serve.views import PageError

MAX_UPLOAD_BYTES = 5_000_000  # a news page is rarely over 1 MB; this is far past any


async def submitted(request: Request) -> tuple[bytes, str | None, bool]:
    """The page sent (an upload, else the pasted text), its file name, and whether to store."""
    declared = request.headers.get("content-length", "0")
    if not declared.isdigit():
        raise PageError(400, "the request's Content-Length is not a number")
    if int(declared) > MAX_UPLOAD_BYTES:
        raise PageError(413, f"the upload is over {MAX_UPLOAD_BYTES // 1_000_000} MB")
    try:
        form = await request.form(max_files=1, max_fields=5, max_part_size=MAX_UPLOAD_BYTES)
    except (HTTPException, MultiPartException) as exc:  # a malformed body: the sender's mistake
        detail = exc.detail if isinstance(exc, HTTPException) else exc.message
        raise PageError(400, f"the form could not be read: {detail}") from None
    upload, text = form.get("page"), form.get("text")
    raw = b""
    name = None
    if isinstance(upload, UploadFile) and upload.filename:
        raw = await upload.read(MAX_UPLOAD_BYTES + 1)
        name = upload.filename
    elif isinstance(text, str):
        raw = text.encode("utf-8")
    if len(raw) > MAX_UPLOAD_BYTES:
        raise PageError(413, f"the upload is over {MAX_UPLOAD_BYTES // 1_000_000} MB")
    if not raw.strip():
        raise PageError(400, "nothing to analyse: paste some text or choose a file")
    return raw, name, form.get("store") == "on"


def analyse(raw: bytes, name: str | None) -> Article:
    from newsgraph.pipeline import analyze

    try:
        return analyze(raw, path=name)
    except NewsgraphError as exc:
        raise PageError(422, f"could not analyse the page: {exc}") from None


def store(db: str | None, raw: bytes, article: Article) -> int:
    """Store the article under its content's hash (so sending it twice stores it once)."""
    from sqlalchemy.exc import DBAPIError

    from newsgraph.store.db import StoreError, explain, open_store
    from newsgraph.store.write import store_article

    try:
        engine = open_store(db)
    except StoreError as exc:
        raise PageError(503, f"could not store the article: {exc}") from None
    try:
        with engine.begin() as conn:
            _, article_id = store_article(
                conn, "upload:" + hashlib.sha256(raw).hexdigest(), article
            )
    except DBAPIError as exc:
        raise PageError(503, f"could not store the article: {explain(exc, db or '')}") from None
    finally:
        engine.dispose()
    return article_id
