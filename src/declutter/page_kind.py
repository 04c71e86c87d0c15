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
from importlib.resources import files
from typing import TYPE_CHECKING

from .features import SENTENCE_END, list_marker
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
#: Characters that price a product in most currencies.
CURRENCY = "$€£¥₹₽₩"

PAGE_FEATURE_NAMES: tuple[str, ...] = (
    "log_lines", "prose_share", "short_share", "long_share", "sentence_end_share",
    "mean_log_words", "digit_line_share", "currency_line_share", "symbol_share",
    "list_marker_share", "question_share", "colon_share", "longest_prose_run_share",
    "prose_chars_share_in_longest_run", "first_prose_position", "labelled_share",
    *(f"share_{c.value}" for c in PAGE_CATEGORIES),
    "whole_page", "forum",
)


def page_vector(ctx: "ScanContext") -> list[float]:
    """The page's make-up as :data:`PAGE_FEATURE_NAMES` (``ctx`` carries the rules'
    labels in ``prior`` and ``prior_categories``)."""
    doc, table = ctx.doc, ctx.table
    order = doc.content
    count = len(order)
    if not count:
        return [0.0] * len(PAGE_FEATURE_NAMES)
    lines = [doc.lines[i].strip() for i in order]
    words = [table.words[i] for i in order]
    prose = [table.prose[i] for i in order]
    chars = sum(len(line) for line in lines) or 1
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
    prose_chars = sum(len(line) for line, flag in zip(lines, prose) if flag) or 1
    longest_chars = sum(len(line) for line in lines[best_start:best_start + longest])
    first_prose = next((position for position, flag in enumerate(prose) if flag), count)
    categories = ctx.prior_categories
    share = lambda flags: sum(flags) / count  # noqa: E731
    return [
        math.log1p(count),
        share(prose),
        share(w <= SHORT_WORDS_MAX for w in words),
        share(w >= LONG_WORDS_MIN for w in words),
        share(line[-1:] in SENTENCE_END for line in lines),
        sum(math.log1p(w) for w in words) / count,
        share(any(c.isdigit() for c in line) for line in lines),
        share(any(c in CURRENCY for c in line) for line in lines),
        sum(len(line) - sum(map(str.isalnum, line)) - line.count(" ") for line in lines) / chars,
        share(list_marker(line) is not None for line in lines),
        share(line.endswith("?") for line in lines),
        share(":" in line for line in lines),
        longest / count,
        (longest_chars if longest else 0) / prose_chars,
        first_prose / count,
        share(ctx.prior.get(i, 0.0) >= 0.5 for i in order),
        *(share(c in categories.get(i, ()) for i in order) for c in PAGE_CATEGORIES),
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


def article_probability(ctx: "ScanContext", model: TreeEnsemble | None = None) -> float:
    """How likely the page is an article (``model``: the packaged one when ``None``): what
    the caller stated (``ctx.stated_article``) when it did, else 1 for a text of fewer
    than :data:`JUDGED_LINES_MIN` non-blank lines, else the model's judgement."""
    if ctx.stated_article is not None:
        return ctx.stated_article
    if len(ctx.doc.content) < JUDGED_LINES_MIN:
        return 1.0
    return (model or packaged_model()).probability(page_vector(ctx))
