"""Page chrome around the article: what lies outside the article's span of prose.

Whole-page text (menus, sidebars, teasers, footers, then the article, then more of the
same) is scored line by line: article prose counts for its length, rows of a data
table (standings, schedules, rankings) count a little, every other line costs a
little, menu-like lines cost more. The span with the highest total (a maximum
subarray, as in body-text extraction) is the article; short lines outside it are page
chrome, and rows of a data table inside it are guarded as content (the line model, which
sees one line at a time, would take a schedule's rows for a menu). The rule stays silent
on text that is mostly article already (an extractor's output, a clean page): it needs
many non-prose lines outside the span.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import regex

from ..features import list_marker
from ..labels import Category, Confidence, Guard
from ..patterns import match
from .base import Finding, ScanContext, navigation_words, single
from .dates import date_pattern

#: What a non-prose line costs, in characters of prose: menu-like entries cost more
#: than lines with several words (headings, captions, list items stay in the span).
MENU_LINE_COST = 60
OTHER_LINE_COST = 25
#: Bulleted lines ('- Paid Social') are an article's lists far more often than menus in
#: whole-page text, which carries no bullets: they cost little and never gate the rule.
LIST_LINE_COST = 5
#: A prose line counts for its characters up to this cap, plus a bonus per paragraph,
#: so that one long footer paragraph does not outweigh a short article of several.
PROSE_LINE_CAP = 400
PARAGRAPH_BONUS = 100
#: Lines with at least this many words cost OTHER_LINE_COST.
WORDY_LINE_WORDS = 4
#: The article span needs this many characters of prose...
ARTICLE_PROSE_MIN = 400
#: ...and the page this many non-blank lines outside it...
OUTSIDE_LINES_MIN = 15
#: ...and this share of its non-blank lines menu-like: whole-page text has 25-85 %, an
#: extractor's output mostly under 20 %...
CHROME_SHARE_MIN = 0.25
#: ...and at least this many lines that are navigation words ('Home', 'Privacy Policy'):
#: whole-page text nearly always has them, an extractor's output almost never.
NAVIGATION_LINES_MIN = 3
#: ...or, in any language (menus in a language without a lexicon name nothing the
#: lexicon knows), a run of at least this many menu-like lines in a row: an extractor's
#: output holds no such run, whole-page text nearly always does.
MENU_RUN_MIN = 15
#: A run of at most this many non-prose lines between two stretches of prose (headings,
#: captions, a post's header) costs at most RUN_COST_MAX: the article goes on past it.
SHORT_RUN_LINES = 10
RUN_COST_MAX = 120
#: ...and a run of at most this many plain lines (no earlier rule removes them, none is a
#: navigation word: an article's list of short items, not a menu) costs the same.
PLAIN_RUN_LINES = 30
#: Rows of a data table (standings, a schedule, a ranking) count for the article like
#: a short stretch of prose: menus and footers hold no runs of numeric lines. A row is
#: a non-prose line of DATA_ROW_WORDS words with at least DATA_ROW_NUMBERS numbers, in
#: a run of at least DATA_RUN_MIN such lines.
DATA_ROW_SCORE = 30
DATA_ROW_WORDS = (2, 30)
DATA_ROW_NUMBERS = 2
DATA_RUN_MIN = 5
#: A second span of prose outside the best one that scores at least this share of it,
#: with at least RIVAL_PROSE_LINES prose lines, makes the choice between them a guess:
#: the article span then reaches over both (menus between them are left to the rules
#: that find menus), rather than dropping an article that lost to a long footer.
RIVAL_SPAN_SHARE = 0.6
RIVAL_PROSE_LINES = 2
#: Lines just before the span kept as its title and subtitle (when they are not menu-like).
TITLE_LINES = 3
#: Prose outside the span this many non-blank lines away is chrome too (teasers, footers).
FAR_PROSE_LINES = 5

_NUMBER = regex.compile(r"\d+", regex.V1)


@dataclass(frozen=True)
class OutsideArticleRule:
    """Lines outside the page's main span of article prose."""

    name: str = "outside_article"
    uses_prior: bool = True
    category: Category = Category.OUTSIDE_ARTICLE
    description: str = (
        "page chrome around the article in whole-page text (menus, sidebars, footers), "
        "found as the span of lines with the most article prose"
    )

    def scan(self, ctx: ScanContext) -> Iterator[Finding]:
        if ctx.forum:
            return
        doc, table = ctx.doc, ctx.table
        order = doc.content
        if not order or not ctx.whole_page:
            return
        rows = _data_rows(ctx, order)
        plain = _plain_lines(ctx, order)
        scores = _cap_short_runs(
            [DATA_ROW_SCORE if i in rows else self._score(ctx, i) for i in order],
            [table.prose[i] or i in rows for i in order], plain)
        first, last, total = _best_span(scores)
        if first is None or total < ARTICLE_PROSE_MIN:
            return
        first, last = _widen_to_rival(scores, first, last, total)
        outside = len(order) - (last - first + 1)
        if outside < OUTSIDE_LINES_MIN:
            return
        start = first
        for _ in range(TITLE_LINES):
            if start == 0:
                break
            candidate = order[start - 1]
            if table.menu_like[candidate] or table.words[candidate] < WORDY_LINE_WORDS:
                break
            start -= 1
        span = (order[start], order[last])
        yield from self._marks(ctx, order[:start], span, before=True)
        yield from self._marks(ctx, order[last + 1:], span, before=False)
        for index in order[start:last + 1]:
            if index in rows:
                yield Guard(index, index, self.name, "a row of a data table in the article")

    @staticmethod
    def _score(ctx: ScanContext, index: int) -> int:
        table = ctx.table
        if ctx.prior.get(index, 0.0) >= ctx.thresholds.min_confidence:
            return -MENU_LINE_COST  # already known noise: a cookie notice, other stories' teasers
        if table.prose[index]:
            return min(len(ctx.doc.lines[index]), PROSE_LINE_CAP) + PARAGRAPH_BONUS
        if _bulleted(ctx.doc.lines[index]):
            return -LIST_LINE_COST
        if table.words[index] >= WORDY_LINE_WORDS:
            return -OTHER_LINE_COST
        return -MENU_LINE_COST

    def _marks(self, ctx: ScanContext, lines: list[int], span: tuple[int, int],
               before: bool) -> Iterator[Finding]:
        where = "before" if before else "after"
        near = lines[-FAR_PROSE_LINES:] if before else lines[:FAR_PROSE_LINES]
        for index in lines:
            wordy = ctx.table.words[index] >= WORDY_LINE_WORDS or _bulleted(ctx.doc.lines[index])
            if ctx.table.prose[index] or wordy:
                confidence = Confidence.WEAK if index in near else Confidence.LIKELY
                kind = "prose" if ctx.table.prose[index] else "text"
                reason = f"{kind} {where} the article's span (lines {span[0] + 1}-{span[1] + 1})"
            else:
                confidence = Confidence.LIKELY
                reason = f"page chrome {where} the article's span (lines {span[0] + 1}-{span[1] + 1})"
            yield single(index, self.name, self.category, confidence, reason)


def _plain_lines(ctx: ScanContext, order: list[int]) -> list[bool]:
    """Whether each line is plain: no earlier rule removes it and it is no navigation
    word. In a language without a lexicon of its own nothing is plain: the lexicon cannot
    tell its menus from an article's lists."""
    if ctx.language not in ctx.lexicon.languages:
        return [False] * len(order)
    navigation = navigation_words(ctx)
    return [ctx.prior.get(i, 0.0) < ctx.thresholds.min_confidence
            and ctx.table.keys[i] not in navigation for i in order]


def _cap_short_runs(scores: list[int], prose: list[bool], plain: list[bool]) -> list[int]:
    """Spread a capped cost over each short run of non-prose lines between prose."""
    capped = list(scores)
    position = 0
    while position < len(scores):
        if prose[position]:
            position += 1
            continue
        end = position
        while end < len(scores) and not prose[end]:
            end += 1
        inner = 0 < position and end < len(scores)
        length = end - position
        cost = -sum(scores[position:end])
        short = length <= SHORT_RUN_LINES or (
            length <= PLAIN_RUN_LINES and all(plain[position:end]))
        if inner and short and cost > RUN_COST_MAX:
            share, extra = divmod(RUN_COST_MAX, length)
            for offset in range(length):
                capped[position + offset] = -(share + (1 if offset < extra else 0))
        position = end
    return capped


def is_whole_page(ctx: ScanContext) -> bool:
    """Whether the text is a whole page (menus, navigation words, then the article...)
    rather than an article already extracted: many menu-like lines, and either several
    lines that are navigation words or one long run of menu-like lines."""
    doc, keys, menu = ctx.doc, ctx.table.keys, ctx.table.menu_like
    order = doc.content
    menu_like = sum(1 for i in order if menu[i] and not _bulleted(doc.lines[i]))
    if not order or menu_like < CHROME_SHARE_MIN * len(order):
        return False
    navigation = navigation_words(ctx)
    if sum(1 for i in order if keys[i] in navigation) >= NAVIGATION_LINES_MIN:
        return True
    return _longest_menu_run(ctx, order) >= MENU_RUN_MIN


def _longest_menu_run(ctx: ScanContext, order: list[int]) -> int:
    """The most menu-like lines (not bulleted) in a row among the non-blank lines."""
    longest = current = 0
    for index in order:
        if ctx.table.menu_like[index] and not _bulleted(ctx.doc.lines[index]):
            current += 1
            longest = max(longest, current)
        else:
            current = 0
    return longest


def _data_rows(ctx: ScanContext, order: list[int]) -> set[int]:
    """Lines of data tables: runs of at least ``DATA_RUN_MIN`` non-blank lines that are not
    prose and each hold several numbers or open with a date (standings, schedules, tour
    dates, rankings, specs)."""
    table, lines = ctx.table, ctx.doc.lines
    dated = date_pattern(ctx.lexicon.phrases("month"))
    digits = table.holds_digit  # both checks below need a digit
    numeric = [not table.prose[i] and DATA_ROW_WORDS[0] <= table.words[i] <= DATA_ROW_WORDS[1]
               and digits[i] and (len(_NUMBER.findall(lines[i])) >= DATA_ROW_NUMBERS
                    or match(dated, lines[i].lstrip(), ctx.timeout) is not None)
               for i in order]
    rows: set[int] = set()
    position = 0
    while position < len(order):
        end = position
        while end < len(order) and numeric[end]:
            end += 1
        if end - position >= DATA_RUN_MIN:
            rows.update(order[position:end])
        position = end + 1
    return rows


def _bulleted(line: str) -> bool:
    return list_marker(line) is not None


def _widen_to_rival(scores: list[int], first: int, last: int, total: int) -> tuple[int, int]:
    """The span from ``first`` to ``last``, reaching over the strongest other span of
    prose when that one scores nearly as high (``RIVAL_SPAN_SHARE``)."""
    before_first, before_last, before_total = _best_span(scores[:first])
    after_first, after_last, after_total = _best_span(scores[last + 1:])
    if before_total >= after_total and before_first is not None:
        rival, rival_total = (before_first, before_last), before_total
    elif after_first is not None:
        rival, rival_total = (after_first + last + 1, after_last + last + 1), after_total
    else:
        return first, last
    prose_lines = sum(1 for score in scores[rival[0]:rival[1] + 1] if score > 0)
    if rival_total < RIVAL_SPAN_SHARE * total or prose_lines < RIVAL_PROSE_LINES:
        return first, last
    return min(first, rival[0]), max(last, rival[1])


def _best_span(scores: list[int]) -> tuple[int | None, int, int]:
    """The contiguous run of ``scores`` with the highest sum: (first, last, sum)."""
    best, best_first, best_last = 0, None, -1
    running, running_first = 0, 0
    for position, score in enumerate(scores):
        if running <= 0:
            running, running_first = score, position
        else:
            running += score
        if running > best:
            best, best_first, best_last = running, running_first, position
    return best_first, best_last, best


RULE = OutsideArticleRule()
