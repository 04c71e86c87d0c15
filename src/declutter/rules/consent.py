"""Consent dialogs: the cookie banner that a page's text carries as a block of lines.

A consent manager lists its purposes, vendors and switches as many lines, of which only
some name cookies or consent ('We and our partners store and/or access information on a
device', 'Always Active', 'Consent Leg.Interest'). Where several lines that the cookie
lexicon names sit close together, the lines between them belong to the same dialog.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from ..labels import Category, Confidence, Label, Mark
from .base import Finding, ScanContext

#: Fewest lines naming cookies or consent that make a dialog.
CONSENT_ANCHORS_MIN = 3
#: Most non-blank lines that may stand between two of them within one dialog.
CONSENT_GAP_MAX = 3


@dataclass(frozen=True)
class ConsentDialogRule:
    """A cookie-consent dialog: a cluster of lines naming cookies or consent, and the
    purpose labels and switches between them."""

    name: str = "consent_dialog"
    category: Category = Category.COOKIE
    description: str = (
        "cookie-consent dialogs: lines naming cookies or consent close together, with the "
        "purposes and switches between them ('Always Active', 'Consent Leg.Interest')"
    )
    anchor_sections: tuple[str, ...] = ("cookie",)

    def scan(self, ctx: ScanContext) -> Iterator[Finding]:
        phrases = ctx.lexicon.phrases("cookie")
        if not phrases:
            return
        anchors = [index for index, _ in ctx.table.lines_containing(phrases)]
        if len(anchors) < CONSENT_ANCHORS_MIN:
            return
        label = Label(self.name, self.category, Confidence.STRONG,
                      "part of a cookie-consent dialog")
        for cluster in ctx.doc.clusters(anchors, CONSENT_GAP_MAX):
            if len(cluster) >= CONSENT_ANCHORS_MIN:
                yield Mark(cluster[0], cluster[-1], label)


RULE = ConsentDialogRule()
