"""Everything computed from one line's text alone, in one function.

The line table (:mod:`declutter.table`), the learned decision's features
(:mod:`declutter.line_features`) and the page-kind judgement (:mod:`declutter.page_kind`)
all read facts of single lines: the line's words, whether it reads as prose, its key, its
shape (length, sentence end, stopword, capital, digit and symbol shares), its content
words, whether it could be a menu entry. :func:`line_facts` computes them together, from
one split and one case-folding of the line, so that each distinct line of a run is read
once (:class:`declutter.memo.LineMemo` remembers its facts for later passes). What it
returns depends only on the line's text and on the pass's language (its stoplist, and
whether it is written without spaces) and prose threshold, and on the anchor words of
the phrases the rules look for inside lines (:attr:`LineFacts.anchors`).
"""

from __future__ import annotations

import math
import re
from itertools import compress, repeat
from operator import itemgetter
from typing import NamedTuple

import regex

from .features import (
    COLONS, SENTENCE_END, WORD_EDGE, ends_sentence, is_menu_entry, is_prose, list_marker,
)
from .keys import EDGE_CHARS, folded_key

#: Lines longer than this (in characters) get no key: no phrase rule looks at them.
KEY_CHARS_MAX = 1000
#: Lines shorter than this are never prose.
PROSE_CHARS_MIN = 40
#: Unspaced scripts (Chinese, Japanese...): shorter prose lines exist.
PROSE_CHARS_MIN_UNSPACED = 16
#: The most words a menu entry has (checked before the finer test).
MENU_WORDS_MAX = 4
#: Words shorter than this do not count among a line's content words.
CONTENT_WORD_CHARS_MIN = 3
#: Lines with more words than this are running text: no anchor is looked for in them.
ANCHOR_LINE_WORDS_MAX = 120
#: A run of katakana counts one word per this many characters (loanwords, names).
KATAKANA_RUN_CHARS = 6
#: Punctuation that may cling to a token around an anchor word.
TOKEN_PUNCTUATION = "()[]\"'“”«»¿¡.,:;!?…"
#: Longest key (characters) of a short digit line (:attr:`LineFacts.short_digit`).
DIGIT_LINE_CHARS_MAX = 200
#: Characters that price a product in most currencies.
CURRENCY = "$€£¥₹₽₩"
_CURRENCY_CHARS = frozenset(CURRENCY)

#: The scripts written without spaces other than Chinese and Japanese.
_SOUTHEAST_ASIAN = r"\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}"
_UNSPACED_CHAR = regex.compile(
    rf"[\p{{Han}}\p{{Hiragana}}\p{{Katakana}}{_SOUTHEAST_ASIAN}]", regex.V1)

#: For counting words in unspaced scripts: a run of katakana (with its prolonged sound
#: mark), a character of the other unspaced scripts (with the marks they share, such as
#: the iteration mark), and a run of letters or digits of any other script.
_KATAKANA_RUN = regex.compile(r"[\p{scx=Katakana}--\p{P}]+", regex.V1)
_SCRIPT_CHAR = regex.compile(
    rf"[[\p{{scx=Han}}\p{{scx=Hiragana}}{_SOUTHEAST_ASIAN}]--[\p{{P}}\p{{scx=Katakana}}]]",
    regex.V1)
_OTHER_WORD = regex.compile(
    rf"[[\p{{L}}\p{{N}}]--[\p{{scx=Han}}\p{{scx=Hiragana}}\p{{scx=Katakana}}{_SOUTHEAST_ASIAN}]]+",
    regex.V1)

#: Every script of :data:`_UNSPACED_CHAR` lies at or above this code point.
_UNSPACED_FROM = "\u0e00"
#: ASCII characters that are not letters or digits, digits, whitespace (as ``str``
#: methods tell), for counting by deletion.
_ASCII_NOT_ALNUM = bytes(c for c in range(128) if not chr(c).isalnum())
_ASCII_NOT_DIGIT = bytes(c for c in range(128) if not chr(c).isdigit())
_ASCII_NOT_SPACE = bytes(c for c in range(128) if not chr(c).isspace())
_NON_ASCII = re.compile("[^\x00-\x7f]+")
_DIGIT = regex.compile(r"\d", regex.V1)
_FIRST_CHAR = itemgetter(0)
_CONTENT_LENGTH = CONTENT_WORD_CHARS_MIN.__le__


def unspaced(char: str) -> bool:
    """Whether ``char`` belongs to a script written without spaces (Han, kana, Thai...),
    where phrases need no word boundary."""
    return bool(char) and char >= _UNSPACED_FROM and _UNSPACED_CHAR.match(char) is not None


def char_counts(text: str) -> tuple[int, int, int]:
    """How many characters of ``text`` are letters or digits, digits, and whitespace
    (``str.isalnum``, ``str.isdigit``, ``str.isspace``): the ASCII ones are counted by
    deletion from the encoded text, the others one by one.

    >>> char_counts("Route 66 – 2 km")
    (10, 3, 4)
    """
    ascii_part = text.encode("ascii", "ignore")
    alnum = len(ascii_part.translate(None, _ASCII_NOT_ALNUM))
    digits = len(ascii_part.translate(None, _ASCII_NOT_DIGIT))
    spaces = len(ascii_part.translate(None, _ASCII_NOT_SPACE))
    if len(ascii_part) != len(text):
        other = "".join(_NON_ASCII.findall(text))
        alnum += sum(map(str.isalnum, other))
        digits += sum(map(str.isdigit, other))
        spaces += sum(map(str.isspace, other))
    return alnum, digits, spaces


class LineFacts(NamedTuple):
    """What one line's text alone says (see the module docstring).

    :param words: the line's number of whitespace-separated words.
    :param prose: the line's length when it reads as article prose, else 0.
    :param key: the line's key (:func:`declutter.keys.line_key`; ``""`` for blank lines
        and lines over :data:`KEY_CHARS_MAX` characters).
    :param first_word: the key's first word, without edge punctuation.
    :param first_char: the key's first character when it opens in an unspaced script.
    :param menu_like: whether the line could be a menu entry (a few words,
        :func:`declutter.features.is_menu_entry`).
    :param shape: the learned decision's features of the stripped line alone: the
        ``log1p`` of its length, whether it ends a sentence, and its shares of stopwords,
        capitalised words, digits and symbols.
    :param page_shape: what the page-kind judgement counts of the stripped line: its
        length; whether it ends a sentence, holds a digit, a currency sign, opens with a
        list marker, ends with a question mark, holds a colon; and its symbols (neither
        letters, digits nor spaces).
    :param content_words: the words that carry meaning: case-folded, stripped of edge
        punctuation, at least :data:`CONTENT_WORD_CHARS_MIN` characters, not stopwords.
    :param anchors: the anchor words (of spaced scripts) that the key holds as tokens,
        bare or with punctuation attached ('cookies.', '(via'), for keys of at most
        :data:`ANCHOR_LINE_WORDS_MAX` words (:attr:`declutter.table.LineTable.anchor_hits`).
    :param short_digit: whether the key holds a digit and has at most
        :data:`DIGIT_LINE_CHARS_MAX` characters (a candidate for dates, counts,
        quantities and numbered steps: :attr:`declutter.table.LineTable.short_digit_lines`).
    """

    words: int
    prose: int
    key: str
    first_word: str
    first_char: str
    menu_like: bool
    shape: tuple[float, float, float, float, float, float]
    page_shape: tuple[int, bool, bool, bool, bool, bool, bool, int]
    content_words: frozenset[str]
    anchors: tuple[str, ...]
    short_digit: bool


#: Where :attr:`LineFacts.page_shape` says whether the line holds a digit.
HOLDS_DIGIT = 2

#: The facts of an empty or whitespace-only line.
BLANK = LineFacts(0, 0, "", "", "", False, (0.0, 0.0, 0.0, 0.0, 0.0, 0.0),
                  (0, True, False, False, False, False, False, 0), frozenset(), (), False)


def line_facts(line: str, stop: frozenset[str], unspaced_language: bool, prose_min: int,
               prose_words_min: int, anchor_forms: frozenset[str] = frozenset(),
               chars_per_word: float = 0.0) -> LineFacts:
    """The :class:`LineFacts` of ``line`` for a pass whose language has the stoplist
    ``stop`` (``unspaced_language``: written without spaces, where ``chars_per_word``
    characters of its script make about one word), where prose lines have at least
    ``prose_min`` characters and ``prose_words_min`` words, and the anchors are found
    by their token forms ``anchor_forms``."""
    if not line or line.isspace():
        return BLANK
    tokens = line.split()
    # case-folding commutes with splitting and with stripping WORD_EDGE (checked over
    # every code point), so the line is folded once rather than token by token
    folded_line = line.casefold()
    folded = list(map(str.strip, folded_line.split(), repeat(WORD_EDGE)))
    stop_hits = sum(map(stop.__contains__, folded))
    count = len(tokens)
    length = len(line)
    prose = length if length >= prose_min and is_prose(
        line, tokens, stop, unspaced_language, prose_words_min, stop_hits) else 0
    key = first_word = first_char = ""
    if length <= KEY_CHARS_MAX:
        key = folded_key(folded_line)
        if key:
            first_word = key.split(" ", 1)[0].rstrip(EDGE_CHARS)
            first_char = key[0] if unspaced(key[0]) else ""
    stripped = line.strip()
    size = len(stripped)
    alnum, digits, spaces = char_counts(stripped)
    word_count = max(count, 1)
    chars = max(size, 1)
    shape = (
        math.log1p(size),
        float(ends_sentence(stripped)),
        stop_hits / word_count,
        sum(map(str.isupper, map(_FIRST_CHAR, tokens))) / word_count,
        digits / chars,
        (size - alnum - spaces) / chars,
    )
    page_shape = (
        size,
        stripped[-1:] in SENTENCE_END,
        digits > 0,
        not _CURRENCY_CHARS.isdisjoint(stripped),
        list_marker(stripped) is not None,
        stripped.endswith("?"),
        any(colon in stripped for colon in COLONS),
        size - alnum - stripped.count(" "),
    )
    content = frozenset(compress(folded, map(_CONTENT_LENGTH, map(len, folded)))).difference(stop)
    words = unspaced_words(tokens, chars_per_word) if chars_per_word else count
    menu_like = 0 < words <= MENU_WORDS_MAX and is_menu_entry(line)
    anchors = (anchors_in(anchor_forms, key)
               if key and words <= ANCHOR_LINE_WORDS_MAX and anchor_forms else ())
    # a digit of the key is one of the line's (case folding makes none)
    short_digit = (digits > 0 and len(key) <= DIGIT_LINE_CHARS_MAX
                   and _DIGIT.search(key) is not None)
    return LineFacts(words, prose, key, first_word, first_char, menu_like, shape,
                     page_shape, content, anchors, short_digit)


def unspaced_words(tokens: list[str], chars_per_word: float) -> int:
    """How many words ``tokens`` hold in a language written without spaces: a token in
    its script counts one word per ``chars_per_word`` of its characters in that script,
    one per run of katakana (loanwords: 'プライバシーポリシー' is two words, one run a
    word at most :data:`KATAKANA_RUN_CHARS` characters long) and one per run of other
    letters or digits in it ('2026年3月', 'iPhone的'), one at least; any other token one."""
    words = 0
    for token in tokens:
        script = len(_SCRIPT_CHAR.findall(token))
        katakana = sum(-(-len(run) // KATAKANA_RUN_CHARS) for run in _KATAKANA_RUN.findall(token))
        if script or katakana:
            words += max(1, round(script / chars_per_word) + katakana
                         + len(_OTHER_WORD.findall(token)))
        else:
            words += 1
    return words


def anchors_in(forms: frozenset[str], key: str) -> tuple[str, ...]:
    """The anchors of the tokens of ``key`` among the anchors' token ``forms``."""
    found = forms.intersection(key.replace("/", " ").replace("|", " ").split())
    return tuple([variants_anchor(token) for token in found]) if found else ()


def variants_anchor(token: str) -> str:
    """The anchor inside a token found among the anchors' token forms."""
    return token.strip(TOKEN_PUNCTUATION)
