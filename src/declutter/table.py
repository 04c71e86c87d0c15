"""Per-document line table: keys, word counts, prose flags and inverted indexes.

Built in one pass over the lines, so that rules look up candidates (lines whose key is a
phrase, lines whose first word opens a phrase) instead of scanning the text once each.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property, lru_cache, partial
from itertools import accumulate, compress
from operator import attrgetter
from typing import Any, Callable, Hashable, Iterator

from .document import Document
from .features import UNSPACED_CHARS_PER_WORD, UNSPACED_LANGUAGES, stopwords
from .keys import EDGE_CHARS
from .line_facts import (
    HOLDS_DIGIT, PROSE_CHARS_MIN, PROSE_CHARS_MIN_UNSPACED, TOKEN_PUNCTUATION, LineFacts,
    line_facts, unspaced,
)
from .memo import LineMemo
from .patterns import DEFAULT_TIMEOUT

#: Punctuation that may open or close a token around an anchor word.
TOKEN_OPENERS = ("", "(", "[", '"', "'", "“", "«", "¿", "¡")
TOKEN_CLOSERS = ("", ".", ",", ":", ";", "!", "?", ")", "]", '"', "'", "”", "»", "...", "…",
                 ".)", ").", '."', ".”", "):")
#: Symbols that rules look for inside lines (separators, quotation marks, ©).
SYMBOLS = "»›→▸►⟩〉＞|•·‧∙„«©ⓒ>/\\½¼¾⅓⅔⅛"
_KEY, _WORDS, _PROSE = attrgetter("key"), attrgetter("words"), attrgetter("prose")
_ANCHORS = attrgetter("anchors")


@dataclass(frozen=True)
class LineTable:
    """Derived data for every line of a document.

    :param keys: each line's key (``""`` for blank and over-long lines).
    :param words: each line's number of whitespace-separated words.
    :param prose: whether each line reads as article prose.
    :param prose_chars_before: characters of prose in the lines before each line (one
        more entry than lines: the last is the total).
    :param by_key: key -> indices of the lines with that key.
    :param by_first_word: first word of a key -> indices of those lines.
    :param by_first_char: first character of a key, for keys that start in an unspaced
        script (Chinese, Japanese, Thai) -> indices of those lines.
    :param facts: each line's :class:`~declutter.line_facts.LineFacts`, of which the
        columns above are parts.
    """

    doc: Document
    keys: list[str]
    words: list[int]
    prose: list[bool]
    prose_chars_before: list[int]
    by_key: dict[str, list[int]] = field(repr=False)
    by_first_word: dict[str, list[int]] = field(repr=False)
    by_first_char: dict[str, list[int]] = field(repr=False)
    anchors: tuple[str, ...] = field(repr=False, default=())
    timeout: float = DEFAULT_TIMEOUT
    language: str = "en"
    prose_words_min: int = 8
    #: per-line values rules computed through :meth:`column`, by name
    columns: dict[Hashable, list] = field(default_factory=dict, repr=False, compare=False)
    #: what the run's passes computed from single lines (:class:`LineMemo`)
    memo: LineMemo = field(default_factory=LineMemo, repr=False, compare=False)
    facts: list[LineFacts] = field(default_factory=list, repr=False, compare=False)

    def column(self, name: str, compute: Callable[["LineTable"], list]) -> list:
        """A per-line column computed once per document and carried into later passes.

        ``compute`` must be line-local: each value may depend only on its own line (and
        on data fixed for the run, such as the lexicon).
        """
        if name not in self.columns:
            self.columns[name] = compute(self)
        return self.columns[name]

    def line_column(self, name: Hashable, compute: Callable[[str], Any]) -> list:
        """``[compute(line) for line in doc.lines]``, computed once per table and, line by
        line, once per run (:class:`~declutter.memo.LineMemo`).

        ``compute`` must depend on the line's text alone, and on nothing but the table's
        language and prose threshold besides (a stoplist, the lexicon of that language).
        """
        if name not in self.columns:
            self.columns[name] = self.memo.values(
                (name, self.language, self.prose_words_min), self.doc.lines, compute)
        return self.columns[name]

    def prose_before(self, index: int) -> int:
        """Characters of prose in the lines before ``index``."""
        return self.prose_chars_before[index]

    def prose_after(self, index: int) -> int:
        """Characters of prose in the lines after ``index``."""
        return self.prose_chars_before[-1] - self.prose_chars_before[index + 1]

    def lines_with_key(self, phrases: frozenset[str] | tuple[str, ...]) -> Iterator[tuple[int, str]]:
        """``(line index, key)`` of the lines whose key is one of ``phrases``, in order."""
        by_key = self.by_key
        return iter(sorted([(index, phrase) for phrase in by_key.keys() & phrases
                            for index in by_key[phrase]]))

    def lines_opening_with(self, phrases: tuple[str, ...]) -> Iterator[tuple[int, str]]:
        """``(line index, phrase)`` of the lines whose key begins with one of ``phrases``
        (the longest phrase that fits), in order."""
        by_word, by_char = _group_by_opening(tuple(phrases))
        found: dict[int, str] = {}
        groups = [(self.by_first_word[w], by_word[w]) for w in self.by_first_word.keys() & by_word.keys()]
        groups += [(self.by_first_char[c], by_char[c]) for c in self.by_first_char.keys() & by_char.keys()]
        for indices, candidates in groups:
            for index in indices:
                key = self.keys[index]
                for phrase in candidates:
                    if key.startswith(phrase) and (
                            len(key) == len(phrase) or unspaced(phrase[-1])
                            or not key[len(phrase)].isalnum()):
                        found.setdefault(index, phrase)
                        break
        return iter(sorted(found.items()))

    def lines_containing(self, phrases: tuple[str, ...]) -> Iterator[tuple[int, str]]:
        """``(line index, phrase)`` of the lines whose key contains one of ``phrases``
        as whole words, in order. A line that holds several gets the one that starts
        first in it (the longest of those that start there, then the first listed), so
        the answer never depends on the order in which sets are walked. Every phrase's
        longest word must be among the table's anchors."""
        by_anchor = _group_by_anchor(tuple(phrases))
        rank = _phrase_ranks(tuple(phrases))
        found: dict[int, tuple[int, int, int, str]] = {}
        for anchor in by_anchor.keys() & self.anchor_hits.keys():
            for index in self.anchor_hits[anchor]:
                key = self.keys[index]
                for phrase in by_anchor[anchor]:
                    start = word_position(key, phrase)
                    if start < 0:
                        continue
                    candidate = (start, -len(phrase), rank[phrase], phrase)
                    if index not in found or candidate < found[index]:
                        found[index] = candidate
        return iter(sorted((index, best[-1]) for index, best in found.items()))

    def lines_with_symbol(self, symbols: str) -> list[int]:
        """Indices of the lines whose key holds one of the characters ``symbols``
        (each must be one of :data:`SYMBOLS`)."""
        found: set[int] = set()
        for symbol in symbols:
            found.update(self.anchor_hits.get(symbol, ()))
        return sorted(found)

    @cached_property
    def anchor_hits(self) -> dict[str, list[int]]:
        """Anchor word or symbol -> indices of the lines whose key holds it.

        Words are found by intersecting each short line's tokens with the anchors (and
        their forms with punctuation attached); symbols, like the anchors of unspaced
        scripts, by substring search over the keys.
        """
        hits: dict[str, list[int]] = {}
        unspaced_anchors = _split_anchors(self.anchors)[1]
        facts = self.facts
        for index in compress(range(len(facts)), map(_ANCHORS, facts)):  # lines with anchors
            for anchor in facts[index].anchors:
                bucket = hits.setdefault(anchor, [])
                if not bucket or bucket[-1] != index:
                    bucket.append(index)
        for anchor in unspaced_anchors:
            self._find_everywhere(anchor, hits)
        for symbol in SYMBOLS:  # str.find skips to each one at C speed
            self._find_everywhere(symbol, hits)
        for bucket in hits.values():
            bucket.sort()
        return hits

    def _find_everywhere(self, anchor: str, hits: dict[str, list[int]]) -> None:
        """Substring search for an anchor of an unspaced script (no word boundaries) or a
        symbol."""
        text, starts = self.key_text, self.key_starts
        position = text.find(anchor)
        while position != -1:
            index = bisect_right(starts, position) - 1
            bucket = hits.setdefault(anchor, [])
            if not bucket or bucket[-1] != index:
                bucket.append(index)
            position = text.find(anchor, position + 1)

    @cached_property
    def menu_like(self) -> list[bool]:
        """Whether each line could be a menu entry (see
        :func:`~declutter.features.is_menu_entry`)."""
        return [facts.menu_like for facts in self.facts]

    @cached_property
    def content_words(self) -> list[frozenset[str]]:
        """Each line's content words (:attr:`LineFacts.content_words
        <declutter.line_facts.LineFacts.content_words>`)."""
        return [facts.content_words for facts in self.facts]

    @cached_property
    def holds_digit(self) -> list[bool]:
        """Whether each line holds a digit (a character ``str.isdigit`` accepts, as is
        every character a pattern's ``\\d`` matches): a pattern that needs a number
        passes over the others without being run."""
        return [facts.page_shape[HOLDS_DIGIT] for facts in self.facts]

    @cached_property
    def short_digit_lines(self) -> list[int]:
        """Indices of lines of at most :data:`~declutter.line_facts.DIGIT_LINE_CHARS_MAX`
        characters that hold a digit (candidates for dates, counts, quantities and
        numbered steps: :attr:`LineFacts.short_digit
        <declutter.line_facts.LineFacts.short_digit>`)."""
        return [index for index, facts in enumerate(self.facts) if facts.short_digit]

    @cached_property
    def key_text(self) -> str:
        """All keys joined by newlines, for pattern scans over normalised text."""
        return "\n".join(self.keys)

    @cached_property
    def key_starts(self) -> list[int]:
        """Offset of each line's key in :attr:`key_text`."""
        return [0, *accumulate(len(k) + 1 for k in self.keys[:-1])] if self.keys else []



@lru_cache(maxsize=512)
def _group_by_opening(phrases: tuple[str, ...]) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """Phrases by first word (and, for unspaced scripts, by first character), longest
    first within each group."""
    by_word: dict[str, list[str]] = {}
    by_char: dict[str, list[str]] = {}
    for phrase in phrases:
        if unspaced(phrase[:1]):
            by_char.setdefault(phrase[0], []).append(phrase)
        else:
            by_word.setdefault(phrase.split(" ", 1)[0], []).append(phrase)
    def longest_first(groups: dict[str, list[str]]) -> dict[str, tuple[str, ...]]:
        return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in groups.items()}
    return longest_first(by_word), longest_first(by_char)


@lru_cache(maxsize=512)
def _group_by_anchor(phrases: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """Phrases by anchor word."""
    groups: dict[str, list[str]] = {}
    for phrase in phrases:
        groups.setdefault(anchor_of(phrase), []).append(phrase)
    return {k: tuple(v) for k, v in groups.items()}


@lru_cache(maxsize=512)
def _phrase_ranks(phrases: tuple[str, ...]) -> dict[str, int]:
    """Each phrase's place in its list (the first place, if listed twice)."""
    ranks: dict[str, int] = {}
    for order, phrase in enumerate(phrases):
        ranks.setdefault(phrase, order)
    return ranks


def anchor_of(phrase: str) -> str:
    """The word of ``phrase`` used to find candidate lines: its longest word, without the
    punctuation that clings to tokens ('inscrivant,' anchors as 'inscrivant', the form
    :meth:`LineTable.anchor_hits` files lines under)."""
    return max((word.strip(TOKEN_PUNCTUATION) or word for word in phrase.split(" ")), key=len)


def contains_words(key: str, phrase: str) -> bool:
    """Whether ``phrase`` occurs in ``key`` with word boundaries on both sides (none is
    needed next to characters of unspaced scripts)."""
    return word_position(key, phrase) >= 0


def word_position(key: str, phrase: str) -> int:
    """Where ``phrase`` first occurs in ``key`` as whole words (see
    :func:`contains_words`), or -1."""
    start = key.find(phrase)
    open_start, open_end = unspaced(phrase[:1]), unspaced(phrase[-1:])
    while start != -1:
        end = start + len(phrase)
        before_ok = open_start or start == 0 or not key[start - 1].isalnum()
        after_ok = open_end or end == len(key) or not key[end].isalnum()
        if before_ok and after_ok:
            return start
        start = key.find(phrase, start + 1)
    return -1


@lru_cache(maxsize=64)
def _split_anchors(anchors: tuple[str, ...]) -> tuple[frozenset[str], tuple[str, ...]]:
    """The token forms of the anchors of spaced scripts (see :func:`_anchor_variants`),
    and the anchors of unspaced scripts, found by substring search."""
    spaced = tuple(a for a in anchors if not unspaced(a[:1]))
    return _anchor_variants(spaced), tuple(a for a in anchors if unspaced(a[:1]))


@lru_cache(maxsize=64)
def _anchor_variants(anchors: tuple[str, ...]) -> frozenset[str]:
    """The anchors with the punctuation that may cling to a token ('cookies.', '(via')."""
    return frozenset(
        f"{before}{anchor}{after}"
        for anchor in anchors for before in TOKEN_OPENERS for after in TOKEN_CLOSERS
    )


def carry_line_caches(previous: LineTable, table: LineTable, to_previous: list[int]) -> None:
    """Give ``table`` the line-local indexes and columns that ``previous`` (the table of
    an earlier pass) has computed, when every line of ``table`` is the line
    ``to_previous`` maps it to and both tables were built alike (language, prose
    threshold, anchors, time budget); otherwise leave its caches lazy.

    Each carried value equals what ``table`` would compute itself: the indexes and
    columns depend on single lines only.
    """
    if (previous.language, previous.prose_words_min, previous.anchors, previous.timeout) != (
            table.language, table.prose_words_min, table.anchors, table.timeout):
        return
    lines, earlier = table.doc.lines, previous.doc.lines
    if len(to_previous) != len(lines) or any(
            earlier[origin] != line for origin, line in zip(to_previous, lines)):
        return
    computed = previous.__dict__  # the cached properties it has computed; the rest stay lazy
    position = {origin: index for index, origin in enumerate(to_previous)}
    if "anchor_hits" in computed:
        carried = {
            anchor: [position[i] for i in found if i in position]
            for anchor, found in computed["anchor_hits"].items()
        }
        table.__dict__["anchor_hits"] = {a: found for a, found in carried.items() if found}
    if "short_digit_lines" in computed:
        table.__dict__["short_digit_lines"] = [
            position[i] for i in computed["short_digit_lines"] if i in position]
    if "menu_like" in computed:
        table.__dict__["menu_like"] = [computed["menu_like"][origin] for origin in to_previous]
    for name, values in previous.columns.items():
        table.columns[name] = [values[origin] for origin in to_previous]


def _index_key(key: str, index: int, by_key: dict[str, list[int]],
               by_first_word: dict[str, list[int]], by_first_char: dict[str, list[int]]) -> None:
    by_key.setdefault(key, []).append(index)
    by_first_word.setdefault(key.split(" ", 1)[0].rstrip(EDGE_CHARS), []).append(index)
    if unspaced(key[0]):
        by_first_char.setdefault(key[0], []).append(index)


def build_table(doc: Document, language: str, prose_words_min: int,
                anchors: tuple[str, ...] = (), timeout: float = DEFAULT_TIMEOUT,
                memo: LineMemo | None = None) -> LineTable:
    """Compute the :class:`LineTable` of ``doc``.

    ``memo`` holds what earlier passes of the same run computed from single lines (the
    same values a fresh computation gives); a table built without one starts its own.
    """
    memo = LineMemo() if memo is None else memo
    unspaced_language = language in UNSPACED_LANGUAGES
    prose_min = PROSE_CHARS_MIN_UNSPACED if unspaced_language else PROSE_CHARS_MIN
    anchors = tuple(anchors)
    facts = memo.values(("line facts", language, prose_words_min, anchors), doc.lines,
                        partial(line_facts, stop=stopwords(language),
                                unspaced_language=unspaced_language, prose_min=prose_min,
                                prose_words_min=prose_words_min,
                                anchor_forms=_split_anchors(anchors)[0],
                                chars_per_word=UNSPACED_CHARS_PER_WORD.get(language, 0.0)))
    keys = list(map(_KEY, facts))
    words = list(map(_WORDS, facts))
    prose_chars = list(map(_PROSE, facts))
    prose = list(map(bool, prose_chars))
    cumulative = [0, *accumulate(prose_chars)]
    by_key: dict[str, list[int]] = {}
    by_first_word: dict[str, list[int]] = {}
    by_first_char: dict[str, list[int]] = {}
    for index in compress(range(len(keys)), keys):  # the lines with a key
        line = facts[index]
        key = line.key
        by_key.setdefault(key, []).append(index)
        by_first_word.setdefault(line.first_word, []).append(index)
        if line.first_char:
            by_first_char.setdefault(line.first_char, []).append(index)
    return LineTable(doc, keys, words, prose, cumulative, by_key, by_first_word,
                     by_first_char, anchors, timeout, language, prose_words_min,
                     memo=memo, facts=facts)
