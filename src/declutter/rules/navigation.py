"""Navigation menus: runs of short menu entries, one-line menus and social-link rows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import regex

from ..features import ends_sentence
from ..labels import Category, Confidence
from ..lexicon import normalize
from ..labels import Label, Mark
from ..patterns import (
    BOL, EDGE, EOL, INLINE, SEP, compile_pattern, scan_lines, trie_alternation,
)
from .base import Finding, ScanContext, single

#: Longest menu entry, in words and characters.
ENTRY_WORDS_MAX = 4
ENTRY_CHARS_MAX = 40
#: Share of entries found in the navigation lexicon that makes a run a menu anywhere.
NAV_SHARE_LIKELY = 0.3
NAV_SHARE_STRONG = 0.5
#: Fewest items of a one-line menu ('News | Sport | Weather').
INLINE_ITEMS_MIN = 3
#: Longest one-line menu, in characters.
INLINE_CHARS_MAX = 400
#: Separators of one-line menus.
INLINE_SEPARATORS = "|•·‧∙◦▪■●/"

_LETTER = regex.compile(r"\p{L}", regex.V1)
_LEADING_QUANTITY = regex.compile(r"^\W*(?:\d|[½¼¾⅓⅔⅛])", regex.V1)
_INLINE_CANDIDATE = compile_pattern(
    f"{BOL}(?={INLINE}{{0,{INLINE_CHARS_MAX}}}{EOL})"
    f"(?={INLINE}*?\\s[{regex.escape(INLINE_SEPARATORS)}]\\s{INLINE}*?\\s[{regex.escape(INLINE_SEPARATORS)}]\\s)"
)
_INLINE_SPLIT = regex.compile(f"\\s+[{regex.escape(INLINE_SEPARATORS)}]+\\s+", regex.V1)


def is_menu_entry(line: str) -> bool:
    """Whether ``line`` could be a menu entry: a few words, no sentence, no quantity."""
    stripped = line.strip()
    return (
        0 < len(stripped) <= ENTRY_CHARS_MAX
        and len(stripped.split()) <= ENTRY_WORDS_MAX
        and _LETTER.search(stripped) is not None
        and not ends_sentence(stripped)
        and not stripped.endswith(":")
        and _LEADING_QUANTITY.match(stripped) is None
    )


@dataclass(frozen=True)
class MenuRunRule:
    """Runs of menu entries, either rich in navigation words or outside the article."""

    name: str = "navigation_menu"
    category: Category = Category.NAVIGATION
    description: str = "runs of short menu entries ('Home / News / Sport / Weather')"

    def scan(self, ctx: ScanContext) -> Iterator[Finding]:
        doc, features = ctx.doc, ctx.features
        nav = ctx.lexicon.words("navigation_word") | ctx.lexicon.words("navigation_line")
        minimum = ctx.thresholds.menu_run_min
        run: list[int] = []
        for index in range(len(doc.lines) + 1):
            if index < len(doc.lines):
                if doc.blank[index]:
                    continue
                if is_menu_entry(doc.lines[index]):
                    run.append(index)
                    continue
            if len(run) >= minimum:
                mark = self._judge(run, doc.lines, nav, features)
                if mark is not None:
                    yield mark
            run = []

    def _judge(self, run, lines, nav, features) -> Mark | None:
        share = sum(1 for i in run if normalize(lines[i]) in nav) / len(run)
        outside = features.prose_before(run[0]) == 0 or features.prose_after(run[-1]) == 0
        if share >= NAV_SHARE_STRONG:
            confidence, why = Confidence.STRONG, f"{share:.0%} are navigation words"
        elif share >= NAV_SHARE_LIKELY or outside:
            confidence = Confidence.LIKELY
            why = f"{share:.0%} are navigation words" if not outside else "outside the article"
        else:
            return None
        reason = f"a run of {len(run)} short menu entries, {why}"
        return Mark(run[0], run[-1], Label(self.name, self.category, confidence, reason))


@dataclass(frozen=True)
class InlineMenuRule:
    """One-line menus: three or more short entries joined by '|', '•' or '·'."""

    name: str = "inline_menu"
    category: Category = Category.NAVIGATION
    description: str = "one-line menus ('News | Sport | Weather | Culture')"

    def scan(self, ctx: ScanContext) -> Iterator[Finding]:
        nav = (ctx.lexicon.words("navigation_word") | ctx.lexicon.words("navigation_line")
               | ctx.lexicon.words("social_network"))
        for index, _ in scan_lines(_INLINE_CANDIDATE, ctx.doc, ctx.timeout):
            items = [i.strip() for i in _INLINE_SPLIT.split(ctx.doc.lines[index]) if i.strip()]
            if len(items) < INLINE_ITEMS_MIN or not all(is_menu_entry(i) for i in items):
                continue
            share = sum(1 for i in items if normalize(i) in nav) / len(items)
            confidence = Confidence.STRONG if share >= NAV_SHARE_STRONG else Confidence.LIKELY
            yield single(index, self.name, self.category, confidence,
                         f"{len(items)} short entries joined by separators")


@dataclass(frozen=True)
class SocialLinksRule:
    """Rows of share targets: 'Facebook Twitter LinkedIn Email'."""

    name: str = "social_links"
    category: Category = Category.SHARE
    description: str = "rows of share targets ('Facebook Twitter LinkedIn Email')"

    def scan(self, ctx: ScanContext) -> Iterator[Finding]:
        names = ctx.lexicon.phrases("social_network")
        if not names:
            return
        item = trie_alternation(names)
        pattern = compile_pattern(f"{BOL}{EDGE}{item}(?:{SEP}*+{item})++{EDGE}{EOL}")
        for index, _ in scan_lines(pattern, ctx.doc, ctx.timeout):
            yield single(index, self.name, self.category, Confidence.STRONG,
                         "the line lists only social networks and share targets")


MENU_RUN = MenuRunRule()
INLINE_MENU = InlineMenuRule()
SOCIAL_LINKS = SocialLinksRule()
