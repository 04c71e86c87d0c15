"""The command line's exit codes, in one place for every command (``declutter --help``
and ``docs/cli.md`` list them)."""

from __future__ import annotations

#: Success, also for an empty input (empty output and a warning).
EXIT_OK = 0
#: A rule or configuration error (unknown rule, category or language; bad rule file).
EXIT_CONFIG = 1
#: Bad command-line usage.
EXIT_USAGE = 2
#: Input refused: invalid UTF-8, binary, too large, corrupt compressed data, a bad record.
EXIT_DATA = 65
#: An input file is missing, is a directory or cannot be read.
EXIT_NO_INPUT = 66
#: An internal error: a bug in declutter.
EXIT_SOFTWARE = 70
#: The output could not be written (or a worker process died).
EXIT_IO = 74
#: Interrupted (Ctrl-C).
EXIT_INTERRUPTED = 130
#: The reader of the output went away (broken pipe).
EXIT_BROKEN_PIPE = 141
