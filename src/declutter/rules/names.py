"""Telling names from other words after an opener ('By Jane Doe', 'Foto de Juan Pérez'):
shared by the rules that find author lines and credits."""

from __future__ import annotations

from functools import lru_cache

import regex

from ..features import stopwords
from ..lexicon import Lexicon

#: Share of the words after the opener that must be capitalised (names).
NAME_SHARE_MIN = 0.6

_WORD = regex.compile(r"[\p{L}][\p{L}\p{M}'’.-]*", regex.V1)


def after_opener(line: str, opener: str) -> str:
    """The part of ``line`` after its first ``len(opener.split())`` words."""
    parts = line.split(None, len(opener.split()))
    return parts[-1] if len(parts) > len(opener.split()) else ""


@lru_cache(maxsize=64)
def small_words(lexicon: Lexicon) -> frozenset[str]:
    """Words that stand between names in lower case: the small words of titles and dates
    ('and', 'und', 'at')."""
    return lexicon.words("title_small_word") | lexicon.words("date_word")


@lru_cache(maxsize=64)
def grammar_words(lexicon: Lexicon, language: str) -> frozenset[str]:
    """The stopwords of ``language`` that no list of names holds in lower case: neither
    the :func:`small_words` nor the particles of surnames ('von', 'de', 'van')."""
    return stopwords(language) - small_words(lexicon) - lexicon.words("name_particle")


@lru_cache(maxsize=64)
def function_words(lexicon: Lexicon, language: str) -> frozenset[str]:
    """Words an opener may end in before names ('foto de', 'bild von', 'foto door'): the
    stopwords of ``language``, the :func:`small_words` and the particles of surnames."""
    return stopwords(language) | small_words(lexicon) | lexicon.words("name_particle")


def names_follow(rest: str, small: frozenset[str], grammar: frozenset[str]) -> bool:
    """Whether ``rest`` starts with a capitalised name (two words, or one in capitals:
    'AFP') and is mostly names, with no lower-case word of the language's ``grammar``
    among them: in German, which capitalises nouns, 'Von Berlin nach Paris' is a
    heading ('nach'), 'Von Anna Müller und Jan von Berg' a byline.

    >>> names_follow("Jane Doe and John Roe", frozenset({"and"}), frozenset())
    True
    >>> names_follow("Functionality", frozenset(), frozenset())
    False
    >>> names_follow("Berlin nach Paris", frozenset(), frozenset({"nach"}))
    False
    """
    words = _WORD.findall(rest)
    if not words or not words[0][0].isupper():
        return False
    if grammar and any(w[0].islower() and w.casefold() in grammar for w in words):
        return False
    if len(words) == 1 and not words[0].isupper():
        return False  # 'By Functionality' is a heading, not an author
    content = [w for w in words if w.casefold() not in small]
    if not content:
        return False
    capitalised = sum(1 for w in content if w[0].isupper())
    return capitalised >= NAME_SHARE_MIN * len(content)
