"""Shared fixtures: paths to the seeds and the article/noise document generator."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    """The seed documents (inputs only)."""
    return sorted(p for p in SEEDS.glob("seed-*.txt") if not p.name.endswith(".expected.txt"))
