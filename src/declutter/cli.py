"""The command-line filter: ``declutter [OPTIONS] [FILE ...]``.

Exit codes (also in ``--help``):

====  ==========================================================================
0     success (also for empty input, which gives empty output and a warning)
1     a rule or configuration error (unknown rule, bad rule file)
2     bad command-line usage
65    input refused: not valid UTF-8, binary (NUL bytes) without ``--binary``, larger
      than ``--max-bytes``; with ``--jsonl``, a bad record under ``--on-error fail``
      or a corrupt compressed file (see docs/scale.md)
66    an input file is missing, is a directory or cannot be read
70    an internal error: a bug in declutter (one line on stderr; the traceback
      with ``DECLUTTER_DEBUG=1``)
74    output could not be written; with ``--jsonl``, also a worker process died
130   interrupted (Ctrl-C)
141   the reader of the output went away (broken pipe, e.g. ``| head``); quiet
====  ==========================================================================

With several files, every file is processed; the exit code is that of the first
failure, and no failing file's output is written.
"""

from __future__ import annotations

import argparse
import errno
import json
import os
import sys
from typing import BinaryIO, Sequence, TextIO

from . import __version__, describe_rules
from .config import Config
from .errors import DeclutterError
from .hints import NO_HINTS
from .profiles import DEFAULT_PROFILE, PROFILES
from .report.command import FileReport, add_report_arguments, with_report

EXIT_OK = 0
EXIT_CONFIG = 1
EXIT_USAGE = 2
EXIT_DATA = 65
EXIT_NO_INPUT = 66
EXIT_SOFTWARE = 70
EXIT_IO = 74
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141

#: Set this environment variable to see the traceback of an internal error.
DEBUG_VARIABLE = "DECLUTTER_DEBUG"
#: The most bytes one input document may have (``--max-bytes``): a bound on memory.
DEFAULT_MAX_BYTES = 256 * 1024 * 1024
#: Bytes inspected for NUL characters when deciding whether input is binary.
BINARY_PROBE_BYTES = 1024
#: Characters of a removed line shown by ``--explain``.
EXPLAIN_EXCERPT_CHARS = 70

PROG = "declutter"
EXAMPLES = """\
examples:
  declutter page.txt                    clean one file, print the article
  curl -s URL | declutter --html        clean an HTML page (text extracted by trafilatura)
  declutter --explain page.txt          show what was removed, by which rule, and why
  declutter --json page.txt             the full decision for every line, as JSON
  declutter --profile precision a.txt   remove only what is certain
  declutter --disable byline a.txt      keep bylines
  declutter --jsonl corpus.jsonl.gz     clean the "text" field of each JSON record

exit codes: 0 ok, 1 configuration error, 2 usage, 65 refused input (invalid UTF-8,
  binary, too large; with --jsonl a bad record under --on-error fail), 66 missing or
  unreadable file, 70 internal error, 74 write error (or a dead --jsonl worker),
  130 interrupted, 141 broken pipe
"""

MSG_NOT_UTF8 = ("{name}: not valid UTF-8 (byte {offset}); use --encoding-errors replace "
                "or surrogateescape to go on")
MSG_BINARY = "{name}: looks binary (NUL bytes in the first {probe} bytes); use --binary to clean it anyway"
MSG_EMPTY = "warning: {name}: empty input, nothing to clean"
MSG_MISSING = "{name}: no such file"
MSG_TOO_LARGE = ("{name}: larger than {limit} bytes, the most one document may be; "
                 "raise --max-bytes, or split the input (JSON Lines: --jsonl)")
MSG_DIRECTORY = "{name}: is a directory"
MSG_UNREADABLE = "{name}: cannot be read ({reason})"


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
    mode.add_argument("--list-rules", action="store_true", help="list the rules and exit")
    mode.add_argument("--jsonl", action="store_true",
                      help="input is JSON Lines: clean one field of every record")
    parser.add_argument("--profile", choices=list(PROFILES), default=DEFAULT_PROFILE,
                        help="precision/recall dial: precision removes only what is certain, "
                             "recall also what is plausible (default: %(default)s)")
    parser.add_argument("--disable", action="append", default=[], metavar="RULE",
                        help="switch a rule off (repeatable, or comma-separated)")
    parser.add_argument("--lang", metavar="CODE",
                        help="language of the text (en, de, fr...); detected when omitted")
    parser.add_argument("--html", action="store_true",
                        help="input is HTML: extract its text with trafilatura, then clean")
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
    corpus = parser.add_argument_group("JSON Lines corpora (with --jsonl)")
    corpus.add_argument("--field", default="text", metavar="NAME",
                        help="the record field holding the text (default: %(default)s)")
    corpus.add_argument("--html-field", metavar="NAME",
                        help="take HTML from this field (extracted with trafilatura) and "
                             "write the cleaned text to --field")
    corpus.add_argument("--stats-field", metavar="NAME",
                        help="add per-record removal counts by category under this field")
    corpus.add_argument("--explain-field", metavar="NAME",
                        help="add the structured explanation under this field")
    corpus.add_argument("--jobs", type=int, metavar="N",
                        help="worker processes (default: all cores)")
    corpus.add_argument("--on-error", choices=["fail", "skip", "keep"], default="fail",
                        help="a record that is not JSON, lacks the field or holds a non-string: "
                             "stop with its line number (fail, default), drop and count it "
                             "(skip), or pass it through unchanged and count it (keep)")
    corpus.add_argument("-o", "--output", metavar="FILE",
                        help="write to FILE atomically instead of standard output")
    corpus.add_argument("--progress", choices=["auto", "always", "never"], default="auto",
                        help="progress on standard error: auto shows it when stderr is a terminal")
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
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except Exception as exc:  # a bug: one clear line, never a traceback by default
        if os.environ.get(DEBUG_VARIABLE):
            raise
        _say(f"internal error ({type(exc).__name__}: {exc}); please report it, "
             f"with {DEBUG_VARIABLE}=1 for the traceback")
        return EXIT_SOFTWARE


def _main(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits on --help, --version and usage errors
        return int(exc.code or 0)
    if args.list_rules:
        return _list_rules(sys.stdout)
    try:
        config = _config(args)
    except (DeclutterError, ValueError, TypeError) as exc:
        _say(str(exc))
        return EXIT_CONFIG
    if args.jsonl:
        from .jsonl import run_jsonl_cli

        return with_report(args, config, run_jsonl_cli)
    status = EXIT_OK
    report = FileReport.from_args(args, config)
    out = sys.stdout.buffer if hasattr(sys.stdout, "buffer") else None
    for name in args.files or ["-"]:
        try:
            text = _decode(name, _read(name, args.max_bytes), args)
        except InputError as exc:
            _say(str(exc))
            status = status or exc.code
            continue
        if not text:
            _say(MSG_EMPTY.format(name=_display(name)))
        rendered = _render(text, args, config, name)
        if report:
            report.add(_display(name), text)
        try:
            _write(rendered, out, args.encoding_errors)
        except BrokenPipeError:
            raise
        except OSError as exc:  # disk full, closed descriptor...
            _say(f"cannot write the output ({exc.strerror or exc})")
            return EXIT_IO
    return report.finish(status) if report else status


def _config(args: argparse.Namespace) -> Config:
    disabled = [n.strip() for item in args.disable for n in item.split(",") if n.strip()]
    extra = ()
    if args.rules:
        from .userrules import load_rules

        extra = load_rules(args.rules)
    return Config(profile=args.profile, disable=frozenset(disabled), lang=args.lang, rules=extra)


def _render(text: str, args: argparse.Namespace, config: Config, name: str) -> str:
    from .engine import run

    hints = NO_HINTS
    if args.html:
        from .html import extract

        extraction = extract(text)
        text, hints = extraction.text, extraction.hints
    if args.json or args.explain:
        from .explain import build_explanation

        result = build_explanation(run(text, config, record=True, hints=hints), config)
        if args.json:
            data = {"source": _display(name), **result.to_dict()}
            return json.dumps(data, ensure_ascii=False) + "\n"
        return explain_report(result, _display(name))
    return run(text, config, hints=hints).text


def explain_report(result, name: str) -> str:
    """The human-readable ``--explain`` report: one entry per removed run of lines."""
    lines = [f"# {name}: {len(result.segments)} lines, language {result.language} "
             f"({result.language_method}), profile {result.profile}"]
    removed = [s for s in result.segments if not s.kept and s.rule != "blank_lines"]
    runs: list[list] = []
    for segment in removed:
        if runs and runs[-1][-1].rule == segment.rule and runs[-1][-1].reason == segment.reason \
                and _only_blanks_between(result, runs[-1][-1].index, segment.index):
            runs[-1].append(segment)
        else:
            runs.append([segment])
    for run in runs:
        first, last = run[0], run[-1]
        span = f"line {first.index + 1}" if first is last else f"lines {first.index + 1}-{last.index + 1}"
        lines.append(f"{span}  [{first.category}] {first.rule}: {first.reason}")
        excerpt = result.line(first).strip()
        if len(excerpt) > EXPLAIN_EXCERPT_CHARS:
            excerpt = excerpt[:EXPLAIN_EXCERPT_CHARS - 1] + "…"
        lines.append(f"    | {excerpt}")
    for abstention in result.abstentions:
        lines.append(f"abstained: {abstention.rule}: {abstention.reason}")
    kept = sum(1 for s in result.segments if s.kept)
    lines.append(f"# kept {kept} of {len(result.segments)} lines; removed "
                 + (", ".join(f"{c}: {v['lines']}" for c, v in result.removed_by_category().items())
                    or "nothing"))
    return "\n".join(lines) + "\n"


def _only_blanks_between(result, a: int, b: int) -> bool:
    return all(not result.line(result.segments[i]).strip() for i in range(a + 1, b))


def _list_rules(out: TextIO) -> int:
    rules = describe_rules()
    width = max(len(r["name"]) for r in rules)
    for rule in rules:
        out.write(f"{rule['name']:<{width}}  {rule['category']:<15}  {rule['description']}\n")
    return EXIT_OK


def _read(name: str, limit: int) -> bytes:
    """The bytes of ``name`` ('-' is standard input), at most ``limit`` of them.

    :raises InputError: when the input is missing, unreadable or larger than ``limit``.
    """
    try:
        if name == "-":
            return _read_bounded(sys.stdin.buffer, name, limit)
        with open(name, "rb") as handle:
            return _read_bounded(handle, name, limit)
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
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise InputError(EXIT_DATA, MSG_TOO_LARGE.format(name=_display(name), limit=limit))
    return data


def _decode(name: str, data: bytes, args: argparse.Namespace) -> str:
    shown = _display(name)
    if not args.binary and b"\x00" in data[:BINARY_PROBE_BYTES]:
        raise InputError(EXIT_DATA, MSG_BINARY.format(name=shown, probe=BINARY_PROBE_BYTES))
    if args.html:
        # trafilatura detects the page's own encoding; hand it the bytes' best reading
        return data.decode("utf-8", errors="replace" if args.encoding_errors == "strict"
                           else args.encoding_errors)
    try:
        return data.decode("utf-8", errors=args.encoding_errors)
    except UnicodeDecodeError as exc:
        raise InputError(EXIT_DATA, MSG_NOT_UTF8.format(name=shown, offset=exc.start)) from None


def _write(text: str, out: BinaryIO | None, errors: str) -> None:
    """Write ``text`` to standard output, all of it, and flush.

    :raises BrokenPipeError: when the reader went away, even in the middle of a write.
    :raises OSError: on any other write error (standard output closed, disk full...).
    """
    encoding_errors = "surrogateescape" if errors == "surrogateescape" else "strict"
    if sys.stdout is None:  # started with standard output closed (``>&-``)
        raise OSError(errno.EBADF, "standard output is closed")
    if out is None:  # a text-only stdout (tests, embedding)
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    try:
        data = text.encode("utf-8", errors=encoding_errors)
    except UnicodeEncodeError:
        data = text.encode("utf-8", errors="replace")
    _write_all(out, data)
    out.flush()


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


def _say(message: str) -> None:
    try:
        sys.stderr.write(f"{PROG}: {message}\n")
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):  # stderr closed or missing
        pass


def _silence_stdout() -> None:
    """After a broken pipe, point stdout at /dev/null so the interpreter's final flush
    does not print a second error."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
