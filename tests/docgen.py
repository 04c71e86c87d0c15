"""Hypothesis strategies for article-like documents with injected boilerplate blocks.

An article is a list of prose paragraphs (and optionally a title and short section
headings sandwiched between paragraphs). Noise blocks are the kinds declutter must
remove: comment threads, affiliate disclaimers, breadcrumbs, headline lists, share
prompts, advertisement markers, datelines, bylines, source lines, copyright footers.
"""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import strategies as st

SUBJECTS = ["The company", "The minister", "Researchers", "The city council", "The team",
            "Local officials", "The regulator", "Analysts", "The museum", "Residents"]
VERBS = ["said on Monday that", "reported that", "announced that", "argued that",
         "confirmed that", "warned that", "explained that", "noted that"]
CLAUSES = ["the new plan would take effect next year", "prices had risen faster than expected",
           "the bridge will remain closed for repairs", "the results were not yet final",
           "more people are moving to the region", "the project was behind schedule",
           "the tests showed no sign of damage", "the decision could be appealed",
           "the water level had fallen again", "the talks would continue in the spring"]
TAILS = ["according to a statement.", "in an interview with the local paper.",
         "although many details remain unclear.", "which surprised many observers.",
         "and further updates are expected.", "as the debate goes on."]
HEADINGS = ["What happens next", "The background", "A long road ahead", "Why it matters"]
NAMES = ["John Smith", "Maria Garcia", "Wei Chen", "Anna Kowalska", "Tom Baker"]
HEADLINES = [
    "Instagram Outage Disrupts Thousands of Users",
    "SoftBank Shares Slide After Earnings Miss",
    "Nvidia Nears Major Investment as Funding Race Intensifies",
    "Sony Profit Jumps on Gaming and Image Sensors",
    "Global PC Makers Eye New Memory Chip Suppliers",
    "Oracle Plans Funding Push to Expand Cloud Infrastructure",
]


@st.composite
def sentences(draw) -> str:
    """One prose sentence."""
    return " ".join([draw(st.sampled_from(SUBJECTS)), draw(st.sampled_from(VERBS)),
                     draw(st.sampled_from(CLAUSES)) + ",", draw(st.sampled_from(TAILS))])


@st.composite
def paragraphs(draw) -> str:
    """A prose paragraph of two to four sentences."""
    return " ".join(draw(st.lists(sentences(), min_size=2, max_size=4)))


@st.composite
def articles(draw) -> list[str]:
    """An article: paragraphs, with optional headings between two paragraphs."""
    body = draw(st.lists(paragraphs(), min_size=3, max_size=7, unique=True))
    if draw(st.booleans()) and len(body) >= 4:
        position = draw(st.integers(min_value=2, max_value=len(body) - 2))
        body.insert(position, draw(st.sampled_from(HEADINGS)))
    return body


def _comment_thread(draw) -> list[str]:
    lines = [draw(st.sampled_from(["Top Rated Comments", "Comments", "12 Comments"]))]
    for _ in range(draw(st.integers(min_value=2, max_value=5))):
        lines += [draw(st.sampled_from(NAMES)),
                  f"{draw(st.integers(min_value=1, max_value=30))} days ago",
                  draw(st.sampled_from(["I agree with this.", "Not convinced at all.",
                                        "Great reporting, thanks!"])),
                  "Reply"]
    return lines


def _headline_list(draw) -> list[str]:
    trigger = draw(st.sampled_from(["Trending", "More from Tech", "Related Articles",
                                    "You may also like"]))
    titles = draw(st.lists(st.sampled_from(HEADLINES), min_size=3, max_size=6, unique=True))
    return [trigger, *titles]


TOP_NOISE = {
    "breadcrumb": lambda draw: ["Home » News » " + draw(st.sampled_from(["World", "Tech"]))],
    "dateline": lambda draw: ["Published: March 3, 2021 at 9:45 a.m. ET"],
    "byline": lambda draw: ["By " + draw(st.sampled_from(NAMES))],
    "share": lambda draw: ["Share this article"],
}
MIDDLE_NOISE = {
    "advertisement": lambda draw: ["Advertisement"],
    "related_link": lambda draw: ["Read more: " + draw(st.sampled_from(HEADLINES))],
}
END_NOISE = {
    "affiliate": lambda draw: ["We may earn a commission for purchases made using our links."],
    "source": lambda draw: ["Source: Bloomberg"],
    "headline_list": _headline_list,
    "comment_thread": _comment_thread,
    "copyright": lambda draw: ["© 2024 Example Media. All rights reserved."],
}


@dataclass(frozen=True)
class NoisyDocument:
    """A generated page: its text, the article lines alone, and the noise kinds used."""

    text: str
    article: list[str]
    noise: tuple[str, ...]


@st.composite
def noisy_documents(draw) -> NoisyDocument:
    """An article with noise blocks injected at the top, in the middle and at the end.

    Blocks are separated from paragraphs by blank lines, as in extracted page text.
    """
    article = draw(articles())
    blocks: list[list[str]] = [[p] for p in article]
    used: list[str] = []
    for kind in draw(st.lists(st.sampled_from(sorted(TOP_NOISE)), unique=True, max_size=3)):
        blocks.insert(0, TOP_NOISE[kind](draw))
        used.append(kind)
    for kind in draw(st.lists(st.sampled_from(sorted(MIDDLE_NOISE)), unique=True, max_size=2)):
        position = draw(st.integers(min_value=len(used) + 1, max_value=len(blocks) - 1))
        blocks.insert(position, MIDDLE_NOISE[kind](draw))
        used.append(kind)
    for kind in draw(st.lists(st.sampled_from(sorted(END_NOISE)), unique=True, max_size=3)):
        blocks.append(END_NOISE[kind](draw))
        used.append(kind)
    separator = draw(st.sampled_from(["\n\n", "\n"]))
    text = separator.join("\n".join(block) for block in blocks) + "\n"
    return NoisyDocument(text, article, tuple(used))


def non_blank(text: str) -> list[str]:
    """The stripped non-blank lines of ``text``."""
    return [line.strip() for line in text.splitlines() if line.strip()]
