"""Lists of other stories: 'Trending' / 'More from ...' blocks and runs of headlines."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import regex

from ..features import ends_sentence
from ..labels import Category, Confidence, Label, Mark
from ..patterns import (
    BOL, EDGE, compile_pattern, line_prefix_pattern, scan_lines, trie_alternation,
    whole_line_pattern,
)
from .base import Finding, ScanContext, single

#: A headline has between these many words.
HEADLINE_WORDS_MIN = 3
HEADLINE_WORDS_MAX = 25
HEADLINE_CHARS_MAX = 200
#: Share of capitalised content words that makes a line Title Case.
TITLE_CASE_SHARE = 0.6
#: Share of Title Case lines a run needs when no heading announces it.
TITLE_CASE_RUN_SHARE = 0.6
#: Lines between two headlines that a run absorbs ('2 hours ago', 'Technology').
META_WORDS_MAX = 4
META_LINES_MAX = 3
#: Longest heading that announces a list ('More from The Verge'), in words.
TRIGGER_WORDS_MAX = 6
#: Non-blank lines allowed between the heading and the first headline.
TRIGGER_GAP_MAX = 2
#: Longest single related-story link ('Read more: ...'), in words.
RELATED_WORDS_MAX = 30
#: A run counts as 'at the edge' of the article when no more prose than this follows
#: (or precedes) it, in characters.
EDGE_PROSE_CHARS = 0

_LIST_MARKER = regex.compile(r"^\W*(?:\d{1,2}[.):]?\s+)?", regex.V1)
_WORDS = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*", regex.V1)


def headline_shape(line: str, small: frozenset[str]) -> str | None:
    """``"title"`` (Title Case headline), ``"sentence"`` (sentence-case) or ``None``."""
    text = _LIST_MARKER.sub("", line.strip(), count=1)
    words = text.split()
    if not HEADLINE_WORDS_MIN <= len(words) <= HEADLINE_WORDS_MAX or len(text) > HEADLINE_CHARS_MAX:
        return None
    if text[-1] in ".,;:" and not text.endswith("..."):
        return None
    if not (text[0].isupper() or text[0].isdigit() or text[0] in "\"'“‘«¿¡"):
        return None
    content = [w for w in _WORDS.findall(text) if w.casefold() not in small]
    if not content:
        return None
    capitalised = sum(1 for w in content if w[0].isupper() or w[0].isdigit())
    return "title" if capitalised >= TITLE_CASE_SHARE * len(content) else "sentence"


@dataclass(frozen=True)
class HeadlineListRule:
    """Runs of other stories' titles, announced by a heading or standing after the article."""

    name: str = "headline_list"
    category: Category = Category.HEADLINE_LIST
    description: str = (
        "lists of other stories' titles ('Trending', 'More from ...', or a run of "
        "headlines after the article)"
    )

    def scan(self, ctx: ScanContext) -> Iterator[Finding]:
        doc, features, thresholds = ctx.doc, ctx.features, ctx.thresholds
        small = ctx.lexicon.words("title_small_word")
        triggers = self._triggers(ctx)
        runs = self._runs(ctx, small)
        announced: set[int] = set()
        for titles, shapes in runs:
            trigger = self._trigger_before(doc, titles[0], triggers)
            count = len(titles)
            if trigger is not None and count >= thresholds.headline_run_min_after_trigger:
                announced.add(trigger)
                reason = f"{count} headlines after the heading “{doc.lines[trigger].strip()}”"
                yield Mark(trigger, titles[-1],
                           Label(self.name, self.category, Confidence.STRONG, reason))
                continue
            if count < thresholds.headline_run_min:
                continue
            if shapes.count("title") < TITLE_CASE_RUN_SHARE * count:
                continue
            after = features.prose_after(titles[-1]) <= EDGE_PROSE_CHARS
            before = features.prose_before(titles[0]) <= EDGE_PROSE_CHARS
            if after and features.prose_before(titles[0]) > 0:
                where = "after the article"
            elif before and count >= 2 * thresholds.headline_run_min and features.prose_after(titles[-1]) > 0:
                where = "before the article"
            else:
                continue
            yield Mark(titles[0], titles[-1], Label(
                self.name, self.category, Confidence.LIKELY,
                f"a run of {count} headlines {where}"))
        for index, whole in triggers.items():
            if whole and index not in announced and features.prose_after(index) == 0:
                yield single(index, self.name, self.category, Confidence.LIKELY,
                             "a list heading with no article after it")

    @staticmethod
    def _triggers(ctx: ScanContext) -> dict[int, bool]:
        """Heading lines -> whether the whole line is a heading phrase."""
        phrases = ctx.lexicon.phrases("headline_trigger")
        found: dict[int, bool] = {}
        for index, _ in scan_lines(whole_line_pattern(phrases), ctx.doc, ctx.timeout):
            found[index] = True
        for index, _ in scan_lines(line_prefix_pattern(phrases), ctx.doc, ctx.timeout):
            line = ctx.doc.lines[index]
            if index not in found and len(line.split()) <= TRIGGER_WORDS_MAX and not ends_sentence(line):
                found[index] = False
        return found

    @staticmethod
    def _trigger_before(doc, first: int, triggers: dict[int, bool]) -> int | None:
        seen = 0
        probe = first - 1
        while probe >= 0 and seen <= TRIGGER_GAP_MAX:
            if probe in triggers:
                return probe
            if not doc.blank[probe]:
                seen += 1
            probe -= 1
        return None

    @staticmethod
    def _runs(ctx: ScanContext, small: frozenset[str]) -> list[tuple[list[int], list[str]]]:
        doc, prose = ctx.doc, ctx.features.prose
        runs: list[tuple[list[int], list[str]]] = []
        titles: list[int] = []
        shapes: list[str] = []
        pending = 0
        for index, line in enumerate(doc.lines):
            if doc.blank[index]:
                continue
            shape = None if prose[index] else headline_shape(line, small)
            if shape is not None:
                titles.append(index)
                shapes.append(shape)
                pending = 0
                continue
            if titles and pending < META_LINES_MAX and len(line.split()) <= META_WORDS_MAX \
                    and not ends_sentence(line):
                pending += 1
                continue
            if titles:
                runs.append((titles, shapes))
            titles, shapes, pending = [], [], 0
        if titles:
            runs.append((titles, shapes))
        return runs


@dataclass(frozen=True)
class RelatedLinkRule:
    """Single links to other stories: 'Read more: ...', 'Related: ...', 'See also: ...'."""

    name: str = "related_link"
    category: Category = Category.HEADLINE_LIST
    description: str = "single links to other stories ('Read more: ...', 'RELATED: ...')"

    def scan(self, ctx: ScanContext) -> Iterator[Finding]:
        phrases = ctx.lexicon.phrases("related_prefix")
        pattern = compile_pattern(
            f"{BOL}{EDGE}{trie_alternation(phrases)}[^\\S\\n\\r]*+[:：|»›>–—]"
        )
        for index, match in scan_lines(pattern, ctx.doc, ctx.timeout):
            if len(ctx.doc.lines[index].split()) <= RELATED_WORDS_MAX:
                opener = " ".join(match.group().split())
                yield single(index, self.name, self.category, Confidence.STRONG,
                             f"the line opens with “{opener}”")


HEADLINE_LIST = HeadlineListRule()
RELATED_LINK = RelatedLinkRule()
