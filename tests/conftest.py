"""Shared fixtures and helpers: paths to the seeds, a child's SIGINT reset, fake standard
streams, the command line run in-process, and a small article with bylines."""

from __future__ import annotations

import io
import signal
import sys
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


def run_cli(monkeypatch: pytest.MonkeyPatch, argv: list[str], stdin: bytes = b"",
            errors: str = "strict") -> tuple[int, str, str]:
    """``declutter`` run in-process on ``argv`` with ``stdin``: its exit code, standard
    output (decoded with ``errors``) and standard error."""
    from declutter import cli

    out, err = FakeStd(), FakeStd()
    monkeypatch.setattr(sys, "stdin", FakeStd(stdin))
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    code = cli.main(argv)
    return code, out.bytes().decode("utf-8", errors), err.bytes().decode("utf-8")


#: An article with two bylines (one claimed by reporting_credit), a dateline and a prompt.
BYLINED = """City council approves new bridge budget
By Jane Smith, Staff Writer
Published March 3, 2024
The city council voted on Tuesday to approve a budget of 40 million dollars for the new bridge over the river, officials said after the meeting.
Construction is expected to begin next spring and to last about two years, according to the plan presented to the council members.
Residents who attended the meeting mostly welcomed the decision, although some raised concerns about traffic during the works.
Reporting by Jane Smith; Editing by Tom Brown
Share this article
"""


def default_sigint() -> None:
    """Run in a child before it starts: Ctrl-C back to its default. A shell starts
    background jobs with SIGINT ignored, and Python then never raises KeyboardInterrupt."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    """The seed documents (inputs only)."""
    return sorted(p for p in SEEDS.glob("seed-*.txt") if not p.name.endswith(".expected.txt"))
