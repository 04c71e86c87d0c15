"""User rules: rule files as data, validated with line numbers, run in linear time on
RE2, picklable."""

from __future__ import annotations

import json
import multiprocessing
import pickle
import subprocess
import sys
from pathlib import Path

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import declutter
from declutter import Category, Config, Confidence, RuleFileError, cli
from declutter.rules.base import PhraseRule
from declutter.userrules import (
    LINE_CHARS_MAX, PATTERN_CHARS_MAX, JsonLocator, PatternError, UserPatternRule,
    compile_pattern, load_rules, parse_rules,
)

SETTINGS = settings(max_examples=300, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow])

ARTICLE = [
    "The council voted on Tuesday to expand the bus network, officials said in a statement.",
    "Critics said the plan was too expensive, but the mayor called the vote a turning point.",
    "The first new routes will open in the spring, and more are planned for next year.",
]

GOOD_TOML = """\
# rules for example.com
[[rule]]
name = "sponsor_banner"
category = "advertisement"
confidence = "strong"
phrases = ["Presented by our partners", "PROMOTED STORY"]

[[rule]]
name = "podcast_plug"
pattern = '(?i)^listen to (?:the|our) podcast\\b'
max_words = 12

[[rule]]
name = "deal_alert"
category = "affiliate"
confidence = 0.8
phrases = ["deal alert"]
match = "prefix"

[[rule]]
name = "members_only"
phrases = ["members only"]
match = "contains"
max_words = 10
description = "members-only teasers"
"""

GOOD_JSON = {
    "rule": [
        {"name": "sponsor_banner", "category": "advertisement", "confidence": "strong",
         "phrases": ["Presented by our partners", "PROMOTED STORY"]},
        {"name": "podcast_plug", "pattern": "(?i)^listen to (?:the|our) podcast\\b",
         "max_words": 12},
        {"name": "deal_alert", "category": "affiliate", "confidence": 0.8,
         "phrases": ["deal alert"], "match": "prefix"},
        {"name": "members_only", "phrases": ["members only"], "match": "contains",
         "max_words": 10, "description": "members-only teasers"},
    ]
}

# lines below Confidence.STRONG that stand alone between two paragraphs are kept by
# design (see declutter.decide), so the likely-rated lines come in pairs here
NOISY_PAGE = "\n".join([
    "PROMOTED STORY",
    "Listen to our podcast on your favourite app",
    ARTICLE[0],
    ARTICLE[1],
    ARTICLE[2],
    "Deal alert: headphones at half price",
    "Read this, members only: the full interview",
    "Presented by our partners",
]) + "\n"


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def toml_rules(tmp_path: Path):
    return load_rules(write(tmp_path, "rules.toml", GOOD_TOML))


# --------------------------------------------------------------------------- loading


def test_toml_rules_are_read_as_data(toml_rules):
    sponsor, podcast, deal, members = toml_rules
    assert isinstance(sponsor, PhraseRule) and isinstance(podcast, UserPatternRule)
    assert sponsor.phrases == ("presented by our partners", "promoted story")
    assert (sponsor.category, sponsor.confidence, sponsor.mode) == (
        Category.ADVERTISEMENT, Confidence.STRONG, "line")
    assert (podcast.category, podcast.confidence, podcast.max_words) == (
        Category.CUSTOM, Confidence.LIKELY, 12)
    assert (deal.confidence, deal.mode, deal.category) == (0.8, "prefix", Category.AFFILIATE)
    assert members.description == "members-only teasers" and members.max_words == 10


def test_json_rules_equal_toml_rules(tmp_path: Path, toml_rules):
    path = write(tmp_path, "rules.json", json.dumps(GOOD_JSON, indent=2))
    assert load_rules(path) == toml_rules


def test_json_is_recognised_by_its_content(tmp_path: Path, toml_rules):
    path = write(tmp_path, "rules.conf", json.dumps(GOOD_JSON))
    assert load_rules(path) == toml_rules


def test_rules_implement_the_rule_protocol(toml_rules):
    for rule in toml_rules:
        assert isinstance(rule.name, str) and isinstance(rule.category, Category)
        assert rule.description
        assert callable(rule.scan)


def test_rules_clean_end_to_end(toml_rules):
    result = declutter.explain(NOISY_PAGE, config=Config(rules=toml_rules))
    assert result.text == "\n".join(ARTICLE) + "\n"
    rules = {result.line(s): s.rule for s in result.removed}
    assert rules == {
        "PROMOTED STORY": "sponsor_banner",
        "Listen to our podcast on your favourite app": "podcast_plug",
        "Deal alert: headphones at half price": "deal_alert",
        "Read this, members only: the full interview": "members_only",
        "Presented by our partners": "sponsor_banner",
    }
    categories = {s.rule: s.category for s in result.removed}
    assert categories["members_only"] == "custom"
    assert categories["deal_alert"] == "affiliate"


def test_without_the_rules_the_lines_stay(toml_rules):
    cleaned = declutter.clean(NOISY_PAGE)
    assert "Listen to our podcast on your favourite app" in cleaned.splitlines()


def test_a_user_rule_can_be_disabled_by_name(toml_rules):
    cleaned = declutter.clean(NOISY_PAGE, config=Config(rules=toml_rules),
                              disable=["podcast_plug"])
    assert "Listen to our podcast on your favourite app" in cleaned.splitlines()
    assert "PROMOTED STORY" not in cleaned.splitlines()


def test_contains_needs_whole_words_and_respects_max_words(toml_rules):
    text = "\n".join([
        ARTICLE[0],
        "The club is for membersonly fans",                        # not the whole words
        "members only " + " ".join(["word"] * 12),                  # too long (14 words)
        ARTICLE[1],
    ]) + "\n"
    assert declutter.clean(text, config=Config(rules=toml_rules)) == text


def test_pattern_rules_skip_lines_longer_than_the_cap(tmp_path: Path):
    rules = load_rules(write(tmp_path, "r.toml", '[[rule]]\nname = "x"\npattern = "zzz"\n'))
    long_line = "zzz " + "a" * LINE_CHARS_MAX
    text = f"{ARTICLE[0]}\nzzz here\n{long_line}\n"
    result = declutter.explain(text, config=Config(rules=rules))
    assert [result.line(s) for s in result.removed] == ["zzz here"]


def test_a_weak_rule_only_removes_under_the_recall_profile(tmp_path: Path):
    rules = load_rules(write(tmp_path, "r.toml",
                             '[[rule]]\nname = "maybe"\nconfidence = "weak"\nphrases = ["maybe noise"]\n'))
    text = f"{ARTICLE[0]}\n\n{ARTICLE[1]}\nMaybe noise\n"
    config = Config(rules=rules)
    assert "Maybe noise" in declutter.clean(text, config=config)
    assert "Maybe noise" not in declutter.clean(text, config=config, profile="recall")


# --------------------------------------------------------------------------- pickling


def test_rules_and_configs_pickle(toml_rules):
    assert pickle.loads(pickle.dumps(toml_rules)) == toml_rules
    config = Config(rules=toml_rules)
    assert pickle.loads(pickle.dumps(config)) == config


def _clean_with(config: Config) -> str:
    return declutter.clean(NOISY_PAGE, config=config)


@pytest.mark.slow
def test_rules_work_in_worker_processes(toml_rules):
    config = Config(rules=toml_rules)
    context = multiprocessing.get_context("spawn")
    with context.Pool(1) as pool:
        assert pool.apply(_clean_with, (config,)) == _clean_with(config)


# --------------------------------------------------------------------------- timeouts


#: Patterns that backtrack exponentially or polynomially on a backtracking engine, each
#: with a line that makes them (the old check refused the first ones and let the last
#: run 15 seconds on one line of 1,000 characters).
CATASTROPHIC = {
    r"(a+)+$": "a" * 999 + "!",
    r"(a|a)*b": "a" * 999,
    r"(?:\w+\s?)*\d": "word " * 199 + "w",
    r"(x+x+)+y": "x" * 999,
    r"\w*\w*\w*\w*\w*\d": "a" * 999,
}


def pattern_rules(tmp_path: Path, pattern: str):
    return load_rules(write(tmp_path, "p.toml", f"[[rule]]\nname = \"p\"\npattern = '{pattern}'\n"))


def cpu_seconds(text: str, config: Config) -> float:
    """CPU seconds of the best of three ``explain`` runs (a single short timing is noise)."""
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        result = declutter.explain(text, config=config)
        best = min(best, time.process_time() - start)
        assert not result.abstentions, result.abstentions
    return best


def test_catastrophic_patterns_run_in_linear_time(tmp_path: Path):
    """On RE2 a pattern's time grows with the line, whatever its nesting: lines ten times
    longer cost at most ``10 * SLACK`` times more (a quadratic engine: 100 times), and
    no rule runs out of its budget."""
    slack, lines = 4.0, 200
    builtin_off = declutter.rule_names()
    slow = []
    for pattern, line in CATASTROPHIC.items():
        config = Config(rules=pattern_rules(tmp_path, pattern), disable=builtin_off, lang="en")
        short = cpu_seconds((line[:len(line) // 10] + "\n") * lines, config)
        long = cpu_seconds((line + "\n") * lines, config)
        if long > 0.05 and long > 10 * slack * short:
            slow.append(f"{pattern!r}: {short:.4f}s on lines of {len(line) // 10} characters, "
                        f"{long:.4f}s on lines of {len(line)}")
    assert not slow, "superlinear patterns: " + "; ".join(slow)


def test_a_tiny_budget_makes_user_pattern_rules_abstain(toml_rules):
    result = declutter.explain(NOISY_PAGE, config=Config(rules=toml_rules, timeout=1e-9))
    assert "podcast_plug" in {a.rule for a in result.abstentions}
    assert result.text.strip()


# --------------------------------------------------------------------------- errors


def error_of(tmp_path: Path, name: str, text: str) -> str:
    with pytest.raises(RuleFileError) as caught:
        load_rules(write(tmp_path, name, text))
    message = str(caught.value)
    assert "\n" not in message
    return message


RULE = '[[rule]]\nname = "ok_rule"\nphrases = ["fine"]\n\n'
#: The built-in rule names, from the registry.
BUILT_IN = declutter.rule_names()


@pytest.mark.parametrize("text,line,words", [
    ('[[rule]]\nname = "x"\nphrases = ["a",\n', 3, "TOML"),
    ('[[rule]]\nname = "x"\nname = "y"\n', 3, "TOML"),
    (RULE + '[[rule]]\nname = "two"\ncolour = "red"\nphrases = ["b"]\n', 7, "unknown key 'colour'"),
    (RULE + '[[rule]]\nname = "two"\ncategory = "spam"\nphrases = ["b"]\n', 7, "unknown category"),
    (RULE + '[[rule]]\nname = "two"\nconfidence = "sure"\nphrases = ["b"]\n', 7, "confidence"),
    (RULE + '[[rule]]\nname = "two"\nconfidence = 1.5\nphrases = ["b"]\n', 7, "confidence"),
    (RULE + '[[rule]]\nname = "two"\nconfidence = true\nphrases = ["b"]\n', 7, "confidence"),
    (RULE + '[[rule]]\nname = "two"\nphrases = ["b"]\npattern = "b"\n', 8, "exactly one"),
    (RULE + '[[rule]]\nname = "two"\n', 5, "exactly one"),
    (RULE + '[[rule]]\nname = "two"\nphrases = []\n', 7, "non-empty list"),
    (RULE + '[[rule]]\nname = "two"\nphrases = ["a", 3]\n', 7, "strings"),
    (RULE + '[[rule]]\nname = "two"\nphrases = ["»…«"]\n', 7, "empty once normalised"),
    (RULE + '[[rule]]\nname = "two"\nphrases = ["b"]\nmatch = "regex"\n', 8, "'match'"),
    (RULE + '[[rule]]\nname = "two"\npattern = "b"\nmatch = "line"\n', 8, "'match' applies"),
    (RULE + '[[rule]]\nname = "two"\nphrases = ["b"]\nmax_words = 0\n', 8, "max_words"),
    (RULE + '[[rule]]\nname = "two"\nphrases = ["b"]\nmax_words = "5"\n', 8, "max_words"),
    (RULE + '[[rule]]\nname = "two"\npattern = "(?=a)b"\n', 7, "a lookahead '(?=...)'"),
    (RULE + '[[rule]]\nname = "two"\npattern = "(a)\\\\1"\n', 7, "a backreference '\\1'"),
    (RULE + '[[rule]]\nname = "two"\npattern = "[z-a]"\n', 7, "does not compile"),
    (RULE + '[[rule]]\nname = "two"\npattern = "[a-z"\n', 7, "missing ]"),
    (RULE + '[[rule]]\nname = "two"\npattern = "x*"\n', 7, "empty string"),
    (RULE + f'[[rule]]\nname = "{BUILT_IN[0]}"\nphrases = ["b"]\n', 6, "built-in"),
    (RULE + '[[rule]]\nname = "ok_rule"\nphrases = ["b"]\n', 6, "used twice"),
    (RULE + '[[rule]]\nname = "a,b"\nphrases = ["b"]\n', 6, "'name'"),
    (RULE + '[[rule]]\nphrases = ["b"]\n', 5, "missing 'name'"),
    ('title = "mine"\n' + RULE, 1, "unknown top-level key 'title'"),
    ('# nothing here\n', 1, "list of rules"),
    ('rule = 3\n', 1, "non-empty list"),
    ('rule = [1]\n', 1, "must be a table"),
    ('rule = [{name = "x", phrases = ["a"]},\n'
     f'  {{name = "{BUILT_IN[-1]}", phrases = ["b"]}}]\n', 1, "built-in"),
])
def test_toml_errors_name_the_line(tmp_path: Path, text: str, line: int, words: str):
    message = error_of(tmp_path, "rules.toml", text)
    assert message.startswith(f"{tmp_path / 'rules.toml'}:{line}: "), message
    assert words in message


def test_toml_error_names_the_offending_rule_line_even_far_down(tmp_path: Path):
    text = "".join(RULE.replace("ok_rule", f"rule_{n}") for n in range(5))
    text += '[[rule]]\nname = "late"\n\nphrases = ["x"]\nconfidence = -1\n'
    message = error_of(tmp_path, "rules.toml", text)
    assert message.startswith(f"{tmp_path / 'rules.toml'}:{text.count(chr(10))}: rule 6: ")


@pytest.mark.parametrize("text,line,words", [
    ('{"rule": [\n {"name": 1,}\n]}', 2, "JSON"),
    ('{"rule": [\n  {"name": "ok_rule", "phrases": ["a"]},\n  {"name": "two",\n'
     '   "category": "spam", "phrases": ["b"]}\n]}', 4, "unknown category"),
    ('{"rule": [\n  {"name": "two",\n   "pattern": "(?<=a)b"}\n]}', 3,
     "pattern rejected: a lookbehind"),
    ('{\n "other": 1,\n "rule": []\n}', 2, "unknown top-level key"),
    ('{\n "rule": []\n}', 2, "non-empty list"),
    ('[1, 2]', 1, "list of rules"),
])
def test_json_errors_name_the_line(tmp_path: Path, text: str, line: int, words: str):
    message = error_of(tmp_path, "rules.json", text)
    assert message.startswith(f"{tmp_path / 'rules.json'}:{line}: "), message
    assert words in message


def test_unreadable_rule_files(tmp_path: Path):
    assert "no such rule file" in str(pytest.raises(RuleFileError, load_rules, tmp_path / "no.toml").value)
    assert "directory" in str(pytest.raises(RuleFileError, load_rules, tmp_path).value)
    path = tmp_path / "latin1.toml"
    path.write_bytes(b'[[rule]]\nname = "x"\nphrases = ["caf\xe9"]\n')
    assert str(pytest.raises(RuleFileError, load_rules, path).value).startswith(f"{path}:3: ")


def test_every_built_in_name_is_refused():
    """Each name of the registry, in one file each; the message lists the names let in."""
    let_in = []
    for name in BUILT_IN:
        data = {"rule": [{"name": name, "phrases": ["x"]}]}
        try:
            parse_rules(data, JsonLocator(json.dumps(data)), "r.json")
        except RuleFileError as exc:
            if "built-in" not in str(exc):
                let_in.append(f"{name}: {exc}")
        else:
            let_in.append(name)
    assert not let_in, "built-in names accepted: " + "; ".join(let_in)


# --------------------------------------------------------------------------- pattern check


ACCEPTED = [
    r"^Listen to (?:the|our) podcast\b", r"(a+)+$", r"(a|b)*c", r"(?:\s?\w)*x",
    r"(?:\d{1,2}[./-]){2}\d{2,4}", r"\pL+\s+\d{1,4}", r"\p{Greek}+", r"(?i)^sponsored",
    r"(?i:Ab)c", r"(?-i:Ab)c", r"\{x\}", r"^(?P<n>\w+) says:$", r"a{,3}", r"[]a]+",
    r"[^\]]+", r"\x{e9}t\x{e9}", r"(?s).+x", r"(?U)a+", r"\Qa.b\E", r"été\z",
]
#: pattern -> the words its rejection must hold (the construct it names)
REJECTED = {
    r"(a)\1": r"a backreference '\1'", r"(?P<x>a)(?P=x)": "a backreference '(?P=name)'",
    r"\g<1>": "a backreference", r"\k<x>": "a backreference",
    r"(?=\w+x)\w": "a lookahead", r"(?!a)b": "a negative lookahead",
    r"(?<=ab|c)x": "a lookbehind", r"(?<!\w)foo": "a negative lookbehind",
    r"(?>a|ab)*": "an atomic group", r"a*+": "a possessive quantifier '*+'",
    r"(a+)++": "a possessive quantifier '++'", r"\d{1,2}+": "a possessive quantifier '{1,2}+'",
    r"(?R)": "recursion", r"(?1)": "a subroutine call", r"(?&n)": "a subroutine call",
    r"(?(1)a|b)": "a conditional group", r"(?|a|b)": "a branch reset group",
    r"(?#c)a": "a comment group", r"(?x) a": "the inline flag 'x'", r"(?a)x": "the inline flag 'a'",
    r"a{2000}": "above 1000", r"(?:a{100}){100}": "above 1000",
    "a" * (PATTERN_CHARS_MAX + 1): "longer", "a\ud800": "lone surrogate",
    r"(a": "does not compile (RE2: missing )", r"a)": "does not compile (RE2: unexpected )",
    r"[abc": "missing ]", "\\": "trailing \\", r"**": "no argument for repetition",
    r"a**": "bad repetition operator: **", r"\Z": r"invalid escape sequence: \Z",
}


@pytest.mark.parametrize("pattern", ACCEPTED)
def test_re2_patterns_are_accepted(pattern: str):
    assert compile_pattern(pattern).search(b"") is None


def test_rejections_name_the_construct():
    """Every rejected pattern: one line, naming what RE2 cannot run (all checked at once;
    the message lists each pattern that was accepted or named the wrong thing)."""
    wrong = []
    for pattern, words in REJECTED.items():
        try:
            compile_pattern(pattern)
        except PatternError as exc:
            if words not in str(exc) or "\n" in str(exc):
                wrong.append(f"{pattern[:30]!r}: {exc}")
        else:
            wrong.append(f"{pattern[:30]!r}: accepted")
    assert not wrong, "; ".join(wrong)


def test_a_rejected_pattern_says_what_to_write_instead():
    with pytest.raises(PatternError, match=r"write a plain group '\(\?:\.\.\.\)'"):
        compile_pattern(r"(?>a+)b")
    with pytest.raises(PatternError, match="drop the final '[+]'"):
        compile_pattern(r"a++b")


pattern_pieces = st.sampled_from([
    "a", "b", r"\w", r"\s", r"\d", ".", "|", "(", ")", "(?:", "(?>", "(?=", "(?<=", "(?<!",
    "(?P<n>", "(?i)", "*", "+", "?", "{2}", "{1,3}", "{,2}", "{", "}", "[", "]", "^", "-",
    "\\", r"\1", r"\p{L}", "*+", "++", "??", "[[a-z]--[b]]", "(?#c)", "\u00e9", "\ud800",
])


@SETTINGS
@given(st.lists(pattern_pieces, max_size=14).map("".join))
def test_the_pattern_compiler_only_ever_says_no_politely(pattern: str):
    """Any string: RE2 compiles it or a one-line PatternError says why, nothing else; an
    accepted pattern searches an adversarial line (RE2 bounds it by the line)."""
    try:
        compiled = compile_pattern(pattern)
    except PatternError as exc:
        assert "\n" not in str(exc) and str(exc).startswith("pattern ")
        return
    compiled.search(("a" * 200 + "!").encode())


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
    | st.text(max_size=12) | st.sampled_from(["custom", "strong", "line", "contains", "(a+)+"]),
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.sampled_from(["rule", "name", "phrases", "pattern", "match",
                                       "category", "confidence", "max_words", "extra"]),
                      inner, max_size=5),
    max_leaves=20,
)


@SETTINGS
@given(json_values)
def test_any_parsed_data_gives_rules_or_a_rule_file_error(data):
    text = json.dumps(data)
    try:
        rules = parse_rules(data, JsonLocator(text), "r.json")
    except RuleFileError as exc:
        assert str(exc).startswith("r.json:")
        return
    assert rules and all(rule.name for rule in rules)


def test_pattern_rules_take_hostile_lines(tmp_path: Path):
    """Lone surrogates, NUL and controls in the text: the pattern still runs, no error."""
    config = Config(rules=pattern_rules(tmp_path, r"(?i)caf\pL"), disable=declutter.rule_names())
    text = "caf\udce9\n\x00caf\u00e9\x00\n\ud800\u200f\x1b[0m\n"
    result = declutter.explain(text, config=config)
    assert [result.line(s) for s in result.removed] == ["\x00caf\u00e9\x00"]
    assert not result.abstentions


# --------------------------------------------------------------------------- command line


def test_cli_rules_option(tmp_path: Path, capsysbinary):
    rules = write(tmp_path, "rules.toml", GOOD_TOML)
    page = tmp_path / "page.txt"
    page.write_text(NOISY_PAGE, encoding="utf-8")
    assert cli.main(["--rules", str(rules), str(page)]) == 0
    captured = capsysbinary.readouterr()
    assert captured.out.decode() == "\n".join(ARTICLE) + "\n"
    assert captured.err == b""


@pytest.mark.parametrize("text,message", [
    ('[[rule]]\nname = "x"\npattern = "(a)\\\\1"\n',
     "rules.toml:3: rule 1: pattern rejected: a backreference '\\1'"),
    ('[[rule]\n', "rules.toml:1: TOML"),
])
def test_cli_bad_rule_file_is_one_line_and_exit_1(tmp_path: Path, text: str, message: str):
    rules = write(tmp_path, "rules.toml", text)
    done = subprocess.run([sys.executable, "-m", "declutter", "--rules", str(rules)],
                          input=NOISY_PAGE.encode(), capture_output=True, timeout=60)
    assert done.returncode == cli.EXIT_CONFIG == 1
    assert done.stdout == b""
    err = done.stderr.decode()
    assert err.count("\n") == 1 and err.startswith("declutter: ") and message in err, err
    assert "Traceback" not in err


def test_cli_missing_rule_file(tmp_path: Path, capsys):
    assert cli.main(["--rules", str(tmp_path / "none.toml"), "-"]) == cli.EXIT_CONFIG
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no such rule file" in err


def test_labels_carry_the_rules_name_category_and_confidence(toml_rules):
    """``scan`` yields one-line marks labelled with the rule's own name and category."""
    from declutter.engine import run

    outcome = run(NOISY_PAGE, Config(rules=toml_rules), record=True)
    labels = [label for found in outcome.labels.values() for label in found
              if label.rule == "sponsor_banner"]
    assert labels and all(l.category is Category.ADVERTISEMENT for l in labels)
    assert all(l.confidence == Confidence.STRONG for l in labels)
    assert {l.reason for l in labels} == {"the line is “promoted story”",
                                          "the line is “presented by our partners”"}


def test_load_rules_is_exported_from_the_package():
    from declutter import userrules

    assert declutter.load_rules is userrules.load_rules
