"""The tail after the boilerplate that closes an article.

An article ends with its last paragraph. What a page prints after it is a sign-up box, a
share bar, a copyright line, a tag list, and then more of the same: other stories'
headlines with their summaries, a podcast's download links, a promotion, a button.
Once a line after the last paragraph is certain boilerplate, the lines after it are the
page's too, unless a sentence stands among them: then the article went on, and each
line is left to the rules that know it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from ..features import list_marker
from ..labels import Category, Confidence, Label, Mark
from .base import Finding, ScanContext

#: A paragraph is a line of at least this many words that is no list item (a long
#: line, even without a sentence's end, is the article's or the rest of the page's)...
PARAGRAPH_WORDS_MIN = 20
#: ...or, in a language written without spaces, running text of this many characters.
PARAGRAPH_CHARS_MIN = 100


@dataclass(frozen=True)
class ClosingTailRule:
    """The lines after the first certain boilerplate that follows the last paragraph,
    when no sentence is among them. The label is ``LIKELY``, so content guards
    (ingredients, numbered steps, table rows) still keep what they cover."""

    name: str = "closing_tail"
    category: Category = Category.OUTSIDE_ARTICLE
    description: str = (
        "the lines after the boilerplate that closes the article (a sign-up box, a share "
        "bar, a copyright line after its last paragraph) when no sentence follows it"
    )
    uses_prior: bool = True

    def scan(self, ctx: ScanContext) -> Iterator[Finding]:
        order = ctx.doc.content
        settled = [ctx.prior.get(i, 0.0) >= ctx.thresholds.min_confidence for i in order]
        last = _last_paragraph(ctx, order, settled)
        if last is None:
            return
        closing = next((position for position in range(last + 1, len(order))
                        if ctx.prior.get(order[position], 0.0) >= Confidence.STRONG), None)
        if closing is None:
            return
        tail = [order[p] for p in range(closing + 1, len(order)) if not settled[p]]
        if not tail or any(_sentence(ctx, i) for i in tail):
            return
        yield Mark(tail[0], tail[-1], Label(
            self.name, self.category, Confidence.LIKELY,
            f"after the boilerplate that closes the article (line {order[closing] + 1})"))


def _last_paragraph(ctx: ScanContext, order: list[int], settled: list[bool]) -> int | None:
    """The position in ``order`` of the last paragraph no rule has settled as noise."""
    table = ctx.table
    for position in range(len(order) - 1, -1, -1):
        index = order[position]
        line = ctx.doc.lines[index]
        if settled[position] or list_marker(line) is not None:
            continue
        if table.words[index] >= PARAGRAPH_WORDS_MIN or (
                table.prose[index] and len(line.strip()) >= PARAGRAPH_CHARS_MIN):
            return position
    return None


def _sentence(ctx: ScanContext, index: int) -> bool:
    """Whether line ``index`` is running text that is no list item."""
    return ctx.table.prose[index] and list_marker(ctx.doc.lines[index]) is None


RULE = ClosingTailRule()
