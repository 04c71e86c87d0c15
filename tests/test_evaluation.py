"""Tests of the evaluation metrics, with small examples computed by hand."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from declutter import evaluation
from declutter.evaluation import (
    ShingleScore,
    collapse_whitespace,
    document_precision_recall,
    f1_score,
    score_shingle_counts,
    score_shingles,
    score_snippets,
    shingle_counts,
    shingles,
    snippet_counts,
)

# ---------------------------------------------------------------------------
# shingles


def test_shingles_overlap_by_one_token() -> None:
    assert shingles("a b c d e") == Counter({("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1})


def test_shingles_keep_multiplicity() -> None:
    # 8 tokens -> 5 shingles, "a b c d" twice.
    assert shingles("a b c d a b c d") == Counter(
        {
            ("a", "b", "c", "d"): 2,
            ("b", "c", "d", "a"): 1,
            ("c", "d", "a", "b"): 1,
            ("d", "a", "b", "c"): 1,
        }
    )


def test_shingles_tokens_are_word_runs_and_punctuation_is_dropped() -> None:
    assert shingles("Don't stop—now, please!") == Counter(
        {("Don", "t", "stop", "now"): 1, ("t", "stop", "now", "please"): 1}
    )


def test_shingles_keep_case() -> None:
    assert shingles("The cat sat on") == Counter({("The", "cat", "sat", "on"): 1})
    assert shingles("The cat sat on") != shingles("the cat sat on")


def test_shingles_fewer_than_n_tokens_give_one_short_shingle() -> None:
    assert shingles("Hello, world!") == Counter({("Hello", "world"): 1})
    assert shingles("one") == Counter({("one",): 1})
    assert shingles("a b c") == Counter({("a", "b", "c"): 1})


def test_shingles_of_exactly_n_tokens() -> None:
    assert shingles("a b c d") == Counter({("a", "b", "c", "d"): 1})


@pytest.mark.parametrize("text", ["", "   \n\t", "— ... !!"])
def test_shingles_of_text_without_tokens_are_empty(text: str) -> None:
    assert shingles(text) == Counter()


def test_shingles_other_sizes() -> None:
    assert shingles("a b c", n=2) == Counter({("a", "b"): 1, ("b", "c"): 1})
    assert shingles("a b c", n=1) == Counter({("a",): 1, ("b",): 1, ("c",): 1})
    with pytest.raises(ValueError):
        shingles("a b c", n=0)


def test_shingles_unicode_words() -> None:
    expected = Counter({("Élan", "über", "straße", "naïve"): 1})
    assert shingles("Élan über straße naïve") == expected


# ---------------------------------------------------------------------------
# shingle_counts


def test_shingle_counts_extra_predicted_shingle() -> None:
    # predicted: [the cat sat on] [cat sat on the] [sat on the mat]
    # gold:      [the cat sat on] [cat sat on the]
    # tp = 2, fp = 1, fn = 0, normalised by 3.
    tp, fp, fn = shingle_counts("the cat sat on the mat", "the cat sat on the")
    assert (tp, fp, fn) == pytest.approx((2 / 3, 1 / 3, 0.0))


def test_shingle_counts_missing_gold_shingles() -> None:
    # predicted: [b c d e]; gold: [a b c d] [b c d e] [c d e f] -> tp 1, fp 0, fn 2.
    assert shingle_counts("b c d e", "a b c d e f") == pytest.approx((1 / 3, 0.0, 2 / 3))


def test_shingle_counts_multiplicity() -> None:
    # predicted has "a b c d" twice plus 3 other shingles; gold has it once.
    # tp = 1, fp = 4, fn = 0.
    assert shingle_counts("a b c d a b c d", "a b c d") == pytest.approx((0.2, 0.8, 0.0))


def test_shingle_counts_are_case_sensitive() -> None:
    assert shingle_counts("The cat sat on", "the cat sat on") == pytest.approx((0.0, 0.5, 0.5))


def test_shingle_counts_short_texts() -> None:
    assert shingle_counts("Hello world", "Hello, world!") == pytest.approx((1.0, 0.0, 0.0))
    assert shingle_counts("Hello world again", "Hello world") == pytest.approx((0.0, 0.5, 0.5))


def test_shingle_counts_empty_prediction() -> None:
    assert shingle_counts("", "a b c d e") == (0.0, 0.0, 1.0)


def test_shingle_counts_empty_gold() -> None:
    assert shingle_counts("a b c d e", "") == (0.0, 1.0, 0.0)


def test_shingle_counts_both_empty() -> None:
    assert shingle_counts("", "") == (0.0, 0.0, 0.0)
    assert shingle_counts("...", "  ") == (0.0, 0.0, 0.0)


def test_shingle_counts_ignore_whitespace_and_punctuation_layout() -> None:
    assert shingle_counts("a b\n\nc d", "a, b. c -- d") == (1.0, 0.0, 0.0)


# ---------------------------------------------------------------------------
# per-document precision/recall and F1


def test_document_precision_recall() -> None:
    assert document_precision_recall((2 / 3, 1 / 3, 0.0)) == pytest.approx((2 / 3, 1.0))
    assert document_precision_recall((0.0, 0.0, 1.0)) == (None, 0.0)
    assert document_precision_recall((0.0, 1.0, 0.0)) == (0.0, None)
    assert document_precision_recall((0.0, 0.0, 0.0)) == (None, None)


def test_f1_score() -> None:
    assert f1_score(2 / 3, 1.0) == pytest.approx(0.8)
    assert f1_score(0.0, 0.0) == 0.0
    assert f1_score(1.0, 0.0) == 0.0


# ---------------------------------------------------------------------------
# score_shingles


def test_score_shingles_single_document() -> None:
    score = score_shingles([("the cat sat on the mat", "the cat sat on the")])
    assert score.precision == pytest.approx(2 / 3)
    assert score.recall == pytest.approx(1.0)
    assert score.f1 == pytest.approx(0.8)
    assert score.documents == 1


def test_score_shingles_empty_prediction_left_out_of_precision() -> None:
    # doc 1: P 2/3, R 1; doc 2: no predicted shingles (out of precision), R 0.
    # P = 2/3, R = (1 + 0) / 2 = 1/2, F1 = 2 * 2/3 * 1/2 / (2/3 + 1/2) = 4/7.
    score = score_shingles(
        [
            ("the cat sat on the mat", "the cat sat on the"),
            ("", "alpha beta gamma delta epsilon"),
        ]
    )
    assert score.precision == pytest.approx(2 / 3)
    assert score.recall == pytest.approx(1 / 2)
    assert score.f1 == pytest.approx(4 / 7)
    assert score.documents == 2


def test_score_shingles_empty_gold_left_out_of_recall() -> None:
    # doc 1: P 2/3, R 1; doc 2: no gold shingles (out of recall), P 0;
    # doc 3: nothing at all (out of both).
    # P = (2/3 + 0) / 2 = 1/3, R = 1, F1 = 2 * 1/3 / (4/3) = 1/2.
    score = score_shingles(
        [
            ("the cat sat on the mat", "the cat sat on the"),
            ("x y z w", ""),
            ("", ""),
        ]
    )
    assert score.precision == pytest.approx(1 / 3)
    assert score.recall == pytest.approx(1.0)
    assert score.f1 == pytest.approx(0.5)
    assert score.documents == 3


def test_score_shingles_is_macro_averaged_over_documents() -> None:
    # A long perfect document and a short wrong one weigh the same.
    long_text = " ".join(f"w{i}" for i in range(1000))
    score = score_shingles([(long_text, long_text), ("a b c d", "e f g h")])
    assert score.precision == pytest.approx(0.5)
    assert score.recall == pytest.approx(0.5)
    assert score.f1 == pytest.approx(0.5)


def test_score_shingles_f1_is_harmonic_mean_of_averages() -> None:
    # doc 1: P 1, R 1/3 (predicted [b c d e] of gold a..f); doc 2: P 1/3, R 1.
    # Averages P = R = 2/3, so F1 = 2/3, whereas the mean per-document F1 is 1/2.
    score = score_shingles([("b c d e", "a b c d e f"), ("a b c d e f", "b c d e")])
    assert score.precision == pytest.approx(2 / 3)
    assert score.recall == pytest.approx(2 / 3)
    assert score.f1 == pytest.approx(2 / 3)


def test_score_shingles_no_documents() -> None:
    assert score_shingles([]) == ShingleScore(precision=0.0, recall=0.0, f1=0.0, documents=0)


def test_score_shingle_counts_matches_score_shingles() -> None:
    pairs = [("the cat sat on the mat", "the cat sat on the"), ("", "a b c d")]
    counts = [shingle_counts(pred, gold) for pred, gold in pairs]
    assert score_shingle_counts(counts) == score_shingles(pairs)


_words = st.lists(st.sampled_from(["a", "b", "c", "Cat", "dog", "é"]), max_size=12)


@given(_words, _words)
def test_shingle_counts_are_normalised(pred_words: list[str], gold_words: list[str]) -> None:
    counts = shingle_counts(" ".join(pred_words), " ".join(gold_words))
    assert all(0.0 <= value <= 1.0 for value in counts)
    if pred_words or gold_words:
        assert sum(counts) == pytest.approx(1.0)
    else:
        assert counts == (0.0, 0.0, 0.0)


@given(st.lists(_words.filter(bool), min_size=1, max_size=5))
def test_identical_texts_score_one(documents: list[list[str]]) -> None:
    texts = [" ".join(words) for words in documents]
    score = score_shingles((text, text) for text in texts)
    assert (score.precision, score.recall, score.f1) == pytest.approx((1.0, 1.0, 1.0))


# ---------------------------------------------------------------------------
# snippets


def test_collapse_whitespace() -> None:
    assert collapse_whitespace("  a \n\n b\t c\u00a0d\u2002e ") == "a b c d e"
    assert collapse_whitespace("") == ""


def test_snippet_counts_one_page() -> None:
    output = "Hello   world\n\nfoo bar\n"
    # with: "Hello world" found (spaces collapsed), "foo  bar" found, "missing one" missing.
    # without: "world foo" found (across the line break), "Share this" not found.
    counts = snippet_counts(
        output, ["Hello world", "foo  bar", "missing one"], ["world foo", "Share this"]
    )
    assert counts == (2, 1, 1)


def test_score_snippets_one_page() -> None:
    score = score_snippets(
        [
            (
                "Hello   world\n\nfoo bar\n",
                ["Hello world", "foo  bar", "missing one"],
                ["world foo", "Share this"],
            )
        ]
    )
    assert (score.tp, score.fp, score.fn, score.pages) == (2, 1, 1, 1)
    assert score.precision == pytest.approx(2 / 3)
    assert score.recall == pytest.approx(2 / 3)
    assert score.f1 == pytest.approx(2 / 3)


def test_score_snippets_sums_over_pages() -> None:
    # page 1: tp 2, fp 1, fn 1; page 2 (empty output): fn 1.
    # sums: tp 2, fp 1, fn 2 -> P 2/3, R 1/2, F1 4/7.
    score = score_snippets(
        [
            (
                "Hello   world\n\nfoo bar\n",
                ["Hello world", "foo  bar", "missing one"],
                ["world foo", "Share this"],
            ),
            ("", ["a b"], ["Share this"]),
        ]
    )
    assert (score.tp, score.fp, score.fn, score.pages) == (2, 1, 2, 2)
    assert score.precision == pytest.approx(2 / 3)
    assert score.recall == pytest.approx(1 / 2)
    assert score.f1 == pytest.approx(4 / 7)


def test_snippets_collapse_whitespace_inside_snippets() -> None:
    output = "Organizational Skills\nEffective organization is key."
    snippet = "Organizational Skills\n\nEffective organization is key."
    assert snippet_counts(output, [snippet], []) == (1, 0, 0)


def test_snippets_collapse_unicode_whitespace() -> None:
    output = "Subscribe\u2002|\u2002Feed and\u00a0more"
    assert snippet_counts(output, ["and more"], ["Subscribe | Feed"]) == (1, 1, 0)


def test_snippets_are_case_sensitive() -> None:
    assert snippet_counts("hello world", ["Hello world"], ["Hello"]) == (0, 0, 1)


def test_snippets_are_substrings_not_words() -> None:
    # A snippet matches inside a longer word run: plain substring test.
    assert snippet_counts("Read more stories", ["ead more st"], []) == (1, 0, 0)


def test_empty_snippets_are_ignored() -> None:
    assert snippet_counts("anything", ["", "  \n"], [" "]) == (0, 0, 0)


def test_score_snippets_without_any_match_is_zero() -> None:
    score = score_snippets([("", [], []), ("text", [], ["other"])])
    assert (score.precision, score.recall, score.f1) == (0.0, 0.0, 0.0)
    assert score.pages == 2


def test_score_snippets_only_false_positives() -> None:
    score = score_snippets([("Share this Next post", ["Body text"], ["Share this", "Next post"])])
    assert (score.tp, score.fp, score.fn) == (0, 2, 1)
    assert (score.precision, score.recall, score.f1) == (0.0, 0.0, 0.0)


# ---------------------------------------------------------------------------
# module hygiene


def test_evaluation_imports_nothing_else_from_declutter() -> None:
    source = Path(evaluation.__file__).read_text(encoding="utf-8")
    imported: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            imported.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            imported.add("." * node.level + (node.module or ""))
    assert not any(name.startswith((".", "declutter")) for name in imported), imported
