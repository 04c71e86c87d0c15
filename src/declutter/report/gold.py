"""Judging lines against a gold text: is a line content (words the gold text holds) or
noise?

The quality benchmark scores whole texts by their 4-token shingles
(:mod:`declutter.evaluation`). A report shows where that score is won and lost line by
line, so a line is judged with the same tokens: it is *content* when at least
:data:`CONTENT_SHARE_MIN` of its shingles are shingles of the gold text. A line of one to
three tokens has one shorter shingle; it is content when those tokens stand together in
the gold text. A line without tokens (blank, or punctuation only) is not judged.

With the decision, each judged line falls in one of four marks:

==================  ===============  =============================================
mark                decision         the gold text
==================  ===============  =============================================
``content_kept``    kept             holds it
``noise_removed``   removed          does not hold it
``content_lost``    removed          holds it: the cleaner took out article text
``noise_kept``      kept             does not hold it: the cleaner missed noise
==================  ===============  =============================================

>>> gold = "The vote was held on Sunday, officials said."
>>> judge = GoldJudge(gold)
>>> judge.is_content("The vote was held on Sunday, officials said."), judge.is_content("Share")
(True, False)
>>> mark(kept=False, content=True)
'content_lost'
"""

from __future__ import annotations

from collections.abc import Sequence

from ..evaluation import tokenize

#: Tokens per shingle, as in the benchmark's metric.
SHINGLE_TOKENS = 4
#: The share of a line's shingles that the gold text must hold for the line to be content.
CONTENT_SHARE_MIN = 0.5
#: The four marks, in the order the report lists them.
MARKS = ("content_kept", "noise_removed", "content_lost", "noise_kept")


class GoldJudge:
    """Tells whether lines are content of one gold text.

    :param gold: the gold text (the article as a person would extract it).
    :param n: tokens per shingle.
    """

    def __init__(self, gold: str, n: int = SHINGLE_TOKENS) -> None:
        tokens = tokenize(gold)
        self.n = n
        # every run of 1..n tokens of the gold text: a line's shingles, and the single
        # short shingle of a line of fewer than n tokens, are looked up here
        self._runs: set[tuple[str, ...]] = {
            tuple(tokens[i:i + size])
            for size in range(1, n + 1) for i in range(len(tokens) - size + 1)
        }

    def is_content(self, line: str) -> bool | None:
        """Whether ``line`` is content of the gold text; ``None`` when it has no token."""
        tokens = tokenize(line)
        if not tokens:
            return None
        if len(tokens) < self.n:
            return tuple(tokens) in self._runs
        grams = [tuple(tokens[i:i + self.n]) for i in range(len(tokens) - self.n + 1)]
        found = sum(1 for gram in grams if gram in self._runs)
        return found >= CONTENT_SHARE_MIN * len(grams)

    def judge(self, lines: Sequence[str]) -> list[bool | None]:
        """:meth:`is_content` of each line."""
        return [self.is_content(line) for line in lines]


def mark(*, kept: bool, content: bool) -> str:
    """The mark of a judged line: one of :data:`MARKS`."""
    if content:
        return "content_kept" if kept else "content_lost"
    return "noise_kept" if kept else "noise_removed"
