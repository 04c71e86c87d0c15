"""Bylines: 'By John Smith', 'Written by Jane Doe and Max Roe | Reuters', 'Author: ...'."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import regex

from ..features import ends_sentence
from ..labels import Category, Confidence
from ..patterns import line_prefix_pattern, scan_lines
from .base import Finding, ScanContext, single

#: Longest byline, in words.
BYLINE_WORDS_MAX = 14
#: Bylines up to this many words are STRONG; longer ones LIKELY.
BYLINE_WORDS_STRONG = 9
#: Share of the words after the opener that must be capitalised (names).
NAME_SHARE_MIN = 0.6

_WORD = regex.compile(r"[\p{L}][\p{L}\p{M}'’.-]*", regex.V1)


@dataclass(frozen=True)
class BylineRule:
    """Author lines: an opener ('By', 'Written by', 'Author:') followed by names."""

    name: str = "byline"
    category: Category = Category.BYLINE
    description: str = "author lines ('By John Smith', 'Written by Jane Doe | Reuters')"

    def scan(self, ctx: ScanContext) -> Iterator[Finding]:
        doc = ctx.doc
        small = ctx.lexicon.words("title_small_word") | ctx.lexicon.words("date_word")
        pattern = line_prefix_pattern(ctx.lexicon.phrases("byline_prefix"))
        for index, match in scan_lines(pattern, doc, ctx.timeout):
            line = doc.lines[index]
            words = line.split()
            if len(words) > BYLINE_WORDS_MAX or (ends_sentence(line) and len(words) > 4):
                continue
            rest = line[match.end() - doc.starts[index]:]
            if not _names_follow(rest, small):
                continue
            confidence = Confidence.STRONG if len(words) <= BYLINE_WORDS_STRONG else Confidence.LIKELY
            opener = " ".join(match.group().split())
            yield single(index, self.name, self.category, confidence,
                         f"“{opener}” followed by names")


def _names_follow(rest: str, small: frozenset[str]) -> bool:
    """Whether ``rest`` starts with a capitalised name and is mostly names."""
    words = _WORD.findall(rest)
    if not words or not words[0][0].isupper():
        return False
    content = [w for w in words if w.casefold() not in small]
    if not content:
        return False
    capitalised = sum(1 for w in content if w[0].isupper())
    return capitalised >= NAME_SHARE_MIN * len(content)


RULE = BylineRule()
