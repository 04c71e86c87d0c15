"""What a rule is, what it sees, and the shared shape of phrase-list rules."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import AbstractSet, Callable, Iterable, Iterator, Literal, Mapping, Protocol, Union

from ..document import Document
from ..features import SPACED_CHARS_PER_WORD, UNSPACED_CHARS_PER_WORD
from ..labels import Category, Guard, Label, Mark
from ..lexicon import Lexicon
from ..profiles import Thresholds
from ..table import LineTable

Finding = Union[Mark, Guard]


@dataclass(frozen=True)
class ScanContext:
    """Everything a rule may look at; rules never change it.

    :param doc: the document, cut into lines.
    :param table: per-line keys, word counts, prose flags and indexes.
    :param lexicon: phrase lists of the document's language(s).
    :param thresholds: numbers set by the chosen profile.
    :param language: the document's language code.
    :param timeout: seconds each pattern may run before the rule abstains.
    :param forum: whether the page is a discussion (see
        :func:`declutter.rules.comments.is_forum`): there posts, poster names and post
        dates are the content.
    :param whole_page: whether the text is a whole page with its menus and footers, not
        an article already extracted (see
        :func:`declutter.rules.main_content.is_whole_page`).
    :param comment_markers: line index -> kind of comment marker, found once per pass
        (``None`` until then; see :func:`declutter.rules.comments.find_markers`).
    :param prior: for rules that declare ``uses_prior = True``: line index -> the
        strongest confidence the rules before it gave the line.
    :param prior_categories: for the same rules: line index -> the categories of the
        labels the rules before it gave the line.
    :param guarded: for the same rules: the lines a content guard covers.
    :param comment_section: the first line of the comment section an HTML extractor set
        apart from the main text (see :func:`declutter.html.extract`), or ``None``; given
        in the first pass only.
    :param page_titles: the keys (:func:`declutter.keys.line_key`) of the page's titles
        as its HTML metadata declares them; given in the first pass only.
    :param page_standfirst: the key of the page's standfirst when it repeats the page's
        description (:attr:`declutter.hints.PageHints.standfirst`), or ``""``; given in
        the first pass only.
    :param stated_article: how likely the page is an article when the caller said what
        the page is (1 for an article, 0 for any other kind), else ``None``: then
        :func:`declutter.page_kind.article_probability` judges it from the text.
    """

    doc: Document
    table: LineTable
    lexicon: Lexicon
    thresholds: Thresholds
    language: str
    timeout: float
    forum: bool = False
    whole_page: bool = False
    comment_markers: Mapping[int, str] | None = None
    prior: Mapping[int, float] = field(default_factory=dict)
    prior_categories: Mapping[int, AbstractSet[Category]] = field(default_factory=dict)
    guarded: frozenset[int] = frozenset()
    comment_section: int | None = None
    page_titles: tuple[str, ...] = ()
    page_standfirst: str = ""
    stated_article: float | None = None

    @property
    def thread_prose_min(self) -> float:
        """Characters of article prose before a comment thread from which the thread is
        the article's and not the page itself: the profile's
        ``article_chars_before_thread``, scaled down in scripts written without spaces,
        which say as much in fewer characters (a Chinese word is about 1.6 characters,
        an English one about :data:`~declutter.features.SPACED_CHARS_PER_WORD` with its
        space)."""
        per_word = UNSPACED_CHARS_PER_WORD.get(self.language)
        limit = self.thresholds.article_chars_before_thread
        return limit * per_word / SPACED_CHARS_PER_WORD if per_word else limit


class Rule(Protocol):
    """A named detector. ``scan`` yields :class:`Mark` (noise) or :class:`Guard` (content).

    Rules are pure: the same context gives the same findings. Optional attributes the
    engine reads: ``anchor_sections`` names the lexicon sections whose phrases the rule
    finds with ``LineTable.lines_containing``, and ``anchor_phrases`` lists phrases of its
    own that it finds so; ``uses_prior`` asks for the labels of the
    rules before it; ``first_pass_only`` marks a rule that reads what the page's HTML
    said of the text as first given, in the first pass only; ``weighs`` marks the rule
    that weighs every rule's evidence into one decision (the learned line model).
    """

    name: str
    category: Category | None
    description: str

    def scan(self, ctx: ScanContext) -> Iterable[Finding]:
        """Yield the findings of this rule on ``ctx.doc``."""
        ...


PhraseMode = Literal["line", "prefix", "contains"]


@dataclass(frozen=True)
class PhraseRule:
    """Marks short lines that match a lexicon section (or phrases of its own).

    :param name: the rule name.
    :param category: the category of what it marks.
    :param section: the lexicon section holding the phrases (ignored when ``phrases`` is
        given).
    :param mode: ``line`` (the whole line is a phrase), ``prefix`` (the line starts with
        one) or ``contains`` (a phrase occurs in it).
    :param confidence: the confidence of its labels.
    :param max_words: the longest line (in words) it may mark: from the thresholds, a
        fixed number, or ``None`` for no limit.
    :param description: one sentence for ``--list-rules``.
    :param prose: whether lines that read as article prose may be marked.
    :param enclosed: whether a prose line may be marked all the same when it stands
        wholly inside parentheses or brackets ('(Reporting by A, B and C, with additional
        reporting by D; editing by E.)'): an aside set apart, not a paragraph.
    :param phrases: normalised phrases (line keys) the rule looks for instead of a
        lexicon section's, in every language (the rules of a rule file).
    """

    name: str
    category: Category
    section: str
    mode: PhraseMode
    confidence: float
    max_words: Callable[[Thresholds], int] | int | None
    description: str
    prose: bool = True
    enclosed: bool = False
    phrases: tuple[str, ...] = ()

    @property
    def anchor_sections(self) -> tuple[str, ...]:
        """Sections searched inside lines (only in ``contains`` mode)."""
        return (self.section,) if self.mode == "contains" and not self.phrases else ()

    @property
    def anchor_phrases(self) -> tuple[str, ...]:
        """Its own phrases searched inside lines (only in ``contains`` mode)."""
        return self.phrases if self.mode == "contains" else ()

    def scan(self, ctx: ScanContext) -> Iterator[Finding]:
        phrases = self.phrases or ctx.lexicon.phrases(self.section)
        if not phrases:
            return
        table = ctx.table
        if self.mode == "line":
            found = table.lines_with_key(phrases)
        elif self.mode == "prefix":
            found = table.lines_opening_with(phrases)
        else:
            found = table.lines_containing(phrases)
        limit = self.max_words(ctx.thresholds) if callable(self.max_words) else self.max_words
        verb = {"line": "the line is", "prefix": "the line opens with",
                "contains": "the line contains"}[self.mode]
        for index, phrase in found:
            if (limit is None or table.words[index] <= limit) and (
                    self.prose or not table.prose[index]
                    or (self.enclosed and _enclosed(ctx.doc.lines[index]))):
                yield single(index, self.name, self.category, self.confidence,
                             f"{verb} “{phrase}”")


#: Opening bracket -> its closing bracket, for lines set apart as a whole.
_BRACKETS = {"(": ")", "[": "]"}


def _enclosed(line: str) -> bool:
    """Whether ``line`` stands wholly inside one pair of parentheses or brackets (a
    closing full stop may follow)."""
    text = line.strip().rstrip(".")
    closing = _BRACKETS.get(text[:1])
    return closing is not None and text.endswith(closing) \
        and text.count(text[0]) == 1 and text.count(closing) == 1


def navigation_words(ctx: ScanContext) -> frozenset[str]:
    """The keys of lines that are site navigation ('Home', 'Privacy Policy'), from the
    lexicon's ``navigation_word`` and ``navigation_line`` sections."""
    return ctx.lexicon.words("navigation_word") | ctx.lexicon.words("navigation_line")


def single(index: int, rule: str, category: Category, confidence: float, reason: str) -> Mark:
    """A :class:`Mark` of one line (equal labels are shared, not rebuilt per line)."""
    return Mark(index, index, _label(rule, category, confidence, reason))


@lru_cache(maxsize=4096)
def _label(rule: str, category: Category, confidence: float, reason: str) -> Label:
    return Label(rule, category, confidence, reason)

