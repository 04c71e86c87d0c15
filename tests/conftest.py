"""Shared fixtures: paths to the seeds and the article/noise document generator."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def default_sigint() -> None:
    """Run in a child before it starts: Ctrl-C back to its default. A shell starts
    background jobs with SIGINT ignored, and Python then never raises KeyboardInterrupt."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    """The seed documents (inputs only)."""
    return sorted(p for p in SEEDS.glob("seed-*.txt") if not p.name.endswith(".expected.txt"))
