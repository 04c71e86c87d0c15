"""One record and one chunk of records: parse, clean, encode (this runs in the workers)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field as dataclass_field
from typing import Any, Mapping

from ..config import Config
from ..engine import Outcome, run
from ..errors import DeclutterError
from ..html import Extraction
from .summary import CategoryTotals, Problem, RecordProblem, Summary

#: The record field cleaned by default.
DEFAULT_FIELD = "text"
#: What ``on_error`` may be.
ERROR_POLICIES = ("fail", "skip", "keep")
#: What ``encoding_errors`` may be (as for :meth:`bytes.decode`).
ENCODING_ERROR_MODES = ("strict", "replace", "surrogateescape")
#: A UTF-8 byte order mark, ignored at the start of an input.
UTF8_BOM = b"\xef\xbb\xbf"
#: Compact JSON, as most corpus tools write it.
JSON_SEPARATORS = (",", ":")
#: JSON names of Python types, for messages.
JSON_TYPE_NAMES = {dict: "an object", list: "an array", str: "a string", int: "a number",
                   float: "a number", bool: "a boolean", type(None): "null"}


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


# --- one record -------------------------------------------------------------------------


def json_type(value: object) -> str:
    """The JSON name of ``value``'s type, with its article (``"an array"``)."""
    return JSON_TYPE_NAMES.get(type(value), type(value).__name__)


def removal_totals(outcome: Outcome) -> dict[str, CategoryTotals]:
    """Lines, characters and bytes removed by category, from a run's outcome.

    Counts the removed non-blank lines, as
    :attr:`declutter.Explanation.removed_by_category` does, without the explanation.
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
    from ..html import extract

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
        from ..explain import build_explanation

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
                       f"not valid JSON ({json_error(exc)})") from None
    except (ValueError, RecursionError) as exc:  # huge integers, deep nesting
        raise _Refused(Problem.INVALID_JSON, f"not valid JSON ({exc})") from None
    if not isinstance(value, dict):
        raise _Refused(Problem.NOT_OBJECT, f"not a JSON object but {json_type(value)}")
    return value


def json_error(exc: json.JSONDecodeError) -> str:
    """The parser's message with its column, once: ``Unterminated string starting at
    column 7`` (the message may itself end with "at")."""
    return f"{exc.msg.removesuffix(' at')} at column {exc.colno}"


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


