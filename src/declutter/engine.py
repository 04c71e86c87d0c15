"""The pipeline: text -> lines -> findings of named rules -> decisions -> output.

Cleaning repeats until a pass removes nothing, so that ``clean(clean(x)) == clean(x)``:
a later pass sees the text without the noise an earlier pass removed (a headline list
that only reaches the end of the page once the comment thread after it is gone). Both
:func:`declutter.clean` and :func:`declutter.explain` run :func:`run`; ``explain`` only
asks it to record more.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, replace
from functools import lru_cache, partial
from types import MappingProxyType
from typing import Mapping

from .assemble import assemble, emitted_lines
from .config import Config
from .decide import PassDecision, decide
from .document import Document, segment
from .errors import RuleTimeout
from .hints import NO_HINTS, PageHints
from .keys import line_key
from .table import LineTable, anchor_of, build_table, carry_line_caches
from .labels import Category, Guard, Label, Mark
from .line_features import echoed_by_prose
from .page_kind import article_probability
from .langid import detect_language
from .lexicon import available_languages, load_lexicon
from .memo import LineMemo
from .result import Abstention
from .rules import EVIDENCE_ONLY_ON_EXTRACTS
from .rules.base import ScanContext
from .rules.comments import find_markers, is_forum
from .rules.main_content import is_whole_page

#: Most cleaning passes over one document (the last pass normally removes nothing).
#: Whole-page text of a few hundred lines can peel off its chrome a few lines a pass
#: (the article's span shrinks as what lies around it goes): on the tune pages the
#: most a run needed was 32 passes, and most runs need 2 or 3.
MAX_PASSES = 50
#: The passes of one run read at most this many times the document's non-blank lines
#: in all (the tune pages needed up to 14): text built to lose one line a pass (a
#: thousand lines of "Home") stops there, unconverged (``Outcome.converged``), and the
#: run stays linear in the document's size.
PASS_WORK_FACTOR = 16
#: On an extractor's output, the rules remove what is noise only beside an article (lists
#: of other stories, bylines, comment threads...) when the page-kind judgement, made on
#: the lines outside the comment threads the rules found, reads the page as an article
#: with at least this probability. Below it (not an article, or evidence too weak to
#: tell) only what is noise on any page goes: when unsure, keep.
ARTICLE_EVIDENCE_MIN = 0.7
#: The name under which the page-level analysis (comment markers, forum) abstains.
PAGE_KIND = "page_kind"
#: The lexicon merged into every language's own: English boilerplate is everywhere.
BASE_LANGUAGE = "en"


@dataclass
class Outcome:
    """Everything one run decided, in terms of the original document's lines.

    :param removed: line index -> label that removed it (non-blank lines).
    :param spared: line index -> (verdict, label, sentence) for labelled lines kept.
    :param labels: line index -> every label (only when recorded).
    :param discussion: whether the page was read as a discussion (a forum thread), on
        any pass.
    :param whole_page: whether the first pass read the text as a whole page, menus and
        all, rather than an extracted article.
    :param article: how likely the first pass found the page to be an article
        (:mod:`declutter.page_kind`; 0.5 when the learned decision is off).
    :param converged: whether the last pass removed nothing, so that cleaning the text
        again returns it unchanged (false only when the pass budget ran out).
    """

    doc: Document
    text: str
    emitted: list[bool]
    removed: dict[int, Label]
    spared: dict[int, tuple[str, Label, str]]
    labels: dict[int, list[Label]]
    language: str
    language_method: str
    abstentions: list[Abstention]
    passes: int
    discussion: bool = False
    whole_page: bool = False
    article: float = 0.5
    converged: bool = True


def lexicon_languages(language: str) -> tuple[str, ...]:
    """The lexicons merged for ``language``: its own (when shipped) and English."""
    if language != BASE_LANGUAGE and language in available_languages():
        return (language, BASE_LANGUAGE)
    return (BASE_LANGUAGE,)


@lru_cache(maxsize=64)
def rule_anchors(rules, lexicon) -> tuple[str, ...]:
    """The anchor words of every phrase that the rules look for inside lines: those of
    their lexicon sections and their own."""
    return tuple(sorted({
        anchor_of(phrase)
        for rule in rules
        for section in getattr(rule, "anchor_sections", ())
        for phrase in lexicon.phrases(section)
    } | {anchor_of(phrase) for rule in rules for phrase in getattr(rule, "anchor_phrases", ())}))


def run(text: str, config: Config, record: bool = False,
        hints: PageHints = NO_HINTS) -> Outcome:
    """Clean ``text`` under ``config``; ``record`` keeps every label for explanations.

    ``hints`` are what the page's HTML tells about ``text`` (where its comment section
    begins, its titles, its standfirst: :attr:`declutter.html.Extraction.hints`); plain
    text has none.
    """
    original = segment(text)
    rules = _active_rules(config)
    thresholds = config.thresholds
    keep = [True] * len(original.lines)
    removed: dict[int, Label] = {}
    spared: dict[int, tuple[str, Label, str]] = {}
    labels: dict[int, list[Label]] = {}
    abstentions: list[Abstention] = []
    current, to_original = original, list(range(len(original.lines)))
    passes = 0
    later_rules = _later_rules(config)
    weigher = _weigher(config)
    emitted = [True] * len(original.lines)
    language = method = ""
    discussion = whole_page = False
    article = 0.5
    work, budget = 0, PASS_WORK_FACTOR * max(len(original.content), 1)
    converged = False
    memo = LineMemo()  # what a pass computes from single lines, for the run's later passes
    previous: LineTable | None = None  # the table of the pass before
    previous_to_original: list[int] = []
    while passes < MAX_PASSES and work < budget:
        passes += 1
        work += len(current.content)
        # Every pass reads its text afresh, as a first pass would read it: the text a
        # run returns is one on which a pass removes nothing, so cleaning it again
        # returns it unchanged. Only what the page's HTML said (hints) is kept.
        if config.lang is not None:
            pass_language, pass_method = config.lang, "given"
        else:
            pass_language, pass_method = detect_language(current.text, memo)
        if passes == 1:
            language, method = pass_language, pass_method
        lexicon = load_lexicon(lexicon_languages(pass_language))
        table = build_table(current, pass_language, thresholds.prose_words_min,
                            rule_anchors(rules, lexicon), config.timeout, memo)
        if previous is not None:  # the lazy indexes an earlier pass computed, line by line
            to_previous = _to_previous(previous_to_original, to_original)
            if to_previous is not None:
                carry_line_caches(previous, table, to_previous)
        previous, previous_to_original = table, to_original
        ctx = ScanContext(current, table, lexicon, thresholds, pass_language, config.timeout)
        if passes == 1:  # line numbers and the first line change after the first pass
            ctx = replace(ctx, comment_section=_line_at(original, hints.comments_offset),
                          page_titles=tuple(line_key(title) for title in hints.titles),
                          page_standfirst=line_key(hints.standfirst))
        ctx = _stated(_page_facts(ctx, abstentions), config, hints)
        if passes == 1:
            whole_page = ctx.whole_page
        discussion = discussion or ctx.forum
        marks, guards, evidence = _scan(rules if passes == 1 else later_rules, ctx, abstentions)
        kept: frozenset[int] = frozenset()
        if config.keep:  # labels of kept categories decide nothing (Config.keep)
            marks, kept = _without_kept(marks, config.keep)
        weighing = (weigher.weigh(evidence, marks)
                    if weigher is not None and _weighs(weigher, evidence) else None)
        pass_article = (weighing.article if weighing is not None
                        else article_probability(evidence, getattr(weigher, "page_model", None),
                                                 _threads(marks, later_rules))
                        if weigher is not None else 0.5)
        if passes == 1:
            article = pass_article
        if weighing is not None and kept:
            weighing = weighing.sparing(kept)
        echo = None if ctx.whole_page else partial(echoed_by_prose, ctx)
        other_page = (weigher is not None and not ctx.forum
                      and pass_article < ARTICLE_EVIDENCE_MIN)
        decision = decide(current, table, marks, guards, thresholds, record, weighing, weigher,
                          echo, other_page,
                          frozenset() if whole_page or ctx.whole_page
                          else EVIDENCE_ONLY_ON_EXTRACTS)
        _merge(decision, to_original, removed, spared, labels, keep, first=passes == 1)
        emitted = emitted_lines(original, keep)
        if not decision.removed:
            converged = True
            break
        current = segment(assemble(original, emitted))
        to_original = _line_map(original, emitted, current)
    output = assemble(original, emitted)
    return Outcome(original, output, emitted, removed, spared, labels, language, method,
                   abstentions, passes, discussion, whole_page, article, converged)


def _threads(marks: list[Mark], later_rules: tuple) -> frozenset[int]:
    """The lines of the comment threads that rules of every pass found: the page kind is
    judged without them. What only the page's HTML told (where its comment section
    begins) is left in, so that cleaning the output again judges the page alike."""
    every_pass = {rule.name for rule in later_rules}
    return frozenset(index for mark in marks
                     if mark.label.category is Category.COMMENTS
                     and mark.label.rule in every_pass
                     for index in range(mark.first, mark.last + 1))


def _to_previous(previous_to_original: list[int], to_original: list[int]) -> list[int] | None:
    """For each line of a pass, the line of the pass before that starts with the same
    original line (``None`` when one has none)."""
    position = {origin: index for index, origin in enumerate(previous_to_original)}
    mapped = [position.get(origin) for origin in to_original]
    return None if None in mapped else mapped


def _line_at(doc: Document, offset: int | None) -> int | None:
    """The first line that starts at or after character ``offset`` (``None`` if none)."""
    if offset is None:
        return None
    index = bisect_left(doc.starts, offset)
    return index if index < len(doc.lines) else None


def _page_facts(ctx: ScanContext, abstentions: list[Abstention]) -> ScanContext:
    """The context with what is known of the whole page: its comment markers, whether
    it is a forum, whether it is whole-page text."""
    try:
        markers = ctx.comment_markers if ctx.comment_markers is not None else find_markers(ctx)
        return replace(ctx, comment_markers=markers, forum=is_forum(ctx, markers),
                       whole_page=is_whole_page(ctx))
    except RuleTimeout as exc:
        _abstain(abstentions, PAGE_KIND, str(exc))
        return ctx


#: How likely a page is an article, by the kind a caller stated (Config.page_kind); on
#: a discussion the page-kind model still judges (its posts decide as a forum's do).
STATED_ARTICLE: Mapping[str, float | None] = MappingProxyType(
    {"article": 1.0, "discussion": None, "other": 0.0})


def _stated(ctx: ScanContext, config: Config, hints: PageHints) -> ScanContext:
    """The context with what the caller (``config.page_kind``, ``config.text_kind``) or
    the page's HTML (``hints.discussion``) said of the page and the text, which
    overrides what the text suggests: a discussion's posts are its content."""
    page_kind = config.page_kind or ("discussion" if hints.discussion else None)
    if page_kind is not None:
        ctx = replace(ctx, forum=page_kind == "discussion",
                      stated_article=STATED_ARTICLE[page_kind])
    if config.text_kind is not None:
        ctx = replace(ctx, whole_page=config.text_kind == "page")
    return ctx


def _abstain(abstentions: list[Abstention], rule: str, reason: str) -> None:
    if not any(a.rule == rule for a in abstentions):
        abstentions.append(Abstention(rule, reason))


@lru_cache(maxsize=64)
def _active_rules(config: Config) -> tuple:
    """The rules a config runs (cached: configs are immutable)."""
    return tuple(config.registry())


@lru_cache(maxsize=64)
def _later_rules(config: Config) -> tuple:
    """The rules of passes after the first: all but those marked ``first_pass_only``,
    which read what the page's HTML said of the text as first given (its comment
    section, its titles), line numbers that later passes no longer have."""
    return tuple(r for r in _active_rules(config) if not getattr(r, "first_pass_only", False))


@lru_cache(maxsize=64)
def _weigher(config: Config):
    """The active rule that weighs the evidence into one decision (the learned line
    model), or ``None`` when it is disabled: then the strongest label decides."""
    return next((r for r in _active_rules(config) if getattr(r, "weighs", False)), None)


def _scan(rules, ctx: ScanContext, abstentions: list[Abstention],
          ) -> tuple[list[Mark], list[Guard], ScanContext]:
    """Every rule's findings, and ``ctx`` with all their labels and guards (what the
    learned decision weighs)."""
    marks: list[Mark] = []
    guards: list[Guard] = []
    prior: dict[int, float] = {}
    categories: dict[int, set] = {}
    for rule in rules:
        try:
            scoped = ctx
            if getattr(rule, "uses_prior", False):
                scoped = replace(ctx, prior=prior, prior_categories=categories,
                                 guarded=_guarded_lines(guards))
            findings = list(rule.scan(scoped))
        except RuleTimeout as exc:
            _abstain(abstentions, rule.name, str(exc))
            continue
        for finding in findings:
            if isinstance(finding, Guard):
                guards.append(finding)
                continue
            marks.append(finding)
            confidence = finding.label.confidence
            category = finding.label.category
            for index in range(finding.first, finding.last + 1):
                if prior.get(index, 0.0) < confidence:
                    prior[index] = confidence
                categories.setdefault(index, set()).add(category)
    evidence = replace(ctx, prior=prior, prior_categories=categories,
                       guarded=_guarded_lines(guards))
    return marks, guards, evidence


def _weighs(weigher, ctx: ScanContext) -> bool:
    """Whether the learned decision decides this pass: on whole-page text, where it
    pays on pages of sites it never saw; on an extractor's output the rules' strongest
    label decides, which did better there (``docs/quality.md``). A weigher that says
    ``whole_page_only = False`` decides everywhere."""
    return ctx.whole_page or not getattr(weigher, "whole_page_only", True)


def _without_kept(marks: list[Mark], keep: frozenset[str]) -> tuple[list[Mark], frozenset[int]]:
    """The marks of categories not kept, and the lines only kept categories labelled."""
    others = [m for m in marks if m.label.category.value not in keep]
    labelled = {i for m in marks for i in range(m.first, m.last + 1)}
    still = {i for m in others for i in range(m.first, m.last + 1)}
    return others, frozenset(labelled - still)


def _guarded_lines(guards: list[Guard]) -> frozenset[int]:
    return frozenset(i for guard in guards for i in range(guard.first, guard.last + 1))


def _merge(decision: PassDecision, to_original: list[int], removed, spared, labels,
           keep: list[bool], first: bool) -> None:
    """Carry one pass's decisions back to the original's line numbers."""
    for index, label in decision.removed.items():
        origin = to_original[index]
        keep[origin] = False
        removed[origin] = label
        spared.pop(origin, None)
    if first:
        for index, note in decision.spared.items():
            spared[to_original[index]] = note
    for index, found in decision.labels.items():
        labels.setdefault(to_original[index], []).extend(
            l for l in found if l not in labels.get(to_original[index], ())
        )


def _line_map(original: Document, emitted: list[bool], current: Document) -> list[int]:
    """For each line of ``current`` (the emitted lines joined), the original line it
    starts with."""
    starts: list[int] = []  # offset in ``cleaned`` of each emitted original line
    origins: list[int] = []
    offset = 0
    for index, keep in enumerate(emitted):
        if keep:
            starts.append(offset)
            origins.append(index)
            offset += original.ends[index] - original.starts[index]
    mapping = []
    for start in current.starts:
        position = bisect_left(starts, start)
        mapping.append(origins[min(position, len(origins) - 1)])
    return mapping
