"""The page in a POST: the raw body, or a multipart form's `file` (or `text`) field.

The body is read in chunks and refused (413) as soon as it passes the limit,
whether or not it declared its length; a form that cannot be parsed, or one
with neither field, is a 400; binary data is a 415. Any other content type
(text/html, text/plain, curl's default form encoding) is the page itself.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator

from fastapi import HTTPException, Request
from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException, MultiPartParser

from newsgraph.read.decode import looks_binary

MAX_BYTES = 10_000_000
FORM_HELP = "post the page as the body, or as the multipart form field `file` or `text`"


async def read_page(request: Request, max_bytes: int) -> tuple[bytes, str | None, str | None]:
    """The posted page's bytes, the uploaded file's name and the content type that applies."""
    too_large = HTTPException(413, f"the upload is larger than the limit of {max_bytes:,} bytes")
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise too_large
    body = bytearray()
    async for chunk in request.stream():
        body.extend(chunk)
        if len(body) > max_bytes:
            raise too_large
    content_type = request.headers.get("content-type")
    name = None
    if (content_type or "").lower().startswith("multipart/form-data"):
        data, name, content_type = await _form_page(request, bytes(body), max_bytes)
    else:
        data = bytes(body)
    if not data.strip():
        raise HTTPException(400, f"the request holds no page: {FORM_HELP}")
    if looks_binary(data):
        raise HTTPException(415, "the upload looks like binary data, not a web page or text")
    return data, name, content_type


async def _form_page(
    request: Request, body: bytes, max_bytes: int
) -> tuple[bytes, str | None, str | None]:
    async def stream() -> AsyncGenerator[bytes, None]:
        yield body

    parser = MultiPartParser(request.headers, stream(), max_files=1, max_part_size=max_bytes)
    try:
        form = await parser.parse()
    except MultiPartException as exc:
        raise HTTPException(400, f"malformed multipart upload: {exc.message}") from None
    try:
        upload, text = form.get("file"), form.get("text")
        if isinstance(upload, UploadFile):
            data = await upload.read()
            return data, upload.filename, upload.content_type
        if isinstance(text, str):
            return text.encode("utf-8"), None, "text/plain; charset=utf-8"
        raise HTTPException(400, f"the form holds no page: {FORM_HELP}")
    finally:
        await form.close()
