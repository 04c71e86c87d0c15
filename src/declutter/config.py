"""One immutable configuration: profile, disabled rules, language, extra rules."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from functools import lru_cache
from typing import Any, Iterable, Mapping

from .errors import UnknownCategoryError
from .labels import Category
from .languages import language_code
from .patterns import DEFAULT_TIMEOUT
from .profiles import DEFAULT_PROFILE, Thresholds, thresholds_for
from .registry import RuleRegistry
from .rules import DEFAULT_RULES
from .rules.base import Rule

#: The registry of built-in rules.
DEFAULT_REGISTRY = RuleRegistry(DEFAULT_RULES)


@lru_cache(maxsize=64)
def _builtin_registry(disable: frozenset[str]) -> RuleRegistry:
    """The built-in rules minus ``disable`` (cached: every call with the same options
    would build the same immutable registry)."""
    return DEFAULT_REGISTRY.without(disable)


def category_codes(values: Iterable[str | Category] | str | Category) -> frozenset[str]:
    """The category codes of ``values`` (codes or :class:`Category` members).

    :raises UnknownCategoryError: for a name that is no category, with the nearest ones.
    :raises TypeError: when ``values`` is not an iterable of str.
    """
    if isinstance(values, str):  # a Category is a str too
        values = (values,)
    if not isinstance(values, Iterable) or not all(isinstance(v, str) for v in values):
        raise TypeError("keep must be an iterable of category codes (str)")
    codes = [v.value if isinstance(v, Category) else v for v in values]
    known = [c.value for c in Category]
    unknown = sorted(set(codes) - set(known))
    if unknown:
        raise UnknownCategoryError(unknown, known)
    return frozenset(codes)


#: What a caller may state a page is (``Config.page_kind``); the same words as
#: :attr:`declutter.Explanation.page_kind`.
PAGE_KINDS = ("article", "discussion", "other")
#: What a caller may state a text is (``Config.text_kind``).
TEXT_KINDS = ("page", "extract")


def _check_choice(option: str, value: object, choices: tuple[str, ...]) -> None:
    """Reject a value of ``option`` that is neither ``None`` nor one of ``choices``.

    :raises TypeError: with the choices.
    """
    if value is not None and value not in choices:
        raise TypeError(f"{option} must be one of {', '.join(choices)} or None, "
                        f"not {value!r}")


@dataclass(frozen=True)
class Config:
    """How declutter cleans. Every field has the name of the matching keyword option.

    :param profile: the precision/recall dial: ``"precision"`` removes only what is
        certain, ``"balanced"`` (default) also what is likely, ``"recall"`` also what is
        plausible. See :data:`declutter.profiles.PROFILES`.
    :param disable: names of rules to switch off (see :func:`declutter.rule_names`). A
        disabled rule labels no line; a line it would have labelled may still be removed
        by another rule's label (a byline inside a block that ``outside_article`` claims).
    :param lang: the text's language: a code (``"en"``, ``"de"``...) or an English name
        (``"german"``); ``None`` detects it. See :func:`declutter.languages.language_code`.
    :param timeout: seconds one rule pattern may run on one document before the rule
        abstains (the document is still cleaned by the other rules).
    :param rules: extra rules appended after the built-in ones (see
        :func:`declutter.load_rules`).
    :param keep: categories to keep (:class:`declutter.Category` or their codes): a line
        whose every label is of a kept category stays, whatever rule labelled it; a line
        that also has a label of another category is decided by that label.
    :param page_kind: what the page is, when the caller knows: ``"article"``,
        ``"discussion"`` (a forum thread, a Q&A page: the posts are the content) or
        ``"other"`` (a listing, a product, a documentation page...: only what is noise on
        any page goes); ``None`` infers it from the text (:data:`PAGE_KINDS`).
    :param text_kind: what the text is, when the caller knows: ``"page"`` (the whole
        page's text, menus and footers included) or ``"extract"`` (an extractor's output,
        most page chrome already gone); ``None`` infers it (:data:`TEXT_KINDS`).

    >>> Config(profile="precision", disable=["byline"]).disable
    frozenset({'byline'})
    """

    profile: str = DEFAULT_PROFILE
    disable: frozenset[str] = field(default_factory=frozenset)
    lang: str | None = None
    timeout: float = DEFAULT_TIMEOUT
    rules: tuple[Rule, ...] = ()
    keep: frozenset[str] = field(default_factory=frozenset)
    page_kind: str | None = None
    text_kind: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.profile, str):
            raise TypeError(f"profile must be a str, not {type(self.profile).__name__}")
        thresholds_for(self.profile)  # validates the name
        disable = self.disable
        if isinstance(disable, str):
            disable = (disable,)
        if not isinstance(disable, Iterable) or not all(isinstance(n, str) for n in disable):
            raise TypeError("disable must be an iterable of rule names (str)")
        object.__setattr__(self, "disable", frozenset(disable))
        if self.lang is not None and not isinstance(self.lang, str):
            raise TypeError(f"lang must be a str or None, not {type(self.lang).__name__}")
        if self.lang is not None:
            object.__setattr__(self, "lang", language_code(self.lang))
        object.__setattr__(self, "keep", category_codes(self.keep))
        if isinstance(self.timeout, bool) or not isinstance(self.timeout, (int, float)) \
                or not self.timeout > 0:
            raise TypeError("timeout must be a positive number of seconds")
        object.__setattr__(self, "rules", tuple(self.rules))
        _check_choice("page_kind", self.page_kind, PAGE_KINDS)
        _check_choice("text_kind", self.text_kind, TEXT_KINDS)
        self.registry()  # validates the disabled names

    @property
    def thresholds(self) -> Thresholds:
        """The thresholds of :attr:`profile`."""
        return thresholds_for(self.profile)

    def registry(self) -> RuleRegistry:
        """The active rules: built-in plus extra, minus the disabled ones.

        :raises UnknownRuleError: when a disabled name matches no rule.
        """
        if not self.rules:
            return _builtin_registry(self.disable)
        return DEFAULT_REGISTRY.extended(self.rules).without(self.disable)

    @classmethod
    def from_options(cls, config: "Config | None" = None, **options: Any) -> "Config":
        """Build a config from keyword options, starting from ``config`` when given.

        :raises TypeError: on an unknown option or a value of the wrong type.
        """
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(options) - known)
        if unknown:
            raise TypeError(
                f"unknown option(s): {', '.join(unknown)}; known: {', '.join(sorted(known))}"
            )
        if config is None:
            return cls(**options)
        if not isinstance(config, Config):
            raise TypeError(f"config must be a declutter.Config, not {type(config).__name__}")
        if not options:
            return config
        merged: Mapping[str, Any] = {f.name: getattr(config, f.name) for f in fields(cls)}
        return cls(**{**merged, **options})
