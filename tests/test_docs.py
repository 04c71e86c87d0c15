"""The documentation names every rule and the README carries the two set-up commands."""

from __future__ import annotations

from pathlib import Path

import declutter

ROOT = Path(__file__).resolve().parent.parent


def test_rules_doc_lists_every_rule():
    text = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    missing = [name for name in declutter.rule_names() if f"`{name}`" not in text]
    assert missing == []


def test_readme_opens_with_the_two_commands():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split("```sh", 1)[1].split("```", 1)[0].strip().splitlines()
    assert block[0].startswith("python3 -m pip install . && declutter seeds/")
    assert block[1] == "python3 -m pip install '.[test]' && python3 -m pytest"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "python3 -m pip install --quiet '.[test]'" in ci and "python3 -m pytest" in ci
