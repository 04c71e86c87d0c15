"""The public API: types, options, registry, explain structure."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

import declutter
from declutter.registry import RuleRegistry
from declutter.rules import DEFAULT_RULES

ARTICLE = ("The council voted on Tuesday to expand the bus network, officials said in a "
           "statement released after the meeting.\n")


@pytest.mark.parametrize("bad", [b"bytes", None, 42, ["a list"]])
def test_clean_rejects_non_str(bad):
    with pytest.raises(TypeError):
        declutter.clean(bad)
    with pytest.raises(TypeError):
        declutter.explain(bad)


def test_bytes_error_says_how_to_decode():
    with pytest.raises(TypeError, match="decode"):
        declutter.clean(b"text")


def test_unknown_option_is_a_type_error():
    with pytest.raises(TypeError, match="unknown option"):
        declutter.clean("x", profil="recall")


@pytest.mark.parametrize("options", [{"profile": 3}, {"disable": 5}, {"lang": 1},
                                     {"timeout": 0}, {"timeout": "1"}])
def test_wrongly_typed_options(options):
    with pytest.raises(TypeError):
        declutter.clean("x", **options)


def test_unknown_profile_and_rule_are_value_errors_listing_choices():
    with pytest.raises(declutter.UnknownProfileError, match="balanced"):
        declutter.clean("x", profile="aggressive")
    with pytest.raises(declutter.UnknownRuleError, match="comment_thread") as info:
        declutter.clean("x", disable=["no_such_rule", "byline"])
    assert info.value.unknown == ["no_such_rule"]


def test_empty_and_whitespace_inputs():
    assert declutter.clean("") == ""
    assert declutter.explain("").segments == ()
    assert declutter.clean("  \n\t\n") == "  \n\t\n"


def test_all_noise_cleans_to_empty():
    text = "Advertisement\n\nShare this article\n\nSkip to main content\n"
    result = declutter.explain(text)
    assert result.text == ""
    assert all(not s.kept for s in result.segments)
    assert {s.category for s in result.segments if s.category} >= {"advertisement", "share"}


def test_nothing_removed_means_identical_bytes():
    paragraphs = [ARTICLE, ARTICLE.replace("Tuesday", "Friday"), ARTICLE.replace("bus", "tram")]
    text = "\r\n\r\n" + "".join(p.replace("\n", "\r\n") for p in paragraphs) + "\n\n\n"
    assert declutter.clean(text) == text


def test_blank_lines_left_by_removals_collapse():
    text = "Title of the story\n\nAdvertisement\n\n" + ARTICLE + "\nShare\n\n"
    assert declutter.clean(text) == "Title of the story\n\n" + ARTICLE


def test_explanation_to_json_round_trips():
    result = declutter.explain("Advertisement\n" + ARTICLE)
    data = json.loads(result.to_json())
    assert data["text"] == result.text
    assert data["segments"][0]["rule"] == "advertisement_marker"
    assert data["segments"][0]["labels"][0]["category"] == "advertisement"
    assert data["removed_by_category"] == {"advertisement": {"lines": 1, "chars": 14}}


def test_explain_reports_language_and_profile():
    result = declutter.explain(ARTICLE * 3, profile="recall")
    assert result.language == "en"
    assert result.profile == "recall"
    given = declutter.explain(ARTICLE, lang="de")
    assert (given.language, given.language_method) == ("de", "given")


def test_config_object_and_keyword_override():
    config = declutter.Config(profile="precision")
    assert declutter.Config.from_options(config).profile == "precision"
    assert declutter.Config.from_options(config, profile="recall").profile == "recall"
    text = "Newsletter\n" + ARTICLE
    assert "Newsletter" in declutter.clean(text, config=config)


def test_config_is_picklable_and_hashable():
    config = declutter.Config(profile="recall", disable=["byline"])
    assert pickle.loads(pickle.dumps(config)) == config
    hash(config)


def test_rule_names_are_unique_and_listed():
    names = declutter.rule_names()
    assert len(names) == len(set(names)) == len(DEFAULT_RULES)
    described = {r["name"]: r for r in declutter.describe_rules()}
    assert set(described) == set(names)
    assert all(r["description"] for r in described.values())


def test_every_noise_category_has_a_rule():
    categories = {r.category for r in DEFAULT_RULES if r.category is not None}
    expected = set(declutter.Category) - {declutter.Category.CUSTOM}
    assert categories == expected


def test_registry_rejects_duplicates_and_unknown_names():
    with pytest.raises(ValueError, match="duplicate"):
        RuleRegistry([DEFAULT_RULES[0], DEFAULT_RULES[0]])
    with pytest.raises(declutter.UnknownRuleError):
        RuleRegistry(DEFAULT_RULES).without(["nope"])
    assert "byline" not in RuleRegistry(DEFAULT_RULES).without(["byline"])



def test_each_config_gets_the_rules_of_its_own_options():
    # registries are shared between equal options; different options must never mix
    without_byline = declutter.Config(disable=["byline"]).registry()
    assert "byline" not in without_byline.names()
    assert "byline" in declutter.Config().registry().names()
    assert declutter.Config(disable=["byline"]).registry().names() == without_byline.names()
    assert "byline" not in declutter.Config(disable=["byline", "dateline"]).registry().names()
    assert "dateline" in declutter.Config(disable=["byline"]).registry().names()
    text = "By Jane Doe\n" + ARTICLE
    assert declutter.clean(text) == ARTICLE
    assert declutter.clean(text, disable=["byline"]) == text
    assert declutter.clean(text) == ARTICLE

def test_repeated_line_keeps_its_first_copy():
    result = declutter.explain(ARTICLE * 2)
    assert [s.kept for s in result.segments] == [True, False]
    assert result.segments[1].rule == "repeated_line"


def test_output_is_deterministic_across_calls():
    text = (ARTICLE * 4) + "Trending\nA Headline About Markets Today\nAnother Headline For Readers\n"
    assert len({declutter.clean(text) for _ in range(5)}) == 1


#: A line that holds two phrases of one lexicon section ('company number', 'registered in
#: England and Wales'): which one a rule is told of must not depend on set order.
TWO_PHRASE_LINE = ("AVForums.com is owned and operated by M2N Limited, company number "
                   "03997482, registered in England and Wales.")


def test_explanations_are_the_same_whatever_the_hash_seed():
    """Python salts string hashes per process; no decision or reason may follow them."""
    import os
    import subprocess
    import sys

    seeds = Path(__file__).resolve().parent.parent / "seeds"
    texts = [path.read_text(encoding="utf-8") for path in sorted(seeds.glob("seed-*.txt"))
             if not path.name.endswith(".expected.txt")]
    texts.append(ARTICLE * 3 + TWO_PHRASE_LINE + "\n")
    code = ("import json, sys, declutter; texts = json.load(sys.stdin); "
            "print(json.dumps([declutter.explain(t, lang='en').to_dict() for t in texts]))")
    outputs = set()
    for seed in ("0", "1", "2", "3"):
        done = subprocess.run([sys.executable, "-c", code], input=json.dumps(texts),
                              capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": seed})
        outputs.add(done.stdout)
    assert len(outputs) == 1


def test_import_does_not_load_heavy_modules():
    import subprocess
    import sys

    code = ("import sys, declutter; "
            "print(sorted(m for m in ('trafilatura', 'langdetect', 'lxml', 'datatrove') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
