"""Signals about single lines: prose, sentence ends, stopwords."""

from __future__ import annotations

from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

import regex

#: jusText stoplist file names for the language codes declutter knows.
STOPLIST_NAMES = {
    "en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian",
    "pt": "Portuguese", "pl": "Polish", "nl": "Dutch", "sv": "Swedish", "da": "Danish",
    "no": "Norwegian_Bokmal", "fi": "Finnish", "cs": "Czech", "sk": "Slovak", "ru": "Russian",
    "uk": "Ukrainian", "tr": "Turkish", "ro": "Romanian", "hu": "Hungarian", "el": "Greek",
    "ca": "Catalan", "hr": "Croatian", "sl": "Slovenian", "id": "Indonesian",
}
#: Languages written without spaces between words, and about how many characters of
#: their script make a word (Chinese words are mostly one or two characters, Japanese
#: ones a little longer with their kana endings, Thai, Lao, Khmer and Burmese ones
#: several letters and marks): a line's words are counted from its characters there, so
#: that a sentence of forty characters counts as the sentence of twenty-odd words it
#: is, not as one word.
UNSPACED_CHARS_PER_WORD = {"zh": 1.6, "ja": 2.0, "th": 4.5, "lo": 4.5, "km": 4.5, "my": 4.5}
UNSPACED_LANGUAGES = frozenset(UNSPACED_CHARS_PER_WORD)
#: About how many characters a word takes in a language written with spaces, its space
#: included (English words average a little under five letters).
SPACED_CHARS_PER_WORD = 6.0

#: Characters that end a sentence, in any script.
SENTENCE_END = ".!?…。！？"
#: Characters that may close a sentence after its terminal punctuation.
CLOSERS = "\"'”’»«)]›‹」』 \t"
#: Colons: ASCII, and the full-width one of Chinese and Japanese text.
COLONS = (":", "：")
#: Clause punctuation of unspaced scripts: its presence marks running text.
UNSPACED_CLAUSE_MARKS = "，。、；！？"

#: Markers that open the items of a bulleted list ('- Paid Social', '• Salt').
LIST_MARKS = ("- ", "• ", "* ", "– ", "· ")

#: Fewest '|' that make a line opening with '|' a table row.
TABLE_BARS_MIN = 3

#: Longest menu entry, in words and characters.
ENTRY_WORDS_MAX = 4
ENTRY_CHARS_MAX = 40

_LETTER = regex.compile(r"\p{L}", regex.V1)
#: A character shown as an emoji (modifiers and the emoji variation selector included).
_EMOJI = regex.compile(r"[\p{Emoji_Presentation}\p{Emoji_Modifier}\uFE0F]", regex.V1)
_LEADING_QUANTITY = regex.compile(r"^\W*+(?:\d|[½¼¾⅓⅔⅛])", regex.V1)

#: A line with at least this many words is prose even without a sentence end.
PROSE_WORDS_LONG = 25
#: Share of stopwords below which a line is a list of names, not prose.
PROSE_STOPWORD_RATIO_MIN = 0.1
#: Punctuation stripped from words before the stopword lookup.
WORD_EDGE = ".,;:!?\"'()[]{}«»“”‘’„-–—…"


@lru_cache(maxsize=32)
def stopwords(language: str) -> frozenset[str]:
    """The jusText stoplist of ``language`` (empty when there is none).

    The stoplists ship with jusText, a dependency of trafilatura; they are read from its
    package folder without importing it.
    """
    name = STOPLIST_NAMES.get(language)
    spec = find_spec("justext")
    if name is None or spec is None or not spec.submodule_search_locations:
        return frozenset()
    path = Path(next(iter(spec.submodule_search_locations))) / "stoplists" / f"{name}.txt"
    try:
        return frozenset(w.strip().casefold() for w in path.read_text("utf-8").split() if w)
    except OSError:
        return frozenset()


def list_marker(line: str) -> str | None:
    """The bullet that opens ``line`` (one of ``LIST_MARKS``), or ``None``.

    >>> list_marker("  - Bugs fixed"), list_marker("Bugs fixed")
    ('- ', None)
    """
    stripped = line.lstrip()
    if not stripped.startswith(LIST_MARKS):  # most lines: one check for every mark
        return None
    return next(mark for mark in LIST_MARKS if stripped.startswith(mark))


def is_table_row(line: str) -> bool:
    """Whether ``line`` is a table row as extractors render tables: ``| Pos | Team |``.

    >>> is_table_row("| Proton | 127+ | Cash |"), is_table_row("Home | News | Sport")
    (True, False)
    """
    stripped = line.strip()
    return stripped.startswith("|") and stripped.count("|") >= TABLE_BARS_MIN


def ends_sentence(line: str) -> bool:
    """Whether ``line`` ends with sentence punctuation (closing quotes allowed) or with
    an emoji, which closes a sentence in informal writing ('See you soon! 🙂').

    >>> ends_sentence('He left. "Bye."'), ends_sentence("Top stories")
    (True, False)
    >>> ends_sentence("Try it this weekend 😉"), ends_sentence("Acme™")
    (True, False)
    """
    tail = line.rstrip(CLOSERS)
    if not tail:
        return False
    last = tail[-1]
    return last in SENTENCE_END or (last > "\u2000" and _EMOJI.match(last) is not None)


def is_prose(line: str, words: list[str], stop: frozenset[str], unspaced: bool,
             words_min: int, stop_hits: int | None = None) -> bool:
    """Whether ``line`` (split into ``words``) reads as running article text.

    ``stop_hits``, when given, is how many of ``words``, stripped of :data:`WORD_EDGE`
    and case-folded, are in ``stop`` (what the caller has counted already)."""
    if unspaced:
        return ends_sentence(line) or any(c in line for c in UNSPACED_CLAUSE_MARKS)
    if len(words) < words_min:
        return False
    if not (len(words) >= PROSE_WORDS_LONG or ends_sentence(line)):
        return False
    if not stop:
        return True
    hits = (stop_hits if stop_hits is not None
            else sum(1 for w in words if w.strip(WORD_EDGE).casefold() in stop))
    return hits >= PROSE_STOPWORD_RATIO_MIN * len(words)


def is_menu_entry(line: str) -> bool:
    """Whether ``line`` could be a menu entry: a few words, no sentence, no quantity."""
    stripped = line.strip()
    return (
        0 < len(stripped) <= ENTRY_CHARS_MAX
        and len(stripped.split()) <= ENTRY_WORDS_MAX
        and _LETTER.search(stripped) is not None
        and not ends_sentence(stripped)
        and not stripped.endswith(COLONS)
        and _LEADING_QUANTITY.match(stripped) is None
    )
