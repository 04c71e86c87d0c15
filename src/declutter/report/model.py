"""Explanations -> the report's data: plain, JSON-ready and compact.

The page's script draws everything from this one mapping (see :func:`report_data`).
Lines are stored once, as text; each line points into a table of the distinct decisions
of the corpus (kept or removed, category, rule, reason, verdict, labels), so that the
size of a report grows with its text, not with its explanations.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..evaluation import document_precision_recall, f1_score, shingle_counts
from ..result import Explanation
from .gold import MARKS, GoldJudge, mark
from .palette import FALLBACK_COLOUR, MARK_COLOURS, category_colour

#: Characters of one line shown; the rest is counted, not shown (a bound on the size).
MAX_LINE_CHARS = 10_000
#: Digits kept of the shares and scores (fewer bytes, same figures).
SHARE_DIGITS = 4
#: One-letter codes of the gold marks in a document's ``g`` string; ``.``: not judged.
MARK_CODES = {"content_kept": "k", "noise_removed": "r", "content_lost": "l",
              "noise_kept": "n"}
UNJUDGED = "."


@dataclass(frozen=True)
class ReportDocument:
    """One document of a report.

    :param name: how the report names it (a file name, ``corpus.jsonl:12``...).
    :param explanation: what declutter decided, from :func:`declutter.explain`.
    :param gold: the gold text (the article a person would keep), when there is one:
        lines are then marked content kept, noise removed, content lost or noise kept.
    """

    name: str
    explanation: Explanation
    gold: str | None = None


class _Interner:
    """Distinct values, numbered in order of first appearance."""

    def __init__(self) -> None:
        self._index: dict[Any, int] = {}
        self.values: list[Any] = []

    def __call__(self, value: Any) -> int:
        number = self._index.get(value)
        if number is None:
            number = self._index[value] = len(self.values)
            self.values.append(value)
        return number


def _share(part: int, whole: int) -> float:
    return round(part / whole, SHARE_DIGITS) if whole else 0.0


def _page_f1(output: str, gold: str) -> float:
    """The document's shingle F1 against its gold, as the benchmark scores a page (1 when
    neither text has a shingle)."""
    precision, recall = document_precision_recall(shingle_counts(output, gold))
    if precision is None and recall is None:
        return 1.0
    return round(f1_score(precision or 0.0, recall or 0.0), SHARE_DIGITS)


def _document(doc: ReportDocument, decisions: _Interner, labels: _Interner,
              max_line_chars: int) -> dict[str, Any]:
    result = doc.explanation
    texts: list[str] = []
    cut: list[list[int]] = []
    widths: list[int] = []
    codes: list[int] = []
    for segment in result.segments:
        line = result.line(segment)
        if len(line) > max_line_chars:
            cut.append([segment.line_number - 1, len(line)])
            line = line[:max_line_chars]
        texts.append(line)
        widths.append(segment.end - segment.start)
        label_ids = tuple(labels((l.rule, l.category.value, l.confidence, l.reason))
                          for l in segment.labels)
        codes.append(decisions((int(segment.kept), segment.category, segment.rule,
                                segment.reason, segment.verdict, label_ids)))
    removed = result.removed_by_category
    removed_chars = sum(entry["chars"] for entry in removed.values())
    summary: dict[str, Any] = {
        "lines": len(result.segments), "chars": len(result.original),
        "removedLines": sum(entry["lines"] for entry in removed.values()),
        "removedChars": removed_chars, "share": _share(removed_chars, len(result.original)),
        "cats": {category: [entry["lines"], entry["chars"]]
                 for category, entry in removed.items()},
    }
    data: dict[str, Any] = {
        "name": doc.name, "lang": result.language, "langMethod": result.language_method,
        "kind": result.page_kind, "wholePage": result.whole_page, "profile": result.profile,
        "rounds": result.rounds,
        "abstentions": [[a.rule, a.reason] for a in result.abstentions],
        "t": texts, "w": widths, "d": codes, "cut": cut, "sum": summary,
    }
    if doc.gold is not None:
        data["g"], summary["marks"] = _gold_marks(result, doc.gold)
        marks = summary["marks"]
        content = marks["content_kept"][1] + marks["content_lost"][1]
        kept = marks["content_kept"][1] + marks["noise_kept"][1]
        summary["lostShare"] = _share(marks["content_lost"][1], content)
        summary["noiseKeptShare"] = _share(marks["noise_kept"][1], kept)
        summary["f1"] = _page_f1(result.text, doc.gold)
    return data


def _gold_marks(result: Explanation, gold: str) -> tuple[str, dict[str, list[int]]]:
    """The document's marks, one letter per line, and ``{mark: [lines, chars]}``."""
    segments = result.segments
    verdicts = GoldJudge(gold).judge([result.line(s) for s in segments],
                                     [s.kept for s in segments])
    letters = []
    totals = {name: [0, 0] for name in MARKS}
    for segment, content in zip(segments, verdicts):
        if content is None:
            letters.append(UNJUDGED)
            continue
        name = mark(kept=segment.kept, content=content)
        letters.append(MARK_CODES[name])
        totals[name][0] += 1
        totals[name][1] += segment.end - segment.start
    return "".join(letters), totals


def _corpus_summary(documents: Sequence[dict[str, Any]], gold: bool) -> dict[str, Any]:
    cats: dict[str, list[int]] = {}
    for doc in documents:
        for category, (lines, chars) in doc["sum"]["cats"].items():
            entry = cats.setdefault(category, [0, 0])
            entry[0] += lines
            entry[1] += chars
    chars = sum(doc["sum"]["chars"] for doc in documents)
    removed = sum(doc["sum"]["removedChars"] for doc in documents)
    summary: dict[str, Any] = {
        "documents": len(documents),
        "lines": sum(doc["sum"]["lines"] for doc in documents),
        "removedLines": sum(doc["sum"]["removedLines"] for doc in documents),
        "chars": chars, "removedChars": removed, "share": _share(removed, chars),
        "cats": dict(sorted(cats.items())),
    }
    if gold:
        marks = {name: [0, 0] for name in MARKS}
        for doc in documents:
            for name, (lines, mark_chars) in doc["sum"].get("marks", {}).items():
                marks[name][0] += lines
                marks[name][1] += mark_chars
        summary["marks"] = marks
        content = marks["content_kept"][1] + marks["content_lost"][1]
        summary["lostShare"] = _share(marks["content_lost"][1], content)
    return summary


def report_data(documents: Iterable[ReportDocument], *, title: str = "declutter report",
                note: str = "", max_line_chars: int = MAX_LINE_CHARS) -> dict[str, Any]:
    """The data the report's page draws, as one JSON-ready mapping.

    :param documents: the documents, in the order the report lists them at first.
    :param title: the report's title.
    :param note: a line under the title (the command that made the report, a date...);
        nothing is added that was not passed in, so the same input gives the same file.
    :param max_line_chars: characters of a line shown; a longer line is cut there and
        the report says how long it was.
    """
    if max_line_chars < 1:
        raise ValueError(f"max_line_chars must be at least 1, not {max_line_chars}")
    decisions, labels = _Interner(), _Interner()
    docs = list(documents)
    rendered = [_document(doc, decisions, labels, max_line_chars) for doc in docs]
    gold = any(doc.gold is not None for doc in docs)
    rules = sorted({d[2] for d in decisions.values if not d[0] and d[1] is not None})
    categories = sorted({d[1] for d in decisions.values if not d[0] and d[1] is not None})
    return {
        "title": title, "note": note, "gold": gold,
        "palette": {category: category_colour(category) for category in categories},
        "fallback": FALLBACK_COLOUR, "markColours": dict(MARK_COLOURS),
        "marks": list(MARKS),
        "categories": categories,
        "rules": rules,
        "decisions": [[kept, category, rule, reason, verdict, list(label_ids)]
                      for kept, category, rule, reason, verdict, label_ids in decisions.values],
        "labels": [list(label) for label in labels.values],
        "docs": rendered,
        "sum": _corpus_summary(rendered, gold),
    }
