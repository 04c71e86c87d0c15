"""A self-contained HTML report of what declutter removed, and why.

>>> import declutter
>>> from declutter.report import ReportDocument, render_report
>>> page = "Home » News\\nThe vote was held on Sunday, officials said.\\nShare this\\n"
>>> html = render_report([ReportDocument("page.txt", declutter.explain(page))])
>>> html.startswith("<!DOCTYPE html>") and "breadcrumb" in html
True

One file, with its style, its script and its data inline: it makes no request, opens
from disk offline, works with the keyboard and prints. For each document it shows every
line in order, the removed ones marked by category (colour and text), long removed runs
folded, and, for the line clicked or focused, its rule, category, reason and offsets;
for the corpus, charts of what was removed by category and a list of the documents to
sort by the share removed. With gold texts (``gold=``) lines are also marked content
kept, noise removed, content lost or noise kept, and the list sorts by content lost.
``docs/report.md`` shows it.
"""

from __future__ import annotations

import os
from pathlib import Path
from collections.abc import Iterable, Sequence
from typing import Any

from ..result import Explanation
from .model import MAX_LINE_CHARS, ReportDocument, report_data
from .page import render_page

__all__ = ["MAX_LINE_CHARS", "ReportDocument", "render_report", "report_texts", "write_report"]

DEFAULT_TITLE = "declutter report"


def _documents(documents: Iterable[ReportDocument | Explanation] | Explanation,
               gold: Sequence[str | None] | str | None) -> list[ReportDocument]:
    if isinstance(documents, Explanation):
        documents = [documents]
    docs = [doc if isinstance(doc, ReportDocument) else ReportDocument(f"document {i + 1}", doc)
            for i, doc in enumerate(documents)]
    if gold is None:
        return docs
    golds = [gold] if isinstance(gold, str) else list(gold)
    if len(golds) != len(docs):
        raise ValueError(f"{len(golds)} gold texts for {len(docs)} documents")
    return [ReportDocument(doc.name, doc.explanation, text) for doc, text in zip(docs, golds)]


def render_report(documents: Iterable[ReportDocument | Explanation] | Explanation, *,
                  gold: Sequence[str | None] | str | None = None,
                  title: str = DEFAULT_TITLE, note: str = "",
                  max_line_chars: int = MAX_LINE_CHARS, compress: bool | None = None) -> str:
    """The HTML report of ``documents``, as a string.

    :param documents: :class:`ReportDocument` items (a name, an explanation from
        :func:`declutter.explain`, a gold text or not), bare explanations (named
        ``document 1``, ``document 2``...), or one explanation.
    :param gold: the gold text of each document, in order (``None`` for a document
        without one), or one gold text for one document; replaces the documents' own.
    :param title: the report's title.
    :param note: a line under the title. The report holds nothing that is not passed in
        (no date, no path): the same input gives the same file.
    :param max_line_chars: characters shown of a line; a longer one is cut there and the
        report says how many more it had.
    :param compress: store the data gzip-compressed (a third of the size); by default
        when it is over :data:`declutter.report.page.COMPRESS_ABOVE` characters.
    :raises ValueError: when ``gold`` does not have one entry per document.
    """
    docs = _documents(documents, gold)
    return render_page(report_data(docs, title=title, note=note, max_line_chars=max_line_chars),
                       compress=compress)


def write_report(path: str | os.PathLike[str],
                 documents: Iterable[ReportDocument | Explanation] | Explanation,
                 **options) -> None:
    """Write :func:`render_report` of ``documents`` to ``path`` in UTF-8, atomically.

    ``options`` are those of :func:`render_report`.
    """
    page = render_report(documents, **options)
    target = os.fspath(path)
    partial = f"{target}.partial"
    with open(partial, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(page)
    os.replace(partial, target)


def report_texts(path: str | os.PathLike[str],
                 items: Iterable[tuple[str, str, str | None]], *,
                 title: str = DEFAULT_TITLE, note: str = "", **options: Any) -> None:
    """Explain texts and write their report to ``path`` (its folder made if need be): for
    a benchmark run with gold.

    :param items: ``(name, text, gold)`` for each document; ``gold`` may be ``None``.
    :param options: passed to :func:`declutter.explain` (``profile``, ``disable``...);
        those set to ``None`` are left out.
    """
    from .. import explain

    options = {name: value for name, value in options.items() if value is not None}
    documents = [ReportDocument(name, explain(text, **options), gold)
                 for name, text, gold in items]
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    write_report(path, documents, title=title, note=note)
