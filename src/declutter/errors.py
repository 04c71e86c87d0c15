"""Exceptions raised by declutter."""

from __future__ import annotations


class DeclutterError(Exception):
    """Base class of every error declutter raises on purpose."""


class UnknownRuleError(DeclutterError, ValueError):
    """A rule name given to ``disable`` (or ``--disable``) does not exist."""

    def __init__(self, unknown: list[str], known: list[str]) -> None:
        self.unknown = unknown
        self.known = known
        super().__init__(
            f"unknown rule(s): {', '.join(unknown)}; known rules: {', '.join(known)}"
        )


class UnknownProfileError(DeclutterError, ValueError):
    """The precision/recall profile name is not one of the known profiles."""


class RuleFileError(DeclutterError, ValueError):
    """A user rule file is malformed; the message names the file and the line."""


class RuleTimeout(DeclutterError):
    """A rule's pattern ran past its time budget; the rule abstains for this document."""
