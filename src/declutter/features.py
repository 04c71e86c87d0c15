"""Per-line signals shared by rules and the decision step: prose, words, stopwords."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

import regex

from .document import Document

#: jusText stoplist file names for the language codes declutter knows.
STOPLIST_NAMES = {
    "en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian",
    "pt": "Portuguese", "pl": "Polish", "nl": "Dutch", "sv": "Swedish", "da": "Danish",
    "no": "Norwegian_Bokmal", "fi": "Finnish", "cs": "Czech", "sk": "Slovak", "ru": "Russian",
    "uk": "Ukrainian", "tr": "Turkish", "ro": "Romanian", "hu": "Hungarian", "el": "Greek",
    "ca": "Catalan", "hr": "Croatian", "sl": "Slovenian", "id": "Indonesian",
}
#: Languages written without spaces between words.
UNSPACED_LANGUAGES = frozenset({"zh", "ja", "th", "lo", "km", "my"})

#: Characters that end a sentence, in any script.
SENTENCE_END = ".!?…。！？"
#: Characters that may close a sentence after its terminal punctuation.
CLOSERS = "\"'”’»«)]›‹」』"

_WORD = regex.compile(r"\w+", regex.V1)

#: A line shorter than this (in characters) is never prose, whatever the script.
PROSE_CHARS_MIN = 40
#: Unspaced scripts: characters that make a line long enough to be prose.
PROSE_CHARS_MIN_UNSPACED = 20
#: A line with at least this many words is prose even without a sentence end.
PROSE_WORDS_LONG = 25
#: Share of stopwords below which a line is a list of names, not prose.
PROSE_STOPWORD_RATIO_MIN = 0.1


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


def ends_sentence(line: str) -> bool:
    """Whether ``line`` ends with sentence punctuation (closing quotes allowed)."""
    tail = line.rstrip().rstrip(CLOSERS)
    return bool(tail) and tail[-1] in SENTENCE_END


def word_count(line: str) -> int:
    """Number of whitespace-separated words."""
    return len(line.split())


@dataclass(frozen=True)
class Features:
    """Signals computed once per document.

    :param prose: whether each line reads as article prose (long, sentence-like).
    :param prose_chars_before: characters of prose in lines before each line.
    """

    prose: list[bool]
    prose_chars_before: list[int]

    def prose_before(self, index: int) -> int:
        """Characters of prose in the lines before ``index``."""
        return self.prose_chars_before[index]

    def prose_after(self, index: int) -> int:
        """Characters of prose in the lines after ``index``."""
        return self.prose_chars_before[-1] - self.prose_chars_before[index + 1]


def compute_features(doc: Document, language: str, prose_words_min: int) -> Features:
    """Compute the :class:`Features` of ``doc``."""
    stop = stopwords(language)
    unspaced = language in UNSPACED_LANGUAGES
    min_chars = PROSE_CHARS_MIN_UNSPACED if unspaced else PROSE_CHARS_MIN
    prose = [False] * len(doc.lines)
    for index, line in enumerate(doc.lines):
        if len(line) < min_chars:
            continue
        prose[index] = _is_prose(line, stop, unspaced, prose_words_min)
    cumulative = [0] * (len(doc.lines) + 1)
    total = 0
    for index, line in enumerate(doc.lines):
        cumulative[index] = total
        if prose[index]:
            total += len(line)
    cumulative[len(doc.lines)] = total
    return Features(prose=prose, prose_chars_before=cumulative)


def _is_prose(line: str, stop: frozenset[str], unspaced: bool, words_min: int) -> bool:
    if unspaced:
        return ends_sentence(line) or any(c in line for c in "，。、；")
    words = line.split()
    if len(words) < words_min:
        return False
    if not (ends_sentence(line) or len(words) >= PROSE_WORDS_LONG):
        return False
    if not stop:
        return True
    hits = sum(1 for w in _WORD.findall(line.casefold()) if w in stop)
    return hits >= PROSE_STOPWORD_RATIO_MIN * len(words)
