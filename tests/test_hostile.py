"""Hostile input: ``clean`` and ``explain`` never raise, never hang, never lose text.

Checked on adversarial text (every Unicode category, controls, NUL, lone surrogates,
bidi marks, combining sequences, every line break), on megabyte lines and 100,000 empty
lines, on the seeds, on the hostile corpus (``tests/hostile/make_corpus.py``) and on
generated articles with noise. The invariants:

* ``explain(text).text == clean(text)``, and neither raises;
* the explanation's segments partition the original text exactly (one per line);
* the output is the kept segments, concatenated: whole lines, never rewritten, nothing
  added; so its lines are a subsequence of the input's lines.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Sequence

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import declutter
from declutter import Config
from docgen import noisy_documents
from hostile.make_corpus import BIDI_CHARS, CONTROL_CHARS, LINE_BREAKS, MEGABYTE, NOISE_LINES
from hostile.make_corpus import cases as corpus_cases

SETTINGS = settings(max_examples=200, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
FEW = settings(SETTINGS, max_examples=40)

#: Lines that trigger rules, mixed into the adversarial documents.
TRIGGER_LINES = (
    *NOISE_LINES, "Reply", "26 months ago", "Top Rated Comments", "Trending", "Home",
    "By John Smith", "Published: 9 January 2018", "Ingredients", "2 cups flour",
    "1. Preheat the oven", "»Wir schaffen das«, sagte sie.", "„Zitat“", "Read more: Foo Bar",
    "John says:", "12 Comments", "Rating: 12 Votes", "Facebook Twitter Email",
    "News | Sport | Weather", "» » »", "> > >", "/ / /", "| | |", "©©©",
    "The council voted on Tuesday to expand the bus network, officials said in a statement.",
    "Critics said the plan was too expensive, but the mayor called the vote a turning point.",
)

# every code point, surrogates included
any_char = st.characters(exclude_categories=())
hostile_char = st.one_of(
    any_char,
    st.sampled_from(list(CONTROL_CHARS + BIDI_CHARS + "\x00\u0301\u0336\u20dd\ufffd\U0010ffff")),
)
surrogate_escaped = st.binary(max_size=60).map(
    lambda data: data.decode("utf-8", "surrogateescape"))
line_contents = st.one_of(
    st.text(hostile_char, max_size=40),
    st.sampled_from(TRIGGER_LINES),
    surrogate_escaped,
    st.builds(lambda line, char, at: line[:at] + char + line[at:],
              st.sampled_from(TRIGGER_LINES), hostile_char, st.integers(0, 30)),
    st.sampled_from(["", " ", "\t", "\u3000", "\xa0", "\u200b"]),
)
line_breaks = st.sampled_from([*LINE_BREAKS, "\n\n", "\r\r\n"])


@st.composite
def hostile_documents(draw) -> str:
    """Lines of hostile content joined by every kind of line break."""
    pieces = draw(st.lists(st.tuples(line_contents, line_breaks), max_size=50))
    text = "".join(line + brk for line, brk in pieces)
    if draw(st.booleans()):
        text += draw(line_contents)  # no final break
    return text


@st.composite
def rebroken_noisy_documents(draw) -> str:
    """Generated articles with noise, their line breaks replaced by random kinds."""
    document = draw(noisy_documents())
    lines = document.text.split("\n")
    return "".join(line + draw(line_breaks) for line in lines[:-1]) + lines[-1]


whitespace_only = st.text(st.sampled_from(list(" \t\xa0\u3000\u2009" + "".join(LINE_BREAKS))),
                          min_size=1, max_size=60)


# --------------------------------------------------------------------------- invariants


def is_subsequence(part: Sequence[str], whole: Iterable[str]) -> bool:
    """Whether ``part`` occurs in ``whole`` in order (linear time)."""
    remaining = iter(whole)
    return all(any(item == candidate for candidate in remaining) for item in part)


def assert_invariants(text: str, **options) -> declutter.Explanation:
    """Check every invariant of the module docstring on ``text``; return the explanation."""
    result = declutter.explain(text, **options)
    assert result.text == declutter.clean(text, **options)
    segments = result.segments
    assert len(segments) == len(text.splitlines())
    position = 0
    for index, segment in enumerate(segments):
        assert (segment.line_number, segment.start) == (index + 1, position)
        assert segment.end > segment.start
        position = segment.end
    assert position == len(text)
    assert "".join(text[s.start:s.end] for s in segments) == text
    assert "".join(text[s.start:s.end] for s in segments if s.kept) == result.text
    assert is_subsequence(result.text.splitlines(), text.splitlines())
    return result


def test_is_subsequence_can_fail():
    assert is_subsequence(["a", "c"], ["a", "b", "c"])
    assert not is_subsequence(["c", "a"], ["a", "b", "c"])
    assert not is_subsequence(["a x"], ["a", "x"])


# --------------------------------------------------------------------------- generated


@SETTINGS
@given(hostile_documents())
def test_hostile_documents_keep_every_invariant(text):
    result = assert_invariants(text)
    result.to_json()  # what --json prints; lone surrogates included


@FEW
@given(hostile_documents(), st.sampled_from(sorted(declutter.PROFILES)))
def test_every_profile_keeps_the_invariants(text, profile):
    assert_invariants(text, profile=profile)


@SETTINGS
@given(st.text(any_char, max_size=300))
def test_arbitrary_code_points(text):
    assert_invariants(text)


@SETTINGS
@given(st.binary(max_size=400))
def test_undecodable_bytes_as_surrogates(data):
    text = data.decode("utf-8", "surrogateescape")
    result = assert_invariants(text)
    assert result.text.encode("utf-8", "surrogateescape") in data or result.text == ""


@FEW
@given(rebroken_noisy_documents())
def test_generated_articles_with_every_line_break(text):
    result = assert_invariants(text)
    assert result.text.strip(), "the article went missing"


@SETTINGS
@given(whitespace_only)
def test_whitespace_only_input_is_kept_as_is(text):
    assert declutter.clean(text) == text


# --------------------------------------------------------------------------- line breaks


@pytest.mark.parametrize("brk", LINE_BREAKS, ids=[f"U+{ord(b[-1]):04X}{'-CRLF' if b == chr(13) + chr(10) else ''}"
                                                  for b in LINE_BREAKS])
def test_offsets_are_exact_for_every_line_break(brk):
    lines = ["Home » News » World", "Share",
             "The council voted on Tuesday to expand the bus network, officials said.",
             "Advertisement",
             "Critics said the plan was too expensive, but the mayor called it a turning point.",
             "© 2024 Example Media. All rights reserved."]
    text = brk.join(lines) + brk
    result = assert_invariants(text)
    assert [result.line(s) for s in result.segments] == lines
    assert [s.kept for s in result.segments] == [False, False, True, False, True, False]
    assert result.text == lines[2] + brk + lines[4] + brk


def test_a_carriage_return_line_feed_is_one_break():
    text = "Share\r\n\r\nThe council voted on Tuesday to expand the bus network, officials said.\r\n"
    result = assert_invariants(text)
    assert [(s.start, s.end) for s in result.segments] == [(0, 7), (7, 9), (9, len(text))]


# --------------------------------------------------------------------------- large inputs

LARGE_INPUTS = {
    "megabyte_of_spaces": " " * MEGABYTE,
    "megabyte_of_one_letter": "a" * MEGABYTE,
    "megabyte_of_separators": "» " * (MEGABYTE // 2),
    "megabyte_of_nul": "\x00" * MEGABYTE,
    "megabyte_of_combining_marks": "a" + "\u0301" * MEGABYTE,
    "megabyte_of_bidi_controls": "\u202e\u2066" * (MEGABYTE // 2),
    "megabyte_of_surrogates": (b"\xff\xfe" * (MEGABYTE // 2)).decode("utf-8", "surrogateescape"),
    "megabyte_line_then_noise": "word " * (MEGABYTE // 5) + "\nShare\nAdvertisement\n",
    "hundred_thousand_empty_lines": "\n" * 100_000,
    "hundred_thousand_crlf_lines": "\r\n" * 100_000,
    "hundred_thousand_mixed_breaks": "".join(LINE_BREAKS) * 10_000,
    "hundred_thousand_bare_carriage_returns": "\r" * 100_000,
    "noise_between_empty_lines": "\n" * 50_000 + "Share\n" + "\n" * 50_000
                                 + "The council voted on Tuesday to expand the bus network, "
                                   "officials said.\n",
}


@pytest.mark.parametrize("name", sorted(LARGE_INPUTS))
def test_large_inputs_keep_every_invariant(name):
    assert_invariants(LARGE_INPUTS[name])


# --------------------------------------------------------------------------- policies


def test_empty_input_gives_empty_output():
    assert declutter.clean("") == ""
    result = assert_invariants("")
    assert result.segments == () and result.text == ""


@pytest.mark.parametrize("separator", ["\n", "\n\n", "\r\n", "\u2028"])
def test_all_noise_cleans_to_nothing_and_says_why(separator):
    text = separator.join(NOISE_LINES) + separator
    result = assert_invariants(text)
    assert result.text == ""
    for segment in result.segments:
        assert not segment.kept
        assert segment.reason
        assert segment.rule
        if result.line(segment).strip():
            assert segment.verdict == "removed" and segment.category


def test_noise_without_a_final_line_break_cleans_to_nothing():
    assert declutter.clean("Share\nAdvertisement") == ""


# --------------------------------------------------------------------------- timeouts


def seed_texts() -> list[str]:
    from conftest import SEEDS

    paths = sorted(p for p in SEEDS.glob("seed-*.txt") if not p.name.endswith(".expected.txt"))
    return [p.read_text(encoding="utf-8") for p in paths]


def test_a_timeout_makes_rules_abstain_and_the_document_is_still_cleaned():
    text = seed_texts()[0] + "\nAdvertisement\n"
    result = assert_invariants(text, config=Config(timeout=1e-9))
    assert result.abstentions, "no rule abstained under a one-nanosecond budget"
    assert {a.rule for a in result.abstentions} & set(declutter.rule_names())
    for abstention in result.abstentions:
        assert abstention.rule and "past" in abstention.reason
    assert result.text.strip(), "the article went missing"
    assert "Advertisement" not in result.text.splitlines(), "rules without patterns still run"


def test_each_abstention_is_recorded_once():
    result = declutter.explain(seed_texts()[0], config=Config(timeout=1e-9))
    names = [a.rule for a in result.abstentions]
    assert result.rounds > 1 and len(names) == len(set(names)), names


def test_no_abstention_under_the_default_budget():
    assert declutter.explain(seed_texts()[0]).abstentions == ()


# --------------------------------------------------------------------------- real pages


def test_seeds_keep_every_invariant(seed_paths: list[Path]):
    assert seed_paths
    for path in seed_paths:
        text = path.read_text(encoding="utf-8")
        for variant in (text, text.replace("\n", "\r\n"), text.replace("\n", "\u2028")):
            result = assert_invariants(variant)
            assert result.text.strip(), path.name


@pytest.mark.parametrize("case", [c for c in corpus_cases() if c.data is not None],
                         ids=lambda c: c.name)
def test_hostile_corpus_keeps_every_invariant(case):
    assert_invariants(case.data.decode("utf-8", "surrogateescape"))


def test_an_anchored_match_past_its_budget_raises_rule_timeout():
    from declutter.errors import RuleTimeout
    from declutter.patterns import match

    slow = regex.compile(r"(?:a|aa)+$")
    with pytest.raises(RuleTimeout):
        match(slow, "a" * 5000 + "b", timeout=1e-9)
    assert match(slow, "aaa", timeout=1.0) is not None
