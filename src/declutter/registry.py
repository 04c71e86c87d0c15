"""The ordered registry of named rules."""

from __future__ import annotations

from collections import Counter
from typing import Iterable, Iterator

from .errors import UnknownRuleError
from .rules.base import Rule


class RuleRegistry:
    """An ordered, immutable collection of rules with unique names.

    Order matters only for ties: when two labels on a line have the same confidence,
    the earlier rule's label explains the decision.

    >>> from declutter.rules import DEFAULT_RULES
    >>> registry = RuleRegistry(DEFAULT_RULES)
    >>> "comment_thread" in registry.names()
    True
    """

    def __init__(self, rules: Iterable[Rule]) -> None:
        self._rules: tuple[Rule, ...] = tuple(rules)
        counts = Counter(rule.name for rule in self._rules)
        duplicated = sorted(name for name, count in counts.items() if count > 1)
        if duplicated:
            raise ValueError(f"duplicate rule names: {', '.join(duplicated)}")

    def __iter__(self) -> Iterator[Rule]:
        return iter(self._rules)

    def __len__(self) -> int:
        return len(self._rules)

    def __contains__(self, name: object) -> bool:
        return any(rule.name == name for rule in self._rules)

    def names(self) -> tuple[str, ...]:
        """Rule names, in order."""
        return tuple(rule.name for rule in self._rules)

    def get(self, name: str) -> Rule:
        """The rule called ``name``.

        :raises UnknownRuleError: when there is none.
        """
        for rule in self._rules:
            if rule.name == name:
                return rule
        raise UnknownRuleError([name], list(self.names()))

    def without(self, names: Iterable[str]) -> "RuleRegistry":
        """A registry without the rules called ``names``.

        :raises UnknownRuleError: listing every name that matches no rule.
        """
        dropped = set(names)
        if not dropped:
            return self
        unknown = sorted(dropped.difference(self.names()))
        if unknown:
            raise UnknownRuleError(unknown, list(self.names()))
        return RuleRegistry(rule for rule in self._rules if rule.name not in dropped)

    def extended(self, rules: Iterable[Rule]) -> "RuleRegistry":
        """A registry with ``rules`` appended after the existing ones."""
        rules = tuple(rules)
        if not rules:
            return self
        return RuleRegistry((*self._rules, *rules))
