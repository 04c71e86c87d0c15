"""What rules say about lines: categories, confidence levels and labels."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Category(str, Enum):
    """The kinds of boilerplate declutter recognises.

    The value is the stable snake_case code used in explanations, statistics and the CLI.
    """

    HEADLINE_LIST = "headline_list"
    COMMENTS = "comments"
    AFFILIATE = "affiliate"
    BREADCRUMB = "breadcrumb"
    SHARE = "share"
    NEWSLETTER = "newsletter"
    COOKIE = "cookie"
    ADVERTISEMENT = "advertisement"
    DATELINE = "dateline"
    BYLINE = "byline"
    DUPLICATE_TITLE = "duplicate_title"
    PHOTO_CREDIT = "photo_credit"
    SOURCE = "source"
    COPYRIGHT = "copyright"
    NAVIGATION = "navigation"
    REPEATED = "repeated"
    OUTSIDE_ARTICLE = "outside_article"
    NOTICE = "notice"
    CUSTOM = "custom"

    def __str__(self) -> str:  # pragma: no cover - trivial
        return self.value


class Confidence:
    """Named confidence levels that rules attach to their labels.

    A profile removes a line when its strongest label reaches the profile's
    ``min_confidence``; context may still keep lines whose label is below ``STRONG``.
    """

    STRONG = 0.9
    LIKELY = 0.7
    WEAK = 0.5


@dataclass(frozen=True, slots=True)
class Label:
    """One rule's verdict that lines are noise.

    :param rule: name of the rule that produced the label (as listed by ``--list-rules``).
    :param category: the kind of boilerplate.
    :param confidence: how sure the rule is, between 0 and 1 (see :class:`Confidence`).
    :param reason: a short human sentence saying why.
    """

    rule: str
    category: Category
    confidence: float
    reason: str


@dataclass(frozen=True, slots=True)
class Mark:
    """A label applied to the lines ``first`` to ``last`` (inclusive, line indices)."""

    first: int
    last: int
    label: Label


@dataclass(frozen=True, slots=True)
class Guard:
    """A content signal from a guard rule: lines ``first``..``last`` look like article text.

    Where the rules' strongest label decides, guards keep lines whose strongest noise
    label is below ``Confidence.STRONG``; on whole-page text they are evidence the learned
    decision weighs. A ``firm`` guard (the article itself says the lines are its content) keeps them
    whatever built-in rule labelled them.
    """

    first: int
    last: int
    rule: str
    reason: str
    firm: bool = False
