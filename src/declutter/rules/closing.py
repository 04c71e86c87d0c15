"""The tail after the boilerplate that closes an article.

An article ends with its last paragraph. What a page prints after it is a sign-up box, a
share bar, a copyright line, a tag list, and then more of the same: other stories'
headlines with their summaries, a podcast's download links, a promotion, a button.
Once a line after the last paragraph is certain boilerplate, the lines after it are the
page's too, unless a sentence stands among them: then the article went on, and each
line is left to the rules that know it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from ..features import ends_sentence, list_marker
from ..labels import Category, Confidence, Label, Mark
from .base import Finding, ScanContext

#: A paragraph is a line of at least this many words that is no list item (a long
#: line, even without a sentence's end, is the article's or the rest of the page's)...
PARAGRAPH_WORDS_MIN = 20
#: ...or, in a language written without spaces, running text of this many characters.
PARAGRAPH_CHARS_MIN = 100
#: Fewest lines that sell ('Get one-on-one help ...', 'Ready to get noticed?') that make
#: the end of a text a promotion, each of at most PITCH_WORDS_MAX words (a paragraph that
#: opens 'Start with ...' is the article's advice)...
PITCHES_MIN = 2
PITCH_WORDS_MAX = 60
#: ...with the short headings between them ('Collaborate with us', 'CONTACT INFO'), of at
#: most this many words and no sentence...
PITCH_HEADING_WORDS_MAX = 8
#: ...when the article's prose before it is at least this many times the promotion.
PITCH_ARTICLE_OUTWEIGHS = 2


@dataclass(frozen=True)
class ClosingTailRule:
    """The lines after the first certain boilerplate that follows the last paragraph,
    when no sentence is among them. The label is ``LIKELY``, so content guards
    (ingredients, numbered steps, table rows) still keep what they cover."""

    name: str = "closing_tail"
    category: Category = Category.OUTSIDE_ARTICLE
    description: str = (
        "the lines after the boilerplate that closes the article (a sign-up box, a share "
        "bar, a copyright line after its last paragraph) when no sentence follows it"
    )
    uses_prior: bool = True

    def scan(self, ctx: ScanContext) -> Iterator[Finding]:
        order = ctx.doc.content
        settled = [ctx.prior.get(i, 0.0) >= ctx.thresholds.min_confidence for i in order]
        last = _last_paragraph(ctx, order, settled)
        if last is None:
            return
        closing = next((position for position in range(last + 1, len(order))
                        if ctx.prior.get(order[position], 0.0) >= Confidence.STRONG), None)
        if closing is None:
            return
        tail = [order[p] for p in range(closing + 1, len(order)) if not settled[p]]
        if not tail or any(_sentence(ctx, i) for i in tail):
            return
        yield Mark(tail[0], tail[-1], Label(
            self.name, self.category, Confidence.LIKELY,
            f"after the boilerplate that closes the article (line {order[closing] + 1})"))


def _last_paragraph(ctx: ScanContext, order: list[int], settled: list[bool]) -> int | None:
    """The position in ``order`` of the last paragraph no rule has settled as noise."""
    table = ctx.table
    for position in range(len(order) - 1, -1, -1):
        index = order[position]
        line = ctx.doc.lines[index]
        if settled[position] or list_marker(line) is not None:
            continue
        if table.words[index] >= PARAGRAPH_WORDS_MIN or (
                table.prose[index] and len(line.strip()) >= PARAGRAPH_CHARS_MIN):
            return position
    return None


def _sentence(ctx: ScanContext, index: int) -> bool:
    """Whether line ``index`` is running text that is no list item."""
    return ctx.table.prose[index] and list_marker(ctx.doc.lines[index]) is None


@dataclass(frozen=True)
class ClosingPitchRule:
    """A promotion that closes an extracted article: from the end of the text back, lines
    that open as a sales pitch does (``pitch_opener``: an imperative, 'Get', 'Join',
    'Book', 'Sign up'; or a question that sells, 'Ready to', 'Looking for') and the short
    headings between them, up to the first other line. A list item stops it too: the
    article's own list ends where the promotion begins."""

    name: str = "closing_pitch"
    category: Category = Category.ADVERTISEMENT
    description: str = (
        "a promotion that closes an extracted article: lines that sell ('Get one-on-one "
        "help ...', 'Ready to get noticed?', 'Sign up today ...') and the short headings "
        "between them, to the end of the text"
    )

    def scan(self, ctx: ScanContext) -> Iterator[Finding]:
        if ctx.forum or ctx.whole_page:
            return  # posts sell and ask too; a whole page's footer has rules of its own
        table, doc = ctx.table, ctx.doc
        pitches = {index for index, _ in
                   table.lines_opening_with(ctx.lexicon.phrases("pitch_opener"))}
        if len(pitches) < PITCHES_MIN:
            return
        order = doc.content
        count, start = 0, len(order)
        for position in range(len(order) - 1, -1, -1):
            index = order[position]
            line = doc.lines[index]
            if list_marker(line) is not None:
                break
            if index in pitches and table.words[index] <= PITCH_WORDS_MAX:
                count += 1
            elif table.words[index] > PITCH_HEADING_WORDS_MAX or ends_sentence(line):
                break
            start = position
        if count < PITCHES_MIN:
            return
        block = order[start:]
        size = sum(len(doc.lines[i].strip()) for i in block)
        if table.prose_before(block[0]) < PITCH_ARTICLE_OUTWEIGHS * size:
            return
        yield Mark(block[0], block[-1], Label(
            self.name, self.category, Confidence.LIKELY,
            f"{count} lines that sell, and the headings between them, close the text"))


RULE = ClosingTailRule()
PITCH = ClosingPitchRule()
