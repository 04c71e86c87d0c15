"""Counted nouns in messages and reasons: "1 record", "3 records", never "3 record(s)"."""

from __future__ import annotations


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """``count`` and ``noun``, in the plural (``nouns``, default ``noun + "s"``) unless
    ``count`` is 1; thousands are separated by commas.

    >>> plural(1, "record"), plural(1200, "record"), plural(2, "entry", "entries")
    ('1 record', '1,200 records', '2 entries')
    """
    return f"{count:,} {noun if count == 1 else (nouns or noun + 's')}"
