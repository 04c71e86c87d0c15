"""Content guards: signals that short lines are article content, not boilerplate.

Guards never remove anything. A guarded line survives every label below
``Confidence.STRONG``: ingredient lists, numbered steps, quotations. A quoted example
(lines the article introduces with a colon and goes on discussing after) survives every
built-in label: the article says it is content.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

import regex

from ..features import COLONS, ends_sentence, is_table_row
from ..labels import Guard
from ..patterns import compile_pattern, search, trie_alternation
from .base import Finding, ScanContext, navigation_words

#: Longest list a content heading ('Ingredients') protects, in non-blank lines.
LIST_LINES_MAX = 40
#: Lines in such a list have at most this many words.
LIST_ITEM_WORDS_MAX = 20
#: A 'list' holding this many navigation words ('Home', 'Blog') is the site's menu, in
#: which a content word ('Nutrition', 'Recipes') is one entry: it is not guarded.
MENU_ENTRIES_MIN = 2
#: Longest quotation looked for, in characters.
QUOTATION_CHARS_MAX = 400
#: Most non-blank lines an article quotes after introducing them with a colon ("Here is
#: a typical banner:") before its own prose goes on.
QUOTED_LINES_MAX = 10
#: An extractor's line opening with this many spaces (or a tab) is preformatted text.
PREFORMAT_SPACES_MIN = 2
#: Characters that end a line introducing what follows (ASCII and full-width colons).
INTRODUCING_ENDS = COLONS

#: Vulgar fractions, which open a quantity as a figure does ('½ tsp salt').
FRACTIONS = "½¼¾⅓⅔⅛"
_QUANTITY = rf"(?:\d+(?:[.,/]\d+)?|[{FRACTIONS}])(?: ?[-–] ?\d+(?:[.,/]\d+)?)?"
_STEP = compile_pattern(r"^(?:step ?\d{1,3}(?!\d)|\d{1,2}[.)] \w)")
# classes that exclude the opening mark keep this linear on '» » » ...'
_QUOTED = regex.compile(
    f"»[^«»]{{1,{QUOTATION_CHARS_MAX}}}+«|„[^„“”]{{1,{QUOTATION_CHARS_MAX}}}+[“”]"
    f"|«[^«»]{{1,{QUOTATION_CHARS_MAX}}}+»",
    regex.V1,
)


@lru_cache(maxsize=64)
def _quantity_pattern(units: tuple[str, ...]) -> regex.Pattern[str]:
    return compile_pattern(f"^{_QUANTITY} ?{trie_alternation(units)}")


@dataclass(frozen=True)
class ListContentGuard:
    """Lists under a content heading ('Ingredients', 'You will need', 'Method')."""

    name: str = "guard_list_content"
    category: None = None
    description: str = "keeps lists under content headings ('Ingredients', 'Method')"

    def scan(self, ctx: ScanContext) -> Iterator[Finding]:
        doc, table = ctx.doc, ctx.table
        navigation = navigation_words(ctx)
        for index, _ in table.lines_with_key(ctx.lexicon.words("content_heading")):
            last, taken, probe, menu = index, 0, index + 1, 0
            while probe < len(doc.lines) and taken < LIST_LINES_MAX:
                if not doc.blank[probe]:
                    if table.words[probe] > LIST_ITEM_WORDS_MAX:
                        break
                    menu += table.keys[probe] in navigation
                    last, taken = probe, taken + 1
                probe += 1
            if menu >= MENU_ENTRIES_MIN:
                continue  # 'Nutrition' as an entry of a site's menu
            yield Guard(index, last, self.name,
                        f"a list under the heading “{doc.lines[index].strip()}”")


@dataclass(frozen=True)
class QuantityGuard:
    """Ingredient-like lines: a quantity and a unit ('2 cups flour', '200 g Mehl')."""

    name: str = "guard_quantity"
    category: None = None
    description: str = "keeps ingredient-like lines ('2 cups flour', '½ tsp salt')"

    def scan(self, ctx: ScanContext) -> Iterator[Finding]:
        table = ctx.table
        pattern = _quantity_pattern(ctx.lexicon.phrases("unit"))
        for index in table.short_digit_lines:
            key = table.keys[index]
            # the pattern is anchored at a quantity's first figure: other keys cannot match
            if (key[:1].isdigit() or key[:1] in FRACTIONS) and search(pattern, key, ctx.timeout):
                yield Guard(index, index, self.name, "a quantity followed by a unit")
        for index in table.lines_with_symbol(FRACTIONS):
            if search(pattern, table.keys[index], ctx.timeout):
                yield Guard(index, index, self.name, "a quantity followed by a unit")


@dataclass(frozen=True)
class StepsGuard:
    """Numbered steps ('1. Preheat the oven', 'Step 2: ...')."""

    name: str = "guard_steps"
    category: None = None
    description: str = "keeps numbered steps ('1. Preheat the oven', 'Step 2:')"

    def scan(self, ctx: ScanContext) -> Iterator[Finding]:
        table = ctx.table
        for index in table.short_digit_lines:
            key = table.keys[index]  # case-folded: a step opens with a figure or 'step'
            if (key[:1].isdigit() or key.startswith("step")) and search(_STEP, key, ctx.timeout):
                yield Guard(index, index, self.name, "a numbered step")


@dataclass(frozen=True)
class QuotationGuard:
    """Lines holding a quotation in »...«, „...“ or «...» marks."""

    name: str = "guard_quotation"
    category: None = None
    description: str = "keeps lines holding »quotations« or „Zitate“"

    def scan(self, ctx: ScanContext) -> Iterator[Finding]:
        for index in ctx.table.lines_with_symbol("»„«"):
            if search(_QUOTED, ctx.doc.lines[index], ctx.timeout):
                yield Guard(index, index, self.name, "the line holds a quotation")


@dataclass(frozen=True)
class TableRowGuard:
    """Table rows as extractors render them: '| Player | Team | Points |'."""

    name: str = "guard_table_row"
    category: None = None
    description: str = "keeps table rows ('| Pos | Player | Points |')"

    def scan(self, ctx: ScanContext) -> Iterator[Finding]:
        for index in ctx.table.lines_with_symbol("|"):
            if is_table_row(ctx.doc.lines[index]):
                yield Guard(index, index, self.name, "a table row")


@dataclass(frozen=True)
class QuotedExampleGuard:
    """Lines an article quotes as examples: introduced by its own running text, a line
    ending with a colon ("Here is a typical banner:", or "For example:" after a
    paragraph), and followed by more of its prose within :data:`QUOTED_LINES_MAX`
    lines. The article discusses them (a cookie banner in a piece about consent, a
    copyright notice in a legal explainer), so no built-in label removes them. Text at
    the end of a page ("Sign up for our newsletter:" and a form) has no prose after it
    and is not guarded; lines a rule labelled are neither the introduction nor the prose
    after it."""

    name: str = "guard_quoted_example"
    category: None = None
    uses_prior: bool = True
    anchor_sections: tuple[str, ...] = ("quote_intro",)
    description: str = ("keeps lines the article introduces with a colon, or with a "
                        "sentence that announces them, and discusses after (quoted "
                        "banners, notices, buttons)")

    def scan(self, ctx: ScanContext) -> Iterator[Finding]:
        doc, table = ctx.doc, ctx.table
        order = doc.content
        own_prose = [table.prose[i] and i not in ctx.prior for i in order]
        announcing = frozenset(index for index, _ in table.lines_containing(
            ctx.lexicon.phrases("quote_intro")) if ends_sentence(doc.lines[index]))
        for position, index in enumerate(order):
            if not self._introduces(ctx, order, own_prose, position, announcing):
                continue
            end = position + 1
            while end < len(order) and end - position <= QUOTED_LINES_MAX and not own_prose[end]:
                end += 1
            if end == position + 1 or end == len(order) or not own_prose[end]:
                continue  # nothing quoted, or the article does not go on after it
            if any(order[p] in ctx.prior for p in range(position + 1, end)):
                yield Guard(order[position + 1], order[end - 1], self.name,
                            f"quoted by the article (line {index + 1} introduces it)",
                            firm=True)

    @staticmethod
    def _introduces(ctx: ScanContext, order: list[int], own_prose: list[bool],
                    position: int, announcing: frozenset[int]) -> bool:
        """Whether the line at ``position`` is the article's own text announcing what
        follows: unlabelled, ending with a colon or a sentence that announces it
        (``announcing``: 'The banner reads as follows.', '次のような表示が出る。'), and
        long enough to be running text or right after the article's prose."""
        index = order[position]
        if index in ctx.prior or not (ctx.doc.lines[index].rstrip().endswith(INTRODUCING_ENDS)
                                      or index in announcing):
            return False
        return (ctx.table.words[index] >= ctx.thresholds.prose_words_min
                or (position > 0 and own_prose[position - 1]))


@dataclass(frozen=True)
class PreformattedGuard:
    """Lines an extractor kept with their leading spaces: preformatted text (code, a
    configuration file, a manual page), where extractors keep the page's layout and
    nowhere else. A line of it that looks like noise is what the block shows
    ('age: int = Field(default=20)' is no poster's profile, 'image: nginx:1.14.2' no
    photo credit), so no built-in label removes it. Whole-page text is laid out by its
    own extraction, so this reads only an extractor's output."""

    name: str = "guard_preformatted"
    category: None = None
    description: str = ("keeps the indented lines of an extractor's output: preformatted "
                        "text such as code and configuration")

    def scan(self, ctx: ScanContext) -> Iterator[Finding]:
        if ctx.whole_page:
            return
        lines = ctx.doc.lines
        run: list[int] = []
        for index in ctx.doc.content:
            if _preformatted(lines[index]):
                run.append(index)
                continue
            if run:
                yield self._guard(run)
                run = []
        if run:
            yield self._guard(run)

    def _guard(self, run: list[int]) -> Guard:
        return Guard(run[0], run[-1], self.name,
                     "preformatted text (its indentation kept by the extractor)", firm=True)


def _preformatted(line: str) -> bool:
    """Whether ``line`` opens with a tab or :data:`PREFORMAT_SPACES_MIN` spaces."""
    return line.startswith("\t") or line.startswith(" " * PREFORMAT_SPACES_MIN)


LIST_CONTENT = ListContentGuard()
TABLE_ROW = TableRowGuard()
QUANTITY = QuantityGuard()
STEPS = StepsGuard()
QUOTATION = QuotationGuard()
QUOTED_EXAMPLE = QuotedExampleGuard()
PREFORMATTED = PreformattedGuard()
