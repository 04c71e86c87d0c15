"""What a rule is, what it sees, and the shared shape of phrase-list rules."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, Iterator, Literal, Protocol, Union

from ..document import Document
from ..features import Features, word_count
from ..labels import Category, Guard, Label, Mark
from ..lexicon import Lexicon
from ..patterns import contains_pattern, line_prefix_pattern, scan_lines, whole_line_pattern
from ..profiles import Thresholds

Finding = Union[Mark, Guard]


@dataclass(frozen=True)
class ScanContext:
    """Everything a rule may look at; rules never change it.

    :param doc: the document, cut into lines.
    :param features: per-line signals (prose, prose before/after).
    :param lexicon: phrase lists of the document's language(s).
    :param thresholds: numbers set by the chosen profile.
    :param language: the document's language code.
    :param timeout: seconds each pattern may run before the rule abstains.
    """

    doc: Document
    features: Features
    lexicon: Lexicon
    thresholds: Thresholds
    language: str
    timeout: float


class Rule(Protocol):
    """A named detector. ``scan`` yields :class:`Mark` (noise) or :class:`Guard` (content).

    Rules are pure: the same context gives the same findings.
    """

    name: str
    category: Category | None
    description: str

    def scan(self, ctx: ScanContext) -> Iterable[Finding]:
        """Yield the findings of this rule on ``ctx.doc``."""
        ...


PhraseMode = Literal["line", "prefix", "contains"]

_PATTERNS = {"line": whole_line_pattern, "prefix": line_prefix_pattern, "contains": contains_pattern}


@dataclass(frozen=True)
class PhraseRule:
    """Marks short lines that match a lexicon section.

    :param name: the rule name.
    :param category: the category of what it marks.
    :param section: the lexicon section holding the phrases.
    :param mode: ``line`` (the whole line is a phrase), ``prefix`` (the line starts with
        one) or ``contains`` (a phrase occurs in it).
    :param confidence: the confidence of its labels.
    :param max_words: the longest line (in words) it may mark, from the thresholds.
    :param description: one sentence for ``--list-rules``.
    """

    name: str
    category: Category
    section: str
    mode: PhraseMode
    confidence: float
    max_words: Callable[[Thresholds], int]
    description: str

    def scan(self, ctx: ScanContext) -> Iterator[Finding]:
        phrases = ctx.lexicon.phrases(self.section)
        if not phrases:
            return
        pattern = _PATTERNS[self.mode](phrases)
        limit = self.max_words(ctx.thresholds)
        for index, match in scan_lines(pattern, ctx.doc, ctx.timeout):
            if word_count(ctx.doc.lines[index]) > limit:
                continue
            phrase = " ".join(match.group().split())
            yield Mark(index, index, Label(self.name, self.category, self.confidence,
                                           f"{self.verb} “{phrase}”"))

    @property
    def verb(self) -> str:
        """How the reason sentence introduces the matched phrase."""
        return {"line": "the line is", "prefix": "the line opens with",
                "contains": "the line contains"}[self.mode]


def single(index: int, rule: str, category: Category, confidence: float, reason: str) -> Mark:
    """A :class:`Mark` of one line."""
    return Mark(index, index, Label(rule, category, confidence, reason))


def non_blank_lines(doc: Document, start: int, stop: int, step: int = 1) -> Iterator[int]:
    """Indices of non-blank lines from ``start`` towards ``stop`` (exclusive)."""
    for index in range(start, stop, step):
        if not doc.blank[index]:
            yield index
