"""The errors newsgraph reports to users: one clear line each, never a traceback."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

TIME_LIMIT_S = 120.0  # the default limit per document, for every command


class NewsgraphError(Exception):
    """Base class: its message is shown to the user as one line."""


class InputError(NewsgraphError):
    """The input cannot be read: missing, empty, binary, too large, unreachable."""


class TimeLimitError(NewsgraphError):
    """A document took longer than its time limit."""


def time_limit_message(seconds: float) -> str:
    """Why a document that ran past its limit failed, however it was stopped."""
    return f"gave up after the {seconds:g} s time limit"


@contextmanager
def one_line_errors() -> Iterator[None]:
    """Turn any failure inside into a NewsgraphError, so one bad page never stops a batch."""
    try:
        yield
    except NewsgraphError:
        raise
    except RecursionError:
        raise NewsgraphError("the page is nested too deeply to read") from None
    except Exception as exc:  # a bug or a third-party failure: still one line, still skipped
        raise NewsgraphError(f"internal error ({type(exc).__name__}: {exc})") from exc
