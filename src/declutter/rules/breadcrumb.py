"""Breadcrumb paths: 'Home » Tech » Mobiles » Title', 'News > World > Europe'."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import regex

from ..features import COLONS
from ..keys import line_key
from ..labels import Category, Confidence
from .base import Finding, ScanContext, single

#: Separators that need no spaces around them.
TIGHT_SEPARATORS = "»›→▸►⟩〉＞"
#: Separators that need white space on both sides.
SPACED_SEPARATORS = ">/\\"
#: Longest breadcrumb line, in characters.
BREADCRUMB_CHARS_MAX = 300
#: Longest crumb (every item but the last), in words and characters.
CRUMB_WORDS_MAX = 5
CRUMB_CHARS_MAX = 40
#: Longest last item of a path that does not start at 'Home', in words.
LAST_CRUMB_WORDS_MAX = 6
#: Longest last item after 'Home' (often the page title), in words and characters.
TITLE_CRUMB_WORDS_MAX = 30
TITLE_CRUMB_CHARS_MAX = 250
#: Characters that never stand in a crumb: sentence punctuation and quotation marks.
NOT_IN_CRUMB = frozenset(":;!?«»\"“”„‚‘’")

_SPLIT = regex.compile(
    f"\\s*+(?:[{TIGHT_SEPARATORS}]++|(?<=\\s)(?:>++|/|\\\\)(?=\\s))\\s*+", regex.V1
)
#: First characters of list items ('- Go to Products > Data Files'): instructions, not paths.
LIST_MARKS = frozenset("-–—•*+")

_LETTER = regex.compile(r"\p{L}", regex.V1)
_DIGIT = regex.compile(r"\d", regex.V1)
_HERE = regex.compile(r"^\W*+you\s++are\s++here\W*+", regex.V1 | regex.IGNORECASE)


def _is_crumb(item: str, max_words: int, max_chars: int) -> bool:
    return (
        len(item.split()) <= max_words
        and len(item) <= max_chars
        and _LETTER.search(item) is not None
        and not NOT_IN_CRUMB.intersection(item)
        and not item.endswith(".")
    )


def breadcrumb_items(line: str) -> list[str]:
    """The items of ``line`` split at breadcrumb separators (empty items dropped).

    >>> breadcrumb_items("Home » Tech » Phones")
    ['Home', 'Tech', 'Phones']
    """
    return [item.strip() for item in _SPLIT.split(_HERE.sub("", line)) if item.strip()]


@dataclass(frozen=True)
class BreadcrumbRule:
    """Paths of short items joined by », >, /, › or →, often starting at 'Home'."""

    name: str = "breadcrumb_path"
    category: Category = Category.BREADCRUMB
    description: str = "breadcrumb paths ('Home » Tech » Mobiles', 'News > World > Europe')"

    def scan(self, ctx: ScanContext) -> Iterator[Finding]:
        homes = ctx.lexicon.words("breadcrumb_home")
        lines = ctx.doc.lines
        for index in ctx.table.lines_with_symbol(TIGHT_SEPARATORS + SPACED_SEPARATORS):
            line = lines[index]
            if len(line) > BREADCRUMB_CHARS_MAX:
                continue
            items = _after_here(breadcrumb_items(line), homes)
            if len(items) < 2 or not all(
                    _is_crumb(i, CRUMB_WORDS_MAX, CRUMB_CHARS_MAX) for i in items[:-1]):
                continue
            if line_key(items[0]) in homes and _is_crumb(
                    items[-1], TITLE_CRUMB_WORDS_MAX, TITLE_CRUMB_CHARS_MAX):
                yield single(index, self.name, self.category, Confidence.STRONG,
                             f"a path of {len(items)} items starting at “{items[0]}”")
            elif len(items) >= 3 and _is_crumb(items[-1], LAST_CRUMB_WORDS_MAX, CRUMB_CHARS_MAX) \
                    and not any(_DIGIT.search(item) for item in items) \
                    and line.lstrip()[:1] not in LIST_MARKS and "→" not in line:
                yield single(index, self.name, self.category, Confidence.LIKELY,
                             f"a path of {len(items)} short items")


def _after_here(items: list[str], homes: frozenset[str]) -> list[str]:
    """``items`` with a first item that opens with one of the lexicon's first crumbs and
    a colon ('Sie sind hier: Startseite', '当前位置：首页') split in two at the colon: the
    words that say where the reader is, then the path's first item."""
    if not items:
        return items
    for colon in COLONS:
        head, found, rest = items[0].partition(colon)
        if found and rest.strip() and line_key(head) in homes:
            return [head.strip(), rest.strip(), *items[1:]]
    return items


RULE = BreadcrumbRule()
