"""HTML in: which pages declutter treats as discussions, what it asks trafilatura for, the
comment section it keeps apart, and the title the page's metadata holds."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from hypothesis import given, strategies as st

import declutter
from declutter import html as html_module
from declutter.hints import PageHints
from test_rules import P1, P2, P3, P4


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
    assert html_module.extraction_options(page) == [html_module.DISCUSSION_OPTIONS]


@pytest.mark.parametrize("page", [
    "<html><body><p>No markup at all.</p></body></html>",
    microdata("NewsArticle", "Comment", "Comment", "Comment"),
    json_ld("BlogPosting", "DiscussionForumPosting"),
    json_ld("FAQPage", "Question", "Answer", "Answer"),
    microdata("Comment"),
    "<p>itemtype=schema.org/QAPage written as prose, not as markup</p>",
])
def test_articles_and_unmarked_pages_try_recall_then_the_default_balance(page: str) -> None:
    assert not html_module.is_discussion(page)
    assert html_module.extraction_options(page) == [html_module.TRAFILATURA_OPTIONS,
                                                    html_module.DISCUSSION_OPTIONS]


def test_the_options_returned_are_copies() -> None:
    options = html_module.extraction_options("<p>x</p>")
    options[0]["favor_recall"] = False
    assert html_module.TRAFILATURA_OPTIONS["favor_recall"] is True


def test_clean_html_passes_the_page_options_to_trafilatura(monkeypatch) -> None:
    import trafilatura

    seen = []
    monkeypatch.setattr(trafilatura, "bare_extraction",
                        lambda page, **options: seen.append(options) or {"text": "Reply"})
    declutter.clean_html(json_ld("QAPage"))
    declutter.clean_html(json_ld("NewsArticle"))
    assert seen == [html_module.DISCUSSION_OPTIONS, html_module.TRAFILATURA_OPTIONS,
                    html_module.DISCUSSION_OPTIONS]


@pytest.mark.parametrize("recall, default, kept", [
    ("Only the lead survived.", "The lead and the whole body of the article.", "default"),
    ("The lead, the body and the table of results.", "The lead alone.", "recall"),
    ("Same length.", "Same length!", "recall"),  # the first of equals
])
def test_the_extraction_holding_more_text_is_cleaned(monkeypatch, recall, default, kept):
    import trafilatura

    def extract(page, **options):
        return {"text": recall if options.get("favor_recall") else default}

    monkeypatch.setattr(trafilatura, "bare_extraction", extract)
    extraction = html_module.extract(json_ld("NewsArticle"))
    assert extraction.text == (recall if kept == "recall" else default)


ARTICLE = [P1, P2, P3, P4]  # four paragraphs: more prose than a thread needs before it
COMMENTS = ["So incredibly helpful, thank you for writing this up!",
            "Can we have a follow up post with pictures of the new buses?"]


def page_with_comments(article: list[str], markup: str = "") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in article)
    comments = "".join(f"<div class='comment'><p>{c}</p></div>" for c in COMMENTS)
    return (f"<html><head>{markup}</head><body><article><h1>Council expands buses</h1>"
            f"{paragraphs}</article><div id='comments' class='comments'>{comments}</div>"
            "</body></html>")


def test_extraction_is_trafilaturas_text_with_the_comments_boundary() -> None:
    import trafilatura

    page = page_with_comments(ARTICLE)
    extraction = html_module.extract(page)
    fullest = max((trafilatura.extract(page, **options)
                   for options in html_module.extraction_options(page)), key=len)
    assert extraction.text == fullest
    assert extraction.text[extraction.hints.comments_offset:] == "\n".join(COMMENTS)


def test_a_page_that_declares_a_discussion_says_so_in_its_hints() -> None:
    """Its posts are the content, however they open; the rules treat it as a forum."""
    assert html_module.extract(page_with_comments(ARTICLE, json_ld("DiscussionForumPosting"))
                               ).hints.discussion
    assert not html_module.extract(page_with_comments(ARTICLE)).hints.discussion


def test_a_discussion_cleaned_again_as_a_discussion_is_unchanged() -> None:
    """clean_html's output is a fixed point of cleaning with what the page said of itself
    (plain ``clean`` cannot know that the text is a thread)."""
    cleaned = declutter.clean_html(page_with_comments(ARTICLE, json_ld("DiscussionForumPosting")))
    assert declutter.clean(cleaned, page_kind="discussion") == cleaned


def test_clean_html_drops_the_comments_after_an_article() -> None:
    cleaned = declutter.clean_html(page_with_comments(ARTICLE))
    assert all(p in cleaned for p in ARTICLE)
    assert not any(c in cleaned for c in COMMENTS)


@pytest.mark.parametrize("page", [
    page_with_comments(ARTICLE[:1]),                           # a question, then its replies
    page_with_comments(ARTICLE, json_ld("DiscussionForumPosting")),
])
def test_comments_stay_when_they_are_the_page(page: str) -> None:
    cleaned = declutter.clean_html(page)
    assert all(c in cleaned for c in COMMENTS)


@pytest.mark.parametrize("result, expected", [
    (None, html_module.Extraction("")),
    ({"text": "  Body.\n", "comments": None}, html_module.Extraction("Body.")),
    ({"text": "\n", "comments": "A reply.\n"}, html_module.Extraction("A reply.")),
    ({"text": "Body.", "comments": "A reply."},
     html_module.Extraction("Body.\nA reply.", PageHints(comments_offset=6))),
    (SimpleNamespace(text="Body.", comments="A reply."),
     html_module.Extraction("Body.\nA reply.", PageHints(comments_offset=6))),
    (SimpleNamespace(text="Cafe\u0301.", comments=""), html_module.Extraction("Caf\u00e9.")),
])
def test_extraction_from_either_form_of_trafilaturas_result(monkeypatch, result, expected):
    import trafilatura

    monkeypatch.setattr(trafilatura, "bare_extraction", lambda page, **options: result)
    assert html_module.extract("<p>x</p>") == expected


@given(st.binary(max_size=2000) | st.text(max_size=2000))
def test_any_input_gets_an_answer(page) -> None:
    assert isinstance(html_module.is_discussion(page), bool)
    for found in (html_module.page_titles(page), html_module.page_descriptions(page)):
        assert isinstance(found, tuple) and all(t and t == " ".join(t.split()) for t in found)


@pytest.mark.parametrize("head, expected", [
    ("<title>Buses &amp; trams | The Courier</title>", ("Buses & trams | The Courier",)),
    ('<TITLE lang="en">\n  Buses\n  and trams </TITLE>', ("Buses and trams",)),
    ('<meta content="Buses and trams" property="og:title">', ("Buses and trams",)),
    ("<meta name='twitter:title' content='Buses and trams'/>", ("Buses and trams",)),
    ('<title>Buses | Courier</title><meta property="og:title" content="Buses">',
     ("Buses | Courier", "Buses")),
    ('<title>Buses</title><meta property="og:title" content="Buses">', ("Buses",)),
    ('<title></title><meta property="og:description" content="Not a title.">', ()),
    ('<meta property="og:title" content=""><meta name="twitter:title" content="Buses">',
     ("Buses",)),                                                    # an empty one is skipped
])
def test_page_titles_come_from_the_head(head: str, expected: tuple[str, ...]) -> None:
    page = f"<html><head>{head}</head><body><svg><title>Search icon</title></svg></body></html>"
    assert html_module.page_titles(page) == expected
    assert html_module.page_titles(page.encode("utf-8")) == expected


def titled_page(title: str) -> str:
    return page_with_comments(ARTICLE).replace("<head>", f"<head><title>{title}</title>")


def test_clean_html_drops_the_heading_that_repeats_the_pages_title() -> None:
    page = titled_page("Council expands buses - The Courier")
    extraction = html_module.extract(page)
    assert extraction.hints.titles == ("Council expands buses - The Courier",)
    assert extraction.text.startswith("Council expands buses\n")
    assert "Council expands buses" in declutter.clean(extraction.text)  # text alone keeps it
    cleaned = declutter.clean_html(page)
    assert "Council expands buses" not in cleaned and cleaned.startswith(P1)


def test_the_heading_stays_when_the_title_is_another() -> None:
    cleaned = declutter.clean_html(titled_page("Tram fares to rise - The Courier"))
    assert cleaned.startswith("Council expands buses\n")


def test_schema_scan_stays_linear_on_hostile_markup() -> None:
    hostile = '"@type"' + ":" * 200_000 + ' itemtype=' * 50_000
    assert not html_module.is_discussion(hostile)


def test_title_scan_stays_linear_on_hostile_markup() -> None:
    hostile = "<title>" * 50_000 + "<meta " + 'property="og:title" ' * 20_000 + "<meta content='"
    assert html_module.page_titles(hostile) == ()
    assert html_module.page_descriptions(hostile.replace("og:title", "description")) == ()


@pytest.mark.parametrize("head, expected", [
    ('<meta name="description" content="Twelve new routes &amp; more.">',
     ("Twelve new routes & more.",)),
    ("<meta content='Twelve new routes.' property='og:description'>", ("Twelve new routes.",)),
    ('<meta name="description" content="Twelve new routes.">'
     '<meta name="twitter:description" content="Twelve new routes.">', ("Twelve new routes.",)),
    ('<meta name="description" content=""><meta property="og:title" content="Buses">', ()),
])
def test_page_descriptions_come_from_the_head(head: str, expected: tuple[str, ...]) -> None:
    page = (f"<html><head>{head}</head><body>"
            '<meta itemprop="description" content="A product in the body."></body></html>')
    assert html_module.page_descriptions(page) == expected


DEK = "Twelve new routes will link the suburbs to the centre by spring."


def page_with_dek(dek_markup: str, description: str = DEK) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in ARTICLE)
    return (f'<html><head><meta name="description" content="{description}"></head><body>'
            f"<article><h1>Council expands buses</h1>{dek_markup}{paragraphs}</article>"
            "</body></html>")


def test_clean_html_drops_the_standfirst_that_repeats_the_description() -> None:
    page = page_with_dek(f"<h2>{DEK}</h2>")
    extraction = html_module.extract(page)
    assert extraction.hints.standfirst == DEK
    assert DEK in declutter.clean(extraction.text)  # the text alone keeps it
    cleaned = declutter.clean_html(page)
    assert DEK not in cleaned and P1 in cleaned


@pytest.mark.parametrize("page", [
    page_with_dek(f"<p>{DEK}</p>"),                       # the article's first paragraph
    page_with_dek(f"<h2>{DEK}</h2>", "Buses for the suburbs."),  # says something else
    page_with_dek(f"<p>{P1}</p><h2>{DEK}</h2>"),          # a heading further down
])
def test_a_line_like_the_description_stays_unless_it_is_the_heading_under_the_title(page) -> None:
    assert html_module.extract(page).hints.standfirst == ""
    assert DEK in declutter.clean_html(page)
