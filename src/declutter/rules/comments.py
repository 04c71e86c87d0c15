"""Comment threads: 'Top Rated Comments', user names, '26 months ago', 'Reply', votes.

A thread is a cluster of comment markers. It is noise when article prose precedes it;
with no article before it the thread is the page (a forum), and it stays.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache, partial
from statistics import median
from typing import Iterator, Mapping

import regex

from ..features import ends_sentence
from ..labels import Category, Confidence, Label, Mark
from ..lexicon import Lexicon
from ..patterns import compile_pattern, search, trie_alternation
from ..table import LineTable
from .base import Finding, ScanContext, single
from .dates import BARE_DATE_CHARS_MAX, is_bare_date

#: Marker kinds. Dates alone never make a thread (live blogs have them).
TRIGGER, BUTTON, AGE, COUNT, SAYS, DATE = "heading", "button", "age", "count", "says", "date"
GREETING, CLOSER, PROFILE = "greeting", "closer", "profile"
#: Marker kinds that only discussion pages have before their first post.
FORUM_KINDS = frozenset({"count", "says", "profile"})
#: Fewest such markers that make a page a forum.
FORUM_MARKERS_MIN = 2
#: Two profile fields this close (lines) form a poster's profile block.
PROFILE_BLOCK_LINES = 4
#: Distinct discussion-board labels that make a page a forum.
FORUM_UI_MIN = 3
#: Quote headers ('Jane wrote:') that make a page a forum wherever they stand.
QUOTE_HEADERS_MIN = 2
#: Lines opening with a reply prefix ('Re: <subject>') that make a page a discussion.
REPLY_HEADERS_MIN = 3
#: Post headers ('by Jane » Tue Aug 27, 2019 1:47 am') that make a page a discussion.
POST_HEADERS_MIN = 3
#: Longest post header, in words.
POST_HEADER_WORDS_MAX = 14
#: What parts a post header's author from its date.
POST_HEADER_SEPARATOR = "»"
#: Longest profile field line ('Registered: 2024-01-27'), in words.
PROFILE_WORDS_MAX = 8
#: Longest greeting line ('Hi Milan,'), in words.
GREETING_WORDS_MAX = 5
#: Longest comment-count line ('Rating: 12 Votes'), in words.
COUNT_WORDS_MAX = 5
#: Longest 'Name says:' line and relative-time line, in words.
SAYS_WORDS_MAX = 8
#: Marks that open a quotation: 'Parise said: “We've been there.”' quotes a speaker in
#: the article, where a commenter's 'Jane says:' is followed by a date or nothing.
QUOTATION_OPENERS = ('"', "“", "„", "«", "»", "‚", "'", "「", "『")
AGE_WORDS_MAX = 6
#: Longest comment heading with a count ('12 Comments'), in words.
TRIGGER_WORDS_MAX = 6
#: Short lines just before the first marker taken as the first commenter's name.
NAME_LINES_BEFORE = 2
NAME_WORDS_MAX = 4

_TOKEN = regex.compile(r"\w+", regex.V1)
_NUMBER = regex.compile(r"\d+(?:[.,]\d+)?[km]?", regex.V1 | regex.IGNORECASE)
_COUNT_EDGES = "0123456789()[]{}.,:;#+ "


@lru_cache(maxsize=64)
def relative_time_pattern(templates: tuple[str, ...], units: tuple[str, ...]) -> regex.Pattern[str]:
    """Whole keys that are a relative time ('26 months ago', 'vor 3 tagen')."""
    unit = trie_alternation(units)
    alternatives = [
        "[^\\w]*+".join(_template_token(token, unit) for token in template.split())
        for template in templates
    ]
    return compile_pattern(f"^(?>{'|'.join(alternatives)})$")


def _template_token(token: str, unit: str) -> str:
    pieces = []
    for piece in regex.split(r"(\{n\}|\{unit\})", token):
        if piece == "{n}":
            pieces.append(r"\d{1,4}")
        elif piece == "{unit}":
            pieces.append(unit)
        elif piece:
            pieces.append(regex.escape(piece))
    return " ?".join(pieces)


def find_markers(ctx: ScanContext) -> dict[int, str]:
    """Line index -> marker kind, for every comment marker in the document, in line
    order. Whether a line is a marker depends on the line alone, so the kinds are a
    column of the table (:meth:`declutter.table.LineTable.column`), which a later pass
    over the same lines reuses."""
    kinds = ctx.table.column("comment markers", partial(_marker_kinds, ctx))
    return {index: kind for index, kind in enumerate(kinds) if kind is not None}


def _marker_kinds(ctx: ScanContext, table: LineTable) -> list[str | None]:
    """Each line's kind of comment marker, or ``None``."""
    kinds: list[str | None] = [None] * len(table.keys)
    for index, kind in _markers(ctx).items():
        kinds[index] = kind
    return kinds


def _markers(ctx: ScanContext) -> dict[int, str]:
    """Line index -> marker kind, for every comment marker in the document."""
    doc, lexicon, table = ctx.doc, ctx.lexicon, ctx.table
    markers: dict[int, str] = {}
    for index, _ in table.lines_with_key(lexicon.words("comments_closer")):
        markers[index] = CLOSER
    for index, _ in table.lines_with_key(lexicon.words("comments_trigger")):
        markers.setdefault(index, TRIGGER)
    for index, _ in table.lines_with_key(lexicon.words("comments_marker")):
        markers.setdefault(index, BUTTON)
    age = relative_time_pattern(lexicon.phrases("relative_time"), lexicon.phrases("time_unit"))
    for index, _ in table.lines_with_key(_undated_ages(lexicon)):
        markers.setdefault(index, AGE)
    says = lexicon.words("comment_says")
    for verb in lexicon.phrases("comment_says"):
        for index in table.anchor_hits.get(verb, ()):
            key = table.keys[index]
            head, colon, rest = key.partition(":")
            if len(head.split()) <= SAYS_WORDS_MAX and head.rsplit(" ", 1)[-1] in says \
                    and (colon or table.words[index] <= SAYS_WORDS_MAX) \
                    and not rest.lstrip().startswith(QUOTATION_OPENERS):
                markers.setdefault(index, SAYS)
    for index, _ in table.lines_opening_with(lexicon.phrases("greeting")):
        line = doc.lines[index].rstrip()
        if table.words[index] <= GREETING_WORDS_MAX and line[-1:] in (",", "!"):
            markers.setdefault(index, GREETING)
    for index, field in table.lines_opening_with(lexicon.phrases("forum_profile")):
        rest = table.keys[index][len(field):].lstrip(" ")
        if rest[:1] == ":" and table.words[index] <= PROFILE_WORDS_MAX:
            markers.setdefault(index, PROFILE)
    for index in titled_headings(ctx):
        markers.setdefault(index, TRIGGER)  # '10 thoughts on “Title”'
    triggers = lexicon.words("comments_trigger")
    counted = lexicon.words("comment_count_word")
    for index in table.short_digit_lines:
        if index in markers:
            continue
        key = table.keys[index]
        words = table.words[index]
        if words <= TRIGGER_WORDS_MAX and key.strip(_COUNT_EDGES) in triggers:
            markers[index] = TRIGGER
        elif words <= AGE_WORDS_MAX and search(age, key, ctx.timeout):
            markers[index] = AGE
        elif _is_count(key, counted):
            markers[index] = COUNT
        elif len(doc.lines[index]) <= BARE_DATE_CHARS_MAX and is_bare_date(doc.lines[index], lexicon, ctx.timeout):
            markers[index] = DATE
    return markers


def titled_headings(ctx: ScanContext) -> list[int]:
    """Lines that head a comment section by counting its comments on the article's title
    ('10 thoughts on “Title”', '34 responses to “Title”'): the comments run from there."""
    table = ctx.table
    openings = _followed_by_space(ctx.lexicon.phrases("comments_title"))
    found = []
    for index in table.short_digit_lines:
        key = table.keys[index]
        rest = key.lstrip("0123456789 ")
        if rest != key and rest.startswith(openings):
            found.append(index)
    return found


@lru_cache(maxsize=64)
def _followed_by_space(phrases: tuple[str, ...]) -> tuple[str, ...]:
    """Each of ``phrases`` with a space after it (a phrase that a word follows)."""
    return tuple(f"{phrase} " for phrase in phrases)


def counted_heading(ctx: ScanContext, markers: Mapping[int, str]) -> int | None:
    """The heading that opens the comments of extracted text by counting them ('1 comment',
    'Comments (12)', '3 Responses'), or ``None``.

    It must be the document's first comment marker (posts that carry their own markers
    before it make a discussion) and follow an article that outweighs what comes after
    it. In whole-page text such counts also stand in sidebars and teasers, so none is
    taken there.
    """
    if ctx.whole_page or not markers:
        return None
    table, first = ctx.table, min(markers)
    key = table.keys[first]
    if markers[first] != TRIGGER or not any(c.isdigit() for c in key) \
            or key.strip(_COUNT_EDGES) not in ctx.lexicon.words("comments_trigger"):
        return None
    before = table.prose_before(first)
    if before < ctx.thread_prose_min or table.prose_after(first) > before:
        return None
    return first


@lru_cache(maxsize=64)
def _undated_ages(lexicon: Lexicon) -> frozenset[str]:
    """Relative times without a number, spelled out ('a day ago', 'yesterday')."""
    units = lexicon.phrases("time_unit")
    found = set()
    for template in lexicon.phrases("relative_time"):
        if "{n}" in template:
            continue
        if "{unit}" in template:
            found.update(template.replace("{unit}", unit) for unit in units)
        else:
            found.add(template)
    return frozenset(found)


def _names_comments(key: str, counted: frozenset[str]) -> bool:
    """Whether a heading names comments or replies ('12 Comments', 'Leave a Reply'),
    rather than being a word such as 'Discussion' that also heads article sections."""
    return any(c.isdigit() for c in key) or any(t in counted for t in _TOKEN.findall(key))


def _is_count(key: str, counted: frozenset[str]) -> bool:
    tokens = _TOKEN.findall(key)
    if not 2 <= len(tokens) <= COUNT_WORDS_MAX:
        return False
    numbers = [t for t in tokens if _NUMBER.fullmatch(t)]
    words = [t for t in tokens if not _NUMBER.fullmatch(t)]
    return bool(numbers) and bool(words) and all(w in counted for w in words)


def is_forum(ctx: ScanContext, markers: Mapping[int, str] | None = None) -> bool:
    """Whether the page is a discussion, where posts are the content:

    * poster profiles ('Posts: 98', 'Registered: ...') or quote headers ('Jane wrote:')
      stand before the first stretch of prose, so the first long text is a post; or
    * a poster profile block (two profile fields within a few lines) appears anywhere,
      or several posts quote others ('Jane wrote:'): comment sections under articles
      show neither; or
    * the page carries several distinct labels of discussion-board software ('Thread
      starter', 'New posts', 'Click to expand...'); or
    * several lines are the subject lines of replies ('Re: <subject> by Jane: 9:43pm'),
      or the headers of posts ('by Jane » Tue Aug 27, 2019 1:47 am'): an article has one
      byline, a board one per post.
    """
    board = {phrase for _, phrase in ctx.table.lines_with_key(ctx.lexicon.words("forum_ui"))}
    if len(board) >= FORUM_UI_MIN:
        return True
    if _reply_headers(ctx) >= REPLY_HEADERS_MIN or _post_headers(ctx) >= POST_HEADERS_MIN:
        return True
    if markers is None:
        markers = find_markers(ctx)
    limit = ctx.thread_prose_min
    forum = sorted(i for i, kind in markers.items() if kind in FORUM_KINDS)
    if len(forum) < FORUM_MARKERS_MIN:
        return False
    if ctx.table.prose_before(forum[0]) < limit and any(markers[i] != SAYS for i in forum):
        return True
    profiles = [i for i in forum if markers[i] == PROFILE]
    if any(b - a <= PROFILE_BLOCK_LINES for a, b in zip(profiles, profiles[1:])):
        return True
    quotes = [i for i in forum if markers[i] == SAYS and _quotes(ctx.table.keys[i], ctx.lexicon)]
    return len(quotes) >= QUOTE_HEADERS_MIN


def _reply_headers(ctx: ScanContext) -> int:
    """How many lines open with a reply prefix and a colon ('Re: Hybrid computing by
    Alpha: 9:43pm'): the subject lines of a thread's replies."""
    keys, prefixes = ctx.table.keys, ctx.lexicon.phrases("reply_prefix")
    return sum(1 for index, prefix in ctx.table.lines_opening_with(prefixes)
               if keys[index][len(prefix):len(prefix) + 1] == ":")


def _post_headers(ctx: ScanContext) -> int:
    """How many lines are a post's header: a byline opener, a name, then a date after
    '»' ('by Jane » Tue Aug 27, 2019 1:47 am', the header of phpBB's posts)."""
    table, lines = ctx.table, ctx.doc.lines
    count = 0
    for index, _ in table.lines_opening_with(ctx.lexicon.phrases("byline_prefix")):
        line = lines[index]
        if table.words[index] > POST_HEADER_WORDS_MAX or POST_HEADER_SEPARATOR not in line:
            continue
        date = line.rsplit(POST_HEADER_SEPARATOR, 1)[1]
        count += is_bare_date(date, ctx.lexicon, ctx.timeout)
    return count


def _quotes(key: str, lexicon: Lexicon) -> bool:
    """Whether a 'says' marker is a forum quote header ('Jane wrote:'), not a blog
    comment's 'Jane says'."""
    head, colon, _ = key.partition(":")
    return bool(colon) and head.rsplit(" ", 1)[-1] in lexicon.words("quote_verb")


@dataclass(frozen=True)
class CommentThreadRule:
    """Comment sections that follow an article, from their heading to their last comment."""

    name: str = "comment_thread"
    category: Category = Category.COMMENTS
    description: str = (
        "comment threads after the article ('Top Rated Comments', '26 months ago', "
        "'Reply', 'Rating: 12 Votes')"
    )
    anchor_sections: tuple[str, ...] = ("comment_says",)

    def scan(self, ctx: ScanContext) -> Iterator[Finding]:
        markers = ctx.comment_markers if ctx.comment_markers is not None else find_markers(ctx)
        if not markers:
            return
        if ctx.forum:
            return  # the thread is the page
        doc, thresholds, table = ctx.doc, ctx.thresholds, ctx.table
        rank = doc.content_rank
        covered: set[int] = set()
        clusters = _bridge(doc.clusters(sorted(markers), thresholds.comment_gap_max), markers)
        for cluster in clusters:
            cluster = _from_heading(cluster, markers)
            kinds = [markers[i] for i in cluster]
            has_trigger = TRIGGER in kinds
            solid = [k for k in kinds if k not in (TRIGGER, DATE)]
            if not ((has_trigger and solid)
                    or (len(set(solid)) >= 2 and len(solid) >= thresholds.comment_markers_min)):
                continue
            first, last = _extent(ctx, cluster, kinds, rank)
            before = table.prose_before(first)
            if before < ctx.thread_prose_min:
                continue  # no article before it: the thread is the page
            confidence = Confidence.STRONG if has_trigger else Confidence.LIKELY
            described = ", ".join(sorted(set(kinds)))
            reason = (f"a comment thread ({len(cluster)} markers: {described}) "
                      f"after {before} characters of article")
            covered.update(range(first, last + 1))
            yield Mark(first, last, Label(self.name, self.category, confidence, reason))
        for index in titled_headings(ctx):
            if table.prose_before(index) < ctx.thread_prose_min:
                continue
            last = next(i for i in reversed(range(len(doc.lines))) if not doc.blank[i])
            covered.update(range(index, last + 1))
            yield Mark(index, last, Label(
                self.name, self.category, Confidence.STRONG,
                "a comment thread from its 'N thoughts on “Title”' heading to the end"))
        heading = counted_heading(ctx, markers)
        if heading is not None and heading not in covered:
            last = next(i for i in reversed(range(len(doc.lines))) if not doc.blank[i])
            covered.update(range(heading, last + 1))
            yield Mark(heading, last, Label(
                self.name, self.category, Confidence.STRONG,
                "a comment thread from its 'N comments' heading to the end of the text"))
        counted = ctx.lexicon.words("comment_count_word")
        last_text = _last_unmarked(doc.content, markers)
        for index, kind in sorted(markers.items()):
            if kind != TRIGGER or index in covered:
                continue
            if _names_comments(table.keys[index], counted):
                yield single(index, self.name, self.category, Confidence.LIKELY,
                             "a comment section heading")
            elif index > last_text \
                    and table.prose_before(index) >= ctx.thread_prose_min:
                yield single(index, self.name, self.category, Confidence.LIKELY,
                             "a comment prompt that closes the text ('Tell us what you think')")


def _last_unmarked(content: list[int], markers: Mapping[int, str]) -> int:
    """The last non-blank line that is no comment marker (-1 when there is none): a
    marker after it closes the text, a prompt whose comments the page did not show or
    the extractor did not keep."""
    return next((index for index in reversed(content) if index not in markers), -1)


def _extent(ctx: ScanContext, cluster: list[int], kinds: list[str],
            rank: list[int]) -> tuple[int, int]:
    """First and last line of a thread: commenter names before the first marker, and
    the last comment's body after the last one."""
    doc, table = ctx.doc, ctx.table
    first = cluster[0]
    if kinds[0] != TRIGGER:
        taken, probe = 0, first - 1
        while probe >= 0 and taken < NAME_LINES_BEFORE:
            if doc.blank[probe]:
                probe -= 1
                continue
            if table.words[probe] > NAME_WORDS_MAX or ends_sentence(doc.lines[probe]) \
                    or table.prose[probe]:
                break
            first, taken, probe = probe, taken + 1, probe - 1
    gaps = [rank[b] - rank[a] - 1 for a, b in zip(cluster, cluster[1:])]
    tail = int(median(gaps)) if gaps else 0
    last, probe = cluster[-1], cluster[-1] + 1
    while probe < len(doc.lines) and tail > 0:
        if not doc.blank[probe]:
            last, tail = probe, tail - 1
        probe += 1
    return first, last


def _from_heading(cluster: list[int], markers: Mapping[int, str]) -> list[int]:
    """The cluster from its comment heading on, when only dates stand before the
    heading: the article's own date line is not the thread's first comment."""
    for position, index in enumerate(cluster):
        if markers[index] == TRIGGER:
            return cluster[position:]
        if markers[index] != DATE:
            return cluster
    return cluster


def _bridge(clusters: list[list[int]], markers: dict[int, str]) -> list[list[int]]:
    """Join a cluster that opens with a heading to the later cluster holding the closer
    that ends the section ('[ Read All Comments ]'): comments without markers between
    the two are still the thread."""
    joined: list[list[int]] = []
    position = 0
    while position < len(clusters):
        cluster = clusters[position]
        position += 1
        if markers[cluster[0]] == TRIGGER and CLOSER not in (markers[i] for i in cluster):
            ahead = next((k for k in range(position, len(clusters))
                          if any(markers[i] == CLOSER for i in clusters[k])), None)
            if ahead is not None:
                cluster = [i for c in clusters[position - 1:ahead + 1] for i in c]
                position = ahead + 1
        joined.append(cluster)
    return joined


@dataclass(frozen=True)
class CommentSectionRule:
    """The comment section an HTML extractor set apart, when an article precedes it.

    trafilatura finds a page's comments by their markup and appends them after the main
    text with their authors, dates and buttons gone, so the text alone no longer shows
    where they begin. :func:`declutter.clean_html` passes that boundary on
    (``ScanContext.comment_section``). As with marked threads, the section is noise after
    an article and the page itself when little prose comes before it.
    """

    name: str = "comment_section"
    category: Category = Category.COMMENTS
    description: str = (
        "the comment section that trafilatura set apart from an article (clean_html, "
        "--html), from its first comment to the end"
    )
    first_pass_only: bool = True

    def scan(self, ctx: ScanContext) -> Iterator[Finding]:
        first = ctx.comment_section
        if first is None or ctx.forum:
            return
        before = ctx.table.prose_before(first)
        if before < ctx.thread_prose_min:
            return  # no article before it: the comments are the page
        content = ctx.doc.content
        last = content[-1] if content else -1
        if last >= first:
            yield Mark(first, last, Label(
                self.name, self.category, Confidence.STRONG,
                f"the extractor's comment section, after {before} characters of article"))


RULE = CommentThreadRule()
SECTION = CommentSectionRule()
