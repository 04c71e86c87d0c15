"""Standard error and standard output as the command line uses them: one-line messages,
terminal detection, and a quiet exit after a broken pipe."""

from __future__ import annotations

import os
import sys
from typing import TextIO

#: The program's name, at the start of every message.
PROG = "declutter"


def say(message: str, stream: TextIO | None = None) -> None:
    """Write ``declutter: message`` on standard error (never fails: a closed or missing
    stderr is ignored)."""
    target = sys.stderr if stream is None else stream
    try:
        target.write(f"{PROG}: {message}\n")
        target.flush()
    except (OSError, ValueError, AttributeError):
        pass


def is_terminal(stream: TextIO | None) -> bool:
    """Whether ``stream`` is an interactive terminal (``False`` for ``None`` or a closed one)."""
    try:
        return stream is not None and stream.isatty()
    except (AttributeError, ValueError):
        return False


def silence_stdout() -> None:
    """After a broken pipe, point stdout at /dev/null so the interpreter's final flush
    does not print a second error."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
