"""Labels + context -> keep or remove, for every non-blank line of one pass.

With the learned decision (:mod:`declutter.rules.line_model`), a line goes when the
model, weighing every rule's evidence in the page's context, gives it a probability of
noise that reaches the profile's ``decision_min``; the label that names the removal is
the line's strongest rule label, or the model's own when no rule labelled the line.
Labels of the user's own rules (category ``custom``) are not weighed: they decide as
below. Without the model, the strongest label of a line decides, unless context keeps
the line:

* ``below_threshold``: the label is weaker than the profile's ``min_confidence``;
* ``guarded``: a content guard (ingredient list, numbered step, quotation) covers the
  line and the label is below ``Confidence.STRONG``, or a firm guard (an example the
  article quotes) covers it, whatever the built-in label;
* ``inside_article``: a single-line label of a page's edges (copyright, source,
  affiliate disclosure) on a line with article prose on both sides, within two lines:
  what the article shows (a chart's source, a quoted notice), whatever its strength;
* ``between_paragraphs``: a single-line label below ``STRONG`` on a line whose
  neighbours are unlabelled article paragraphs ("a short line between two paragraphs is
  probably article"), whatever its strength when the line is one of a series of
  :data:`DESCRIBED_ITEMS_MIN` or more different short lines, each between sentences: the
  headings of a text that describes them one by one (a help page on the buttons 'Reply',
  'Report', 'Share'), where a widget or a marker stands alone or repeats itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from typing import TYPE_CHECKING, Callable

from .document import Document
from .features import UNSPACED_LANGUAGES, ends_sentence
from .table import LineTable
from .labels import Category, Confidence, Guard, Label, Mark
from .profiles import Thresholds

if TYPE_CHECKING:
    from .rules.line_model import LineModelRule, Weighing

REMOVED = "removed"
BELOW_THRESHOLD = "below_threshold"
GUARDED = "guarded"
BETWEEN_PARAGRAPHS = "between_paragraphs"
WEIGHED = "weighed_as_content"
ECHOED = "echoed_by_prose"
OTHER_PAGE = "not_an_article"
EVIDENCE_ONLY = "evidence_only"
#: Categories whose noise repeats the article's own words (its title again, a path to
#: it, its tags, readers discussing it, headlines of related stories): the prose around
#: such a line using its words says nothing about it. A user's own rule is never second-
#: guessed.
ECHO_BLIND = frozenset({
    Category.DUPLICATE_TITLE, Category.REPEATED, Category.BREADCRUMB, Category.COMMENTS,
    Category.HEADLINE_LIST, Category.NAVIGATION, Category.CUSTOM,
})
LAST_PROSE = "last_prose"
INSIDE_ARTICLE = "inside_article"
#: Categories of a page's edges: a copyright footer closes the page, a source line or an
#: affiliate disclosure opens or closes the article. Between two stretches of the
#: article's prose such a line is what the article shows (a chart's source, a quoted
#: notice), whatever its label.
EDGE_CATEGORIES = frozenset({Category.COPYRIGHT, Category.SOURCE, Category.AFFILIATE})
#: How many non-blank lines away a prose line may be, on each side, for an edge line
#: to stand inside the article (a chart's title may come between it and the prose).
INSIDE_REACH = 2
#: Different short labelled lines, each between two sentences, that make a series of
#: described items (headings a text discusses one by one) rather than stray widgets.
DESCRIBED_ITEMS_MIN = 3
#: The most words a described item's heading has...
DESCRIBED_ITEM_WORDS_MAX = 4
#: ...and the most characters in a language written without spaces ('回复', '分享').
DESCRIBED_ITEM_CHARS_MAX_UNSPACED = 6


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
    weighing: "Weighing | None" = None,
    weigher: "LineModelRule | None" = None,
    echo: "Callable[[int], float] | None" = None,
    other_page: bool = False,
    evidence_only: frozenset[str] = frozenset(),
) -> PassDecision:
    """Decide every non-blank line of ``doc``: by ``weighing`` (the learned decision's
    verdicts, from ``weigher``) when given, else by the strongest label. ``echo`` (on an
    extractor's text) tells how much of a line's vocabulary the prose around it uses: a
    line the article discusses stays whatever its label. On an ``other_page`` (the page
    does not read as an article: a listing, a product or documentation page) the rules
    remove only what is noise on any page (:data:`NOISE_ON_ANY_PAGE`). Labels of the
    rules named in ``evidence_only`` decide nothing: a line that only they label stays."""
    best: dict[int, Label] = {}
    in_region: set[int] = set()
    evidence_lines: dict[int, Label] = {}
    decision = PassDecision()
    blank = doc.blank
    for mark in marks:
        label = mark.label
        if label.rule in evidence_only:
            for index in range(mark.first, mark.last + 1):
                if not blank[index]:
                    evidence_lines.setdefault(index, label)
                    if record:
                        decision.labels.setdefault(index, []).append(label)
            continue
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
            if index not in guard_of or (guard.firm and not guard_of[index].firm):
                guard_of[index] = guard

    if weighing is not None and weigher is not None:
        _weigh(doc, table, best, guard_of, weighing, weigher, thresholds, record, decision)
        described: frozenset[int] = frozenset()
    else:
        described = _described_items(doc, table, best, in_region)
    for index, label in evidence_lines.items():
        if index not in best:
            decision.spared[index] = (EVIDENCE_ONLY, label, f"{label.rule} is evidence only "
                                      "on extracted text: it decides nothing alone")
    for index in sorted(best):
        label = best[index]
        if weighing is not None and label.category is not Category.CUSTOM:
            continue
        if (other_page and label.category is not Category.CUSTOM
                and label.category not in NOISE_ON_ANY_PAGE):
            decision.spared[index] = (OTHER_PAGE, label, "not an article: only what is "
                                      "noise on any page goes")
        elif label.confidence < thresholds.min_confidence:
            decision.spared[index] = (BELOW_THRESHOLD, label,
                                      f"below the profile's confidence ({label.rule})")
        elif index in guard_of and _holds(guard_of[index], label):
            guard = guard_of[index]
            decision.spared[index] = (GUARDED, label, f"{guard.reason} ({guard.rule})")
        elif (label.category in EDGE_CATEGORIES and index not in in_region
              and _prose_around(doc, table, best, index, INSIDE_REACH)):
            decision.spared[index] = (INSIDE_ARTICLE, label, "between stretches of the "
                                      "article's prose, not at the page's edge")
        elif index in described:
            decision.spared[index] = (BETWEEN_PARAGRAPHS, label, "one of several different "
                                      "short lines, each followed by what the text says "
                                      "of it: headings of items the text describes")
        elif (label.confidence < Confidence.STRONG and index not in in_region
              and _prose_around(doc, table, best, index, 1)):
            decision.spared[index] = (BETWEEN_PARAGRAPHS, label,
                                      "a short line between two article paragraphs")
        elif (echo is not None and index not in in_region
              and label.category not in ECHO_BLIND and echo(index) >= thresholds.echo_keeps):
            decision.spared[index] = (ECHOED, label, "the prose around it uses its words: "
                                      "the article discusses what it quotes")
        else:
            decision.removed[index] = label
    return decision


def _weigh(doc: Document, table: LineTable, best: dict[int, Label], guard_of: dict[int, Guard],
           weighing: "Weighing", weigher: "LineModelRule", thresholds: Thresholds,
           record: bool, decision: PassDecision) -> None:
    """The learned decision for every non-blank line whose labels are not the user's.

    A content guard (a table row, an ingredient, a numbered step, a quotation) is evidence
    the model weighs (its ``guarded`` feature) like any label: a list under 'Products' in
    a site's menu is no recipe. A firm guard (an example the article quotes and discusses)
    keeps its lines whatever the model says."""
    going: dict[int, Label] = {}
    removes = thresholds.decision_threshold(weighing.whole_page, weighing.article >= 0.5)
    for index, probability in sorted(weighing.probability.items()):
        label = best.get(index)
        if label is not None and label.category is Category.CUSTOM:
            continue
        if label is None and not weighing.whole_page:
            continue  # an extractor's text: the model weighs the rules' evidence only
        if index in guard_of and guard_of[index].firm and (label is None
                                                          or _holds(guard_of[index], label)):
            guard = guard_of[index]
            if label is not None:
                decision.spared[index] = (GUARDED, label, f"{guard.reason} ({guard.rule})")
            continue
        if probability < removes:
            if label is not None:
                decision.spared[index] = (WEIGHED, label,
                                          f"weighed as content in context (p={probability:.2f})")
            continue
        why = (weigher.reason(weighing.vectors[index], probability) if record
               else f"weighed as noise (p={probability:.2f})")
        confidence = round(probability, 2)
        going[index] = (Label(label.rule, label.category, confidence, f"{label.reason}; {why}")
                        if label is not None
                        else Label(weigher.name, weigher.category, confidence, why))
    prose = [i for i in doc.content if table.prose[i]]
    if prose and all(i in going for i in prose):
        # never empty a page of its prose on the model's word alone
        for index in prose:
            label = best.get(index)
            if label is None or label.confidence < thresholds.min_confidence:
                decision.spared[index] = (LAST_PROSE, going.pop(index),
                                          "the page's last prose lines")
    decision.removed.update(going)


def _holds(guard: Guard, label: Label) -> bool:
    """Whether ``guard`` keeps a line ``label`` would remove: a firm guard against any
    built-in label, another below ``Confidence.STRONG``."""
    if guard.firm:
        return label.category is not Category.CUSTOM
    return label.confidence < Confidence.STRONG


#: Categories that are noise on any page, whatever it is: consent, share and follow rows,
#: advertisement markers, copyright footers, site notices, newsletter sign-ups, and the
#: breadcrumb path that places a page in its site's navigation.
NOISE_ON_ANY_PAGE = frozenset({
    Category.COOKIE, Category.SHARE, Category.ADVERTISEMENT, Category.COPYRIGHT,
    Category.NOTICE, Category.NEWSLETTER, Category.BREADCRUMB,
})


def _described_items(doc: Document, table: LineTable, best: dict[int, Label],
                     in_region: set[int]) -> frozenset[int]:
    """The labelled short lines that stand between two unlabelled sentences, when at
    least :data:`DESCRIBED_ITEMS_MIN` different ones do: a series of headings, each
    followed by what the text says of it. A user's own labels are never second-guessed."""
    def sentence(index: int | None) -> bool:
        return index is not None and index not in best and ends_sentence(doc.lines[index])

    unspaced = table.language in UNSPACED_LANGUAGES

    def short(index: int) -> bool:
        if unspaced:
            return len(doc.lines[index].strip()) <= DESCRIBED_ITEM_CHARS_MAX_UNSPACED
        return table.words[index] <= DESCRIBED_ITEM_WORDS_MAX

    items = [index for index, label in best.items()
             if label.category is not Category.CUSTOM and index not in in_region
             and short(index)
             and sentence(_neighbour(doc, index, -1)) and sentence(_neighbour(doc, index, +1))]
    if len({table.keys[index] for index in items}) < DESCRIBED_ITEMS_MIN:
        return frozenset()
    return frozenset(items)


def _prose_around(doc: Document, table: LineTable, best: dict[int, Label], index: int,
                  reach: int) -> bool:
    """Whether an unlabelled prose line lies within ``reach`` non-blank lines of line
    ``index`` on each side (``reach`` 1: its neighbours are article paragraphs)."""
    return all(_prose_within(doc, table, best, index, step, reach) for step in (-1, +1))


def _prose_within(doc: Document, table: LineTable, best: dict[int, Label], index: int,
                  step: int, reach: int) -> bool:
    probe = index
    for _ in range(reach):
        found = _neighbour(doc, probe, step)
        if found is None:
            return False
        if table.prose[found] and found not in best:
            return True
        probe = found
    return False


def _neighbour(doc: Document, index: int, step: int) -> int | None:
    probe = index + step
    while 0 <= probe < len(doc.lines):
        if not doc.blank[probe]:
            return probe
        probe += step
    return None
