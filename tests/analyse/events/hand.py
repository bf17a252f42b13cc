"""Hand-made triggers over a real analysis, so the argument finder is tested without the coder."""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.analyse.events.context import Context, context
from newsgraph.analyse.events.find import events_of
from newsgraph.analyse.events.triggers import Trigger
from newsgraph.analyse.nlp import parse
from newsgraph.model import Article, Event
from newsgraph.pipeline import analyze


def analysed(text: str, published: str | None = None) -> tuple[Article, Doc]:
    """The article's analysis (entities, codes, quotes, timexes) and its parse."""
    article = analyze(text, input="text", published=published, time_limit_s=None)
    return article, parse(article.text)


def trigger(doc: Doc, words: str, kind: str, mode: str | None = None, after: str = "") -> Trigger:
    """A trigger on the first `words` of the text (after `after`), headed by their root."""
    start = doc.text.index(words, doc.text.index(after) if after else 0)
    span = doc.char_span(start, start + len(words), alignment_mode="expand")
    assert span is not None
    return Trigger(span.root.i, start, start + len(words), kind, mode)


def ctx_of(text: str, published: str | None = None) -> Context:
    """The shared lookups of a text's analysis."""
    article, doc = analysed(text, published)
    return context(article, doc)


def events(
    text: str, *wanted: tuple[str, str], published: str | None = None
) -> tuple[Article, list[Event]]:
    """The events of the (words, type) triggers over the text's analysis."""
    article, doc = analysed(text, published)
    return article, events_of(article, doc, [trigger(doc, w, k) for w, k in wanted])
