"""A small ensemble of decision trees, read from JSON and evaluated in pure Python.

The file format (``"format": "declutter-trees/1"``) holds the feature names the model was
trained on, a base score and the trees. Each tree is five parallel arrays over its split
nodes: ``feature`` (index into the feature names), ``threshold``, ``left`` and ``right``
(a child node index, or ``~leaf`` for a leaf, i.e. ``-1 - leaf``) and ``leaf`` values; an
optional sixth, ``value``, holds each split node's mean output, from which
:meth:`TreeEnsemble.contributions` says how much each feature moved a score.
A vector goes left when ``vector[feature] <= threshold``. The probability is the logistic
function of the base score plus one leaf value per tree (gradient-boosted trees).

>>> model = TreeEnsemble.from_dict({
...     "format": "declutter-trees/1", "features": ["words"], "base": 0.0,
...     "trees": [{"feature": [0], "threshold": [3.0], "left": [-1], "right": [-2],
...                "leaf": [2.0, -2.0]}]})
>>> round(model.probability([1.0]), 3), round(model.probability([5.0]), 3)
(0.881, 0.119)
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Sequence

FORMAT = "declutter-trees/1"


class ModelFormatError(ValueError):
    """A model file that is not a valid tree ensemble."""


@dataclass(frozen=True)
class Tree:
    """One regression tree as parallel arrays (see the module docstring)."""

    feature: tuple[int, ...]
    threshold: tuple[float, ...]
    left: tuple[int, ...]
    right: tuple[int, ...]
    leaf: tuple[float, ...]
    #: the mean output of each split node (empty when the file has none)
    node_value: tuple[float, ...] = ()

    def contributions(self, vector: Sequence[float], into: list[float]) -> None:
        """Add to ``into[f]`` how much each split on feature ``f`` moved ``vector``'s
        output along its path (the tree's root value plus these is its leaf)."""
        if not self.feature or not self.node_value:
            return
        node, here = 0, self.node_value[0]
        while node >= 0:
            feature = self.feature[node]
            node = self.left[node] if vector[feature] <= self.threshold[node] else self.right[node]
            reached = self.leaf[~node] if node < 0 else self.node_value[node]
            into[feature] += reached - here
            here = reached

    def value(self, vector: Sequence[float]) -> float:
        """The leaf value ``vector`` reaches."""
        if not self.feature:
            return self.leaf[0]
        node = 0
        feature, threshold, left, right = self.feature, self.threshold, self.left, self.right
        while node >= 0:
            node = left[node] if vector[feature[node]] <= threshold[node] else right[node]
        return self.leaf[~node]


@dataclass(frozen=True)
class TreeEnsemble:
    """Gradient-boosted trees giving a probability for a feature vector."""

    features: tuple[str, ...]
    base: float
    trees: tuple[Tree, ...]

    def score(self, vector: Sequence[float]) -> float:
        """The raw score (log-odds) of ``vector``: the base plus one leaf per tree."""
        score = self.base
        for tree in self.trees:
            score += tree.value(vector)
        return score

    @cached_property
    def _compiled_score(self) -> Callable[[Sequence[float]], float]:
        """:meth:`score` as one Python expression of nested conditionals, compiled once.

        The source is built from validated numbers only (feature indices, thresholds,
        leaf values), never from text of the model file.
        """
        terms = [repr(self.base)] + [_expression(tree) for tree in self.trees]
        used = sorted({f for tree in self.trees for f in tree.feature})
        # each feature the splits read is bound to a local name once per call
        unpack = "".join(f"    f{f} = v[{f}]\n" for f in used)
        source = f"def score(v):\n{unpack}    return {' + '.join(terms)}\n"
        namespace: dict[str, Any] = {"__builtins__": {}}
        exec(compile(source, "<declutter-trees>", "exec"), namespace)  # noqa: S102 - numbers only
        return namespace["score"]

    def contributions(self, vector: Sequence[float]) -> list[float]:
        """Per feature, how much it moved ``vector``'s score (log-odds) away from the
        trees' average: the splits on it along each tree's path, summed (all zero for
        a model file without node values)."""
        into = [0.0] * len(self.features)
        for tree in self.trees:
            tree.contributions(vector, into)
        return into

    def probability(self, vector: Sequence[float]) -> float:
        """The model's probability for ``vector`` (ordered as :attr:`features`)."""
        return _logistic(self._compiled_score(vector))

    def probabilities(self, vectors: Iterable[Sequence[float]]) -> list[float]:
        """:meth:`probability` of each of ``vectors``, in order."""
        return list(map(_logistic, map(self._compiled_score, vectors)))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "TreeEnsemble":
        """Build an ensemble from its JSON mapping.

        :raises ModelFormatError: when the mapping is not a valid ensemble.
        """
        if not isinstance(data, Mapping) or data.get("format") != FORMAT:
            raise ModelFormatError(f"not a {FORMAT} model")
        features = data.get("features")
        if not isinstance(features, list) or not all(isinstance(f, str) for f in features):
            raise ModelFormatError("'features' must be a list of names")
        try:
            base = float(data.get("base", 0.0))
            trees = tuple(_tree(t, len(features)) for t in data["trees"])
        except (KeyError, TypeError, ValueError) as exc:
            raise ModelFormatError(f"malformed trees: {exc}") from None
        return cls(tuple(features), base, trees)

    @classmethod
    def load(cls, path: str | Path) -> "TreeEnsemble":
        """Read an ensemble from a JSON file.

        :raises ModelFormatError: when the file is not valid JSON or not an ensemble.
        """
        try:
            text = Path(path).read_text("utf-8")
        except OSError as exc:
            raise ModelFormatError(f"cannot read model {path}: {exc}") from None
        return cls.from_json(text)

    @classmethod
    def from_json(cls, text: str) -> "TreeEnsemble":
        """Build an ensemble from the text of its JSON file.

        :raises ModelFormatError: when the text is not valid JSON or not an ensemble.
        """
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise ModelFormatError(f"the model is not valid JSON: {exc}") from None
        return cls.from_dict(data)

    def to_dict(self) -> dict[str, Any]:
        """The JSON mapping of this ensemble (the inverse of :meth:`from_dict`)."""
        return {
            "format": FORMAT, "features": list(self.features), "base": self.base,
            "trees": [
                {"feature": list(t.feature), "threshold": list(t.threshold),
                 "left": list(t.left), "right": list(t.right), "leaf": list(t.leaf),
                 **({"value": list(t.node_value)} if t.node_value else {})}
                for t in self.trees
            ],
        }


def _logistic(score: float) -> float:
    """The probability of a raw score (log-odds)."""
    if score < -60.0:
        return 0.0
    return 1.0 / (1.0 + math.exp(-score))


def _expression(tree: Tree, node: int = 0) -> str:
    """``tree`` as a nested conditional expression over the features ``f0``, ``f1``..."""
    if not tree.feature:
        return repr(tree.leaf[0])
    if node < 0:
        return repr(tree.leaf[~node])
    return (f"({_expression(tree, tree.left[node])} if f{tree.feature[node]} <= "
            f"{tree.threshold[node]!r} else {_expression(tree, tree.right[node])})")


def _tree(data: Mapping[str, Any], feature_count: int) -> Tree:
    tree = Tree(
        tuple(int(v) for v in data["feature"]),
        tuple(float(v) for v in data["threshold"]),
        tuple(int(v) for v in data["left"]),
        tuple(int(v) for v in data["right"]),
        tuple(float(v) for v in data["leaf"]),
        tuple(float(v) for v in data.get("value", ())),
    )
    nodes, leaves = len(tree.feature), len(tree.leaf)
    if tree.node_value and len(tree.node_value) != nodes:
        raise ValueError("'value' must hold one number per split node")
    if not (len(tree.threshold) == len(tree.left) == len(tree.right) == nodes):
        raise ValueError("split arrays differ in length")
    if leaves != nodes + 1:
        raise ValueError(f"{nodes} splits need {nodes + 1} leaves, not {leaves}")
    if any(not 0 <= f < feature_count for f in tree.feature):
        raise ValueError("a split names a feature that does not exist")
    for child in (*tree.left, *tree.right):
        # children point forward, so evaluation always ends at a leaf
        if child >= nodes or ~child >= leaves:
            raise ValueError("a child index is out of range")
    for node in range(nodes):
        if 0 <= tree.left[node] <= node or 0 <= tree.right[node] <= node:
            raise ValueError("a child points backwards")
    return tree
