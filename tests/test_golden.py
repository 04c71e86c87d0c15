"""Golden tests: every seed cleans to the lines its editor kept."""

from __future__ import annotations

from pathlib import Path

import pytest

import declutter
from docgen import non_blank

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
CASES = sorted(p for p in SEEDS.glob("seed-*.txt") if not p.name.endswith(".expected.txt"))


def test_all_seeds_are_present():
    assert len(CASES) >= 5
    for case in CASES:
        assert case.with_name(case.stem + ".expected.txt").exists()


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_seed_cleans_to_expected(case: Path):
    text = case.read_text(encoding="utf-8")
    expected = case.with_name(case.stem + ".expected.txt").read_text(encoding="utf-8")
    assert non_blank(declutter.clean(text)) == non_blank(expected)


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_seed_explain_agrees_with_clean(case: Path):
    text = case.read_text(encoding="utf-8")
    assert declutter.explain(text).text == declutter.clean(text)


def test_seed_003_explains_the_comment_thread():
    text = (SEEDS / "seed-003.txt").read_text(encoding="utf-8")
    result = declutter.explain(text)
    heading = next(s for s in result.segments if result.line(s) == "Top Rated Comments")
    assert not heading.kept
    assert heading.category == "comments"
    assert heading.rule == "comment_thread"
    assert "comment thread" in heading.reason and "article" in heading.reason
    removed_rules = {s.rule for s in result.removed if s.category}
    assert removed_rules == {"comment_thread"}
