"""Markup left unrendered in the text: shortcodes and forum tags on lines of their own.

A publishing system that fails to render a shortcode prints it: '[caption id="attachment_7"
align="alignright"] A sunset over the bay[/caption]', '[button link="https://..."] Send us
YOUR review[/button]'. What such a line wraps is a widget (a button, a caption, a gallery),
and the attributes of its opening tag show it is not prose. A line made of tags alone
('[/quote]', '[automerge]1574096160[/automerge]') says nothing at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import regex

from ..labels import Category, Confidence
from .base import Finding, ScanContext, single

#: Longest line looked at, in characters: a widget's markup is short.
MARKUP_CHARS_MAX = 600
#: A tag: '[name]', '[/name]' or '[name attr="value" ...]'.
_TAG = r"\[/?+[A-Za-z][\w-]{0,30}+(?:\s[^\[\]\n]{0,400}+)?+\]"
#: A line of tags alone, with digits at most between them; it must close one ('[Engadget]'
#: alone is a source's name in brackets).
_TAGS_ONLY = regex.compile(rf"(?:{_TAG}[\s\d]*+)++", regex.V1)
#: A shortcode with attributes wrapping a line: the name is group 1, the text group 2.
_WRAPPED = regex.compile(
    r"\[([A-Za-z][\w-]{0,30}+)\s++[\w-]{1,30}+\s*+=[^\[\]\n]{0,400}+\]"
    r"([^\[\]\n]{0,300}+)\[/\1\]", regex.V1)


@dataclass(frozen=True)
class MarkupLineRule:
    """Lines that are an unrendered shortcode with attributes, or tags alone."""

    name: str = "markup_line"
    category: Category = Category.NAVIGATION
    description: str = (
        "shortcodes and forum tags left unrendered on a line of their own ('[button "
        "link=\"...\"] Send us YOUR review[/button]', '[/quote]')"
    )

    def scan(self, ctx: ScanContext) -> Iterator[Finding]:
        for index, line in enumerate(ctx.doc.lines):
            if not line.lstrip().startswith("["):
                continue
            line = line.strip()
            if len(line) > MARKUP_CHARS_MAX or not line.endswith("]"):
                continue
            if "[/" in line and _TAGS_ONLY.fullmatch(line):
                yield single(index, self.name, self.category, Confidence.STRONG,
                             "the line is markup tags alone")
            elif not ctx.forum and _WRAPPED.fullmatch(line):
                yield single(index, self.name, self.category, Confidence.STRONG,
                             "the line is a shortcode with attributes, left unrendered")


RULE = MarkupLineRule()
