"""The precision/recall dial: named profiles and the thresholds each one sets.

Every threshold a rule or the decision step uses lives here, as data, so one profile
name moves them all together.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType

from .errors import UnknownProfileError


@dataclass(frozen=True)
class Thresholds:
    """Numbers that steer the rules and the decision step for one profile."""

    #: a line is removed when its strongest label reaches this confidence
    min_confidence: float
    #: fewest consecutive title-like lines that make a headline list without a heading
    headline_run_min: int
    #: fewest title-like lines after a "Trending" / "More from" heading
    headline_run_min_after_trigger: int
    #: fewest consecutive menu-like lines that make a navigation menu
    menu_run_min: int
    #: fewest comment markers ("Reply", "3 days ago"...) that make a thread
    comment_markers_min: int
    #: most non-blank lines between two comment markers of one thread
    comment_gap_max: int
    #: characters of article prose that must precede a thread for it to count as noise
    #: (in a spaced script; fewer in Chinese or Japanese: ``ScanContext.thread_prose_min``)
    article_chars_before_thread: int
    #: longest line, in words, that a short-line rule (prompts, markers) may remove
    prompt_words_max: int
    #: longest sign-up pitch, in words ('Sign up for our newsletter to get ...')
    pitch_words_max: int
    #: longest line, in words, that a disclaimer or cookie rule may remove
    disclaimer_words_max: int
    #: a line of at least this many words with sentence punctuation is article prose
    prose_words_min: int
    #: the learned decision removes a line of a whole page that reads as an article
    #: when its probability of noise reaches this
    decision_min: float = 0.6
    #: the same on a whole page that does not read as an article (a listing, a product
    #: page...), where short items are more often the content
    decision_min_other: float = 0.75
    #: the same for an article an extractor already made, where only the lines a rule
    #: labelled are weighed (an extractor has already taken the page's chrome away)
    decision_min_extracted: float = 0.6
    #: the same for an extractor's text of a page that is not an article: only what
    #: is noise almost surely goes
    decision_min_extracted_other: float = 0.9

    #: on an extractor's text, a labelled line stays when the prose around it uses at
    #: least this share of its content words: the article discusses what it quotes
    #: (a cookie banner's text in a piece on consent, a menu in a piece on navigation)
    echo_keeps: float = 0.5

    def decision_threshold(self, whole_page: bool, article: bool) -> float:
        """The probability of noise that removes a line, for the kind of text and page."""
        if whole_page:
            return self.decision_min if article else self.decision_min_other
        return self.decision_min_extracted if article else self.decision_min_extracted_other


_PROFILES = {
    "precision": Thresholds(
        min_confidence=0.85,
        headline_run_min=5,
        headline_run_min_after_trigger=3,
        menu_run_min=6,
        comment_markers_min=3,
        comment_gap_max=10,
        article_chars_before_thread=600,
        prompt_words_max=8,
        pitch_words_max=25,
        disclaimer_words_max=60,
        prose_words_min=10,
        decision_min=0.7,
        decision_min_other=0.85,
        decision_min_extracted=0.7,
        decision_min_extracted_other=0.95,
    ),
    "balanced": Thresholds(
        min_confidence=0.65,
        headline_run_min=3,
        headline_run_min_after_trigger=2,
        menu_run_min=4,
        comment_markers_min=2,
        comment_gap_max=14,
        article_chars_before_thread=400,
        prompt_words_max=12,
        pitch_words_max=35,
        disclaimer_words_max=80,
        prose_words_min=8,
        decision_min=0.6,
        decision_min_other=0.75,
        decision_min_extracted=0.6,
        decision_min_extracted_other=0.9,
    ),
    "recall": Thresholds(
        min_confidence=0.45,
        headline_run_min=3,
        headline_run_min_after_trigger=1,
        menu_run_min=3,
        comment_markers_min=2,
        comment_gap_max=20,
        article_chars_before_thread=250,
        prompt_words_max=16,
        pitch_words_max=45,
        disclaimer_words_max=120,
        prose_words_min=8,
        decision_min=0.5,
        decision_min_other=0.65,
        decision_min_extracted=0.5,
        decision_min_extracted_other=0.8,
    ),
}

#: The named profiles, from most conservative to most aggressive.
PROFILES = MappingProxyType(_PROFILES)
#: The profile used when none is given.
DEFAULT_PROFILE = "balanced"


def thresholds_for(profile: str) -> Thresholds:
    """Return the thresholds of ``profile``.

    :raises UnknownProfileError: when the name is not in :data:`PROFILES`.
    """
    try:
        return PROFILES[profile]
    except (KeyError, TypeError):
        raise UnknownProfileError(
            f"unknown profile {profile!r}; choose one of: {', '.join(PROFILES)}"
        ) from None
