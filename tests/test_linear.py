"""Every rule runs in time linear in its input, on the worst cases its shape invites.

Each input built to hurt a rule (megabyte lines of spaces, of separators, of one word, of
one letter, of digits, of ``©``, of quotation marks; many copies of one-word and lexicon
lines; long comment threads) runs once through the whole pipeline with every rule of the
registry, at two sizes ``GROWTH`` apart, and each rule's scans are timed apart (see
:class:`RuleClock`). A rule's cost is judged against a linear baseline measured in the
same run, on the same text: building the line table (every line read once). A linear
rule keeps its share of that baseline as the input grows; a quadratic one multiplies it
by ``GROWTH``. So each rule (and the rest of the pipeline) must keep its share within
``SLACK`` of the small run's, unless its time is negligible (``NEGLIGIBLE``,
``NOISE_SECONDS``). The whole large run must also end inside ``BOUND_SECONDS``, with no
rule abstaining (patterns get ``TIMEOUT``, so that no slow rule hides behind its budget).
This is a safety test, not a benchmark: the bounds are generous.

Times are CPU times of this process (:func:`time.process_time`), so that other processes
sharing the machine do not make the test flaky; wall time has its own, looser bound.
"""

from __future__ import annotations

import gc
import time
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Callable, Iterator

import pytest

import declutter
from declutter import engine
from declutter.document import Document, segment
from declutter.errors import RuleTimeout
from declutter.labels import Category
from declutter.table import build_table

#: No whole large run may take longer than this, in CPU seconds...
BOUND_SECONDS = 20.0
#: ...nor longer than this in wall-clock seconds (the machine may be shared).
WALL_BOUND_SECONDS = 3 * BOUND_SECONDS
#: Size ratio between the large and the small run of each input.
GROWTH = 10
#: Allowed growth of a rule's share of the baseline (timing noise, caches); a quadratic
#: rule's share grows ``GROWTH`` times.
SLACK = 4.0
#: A rule whose large-run time stays under this share of the baseline's, or under
#: ``NOISE_SECONDS``, passes whatever the small run took (times that small are noise).
NEGLIGIBLE = 0.05
NOISE_SECONDS = 0.005
#: Size of the single-line inputs (characters) and of the many-line inputs (lines).
LINE_CHARS = 1_000_000
LINE_COUNT = 20_000
#: Size of the comment thread run through all rules.
THREAD_CHARS = 5_000_000
#: The language is given, so that language detection (not a rule) is not timed.
LANGUAGE = "en"
#: Patterns get the whole wall-clock bound: a rule that abstained would hide its time.
TIMEOUT = WALL_BOUND_SECONDS
#: The name under which the time outside the rules' scans is judged.
ENGINE = "(engine: segmenting, line table, decisions, output)"


def repeat_to(unit: str, chars: int) -> str:
    """``unit`` repeated to ``chars`` characters (cut to length)."""
    return (unit * (chars // len(unit) + 1))[:chars]


def lines_of(line: str, count: int) -> str:
    """``count`` copies of ``line``, each with its line break."""
    return (line + "\n") * count


#: Single megabyte lines: what each rule's separators, symbols and words invite.
SINGLE_LINES: dict[str, str] = {
    "spaces": " ",
    "guillemet_separators": "» ",
    "angle_separators": "> ",
    "pipe_separators": "| ",
    "slash_separators": "/ ",
    "one_word": "word ",
    "one_letter": "a",
    "digits": "7",
    "copyright_signs": "©",
    "quotation_marks": "«»„“",
    "digits_and_colons": "12:",
    "bullets": "• ",
}
#: Lines repeated many times: one word, lexicon phrases of several rules, and pairs of
#: lines (a reference heading and a citation).
MANY_LINES: dict[str, str] = {
    "one_word_lines": "word",
    "share_lines": "Share",
    "reply_lines": "Reply",
    "relative_time_lines": "26 months ago",
    "home_lines": "Home",
    "truncated_lines": "Council votes to expand the bus network across the...",
    "numeric_rows": "1 Kyle Busch 5040 5 1 17 27",
    "cookie_lines": "We use cookies",
    "comment_prompt_lines": "Tell us what you think",
    "invitation_lines": "Learn about the bus network and where it stops",
    "pitch_lines": "Book a free call with our team today.",
    "reference_lists": "Sources\nhttps://example.com/report-2021.pdf",
    "post_headers": "by Jane » Tue Aug 27, 2019 1:47 am",
    "tag_lists": "Tags\nstock car 2018, stock car brasil, stock car santa cruz do sul",
    "shortcodes": '[button link="https://example.com/a" type="big"] Send us YOUR review[/button]',
    "registration_footers": "Company No. 3676192 | VAT No: GB 716 6328 31 | 0 1 2 3 4 5 6 7 8 9",
    "own_addresses": "https://example.com/news/Council-votes-to-expand-the-bus-network.php",
    "repeated_passages": ("The council voted on Tuesday to expand the bus network across the city, "
                          "officials said in a statement.\nCritics said the plan was too "
                          "expensive, but the mayor called the vote a turning point for all."),
}

COMMENT_NAMES = ("Anna K.", "Bob", "carla_88", "Dimitri", "Eve")
COMMENT_BODIES = (
    "I agree with this, the report was very clear about it.",
    "Not convinced at all, the numbers do not add up.",
    "Great reporting, thanks! Looking forward to more.",
    "Does anyone know when the bridge opens again?",
)
ARTICLE = (
    "The council voted on Tuesday to expand the bus network across the city, officials said "
    "in a statement released after the meeting.\n\n"
    "Critics said the plan was too expensive, but the mayor called the vote a turning point "
    "for the region and promised more details in the spring.\n\n"
)


def comment_thread(chars: int) -> str:
    """An article followed by a comment thread of about ``chars`` characters."""
    parts = [ARTICLE, "Top Rated Comments\n\n"]
    size, number = 0, 0
    while size < chars:
        number += 1
        block = (f"{COMMENT_NAMES[number % len(COMMENT_NAMES)]}\n"
                 f"{number % 28 + 1} months ago\n"
                 f"{COMMENT_BODIES[number % len(COMMENT_BODIES)]} (comment {number})\n"
                 f"Reply\nRating: {number % 50} Votes\n\n")
        parts.append(block)
        size += len(block)
    return "".join(parts)


def closing_tail(lines: int) -> str:
    """An article, a sign-up box, then ``lines`` short lines with no sentence among them."""
    item = "- Parks budget approved The plan adds four playgrounds across the city\n"
    return ARTICLE + "Sign up for our newsletter to get the latest news.\n" + item * lines


def reader_comments(lines: int) -> str:
    """An article of ``lines`` paragraphs, then ``lines`` lines that open as readers'
    comments do, to the end of the text."""
    article = "".join(f"The council voted to expand the bus network across the city, officials "
                      f"said in statement number {n}.\n" for n in range(lines))
    return article + "Hi Melissa,\nGreat read, thanks!\n" * (lines // 2)


def inputs() -> dict[str, Callable[[int], str]]:
    """Input name -> builder taking a growth divisor (1: large run, GROWTH: small run)."""
    built: dict[str, Callable[[int], str]] = {}
    for name, unit in SINGLE_LINES.items():
        built[name] = lambda div, unit=unit: repeat_to(unit, LINE_CHARS // div)
    for name, line in MANY_LINES.items():
        built[name] = lambda div, line=line: lines_of(line, LINE_COUNT // div)
    built["comment_thread"] = lambda div: comment_thread(THREAD_CHARS // div)
    built["closing_tail"] = lambda div: closing_tail(LINE_COUNT // div)
    built["reader_comments"] = lambda div: reader_comments(LINE_COUNT // div)
    return built


INPUTS = inputs()
#: Every rule of the registry, language given, patterns never cut short.
CONFIG = declutter.Config(lang=LANGUAGE, timeout=TIMEOUT)


# --------------------------------------------------------------------------- timing


@dataclass
class Timing:
    """CPU seconds of one run: each rule's scans, the whole run, and the baseline."""

    rules: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    total: float = 0.0
    wall: float = 0.0
    baseline: float = 0.0
    abstained: tuple[str, ...] = ()

    def cost(self, name: str) -> float:
        """CPU seconds spent by rule ``name``, or by the engine outside the rules."""
        if name == ENGINE:
            return max(0.0, self.total - sum(self.rules.values()))
        return self.rules[name]


class TimedRule:
    """A rule whose scans add their CPU time to a :class:`Timing` (every other attribute
    is the rule's own)."""

    def __init__(self, rule, timing: Timing) -> None:
        self._rule, self._timing = rule, timing

    def __getattr__(self, name: str):
        return getattr(self._rule, name)

    def scan(self, ctx) -> list:
        start = time.process_time()
        try:
            return list(self._rule.scan(ctx))
        finally:
            self._timing.rules[self._rule.name] += time.process_time() - start


class RuleClock:
    """Times each rule's scans inside the real pipeline, by wrapping the rules the
    engine hands to its scan loop."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self._monkeypatch = monkeypatch

    def run(self, text: str, config: declutter.Config) -> Timing:
        timing = Timing()
        scan = engine._scan

        def timed_scan(rules, ctx, abstentions):
            return scan(tuple(TimedRule(rule, timing) for rule in rules), ctx, abstentions)

        gc.collect()
        gc.disable()  # a collection would be charged to whichever rule it interrupts
        try:
            start = time.process_time()
            table = build_table(segment(text), LANGUAGE, config.thresholds.prose_words_min)
            timing.baseline = time.process_time() - start
            del table
            with self._monkeypatch.context() as patch:
                patch.setattr(engine, "_scan", timed_scan)
                wall, start = time.perf_counter(), time.process_time()
                outcome = engine.run(text, config)
                timing.total = time.process_time() - start
                timing.wall = time.perf_counter() - wall
        finally:
            gc.enable()
        assert len(outcome.text) <= len(text)
        timing.abstained = tuple(f"{a.rule} ({a.reason})" for a in outcome.abstentions)
        return timing


def superlinear(small: Timing, large: Timing, names) -> dict[str, str]:
    """Name -> its times, for the names whose share of the baseline grew more than
    ``SLACK`` times from the small run to the large run, among those not negligible."""
    found = {}
    for name in names:
        small_cost, large_cost = small.cost(name), large.cost(name)
        if large_cost <= max(NEGLIGIBLE * large.baseline, NOISE_SECONDS):
            continue
        small_share = small_cost / small.baseline if small.baseline else 0.0
        large_share = large_cost / large.baseline
        if large_share > SLACK * max(small_share, 1e-9):
            found[name] = (f"{small_cost:.4f}s ({small_share:.2f} of the baseline) -> "
                           f"{large_cost:.4f}s ({large_share:.2f} of the baseline)")
    return found


def linear_check(clock: RuleClock, label: str, build: Callable[[int], str],
                 config: declutter.Config) -> list[str]:
    """Run ``build`` at both sizes through every rule of ``config`` and return a line per
    failure, naming the input and the rule. When a rule looks superlinear, both sizes
    run once more and every time is judged on the faster run (one slow timing is noise)."""
    small_text, large_text = build(GROWTH), build(1)
    names = [*config.registry().names(), ENGINE]
    small, large = clock.run(small_text, config), clock.run(large_text, config)
    failures = []
    size = f"{len(large_text):,} characters"
    if large.total >= BOUND_SECONDS:
        failures.append(f"{label}: {large.total:.1f}s on {size}")
    if large.wall >= WALL_BOUND_SECONDS:
        failures.append(f"{label}: {large.wall:.1f}s (wall) on {size}")
    missing = sorted(set(config.registry().names()) - set(large.rules))
    if missing:
        failures.append(f"{label}: rules never run: {', '.join(missing)}")
    if large.abstained:
        failures.append(f"{label}: abstained on {size}: {', '.join(large.abstained)}")
    suspects = superlinear(small, large, names)
    if suspects:
        small = _faster(small, clock.run(small_text, config))
        large = _faster(large, clock.run(large_text, config))
        failures += [f"{label}: superlinear: {name}: {times}"
                     for name, times in superlinear(small, large, suspects).items()]
    return failures


def _faster(first: Timing, second: Timing) -> Timing:
    """Every time the faster of its two runs."""
    best = Timing(total=min(first.total, second.total), wall=min(first.wall, second.wall),
                  baseline=min(first.baseline, second.baseline))
    for name in first.rules.keys() | second.rules.keys():
        best.rules[name] = min(first.rules.get(name, 0.0), second.rules.get(name, 0.0))
    best.total = max(best.total, sum(best.rules.values()))
    return best


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> RuleClock:
    clock = RuleClock(monkeypatch)
    clock.run(ARTICLE, CONFIG)  # load lexicons and models first
    return clock


# --------------------------------------------------------------------------- tests


@pytest.mark.slow
@pytest.mark.parametrize("case", sorted(INPUTS))
def test_every_rule_is_linear_on(clock: RuleClock, case: str) -> None:
    """One input through all the registry's rules at two sizes; the failure message
    names every rule (or the engine) that grew faster than the baseline."""
    failures = linear_check(clock, case, INPUTS[case], CONFIG)
    assert not failures, "\n".join(failures)


@dataclass(frozen=True)
class ProbeRule:
    """A rule that finds nothing and only does ``work`` on the document: a probe of the
    check itself."""

    name: str
    work: Callable[[Document], object]
    category: Category = Category.CUSTOM
    description: str = "a probe of the linearity check"

    def scan(self, ctx) -> Iterator:
        self.work(ctx.doc)
        yield from ()


def look_for_every_line(doc: Document) -> int:
    """Quadratic work: every line searched for in the whole text."""
    return sum(doc.text.count(line + "!") for line in doc.lines)


def give_up_when_long(doc: Document) -> None:
    """A rule running out of its budget on long documents."""
    if len(doc.lines) > 100:
        raise RuleTimeout("pattern ran past its budget")


def test_the_check_catches_a_quadratic_rule_and_names_it(clock: RuleClock) -> None:
    """The check can fail: a quadratic rule among the registry's is reported by name,
    with the input, and the linear rules are not."""
    probe = ProbeRule("quadratic_probe", look_for_every_line)
    config = declutter.Config(lang=LANGUAGE, timeout=TIMEOUT, rules=(probe,))
    failures = linear_check(clock, "word_lines", lambda div: lines_of("word", 5_000 // div),
                            config)
    assert failures and all("quadratic_probe" in f for f in failures), failures
    assert failures[0].startswith("word_lines: superlinear: quadratic_probe: ")


def test_the_check_reports_a_rule_that_abstains(clock: RuleClock) -> None:
    probe = ProbeRule("giving_up_probe", give_up_when_long)
    config = declutter.Config(lang=LANGUAGE, timeout=TIMEOUT, rules=(probe,))
    failures = linear_check(clock, "word_lines", lambda div: lines_of("word", 2_000 // div),
                            config)
    assert failures == ["word_lines: abstained on 10,000 characters: giving_up_probe "
                        "(pattern ran past its budget)"]


def test_every_rule_is_covered() -> None:
    """The worst cases run every rule: the rules are read from the registry, and the
    clock sees each one run (checked on every input by ``linear_check``)."""
    assert len(declutter.rule_names()) >= 20
    assert len(INPUTS) >= 30


def test_clock_times_every_rule_of_the_registry(clock: RuleClock) -> None:
    timing = clock.run(comment_thread(20_000), CONFIG)
    assert set(timing.rules) == set(declutter.rule_names())
    assert timing.total >= sum(timing.rules.values()) and timing.baseline > 0


def test_closing_tail_input_has_the_shape_its_rule_looks_for() -> None:
    """The generated tail is taken by the closing rule (so it exercises it)."""
    result = declutter.explain(closing_tail(50), lang=LANGUAGE, disable=["line_model"])
    assert all(any(label.rule == "closing_tail" for label in segment.labels)
               for segment in result.segments[-50:])


def test_reader_comments_input_has_the_shape_its_rule_looks_for() -> None:
    """The generated comments are taken by the reader-comment rule (so they exercise it).
    The generated article repeats one sentence, which the page-kind judgement cannot
    tell from a listing: the page is stated to be an article."""
    result = declutter.explain(reader_comments(50), lang=LANGUAGE, page_kind="article")
    assert {segment.rule for segment in result.segments[-50:]} == {"reader_comments"}
    assert result.segments[49].kept


def test_comment_thread_input_has_the_shape_rules_look_for() -> None:
    """The generated thread carries the comment rule's markers (so it exercises them)."""
    result = declutter.explain(comment_thread(20_000), lang=LANGUAGE)
    labelled = {label.rule for segment in result.segments for label in segment.labels}
    assert "comment_button" in labelled
    assert "bus network" in result.text


def test_invitation_lines_have_the_shape_their_rule_looks_for() -> None:
    """The repeated invitation is taken by its rule (so the input exercises it)."""
    result = declutter.explain(lines_of(MANY_LINES["invitation_lines"], 10), lang=LANGUAGE)
    labelled = {label.rule for segment in result.segments for label in segment.labels}
    assert "link_invitations" in labelled and not any(s.kept for s in result.segments)
