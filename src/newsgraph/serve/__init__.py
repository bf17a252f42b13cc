"""`newsgraph serve`: the corpus over HTTP — a versioned JSON API and a web app.

`app.py` builds the one FastAPI application; `api.py` holds the JSON routes
(`/api/v1/...`), `pages.py` the server-rendered pages, with their templates
and their vendored scripts and styles in `templates/` and `static/`. Both
read through the same query layer as the CLI (`newsgraph.query`).
"""
