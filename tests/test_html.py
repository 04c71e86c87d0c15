"""HTML in: which pages declutter treats as discussions, and what it asks trafilatura for."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

import declutter
from declutter import html as html_module


def microdata(*types: str) -> str:
    return "".join(f'<div itemscope itemtype="https://schema.org/{t}"><p>x</p></div>' for t in types)


def json_ld(*types: str) -> str:
    items = ",".join(f'{{"@type": "{t}", "name": "x"}}' for t in types)
    return f'<script type="application/ld+json">[{items}]</script>'


@pytest.mark.parametrize("page", [
    microdata("DiscussionForumPosting"),
    json_ld("QAPage"),
    microdata("Comment", "Comment", "Person"),
    json_ld("Answer", "Answer"),
    '<div itemType="http://schema.org/DiscussionForumPosting">',
    '<script type="application/ld+json">{"@type" : ["DiscussionForumPosting", "Thing"]}</script>',
])
def test_pages_that_declare_a_discussion(page: str) -> None:
    assert html_module.is_discussion(page)
    assert html_module.is_discussion(page.encode("utf-8"))
    assert html_module.extraction_options(page) == html_module.DISCUSSION_OPTIONS


@pytest.mark.parametrize("page", [
    "<html><body><p>No markup at all.</p></body></html>",
    microdata("NewsArticle", "Comment", "Comment", "Comment"),
    json_ld("BlogPosting", "DiscussionForumPosting"),
    json_ld("FAQPage", "Question", "Answer", "Answer"),
    microdata("Comment"),
    "<p>itemtype=schema.org/QAPage written as prose, not as markup</p>",
])
def test_articles_and_unmarked_pages_favour_recall(page: str) -> None:
    assert not html_module.is_discussion(page)
    assert html_module.extraction_options(page) == html_module.TRAFILATURA_OPTIONS


def test_the_options_returned_are_a_copy() -> None:
    options = html_module.extraction_options("<p>x</p>")
    options["favor_recall"] = False
    assert html_module.TRAFILATURA_OPTIONS["favor_recall"] is True


def test_clean_html_passes_the_page_options_to_trafilatura(monkeypatch) -> None:
    import trafilatura

    seen = []
    monkeypatch.setattr(trafilatura, "extract",
                        lambda page, **options: seen.append(options) or "Reply")
    declutter.clean_html(json_ld("QAPage"))
    declutter.clean_html(json_ld("NewsArticle"))
    assert seen == [html_module.DISCUSSION_OPTIONS, html_module.TRAFILATURA_OPTIONS]


@given(st.binary(max_size=2000) | st.text(max_size=2000))
def test_any_input_gets_an_answer(page) -> None:
    assert isinstance(html_module.is_discussion(page), bool)


def test_schema_scan_stays_linear_on_hostile_markup() -> None:
    hostile = '"@type"' + ":" * 200_000 + ' itemtype=' * 50_000
    assert not html_module.is_discussion(hostile)
