"""Navigation menus: runs of short menu entries, one-line menus and social-link rows."""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Iterator, Mapping

import regex

from ..features import is_menu_entry
from ..keys import line_key
from ..labels import Category, Confidence, Label, Mark
from ..table import LineTable, contains_words
from .base import Finding, ScanContext, navigation_words, single

#: Share of entries found in the navigation lexicon that makes a run a menu anywhere.
NAV_SHARE_LIKELY = 0.3
NAV_SHARE_STRONG = 0.5
#: Most entries with digits in a menu found by position alone ('Meal 2' lists are content).
NUMBERED_SHARE_MAX = 0.2
#: Fewest items of a one-line menu ('News | Sport | Weather').
INLINE_ITEMS_MIN = 3
#: Longest one-line menu, in characters.
INLINE_CHARS_MAX = 400
#: Separators of one-line menus (surrounded by spaces).
INLINE_SEPARATORS = "|•·‧∙/"
#: First words (of keys) of lines that are a bare web address.
LINK_PREFIXES = ("https://", "http://", "www.")
#: An extracted article's own address stands among its first this many lines...
OWN_ADDRESS_LINES = 8
#: ...and the last segment of its path has this many words (digits aside)...
SLUG_WORDS_MIN = 3
#: ...of which this share stands in one of those lines: the title.
SLUG_SHARE_MIN = 0.6
#: Longest invitation to follow on a platform, in words...
FOLLOW_WORDS_MAX = 24
#: ...and longest one that reads as a sentence ('Follow Newsbeat on Instagram.').
FOLLOW_PROSE_WORDS_MAX = 12
#: An invitation naming this many platforms is STRONG, even as a sentence
#: ('Follow the Opinion section on Facebook, Twitter and Instagram.').
FOLLOW_PLATFORMS_STRONG = 2
#: Longest row of share targets, in words.
SOCIAL_ROW_WORDS_MAX = 16
#: Arrows that close a link button or pager entry ('Get the Template >', 'Next Page »')...
BUTTON_ARROWS_AFTER = frozenset({">", ">>", "»", "›", "→", "➔", "➜", "⟶"})
#: ...or open one ('« Previous Thread', '‹ Older posts').
BUTTON_ARROWS_BEFORE = frozenset({"<", "<<", "«", "‹", "←"})
#: Each arrow that is also a quotation mark, with its counterpart: a line holding both
#: is a quotation ('« On ne lâchera rien »'), not a button.
QUOTE_PAIRS: Mapping[str, str] = MappingProxyType({
    "»": "«", "›": "‹", ">": "<", ">>": "<<", "«": "»", "‹": "›", "<": ">", "<<": ">>"})
#: The characters a line must end (or begin) with to be worth splitting into words.
_BUTTON_LAST_CHARS = frozenset(arrow[-1] for arrow in BUTTON_ARROWS_AFTER)
_BUTTON_FIRST_CHARS = frozenset(arrow[0] for arrow in BUTTON_ARROWS_BEFORE)

_LETTER = regex.compile(r"\p{L}", regex.V1)
_INLINE_SPLIT = regex.compile(f"\\s++[{regex.escape(INLINE_SEPARATORS)}]++\\s++", regex.V1)
_NON_WORD = regex.compile(r"[\W_]++", regex.V1)


@dataclass(frozen=True)
class MenuRunRule:
    """Runs of menu entries, either rich in navigation words or outside the article."""

    name: str = "navigation_menu"
    category: Category = Category.NAVIGATION
    description: str = "runs of short menu entries ('Home / News / Sport / Weather')"

    def scan(self, ctx: ScanContext) -> Iterator[Finding]:
        doc, table = ctx.doc, ctx.table
        nav = navigation_words(ctx)
        minimum = ctx.thresholds.menu_run_min
        lines, blank = doc.lines, doc.blank
        run: list[int] = []
        for index in range(len(lines) + 1):
            if index < len(lines):
                if blank[index]:
                    continue
                if table.menu_like[index]:
                    run.append(index)
                    continue
            if len(run) >= minimum:
                mark = self._judge(run, table.keys, nav, table)
                if mark is not None:
                    yield mark
            run = []

    def _judge(self, run: list[int], keys: list[str], nav: frozenset[str], table) -> Mark | None:
        share = sum(1 for i in run if keys[i] in nav) / len(run)
        outside = table.prose_before(run[0]) == 0 or table.prose_after(run[-1]) == 0
        if share >= NAV_SHARE_STRONG:
            confidence, why = Confidence.STRONG, f"{share:.0%} are navigation words"
        elif share >= NAV_SHARE_LIKELY:
            confidence, why = Confidence.LIKELY, f"{share:.0%} are navigation words"
        elif outside and sum(1 for i in run if any(c.isdigit() for c in keys[i])) \
                <= NUMBERED_SHARE_MAX * len(run):
            confidence, why = Confidence.LIKELY, "outside the article"
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
        nav = navigation_words(ctx) | ctx.lexicon.words("social_network")
        for index in ctx.table.lines_with_symbol(INLINE_SEPARATORS):
            line = ctx.doc.lines[index]
            if len(line) > INLINE_CHARS_MAX:
                continue
            items = [i.strip() for i in _INLINE_SPLIT.split(line) if i.strip()]
            if len(items) < INLINE_ITEMS_MIN or not all(is_menu_entry(i) for i in items) \
                    or any(":" in i or any(c.isdigit() for c in i) for i in items):
                continue  # 'Type: GDDR6 / GDDR6X' lists values, not pages
            share = sum(1 for i in items if line_key(i) in nav) / len(items)
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
        names = ctx.lexicon.words("social_network")
        table = ctx.table
        for word in sorted(table.by_first_word.keys() & names):
            for index in table.by_first_word[word]:
                if not 2 <= table.words[index] <= SOCIAL_ROW_WORDS_MAX:
                    continue
                tokens = _NON_WORD.sub(" ", table.keys[index]).split()
                if len(set(tokens)) >= 2 and all(t in names for t in tokens):
                    yield single(index, self.name, self.category, Confidence.STRONG,
                                 "the line lists only social networks and share targets")


@dataclass(frozen=True)
class FollowPromptRule:
    """Invitations to follow on a platform: 'Follow The Times on Facebook and Twitter'."""

    name: str = "follow_platform"
    category: Category = Category.SHARE
    description: str = (
        "invitations to follow on a platform ('Follow us on Instagram @site', 'Follow "
        "@SiteDeals on Twitter to keep up with the latest deals')"
    )
    anchor_sections: tuple[str, ...] = ("social_platform",)

    def scan(self, ctx: ScanContext) -> Iterator[Finding]:
        table = ctx.table
        verbs = ctx.lexicon.phrases("follow_verb")
        platforms = ctx.lexicon.words("social_platform")
        purposes = ctx.lexicon.phrases("follow_purpose")
        for index, platform in table.lines_containing(ctx.lexicon.phrases("social_platform")):
            words = table.words[index]
            key = table.keys[index]
            if not any(key.startswith(verb + " ") for verb in verbs):
                continue
            named = len(platforms.intersection(_NON_WORD.split(key)))
            if words <= FOLLOW_WORDS_MAX and (not table.prose[index] or words <= FOLLOW_PROSE_WORDS_MAX
                                              or named >= FOLLOW_PLATFORMS_STRONG):
                confidence = (Confidence.STRONG if named >= FOLLOW_PLATFORMS_STRONG
                              else Confidence.LIKELY)
                yield single(index, self.name, self.category, confidence,
                             f"an invitation to follow on “{platform}”")
            elif words <= ctx.thresholds.pitch_words_max and \
                    (purpose := next((p for p in purposes if contains_words(key, p)), None)):
                # 'Follow @SiteDeals on Twitter to keep up with the latest deals.': what the
                # sentence offers in return makes it a prompt, not article text
                yield single(index, self.name, self.category, Confidence.LIKELY,
                             f"an invitation to follow on “{platform}” “{purpose}”")


@dataclass(frozen=True)
class BareLinkRule:
    """Lines that are nothing but a web address, in whole-page text; in an extracted
    article, only the page's own address printed above it: a web address among the
    first lines whose last path segment spells a title line near it
    ('https://example.com/news/Cat-found-in-New-Mexico-14848175.php' over 'Cat found in
    New Mexico after going missing in Oregon')."""

    name: str = "bare_link"
    category: Category = Category.NAVIGATION
    description: str = (
        "lines that are only a web address ('https://example.com/story'); in an extracted "
        "article, only the page's own address among its first lines, whose path spells "
        "the title"
    )

    def scan(self, ctx: ScanContext) -> Iterator[Finding]:
        if ctx.forum:
            return  # posts share links as content
        table, doc = ctx.table, ctx.doc
        for word, indices in table.by_first_word.items():
            if not word.startswith(LINK_PREFIXES):
                continue
            for index in indices:
                if len(doc.lines[index].split()) != 1:
                    continue
                if ctx.whole_page:
                    yield single(index, self.name, self.category, Confidence.LIKELY,
                                 "the line is only a web address")
                elif doc.content_rank[index] <= OWN_ADDRESS_LINES and \
                        (title := _spelled_title(table, doc.content, index)) is not None:
                    yield single(index, self.name, self.category, Confidence.STRONG,
                                 f"the page's own address: its path spells line {title + 1}")


def _spelled_title(table: LineTable, content: list[int], index: int) -> int | None:
    """The line among the first ones whose words hold most of the words of the last
    path segment of the web address on line ``index``, or ``None``."""
    path = table.keys[index].split("?", 1)[0].split("#", 1)[0].rstrip("/")
    segment = path.rsplit("/", 1)[-1].rsplit(".", 1)[0] if "/" in path else ""
    slug = [word for word in _NON_WORD.split(segment) if word and not word.isdigit()]
    if len(slug) < SLUG_WORDS_MIN:
        return None
    for other in content[:OWN_ADDRESS_LINES]:
        if other == index:
            continue
        words = set(_NON_WORD.split(table.keys[other]))
        if sum(word in words for word in slug) >= SLUG_SHARE_MIN * len(slug):
            return other
    return None


@dataclass(frozen=True)
class LinkButtonRule:
    """Link buttons and pager entries that an arrow marks: a short label closed by '>' or
    '»' ('Get the Template >', 'Next Page »') or opened by '«' ('« Previous Thread')."""

    name: str = "link_button"
    category: Category = Category.NAVIGATION
    description: str = (
        "link buttons and pager entries marked by an arrow ('Get the Template >', "
        "'Next Page »', '« Previous Thread')"
    )

    def scan(self, ctx: ScanContext) -> Iterator[Finding]:
        doc, table = ctx.doc, ctx.table
        longest = ctx.thresholds.prompt_words_max
        for index, line in enumerate(doc.lines):
            stripped = line.strip()
            if not stripped or (stripped[-1] not in _BUTTON_LAST_CHARS
                                and stripped[0] not in _BUTTON_FIRST_CHARS) \
                    or table.prose[index] or table.words[index] > longest:
                continue
            words = stripped.split()
            if len(words) < 2:
                continue
            arrow = words[-1] if words[-1] in BUTTON_ARROWS_AFTER else \
                words[0] if words[0] in BUTTON_ARROWS_BEFORE else None
            if arrow is not None and QUOTE_PAIRS.get(arrow, "\0") not in line:
                yield single(index, self.name, self.category, Confidence.LIKELY,
                             "a link button or pager entry marked by an arrow")


MENU_RUN = MenuRunRule()
INLINE_MENU = InlineMenuRule()
SOCIAL_LINKS = SocialLinksRule()
FOLLOW_PLATFORM = FollowPromptRule()
BARE_LINK = BareLinkRule()
LINK_BUTTON = LinkButtonRule()
