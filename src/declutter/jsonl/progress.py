"""The progress bar of a JSON Lines run, drawn by tqdm on standard error.

It counts the input's bytes as stored: with every input's size known (files, not
standard input) it shows a percentage and an estimate of the time left; otherwise the
bytes read and the rate. The records read so far follow the rate.
"""

from __future__ import annotations

from typing import TextIO

from ..wording import plural
from .summary import Summary

#: Least seconds between two redraws of the bar.
PROGRESS_INTERVAL = 0.5


class Progress:
    """A progress bar (``stream=None``: silent; tqdm is imported only when shown).

    :param stream: where to draw it (standard error).
    :param prog: the name at its start.
    :param total: the bytes of input to read, when known.
    """

    def __init__(self, stream: TextIO | None, prog: str, total: int | None = None) -> None:
        self._bar = None
        if stream is None:
            return
        from tqdm import tqdm

        self._bar = tqdm(total=total or None, file=stream, desc=prog, unit="B",
                         unit_scale=True, unit_divisor=1000, mininterval=PROGRESS_INTERVAL,
                         dynamic_ncols=True, leave=True)

    def update(self, summary: Summary, position: int | None = None) -> None:
        """Move the bar to ``position`` bytes read as stored (``None``: the bytes the
        summary has read, uncompressed) and show the records read."""
        if self._bar is None:
            return
        done = summary.bytes_in if position is None else position
        self._bar.set_postfix_str(plural(summary.records_in, "record"), refresh=False)
        try:
            self._bar.update(done - self._bar.n)
        except (OSError, ValueError):  # standard error went away: stop drawing
            self._bar = None

    def close(self) -> None:
        """End the bar so that what follows starts on a line of its own."""
        if self._bar is None:
            return
        try:
            self._bar.close()
        except (OSError, ValueError):
            pass
        self._bar = None
