"""Every analysis stage costs in proportion to the length of the text (issue 10: a 50,000-word
text took 313 s, 160 words/s, where articles run at ~1,700).

The cost is counted as work (`tests/work.py`), not timed, on a passage repeated
5 and 40 times: eight times the text must take about eight times the work.
The stages that were quadratic did more: quote attribution 23 times, time
expressions 22, quantities (finding the quote a number sits in) 8.6. The
parse is spaCy's and `tests/analyse/test_nlp.py` covers how it is cut up.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import pytest
from spacy.tokens import Doc

from newsgraph.analyse.attribution.quotes import find_quotes
from newsgraph.analyse.entities.find import find_entities
from newsgraph.analyse.identity.link import identify
from newsgraph.analyse.nlp import parse
from newsgraph.analyse.quantities import find_quantities
from newsgraph.analyse.timex.find import find_timexes
from newsgraph.clean.plaintext import from_plain_text
from newsgraph.model import Article, Source

from tests.work import work

# News prose with what each stage looks for: organisations and people with
# titles, direct quotes before and after their cue, a continued quote, pronoun
# and role-noun speakers, hedges, dates and amounts inside and outside quotes.
PASSAGE = (
    "Acme Corp. said on Tuesday that it would cut 1,200 jobs by March. "
    '"We have no choice," said Jane Smith, the company\'s spokesman. "The market has changed." '
    "The spokesman added that the plan is expected to save $40 million a year.\n\n"
    "She told reporters last week that the cuts were painful, according to a statement. "
    "Union leader Bob Jones, who has criticised the plan, said: "
    '"This is a betrayal of 5,000 workers who gave the company 20 years."'
)
SMALL, LARGE = 5, 40
SLACK = 1.04  # linear stages do 7.8-8.1 times the work: the text's ends weigh more when short

Stage = Callable[[Article, Doc], object]


def _quotes(article: Article, doc: Doc) -> object:
    article.quotes = find_quotes(article, doc)
    return article.quotes


STAGES: dict[str, Stage] = {
    "entities": find_entities,
    "identify": lambda article, doc: identify(article),
    "quotes": _quotes,
    "timexes": find_timexes,
    "quantities": find_quantities,
}


def _work_per_stage(repeats: int) -> dict[str, int]:
    """The work of each stage, in pipeline order, on the passage repeated `repeats` times."""
    text = "\n\n".join([PASSAGE] * repeats)
    article = from_plain_text(text, Source(input="text"))
    doc = parse(article.text)
    article.entities = find_entities(article, doc)
    return {name: work(partial(stage, article, doc)) for name, stage in STAGES.items()}


@pytest.fixture(scope="module")
def ratios() -> dict[str, float]:
    _work_per_stage(1)  # models and caches loaded before anything is counted
    small, large = _work_per_stage(SMALL), _work_per_stage(LARGE)
    return {name: large[name] / small[name] for name in STAGES}


@pytest.mark.parametrize("stage", list(STAGES))
def test_stage_work_grows_linearly_with_length(ratios: dict[str, float], stage: str) -> None:
    assert ratios[stage] <= SLACK * LARGE / SMALL, ratios
