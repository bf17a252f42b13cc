"""`newsgraph serve`: the corpus in a browser, and its JSON API, on this machine by default.

It binds loopback unless told otherwise, and refuses any other address
without a token: on a network, every request must then carry it. The
socket is bound here, before uvicorn starts, so that a port in use is one
line and an exit, like every other mistake.
"""

from __future__ import annotations

import ipaddress
import socket
import sys
from typing import Annotated

import typer

from newsgraph.cli.common import app, fail, say
from newsgraph.store.db import DEFAULT_DB, StoreError


def is_loopback(host: str) -> bool:
    """Whether `host` is this machine only (127.0.0.0/8, ::1, localhost)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _bind(host: str, port: int) -> socket.socket:
    """A listening socket on host:port, or one line saying why there can be none."""
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
    except socket.gaierror as exc:
        raise fail(f"cannot serve on {host}: {exc.strerror}") from None
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise fail(f"cannot serve on {host}:{port}: {exc.strerror or exc}", 1) from None
    sock.listen(2048)
    return sock


@app.command()
def serve(
    db: Annotated[
        str, typer.Option("--db", help="The corpus: a SQLite file or a postgresql:// URL.")
    ] = DEFAULT_DB,
    host: Annotated[
        str, typer.Option(help="Address to listen on; any but loopback needs --token.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port to listen on.")] = 8765,
    token: Annotated[
        str | None,
        typer.Option(
            envvar="NEWSGRAPH_TOKEN",
            help="Require this token on every request (Authorization: Bearer TOKEN, "
            "or open /login?token=TOKEN once in a browser).",
        ),
    ] = None,
) -> None:
    """Serve the corpus: a web app and a JSON API (/api/v1, documented at /docs)."""
    import uvicorn

    from newsgraph.serve.app import create_app

    if not token and not is_loopback(host):
        raise fail(f"refusing to serve on {host} without --token: anyone who can reach it could")
    try:
        application = create_app(db, token=token)
    except StoreError as exc:
        raise fail(str(exc)) from None
    sock = _bind(host, port)
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{sock.getsockname()[1]}/"
    # plain and flushed: a URL must never wrap, and a script may wait for this line
    print(f"newsgraph: serving {db} at {url}" + (f"login?token={token}" if token else ""))
    sys.stdout.flush()
    say("note", "press Ctrl-C to stop")
    config = uvicorn.Config(application, log_level="warning", access_log=False)
    uvicorn.Server(config).run(sockets=[sock])
