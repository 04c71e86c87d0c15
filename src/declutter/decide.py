"""Labels + context -> keep or remove, for every non-blank line of one pass.

The strongest label of a line decides, unless context keeps the line:

* ``below_threshold``: the label is weaker than the profile's ``min_confidence``;
* ``guarded``: a content guard (ingredient list, numbered step, quotation) covers the
  line and the label is below ``Confidence.STRONG``;
* ``between_paragraphs``: a single-line label below ``STRONG`` on a line whose
  neighbours are unlabelled article paragraphs ("a short line between two paragraphs is
  probably article").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .document import Document
from .table import LineTable
from .labels import Confidence, Guard, Label, Mark
from .profiles import Thresholds

REMOVED = "removed"
BELOW_THRESHOLD = "below_threshold"
GUARDED = "guarded"
BETWEEN_PARAGRAPHS = "between_paragraphs"


@dataclass
class PassDecision:
    """What one pass decided.

    :param removed: line index -> the label that removed it.
    :param spared: line index -> (verdict, strongest label, sentence) for labelled lines kept.
    :param labels: line index -> every label (filled only when recording for explain).
    """

    removed: dict[int, Label] = field(default_factory=dict)
    spared: dict[int, tuple[str, Label, str]] = field(default_factory=dict)
    labels: dict[int, list[Label]] = field(default_factory=dict)


def decide(
    doc: Document,
    table: LineTable,
    marks: list[Mark],
    guards: list[Guard],
    thresholds: Thresholds,
    record: bool = False,
) -> PassDecision:
    """Decide every labelled non-blank line of ``doc``."""
    best: dict[int, Label] = {}
    in_region: set[int] = set()
    decision = PassDecision()
    blank = doc.blank
    for mark in marks:
        label = mark.label
        region = mark.last > mark.first
        for index in range(mark.first, mark.last + 1):
            if blank[index]:
                continue
            current = best.get(index)
            if current is None or label.confidence > current.confidence:
                best[index] = label
            if region:
                in_region.add(index)
            if record:
                decision.labels.setdefault(index, []).append(label)
    guard_of: dict[int, Guard] = {}
    for guard in guards:
        for index in range(guard.first, guard.last + 1):
            guard_of.setdefault(index, guard)

    for index in sorted(best):
        label = best[index]
        if label.confidence < thresholds.min_confidence:
            decision.spared[index] = (BELOW_THRESHOLD, label,
                                      f"below the profile's confidence ({label.rule})")
        elif label.confidence < Confidence.STRONG and index in guard_of:
            guard = guard_of[index]
            decision.spared[index] = (GUARDED, label, f"{guard.reason} ({guard.rule})")
        elif (label.confidence < Confidence.STRONG and index not in in_region
              and _between_paragraphs(doc, table, best, index)):
            decision.spared[index] = (BETWEEN_PARAGRAPHS, label,
                                      "a short line between two article paragraphs")
        else:
            decision.removed[index] = label
    return decision


def _between_paragraphs(doc: Document, table: LineTable, best: dict[int, Label],
                        index: int) -> bool:
    before = _neighbour(doc, index, -1)
    after = _neighbour(doc, index, +1)
    return all(
        n is not None and table.prose[n] and n not in best for n in (before, after)
    )


def _neighbour(doc: Document, index: int, step: int) -> int | None:
    probe = index + step
    while 0 <= probe < len(doc.lines):
        if not doc.blank[probe]:
            return probe
        probe += step
    return None
