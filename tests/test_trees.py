"""The tree ensemble format: evaluation, round trips and refusal of broken files."""

from __future__ import annotations

import json
import math

import pytest

from declutter.line_features import FEATURE_NAMES
from declutter.rules.line_model import check_features, packaged_model
from declutter.trees import FORMAT, ModelFormatError, Tree, TreeEnsemble

#: x0 <= 1 ? (x1 <= 0.5 ? 1.0 : -1.0) : 3.0, plus a second tree that adds 0.5 for x1 > 2
TWO_TREES = {
    "format": FORMAT, "features": ["x0", "x1"], "base": -0.5,
    "trees": [
        {"feature": [0, 1], "threshold": [1.0, 0.5], "left": [1, -1], "right": [-3, -2],
         "leaf": [1.0, -1.0, 3.0]},
        {"feature": [1], "threshold": [2.0], "left": [-1], "right": [-2], "leaf": [0.0, 0.5]},
    ],
}


def logistic(score: float) -> float:
    return 1 / (1 + math.exp(-score))


@pytest.mark.parametrize("vector,score", [
    ([0.0, 0.0], -0.5 + 1.0),
    ([0.0, 1.0], -0.5 - 1.0),
    ([5.0, 0.0], -0.5 + 3.0),
    ([5.0, 3.0], -0.5 + 3.0 + 0.5),
    ([1.0, 0.5], -0.5 + 1.0),  # thresholds go left
])
def test_probability_follows_the_splits(vector, score):
    model = TreeEnsemble.from_dict(TWO_TREES)
    assert model.probability(vector) == pytest.approx(logistic(score))


def test_round_trip_through_json():
    model = TreeEnsemble.from_dict(TWO_TREES)
    again = TreeEnsemble.from_dict(json.loads(json.dumps(model.to_dict())))
    assert again == model


def test_a_tree_of_one_leaf():
    tree = Tree((), (), (), (), (0.25,))
    assert tree.value([]) == 0.25


def test_extreme_scores_stay_in_range():
    model = TreeEnsemble(("x",), -1000.0, ())
    assert model.probability([0.0]) == 0.0
    assert TreeEnsemble(("x",), 1000.0, ()).probability([0.0]) == 1.0


@pytest.mark.parametrize("change", [
    {"format": "other/1"},
    {"features": "x0"},
    {"trees": [{"feature": [0], "threshold": [1.0], "left": [-1], "right": [-2], "leaf": [1.0]}]},
    {"trees": [{"feature": [7], "threshold": [1.0], "left": [-1], "right": [-2], "leaf": [1, 2]}]},
    {"trees": [{"feature": [0, 0], "threshold": [1.0, 1.0], "left": [1, 0], "right": [-1, -2],
                "leaf": [1, 2, 3]}]},
    {"trees": [{"feature": [0], "threshold": ["x"], "left": [-1], "right": [-2], "leaf": [1, 2]}]},
    {"trees": [{"feature": [0]}]},
])
def test_broken_models_are_refused(change):
    with pytest.raises(ModelFormatError):
        TreeEnsemble.from_dict({**TWO_TREES, **change})


def test_unreadable_file_is_refused(tmp_path):
    path = tmp_path / "model.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(ModelFormatError):
        TreeEnsemble.load(path)
    path.write_text(json.dumps(TWO_TREES), encoding="utf-8")
    assert TreeEnsemble.load(path) == TreeEnsemble.from_dict(TWO_TREES)


def test_the_packaged_model_matches_the_features():
    model = check_features(packaged_model())
    assert model.trees
    assert 0.0 <= model.probability([0.0] * len(FEATURE_NAMES)) <= 1.0


def test_a_model_of_other_features_is_refused():
    with pytest.raises(ModelFormatError):
        check_features(TreeEnsemble.from_dict(TWO_TREES))


def test_compiled_scores_equal_the_tree_walk():
    model = packaged_model()
    vectors = [[(i * 7 + j * 3) % 11 / 5.0 for j in range(len(FEATURE_NAMES))] for i in range(200)]
    for vector in vectors:
        walked = model.score(vector)
        assert model.probability(vector) == pytest.approx(logistic(walked), abs=1e-12)


def test_configs_that_differ_only_in_their_model_stay_apart():
    import declutter
    from declutter.rules.line_model import LineModelRule
    from test_rules import P1, P2, P3, whole_page

    text = "\n".join(whole_page(P1, P2, P3, "Part of the Regional Press Group since 1998"))
    always, never = (TreeEnsemble(tuple(FEATURE_NAMES), base, ()) for base in (50.0, -50.0))
    outputs = []
    for model in (never, always, never):
        rule = LineModelRule(model=model, name="candidate")
        config = declutter.Config(disable={"line_model"}, rules=(rule,))
        outputs.append(declutter.clean(text, config=config))
    assert outputs[0] == outputs[2]
    assert "Part of the Regional Press Group" in outputs[0]
    assert "Part of the Regional Press Group" not in outputs[1]
    assert LineModelRule(model=always) != LineModelRule(model=never)
    assert LineModelRule(model=always) == LineModelRule(model=always)
