"""Cleaning with the rules deciding alone: the learned judgement (``line_model``) off.

Tests of the rules' own evidence use these; the learned decision is measured on real
pages (``benchmarks/quality.py``) and tested in its own tests.
"""

from __future__ import annotations

import declutter


def _rules_decide(options: dict) -> dict:
    """``options`` with the learned weighing off: these tests are of the rules' own
    evidence, which the strongest label turns into decisions when the weighing is off
    (the weighing has tests of its own and is measured on real pages)."""
    disable = options.get("disable", ())
    disable = (disable,) if isinstance(disable, str) else tuple(disable)
    return {**options, "disable": (*disable, "line_model")}


def rules_explain(text, **options):
    """:func:`declutter.explain` with the rules deciding alone."""
    return declutter.explain(text, **_rules_decide(options))


def rules_clean(text, **options):
    """:func:`declutter.clean` with the rules deciding alone."""
    return declutter.clean(text, **_rules_decide(options))
