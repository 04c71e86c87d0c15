"""Evaluation metrics for text extraction and boilerplate removal.

Two measures are implemented, both on the plain text produced for a page:

* **Shingles** (the metric of the Zyte article extraction benchmark, also used for
  WCXB): tokens are ``\\w+`` matches (case kept); a text becomes a multiset of
  overlapping 4-token shingles; per document the true positive, false positive and
  false negative shingle counts are normalised to sum to 1; precision is averaged over
  documents that have predicted shingles, recall over documents that have gold
  shingles, and F1 is the harmonic mean of the two averages.
* **Snippets** (WCXB): after collapsing whitespace, a *with* snippet found in the
  output is a true positive (missing: a false negative) and a *without* snippet found
  is a false positive; counts are summed over pages and precision, recall and F1 are
  taken from the sums.

This module is pure Python and imports nothing else from ``declutter``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = [
    "Counts",
    "ShingleScore",
    "SnippetScore",
    "collapse_whitespace",
    "document_precision_recall",
    "f1_score",
    "score_shingle_counts",
    "score_shingles",
    "score_snippet_counts",
    "score_snippets",
    "shingle_counts",
    "shingles",
    "snippet_counts",
    "tokenize",
]

# The standard library's ``re`` is used on purpose: it is what the reference
# implementation (scrapinghub/article-extraction-benchmark, evaluate.py) uses, and its
# ``\w`` differs slightly from the ``regex`` module's (combining marks, for instance).
_TOKEN_RE = re.compile(r"\w+")

Shingle = tuple[str, ...]
Counts = tuple[float, float, float]
"""Per-document ``(tp, fp, fn)``, normalised so that they sum to 1 (or are all 0)."""


def tokenize(text: str) -> list[str]:
    """Return the ``\\w+`` tokens of ``text`` in order, case kept."""
    return _TOKEN_RE.findall(text or "")


def shingles(text: str, n: int = 4) -> Counter[Shingle]:
    """Return the multiset of overlapping ``n``-token shingles of ``text``.

    Tokens are ``\\w+`` matches with their case kept. A text with at least ``n``
    tokens yields ``len(tokens) - n + 1`` shingles. As in the reference implementation
    of the Zyte article extraction benchmark, a text with 1 to ``n - 1`` tokens yields
    a single, shorter shingle made of all its tokens, and a text without tokens
    (empty, or only punctuation and whitespace) yields no shingle.
    """
    if n < 1:
        raise ValueError(f"shingle size must be at least 1, got {n}")
    tokens = tokenize(text)
    if not tokens:
        return Counter()
    if len(tokens) < n:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def shingle_counts(predicted: str, gold: str, n: int = 4) -> Counts:
    """Return normalised ``(tp, fp, fn)`` shingle counts of one document.

    ``tp`` counts shingles present in both texts (with multiplicity: the minimum of
    the two counts), ``fp`` the surplus of predicted shingles, ``fn`` the surplus of
    gold shingles. The three are divided by their sum so that every document weighs
    the same whatever its length; they are all 0 when neither text has a shingle.
    """
    pred = shingles(predicted, n)
    true = shingles(gold, n)
    tp = sum((pred & true).values())
    fp = sum((pred - true).values())
    fn = sum((true - pred).values())
    total = tp + fp + fn
    if total == 0:
        return (0.0, 0.0, 0.0)
    return (tp / total, fp / total, fn / total)


def document_precision_recall(counts: Counts) -> tuple[float | None, float | None]:
    """Return the precision and recall of one document from its ``(tp, fp, fn)``.

    Precision is ``None`` when the document has no predicted shingle (``tp + fp == 0``)
    and recall is ``None`` when it has no gold shingle (``tp + fn == 0``): such
    documents are left out of the corresponding average.
    """
    tp, fp, fn = counts
    precision = tp / (tp + fp) if tp + fp > 0 else None
    recall = tp / (tp + fn) if tp + fn > 0 else None
    return precision, recall


def f1_score(precision: float, recall: float) -> float:
    """Return the harmonic mean of ``precision`` and ``recall`` (0 when both are 0)."""
    if precision + recall <= 0:
        return 0.0
    return 2 * precision * recall / (precision + recall)


def _mean(values: Sequence[float]) -> float:
    """Return the arithmetic mean of ``values``, or 0 for an empty sequence."""
    return sum(values) / len(values) if values else 0.0


@dataclass(frozen=True)
class ShingleScore:
    """Shingle precision, recall and F1 over a set of documents.

    ``documents`` is the number of documents scored (including those left out of the
    precision or recall average for lack of predicted or gold shingles).
    """

    precision: float
    recall: float
    f1: float
    documents: int


def score_shingle_counts(counts: Iterable[Counts]) -> ShingleScore:
    """Aggregate per-document normalised ``(tp, fp, fn)`` into a :class:`ShingleScore`.

    Precision is averaged over documents with predicted shingles and recall over
    documents with gold shingles; an average over no document is 0. F1 is the
    harmonic mean of the two averages (not an average of per-document F1 values).
    """
    precisions: list[float] = []
    recalls: list[float] = []
    documents = 0
    for document_counts in counts:
        documents += 1
        precision, recall = document_precision_recall(document_counts)
        if precision is not None:
            precisions.append(precision)
        if recall is not None:
            recalls.append(recall)
    mean_precision = _mean(precisions)
    mean_recall = _mean(recalls)
    return ShingleScore(
        precision=mean_precision,
        recall=mean_recall,
        f1=f1_score(mean_precision, mean_recall),
        documents=documents,
    )


def score_shingles(pairs: Iterable[tuple[str, str]], n: int = 4) -> ShingleScore:
    """Score ``(predicted, gold)`` text pairs with the shingle metric.

    Each pair is one document; see :func:`shingle_counts` for the per-document counts
    and :func:`score_shingle_counts` for how they are averaged.
    """
    return score_shingle_counts(shingle_counts(pred, gold, n) for pred, gold in pairs)


def collapse_whitespace(text: str) -> str:
    """Replace every run of whitespace (Unicode included) by one space and strip."""
    return " ".join(text.split())


@dataclass(frozen=True)
class SnippetScore:
    """Snippet precision, recall and F1 from counts summed over ``pages``.

    ``tp``: *with* snippets found; ``fn``: *with* snippets missing; ``fp``: *without*
    snippets found.
    """

    precision: float
    recall: float
    f1: float
    tp: int
    fp: int
    fn: int
    pages: int


def snippet_counts(
    output: str, with_snippets: Sequence[str], without_snippets: Sequence[str]
) -> tuple[int, int, int]:
    """Return the ``(tp, fp, fn)`` snippet counts of one page.

    Output and snippets are compared after :func:`collapse_whitespace`, as plain,
    case-sensitive substrings. Snippets that are empty after collapsing are ignored
    (an empty string would be found in any output).
    """
    text = collapse_whitespace(output or "")
    tp = fn = fp = 0
    for snippet in with_snippets:
        needle = collapse_whitespace(snippet)
        if not needle:
            continue
        if needle in text:
            tp += 1
        else:
            fn += 1
    for snippet in without_snippets:
        needle = collapse_whitespace(snippet)
        if needle and needle in text:
            fp += 1
    return tp, fp, fn


def score_snippet_counts(counts: Iterable[tuple[int, int, int]]) -> SnippetScore:
    """Sum per-page snippet ``(tp, fp, fn)`` and derive precision, recall and F1.

    Precision is ``tp / (tp + fp)`` and recall ``tp / (tp + fn)`` on the sums; either
    is 0 when its denominator is 0.
    """
    tp = fp = fn = pages = 0
    for page_tp, page_fp, page_fn in counts:
        tp += page_tp
        fp += page_fp
        fn += page_fn
        pages += 1
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return SnippetScore(
        precision=precision,
        recall=recall,
        f1=f1_score(precision, recall),
        tp=tp,
        fp=fp,
        fn=fn,
        pages=pages,
    )


def score_snippets(
    items: Iterable[tuple[str, Sequence[str], Sequence[str]]],
) -> SnippetScore:
    """Score ``(output, with_snippets, without_snippets)`` pages with the snippet metric.

    See :func:`snippet_counts` for the per-page matching and
    :func:`score_snippet_counts` for the aggregation.
    """
    return score_snippet_counts(
        snippet_counts(output, with_snippets, without_snippets)
        for output, with_snippets, without_snippets in items
    )
