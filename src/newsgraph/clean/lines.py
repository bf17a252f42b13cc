"""Features of the lines of a whole-page text dump, for the line classifier.

A rendered page's text (browser "select all, copy", or `innerText`) keeps no
markup, so whether a line is article body must be read from the line itself
and from its neighbourhood: article paragraphs are long, end in sentence
punctuation and sit together; menus are short, title-cased and repeated;
notices and widgets carry tell-tale vocabulary. The same features serve the
training script (`train/textdump.py`) and the cleaner, so they live here.

Lines are measured in `newsgraph.clean.words.tokens`: words of spaced scripts
(the `\\w+` runs the model was trained on) and each character of the scripts
written without spaces, so that a Chinese or Japanese paragraph is long and its
menu items short, as in any other language.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from dataclasses import dataclass

from newsgraph.clean.words import tokens

_SENT_END = re.compile(r"[.!?…。！？][\"'”’»)\]」』]*$")
# a sentence ending inside the line: spaced scripts start the next one with a
# capital after a space, unspaced ones with anything after the full stop
_INNER_SENT = re.compile(r"\w[.!?][\"'”’]?\s+[\"'“‘]?[A-Z]|[。！？][」』”]?(?=\w)")
_DATE = re.compile(
    r"\b(19|20)\d\d\b|\b\d{1,2}:\d\d\b|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d",
    re.IGNORECASE,
)
# Words that mark page furniture in any news site's chrome. Generic web
# vocabulary, not strings of any one page.
CHROME = re.compile(
    r"\b(cookies?|subscribe|subscription|newsletter|sign (up|in)|log ?in|register|share|"
    r"tweet|follow us|advertisement|advertising|sponsored|read more|click here|"
    r"all rights reserved|copyright|privacy|terms of (use|service)|comments?|"
    r"related|recommended|most (read|popular)|trending|menu|search|skip to|"
    r"download|app store|google play|print|e-?mail)\b",
    re.IGNORECASE,
)
_SEPARATORS = re.compile(r"[|•·»›▸►]")
_QUOTES = re.compile(r"[\"“”«»„]")
_LIST_ITEM = re.compile(r"^(\d{1,3}[.)]|[-–—•*·▪◦]|[a-z][.)])\s")

LONG_LINE = 20  # words: a line this long is usually prose


@dataclass(slots=True)
class Line:
    """One non-empty line of the dump with where it sits in the raw text."""

    text: str
    start: int
    end: int
    blank_before: bool
    blank_after: bool


def split_lines(text: str) -> list[Line]:
    """Non-empty lines, with offsets into `text` and blank-line neighbours."""
    lines: list[Line] = []
    pos = 0
    blank = True
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            start = pos + raw.index(stripped[0])
            if lines:
                lines[-1].blank_after = blank
            lines.append(Line(stripped, start, start + len(stripped), blank, True))
            blank = False
        else:
            blank = True
        pos += len(raw) + 1
    if lines:
        lines[-1].blank_after = True
    return lines


def function_words(texts: list[str]) -> frozenset[str]:
    """The page's own function words: the commonest short words of its prose-like lines.

    Prose is full of "the", "of", "de", "und"; menus and teasers are not. Taking
    them from the page itself works in any language without a word list.
    """
    counts: Counter[str] = Counter()
    for text in texts:
        words = tokens(text.lower())
        if len(words) >= 10:
            counts.update(w for w in words if len(w) <= 4 and w.isalpha())
    return frozenset(w for w, _ in counts.most_common(30))


def _own(
    line: Line, counts: Counter[str], prev: str, nxt: str, common: frozenset[str]
) -> list[float]:
    text = line.text
    words = tokens(text)
    n = len(words)
    alpha = [w for w in words if w[0].isalpha()]
    caps = sum(1 for w in alpha if w[0].isupper()) / len(alpha) if alpha else 0.0
    digits = sum(c.isdigit() for c in text) / len(text)
    return [
        math.log1p(n),
        math.log1p(len(text)),
        float(bool(_SENT_END.search(text))),
        float(text.endswith(":")),
        float(len(_INNER_SENT.findall(text))),
        caps,
        digits,
        float(len(_SEPARATORS.findall(text))),
        float(not text[0].isalnum() and text[0] not in "\"“'‘(«"),
        float(len(CHROME.findall(text))),
        float(bool(_DATE.search(text))),
        float(counts[text] > 1),
        float(text in (prev, nxt)),
        float(line.blank_before),
        float(line.blank_after),
        float(bool(_QUOTES.search(text))),
        text.count(",") / (n + 1),
        float(n >= LONG_LINE),
        float(bool(_LIST_ITEM.match(text))),
        sum(w.lower() in common for w in words) / n if n else 0.0,
    ]


OWN_FEATURES = 20


def line_features(lines: list[Line]) -> list[list[float]]:
    """One feature vector per line: its own traits, its neighbours', its place in the page."""
    if not lines:
        return []
    counts = Counter(line.text for line in lines)
    texts = [line.text for line in lines]
    common = function_words(texts)
    own = [
        _own(
            line,
            counts,
            texts[i - 1] if i else "",
            texts[i + 1] if i + 1 < len(texts) else "",
            common,
        )
        for i, line in enumerate(lines)
    ]
    nwords = [len(tokens(t)) for t in texts]
    total = sum(nwords) or 1
    long_idx = [i for i, n in enumerate(nwords) if n >= LONG_LINE]
    first_long = long_idx[0] if long_idx else len(lines)
    last_long = long_idx[-1] if long_idx else -1
    blocks = _block_features(lines, nwords, counts)
    cum = 0
    feats: list[list[float]] = []
    blank = [0.0] * OWN_FEATURES
    for i in range(len(lines)):
        row = list(own[i])
        for d in (-2, -1, 1, 2):
            j = i + d
            row += own[j][:3] + own[j][-2:] if 0 <= j < len(lines) else blank[:5]
        for w in (3, 10):
            lo, hi = max(0, i - w), min(len(lines), i + w + 1)
            window = nwords[lo:hi]
            row.append(math.log1p(sum(window) / len(window)))
            row.append(sum(n >= LONG_LINE for n in window) / len(window))
        row.append(math.log1p(_gap_before(long_idx, i)))
        row.append(math.log1p(_gap_after(long_idx, i)))
        row.append(i / len(lines))
        row.append(cum / total)
        cum += nwords[i]
        row.append(1 - cum / total)
        row.append(float(first_long <= i <= last_long))
        row += blocks[i]
        feats.append(row)
    return feats


SHORT_LINE = 5  # words: a line this short is usually a link, a label or a heading


def _block_features(
    lines: list[Line], nwords: list[int], counts: Counter[str]
) -> list[list[float]]:
    """What the block around a line looks like, as a stand-in for the markup a dump lost.

    Menus, tag lists and link rails come out as runs of short, unpunctuated,
    title-cased lines, often printed again elsewhere on the page; prose blocks
    are runs of sentences. A line's own traits cannot see the run it sits in.
    """
    n = len(lines)
    short = [k <= SHORT_LINE for k in nwords]
    ends = [bool(_SENT_END.search(line.text)) for line in lines]
    repeated = [counts[line.text] > 1 for line in lines]
    run = [0] * n
    i = 0
    while i < n:
        j = i
        while j < n and short[j] == short[i]:
            j += 1
        for k in range(i, j):
            run[k] = j - i if short[i] else 0
        i = j
    out = []
    for i, line in enumerate(lines):
        lo, hi = max(0, i - 5), min(n, i + 6)
        size = hi - lo
        text = line.text
        punct = sum(1 for c in text if not c.isalnum() and not c.isspace()) / len(text)
        out.append(
            [
                math.log1p(run[i]),
                sum(ends[lo:hi]) / size,
                sum(short[lo:hi]) / size,
                sum(repeated[lo:hi]) / size,
                math.log1p(counts[text]),
                punct,
            ]
        )
    return out


def _gap_before(marked: list[int], i: int) -> int:
    """Lines from the nearest of the ascending line numbers `marked` before line i (99: none).

    A bisection, not a pass over `marked`, so that a long page costs lines, not lines squared.
    """
    k = bisect.bisect_left(marked, i)
    return i - marked[k - 1] if k else 99


def _gap_after(marked: list[int], i: int) -> int:
    """Lines to the nearest of the ascending line numbers `marked` after line i (99: none)."""
    k = bisect.bisect_right(marked, i)
    return marked[k] - i if k < len(marked) else 99


def core_span(lines: list[Line], probs: list[float], threshold: float = 0.5) -> tuple[int, int]:
    """The contiguous run of lines that is most article-like (maximum-sum segment).

    Each line votes by its body probability, weighted by its length so that a
    stray short menu line cannot split the body.
    """
    best, best_span = 0.0, (0, -1)
    run, start = 0.0, 0
    for i, (line, p) in enumerate(zip(lines, probs, strict=True)):
        weight = 1.0 + min(len(tokens(line.text)), 80) / 10
        if run <= 0:
            run, start = 0.0, i
        run += (p - threshold) * weight
        if run > best:
            best, best_span = run, (start, i)
    return best_span


def context_features(
    lines: list[Line], probs: list[float], feats: list[list[float]]
) -> list[list[float]]:
    """Second-pass features: a line's first-pass score and its neighbours' scores.

    A list item or a subheading looks like chrome on its own but sits between
    confident body paragraphs; a teaser paragraph looks like body but sits among
    menus. The second pass sees that.
    """
    n = len(lines)
    first, last = core_span(lines, probs)
    confident = [i for i, p in enumerate(probs) if p >= 0.8]
    topic = _topic_overlap(lines, probs)
    runs = _low_runs(probs)
    sizes = [len(tokens(line.text)) for line in lines]
    likely = sorted(n for n, p in zip(sizes, probs, strict=True) if p >= 0.5) or [1]
    typical = max(1, likely[len(likely) // 2])
    colon = -99
    rows = []
    for i, p in enumerate(probs):
        row = [*feats[i][:OWN_FEATURES], p, float(first <= i <= last), topic[i]]
        run_start, run_end = runs[i]
        row += [
            math.log1p(i - colon),
            math.log1p(run_end - run_start + 1) if run_start >= 0 else 0.0,
            float(
                run_start > 0
                and run_end + 1 < n
                and probs[run_start - 1] >= 0.8
                and probs[run_end + 1] >= 0.8
            ),
            sizes[i] / typical,
        ]
        if p >= 0.5 and lines[i].text.endswith(":"):
            colon = i
        seen = bisect.bisect_left(confident, i)
        row += [float(0 < seen < len(confident)), seen / (len(confident) or 1)]
        row.append(math.log1p(max(0, first - i)))
        row.append(math.log1p(max(0, i - last)))
        for w in (2, 5, 12):
            before = probs[max(0, i - w) : i] or [0.0]
            after = probs[i + 1 : i + 1 + w] or [0.0]
            row += [sum(before) / len(before), max(before), sum(after) / len(after), max(after)]
        row.append(math.log1p(_gap_before(confident, i)))
        row.append(math.log1p(_gap_after(confident, i)))
        row.append(i / n)
        rows.append(row)
    return rows


def _content_words(text: str) -> list[str]:
    return [w for w in tokens(text.lower()) if len(w) >= 5 and w.isalpha()]


def _topic_overlap(lines: list[Line], probs: list[float]) -> list[float]:
    """How much of a line's vocabulary the rest of the likely body shares.

    Teasers for other stories and off-topic widgets look like prose but talk
    about something else.
    """
    words = [_content_words(line.text) for line in lines]
    pool: Counter[str] = Counter()
    for ws, p in zip(words, probs, strict=True):
        if p >= 0.5:
            pool.update(set(ws))
    out = []
    for ws, p in zip(words, probs, strict=True):
        if not ws:
            out.append(0.0)
            continue
        own = set(ws)
        shared = sum(1 for w in own if pool[w] - (p >= 0.5) > 0)
        out.append(shared / len(own))
    return out


def _low_runs(probs: list[float]) -> list[tuple[int, int]]:
    """For each line, the run of consecutive unlikely (p < 0.5) lines it belongs to.

    A long list inside an article is such a run with likely body on both sides.
    Lines that are themselves likely get (-1, -1).
    """
    out = [(-1, -1)] * len(probs)
    i = 0
    while i < len(probs):
        if probs[i] >= 0.5:
            i += 1
            continue
        j = i
        while j + 1 < len(probs) and probs[j + 1] < 0.5:
            j += 1
        for k in range(i, j + 1):
            out[k] = (i, j)
        i = j + 1
    return out
