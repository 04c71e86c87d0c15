"""Attribution lines: photo credits, source attributions and copyright footers."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

import regex

from ..features import ends_sentence
from ..labels import Category, Confidence, Label, Mark
from ..patterns import compile_pattern, search
from .base import Finding, ScanContext, single
from .names import after_opener, function_words, grammar_words, names_follow, small_words

#: First words (of keys) of wire-story slugs: the Associated Press's 'AP-' and 'BC-'.
WIRE_SLUG_SERVICES = ("ap", "bc")
#: Longest slug line, in words.
WIRE_SLUG_WORDS_MAX = 8
#: A slug: the service and region codes, a double hyphen, hyphenated keywords, then an
#: optional version ('4th Ld-Writethru') and word count.
_WIRE_SLUG = regex.compile(
    r"(?:AP|BC)-[A-Z]{2,4}--[\p{L}\p{N}][\p{L}\p{N}'&. -]*?"
    r"(?:,\s*\d{1,2}(?:st|nd|rd|th)\s+Ld-Writethru|,\s*Advisory|,\s*Correction)?"
    r"(?:,\s*\d{1,5})?",
    regex.V1)
#: Longest photo credit opened by 'Photo:' and the like, in words (captions included).
CREDIT_WORDS_MAX = 40
#: Longest credit told by the names after its opener alone ('Foto de Juan Pérez'), in words.
NAMED_CREDIT_WORDS_MAX = 8
#: An opener this short before a period is an abbreviation ('Fot.', 'Abb.'); a longer one
#: ends a sentence of its own ('Foto. Ein Tag am Meer').
ABBREVIATION_CHARS_MAX = 3
#: Longest line that an agency name alone marks as a credit, in words.
AGENCY_LINE_WORDS_MAX = 10
#: Shorter lines need no credit mark around the agency name ('Getty Images').
AGENCY_ALONE_WORDS_MAX = 3
#: Longest gallery counter line ('Image 1 of 8'), in words.
GALLERY_WORDS_MAX = 5
#: Longest source attribution, in words.
SOURCE_WORDS_MAX = 14
#: Longest 'Via The Verge' attribution without a colon, in words.
VIA_WORDS_MAX = 6
#: Longest copyright footer, in words.
COPYRIGHT_WORDS_MAX = 30

#: A reference list needs at least this many lines that read as citations...
REFERENCE_CITATIONS_MIN = 2
#: ...may open with this many other lines (an editorial note: 'All articles are reviewed
#: by our fact-checkers')...
REFERENCE_NOTE_LINES_MAX = 1
#: ...and may hold single other lines between citations (a citation wrapped over two).
REFERENCE_GAP_LINES_MAX = 1
#: Longest citation, in words.
CITATION_WORDS_MAX = 80
#: A citation's number opening its line ('[3] Perez, A. (2020)...') and the same number
#: cited inside a sentence ('...as the ash borer showed [3].').
_NUMBERED_CITATION = regex.compile(r"^\s*\[(\d{1,3})\]", regex.V1)
_CITED_NUMBER = regex.compile(r"(?<=\S\s?)\[(\d{1,3})\]", regex.V1)
#: What makes a line read as a citation: a web address, a footnote's return arrow, or a
#: year ('Community Coll J Res Pract 2007;31:703-19').
_CITATION = regex.compile(r"https?://|\bwww\.|↩|\b(?:1[5-9]|20)\d\d\b", regex.V1)

#: Dashes, which may follow an opener such as 'Photo' or 'Source'...
DASHES = "–—-"
#: ...as these characters may.
COLONS = ":：|/" + DASHES
#: Characters that tie an agency name to a credit ('/ Getty Images', '(AP Photo)').
CREDIT_MARKS = "/|()©[]"
#: How copyright notices begin, as keys.
COPYRIGHT_OPENERS = ("©", "ⓒ", "c)", "copyright", "copr")
#: Copyright signs looked up anywhere in a short line.
COPYRIGHT_SIGNS = "©ⓒ"
#: How many words after 'Copyright' may come before its year ('Copyright Example 2019').
COPYRIGHT_YEAR_WITHIN = 4
#: A registration or tax number: six digits or more, single spaces, dots, slashes or
#: hyphens between them ('83.102.459/0001-23', 'GB 716 6328 31').
_REGISTRATION_NUMBER = regex.compile(r"\d(?:[ ./-]?+\d){5,}+", regex.V1)


def _names_after_dash(line: str, rest: str) -> bool:
    """Whether what follows an opener's separator can be a credit. A dash also joins a
    subject to what is said of it ('Фото — это способ остановить время.'): after a dash,
    a sentence that goes on in lower case is no credit ('Фото — ТАСС', 'Photo – courtesy
    of the family' are). After any other separator, anything can be."""
    if rest[:1] not in DASHES:
        return True
    _, _, after = line.partition(rest[0])
    return not (after.lstrip()[:1].islower() and ends_sentence(line))


def _names_credited(line: str, opener: str, rest: str, connectors: frozenset[str],
                    small: frozenset[str], grammar: frozenset[str]) -> bool:
    """Whether names follow an opener that ends in a connector ('Foto de Juan Pérez',
    'Bild von Anna Müller') or an abbreviation's period ('Fot. Jan Kowalski'), with no
    separator: 'Foto de familia' and 'Bild von Berlin' are no credits."""
    if rest.startswith(". ") and len(opener) <= ABBREVIATION_CHARS_MAX:
        after = line.split(".", 1)[1]
    elif " " in opener and opener.rsplit(" ", 1)[1] in connectors:
        after = after_opener(line, opener)
    else:
        return False
    return names_follow(after, small, grammar)


@dataclass(frozen=True)
class PhotoCreditRule:
    """Photo and image credits ('Photo: Reuters', 'Image credit: NASA', '/ Getty Images')."""

    name: str = "photo_credit"
    category: Category = Category.PHOTO_CREDIT
    description: str = "photo and image credits ('Photo: Reuters', '(AP Photo/Jane Doe)')"
    anchor_sections: tuple[str, ...] = ("photo_agency",)

    def scan(self, ctx: ScanContext) -> Iterator[Finding]:
        doc, table = ctx.doc, ctx.table
        marked: set[int] = set()
        agencies = tuple(f"{agency} " for agency in ctx.lexicon.phrases("photo_agency"))
        small = small_words(ctx.lexicon)
        connectors = function_words(ctx.lexicon, ctx.language)
        grammar = grammar_words(ctx.lexicon, ctx.language)
        for index, opener in table.lines_opening_with(ctx.lexicon.phrases("photo_credit_prefix")):
            rest = table.keys[index][len(opener):].lstrip(" ")
            credited = ((rest[:1] in tuple(COLONS) and _names_after_dash(doc.lines[index], rest))
                        or opener.endswith(" by") or rest.startswith("by ")
                        or f"{rest} ".startswith(agencies)  # 'Image copyright Getty Images'
                        or (table.words[index] <= NAMED_CREDIT_WORDS_MAX
                            and _names_credited(doc.lines[index], opener, rest, connectors,
                                                small, grammar)))
            if table.words[index] <= CREDIT_WORDS_MAX and credited:
                marked.add(index)
                yield single(index, self.name, self.category, Confidence.STRONG,
                             f"the line opens with “{opener}”")
        for index, agency in table.lines_containing(ctx.lexicon.phrases("photo_agency")):
            line = doc.lines[index]
            count = table.words[index]
            if index in marked or count > AGENCY_LINE_WORDS_MAX:
                continue
            if count > AGENCY_ALONE_WORDS_MAX and not any(c in line for c in CREDIT_MARKS):
                continue
            yield single(index, self.name, self.category, Confidence.LIKELY,
                         f"a short line naming “{agency}”")


@dataclass(frozen=True)
class SourceAttributionRule:
    """Source attributions ('Source: Bloomberg', 'Via: The Verge', 'Quelle: dpa')."""

    name: str = "source_attribution"
    category: Category = Category.SOURCE
    description: str = "source attributions ('Source: Bloomberg', 'Via The Verge')"

    def scan(self, ctx: ScanContext) -> Iterator[Finding]:
        doc, table = ctx.doc, ctx.table
        for index, opener in table.lines_opening_with(ctx.lexicon.phrases("source_prefix")):
            key = table.keys[index]
            rest = key[len(opener):].lstrip(" ")
            if rest[:1] and rest[0] in COLONS and rest[1:].strip() \
                    and _names_after_dash(doc.lines[index], rest) \
                    and table.words[index] <= SOURCE_WORDS_MAX:
                yield single(index, self.name, self.category, Confidence.STRONG,
                             f"the line opens with “{opener}:”")
            elif opener == "via" and table.words[index] <= VIA_WORDS_MAX:
                after = doc.lines[index].split(None, 1)[1:] or [""]
                if after[0][:1].isupper():
                    yield single(index, self.name, self.category, Confidence.LIKELY,
                                 "a short line opening with “Via”")


@dataclass(frozen=True)
class ReferenceListRule:
    """The list of sources or footnotes closing an article: a heading ('References',
    'Article Sources', 'Footnotes', 'Quellen') followed by lines that read as citations
    (web addresses, years, footnote arrows). A list whose numbers the article cites in
    its text ('[3]') is the article's own bibliography, and stays."""

    name: str = "reference_list"
    category: Category = Category.SOURCE
    description: str = (
        "reference and footnote lists after the article ('References', 'Article Sources:' "
        "followed by citations or web addresses)"
    )

    def scan(self, ctx: ScanContext) -> Iterator[Finding]:
        if ctx.forum:
            return  # a post may list its sources; the thread is the content
        table = ctx.table
        headings = list(table.lines_with_key(ctx.lexicon.words("reference_heading")))
        if not headings:
            return
        order, rank = ctx.doc.content, ctx.doc.content_rank
        scanned = 0  # the non-blank lines before this position were read for an earlier list
        first_cited: dict[str, int] | None = None
        for heading, phrase in headings:
            after = rank[heading]  # the heading's position in ``order`` plus one
            if after <= scanned:
                continue  # inside the list of an earlier heading
            last, scanned = _reference_run(ctx, order, after)
            if last is None or table.prose_after(last) > table.prose_before(heading):
                continue  # no citations, or not after the article
            if first_cited is None:
                first_cited = _first_citations(ctx)
            if _cited_by_the_text(ctx, heading, last, first_cited):
                continue  # the article's own bibliography
            yield Mark(heading, last, Label(self.name, self.category, Confidence.LIKELY,
                                            f"a list of citations under “{phrase}”"))


def _first_citations(ctx: ScanContext) -> dict[str, int]:
    """Number -> the first line that cites it as '[n]' inside its text (one reading of
    the document)."""
    first: dict[str, int] = {}
    for index, line in enumerate(ctx.doc.lines):
        if "[" in line:
            for found in _CITED_NUMBER.finditer(line):
                first.setdefault(found.group(1), index)
    return first


def _cited_by_the_text(ctx: ScanContext, heading: int, last: int,
                       first_cited: dict[str, int]) -> bool:
    """Whether a line before ``heading`` cites, as '[n]', a number that opens one of the
    citation lines after it (``first_cited``: :func:`_first_citations`)."""
    lines = ctx.doc.lines
    for index in range(heading + 1, last + 1):
        found = search(_NUMBERED_CITATION, lines[index], ctx.timeout)
        if found is not None and first_cited.get(found.group(1), heading) < heading:
            return True
    return False


def _reference_run(ctx: ScanContext, order: list[int], start: int) -> tuple[int | None, int]:
    """The last line of the citations from rank ``start`` of the non-blank lines ``order``
    on (``None`` when fewer than :data:`REFERENCE_CITATIONS_MIN`), and the rank where the
    reading stopped: each line is read for one heading at most, so the rule stays linear."""
    table, lines = ctx.table, ctx.doc.lines
    citations, others, last = 0, 0, None
    position = start
    while position < len(order):
        index = order[position]
        position += 1
        if table.words[index] <= CITATION_WORDS_MAX \
                and search(_CITATION, lines[index], ctx.timeout) is not None:
            citations, others, last = citations + 1, 0, index
            continue
        others += 1
        if others > (REFERENCE_NOTE_LINES_MAX if citations == 0 else REFERENCE_GAP_LINES_MAX):
            break
    return (last if citations >= REFERENCE_CITATIONS_MIN else None), position


@dataclass(frozen=True)
class WireSlugRule:
    """The slug line of a wire story ('AP-US--Trump-Impeachment, 4th Ld-Writethru',
    'BC-EU--Britain-Brexit-Election'), which syndicated copies often carry."""

    name: str = "wire_slug"
    category: Category = Category.SOURCE
    description: str = "wire-story slug lines ('AP-US--Trump-Impeachment, 4th Ld-Writethru')"

    def scan(self, ctx: ScanContext) -> Iterator[Finding]:
        table = ctx.table
        for service in WIRE_SLUG_SERVICES:
            for index in table.by_first_word.get(service, ()):
                line = ctx.doc.lines[index].strip()
                if table.words[index] <= WIRE_SLUG_WORDS_MAX \
                        and _WIRE_SLUG.fullmatch(line) is not None:
                    yield single(index, self.name, self.category, Confidence.STRONG,
                                 "a wire-story slug line")


@dataclass(frozen=True)
class CopyrightRule:
    """Copyright footers ('© 2024 Example Media. All rights reserved.')."""

    name: str = "copyright_footer"
    category: Category = Category.COPYRIGHT
    description: str = (
        "copyright footers ('© 2024 Example Media', 'All rights reserved') and the legal "
        "footer that gives a company's registration number ('Company No. 3676192', 'CNPJ: "
        "83.102.459/0001-23')"
    )
    anchor_sections: tuple[str, ...] = ("copyright", "company_register")

    def scan(self, ctx: ScanContext) -> Iterator[Finding]:
        table = ctx.table
        # line index -> why it is a candidate, and the most words it may have
        longest = dict.fromkeys(table.lines_with_symbol(COPYRIGHT_SIGNS), COPYRIGHT_WORDS_MAX)
        candidates = dict.fromkeys(longest, "a short line containing a copyright sign")
        for index, phrase in table.lines_containing(ctx.lexicon.phrases("copyright")):
            candidates.setdefault(index, f"a line containing “{phrase}”")
            # legal notices run long ('This copy is for your personal, non-commercial use...')
            longest[index] = max(COPYRIGHT_WORDS_MAX, ctx.thresholds.disclaimer_words_max)
        for index, opener in table.lines_opening_with(COPYRIGHT_OPENERS):
            rest = table.keys[index][len(opener):].lstrip(" ©ⓒ")
            if rest[:1].isdigit() or rest.startswith("by ") or opener in COPYRIGHT_SIGNS \
                    or (_year_follows(rest) and not table.prose[index]):
                candidates[index] = "the line opens with a copyright notice"
                longest.setdefault(index, COPYRIGHT_WORDS_MAX)
        for index in sorted(candidates):
            if table.words[index] <= longest[index]:
                yield single(index, self.name, self.category, Confidence.STRONG,
                             candidates[index])
        yield from self._registration_numbers(ctx, candidates)

    def _registration_numbers(self, ctx: ScanContext, taken: dict[int, str]) -> Iterator[Finding]:
        """Lines that give a company's registration or tax number after its label. A
        sentence that does ('... M2N Limited, company number 03997482, registered in
        England and Wales.') is LIKELY: a report on a company may quote its number."""
        table = ctx.table
        longest = ctx.thresholds.disclaimer_words_max
        for index, label in table.lines_containing(ctx.lexicon.phrases("company_register")):
            if index in taken or table.words[index] > longest:
                continue
            key = table.keys[index]
            if _REGISTRATION_NUMBER.search(key, key.find(label)) is None:
                continue
            confidence = Confidence.LIKELY if table.prose[index] else Confidence.STRONG
            yield single(index, self.name, self.category, confidence,
                         f"a company's registration number after “{label}”")


@dataclass(frozen=True)
class GalleryMarkerRule:
    """Image-gallery widgets: 'Caption', 'Enlarge this image', 'Image 1 of 8', '1 / 8'."""

    name: str = "gallery_marker"
    category: Category = Category.PHOTO_CREDIT
    description: str = "image-gallery widgets ('Caption', 'Enlarge this image', 'Image 1 of 8')"

    def scan(self, ctx: ScanContext) -> Iterator[Finding]:
        table = ctx.table
        for index, phrase in table.lines_with_key(ctx.lexicon.words("gallery_marker")):
            yield single(index, self.name, self.category, Confidence.LIKELY,
                         f"the line is “{phrase}”")
        counter = _counter_pattern(ctx.lexicon.phrases("gallery_of"))
        for index in table.short_digit_lines:
            key = table.keys[index]  # a counter ends with its figure
            if table.words[index] <= GALLERY_WORDS_MAX and key[-1:].isdigit() \
                    and search(counter, key, ctx.timeout):
                yield single(index, self.name, self.category, Confidence.LIKELY,
                             "a gallery counter ('1 of 8')")


def _year_follows(rest: str) -> bool:
    """Whether a year (1900-2099) is among the first words of ``rest``
    ('inexhibit 2019 - issn' after 'copyright')."""
    for word in rest.split(" ", COPYRIGHT_YEAR_WITHIN)[:COPYRIGHT_YEAR_WITHIN]:
        word = word.strip(".,;:-–()")
        if len(word) == 4 and word.isdigit() and word[:2] in ("19", "20"):
            return True
    return False


@lru_cache(maxsize=16)
def _counter_pattern(words: tuple[str, ...]) -> regex.Pattern[str]:
    joiner = "|".join(regex.escape(w) for w in words) or "(?!)"
    return compile_pattern(
        f"^(?:[^\\W\\d]++ )?\\d{{1,3}} ?(?:(?:{joiner})\\b|/) ?/?\\d{{1,3}}$"
    )


PHOTO_CREDIT = PhotoCreditRule()
GALLERY_MARKER = GalleryMarkerRule()
SOURCE_ATTRIBUTION = SourceAttributionRule()
REFERENCE_LIST = ReferenceListRule()
WIRE_SLUG = WireSlugRule()
COPYRIGHT_FOOTER = CopyrightRule()
