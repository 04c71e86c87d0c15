"""What a page's HTML tells about the text extracted from it.

Plain text carries only itself. Text extracted from HTML comes with facts that the
markup states and the text no longer shows: where the comment section begins, the
page's title, the standfirst that repeats the page's description. :func:`declutter.html.
extract` gathers them; the engine hands them to the rules that use them in its first
pass (``comment_section``, ``metadata_title``, ``metadata_standfirst``).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageHints:
    """Facts about a page that its HTML states and its extracted text does not.

    :param comments_offset: the offset in the text of the first character of the
        comment section the extractor set apart; ``None`` when the page has no comments,
        or is a discussion (there the comments are the posts).
    :param titles: the page's titles as its ``<head>`` declares them (``<title>``,
        ``og:title``, ``twitter:title``; see :func:`declutter.html.page_titles`).
    :param standfirst: the standfirst under the title (the dek), as the page shows it,
        when it says what the page's description says; ``""`` when there is none (see
        :func:`declutter.html.standfirst`).
    :param discussion: whether the page declares itself a discussion (a forum thread, a
        Q&A page; see :func:`declutter.html.is_discussion`): there the posts and replies
        are the content, however they open.
    """

    comments_offset: int | None = None
    titles: tuple[str, ...] = ()
    standfirst: str = ""
    discussion: bool = False


#: No facts: plain text.
NO_HINTS = PageHints()
