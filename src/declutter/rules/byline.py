"""Bylines: 'By John Smith', 'Written by Jane Doe and Max Roe | Reuters', 'Author: ...'."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import regex

from ..features import ends_sentence
from ..labels import Category, Confidence
from .base import Finding, ScanContext, single

#: Longest byline, in words.
BYLINE_WORDS_MAX = 14
#: Longest credit line listing several roles ('Reporting by A; Editing by B'), in words.
CREDITS_WORDS_MAX = 40
#: Bylines up to this many words are STRONG; longer ones LIKELY.
BYLINE_WORDS_STRONG = 9
#: Longest 'Robert Burns, AP Staff Writer' line, in words.
SUFFIXED_WORDS_MAX = 10
#: Share of the words after the opener that must be capitalised (names).
NAME_SHARE_MIN = 0.6

#: First characters of list items, which are never author lines.
LIST_MARKS = frozenset("-–—•*+")

_WORD = regex.compile(r"[\p{L}][\p{L}\p{M}'’.-]*", regex.V1)


@dataclass(frozen=True)
class BylineRule:
    """Author lines: an opener ('By', 'Written by', 'Author:') followed by names."""

    name: str = "byline"
    category: Category = Category.BYLINE
    description: str = "author lines ('By John Smith', 'Written by Jane Doe | Reuters')"
    anchor_sections: tuple[str, ...] = ("byline_suffix",)

    def scan(self, ctx: ScanContext) -> Iterator[Finding]:
        if ctx.forum:
            return  # 'by Jane » Tue Aug 27, 2019' heads a post: content
        doc, table = ctx.doc, ctx.table
        small = ctx.lexicon.words("title_small_word") | ctx.lexicon.words("date_word")
        for index, opener in table.lines_opening_with(ctx.lexicon.phrases("byline_prefix")):
            count = table.words[index]
            line = doc.lines[index]
            longest = CREDITS_WORDS_MAX if ";" in line else BYLINE_WORDS_MAX
            if count > longest or (ends_sentence(line) and count > 4 and ";" not in line):
                continue
            if not _names_follow(_after_opener(line, opener), small):
                continue
            confidence = Confidence.STRONG if count <= BYLINE_WORDS_STRONG else Confidence.LIKELY
            yield single(index, self.name, self.category, confidence,
                         f"“{opener}” followed by names")
        suffixes = ctx.lexicon.words("byline_suffix")
        for index, _ in table.lines_containing(ctx.lexicon.phrases("byline_suffix")):
            if table.words[index] > SUFFIXED_WORDS_MAX or table.prose[index]:
                continue
            words = table.keys[index].split(" ")
            title = next((" ".join(words[-n:]) for n in (3, 2, 1)
                          if len(words) > n and " ".join(words[-n:]) in suffixes), None)
            if title is None:
                continue
            line = doc.lines[index]
            if line.lstrip()[:1] in LIST_MARKS:
                continue
            name = line.split(",")[0] if "," in line else " ".join(line.split()[:-len(title.split())])
            if _names_follow(name, small):
                yield single(index, self.name, self.category, Confidence.LIKELY,
                             f"names followed by the job title “{title}”")


def _after_opener(line: str, opener: str) -> str:
    """The part of ``line`` after its first ``len(opener.split())`` words."""
    parts = line.split(None, len(opener.split()))
    return parts[-1] if len(parts) > len(opener.split()) else ""


def _names_follow(rest: str, small: frozenset[str]) -> bool:
    """Whether ``rest`` starts with a capitalised name (two words, or one in capitals:
    'AFP') and is mostly names."""
    words = _WORD.findall(rest)
    if not words or not words[0][0].isupper():
        return False
    if len(words) == 1 and not words[0].isupper():
        return False  # 'By Functionality' is a heading, not an author
    content = [w for w in words if w.casefold() not in small]
    if not content:
        return False
    capitalised = sum(1 for w in content if w[0].isupper())
    return capitalised >= NAME_SHARE_MIN * len(content)


RULE = BylineRule()
