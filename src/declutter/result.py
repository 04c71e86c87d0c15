"""The explain result: one decision per line, with offsets into the original text.

Line numbers count from 1, everywhere: :attr:`Segment.line_number`, the reasons rules
give ("repeats line 4, just above"), ``--explain``, ``--json`` and the :func:`str` of an
:class:`Explanation`. ``result.segments[n - 1]`` is line ``n``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from .labels import Label
from .wording import plural

#: The verdict of a line removed by a rule's label.
REMOVED = "removed"
#: The verdict of a blank line dropped because a removal left it over.
BLANK_COLLAPSED = "blank_collapsed"
#: Characters of a removed line shown in a report.
EXCERPT_CHARS = 70
#: Lines of one removed run shown in a report; the others are counted.
RUN_LINES_SHOWN = 3
#: Line breaks stripped by :meth:`Explanation.line`.
LINE_BREAKS = "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


@dataclass(frozen=True, slots=True)
class Segment:
    """One line of the input and what declutter decided about it.

    :param line_number: the line's number, from 1 (as in reasons and ``--explain``).
    :param start: offset of the line's first character in the original text.
    :param end: offset just past the line's break; ``text[start:end]`` is the line with
        its break, and the segments of a result partition the original text.
    :param kept: whether the line is in the output.
    :param category: the category of the label that decided (``None`` when no rule did).
    :param rule: the rule whose label decided, or the step that kept or dropped the line
        (``"blank_lines"``).
    :param reason: a short human sentence.
    :param verdict: a stable code: ``kept``, ``removed``, ``below_threshold``,
        ``guarded``, ``inside_article``, ``between_paragraphs``, ``weighed_as_content``,
        ``last_prose``, ``echoed_by_prose``, ``not_an_article``, ``evidence_only``,
        ``blank_kept``, ``blank_collapsed``.
    :param labels: every label the rules attached to the line.
    """

    line_number: int
    start: int
    end: int
    kept: bool
    category: str | None
    rule: str | None
    reason: str
    verdict: str
    labels: tuple[Label, ...]

    def __repr__(self) -> str:
        return f"<Segment line {self.line_number}: {self._verdict_phrase()}>"

    def __str__(self) -> str:
        return f"line {self.line_number}: {self._verdict_phrase()}"

    def _verdict_phrase(self) -> str:
        if self.verdict == REMOVED:
            return f"removed by {self.rule} [{self.category}]: {self.reason}"
        state = "kept" if self.kept else "removed"
        qualifier = "" if self.verdict == state else f" ({self.verdict})"
        return f"{state}{qualifier}: {self.reason}"

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready mapping."""
        return {
            "line_number": self.line_number, "start": self.start, "end": self.end, "kept": self.kept,
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
        Q&A page, whose posts are content), ``"article"``, or ``"other"`` (a listing, a
        product or documentation page...: :mod:`declutter.page_kind`).
    :param whole_page: whether the text was read as a whole page, menus and footers
        included, rather than an article already extracted.
    :param converged: whether the last pass removed nothing, so that cleaning
        :attr:`text` again returns it unchanged. It is false only for text built to lose
        a line or two a pass, on which the passes stop once they have read the document
        :data:`declutter.engine.PASS_WORK_FACTOR` times over.
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
    converged: bool = True

    def __repr__(self) -> str:
        return (f"<Explanation: {plural(len(self.segments), 'line')}, "
                f"{len(self.removed)} removed, language {self.language}, "
                f"profile {self.profile}>")

    def __str__(self) -> str:
        return self.report()

    @property
    def removed(self) -> tuple[Segment, ...]:
        """The lines a rule's label removed (each with its rule, category and reason).

        Blank lines dropped because a removal left them over are not here but in
        :attr:`blank_removed`.
        """
        return tuple(s for s in self.segments if s.verdict == REMOVED)

    @property
    def blank_removed(self) -> tuple[Segment, ...]:
        """The blank lines dropped because a removal left them over (no rule decided)."""
        return tuple(s for s in self.segments if s.verdict == BLANK_COLLAPSED)

    def line(self, segment: Segment) -> str:
        """The line of ``segment`` as it stands in the original, without its break."""
        return self.original[segment.start:segment.end].rstrip(LINE_BREAKS)

    @property
    def removed_by_category(self) -> dict[str, dict[str, int]]:
        """``{category: {"lines": n, "chars": n}}`` for the lines in :attr:`removed`."""
        totals: dict[str, dict[str, int]] = {}
        for segment in self.removed:
            entry = totals.setdefault(segment.category, {"lines": 0, "chars": 0})
            entry["lines"] += 1
            entry["chars"] += segment.end - segment.start
        return dict(sorted(totals.items()))

    def report(self, name: str | None = None) -> str:
        """What ``--explain`` prints: a summary, then one entry per run of lines removed
        by the same rule for the same reason (blank lines between them do not break a
        run), each with its first lines; how many more a run holds is said.

        :param name: the input's name, at the start of the summary.
        """
        head = f"# {name}: " if name else "# "
        lines = [f"{head}{plural(len(self.segments), 'line')}, language {self.language} "
                 f"({self.language_method}), profile {self.profile}"]
        for run in self._runs():
            first, last = run[0], run[-1]
            span = (f"line {first.line_number}" if first is last
                    else f"lines {first.line_number}-{last.line_number}")
            lines.append(f"{span}  [{first.category}] {first.rule}: {first.reason}")
            lines.extend(f"    | {self._excerpt(s)}" for s in run[:RUN_LINES_SHOWN])
            if len(run) > RUN_LINES_SHOWN:
                lines.append(f"    | … and {plural(len(run) - RUN_LINES_SHOWN, 'more line')}")
        for abstention in self.abstentions:
            lines.append(f"abstained: {abstention.rule}: {abstention.reason}")
        if not self.converged:
            lines.append(f"unconverged: the passes stopped after {self.rounds} with lines "
                         "still going; cleaning the text again may remove more")
        kept = sum(1 for s in self.segments if s.kept)
        removed = ", ".join(f"{c}: {v['lines']}" for c, v in self.removed_by_category.items())
        lines.append(f"# kept {kept} of {plural(len(self.segments), 'line')}; removed "
                     + (removed or "nothing"))
        return "\n".join(lines) + "\n"

    def _runs(self) -> list[list[Segment]]:
        runs: list[list[Segment]] = []
        for segment in self.removed:
            previous = runs[-1][-1] if runs else None
            if previous is not None and (previous.rule, previous.reason) == \
                    (segment.rule, segment.reason) and self._only_blanks_between(previous, segment):
                runs[-1].append(segment)
            else:
                runs.append([segment])
        return runs

    def _only_blanks_between(self, a: Segment, b: Segment) -> bool:
        return all(not self.line(s).strip() for s in self.segments[a.line_number:b.line_number - 1])

    def _excerpt(self, segment: Segment) -> str:
        excerpt = self.line(segment).strip()
        if len(excerpt) > EXCERPT_CHARS:
            excerpt = excerpt[:EXCERPT_CHARS - 1] + "…"
        return excerpt

    def to_dict(self, *, include_text: bool = True) -> dict[str, Any]:
        """A JSON-ready mapping of the whole result."""
        data: dict[str, Any] = {
            "language": self.language, "language_method": self.language_method,
            "profile": self.profile, "rounds": self.rounds,
            "page_kind": self.page_kind, "whole_page": self.whole_page,
            "converged": self.converged,
            "abstentions": [{"rule": a.rule, "reason": a.reason} for a in self.abstentions],
            "removed_by_category": self.removed_by_category,
            "segments": [s.to_dict() for s in self.segments],
        }
        if include_text:
            data["text"] = self.text
        return data

    def to_json(self, **kwargs: Any) -> str:
        """:meth:`to_dict` as a JSON string (``kwargs`` go to :func:`json.dumps`)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, **kwargs)

    def to_json_lines(self, **fields: Any) -> str:
        """One JSON object per line of the input, each a :meth:`Segment.to_dict` with
        the line's ``text`` (without its break) and ``fields`` first; what
        ``--json-lines`` prints."""
        return "".join(
            json.dumps({**fields, **segment.to_dict(), "text": self.line(segment)},
                       ensure_ascii=False) + "\n"
            for segment in self.segments)
