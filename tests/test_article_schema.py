"""The public JSON contract: `Article.to_dict()` follows schema/article-1.json."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator, ValidationError

from newsgraph.model import (
    Article,
    Author,
    Block,
    Entity,
    Mention,
    Party,
    Quote,
    Removed,
    Source,
)
from newsgraph.schema import check_offsets, load_schema, validate_article

from tests.builders import at

DOCS = Path(__file__).resolve().parents[1] / "docs" / "json-contract.md"


def _span(text: str, needle: str, after: int = 0) -> Mention:
    start = text.index(needle, after)
    return Mention(start, start + len(needle), needle)


def make_article() -> Article:
    title = "Putin Orders Partial Pullout From Syria"
    heading = "A Signal To Assad"
    para = "Vladimir Putin told Defence Minister Sergei Shoigu to start the withdrawal."
    caption = "Putin and Shoigu at the Kremlin."
    text = "\n\n".join([title, heading, para, caption])
    blocks = []
    offset = 0
    for kind, part in [
        ("title", title),
        ("heading", heading),
        ("paragraph", para),
        ("caption", caption),
    ]:
        blocks.append(Block(kind, offset, offset + len(part)))  # type: ignore[arg-type]
        offset += len(part) + 2
    return Article(
        text=text,
        source=Source(input="textdump", path="samples/putin.txt"),
        title=title,
        authors=[Author("Steve Gutterman", "Steve Gutterman is the editor of the Russia Report.")],
        published="2016-03",
        published_source="dateline",
        site="RFE/RL",
        language="en",
        blocks=blocks,
        removed=[Removed("navigation", "Accessibility links"), Removed("advert", "Subscribe")],
        entities=[
            Entity(
                "e1",
                "Vladimir Putin",
                "PERSON",
                [],
                [
                    _span(text, "Putin"),
                    _span(text, "Vladimir Putin"),
                    _span(text, "Putin", text.index("Putin and")),
                ],
            ),
            Entity(
                "e2",
                "Sergei Shoigu",
                "PERSON",
                ["Defence Minister"],
                [_span(text, "Sergei Shoigu"), _span(text, "Shoigu", text.index("and S"))],
            ),
            Entity("e3", "Syria", "GPE", [], [_span(text, "Syria")]),
        ],
        warnings=["no publication date in the page metadata"],
    )


QUOTED = (
    'The Kremlin said Putin "underscored that the mission was accomplished."',
    "The troops may reportedly return, a European diplomat told Reuters.",
)


def make_quoted_article() -> Article:
    """The article with two more paragraphs and their statements, one nested in another."""
    article = make_article()
    for para in QUOTED:
        article.text += "\n\n"
        article.blocks.append(Block("paragraph", len(article.text), len(article.text) + len(para)))
        article.text += para
    text = article.text
    kremlin = at(text, "Kremlin", "The Kremlin said")
    article.entities.append(
        Entity("e4", "Kremlin", "ORG", [], [Mention(kremlin.start, kremlin.end, kremlin.text)])
    )
    putin = at(text, "Putin", "said Putin")
    article.entities[0].mentions.append(Mention(putin.start, putin.end, putin.text))
    article.quotes = [
        Quote(
            "q1",
            "indirect",
            at(text, "to start the withdrawal"),
            cue=at(text, "told"),
            speaker=Party(at(text, "Vladimir Putin"), "e1"),
            addressee=Party(at(text, "Sergei Shoigu", "Putin told"), "e2"),
        ),
        Quote(
            "q2",
            "mixed",
            at(text, 'Putin "underscored that the mission was accomplished."'),
            cue=at(text, "said", "The Kremlin said"),
            speaker=Party(kremlin, "e4"),
        ),
        Quote(
            "q3",
            "indirect",
            at(text, "that the mission was accomplished"),
            cue=at(text, "underscored"),
            speaker=Party(putin, "e1"),
            within="q2",
        ),
        Quote(
            "q4",
            "indirect",
            at(text, "The troops may reportedly return"),
            cue=at(text, "told", "diplomat"),
            speaker=Party(at(text, "a European diplomat")),
            addressee=Party(at(text, "Reuters")),
            hedges=[at(text, "may", "The troops"), at(text, "reportedly")],
        ),
    ]
    return article


def test_schema_is_valid_draft_2020_12() -> None:
    schema = load_schema()
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_every_property_is_documented() -> None:
    missing: list[str] = []

    def walk(node: dict[str, Any], where: str) -> None:
        for name, sub in node.get("properties", {}).items():
            if "description" not in sub:
                missing.append(f"{where}.{name}")
            walk(sub, f"{where}.{name}")
        if isinstance(node.get("items"), dict):
            walk(node["items"], f"{where}[]")

    schema = load_schema()
    walk(schema, "$")
    for name, definition in schema.get("$defs", {}).items():
        if "description" not in definition:
            missing.append(f"$defs.{name}")
        walk(definition, f"$defs.{name}")
    assert missing == []


def test_load_schema_returns_a_fresh_copy() -> None:
    load_schema()["properties"].clear()
    assert "text" in load_schema()["properties"]


def test_article_to_dict_validates() -> None:
    data = make_article().to_dict()
    validate_article(data)
    assert check_offsets(data) == []


def test_minimal_article_validates() -> None:
    data = Article(text="", source=Source(input="text")).to_dict()
    validate_article(data)
    assert check_offsets(data) == []


def test_output_is_json_round_trippable() -> None:
    data = make_article().to_dict()
    validate_article(json.loads(json.dumps(data)))


def test_from_dict_round_trip() -> None:
    data = make_article().to_dict()
    assert Article.from_dict(data).to_dict() == data


def test_article_with_quotes_validates_and_round_trips() -> None:
    data = make_quoted_article().to_dict()
    validate_article(data)
    assert check_offsets(data) == []
    assert data["quotes"][3]["speaker"] == {
        "start": data["text"].index("a European"),
        "end": data["text"].index("a European") + len("a European diplomat"),
        "text": "a European diplomat",
        "entity": None,
    }
    assert Article.from_dict(json.loads(json.dumps(data))).to_dict() == data


def _broken(change: str) -> dict[str, Any]:
    data = copy.deepcopy(make_quoted_article().to_dict())
    if change == "missing key":
        del data["text"]
    elif change == "block kind":
        data["blocks"][0]["kind"] = "sidebar"
    elif change == "extra key":
        data["summary"] = "not in version 1"
    elif change == "schema id":
        data["schema"] = "newsgraph.article/2"
    elif change == "negative offset":
        data["blocks"][1]["start"] = -1
    elif change == "removed kind":
        data["removed"][0]["kind"] = "footer"
    elif change == "date":
        data["published"] = "14 March 2016"
    elif change == "entity extra key":
        data["entities"][0]["salience"] = 0.9
    elif change == "source input":
        data["source"]["input"] = "pdf"
    elif change == "quote kind":
        data["quotes"][0]["kind"] = "paraphrase"
    elif change == "quote missing hedges":
        del data["quotes"][0]["hedges"]
    elif change == "quote extra key":
        data["quotes"][0]["confidence"] = 0.8
    elif change == "speaker without entity":
        del data["quotes"][3]["speaker"]["entity"]
    elif change == "hedge extra key":
        data["quotes"][3]["hedges"][0]["entity"] = None
    elif change == "content null":
        data["quotes"][0]["content"] = None
    elif change == "cue offset":
        data["quotes"][0]["cue"]["start"] = -3
    return data


@pytest.mark.parametrize(
    "change",
    [
        "missing key",
        "block kind",
        "extra key",
        "schema id",
        "negative offset",
        "removed kind",
        "date",
        "entity extra key",
        "source input",
        "quote kind",
        "quote missing hedges",
        "quote extra key",
        "speaker without entity",
        "hedge extra key",
        "content null",
        "cue offset",
    ],
)
def test_invalid_objects_fail(change: str) -> None:
    with pytest.raises(ValidationError):
        validate_article(_broken(change))


@pytest.mark.parametrize("date", ["2016", "2016-03", "2016-03-14", None])
def test_full_and_partial_dates_validate(date: str | None) -> None:
    data = make_article().to_dict()
    data["published"] = date
    validate_article(data)


def test_check_offsets_catches_wrong_mention_text() -> None:
    data = make_article().to_dict()
    data["entities"][0]["mentions"][0]["text"] = "Medvedev"
    problems = check_offsets(data)
    assert len(problems) == 1
    assert "entities[0].mentions[0]" in problems[0]


def test_check_offsets_catches_out_of_range() -> None:
    data = make_article().to_dict()
    data["blocks"][-1]["end"] = len(data["text"]) + 5
    data["entities"][2]["mentions"][0]["start"] = 10_000
    problems = check_offsets(data)
    assert [p.split(":")[0] for p in problems] == ["blocks[3]", "entities[2].mentions[0]"]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ("content text", "quotes[0].content: text"),
        ("hedge range", "quotes[3].hedges[1]: [0, 9999) is not a range"),
        ("speaker text", "quotes[1].speaker: text 'Kremlin'"),
        ("unknown entity", "quotes[0].addressee: entity 'e9' is not an entity id"),
        ("unknown within", "quotes[2].within: 'q7' is not the id of another quote"),
        ("within itself", "quotes[2].within: 'q3' is not the id of another quote"),
        ("duplicate id", "quotes[1]: id 'q1' is not unique"),
        ("cycle", "quotes[1].within: quotes reported inside each other in a cycle"),
    ],
)
def test_check_offsets_checks_quotes(change: str, expected: str) -> None:
    data = make_quoted_article().to_dict()
    quotes = data["quotes"]
    if change == "content text":
        quotes[0]["content"]["text"] = "to stop the withdrawal"
    elif change == "hedge range":
        quotes[3]["hedges"][1].update(start=0, end=9999)
    elif change == "speaker text":
        quotes[1]["speaker"]["start"] += 1
    elif change == "unknown entity":
        quotes[0]["addressee"]["entity"] = "e9"
    elif change == "unknown within":
        quotes[2]["within"] = "q7"
    elif change == "within itself":
        quotes[2]["within"] = "q3"
    elif change == "duplicate id":
        quotes[1]["id"] = "q1"
        quotes[2]["within"] = None
    elif change == "cycle":
        quotes[1]["within"] = "q3"
    problems = check_offsets(data)
    assert any(p.startswith(expected) for p in problems), problems


def test_check_offsets_reports_rather_than_raises_on_garbage() -> None:
    assert check_offsets({}) == ["text: missing or not a string"]
    assert check_offsets({"text": "abc", "blocks": [{"start": "0", "end": 2}], "entities": 3})
    garbage = {
        "text": "abc",
        "entities": [{"id": ["x"]}],
        "quotes": [
            {"id": ["q"], "content": "abc", "hedges": 5, "within": {"q": 1}},
            {"id": "q2", "speaker": {"start": 0, "end": 1, "text": "a", "entity": ["e"]}},
            7,
        ],
    }
    assert len(check_offsets(garbage)) == 2


def test_offsets_count_code_points_not_utf16_units() -> None:
    text = "🇺🇦 Zelensky spoke."
    mention = _span(text, "Zelensky")
    article = Article(
        text=text,
        source=Source(input="text"),
        blocks=[Block("paragraph", 0, len(text))],
        entities=[Entity("e1", "Volodymyr Zelensky", "PERSON", [], [mention])],
    )
    data = article.to_dict()
    assert data["entities"][0]["mentions"][0]["start"] == 3
    assert check_offsets(data) == []


def test_documented_example_follows_the_contract() -> None:
    """The example in docs/json-contract.md must stay a valid article."""
    if not DOCS.exists():
        pytest.skip("docs not present")
    found = re.search(r"```json\n(.*?)\n```", DOCS.read_text(encoding="utf-8"), re.DOTALL)
    assert found, "docs/json-contract.md has no ```json example"
    example = json.loads(found.group(1))
    validate_article(example)
    assert check_offsets(example) == []
