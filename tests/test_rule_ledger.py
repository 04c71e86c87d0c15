"""The rule ledger: a removed noise line counts as noise, a removed gold line as content."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import declutter  # noqa: E402
import rule_ledger as ledger  # noqa: E402

ARTICLE = "The vote was held on Sunday, officials said."
SECOND = "Turnout was the highest in twenty years, according to the electoral commission."
MENU = "Home News Sport Weather Contact Subscribe"
GOLD = f"{ARTICLE}\n{SECOND}"


def test_noise_and_content_go_to_the_rule_named_on_the_line() -> None:
    lines = [(MENU, "navigation_menu"), (ARTICLE, None), (SECOND, "line_model")]
    page = ledger.ledger_of_lines(lines, GOLD)
    menu, model = page.tallies["navigation_menu"], page.tallies["line_model"]
    assert (menu.lines, menu.content, menu.noise) == (1, 0, 3)  # 6 tokens: 3 shingles
    assert (model.lines, model.content, model.noise) == (1, 9, 0)  # 12 tokens, all gold
    output = ledger.page_f1(page.output)
    assert ledger.page_f1(page.restored["navigation_menu"]) < output  # the menu helps
    assert ledger.page_f1(page.restored["line_model"]) > output  # losing gold hurts
    assert page.original == ledger.shingle_counts("\n".join(t for t, _ in lines), GOLD)


def test_a_second_copy_of_a_gold_line_is_noise() -> None:
    lines = [(ARTICLE, None), (ARTICLE, "repeated_line"), (SECOND, None)]
    tally = ledger.ledger_of_lines(lines, GOLD).tallies["repeated_line"]
    assert (tally.content, tally.noise) == (0, 5)


@pytest.mark.parametrize("line,content", [
    ("Advertisement", False), ("officials said", True), ("official", False),
])
def test_short_lines_are_content_when_the_gold_holds_them(line: str, content: bool) -> None:
    tally = ledger.ledger_of_lines([(line, "some_rule"), (ARTICLE, None)], GOLD).tallies
    assert (tally["some_rule"].content, tally["some_rule"].noise) == (int(content),
                                                                      int(not content))


def test_an_explained_page_is_read_line_by_line() -> None:
    explanation = declutter.explain(f"Advertisement\n{ARTICLE}\n")
    page = ledger.page_ledger(explanation, ARTICLE)
    assert set(page.tallies) == {"advertisement_marker"}
    assert page.tallies["advertisement_marker"].noise == 1
    group = ledger.group_ledger(("aeb", "tune", "raw"), [page], 0)
    (row,) = group.rules
    assert row.noise_share == 1.0 and row.f1_effect > 0 and not row.harmful
    assert group.total.f1_effect == pytest.approx(row.f1_effect)
