"""Readers' comments that an extractor appended to an article without their markers.

An extractor that finds a page's comments by their markup (trafilatura with comments
included) appends them after the article and drops the names, dates and Reply buttons
that mark them, so in its text a blog's comments read as more article. What still
shows them is how each one opens: it speaks to the author or to another reader
('Hi Melissa,', 'Hey Billy, Hiroshima is close to Osaka...') or it answers the post
('Great read!', 'Thanks for sharing these tips!', 'I second this question.'). An
article does not open paragraph after paragraph that way; a comment section does, one
comment after another, until the text ends. A single short line that answers the post
('Great read - looking forward to the rest of the series!') is a whole comment, and
what follows it to the end of the text is the thread it opens.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import regex

from ..labels import Category, Confidence, Label, Mark
from .base import Finding, ScanContext

#: Fewest comment openings, each within the thread gap of the next, that make a thread...
OPENINGS_MIN = 3
#: ...unless the first of them is a whole comment: a line of at most this many words
#: that opens with a phrase answering the post ('Great read!', 'Thank you for sharing!'),
#: with more lines after it (a closing 'Thank you so much for reading' is the author's)
#: and at most WHOLE_REPLY_TAIL_LINES non-blank lines from it to the end: a lone reply
#: deep in a long discussion is one post among many.
WHOLE_REPLY_WORDS_MAX = 15
WHOLE_REPLY_TAIL_LINES = 12
#: Most words between a greeting and the punctuation after the name it addresses
#: ('Hi Melissa,', 'Hey Jill Smith!').
ADDRESSEE_WORDS_MAX = 2
#: How much of the line after the greeting is read for the name it addresses.
ADDRESS_CHARS_MAX = 80
#: Longest name a greeting addresses, in characters.
NAME_CHARS_MAX = 40
#: Marks that end the name a greeting addresses ('Hi Melissa,', 'Hello Jill-')...
ADDRESS_MARKS = ",!.;:–—-"
#: ...except this one: 'Dear Abby:' heads a letter in an advice column, and the letter is
#: the article.
LETTER_MARK = ":"
#: At most this many non-blank lines may follow the last opening before the text ends
#: (the last comment and its replies).
TAIL_LINES_MAX = 40

_MARKS = regex.escape(ADDRESS_MARKS)
_ADDRESS = regex.compile(
    rf"[^\p{{L}}]*+(?P<name>[^{_MARKS}]{{0,{NAME_CHARS_MAX}}}+)(?P<close>[{_MARKS}]|$)", regex.V1)


def addresses_someone(line: str, key: str, greeting: str) -> bool:
    """Whether ``line``, whose key opens with ``greeting`` (as
    :meth:`~declutter.table.LineTable.lines_opening_with` finds it), then goes on with one
    or two capitalised words and a mark that ends the address (or nothing)."""
    if key[len(greeting):len(greeting) + 1] != " ":
        return False  # 'Hey, I'm Kev' greets every reader, then speaks
    skipped = len(greeting.split())
    words = line.lstrip().split(None, skipped)
    rest = words[skipped][:ADDRESS_CHARS_MAX] if len(words) > skipped else ""
    match = _ADDRESS.match(rest)
    if match is None or match.group("close") == LETTER_MARK:
        return False
    name = match.group("name").split()
    return 0 < len(name) <= ADDRESSEE_WORDS_MAX and name[0][:1].isupper()


@dataclass(frozen=True)
class ReaderCommentsRule:
    """Readers' comments appended after an article without markers, from the first of a
    run of comment openings to the end of the text."""

    name: str = "reader_comments"
    category: Category = Category.COMMENTS
    description: str = (
        "readers' comments appended after an extracted article without their markers, "
        "recognised by how they open ('Hi Melissa,', 'Great read!', 'Thanks for sharing')"
    )

    def scan(self, ctx: ScanContext) -> Iterator[Finding]:
        if ctx.whole_page or ctx.forum:
            return
        table, doc, thresholds = ctx.table, ctx.doc, ctx.thresholds
        # a line opens as comments do with a phrase that answers the post, or with a
        # greeting and the name it addresses ('Hi Melissa,', 'Thanks Anne!')
        lexicon = ctx.lexicon
        replies = {index for index, _ in table.lines_opening_with(lexicon.phrases("reader_reply"))}
        greeted = {index
                   for index, greeting in table.lines_opening_with(lexicon.phrases("greeting"))
                   if addresses_someone(doc.lines[index], table.keys[index], greeting)}
        openings = sorted(replies | greeted)
        if not openings:
            return
        rank = doc.content_rank
        last_line = doc.content[-1]
        run = doc.clusters(openings, thresholds.comment_gap_max)[-1]
        first = run[0]
        whole = first in replies and table.words[first] <= WHOLE_REPLY_WORDS_MAX \
            and 0 < rank[last_line] - rank[first] < WHOLE_REPLY_TAIL_LINES
        if (len(run) < OPENINGS_MIN and not whole) \
                or rank[last_line] - rank[run[-1]] > TAIL_LINES_MAX:
            return
        before = table.prose_before(first)
        if before < ctx.thread_prose_min or table.prose_after(first) > before:
            return  # no article that outweighs them: the comments are the page
        yield Mark(first, last_line, Label(
            self.name, self.category, Confidence.LIKELY,
            (f"{len(run)} lines open as readers' comments do" if len(run) >= OPENINGS_MIN
             else "a reader's comment on the post opens a thread")
            + f", after {before} characters of article, to the end of the text"))


RULE = ReaderCommentsRule()
