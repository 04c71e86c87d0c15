"""Language identification: cheap decisive checks first, seeded langdetect otherwise.

:func:`detect_language` looks at a bounded sample of the text and tries, in order:

1. **script**: when letters of a non-Latin script make up a good share of the sample,
   the script decides (Han -> ``zh``, kana -> ``ja``, Hangul -> ``ko``, Greek -> ``el``,
   Thai, Hebrew...). Cyrillic and Arabic are told apart by letters that only some of
   their languages use (``ї`` Ukrainian, ``پ`` Persian, ``ے`` Urdu...).
2. **stopwords**: a vote of the words of the sample against the jusText stoplists of the
   Latin-script languages declutter knows (:data:`declutter.features.STOPLIST_NAMES`). A
   lower-case word (two letters or more) listed for *k* of those languages gives each of
   them 1/*k* of a vote, so words shared by many lists ("de", "in") count for little and
   a language's own function words decide; capitalised words (names, titles) and single
   letters do not vote. The vote is decisive when the winner has at least
   :data:`VOTE_SCORE_MIN` and :data:`VOTE_MARGIN` times the runner-up's score.
3. **langdetect**: seeded with :data:`LANGDETECT_SEED`, on the same sample, when the
   sample holds at least :data:`LANGDETECT_LETTERS_MIN` letters.
4. **fallback**: :data:`FALLBACK_LANGUAGE`.

Everything is deterministic. The cost is bounded whatever the length of the text: at
most :data:`SCAN_CHARS` characters are read (in :data:`SCAN_WINDOWS` windows spread over
long texts) and the checks see :data:`SAMPLE_CHARS` of them. langdetect is imported on
first use only, so ``import declutter`` does not load it.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import regex

from .features import STOPLIST_NAMES, stopwords
from .memo import LineMemo

#: Characters of the text read at most (long texts: :data:`SCAN_WINDOWS` windows spread
#: from start to end, so that the article between the menus and the comments is seen).
SCAN_CHARS = 20_000
SCAN_WINDOWS = 3
#: Characters of the text sampled for identification (the longest lines first).
SAMPLE_CHARS = 2000
#: Languages whose scripts are not Latin: they never take part in the stopword vote.
NON_LATIN_STOPLISTS = frozenset({"ru", "uk", "el"})
#: Languages the cheap stopword vote chooses between: every Latin-script language with a
#: jusText stoplist (the lexicon languages among them).
VOTING_LANGUAGES = tuple(lang for lang in STOPLIST_NAMES if lang not in NON_LATIN_STOPLISTS)
#: The vote is decisive when the winner scores at least this...
VOTE_SCORE_MIN = 5.0
#: ...and at least this many times the runner-up's score.
VOTE_MARGIN = 2.0
#: Share of the sample's letters that must belong to one non-Latin script for it to decide.
SCRIPT_SHARE = 0.3
#: Share of kana among letters that marks Japanese (kanji alone would read as Chinese).
KANA_SHARE = 0.1
#: Fewest letters for langdetect to be asked (on less it guesses).
LANGDETECT_LETTERS_MIN = 40
#: The language assumed when nothing can be told.
FALLBACK_LANGUAGE = "en"
#: langdetect's seed, so the same text always gets the same answer.
LANGDETECT_SEED = 0

#: Scripts whose presence decides the language on its own.
SCRIPT_LANGUAGES = {
    "Hangul": "ko", "Greek": "el", "Hebrew": "he", "Thai": "th", "Lao": "lo",
    "Khmer": "km", "Myanmar": "my", "Georgian": "ka", "Armenian": "hy", "Bengali": "bn",
    "Gurmukhi": "pa", "Gujarati": "gu", "Tamil": "ta", "Telugu": "te", "Kannada": "kn",
    "Malayalam": "ml", "Sinhala": "si",
}
#: Scripts shared by several languages, told apart by letters (Cyrillic, Arabic) or by
#: langdetect (Devanagari: Hindi, Marathi, Nepali).
SHARED_SCRIPTS = ("Cyrillic", "Arabic", "Devanagari")
_SCRIPTS = ("Han", "Kana", *SCRIPT_LANGUAGES, *SHARED_SCRIPTS)

_LETTERS = regex.compile(r"\p{L}+", regex.V1)
_NON_LATIN = regex.compile(r"[\p{L}--\p{Latin}]+", regex.V1)
_SCRIPT_RUN = regex.compile(
    "|".join(
        "([\\p{Hiragana}\\p{Katakana}]+)" if script == "Kana" else f"(\\p{{{script}}}+)"
        for script in _SCRIPTS
    ),
    regex.V1,
)
_WORD = regex.compile(r"\w+", regex.V1)
_URL = regex.compile(r"(?:https?://|www\.)\S*+", regex.V1 | regex.IGNORECASE)
#: Words of two letters or more that start with a lower-case letter: function words in
#: running text. Capitalised words (names, titles, German nouns) and single letters
#: (initials, "d." for "defeated") do not vote: the Wikipedia-built stoplists list many
#: names and letters ("johnson" and "d" in the Finnish one).
_LOWER_WORD = regex.compile(r"(?<!\w)\p{Ll}\w+", regex.V1)
#: ``str.translate`` table deleting ASCII letters (letters = length difference).
_DROP_ASCII_LETTERS = dict.fromkeys(c for c in range(128) if chr(c).isalpha())

# Letters that only some languages of a shared script use, checked in order.
_CYRILLIC_LETTERS = (
    ("uk", regex.compile("[їєґ]")), ("be", regex.compile("ў")),
    ("mk", regex.compile("[ѓќѕ]")), ("sr", regex.compile("[ђћџ]")),
    ("kk", regex.compile("[әғқңөұһ]")), ("uk", regex.compile("і")),
    ("sr", regex.compile("[јљњ]")), ("ru", regex.compile("[ыэ]")),
)
_URDU_LETTERS = regex.compile("[ٹڈڑںےۓ]")
_PERSIAN_LETTERS = regex.compile("[پچژگیک]")
#: Share of a shared script's letters that its telling letters must reach (a stray
#: Ukrainian "ї" in a Russian text does not make it Ukrainian).
CYRILLIC_SHARE = 0.002
URDU_SHARE = 0.01
PERSIAN_SHARE = 0.02


def sample(text: str, limit: int = SAMPLE_CHARS) -> str:
    """The longest lines of ``text`` (in document order) up to about ``limit`` characters,
    without their URLs (their slugs are words of any language).

    Only :func:`scanned` text is looked at, so the cost is bounded for any length.
    """
    lines = [_URL.sub(" ", line) if "://" in line or "www." in line else line
             for line in scanned(text).splitlines()]
    lengths = [len(line) for line in lines]
    chosen: list[int] = []
    total = 0
    for index in sorted(range(len(lines)), key=lengths.__getitem__, reverse=True):
        if total >= limit or not lengths[index]:
            break
        chosen.append(index)
        total += lengths[index]
    chosen.sort()
    return "\n".join(lines[i][:limit] for i in chosen)[: limit * 2]


def scanned(text: str) -> str:
    """The part of ``text`` that identification reads: all of it up to
    :data:`SCAN_CHARS`, else :data:`SCAN_WINDOWS` evenly spread windows of that total."""
    if len(text) <= SCAN_CHARS:
        return text
    width = SCAN_CHARS // SCAN_WINDOWS
    step = (len(text) - width) // (SCAN_WINDOWS - 1)
    return "\n".join(text[i * step:i * step + width] for i in range(SCAN_WINDOWS))


def detect_language(text: str, memo: LineMemo | None = None) -> tuple[str, str]:
    """Return ``(language code, method)`` for ``text``; method is ``script``, ``stopwords``,
    ``langdetect`` or ``fallback``. Deterministic; bounded cost (see the module docstring).

    The answer depends on the text's :func:`sample` alone: a run's ``memo`` (cleaning
    passes whose texts differ only by short lines share their sample) identifies each
    sample once.

    >>> detect_language("The cat sat on the mat and it was the best day of the year for all of us, "
    ...                 "as it is in the end what we had been waiting for with all of our friends.")
    ('en', 'stopwords')
    >>> detect_language("Die Katze saß auf der Matte, und es war der schönste Tag des Jahres "
    ...                 "für uns alle, weil wir so lange darauf gewartet hatten.")
    ('de', 'stopwords')
    >>> detect_language("   123 456 ")
    ('en', 'fallback')
    """
    text_sample = sample(text)
    if memo is not None:
        return memo.value("language of a sample", text_sample, _identify)
    return _identify(text_sample)


def _identify(text_sample: str) -> tuple[str, str]:
    """:func:`detect_language` of a text whose sample is ``text_sample``."""
    letters = -1  # counted only when needed
    if not text_sample.isascii():
        other = "".join(_NON_LATIN.findall(text_sample))
        if other:
            letters = _letter_count(text_sample)
            by_script = _script_language(other, letters)
            if by_script is not None:
                return by_script, "script"
    voted = _stopword_vote(text_sample)
    if voted is not None:
        return voted, "stopwords"
    if letters < 0:
        letters = _letter_count(text_sample)
    if letters >= LANGDETECT_LETTERS_MIN:
        detected = _langdetect(text_sample)
        if detected is not None:
            return detected, "langdetect"
    return FALLBACK_LANGUAGE, "fallback"


def _letter_count(text: str) -> int:
    """Number of letters in ``text`` (any script)."""
    if text.isascii():
        return len(text) - len(text.translate(_DROP_ASCII_LETTERS))
    return sum(map(len, _LETTERS.findall(text)))


def _script_language(other: str, letters: int) -> str | None:
    """The language that the non-Latin letters ``other`` of a sample of ``letters``
    letters decide, or ``None`` (mostly Latin text, mixed scripts, or a shared script
    that needs langdetect)."""
    if len(other) < KANA_SHARE * letters:
        return None
    counts = dict.fromkeys(_SCRIPTS, 0)
    for match in _SCRIPT_RUN.finditer(other):
        counts[_SCRIPTS[match.lastindex - 1]] += match.end() - match.start()
    if counts["Kana"] >= KANA_SHARE * letters:
        return "ja"
    script, count = max(counts.items(), key=lambda item: item[1])
    if count < SCRIPT_SHARE * letters:
        return None
    if script == "Han":
        return "zh"
    if script in SCRIPT_LANGUAGES:
        return SCRIPT_LANGUAGES[script]
    if script == "Cyrillic":
        folded = other.casefold()
        least = max(1.0, CYRILLIC_SHARE * count)
        return next((lang for lang, letters_of in _CYRILLIC_LETTERS
                     if len(letters_of.findall(folded)) >= least), None)
    if script == "Arabic":
        if len(_URDU_LETTERS.findall(other)) >= URDU_SHARE * count:
            return "ur"
        if len(_PERSIAN_LETTERS.findall(other)) >= PERSIAN_SHARE * count:
            return "fa"
        return "ar"
    return None  # Devanagari: langdetect tells Hindi, Marathi and Nepali apart


@lru_cache(maxsize=1)
def _vote_table() -> tuple[dict[str, tuple[tuple[int, float], ...]], tuple[str, ...]]:
    """word -> ((language index, weight), ...) over :data:`VOTING_LANGUAGES`' stoplists."""
    owners: dict[str, list[int]] = {}
    for index, lang in enumerate(VOTING_LANGUAGES):
        for word in stopwords(lang):
            if _WORD.fullmatch(word):
                owners.setdefault(word, []).append(index)
    table = {word: tuple((i, 1.0 / len(langs)) for i in langs) for word, langs in owners.items()}
    return table, VOTING_LANGUAGES


def stopword_scores(text: str) -> dict[str, float]:
    """Each voting language's share-weighted stopword score on ``text`` (non-zero only):
    every lower-case word of two letters or more listed by *k* voting stoplists adds 1/*k*
    to each of them."""
    table, languages = _vote_table()
    scores = [0.0] * len(languages)
    get = table.get
    for word in _LOWER_WORD.findall(text):
        entry = get(word.casefold())
        if entry is not None:
            for index, weight in entry:
                scores[index] += weight
    return {languages[i]: score for i, score in enumerate(scores) if score}


def _stopword_vote(text: str) -> str | None:
    scores = stopword_scores(text)
    if not scores:
        return None
    ranked = sorted(scores.items(), key=lambda item: (-item[1], VOTING_LANGUAGES.index(item[0])))
    best_lang, best = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    if best >= VOTE_SCORE_MIN and best >= VOTE_MARGIN * second:
        return best_lang
    return None


@lru_cache(maxsize=1)
def _factory() -> Any:
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

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
