"""Exceptions raised by declutter."""

from __future__ import annotations

from difflib import get_close_matches

#: Most "did you mean" suggestions per unknown name.
MAX_SUGGESTIONS = 3


def _suggestions(unknown: list[str], known: list[str]) -> str:
    """``"; did you mean byline?"`` for the known names nearest to the unknown ones."""
    near = [m for name in unknown for m in get_close_matches(name, known, n=MAX_SUGGESTIONS)]
    near = list(dict.fromkeys(near))
    return f"; did you mean {' or '.join(near)}?" if near else ""


class DeclutterError(Exception):
    """Base class of every error declutter raises on purpose."""


class _UnknownNamesError(DeclutterError, ValueError):
    """Names that do not exist; the message suggests the nearest ones."""

    #: what the names are, singular and plural
    nouns = ("name", "names")

    def __init__(self, unknown: list[str], known: list[str]) -> None:
        self.unknown = unknown
        self.known = known
        one, many = self.nouns
        noun = one if len(unknown) == 1 else many
        super().__init__(
            f"unknown {noun}: {', '.join(unknown)}{_suggestions(unknown, known)} "
            f"(known {many}: {', '.join(known)})"
        )


class UnknownRuleError(_UnknownNamesError):
    """A rule name given to ``disable`` (or ``--disable``) does not exist; the message
    suggests the nearest names."""

    nouns = ("rule", "rules")


class UnknownCategoryError(_UnknownNamesError):
    """A category given to ``keep`` (or ``--keep``) does not exist; the message suggests
    the nearest names."""

    nouns = ("category", "categories")


class UnknownProfileError(DeclutterError, ValueError):
    """The precision/recall profile name is not one of the known profiles."""


class RuleFileError(DeclutterError, ValueError):
    """A user rule file is malformed; the message names the file and the line."""


class RuleTimeout(DeclutterError):
    """A rule's pattern ran past its time budget; the rule abstains for this document."""
