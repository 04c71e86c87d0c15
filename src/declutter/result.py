"""The explain result: one decision per line, with offsets into the original text."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from .labels import Label


@dataclass(frozen=True, slots=True)
class Segment:
    """One line of the input and what declutter decided about it.

    :param index: the line's number, from 0.
    :param start: offset of the line's first character in the original text.
    :param end: offset just past the line's break; ``text[start:end]`` is the line with
        its break, and the segments of a result partition the original text.
    :param kept: whether the line is in the output.
    :param category: the category of the label that decided (``None`` when no rule did).
    :param rule: the rule whose label decided, or the step that kept or dropped the line
        (``"blank_lines"``).
    :param reason: a short human sentence.
    :param verdict: a stable code: ``kept``, ``removed``, ``below_threshold``,
        ``guarded``, ``between_paragraphs``, ``blank_kept``, ``blank_collapsed``.
    :param labels: every label the rules attached to the line.
    """

    index: int
    start: int
    end: int
    kept: bool
    category: str | None
    rule: str | None
    reason: str
    verdict: str
    labels: tuple[Label, ...]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready mapping."""
        return {
            "index": self.index, "start": self.start, "end": self.end, "kept": self.kept,
            "category": self.category, "rule": self.rule, "reason": self.reason,
            "verdict": self.verdict,
            "labels": [
                {"rule": l.rule, "category": l.category.value, "confidence": l.confidence,
                 "reason": l.reason} for l in self.labels
            ],
        }


@dataclass(frozen=True, slots=True)
class Abstention:
    """A rule that gave up on a document (its pattern ran past the time budget)."""

    rule: str
    reason: str


@dataclass(frozen=True)
class Explanation:
    """The cleaned text with a decision for every line of the original.

    :param text: the cleaned text, identical to what :func:`declutter.clean` returns.
    :param original: the input text.
    :param segments: one :class:`Segment` per input line, in order.
    :param language: the language used for lexicons and stopwords.
    :param language_method: how it was chosen (``given``, ``script``, ``stopwords``,
        ``langdetect``, ``fallback``).
    :param profile: the profile used.
    :param abstentions: rules that gave up on this document.
    :param rounds: cleaning passes run until nothing more was removed.
    :param page_kind: what the page was taken for: ``"discussion"`` (a forum thread or
        Q&A page, whose posts are content) or ``"article"``.
    :param whole_page: whether the text was read as a whole page, menus and footers
        included, rather than an article already extracted.
    """

    text: str
    original: str
    segments: tuple[Segment, ...]
    language: str
    language_method: str
    profile: str
    abstentions: tuple[Abstention, ...]
    rounds: int
    page_kind: str = "article"
    whole_page: bool = False

    @property
    def removed(self) -> tuple[Segment, ...]:
        """The segments that are not in the output."""
        return tuple(s for s in self.segments if not s.kept)

    def line(self, segment: Segment) -> str:
        """The line of ``segment`` as it stands in the original, without its break."""
        return self.original[segment.start:segment.end].rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")

    def removed_by_category(self) -> dict[str, dict[str, int]]:
        """``{category: {"lines": n, "chars": n}}`` for the removed non-blank lines."""
        totals: dict[str, dict[str, int]] = {}
        for segment in self.segments:
            if segment.kept or segment.category is None:
                continue
            entry = totals.setdefault(segment.category, {"lines": 0, "chars": 0})
            entry["lines"] += 1
            entry["chars"] += segment.end - segment.start
        return dict(sorted(totals.items()))

    def to_dict(self, *, include_text: bool = True) -> dict[str, Any]:
        """A JSON-ready mapping of the whole result."""
        data: dict[str, Any] = {
            "language": self.language, "language_method": self.language_method,
            "profile": self.profile, "rounds": self.rounds,
            "abstentions": [{"rule": a.rule, "reason": a.reason} for a in self.abstentions],
            "removed_by_category": self.removed_by_category(),
            "segments": [s.to_dict() for s in self.segments],
        }
        if include_text:
            data["text"] = self.text
        return data

    def to_json(self, **kwargs: Any) -> str:
        """:meth:`to_dict` as a JSON string (``kwargs`` go to :func:`json.dumps`)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, **kwargs)
