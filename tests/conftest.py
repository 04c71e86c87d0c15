"""Shared fixtures and helpers: paths to the seeds, a child's SIGINT reset, fake standard streams."""

from __future__ import annotations

import io
import signal
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


class FakeStd(io.TextIOWrapper):
    """A text stream over a BytesIO, like ``sys.stdin`` / ``sys.stdout``."""

    def __init__(self, data: bytes = b"") -> None:
        super().__init__(io.BytesIO(data), encoding="utf-8")

    def bytes(self) -> bytes:
        self.flush()
        return self.buffer.getvalue()


def default_sigint() -> None:
    """Run in a child before it starts: Ctrl-C back to its default. A shell starts
    background jobs with SIGINT ignored, and Python then never raises KeyboardInterrupt."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    """The seed documents (inputs only)."""
    return sorted(p for p in SEEDS.glob("seed-*.txt") if not p.name.endswith(".expected.txt"))
