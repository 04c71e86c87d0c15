"""The command-line filter: ``declutter [OPTIONS] [FILE ...]``.

Exit codes (also in ``--help``; defined in :mod:`declutter.exitcodes`):

====  ==========================================================================
0     success (also for empty input, which gives empty output and a warning)
1     a rule or configuration error (unknown rule, category or language, bad rule
      file, zstandard input or output without the zstandard package)
2     bad command-line usage (also a ``--jsonl`` option without ``--jsonl``)
65    input refused: not valid UTF-8, binary (NUL bytes) without ``--binary``, larger
      than ``--max-bytes``, corrupt or truncated gzip/zstandard data; with
      ``--jsonl``, a bad record under ``--on-error fail`` (see docs/scale.md)
66    an input file is missing, is a directory or cannot be read
70    an internal error: a bug in declutter (one line on stderr; the traceback
      with ``DECLUTTER_DEBUG=1``)
74    output (standard output or ``-o FILE``) could not be written; with ``--jsonl``,
      also a worker process died
130   interrupted (Ctrl-C)
141   the reader of the output went away (broken pipe, e.g. ``| head``); quiet
====  ==========================================================================

With several files, every file is processed; the exit code is that of the first
failure, and no failing file's output is written. ``-o FILE`` is written atomically:
FILE appears (or is replaced) only once every input has been handled, and an interrupt
or a write error leaves it as it was.
"""

from __future__ import annotations

import argparse
import errno
import json
import os
import sys
from typing import BinaryIO, Sequence, TextIO

from . import __version__, describe_rules
from .config import PAGE_KINDS, TEXT_KINDS, Config
from .console import PROG, silence_stdout
from .console import say as _say
from .errors import DeclutterError
from .exitcodes import (
    EXIT_BROKEN_PIPE, EXIT_CONFIG, EXIT_DATA, EXIT_INTERRUPTED, EXIT_IO, EXIT_NO_INPUT, EXIT_OK,
    EXIT_SOFTWARE, EXIT_USAGE,
)
from .hints import NO_HINTS
from .profiles import DEFAULT_PROFILE, PROFILES
from .streams import (
    MSG_DIRECTORY, MSG_MISSING, MSG_UNREADABLE, STDOUT_NAME, SourceReadError, atomic_output,
    compression_of, read_bounded, zstandard_module, zstd_missing_message,
)
from .report.command import FileReport, add_report_arguments, with_report


#: Set this environment variable to see the traceback of an internal error.
DEBUG_VARIABLE = "DECLUTTER_DEBUG"
#: The most bytes one input document may have (``--max-bytes``): a bound on memory.
DEFAULT_MAX_BYTES = 256 * 1024 * 1024
#: Bytes inspected for NUL characters when deciding whether input is binary.
BINARY_PROBE_BYTES = 1024

EXAMPLES = """\
examples:
  declutter page.txt                    clean one file, print the article
  curl -s URL | declutter --html        clean an HTML page (its declared charset decides)
  declutter page.txt.gz -o clean.txt    gzip/zstd read by content; -o written atomically
  declutter --explain page.txt          show what was removed, by which rule, and why
  declutter --json page.txt             the full decision for every line, as JSON
  declutter --json-lines a.txt | head   the same, one JSON object per line
  declutter --profile precision a.txt   remove only what is certain
  declutter --keep byline a.txt         keep bylines, whatever rule claims them
  declutter --disable dateline a.txt    switch the dateline rule off
  declutter --jsonl corpus.jsonl.gz     clean the "text" field of each JSON record

exit codes: 0 ok, 1 configuration error (unknown rule, category or language),
  2 usage, 65 refused input (invalid UTF-8, binary, too large, corrupt compressed
  data; with --jsonl a bad record under --on-error fail), 66 missing or unreadable
  file, 70 internal error, 74 write error (or a dead --jsonl worker), 130 interrupted,
  141 broken pipe
"""

MSG_NOT_UTF8 = ("{name}: not valid UTF-8 (byte {offset}); use --encoding-errors replace "
                "or surrogateescape to go on")
MSG_BINARY = "{name}: looks binary (NUL bytes in the first {probe} bytes); use --binary to clean it anyway"
MSG_EMPTY = "warning: {name}: empty input, nothing to clean"
MSG_TOO_LARGE = ("{name}: larger than {limit} bytes, the most one document may be; "
                 "raise --max-bytes, or split the input (JSON Lines: --jsonl)")


class InputError(Exception):
    """An input that cannot be cleaned; carries the exit code and the message."""

    def __init__(self, code: int, message: str) -> None:
        super().__init__(message)
        self.code = code


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (also used to render ``--help``)."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Remove boilerplate (headline lists, comment threads, breadcrumbs, share "
                    "prompts, bylines...) from the plain text of web pages. Reads FILEs "
                    "(or standard input) and writes the kept lines, unchanged and in order.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("files", nargs="*", metavar="FILE",
                        help="input files; '-' or none reads standard input")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--explain", action="store_true",
                      help="print what was removed (lines, category, rule, reason) instead of the text")
    mode.add_argument("--json", action="store_true",
                      help="print the decision for every line as JSON (one object per input)")
    mode.add_argument("--json-lines", action="store_true",
                      help="print the decision for every line as JSON Lines: one object per "
                           "line of the input, with its text (so that | head helps)")
    mode.add_argument("--list-rules", action="store_true", help="list the rules and exit")
    mode.add_argument("--jsonl", action="store_true",
                      help="input is JSON Lines: clean one field of every record")
    parser.add_argument("--profile", choices=list(PROFILES), default=DEFAULT_PROFILE,
                        help="precision/recall dial: precision removes only what is certain, "
                             "recall also what is plausible (default: %(default)s)")
    parser.add_argument("--disable", action="append", default=[], metavar="RULE",
                        help="switch a rule off: it labels no line, but another rule may "
                             "still remove a line it would have (repeatable, or "
                             "comma-separated; see --keep)")
    parser.add_argument("--keep", action="append", default=[], metavar="CATEGORY",
                        help="keep every line whose labels are all of this category, "
                             "whatever rule labelled it (repeatable, or comma-separated; "
                             "categories as --list-rules shows them)")
    parser.add_argument("--lang", metavar="CODE",
                        help="language of the text: a code (en, de, fr...) or an English "
                             "name (german); detected when omitted")
    parser.add_argument("--page-kind", choices=list(PAGE_KINDS), metavar="KIND",
                        help="what the page is, when you know: article, discussion (a "
                             "forum thread, a Q&A page: posts are content) or other (a "
                             "listing, product or documentation page: only what is noise on "
                             "any page goes); inferred from the text when omitted")
    parser.add_argument("--text-kind", choices=list(TEXT_KINDS), metavar="KIND",
                        help="what the text is, when you know: page (a whole page's text, "
                             "menus included) or extract (an extractor's output); inferred "
                             "when omitted")
    parser.add_argument("--html", action="store_true",
                        help="input is HTML: extract its text with trafilatura (the page's "
                             "declared charset decides how its bytes are read), then clean")
    parser.add_argument("--rules", metavar="FILE",
                        help="extra rules from a TOML or JSON rule file")
    parser.add_argument("--encoding-errors", choices=["strict", "replace", "surrogateescape"],
                        default="strict",
                        help="what to do with bytes that are not UTF-8: stop with an error "
                             "(strict, default), replace them with U+FFFD, or carry them "
                             "through unchanged (surrogateescape)")
    parser.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, metavar="N",
                        help="refuse an input document larger than N bytes (default: %(default)s)")
    parser.add_argument("--binary", action="store_true",
                        help="clean input even when it looks binary (NUL bytes)")
    parser.add_argument("-o", "--output", metavar="FILE",
                        help="write to FILE atomically instead of standard output (a "
                             "temporary file renamed over FILE once everything is written; "
                             ".gz and .zst names are compressed)")
    corpus = parser.add_argument_group("JSON Lines corpora (only with --jsonl)")
    corpus.add_argument("--field", metavar="NAME",
                        help="the record field holding the text (default: text)")
    corpus.add_argument("--html-field", metavar="NAME",
                        help="take HTML from this field (extracted with trafilatura) and "
                             "write the cleaned text to --field")
    corpus.add_argument("--stats-field", metavar="NAME",
                        help="add per-record removal counts by category under this field")
    corpus.add_argument("--explain-field", metavar="NAME",
                        help="add the structured explanation under this field")
    corpus.add_argument("--jobs", type=int, metavar="N",
                        help="worker processes (default: all cores)")
    corpus.add_argument("--on-error", choices=["fail", "skip", "keep"],
                        help="a record that is not JSON, lacks the field or holds a non-string: "
                             "stop with its line number (fail, default), drop and count it "
                             "(skip), or pass it through unchanged and count it (keep)")
    corpus.add_argument("--progress", choices=["auto", "always", "never"],
                        help="a progress bar on standard error (percentage and time left when "
                             "the inputs are files): auto (default) shows it when stderr is a "
                             "terminal")
    add_report_arguments(parser)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (never raises on bad input)."""
    try:
        status = _main(argv)
        _flush_stdout()  # text written to sys.stdout (--list-rules, --help) fails here
        return status
    except KeyboardInterrupt:
        _say("interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        silence_stdout()
        return EXIT_BROKEN_PIPE
    except Exception as exc:  # a bug: one clear line, never a traceback by default
        if os.environ.get(DEBUG_VARIABLE):
            raise
        _say(f"internal error ({type(exc).__name__}: {exc}); please report it, "
             f"with {DEBUG_VARIABLE}=1 for the traceback")
        return EXIT_SOFTWARE


#: Options that only mean something with ``--jsonl`` (``-o`` works everywhere).
JSONL_ONLY = {"field": "--field", "html_field": "--html-field", "stats_field": "--stats-field",
              "explain_field": "--explain-field", "jobs": "--jobs", "on_error": "--on-error",
              "progress": "--progress"}


def _main(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits on --help, --version and usage errors
        return int(exc.code or 0)
    if args.list_rules:
        return _list_rules(sys.stdout)
    if not args.jsonl:
        misplaced = [flag for name, flag in JSONL_ONLY.items() if getattr(args, name) is not None]
        if misplaced:
            _say(f"{', '.join(misplaced)} only apply to JSON Lines input: add --jsonl, "
                 "or leave them out")
            return EXIT_USAGE
    try:
        config = _config(args)
    except (DeclutterError, ValueError, TypeError) as exc:
        _say(str(exc))
        return EXIT_CONFIG
    if args.jsonl:
        from .jsonl.command import run_jsonl_cli

        return with_report(args, config, run_jsonl_cli)
    output = None if args.output in (None, STDOUT_NAME) else args.output
    if output is not None:
        problem = _output_problem(output)
        if problem is not None:
            _say(problem[1])
            return problem[0]
        try:
            with atomic_output(output) as out:
                return _clean_files(args, config, out)
        except BrokenPipeError:
            raise
        except OSError as exc:
            _say(f"cannot write {output} ({exc.strerror or exc})")
            return EXIT_IO
    return _clean_files(args, config, None)


def _output_problem(path: str) -> tuple[int, str] | None:
    """Why ``-o path`` cannot be written, before any input is read: (exit code, message)."""
    if os.path.isdir(path):
        return EXIT_IO, f"cannot write {path} (is a directory)"
    if compression_of(path) == "zstd" and zstandard_module() is None:
        return EXIT_CONFIG, zstd_missing_message(path)
    return None


def _clean_files(args: argparse.Namespace, config: Config, out: BinaryIO | None) -> int:
    """Clean every input into ``out`` (``None``: standard output); the exit code.

    :raises OSError: when ``out`` (a ``-o`` file) cannot be written.
    """
    status = EXIT_OK
    report = FileReport.from_args(args, config)
    stdout = sys.stdout.buffer if hasattr(sys.stdout, "buffer") else None
    for name in args.files or ["-"]:
        try:
            data = _decode(name, _read(name, args.max_bytes), args)
        except InputError as exc:
            _say(str(exc))
            status = status or exc.code
            continue
        if not data:
            _say(MSG_EMPTY.format(name=_display(name)))
        rendered = _render(data, args, config, name)
        if report:
            report.add(_display(name), data)
        if out is not None:
            _write_all(out, _encode(rendered, args.encoding_errors))
            continue
        try:
            _write(rendered, stdout, args.encoding_errors)
        except BrokenPipeError:
            raise
        except OSError as exc:  # disk full, closed descriptor...
            _say(f"cannot write the output ({exc.strerror or exc})")
            return EXIT_IO
    return report.finish(status) if report else status


def _names(values: list[str]) -> frozenset[str]:
    """The names of a repeatable, comma-separated option."""
    return frozenset(n.strip() for item in values for n in item.split(",") if n.strip())


def _config(args: argparse.Namespace) -> Config:
    extra = ()
    if args.rules:
        from .userrules import load_rules

        extra = load_rules(args.rules)
    return Config(profile=args.profile, disable=_names(args.disable), lang=args.lang,
                  rules=extra, keep=_names(args.keep), page_kind=args.page_kind,
                  text_kind=args.text_kind)


def _render(data: str | bytes, args: argparse.Namespace, config: Config, name: str) -> str:
    """The output for one input: ``data`` is text, or an HTML page's bytes (``--html``)."""
    from .engine import run

    hints = NO_HINTS
    text = data
    if args.html:
        from .html import extract

        extraction = extract(data)  # bytes: the page's declared charset decides
        text, hints = extraction.text, extraction.hints
        if text and not text.endswith(("\n", "\r")):
            text += "\n"  # trafilatura's text has no final line break; every output has one
    assert isinstance(text, str)
    if args.json or args.json_lines or args.explain:
        from .explain import build_explanation

        result = build_explanation(run(text, config, record=True, hints=hints), config)
        if args.json:
            data = {"source": _display(name), **result.to_dict()}
            return json.dumps(data, ensure_ascii=False) + "\n"
        if args.json_lines:
            return result.to_json_lines(source=_display(name))
        return result.report(_display(name))
    return run(text, config, hints=hints).text


def _list_rules(out: TextIO) -> int:
    rules = describe_rules()
    width = max(len(r["name"]) for r in rules)
    for rule in rules:
        role = " [evidence only on extracted text]" if rule["role"] == "evidence on extracts" else ""
        out.write(f"{rule['name']:<{width}}  {rule['category']:<15}  {rule['description']}"
                  f"{role}\n")
    return EXIT_OK


def _read(name: str, limit: int) -> bytes:
    """The bytes of ``name`` ('-' is standard input), at most ``limit`` of them,
    decompressed when they are gzip or zstandard data (recognised by their first bytes).

    :raises InputError: when the input is missing, unreadable, larger than ``limit``,
        corrupt compressed data, or zstandard data without the zstandard package.
    """
    try:
        if name == "-":
            return _read_bounded(sys.stdin.buffer, name, limit)
        with open(name, "rb") as handle:
            return _read_bounded(handle, name, limit)
    except SourceReadError as exc:
        raise InputError(EXIT_DATA if exc.corrupt else EXIT_CONFIG, str(exc)) from None
    except FileNotFoundError:
        raise InputError(EXIT_NO_INPUT, MSG_MISSING.format(name=name)) from None
    except IsADirectoryError:
        raise InputError(EXIT_NO_INPUT, MSG_DIRECTORY.format(name=name)) from None
    except OSError as exc:
        if exc.errno == errno.EISDIR:
            raise InputError(EXIT_NO_INPUT, MSG_DIRECTORY.format(name=name)) from None
        raise InputError(EXIT_NO_INPUT, MSG_UNREADABLE.format(
            name=name, reason=exc.strerror or exc)) from None


def _read_bounded(stream: BinaryIO, name: str, limit: int) -> bytes:
    data = read_bounded(stream, _display(name), limit)
    if data is None:
        raise InputError(EXIT_DATA, MSG_TOO_LARGE.format(name=_display(name), limit=limit))
    return data


def _decode(name: str, data: bytes, args: argparse.Namespace) -> str | bytes:
    """The text of an input, or (``--html``) its bytes, which the page's charset decodes.

    :raises InputError: on binary data, or on invalid UTF-8 under ``strict``.
    """
    shown = _display(name)
    if not args.binary and b"\x00" in data[:BINARY_PROBE_BYTES]:
        raise InputError(EXIT_DATA, MSG_BINARY.format(name=shown, probe=BINARY_PROBE_BYTES))
    if args.html:
        return data  # trafilatura reads the page's <meta charset> (or guesses)
    try:
        return data.decode("utf-8", errors=args.encoding_errors)
    except UnicodeDecodeError as exc:
        raise InputError(EXIT_DATA, MSG_NOT_UTF8.format(name=shown, offset=exc.start)) from None


def _write(text: str, out: BinaryIO | None, errors: str) -> None:
    """Write ``text`` to standard output, all of it, and flush.

    :raises BrokenPipeError: when the reader went away, even in the middle of a write.
    :raises OSError: on any other write error (standard output closed, disk full...).
    """
    if sys.stdout is None:  # started with standard output closed (``>&-``)
        raise OSError(errno.EBADF, "standard output is closed")
    if out is None:  # a text-only stdout (tests, embedding)
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    _write_all(out, _encode(text, errors))
    out.flush()


def _encode(text: str, errors: str) -> bytes:
    """``text`` in UTF-8; surrogates carried by ``surrogateescape`` go back to their bytes."""
    encoding_errors = "surrogateescape" if errors == "surrogateescape" else "strict"
    try:
        return text.encode("utf-8", errors=encoding_errors)
    except UnicodeEncodeError:
        return text.encode("utf-8", errors="replace")


def _write_all(out: BinaryIO, data: bytes) -> None:
    """Write every byte of ``data``.

    A buffered writer whose pipe is closed by the reader in the middle of a large write
    reports a short count instead of raising; writing the rest then raises
    :class:`BrokenPipeError`, so that a truncated output never ends with exit code 0.
    """
    view = memoryview(data)
    while view:
        written = out.write(view)
        if written is None:  # a non-blocking stream that would block: not ours to wait on
            raise OSError(errno.EAGAIN, "standard output would block")
        if written <= 0:
            raise OSError(errno.EIO, "standard output accepted no data")
        view = view[written:]


def _flush_stdout() -> None:
    if sys.stdout is not None:
        sys.stdout.flush()


def _display(name: str) -> str:
    return "<stdin>" if name == "-" else name


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
