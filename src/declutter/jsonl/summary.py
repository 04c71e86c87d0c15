"""What a JSON Lines run did: bad records met, removals by category, the summary line."""

from __future__ import annotations

from dataclasses import dataclass, field as dataclass_field
from enum import Enum
from typing import Any, Mapping

from ..wording import plural

#: Bad records named one by one in the report; the rest are only counted.
MAX_REPORTED_PROBLEMS = 20
#: Bytes in a megabyte, as the summary counts them.
MEGABYTE = 1_000_000
#: Units of :func:`human_bytes`, smallest first.
BYTE_UNITS = ("B", "kB", "MB", "GB", "TB")
#: Bytes per step of :data:`BYTE_UNITS`.
BYTE_UNIT_STEP = 1000


class Problem(str, Enum):
    """The kinds of bad records (the value is the code used in reports)."""

    INVALID_UTF8 = "invalid_utf8"
    INVALID_JSON = "invalid_json"
    NOT_OBJECT = "not_object"
    MISSING_FIELD = "missing_field"
    NOT_STRING = "not_string"
    HTML_FAILED = "html_failed"
    CLEAN_FAILED = "clean_failed"

    def __str__(self) -> str:  # pragma: no cover - trivial
        return self.value


@dataclass(frozen=True)
class RecordProblem:
    """One bad record: where it is and what is wrong with it.

    :param source: the input's name (a file name, ``<stdin>``, ``<records>``).
    :param line: its line number in the input, from 1 (the record's number, from 1,
        for :func:`clean_records`).
    :param kind: what is wrong.
    :param detail: a short human sentence.
    """

    source: str
    line: int
    kind: Problem
    detail: str

    def message(self) -> str:
        """``source:line: detail``, as the command line prints it."""
        return f"{self.source}:{self.line}: {self.detail}"


@dataclass
class CategoryTotals:
    """Lines, characters and UTF-8 bytes removed in one category."""

    lines: int = 0
    chars: int = 0
    bytes: int = 0

    def add(self, other: "CategoryTotals") -> None:
        """Add ``other``'s counts to these."""
        self.lines += other.lines
        self.chars += other.chars
        self.bytes += other.bytes


@dataclass
class Summary:
    """What a run did (counts add up over chunks and inputs).

    :param records_in: non-blank lines read.
    :param records_out: lines written: cleaned records plus bad records kept unchanged.
    :param blank_lines: blank lines dropped.
    :param skipped: bad records dropped (``on_error="skip"``).
    :param kept_unchanged: bad records written unchanged (``on_error="keep"``).
    :param failed: bad records that stopped the run (``on_error="fail"``): 0 or 1.
    :param problems_by_kind: bad records by kind.
    :param problems: the first :data:`MAX_REPORTED_PROBLEMS` bad records.
    :param bytes_in: input bytes read (after decompression).
    :param bytes_out: output bytes written (before compression).
    :param removed: removed lines by category.
    :param seconds: wall time of the run.
    """

    records_in: int = 0
    records_out: int = 0
    blank_lines: int = 0
    skipped: int = 0
    kept_unchanged: int = 0
    failed: int = 0
    problems_by_kind: dict[str, int] = dataclass_field(default_factory=dict)
    problems: list[RecordProblem] = dataclass_field(default_factory=list)
    bytes_in: int = 0
    bytes_out: int = 0
    removed: dict[str, CategoryTotals] = dataclass_field(default_factory=dict)
    seconds: float = 0.0

    @property
    def bad_records(self) -> int:
        """Bad records met, whatever was done with them."""
        return self.skipped + self.kept_unchanged + self.failed

    def note_problem(self, problem: RecordProblem, policy: str) -> None:
        """Count a bad record handled under ``policy``."""
        if policy == "skip":
            self.skipped += 1
        elif policy == "keep":
            self.kept_unchanged += 1
        else:
            self.failed += 1
        self.problems_by_kind[problem.kind.value] = self.problems_by_kind.get(problem.kind.value, 0) + 1
        if len(self.problems) < MAX_REPORTED_PROBLEMS:
            self.problems.append(problem)

    def add_removed(self, removed: Mapping[str, CategoryTotals]) -> None:
        """Add one record's removals."""
        for category, totals in removed.items():
            self.removed.setdefault(category, CategoryTotals()).add(totals)

    def merge(self, other: "Summary") -> None:
        """Add ``other``'s counts (a later chunk's) to these."""
        for name in ("records_in", "records_out", "blank_lines", "skipped", "kept_unchanged",
                     "failed", "bytes_in", "bytes_out"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for kind, count in other.problems_by_kind.items():
            self.problems_by_kind[kind] = self.problems_by_kind.get(kind, 0) + count
        room = MAX_REPORTED_PROBLEMS - len(self.problems)
        self.problems.extend(other.problems[:max(room, 0)])
        self.add_removed(other.removed)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready mapping (removed categories sorted by name)."""
        return {
            "records_in": self.records_in, "records_out": self.records_out,
            "blank_lines": self.blank_lines, "skipped": self.skipped,
            "kept_unchanged": self.kept_unchanged, "failed": self.failed,
            "problems_by_kind": dict(sorted(self.problems_by_kind.items())),
            "bytes_in": self.bytes_in, "bytes_out": self.bytes_out,
            "seconds": self.seconds,
            "removed": {c: {"lines": t.lines, "chars": t.chars, "bytes": t.bytes}
                        for c, t in sorted(self.removed.items())},
        }

    def render(self) -> str:
        """The one-line summary the command line prints on standard error."""
        parts = [f"{plural(self.records_in, 'record')} in, {self.records_out:,} out"]
        if self.bad_records:
            kinds = ", ".join(f"{k} {n:,}" for k, n in sorted(self.problems_by_kind.items()))
            handled = [(self.failed, "stopped the run"), (self.skipped, "skipped"),
                       (self.kept_unchanged, "kept unchanged")]
            parts.append(", ".join(f"{plural(n, 'bad record')} {what}"
                                   for n, what in handled if n) + f" ({kinds})")
        if self.blank_lines:
            parts.append(f"{plural(self.blank_lines, 'blank line')} dropped")
        rate = self.bytes_in / MEGABYTE / self.seconds if self.seconds > 0 else 0.0
        volume = (f"{self.bytes_in / MEGABYTE:.2f} MB in, {self.bytes_out / MEGABYTE:.2f} MB out "
                  f"in {self.seconds:.1f} s ({rate:.2f} MB/s)")
        ranked = sorted(self.removed.items(), key=lambda item: (-item[1].bytes, item[0]))
        removed = ", ".join(f"{c} {human_bytes(t.bytes)}" for c, t in ranked) or "nothing"
        return f"{'; '.join([', '.join(parts), volume])}; removed: {removed}"


def human_bytes(count: int) -> str:
    """``1234567`` -> ``"1.2 MB"`` (decimal units)."""
    value = float(count)
    for unit in BYTE_UNITS:
        if value < BYTE_UNIT_STEP or unit == BYTE_UNITS[-1]:
            return f"{count} B" if unit == BYTE_UNITS[0] else f"{value:.1f} {unit}"
        value /= BYTE_UNIT_STEP
    raise AssertionError("unreachable")  # pragma: no cover

