"""`analyze`: one page in, one Article out — the stages in order, under a time limit."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from newsgraph.clean.detect import detect_kind, guess_language
from newsgraph.clean.plaintext import from_plain_text
from newsgraph.clean.published import date_from_location
from newsgraph.clean.words import count_words
from newsgraph.errors import TIME_LIMIT_S, InputError, TimeLimitError, time_limit_message
from newsgraph.model import Article, InputKind, Source
from newsgraph.read.decode import decode_bytes

MAX_TEXT_CHARS = 2_000_000  # an article longer than this is not an article
SHORT_BODY_WORDS = 25


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise TimeLimitError when the block runs longer than `seconds`.

    Uses SIGALRM, so it applies in the main thread of Unix processes; elsewhere
    the block runs without a limit. It is the soft limit: it cannot interrupt
    C code (lxml), so the commands also run each document in a worker process
    that is killed past the limit (`run/guard.py`).
    """
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if seconds is None or not usable:
        yield
        return
    message = time_limit_message(seconds)

    def expire(signum: int, frame: FrameType | None) -> None:
        raise TimeLimitError(message)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def clean(text: str, kind: InputKind, source: Source) -> Article:
    """The cleaning stage: page text into an Article, read as `kind` or, if that fails, another.

    Clean text is read as given (`read_best` would too), without importing the
    page readers: trafilatura and its kin cost a tenth of a second of start-up.
    """
    if kind == "text":
        article = from_plain_text(text, source)
    else:
        from newsgraph.clean.readings import read_best

        article = read_best(text, kind, source)
    if article.language is None:
        article.language = guess_language(article.text)
    words = count_words(article.body)
    if words == 0:
        article.warnings.append("no article body found")
    elif words < SHORT_BODY_WORDS:
        article.warnings.append(f"the article body is very short ({words} words)")
    return article


def analyse(article: Article) -> Article:
    """The analysis stages, on one parse of the article text."""
    from newsgraph.analyse.attribution.quotes import find_quotes
    from newsgraph.analyse.entities.find import find_entities
    from newsgraph.analyse.events.find import find_events
    from newsgraph.analyse.identity.link import identify
    from newsgraph.analyse.nlp import parse
    from newsgraph.analyse.quantities import find_quantities
    from newsgraph.analyse.timex.find import find_timexes

    doc = parse(article.text)
    article.entities = find_entities(article, doc)
    identify(article)
    article.quotes = find_quotes(article, doc)
    article.timexes = find_timexes(article, doc)
    article.quantities = find_quantities(article, doc)  # after quotes: links to them
    article.events = find_events(article, doc)  # after all: uses entities, quotes, timexes
    return article


def warm_up(*, everything: bool = False) -> None:
    """Load the spaCy model (and, with `everything`, the gazetteers) before the first document.

    A worker calls this before it takes documents, so that loading does not count
    against the first one's time limit. The place index and the actor dictionary
    take a few tenths of a second to load and a short page may need neither, so
    `newsgraph analyze` leaves them to load on first use, inside that page's limit.
    """
    from newsgraph.analyse.nlp import load_nlp

    load_nlp()
    analyze("Warm-up: the model is loaded before any document.", input="text", time_limit_s=None)
    if everything:
        from newsgraph.analyse.identity.actors import dictionary
        from newsgraph.analyse.identity.places import country_place

        dictionary()
        country_place("USA")


def analyze(
    page: str | bytes,
    *,
    published: str | None = None,
    default_published: str | None = None,
    input: InputKind | None = None,
    path: str | None = None,
    url: str | None = None,
    content_type: str | None = None,
    analysis: bool = True,
    time_limit_s: float | None = TIME_LIMIT_S,
) -> Article:
    """Read one news page (HTML, whole-page text dump or clean text) into an Article.

    `published` (ISO date) overrides any date found in the page;
    `default_published` is used only when neither the page nor its URL or
    path gives one (a folder of pages known to be from one day); `input`
    overrides the detected kind (`"text"` keeps the input exactly as `text`);
    `analysis=False` stops after cleaning.
    """
    with time_limit(time_limit_s):
        text = decode_bytes(page, content_type) if isinstance(page, bytes) else page
        if not text.strip():
            raise InputError("the input is empty")
        if not any(c.isalnum() for c in text[:100_000]):
            raise InputError("the input holds no readable text")
        kind = input or detect_kind(text)
        if kind != "html" and len(text) > MAX_TEXT_CHARS:
            raise InputError(f"the text is too long for one article ({len(text):,} characters)")
        article = clean(text, kind, Source(input=kind, path=path, url=url))
        if published:
            article.published, article.published_source = published, "given"
        elif article.published is None:
            from_url, from_path = date_from_location(article.source.url), date_from_location(path)
            article.published = from_url or from_path or default_published
            article.published_source = (
                "url"
                if from_url
                else "path"
                if from_path
                else "given"
                if default_published
                else "unknown"
            )
        if len(article.text) > MAX_TEXT_CHARS:
            raise InputError(f"the article is too long ({len(article.text):,} characters)")
        return analyse(article) if analysis else article
