"""The report's colours: one per category of boilerplate and one per gold mark.

Colour is never the only sign: every removed line also carries its category as text,
and every judged line its mark.
"""

from __future__ import annotations

from types import MappingProxyType

from ..labels import Category

#: A colour for each category, distinct from its neighbours in the chart.
CATEGORY_COLOURS = MappingProxyType({
    Category.HEADLINE_LIST.value: "#4e79a7",
    Category.COMMENTS.value: "#f28e2b",
    Category.AFFILIATE.value: "#e15759",
    Category.BREADCRUMB.value: "#76b7b2",
    Category.SHARE.value: "#59a14f",
    Category.NEWSLETTER.value: "#edc948",
    Category.COOKIE.value: "#b07aa1",
    Category.ADVERTISEMENT.value: "#ff9da7",
    Category.DATELINE.value: "#9c755f",
    Category.BYLINE.value: "#bab0ac",
    Category.DUPLICATE_TITLE.value: "#1f77b4",
    Category.PHOTO_CREDIT.value: "#8cd17d",
    Category.SOURCE.value: "#b6992d",
    Category.COPYRIGHT.value: "#499894",
    Category.NAVIGATION.value: "#86bcb6",
    Category.REPEATED.value: "#d37295",
    Category.OUTSIDE_ARTICLE.value: "#a0cbe8",
    Category.NOTICE.value: "#ffbe7d",
    Category.CUSTOM.value: "#79706e",
})
#: The colour of a category missing from :data:`CATEGORY_COLOURS`.
FALLBACK_COLOUR = "#8c8c8c"
#: A colour for each gold mark (see :mod:`declutter.report.gold`).
MARK_COLOURS = MappingProxyType({
    "content_kept": "#2ca02c",
    "noise_removed": "#9e9e9e",
    "content_lost": "#d62728",
    "noise_kept": "#ff7f0e",
})


def category_colour(category: str) -> str:
    """The colour of ``category``."""
    return CATEGORY_COLOURS.get(category, FALLBACK_COLOUR)
