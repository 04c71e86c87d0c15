"""Cleaning with the rules deciding alone: the learned judgement (``line_model``) off.

Tests of the rules' own evidence use these; the learned decision is measured on real
pages (``benchmarks/quality.py``) and tested in its own tests.
"""

from __future__ import annotations

import declutter
from declutter.rules import EVIDENCE_ONLY_ON_EXTRACTS


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


def decided_by(segment: declutter.Segment, rule: str, category: str) -> bool:
    """Whether ``rule``'s label of ``category`` decided ``segment``: it removed the line,
    or, for a rule whose labels are evidence only on extracted text, the line carries
    that label and stays for that reason alone."""
    if rule in EVIDENCE_ONLY_ON_EXTRACTS and segment.verdict == "evidence_only":
        return any(l.rule == rule and l.category.value == category for l in segment.labels)
    return not segment.kept and (segment.rule, segment.category) == (rule, category)
