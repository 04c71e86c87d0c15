"""Kept lines -> output text, by slicing the original (never re-joining stripped lines).

Blank-line policy: a blank (empty or whitespace-only) line stays unless a removal left
it behind: it is dropped when a line was removed since the last kept line and the output
so far is empty or ends with a blank line, and blank lines after the last kept line are
dropped when a removal follows that line. With nothing removed, the output is the input,
byte for byte; whitespace-only input is returned as is.
"""

from __future__ import annotations

from .document import Document


def emitted_lines(doc: Document, keep: list[bool]) -> list[bool]:
    """Which lines go to the output, given which non-blank lines are kept.

    :param keep: per line; only the entries of non-blank lines are read.
    """
    blank = doc.blank
    out = [False] * len(blank)
    removal_pending = False
    last_was_blank = True  # true at the start: nothing emitted yet
    last_kept = -1
    removal_after_last_kept = False
    for index, is_blank in enumerate(blank):
        if not is_blank:
            if keep[index]:
                out[index] = True
                removal_pending = removal_after_last_kept = False
                last_was_blank = False
                last_kept = index
            else:
                removal_pending = removal_after_last_kept = True
        elif not (removal_pending and last_was_blank):
            out[index] = True
            last_was_blank = True
    if removal_after_last_kept:
        for index in range(last_kept + 1, len(blank)):
            out[index] = False
    return out


def assemble(doc: Document, emitted: list[bool]) -> str:
    """Concatenate the emitted lines, each with its own original line break."""
    pieces = []
    run_start = None
    for index, keep in enumerate(emitted):
        if keep and run_start is None:
            run_start = doc.starts[index]
        elif not keep and run_start is not None:
            pieces.append(doc.text[run_start:doc.starts[index]])
            run_start = None
    if run_start is not None:
        pieces.append(doc.text[run_start:])
    return "".join(pieces)
