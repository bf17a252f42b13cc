from __future__ import annotations

from newsgraph.clean.plaintext import from_plain_text
from newsgraph.model import Source

PARAGRAPH = "The council voted on Tuesday to approve the new budget for public transport."


def test_a_chinese_paragraph_is_a_paragraph_not_a_heading() -> None:
    text = (
        "市议会批准预算\n\n"
        "市议会周二投票批准了一项新预算，未来两年公共交通支出将增加百分之十二。\n\n"
        # no closing full stop: its length alone (some 25 words) makes it a paragraph
        "反对者表示这笔钱最好用于修复道路他们说冬季过后道路状况十分危险而且维修费用每年都在上涨"
    )
    article = from_plain_text(text, Source(input="text"))
    assert [b.kind for b in article.blocks] == ["title", "paragraph", "paragraph"]
    assert article.title == "市议会批准预算"


def test_embeds_and_placeholders_between_paragraphs_are_not_paragraphs() -> None:
    slots = ['<tweet tweet-id="785842546878578688"><tweet/>', "{{ad}}", "<!-- ad -->", "[embed]"]
    text = "\n\n".join(f"{PARAGRAPH}\n\n{slot}" for slot in slots)
    article = from_plain_text(text, Source(input="text"))
    assert article.text == text  # kept exactly as given
    assert article.blocks_of("paragraph") == [PARAGRAPH] * 4
    assert [r.text for r in article.removed] == slots


def test_a_paragraph_mentioning_a_tag_stays() -> None:
    text = f"{PARAGRAPH}\n\nThe page used a <br> tag where a paragraph should have been."
    article = from_plain_text(text, Source(input="text"))
    assert len(article.blocks_of("paragraph")) == 2
