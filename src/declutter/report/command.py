"""The command line's ``--report FILE``: an HTML report beside the normal output.

``declutter --report report.html a.txt b.txt`` reports the files cleaned;
``declutter --jsonl corpus.jsonl --report report.html`` reports records of the corpus,
read again once the corpus is cleaned (so it needs input files: standard input cannot
be read twice). Either way the report holds the first ``--report-docs`` documents, or,
with ``--report-seed``, a sample of that many drawn with the seed; the report says which.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..config import Config
from ..engine import run
from ..explain import build_explanation
from ..hints import NO_HINTS
from . import ReportDocument, write_report
from .sample import Picker

#: Documents in a report at most, by default: bounded in size and opening time
#: (docs/report.md gives the figures for this many).
DEFAULT_REPORT_DOCS = 1000
MSG_STDIN = ("--report with --jsonl reads the corpus a second time, so it needs input files; "
             "standard input cannot be read twice")
MSG_CANNOT_WRITE = "cannot write the report {path} ({reason})"
MSG_WROTE = "report: {path} ({how})"


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {number}")
    return number


def add_report_arguments(parser: argparse.ArgumentParser) -> None:
    """Add ``--report FILE``, ``--report-docs N`` and ``--report-seed SEED``."""
    group = parser.add_argument_group("HTML report")
    group.add_argument("--report", metavar="FILE",
                       help="also write an HTML report of what was removed and why, one "
                            "self-contained file (see docs/report.md)")
    group.add_argument("--report-docs", type=_positive, default=DEFAULT_REPORT_DOCS,
                       metavar="N",
                       help="documents in the report at most (default: %(default)s)")
    group.add_argument("--report-seed", type=int, metavar="SEED",
                       help="report a random sample of --report-docs documents drawn with "
                            "SEED, not the first ones")


@dataclass(frozen=True)
class _Pending:
    """A document chosen for the report, not yet explained."""

    name: str
    text: str


def _say(message: str) -> None:
    from ..console import say

    say(message)


def _explain(pending: _Pending, config: Config, html: bool) -> ReportDocument:
    text, hints = pending.text, NO_HINTS
    if html:
        from ..html import extract

        extraction = extract(text)
        text, hints = extraction.text, extraction.hints
    return ReportDocument(pending.name, build_explanation(run(text, config, record=True,
                                                              hints=hints), config))


def _how(picker: Picker, seed: int | None, more: bool) -> str:
    """How the documents were chosen, for the report's note."""
    if picker.offered <= picker.limit and not more:
        return f"{picker.offered:,} documents"
    if seed is None:
        total = "more" if more else f"{picker.offered:,}"
        return f"the first {picker.limit:,} documents of {total}"
    return f"{picker.limit:,} of {picker.offered:,} documents, a sample drawn with seed {seed}"


def _write(args: argparse.Namespace, config: Config, picker: Picker[_Pending],
           html: bool, sources: str, more: bool = False) -> int:
    """Explain the chosen documents and write the report; the exit code.

    :param more: whether documents were left unread after the first ``limit``.
    """
    from ..exitcodes import EXIT_IO, EXIT_OK

    chosen = picker.items()
    how = _how(picker, args.report_seed, more)
    note = f"{how}; profile {config.profile}"
    try:
        documents = [_explain(item, config, html) for item in chosen]
        write_report(args.report, documents, title=f"declutter report: {sources}", note=note)
    except OSError as exc:
        _say(MSG_CANNOT_WRITE.format(path=args.report, reason=exc.strerror or exc))
        return EXIT_IO
    _say(MSG_WROTE.format(path=args.report, how=how))
    return EXIT_OK


class FileReport:
    """The report of ``declutter --report FILE [INPUT ...]``: every input cleaned is
    offered with :meth:`add`, and :meth:`finish` writes the report."""

    def __init__(self, args: argparse.Namespace, config: Config) -> None:
        self.args = args
        self.config = config
        self.picker: Picker[_Pending] = Picker(args.report_docs, args.report_seed)
        self.names: list[str] = []

    @classmethod
    def from_args(cls, args: argparse.Namespace, config: Config) -> "FileReport | None":
        """The report the command line asks for, or ``None`` without ``--report``."""
        return cls(args, config) if getattr(args, "report", None) else None

    def add(self, name: str, text: str) -> None:
        """Offer one input document (its text as read, HTML with ``--html``)."""
        self.names.append(name)
        self.picker.offer(_Pending(name, text))

    def finish(self, status: int) -> int:
        """Write the report; ``status`` (the run's exit code so far) or the report's
        write error when the run went well."""
        shown = ", ".join(self.names[:3]) + (" ..." if len(self.names) > 3 else "")
        written = _write(self.args, self.config, self.picker, bool(self.args.html), shown)
        return status or written


def _records(path: str, field: str) -> Iterator[_Pending]:
    """Every record of a JSON Lines file whose ``field`` holds a string; others are
    passed over (the cleaning run has said what was wrong with them)."""
    from ..jsonl import open_input

    with open_input(path) as stream:
        for number, raw in enumerate(stream, start=1):
            if not raw.strip():
                continue
            try:
                record = json.loads(raw.decode("utf-8", errors="replace"))
            except ValueError:
                continue
            value = record.get(field) if isinstance(record, dict) else None
            if isinstance(value, str):
                yield _Pending(f"{path}:{number}", value)


def with_report(args: argparse.Namespace, config: Config,
                clean: Callable[[argparse.Namespace, Config], int]) -> int:
    """``declutter --jsonl``: run ``clean(args, config)`` and then, with ``--report``,
    write the report of the corpus; the exit code."""
    from ..exitcodes import EXIT_USAGE

    if not getattr(args, "report", None):
        return clean(args, config)
    if not args.files or "-" in args.files:
        _say(MSG_STDIN)
        return EXIT_USAGE
    status = clean(args, config)
    if status:
        return status
    picker: Picker[_Pending] = Picker(args.report_docs, args.report_seed)
    from ..jsonl import DEFAULT_FIELD

    field = args.html_field or args.field or DEFAULT_FIELD
    more = False
    for pending in (item for path in args.files for item in _records(path, field)):
        if picker.full:  # the first documents are taken and there is one more
            more = True
            break
        picker.offer(pending)
    sources = ", ".join(args.files[:3]) + (" ..." if len(args.files) > 3 else "")
    return _write(args, config, picker, args.html_field is not None, sources, more)


__all__ = ["DEFAULT_REPORT_DOCS", "FileReport", "add_report_arguments", "with_report"]
