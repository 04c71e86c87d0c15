"""Turning a run's outcome into an :class:`~declutter.result.Explanation`."""

from __future__ import annotations

from .config import Config
from .engine import Outcome
from .result import BLANK_COLLAPSED, REMOVED, Explanation, Segment

BLANK_RULE = "blank_lines"


def build_explanation(outcome: Outcome, config: Config) -> Explanation:
    """One :class:`Segment` per line of the original, in order."""
    doc = outcome.doc
    segments = []
    for index in range(len(doc.lines)):
        labels = tuple(outcome.labels.get(index, ()))
        kept = outcome.emitted[index]
        if doc.blank[index]:
            verdict = "blank_kept" if kept else BLANK_COLLAPSED
            reason = "blank line" if kept else "blank line left over by a removal"
            segments.append(Segment(index + 1, doc.starts[index], doc.ends[index], kept, None,
                                    BLANK_RULE, reason, verdict, labels))
        elif index in outcome.removed:
            label = outcome.removed[index]
            segments.append(Segment(index + 1, doc.starts[index], doc.ends[index], False,
                                    label.category.value, label.rule, label.reason, REMOVED,
                                    labels))
        elif index in outcome.spared:
            verdict, label, why = outcome.spared[index]
            reason = f"kept: {why}; {label.rule} said {label.reason}"
            segments.append(Segment(index + 1, doc.starts[index], doc.ends[index], True, None,
                                    None, reason, verdict, labels))
        else:
            segments.append(Segment(index + 1, doc.starts[index], doc.ends[index], True, None,
                                    None, "no rule matched", "kept", labels))
    return Explanation(
        text=outcome.text, original=doc.text, segments=tuple(segments),
        language=outcome.language, language_method=outcome.language_method,
        profile=config.profile, abstentions=tuple(outcome.abstentions), rounds=outcome.passes,
        page_kind=("discussion" if outcome.discussion
                   else "article" if outcome.article >= 0.5 else "other"),
        whole_page=outcome.whole_page, converged=outcome.converged,
    )
