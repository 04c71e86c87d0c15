"""Author lines: bylines ('By John Smith', 'Written by Jane Doe | Reuters'), contact lines
('Write to Jane Doe at jane@example.com') and the biography that closes a text ('Jane Doe
is the health editor at Example.')."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

import regex

from ..features import UNSPACED_LANGUAGES, ends_sentence, stopwords
from ..labels import Category, Confidence
from ..patterns import compile_pattern, finditer, trie_alternation
from ..table import LineTable
from .base import Finding, ScanContext, single
from .dates import is_bare_date
from .names import after_opener, grammar_words, names_follow, small_words

#: Longest byline, in words.
BYLINE_WORDS_MAX = 14
#: Longest credit line listing several roles ('Reporting by A; Editing by B'), in words.
CREDITS_WORDS_MAX = 40
#: Bylines up to this many words are STRONG; longer ones LIKELY.
BYLINE_WORDS_STRONG = 9
#: Longest 'Robert Burns, AP Staff Writer' line, in words.
SUFFIXED_WORDS_MAX = 10
#: Longest contact line ('Email Jane Doe at jane@example.com or follow her @jdoe'), in words.
CONTACT_WORDS_MAX = 40
#: Punctuation around an address in running text.
ADDRESS_EDGES = ".,;:!?()[]<>\"'“”‘’"
#: An author's biography is looked for among this many last lines of the text that no
#: rule before labelled...
BIO_TAIL_LINES = 4
#: ...and opens with a name of at most this many words ('Jane Doe is a staff writer...').
BIO_NAME_WORDS_MAX = 3
#: Short lines just before a biography ('About the author', 'Jane Doe', 'Staff Writer')
#: go with it, up to this many, each of at most BIO_HEADER_WORDS_MAX words.
BIO_HEADER_LINES = 2
BIO_HEADER_WORDS_MAX = 4
#: Words that may stand, after a comma, between the name and the verb of a biography
#: ('Jane Doe, Editor, Running Reviews, studied journalism at NYU').
BIO_APPOSITION_WORDS_MAX = 8
#: Punctuation around a word of a biography ('Doe,', '(Example)').
WORD_EDGES = ",.;:()’'\""
#: In scripts without letter case (Chinese, Japanese), a name after the opener is told by
#: its length instead: one to NAMES_MAX names of NAME_CHARS characters each, after a
#: separator ('作者：张三', '记者 王磊 李明'); without one the opener opens a word
#: ('作者简介', '编辑推荐').
NAME_CHARS = (2, 6)
NAMES_MAX = 4
_OPENER_SEPARATOR = regex.compile(r"^[ \t]*[:：|｜/／=＝][ \t]*|^[ \t]+", regex.V1)
_NAME_SEPARATOR = regex.compile(r"[ \t、，,/·・]+", regex.V1)
_UNCASED_NAME = regex.compile(r"[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}--\p{P}]+", regex.V1)

#: What may stand between a date and the byline after it ('March 3, 2020 | By Jane Doe').
DATE_BYLINE_SEPARATORS = " \t|·•,;:–—-/"

#: First characters of list items, which are never author lines.
LIST_MARKS = frozenset("-–—•*+")

#: Hosts of profile addresses that the lexicon's platform names leave out ('x.com/jdoe').
PROFILE_HOSTS = frozenset({"x"})
#: A profile's address: a platform's host and one path segment ('twitter.com/jdoe').
_PROFILE_LINK = regex.compile(r"(?:https?://)?(?:www\.|m\.|mobile\.)?(\w+)\.com/@?[\w.-]+/?")



@dataclass(frozen=True)
class BylineRule:
    """Author lines: an opener ('By', 'Written by', 'Author:') followed by names."""

    name: str = "byline"
    category: Category = Category.BYLINE
    description: str = ("author lines ('By John Smith', 'Written by Jane Doe | Reuters', "
                        "'May 3, 2020 by Jane Doe')")
    anchor_sections: tuple[str, ...] = ("byline_suffix",)

    def scan(self, ctx: ScanContext) -> Iterator[Finding]:
        if ctx.forum:
            return  # 'by Jane » Tue Aug 27, 2019' heads a post: content
        doc, table = ctx.doc, ctx.table
        small = small_words(ctx.lexicon)
        grammar = grammar_words(ctx.lexicon, ctx.language)
        uncased = ctx.language in UNSPACED_LANGUAGES
        for index, opener in table.lines_opening_with(ctx.lexicon.phrases("byline_prefix")):
            count = table.words[index]
            line = doc.lines[index]
            longest = CREDITS_WORDS_MAX if ";" in line else BYLINE_WORDS_MAX
            if count > longest or (ends_sentence(line) and count > 4 and ";" not in line):
                continue
            if not (names_follow(after_opener(line, opener), small, grammar)
                    or (uncased and _uncased_names_follow(table.keys[index][len(opener):]))):
                continue
            confidence = Confidence.STRONG if count <= BYLINE_WORDS_STRONG else Confidence.LIKELY
            yield single(index, self.name, self.category, confidence,
                         f"“{opener}” followed by names")
        yield from self._dated(ctx, small, grammar)
        suffixes = ctx.lexicon.words("byline_suffix")
        for index, _ in table.lines_containing(ctx.lexicon.phrases("byline_suffix")):
            if table.words[index] > SUFFIXED_WORDS_MAX or table.prose[index]:
                continue
            words = table.keys[index].split(" ")
            title = next((" ".join(words[-n:]) for n in (3, 2, 1)
                          if len(words) > n and " ".join(words[-n:]) in suffixes), None)
            if title is None:
                continue
            line = doc.lines[index]
            if line.lstrip()[:1] in LIST_MARKS:
                continue
            name = line.split(",")[0] if "," in line else " ".join(line.split()[:-len(title.split())])
            if names_follow(name, small, grammar):
                yield single(index, self.name, self.category, Confidence.LIKELY,
                             f"names followed by the job title “{title}”")

    def _dated(self, ctx: ScanContext, small: frozenset[str],
               grammar: frozenset[str]) -> Iterator[Finding]:
        """Bylines after the date ('November 19, 2019 by Jane Doe', '5:45 AM PST
        11/19/2019 | By Jane Doe'): a date, then an opener and names, and nothing else."""
        doc, table = ctx.doc, ctx.table
        opener_in_line = _opener_pattern(ctx.lexicon.phrases("byline_prefix"))
        for index in table.short_digit_lines:
            if table.prose[index] or table.words[index] > BYLINE_WORDS_MAX:
                continue
            line = doc.lines[index]
            if line.lstrip()[:1] in LIST_MARKS:
                continue
            for found in finditer(opener_in_line, line, ctx.timeout):
                date = line[:found.start()].strip(DATE_BYLINE_SEPARATORS)
                if date and names_follow(line[found.end():], small, grammar) \
                        and is_bare_date(date, ctx.lexicon, ctx.timeout):
                    yield single(index, self.name, self.category, Confidence.LIKELY,
                                 f"a date, then “{found.group().strip()}” and names")
                    break


@lru_cache(maxsize=64)
def _opener_pattern(openers: tuple[str, ...]) -> regex.Pattern[str]:
    """Byline openers standing as words inside a line."""
    return compile_pattern(f"(?<!\\w){trie_alternation(openers)}")


@dataclass(frozen=True)
class ContactLineRule:
    """Contact lines: a contact phrase beside an e-mail address or a handle."""

    name: str = "contact_line"
    category: Category = Category.BYLINE
    description: str = (
        "how to reach the author ('Write to Jane Doe at jane@example.com', "
        "'Email the reporter at ... or follow her @jdoe', 'Reach her at twitter.com/jdoe')"
    )
    anchor_sections: tuple[str, ...] = ("contact_phrase",)

    def scan(self, ctx: ScanContext) -> Iterator[Finding]:
        if ctx.forum:
            return  # posters share addresses as content
        table, lines = ctx.table, ctx.doc.lines
        platforms = ctx.lexicon.words("social_platform") | PROFILE_HOSTS
        for index, phrase in table.lines_containing(ctx.lexicon.phrases("contact_phrase")):
            line = lines[index]
            if table.words[index] <= CONTACT_WORDS_MAX and (
                    ("@" in line and has_address(line)) or has_profile_link(line, platforms)):
                yield single(index, self.name, self.category, Confidence.LIKELY,
                             f"“{phrase}” beside an e-mail address, handle or profile")


@dataclass(frozen=True)
class AuthorBioRule:
    """An author's or company's short biography closing the text."""

    name: str = "author_bio"
    uses_prior: bool = True
    category: Category = Category.BYLINE
    description: str = (
        "an author's or company's biography at the end of the text ('Jane Doe is a staff "
        "writer at Example. She has covered...')"
    )

    def scan(self, ctx: ScanContext) -> Iterator[Finding]:
        if ctx.forum:
            return
        doc, table = ctx.doc, ctx.table
        tail: list[int] = []
        for index in range(len(doc.lines) - 1, -1, -1):
            if doc.blank[index] or ctx.prior.get(index, 0.0) >= Confidence.LIKELY:
                continue
            tail.append(index)
            if len(tail) == BIO_TAIL_LINES:
                break
        tail.reverse()
        verbs = ctx.lexicon.phrases("bio_verb")
        roles = ctx.lexicon.words("bio_role")
        stop = stopwords(ctx.language)
        pronouns = ctx.lexicon.words("bio_pronoun")
        for position, index in enumerate(tail):
            line = doc.lines[index]
            # a line after it that goes on with 'He'/'She' shows a biography without a role
            said_of = frozenset() if position + 1 < len(tail) and _opens_with_pronoun(
                doc.lines[tail[position + 1]], pronouns) else roles
            if not table.prose[index] or not (_opens_biography(line, verbs, said_of, stop)
                                              or _names_itself(doc, index)):
                continue
            name = line.split(None, 1)[0].casefold()
            if not all(_continues(table, doc.lines[later], later, name, pronouns)
                       for later in tail[position + 1:]):
                continue
            header = tail[max(0, position - BIO_HEADER_LINES):position]
            while header and (table.prose[header[0]] or table.words[header[0]] > BIO_HEADER_WORDS_MAX):
                header = header[1:]
            for member in header + tail[position:]:
                yield single(member, self.name, self.category, Confidence.LIKELY,
                             "a biography closing the text")
            return


def _continues(table: LineTable, line: str, index: int, name: str,
               pronouns: frozenset[str]) -> bool:
    """Whether ``line`` may follow a biography as part of it: a short non-sentence line
    ('★★★★★'), or one naming the person again or opening with a pronoun ('She holds...')."""
    if table.words[index] <= BIO_HEADER_WORDS_MAX and not table.prose[index]:
        return True
    return _opens_with_pronoun(line, pronouns) or name in _folded_words(line.split())


def _opens_with_pronoun(line: str, pronouns: frozenset[str]) -> bool:
    """Whether ``line`` opens with a biography's pronoun ('His writing has been ...')."""
    first = _folded_words(line.split(None, 1)[:1])
    return bool(first) and first[0] in pronouns


def _folded_words(words: list[str]) -> list[str]:
    """``words`` case-folded, without the punctuation around them ('Doe,' -> 'doe')."""
    return [w.strip(WORD_EDGES).casefold() for w in words]


def _opens_biography(line: str, verbs: tuple[str, ...], roles: frozenset[str],
                     stop: frozenset[str]) -> bool:
    """Whether ``line`` opens with a name (capitalised words, no stopword) followed by a
    biography verb and names a role ('Jane Doe is the health director at Example.');
    with no ``roles`` given, any line so opened does."""
    words = line.replace("-", " ").split()
    folded = _folded_words(words)
    if roles and not roles.intersection(folded):
        return False
    for size in range(1, BIO_NAME_WORDS_MAX + 1):
        name = words[:size]
        if len(words) <= size or not all(w[:1].isupper() for w in name) \
                or folded[size - 1] in stop:
            return False
        if _verb_at(folded, size, verbs):
            return True
        if words[size - 1].endswith(","):  # 'Jane Doe, Editor, Running Reviews, studied ...'
            return any(words[k - 1].endswith(",") and _verb_at(folded, k, verbs)
                       for k in range(size + 1, min(len(words), size + BIO_APPOSITION_WORDS_MAX + 1)))
    return False


def _verb_at(folded: list[str], start: int, verbs: tuple[str, ...]) -> bool:
    """Whether a biography verb opens the words of ``folded`` from ``start``."""
    rest = " ".join(folded[start:start + 4])
    return any(rest == verb or rest.startswith(verb + " ") for verb in verbs)


def _names_itself(doc, index: int) -> bool:
    """Whether line ``index`` opens with the name that the line before it holds alone
    ('Michelle Lee' above 'Michelle Lee worked in marketing ...'): a biography under its
    author's name, whatever its verbs and roles."""
    position = doc.content_rank[index] - 1
    if position == 0:
        return False
    name = doc.lines[doc.content[position - 1]].strip()
    words = name.split()
    return 2 <= len(words) <= BIO_NAME_WORDS_MAX and all(
        w[:1].isupper() and w.replace(".", "").replace("-", "").isalpha() for w in words) \
        and doc.lines[index].lstrip().startswith(name + " ")


def has_address(line: str) -> bool:
    """Whether ``line`` holds an e-mail address ('jane@example.com') or a handle ('@jdoe').

    >>> has_address("Write to Jane at jane.doe@example.com.")
    True
    >>> has_address("Follow her @jdoe")
    True
    >>> has_address("Prices rose 3 @ 5 dollars")
    False
    """
    for token in line.split():
        token = token.strip(ADDRESS_EDGES)
        at = token.find("@")
        if at < 0:
            continue
        user, _, host = token.partition("@")
        if user and "." in host.strip(".") and host[:1].isalnum():
            return True
        if at == 0 and len(host) >= 2 and host.replace("_", "a").isalnum():
            return True
    return False



def has_profile_link(line: str, platforms: frozenset[str]) -> bool:
    """Whether ``line`` holds the address of a profile on a social platform, a host named
    in ``platforms`` and a single path segment ('http://twitter.com/jdoe').

    >>> has_profile_link("Reach her at http://twitter.com/jdoe.", frozenset({"twitter"}))
    True
    >>> has_profile_link("See twitter.com/jdoe/status/123", frozenset({"twitter"}))
    False
    >>> has_profile_link("Visit https://example.com/jdoe", frozenset({"twitter"}))
    False
    """
    for token in line.split():
        found = _PROFILE_LINK.fullmatch(token.strip(ADDRESS_EDGES))
        if found and found.group(1).casefold() in platforms:
            return True
    return False


def _uncased_names_follow(rest: str) -> bool:
    """Whether ``rest`` (what follows an opener in a script without letter case) is a
    separator, then one to :data:`NAMES_MAX` names of :data:`NAME_CHARS` characters."""
    separator = _OPENER_SEPARATOR.match(rest)
    if separator is None:
        return False
    names = [n for n in _NAME_SEPARATOR.split(rest[separator.end():].strip()) if n]
    return 0 < len(names) <= NAMES_MAX and all(
        NAME_CHARS[0] <= len(n) <= NAME_CHARS[1] and _UNCASED_NAME.fullmatch(n) for n in names)


RULE = BylineRule()
CONTACT_LINE = ContactLineRule()
AUTHOR_BIO = AuthorBioRule()
