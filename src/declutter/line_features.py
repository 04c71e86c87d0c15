"""Numeric features of each line, for the learned page-chrome model.

Each non-blank line becomes a vector of :data:`FEATURE_NAMES`: the line's own shape
(length, sentence end, stopword and capital shares), its place in the page (position,
share of the page's prose before and after it), its neighbourhood (prose and labelled
lines around it, the run of prose it belongs to) and what the rules before the model
said of it (strongest confidence, categories, content guards). Nothing here names a
site or a phrase: the signals are the general ones of body-text extraction.

The same function computes the features when the model is trained
(``benchmarks/train_line_model.py``) and when it runs, so the two cannot drift apart.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import TYPE_CHECKING, Callable

from .features import WORD_EDGE, ends_sentence, stopwords
from .labels import Category

if TYPE_CHECKING:
    from .rules.base import ScanContext

#: Confidence from which a rule's label counts as "labelled" for the context features.
LABELLED_MIN = 0.5
#: Half-widths, in non-blank lines, of the windows whose prose share is a feature.
PROSE_WINDOWS = (1, 2, 3, 6)
#: Half-width of the window whose share of labelled lines is a feature.
LABELLED_WINDOW = 3
#: Rule categories whose presence on a line is a feature of its own.
LABEL_CATEGORIES: tuple[Category, ...] = tuple(
    c for c in Category if c is not Category.CUSTOM
)

FEATURE_NAMES: tuple[str, ...] = (
    "log_words", "log_chars", "prose", "ends_sentence", "stopword_share",
    "capital_share", "digit_share", "symbol_share",
    "position", "prose_before", "prose_after", "repeated", "log_prose_run",
    *(f"prose_window_{width}" for width in PROSE_WINDOWS),
    "prose_previous", "prose_next", "log_words_previous", "log_words_next",
    "labelled_window", "labelled", "confidence",
    *(f"category_{c.value}" for c in LABEL_CATEGORIES),
    "guarded",
)


def line_features(ctx: "ScanContext", wanted: Callable[[int], bool] | None = None,
                  ) -> tuple[list[int], list[list[float]]]:
    """The non-blank lines of ``ctx.doc`` (those ``wanted`` accepts, when given) and one
    feature vector per line.

    Vectors follow :data:`FEATURE_NAMES`; every value is finite. ``wanted`` only saves
    work: a line's vector is the same whichever other lines are wanted.
    """
    doc, table = ctx.doc, ctx.table
    order = doc.content
    count = len(order)
    if not count:
        return order, []
    stop = stopwords(ctx.language)
    prose = [table.prose[i] for i in order]
    words = [table.words[i] for i in order]
    labelled = [ctx.prior.get(i, 0.0) >= LABELLED_MIN for i in order]
    key_counts = Counter(table.keys[i] for i in order)
    runs = _prose_runs(prose)
    prose_sums = _prefix_sums(prose)
    labelled_sums = _prefix_sums(labelled)
    total_prose = table.prose_chars_before[-1] or 1
    vectors = []
    chosen = []
    for position, index in enumerate(order):
        if wanted is not None and not wanted(index):
            continue
        chosen.append(index)
        line = doc.lines[index].strip()
        tokens = line.split()
        word_count = max(len(tokens), 1)
        chars = max(len(line), 1)
        categories = ctx.prior_categories.get(index, frozenset())
        vector = [
            math.log1p(words[position]),
            math.log1p(len(line)),
            float(prose[position]),
            float(ends_sentence(line)),
            sum(1 for t in tokens if t.strip(WORD_EDGE).casefold() in stop) / word_count,
            sum(1 for t in tokens if t[:1].isupper()) / word_count,
            sum(map(str.isdigit, line)) / chars,
            (len(line) - sum(map(str.isalnum, line)) - sum(map(str.isspace, line))) / chars,
            position / count,
            table.prose_before(index) / total_prose,
            table.prose_after(index) / total_prose,
            float(key_counts[table.keys[index]] > 1),
            math.log1p(runs[position]),
            *(_window_share(prose_sums, position, width, count) for width in PROSE_WINDOWS),
            float(prose[position - 1]) if position else 0.0,
            float(prose[position + 1]) if position + 1 < count else 0.0,
            math.log1p(words[position - 1]) if position else 0.0,
            math.log1p(words[position + 1]) if position + 1 < count else 0.0,
            _window_share(labelled_sums, position, LABELLED_WINDOW, count),
            float(labelled[position]),
            ctx.prior.get(index, 0.0),
            *(float(c in categories) for c in LABEL_CATEGORIES),
            float(index in ctx.guarded),
        ]
        vectors.append(vector)
    return chosen, vectors


def _prose_runs(prose: list[bool]) -> list[int]:
    """For each line, the length of the run of prose lines it belongs to (0 if none)."""
    runs = [0] * len(prose)
    start = 0
    while start < len(prose):
        if not prose[start]:
            start += 1
            continue
        end = start
        while end < len(prose) and prose[end]:
            end += 1
        runs[start:end] = [end - start] * (end - start)
        start = end
    return runs


def _prefix_sums(flags: list[bool]) -> list[int]:
    sums = [0]
    for flag in flags:
        sums.append(sums[-1] + flag)
    return sums


def _window_share(sums: list[int], position: int, width: int, count: int) -> float:
    """The share of true flags among the lines within ``width`` of ``position``."""
    first, last = max(0, position - width), min(count, position + width + 1)
    return (sums[last] - sums[first]) / (last - first)
