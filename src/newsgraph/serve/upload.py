"""What the Analyse page receives: pasted text or a chosen file, read under the upload limit.

The page's own form (field `page` for the file, `text` for pasted text, a
`store` box), read here because a browser sends an empty file part when no
file was chosen, which must fall back to the text. The analysis itself is the
API's: the same guarded worker, under the same time limit (`serve.analysis`),
and storing goes through the app's one writer, under the same input key, so a
page sent through the form and through `POST /api/v1/ingest` is one input.
A form too big is a 413, one that cannot be parsed a 400, a page that cannot
be read a 422 with its reason.
"""

from __future__ import annotations

from fastapi import Request
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.formparsers import MultiPartException

from newsgraph.model import Article
from newsgraph.serve.analysis import Analysed, Upload
from newsgraph.serve.views import PageError


async def submitted(request: Request) -> tuple[Upload, bool]:
    """The page sent (the file, else the pasted text), and whether to store it."""
    limit = int(request.app.state.max_upload_bytes)
    too_big = PageError(413, f"the upload is larger than the limit of {limit:,} bytes")
    declared = request.headers.get("content-length", "0")
    if not declared.isdigit():
        raise PageError(400, "the request's Content-Length is not a number")
    if int(declared) > limit:
        raise too_big
    try:
        form = await request.form(max_files=1, max_fields=5, max_part_size=limit)
    except (HTTPException, MultiPartException) as exc:  # a malformed body: the sender's mistake
        detail = exc.detail if isinstance(exc, HTTPException) else exc.message
        raise PageError(400, f"the form could not be read: {detail}") from None
    upload, text = form.get("page"), form.get("text")
    data, name, content_type = b"", None, None
    if isinstance(upload, UploadFile) and upload.filename:
        data = await upload.read(limit + 1)
        name, content_type = upload.filename, upload.content_type
    elif isinstance(text, str):
        data, content_type = text.encode("utf-8"), "text/plain; charset=utf-8"
    await form.close()
    if len(data) > limit:
        raise too_big
    if not data.strip():
        raise PageError(400, "nothing to analyse: paste some text or choose a file")
    store = form.get("store") == "on"
    page = Upload(
        data,
        name=name,
        content_type=content_type,
        sign=store,
        time_limit_s=request.app.state.time_limit_s,
    )
    return page, store


async def analysed(request: Request, upload: Upload) -> Analysed:
    """The upload analysed by the app's guarded worker; a page it cannot read is a 422."""
    done: Analysed = await run_in_threadpool(request.app.state.analyser().run, upload)
    if done.error is not None or done.article is None:
        raise PageError(422, f"could not analyse the page: {done.error}")
    return done


async def stored(request: Request, upload: Upload, done: Analysed) -> int:
    """Store the analysed upload through the app's writer; the article's id."""
    from newsgraph.store.write import store_article

    state = request.app.state
    article = Article.from_dict(done.article or {})

    def write() -> int:
        with state.write_lock, state.writer().begin() as conn:
            return store_article(conn, upload.key(), article, done.signature)[1]

    return await run_in_threadpool(write)
