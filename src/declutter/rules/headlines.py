"""Lists of other stories: 'Trending' / 'More from ...' blocks and runs of headlines."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Callable, Iterator

import regex

from ..features import UNSPACED_CHARS_PER_WORD, ends_sentence, is_table_row, list_marker
from ..labels import Category, Confidence, Label, Mark
from ..line_facts import unspaced_words
from ..table import unspaced
from .base import Finding, ScanContext, single
from .closing import PARAGRAPH_WORDS_MIN
from .dates import BARE_DATE_CHARS_MAX, has_date

#: A headline has between these many words.
HEADLINE_WORDS_MIN = 3
HEADLINE_WORDS_MAX = 25
HEADLINE_CHARS_MAX = 200
#: Share of capitalised content words that makes a line Title Case.
TITLE_CASE_SHARE = 0.6
#: Share of Title Case lines a run needs when no heading announces it.
TITLE_CASE_RUN_SHARE = 0.6
#: Runs of sentence-case lines this long on average (headline and summary on one line,
#: 'Pochettino fired by Tottenham The club ...') with at least TEASER_RUN_MIN lines are
#: teaser lists too.
TEASER_WORDS_MEAN = 10
TEASER_RUN_MIN = 5
#: Fewest headline+summary pairs that make a teaser list.
TEASER_PAIRS_MIN = 3
#: Longest teaser summary, in words.
TEASER_SUMMARY_WORDS_MAX = 45
#: The article's other prose must be at least this many times the teasers' summaries.
ARTICLE_OUTWEIGHS = 2
#: Teasers with article prose this few non-blank lines before and after them are more
#: often the article's own sections (a heading and a paragraph, several times): they get
#: a weak label, and the span of article prose decides.
ENCLOSED_TEASER_LINES = 2
#: Lines between two headlines that a run absorbs ('2 hours ago', 'Technology'), and
#: short lines with a date.
META_WORDS_MAX = 4
META_LINES_MAX = 3
#: Lines a teaser's headline and summary may have between them: its byline and date.
BYLINE_LINES_MAX = 2
#: Share of a run's lines opening with the same word that makes it a structured list.
STRUCTURED_SHARE = 0.5
#: Items under one bullet before a run of sentence-case teasers that make the run the
#: text's own list, continued.
LISTED_BEFORE_MIN = 3
#: Share of a run's lines holding digits that makes it data (schedules, prices), not titles.
NUMBERED_SHARE = 0.6
#: Share of a run's lines using structural punctuation that makes it a list of items.
MARKED_SHARE = 0.6
#: Punctuation that gives list items a shared structure ('June 9 -- Arena, City').
STRUCTURE_MARKS = "-–—@|:•/()[]<>~"
#: Lines holding these never stand in a headline list (links are the list's content).
LINK_MARKS = ("http://", "https://", "www.")
#: In a script without letter case, a headline ends with none of these (a sentence or a
#: clause goes on), and holds no full stop.
UNCASED_CLOSING_MARKS = frozenset(".,;:。，；：、")
UNCASED_FULL_STOPS = ("。",)
#: Quotation marks and brackets that may open a headline in those scripts ('「あずきバー」
#: 事件', '【速報】...'): the headline's script is that of its first letter after them.
UNCASED_OPENING_MARKS = "「『【〈《（〔\"'“‘(["
#: Longest heading that announces a list ('More from The Verge'), in words.
TRIGGER_WORDS_MAX = 6
#: Non-blank lines allowed between the heading and the first headline.
TRIGGER_GAP_MAX = 2
#: A list heading near the end of the text takes the lines after it to the end when they
#: are at most this many and none is a paragraph (``closing.PARAGRAPH_WORDS_MIN`` words or
#: more: 'Related content', a question, a promotion are the list's items and blurbs).
TRIGGER_TAIL_LINES_MAX = 12
#: Characters that follow the opener of a related-story link ('Read more: ...').
RELATED_SEPARATORS = tuple(":：|»›>–—")
#: ...and the closing bracket of an opener set in brackets ('【関連記事】...', '[Related]
#: ...'), whose opening bracket the line's key drops; a bracketed opener alone is a
#: heading, not a link's label.
RELATED_BRACKETS = tuple("]】")
#: Longest single related-story link ('Read more: ...'), in words.
RELATED_WORDS_MAX = 30
#: A site's domain name after a related-story opener ('Also on example.com ...').
_DOMAIN = regex.compile(r"[\w-]+(?:\.[\w-]+)*\.\p{Ll}{2,}")
#: Endings of a summary cut short by the page ('... deemed stateless...', 'become […]').
TRUNCATION_MARKS = ("...", "…", "[…]", "[...]", "(…)", "(...)")
#: Fewest words a truncated line needs to count as a cut summary.
TRUNCATED_WORDS_MIN = 5
#: Fewest truncated lines that make a run of teasers...
TRUNCATED_RUN_MIN = 3
#: ...each at most this many non-blank lines after the one before (headline, date...).
TRUNCATED_GAP_LINES = 3
#: A run counts as 'at the edge' of the article when no more prose than this follows
#: (or precedes) it, in characters.
EDGE_PROSE_CHARS = 0

#: Fewest invitations to other pages ('Learn about the paleo diet and why ...') that
#: make a page's links, not its sentences...
INVITATIONS_MIN = 3
#: ...each a line of this many words (a link's text: more than a heading's few words,
#: less than a paragraph)...
INVITATION_WORDS_MIN = 4
INVITATION_WORDS_MAX = 16
#: ...or, in a language written without spaces, of this many characters.
INVITATION_CHARS_MIN = 6
INVITATION_CHARS_MAX = 40

_LIST_MARKER = regex.compile(r"^\W*(?:\d{1,2}[.):]?\s+)?", regex.V1)
_WORDS = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*", regex.V1)


def headline_shape(line: str, small: frozenset[str], chars_per_word: float = 0.0) -> str | None:
    """``"title"`` (Title Case headline), ``"sentence"`` (sentence-case) or ``None``.

    In a script without letter case (``chars_per_word`` given: the text's language is
    written without spaces, see :data:`declutter.features.UNSPACED_CHARS_PER_WORD`) a
    headline is told by its length and its punctuation alone: a headline's number of
    words, no full stop inside, no sentence or clause mark at its end; its shape is
    ``"sentence"``."""
    if is_table_row(line):
        return None
    text = _LIST_MARKER.sub("", line.strip(), count=1)
    if any(mark in text for mark in LINK_MARKS):
        return None
    words = text.split()
    if chars_per_word and unspaced(text.lstrip(UNCASED_OPENING_MARKS)[:1]):
        return _uncased_shape(text, words, chars_per_word)
    if not HEADLINE_WORDS_MIN <= len(words) <= HEADLINE_WORDS_MAX or len(text) > HEADLINE_CHARS_MAX:
        return None
    if text[-1] in ".,;:" and not text.endswith("..."):
        return None
    if not (text[0].isupper() or text[0].isdigit() or text[0] in "\"'“‘«¿¡"):
        return None
    capitalised, content = _capitalisation(text, small)
    if not content:
        return None
    return "title" if capitalised >= TITLE_CASE_SHARE * content else "sentence"


def _uncased_shape(text: str, words: list[str], chars_per_word: float) -> str | None:
    """:func:`headline_shape` of ``text`` in a script without letter case."""
    count = unspaced_words(words, chars_per_word)
    if not HEADLINE_WORDS_MIN <= count <= HEADLINE_WORDS_MAX or len(text) > HEADLINE_CHARS_MAX:
        return None
    if text[-1] in UNCASED_CLOSING_MARKS or any(mark in text for mark in UNCASED_FULL_STOPS):
        return None
    return "sentence"


def _capitalisation(text: str, small: frozenset[str]) -> tuple[int, int]:
    """How many of the words of ``text`` other than the ``small`` ones ('of', 'the') are
    capitalised (or numbers), and how many such words there are."""
    content = [w for w in _WORDS.findall(text) if w.casefold() not in small]
    return sum(1 for w in content if w[0].isupper() or w[0].isdigit()), len(content)


def headline_shapes(ctx: ScanContext) -> list[str | None]:
    """:func:`headline_shape` of every line that may be a headline (``None`` for the
    others), computed once per document."""
    small = ctx.lexicon.words("title_small_word")
    chars_per_word = UNSPACED_CHARS_PER_WORD.get(ctx.table.language, 0.0)

    def compute(table) -> list[str | None]:
        shapes = table.line_column(f"headline shape of short lines ({chars_per_word})",
                                   partial(_shape_of_short, small=small,
                                           chars_per_word=chars_per_word))
        return [None if prose else shape for shape, prose in zip(shapes, table.prose)]

    return ctx.table.column("headline_shape", compute)


def _shape_of_short(line: str, small: frozenset[str], chars_per_word: float = 0.0) -> str | None:
    """:func:`headline_shape` of a line of a headline's length in words, else ``None``."""
    if chars_per_word and unspaced(line.lstrip().lstrip(UNCASED_OPENING_MARKS)[:1]):
        return headline_shape(line, small, chars_per_word)
    words = len(line.split())
    if HEADLINE_WORDS_MIN <= words <= HEADLINE_WORDS_MAX + 1:
        return headline_shape(line, small)
    return None


def _signature(line: str, months: frozenset[str]) -> tuple[str, bool, str]:
    """The shape of a list item: the kind of its first word, whether it holds digits,
    and the structural punctuation it uses."""
    line = _LIST_MARKER.sub("", line.strip(), count=1) if line.lstrip()[:1] in "-–—•*" else line
    words = line.split()
    first = words[0].casefold().strip(".,:;-–—()[]") if words else ""
    if first[:1].isdigit():
        kind = "number"
    elif first in months:
        kind = "month"
    else:
        kind = first
    marks = "".join(sorted(set(c for c in line if c in STRUCTURE_MARKS)))
    return kind, any(c.isdigit() for c in line), marks


def _structured(lines: list[str], titles: list[int], months: frozenset[str]) -> bool:
    """Whether most lines of a run share one shape (tour dates, schedules, product
    specs, 'Name -- Place' items): a list that belongs to the article, not other
    stories' titles, which vary."""
    shapes = [_signature(lines[i], months) for i in titles]
    common = max(set(shapes), key=shapes.count)
    same_kind = max(shapes.count(s) for s in set(shapes))
    first_kinds = [s[0] for s in shapes]
    same_first = max(first_kinds.count(k) for k in set(first_kinds))
    informative = common[1] or bool(common[2])
    numbered = sum(1 for s in shapes if s[1])
    marked = sum(1 for s in shapes if s[2])
    return (same_first >= STRUCTURED_SHARE * len(titles)
            or (informative and same_kind >= STRUCTURED_SHARE * len(titles))
            or numbered >= NUMBERED_SHARE * len(titles)
            or marked >= MARKED_SHARE * len(titles))


def _continues_the_lists(ctx: ScanContext, titles: list[int]) -> bool:
    """Whether most lines of a run are items under the bullet that the text before it
    uses for LISTED_BEFORE_MIN items or more: the last section of a checklist ('After the
    Wedding', '- Collect your marriage certificate'), not other stories' teasers."""
    lines = ctx.doc.lines
    markers = [list_marker(lines[i]) for i in titles]
    common = max(set(markers), key=markers.count)
    if common is None or markers.count(common) < STRUCTURED_SHARE * len(titles):
        return False
    before = ctx.doc.content[:ctx.doc.content_rank[titles[0]] - 1]
    return sum(1 for i in before if list_marker(lines[i]) == common) >= LISTED_BEFORE_MIN


def _list_item(doc, index: int) -> bool:
    """Whether line ``index`` carries the same bullet as the non-blank line before it:
    an item of a list ('- New tasks!', '- More questions for your opponent'), not the
    heading of one."""
    marker = list_marker(doc.lines[index])
    if marker is None:
        return False
    position = doc.content_rank[index] - 1  # the line's place among the non-blank lines
    return position > 0 and list_marker(doc.lines[doc.content[position - 1]]) == marker


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
        doc, table, thresholds = ctx.doc, ctx.table, ctx.thresholds
        months = ctx.lexicon.words("month")
        triggers = self._triggers(ctx)
        runs = self._runs(ctx, triggers)
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
            if count < thresholds.headline_run_min or ctx.forum:
                continue
            if _structured(doc.lines, titles, months):
                continue
            teasers = sum(table.words[i] for i in titles) >= TEASER_WORDS_MEAN * count
            if teasers and _continues_the_lists(ctx, titles):
                continue
            if shapes.count("title") < TITLE_CASE_RUN_SHARE * count and not (
                    teasers and count >= TEASER_RUN_MIN):
                continue
            after = table.prose_after(titles[-1]) <= EDGE_PROSE_CHARS
            before = table.prose_before(titles[0]) <= EDGE_PROSE_CHARS
            if after and table.prose_before(titles[0]) > 0:
                where = "after the article"
            elif before and count >= 2 * thresholds.headline_run_min and table.prose_after(titles[-1]) > 0:
                where = "before the article"
            elif ctx.whole_page and count > thresholds.headline_run_min \
                    and shapes.count("title") >= TITLE_CASE_RUN_SHARE * count:
                where = "in a whole page, beside the article"
            else:
                continue
            yield Mark(titles[0], titles[-1], Label(
                self.name, self.category, Confidence.LIKELY,
                f"a run of {count} headlines {where}"))
        for index, whole in triggers.items():
            if not whole or index in announced:
                continue
            tail = _closing_tail(ctx, index)
            if tail:
                yield Mark(index, tail[-1], Label(
                    self.name, self.category, Confidence.LIKELY,
                    f"a list heading and the {len(tail)} short lines after it that close "
                    "the text"))
            elif table.prose_after(index) == 0:
                yield single(index, self.name, self.category, Confidence.LIKELY,
                             "a list heading with no article after it")

    @staticmethod
    def _triggers(ctx: ScanContext) -> dict[int, bool]:
        """Heading lines -> whether the whole line is a heading phrase. On an extractor's
        text only a line that is the phrase alone ('Related articles', 'You might also
        like:') announces other stories: one that goes on ('Recommended books for
        managers', 'Popular renovations include:') heads the article's own list, and the
        page's chrome, where such headings name a site ('More from Example News'), is
        mostly gone."""
        phrases = ctx.lexicon.phrases("headline_trigger")
        table = ctx.table
        found: dict[int, bool] = {index: True for index, _ in table.lines_with_key(phrases)}
        if not ctx.whole_page:
            return found
        for index, _ in table.lines_opening_with(phrases):
            if index not in found and table.words[index] <= TRIGGER_WORDS_MAX \
                    and not ends_sentence(ctx.doc.lines[index]) \
                    and not _list_item(ctx.doc, index):
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
    def _runs(ctx: ScanContext, triggers: dict[int, bool]) -> list[tuple[list[int], list[str]]]:
        doc, table = ctx.doc, ctx.table
        words = table.words
        shapes_of = headline_shapes(ctx)
        runs: list[tuple[list[int], list[str]]] = []
        titles: list[int] = []
        shapes: list[str] = []
        pending = 0
        for index, line in enumerate(doc.lines):
            count = words[index]
            if count == 0:
                continue
            # a list heading ('More on this story') opens a run, never stands in one
            shape = None if index in triggers else shapes_of[index]
            if shape is not None:
                titles.append(index)
                shapes.append(shape)
                pending = 0
                continue
            if titles and pending < META_LINES_MAX \
                    and (count <= META_WORDS_MAX or _date_line(ctx, line)) \
                    and not ends_sentence(line) and not any(m in line for m in LINK_MARKS):
                pending += 1
                continue
            if titles:
                runs.append((titles, shapes))
            titles, shapes, pending = [], [], 0
        if titles:
            runs.append((titles, shapes))
        return runs


def _date_line(ctx: ScanContext, line: str) -> bool:
    """Whether ``line`` is a short line holding a date: a headline's date between two
    headlines of a list, however many words its script makes of it ('2013年04月09日')."""
    return len(line) <= BARE_DATE_CHARS_MAX and has_date(line, ctx.lexicon, ctx.timeout)


def _closing_tail(ctx: ScanContext, heading: int) -> list[int]:
    """The non-blank lines after the list heading ``heading`` to the end of the text,
    when there are one to ``TRIGGER_TAIL_LINES_MAX`` of them and none is a paragraph
    (the links, blurbs and a button of the list it announces); else ``[]``."""
    order, rank = ctx.doc.content, ctx.doc.content_rank
    tail = order[rank[heading]:]
    if not 0 < len(tail) <= TRIGGER_TAIL_LINES_MAX:
        return []
    if any(ctx.table.words[i] >= PARAGRAPH_WORDS_MIN
           and list_marker(ctx.doc.lines[i]) is None for i in tail):
        return []
    return tail


@dataclass(frozen=True)
class RelatedLinkRule:
    """Single links to other stories: 'Read more: ...', 'Related: ...', 'See also: ...';
    and the label alone ('More:') where the extraction lost the link."""

    name: str = "related_link"
    category: Category = Category.HEADLINE_LIST
    description: str = ("single links to other stories ('Read more: ...', 'RELATED: ...', "
                        "'Also on example.com ...'), and their label left alone ('More:')")

    def scan(self, ctx: ScanContext) -> Iterator[Finding]:
        table = ctx.table
        for index, opener in table.lines_opening_with(ctx.lexicon.phrases("related_prefix")):
            rest = table.keys[index][len(opener):].lstrip(" ")
            if table.words[index] > RELATED_WORDS_MAX:
                continue
            if rest[:1] in RELATED_SEPARATORS + RELATED_BRACKETS and rest[1:].strip():
                yield single(index, self.name, self.category, Confidence.STRONG,
                             f"the line opens with “{opener}:”")
            elif not rest and ctx.doc.lines[index].strip()[-1:] in RELATED_SEPARATORS:
                # 'More:' alone: the label of a link whose text the extraction lost
                yield single(index, self.name, self.category, Confidence.STRONG,
                             f"the line is only “{opener}:”, a link's label")
            elif _names_site(ctx.doc.lines[index], opener):
                yield single(index, self.name, self.category, Confidence.STRONG,
                             f"the line opens with “{opener}” and a site's name")


def _names_site(line: str, opener: str) -> bool:
    """Whether ``line``, after its related-story ``opener``, names a site's domain and
    goes on to a capitalised headline ('Also on example.com Ministers resign'); a file
    name in a sentence is no site ('Read config.yaml first').

    >>> _names_site("Also on example.com Ministers resign", "also on")
    True
    >>> _names_site("Read config.yaml first and then run it", "read")
    False
    """
    words = line.split(None, len(opener.split()) + 2)[len(opener.split()):]
    return len(words) >= 2 and _DOMAIN.fullmatch(words[0].casefold()) is not None \
        and words[1][:1].isupper()


@dataclass(frozen=True)
class TeaserListRule:
    """Teasers of other stories: headline, one-sentence summary, headline, summary...
    beside an article that outweighs them, in whole-page text."""

    name: str = "teaser_list"
    category: Category = Category.HEADLINE_LIST
    description: str = (
        "teasers of other stories (a headline and a one-line summary, several times) "
        "beside a longer article"
    )

    def scan(self, ctx: ScanContext) -> Iterator[Finding]:
        if ctx.forum or not ctx.whole_page:
            return  # in an extracted article, heading + paragraph pairs are its sections
        doc, table = ctx.doc, ctx.table
        order = doc.content
        total_prose = table.prose_chars_before[-1]
        shapes = headline_shapes(ctx)
        dated = _date_lookup(ctx)
        position = 0
        while position < len(order):
            pairs, end = _teaser_pairs(ctx, order, position, shapes, dated)
            if pairs >= TEASER_PAIRS_MIN:
                first, last = order[position], order[end - 1]
                inside = sum(len(doc.lines[i]) for i in order[position:end] if table.prose[i])
                if total_prose - inside >= ARTICLE_OUTWEIGHS * inside:
                    enclosed = _prose_around(table, order, position, end)
                    yield Mark(first, last, Label(
                        self.name, self.category,
                        Confidence.WEAK if enclosed else Confidence.LIKELY,
                        f"{pairs} teasers of other stories (headline and summary)"
                        + (", between stretches of prose" if enclosed else "")))
                position = end
            else:
                position += 1


def _prose_around(table, order: list[int], start: int, end: int) -> bool:
    """Whether prose lies within ``ENCLOSED_TEASER_LINES`` non-blank lines both before
    ``order[start]`` and from ``order[end]`` on."""
    before = order[max(0, start - ENCLOSED_TEASER_LINES):start]
    after = order[end:end + ENCLOSED_TEASER_LINES]
    return any(table.prose[i] for i in before) and any(table.prose[i] for i in after)


def _teaser_pairs(ctx: ScanContext, order: list[int], start: int, shapes: list[str | None],
                  dated: Callable[[int], bool]) -> tuple[int, int]:
    """How many headline+summary pairs follow from ``order[start]``, and where they end;
    ``dated`` tells whether a line holds a date."""
    table = ctx.table
    pairs, position = 0, start
    while position + 1 < len(order):
        title, after = order[position], position + 1
        if shapes[title] is None:
            break
        skip = after
        while skip < len(order) and skip - position <= BYLINE_LINES_MAX \
                and _meta(table, order[skip]):
            skip += 1
        if skip > after and skip < len(order) and _summary(table, order[skip]) \
                and not dated(title) \
                and all(_name_or_date(ctx, order[i], dated) for i in range(after, skip)):
            after = skip  # 'Tom Rogan', 'Tuesday November 19, 2019' before the summary
        if after >= len(order) or not _summary(table, order[after]):
            break
        pairs += 1
        position = after + 1
        while position < len(order) and _meta(table, order[position]):
            position += 1  # a date, a section name or a byline under the summary
    return pairs, position


def _summary(table, index: int) -> bool:
    """Whether line ``index`` can be a teaser's summary: prose of a sentence or two."""
    return table.prose[index] and table.words[index] <= TEASER_SUMMARY_WORDS_MAX


def _name_or_date(ctx: ScanContext, index: int, dated: Callable[[int], bool]) -> bool:
    """Whether line ``index`` is a byline's name (two or three capitalised words of
    letters only) or holds a date."""
    words = ctx.doc.lines[index].split()
    if 2 <= len(words) <= 3 and all(w[:1].isupper() and w.isalpha() for w in words):
        return True
    return dated(index)


def _date_lookup(ctx: ScanContext) -> Callable[[int], bool]:
    """Whether a line holds a date, each line searched at most once."""
    known: dict[int, bool] = {}

    def dated(index: int) -> bool:
        if index not in known:
            known[index] = has_date(ctx.doc.lines[index], ctx.lexicon, ctx.timeout)
        return known[index]
    return dated


def _meta(table, index: int) -> bool:
    """Whether line ``index`` is short enough to be a teaser's date, section or byline."""
    return table.words[index] <= META_WORDS_MAX and not table.prose[index]


@dataclass(frozen=True)
class TruncatedTeaserRule:
    """Teasers of other stories whose summaries the page cut short: several lines close
    together that each end in an ellipsis ('... may soon...', '... location become […]'),
    with only headlines between them. An article's own prose seldom trails off three
    times in a few lines; a teaser block does it on every item."""

    name: str = "truncated_teasers"
    category: Category = Category.HEADLINE_LIST
    description: str = (
        "teasers of other stories whose summaries end in an ellipsis, several close "
        "together, with the headlines between them"
    )

    def scan(self, ctx: ScanContext) -> Iterator[Finding]:
        if ctx.forum:
            return  # thread listings preview their posts the same way
        doc, table = ctx.doc, ctx.table
        order = doc.content
        cut = [position for position, index in enumerate(order)
               if table.words[index] >= TRUNCATED_WORDS_MIN and _truncated(doc.lines[index])]
        if len(cut) < TRUNCATED_RUN_MIN:
            return  # most pages: no teaser block to look for
        prose = [table.prose[index] for index in order]
        for run in _close_runs(cut, prose, TRUNCATED_GAP_LINES):
            if len(run) < TRUNCATED_RUN_MIN:
                continue
            gap = min(b - a for a, b in zip(run, run[1:])) - 1
            first = max(run[0] - gap, 0)
            while first < run[0] and table.prose[order[first]]:
                first += 1  # the headline before the first summary, never prose
            yield Mark(order[first], order[run[-1]], Label(
                self.name, self.category, Confidence.LIKELY,
                f"{len(run)} teasers whose summaries end in an ellipsis"))


def _truncated(line: str) -> bool:
    return line.rstrip().endswith(TRUNCATION_MARKS)


def _close_runs(positions: list[int], prose: list[bool], gap_max: int) -> Iterator[list[int]]:
    """``positions`` (ascending) split where two neighbours lie more than ``gap_max``
    lines apart or have article prose between them."""
    run: list[int] = []
    for position in positions:
        if run and (position - run[-1] - 1 > gap_max or any(prose[run[-1] + 1:position])):
            yield run
            run = []
        run.append(position)
    if run:
        yield run


@dataclass(frozen=True)
class LinkInvitationsRule:
    """Links to the site's other pages, phrased as invitations and set between the
    article's paragraphs: 'Learn about the Mediterranean diet and how to get started',
    'See how high-intensity workouts can help you get fit fast'.

    A line is such a link when it opens with a ``link_invitation`` phrase, is as long as
    a link's text, ends no sentence, is no list item (an itinerary's '- Explore the old
    town' is content) and is not in Title Case (a section heading: 'Explore Iceland's
    Ice Caves'). One such line may be the article's; a page holding several has a
    widget's links, and all of them go. The label is ``STRONG``: the widget sets its
    links between the article's paragraphs, where a weaker label is spared as a short
    line between two paragraphs."""

    name: str = "link_invitations"
    category: Category = Category.HEADLINE_LIST
    description: str = (
        "links to other pages phrased as invitations, several on a page ('Learn about the "
        "paleo diet and why it's not for everyone', 'See how ...', 'Find out ...')"
    )

    def scan(self, ctx: ScanContext) -> Iterator[Finding]:
        if ctx.forum:
            return  # posters point to other threads the same way
        small = ctx.lexicon.words("title_small_word")
        found = [(index, phrase) for index, phrase
                 in ctx.table.lines_opening_with(ctx.lexicon.phrases("link_invitation"))
                 if _invitation(ctx, index, small)]
        if len(found) < INVITATIONS_MIN:
            return
        for index, phrase in found:
            yield single(index, self.name, self.category, Confidence.STRONG,
                         f"opens with “{phrase}”, one of {len(found)} invitations to "
                         "other pages")


def _invitation(ctx: ScanContext, index: int, small: frozenset[str]) -> bool:
    """Whether line ``index`` (which opens with an invitation) reads as a link's text."""
    line = ctx.doc.lines[index].strip()
    if unspaced(line[:1]):
        if not INVITATION_CHARS_MIN <= len(line) <= INVITATION_CHARS_MAX:
            return False
    elif not INVITATION_WORDS_MIN <= ctx.table.words[index] <= INVITATION_WORDS_MAX:
        return False
    return not ends_sentence(line) and list_marker(line) is None \
        and not _every_word_capitalised(line, small)


def _every_word_capitalised(line: str, small: frozenset[str]) -> bool:
    """Whether every word of ``line`` but the small ones ('of', 'the') is capitalised: a
    heading in Title Case ('Explore the Ice Caves of Vatnajökull'), where a German
    sentence capitalises only its nouns ('Erfahren Sie, wie die Miete wirkt').

    >>> _every_word_capitalised("Explore the Ice Caves of Vatnajökull", frozenset({"the", "of"}))
    True
    >>> _every_word_capitalised("Erfahren Sie, wie die Miete wirkt", frozenset({"die"}))
    False
    """
    capitalised, content = _capitalisation(line, small)
    return content > 0 and capitalised == content


HEADLINE_LIST = HeadlineListRule()
TEASER_LIST = TeaserListRule()
TRUNCATED_TEASERS = TruncatedTeaserRule()
RELATED_LINK = RelatedLinkRule()
LINK_INVITATIONS = LinkInvitationsRule()
