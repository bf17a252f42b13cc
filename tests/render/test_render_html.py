"""The annotated HTML page: self-contained, escaped, every mention highlighted."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from newsgraph.model import (
    Article,
    Author,
    Block,
    Entity,
    Mention,
    Party,
    Quantity,
    Quote,
    Removed,
    Source,
    TextSpan,
    Timex,
)
from newsgraph.render.html import to_html

from tests.builders import at, join_blocks, mentions, statements

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


def make_article(*parts: tuple[str, str]) -> Article:
    parts = parts or (
        ("title", "Putin Orders Pullout From Syria"),
        ("paragraph", "Vladimir Putin told the Kremlin & the army <script>alert('x')</script>."),
        ("heading", "A Signal To Assad"),
        ("paragraph", "Russian officials said Assad must negotiate."),
        ("caption", "Putin and Assad in Moscow."),
    )
    text, blocks = join_blocks(parts)
    full = mentions(text, "Vladimir Putin")
    short = [
        m
        for m in mentions(text, "Putin")
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
            Entity("e2", "Bashar al-Assad", "PERSON", [], mentions(text, "Assad")),
            Entity("e3", "Kremlin", "ORG", [], mentions(text, "Kremlin")),
            Entity("e4", "Syria", "GPE", [], mentions(text, "Syria")),
            Entity("e5", "Russians", "NORP", [], mentions(text, "Russian")),
            Entity("e6", "Moscow", "GPE", [], mentions(text, "Moscow")),
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
    keys = [attrs.get("data-ent") or "" for tag, attrs in page.tags if tag == "button"]
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


# --- statements -------------------------------------------------------------------------

QUOTED = (
    ("title", "Putin Orders Pullout From Syria"),
    (
        "paragraph",
        'Vladimir Putin said "the task has been accomplished." '
        "He told Reuters the pullout may reportedly be reversed.",
    ),
    ("paragraph", 'The Kremlin said that Putin "underscored that Syria must <b>negotiate</b>."'),
    ("paragraph", "Assad must go, a European <diplomat> said."),
)


def make_quoted_article() -> Article:
    """Statements with a pronoun speaker, hedges, an addressee, nesting, an anonymous source."""
    article = make_article(*QUOTED)
    text = article.text
    article.quotes = statements(
        text,
        nested="Syria must <b>negotiate</b>",
        addressee="Reuters",
        diplomat="a European <diplomat>",
        kremlin="e3",
    )
    return article


class _Spans(HTMLParser):
    """Every element with its attributes and the text inside it, nested text included."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[tuple[str, dict[str, str | None], list[str]]] = []
        self.done: list[tuple[str, dict[str, str | None], str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID:
            self.open.append((tag, dict(attrs), []))

    def handle_endtag(self, tag: str) -> None:
        name, attrs, parts = self.open.pop()
        assert name == tag
        self.done.append((tag, attrs, "".join(parts)))

    def handle_data(self, data: str) -> None:
        for _, _, parts in self.open:
            parts.append(data)


def spans(html: str, cls: str) -> list[tuple[dict[str, str | None], str]]:
    """(attributes, text) of the elements whose class list has `cls`, in closing order."""
    page = _Spans()
    page.feed(html.split('<article class="text">', 1)[1].split("</article>", 1)[0])
    return [(a, t) for _, a, t in page.done if cls in (a.get("class") or "").split()]


def pieces(html: str, cls: str, quote: str) -> str:
    """The text of a statement's highlight of one kind, its pieces joined."""
    return "".join(t for a, t in spans(html, cls) if quote in (a.get("data-q") or "").split())


def test_each_statement_its_cue_and_speaker_are_highlighted_distinctly() -> None:
    article = make_quoted_article()
    html = to_html(article)
    parse(html)
    for k, quote in enumerate(article.quotes):
        assert pieces(html, "q", f"q{k}") == quote.content.text, quote.id
        assert quote.cue is not None and pieces(html, "cue", f"q{k}") == quote.cue.text
        assert quote.speaker is not None
        assert pieces(html, "spk", f"q{k}") == quote.speaker.span.text
    assert pieces(html, "hedge", "q1") == "mayreportedly"
    kinds = {(a.get("class") or "").split()[1] for a, _ in spans(html, "q")}
    assert kinds == {"q-direct", "q-indirect", "q-mixed"}


def test_mentions_stay_highlighted_inside_statements() -> None:
    article = make_quoted_article()
    page = parse(to_html(article))
    expected = sorted(m.text for e in article.entities for m in e.mentions)
    assert sorted(text for _, text in page.marks) == expected


def test_nested_statement_sits_inside_its_parent() -> None:
    html = to_html(make_quoted_article())
    inner = next(a for a, _ in spans(html, "q") if a["data-q"] == "q3")
    outer_text = pieces(html, "q", "q2")
    assert "underscored that Syria must <b>negotiate</b>" in outer_text
    assert inner["data-tip"] is not None
    assert "Reported inside a statement by Kremlin" in inner["data-tip"]
    assert '<span class="q q-mixed" data-q="q2"' in html.split('data-q="q3"')[0]


def test_hover_text_gives_speaker_cue_addressee_and_hedges() -> None:
    html = to_html(make_quoted_article())
    tips = {a["data-q"]: a["data-tip"] for a, _ in spans(html, "q")}
    assert tips["q1"] == (
        "Vladimir Putin (“He”)\nindirect · cue “told” · to Reuters\nHedged: “may”, “reportedly”"
    )
    assert tips["q0"] == "Vladimir Putin\ndirect · cue “said”\nFirm: no hedges found"
    assert (tips["q4"] or "").startswith("a European <diplomat>\n")


def test_statement_text_is_escaped() -> None:
    html = to_html(make_quoted_article())
    assert "<b>negotiate" not in html and "<diplomat>" not in html
    assert "&lt;b&gt;negotiate&lt;/b&gt;" in html
    assert "a European &lt;diplomat&gt;" in html


def test_sidebar_lists_speakers_most_quoted_first() -> None:
    page = parse(to_html(make_quoted_article()))
    keys = [a for tag, a in page.tags if tag == "button" and "spk-key" in (a["class"] or "")]
    assert [a["data-spk"] for a in keys] == ["s0", "s1", "s2"]
    html = to_html(make_quoted_article())
    speakers = html.split('<section class="speakers">', 1)[1].split("</section>", 1)[0]
    names = re.findall(r'<span class="name">(.*?)</span><span class="count">(\d+)', speakers)
    assert names == [
        ("Vladimir Putin", "3"),
        ("Kremlin", "1"),
        ("“a European &lt;diplomat&gt;”", "1"),
    ]
    assert 'class="spk-key anon"' in speakers
    quote_speakers = {a["data-q"]: a["data-spk"] for a, _ in spans(html, "q")}
    assert quote_speakers == {"q0": "s0", "q1": "s0", "q2": "s1", "q3": "s0", "q4": "s2"}


def test_crossing_highlights_are_split_and_marks_are_never_cut() -> None:
    article = make_quoted_article()
    text = article.text
    putin = text.index("Putin said")  # inside the mention "Vladimir Putin"
    article.quotes = [
        # starts inside a mention, ends in the next paragraph: crosses a block and a mention
        Quote("q1", "indirect", TextSpan(putin, text.index("Kremlin said") + 3, "")),
        # its hedge runs past its end
        Quote(
            "q2",
            "indirect",
            at(text, "the pullout may reportedly"),
            hedges=[at(text, "reportedly be")],
        ),
    ]
    article.quotes[0].content.text = text[putin : article.quotes[0].content.end]
    html = to_html(article)
    page = parse(html)
    assert ("e0", "Vladimir Putin") in [(a["data-ent"], t) for a, t in page.marks]
    assert "Kremlin" in [t for _, t in page.marks]
    first = [t for a, t in spans(html, "q") if a["data-q"] == "q0"]
    assert len(first) >= 2  # one piece per block at least
    assert first[0].startswith("Vladimir Putin said")  # moved to the mention's start
    assert first[-1] == "The Kremlin"  # moved to the mention's end
    assert pieces(html, "hedge", "q1") == "reportedly be"
    assert len([1 for a, _ in spans(html, "hedge") if a["data-q"] == "q1"]) == 2


def test_text_is_rendered_once_whatever_the_highlights() -> None:
    article = make_quoted_article()
    page = _Spans()
    page.feed(to_html(article).split('<article class="text">', 1)[1].split("</article>", 1)[0])
    blocks = [t for tag, _, t in page.done if tag == "p"]
    assert blocks == [article.text[b.start : b.end] for b in article.blocks[1:]]


def test_bad_statements_are_skipped_safely() -> None:
    article = make_quoted_article()
    article.quotes[0].content = TextSpan(5, 5000, "out of range")
    article.quotes[1].within = "q2"
    article.quotes[2].within = "q2"  # itself
    article.quotes[1].speaker = Party(TextSpan(-4, 2, "??"), "e404")
    html = to_html(article)
    parse(html)
    assert pieces(html, "q", "q0") == ""
    assert pieces(html, "q", "q2") == article.quotes[2].content.text


# --- times, quantities, entity identity --------------------------------------------------

VALUES_TEXT = (
    "On March 14 Vladimir Putin gave Moscow less than six months. "
    "Some 1,700 <civilians> fled Syria before Putin Day."
)


def make_valued_article() -> Article:
    article = make_article(("paragraph", VALUES_TEXT))
    text = article.text
    article.entities[0].kb = {"key": "vladimir-putin"}
    article.entities[0].codes = [{"country": "RUS", "sector": "GOV"}]
    article.timexes = [
        Timex("t1", at(text, "March 14"), "DATE", "2016-03-14"),
        Timex("t2", at(text, "less than six months"), "DURATION", "P6M", "LESS_THAN"),
        # Holds a whole mention: nests around it.
        Timex("t3", at(text, "March 14 Vladimir Putin"), "DATE", "2016-03-14"),
        # Crosses the mention "Syria": left out rather than cut.
        Timex("t4", at(text, "ria before"), "DATE", "PAST_REF"),
        # Sits inside a mention: nests inside it.
        Timex("t5", at(text, "Day"), "DATE", "XXXX-XX-XX"),
    ]
    article.quantities = [
        Quantity("n1", at(text, "Some 1,700 <civilians>"), 1700.0, "<civilians>", approx=True)
    ]
    article.entities.append(Entity("e7", "Putin Day", "EVENT", [], mentions(text, "Putin Day")))
    return article


def test_timex_value_is_shown_on_hover() -> None:
    html = to_html(make_valued_article())
    parse(html)
    times = {text: attrs["data-tip"] for attrs, text in spans(html, "tx")}
    assert (times["March 14"] or "").startswith("2016-03-14")
    assert (times["less than six months"] or "").startswith("P6M (less than)")
    assert "&#10;" in html.split("March 14</span>", 1)[0]  # the tip's lines kept as references


def test_quantity_value_is_shown_on_hover_and_escaped() -> None:
    html = to_html(make_valued_article())
    [(attrs, text)] = spans(html, "qty")
    assert text == "Some 1,700 <civilians>"
    assert (attrs["data-tip"] or "").startswith("1700 <civilians>, approximate")
    assert "<civilians>" not in html
    assert 'data-tip="1700 &lt;civilians&gt;, approximate"' in html


def test_values_nest_with_mentions_and_crossing_ones_are_skipped() -> None:
    html = to_html(make_valued_article())
    page = parse(html)
    assert [t for a, t in page.marks if a.get("data-ent") == "e3"] == ["Syria"]
    times = [text for _, text in spans(html, "tx")]
    assert "March 14 Vladimir Putin" in times  # holds the mention
    assert "Day" in times  # inside a mention
    assert "ria before" not in times and "Syria" not in times
    assert '<mark class="ent g-other" data-ent="e6"' in html
    assert 'Putin <span class="val tx"' in html


def test_entity_tooltip_and_legend_give_identity_and_codes() -> None:
    html = to_html(make_valued_article())
    tips = [a["data-tip"] or "" for a, _ in parse(html).marks if a.get("data-ent") == "e0"]
    assert tips and all("key vladimir-putin" in t and "codes RUS GOV" in t for t in tips)
    assert '<span class="ids">key vladimir-putin · RUS GOV</span>' in html


def test_values_keep_the_page_self_contained() -> None:
    html = to_html(make_valued_article())
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", html, re.I)
    assert "@import" not in html and "url(" not in html


def test_event_triggers_are_marked_with_type_parties_and_date_on_hover() -> None:
    from tests.event_articles import pullout

    html = to_html(pullout())
    parse(html)
    triggers = {text: attrs for attrs, text in spans(html, "ev")}
    assert list(triggers) == ["ordered the withdrawal", "phoned", "imposed sanctions"]
    tip = (triggers["ordered the withdrawal"]["data-tip"] or "").split("\n")
    assert tip == [
        "RETREAT/withdraw",
        "Vladimir Putin (RUS GOV) → Syria (SYR)",
        "2016-03-14 · in Syria",
    ]
    sanction = (triggers["imposed sanctions"]["data-tip"] or "").split("\n")
    assert sanction[1] == "United States (USA), European Union (IGO) → Russia (RUS)"
    assert sanction[2] == "2016-03-15 (published)"
    # the sidebar lists each event, linking to its trigger
    sidebar = html.split('<section class="events">', 1)[1].split("</section>", 1)[0]
    links = re.findall(r'<a href="#(ev\d)">([^<]+)</a>', sidebar)
    assert links == [("ev0", "RETREAT/withdraw"), ("ev1", "CONSULT/phone"), ("ev2", "SANCTION")]
    assert all(triggers[t]["id"] == f"ev{i}" for i, t in enumerate(triggers))


def test_a_claimed_event_says_whose_claim_it_is() -> None:
    from tests.event_articles import sanctions

    html = to_html(sanctions())
    parse(html)
    refusal = next(a for a, t in spans(html, "ev") if t == "will not extend")
    assert (refusal["data-tip"] or "").endswith("future · claimed by a diplomat")


def test_event_words_are_escaped_and_a_crossing_trigger_is_skipped() -> None:
    from newsgraph.model import Event, EventParty

    text, blocks = join_blocks((("paragraph", "The <b>rebels</b> & allies shelled the town."),))
    article = Article(
        text,
        Source("text"),
        blocks=blocks,
        entities=[Entity("e1", "the town", "GPE", [], mentions(text, "the town"))],
        events=[
            Event(
                "v1",
                "ASSAULT",
                at(text, "shelled"),
                at(text, text),
                actors=[EventParty(at(text, "The <b>rebels</b> & allies"))],
            ),
            # "shelled the" crosses the mention "the town": left unmarked, still listed
            Event("v2", "COERCE", at(text, "shelled the"), at(text, text)),
        ],
    )
    html = to_html(article)
    parse(html)
    assert "<b>rebels" not in html
    [(attrs, words)] = spans(html, "ev")
    assert words == "shelled"
    assert (attrs["data-tip"] or "").split("\n")[1] == "The <b>rebels</b> & allies → unnamed"
    assert "The &lt;b&gt;rebels&lt;/b&gt; &amp; allies → unnamed" in html
    assert html.count('<a href="#ev') == 1 and '<span class="unmarked">COERCE</span>' in html
