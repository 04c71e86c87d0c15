"""The explain API at a prompt: short reprs, readable str, removals kept apart from
blank-line bookkeeping, one line-number convention (from 1), HTML with an explanation,
categories kept whatever rule claims their lines, reasons that read as sentences."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import declutter
from conftest import BYLINED
from declutter.userrules import load_rules

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
PAGE = (SEEDS / "seed-003.txt").read_text(encoding="utf-8")



@pytest.fixture(scope="module")
def result():
    return declutter.explain(PAGE)


def test_reprs_are_short(result):
    assert len(PAGE) > 5000
    assert len(repr(result)) < 120
    assert repr(result) == (f"<Explanation: {len(result.segments)} lines, "
                            f"{len(result.removed)} removed, language en, profile balanced>")
    for segment in result.segments:
        assert len(repr(segment)) < 200 + len(segment.reason)
        assert repr(segment).startswith(f"<Segment line {segment.line_number}: ")


def test_str_is_a_summary_and_the_removed_spans(result):
    text = str(result)
    assert text == result.report()
    assert text.startswith(f"# {len(result.segments)} lines, language en")
    assert text.splitlines()[-1].startswith(f"# kept {sum(s.kept for s in result.segments)} of")
    assert "[comments] comment_thread" in text
    first = result.removed[0]
    assert str(first) == f"line {first.line_number}: removed by {first.rule} [{first.category}]: {first.reason}"


def test_removed_holds_only_decided_removals(result):
    assert result.removed and result.blank_removed
    assert all(s.rule != "blank_lines" and s.category and s.reason for s in result.removed)
    assert all(s.verdict == "blank_collapsed" and not result.line(s).strip()
               for s in result.blank_removed)
    dropped = {s.line_number for s in result.segments if not s.kept}
    assert dropped == {s.line_number for s in result.removed + result.blank_removed}
    for segment in result.removed:  # the README's loop prints no "None blank_lines" row
        assert None not in (segment.category, segment.rule)


def test_removed_by_category_is_an_attribute_like_its_neighbours(result):
    totals = result.removed_by_category
    assert isinstance(totals, dict) and totals["comments"]["lines"] == sum(
        1 for s in result.removed if s.category == "comments")
    assert result.to_dict()["removed_by_category"] == totals


def test_line_numbers_count_from_one_everywhere(result):
    assert [s.line_number for s in result.segments] == list(range(1, len(result.segments) + 1))
    assert result.to_dict()["segments"][0]["line_number"] == 1
    spans = re.findall(r"^lines? (\d+)", result.report(), flags=re.MULTILINE)
    assert {int(n) for n in spans} <= {s.line_number for s in result.removed}
    text = "Bridge opens to traffic\nBridge opens to traffic\n" + BYLINED.split("\n", 3)[3]
    repeated = declutter.explain(text, lang="en")
    line_two = repeated.segments[1]
    assert not line_two.kept and "1 line above" in line_two.reason  # reason and number agree
    assert repeated.line(repeated.segments[line_two.line_number - 2]) == repeated.line(line_two)


def test_reasons_read_as_sentences():
    text = "Bridge opens to traffic\nBridge opens to traffic\n" + BYLINED.split("\n", 3)[3]
    reasons = [s.reason for s in declutter.explain(text, lang="en").removed]
    assert "repeats a line 1 line above" in reasons
    assert not any("(s)" in reason for reason in reasons)


def test_explain_html_matches_clean_html():
    page = ("<html><head><title>Bridge budget approved</title></head><body><article>"
            "<h1>Bridge budget approved</h1>"
            + "".join(f"<p>{line}</p>" for line in BYLINED.splitlines()[1:])
            + "</article></body></html>").encode("utf-8")
    result = declutter.explain_html(page)
    assert isinstance(result, declutter.Explanation)
    assert result.text == declutter.clean_html(page)
    assert result.removed and "".join(
        result.original[s.start:s.end] for s in result.segments) == result.original
    with pytest.raises(TypeError):
        declutter.explain_html(42)


def test_keep_spares_lines_whose_labels_are_all_of_kept_categories():
    default = declutter.explain(BYLINED)
    bylines = [s for s in default.removed if s.category == "byline"]
    assert len(bylines) == 2
    disabled = declutter.explain(BYLINED, disable=["byline"])
    assert any(s.category == "byline" for s in disabled.removed)  # another rule claims it
    kept = declutter.explain(BYLINED, keep=["byline"])
    assert not any(s.category == "byline" for s in kept.removed)
    assert all(kept.segments[s.line_number - 1].kept for s in bylines)
    assert {s.line_number for s in kept.removed} == \
        {s.line_number for s in default.removed if s.category != "byline"}
    assert declutter.clean(BYLINED, keep=[declutter.Category.BYLINE]) == kept.text
    assert declutter.Config(keep="byline").keep == frozenset({"byline"})


def test_keep_does_not_spare_a_line_another_category_claims(tmp_path):
    rules = tmp_path / "rules.toml"
    rules.write_text('[[rule]]\nname = "share_as_ad"\ncategory = "advertisement"\n'
                     'confidence = "strong"\nphrases = ["Share this article"]\n')
    result = declutter.explain(BYLINED, keep=["share"], rules=load_rules(str(rules)))
    share = [s for s in result.segments if result.line(s) == "Share this article"][0]
    assert {l.category.value for l in share.labels} == {"advertisement"}
    assert not share.kept and share.rule == "share_as_ad"
    assert declutter.explain(BYLINED, keep=["share", "advertisement"],
                             rules=load_rules(str(rules))).text.endswith("Share this article\n")


@pytest.mark.parametrize("option, value, error", [
    ("keep", ["bylines"], "UnknownCategoryError"),
    ("lang", "xx", "UnknownLanguageError"),
    ("disable", ["bylin"], "UnknownRuleError"),
])
def test_unknown_names_are_errors_that_suggest(option, value, error):
    with pytest.raises(getattr(declutter, error)) as caught:
        declutter.clean("text\n", **{option: value})
    if option != "lang":
        assert "did you mean byline?" in str(caught.value)
    else:
        assert "de, en, es" in str(caught.value)
    assert declutter.Config(lang="German").lang == "de"


def test_a_run_that_stops_before_converging_says_so():
    """Text built to lose one line a pass stops within the pass budget, and says so."""
    result = declutter.explain("Home\n" * 400)
    assert result.converged is False
    assert "unconverged" in result.report()
    assert result.to_dict()["converged"] is False
    assert declutter.explain("Advertisement\nThe vote was held on Sunday.\n").converged
