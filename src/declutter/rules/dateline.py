"""Datelines: 'PUBLISHED : Tuesday, 09 January, 2018', 'Updated 3:45 PM ET', bare dates."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import regex

from ..features import ends_sentence, is_table_row
from ..keys import line_key
from ..labels import Category, Confidence
from ..patterns import fullmatch, split
from .base import Finding, ScanContext, single
from .dates import BARE_DATE_CHARS_MAX, has_date, has_date_span, is_bare_date

#: Longest reading-time note ('5 min read'), in words.
READING_TIME_WORDS_MAX = 8
#: Longest dateline with an opening word ('Published ...'), in words.
DATELINE_WORDS_MAX = 16
#: A machine-written stamp after a one-word label in any language ('기사입력 :[ 2018-08-25
#: 15:24 ]', 'Eingestellt: 25.08.2018'): a numeric date, perhaps a time, in brackets or
#: not. Dates written with month names after a label are often an event's ('Deadline:
#: June 30'), so only the numeric form counts.
_LABELLED_STAMP = regex.compile(
    r"[\p{L}\p{M}]{2,24}\s*[:：]\s*[\[(]?\s*"
    r"(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4})"
    r"(?:[ T,]+\d{1,2}:\d{2}(?::\d{2})?)?\s*[\])]?\s*", regex.V1)


#: A post's metadata line: parts joined by a spaced separator ('On Behalf of Jane Doe |
#: Apr 21, 2017 | Products Liability', 'Jun 08, 2023 • 11 Minute Read'), one of them a
#: date, of at most this many words in all.
META_LINE_WORDS_MAX = 24
#: A page states its date once or twice (top and bottom); more lines of that shape are a
#: thread's post headers ('keepingsanity · 03/03/2026 19:49') or a listing's items.
META_LINES_MAX = 2
_META_SEPARATOR = regex.compile(r"\s[|·•]\s", regex.V1)


@dataclass(frozen=True)
class DatelineRule:
    """Publication and update stamps, and lines that are nothing but a date.

    A span of days ('Date: June 8-11, 2026') is an event's dates, which a listing of
    events or a programme gives as content; a publication stamp names one day.
    """

    name: str = "dateline"
    category: Category = Category.DATELINE
    anchor_sections: tuple[str, ...] = ("reading_time", "dateline_prefix")
    description: str = (
        "publication/update stamps ('PUBLISHED : 9 Jan 2018', 'Updated 3:45 PM ET') "
        "and lines that are only a date, or a one-word label and a numeric date, or a "
        "post's metadata ('Jane Doe | Apr 21, 2017 | Law')"
    )

    def scan(self, ctx: ScanContext) -> Iterator[Finding]:
        doc, lexicon, table = ctx.doc, ctx.lexicon, ctx.table
        stamped: set[int] = set()
        for index, opener in table.lines_opening_with(lexicon.phrases("dateline_prefix")):
            line = doc.lines[index]
            if table.words[index] <= DATELINE_WORDS_MAX and has_date(line, lexicon, ctx.timeout):
                stamped.add(index)
                if has_date_span(line, lexicon, ctx.timeout):
                    continue
                yield single(index, self.name, self.category, Confidence.STRONG,
                             f"“{opener}” followed by a date or time")
        for index, word in table.lines_with_key(lexicon.phrases("dateline_prefix")):
            stamped.add(index)
            yield single(index, self.name, self.category, Confidence.LIKELY,
                         f"the dateline word “{word}” alone")
        for index, phrase in table.lines_containing(lexicon.phrases("reading_time")):
            if table.words[index] <= READING_TIME_WORDS_MAX and index not in stamped:
                stamped.add(index)
                yield single(index, self.name, self.category, Confidence.LIKELY,
                             f"a reading-time note (“{phrase}”)")
        opened = dict(table.lines_containing(lexicon.phrases("dateline_prefix")))
        openers = frozenset(index for index, _ in table.lines_opening_with(
            lexicon.phrases("dateline_prefix") + lexicon.phrases("byline_prefix")))
        shaped: dict[int, bool] = {}  # each line judged once, as itself or as a neighbour

        def meta_shaped(index: int) -> bool:
            if index not in shaped:
                shaped[index] = _meta_line(ctx, index, openers)
            return shaped[index]

        meta: list[int] = []
        for index in table.short_digit_lines:
            line = doc.lines[index]
            if index in stamped or table.prose[index]:
                continue
            if ctx.forum:
                continue  # post dates are content on a forum
            if has_date_span(line, lexicon, ctx.timeout):
                continue
            if len(line) <= BARE_DATE_CHARS_MAX and not line.rstrip().endswith(":") \
                    and is_bare_date(line, lexicon, ctx.timeout):
                yield single(index, self.name, self.category, Confidence.LIKELY,
                             "the line is only a date or time")
            elif fullmatch(_LABELLED_STAMP, line.strip(), ctx.timeout):
                yield single(index, self.name, self.category, Confidence.LIKELY,
                             "a one-word label and a numeric date")
            elif table.words[index] <= DATELINE_WORDS_MAX and index in opened:
                opener = opened[index]
                if has_date(line, lexicon, ctx.timeout):
                    yield single(index, self.name, self.category, Confidence.LIKELY,
                                 f"a short line with “{opener}” and a date")
            elif meta_shaped(index) and not any(
                    meta_shaped(other) for other in _neighbours(ctx, index)):
                meta.append(index)
        if len(meta) <= META_LINES_MAX:
            for index in meta:
                yield single(index, self.name, self.category, Confidence.LIKELY,
                             "a post's metadata: parts joined by separators, with its date")


def _meta_line(ctx: ScanContext, index: int, openers: frozenset[int]) -> bool:
    """Whether line ``index`` is a post's metadata line: a short line of two or more
    parts joined by a spaced separator, no sentence, no table row, and one part a date,
    or a date in a line that opens as a byline or a dateline does (``openers``: 'By Jane
    Doe – Updated Mar 5, 2026 | Fact-checked by John Roe')."""
    line = ctx.doc.lines[index]
    if ctx.table.words[index] > META_LINE_WORDS_MAX or ends_sentence(line) \
            or is_table_row(line):
        return False
    parts = [part.strip() for part in split(_META_SEPARATOR, line.strip(), ctx.timeout)]
    if len(parts) < 2:
        return False
    if is_bare_date(parts[0], ctx.lexicon, ctx.timeout) \
            and any(_opens_byline(part, ctx) for part in parts[1:]):
        return False  # 'November 19, 2019 | By Jane Doe' is the byline rule's
    if index in openers and has_date(line, ctx.lexicon, ctx.timeout):
        return True
    return any(part and is_bare_date(part, ctx.lexicon, ctx.timeout) for part in parts)


def _opens_byline(part: str, ctx: ScanContext) -> bool:
    """Whether ``part`` of a line opens with a byline's opener ('By Jane Doe')."""
    key = line_key(part)
    return any(key.startswith(opener + " ") for opener in ctx.lexicon.phrases("byline_prefix"))


def _neighbours(ctx: ScanContext, index: int) -> list[int]:
    """The non-blank lines just before and just after line ``index``: a line of the same
    shape beside it makes a schedule ('June 9 | Tampa | Amphitheatre'), not a stamp."""
    position, content = ctx.doc.content_rank[index] - 1, ctx.doc.content
    return [content[p] for p in (position - 1, position + 1) if 0 <= p < len(content)]


RULE = DatelineRule()
