"""Readers' comments appended after an extracted article without their markers
(``reader_comments``): what makes them a thread, and what keeps look-alikes."""

from __future__ import annotations

import pytest

import declutter
from declutter.rules.replies import (
    OPENINGS_MIN,
    TAIL_LINES_MAX,
    WHOLE_REPLY_TAIL_LINES,
    WHOLE_REPLY_WORDS_MAX,
)

ARTICLE = [
    "The city council voted on Tuesday to expand the bus network, a decision that officials "
    "said would cut travel times for thousands of commuters by next spring.",
    "Critics argued that the plan was too expensive and that the money should have been spent "
    "on repairing roads, but the mayor said the vote was a turning point for the city.",
    "The first new routes are expected to open in March, and the council will review the "
    "results after a year before deciding whether to extend the programme further.",
    "Bus drivers' unions welcomed the decision, saying that the new routes would bring "
    "hundreds of jobs, while shop owners on the main street hope for more customers.",
]
COMMENTS = [
    "Hi Melissa,",
    "Do the new routes run on Sundays too? We have no car and the old bus stops at six.",
    "Hey Tom, the timetable says they do, every half hour.",
    "Thanks for sharing these details! I had not seen the map before.",
    "Great read - looking forward to the next part of the series.",
]


def kept(lines: list[str], **options) -> list[str]:
    """The non-blank lines ``declutter.clean`` keeps of the text made of ``lines``."""
    text = "\n".join(lines) + "\n"
    return [line for line in declutter.clean(text, **options).splitlines() if line.strip()]


def test_comments_after_the_article_go_to_the_end():
    assert kept(ARTICLE + COMMENTS) == ARTICLE


def test_the_rule_names_itself_and_its_category():
    result = declutter.explain("\n".join(ARTICLE + COMMENTS) + "\n")
    removed = {(s.rule, s.category) for s in result.removed}
    assert removed == {("reader_comments", "comments")}


def test_fewer_openings_than_a_thread_needs_stay():
    few = [line for line in COMMENTS if not line.startswith(("Hey", "Great"))]
    assert sum(1 for line in few if line.startswith(("Hi ", "Thanks"))) == OPENINGS_MIN - 1
    assert kept(ARTICLE + few) == ARTICLE + few


LONG_REPLIES = [
    "This reminded me of an essay on transit planning that argued the opposite, that a "
    "denser network matters less than how often the buses come.",
    "As a separate note, the figures on travel times are the council's own, and nobody has "
    "checked them against the old timetable yet.",
]


def test_one_short_reply_opens_the_thread_after_it():
    """'Great read - ...' alone on its line is a whole comment; the lines after it are the
    rest of the thread, though none of them opens as a comment does."""
    reply = "Great read - looking forward to the rest of the series!"
    assert len(reply.split()) <= WHOLE_REPLY_WORDS_MAX
    assert kept(ARTICLE + [reply] + LONG_REPLIES) == ARTICLE


def test_a_long_line_opening_as_a_reply_is_no_whole_comment():
    line = ("Thanks for sharing the figures, the council said in a statement on Wednesday, "
            "adding that the buses would also run on public holidays from next year.")
    assert len(line.split()) > WHOLE_REPLY_WORDS_MAX
    assert kept(ARTICLE + [line] + LONG_REPLIES) == ARTICLE + [line] + LONG_REPLIES


def test_a_closing_thank_you_as_the_last_line_stays():
    """The author's sign-off ends the text; a reader's comment has a thread after it."""
    lines = ARTICLE + ["Thank you so much for reading!"]
    assert kept(lines) == lines


def test_one_reply_deep_in_a_long_discussion_stays():
    """A lone reply with many lines after it is one post among many, not a thread's start."""
    posts = [f"Post {n}: {LONG_REPLIES[n % 2]}" for n in range(WHOLE_REPLY_TAIL_LINES)]
    lines = ARTICLE + ["Thanks for the post!"] + posts
    assert kept(lines) == lines
    assert kept(ARTICLE + ["Thanks for the post!"] + posts[:2]) == ARTICLE


def test_a_question_and_its_answers_are_the_page():
    """A forum thread: the first post is no article that outweighs its replies."""
    question = ["How do I get to the airport by bus? I tried the timetable but it is confusing."]
    replies = [
        "Hi Anna,",
        "Take the number 5 from the station, it leaves every twenty minutes and takes about "
        "forty minutes to reach the terminal, longer in the evening rush hour.",
        "Hey Anna, the night bus also stops there, but only once an hour after midnight, so "
        "check the timetable before you rely on it for an early flight.",
        "Thanks for the tips, everyone! I took the number 5 and it was easy.",
    ]
    assert kept(question + replies) == question + replies


def test_comments_that_outweigh_the_article_stay():
    long_replies = [line + " " + ARTICLE[0] + " " + ARTICLE[1] for line in
                    ("Hi Melissa, I agree.", "Hey Tom, so do I.", "Thanks for sharing this.")]
    assert kept(ARTICLE + long_replies) == ARTICLE + long_replies


def test_openings_far_from_the_end_of_the_text_stay():
    """A run of greetings in the middle of a long text is no appended thread. (The
    article repeats four paragraphs, which the page-kind judgement cannot tell from a
    listing's items: it is stated to be an article.)"""
    article = [f"{ARTICLE[n % 4]} ({n})" for n in range(2 * TAIL_LINES_MAX)]
    tail = [f"Route {n} will run through the northern suburbs every {n + 5} minutes, the "
            f"council said, and stop at the station." for n in range(TAIL_LINES_MAX + 1)]
    lines = article + COMMENTS + tail
    assert kept(lines, page_kind="article") == lines
    assert kept(article + COMMENTS + tail[:-2], page_kind="article") == article


def test_letters_in_an_advice_column_stay():
    """'Dear Abby:' heads a letter; the colon is no comment's greeting."""
    letters = [
        "DEAR ABBY: My husband bought tickets to India without asking me first.",
        "DEAR FEELING: You have a right to be upset, and you should tell him so.",
        "DEAR ABBY: My sister has just been diagnosed with cancer.",
        "DEAR CONCERNED: Be there for her, and listen more than you speak.",
    ]
    assert kept(ARTICLE + letters) == ARTICLE + letters


def test_a_greeting_to_everyone_is_no_address():
    """'Hey, I'm Kev' greets all readers; only 'Hey Tom,' speaks to one person."""
    lines = ARTICLE + ["Hey, I'm Kev, and this is my bus blog.", "Hello, Welcome Aboard.",
                       "Hi, It's me again.", "Great read, if I may say so."]
    assert kept(lines) == lines


def test_the_precision_profile_keeps_them():
    assert kept(ARTICLE + COMMENTS, profile="precision") == ARTICLE + COMMENTS


def test_disabling_the_rule_keeps_them():
    assert kept(ARTICLE + COMMENTS, disable=["reader_comments"]) == ARTICLE + COMMENTS


@pytest.mark.parametrize("greeting,addresses", [
    ("Hi Melissa,", True), ("Hey Billy, Hiroshima is close to Osaka.", True),
    ("Hello Jill-", True), ("Thank you Melissa!", True), ("Hi Melissa", True),
    ("Hi Jill Smith!", True),
    ("Hi I would like to ask about the routes.", False), ("Hi from England,", False),
    ("Hello everyone,", False), ("DEAR ABBY: My husband", False), ("Hey, I'm Kev", False),
    ("Hi Mary Ann Jones,", False), ("Hello.", False), ("Highways are busy.", False),
])
def test_which_greetings_address_someone(greeting, addresses):
    from declutter.document import segment
    from declutter.lexicon import load_lexicon
    from declutter.rules.replies import addresses_someone
    from declutter.table import build_table
    table = build_table(segment(greeting), "en", 8)
    found = dict(table.lines_opening_with(load_lexicon(("en",)).phrases("greeting")))
    assert (0 in found and addresses_someone(greeting, table.keys[0], found[0])) is addresses
