"""What the explanation says the page was taken for: a discussion or an article, whole
page or extracted text (shown by the HTML report beside the language)."""

from __future__ import annotations

from pathlib import Path

import declutter

from test_forum_rules import forum_thread

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_a_forum_thread_is_a_discussion():
    assert declutter.explain("\n".join(forum_thread())).page_kind == "discussion"


def test_an_extracted_article_is_an_article_and_not_a_whole_page():
    result = declutter.explain("Advertisement\nThe vote was held on Sunday, officials said.\n")
    assert (result.page_kind, result.whole_page) == ("article", False)


def test_a_page_with_its_menus_is_a_whole_page():
    menu = ["Home", "News", "Sport", "Business", "Culture", "Travel", "Weather", "Contact",
            "About us", "Subscribe", "Sign in", "Search"]
    body = ("The council approved the new budget on Tuesday after a long debate about the "
            "cost of the bridge repairs, which will start in the spring.")
    result = declutter.explain("\n".join([*menu, body, body.replace("council", "mayor")]))
    assert result.whole_page is True
