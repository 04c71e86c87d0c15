"""Page chrome that no hand-written rule names, found by a small learned model.

On whole-page text, much of what survives the rules is unlabelled: teaser blurbs, site
descriptions, sidebar widgets, lines of footers. A gradient-boosted tree ensemble
(``data/models/page_chrome.json``) scores each remaining line from general features
(:mod:`declutter.line_features`: line shape, position, neighbourhood, what the rules
said) and labels the lines it finds likely chrome.

The model runs last, only on whole-page text, and only adds labels: it never keeps a
line a rule removed. Its confidence is capped below what the ``precision`` profile
needs and below ``Confidence.STRONG``, so content guards (lists, steps, quotations)
and the ``between_paragraphs`` context still keep what they keep, and it never removes
the last prose lines the rules left on a page. It was trained with
``benchmarks/train_line_model.py`` on the public evaluation pages (see
``docs/quality.md`` for the figures on pages it was not trained on).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from typing import Iterator

from ..labels import Category
from ..line_features import FEATURE_NAMES, line_features
from ..trees import ModelFormatError, TreeEnsemble
from .base import Finding, ScanContext, single

#: The packaged model file, under ``declutter/data/models/``.
MODEL_FILE = "page_chrome.json"
#: Lines the model scores below this probability get no label at all.
PROBABILITY_MIN = 0.45
#: The highest confidence a model label carries: below the ``precision`` profile's
#: ``min_confidence`` (0.85) and below ``Confidence.STRONG``.
CONFIDENCE_CAP = 0.8
#: Lines the rules before already labelled at least this confidently are not scored.
ALREADY_LABELLED = 0.65


@lru_cache(maxsize=1)
def packaged_model() -> TreeEnsemble:
    """The model shipped with declutter.

    :raises ModelFormatError: when the packaged file is missing or broken.
    """
    resource = files("declutter") / "data" / "models" / MODEL_FILE
    try:
        text = resource.read_text("utf-8")
    except OSError as exc:
        raise ModelFormatError(f"the packaged model is missing: {exc}") from None
    return TreeEnsemble.from_json(text)


def check_features(model: TreeEnsemble) -> TreeEnsemble:
    """``model`` when it was trained on :data:`FEATURE_NAMES`, in that order.

    :raises ModelFormatError: otherwise.
    """
    if model.features != FEATURE_NAMES:
        missing = sorted(set(FEATURE_NAMES) ^ set(model.features))
        raise ModelFormatError(
            "the model's features differ from declutter's"
            + (f": {', '.join(missing)}" if missing else " in order")
        )
    return model


@dataclass(frozen=True)
class LineModelRule:
    """Lines of whole-page text that a learned model finds to be page chrome.

    :param model: the tree ensemble to use; ``None`` means the packaged one.

    Two rules are equal when they use the same model object: a model is compared (and
    hashed) by identity, not by its thousands of splits, so configurations that differ
    only in their model are never mistaken for one another.
    """

    model: TreeEnsemble | None = field(default=None, compare=False)
    model_identity: int = field(default=0, init=False, repr=False)
    name: str = "line_model"
    uses_prior: bool = True
    first_pass_only: bool = True
    category: Category = Category.OUTSIDE_ARTICLE
    description: str = (
        "page chrome in whole-page text that no other rule names (teasers, blurbs, "
        "widgets), scored by a small learned model of line shape, position and context"
    )

    def __post_init__(self) -> None:
        object.__setattr__(self, "model_identity", 0 if self.model is None else id(self.model))

    def scan(self, ctx: ScanContext) -> Iterator[Finding]:
        if not ctx.whole_page:
            return
        model = check_features(self.model or packaged_model())
        scored: dict[int, float] = {}
        for index, vector in zip(*line_features(ctx, lambda i: is_candidate(ctx, i))):
            probability = model.probability(vector)
            if probability >= PROBABILITY_MIN:
                scored[index] = probability
        spared = last_prose(ctx, scored)
        for index, probability in scored.items():
            if index in spared:
                continue
            yield single(index, self.name, self.category, confidence_of(probability),
                         f"page chrome by the line model (p={probability:.2f})")


def confidence_of(probability: float) -> float:
    """The confidence of the label the model gives a line it scores ``probability``."""
    return round(min(probability, CONFIDENCE_CAP), 2)


def last_prose(ctx: ScanContext, scored: dict[int, float]) -> frozenset[int]:
    """The prose lines the model must leave: all those it scored, when its labels would
    remove every prose line the rules left on the page (a one-paragraph article amid
    hundreds of menu lines). The model refines what the rules keep; it never empties
    a page of its article."""
    removes = ctx.thresholds.min_confidence
    left = [i for i in ctx.doc.content if ctx.table.prose[i] and ctx.prior.get(i, 0.0) < removes]
    if not left or any(confidence_of(scored.get(i, 0.0)) < removes for i in left):
        return frozenset()
    return frozenset(left)


def is_candidate(ctx: ScanContext, index: int) -> bool:
    """Whether the model scores line ``index``: no rule before it labelled the line at
    ``ALREADY_LABELLED`` or more, and no content guard covers it."""
    return ctx.prior.get(index, 0.0) < ALREADY_LABELLED and index not in ctx.guarded


RULE = LineModelRule()
