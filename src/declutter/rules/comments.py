"""Comment threads: 'Top Rated Comments', user names, '26 months ago', 'Reply', votes.

A thread is a cluster of comment markers. It is noise when article prose precedes it;
with no article before it the thread is the page (a forum), and it stays.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from statistics import median
from typing import Iterator

import regex

from ..features import ends_sentence
from ..labels import Category, Confidence, Label, Mark
from ..lexicon import Lexicon, normalize
from ..patterns import (
    BOL, EDGE, EOL, SEP, compile_pattern, scan_lines, trie_alternation, whole_line_pattern,
)
from .base import Finding, ScanContext
from .dateline import SHORT_WITH_DIGIT
from .dates import is_bare_date

#: Marker kinds, strongest first. Dates alone never make a thread (live blogs have them).
TRIGGER, BUTTON, AGE, COUNT, SAYS, DATE = "heading", "button", "age", "count", "says", "date"
#: Longest comment-count line ('Rating: 12 Votes'), in words.
COUNT_WORDS_MAX = 5
#: Longest 'Name says:' line, in words.
SAYS_WORDS_MAX = 8
#: Short lines just before the first marker that are taken as the first commenter's name.
NAME_LINES_BEFORE = 2
NAME_WORDS_MAX = 4

_TOKEN = regex.compile(r"\w+", regex.V1)
_NUMBER = regex.compile(r"\d+(?:[.,]\d+)?[km]?", regex.V1 | regex.IGNORECASE)


@lru_cache(maxsize=64)
def relative_time_pattern(templates: tuple[str, ...], units: tuple[str, ...]) -> regex.Pattern[str]:
    """Whole lines that are a relative time ('26 months ago', 'vor 3 Tagen')."""
    unit = trie_alternation(units)
    alternatives = [
        f"{SEP}++".join(_template_token(token, unit) for token in template.split())
        for template in templates
    ]
    return compile_pattern(f"{BOL}{EDGE}(?>{'|'.join(alternatives)}){EDGE}{EOL}")


def _template_token(token: str, unit: str) -> str:
    pieces = []
    for piece in regex.split(r"(\{n\}|\{unit\})", token):
        if piece == "{n}":
            pieces.append(r"\d{1,4}")
        elif piece == "{unit}":
            pieces.append(unit)
        elif piece:
            pieces.append(regex.escape(piece))
    return "[^\\S\\n\\r]*+".join(pieces)


@lru_cache(maxsize=64)
def trigger_pattern(phrases: tuple[str, ...]) -> regex.Pattern[str]:
    """Whole-line comment headings, optionally with a count ('12 Comments', 'Comments (3)')."""
    count = r"(?:\d[\d.,]*+[km]?)"
    return compile_pattern(
        f"{BOL}{EDGE}(?:{count}{SEP}*+)?{trie_alternation(phrases)}(?:{SEP}*+{count})?{EDGE}{EOL}"
    )


@lru_cache(maxsize=64)
def says_pattern(verbs: tuple[str, ...]) -> regex.Pattern[str]:
    """'Jane Doe says:' lines."""
    return compile_pattern(f"{BOL}{EDGE}\\p{{Lu}}[^\\n\\r:]{{0,60}}?\\s{trie_alternation(verbs)}[^\\S\\n\\r]*+:?{EDGE}{EOL}")


def find_markers(ctx: ScanContext) -> dict[int, str]:
    """Line index -> marker kind, for every comment marker in the document."""
    doc, lexicon = ctx.doc, ctx.lexicon
    markers: dict[int, str] = {}
    scans = (
        (TRIGGER, trigger_pattern(lexicon.phrases("comments_trigger"))),
        (BUTTON, whole_line_pattern(lexicon.phrases("comments_marker"))),
        (AGE, relative_time_pattern(lexicon.phrases("relative_time"), lexicon.phrases("time_unit"))),
        (SAYS, says_pattern(lexicon.phrases("comment_says"))),
    )
    for kind, pattern in scans:
        for index, _ in scan_lines(pattern, doc, ctx.timeout):
            if kind == SAYS and len(doc.lines[index].split()) > SAYS_WORDS_MAX:
                continue
            markers.setdefault(index, kind)
    counted = lexicon.words("comment_count_word")
    for index, _ in scan_lines(SHORT_WITH_DIGIT, doc, ctx.timeout):
        if index in markers:
            continue
        line = doc.lines[index]
        if _is_count(line, counted):
            markers[index] = COUNT
        elif is_bare_date(line, lexicon):
            markers[index] = DATE
    return markers


def _is_count(line: str, counted: frozenset[str]) -> bool:
    tokens = _TOKEN.findall(normalize(line))
    if not 2 <= len(tokens) <= COUNT_WORDS_MAX:
        return False
    numbers = [t for t in tokens if _NUMBER.fullmatch(t)]
    words = [t for t in tokens if not _NUMBER.fullmatch(t)]
    return bool(numbers) and bool(words) and all(w in counted for w in words)


@dataclass(frozen=True)
class CommentThreadRule:
    """Comment sections that follow an article, from their heading to their last comment."""

    name: str = "comment_thread"
    category: Category = Category.COMMENTS
    description: str = (
        "comment threads after the article ('Top Rated Comments', '26 months ago', "
        "'Reply', 'Rating: 12 Votes')"
    )

    def scan(self, ctx: ScanContext) -> Iterator[Finding]:
        markers = find_markers(ctx)
        if len(markers) < 2:
            return
        doc, thresholds = ctx.doc, ctx.thresholds
        rank = list(accumulate(0 if b else 1 for b in doc.blank))  # non-blank lines up to i
        for cluster in _clusters(sorted(markers), rank, thresholds.comment_gap_max):
            kinds = [markers[i] for i in cluster]
            has_trigger = TRIGGER in kinds
            solid = {k for k in kinds if k not in (TRIGGER, DATE)}
            solid_count = sum(1 for k in kinds if k not in (TRIGGER, DATE))
            if not ((has_trigger and solid_count >= 1)
                    or (len(solid) >= 2 and solid_count >= thresholds.comment_markers_min)):
                continue
            first, last = self._extent(ctx, cluster, kinds, rank)
            before = ctx.features.prose_before(first)
            if before < thresholds.article_chars_before_thread:
                continue  # no article before it: the thread is the page
            confidence = Confidence.STRONG if has_trigger else Confidence.LIKELY
            described = ", ".join(sorted(set(kinds)))
            reason = (f"a comment thread ({len(cluster)} markers: {described}) "
                      f"after {before} characters of article")
            yield Mark(first, last, Label(self.name, self.category, confidence, reason))

    @staticmethod
    def _extent(ctx: ScanContext, cluster: list[int], kinds: list[str],
                rank: list[int]) -> tuple[int, int]:
        doc = ctx.doc
        first = cluster[0]
        if kinds[0] != TRIGGER:
            taken = 0
            probe = first - 1
            while probe >= 0 and taken < NAME_LINES_BEFORE:
                if doc.blank[probe]:
                    probe -= 1
                    continue
                line = doc.lines[probe]
                if len(line.split()) > NAME_WORDS_MAX or ends_sentence(line) or ctx.features.prose[probe]:
                    break
                first = probe
                taken += 1
                probe -= 1
        gaps = [rank[b] - rank[a] - 1 for a, b in zip(cluster, cluster[1:])]
        tail = int(median(gaps)) if gaps else 0
        last = cluster[-1]
        probe = last + 1
        while probe < len(doc.lines) and tail > 0:
            if not doc.blank[probe]:
                last = probe
                tail -= 1
            probe += 1
        return first, last


def _clusters(indices: list[int], rank: list[int], gap_max: int) -> Iterator[list[int]]:
    cluster = [indices[0]]
    for index in indices[1:]:
        if rank[index] - rank[cluster[-1]] - 1 <= gap_max:
            cluster.append(index)
        else:
            yield cluster
            cluster = [index]
    yield cluster


RULE = CommentThreadRule()
