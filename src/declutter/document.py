"""Text -> lines with exact character offsets.

Lines are split on the same breaks as :meth:`str.splitlines` (``\\n``, ``\\r\\n``, ``\\r``,
``\\v``, ``\\f``, ``\\x1c``-``\\x1e``, ``\\x85``, ``\\u2028``, ``\\u2029``). Each line owns its
break, so the spans ``[starts[i], ends[i])`` partition the original text exactly.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate


@dataclass(frozen=True)
class Document:
    """A text cut into lines.

    :param text: the original text, untouched.
    :param lines: each line's content, without its line break.
    :param starts: offset of each line's first character in ``text``.
    :param ends: offset just past each line's break (the next line's start).
    :param blank: whether each line is empty or whitespace only.
    """

    text: str
    lines: list[str]
    starts: list[int]
    ends: list[int]
    blank: list[bool]

    def __len__(self) -> int:
        return len(self.lines)

    @cached_property
    def content(self) -> list[int]:
        """The indices of the non-blank lines, in order (computed once per document)."""
        return [index for index, blank in enumerate(self.blank) if not blank]

    @cached_property
    def content_rank(self) -> list[int]:
        """For each line, how many non-blank lines there are up to it, itself included:
        the distance between two lines counted in non-blank lines is the difference of
        their ranks. For ``"a\\n\\nb"``: ``[1, 1, 2]``."""
        return list(accumulate(0 if blank else 1 for blank in self.blank))

    def clusters(self, indices: list[int], gap_max: int) -> list[list[int]]:
        """Runs of ``indices`` (line indices, ascending, at least one) in which consecutive
        ones have at most ``gap_max`` non-blank lines between them."""
        rank = self.content_rank
        runs = [[indices[0]]]
        for index in indices[1:]:
            if rank[index] - rank[runs[-1][-1]] - 1 <= gap_max:
                runs[-1].append(index)
            else:
                runs.append([index])
        return runs


def segment(text: str) -> Document:
    """Cut ``text`` into lines whose offsets partition it.

    >>> doc = segment("a\\r\\nb\\n")
    >>> doc.lines, doc.starts, doc.ends
    (['a', 'b'], [0, 3], [3, 5])
    """
    with_breaks = text.splitlines(keepends=True)
    ends = list(accumulate(map(len, with_breaks)))
    starts = [0, *ends[:-1]] if ends else []
    lines = text.splitlines()
    blank = [not line or line.isspace() for line in lines]
    return Document(text=text, lines=lines, starts=starts, ends=ends, blank=blank)
