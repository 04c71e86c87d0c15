"""What kind of page a text is: an article, or a page whose content is something else.

An article's text is mostly running prose in one stretch, with chrome around it; a
listing, a collection, a product or service page, a documentation page or a forum
thread is made differently: many short items, prices and specifications, code, or a
run of posts. The same line means different things on each (a run of short title-like
lines is other stories' headlines under an article, and the content of a listing), so
the learned decision (:mod:`declutter.rules.line_model`) is told how much the page
reads as an article.

:func:`page_vector` describes the page in numbers that depend on no language (line
lengths, prose, sentence ends, digits, symbols, list markers, the rules' labels), and a
small tree ensemble (``data/models/page_kind.json``, trained with
``benchmarks/train_line_model.py`` on the tune pages' types) turns it into the
probability that the page is an article.
"""

from __future__ import annotations

import math
from functools import lru_cache
from itertools import compress
from importlib.resources import files
from typing import TYPE_CHECKING, AbstractSet

from .labels import Category
from .line_features import SHORT_WORDS_MAX
from .trees import ModelFormatError, TreeEnsemble

if TYPE_CHECKING:
    from .rules.base import ScanContext

#: The packaged model file, under ``declutter/data/models/``.
MODEL_FILE = "page_kind.json"
#: Fewest non-blank lines from which the page's kind is judged: a shorter text tells too
#: little about its page, and is read as an article (what the rules were written for).
JUDGED_LINES_MIN = 12
#: A line of at least this many words is long.
LONG_WORDS_MIN = 30
#: Categories whose share of the page's lines is a feature of its own.
PAGE_CATEGORIES: tuple[Category, ...] = (
    Category.HEADLINE_LIST, Category.COMMENTS, Category.NAVIGATION,
    Category.OUTSIDE_ARTICLE, Category.DATELINE, Category.BYLINE,
)

PAGE_FEATURE_NAMES: tuple[str, ...] = (
    "log_lines", "prose_share", "short_share", "long_share", "sentence_end_share",
    "mean_log_words", "digit_line_share", "currency_line_share", "symbol_share",
    "list_marker_share", "question_share", "colon_share", "longest_prose_run_share",
    "prose_chars_share_in_longest_run", "first_prose_position", "labelled_share",
    *(f"share_{c.value}" for c in PAGE_CATEGORIES),
    "whole_page", "forum",
)


#: Where the flags of a line's page shape end (the symbol count follows them; see
#: :attr:`declutter.line_facts.LineFacts.page_shape`).
FLAGS_END = 7


def page_vector(ctx: "ScanContext", set_aside: AbstractSet[int] = frozenset()) -> list[float]:
    """The page's make-up as :data:`PAGE_FEATURE_NAMES` (``ctx`` carries the rules'
    labels in ``prior`` and ``prior_categories``), of its lines but those ``set_aside``
    (unless that leaves none)."""
    doc, table = ctx.doc, ctx.table
    order = doc.content
    if set_aside:
        order = [i for i in order if i not in set_aside] or order
    count = len(order)
    if not count:
        return [0.0] * len(PAGE_FEATURE_NAMES)
    facts = table.facts
    # one column per field of the lines' page shapes
    columns = list(zip(*[facts[i].page_shape for i in order]))
    lengths = columns[0]
    words = [table.words[i] for i in order]
    prose = [table.prose[i] for i in order]
    chars = sum(lengths) or 1
    longest, run, best_start, start = 0, 0, 0, 0
    for position, flag in enumerate(prose):
        if flag:
            if run == 0:
                start = position
            run += 1
            if run > longest:
                longest, best_start = run, start
        else:
            run = 0
    prose_chars = sum(compress(lengths, prose)) or 1
    longest_chars = sum(lengths[best_start:best_start + longest])
    first_prose = next((position for position, flag in enumerate(prose) if flag), count)
    flags = [sum(column) / count for column in columns[1:FLAGS_END]]
    prior = ctx.prior
    labelled = sum(1 for i in order if prior.get(i, 0.0) >= 0.5)
    categories = ctx.prior_categories
    per_category = dict.fromkeys(PAGE_CATEGORIES, 0)
    if categories:
        for i in order:
            for category in categories.get(i, ()):
                if category in per_category:
                    per_category[category] += 1
    return [
        math.log1p(count),
        sum(prose) / count,
        sum(1 for w in words if w <= SHORT_WORDS_MAX) / count,
        sum(1 for w in words if w >= LONG_WORDS_MIN) / count,
        flags[0],  # sentence end
        sum([math.log1p(w) for w in words]) / count,
        flags[1], flags[2],  # digits, currency
        sum(columns[FLAGS_END]) / chars,
        flags[3], flags[4], flags[5],  # list marker, question, colon
        longest / count,
        (longest_chars if longest else 0) / prose_chars,
        first_prose / count,
        labelled / count,
        *(per_category[c] / count for c in PAGE_CATEGORIES),
        float(ctx.whole_page),
        float(ctx.forum),
    ]


@lru_cache(maxsize=1)
def packaged_model() -> TreeEnsemble:
    """The page-kind model shipped with declutter.

    :raises ModelFormatError: when the packaged file is missing, broken or was trained
        on other features.
    """
    resource = files("declutter") / "data" / "models" / MODEL_FILE
    try:
        model = TreeEnsemble.from_json(resource.read_text("utf-8"))
    except OSError as exc:
        raise ModelFormatError(f"the packaged page model is missing: {exc}") from None
    if model.features != PAGE_FEATURE_NAMES:
        raise ModelFormatError("the page model's features differ from declutter's")
    return model


def article_probability(ctx: "ScanContext", model: TreeEnsemble | None = None,
                        set_aside: AbstractSet[int] = frozenset()) -> float:
    """How likely the page is an article (``model``: the packaged one when ``None``): what
    the caller stated (``ctx.stated_article``) when it did, else 1 for a text of fewer
    than :data:`JUDGED_LINES_MIN` non-blank lines, else the model's judgement of its
    lines but those ``set_aside`` (an article's readers' thread makes it look like a
    discussion: :func:`declutter.engine.run` sets the rules' comment threads aside)."""
    if ctx.stated_article is not None:
        return ctx.stated_article
    if len(ctx.doc.content) < JUDGED_LINES_MIN:
        return 1.0
    return (model or packaged_model()).probability(page_vector(ctx, set_aside))
