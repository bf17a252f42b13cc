"""The errors newsgraph reports to users: one clear line each, never a traceback."""


class NewsgraphError(Exception):
    """Base class: its message is shown to the user as one line."""


class InputError(NewsgraphError):
    """The input cannot be read: missing, empty, binary, too large, unreachable."""


class TimeLimitError(NewsgraphError):
    """A document took longer than its time limit."""
