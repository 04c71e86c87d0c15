"""Run the examples in the docstrings of the public modules."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import declutter

MODULES = sorted(
    name for _, name, _ in pkgutil.walk_packages(declutter.__path__, "declutter.")
    if not name.startswith("declutter.integrations") and name != "declutter.__main__"
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    failures, _ = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert failures == 0
