"""Tag lists: the keywords and categories a blog or news system prints under a post.

They come in two shapes: a label and its items on one line ('Tags: ads, meth, south
dakota', 'Filed under: Khawarij |'), or the label alone ('Tags') with the items on the
lines below it ('stock car 2018, stock car brasil, stock car cascavel'). Either way the
items are keywords, not sentences.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import regex

from ..labels import Category, Confidence
from .base import Finding, ScanContext, single

#: What may follow a tag label on the line that holds its items.
LABEL_COLONS = ":："
#: Most item lines under a label that stands alone (one tag per line).
ITEM_LINES_MAX = 12
#: A line of keywords may read as prose ('stock car santa cruz do sul'): then it must be a
#: list of at least this many items...
LIST_ITEMS_MIN = 3
#: ...of at most this many words each.
ITEM_WORDS_MAX = 6
#: What separates the items of a keyword line.
_ITEM_SEPARATOR = regex.compile(r"[,;|#]", regex.V1)


@dataclass(frozen=True)
class TagListRule:
    """A tag label and the keywords it lists, on its line or on the lines below it."""

    name: str = "tag_list"
    category: Category = Category.NAVIGATION
    description: str = (
        "tag and category lists under a post ('Tags: ads, meth, south dakota', 'Filed "
        "under: Opinion', or 'Tags' and the keyword lines below it)"
    )

    def scan(self, ctx: ScanContext) -> Iterator[Finding]:
        labels = ctx.lexicon.phrases("tag_label")
        if not labels or ctx.forum:
            return  # a discussion board's tags name threads, and its posts are content
        table, doc = ctx.table, ctx.doc
        longest = ctx.thresholds.disclaimer_words_max
        content, rank = doc.content, doc.content_rank
        for index, label in table.lines_opening_with(labels):
            rest = table.keys[index][len(label):].lstrip(" ")  # French: 'Mots-clés : ...'
            if rest and rest[0] in LABEL_COLONS and table.words[index] <= longest \
                    and (not table.prose[index] or _is_keyword_list(rest[1:])):
                yield single(index, self.name, self.category, Confidence.STRONG,
                             f"the line lists tags after “{label}”")
            elif not rest:
                following = content[rank[index]:rank[index] + ITEM_LINES_MAX]
                yield from self._items_below(ctx, following, label)

    def _items_below(self, ctx: ScanContext, following: list[int], label: str) -> Iterator[Finding]:
        """The keyword lines under a label that stands alone: lines that are not prose,
        or lists of short items, up to the first line that is neither."""
        table = ctx.table
        longest = ctx.thresholds.disclaimer_words_max
        for index in following:
            if table.words[index] > longest or (
                    table.prose[index] and not _is_keyword_list(table.keys[index])):
                return
            yield single(index, self.name, self.category, Confidence.LIKELY,
                         f"a line of tags under “{label}”")


def _is_keyword_list(text: str) -> bool:
    """Whether ``text`` is a list of short items ('ads, meth, south dakota')."""
    items = [item for item in _ITEM_SEPARATOR.split(text) if item.strip()]
    return len(items) >= LIST_ITEMS_MIN and all(
        len(item.split()) <= ITEM_WORDS_MAX for item in items)


RULE = TagListRule()
