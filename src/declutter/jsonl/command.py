"""``declutter --jsonl``: the command line over :func:`declutter.jsonl.clean_sources`."""

from __future__ import annotations

import os
import sys
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from typing import TYPE_CHECKING, Iterator, Sequence, TextIO

from ..config import Config
from ..console import PROG, is_terminal, say, silence_stdout
from ..exitcodes import (
    EXIT_BROKEN_PIPE, EXIT_CONFIG, EXIT_DATA, EXIT_INTERRUPTED, EXIT_IO, EXIT_NO_INPUT,
    EXIT_OK, EXIT_USAGE,
)
from .. import streams
from ..streams import (
    MSG_DIRECTORY, MSG_MISSING, MSG_UNREADABLE, STDOUT_NAME, SourceReadError, compression_of,
    decompressed, open_output, open_tracked, sniff_file, zstd_missing_message,
)
from . import check_jobs, clean_sources, reading
from .progress import Progress
from .reading import Source
from .records import DEFAULT_FIELD, BadRecordError, JsonlOptions
from .summary import Summary
from ..wording import plural

if TYPE_CHECKING:  # pragma: no cover
    import argparse

#: How standard input is named in messages.
STDIN_NAME = "<stdin>"
#: The error policy when ``--on-error`` is not given.
DEFAULT_ON_ERROR = "fail"
#: Progress when ``--progress`` is not given: shown when standard error is a terminal.
DEFAULT_PROGRESS = "auto"


class _UsageError(Exception):
    """A command-line problem found before any input is read: (exit code, message)."""

    def __init__(self, code: int, message: str) -> None:
        super().__init__(message)
        self.code = code


def _options_from_args(args: "argparse.Namespace", config: Config) -> JsonlOptions:
    return JsonlOptions(field=args.field or DEFAULT_FIELD, html_field=args.html_field,
                        stats_field=args.stats_field, explain_field=args.explain_field,
                        on_error=args.on_error or DEFAULT_ON_ERROR,
                        encoding_errors=args.encoding_errors, config=config)


def _file_source(path: str) -> Source:
    try:
        size = os.path.getsize(path)
    except OSError:
        size = None
    return Source(path, lambda: open_tracked(path), size)


@contextmanager
def _open_stdin() -> Iterator[tuple]:
    stdin = getattr(sys.stdin, "buffer", sys.stdin)
    with decompressed(stdin, STDIN_NAME) as stream:
        yield stream, None


def _sources(names: Sequence[str]) -> list[Source]:
    """Check every input before reading any (so that ``-o`` never gets half a corpus)."""
    sources = []
    for name in names or ["-"]:
        if name == "-":
            sources.append(Source(STDIN_NAME, _open_stdin))
            continue
        if os.path.isdir(name):
            raise _UsageError(EXIT_NO_INPUT, MSG_DIRECTORY.format(name=name))
        if not os.path.exists(name):
            raise _UsageError(EXIT_NO_INPUT, MSG_MISSING.format(name=name))
        if not os.access(name, os.R_OK):
            raise _UsageError(EXIT_NO_INPUT, MSG_UNREADABLE.format(name=name,
                                                                   reason="permission denied"))
        if sniff_file(name) == "zstd" and streams.zstandard_module() is None:
            raise _UsageError(EXIT_CONFIG, zstd_missing_message(name))
        sources.append(_file_source(name))
    return sources


def _check_args(args: "argparse.Namespace") -> int:
    """The number of jobs; raises :class:`_UsageError` on flags that cannot work."""
    if getattr(args, "html", False):
        raise _UsageError(EXIT_USAGE, "--html does not apply to --jsonl; use --html-field NAME")
    if args.jobs is not None and args.jobs < 1:
        raise _UsageError(EXIT_USAGE, f"--jobs must be at least 1, not {args.jobs}")
    output = None if args.output == STDOUT_NAME else args.output
    if output and compression_of(output) == "zstd" and streams.zstandard_module() is None:
        raise _UsageError(EXIT_CONFIG, zstd_missing_message(output))
    if output and os.path.isdir(output):
        raise _UsageError(EXIT_IO, f"cannot write {output} (is a directory)")
    return check_jobs(args.jobs)


class _Reporter:
    """Messages on standard error, prefixed with the program's name."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def say(self, message: str) -> None:
        """Write one line (never fails: a closed stderr is ignored)."""
        say(message, self.stream)

    def problems(self, summary: Summary, policy: str) -> None:
        """Name the bad records that were skipped or kept."""
        verb = "skipped" if policy == "skip" else "kept unchanged"
        for problem in summary.problems:
            self.say(f"{problem.message()} ({verb})")
        hidden = summary.bad_records - len(summary.problems)
        if hidden > 0:
            self.say(f"... and {plural(hidden, 'more bad record')} {verb}")


def _wants_progress(mode: str, stream: TextIO) -> bool:
    if mode == "always":
        return True
    if mode == "never":
        return False
    return is_terminal(stream)


def _total_size(sources: Sequence[Source]) -> int | None:
    sizes = [source.size for source in sources]
    return None if any(size is None for size in sizes) else sum(sizes)  # type: ignore[arg-type]


def run_jsonl_cli(args: "argparse.Namespace", config: Config) -> int:
    """``declutter --jsonl``: clean the JSON Lines of ``args.files`` (or standard input).

    Prints the bad records (up to :data:`~declutter.jsonl.summary.MAX_REPORTED_PROBLEMS`)
    and a one-line summary on standard error; returns the exit code (see ``docs/scale.md``).
    """
    reporter = _Reporter(sys.stderr)
    try:
        jobs = _check_args(args)
        options = _options_from_args(args, config)
        sources = _sources(args.files)
    except _UsageError as exc:
        reporter.say(str(exc))
        return exc.code
    except ValueError as exc:  # conflicting field names
        reporter.say(str(exc))
        return EXIT_USAGE
    shown = _wants_progress(args.progress or DEFAULT_PROGRESS, sys.stderr)
    progress = Progress(sys.stderr if shown else None, PROG, _total_size(sources))
    summary = Summary()
    output = None if args.output == STDOUT_NAME else args.output
    not_written = f"; {output} not written" if output else ""
    try:
        with open_output(output) as out:
            clean_sources(sources, out.write, options, jobs=jobs,
                          chunk_bytes=reading.CHUNK_BYTES, progress=progress, summary=summary)
            out.flush()
    except BadRecordError as exc:
        reporter.say(f"{exc.problem.message()}; use --on-error skip or keep to go on"
                     + not_written)
        reporter.say(summary.render())
        return EXIT_DATA
    except SourceReadError as exc:
        reporter.say(str(exc) + not_written)
        return EXIT_DATA if exc.corrupt else EXIT_NO_INPUT
    except BrokenPipeError:
        silence_stdout()
        return EXIT_BROKEN_PIPE
    except KeyboardInterrupt:
        reporter.say(f"interrupted after {plural(summary.records_in, 'record')}" + not_written)
        return EXIT_INTERRUPTED
    except BrokenProcessPool:
        reporter.say("a worker process died (killed, or out of memory?)" + not_written)
        return EXIT_IO
    except OSError as exc:
        target = output or "standard output"
        reporter.say(f"cannot write {target} ({exc.strerror or exc})")
        return EXIT_IO
    if summary.bad_records:
        reporter.problems(summary, options.on_error)
    reporter.say(summary.render())
    return EXIT_OK
