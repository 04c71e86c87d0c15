"""Building and running linear-time patterns.

All patterns are compiled with the ``regex`` module and run under a timeout. Lexicon
phrases are turned into prefix-factored alternations (a word trie) inside an atomic
group, so the engine never retries a shorter phrase once a longer one matched.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Callable, Iterable

import regex

from .errors import RuleTimeout

#: Characters that end a line (the set :meth:`str.splitlines` uses).
BREAK_CHARS = "\\n\\r\\x0b\\x0c\\x1c\\x1d\\x1e\\x85\\u2028\\u2029"
#: Non-word characters inside a line (separators between the words of a phrase).
SEP = f"[^\\w{BREAK_CHARS}]"

#: Seconds one pattern may run over one document before its rule abstains.
DEFAULT_TIMEOUT = 2.0

FLAGS = regex.V1 | regex.IGNORECASE


def trie_alternation(phrases: Iterable[str]) -> str:
    """A prefix-factored regex matching any of the (normalised) ``phrases``.

    Words are separated by one or more non-word characters; the last word must end at a
    word boundary.

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
    return f"(?>{_emit(words_trie)})"


def _emit(node: dict) -> str:
    parts = []
    for word, child in sorted(node.items()):
        if word == "":
            continue
        tail = _emit(child) if any(k for k in child) else ""
        if tail and "" in child:
            parts.append(f"{regex.escape(word)}(?:{SEP}++{tail}|(?!\\w))")
        elif tail:
            parts.append(f"{regex.escape(word)}{SEP}++{tail}")
        else:
            parts.append(f"{regex.escape(word)}(?!\\w)")
    return f"(?:{'|'.join(parts)})"


@lru_cache(maxsize=512)
def compile_pattern(source: str, flags: int = FLAGS) -> regex.Pattern[str]:
    """Compile ``source`` with the ``regex`` module (cached)."""
    return regex.compile(source, flags)


def match(
    pattern: regex.Pattern[str], text: str, timeout: float = DEFAULT_TIMEOUT
) -> regex.Match[str] | None:
    """``pattern.match`` (a match at the start of ``text``) under a timeout.

    :raises RuleTimeout: when the pattern runs past ``timeout`` seconds.
    """
    return _within(pattern.match, text, timeout)


def search(
    pattern: regex.Pattern[str], text: str, timeout: float = DEFAULT_TIMEOUT
) -> regex.Match[str] | None:
    """``pattern.search`` under a timeout.

    :raises RuleTimeout: when the pattern runs past ``timeout`` seconds.
    """
    return _within(pattern.search, text, timeout)


def fullmatch(
    pattern: regex.Pattern[str], text: str, timeout: float = DEFAULT_TIMEOUT
) -> regex.Match[str] | None:
    """``pattern.fullmatch`` (a match of all of ``text``) under a timeout.

    :raises RuleTimeout: when the pattern runs past ``timeout`` seconds.
    """
    return _within(pattern.fullmatch, text, timeout)


def split(pattern: regex.Pattern[str], text: str, timeout: float = DEFAULT_TIMEOUT) -> list[str]:
    """``pattern.split`` under a timeout.

    :raises RuleTimeout: when the pattern runs past ``timeout`` seconds.
    """
    return _within(pattern.split, text, timeout)


def finditer(
    pattern: regex.Pattern[str], text: str, timeout: float = DEFAULT_TIMEOUT
) -> list[regex.Match[str]]:
    """Every match of ``pattern.finditer``, in order, found under a timeout.

    :raises RuleTimeout: when the pattern runs past ``timeout`` seconds.
    """
    return _within(lambda text, timeout: list(pattern.finditer(text, timeout=timeout)),
                   text, timeout)


def _within(method: Callable[..., Any], text: str, timeout: float) -> Any:
    try:
        return method(text, timeout=timeout)
    except TimeoutError as exc:
        raise RuleTimeout(f"pattern ran past {timeout}s") from exc
