"""Breadcrumb paths: 'Home » Tech » Mobiles » Title', 'News > World > Europe'."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import regex

from ..labels import Category, Confidence
from ..lexicon import normalize
from ..patterns import BOL, EOL, INLINE, compile_pattern, scan_lines
from .base import Finding, ScanContext, single

#: Separators that need no spaces around them.
TIGHT_SEPARATORS = "»›→▸►⟩〉"
#: Longest breadcrumb line, in characters.
BREADCRUMB_CHARS_MAX = 300
#: Longest crumb (every item but the last), in words and characters.
CRUMB_WORDS_MAX = 5
CRUMB_CHARS_MAX = 40
#: Longest last item of a path that does not start at 'Home', in words.
LAST_CRUMB_WORDS_MAX = 6
#: Longest last item after 'Home' (often the page title), in words.
TITLE_CRUMB_WORDS_MAX = 30
#: Characters that never stand in a crumb: sentence punctuation and quotation marks.
NOT_IN_CRUMB = frozenset(":;!?«»\"“”„‚‘’")

_CANDIDATE = compile_pattern(
    f"{BOL}(?={INLINE}{{0,{BREADCRUMB_CHARS_MAX}}}{EOL})"
    f"(?={INLINE}*?(?:[{TIGHT_SEPARATORS}]|\\s(?:>++|/|\\\\)\\s))"
)
_SPLIT = regex.compile(
    f"\\s*(?:[{TIGHT_SEPARATORS}]+|(?<=\\s)(?:>+|/|\\\\)(?=\\s))\\s*", regex.V1
)
_LETTER = regex.compile(r"\p{L}", regex.V1)
_HERE = regex.compile(r"^\W*you\s+are\s+here\W*", regex.V1 | regex.IGNORECASE)


def _is_crumb(item: str, max_words: int) -> bool:
    return (
        len(item.split()) <= max_words
        and len(item) <= (CRUMB_CHARS_MAX if max_words <= CRUMB_WORDS_MAX else 400)
        and _LETTER.search(item) is not None
        and not NOT_IN_CRUMB.intersection(item)
        and not item.endswith(".")
    )


def breadcrumb_items(line: str) -> list[str]:
    """The items of ``line`` split at breadcrumb separators (empty items dropped)."""
    return [item.strip() for item in _SPLIT.split(_HERE.sub("", line)) if item.strip()]


@dataclass(frozen=True)
class BreadcrumbRule:
    """Paths of short items joined by », >, /, › or →, often starting at 'Home'."""

    name: str = "breadcrumb_path"
    category: Category = Category.BREADCRUMB
    description: str = "breadcrumb paths ('Home » Tech » Mobiles', 'News > World > Europe')"

    def scan(self, ctx: ScanContext) -> Iterator[Finding]:
        homes = ctx.lexicon.words("breadcrumb_home")
        for index, _ in scan_lines(_CANDIDATE, ctx.doc, ctx.timeout):
            items = breadcrumb_items(ctx.doc.lines[index])
            if len(items) < 2 or not all(_is_crumb(i, CRUMB_WORDS_MAX) for i in items[:-1]):
                continue
            if normalize(items[0]) in homes and _is_crumb(items[-1], TITLE_CRUMB_WORDS_MAX):
                yield single(index, self.name, self.category, Confidence.STRONG,
                             f"a path of {len(items)} items starting at “{items[0]}”")
            elif len(items) >= 3 and _is_crumb(items[-1], LAST_CRUMB_WORDS_MAX):
                yield single(index, self.name, self.category, Confidence.LIKELY,
                             f"a path of {len(items)} short items")


RULE = BreadcrumbRule()
