"""Datelines: 'PUBLISHED : Tuesday, 09 January, 2018', 'Updated 3:45 PM ET', bare dates."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from ..features import word_count
from ..labels import Category, Confidence
from ..patterns import BOL, EOL, INLINE, compile_pattern, line_prefix_pattern, scan_lines
from .base import Finding, ScanContext, single
from .dates import BARE_DATE_TOKENS_MAX, has_date, is_bare_date

#: Longest dateline with an opening word ('Published ...'), in words.
DATELINE_WORDS_MAX = 16
#: Lines shorter than this (characters) may be bare dates.
BARE_DATE_CHARS_MAX = 80

#: Short lines holding a digit: the only candidates for bare dates.
SHORT_WITH_DIGIT = compile_pattern(
    f"{BOL}(?={INLINE}{{0,{BARE_DATE_CHARS_MAX}}}{EOL})(?={INLINE}*?\\d)"
)


@dataclass(frozen=True)
class DatelineRule:
    """Publication and update stamps, and lines that are nothing but a date."""

    name: str = "dateline"
    category: Category = Category.DATELINE
    description: str = (
        "publication/update stamps ('PUBLISHED : 9 Jan 2018', 'Updated 3:45 PM ET') "
        "and lines that are only a date"
    )

    def scan(self, ctx: ScanContext) -> Iterator[Finding]:
        doc, lexicon = ctx.doc, ctx.lexicon
        seen: set[int] = set()
        prefixed = line_prefix_pattern(lexicon.phrases("dateline_prefix"))
        for index, match in scan_lines(prefixed, doc, ctx.timeout):
            line = doc.lines[index]
            if word_count(line) <= DATELINE_WORDS_MAX and has_date(line, lexicon):
                seen.add(index)
                opener = " ".join(match.group().split())
                yield single(index, self.name, self.category, Confidence.STRONG,
                             f"“{opener}” followed by a date or time")
        for index, _ in scan_lines(SHORT_WITH_DIGIT, doc, ctx.timeout):
            if index in seen:
                continue
            line = doc.lines[index]
            if len(line.split()) <= BARE_DATE_TOKENS_MAX and is_bare_date(line, lexicon):
                yield single(index, self.name, self.category, Confidence.LIKELY,
                             "the line is only a date or time")


RULE = DatelineRule()
