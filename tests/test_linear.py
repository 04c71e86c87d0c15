"""Every rule runs in time linear in its input, on the worst cases its shape invites.

Each rule of ``declutter.rules.DEFAULT_RULES`` is run alone (the whole pipeline with
every other rule disabled) on inputs built to hurt it: megabyte lines of spaces, of
separators, of one word, of one letter, of digits, of ``©``, of quotation marks; many
copies of one-word and lexicon lines; a long comment thread. Each input is run at two
sizes, ``GROWTH`` apart: the large run must end inside ``BOUND_SECONDS`` and must not
take more than ``GROWTH * SLACK`` times the small run (a quadratic rule takes
``GROWTH ** 2`` times). This is a safety test, not a benchmark: the bounds are generous.

Times are CPU times of this process (:func:`time.process_time`), so that other processes
sharing the machine do not make the test flaky; wall time has its own, looser bound.
"""

from __future__ import annotations

import time
from typing import Callable

import pytest

import declutter
from declutter.rules import DEFAULT_RULES

#: No single run may take longer than this, in CPU seconds...
BOUND_SECONDS = 20.0
#: ...nor longer than this in wall-clock seconds (the machine may be shared).
WALL_BOUND_SECONDS = 3 * BOUND_SECONDS
#: Size ratio between the large and the small run of each input.
GROWTH = 10
#: Allowed excess over linear growth (timing noise, caches, garbage collection).
SLACK = 4.0
#: Large runs faster than this pass the growth check whatever the small run took.
FAST_SECONDS = 1.0
#: Size of the single-line inputs (characters) and of the many-line inputs (lines).
LINE_CHARS = 1_000_000
LINE_COUNT = 20_000
#: Size of the comment thread run through each rule, and through all rules at once.
THREAD_CHARS_PER_RULE = 500_000
THREAD_CHARS_ALL_RULES = 5_000_000
#: The language is given, so that language detection (not a rule) is not timed.
LANGUAGE = "en"

ALL_RULES = tuple(rule.name for rule in DEFAULT_RULES)


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


def inputs() -> dict[str, Callable[[int], str]]:
    """Input name -> builder taking a growth divisor (1: large run, GROWTH: small run)."""
    built: dict[str, Callable[[int], str]] = {}
    for name, unit in SINGLE_LINES.items():
        built[name] = lambda div, unit=unit: repeat_to(unit, LINE_CHARS // div)
    for name, line in MANY_LINES.items():
        built[name] = lambda div, line=line: lines_of(line, LINE_COUNT // div)
    built["comment_thread"] = lambda div: comment_thread(THREAD_CHARS_PER_RULE // div)
    return built


INPUTS = inputs()


def timed_clean(text: str, disable: tuple[str, ...]) -> tuple[float, float, str]:
    """CPU and wall seconds taken by ``declutter.clean`` on ``text``, and its output."""
    wall, cpu = time.perf_counter(), time.process_time()
    output = declutter.clean(text, disable=list(disable), lang=LANGUAGE)
    return time.process_time() - cpu, time.perf_counter() - wall, output


def assert_linear(label: str, build: Callable[[int], str], disable: tuple[str, ...]) -> None:
    """Run ``build`` at both sizes and check the bound and the growth."""
    small_text, large_text = build(GROWTH), build(1)
    small, _, _ = timed_clean(small_text, disable)
    large, wall, output = timed_clean(large_text, disable)
    assert len(output) <= len(large_text)
    assert large < BOUND_SECONDS, f"{label}: {large:.1f}s on {len(large_text):,} characters"
    assert wall < WALL_BOUND_SECONDS, f"{label}: {wall:.1f}s (wall) on {len(large_text):,} characters"
    assert large < FAST_SECONDS or large <= GROWTH * SLACK * small, (
        f"{label}: superlinear: {small:.3f}s at {len(small_text):,} characters, "
        f"{large:.3f}s at {len(large_text):,}")


def test_every_rule_is_covered():
    """The worst cases run every rule: the list is read from the registry."""
    assert set(ALL_RULES) == set(declutter.rule_names())
    assert len(ALL_RULES) >= 20


@pytest.mark.slow
@pytest.mark.parametrize("rule", ALL_RULES)
@pytest.mark.parametrize("case", sorted(INPUTS))
def test_rule_alone_is_linear(rule: str, case: str) -> None:
    others = tuple(name for name in ALL_RULES if name != rule)
    assert_linear(f"{rule} on {case}", INPUTS[case], others)


@pytest.mark.slow
def test_all_rules_on_a_five_megabyte_comment_thread() -> None:
    assert_linear("all rules on a comment thread",
                  lambda div: comment_thread(THREAD_CHARS_ALL_RULES // div), ())


def closing_tail(lines: int) -> str:
    """An article, a sign-up box, then ``lines`` short lines with no sentence among them."""
    item = "- Parks budget approved The plan adds four playgrounds across the city\n"
    return ARTICLE + "Sign up for our newsletter to get the latest news.\n" + item * lines


@pytest.mark.slow
def test_all_rules_on_a_long_tail_after_closing_boilerplate() -> None:
    assert_linear("all rules on a closing tail",
                  lambda div: closing_tail(LINE_COUNT // div), ())


def test_closing_tail_input_has_the_shape_its_rule_looks_for() -> None:
    """The generated tail is taken by the closing rule (so it exercises it)."""
    result = declutter.explain(closing_tail(50), lang=LANGUAGE)
    assert {segment.rule for segment in result.segments[-50:]} == {"closing_tail"}


def reader_comments(lines: int) -> str:
    """An article of ``lines`` paragraphs, then ``lines`` lines that open as readers'
    comments do, to the end of the text."""
    article = "".join(f"The council voted to expand the bus network across the city, officials "
                      f"said in statement number {n}.\n" for n in range(lines))
    return article + "Hi Melissa,\nGreat read, thanks!\n" * (lines // 2)


@pytest.mark.slow
def test_all_rules_on_a_long_run_of_comment_openings() -> None:
    assert_linear("all rules on readers' comments",
                  lambda div: reader_comments(LINE_COUNT // div), ())


def test_reader_comments_input_has_the_shape_its_rule_looks_for() -> None:
    """The generated comments are taken by the reader-comment rule (so they exercise it)."""
    result = declutter.explain(reader_comments(50), lang=LANGUAGE)
    assert {segment.rule for segment in result.segments[-50:]} == {"reader_comments"}
    assert result.segments[49].kept


def test_comment_thread_input_has_the_shape_rules_look_for() -> None:
    """The generated thread carries the comment rule's markers (so it exercises them)."""
    result = declutter.explain(comment_thread(20_000), lang=LANGUAGE)
    labelled = {label.rule for segment in result.segments for label in segment.labels}
    assert "comment_button" in labelled
    assert "bus network" in result.text


def test_growth_check_catches_a_quadratic_step() -> None:
    """The growth check fails on a deliberately quadratic function (it can fail)."""
    def quadratic(text: str) -> int:
        return sum(text.count(text[i]) for i in range(0, len(text)))

    def timed(size: int) -> float:
        # the best of three, on sizes where the quadratic part outweighs the loop's
        # linear overhead: a single sub-millisecond timing is noise
        best = float("inf")
        for _ in range(3):
            start = time.process_time()
            quadratic("ab" * size)
            best = min(best, time.process_time() - start)
        return best

    small, large = timed(1000), timed(1000 * GROWTH)
    assert large > GROWTH * SLACK * small


def test_invitation_lines_have_the_shape_their_rule_looks_for() -> None:
    """The repeated invitation is taken by its rule (so the input exercises it)."""
    result = declutter.explain(lines_of(MANY_LINES["invitation_lines"], 10), lang=LANGUAGE)
    labelled = {label.rule for segment in result.segments for label in segment.labels}
    assert "link_invitations" in labelled and not any(s.kept for s in result.segments)
