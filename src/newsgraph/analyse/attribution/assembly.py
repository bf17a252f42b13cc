"""Attributions found one cue at a time, made into one consistent set.

PolNeAR gives each word to one attribution: overlapping ones are resolved,
a statement closing another's content is cut out of it, quoted passages of
the same speaker join their attribution, and a statement the parser hangs
inside another's content is nested (`within`) only where it is what the
outer speaker reported.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from newsgraph.analyse.attribution import sources
from newsgraph.analyse.attribution.content import content_spans
from newsgraph.analyse.attribution.quotemarks import Passage

QUOTE_MARKS = "\"“”„‟«»'"
_STATEMENT_WORDS = 4  # a quoted passage shorter than this is a fragment, not a continuation


@dataclass(slots=True, eq=False)
class Found:
    """An attribution being built (equal only to itself): token ids, content as char spans."""

    cue: Token
    cue_ids: list[int]
    content: set[int]
    pieces: list[tuple[int, int]] = field(default_factory=list)
    source: Token | None = None
    prob: float = 0.0
    within: Found | None = None  # the attribution whose content reports this one


def cut_following_statements(
    doc: Doc, found: list[Found], marks: list[Passage], inside: list[int]
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
            pieces = content_spans(doc, kept, marks, inside)
            if pieces:
                outer.content, outer.pieces = kept, pieces
                inner.source = outer.source


def resolve_overlaps(found: list[Found]) -> list[Found]:
    """One attribution per content, and no cue inside another's cue or source.

    PolNeAR gives each word to one attribution, so of two where one's source
    phrase holds the other's cue, the less likely goes.
    """
    found.sort(key=lambda f: -f.prob)
    kept: list[Found] = []
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


def continue_quotes(doc: Doc, found: list[Found], marks: list[Passage], inside: list[int]) -> None:
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


def _in_source(item: Found, mark: Passage) -> bool:
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


def nest(found: list[Found]) -> None:
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


def _holding(found: list[Found]) -> list[tuple[int, int]]:
    """The (outer, inner) positions in `found`, in order, where outer's content holds inner's cue.

    Read off an index of the cue words rather than a pass over every pair: a
    50,000-word text has thousands of attributions.
    """
    by_cue: dict[int, list[int]] = {}
    for n, item in enumerate(found):
        by_cue.setdefault(item.cue.i, []).append(n)
    cues_held = (outer.content & by_cue.keys() for outer in found)
    return sorted((m, n) for m, held in enumerate(cues_held) for i in held for n in by_cue[i])


def _chain(item: Found) -> list[Found]:
    """The attributions `item` is reported in, innermost first."""
    out: list[Found] = []
    while item.within is not None and item.within not in out:
        item = item.within
        out.append(item)
    return out


def _reported_in(cue: Token, outer: Found) -> bool:
    """Whether `cue` heads the outer content's clause or one of its complement clauses."""
    tok = cue
    while tok.head.i != tok.i and tok.head.i in outer.content:
        if tok.dep_ not in ("ccomp", "xcomp"):
            return False
        tok = tok.head
    return True
