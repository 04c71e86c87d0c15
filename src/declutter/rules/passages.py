"""Repeated passages: paragraphs that come back word for word, in the same order.

Extracted text often carries a block twice: an article rendered again under itself, a
forum reply quoting a whole earlier post, a teaser that repeats the article's opening
paragraphs. The first copy stays; every later copy goes. Single lines that recur (a
meal plan's days, the same question put to each interviewee) are content, so a passage
is at least two consecutive lines, and it must read as prose.

The rule runs on discussion pages too: a reply that quotes a whole post repeats text the
page already holds where it was written. ``repeated_line``, which takes single lines,
leaves discussions alone, since a quoted line or two shows what a reply answers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from ..labels import Category, Confidence, Label, Mark
from .base import Finding, ScanContext

#: Fewest consecutive non-blank lines that make a repeated passage.
PASSAGE_LINES_MIN = 2
#: Fewest of them that must read as prose ...
PASSAGE_PROSE_LINES_MIN = 2
#: ... with at least this many words between them.
PASSAGE_PROSE_WORDS_MIN = 30


@dataclass(frozen=True)
class RepeatedPassageRule:
    """Later copies of a run of prose lines that already stood, in the same order,
    earlier on the page."""

    name: str = "repeated_passage"
    category: Category = Category.REPEATED
    description: str = (
        "a passage of two or more prose lines repeated word for word from earlier in the "
        "page (an article shown twice, a reply quoting a whole post); the first copy stays"
    )

    def scan(self, ctx: ScanContext) -> Iterator[Finding]:
        table, order = ctx.table, ctx.doc.content
        # previous[p]: the position (in ``order``) of the latest earlier line with the same text
        latest: dict[str, int] = {}
        previous: list[int | None] = []
        for position, index in enumerate(order):
            key = table.keys[index]
            previous.append(latest.get(key) if key else None)
            if key:
                latest[key] = position
        start = 0
        while start < len(order):
            if previous[start] is None:
                start += 1
                continue
            earlier, end = previous[start], start + 1
            # extend while the earlier copy goes on line for line, ending before this one
            while end < len(order) and previous[end] == earlier + (end - start) \
                    and earlier + (end - start) < start:
                end += 1
            passage = order[start:end]
            prose = [index for index in passage if table.prose[index]]
            if len(passage) >= PASSAGE_LINES_MIN and len(prose) >= PASSAGE_PROSE_LINES_MIN \
                    and sum(table.words[index] for index in prose) >= PASSAGE_PROSE_WORDS_MIN:
                first_copy = order[earlier]
                yield Mark(passage[0], passage[-1], Label(
                    self.name, self.category, Confidence.STRONG,
                    f"repeats the {len(passage)} lines from line {first_copy + 1} on"))
            start = end


RULE = RepeatedPassageRule()
