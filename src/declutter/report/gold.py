"""Judging lines against a gold text: is a line content (words the gold text holds) or
noise?

The quality benchmark scores whole texts by their 4-token shingles, counted with their
multiplicity (:mod:`declutter.evaluation`). A report shows where that score is won and
lost line by line, so lines are judged with the same tokens and the same counts. The
kept lines go first, in order: a kept line is *content* when the gold text still has at
least :data:`CONTENT_SHARE_MIN` of its shingles unclaimed, and it claims them. The
removed lines are then judged against what the kept lines left: a removed line is
content, so its removal lost content, only when the gold text holds words that the kept
lines do not, just as the metric counts them as missed. A removed second copy of a
kept title is therefore noise, and so is a kept second copy of a paragraph. A line of
one to three tokens has one shorter shingle, matched against the runs of as many tokens
of the gold text. A line without tokens (blank, or punctuation only) is not judged.

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
>>> lines = ["The vote was held on Sunday, officials said.", "Share",
...          "The vote was held on Sunday, officials said."]
>>> GoldJudge(gold).judge(lines, kept=[False, True, True])
[False, False, True]
>>> mark(kept=False, content=True)
'content_lost'
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ..evaluation import tokenize

#: Tokens per shingle, as in the benchmark's metric.
SHINGLE_TOKENS = 4
#: The share of a line's shingles that the gold text must hold for the line to be content.
CONTENT_SHARE_MIN = 0.5
#: The four marks, in the order the report lists them.
MARKS = ("content_kept", "noise_removed", "content_lost", "noise_kept")


class GoldJudge:
    """Judges the lines of one document against its gold text.

    :param gold: the gold text (the article as a person would extract it).
    :param n: tokens per shingle.
    """

    def __init__(self, gold: str, n: int = SHINGLE_TOKENS) -> None:
        self.n = n
        self._tokens = tokenize(gold)

    def _runs(self) -> Counter[tuple[str, ...]]:
        """Every run of 1..n tokens of the gold text, counted."""
        tokens = self._tokens
        return Counter(tuple(tokens[i:i + size])
                       for size in range(1, self.n + 1) for i in range(len(tokens) - size + 1))

    def _claim(self, line: str, unclaimed: Counter[tuple[str, ...]]) -> bool | None:
        """Whether ``line`` is content; its shingles are claimed from ``unclaimed`` when
        it is. ``None`` for a line without tokens."""
        tokens = tokenize(line)
        if not tokens:
            return None
        if len(tokens) < self.n:
            grams = [tuple(tokens)]
        else:
            grams = [tuple(tokens[i:i + self.n]) for i in range(len(tokens) - self.n + 1)]
        claimed = []
        for gram in grams:
            if unclaimed[gram] > 0:
                unclaimed[gram] -= 1
                claimed.append(gram)
        if len(claimed) >= CONTENT_SHARE_MIN * len(grams):
            return True
        unclaimed.update(claimed)  # not content: give back what it matched
        return False

    def judge(self, lines: Sequence[str], kept: Sequence[bool]) -> list[bool | None]:
        """For each line, whether it is content (``None``: no token to judge by).

        :param lines: the document's lines, in order.
        :param kept: whether each line was kept; kept lines claim the gold text first.
        """
        unclaimed = self._runs()
        verdicts: list[bool | None] = [None] * len(lines)
        for keep in (True, False):
            for index, line in enumerate(lines):
                if kept[index] == keep:
                    verdicts[index] = self._claim(line, unclaimed)
        return verdicts


def mark(*, kept: bool, content: bool) -> str:
    """The mark of a judged line: one of :data:`MARKS`."""
    if content:
        return "content_kept" if kept else "content_lost"
    return "noise_kept" if kept else "noise_removed"
