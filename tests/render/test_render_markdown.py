"""The markdown report: what a reader of `newsgraph ... --format markdown` relies on."""

from __future__ import annotations

import re

from newsgraph.model import (
    Article,
    Author,
    Block,
    Entity,
    Quantity,
    Removed,
    Source,
    Timex,
)
from newsgraph.render.markdown import to_markdown

from tests.builders import at, join_blocks, mentions, statements

TITLE = "Putin's Pullout: Behind Russia's New Syria Surprise"
HEADING = "A Signal To Assad"
PARA_1 = "Vladimir Putin surprised the world on March 14 by ordering a partial withdrawal."
CAPTION = "Souvenir plates depicting Bashar al-Assad and Vladimir Putin in old Damascus."
PARA_2 = "Putin's move may push Assad to negotiate."


def make_article(*parts: tuple[str, str]) -> Article:
    parts = parts or (
        ("title", TITLE),
        ("paragraph", PARA_1),
        ("caption", CAPTION),
        ("heading", HEADING),
        ("paragraph", PARA_2),
    )
    text, blocks = join_blocks(parts)
    putin = [m for m in mentions(text, "Putin") if text[m.start - 9 : m.start] != "Vladimir "]
    return Article(
        text=text,
        source=Source(input="textdump", path="samples/rferl.txt"),
        title=TITLE,
        authors=[Author("Steve Gutterman", "Editor of the Russia Report.")],
        published="2016-03",
        published_source="dateline",
        site="RFE/RL",
        language="en",
        blocks=blocks,
        removed=[
            Removed("navigation", "Accessibility links"),
            Removed("navigation", "Breaking News"),
            Removed("notice", "Readers in Russia: " + "this site may be blocked. " * 10),
        ],
        entities=[
            Entity(
                "e1",
                "Vladimir Putin",
                "PERSON",
                ["President"],
                mentions(text, "Vladimir Putin") + putin,
            ),
            Entity("e2", "Bashar al-Assad", "PERSON", [], mentions(text, "Assad")),
            Entity("e3", "Russia", "GPE", [], mentions(text, "Russia")),
        ],
        warnings=["no publication date in the page metadata"],
    )


def test_header_has_title_and_metadata() -> None:
    lines = to_markdown(make_article()).splitlines()
    assert lines[0] == "# Putin's Pullout: Behind Russia's New Syria Surprise"
    meta = lines[2]
    for expected in ("Steve Gutterman", "2016-03", "dateline", "RFE/RL", "textdump"):
        assert expected in meta


def test_blocks_in_reading_order_and_title_once() -> None:
    md = to_markdown(make_article())
    positions = [md.index(s) for s in (PARA_1, f"> *{CAPTION}*", f"## {HEADING}", PARA_2)]
    assert positions == sorted(positions)
    assert md.count(TITLE) == 1


def test_entity_table_lists_each_entity_once() -> None:
    article = make_article()
    md = to_markdown(article)
    table = md.split("## Entities", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in table.splitlines() if line.startswith("| ")][2:]
    names = [row.split("|")[1].strip() for row in rows]
    assert sorted(names) == ["Bashar al-Assad", "Russia", "Vladimir Putin"]
    putin = next(row for row in rows if "Vladimir Putin" in row)
    assert (
        "PERSON" in putin
        and "President" in putin
        and putin.endswith(f"| {len(article.entities[0].mentions)} |")
    )


def test_removed_counts_by_kind_and_shortens_texts() -> None:
    md = to_markdown(make_article())
    section = md.split("## Removed from the page", 1)[1].split("\n## ", 1)[0]
    assert "3 items: navigation 2, notice 1." in section
    items = [line for line in section.splitlines() if line.startswith("- ")]
    assert len(items) == 3
    assert all(len(line) < 130 for line in items)
    assert items[2].endswith("…")


def test_warnings_shown() -> None:
    md = to_markdown(make_article())
    assert "## Warnings\n\n- no publication date in the page metadata" in md


def test_empty_sections_are_left_out() -> None:
    article = Article(
        text="Just text.", source=Source(input="text"), blocks=[Block("paragraph", 0, 10)]
    )
    md = to_markdown(article)
    assert md.startswith("# Untitled article\n")
    assert "Just text." in md
    assert "No entities found." in md
    assert "Removed" not in md and "Warnings" not in md


def test_article_text_cannot_inject_markdown_or_html() -> None:
    article = make_article(
        ("paragraph", "# Not a heading"),
        ("paragraph", "1. not a list\n- nor this"),
        ("paragraph", "<script>alert(1)</script> *not emphasis*"),
    )
    md = to_markdown(article)
    assert "\n# Not a heading" not in md
    assert "\\# Not a heading" in md
    assert "1\\. not a list\n\\- nor this" in md
    assert not re.search(r"(?<!\\)<", md)
    assert "\\<script>" in md
    assert "\\*not emphasis\\*" in md


def test_table_cells_escape_pipes() -> None:
    article = make_article()
    article.entities = [Entity("e1", "A|B Holdings", "ORG", [], [])]
    row = next(line for line in to_markdown(article).splitlines() if "Holdings" in line)
    assert "A\\|B Holdings" in row


# --- statements -------------------------------------------------------------------------

STATEMENTS = (
    ("title", TITLE),
    (
        "paragraph",
        'Vladimir Putin said "the task has been accomplished." '
        "He told Russia's parliament the pullout may reportedly be reversed.",
    ),
    ("paragraph", 'The Kremlin said that Putin "underscored that *talks* must go on."'),
    ("paragraph", "Assad must go, a European diplomat said."),
)


def make_quoted_article() -> Article:
    article = make_article(*STATEMENTS)
    text = article.text
    article.entities.append(Entity("e4", "Kremlin", "ORG", [], mentions(text, "Kremlin")))
    article.quotes = statements(
        text,
        nested="that *talks* must go on",
        addressee="Russia's parliament",
        diplomat="a European diplomat",
        kremlin="e4",
    )
    return article


def _statements(md: str) -> str:
    return md.split("## Statements\n\n", 1)[1].split("\n## ", 1)[0]


def test_statements_are_grouped_by_speaker_most_quoted_first() -> None:
    section = _statements(to_markdown(make_quoted_article()))
    assert section.startswith(
        "5 statements (1 direct, 1 mixed, 3 indirect) from 3 speakers; 1 hedged.\n"
    )
    headings = [line for line in section.splitlines() if line.startswith("### ")]
    assert headings == [
        "### Vladimir Putin",
        "### Kremlin",
        "### “a European diplomat” (not linked to an entity)",
    ]


def test_each_statement_gives_kind_cue_addressee_and_hedges() -> None:
    section = _statements(to_markdown(make_quoted_article()))
    putin = section.split("### Vladimir Putin\n\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert putin == [
        '- *direct*, cue “said”: "the task has been accomplished."',
        "- *indirect*, as “He”, cue “told”, to Russia's parliament, "
        "hedged by “may”, “reportedly”: the pullout may reportedly be reversed",
    ]


def test_nested_statements_are_indented_under_their_parent() -> None:
    section = _statements(to_markdown(make_quoted_article()))
    kremlin = section.split("### Kremlin\n\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert kremlin == [
        '- *mixed*, cue “said”: that Putin "underscored that \\*talks\\* must go on."',
        "  - **Vladimir Putin**, *indirect*, cue “underscored”: that \\*talks\\* must go on",
    ]
    assert section.count("must go on") == 2  # the nested one is not listed again under Putin


def test_statements_section_when_there_are_none() -> None:
    assert "## Statements\n\nNo statements found." in to_markdown(make_article())


def test_statement_cycles_and_unknown_parents_do_not_lose_statements() -> None:
    article = make_quoted_article()
    article.quotes[0].within = "q2"
    article.quotes[1].within = "q1"  # a cycle
    article.quotes[4].within = "q99"  # no such quote: listed at the top
    article.quotes[4].speaker = None
    section = _statements(to_markdown(article))
    assert "### No speaker given\n\n- *indirect*, cue “said”: Assad must go" in section
    assert section.count("the task has been accomplished") >= 1
    assert section.count("may reportedly be reversed") >= 1


# --- times, quantities, entity identity --------------------------------------------------


def make_valued_article() -> Article:
    article = make_article(
        ("paragraph", "On March 14 Putin gave it less than six months; some 1,700 civilians fled.")
    )
    text = article.text
    article.entities[0].kb = {"key": "vladimir-putin"}
    article.entities[0].codes = [{"country": "RUS", "sector": "GOV"}]
    article.timexes = [
        Timex("t2", at(text, "less than six months"), "DURATION", "P6M", "LESS_THAN"),
        Timex("t1", at(text, "March 14"), "DATE", "2016-03-14"),
    ]
    article.quantities = [
        Quantity("n1", at(text, "some 1,700 civilians"), 1700.0, "civil|ians", True, "min", "q3")
    ]
    return article


def _section(md: str, heading: str) -> list[str]:
    body = md.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]
    return [line for line in body.splitlines() if line.startswith("| ")][2:]


def test_time_expressions_are_listed_with_their_values_in_text_order() -> None:
    rows = _section(to_markdown(make_valued_article()), "Time expressions")
    assert rows == [
        "| March 14 | DATE | 2016-03-14 |  |",
        "| less than six months | DURATION | P6M | less than |",
    ]


def test_quantities_are_listed_with_value_unit_bound_and_quote() -> None:
    [row] = _section(to_markdown(make_valued_article()), "Quantities")
    assert row == "| some 1,700 civilians | 1700 | civil\\|ians | approximate, at least | q3 |"


def test_entity_table_gives_identity_and_codes() -> None:
    rows = _section(to_markdown(make_valued_article()), "Entities")
    putin = next(row for row in rows if "Vladimir Putin" in row)
    assert "| key vladimir-putin | RUS GOV |" in putin


def test_no_time_or_quantity_sections_without_findings() -> None:
    md = to_markdown(make_article())
    assert "## Time expressions" not in md and "## Quantities" not in md


def _events(md: str) -> list[str]:
    return md.split("## Events\n\n", 1)[1].split("\n## ", 1)[0].splitlines()


def test_events_read_actor_type_recipient_date_place_then_the_sentence() -> None:
    from tests.event_articles import pullout

    md = to_markdown(pullout())
    lines = _events(md)
    assert lines[0] == (
        "- **Vladimir Putin** (RUS GOV) —RETREAT/withdraw→ **Syria** (SYR), 2016-03-14, in Syria"
    )
    assert lines[1] == (
        "  > Russian President Vladimir Putin **ordered the withdrawal** of Russian forces "
        "from Syria on March 14."
    )
    assert lines[4].startswith("- **United States** (USA), **European Union** (IGO) —SANCTION→")
    assert lines[4].endswith("2016-03-15 (published)")
    assert md.index("## Statements") < md.index("## Events")


def test_a_claimed_future_event_says_so() -> None:
    from tests.event_articles import sanctions

    refusal = _events(to_markdown(sanctions()))[0]
    assert refusal.endswith("—REJECT→ *unnamed*, 2016-03 *(future; claimed by a diplomat)*")


def test_event_words_stay_text() -> None:
    from newsgraph.model import Event, EventParty

    text, blocks = join_blocks((("paragraph", "The *rebels* <script> shelled [town]."),))
    event = Event(
        "v1",
        "ASSAULT",
        at(text, "shelled"),
        at(text, text),
        actors=[EventParty(at(text, "The *rebels* <script>"))],
        recipients=[EventParty(at(text, "[town]"))],
    )
    article = Article(text, Source("text"), blocks=blocks, events=[event])
    first, second = _events(to_markdown(article))
    assert first == r"- **The \*rebels\* \<script>** —ASSAULT→ **\[town]**"
    assert second == r"  > The \*rebels\* \<script> **shelled** \[town]."
    assert "## Events\n\nNo events found." in to_markdown(make_article())
