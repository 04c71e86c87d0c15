"""The project's own metadata: an SPDX license that setuptools does not warn about, and
a README that says how long the test suite takes."""

from __future__ import annotations

import re
import sys
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent


def test_license_is_an_spdx_expression_with_its_file():
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    project = data["project"]
    assert project["license"] == "MIT"  # a TOML table is deprecated by setuptools
    assert all((ROOT / name).is_file() for name in project["license-files"])
    assert not any(c.startswith("License ::") for c in project.get("classifiers", []))
    backend = [r for r in data["build-system"]["requires"] if r.startswith("setuptools")]
    assert backend and int(re.search(r">=(\d+)", backend[0]).group(1)) >= 77


def test_readme_says_how_long_the_test_suite_takes():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(r"^Test-suite time: .+ minutes", text, flags=re.MULTILINE)
