"""The learned decision on whole-page text: the rules' evidence weighed in context.

The rules state evidence: a label says that a line looks like a kind of noise, a guard
that it looks like content. What that evidence is worth depends on the page and the
text: "3 comments" under an article's headline is chrome, the same line in a forum
thread is a post's header; a list of short title-like lines is other stories' headlines
on a news page and the content of a listing. A gradient-boosted tree ensemble
(``data/models/line_decision.json``) weighs, for every non-blank line, what the rules
said of it together with its shape, its place in the page, its neighbours and what the
page as a whole looks like (:mod:`declutter.line_features`), and gives the probability
that the line is not part of the page's main content. On whole-page text the engine
removes the lines whose probability reaches the profile's threshold
(:meth:`declutter.profiles.Thresholds.decision_threshold`); on an extractor's output the
rules' strongest label decides, and only the page's kind (:mod:`declutter.page_kind`)
is read from this rule's models.

The model was trained with ``benchmarks/train_line_model.py`` on the tune pages of the
public evaluation data, whole-page text and extractors' output, every page type
together; ``docs/quality.md`` gives its figures on sites it never saw. Its reasons say
what weighed most: the features that pushed the line's score towards noise, in words.
Disabling this rule (``--disable line_model``) lets the rules decide alone: the
strongest label removes a line unless context keeps it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib.resources import files
from typing import Iterator, Mapping, Sequence

from ..labels import Category, Mark
from ..line_features import FEATURE_NAMES, Evidence, line_features
from ..page_kind import article_probability
from ..trees import ModelFormatError, TreeEnsemble
from .base import Finding, ScanContext

#: The packaged model file, under ``declutter/data/models/``.
MODEL_FILE = "line_decision.json"
#: How many of the features that weighed most a reason names.
REASON_FEATURES = 2
#: Contributions (log-odds) smaller than this are not worth naming.
REASON_CONTRIBUTION_MIN = 0.05


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
    return check_features(TreeEnsemble.from_json(text))


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


def evidence_of(marks: Sequence[Mark], page_article: float = 0.5) -> Evidence:
    """How many rules labelled each line, the lines that multi-line labels cover, and
    how likely the page is an article."""
    rules: dict[int, set[str]] = {}
    spans: set[int] = set()
    for mark in marks:
        for index in range(mark.first, mark.last + 1):
            rules.setdefault(index, set()).add(mark.label.rule)
        if mark.last > mark.first:
            spans.update(range(mark.first, mark.last + 1))
    return Evidence({i: len(names) for i, names in rules.items()}, frozenset(spans),
                    page_article)


@dataclass(frozen=True)
class Weighing:
    """The model's verdict on every non-blank line of one pass.

    :param probability: line index -> probability that the line is noise.
    :param vectors: line index -> the features it was computed from.
    :param whole_page: whether the text is a whole page (else an extractor's output),
        which sets the probability that removes a line.
    """

    probability: Mapping[int, float]
    vectors: Mapping[int, Sequence[float]]
    whole_page: bool = False
    #: how likely the page is an article (:func:`declutter.page_kind.article_probability`)
    article: float = 0.5

    def sparing(self, lines: frozenset[int]) -> "Weighing":
        """The same verdicts without those on ``lines`` (which then stay)."""
        return replace(self, probability={i: p for i, p in self.probability.items()
                                          if i not in lines})


@dataclass(frozen=True)
class LineModelRule:
    """The learned decision: weighs every line's evidence in its page's context.

    :param model: the tree ensemble to use; ``None`` means the packaged one.

    Two rules are equal when they use the same model object: a model is compared (and
    hashed) by identity, not by its thousands of splits.
    """

    model: TreeEnsemble | None = field(default=None, compare=False)
    page_model: TreeEnsemble | None = field(default=None, compare=False)
    model_identity: int = field(default=0, init=False, repr=False)
    name: str = "line_model"
    weighs: bool = True
    #: decide on whole-page text only (see :func:`declutter.engine.run`)
    whole_page_only: bool = True
    category: Category = Category.OUTSIDE_ARTICLE
    description: str = (
        "on whole-page text, weighs what the rules said of every line with its shape, "
        "position, neighbours and the kind of page, and removes the lines a learned model "
        "finds to be noise; it also judges the page's kind for extracted text (disable it "
        "to let the strongest rule label decide alone)"
    )

    def __post_init__(self) -> None:
        object.__setattr__(self, "model_identity",
                           hash((id(self.model), id(self.page_model)))
                           if self.model is not None or self.page_model is not None else 0)

    def scan(self, ctx: ScanContext) -> Iterator[Finding]:
        """The learned decision labels nothing itself: see :meth:`weigh`."""
        return iter(())

    def ensemble(self) -> TreeEnsemble:
        """The model this rule weighs with."""
        return check_features(self.model) if self.model is not None else packaged_model()

    def weigh(self, ctx: ScanContext, marks: Sequence[Mark]) -> Weighing:
        """Score every non-blank line of ``ctx.doc``; ``ctx`` carries every rule's labels
        (``prior``, ``prior_categories``, ``guarded``) and ``marks`` the labels themselves."""
        model = self.ensemble()
        article = article_probability(ctx, self.page_model)
        order, vectors = line_features(ctx, evidence=evidence_of(marks, article))
        return Weighing(dict(zip(order, model.probabilities(vectors))),
                        dict(zip(order, vectors)), ctx.whole_page, article)

    def reason(self, vector: Sequence[float], probability: float) -> str:
        """What weighed most towards noise for a line, in words."""
        model = self.ensemble()
        weighed = sorted(
            ((c, i) for i, c in enumerate(model.contributions(vector))
             if c >= REASON_CONTRIBUTION_MIN),
            reverse=True)[:REASON_FEATURES]
        said = [describe_feature(FEATURE_NAMES[i], vector[i]) for _, i in weighed]
        seen = "; ".join(dict.fromkeys(s for s in said if s)) or "its context as a whole"
        return f"weighed as noise (p={probability:.2f}), mostly for: {seen}"


RULE = LineModelRule()


def _count(value: float) -> int:
    """A count stored as ``log1p``."""
    return round(math.expm1(value))


def describe_feature(name: str, value: float) -> str:
    """One feature of a line and its value as a person would say it."""
    if name.startswith("category_"):
        return f"labelled {name.removeprefix('category_').replace('_', ' ')} by a rule" if value else ""
    if name.startswith("prose_window_"):
        width = name.removeprefix("prose_window_")
        return f"{value:.0%} prose among the {width} lines either side"
    phrases = {
        "log_words": lambda v: f"{_count(v)} words",
        "log_chars": lambda v: f"{_count(v)} characters",
        "prose": lambda v: "reads as prose" if v else "not a sentence of prose",
        "ends_sentence": lambda v: "ends a sentence" if v else "no sentence end",
        "stopword_share": lambda v: f"{v:.0%} function words",
        "capital_share": lambda v: f"{v:.0%} capitalised words",
        "digit_share": lambda v: f"{v:.0%} digits",
        "symbol_share": lambda v: f"{v:.0%} symbols",
        "position": lambda v: f"{v:.0%} of the way down the page",
        "prose_before": lambda v: f"{v:.0%} of the page's prose before it",
        "prose_after": lambda v: f"{v:.0%} of the page's prose after it",
        "repeated": lambda v: "repeated on the page" if v else "said once on the page",
        "log_prose_run": lambda v: f"in a run of {_count(v)} prose lines" if v else
        "outside any run of prose",
        "prose_previous": lambda v: "prose before it" if v else "no prose just before it",
        "prose_next": lambda v: "prose after it" if v else "no prose just after it",
        "log_words_previous": lambda v: f"{_count(v)} words on the line before",
        "log_words_next": lambda v: f"{_count(v)} words on the line after",
        "labelled_window": lambda v: f"{v:.0%} of its neighbours labelled noise",
        "labelled": lambda v: "labelled by a rule" if v else "no rule labelled it",
        "confidence": lambda v: f"a rule's label of confidence {v:.2f}",
        "guarded": lambda v: "looks like content (guarded)" if v else "no content guard",
        "log_rules": lambda v: f"{_count(v)} rules labelled it",
        "in_span": lambda v: "inside a labelled block" if v else "",
        "echo_page": lambda v: f"{v:.0%} of its words used in the page's prose",
        "echo_near": lambda v: f"{v:.0%} of its words used in the prose around it",
        "page_log_lines": lambda v: f"a page of {_count(v)} lines",
        "page_prose_share": lambda v: f"a page {v:.0%} prose",
        "page_short_share": lambda v: f"a page {v:.0%} short lines",
        "page_labelled_share": lambda v: f"a page {v:.0%} labelled noise",
        "page_whole": lambda v: "a whole page with its menus" if v else "an extracted text",
        "page_forum": lambda v: "a discussion" if v else "",
        "page_article": lambda v: f"a page that reads {'as' if v >= 0.5 else 'not as'} an "
        f"article ({v:.2f})",
    }
    describe = phrases.get(name)
    return describe(value) if describe else name
