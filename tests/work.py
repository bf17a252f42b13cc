"""A count of the work a call does, so that tests can check how cost grows without a clock."""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import FrameType
from typing import Any


def work(run: Callable[[], object]) -> int:
    """The Python lines run and the functions called (C ones too) while `run` runs.

    Unlike a clock, the count is the same on any machine however busy, so a
    test can compare the work on a text and on one several times as long: a
    stage whose cost grows linearly does about that many times the work, a
    quadratic one that many squared. A loop inside one C call (`str.find`,
    a set difference) counts once, so it only shows through its callers.
    """
    count = 0

    def trace(frame: FrameType, event: str, arg: Any) -> Callable[..., Any]:
        nonlocal count
        count += 1
        return trace

    def profile(frame: FrameType, event: str, arg: Any) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    old_trace, old_profile = sys.gettrace(), sys.getprofile()
    sys.settrace(trace)
    sys.setprofile(profile)
    try:
        run()
    finally:
        sys.settrace(old_trace)
        sys.setprofile(old_profile)
    return count
