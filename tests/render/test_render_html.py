"""The annotated HTML page: self-contained, escaped, every mention highlighted."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from newsgraph.model import Article, Author, Block, Entity, Mention, Removed, Source
from newsgraph.render.html import to_html

VOID = {"meta", "br", "hr", "img", "input", "link"}


class _Page(HTMLParser):
    """Collects tags in order, highlighted mentions, and checks nesting."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.marks: list[tuple[dict[str, str | None], str]] = []
        self.stack: list[str] = []
        self.errors: list[str] = []
        self._mark: dict[str, str | None] | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in VOID:
            return
        if tag == "mark":
            if self._mark is not None:
                self.errors.append("nested mark")
            self._mark, self._text = dict(attrs), []
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack.pop() != tag:
            self.errors.append(f"unbalanced </{tag}>")
        if tag == "mark" and self._mark is not None:
            self.marks.append((self._mark, "".join(self._text)))
            self._mark = None

    def handle_data(self, data: str) -> None:
        if self._mark is not None:
            self._text.append(data)


def parse(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    page.close()
    assert page.errors == []
    assert page.stack == []
    return page


def _mentions(text: str, needle: str) -> list[Mention]:
    found, start = [], text.find(needle)
    while start >= 0:
        found.append(Mention(start, start + len(needle), needle))
        start = text.find(needle, start + 1)
    return found


def make_article(*parts: tuple[str, str]) -> Article:
    parts = parts or (
        ("title", "Putin Orders Pullout From Syria"),
        ("paragraph", "Vladimir Putin told the Kremlin & the army <script>alert('x')</script>."),
        ("heading", "A Signal To Assad"),
        ("paragraph", "Russian officials said Assad must negotiate."),
        ("caption", "Putin and Assad in Moscow."),
    )
    text, blocks = "", []
    for kind, part in parts:
        if text:
            text += "\n\n"
        blocks.append(Block(kind, len(text), len(text) + len(part)))  # type: ignore[arg-type]
        text += part
    full = _mentions(text, "Vladimir Putin")
    short = [
        m
        for m in _mentions(text, "Putin")
        if not any(f.start < m.start for f in full if f.end == m.end)
    ]
    return Article(
        text=text,
        source=Source(input="html", url="https://www.rferl.org/a/putin-pullout.html"),
        title="Putin Orders Pullout From Syria",
        authors=[Author("Steve <b>Gutterman</b>", 'Editor of the "Russia Report".')],
        published="2016-03-15",
        published_source="meta article:published_time",
        site="RFE/RL",
        language="en",
        blocks=blocks,
        removed=[
            Removed("navigation", "Skip to main content"),
            Removed("widget", '<img src="http://ads.example/x.gif"> Share on Facebook'),
        ],
        entities=[
            Entity("e1", "Vladimir Putin", "PERSON", ["President"], full + short),
            Entity("e2", "Bashar al-Assad", "PERSON", [], _mentions(text, "Assad")),
            Entity("e3", "Kremlin", "ORG", [], _mentions(text, "Kremlin")),
            Entity("e4", "Syria", "GPE", [], _mentions(text, "Syria")),
            Entity("e5", "Russians", "NORP", [], _mentions(text, "Russian")),
            Entity("e6", "Moscow", "GPE", [], _mentions(text, "Moscow")),
        ],
        warnings=["the <date> was not found"],
    )


def test_every_mention_is_highlighted_with_its_entity_in_the_tooltip() -> None:
    article = make_article()
    page = parse(to_html(article))
    expected = sorted(
        (m.text, e.name, f"e{i}") for i, e in enumerate(article.entities) for m in e.mentions
    )
    found = sorted(
        (text, (attrs["data-tip"] or "").split("\n")[0], attrs["data-ent"] or "")
        for attrs, text in page.marks
    )
    assert found == expected
    for attrs, _ in page.marks:
        assert "g-" in (attrs["class"] or "")


def test_tooltip_gives_type_and_titles() -> None:
    page = parse(to_html(make_article()))
    tips = {attrs["data-tip"] for attrs, _ in page.marks}
    assert "Vladimir Putin\nPERSON\nPresident" in tips


def test_colour_by_entity_type() -> None:
    page = parse(to_html(make_article()))
    groups = {text: (attrs["class"] or "").split()[-1] for attrs, text in page.marks}
    assert groups["Assad"] == "g-person"
    assert groups["Kremlin"] == "g-org"
    assert groups["Syria"] == groups["Moscow"] == "g-place"
    assert groups["Russian"] == "g-norp"


def test_blocks_render_in_order_with_their_tags() -> None:
    html = to_html(make_article())
    header = parse(html.split('<header class="masthead">', 1)[1].split("</header>", 1)[0])
    assert [t for t, _ in header.tags if t.startswith("h")] == ["h1"]
    body = parse(html.split('<article class="text">', 1)[1].split("</article>", 1)[0])
    blocks = [t for t, _ in body.tags if t != "mark"]
    assert blocks == ["p", "h2", "p", "figure", "figcaption"]
    assert "<h2>A Signal To <mark" in html


def test_everything_from_the_article_is_escaped() -> None:
    html = to_html(make_article())
    assert html.count("<script") == 1  # the page's own script
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert "<b>Gutterman" not in html
    assert "&lt;date&gt;" in html
    assert "Kremlin</mark> &amp; the army" in html


def test_no_external_urls() -> None:
    html = to_html(make_article())
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", html, re.I)
    assert "@import" not in html and "url(" not in html
    assert "rferl.org/a/putin-pullout.html" in html  # shown as text, not fetched


def test_header_shows_authors_bios_date_and_site() -> None:
    html = to_html(make_article())
    assert "Steve &lt;b&gt;Gutterman&lt;/b&gt;" in html
    assert 'class="bio">Editor of the &quot;Russia Report&quot;.' in html
    assert '<time datetime="2016-03-15">2016-03-15</time>' in html
    assert "RFE/RL" in html


def test_legend_lists_each_entity_once() -> None:
    page = parse(to_html(make_article()))
    keys = [attrs["data-ent"] or "" for tag, attrs in page.tags if tag == "button"]
    assert sorted(keys) == [f"e{i}" for i in range(6)]


def test_removed_text_is_folded_away_by_kind() -> None:
    html = to_html(make_article())
    details = html.split('<details class="removed">', 1)[1].split("</details>", 1)[0]
    assert "navigation" in details and "widget" in details
    assert "Skip to main content" in details


def test_overlapping_and_bad_mentions_are_skipped_safely() -> None:
    article = make_article(("paragraph", "New York City Hall"), ("paragraph", "Second block"))
    text = article.text
    article.entities = [
        Entity("e1", "New York City", "GPE", [], [Mention(0, 13, "New York City")]),
        Entity("e2", "New York", "GPE", [], [Mention(0, 8, "New York")]),  # nested
        Entity("e3", "City Hall", "FAC", [], [Mention(9, 18, "City Hall")]),  # overlaps
        Entity("e4", "Hall Second", "ORG", [], [Mention(14, 26, text[14:26])]),  # crosses
        Entity("e5", "Nowhere", "LOC", [], [Mention(500, 510, "Nowhere"), Mention(5, 2, "")]),
    ]
    page = parse(to_html(article))
    assert [(attrs["data-ent"], t) for attrs, t in page.marks] == [("e0", "New York City")]
    assert "New York City</mark> Hall" in to_html(article)


@pytest.mark.parametrize("blocks", [True, False])
def test_text_without_layout_or_title_still_renders(blocks: bool) -> None:
    text = "A plain text article."
    article = Article(
        text=text,
        source=Source(input="text"),
        blocks=[Block("paragraph", 0, len(text))] if blocks else [],
    )
    html = to_html(article)
    parse(html)
    assert "<p>A plain text article.</p>" in html
    assert "Untitled article" in html
