"""HTML in: the explicit entry point that extracts text with trafilatura.

Articles are extracted with recall favoured and comments and tables kept, so that
declutter's rules, not the extractor, decide what is noise. Discussion pages (forum
threads, question-and-answer pages) are the exception: there the posts are the
content, and trafilatura's recall mode often keeps only a fragment of the thread, so
they are extracted with trafilatura's default balance. A page is a discussion when its
schema.org markup (microdata or JSON-LD) says so and names no article.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import regex

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


def extraction_options(html: str | bytes) -> dict[str, Any]:
    """The ``trafilatura.extract`` options declutter uses for this page."""
    return dict(DISCUSSION_OPTIONS if is_discussion(html) else TRAFILATURA_OPTIONS)


def extract_text(html: str | bytes) -> str:
    """The main text of an HTML page, as trafilatura extracts it ("" when nothing is found)."""
    import trafilatura  # heavy: loaded only when HTML is cleaned

    return trafilatura.extract(html, **extraction_options(html)) or ""
