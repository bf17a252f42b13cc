"""Cue words: the lexicon keys mined from PolNeAR and the "seemed to" rule."""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.analyse.attribution import cues, sources
from newsgraph.analyse.attribution.quotes import find_quotes
from newsgraph.analyse.nlp import parse
from newsgraph.model import Article, Source


def _word(text: str, word: str) -> Token:
    return next(t for t in parse(text) if t.text == word)


def test_the_subject_key_tells_who_does_the_reporting() -> None:
    assert cues.subject_key(_word("A new poll shows that Clinton leads.", "shows")) == "show/v~poll"
    assert cues.subject_key(_word("He said that the plan failed.", "said")) == "say/v~pron"
    assert cues.subject_key(_word("Asked about it, nobody answered.", "Asked")) == "ask/v~-"


def test_the_governed_verbs_share_is_a_feature() -> None:
    wants = _word("He wants to say more about the plan.", "wants")
    often = {cues.cue_key(wants): [5, 50], "say/v": [90, 100]}
    never = {cues.cue_key(wants): [5, 50], "say/v": [0, 100]}
    assert cues.features(wants, False, 99, often)[-1] > 0.8
    assert cues.features(wants, False, 99, never)[-1] < 0.01


def test_seemed_to_governs_a_word_of_saying_only_if_that_word_often_reports() -> None:
    seemed = _word("Cruz seemed to blame the Democrats for the shutdown.", "seemed")
    counts = {"seem/v": [50, 100], "blame/v": [30, 50]}
    verb = cues.seeming_verb(seemed, counts)
    assert verb is not None and verb.text == "blame"
    assert cues.seeming_verb(seemed, {"seem/v": [50, 100], "blame/v": [1, 50]}) is None
    shrinking = _word("The economy seemed to be shrinking.", "seemed")
    assert cues.seeming_verb(shrinking, {"seem/v": [50, 100], "be/v": [10, 10000]}) is None


def test_the_subject_of_seemed_to_blame_speaks() -> None:
    seemed = _word("Cruz seemed to blame the Democrats for the shutdown.", "seemed")
    assert sources.source_head(seemed) is None
    head = sources.source_head(seemed, reporting=True)
    assert head is not None and head.text == "Cruz"


def test_seemed_to_blame_is_one_cue_with_its_speaker() -> None:
    text = "Cruz seemed to blame the Democrats for the shutdown."
    model = dict(cues.model())
    model["lexicon"] = {"seem/v": [50, 100], "blame/v": [30, 50]}
    model["classifier"] = {"init": 5.0, "learning_rate": 0.1, "trees": []}  # every word a cue
    article = Article(text=text, source=Source(input="text"))
    found = find_quotes(article, parse(text), model=model)
    assert [q.cue.text for q in found if q.cue is not None] == ["seemed to blame"]
    speaker = found[0].speaker
    assert speaker is not None and speaker.span.text == "Cruz"
    assert found[0].content.text == "the Democrats for the shutdown"
