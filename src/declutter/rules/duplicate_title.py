"""Duplicated titles: the headline repeated a few lines below itself, or the first line
repeating the title that the page's HTML metadata already holds."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import regex

from ..keys import line_key
from ..labels import Category, Confidence
from .base import Finding, ScanContext, single

#: The first copy must stand within this many non-blank lines of the top (the title area).
TITLE_AREA_LINES = 12
#: The repeat must follow within this many non-blank lines of the previous copy; farther
#: down, a short line that recurs is a list's or a table's ('not done', 'Top Expert
#: Recommendations:' under every product).
TITLE_REPEAT_DISTANCE_MAX = 3
#: First characters of list items and table rows, which repeat legitimately.
LIST_MARKS = frozenset("-–—•*|+>")
#: The metadata title is looked for in the first this many non-blank lines.
METADATA_TITLE_LINES = 2
#: A word, for comparing a line with a title whatever punctuation stands between words.
_WORD = regex.compile(r"\w+(?:['.]\w+)*")
#: Titles have between these many words.
TITLE_WORDS_MIN = 2
TITLE_WORDS_MAX = 30


@dataclass(frozen=True)
class DuplicateTitleRule:
    """A short line near the top that repeats an earlier line word for word."""

    name: str = "duplicate_title"
    category: Category = Category.DUPLICATE_TITLE
    description: str = "a title line repeated near the top of the page"

    def scan(self, ctx: ScanContext) -> Iterator[Finding]:
        doc, table = ctx.doc, ctx.table
        last_seen: dict[str, int] = {}  # key -> rank (among non-blank lines) of its last copy
        rank = -1
        for index, line in enumerate(doc.lines):
            if doc.blank[index]:
                continue
            rank += 1
            if rank >= TITLE_AREA_LINES + TITLE_REPEAT_DISTANCE_MAX:
                break
            if not TITLE_WORDS_MIN <= table.words[index] <= TITLE_WORDS_MAX or table.prose[index] \
                    or line.lstrip()[:1] in LIST_MARKS:
                continue  # titles are short, not running text, not list items or table rows
            key = table.keys[index]
            earlier = last_seen.get(key)
            if earlier is None:
                if rank < TITLE_AREA_LINES:
                    last_seen[key] = rank
                continue
            # measured from the previous copy, so that removing one copy never brings
            # another closer to the first: the decision is the same on every pass
            distance = rank - earlier
            last_seen[key] = rank
            if distance <= TITLE_REPEAT_DISTANCE_MAX:
                yield single(index, self.name, self.category, Confidence.STRONG,
                             f"repeats a line {distance} line{'' if distance == 1 else 's'} above")


RULE = DuplicateTitleRule()


@dataclass(frozen=True)
class MetadataTitleRule:
    """The first line of an HTML page's extracted text when it repeats the page's title.

    An HTML page states its title in its metadata (``<title>``, ``og:title``), and
    :func:`declutter.html.extract` returns the titles with the text; the body's copy is
    a duplicated title. Plain text has no metadata, so there the title line is the only
    copy and stays. The first line may be a run of a title's words (``<title>`` often
    adds the site's name); the second only the whole of one, after a first line that is
    not prose (a section name, the page's address). Deeper lines that share words with
    the title are the article's own headings.
    """

    name: str = "metadata_title"
    category: Category = Category.DUPLICATE_TITLE
    description: str = (
        "the first line of an HTML page's text when it repeats the title its metadata "
        "holds (clean_html, --html)"
    )
    first_pass_only: bool = True

    def scan(self, ctx: ScanContext) -> Iterator[Finding]:
        content = ctx.doc.content
        if not ctx.page_titles or not content:
            return
        titles = [f" {_words(title)} " for title in ctx.page_titles]
        table = ctx.table
        for rank, index in enumerate(content[:METADATA_TITLE_LINES]):
            words = _words(table.keys[index])
            if words and TITLE_WORDS_MIN <= table.words[index] <= TITLE_WORDS_MAX and any(
                    f" {words} " in title if rank == 0 else f" {words} " == title
                    for title in titles):
                yield single(index, self.name, self.category, Confidence.STRONG,
                             "repeats the title in the page's metadata")
                return
            if table.prose[index]:
                return  # the article has begun


def _words(key: str) -> str:
    """The words of a line key, without the punctuation between them."""
    return " ".join(_WORD.findall(key))


METADATA_TITLE = MetadataTitleRule()

#: The standfirst is looked for in the first this many non-blank lines (a section name
#: or the page's address, the title, then it).
METADATA_STANDFIRST_LINES = 3


@dataclass(frozen=True)
class MetadataStandfirstRule:
    """The standfirst under an HTML page's title when it repeats the page's description.

    A page states what it is about in its metadata (``description``, ``og:description``)
    and often shows the same words under its title, as a heading: the dek, or
    standfirst. :func:`declutter.html.extract` finds that heading (the main text's second
    block, after the title's, saying what a description says) and the rule removes its
    line at the top of the text. When the description is the article's first paragraph
    instead, the extractor finds no standfirst and the paragraph stays. Plain text has no
    metadata: there the standfirst stays.
    """

    name: str = "metadata_standfirst"
    category: Category = Category.DUPLICATE_TITLE
    description: str = (
        "the standfirst under an HTML page's title when it repeats the page's description "
        "(clean_html, --html)"
    )
    first_pass_only: bool = True

    def scan(self, ctx: ScanContext) -> Iterator[Finding]:
        if not ctx.page_standfirst:
            return
        for index in ctx.doc.content[:METADATA_STANDFIRST_LINES]:
            if ctx.table.keys[index] == ctx.page_standfirst:
                yield single(index, self.name, self.category, Confidence.STRONG,
                             "the standfirst: repeats the description in the page's metadata")
                return


METADATA_STANDFIRST = MetadataStandfirstRule()


#: Repeated lines of at least this many words are dropped after their first copy.
REPEAT_WORDS_MIN = 5
#: ... and at most this many (long paragraphs are left to the article).
REPEAT_WORDS_MAX = 60
#: A repeat counts only this close (non-blank lines) to the previous copy: captions and
#: pull quotes shown twice; lines that recur far apart (a meal plan's days) are content.
REPEAT_LINE_DISTANCE_MAX = 3
#: A shortened copy: the text, an ellipsis, and at most one word of a toggle after it
#: ('... more'). The text before the ellipsis is group 1.
_SHORTENED = regex.compile(r"(.*?\S)\s*+(?:\.\.\.|…)\s*+(?:\w++\s*+)?", regex.V1)


@dataclass(frozen=True)
class RepeatedLineRule:
    """A line that repeats the line just above it word for word: captions shown twice,
    gallery texts. The first copy stays. A shortened copy of a line next to it ('U.S.
    Defense Secretary Mark Esper, left, and ... more' beside the whole caption) goes too,
    wherever it stands: the whole line says all it says."""

    name: str = "repeated_line"
    category: Category = Category.REPEATED
    description: str = (
        "a line repeated within a few lines of itself (captions shown twice), or a copy of "
        "a line next to it cut short by an ellipsis ('... more')"
    )

    def scan(self, ctx: ScanContext) -> Iterator[Finding]:
        if ctx.forum:
            return  # replies quote earlier posts: content
        table, doc = ctx.table, ctx.doc
        rank = doc.content_rank
        for indices in table.by_key.values():
            if len(indices) < 2:
                continue
            for previous, index in zip(indices, indices[1:]):
                close = rank[index] - rank[previous] <= REPEAT_LINE_DISTANCE_MAX
                if close and REPEAT_WORDS_MIN <= table.words[index] <= REPEAT_WORDS_MAX \
                        and doc.lines[index].lstrip()[:1] not in LIST_MARKS:
                    yield single(index, self.name, self.category, Confidence.LIKELY,
                                 f"repeats line {previous + 1}, just above")
        yield from self._shortened_copies(ctx)

    def _shortened_copies(self, ctx: ScanContext) -> Iterator[Finding]:
        table, doc = ctx.table, ctx.doc
        content, rank = doc.content, doc.content_rank
        for index, line in enumerate(doc.lines):
            if table.words[index] < REPEAT_WORDS_MIN or not (
                    "..." in line[-12:] or "…" in line[-12:]):
                continue
            shortened = _SHORTENED.fullmatch(line.strip())
            if shortened is None:
                continue
            text = line_key(shortened[1])
            here = rank[index] - 1
            nearby = content[max(0, here - REPEAT_LINE_DISTANCE_MAX):here] + \
                content[here + 1:here + 1 + REPEAT_LINE_DISTANCE_MAX]
            whole = next((other for other in nearby if len(table.keys[other]) > len(text)
                          and table.keys[other].startswith(text)), None)
            if whole is not None:
                # nothing is lost with it, so no context keeps it
                yield single(index, self.name, self.category, Confidence.STRONG,
                             f"a shortened copy of line {whole + 1}")


REPEATED_LINE = RepeatedLineRule()
