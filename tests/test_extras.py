"""An optional dependency that is missing is one line naming the extra to install."""

from __future__ import annotations

import sys

import pytest

from newsgraph.errors import NewsgraphError
from newsgraph.extras import require


def test_a_present_module_is_returned() -> None:
    assert require("json", extra="none", purpose="this") is sys.modules["json"]


def test_a_missing_module_names_its_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # makes `import ray` fail
    with pytest.raises(NewsgraphError) as caught:
        require("ray", extra="ray", purpose="the Ray engine")
    assert str(caught.value) == "the Ray engine needs the ray package: pip install 'newsgraph[ray]'"


def test_a_broken_install_is_not_called_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "json.decoder", None)  # json's own import fails
    monkeypatch.delitem(sys.modules, "json")
    with pytest.raises(NewsgraphError, match="json is installed but cannot be imported"):
        require("json", extra="none", purpose="this")
