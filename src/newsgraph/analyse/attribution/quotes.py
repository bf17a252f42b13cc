"""Who said what: direct, indirect and mixed attributions, with cue, speaker, addressee and hedges.

An attribution starts from its cue. Every word of the learned cue lexicon
that has a content candidate (below) is scored by the cue classifier
(`cues.py`), which also sees how that content was found; for each word that
heads a cue the parse gives the rest:

- content: the reported clause ("stressed [that the two did not discuss ...]",
  "that" included as PolNeAR marks it), the clause an "according to" phrase
  hangs on, the clause a parenthetical "..., he said" or an "as the Post
  reported" interrupts (in its paragraph), the object of a cue like
  "endorsed" or of a preposition the cue takes in ("called for"), or the
  complement of a verb or object the cue takes in ("continued to affirm
  [X]", "expressed confidence [that ...]"), never a clause before the cue
  behind a paragraph break, colon or semicolon (the parser runs across
  those); a content that touches a quoted passage grows to the passage's
  marks; a statement closing another's content ("..., adding that ...") is
  cut out of it;
- continuations: quoted passages later in the same paragraph with nothing but
  this attribution's own words between ("'...,' he said. '...'") join its
  content, and a paragraph that is only a quotation, following a direct
  quote, continues it;
- source, addressee and entity: `sources.py`; hedges: `hedges.py`.

A quoted passage without a cue is a scare quote or a title ("mission
accomplished") and is left alone. Attributions that share words are resolved
in PolNeAR's way, one attribution per word, except that a cue heading the
clause another attribution reports is kept as a nested attribution
(`within`). A noun cue with a possessor that speaks and a "that" clause
quoting words is kept even where the classifier doubts it ("Assad's claim
that it was '...'"); any other cue the parse gives no source must score
above `UNSOURCED_THRESHOLD` as well as the model's threshold; a noun outside
the lexicon whose verb heads cues is a cue with such a possessor and a
"that" clause ("Putin's boast that ...").
Nothing here raises on odd text: unbalanced quotation marks just end at the
paragraph.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from spacy.tokens import Doc, Token

from newsgraph.analyse.attribution import cues, sources, speakers
from newsgraph.analyse.attribution.assembly import (
    Found,
    continue_quotes,
    cut_following_statements,
    nest,
    resolve_overlaps,
)
from newsgraph.analyse.attribution.content import content_candidate, content_spans
from newsgraph.analyse.attribution.hedges import find_hedges
from newsgraph.analyse.attribution.quotemarks import Passage, passages
from newsgraph.model import Article, Party, Quote, QuoteKind, TextSpan

# a cue the parse gives no source must score this much, not just the model's threshold:
# out of fold on train such predictions have the right cue half the time, three quarters
# with a source; chosen by CV on train as the value that costs content overlap least
# (0.45: content exact 0.5327, overlap 0.8287, source 0.7233, cue 0.6788; 0.5: 0.5335,
# 0.8284, 0.7235, 0.6792; 0.6: 0.5344, 0.8278, 0.7233, 0.6787; none: 0.5318, 0.8289,
# 0.7228, 0.6782)
UNSOURCED_THRESHOLD = 0.45
_NESTED_SHARE = 0.2  # lexicon share above which a word inside a content may cue a nested quote
# "Lynch: No outside influence ...", "TAPPER: And obviously, ...": a capitalised name opening a line
_NAME_WORD = r"(?:[A-Z][\w.'’-]*|\([\w.-]+\))"
_SPEAKER_LINE = re.compile(
    rf"^[ \t\"“]*({_NAME_WORD}(?:[ \t]+(?:{_NAME_WORD}|of|the|de)){{0,5}})[ \t]*:[ \t]*(?=[^\s\d])",
    re.MULTILINE,
)
_SPEAKER_ENTS = frozenset({"PERSON", "ORG"})


def find_quotes(article: Article, doc: Doc, *, model: dict[str, Any] | None = None) -> list[Quote]:
    """Every attribution in the article, in text order. `doc` is the parse of `article.text`.

    `model` is the cue model (`models/quotes.json` when None); training passes
    the model of the other folds to measure the whole extractor out of fold.
    """
    if not article.text.strip() or doc.text != article.text:
        return []
    model = model if model is not None else cues.model()
    marks = passages(doc.text)
    spans = [(p.start, p.end) for p in marks]
    inside = cues.quote_index([t.idx for t in doc], spans)
    found = _attributions(doc, marks, inside, model)
    found = resolve_overlaps(found)
    cut_following_statements(doc, found, marks, inside)
    found += _nested(doc, found, marks, inside, model)
    found += _speaker_lines(doc, found, marks, inside)
    found.sort(key=lambda f: f.pieces[0])
    continue_quotes(doc, found, marks, inside)
    nest(found)
    return _within_blocks(article, _to_quotes(article, doc, found, inside))


def _within_blocks(article: Article, quotes: list[Quote]) -> list[Quote]:
    """Without statements whose speaker is a headline or heading outside the cue's block.

    The parser runs across block breaks (a headline without a full stop joins the
    caption below it), so a "speaker" can be a headline and a "cue" a caption's
    verb. A speaker in an earlier paragraph is fine: quotes run on across them.
    """
    heads = [(b.start, b.end) for b in article.blocks if b.kind in ("title", "heading")]

    def misplaced(quote: Quote) -> bool:
        if quote.speaker is None:
            return False
        cue = (quote.cue or quote.content).start
        speaker = quote.speaker.span
        return any(start <= speaker.start < end and not start <= cue < end for start, end in heads)

    kept = [q for q in quotes if not misplaced(q)]
    renamed = {q.id: f"q{n}" for n, q in enumerate(kept, 1)}
    for quote in kept:
        quote.id = renamed[quote.id]
        quote.within = renamed.get(quote.within or "")
    return kept


class Candidate(NamedTuple):
    """A lexicon word with a content candidate, as the cue classifier sees it."""

    cue: Token
    cue_ids: list[int]
    content: cues.Content
    features: list[float]


def candidates(
    doc: Doc,
    marks: list[Passage],
    inside: list[int],
    counts: dict[str, list[int]],
    joiners: dict[str, float],
) -> list[Candidate]:
    """Every word of the lexicon `counts` that has a content candidate, with its features.

    Training (`train/quotes.py`) reads the same list, so the classifier learns
    from exactly what the extractor scores.
    """
    text = doc.text
    out: list[Candidate] = []
    for tok in doc:
        if not cues.is_candidate(tok, counts) or cues.seeming_verb(tok.head, counts) is tok:
            continue  # "seemed to [blame]": the word is part of its head's cue
        ids = [t.i for t in cues.cue_tokens(tok, joiners)]
        verb = cues.seeming_verb(tok, counts)
        if verb is not None:  # "seemed [to blame]", "appears [set to veto]"
            ids = sorted({*ids, *range(tok.i + 1, verb.i + 1)})
        content = content_candidate(tok, ids, marks, inside, text)
        if content is not None:
            near = cues.near_quote(tok, inside)
            row = cues.features(tok, inside[tok.i] >= 0, near, counts, content)
            out.append(Candidate(tok, ids, content, row))
    return out


def _attributions(
    doc: Doc, marks: list[Passage], inside: list[int], model: dict[str, Any]
) -> list[Found]:
    """One attribution per word the classifier takes for a cue head, where a content is found."""
    threshold = model.get("threshold", cues.THRESHOLD)
    found = candidates(doc, marks, inside, model["lexicon"], model["joiners"])
    out: list[Found] = []
    for (tok, cue_ids, content, _), prob in zip(
        found, cues.score([c.features for c in found], model), strict=True
    ):
        claimed = _claimed_words(tok, content)
        if not claimed and (prob < threshold or cues.never_here(tok, model["lexicon"], content)):
            continue
        item = Found(tok, cue_ids, set(content.ids), prob=prob)
        item.pieces = content_spans(doc, item.content, marks, inside)
        reporting = cues.seeming_verb(tok, model["lexicon"]) is not None
        item.source = sources.source_head(tok, reporting=reporting)
        if item.source is not None and (
            item.source.i in item.content or inside[item.source.i] not in (-1, inside[tok.i])
        ):
            item.source = None
        if item.source is None and not claimed and prob < UNSOURCED_THRESHOLD:
            continue
        if item.pieces:
            out.append(item)
    return out + _possessive_cues(doc, marks, inside, model)


def _possessive_cues(
    doc: Doc, marks: list[Passage], inside: list[int], model: dict[str, Any]
) -> list[Found]:
    """Nouns of saying outside the lexicon with a speaking possessor: "Putin's boast that ..."."""
    out: list[Found] = []
    for tok in doc:
        clause = cues.possessive_cue(tok, model["lexicon"]) if inside[tok.i] < 0 else None
        if clause is None:
            continue
        content = {t.i for t in clause.subtree if not t.is_space}
        item = Found(tok, [tok.i], content, prob=cues.verb_form_share(tok, model["lexicon"]))
        item.source = sources.source_head(tok)
        item.pieces = content_spans(doc, content, marks, inside)
        if item.pieces:
            out.append(item)
    return out


def _claimed_words(cue: Token, content: cues.Content) -> bool:
    """Whether a noun cue reports its possessor's own words: Assad's claim that it was "...".

    A possessor that can speak (a person, organisation, place or pronoun) and a
    "that" clause with a quotation in it make a mixed attribution even where
    the classifier doubts the noun: 6 of 10 such in PolNeAR train are, above
    the precision at which keeping one costs F1.
    """
    first = cue.doc[min(content.ids)]
    return (
        cue.pos_ == "NOUN"
        and first.lower_ == "that"
        and 0.0 < content.quoted < 1.0
        and any(
            c.dep_ == "poss" and (c.ent_type_ in cues.SPEAKER_ENTS or c.pos_ == "PRON")
            for c in cue.children
        )
    )


def _nested(
    doc: Doc, found: list[Found], marks: list[Passage], inside: list[int], model: dict[str, Any]
) -> list[Found]:
    """Attributions inside another's content: the White House said Obama "underscored ...".

    PolNeAR never annotates these (each word belongs to one attribution), so
    the classifier learned to reject them; a plain rule takes them back: a cue
    word with a subject and a "that" clause inside an accepted content.
    """
    counts = model["lexicon"]
    taken = {i for f in found for i in f.cue_ids}
    out: list[Found] = []
    for outer in found:
        for i in sorted(outer.content):
            tok = doc[i]
            if i in taken or not cues.is_candidate(tok, counts) or tok.pos_ != "VERB":
                continue
            if cues.lexicon_score(counts, cues.cue_key(tok))[0] < _NESTED_SHARE:
                continue
            subject = sources.source_head(tok)
            that = next(
                (c for c in tok.children if c.dep_ == "ccomp"
                 and any(m.lower_ == "that" for m in c.children)),
                None,
            )  # fmt: skip
            if subject is None or that is None or subject.i not in outer.content:
                continue
            content = {t.i for t in that.subtree if not t.is_space}
            item = Found(tok, [t.i for t in cues.cue_tokens(tok, model["joiners"])], content)
            item.source, item.within = subject, outer
            item.pieces = content_spans(doc, content, marks, inside)
            if item.pieces:
                out.append(item)
                taken.update(item.cue_ids)
    return out


def _speaker_lines(
    doc: Doc, found: list[Found], marks: list[Passage], inside: list[int]
) -> list[Found]:
    """Lines a named speaker opens with a colon: headlines ("Sanders: ...") and transcripts.

    The colon is the cue and the rest of the line the content; the name must
    be a person or an organisation, so "UPDATE:" or "Iowa:" are left alone,
    and a name in the possessive is a thing of theirs, not a speaker
    ("Putin's Pullout: Behind ...").
    A headline's name is often left untyped by the tagger, so on the first
    line a name the article gives a person or organisation elsewhere speaks
    too ("Lynch: No outside influence ..."): in PolNeAR train 17 of 17 such
    headlines are attributions, where untyped names it never gives one
    ("Poll:", "Revealed:", "The Latest:") are 15 of 39.
    """
    text = doc.text
    taken = {i for f in found for i in f.cue_ids}
    named = {e[-1].lower_ for e in doc.ents if e.label_ in _SPEAKER_ENTS}
    headline_end = text.find("\n")
    out: list[Found] = []
    for m in _SPEAKER_LINE.finditer(text):
        name = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        colon = doc.char_span(m.end(1), m.end(), alignment_mode="expand")
        if name is None or colon is None or any(t.tag_ == "POS" for t in name):
            continue
        headline = headline_end < 0 or m.start() < headline_end
        if not any(t.ent_type_ in _SPEAKER_ENTS for t in name) and not (
            headline and name[-1].lower_ in named
        ):
            continue
        cue = next((t for t in colon if t.text == ":"), None)
        line_end = text.find("\n", m.end())
        body = doc.char_span(
            m.end(), len(text) if line_end < 0 else line_end, alignment_mode="expand"
        )
        if cue is None or body is None or cue.i in taken:
            continue
        item = Found(cue, [cue.i], {t.i for t in body if not t.is_space}, prob=1.0)
        item.source = name.root
        item.pieces = content_spans(doc, item.content, marks, inside)
        if item.pieces:
            out.append(item)
    return out


def _to_quotes(article: Article, doc: Doc, found: list[Found], inside: list[int]) -> list[Quote]:
    """The public records, with speakers resolved, hedges found and nesting recorded."""
    heads = [f.source for f in found if f.source is not None]
    referents = speakers.referents(doc, article.text, article.entities, heads, inside)
    mentions = sources.Mentions.of(article.entities, referents)
    text = doc.text
    quotes: list[Quote] = []
    previous: Party | None = None
    all_cues = {i for f in found for i in f.cue_ids}
    ids = {id(item): f"q{n}" for n, item in enumerate(found, start=1)}
    for n, item in enumerate(found, start=1):
        start, end = item.pieces[0][0], item.pieces[-1][1]
        cue_first, cue_last = doc[item.cue_ids[0]], doc[item.cue_ids[-1]]
        cue_end = cue_last.idx + len(cue_last)
        stop = item.content | all_cues
        speaker = (
            sources.party(item.source, stop, mentions, previous)
            if item.source is not None
            else None
        )
        addressee_tok = sources.addressee_head(item.cue, item.content)
        addressee = (
            sources.party(addressee_tok, stop, mentions, None)
            if addressee_tok is not None
            else None
        )
        words = [doc[i] for i in sorted(item.content | set(item.cue_ids))]
        words += [c for c in item.cue.children if c.dep_ == "advmod"]
        quotes.append(
            Quote(
                id=f"q{n}",
                kind=_kind(text, item.pieces),
                content=TextSpan(start, end, text[start:end]),
                cue=TextSpan(cue_first.idx, cue_end, text[cue_first.idx : cue_end]),
                speaker=speaker,
                addressee=addressee,
                hedges=find_hedges(words),
                within=ids[id(item.within)] if item.within is not None else None,
            )
        )
        if speaker is not None:
            previous = speaker
    return quotes


def _kind(text: str, pieces: list[tuple[int, int]]) -> QuoteKind:
    """Direct when every piece is a quotation, mixed when a quotation is inside, else indirect."""
    bodies = [text[s:e].strip(" \n\t,.;:") for s, e in pieces]
    marks = '"“”„‟«»'
    if all(b[:1] in marks and b[-1:] in marks for b in bodies if b) or all(
        b.startswith("''") and b.endswith("''") for b in bodies if b
    ):
        return "direct"
    return (
        "mixed"
        if any(c in b for b in bodies for c in marks) or "''" in "".join(bodies)
        else "indirect"
    )
