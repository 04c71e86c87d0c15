"""Values computed from one line's text alone, remembered for the length of a run.

Every cleaning pass reads its text afresh (:func:`declutter.engine.run`), and most of
a pass's lines are lines an earlier pass already read. What depends on a line's text
alone (and on what is fixed for a pass's language, such as its stoplist and lexicon)
is the same whichever pass computes it, so a :class:`LineMemo` keeps it by the line's
text: a later pass looks it up instead of computing it again, and gets exactly the value
a fresh computation would give. Each run has its own memo; nothing outlives the run.
"""

from __future__ import annotations

from typing import Any, Callable, Hashable, Sequence


class LineMemo:
    """Per-line values by name and line text, for one run.

    A value stored under ``name`` must depend only on the line's text and on ``name``
    (which should carry whatever else it depends on, such as the pass's language).
    """

    __slots__ = ("_stores",)

    def __init__(self) -> None:
        self._stores: dict[Hashable, dict[str, Any]] = {}

    def value(self, name: Hashable, text: str, compute: Callable[[str], Any]) -> Any:
        """``compute(text)``, computed once per run under ``name`` for each distinct
        ``text`` (which need not be a line: a value of any text alone)."""
        store = self._stores.setdefault(name, {})
        found = store.get(text, store)
        if found is store:
            found = store[text] = compute(text)
        return found

    def values(self, name: Hashable, lines: Sequence[str],
               compute: Callable[[str], Any]) -> list[Any]:
        """``[compute(line) for line in lines]``, computing each distinct line once per
        run under ``name``."""
        store = self._stores.setdefault(name, {})
        found = []
        append = found.append
        for line in lines:
            value = store.get(line, store)
            if value is store:
                value = store[line] = compute(line)
            append(value)
        return found
