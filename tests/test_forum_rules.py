"""The chrome of a discussion board (board labels, poster profiles), on forum pages only."""

from __future__ import annotations

import declutter

POST_1 = ("I have been running the 7.1 beta on two hosts for a month now and the NAT "
          "network still drops after a resume from sleep on both of them.")
POST_2 = ("Same here on Windows 11. Restarting the NAT network service brings it back, "
          "but only until the next time the host goes to sleep.")
POST_3 = ("Thanks, that workaround helps. I filed a ticket with the logs from both hosts, "
          "so hopefully it gets fixed before the final release.")
ARTICLE = ("The festival returns next summer with three stages and a new programme of "
           "talks, the organisers said on Tuesday, after two years away from the city.")


def forum_thread() -> list[str]:
    return [
        "by Minoa » Tue Aug 27, 2019 1:47 am", "Posts: 4032", "Joined: Dec 11, 2021", "Age: 57",
        POST_1, "Link to post",
        "by Bombadil » Tue Aug 27, 2019 4:08 am", "Posts: 12", "Joined: Mon Jul 24, 2017 9:28 am",
        POST_2, "Link to post",
        "by Minoa » Wed Aug 28, 2019 11:21 am", "Posts: 4032", "Joined: Dec 11, 2021",
        "Age: 57. Will hit 59.5 in early 2026.", POST_3,
    ]


def test_profile_fields_and_board_labels_leave_a_forum_thread():
    result = declutter.explain("\n".join(forum_thread()))
    kept = result.text.splitlines()
    assert [line for line in kept if line.startswith(("Posts:", "Joined:", "Link to"))] == []
    assert "Age: 57" not in kept
    removed = {segment.rule for segment in result.segments if not segment.kept}
    assert removed == {"poster_profile", "board_label"}
    assert all(post in kept for post in (POST_1, POST_2, POST_3))


def test_a_field_that_goes_on_as_a_sentence_stays():
    kept = declutter.clean("\n".join(forum_thread())).splitlines()
    assert "Age: 57. Will hit 59.5 in early 2026." in kept


def test_the_page_stays_a_discussion_once_its_profiles_are_removed():
    # without the profile fields, the next pass would read the post headers as bylines
    kept = declutter.clean("\n".join(forum_thread())).splitlines()
    assert "by Bombadil » Tue Aug 27, 2019 4:08 am" in kept


def test_fields_of_an_article_stay():
    lines = [ARTICLE, "Location: Paris, France", "Founded: 1954", ARTICLE.replace("summer", "spring")]
    kept = declutter.clean("\n".join(lines)).splitlines()
    assert "Location: Paris, France" in kept and "Founded: 1954" in kept


def test_cleaning_a_cleaned_thread_keeps_its_post_headers():
    """A thread cleaned once has lost its profiles; its post headers ('by Jane » date')
    still make it a discussion, so cleaning it again changes nothing."""
    once = declutter.clean("\n".join(forum_thread()))
    assert declutter.clean(once) == once
    assert "by Bombadil » Tue Aug 27, 2019 4:08 am" in once.splitlines()


def test_one_byline_with_a_date_does_not_make_a_discussion():
    lines = ["by Jane Doe » Tue Aug 27, 2019 1:47 am", ARTICLE, ARTICLE.replace("summer", "spring")]
    result = declutter.explain("\n".join(lines))
    assert not result.segments[0].kept and result.segments[0].rule == "byline"
