"""Prompt and marker rules that are pure phrase-list lookups.

Each rule here is one lexicon section applied in one mode; the lexicon decides what
matches, the thresholds how long a line may be.
"""

from __future__ import annotations

from operator import attrgetter

from ..labels import Category, Confidence
from .base import PhraseRule

PROMPT_WORDS = attrgetter("prompt_words_max")
DISCLAIMER_WORDS = attrgetter("disclaimer_words_max")
PITCH_WORDS = attrgetter("pitch_words_max")

COOKIE_NOTICE = PhraseRule(
    name="cookie_notice", category=Category.COOKIE, section="cookie", mode="contains",
    confidence=Confidence.STRONG, max_words=DISCLAIMER_WORDS,
    description="cookie and consent notices ('We use cookies...', 'Accept all cookies')",
)

NEWSLETTER_PROMPT = PhraseRule(
    name="newsletter_prompt", category=Category.NEWSLETTER, section="newsletter",
    mode="contains", confidence=Confidence.STRONG, max_words=PITCH_WORDS,
    description="newsletter and e-mail sign-up prompts ('Sign up for our newsletter')",
)

NEWSLETTER_LINE = PhraseRule(
    name="newsletter_line", category=Category.NEWSLETTER, section="newsletter_line",
    mode="line", confidence=Confidence.LIKELY, max_words=PROMPT_WORDS,
    description="lines that are only a subscribe button or label ('Subscribe', 'Newsletter')",
)

SHARE_PROMPT = PhraseRule(
    name="share_prompt", category=Category.SHARE, section="share_line", mode="line",
    confidence=Confidence.STRONG, max_words=PROMPT_WORDS,
    description="share, print and save buttons on their own line ('Share', 'Tweet', 'Print')",
)

FOLLOW_PROMPT = PhraseRule(
    name="follow_prompt", category=Category.SHARE, section="share_prefix", mode="prefix",
    confidence=Confidence.LIKELY, max_words=PROMPT_WORDS,
    description="short follow/share invitations ('Follow us on Twitter', 'Share on Facebook')",
)

ADVERTISEMENT_MARKER = PhraseRule(
    name="advertisement_marker", category=Category.ADVERTISEMENT,
    section="advertisement_line", mode="line", confidence=Confidence.STRONG,
    max_words=PROMPT_WORDS,
    description="advertisement markers ('Advertisement', 'Story continues below advertisement')",
)

AFFILIATE_DISCLAIMER = PhraseRule(
    name="affiliate_disclaimer", category=Category.AFFILIATE, section="affiliate",
    mode="contains", confidence=Confidence.STRONG, max_words=DISCLAIMER_WORDS,
    description="affiliate and commission disclaimers ('We may earn a commission...')",
)

NAVIGATION_LINE = PhraseRule(
    name="navigation_line", category=Category.NAVIGATION, section="navigation_line",
    mode="line", confidence=Confidence.LIKELY, max_words=PROMPT_WORDS,
    description="site navigation labels on their own line ('Skip to content', 'Menu', 'Log in')",
)

COMMENT_BUTTON = PhraseRule(
    name="comment_button", category=Category.COMMENTS, section="comments_marker",
    mode="line", confidence=Confidence.LIKELY, max_words=PROMPT_WORDS,
    description="comment widget buttons on their own line ('Reply', 'Report', '(View all)')",
)

NEWSLETTER_MENTION = PhraseRule(
    name="newsletter_mention", category=Category.NEWSLETTER, section="newsletter_word",
    mode="contains", confidence=Confidence.LIKELY, max_words=PROMPT_WORDS,
    description="short lines naming a newsletter or subscription ('Pick Six Newsletter')",
    prose=False,
)

CALL_TO_ACTION = PhraseRule(
    name="call_to_action", category=Category.SHARE, section="call_to_action",
    mode="contains", confidence=Confidence.STRONG, max_words=PROMPT_WORDS,
    description="short calls to action that are not sentences ('CLICK HERE TO GET THE APP'), "
                "between paragraphs too: a call to action is no subheading",
    prose=False,
)

SITE_NOTICE = PhraseRule(
    name="site_notice", category=Category.NOTICE, section="site_notice",
    mode="contains", confidence=Confidence.STRONG, max_words=PITCH_WORDS,
    description="notices of the browser or the site rather than the article ('Please enable "
                "JavaScript', 'protected by reCAPTCHA', 'does not support the video tag')",
)

COMMENT_FORM = PhraseRule(
    name="comment_form", category=Category.COMMENTS, section="comment_form",
    mode="contains", confidence=Confidence.STRONG, max_words=PITCH_WORDS,
    description="the labels of a comment form and its moderation notices ('Your email "
                "address will not be published', 'Your comment is awaiting moderation')",
)

SUPPORT_APPEAL = PhraseRule(
    name="support_appeal", category=Category.SHARE, section="support_appeal",
    mode="contains", confidence=Confidence.LIKELY, max_words=PITCH_WORDS,
    description="appeals for donations or paid support ('Become a patron', 'Support our "
                "journalism', 'If you enjoyed this article, ...')",
)

REPORTING_CREDIT = PhraseRule(
    name="reporting_credit", category=Category.BYLINE, section="credit_line", mode="prefix",
    confidence=Confidence.LIKELY, max_words=DISCLAIMER_WORDS,
    description="reporting credits that are not sentences, or stand in brackets ('(Reporting "
                "by A; Editing by B)')",
    prose=False, enclosed=True,
)

CONTRIBUTOR_NOTE = PhraseRule(
    name="contributor_note", category=Category.BYLINE, section="credit_phrase",
    mode="contains", confidence=Confidence.STRONG, max_words=DISCLAIMER_WORDS,
    description="contributor notes ('Jane Doe contributed to this report.')",
)
