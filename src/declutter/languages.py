"""The languages ``lang=`` / ``--lang`` accepts: codes, and English names mapped to codes.

A language has its own lexicon (:func:`declutter.lexicon.available_languages`: phrase
lists for its boilerplate), or is one declutter detects and reads with the English
lexicon and its own stopwords or script. Anything else is an error that lists them, so
that a typo (``--lang xx``) or a name (``--lang english``, accepted as ``en``) never
silently changes the result.
"""

from __future__ import annotations

from functools import lru_cache

from .errors import DeclutterError
from .features import STOPLIST_NAMES, UNSPACED_LANGUAGES
from .langid import SCRIPT_LANGUAGES
from .lexicon import available_languages

#: Languages detection may return beyond the stopword and script tables (langdetect's
#: profiles, and the Arabic-script and Devanagari languages told apart by their letters).
DETECTED_LANGUAGES = frozenset({
    "af", "ar", "bg", "cy", "et", "fa", "hi", "ja", "lt", "lv", "mk", "mr", "ne", "so",
    "sq", "sw", "tl", "ur", "vi", "zh",
})
#: English (and a few native) names of languages, lower case -> code.
LANGUAGE_NAMES = {
    **{name.lower(): code for code, name in STOPLIST_NAMES.items()},
    "norwegian": "no", "chinese": "zh", "japanese": "ja", "korean": "ko", "arabic": "ar",
    "hebrew": "he", "hindi": "hi", "persian": "fa", "farsi": "fa", "urdu": "ur",
    "thai": "th", "vietnamese": "vi", "bulgarian": "bg", "estonian": "et",
    "latvian": "lv", "lithuanian": "lt", "macedonian": "mk", "albanian": "sq",
    "swahili": "sw", "welsh": "cy", "afrikaans": "af", "bengali": "bn", "tamil": "ta",
    "deutsch": "de", "français": "fr", "francais": "fr", "español": "es", "espanol": "es",
    "italiano": "it", "português": "pt", "portugues": "pt", "nederlands": "nl",
    "polski": "pl", "русский": "ru", "中文": "zh",
}


class UnknownLanguageError(DeclutterError, ValueError):
    """``lang`` (``--lang``) names no language declutter knows; the message lists them."""


@lru_cache(maxsize=1)
def known_languages() -> tuple[str, ...]:
    """Every language code ``lang`` accepts, sorted."""
    return tuple(sorted(set(available_languages()) | set(STOPLIST_NAMES)
                        | set(SCRIPT_LANGUAGES.values()) | UNSPACED_LANGUAGES
                        | DETECTED_LANGUAGES))


def language_code(value: str) -> str:
    """The code of ``value``: a known code (any case, ``pt-BR`` is ``pt``) or an English
    name (``"english"`` is ``"en"``).

    >>> language_code("English"), language_code("pt-BR"), language_code("de")
    ('en', 'pt', 'de')

    :raises UnknownLanguageError: for anything else, listing the known languages.
    """
    lowered = value.strip().lower().replace("_", "-")
    code = LANGUAGE_NAMES.get(lowered, lowered.split("-")[0])
    if code in known_languages():
        return code
    lexicons = ", ".join(available_languages())
    others = ", ".join(c for c in known_languages() if c not in available_languages())
    raise UnknownLanguageError(
        f"unknown language {value!r}; with their own lexicon: {lexicons}; also known "
        f"(English lexicon): {others}; or leave it out to detect the language")
