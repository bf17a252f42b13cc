"""Optional dependencies: each comes with an extra, and its absence is one line naming it."""

from __future__ import annotations

import importlib
from types import ModuleType

from newsgraph.errors import NewsgraphError


def require(module: str, *, extra: str, purpose: str) -> ModuleType:
    """The module, or a NewsgraphError that says which extra installs it.

    Imported on use, not at start-up, so that the package without extras works
    for everything that does not need them.
    """
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name is None or not f"{module}.".startswith(f"{exc.name}."):
            raise _broken(module, exc) from None  # the module is there, one it needs is not
        raise NewsgraphError(
            f"{purpose} needs the {module} package: pip install 'newsgraph[{extra}]'"
        ) from None
    except ImportError as exc:
        raise _broken(module, exc) from None


def _broken(module: str, exc: ImportError) -> NewsgraphError:
    return NewsgraphError(f"{module} is installed but cannot be imported ({exc})")
