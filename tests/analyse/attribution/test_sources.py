"""Who speaks: the source head the parse gives a cue."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from newsgraph.analyse.attribution import sources
from newsgraph.analyse.nlp import load_nlp, parse


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        ("Obama responded on Friday by saying that the report was wrong.", "saying", "Obama"),
        ("In defending himself, Trump offered few details about the plan.", "defending", "Trump"),
        ("After saying that the talks had failed, she was whisked away by aides.", "saying", "she"),
    ],
)
def test_a_gerund_under_a_preposition_takes_the_subject_of_its_verb(
    text: str, cue: str, speaker: str
) -> None:
    doc = parse(text)
    head = sources.source_head(next(t for t in doc if t.text == cue))
    assert head is not None and head.text == speaker


def test_a_passive_cue_still_has_no_source_but_its_agent() -> None:
    for text, cue, speaker in (
        ("Sanders was asked about the endorsement on Friday.", "asked", None),
        ("The plan was criticized by the governor.", "criticized", "governor"),
    ):
        head = sources.source_head(next(t for t in parse(text) if t.text == cue))
        assert (head.text if head is not None else None) == speaker


def test_of_two_subjects_the_parser_gives_a_cue_the_nearer_speaks() -> None:
    # "'Reaction was swift,' Wimes said.": the parser hangs the quote's subject on "said" too
    words = ["“", "Reaction", "was", "swift", ",", "”", "Wimes", "said", "."]
    heads = [7, 7, 7, 2, 7, 7, 7, 7, 7]
    deps = ["punct", "nsubj", "ccomp", "acomp", "punct", "punct", "nsubj", "ROOT", "punct"]
    doc = Doc(load_nlp().vocab, words=words, heads=heads, deps=deps)
    head = sources.source_head(doc[7])
    assert head is not None and head.text == "Wimes"


def test_a_subject_on_a_line_above_gives_way_to_the_noun_before_the_cue() -> None:
    # a live blog's time stamp: the parser takes "p.m." for the subject and hangs the
    # speaker on it, so the noun just before the cue on its own line speaks
    words = ["4:30", "p.m.", "\n\n", "Trump", "'s", "manager", "says", "it", "works", "."]
    spaces = [True, False, False, False, True, True, True, True, False, False]
    heads = [1, 6, 1, 5, 3, 1, 6, 8, 6, 6]
    deps = ["nummod", "nsubj", "dep", "poss", "case", "appos", "ROOT", "nsubj", "ccomp", "punct"]
    pos = ["NUM", "NOUN", "SPACE", "PROPN", "PART", "NOUN", "VERB", "PRON", "VERB", "PUNCT"]
    doc = Doc(load_nlp().vocab, words, spaces, pos=pos, heads=heads, deps=deps)
    head = sources.source_head(doc[6])
    assert head is not None and head.text == "manager"


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("It is obvious that the plan has failed.", "obvious"),
        ("It was unclear whether the senator would run again.", "unclear"),
        ("Asked about the wall on Friday, Trump said that Mexico would pay.", "Asked"),
    ],
)
def test_no_one_speaks_for_an_it_predicate_or_a_bare_asked(text: str, cue: str) -> None:
    doc = parse(text)
    assert sources.source_head(next(t for t in doc if t.text == cue)) is None
    said = next((t for t in doc if t.text == "said"), None)
    if said is not None:  # the one asked still speaks for the verb the clause hangs on
        head = sources.source_head(said)
        assert head is not None and head.text == "Trump"


def test_an_inverted_speaker_after_a_quotation_speaks_where_the_parse_lost_it() -> None:
    # "'... a mistake,' said Col. Warren": the parser hangs the name inside the quoted clause
    words = ["“", "It", "was", "a", "mistake", ",", "”", "said", "Col.", "Warren", "."]
    heads = [2, 2, 7, 4, 2, 7, 7, 7, 9, 2, 7]
    deps = ["punct", "nsubj", "ccomp", "det", "attr", "punct", "punct", "ROOT", "compound",
            "npadvmod", "punct"]  # fmt: skip
    pos = ["PUNCT", "PRON", "AUX", "DET", "NOUN", "PUNCT", "PUNCT", "VERB", "PROPN", "PROPN",
           "PUNCT"]  # fmt: skip
    tags = ["``", "PRP", "VBD", "DT", "NN", ",", "''", "VBD", "NNP", "NNP", "."]
    doc = Doc(load_nlp().vocab, words, pos=pos, tags=tags, heads=heads, deps=deps)
    head = sources.source_head(doc[7])
    assert head is not None and head.text == "Warren"
