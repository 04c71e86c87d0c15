"""Recognising dates and times in short lines (shared by the dateline and comment rules)."""

from __future__ import annotations

from functools import lru_cache

import regex

from ..keys import line_key
from ..lexicon import Lexicon
from ..patterns import DEFAULT_TIMEOUT, FLAGS, compile_pattern, search, trie_alternation

#: Longest bare date line, in tokens and characters.
BARE_DATE_TOKENS_MAX = 16
BARE_DATE_CHARS_MAX = 80

_TOKEN = regex.compile(r"\w+", regex.V1)
#: A token of a date or time in figures: a number, perhaps ordinal ('9th', '1er'), or a
#: clock time written as one word ('14h30', '9h').
_NUMERIC = regex.compile(r"\d{1,4}(?:st|nd|rd|th|er|e|º|°)?|\d{1,2}h(?:\d{2})?",
                         regex.V1 | regex.IGNORECASE)
#: Dates written in figures: ISO, day-month-year with dots, slashes or dashes, clock
#: times, and the Chinese, Japanese and Korean form with its year, month and day signs
#: ('2024年1月9日', '1月9日', '2024년 1월 9일').
_NUMERIC_DATE = (r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{1,2}[:h]\d{2}"
                 r"|\d{2,4} ?[年년] ?\d{1,2} ?[月월](?: ?\d{1,2} ?[日일])?"
                 r"|(?<!\d)\d{1,2} ?[月월] ?\d{1,2} ?[日일]")
#: Two day numbers joined by a dash ('6-9', '16–19'), neither part of a longer number,
#: a numeric date or a clock time.
_DAY_SPAN = r"(?<![\d./:\-–])\d{1,2}(?:st|nd|rd|th)?[ \t]*+[-–][ \t]*+\d{1,2}(?:st|nd|rd|th)?(?![\d./:\-–])"
#: A digit: every date and time :func:`date_pattern` finds holds one, and a line without
#: one is passed over without running that pattern.
_DIGIT = regex.compile(r"\d", FLAGS)
#: Digits on both sides of a dash: what every span of days holds, checked first because
#: it is cheap and most lines lack it.
_DASHED_DIGITS = regex.compile(r"\d(?:st|nd|rd|th)?[ \t]*+[-–][ \t]*+\d", regex.V1)


@lru_cache(maxsize=64)
def date_pattern(months: tuple[str, ...], clocks: tuple[str, ...] = ()) -> regex.Pattern[str]:
    """A pattern that finds a date or a clock time inside a line; with ``clocks``, also
    a clock time written with a period beside one of those words ('14.30 Uhr', 'ore
    14.30'), which alone would read as a number."""
    month = trie_alternation(months)
    clock = ""
    if clocks:
        word = trie_alternation(clocks)
        clock = (f"|(?<![\\w.])\\d{{1,2}}\\.\\d{{2}}[ \\t]*+{word}(?!\\w)"
                 f"|(?<!\\w){word}\\.?[ \\t]*+\\d{{1,2}}\\.\\d{{2}}(?![\\d.])")
    source = (
        f"(?:{_NUMERIC_DATE}{clock}"
        f"|(?<!\\w)\\d{{1,2}}(?:st|nd|rd|th)?\\.?[ \\t]*+{month}\\.?,?[ \\t]*+\\d{{2,4}}"
        f"|(?<!\\w){month}\\.?[ \\t]*+\\d{{1,2}}(?:st|nd|rd|th)?(?!\\d)"
        f"|(?<!\\w){month}\\.?[ \\t]++\\d{{4}})"
    )
    return compile_pattern(source, FLAGS)


@lru_cache(maxsize=64)
def date_span_pattern(months: tuple[str, ...]) -> regex.Pattern[str]:
    """A pattern that finds a span of days next to a month ('January 6-9', '16-19 March')."""
    month = trie_alternation(months)
    source = (
        f"(?<!\\w){month}\\.?[ \\t]*+{_DAY_SPAN}"
        f"|{_DAY_SPAN}[ \\t]*+{month}(?!\\w)"
    )
    return compile_pattern(source, FLAGS)


def has_date_span(line: str, lexicon: Lexicon, timeout: float = DEFAULT_TIMEOUT) -> bool:
    """Whether ``line`` names a span of days ('Date: January 6-9, 2026'): an event's
    dates, where a publication stamp names one point in time.

    >>> from declutter.lexicon import load_lexicon
    >>> has_date_span("Date: 16-19 March 2026", load_lexicon(("en",)))
    True
    >>> has_date_span("Updated 09-01-2018, 10:05", load_lexicon(("en",)))
    False
    """
    if _DASHED_DIGITS.search(line) is None:
        return False
    return search(date_span_pattern(lexicon.phrases("month")), line, timeout) is not None


def has_date(line: str, lexicon: Lexicon, timeout: float = DEFAULT_TIMEOUT) -> bool:
    """Whether ``line`` holds a date or a clock time.

    >>> from declutter.lexicon import load_lexicon
    >>> has_date("Heute, 14.30 Uhr", load_lexicon(("de", "en")))
    True
    >>> has_date("Der Kurs stieg auf 14.30 Euro", load_lexicon(("de", "en")))
    False
    """
    if _DIGIT.search(line) is None:
        return False
    pattern = date_pattern(lexicon.phrases("month"), lexicon.phrases("clock_word"))
    return search(pattern, line, timeout) is not None


def is_bare_date(line: str, lexicon: Lexicon, timeout: float = DEFAULT_TIMEOUT) -> bool:
    """Whether ``line`` is nothing but a date and/or time ('Tuesday, 9 January 2018, 9:59am').

    >>> from declutter.lexicon import load_lexicon
    >>> is_bare_date("Jan. 9, 2018 at 9:59 a.m. ET", load_lexicon(("en",)))
    True
    >>> is_bare_date("9 people died", load_lexicon(("en",)))
    False
    """
    tokens = _TOKEN.findall(line_key(line))
    if not 1 <= len(tokens) <= BARE_DATE_TOKENS_MAX:
        return False
    names = _date_names(lexicon)
    digits = 0
    for token in tokens:
        if _NUMERIC.fullmatch(token):
            digits += 1
        elif token not in names:
            return False
    return digits >= 1 and has_date(line, lexicon, timeout)


@lru_cache(maxsize=64)
def _date_names(lexicon: Lexicon) -> frozenset[str]:
    return (lexicon.words("month") | lexicon.words("weekday") | lexicon.words("date_word")
            | lexicon.words("clock_word") | {
                token for phrase in lexicon.phrases("date_word") for token in _TOKEN.findall(phrase)
            })
