"""The shared spaCy pipeline: loaded once, long texts parsed in pieces with exact offsets."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsgraph.analyse import nlp as nlp_module
from newsgraph.analyse.nlp import chunks, load_nlp, parse, parse_many

PARAGRAPH = (
    "Kremlin spokesman Dmitry Peskov said on Tuesday that Russia would keep its bases in "
    "Syria, while officials in Washington said the United States was watching closely."
)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


def test_model_loads_once_with_what_entities_and_quotes_need(nlp: Language) -> None:
    assert load_nlp() is nlp
    for name in ("tagger", "parser", "attribute_ruler", "lemmatizer", "ner"):
        assert name in nlp.pipe_names


def test_chunks_join_back_exactly_and_respect_the_limit() -> None:
    text = "\n\n".join(f"Paragraph {i}. " + "word " * (i % 7 + 3) for i in range(200))
    pieces = chunks(text, 300)
    assert "".join(pieces) == text
    assert all(0 < len(p) <= 300 for p in pieces)
    assert all(p.endswith("\n\n") for p in pieces[:-1])


def test_chunks_cut_anywhere_when_there_is_no_break() -> None:
    text = "x" * 1050
    pieces = chunks(text, 100)
    assert "".join(pieces) == text
    assert max(map(len, pieces)) == 100
    assert chunks("") == [""]


def test_long_text_is_parsed_in_pieces_with_exact_offsets(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "\n\n".join([PARAGRAPH] * 6)
    monkeypatch.setattr(nlp_module, "CHUNK_CHARS", 400)
    doc = parse(text)
    assert doc.text == text
    assert all(text[e.start_char : e.end_char] == e.text for e in doc.ents)
    assert [e.text for e in doc.ents].count("Dmitry Peskov") == 6
    assert all(tok.head.doc is doc for tok in doc)


def test_parse_many_keeps_order_and_handles_empty_and_long_texts(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(nlp_module, "CHUNK_CHARS", 400)
    texts = [PARAGRAPH, "", "\n\n".join([PARAGRAPH] * 4), "Short one."]
    docs = list(parse_many(texts, batch_size=2))
    assert [d.text for d in docs] == texts
    assert list(parse_many([])) == []
