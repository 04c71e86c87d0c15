"""A datatrove pipeline step that removes boilerplate lines from ``Document.text``.

>>> from datatrove.executor import LocalPipelineExecutor            # doctest: +SKIP
>>> from datatrove.pipeline.readers import JsonlReader               # doctest: +SKIP
>>> from datatrove.pipeline.writers import JsonlWriter               # doctest: +SKIP
>>> from declutter.integrations.datatrove import DeclutterFormatter  # doctest: +SKIP
>>> LocalPipelineExecutor(pipeline=[                                 # doctest: +SKIP
...     JsonlReader("in/"), DeclutterFormatter(drop_empty=True), JsonlWriter("out/"),
... ], tasks=4, logging_dir="logs/").run()

Statistics (in ``logs/stats.json`` and ``logs/stats/NNNNN.json``), besides datatrove's
``total``, ``forwarded``, ``dropped`` and ``doc_len``:

* ``removed_lines/<category>`` and ``removed_chars/<category>``: per document where the
  category was removed, summed over the task (``total``) with mean, min and max;
* ``removed_chars``: characters removed from each document (every document counts);
* ``changed``: documents that lost at least one line;
* ``dropped_empty``: documents dropped because nothing was left (``drop_empty=True``).

datatrove is an optional dependency: ``pip install 'declutter-text[datatrove]'``.
"""

from __future__ import annotations

from typing import Any, Iterable

from datatrove.data import DocumentsPipeline
from datatrove.pipeline.formatters.base import BaseFormatter
from datatrove.utils.typeshelper import StatHints

from ..config import Config
from ..engine import run
from ..jsonl import CategoryTotals, removal_totals, stats_of

#: Prefix of the per-category line counts in datatrove's stats.
STAT_REMOVED_LINES = "removed_lines"
#: Prefix of the per-category character counts in datatrove's stats.
STAT_REMOVED_CHARS = "removed_chars"
#: Documents that lost at least one line.
STAT_CHANGED = "changed"
#: Documents dropped because nothing was left of them.
STAT_DROPPED_EMPTY = "dropped_empty"


class DeclutterFormatter(BaseFormatter):
    """Clean the text of every document with :func:`declutter.clean`'s decisions.

    :param profile: ``"precision"``, ``"balanced"`` or ``"recall"`` (as :class:`declutter.Config`).
    :param disable: names of rules to switch off.
    :param lang: the language of every document; ``None`` detects it per document.
    :param config: a :class:`declutter.Config` to start from (the options above, when
        given, override its fields).
    :param drop_empty: drop documents whose cleaned text is empty or whitespace only.
    :param metadata_key: when set, add ``{category: {"lines": n, "chars": n}}`` of the
        removed lines to each document's metadata under this key.
    """

    name = "🧹 declutter"

    def __init__(self, profile: str | None = None, disable: Iterable[str] | None = None,
                 lang: str | None = None, *, config: Config | None = None,
                 drop_empty: bool = False, metadata_key: str | None = None) -> None:
        super().__init__()
        options: dict[str, Any] = {}
        if profile is not None:
            options["profile"] = profile
        if disable is not None:
            options["disable"] = frozenset(disable)
        if lang is not None:
            options["lang"] = lang
        self.config = Config.from_options(config, **options)
        self.drop_empty = drop_empty
        self.metadata_key = metadata_key

    def format(self, text: str) -> str:
        """The cleaned text (what :func:`declutter.clean` returns under this config)."""
        return run(text, self.config).text

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        """Clean each document, record what was removed, drop emptied documents if asked."""
        for doc in data:
            self.stat_update(StatHints.total)
            with self.track_time():
                outcome = run(doc.text or "", self.config)
                doc.text = outcome.text
                removed = removal_totals(outcome)
            self._record(removed)
            if self.metadata_key is not None:
                doc.metadata[self.metadata_key] = stats_of(removed)
            if self.drop_empty and not doc.text.strip():
                self.stat_update(StatHints.dropped, STAT_DROPPED_EMPTY)
                continue
            self.stat_update(StatHints.forwarded)
            self.update_doc_stats(doc)
            yield doc

    def _record(self, removed: dict[str, CategoryTotals]) -> None:
        self.stat_update(STAT_REMOVED_CHARS, value=sum(t.chars for t in removed.values()))
        if removed:
            self.stat_update(STAT_CHANGED)
        for category, totals in removed.items():
            self.stat_update(f"{STAT_REMOVED_LINES}/{category}", value=totals.lines)
            self.stat_update(f"{STAT_REMOVED_CHARS}/{category}", value=totals.chars)
