"""HTML in: the explicit entry point that extracts text with trafilatura.

A page is extracted twice, with recall favoured and with trafilatura's default balance,
comments and tables kept in both, and the extraction that holds more text is cleaned:
declutter's rules, not the extractor, decide what is noise, and neither of trafilatura's
modes keeps more than the other on every page (on the tune pages the recall mode lost
text the default kept on most listing, service and product pages). Discussion pages
(forum threads, question-and-answer pages) are extracted with the default balance
alone: there the posts are the content, and the recall mode often keeps only a fragment
of the thread. A page is a discussion when its schema.org markup (microdata or JSON-LD)
says so and names no article.

trafilatura sets the page's comments apart from its main text and appends them after
it. :func:`extract` keeps that boundary: the ``comment_section`` rule removes what
follows it when an article comes before it, and on discussions, where the comments are
the posts, no boundary is passed on. It also reads what the page's metadata says of the
text: its titles and the standfirst that repeats its description (see
:class:`declutter.hints.PageHints`).
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import Any, Iterable

import regex

from .hints import PageHints

#: Options passed to ``trafilatura.extract`` for articles: favour recall and keep
#: comments and tables, so that declutter's rules, not the extractor, decide.
TRAFILATURA_OPTIONS: dict[str, Any] = {
    "include_comments": True,
    "favor_recall": True,
    "include_tables": True,
}
#: Options for discussion pages: trafilatura's default balance, comments and tables kept.
DISCUSSION_OPTIONS: dict[str, Any] = {
    "include_comments": True,
    "include_tables": True,
}
#: Titles are looked for in this many bytes at the top of a page (its ``<head>``).
HEAD_BYTES_MAX = 200_000
#: schema.org types that make a page a discussion on their own...
DISCUSSION_TYPES = frozenset({"DiscussionForumPosting", "QAPage"})
#: ...types that do when a page holds at least REPLIES_MIN of them (and no FAQ)...
REPLY_TYPES = frozenset({"Comment", "Answer"})
REPLIES_MIN = 2
FAQ_TYPES = frozenset({"FAQPage"})
#: ...and types that make it an article whatever else it holds.
ARTICLE_TYPES = frozenset({"Article", "NewsArticle", "BlogPosting", "Report", "ScholarlyArticle"})

# microdata itemtype="https://schema.org/X" or JSON-LD "@type": "X" (also "@type": ["X", ...])
_SCHEMA_TYPE = regex.compile(
    rb'itemtype\s{0,20}=\s{0,20}["\']?https?://(?:www\.)?schema\.org/(\w{1,64})'
    rb'|"@type"\s{0,20}:\s{0,20}\[?\s{0,20}"(\w{1,64})"',
    regex.IGNORECASE,
)


def schema_types(html: str | bytes) -> Counter[str]:
    """How often each schema.org type is declared in ``html`` (microdata or JSON-LD)."""
    data = html.encode("utf-8", "surrogatepass") if isinstance(html, str) else html
    found: Counter[str] = Counter()
    for micro, linked in _SCHEMA_TYPE.findall(data):
        found[(micro or linked).decode("ascii", "replace")] += 1
    return found


def is_discussion(html: str | bytes) -> bool:
    """Whether the page declares itself a discussion (a forum thread, a Q&A page, or
    several comments or answers without an FAQ) and declares no article."""
    types = schema_types(html)
    if any(types[t] for t in ARTICLE_TYPES):
        return False
    if any(types[t] for t in DISCUSSION_TYPES):
        return True
    return not any(types[t] for t in FAQ_TYPES) and sum(types[t] for t in REPLY_TYPES) >= REPLIES_MIN


def extraction_options(html: str | bytes) -> list[dict[str, Any]]:
    """The ``trafilatura.extract`` options declutter tries for this page, in order (copies):
    the default balance alone for a discussion; else recall favoured, then the default
    balance, of which :func:`extract` keeps the extraction holding more text."""
    if is_discussion(html):
        return [dict(DISCUSSION_OPTIONS)]
    return [dict(TRAFILATURA_OPTIONS), dict(DISCUSSION_OPTIONS)]


@dataclass(frozen=True)
class Extraction:
    """The text trafilatura extracts from a page, and what the page's HTML tells about it.

    :param text: the main text, then the comments, exactly as ``trafilatura.extract``
        returns them with :func:`extraction_options`.
    :param hints: where the comment section begins, the page's titles and its standfirst
        (:class:`declutter.hints.PageHints`). The text's first lines often repeat the
        title and the description; ``clean_html`` removes those copies (rules
        ``metadata_title``, ``metadata_standfirst``): they stay with the page's metadata.
    """

    text: str
    hints: PageHints = PageHints()


def extract(html: str | bytes) -> Extraction:
    """Extract a page's text with trafilatura, keeping where its comments begin."""
    import trafilatura  # heavy: loaded only when HTML is cleaned

    discussion = is_discussion(html)
    document = _fullest(trafilatura.bare_extraction(html, **options)
                        for options in extraction_options(html))
    if document is None:
        return Extraction("")
    body = _normal(_field(document, "text"))
    comments = _normal(_field(document, "comments"))
    head = _head(html)  # read once for the titles and the descriptions
    titles = _titles_in(head)
    lead = standfirst(_blocks(document), _descriptions_in(head))
    # trafilatura.extract joins the two with a line break and strips the whole
    if not comments.strip():
        return Extraction(body.strip(), PageHints(None, titles, lead, discussion))
    if not body.strip():
        return Extraction(comments.strip(), PageHints(None, titles, lead, discussion))
    head = body.lstrip()
    offset = None if discussion else len(head) + 1
    return Extraction(f"{head}\n{comments.rstrip()}",
                      PageHints(offset, titles, lead, discussion))


def _fullest(documents: Iterable[Any]) -> Any:
    """The extraction whose main text and comments hold the most characters (the first
    of equals), or ``None`` when trafilatura found nothing."""
    best, most = None, -1
    for document in documents:
        if document is None:
            continue
        size = len(_field(document, "text")) + len(_field(document, "comments"))
        if size > most:
            best, most = document, size
    return best


def standfirst(blocks: list[tuple[str, str]], descriptions: tuple[str, ...]) -> str:
    """The standfirst under the title, or ``""``: the second of the main text's blocks
    when the first two are headings and the second says what one of the page's
    descriptions says, word for word.

    ``blocks`` are the main text's top-level blocks as (kind, text), kinds as trafilatura
    names them (``head``, ``p``, ``list``...). A page shows its summary under its title
    as a heading (the dek); when the description is the article's first paragraph
    instead, that paragraph is a ``p`` and stays the article's.

    >>> standfirst([("head", "Rain due"), ("head", "Wet week ahead.")], ("Wet week ahead",))
    'Wet week ahead.'
    >>> standfirst([("head", "Rain due"), ("p", "Wet week ahead.")], ("Wet week ahead",))
    ''
    """
    if len(blocks) < 2 or blocks[0][0] != "head" or blocks[1][0] != "head":
        return ""
    text = blocks[1][1]
    words = _words(text)
    return text if words and any(_words(d) == words for d in descriptions) else ""


def _blocks(document: Any) -> list[tuple[str, str]]:
    """The first top-level blocks of trafilatura's main text as (kind, text), text
    whitespace-collapsed and NFC; empty blocks are skipped."""
    body = document.get("body") if isinstance(document, dict) else getattr(document, "body", None)
    blocks: list[tuple[str, str]] = []
    if body is None:
        return blocks
    for child in body:
        if not isinstance(child.tag, str):
            continue  # comments and processing instructions
        text = " ".join(_normal("".join(child.itertext())).split())
        if text:
            blocks.append((child.tag, text))
            if len(blocks) == STANDFIRST_BLOCK:
                break
    return blocks


def _words(text: str) -> list[str]:
    return [word.casefold() for word in _WORD.findall(text)]


# <title>...</title>, and <meta property="og:title" content="..."> (also name=, twitter:title,
# and content= before the property); the same for the descriptions
_TITLE_ELEMENT = regex.compile(rb"<title\b[^>]{0,200}>([^<]{1,1000})</title", regex.IGNORECASE)
_HEAD_END = regex.compile(rb"</head\b|<body\b", regex.IGNORECASE)
_META = regex.compile(rb"<meta\s([^>]{1,2000})>", regex.IGNORECASE)
_META_TITLE = regex.compile(rb"""(?:property|name)\s{0,20}=\s{0,20}["']?(?:og|twitter):title\b""",
                            regex.IGNORECASE)
_META_DESCRIPTION = regex.compile(
    rb"""(?:property|name)\s{0,20}=\s{0,20}["']?(?:(?:og|twitter):)?description\b""",
    regex.IGNORECASE)
_META_CONTENT = regex.compile(
    rb"""\bcontent\s{0,20}=\s{0,20}(?:"([^"]{0,1000})"|'([^']{0,1000})')""", regex.IGNORECASE)
#: A word, for comparing a heading with a description whatever punctuation stands around.
_WORD = regex.compile(r"\w+")
#: The standfirst is the main text's second block.
STANDFIRST_BLOCK = 2


def page_titles(html: str | bytes) -> tuple[str, ...]:
    """The page's titles as its ``<head>`` declares them: ``<title>``, then ``og:title``
    and ``twitter:title``, unescaped, whitespace collapsed, each once.

    >>> page_titles('<head><title>Rain &amp; wind - The Daily</title>'
    ...             '<meta property="og:title" content="Rain &amp; wind"></head>')
    ('Rain & wind - The Daily', 'Rain & wind')
    """
    return _titles_in(_head(html))


def page_descriptions(html: str | bytes) -> tuple[str, ...]:
    """The page's descriptions as its ``<head>`` declares them: ``description``,
    ``og:description`` and ``twitter:description``, unescaped, whitespace collapsed,
    each once.

    >>> page_descriptions('<head><meta name="description" content="Wet week ahead.">'
    ...                   '<meta property="og:description" content="Wet week ahead."></head>')
    ('Wet week ahead.',)
    """
    return _descriptions_in(_head(html))


def _titles_in(head: bytes) -> tuple[str, ...]:
    found = [m.group(1) for m in _TITLE_ELEMENT.finditer(head)]
    return _texts(found + _meta_contents(head, _META_TITLE))


def _descriptions_in(head: bytes) -> tuple[str, ...]:
    return _texts(_meta_contents(head, _META_DESCRIPTION))


def _head(html: str | bytes) -> bytes:
    """The page's ``<head>``: its first bytes, up to ``</head>`` or ``<body>``."""
    data = html.encode("utf-8", "surrogatepass") if isinstance(html, str) else html
    head = data[:HEAD_BYTES_MAX]
    end = _HEAD_END.search(head)
    return head[:end.start()] if end else head


def _meta_contents(head: bytes, name: regex.Pattern[bytes]) -> list[bytes]:
    """The ``content`` of the ``<meta>`` elements whose attributes match ``name``."""
    found = []
    for meta in _META.finditer(head):
        attributes = meta.group(1)
        if name.search(attributes):
            content = _META_CONTENT.search(attributes)
            if content:
                found.append(content.group(1) or content.group(2) or b"")
    return found


def _texts(found: list[bytes]) -> tuple[str, ...]:
    """Decoded, unescaped, whitespace-collapsed, non-empty, each once, in order."""
    import html as entities

    texts = (" ".join(_normal(entities.unescape(raw.decode("utf-8", "replace"))).split())
             for raw in found)
    return tuple(dict.fromkeys(text for text in texts if text))  # first copies, in order


def _field(document: Any, name: str) -> str:
    """A text field of trafilatura's result: a ``Document`` (2.x) or a dict (1.x)."""
    value = document.get(name) if isinstance(document, dict) else getattr(document, name, None)
    return value if isinstance(value, str) else ""


def _normal(text: str) -> str:
    # trafilatura.extract normalises its output to NFC
    return unicodedata.normalize("NFC", text)
