"""Language identification: a cheap decisive check first, seeded langdetect otherwise."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import regex

from .features import stopwords

#: Characters of the text sampled for identification (the longest lines first).
SAMPLE_CHARS = 2000
#: Languages the cheap stopword vote chooses between.
VOTING_LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "pl", "nl")
#: The vote is decisive when the winner has this many hits...
VOTE_HITS_MIN = 12
#: ...and at least this many times the runner-up's.
VOTE_MARGIN = 2.0
#: Share of Han / kana / hangul characters among letters that decides the script.
SCRIPT_SHARE = 0.3
#: Share of kana among letters that marks Japanese (kanji alone would read as Chinese).
KANA_SHARE = 0.1
#: The language assumed when nothing can be told.
FALLBACK_LANGUAGE = "en"
#: langdetect's seed, so the same text always gets the same answer.
LANGDETECT_SEED = 0

_LETTER = regex.compile(r"\p{L}", regex.V1)
_HAN = regex.compile(r"\p{Han}", regex.V1)
_KANA = regex.compile(r"[\p{Hiragana}\p{Katakana}]", regex.V1)
_HANGUL = regex.compile(r"\p{Hangul}", regex.V1)
_WORD = regex.compile(r"\w+", regex.V1)


def sample(text: str, limit: int = SAMPLE_CHARS) -> str:
    """The longest lines of ``text`` (in document order) up to ``limit`` characters."""
    lines = text.splitlines()
    chosen: set[int] = set()
    total = 0
    for index in sorted(range(len(lines)), key=lambda i: (-len(lines[i]), i)):
        if total >= limit:
            break
        chosen.add(index)
        total += len(lines[index])
    return "\n".join(lines[i][:limit] for i in sorted(chosen))[: limit * 2]


def detect_language(text: str) -> tuple[str, str]:
    """Return ``(language code, method)`` for ``text``; method is ``script``, ``stopwords``,
    ``langdetect`` or ``fallback``. Deterministic.

    >>> detect_language("The cat sat on the mat and it was the best day of the year for all of us, "
    ...                 "as it is in the end what we had been waiting for with all of our friends.")
    ('en', 'stopwords')
    """
    text_sample = sample(text)
    letters = len(_LETTER.findall(text_sample))
    if letters == 0:
        return FALLBACK_LANGUAGE, "fallback"
    if len(_KANA.findall(text_sample)) >= KANA_SHARE * letters:
        return "ja", "script"
    if len(_HAN.findall(text_sample)) >= SCRIPT_SHARE * letters:
        return "zh", "script"
    if len(_HANGUL.findall(text_sample)) >= SCRIPT_SHARE * letters:
        return "ko", "script"
    voted = _stopword_vote(text_sample)
    if voted is not None:
        return voted, "stopwords"
    detected = _langdetect(text_sample)
    if detected is not None:
        return detected, "langdetect"
    return FALLBACK_LANGUAGE, "fallback"


def _stopword_vote(text: str) -> str | None:
    words = _WORD.findall(text.casefold())
    hits = []
    for lang in VOTING_LANGUAGES:
        stop = stopwords(lang)
        hits.append((sum(1 for w in words if w in stop), lang))
    hits.sort(key=lambda pair: (-pair[0], VOTING_LANGUAGES.index(pair[1])))
    (best, lang), (second, _) = hits[0], hits[1]
    if best >= VOTE_HITS_MIN and best >= VOTE_MARGIN * second:
        return lang
    return None


@lru_cache(maxsize=1)
def _factory() -> Any:
    from langdetect.detector_factory import DetectorFactory, PROFILES_DIRECTORY

    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    factory.set_seed(LANGDETECT_SEED)
    return factory


def _langdetect(text: str) -> str | None:
    try:
        from langdetect.lang_detect_exception import LangDetectException
    except ImportError:  # pragma: no cover - langdetect is a declared dependency
        return None
    try:
        detector = _factory().create()
        detector.append(text)
        code: str = detector.detect()
    except LangDetectException:
        return None
    return code.split("-")[0]
