"""The built-in rules, in registry order: content guards first, then noise rules."""

from __future__ import annotations

from . import attribution, breadcrumb, byline, closing, comments, consent, dateline
from . import duplicate_title, forum
from . import guards, headlines, line_model, main_content, markup, navigation, passages, phrases
from . import replies, tags
from .base import PhraseRule, Rule, ScanContext

#: Every built-in rule, in the order the registry applies them.
DEFAULT_RULES: tuple[Rule, ...] = (
    guards.LIST_CONTENT,
    guards.QUANTITY,
    guards.STEPS,
    guards.QUOTATION,
    guards.TABLE_ROW,
    phrases.COOKIE_NOTICE,
    consent.RULE,
    phrases.COMMENT_FORM,
    phrases.NEWSLETTER_PROMPT,
    phrases.NEWSLETTER_LINE,
    phrases.NEWSLETTER_MENTION,
    phrases.SHARE_PROMPT,
    phrases.FOLLOW_PROMPT,
    phrases.CALL_TO_ACTION,
    phrases.SUPPORT_APPEAL,
    phrases.SITE_NOTICE,
    navigation.SOCIAL_LINKS,
    navigation.FOLLOW_PLATFORM,
    phrases.ADVERTISEMENT_MARKER,
    phrases.AFFILIATE_DISCLAIMER,
    attribution.COPYRIGHT_FOOTER,
    attribution.PHOTO_CREDIT,
    attribution.GALLERY_MARKER,
    attribution.SOURCE_ATTRIBUTION,
    attribution.REFERENCE_LIST,
    attribution.WIRE_SLUG,
    dateline.RULE,
    byline.RULE,
    byline.CONTACT_LINE,
    phrases.REPORTING_CREDIT,
    phrases.CONTRIBUTOR_NOTE,
    breadcrumb.RULE,
    navigation.INLINE_MENU,
    phrases.NAVIGATION_LINE,
    navigation.BARE_LINK,
    tags.RULE,
    markup.RULE,
    navigation.LINK_BUTTON,
    navigation.MENU_RUN,
    duplicate_title.RULE,
    duplicate_title.METADATA_TITLE,
    duplicate_title.METADATA_STANDFIRST,
    duplicate_title.REPEATED_LINE,
    passages.RULE,
    headlines.RELATED_LINK,
    headlines.HEADLINE_LIST,
    headlines.TEASER_LIST,
    headlines.TRUNCATED_TEASERS,
    headlines.LINK_INVITATIONS,
    phrases.COMMENT_BUTTON,
    comments.RULE,
    comments.SECTION,
    replies.RULE,
    forum.BOARD_LABEL,
    forum.POSTER_PROFILE,
    byline.AUTHOR_BIO,
    closing.PITCH,
    guards.QUOTED_EXAMPLE,
    guards.PREFORMATTED,
    main_content.RULE,
    line_model.RULE,
    closing.RULE,
)

#: Rules whose labels are evidence, not decisions, on an extractor's output: there most
#: of what each removed was the pages' content, or its removals paid nothing, on the
#: tune and the validate pages alike (``benchmarks/rule_ledger.py``,
#: ``docs/quality.md``). On whole-page text they still inform the learned decision; a
#: line they label on extracted text stays unless another rule's label removes it.
EVIDENCE_ONLY_ON_EXTRACTS: frozenset[str] = frozenset({
    "closing_pitch", "closing_tail", "contact_line", "teaser_list",
})

__all__ = ["DEFAULT_RULES", "EVIDENCE_ONLY_ON_EXTRACTS", "PhraseRule", "Rule", "ScanContext"]
