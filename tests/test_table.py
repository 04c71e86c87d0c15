"""The line table: what a later pass takes from an earlier one equals what it would compute."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from declutter.assemble import assemble, emitted_lines
from declutter.document import segment
from declutter.engine import _line_map
from declutter.table import anchor_of, build_table, carry_line_caches
from test_properties import page_texts

ANCHORS = ("cookies", "newsletter", "reuters", "commission")


@settings(max_examples=150, deadline=None, derandomize=True)
@given(page_texts(), st.lists(st.booleans(), max_size=60))
def test_caches_carried_from_an_earlier_pass_equal_fresh_ones(text, drops):
    doc = segment(text)
    keep = [not (drops[i] if i < len(drops) else False) for i in range(len(doc.lines))]
    emitted = emitted_lines(doc, keep)
    later = segment(assemble(doc, emitted))
    mapping = _line_map(doc, emitted, later)
    first = build_table(doc, "en", 8, ANCHORS)
    computed = (first.anchor_hits, first.short_digit_lines, first.menu_like)
    assert all(value is not None for value in computed)  # computed before carrying
    carried = build_table(later, "en", 8, ANCHORS)
    carry_line_caches(first, carried, mapping)
    fresh = build_table(later, "en", 8, ANCHORS)
    assert carried.anchor_hits == fresh.anchor_hits
    assert carried.short_digit_lines == fresh.short_digit_lines
    assert carried.menu_like == fresh.menu_like


def test_caches_are_not_carried_between_tables_built_differently():
    doc = segment("Accept cookies\n12 comments\n")
    first = build_table(doc, "en", 8, ANCHORS)
    assert first.anchor_hits and first.short_digit_lines
    other = build_table(doc, "de", 8, ANCHORS)
    carry_line_caches(first, other, [0, 1])
    assert "anchor_hits" not in other.__dict__ and "short_digit_lines" not in other.__dict__


def test_a_phrase_whose_longest_word_carries_punctuation_is_found():
    import declutter
    from declutter.table import anchor_of

    assert anchor_of("en vous inscrivant, vous acceptez") == "inscrivant"
    assert anchor_of("mat. pras") == "pras"
    assert anchor_of("…") == "…"
    article = ("Le conseil municipal a voté mardi l'extension du réseau de bus, une décision qui "
               "réduira les temps de trajet de milliers de navetteurs au printemps prochain.\n")
    line = "En vous inscrivant, vous acceptez nos conditions d'utilisation."
    result = declutter.explain(article + line + "\n", lang="fr")
    removed = {result.line(s): s.rule for s in result.segments if not s.kept}
    assert removed == {line: "newsletter_prompt"}


def test_a_line_with_two_phrases_is_told_of_the_one_that_starts_first():
    key_line = "m2n limited, company number 03997482, registered in england and wales."
    phrases = ("registered in england and wales", "company number", "company")
    anchors = tuple(sorted({anchor_of(p) for p in phrases}))
    table = build_table(segment(key_line + "\n"), "en", 8, anchors)
    for order in (phrases, phrases[::-1]):
        assert list(table.lines_containing(order)) == [(0, "company number")]
