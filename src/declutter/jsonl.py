"""Clean JSON Lines corpora: one field of every record, streamed, on all cores.

One JSON object per line in, the same object out with one field cleaned; every other
field keeps its value and its place, and records keep their order. Input is read in
chunks of about :data:`CHUNK_BYTES` and at most ``jobs * IN_FLIGHT_PER_JOB`` chunks are
in flight, so memory stays bounded whatever the size of the corpus.

Library use::

    from declutter.jsonl import clean_records, clean_jsonl

    for record in clean_records(records, field="text", stats_field="removed"):
        ...

    with open("in.jsonl", "rb") as src, open("out.jsonl", "wb") as dst:
        summary = clean_jsonl(src, dst, jobs=4)
    print(summary.render())

The command line (``declutter --jsonl``) is :func:`run_jsonl_cli`; ``docs/scale.md``
describes the flags, the error policies, the exit codes and the summary line.

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

import gzip
import json
import os
import signal
import sys
import tempfile
import time
import zlib
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field as dataclass_field
from enum import Enum
from itertools import chain, islice
from typing import (
    TYPE_CHECKING, Any, BinaryIO, Callable, ContextManager, Iterable, Iterator, Mapping,
    Sequence, TextIO,
)

from .config import Config
from .engine import Outcome, run
from .errors import DeclutterError
from .html import Extraction

if TYPE_CHECKING:  # pragma: no cover
    import argparse

#: Bytes of input handed to a worker at a time (whole lines; a longer line is one chunk).
CHUNK_BYTES = 1 << 20
#: Chunks submitted per worker process before the oldest result is awaited.
IN_FLIGHT_PER_JOB = 2
#: The record field cleaned by default.
DEFAULT_FIELD = "text"
#: What ``on_error`` may be.
ERROR_POLICIES = ("fail", "skip", "keep")
#: What ``encoding_errors`` may be (as for :meth:`bytes.decode`).
ENCODING_ERROR_MODES = ("strict", "replace", "surrogateescape")
#: Bad records named one by one in the report; the rest are only counted.
MAX_REPORTED_PROBLEMS = 20
#: Seconds between two refreshes of the progress line.
PROGRESS_INTERVAL = 0.5
#: File name endings read (and written) as gzip.
GZIP_SUFFIXES = (".gz",)
#: File name endings read (and written) as zstandard.
ZSTD_SUFFIXES = (".zst", ".zstd")
#: gzip level of ``-o FILE.gz`` (6: zlib's default speed/size balance).
GZIP_LEVEL = 6
#: zstandard level of ``-o FILE.zst``.
ZSTD_LEVEL = 3
#: How to install the optional zstandard dependency.
ZSTD_INSTALL_HINT = "pip install 'declutter-text[zstd]'"
#: A UTF-8 byte order mark, ignored at the start of an input.
UTF8_BOM = b"\xef\xbb\xbf"
#: The name on the progress line of :func:`clean_jsonl`.
LIBRARY_PROG = "declutter"
#: ``-o`` naming standard output.
STDOUT_NAME = "-"
#: How standard input is named in messages.
STDIN_NAME = "<stdin>"
#: The name of a stream handed to :func:`clean_jsonl` without a ``name``.
STREAM_NAME = "<stream>"
#: Compact JSON, as most corpus tools write it.
JSON_SEPARATORS = (",", ":")
#: Bytes in a megabyte, as the summary and progress line count them.
MEGABYTE = 1_000_000
#: Units of :func:`human_bytes`, smallest first.
BYTE_UNITS = ("B", "kB", "MB", "GB", "TB")
#: Bytes per step of :data:`BYTE_UNITS`.
BYTE_UNIT_STEP = 1000
#: Erase to the end of the terminal line (after a carriage return).
ERASE_LINE = "\x1b[K"
#: Suffix of the temporary file ``-o`` writes before renaming it.
TEMP_SUFFIX = ".tmp"
#: Seconds to wait for a terminated worker process to go away.
WORKER_JOIN_SECONDS = 5.0
#: Permission bits of a new output file, before the umask.
NEW_FILE_MODE = 0o666
#: JSON names of Python types, for messages.
JSON_TYPE_NAMES = {dict: "an object", list: "an array", str: "a string", int: "a number",
                   float: "a number", bool: "a boolean", type(None): "null"}


class Problem(str, Enum):
    """The kinds of bad records (the value is the code used in reports)."""

    INVALID_UTF8 = "invalid_utf8"
    INVALID_JSON = "invalid_json"
    NOT_OBJECT = "not_object"
    MISSING_FIELD = "missing_field"
    NOT_STRING = "not_string"
    HTML_FAILED = "html_failed"
    CLEAN_FAILED = "clean_failed"

    def __str__(self) -> str:  # pragma: no cover - trivial
        return self.value


@dataclass(frozen=True)
class RecordProblem:
    """One bad record: where it is and what is wrong with it.

    :param source: the input's name (a file name, ``<stdin>``, ``<records>``).
    :param line: its line number in the input, from 1 (the record's number, from 1,
        for :func:`clean_records`).
    :param kind: what is wrong.
    :param detail: a short human sentence.
    """

    source: str
    line: int
    kind: Problem
    detail: str

    def message(self) -> str:
        """``source:line: detail``, as the command line prints it."""
        return f"{self.source}:{self.line}: {self.detail}"


class BadRecordError(DeclutterError, ValueError):
    """A bad record under ``on_error="fail"``.

    :param problem: the record and what is wrong with it.
    :param summary: what was done up to the bad record (``None`` from
        :func:`clean_records`).
    """

    def __init__(self, problem: RecordProblem, summary: "Summary | None" = None) -> None:
        super().__init__(problem.message())
        self.problem = problem
        self.summary = summary


class SourceReadError(DeclutterError):
    """An input could not be read to its end (unreadable, corrupt or truncated).

    :param corrupt: whether the data is damaged (a bad or truncated gzip/zstd stream)
        rather than unreadable.
    """

    def __init__(self, message: str, *, corrupt: bool) -> None:
        super().__init__(message)
        self.corrupt = corrupt


class _Refused(Exception):
    """A record that cannot be cleaned (internal: becomes a :class:`RecordProblem`)."""

    def __init__(self, kind: Problem, detail: str) -> None:
        super().__init__(detail)
        self.kind = kind
        self.detail = detail


@dataclass(frozen=True)
class JsonlOptions:
    """What to clean in each record and what to do with bad ones.

    :param field: the field holding the text; the cleaned text is written there.
    :param html_field: take HTML from this field instead, extract its text with
        trafilatura (:func:`declutter.html.extract`) and write the cleaned text to
        ``field``.
    :param stats_field: add ``{category: {"lines": n, "chars": n}}`` of the removed
        lines under this field.
    :param explain_field: add the structured explanation
        (``declutter.explain(...).to_dict(include_text=False)``) under this field.
    :param on_error: ``"fail"``, ``"skip"`` or ``"keep"`` (see the module docstring).
    :param encoding_errors: how bytes that are not UTF-8 are decoded: ``"strict"``
        (a bad record), ``"replace"`` or ``"surrogateescape"`` (written back unchanged).
    :param config: how to clean.
    """

    field: str = DEFAULT_FIELD
    html_field: str | None = None
    stats_field: str | None = None
    explain_field: str | None = None
    on_error: str = "fail"
    encoding_errors: str = "strict"
    config: Config = dataclass_field(default_factory=Config)

    def __post_init__(self) -> None:
        if self.on_error not in ERROR_POLICIES:
            raise ValueError(f"on_error must be one of {', '.join(ERROR_POLICIES)}, "
                             f"not {self.on_error!r}")
        if self.encoding_errors not in ENCODING_ERROR_MODES:
            raise ValueError(f"encoding_errors must be one of {', '.join(ENCODING_ERROR_MODES)}, "
                             f"not {self.encoding_errors!r}")
        if not isinstance(self.config, Config):
            raise TypeError(f"config must be a declutter.Config, not {type(self.config).__name__}")
        names = {"field": self.field, "html_field": self.html_field,
                 "stats_field": self.stats_field, "explain_field": self.explain_field}
        for option, name in names.items():
            if name is not None and (not isinstance(name, str) or not name):
                raise ValueError(f"{option} must be a non-empty str")
        added = [n for n in (self.stats_field, self.explain_field) if n is not None]
        reserved = {self.field, self.html_field}
        if any(name in reserved for name in added) or len(set(added)) < len(added):
            raise ValueError("stats_field and explain_field must differ from each other and "
                             "from field and html_field")

    @property
    def source_field(self) -> str:
        """The field read: ``html_field`` when given, else ``field``."""
        return self.html_field or self.field


@dataclass
class CategoryTotals:
    """Lines, characters and UTF-8 bytes removed in one category."""

    lines: int = 0
    chars: int = 0
    bytes: int = 0

    def add(self, other: "CategoryTotals") -> None:
        """Add ``other``'s counts to these."""
        self.lines += other.lines
        self.chars += other.chars
        self.bytes += other.bytes


@dataclass
class Summary:
    """What a run did (counts add up over chunks and inputs).

    :param records_in: non-blank lines read.
    :param records_out: lines written: cleaned records plus bad records kept unchanged.
    :param blank_lines: blank lines dropped.
    :param skipped: bad records dropped (``on_error="skip"``).
    :param kept_unchanged: bad records written unchanged (``on_error="keep"``).
    :param failed: bad records that stopped the run (``on_error="fail"``): 0 or 1.
    :param problems_by_kind: bad records by kind.
    :param problems: the first :data:`MAX_REPORTED_PROBLEMS` bad records.
    :param bytes_in: input bytes read (after decompression).
    :param bytes_out: output bytes written (before compression).
    :param removed: removed lines by category.
    :param seconds: wall time of the run.
    """

    records_in: int = 0
    records_out: int = 0
    blank_lines: int = 0
    skipped: int = 0
    kept_unchanged: int = 0
    failed: int = 0
    problems_by_kind: dict[str, int] = dataclass_field(default_factory=dict)
    problems: list[RecordProblem] = dataclass_field(default_factory=list)
    bytes_in: int = 0
    bytes_out: int = 0
    removed: dict[str, CategoryTotals] = dataclass_field(default_factory=dict)
    seconds: float = 0.0

    @property
    def bad_records(self) -> int:
        """Bad records met, whatever was done with them."""
        return self.skipped + self.kept_unchanged + self.failed

    def note_problem(self, problem: RecordProblem, policy: str) -> None:
        """Count a bad record handled under ``policy``."""
        if policy == "skip":
            self.skipped += 1
        elif policy == "keep":
            self.kept_unchanged += 1
        else:
            self.failed += 1
        self.problems_by_kind[problem.kind.value] = self.problems_by_kind.get(problem.kind.value, 0) + 1
        if len(self.problems) < MAX_REPORTED_PROBLEMS:
            self.problems.append(problem)

    def add_removed(self, removed: Mapping[str, CategoryTotals]) -> None:
        """Add one record's removals."""
        for category, totals in removed.items():
            self.removed.setdefault(category, CategoryTotals()).add(totals)

    def merge(self, other: "Summary") -> None:
        """Add ``other``'s counts (a later chunk's) to these."""
        for name in ("records_in", "records_out", "blank_lines", "skipped", "kept_unchanged",
                     "failed", "bytes_in", "bytes_out"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for kind, count in other.problems_by_kind.items():
            self.problems_by_kind[kind] = self.problems_by_kind.get(kind, 0) + count
        room = MAX_REPORTED_PROBLEMS - len(self.problems)
        self.problems.extend(other.problems[:max(room, 0)])
        self.add_removed(other.removed)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready mapping (removed categories sorted by name)."""
        return {
            "records_in": self.records_in, "records_out": self.records_out,
            "blank_lines": self.blank_lines, "skipped": self.skipped,
            "kept_unchanged": self.kept_unchanged, "failed": self.failed,
            "problems_by_kind": dict(sorted(self.problems_by_kind.items())),
            "bytes_in": self.bytes_in, "bytes_out": self.bytes_out,
            "seconds": self.seconds,
            "removed": {c: {"lines": t.lines, "chars": t.chars, "bytes": t.bytes}
                        for c, t in sorted(self.removed.items())},
        }

    def render(self) -> str:
        """The one-line summary the command line prints on standard error."""
        parts = [f"{self.records_in:,} records in, {self.records_out:,} out"]
        if self.bad_records:
            kinds = ", ".join(f"{k} {n:,}" for k, n in sorted(self.problems_by_kind.items()))
            handled = [(self.failed, "stopped the run"), (self.skipped, "skipped"),
                       (self.kept_unchanged, "kept unchanged")]
            parts.append(", ".join(f"{_plural(n, 'bad record')} {what}"
                                   for n, what in handled if n) + f" ({kinds})")
        if self.blank_lines:
            parts.append(f"{_plural(self.blank_lines, 'blank line')} dropped")
        rate = self.bytes_in / MEGABYTE / self.seconds if self.seconds > 0 else 0.0
        volume = (f"{self.bytes_in / MEGABYTE:.2f} MB in, {self.bytes_out / MEGABYTE:.2f} MB out "
                  f"in {self.seconds:.1f} s ({rate:.2f} MB/s)")
        ranked = sorted(self.removed.items(), key=lambda item: (-item[1].bytes, item[0]))
        removed = ", ".join(f"{c} {human_bytes(t.bytes)}" for c, t in ranked) or "nothing"
        return f"{'; '.join([', '.join(parts), volume])}; removed: {removed}"


def _plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


@dataclass(frozen=True)
class Chunk:
    """Whole lines of one input, handed to a worker.

    :param source: the input's name.
    :param first_line: the line number of the first line, from 1.
    :param data: the lines, with their line ends (the input's last line may lack one).
    """

    source: str
    first_line: int
    data: bytes


@dataclass
class ChunkResult:
    """A cleaned chunk.

    :param output: the lines to write, in order.
    :param summary: what the chunk held.
    :param stopped: the bad record that stopped the chunk under ``on_error="fail"``
        (``output`` then holds the records before it).
    """

    output: bytes
    summary: Summary
    stopped: RecordProblem | None = None


@dataclass(frozen=True)
class Source:
    """An input to read: its name and how to open it as a binary stream."""

    name: str
    open: Callable[[], ContextManager[BinaryIO]]


# --- one record -------------------------------------------------------------------------


def json_type(value: object) -> str:
    """The JSON name of ``value``'s type, with its article (``"an array"``)."""
    return JSON_TYPE_NAMES.get(type(value), type(value).__name__)


def removal_totals(outcome: Outcome) -> dict[str, CategoryTotals]:
    """Lines, characters and bytes removed by category, from a run's outcome.

    Counts the removed non-blank lines, as
    :meth:`declutter.Explanation.removed_by_category` does, without the explanation.
    """
    doc = outcome.doc
    totals: dict[str, CategoryTotals] = {}
    for index, label in outcome.removed.items():
        if doc.blank[index]:
            continue
        start, end = doc.starts[index], doc.ends[index]
        entry = totals.setdefault(label.category.value, CategoryTotals())
        entry.lines += 1
        entry.chars += end - start
        entry.bytes += len(doc.text[start:end].encode("utf-8", "surrogatepass"))
    return dict(sorted(totals.items()))


def stats_of(removed: Mapping[str, CategoryTotals]) -> dict[str, dict[str, int]]:
    """The ``stats_field`` value: ``{category: {"lines": n, "chars": n}}``."""
    return {category: {"lines": t.lines, "chars": t.chars} for category, t in removed.items()}


def _text_of(record: Mapping[str, Any], options: JsonlOptions) -> Extraction:
    """The text to clean, with what the HTML tells of it (where the comment section
    begins, the page's titles and standfirst) when it comes from ``options.html_field``."""
    name = options.source_field
    if name not in record:
        raise _Refused(Problem.MISSING_FIELD, f"no field {name!r}")
    value = record[name]
    if not isinstance(value, str):
        raise _Refused(Problem.NOT_STRING, f"field {name!r} is {json_type(value)}, not a string")
    if options.html_field is None:
        return Extraction(value)
    from .html import extract

    try:
        return extract(value)
    except Exception as exc:  # trafilatura/lxml failures on odd pages
        raise _Refused(Problem.HTML_FAILED, f"HTML in {name!r} could not be extracted "
                                            f"({type(exc).__name__}: {exc})") from None


def clean_record_in_place(record: dict[str, Any], options: JsonlOptions) -> dict[str, CategoryTotals]:
    """Clean one record (modified in place) and return what was removed, by category.

    The cleaned text replaces ``options.field`` where it stands (or is appended when the
    record has no such field, with ``html_field``); ``stats_field`` and ``explain_field``
    are added at the end.

    :raises _Refused: (internal) when the record cannot be cleaned.
    """
    source = _text_of(record, options)
    explaining = options.explain_field is not None
    try:
        outcome = run(source.text, options.config, record=explaining, hints=source.hints)
    except Exception as exc:  # a failing rule must not end a corpus run unexplained
        raise _Refused(Problem.CLEAN_FAILED,
                       f"cleaning failed ({type(exc).__name__}: {exc})") from None
    removed = removal_totals(outcome)
    record[options.field] = outcome.text
    if options.stats_field is not None:
        record[options.stats_field] = stats_of(removed)
    if explaining:
        from .explain import build_explanation

        record[options.explain_field] = build_explanation(outcome, options.config).to_dict(
            include_text=False)
    return removed


def parse_line(raw: bytes, encoding_errors: str) -> dict[str, Any]:
    """The JSON object on one line (without its line end).

    :raises _Refused: (internal) when the line is not UTF-8, not JSON or not an object.
    """
    try:
        text = raw.decode("utf-8", errors=encoding_errors)
    except UnicodeDecodeError as exc:
        raise _Refused(Problem.INVALID_UTF8, f"not valid UTF-8 (byte {exc.start + 1} of the "
                                             "line); use --encoding-errors replace or "
                                             "surrogateescape to go on") from None
    try:
        value = json.loads(text, strict=False)
    except json.JSONDecodeError as exc:
        raise _Refused(Problem.INVALID_JSON,
                       f"not valid JSON ({exc.msg} at column {exc.colno})") from None
    except (ValueError, RecursionError) as exc:  # huge integers, deep nesting
        raise _Refused(Problem.INVALID_JSON, f"not valid JSON ({exc})") from None
    if not isinstance(value, dict):
        raise _Refused(Problem.NOT_OBJECT, f"not a JSON object but {json_type(value)}")
    return value


def encode_record(record: Mapping[str, Any], encoding_errors: str) -> bytes:
    """One output line: ``record`` as compact JSON in UTF-8, with its line end.

    Undecodable bytes carried as surrogates (``surrogateescape``) are written back as
    they were read; a string that cannot be UTF-8 at all (a lone surrogate escaped in the
    input) makes the line fall back to ASCII JSON escapes.
    """
    errors = "surrogateescape" if encoding_errors == "surrogateescape" else "strict"
    try:
        return (json.dumps(record, ensure_ascii=False, separators=JSON_SEPARATORS)
                + "\n").encode("utf-8", errors)
    except UnicodeEncodeError:
        return (json.dumps(record, ensure_ascii=True, separators=JSON_SEPARATORS)
                + "\n").encode("ascii")


# --- one chunk (runs in the worker processes) ---------------------------------------------


def _lines(data: bytes) -> list[bytes]:
    lines = data.split(b"\n")
    if data.endswith(b"\n"):
        lines.pop()  # the empty piece after the last line end is not a line
    return lines


def process_chunk(chunk: Chunk, options: JsonlOptions) -> ChunkResult:
    """Clean every record of ``chunk``; stops at the first bad one under ``fail``."""
    summary = Summary()
    output: list[bytes] = []
    for offset, line in enumerate(_lines(chunk.data)):
        summary.bytes_in += len(line) + 1
        raw = line[:-1] if line.endswith(b"\r") else line
        if offset == 0 and chunk.first_line == 1 and raw.startswith(UTF8_BOM):
            raw = raw[len(UTF8_BOM):]
        if not raw.strip():
            summary.blank_lines += 1
            continue
        summary.records_in += 1
        try:
            record = parse_line(raw, options.encoding_errors)
            removed = clean_record_in_place(record, options)
        except _Refused as refused:
            problem = RecordProblem(chunk.source, chunk.first_line + offset, refused.kind,
                                    refused.detail)
            summary.note_problem(problem, options.on_error)
            if options.on_error == "fail":
                return _finish_chunk(chunk, output, summary, problem)
            if options.on_error == "keep":
                output.append(raw + b"\n")
                summary.records_out += 1
            continue
        output.append(encode_record(record, options.encoding_errors))
        summary.records_out += 1
        summary.add_removed(removed)
    return _finish_chunk(chunk, output, summary, None)


def _finish_chunk(chunk: Chunk, output: list[bytes], summary: Summary,
                  stopped: RecordProblem | None) -> ChunkResult:
    if stopped is None:
        summary.bytes_in = len(chunk.data)  # the last line may have no line end
    data = b"".join(output)
    summary.bytes_out = len(data)
    return ChunkResult(data, summary, stopped)


# --- reading ------------------------------------------------------------------------------


def read_chunks(stream: BinaryIO, source: str, chunk_bytes: int = CHUNK_BYTES) -> Iterator[Chunk]:
    """Cut ``stream`` into chunks of whole lines of about ``chunk_bytes`` each.

    A line longer than ``chunk_bytes`` makes a chunk of its own; memory use is about
    ``chunk_bytes`` plus the longest line.
    """
    line = 1
    pending: list[bytes] = []
    while True:
        block = stream.read(chunk_bytes)
        if not block:
            break
        cut = block.rfind(b"\n") + 1
        if cut == 0:
            pending.append(block)
            continue
        data = b"".join([*pending, block[:cut]]) if pending else block[:cut]
        pending = [block[cut:]] if cut < len(block) else []
        yield Chunk(source, line, data)
        line += data.count(b"\n")
    tail = b"".join(pending)
    if tail:
        yield Chunk(source, line, tail)


def _zstandard():
    try:
        import zstandard
    except ImportError:
        return None
    return zstandard


def compression_of(name: str) -> str | None:
    """``"gzip"``, ``"zstd"`` or ``None``, from the file name's ending."""
    lowered = name.lower()
    if lowered.endswith(GZIP_SUFFIXES):
        return "gzip"
    if lowered.endswith(ZSTD_SUFFIXES):
        return "zstd"
    return None


def zstd_missing_message(name: str) -> str:
    """The message for a ``.zst`` file when zstandard is not installed."""
    return f"{name}: reading or writing zstd needs the zstandard package: {ZSTD_INSTALL_HINT}"


@contextmanager
def open_input(path: str) -> Iterator[BinaryIO]:
    """Open ``path`` for reading, decompressing ``.gz``, ``.zst`` and ``.zstd`` files."""
    kind = compression_of(path)
    with open(path, "rb") as raw:
        if kind == "gzip":
            with gzip.GzipFile(fileobj=raw, mode="rb") as stream:
                yield stream  # type: ignore[misc]
        elif kind == "zstd":
            zstandard = _zstandard()
            if zstandard is None:
                raise SourceReadError(zstd_missing_message(path), corrupt=False)
            with zstandard.ZstdDecompressor().stream_reader(
                    raw, read_across_frames=True, closefd=False) as stream:
                yield stream
        else:
            yield raw


def _corrupt_errors() -> tuple[type[BaseException], ...]:
    errors: list[type[BaseException]] = [EOFError, zlib.error, gzip.BadGzipFile]
    zstandard = _zstandard()
    if zstandard is not None:
        errors.append(zstandard.ZstdError)
    return tuple(errors)


def source_chunks(sources: Iterable[Source], chunk_bytes: int) -> Iterator[Chunk]:
    """The chunks of every source in turn, each source opened when it is reached.

    :raises SourceReadError: when a source cannot be read to its end.
    """
    corrupt = _corrupt_errors()
    for source in sources:
        try:
            with source.open() as stream:
                yield from read_chunks(stream, source.name, chunk_bytes)
        except corrupt as exc:
            raise SourceReadError(f"{source.name}: corrupt or truncated compressed input "
                                  f"({exc or type(exc).__name__})", corrupt=True) from None
        except SourceReadError:
            raise
        except OSError as exc:
            raise SourceReadError(f"{source.name}: cannot be read ({exc.strerror or exc})",
                                  corrupt=False) from None


# --- the worker pool ----------------------------------------------------------------------


def default_jobs() -> int:
    """The CPUs this process may run on (all cores when that is unknown)."""
    counter = getattr(os, "process_cpu_count", None)  # Python 3.13+
    if counter is not None:
        return counter() or 1
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def _ignore_sigint() -> None:
    """Worker initializer: Ctrl-C is the parent's to handle (it stops the workers).

    The worker was started with SIGINT blocked (see :func:`_sigint_blocked`), so a Ctrl-C
    that came before this point is dropped instead of raising in the worker.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


@contextmanager
def _sigint_blocked() -> Iterator[None]:
    """Hold SIGINT back while worker processes may be started (they inherit the mask);
    a Ctrl-C in the meantime reaches this process right after."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _stop_pool(executor: ProcessPoolExecutor) -> None:
    """Cancel what is queued and end the worker processes now."""
    terminate = getattr(executor, "terminate_workers", None)  # Python 3.14+
    if terminate is not None:
        terminate()  # shuts down, cancels and terminates in one step
        return
    # Before 3.14 there is no public way to stop running workers; shutdown() forgets
    # the processes, so take them first.
    processes = list((getattr(executor, "_processes", None) or {}).values())
    executor.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(WORKER_JOIN_SECONDS)


def _ordered_results(executor: ProcessPoolExecutor, chunks: Iterator[Chunk],
                     options: JsonlOptions, window: int) -> Iterator[ChunkResult]:
    pending: deque[Future[ChunkResult]] = deque()
    for chunk in chunks:
        with _sigint_blocked():  # submit() starts the worker processes
            pending.append(executor.submit(process_chunk, chunk, options))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


@contextmanager
def chunk_results(chunks: Iterator[Chunk], options: JsonlOptions,
                  jobs: int) -> Iterator[Iterator[ChunkResult]]:
    """The cleaned chunks, in input order, from ``jobs`` processes.

    With ``jobs == 1``, or when the whole input fits in one chunk, the chunks are cleaned
    in this process. Otherwise at most ``jobs * IN_FLIGHT_PER_JOB`` chunks are in flight;
    leaving the ``with`` block by an exception (a bad record, Ctrl-C, a closed pipe)
    stops the workers at once.
    """
    head = list(islice(chunks, jobs)) if jobs > 1 else []
    if len(head) <= 1:
        yield (process_chunk(chunk, options) for chunk in chain(head, chunks))
        return
    executor = ProcessPoolExecutor(max_workers=min(jobs, len(head)), initializer=_ignore_sigint)
    try:
        yield _ordered_results(executor, chain(head, chunks), options, jobs * IN_FLIGHT_PER_JOB)
    except BaseException:
        _stop_pool(executor)
        raise
    executor.shutdown(wait=True)


# --- progress -----------------------------------------------------------------------------


class Progress:
    """A progress line on a terminal: records, megabytes, rate (``stream=None``: silent)."""

    def __init__(self, stream: TextIO | None, prog: str,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._stream = stream
        self._prog = prog
        self._erase = ERASE_LINE if _is_terminal(stream) else ""
        self._clock = clock
        self._start = clock()
        self._last = float("-inf")
        self._shown = False

    def update(self, summary: Summary) -> None:
        """Redraw the line, at most every :data:`PROGRESS_INTERVAL` seconds."""
        if self._stream is None:
            return
        now = self._clock()
        if now - self._last < PROGRESS_INTERVAL:
            return
        self._last = now
        elapsed = max(now - self._start, 1e-9)
        megabytes = summary.bytes_in / MEGABYTE
        self._write(f"\r{self._prog}: {summary.records_in:,} records, {megabytes:.1f} MB, "
                    f"{megabytes / elapsed:.2f} MB/s{self._erase}")
        self._shown = True

    def close(self) -> None:
        """End the progress line so that what follows starts on a line of its own."""
        if self._shown:
            self._write("\n")
            self._shown = False

    def _write(self, text: str) -> None:
        try:
            self._stream.write(text)  # type: ignore[union-attr]
            self._stream.flush()  # type: ignore[union-attr]
        except (OSError, ValueError):
            self._stream = None


def human_bytes(count: int) -> str:
    """``1234567`` -> ``"1.2 MB"`` (decimal units)."""
    value = float(count)
    for unit in BYTE_UNITS:
        if value < BYTE_UNIT_STEP or unit == BYTE_UNITS[-1]:
            return f"{count} B" if unit == BYTE_UNITS[0] else f"{value:.1f} {unit}"
        value /= BYTE_UNIT_STEP
    raise AssertionError("unreachable")  # pragma: no cover


# --- running over sources -----------------------------------------------------------------


def _clean_sources(sources: Iterable[Source], write: Callable[[bytes], Any],
                   options: JsonlOptions, *, jobs: int, chunk_bytes: int,
                   progress: Progress, summary: Summary) -> Summary:
    """Clean every source into ``write``; fills and returns ``summary``.

    :raises BadRecordError: at a bad record under ``on_error="fail"``.
    """
    started = time.monotonic()
    try:
        with chunk_results(source_chunks(sources, chunk_bytes), options, jobs) as results:
            for result in results:
                if result.output:
                    write(result.output)
                summary.merge(result.summary)
                progress.update(summary)
                if result.stopped is not None:
                    raise BadRecordError(result.stopped, summary)
    finally:
        summary.seconds = time.monotonic() - started
        progress.close()
    return summary


def _check_jobs(jobs: int | None) -> int:
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
    :raises SourceReadError: when ``src`` cannot be read.
    """
    opts = JsonlOptions(field=field, html_field=html_field, stats_field=stats_field,
                        explain_field=explain_field, on_error=on_error,
                        encoding_errors=encoding_errors,
                        config=Config.from_options(config, **options))
    source = Source(name, lambda: nullcontext(src))
    return _clean_sources([source], dst.write, opts, jobs=_check_jobs(jobs),
                          chunk_bytes=chunk_bytes, progress=Progress(progress, LIBRARY_PROG),
                          summary=Summary())


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


# --- output -------------------------------------------------------------------------------


def _new_file_mode(path: str) -> int:
    try:
        return os.stat(path).st_mode & 0o7777  # replacing a file: keep its permissions
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return NEW_FILE_MODE & ~umask


@contextmanager
def _compressed_writer(path: str, raw: BinaryIO) -> Iterator[BinaryIO]:
    kind = compression_of(path)
    if kind == "gzip":
        with gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=GZIP_LEVEL, mtime=0) as out:
            yield out  # type: ignore[misc]
    elif kind == "zstd":
        zstandard = _zstandard()
        if zstandard is None:
            raise SourceReadError(zstd_missing_message(path), corrupt=False)
        with zstandard.ZstdCompressor(level=ZSTD_LEVEL).stream_writer(raw, closefd=False) as out:
            yield out
    else:
        yield raw


@contextmanager
def atomic_output(path: str) -> Iterator[BinaryIO]:
    """Write ``path`` all at once: a temporary file beside it, renamed over it on success.

    On any exception (a bad record, Ctrl-C, a full disk) the temporary file is removed
    and ``path`` is left as it was. ``.gz``, ``.zst`` and ``.zstd`` names are compressed.
    """
    directory = os.path.dirname(os.path.abspath(path))
    mode = _new_file_mode(path)
    fd, temp = tempfile.mkstemp(prefix=f".{os.path.basename(path)}.", suffix=TEMP_SUFFIX,
                                dir=directory)
    try:
        with os.fdopen(fd, "wb") as raw:
            with _compressed_writer(path, raw) as out:
                yield out
            raw.flush()
            os.fsync(raw.fileno())
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise


class _TextSink:
    """A binary ``write`` onto a text stream (a ``sys.stdout`` without ``.buffer``)."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, data: bytes) -> int:
        self._stream.write(data.decode("utf-8", "surrogateescape"))
        return len(data)

    def flush(self) -> None:
        self._stream.flush()


# --- the command line ---------------------------------------------------------------------


class _UsageError(Exception):
    """A command-line problem found before any input is read: (exit code, message)."""

    def __init__(self, code: int, message: str) -> None:
        super().__init__(message)
        self.code = code


def _options_from_args(args: "argparse.Namespace", config: Config) -> JsonlOptions:
    return JsonlOptions(field=args.field, html_field=args.html_field,
                        stats_field=args.stats_field, explain_field=args.explain_field,
                        on_error=args.on_error, encoding_errors=args.encoding_errors,
                        config=config)


def _file_source(path: str) -> Source:
    return Source(path, lambda: open_input(path))


def _stdin_source() -> Source:
    return Source(STDIN_NAME, lambda: nullcontext(getattr(sys.stdin, "buffer", sys.stdin)))


def _sources(names: Sequence[str]) -> list[Source]:
    """Check every input before reading any (so that ``-o`` never gets half a corpus)."""
    from .cli import EXIT_CONFIG, EXIT_NO_INPUT, MSG_DIRECTORY, MSG_MISSING, MSG_UNREADABLE

    sources = []
    for name in names or ["-"]:
        if name == "-":
            sources.append(_stdin_source())
            continue
        if os.path.isdir(name):
            raise _UsageError(EXIT_NO_INPUT, MSG_DIRECTORY.format(name=name))
        if not os.path.exists(name):
            raise _UsageError(EXIT_NO_INPUT, MSG_MISSING.format(name=name))
        if not os.access(name, os.R_OK):
            raise _UsageError(EXIT_NO_INPUT, MSG_UNREADABLE.format(name=name,
                                                                   reason="permission denied"))
        if compression_of(name) == "zstd" and _zstandard() is None:
            raise _UsageError(EXIT_CONFIG, zstd_missing_message(name))
        sources.append(_file_source(name))
    return sources


def _check_args(args: "argparse.Namespace") -> int:
    """The number of jobs; raises :class:`_UsageError` on flags that cannot work."""
    from .cli import EXIT_CONFIG, EXIT_IO, EXIT_USAGE

    if getattr(args, "html", False):
        raise _UsageError(EXIT_USAGE, "--html does not apply to --jsonl; use --html-field NAME")
    if args.jobs is not None and args.jobs < 1:
        raise _UsageError(EXIT_USAGE, f"--jobs must be at least 1, not {args.jobs}")
    if args.output and compression_of(args.output) == "zstd" and _zstandard() is None:
        raise _UsageError(EXIT_CONFIG, zstd_missing_message(args.output))
    if args.output and os.path.isdir(args.output):
        raise _UsageError(EXIT_IO, f"cannot write {args.output} (is a directory)")
    return _check_jobs(args.jobs)


class _Reporter:
    """Messages on standard error, prefixed with the program's name."""

    def __init__(self, stream: TextIO, prog: str) -> None:
        self.stream = stream
        self.prog = prog

    def say(self, message: str) -> None:
        """Write one line (never fails: a closed stderr is ignored)."""
        try:
            self.stream.write(f"{self.prog}: {message}\n")
            self.stream.flush()
        except (OSError, ValueError):
            pass

    def problems(self, summary: Summary, policy: str) -> None:
        """Name the bad records that were skipped or kept."""
        verb = "skipped" if policy == "skip" else "kept unchanged"
        for problem in summary.problems:
            self.say(f"{problem.message()} ({verb})")
        hidden = summary.bad_records - len(summary.problems)
        if hidden > 0:
            self.say(f"... and {hidden:,} more bad records {verb}")


def _is_terminal(stream: TextIO | None) -> bool:
    try:
        return stream is not None and stream.isatty()
    except (AttributeError, ValueError):
        return False


def _wants_progress(mode: str, stream: TextIO) -> bool:
    if mode == "always":
        return True
    if mode == "never":
        return False
    return _is_terminal(stream)


def run_jsonl_cli(args: "argparse.Namespace", config: Config) -> int:
    """``declutter --jsonl``: clean the JSON Lines of ``args.files`` (or standard input).

    Prints the bad records (up to :data:`MAX_REPORTED_PROBLEMS`) and a one-line summary on
    standard error; returns the exit code (see ``docs/scale.md``).
    """
    from .cli import (
        EXIT_BROKEN_PIPE, EXIT_DATA, EXIT_INTERRUPTED, EXIT_IO, EXIT_NO_INPUT, EXIT_OK,
        EXIT_USAGE, PROG, _silence_stdout,
    )

    reporter = _Reporter(sys.stderr, PROG)
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
    progress = Progress(sys.stderr if _wants_progress(args.progress, sys.stderr) else None, PROG)
    summary = Summary()
    chunk_bytes = CHUNK_BYTES
    output = None if args.output == STDOUT_NAME else args.output
    not_written = f"; {output} not written" if output else ""
    try:
        with _output(output) as out:
            _clean_sources(sources, out.write, options, jobs=jobs, chunk_bytes=chunk_bytes,
                           progress=progress, summary=summary)
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
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except KeyboardInterrupt:
        reporter.say(f"interrupted after {summary.records_in:,} records" + not_written)
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


@contextmanager
def _output(path: str | None) -> Iterator[BinaryIO]:
    if path is not None:
        with atomic_output(path) as out:
            yield out
        return
    stdout = sys.stdout
    yield getattr(stdout, "buffer", None) or _TextSink(stdout)  # type: ignore[misc]
