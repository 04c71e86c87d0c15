"""Clean JSON Lines corpora: one field of every record, streamed, on all cores.

One JSON object per line in, the same object out with one field cleaned; every other
field keeps its value and its place, and records keep their order. Input is read in
chunks of about :data:`CHUNK_BYTES` and at most
``jobs * declutter.parallel.IN_FLIGHT_PER_JOB`` chunks are in flight, so memory stays bounded whatever the size of the corpus.

Library use::

    from declutter.jsonl import clean_records, clean_jsonl

    for record in clean_records(records, field="text", stats_field="removed"):
        ...

    with open("in.jsonl", "rb") as src, open("out.jsonl", "wb") as dst:
        summary = clean_jsonl(src, dst, jobs=4)
    print(summary.render())

The command line (``declutter --jsonl``) is :func:`declutter.jsonl.command.run_jsonl_cli`;
``docs/scale.md`` describes the flags, the error policies, the exit codes and the summary
line. The parts, one job each: :mod:`~declutter.jsonl.records` (one record, one chunk),
:mod:`~declutter.jsonl.reading` (chunks of whole lines from the inputs),
:mod:`declutter.parallel` (the ordered, bounded parallel map),
:mod:`~declutter.jsonl.progress` (the progress bar), :mod:`~declutter.jsonl.summary`
(the counts) and :mod:`declutter.streams` (compression, atomic output).

Policies, decided once for every input:

* A blank line (empty or whitespace only) is not a record: it is dropped and counted
  in the summary (``blank lines``); it is never an error.
* A bad record (invalid UTF-8, not JSON, not a JSON object, no such field, a field that
  is not a string, HTML that cannot be extracted) follows ``on_error``: ``fail`` stops
  at it with its line number, ``skip`` drops it, ``keep`` writes the original line
  unchanged. Skipped and kept records are counted by kind and the first ones are named.
* Line ends (``\\n`` or ``\\r\\n``) are read either way and always written as ``\\n``;
  a last line without a line end is read like any other.
* Records are written back as compact JSON (``{"a":1}``) in UTF-8 with their keys in
  the input order; raw control characters inside strings (NUL bytes...) are accepted
  and written escaped.
"""

from __future__ import annotations

import time
from collections import deque
from contextlib import contextmanager
from functools import partial
from typing import Any, BinaryIO, Callable, Iterable, Iterator, Mapping, TextIO

from ..config import Config
from ..parallel import default_jobs, ordered_map
from ..streams import SourceReadError, atomic_output, compression_of, decompressed, open_input
from . import records
from .progress import Progress
from .reading import CHUNK_BYTES, Source, read_chunks, source_chunks
from .records import (
    DEFAULT_FIELD, BadRecordError, JsonlOptions, _Refused, clean_record_in_place,
    encode_record, parse_line, removal_totals, stats_of,
)
from .summary import MAX_REPORTED_PROBLEMS, CategoryTotals, Problem, RecordProblem, Summary

__all__ = [
    "BadRecordError", "CHUNK_BYTES", "CategoryTotals", "DEFAULT_FIELD", "JsonlOptions",
    "MAX_REPORTED_PROBLEMS", "Problem", "RecordProblem", "Source", "SourceReadError",
    "Summary", "atomic_output", "clean_jsonl", "clean_record_in_place", "clean_records",
    "clean_sources", "compression_of", "default_jobs", "encode_record", "open_input",
    "parse_line", "read_chunks", "removal_totals", "stats_of",
]

#: The name on the progress bar of :func:`clean_jsonl`.
LIBRARY_PROG = "declutter"
#: The name of a stream handed to :func:`clean_jsonl` without a ``name``.
STREAM_NAME = "<stream>"


def clean_sources(sources: Iterable[Source], write: Callable[[bytes], Any],
                  options: JsonlOptions, *, jobs: int, chunk_bytes: int,
                  progress: Progress, summary: Summary) -> Summary:
    """Clean every source into ``write``, in order, on ``jobs`` processes; fills and
    returns ``summary`` (the command line and :func:`clean_jsonl` both run this).

    :raises BadRecordError: at a bad record under ``on_error="fail"``.
    """
    started = time.monotonic()
    positions: deque[int | None] = deque()  # where reading stood after each chunk in flight
    chunks = source_chunks(sources, chunk_bytes, positions.append)
    work = partial(records.process_chunk, options=options)  # looked up now: patchable
    try:
        with ordered_map(work, chunks, jobs) as results:
            for result in results:
                if result.output:
                    write(result.output)
                summary.merge(result.summary)
                progress.update(summary, positions.popleft() if positions else None)
                if result.stopped is not None:
                    raise BadRecordError(result.stopped, summary)
    finally:
        summary.seconds = time.monotonic() - started
        progress.close()
    return summary


def check_jobs(jobs: int | None) -> int:
    """``jobs`` checked (``None``: the CPUs this process may use).

    :raises ValueError: when ``jobs`` is not a positive int.
    """
    if jobs is None:
        return default_jobs()
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise ValueError(f"jobs must be a positive int, not {jobs!r}")
    return jobs


def clean_jsonl(src: BinaryIO, dst: BinaryIO, *, field: str = DEFAULT_FIELD,
                html_field: str | None = None, stats_field: str | None = None,
                explain_field: str | None = None, on_error: str = "fail",
                encoding_errors: str = "strict", config: Config | None = None,
                jobs: int | None = 1, name: str = STREAM_NAME,
                chunk_bytes: int = CHUNK_BYTES, progress: TextIO | None = None,
                **options: Any) -> Summary:
    """Clean the JSON Lines of ``src`` into ``dst`` (both binary streams, not closed).

    :param field, html_field, stats_field, explain_field, on_error, encoding_errors: see
        :class:`JsonlOptions`.
    :param config: how to clean; keyword ``options`` (``profile``, ``disable``,
        ``lang``...) override its fields, as for :func:`declutter.clean`.
    :param jobs: worker processes (``None``: all cores; 1: this process only).
    :param name: the input's name in messages.
    :param chunk_bytes: input bytes handed to a worker at a time.
    :param progress: a text stream for a progress line (``None``: none).
    :returns: what was done.
    :raises BadRecordError: at the first bad record under ``on_error="fail"``; records
        before it have been written to ``dst``, and the error carries the summary.
    :raises SourceReadError: when ``src`` cannot be read (gzip or zstandard data,
        recognised by its first bytes, is decompressed).
    """
    opts = JsonlOptions(field=field, html_field=html_field, stats_field=stats_field,
                        explain_field=explain_field, on_error=on_error,
                        encoding_errors=encoding_errors,
                        config=Config.from_options(config, **options))
    source = Source(name, lambda: _opened(src, name))
    return clean_sources([source], dst.write, opts, jobs=check_jobs(jobs),
                          chunk_bytes=chunk_bytes, progress=Progress(progress, LIBRARY_PROG),
                          summary=Summary())


@contextmanager
def _opened(src: BinaryIO, name: str) -> Iterator[tuple[BinaryIO, None]]:
    with decompressed(src, name) as stream:
        yield stream, None


def clean_records(records: Iterable[Mapping[str, Any]], *, field: str = DEFAULT_FIELD,
                  html_field: str | None = None, stats_field: str | None = None,
                  explain_field: str | None = None, on_error: str = "fail",
                  config: Config | None = None, **options: Any) -> Iterator[dict[str, Any]]:
    """Clean ``field`` of every record, lazily, in this process.

    Each record is copied (the input is not modified); the copy keeps every other field
    and its key order. Bad records (not a mapping, no such field, not a string) follow
    ``on_error``: ``"fail"`` raises :class:`BadRecordError` (``problem.line`` is the
    record's number, from 1), ``"skip"`` drops them, ``"keep"`` yields them unchanged.

    >>> from declutter.jsonl import clean_records
    >>> page = "Advertisement\\nThe vote was held on Sunday, officials said.\\n"
    >>> [r["text"] for r in clean_records([{"id": 1, "text": page}])]
    ['The vote was held on Sunday, officials said.\\n']
    """
    opts = JsonlOptions(field=field, html_field=html_field, stats_field=stats_field,
                        explain_field=explain_field, on_error=on_error,
                        config=Config.from_options(config, **options))
    for number, record in enumerate(records, start=1):
        try:
            if not isinstance(record, Mapping):
                raise _Refused(Problem.NOT_OBJECT, f"not a mapping but {type(record).__name__}")
            cleaned = dict(record)
            clean_record_in_place(cleaned, opts)
        except _Refused as refused:
            if opts.on_error == "fail":
                raise BadRecordError(RecordProblem("<records>", number, refused.kind,
                                                   refused.detail)) from None
            if opts.on_error == "keep":
                yield record  # type: ignore[misc]
            continue
        yield cleaned


