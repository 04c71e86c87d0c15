"""The engine's passes: rules that read the page once, as given, run in the first pass only."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import declutter
from declutter import Config
from declutter.labels import Category, Confidence
from declutter.rules.base import Finding, ScanContext, single
from declutter.rules.line_model import LineModelRule

LINES = [f"Line number {n} of a short page, long enough to stand on its own." for n in range(8)]


@dataclass(frozen=True)
class FirstLineRule:
    """Removes the first non-blank line of whatever text it is given."""

    first_pass_only: bool
    name: str = "first_line"
    category: Category = Category.CUSTOM
    description: str = "the first non-blank line"

    def scan(self, ctx: ScanContext) -> Iterator[Finding]:
        first = next((i for i in range(len(ctx.doc.lines)) if not ctx.doc.blank[i]), None)
        if first is not None:
            yield single(first, self.name, self.category, Confidence.STRONG, "the first line")


def kept_after(rule: FirstLineRule) -> list[str]:
    return declutter.clean("\n".join(LINES), config=Config(rules=(rule,))).splitlines()


def test_a_first_pass_only_rule_reads_the_page_once():
    assert kept_after(FirstLineRule(first_pass_only=True)) == LINES[1:]


def test_other_rules_read_each_pass_again():
    assert len(kept_after(FirstLineRule(first_pass_only=False))) < len(LINES) - 1


def test_the_learned_decision_reads_every_pass_afresh():
    """It decides on every pass, as on a first one: the text a run returns is one a pass
    leaves unchanged, so cleaning it again changes nothing."""
    assert not getattr(LineModelRule(), "first_pass_only", False)
    menu = "\n".join(["Home", "News", "Sport", "Weather", "Contact", "Login"] * 4)
    page = f"{menu}\n" + "\n".join(LINES) + f"\n{menu}\n"
    once = declutter.clean(page)
    assert once != page and declutter.clean(once) == once
