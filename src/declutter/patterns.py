"""Building and running linear-time, line-anchored patterns.

All patterns are compiled with the ``regex`` module and run under a timeout. Lexicon
phrases are turned into prefix-factored alternations (a word trie), which the regex
engine walks without backtracking into alternatives that share a prefix.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache
from typing import Iterable, Iterator

import regex

from .document import Document
from .errors import RuleTimeout

#: Characters that end a line (the set :meth:`str.splitlines` uses).
BREAK_CHARS = "\\n\\r\\x0b\\x0c\\x1c\\x1d\\x1e\\x85\\u2028\\u2029"
#: Zero-width: at the start of a line.
BOL = f"(?<![^{BREAK_CHARS}])"
#: Zero-width: at the end of a line.
EOL = f"(?![^{BREAK_CHARS}])"
#: One character inside a line.
INLINE = f"[^{BREAK_CHARS}]"
#: Non-word characters inside a line (separators between the words of a phrase).
SEP = f"[^\\w{BREAK_CHARS}]"
#: Optional leading or trailing decoration around a phrase on its own line.
EDGE = f"{SEP}*+"

#: Seconds one pattern may run over one document before its rule abstains.
DEFAULT_TIMEOUT = 2.0

FLAGS = regex.V1 | regex.IGNORECASE


def trie_alternation(phrases: Iterable[str]) -> str:
    """A prefix-factored regex matching any of the (normalised) ``phrases``.

    Words are separated by one or more non-word characters; the last word must end at a
    word boundary.

    >>> import regex
    >>> pattern = regex.compile(trie_alternation(["read more", "read next", "related"]))
    >>> [bool(pattern.fullmatch(s)) for s in ("read  more", "related", "read")]
    [True, True, False]
    """
    words_trie: dict = {}
    for phrase in phrases:
        node = words_trie
        for word in phrase.split():
            node = node.setdefault(word, {})
        node[""] = {}
    if not words_trie:
        return "(?!)"
    # atomic: once a phrase matched, never retry a shorter one (keeps scans linear)
    return f"(?>{_emit(words_trie)})"


def _emit(node: dict) -> str:
    branches = []
    terminal = False
    for word, child in sorted(node.items()):
        if word == "":
            terminal = True
            continue
        tail = _emit(child) if child else ""
        rest = f"(?:{SEP}++{tail})" if tail else ""
        branches.append((word, rest, "" in child and bool(tail)))
    parts = []
    for word, rest, may_end in branches:
        if rest and may_end:
            parts.append(f"{regex.escape(word)}(?:{rest}|(?!\\w))")
        elif rest:
            parts.append(f"{regex.escape(word)}{rest}")
        else:
            parts.append(f"{regex.escape(word)}(?!\\w)")
    body = "|".join(parts)
    if terminal and not parts:
        return ""
    return f"(?:{body})"


@lru_cache(maxsize=512)
def compile_pattern(source: str, flags: int = FLAGS) -> regex.Pattern[str]:
    """Compile ``source`` with the ``regex`` module (cached)."""
    return regex.compile(source, flags)


@lru_cache(maxsize=512)
def whole_line_pattern(phrases: tuple[str, ...]) -> regex.Pattern[str]:
    """Lines that consist of one phrase, with optional decoration around it."""
    return compile_pattern(f"{BOL}{EDGE}{trie_alternation(phrases)}{EDGE}{EOL}")


@lru_cache(maxsize=512)
def line_prefix_pattern(phrases: tuple[str, ...]) -> regex.Pattern[str]:
    """Lines that begin with one phrase (after optional decoration)."""
    return compile_pattern(f"{BOL}{EDGE}{trie_alternation(phrases)}")


@lru_cache(maxsize=512)
def contains_pattern(phrases: tuple[str, ...]) -> regex.Pattern[str]:
    """Any occurrence of one phrase, starting at a word boundary."""
    return compile_pattern(f"(?<!\\w){trie_alternation(phrases)}")


def line_of(doc: Document, offset: int) -> int:
    """Index of the line that holds character ``offset``."""
    return bisect_right(doc.starts, offset) - 1


def scan_lines(
    pattern: regex.Pattern[str], doc: Document, timeout: float = DEFAULT_TIMEOUT
) -> Iterator[tuple[int, regex.Match[str]]]:
    """Yield ``(line_index, match)`` for each match of ``pattern`` over the whole document.

    A line is yielded once, for its first match.

    :raises RuleTimeout: when the pattern runs past ``timeout`` seconds.
    """
    last = -1
    try:
        for match in pattern.finditer(doc.text, timeout=timeout):
            index = line_of(doc, match.start())
            if index != last:
                last = index
                yield index, match
    except TimeoutError as exc:
        raise RuleTimeout(f"pattern ran past {timeout}s") from exc


def search(
    pattern: regex.Pattern[str], text: str, timeout: float = DEFAULT_TIMEOUT
) -> regex.Match[str] | None:
    """``pattern.search`` under a timeout.

    :raises RuleTimeout: when the pattern runs past ``timeout`` seconds.
    """
    try:
        return pattern.search(text, timeout=timeout)
    except TimeoutError as exc:
        raise RuleTimeout(f"pattern ran past {timeout}s") from exc
