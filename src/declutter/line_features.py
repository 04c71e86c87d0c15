"""Numeric features of each line, for the learned page-chrome model.

Each non-blank line becomes a vector of :data:`FEATURE_NAMES`: the line's own shape
(length, sentence end, stopword and capital shares), its place in the page (position,
share of the page's prose before and after it), its neighbourhood (prose and labelled
lines around it, the run of prose it belongs to) and what the rules before the model
said of it (strongest confidence, categories, content guards, how many rules agree,
whether a rule's span covers it), and what the page as a whole looks like (how long, how
much of it is prose, how many short lines, whether it reads as a whole page or a
discussion), from which the model tells an article from a listing or a documentation
page and an extractor's output from a whole page. Nothing here names a site or a
phrase, and nothing depends on English: the signals are the general ones of body-text
extraction, and the words a line holds count only through its language's stoplist.

The same function computes the features when the model is trained
(``benchmarks/train_line_model.py``) and when it runs, so the two cannot drift apart.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from bisect import bisect_left
from typing import TYPE_CHECKING, Callable, Mapping, Sequence

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
#: Each of LABEL_CATEGORIES' place among them.
_CATEGORY_PLACE = {category: place for place, category in enumerate(LABEL_CATEGORIES)}

FEATURE_NAMES: tuple[str, ...] = (
    "log_words", "log_chars", "prose", "ends_sentence", "stopword_share",
    "capital_share", "digit_share", "symbol_share",
    "position", "prose_before", "prose_after", "repeated", "log_prose_run",
    *(f"prose_window_{width}" for width in PROSE_WINDOWS),
    "prose_previous", "prose_next", "log_words_previous", "log_words_next",
    "labelled_window", "labelled", "confidence",
    *(f"category_{c.value}" for c in LABEL_CATEGORIES),
    "guarded", "log_rules", "in_span", "echo_page", "echo_near",
    "page_log_lines", "page_prose_share", "page_short_share", "page_labelled_share",
    "page_whole", "page_forum", "page_article",
)
#: A line of at most this many words is short, for the page's share of short lines.
SHORT_WORDS_MAX = 3
#: Half-width, in non-blank lines, of the neighbourhood whose prose a line may echo.
ECHO_WINDOW = 3


def line_features(ctx: "ScanContext", wanted: Callable[[int], bool] | None = None,
                  evidence: "Evidence | None" = None) -> tuple[list[int], list[list[float]]]:
    """The non-blank lines of ``ctx.doc`` (those ``wanted`` accepts, when given) and one
    feature vector per line.

    Vectors follow :data:`FEATURE_NAMES`; every value is finite. ``wanted`` only saves
    work: a line's vector is the same whichever other lines are wanted. ``evidence``
    counts the rules that labelled each line and the lines their spans cover.
    """
    doc, table = ctx.doc, ctx.table
    order = doc.content
    count = len(order)
    if not count:
        return order, []
    prose = [table.prose[i] for i in order]
    words = [table.words[i] for i in order]
    prior = ctx.prior
    labelled = [prior.get(i, 0.0) >= LABELLED_MIN for i in order]
    keys = table.keys
    key_counts = Counter(keys[i] for i in order)
    runs = _prose_runs(prose)
    prose_sums = _prefix_sums(prose)
    labelled_sums = _prefix_sums(labelled)
    total_prose = table.prose_chars_before[-1] or 1
    evidence = evidence or Evidence()
    words_of = ctx.table.content_words
    prose_words: Counter[str] = Counter()
    for index in order:
        if table.prose[index]:
            prose_words.update(words_of[index])
    # the words of the page's prose, and those that two prose lines or more use (what
    # another prose line than a prose line itself uses: see _echo)
    echoing = (frozenset(prose_words), frozenset(w for w, n in prose_words.items() if n > 1))
    page = [
        math.log1p(count),
        sum(prose) / count,
        sum(1 for w in words if w <= SHORT_WORDS_MAX) / count,
        sum(labelled) / count,
        float(ctx.whole_page),
        float(ctx.forum),
        evidence.page_article,
    ]
    facts = table.facts
    log_words = [math.log1p(w) for w in words]
    # one list of prose shares per width of PROSE_WINDOWS (unpacking fails if they change)
    window_1, window_2, window_3, window_6 = (
        _window_shares(prose_sums, width, count) for width in PROSE_WINDOWS)
    labelled_window = _window_shares(labelled_sums, LABELLED_WINDOW, count)
    cumulative, total = table.prose_chars_before, table.prose_chars_before[-1]
    categories_of, guarded = ctx.prior_categories, ctx.guarded
    rules_of, spans = evidence.rules, evidence.spans
    no_categories = [0.0] * len(LABEL_CATEGORIES)
    vectors = []
    chosen = []
    last = count - 1
    for position, index in enumerate(order):
        if wanted is not None and not wanted(index):
            continue
        chosen.append(index)
        categories = categories_of.get(index)
        shape = facts[index].shape
        vectors.append([
            log_words[position], shape[0], float(prose[position]),
            shape[1], shape[2], shape[3], shape[4], shape[5],
            position / count,
            cumulative[index] / total_prose,
            (total - cumulative[index + 1]) / total_prose,
            float(key_counts[keys[index]] > 1),
            math.log1p(runs[position]),
            window_1[position], window_2[position], window_3[position], window_6[position],
            float(prose[position - 1]) if position else 0.0,
            float(prose[position + 1]) if position < last else 0.0,
            log_words[position - 1] if position else 0.0,
            log_words[position + 1] if position < last else 0.0,
            labelled_window[position],
            float(labelled[position]),
            prior.get(index, 0.0),
            *(_category_flags(categories) if categories else no_categories),
            float(index in guarded),
            math.log1p(rules_of.get(index, 0)),
            float(index in spans),
            _echo(words_of[index], echoing[prose[position]]),
            _echo_near(words_of, table.prose, order, position) if words_of[index] else 0.0,
            *page,
        ])
    return chosen, vectors


def _category_flags(categories: "set[Category]") -> list[float]:
    """1.0 for each of :data:`LABEL_CATEGORIES` among ``categories``, else 0.0."""
    flags = [0.0] * len(LABEL_CATEGORIES)
    for category in categories:
        place = _CATEGORY_PLACE.get(category)
        if place is not None:
            flags[place] = 1.0
    return flags


def _window_shares(sums: list[int], width: int, count: int) -> list[float]:
    """:func:`_window_share` at every position."""
    firsts = [0] * min(width, count) + list(range(0, count - width))  # max(0, p - width)
    lasts = list(range(width + 1, count)) + [count] * min(width + 1, count)  # min(count, p + width + 1)
    return [(sums[last] - sums[first]) / (last - first) for first, last in zip(firsts, lasts)]


@dataclass(frozen=True)
class Evidence:
    """What the rules said of lines beyond their strongest label.

    :param rules: line index -> how many rules labelled the line.
    :param spans: the lines inside a label that covers more than one line.
    :param page_article: how likely the page is an article
        (:func:`declutter.page_kind.article_probability`).
    """

    rules: Mapping[int, int] = field(default_factory=dict)
    spans: frozenset[int] = frozenset()
    page_article: float = 0.5


def echoed_by_prose(ctx: "ScanContext", index: int) -> float:
    """The share of line ``index``'s content words that the prose lines within
    :data:`ECHO_WINDOW` non-blank lines of it use (0 when it has none): an article
    that quotes a cookie banner or a menu talks about what it quotes."""
    order = ctx.doc.content
    return _echo_near(ctx.table.content_words, ctx.table.prose, order,
                      bisect_left(order, index))


def _echo(own: frozenset[str], used: frozenset[str]) -> float:
    """The share of a line's content words that the page's other prose lines use
    (``used``: the words of the page's prose for a line that is not prose, those of two
    prose lines or more for one that is): the page's own headings and quoted examples
    echo its prose, other pages' chrome does not."""
    if not own:
        return 0.0
    return len(own & used) / len(own)


def _echo_near(words: Sequence[frozenset[str]], prose: Sequence[bool], order: list[int],
               position: int) -> float:
    """The share of the content words of line ``order[position]`` that the prose lines
    within :data:`ECHO_WINDOW` non-blank lines of it use (``words`` and ``prose`` are
    per line, ``order`` the non-blank lines)."""
    own = words[order[position]]
    if not own:
        return 0.0
    used: set[str] = set()  # own words that a prose line nearby uses (each intersection
    # is at most as large as the line's own words, unlike the nearby lines' union)
    for other in range(max(0, position - ECHO_WINDOW), min(len(order), position + ECHO_WINDOW + 1)):
        if other != position and prose[order[other]]:
            used |= own & words[order[other]]
    return len(used) / len(own)


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
