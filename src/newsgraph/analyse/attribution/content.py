"""What a cue reports: its content from the parse or a quoted passage beside it.

The rules are those the quote stage's docstring lists under "content"
(`quotes.py`); the cue classifier sees how each content was found, so
training (`train/quotes.py`) calls `content_candidate` too.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Token

from newsgraph.analyse.attribution import cues
from newsgraph.analyse.attribution.quotemarks import Passage

_CONTENT_DEPS = ("ccomp", "xcomp", "dobj", "acl", "prep", "attr", "oprd", "advcl")
_GLUE = " \t,.:;—–-"  # what may stand between a quoted passage and its cue clause
_TELLING = frozenset({"tell", "inform", "assure", "remind", "brief"})
_ASKING = frozenset({"ask", "warn", "urge", "caution", "advise"})
_AUDIENCES = frozenset({"reporter", "crowd", "audience", "supporter", "voter", "journalist"})


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


def content_spans(
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
