"""The web app in a real browser: Debian's chromium, driven by playwright, over a live server.

Never `playwright install` (it downloads a browser): the tests use the system
chromium and skip, saying why, when it or playwright is missing. The server
runs in a thread on a free loopback port over a copy of the test corpus.
With NEWSGRAPH_SCREENSHOTS set to a folder, the main pages are saved there
as PNG (`make screenshots` writes docs/screenshots/).
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsgraph.render.html import to_html

from tests.conftest import SAMPLE
from tests.serve.conftest import IMAGE, XSS_PAGE, store_xss, xss_article

CHROMIUM = Path("/usr/bin/chromium")
playwright_api = pytest.importorskip(
    "playwright.sync_api", reason="needs the playwright package (the dev extra)"
)
if not CHROMIUM.exists():
    if os.environ.get("CI"):
        pytest.fail(f"CI must run the browser tests: .ci/run installs {CHROMIUM}", pytrace=False)
    pytest.skip(f"needs Debian's chromium at {CHROMIUM}", allow_module_level=True)

SHOTS = os.environ.get("NEWSGRAPH_SCREENSHOTS")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def served_db(corpus_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = tmp_path_factory.mktemp("browser") / "corpus.db"
    shutil.copy(corpus_file, copy)
    return copy


@pytest.fixture(scope="module")
def server(served_db: Path) -> Iterator[str]:
    """The base URL of `newsgraph serve`'s app, live on loopback, over a copy of the corpus."""
    import uvicorn

    from newsgraph.serve.app import create_app

    port = _free_port()
    config = uvicorn.Config(
        create_app(str(served_db)), host="127.0.0.1", port=port, log_level="warning"
    )
    live = uvicorn.Server(config)
    thread = threading.Thread(target=live.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not live.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    live.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright_api.sync_playwright() as driver:
        launched = driver.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=["--no-sandbox"]
        )
        yield launched
        launched.close()


@pytest.fixture
def tab(browser: Any) -> Iterator[Any]:
    """A fresh page that fails the test on any script error or CSP violation it reports."""
    context = browser.new_context(viewport={"width": 1200, "height": 800})
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda exc: problems.append(f"script error: {exc}"))
    page.on(
        "console",
        lambda msg: problems.append(msg.text) if msg.type == "error" else None,
    )
    yield page
    context.close()
    assert not problems, problems


def shoot(page: Any, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"))


def test_home_search_and_the_sample_article(server: str, tab: Any) -> None:
    tab.goto(server + "/")
    assert tab.locator("h2", has_text="Most quoted").is_visible()
    assert tab.locator(".ranked a", has_text="Dmitry Peskov").count() >= 1
    shoot(tab, "home")
    tab.fill(".big-search input", "Syria pullout")
    tab.press(".big-search input", "Enter")
    tab.wait_for_url("**/search?q=Syria+pullout")
    hit = tab.locator(".results .hit h3 a", has_text="Putin's Pullout")
    assert hit.count() == 1
    hit.click()
    tab.wait_for_url("**/articles/*")
    peskov = tab.locator(".spk-key", has_text="Dmitry Peskov")
    assert peskov.count() == 1
    spk = peskov.get_attribute("data-spk")
    statement = tab.locator(f'.q[data-spk="{spk}"]').first
    statement.scroll_into_view_if_needed()
    tab.wait_for_timeout(300)  # the tip hides on scroll: let the scroll end first
    statement.hover()
    tip = tab.locator("#qtip")
    tip.wait_for(state="visible")
    assert "Dmitry Peskov" in tip.inner_text()
    shoot(tab, "article")


def test_an_entity_mark_leads_to_its_page(server: str, tab: Any) -> None:
    tab.goto(server + "/entity?name=Peskov")
    article = tab.locator("table.rows td:last-child a").first
    article.click()
    tab.wait_for_url("**/articles/*")
    tab.locator("mark.ent[data-href]", has_text="Peskov").first.click()
    tab.wait_for_url("**/entities/*")
    assert tab.locator("h1").inner_text() == "Dmitry Peskov"


def test_putins_timeline_is_drawn_and_a_bar_lists_its_statements(server: str, tab: Any) -> None:
    tab.goto(server + "/entity?name=Vladimir Putin")
    assert tab.locator("h1").inner_text() == "Vladimir Putin"
    canvas = tab.locator("#timeline-chart")
    canvas.wait_for(state="visible")
    assert int(canvas.get_attribute("data-drawn") or 0) >= 1
    # drawn: the canvas holds painted pixels, not a blank bitmap
    painted = tab.evaluate(
        """() => { const c = document.getElementById('timeline-chart');
        const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0; for (let i = 3; i < px.length; i += 4) if (px[i]) n++; return n; }"""
    )
    assert painted > 1000
    shoot(tab, "entity")
    bar = tab.evaluate(
        """() => { const chart = Chart.getChart('timeline-chart');
        const meta = chart.getDatasetMeta(0); const el = meta.data[0];
        const box = chart.canvas.getBoundingClientRect();
        return {x: box.left + el.x, y: box.top + (el.y + el.base) / 2}; }"""
    )
    tab.mouse.click(bar["x"], bar["y"])
    tab.wait_for_url("**period=*")
    assert tab.locator("#items h2").inner_text().startswith("In 2016-W")
    counted = tab.evaluate(
        """() => { const chart = Chart.getChart('timeline-chart');
        return chart.data.datasets.map(d => d.data[0]); }"""
    )  # said, said about, did, had done to it: in the bar clicked
    statements = tab.locator("#items table.rows:not(.events) tbody tr")
    events = tab.locator("#items table.events tbody tr")
    assert statements.count() == counted[0] + counted[1] >= 1
    assert events.count() == counted[2] + counted[3] >= 1
    assert tab.locator("#items table.events .role-actor").count() == counted[2]
    events.first.locator("td.content a").click()
    tab.wait_for_url("**/articles/*#ev*")
    target = tab.evaluate("() => location.hash.slice(1)")
    assert tab.locator(f"#{target}").is_visible()


def test_the_network_draws_nodes_and_an_edge_opens_its_statements(server: str, tab: Any) -> None:
    tab.goto(server + "/network")
    graph = tab.locator("#network")
    graph.wait_for(state="visible")
    assert int(graph.get_attribute("data-nodes") or 0) >= 3
    assert (
        tab.evaluate("() => window.newsgraphNetwork.nodes().filter(n => n.visible()).length") >= 3
    )
    assert tab.locator("#network canvas").count() >= 1
    shoot(tab, "network")
    point = tab.evaluate(
        """() => { const cy = window.newsgraphNetwork; const e = cy.edges()[0];
        const p = e.renderedMidpoint(); const box = cy.container().getBoundingClientRect();
        return {x: box.left + p.x, y: box.top + p.y}; }"""
    )
    tab.mouse.click(point["x"], point["y"])
    tab.wait_for_url("**/network/edge?*")
    assert tab.locator("table.rows tbody tr").count() >= 1


def test_the_quotes_explorer_links_a_row_to_its_span(server: str, tab: Any) -> None:
    tab.goto(server + "/quotes")
    tab.fill("input[name=speaker]", "Peskov")
    tab.click(".filters button")
    tab.wait_for_url("**speaker=Peskov*")
    rows = tab.locator("table.rows tbody tr")
    assert rows.count() >= 3
    shoot(tab, "quotes")
    rows.first.locator("td.content a").click()
    tab.wait_for_url("**start=*")
    assert tab.locator(".q.pinned").count() >= 1


def _downloaded(tab: Any, button: str) -> Path:
    with tab.expect_download() as started:
        tab.click(button)
    download = started.value
    assert download.failure() is None
    return Path(download.path())


def test_the_explorers_export_buttons_download_the_filtered_rows(server: str, tab: Any) -> None:
    import httpx

    tab.goto(server + "/quotes")
    tab.fill("input[name=speaker]", "Peskov")
    tab.fill("input[name=since]", "2016-03-15")
    tab.click(".filters button")
    tab.wait_for_url("**speaker=Peskov*")
    shown = tab.locator("table.rows tbody tr").count()
    with _downloaded(tab, ".exports a:text('CSV')").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == shown >= 1
    wanted = {"speaker": "Peskov", "since": "2016-03-15", "limit": 200}
    listed = httpx.get(server + "/api/v1/quotes", params=wanted).json()["items"]
    assert {int(r["id"]) for r in rows} == {q["id"] for q in listed}
    tab.goto(server + "/events")
    tab.fill("input[name=actor]", "Putin")
    tab.click(".filters button")
    tab.wait_for_url("**actor=Putin*")
    shown = tab.locator("table.rows tbody tr").count()
    shoot(tab, "events")
    lines = _downloaded(tab, ".exports a:text('JSON lines')").read_text("utf-8").splitlines()
    assert len(lines) == shown >= 1
    assert all(json.loads(line)["type"] for line in lines)
    gdelt = _downloaded(tab, ".exports a:text('GDELT TSV')").read_text("utf-8").splitlines()
    assert gdelt and all(len(line.split("\t")) == 61 for line in gdelt)
    assert {int(line.split("\t")[0]) // 1000 for line in gdelt} == {
        json.loads(line)["article_id"] * 1000 + json.loads(line)["seq"] for line in lines
    }


def test_a_page_uploaded_through_the_analyse_form(server: str, tab: Any) -> None:
    tab.goto(server + "/analyse")
    tab.set_input_files("#page-file", str(SAMPLE))
    tab.click(".analyse button")
    tab.wait_for_selector(".legend")
    assert "Not stored" in tab.content()
    assert tab.locator(".spk-key", has_text="Dmitry Peskov").count() == 1


def _no_script_ran(page: Any) -> None:
    assert page.evaluate("() => typeof window.__xss") == "undefined"


def test_xss_payloads_never_run_in_any_served_page(server: str, served_db: Path, tab: Any) -> None:
    store_xss(served_db)  # last, so that the screenshots show the corpus without it
    tab.goto(server + "/search?q=Kremlin rejects claims")
    _no_script_ran(tab)
    tab.locator(".results .hit h3 a").first.click()
    tab.wait_for_url("**/articles/*")
    assert "<script>window.__xss=1</script>" in tab.locator("h1.title").inner_text()
    for el in tab.locator(".q:visible, mark.ent:visible, .spk:visible").all():
        el.hover()
    _no_script_ran(tab)
    assert tab.locator("a[href^='javascript:']").count() == 0
    for path in ("/", "/quotes?speaker=Peskov", "/network", "/entity?name=Lavrov"):
        tab.goto(server + path)
        for el in tab.locator("table.rows a:visible").all()[:20]:
            el.hover()
        _no_script_ran(tab)
    tab.goto(server + "/analyse")
    tab.fill("#page-text", XSS_PAGE)
    tab.click(".analyse button")
    tab.wait_for_selector(".legend")
    for el in tab.locator(".q:visible, mark.ent:visible").all():
        el.hover()
    _no_script_ran(tab)
    tab.goto(server + "/analyse")
    tab.set_input_files(
        "#page-file",
        files=[{"name": "xss.html", "mimeType": "text/html", "buffer": XSS_PAGE.encode()}],
    )
    tab.check("#store")
    tab.click(".analyse button")
    tab.wait_for_url("**/articles/*")
    for el in tab.locator(".q:visible, mark.ent:visible").all():
        el.hover()
    _no_script_ran(tab)


def test_xss_payloads_never_run_in_the_exported_html(browser: Any) -> None:
    control = browser.new_page()
    control.set_content(f"<p>{IMAGE}</p>")  # the payloads are live when not escaped
    control.wait_for_function("() => window.__xss === 1")
    control.close()
    page = browser.new_page()
    page.set_content(to_html(xss_article()))
    for el in page.locator(".q:visible, mark.ent:visible, .ent-key:visible").all():
        el.hover()
    _no_script_ran(page)
    assert "<script>window.__xss=1</script>" in page.locator("h1.title").inner_text()
    page.close()
