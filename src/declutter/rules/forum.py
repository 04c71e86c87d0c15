"""The chrome of a discussion board around its posts.

On a page that is a discussion, the posts are the content, and what the board prints
around them is not: its buttons and labels ('Reply with quote', 'Link to post', 'Thread
starter Jane') and the profile fields beside each poster ('Posts: 4032', 'Joined: Mon Jul
24, 2017 9:28 am'). Both rules run only on such pages: in an article, 'Location: Paris'
or 'Founded: 1954' are facts of the story. And they run only on extracted text: in a
whole page, board words also fill the site's menus ('Forum', 'Trending'), so a page read
as a discussion there may be none.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Iterator

import regex

from ..labels import Category, Confidence
from .base import Finding, ScanContext, single

#: Longest line of a board label followed by a name or a date ('Thread starter Jane').
BOARD_LABEL_WORDS_MAX = 6
#: Longest profile field, in words ('Joined: Mon Jul 24, 2017 9:28 am').
PROFILE_FIELD_WORDS_MAX = 8
#: A board prints the same fields beside every poster: a field seen fewer times than
#: this ('Founded: 1954' in a fact box) is left alone.
PROFILE_FIELD_REPEATS_MIN = 2

#: A sentence end followed by more text: a field whose value goes on as a sentence
#: ('Age: 57. Will hit 59.5 in early 2026.') is something the poster wrote.
_SENTENCE_INSIDE = regex.compile(r"[.!?]\s+\w", regex.V1)


def extracted_discussion(ctx: ScanContext) -> bool:
    """Whether the page is a discussion given as extracted text (not a whole page)."""
    return ctx.forum and not ctx.whole_page


@dataclass(frozen=True)
class BoardLabelRule:
    """A discussion board's buttons and labels, on a line of their own or before a name
    or a date ('Link to post', 'Thread starter Jane', 'asked Feb 4, 2014')."""

    name: str = "board_label"
    category: Category = Category.NAVIGATION
    description: str = (
        "a discussion board's buttons and labels ('Reply with quote', 'Link to post', "
        "'Thread starter Jane'), on forum pages"
    )

    def scan(self, ctx: ScanContext) -> Iterator[Finding]:
        if not extracted_discussion(ctx):
            return
        table = ctx.table
        labels = ctx.lexicon.phrases("forum_ui")
        exact = set()
        for index, label in table.lines_with_key(labels):
            exact.add(index)
            yield single(index, self.name, self.category, Confidence.STRONG,
                         f"the board label “{label}”")
        for index, label in table.lines_opening_with(labels):
            if index in exact or table.prose[index] \
                    or table.words[index] > BOARD_LABEL_WORDS_MAX:
                continue
            rest = table.keys[index][len(label):]
            if " " in label or any(c.isdigit() for c in rest):
                yield single(index, self.name, self.category, Confidence.LIKELY,
                             f"the board label “{label}” before a name or a date")


@dataclass(frozen=True)
class PosterProfileRule:
    """The profile fields a board prints beside each poster ('Posts: 4032', 'Joined: Mon
    Jul 24, 2017', 'Location: Ohio'): fields that recur on the page."""

    name: str = "poster_profile"
    category: Category = Category.BYLINE
    description: str = (
        "a poster's profile fields ('Posts: 4032', 'Joined: Mon Jul 24, 2017'), "
        "on forum pages"
    )

    def scan(self, ctx: ScanContext) -> Iterator[Finding]:
        if not extracted_discussion(ctx):
            return
        doc, table = ctx.doc, ctx.table
        fields = []
        for index, field in table.lines_opening_with(ctx.lexicon.phrases("forum_profile")):
            if table.words[index] > PROFILE_FIELD_WORDS_MAX:
                continue
            if table.keys[index][len(field):].lstrip(" ")[:1] == ":":
                fields.append((index, field))
        counts = Counter(field for _, field in fields)
        for index, field in fields:
            if counts[field] >= PROFILE_FIELD_REPEATS_MIN \
                    and _SENTENCE_INSIDE.search(doc.lines[index]) is None:
                yield single(index, self.name, self.category, Confidence.STRONG,
                             f"the profile field “{field}:” of a poster")


BOARD_LABEL = BoardLabelRule()
POSTER_PROFILE = PosterProfileRule()
