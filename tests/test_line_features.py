"""The line model's features: one finite vector per non-blank line, in a stable layout."""

from __future__ import annotations

import math
from dataclasses import replace

from hypothesis import given, settings, strategies as st

from declutter.document import segment
from declutter.labels import Category
from declutter.lexicon import load_lexicon
from declutter.line_features import FEATURE_NAMES, line_features
from declutter.profiles import thresholds_for
from declutter.rules.base import ScanContext
from declutter.table import build_table

PROSE = ("The council voted on Tuesday to expand the bus network, a decision that officials "
         "said would cut travel times for thousands of commuters.")


def context(text: str, **fields) -> ScanContext:
    doc = segment(text)
    table = build_table(doc, "en", 8, (), 1.0)
    ctx = ScanContext(doc, table, load_lexicon(("en",)), thresholds_for("balanced"), "en", 1.0)
    return replace(ctx, **fields)


def feature(vectors, row: int, name: str) -> float:
    return vectors[row][FEATURE_NAMES.index(name)]


def test_one_vector_per_non_blank_line():
    order, vectors = line_features(context(f"Home\n\n{PROSE}\n{PROSE}\nContact\n"))
    assert order == [0, 2, 3, 4]
    assert all(len(v) == len(FEATURE_NAMES) for v in vectors)


def test_features_describe_the_line_and_its_place():
    order, vectors = line_features(context(f"Home\n{PROSE}\n{PROSE}\nContact\n"))
    assert feature(vectors, 1, "prose") == 1.0 and feature(vectors, 0, "prose") == 0.0
    assert feature(vectors, 0, "prose_after") == 1.0 and feature(vectors, 3, "prose_before") == 1.0
    assert feature(vectors, 1, "log_prose_run") == math.log1p(2)
    assert feature(vectors, 0, "position") < feature(vectors, 3, "position")


def test_rule_evidence_is_a_feature():
    text = f"Home\n{PROSE}\nContact\n"
    ctx = context(text, prior={0: 0.9}, prior_categories={0: {Category.NAVIGATION}},
                  guarded=frozenset({2}))
    _, vectors = line_features(ctx)
    assert feature(vectors, 0, "confidence") == 0.9
    assert feature(vectors, 0, "category_navigation") == 1.0
    assert feature(vectors, 1, "category_navigation") == 0.0
    assert feature(vectors, 2, "guarded") == 1.0 and feature(vectors, 0, "guarded") == 0.0


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(max_size=80), max_size=30))
def test_every_value_is_finite(lines):
    order, vectors = line_features(context("\n".join(lines)))
    assert len(order) == len(vectors)
    assert all(math.isfinite(value) for vector in vectors for value in vector)


def test_choosing_lines_does_not_change_their_vectors():
    ctx = context(f"Home\n{PROSE}\nNews\n\n{PROSE}\nContact\n")
    order, vectors = line_features(ctx)
    chosen, some = line_features(ctx, lambda index: index % 2 == 0)
    assert chosen == [i for i in order if i % 2 == 0]
    assert some == [v for i, v in zip(order, vectors) if i % 2 == 0]
