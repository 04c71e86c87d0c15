"""Content guards: signals that short lines are article content, not boilerplate.

Guards never remove anything. A guarded line survives every label below
``Confidence.STRONG``: ingredient lists, numbered steps, quotations.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from ..labels import Guard
from ..patterns import BOL, EDGE, EOL, INLINE, compile_pattern, scan_lines, trie_alternation
from .base import Finding, ScanContext

#: Longest list a content heading ('Ingredients') protects, in non-blank lines.
LIST_LINES_MAX = 40
#: Lines in such a list have at most this many words.
LIST_ITEM_WORDS_MAX = 20

_QUANTITY = r"(?:\d+(?:[.,/]\d+)?|[½¼¾⅓⅔⅛])(?:[^\S\n\r]*+[-–][^\S\n\r]*+\d+(?:[.,/]\d+)?)?"
_QUOTED = compile_pattern(
    # possessive classes that exclude the opening mark keep this linear on '» » » ...'
    f"{BOL}(?={INLINE}*?(?:»[^«»\\n\\r]{{1,400}}+«|„[^„“”\\n\\r]{{1,400}}+[“”]"
    f"|«[^«»\\n\\r]{{1,400}}+»))"
)


@dataclass(frozen=True)
class ListContentGuard:
    """Lists under a content heading ('Ingredients', 'You will need', 'Method')."""

    name: str = "guard_list_content"
    category: None = None
    description: str = "keeps lists under content headings ('Ingredients', 'Method')"

    def scan(self, ctx: ScanContext) -> Iterator[Finding]:
        doc = ctx.doc
        heading = compile_pattern(
            f"{BOL}{EDGE}{trie_alternation(ctx.lexicon.phrases('content_heading'))}"
            f"[^\\S\\n\\r]*+:?[^\\S\\n\\r]*+{EOL}"
        )
        for index, _ in scan_lines(heading, doc, ctx.timeout):
            last, taken = index, 0
            probe = index + 1
            while probe < len(doc.lines) and taken < LIST_LINES_MAX:
                if not doc.blank[probe]:
                    if len(doc.lines[probe].split()) > LIST_ITEM_WORDS_MAX:
                        break
                    last, taken = probe, taken + 1
                probe += 1
            yield Guard(index, last, self.name,
                        f"a list under the heading “{doc.lines[index].strip()}”")


@dataclass(frozen=True)
class QuantityGuard:
    """Ingredient-like lines: a quantity and a unit ('2 cups flour', '200 g Mehl')."""

    name: str = "guard_quantity"
    category: None = None
    description: str = "keeps ingredient-like lines ('2 cups flour', '½ tsp salt')"

    def scan(self, ctx: ScanContext) -> Iterator[Finding]:
        pattern = compile_pattern(
            f"{BOL}{EDGE}{_QUANTITY}[^\\S\\n\\r]*+{trie_alternation(ctx.lexicon.phrases('unit'))}"
        )
        for index, _ in scan_lines(pattern, ctx.doc, ctx.timeout):
            yield Guard(index, index, self.name, "a quantity followed by a unit")


@dataclass(frozen=True)
class StepsGuard:
    """Numbered steps ('1. Preheat the oven', 'Step 2: ...')."""

    name: str = "guard_steps"
    category: None = None
    description: str = "keeps numbered steps ('1. Preheat the oven', 'Step 2:')"

    def scan(self, ctx: ScanContext) -> Iterator[Finding]:
        pattern = compile_pattern(
            f"{BOL}{EDGE}(?:step[^\\S\\n\\r]*+\\d{{1,3}}\\b|\\d{{1,2}}[.)][^\\S\\n\\r]++\\p{{L}})"
        )
        for index, _ in scan_lines(pattern, ctx.doc, ctx.timeout):
            yield Guard(index, index, self.name, "a numbered step")


@dataclass(frozen=True)
class QuotationGuard:
    """Lines holding a quotation in »...«, „...“ or «...» marks."""

    name: str = "guard_quotation"
    category: None = None
    description: str = "keeps lines holding »quotations« or „Zitate“"

    def scan(self, ctx: ScanContext) -> Iterator[Finding]:
        for index, _ in scan_lines(_QUOTED, ctx.doc, ctx.timeout):
            yield Guard(index, index, self.name, "the line holds a quotation")


LIST_CONTENT = ListContentGuard()
QUANTITY = QuantityGuard()
STEPS = StepsGuard()
QUOTATION = QuotationGuard()
