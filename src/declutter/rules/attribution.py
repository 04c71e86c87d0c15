"""Attribution lines: photo credits, source attributions and copyright footers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from ..features import word_count
from ..labels import Category, Confidence
from ..patterns import (
    BOL, EDGE, SEP, compile_pattern, contains_pattern, line_prefix_pattern, scan_lines,
    trie_alternation,
)
from .base import Finding, ScanContext, single

#: Longest photo credit opened by 'Photo:' and the like, in words (captions included).
CREDIT_WORDS_MAX = 40
#: Longest line that an agency name alone marks as a credit, in words.
AGENCY_LINE_WORDS_MAX = 10
#: Longest source attribution, in words.
SOURCE_WORDS_MAX = 14
#: Longest copyright footer, in words.
COPYRIGHT_WORDS_MAX = 30

#: Separators that follow an opener such as 'Photo' or 'Source'.
COLON = "[:：|/–—-]"
#: Characters that tie an agency name to a credit ('/ Getty Images', '(AP Photo)').
CREDIT_MARKS = "/|()©[]"


def _opener_with_colon(phrases: tuple[str, ...]) -> str:
    return f"{BOL}{EDGE}{trie_alternation(phrases)}[^\\S\\n\\r]*+{COLON}"


@dataclass(frozen=True)
class PhotoCreditRule:
    """Photo and image credits ('Photo: Reuters', 'Image credit: NASA', '/ Getty Images')."""

    name: str = "photo_credit"
    category: Category = Category.PHOTO_CREDIT
    description: str = "photo and image credits ('Photo: Reuters', '(AP Photo/Jane Doe)')"

    def scan(self, ctx: ScanContext) -> Iterator[Finding]:
        doc, lexicon = ctx.doc, ctx.lexicon
        marked: set[int] = set()
        opener = compile_pattern(_opener_with_colon(lexicon.phrases("photo_credit_prefix")))
        for index, match in scan_lines(opener, doc, ctx.timeout):
            if word_count(doc.lines[index]) <= CREDIT_WORDS_MAX:
                marked.add(index)
                yield single(index, self.name, self.category, Confidence.STRONG,
                             f"the line opens with “{' '.join(match.group().split())}”")
        by = compile_pattern(f"{BOL}{EDGE}(?:photo|image|picture|illustration)s?{SEP}++by\\b")
        agency = contains_pattern(lexicon.phrases("photo_agency"))
        for pattern in (by, agency):
            for index, match in scan_lines(pattern, doc, ctx.timeout):
                line = doc.lines[index]
                if index in marked or word_count(line) > AGENCY_LINE_WORDS_MAX:
                    continue
                if pattern is agency and not any(c in line for c in CREDIT_MARKS) \
                        and word_count(line) > 3:
                    continue
                marked.add(index)
                yield single(index, self.name, self.category, Confidence.LIKELY,
                             f"a short line naming “{' '.join(match.group().split())}”")


@dataclass(frozen=True)
class SourceAttributionRule:
    """Source attributions ('Source: Bloomberg', 'Via: The Verge', 'Quelle: dpa')."""

    name: str = "source_attribution"
    category: Category = Category.SOURCE
    description: str = "source attributions ('Source: Bloomberg', 'Via The Verge')"

    def scan(self, ctx: ScanContext) -> Iterator[Finding]:
        doc = ctx.doc
        phrases = ctx.lexicon.phrases("source_prefix")
        opener = compile_pattern(_opener_with_colon(phrases) + "[^\\S\\n\\r]*+\\S")
        for index, match in scan_lines(opener, doc, ctx.timeout):
            if word_count(doc.lines[index]) <= SOURCE_WORDS_MAX:
                yield single(index, self.name, self.category, Confidence.STRONG,
                             f"the line opens with “{' '.join(match.group().split()[:-1])}”")
        via = compile_pattern(f"{BOL}{EDGE}via\\s+\\p{{Lu}}")
        for index, _ in scan_lines(via, doc, ctx.timeout):
            if word_count(doc.lines[index]) <= 6:
                yield single(index, self.name, self.category, Confidence.LIKELY,
                             "a short line opening with “Via”")


@dataclass(frozen=True)
class CopyrightRule:
    """Copyright footers ('© 2024 Example Media. All rights reserved.')."""

    name: str = "copyright_footer"
    category: Category = Category.COPYRIGHT
    description: str = "copyright footers ('© 2024 Example Media', 'All rights reserved')"

    def scan(self, ctx: ScanContext) -> Iterator[Finding]:
        doc = ctx.doc
        marked: set[int] = set()
        notice = compile_pattern(
            f"{BOL}{EDGE}(?:©|\\(c\\)|copyright\\b|copr\\.)[^\\S\\n\\r]*+(?:©|\\(c\\))?"
            f"[^\\S\\n\\r]*+(?:\\d{{4}}|by\\b|\\p{{Lu}})"
        )
        for index, _ in scan_lines(notice, doc, ctx.timeout):
            if word_count(doc.lines[index]) <= COPYRIGHT_WORDS_MAX:
                marked.add(index)
                yield single(index, self.name, self.category, Confidence.STRONG,
                             "the line opens with a copyright notice")
        reserved = contains_pattern(ctx.lexicon.phrases("copyright"))
        symbol = compile_pattern("©")
        for pattern, reason in ((reserved, "“all rights reserved”"), (symbol, "“©”")):
            for index, _ in scan_lines(pattern, doc, ctx.timeout):
                if index in marked or word_count(doc.lines[index]) > COPYRIGHT_WORDS_MAX:
                    continue
                marked.add(index)
                yield single(index, self.name, self.category, Confidence.STRONG,
                             f"a short line containing {reason}")


PHOTO_CREDIT = PhotoCreditRule()
SOURCE_ATTRIBUTION = SourceAttributionRule()
COPYRIGHT_FOOTER = CopyrightRule()
