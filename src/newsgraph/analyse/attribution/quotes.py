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
that it was '...'"); a noun outside the lexicon whose verb heads cues is a
cue with such a possessor and a "that" clause ("Putin's boast that ...").
Nothing here raises on odd text: unbalanced quotation marks just end at the
paragraph.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from spacy.tokens import Doc, Token

from newsgraph.analyse.attribution import cues, sources, speakers
from newsgraph.analyse.attribution.hedges import find_hedges
from newsgraph.analyse.attribution.quotemarks import Passage, passages
from newsgraph.model import Article, Party, Quote, QuoteKind, TextSpan

QUOTE_MARKS = "\"“”„‟«»'"
_CONTENT_DEPS = ("ccomp", "xcomp", "dobj", "acl", "prep", "attr", "oprd", "advcl")
_NESTED_SHARE = 0.2  # lexicon share above which a word inside a content may cue a nested quote
_GLUE = " \t,.:;—–-"  # what may stand between a quoted passage and its cue clause
_TELLING = frozenset({"tell", "inform", "assure", "remind", "brief"})
_ASKING = frozenset({"ask", "warn", "urge", "caution", "advise"})
_AUDIENCES = frozenset({"reporter", "crowd", "audience", "supporter", "voter", "journalist"})
_STATEMENT_WORDS = 4  # a quoted passage shorter than this is a fragment, not a continuation
# "Lynch: No outside influence ...", "TAPPER: And obviously, ...": a capitalised name opening a line
_NAME_WORD = r"(?:[A-Z][\w.'’-]*|\([\w.-]+\))"
_SPEAKER_LINE = re.compile(
    rf"^[ \t\"“]*({_NAME_WORD}(?:[ \t]+(?:{_NAME_WORD}|of|the|de)){{0,5}})[ \t]*:[ \t]*(?=[^\s\d])",
    re.MULTILINE,
)
_SPEAKER_ENTS = frozenset({"PERSON", "ORG"})


@dataclass(slots=True, eq=False)
class _Found:
    """An attribution being built (equal only to itself): token ids, content as char spans."""

    cue: Token
    cue_ids: list[int]
    content: set[int]
    pieces: list[tuple[int, int]] = field(default_factory=list)
    source: Token | None = None
    prob: float = 0.0
    within: _Found | None = None  # the attribution whose content reports this one


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
    found = _resolve_overlaps(found)
    _cut_following_statements(doc, found, marks, inside)
    found += _nested(doc, found, marks, inside, model)
    found += _speaker_lines(doc, found, marks, inside)
    found.sort(key=lambda f: f.pieces[0])
    _continue_quotes(doc, found, marks, inside)
    _nest(found)
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
        if not cues.is_candidate(tok, counts):
            continue
        ids = [t.i for t in cues.cue_tokens(tok, joiners)]
        content = content_candidate(tok, ids, marks, inside, text)
        if content is not None:
            near = cues.near_quote(tok, inside)
            row = cues.features(tok, inside[tok.i] >= 0, near, counts, content)
            out.append(Candidate(tok, ids, content, row))
    return out


def _attributions(
    doc: Doc, marks: list[Passage], inside: list[int], model: dict[str, Any]
) -> list[_Found]:
    """One attribution per word the classifier takes for a cue head, where a content is found."""
    threshold = model.get("threshold", cues.THRESHOLD)
    found = candidates(doc, marks, inside, model["lexicon"], model["joiners"])
    out: list[_Found] = []
    for (tok, cue_ids, content, _), prob in zip(
        found, cues.score([c.features for c in found], model), strict=True
    ):
        claimed = _claimed_words(tok, content)
        if not claimed and (prob < threshold or cues.never_here(tok, model["lexicon"], content)):
            continue
        item = _Found(tok, cue_ids, set(content.ids), prob=prob)
        item.pieces = _pieces(doc, item.content, marks, inside)
        item.source = sources.source_head(tok)
        if item.source is not None and (
            item.source.i in item.content or inside[item.source.i] not in (-1, inside[tok.i])
        ):
            item.source = None
        if item.pieces:
            out.append(item)
    return out + _possessive_cues(doc, marks, inside, model)


def _possessive_cues(
    doc: Doc, marks: list[Passage], inside: list[int], model: dict[str, Any]
) -> list[_Found]:
    """Nouns of saying outside the lexicon with a speaking possessor: "Putin's boast that ..."."""
    out: list[_Found] = []
    for tok in doc:
        clause = cues.possessive_cue(tok, model["lexicon"]) if inside[tok.i] < 0 else None
        if clause is None:
            continue
        content = {t.i for t in clause.subtree if not t.is_space}
        item = _Found(tok, [tok.i], content, prob=cues.verb_form_share(tok, model["lexicon"]))
        item.source = sources.source_head(tok)
        item.pieces = _pieces(doc, content, marks, inside)
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


def content_candidate(
    cue: Token, cue_ids: list[int], marks: list[Passage], inside: list[int], text: str
) -> cues.Content | None:
    """What the cue word `cue` would report, if it heads a cue: from the parse or a next passage.

    Training calls this too: the cue classifier sees only words with a
    content and learns from how the content was found. `text` is `cue.doc.text`
    (passed in: spaCy rebuilds it on every access).
    """
    ids, kind = _content(cue, set(cue_ids))
    # never from a line above the cue's: the parser runs across line breaks, so a
    # caption's passive "are seen" gets the headline above it as its subject
    at = {i: cue.doc[i].idx for i in ids}
    line = text.rfind("\n", min(at.values(), default=cue.idx), cue.idx)  # back to the content only
    ids = {i for i, idx in at.items() if idx > line}
    if not ids:
        ids, kind = _adjacent_passage(cue, marks, inside, text), "passage"
    if not ids:
        return None
    quoted = sum(inside[i] >= 0 for i in ids) / len(ids)
    return cues.Content(frozenset(ids), kind, quoted)


def _nested(
    doc: Doc, found: list[_Found], marks: list[Passage], inside: list[int], model: dict[str, Any]
) -> list[_Found]:
    """Attributions inside another's content: the White House said Obama "underscored ...".

    PolNeAR never annotates these (each word belongs to one attribution), so
    the classifier learned to reject them; a plain rule takes them back: a cue
    word with a subject and a "that" clause inside an accepted content.
    """
    counts = model["lexicon"]
    taken = {i for f in found for i in f.cue_ids}
    out: list[_Found] = []
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
            item = _Found(tok, [t.i for t in cues.cue_tokens(tok, model["joiners"])], content)
            item.source, item.within = subject, outer
            item.pieces = _pieces(doc, content, marks, inside)
            if item.pieces:
                out.append(item)
                taken.update(item.cue_ids)
    return out


def _speaker_lines(
    doc: Doc, found: list[_Found], marks: list[Passage], inside: list[int]
) -> list[_Found]:
    """Lines a named speaker opens with a colon: headlines ("Sanders: ...") and transcripts.

    The colon is the cue and the rest of the line the content; the name must
    be a person or an organisation, so "UPDATE:" or "Iowa:" are left alone,
    and a name in the possessive is a thing of theirs, not a speaker
    ("Putin's Pullout: Behind ...").
    """
    text = doc.text
    taken = {i for f in found for i in f.cue_ids}
    out: list[_Found] = []
    for m in _SPEAKER_LINE.finditer(text):
        name = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        colon = doc.char_span(m.end(1), m.end(), alignment_mode="expand")
        if (
            name is None
            or colon is None
            or not any(t.ent_type_ in _SPEAKER_ENTS for t in name)
            or any(t.tag_ == "POS" for t in name)
        ):
            continue
        cue = next((t for t in colon if t.text == ":"), None)
        line_end = text.find("\n", m.end())
        body = doc.char_span(
            m.end(), len(text) if line_end < 0 else line_end, alignment_mode="expand"
        )
        if cue is None or body is None or cue.i in taken:
            continue
        item = _Found(cue, [cue.i], {t.i for t in body if not t.is_space}, prob=1.0)
        item.source = name.root
        item.pieces = _pieces(doc, item.content, marks, inside)
        if item.pieces:
            out.append(item)
    return out


def _content(cue: Token, cue_ids: set[int]) -> tuple[set[int], str]:
    """Token ids of what the cue reports, from the parse, and the dependency that gave them."""
    if cue.lower_ == "according":
        host = cue.head
        if host.i == cue.i:
            return set(), ""
        return _host_clause(host, cue), "according"
    for dep in _CONTENT_DEPS:
        for child in cue.children:
            if dep in ("xcomp", "dobj", "acl") and child.dep_ == dep and child.i in cue_ids:
                inner = _content(child, cue_ids)  # "continued to affirm [their support]"
                if inner[0]:
                    return inner
            if child.dep_ != dep or (child.i in cue_ids and dep != "prep"):
                continue
            if _cut_off_before(cue, child):
                continue
            if dep == "prep":  # "called for [X]", "spoke about [X]": the prep joins the cue
                if child.i not in cue_ids:
                    continue
                obj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
                if obj is None or obj.i in cue_ids:  # "said [in a statement]": all cue
                    continue
                child = obj
            if dep == "advcl" and not any(m.lower_ in ("as", "that") for m in child.children):
                continue
            if dep == "dobj" and _addressed(cue, child):
                continue
            ids = {t.i for t in child.subtree if not t.is_space}
            if dep == "dobj":
                ids |= _object_complements(cue, child)
            return ids, dep
    link = cues.copula(cue)
    clause = next(
        (c for c in link.children if c.dep_ in ("ccomp", "xcomp") and c.i > cue.i), None
    ) if link is not None else None  # fmt: skip
    if clause is not None:  # "were hopeful Tuesday [that ...]": the clause hangs on the "were"
        return {t.i for t in clause.subtree if not t.is_space}, clause.dep_
    subject = next((c for c in cue.children if c.dep_ == "nsubjpass"), None)
    if subject is not None and cue.pos_ == "VERB":  # "[The plan] was criticized (by X)"
        return {t.i for t in subject.subtree if not t.is_space}, "nsubjpass"
    if cue.head.i != cue.i and (
        cue.dep_ == "parataxis"
        or (cue.dep_ == "ccomp" and cue.head.i < cue.i)
        or (
            cue.dep_ in ("advcl", "acl")
            and any(c.dep_ == "mark" and c.lower_ == "as" for c in cue.children)
        )
    ):  # "The task, he said, was fulfilled.", "As the Post reported, the task ..."
        return _host_clause(cue.head, cue), "host"
    return set(), ""


def _cut_off_before(cue: Token, child: Token) -> bool:
    """Whether a child's words all precede the cue behind a paragraph break, colon or semicolon.

    The parser runs across such breaks ("“...”\n\nSanders said he ...",
    "... had an effect: 20 percent said they ..."), hanging the clause before
    them on the cue; a reported clause never precedes its cue across one.
    """
    words = [t for t in child.subtree if not (t.is_space or t.is_punct)]
    if not words or words[-1].i > cue.i:
        return False
    between = cue.doc[words[-1].i + 1 : cue.i]
    return any("\n" in t.text or t.text in (":", ";") for t in between)


def _addressed(cue: Token, obj: Token) -> bool:
    """Whether the object of a cue is whom it addresses, not what it reports ("told reporters")."""
    lemma = cue.lemma_.lower()
    if lemma in _TELLING:
        return True
    return lemma in _ASKING and (
        obj.pos_ in ("PRON", "PROPN") or obj.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
        or obj.lemma_.lower() in _AUDIENCES
    )  # fmt: skip


def _adjacent_passage(cue: Token, marks: list[Passage], inside: list[int], text: str) -> set[int]:
    """The quoted passage just before or after the cue's clause ("'...,' he said." / "said: '...'").

    For cues whose parse gives no content: the tagger often cuts a sentence at
    the closing mark, leaving "he said" with nothing to report.
    """
    if not marks or inside[cue.i] >= 0:
        return set()
    doc = cue.doc
    own = [t.i for t in cue.subtree if inside[t.i] < 0 and not t.is_space]
    lo, hi = doc[min(own)], doc[max(own)]
    # only the last passage starting before the clause's last word can come before it
    first = max(0, bisect.bisect_left(marks, hi.idx, key=lambda m: m.start) - 1)
    for k in range(first, len(marks)):
        mark = marks[k]
        if mark.end <= lo.idx and not text[mark.end : lo.idx].strip(_GLUE):
            after = marks[k + 1].start if k + 1 < len(marks) else len(text)
            if after >= hi.idx:
                return _passage_tokens(doc, mark, inside, k)
        if mark.start >= hi.idx + len(hi) and not text[hi.idx + len(hi) : mark.start].strip(_GLUE):
            return _passage_tokens(doc, mark, inside, k)
        if mark.start > hi.idx:
            break
    return set()


def _passage_tokens(doc: Doc, mark: Passage, inside: list[int], k: int) -> set[int]:
    """Token ids inside the k-th quoted passage."""
    span = doc.char_span(mark.start, mark.end, alignment_mode="expand")
    return {t.i for t in span or [] if inside[t.i] == k and not t.is_space}


def _host_clause(host: Token, aside: Token) -> set[int]:
    """The clause `host` heads in `aside`'s paragraph, without the phrase `aside` hangs in it."""
    skip = {t.i for t in aside.subtree}
    start, end = _paragraph(aside)
    return {t.i for t in host.subtree if t.i not in skip and start <= t.i < end and not t.is_space}


def _paragraph(tok: Token) -> tuple[int, int]:
    """The token range of `tok`'s sentence within its paragraph: the parser runs across breaks."""
    sent, doc = tok.sent, tok.doc
    start = tok.i
    while start > sent.start and "\n" not in doc[start - 1].text:
        start -= 1
    end = tok.i + 1
    while end < sent.end and "\n" not in doc[end].text:
        end += 1
    return start, end


def _object_complements(cue: Token, obj: Token) -> set[int]:
    """What completes an object: "described [her as a liar]", "blamed [Obama for it]"."""
    ids: set[int] = set()
    for child in cue.children:
        if child.i > obj.i and (
            child.dep_ in ("oprd", "xcomp")
            or (child.dep_ == "prep" and child.lower_ in ("as", "for"))
        ):
            ids |= {t.i for t in child.subtree if not t.is_space}
    return ids


def _pieces(
    doc: Doc, content: set[int], marks: list[Passage], inside: list[int]
) -> list[tuple[int, int]]:
    """The content as one char span, trimmed of edge punctuation and grown to touched passages."""
    words = sorted(i for i in content if not doc[i].is_punct or inside[i] >= 0)
    if not words:
        return []
    first, last = doc[words[0]], doc[words[-1]]
    start, end = first.idx, last.idx + len(last)
    k = inside[first.i]
    if k >= 0:
        start = min(start, marks[k].start)
    k = inside[last.i]
    if k >= 0:
        end = max(end, marks[k].end)
    return [(start, end)]


def _cut_following_statements(
    doc: Doc, found: list[_Found], marks: list[Passage], inside: list[int]
) -> None:
    """End a content where a statement of the same speaker that closes it begins.

    "She said [the plan works], adding that ...", "said [...] and noted that
    ...": the parse hangs the second cue inside the first content, but PolNeAR
    keeps them as two attributions, the second sharing the first's source.
    """
    inners: dict[int, list[int]] = {}
    for m, n in _holding(found):
        inners.setdefault(m, []).append(n)
    for m, outer in enumerate(found):
        for inner in (found[n] for n in inners.get(m, [])):
            cue = inner.cue
            if (
                inner is outer
                or cue.i not in outer.content
                or cue.dep_ not in ("advcl", "conj")
                or any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children)
            ):
                continue
            start = cue.left_edge.i
            if start <= min(outer.content) or cue.right_edge.i < max(outer.content):
                continue
            kept = {i for i in outer.content if i < start}
            while kept and (doc[max(kept)].is_punct or doc[max(kept)].dep_ == "cc"):
                kept.discard(max(kept))
            pieces = _pieces(doc, kept, marks, inside)
            if pieces:
                outer.content, outer.pieces = kept, pieces
                inner.source = outer.source


def _resolve_overlaps(found: list[_Found]) -> list[_Found]:
    """One attribution per content, and no cue inside another's cue or source.

    PolNeAR gives each word to one attribution, so of two where one's source
    phrase holds the other's cue, the less likely goes.
    """
    found.sort(key=lambda f: -f.prob)
    kept: list[_Found] = []
    claimed: set[int] = set()  # cue and source words of those kept (a set, not a scan: long texts)
    cue_words: set[int] = set()  # cue words of those kept
    contents: set[tuple[tuple[int, int], ...]] = set()
    for item in found:
        own = set(item.cue_ids)
        if own & claimed or tuple(item.pieces) in contents:
            continue
        if item.source is not None and cue_words & sources.clause_free(item.source):
            continue  # "[Putin's boast that ...] may have found": a source holds a cue
        kept.append(item)
        claimed |= own
        cue_words |= own
        if item.source is not None:
            claimed |= sources.clause_free(item.source)
        contents.add(tuple(item.pieces))
    kept.sort(key=lambda f: f.pieces[0])
    return kept


def _continue_quotes(
    doc: Doc, found: list[_Found], marks: list[Passage], inside: list[int]
) -> None:
    """Join neighbouring quoted passages of the same speaker to a direct or mixed attribution.

    A passage joins when nothing but the attribution's own words (its cue
    clause: cue, source, their modifiers) stand between it and the content
    ("'...,' said X, the party chairman. '...'", "'...,' he said, '...'"), or,
    after the content, when it fills a paragraph of its own right after the
    attribution's paragraph (multi-paragraph quotes).
    """
    text = doc.text
    taken = {(s, e) for f in found for s, e in f.pieces}
    starts = [m.start for m in marks]  # passages in text order: bisect, don't scan, per item
    for item in found:
        if not any(q in text[s:e] for s, e in item.pieces for q in QUOTE_MARKS):
            continue
        own = {t.i for t in item.cue.subtree} - item.content
        if item.source is not None:
            own |= {t.i for t in item.source.subtree}
        own |= set(item.cue_ids)

        def clear(start: int, end: int, own: set[int] = own) -> bool:
            """Whether only this attribution's own words stand in text[start:end]."""
            gap = doc.char_span(start, end, alignment_mode="expand")
            return all(
                t.i in own
                for t in (gap or [])
                if not (t.is_punct or t.is_space) and inside[t.i] < 0
            )

        end = item.pieces[-1][1]
        for k in range(bisect.bisect_left(starts, end), len(marks)):
            mark = marks[k]
            if mark.start < end or (mark.start, mark.end) in taken:
                continue
            if len(text[mark.start : mark.end].split()) < _STATEMENT_WORDS:
                break
            if not clear(end, mark.start) and not _own_paragraph(text, end, mark):
                break
            item.pieces.append((mark.start, mark.end))
            taken.add((mark.start, mark.end))
            end = mark.end
        start = item.pieces[0][0]
        for k in range(bisect.bisect_left(starts, start) - 1, -1, -1):
            mark = marks[k]
            if mark.end > start or (mark.start, mark.end) in taken:
                continue
            if len(text[mark.start : mark.end].split()) < _STATEMENT_WORDS:
                break
            if _in_source(item, mark):  # "Putin's statement that '...' echoed ...": not its words
                break
            if "\n" in text[mark.end : start] or not clear(mark.end, start):
                break
            item.pieces.insert(0, (mark.start, mark.end))
            taken.add((mark.start, mark.end))
            start = mark.start


def _in_source(item: _Found, mark: Passage) -> bool:
    """Whether a quoted passage lies inside the attribution's source phrase."""
    if item.source is None:
        return False
    left, right = item.source.left_edge, item.source.right_edge
    return left.idx <= mark.start < right.idx + len(right)


def _own_paragraph(text: str, end: int, mark: Passage) -> bool:
    """Whether `mark` opens the paragraph right after the one ending near `end` and fills it."""
    between = text[end : mark.start]
    if between.count("\n") == 0 or text[end : mark.start].strip(" \t\n.,;:\"”“'") != "":
        return False
    line_end = text.find("\n", mark.end)
    rest = text[mark.end : line_end if line_end != -1 else len(text)]
    return not rest.strip()


def _to_quotes(article: Article, doc: Doc, found: list[_Found], inside: list[int]) -> list[Quote]:
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


def _nest(found: list[_Found]) -> None:
    """Record which attribution reports each one that its content holds.

    The inner cue must head the outer content's clause or a complement clause
    of it ("said that Obama underscored ...", "thinks that they would be
    pleased ..."): what the outer speaker reported. A cue in a relative clause,
    a conjunct or a following passage ("lined up with Priebus, who has said
    ...", "said ..., and Trump says ...") is a statement the article reports
    itself, as PolNeAR keeps it, though the parse hung it inside the content.
    The nested attributions `_nested` adds are already marked.
    """
    outers: dict[int, list[int]] = {}
    for m, n in _holding(found):
        outers.setdefault(n, []).append(m)
    for n, item in enumerate(found):
        if item.within is not None:
            continue
        for outer in (found[m] for m in outers.get(n, [])):
            if outer is not item and _reported_in(item.cue, outer) and item not in _chain(outer):
                item.within = outer
                break


def _holding(found: list[_Found]) -> list[tuple[int, int]]:
    """The (outer, inner) positions in `found`, in order, where outer's content holds inner's cue.

    Read off an index of the cue words rather than a pass over every pair: a
    50,000-word text has thousands of attributions.
    """
    by_cue: dict[int, list[int]] = {}
    for n, item in enumerate(found):
        by_cue.setdefault(item.cue.i, []).append(n)
    cues_held = (outer.content & by_cue.keys() for outer in found)
    return sorted((m, n) for m, held in enumerate(cues_held) for i in held for n in by_cue[i])


def _chain(item: _Found) -> list[_Found]:
    """The attributions `item` is reported in, innermost first."""
    out: list[_Found] = []
    while item.within is not None and item.within not in out:
        item = item.within
        out.append(item)
    return out


def _reported_in(cue: Token, outer: _Found) -> bool:
    """Whether `cue` heads the outer content's clause or one of its complement clauses."""
    tok = cue
    while tok.head.i != tok.i and tok.head.i in outer.content:
        if tok.dep_ not in ("ccomp", "xcomp"):
            return False
        tok = tok.head
    return True
