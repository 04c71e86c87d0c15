"""One positive and one negative case per rule, asserting the rule name and category.

Each case embeds the line under test in a small article, because context matters: the
same line may be noise after an article and content between two paragraphs.
"""

from __future__ import annotations

import pytest

import declutter
from rules_only import decided_by, rules_clean, rules_explain
import declutter.rules
from declutter.engine import run
from declutter.explain import build_explanation
from declutter.hints import PageHints

P1 = ("The city council voted on Tuesday to expand the bus network, a decision that officials "
      "said would cut travel times for thousands of commuters by next spring.")
P2 = ("Critics argued that the plan was too expensive and that the money should have been "
      "spent on repairing roads, but the mayor said the vote was a turning point for the city.")
CAPTION = ("Mayor Jane Doe, left, and council member John Roe cut the ribbon of the new bus "
           "depot on Tuesday, March 3, 2020. The depot will house forty electric buses.")
SHORT_CAPTION = ("Mayor Jane Doe, left, and council member John Roe cut the ribbon of the new "
                 "bus depot on Tuesday, March 3, 2020. The depot ... more")
BRACKETED_CREDIT = ("(Reporting by Jane Doe, John Roe and Ann Poe in Washington, with additional "
                    "reporting by Max Moe, editing by Tom Brown.)")
SIGN_UP = "Sign up for our newsletter to get the latest news."
CATALOGUE_LINE = ("Pages 1-76 hinges and hinge pins, pages 77-174 folding handles and paddle "
                  "handles, pages 175-206 lock cylinders, rods and accessories for every door")
P3 = ("The first new routes are expected to open in March, and the council will review the "
      "results after a year before deciding whether to extend the programme further.")



def decision(lines: list[str], target: str, learned: bool = False, **options):
    """The segment of the last line equal to ``target`` in the document made of ``lines``
    (decided by the rules alone, or with ``learned`` by the learned decision)."""
    text = "\n\n".join(lines) + "\n"
    result = (declutter.explain if learned else rules_explain)(text, **options)
    for segment in reversed(result.segments):
        if result.line(segment) == target:
            return segment
    raise AssertionError(f"{target!r} not in the document")


# (rule, category, document lines, the line that must be removed)
POSITIVE = [
    ("cookie_notice", "cookie", [P1, P2, "We use cookies to improve your experience. Accept all cookies"],
     "We use cookies to improve your experience. Accept all cookies"),
    ("newsletter_prompt", "newsletter", [P1, P2, "Sign up for our newsletter to get the latest news."],
     "Sign up for our newsletter to get the latest news."),
    ("newsletter_line", "newsletter", [P1, P2, "Newsletter"], "Newsletter"),
    ("share_prompt", "share", [P1, "Share this article", P2], "Share this article"),
    ("follow_prompt", "share", [P1, P2, "Follow us on Twitter"], "Follow us on Twitter"),
    ("social_links", "share", [P1, P2, "Facebook Twitter LinkedIn Email"],
     "Facebook Twitter LinkedIn Email"),
    ("advertisement_marker", "advertisement", [P1, "Advertisement", P2], "Advertisement"),
    ("affiliate_disclaimer", "affiliate",
     ["We may earn a commission for purchases made using our links.", P1, P2],
     "We may earn a commission for purchases made using our links."),
    ("copyright_footer", "copyright", [P1, P2, "© 2024 Example Media. All rights reserved."],
     "© 2024 Example Media. All rights reserved."),
    ("photo_credit", "photo_credit", [P1, "Photo: Jane Doe/Reuters", P2], "Photo: Jane Doe/Reuters"),
    ("photo_credit", "photo_credit", [P1, "Image copyright Getty Images", P2],
     "Image copyright Getty Images"),
    ("source_attribution", "source", [P1, P2, "Source: Bloomberg"], "Source: Bloomberg"),
    ("dateline", "dateline", ["PUBLISHED : Tuesday, 09 January, 2018, 9:59am", P1, P2],
     "PUBLISHED : Tuesday, 09 January, 2018, 9:59am"),
    ("dateline", "dateline", ["Updated 3:45 PM ET", P1, P2], "Updated 3:45 PM ET"),
    ("dateline", "dateline", ["3 MIN. READ", P1, P2], "3 MIN. READ"),
    ("tag_list", "navigation", [P1, P2, "Related Searches: Appliances, Household Appliances"],
     "Related Searches: Appliances, Household Appliances"),
    ("contributor_note", "byline", [P1, P2, "This article was originally published by Example News."],
     "This article was originally published by Example News."),
    # a site builder's form messages, printed with the page
    ("site_notice", "notice", [P1, P2, "Thank you! Your submission has been received!"],
     "Thank you! Your submission has been received!"),
    ("comment_form", "comments", [P1, P2, "There are no comments yet."],
     "There are no comments yet."),
    # a post's metadata line: parts joined by separators, one of them its date
    ("dateline", "dateline", ["On Behalf of Doe & Roe LLP | Apr 21, 2017 | Products Liability",
                              P1, P2], "On Behalf of Doe & Roe LLP | Apr 21, 2017 | Products Liability"),
    ("dateline", "dateline", ["By Jane Doe, CFP – Updated Mar 5, 2026 at 4:28 PM EST | "
                              "Fact-checked by John Roe", P1, P2],
     "By Jane Doe, CFP – Updated Mar 5, 2026 at 4:28 PM EST | Fact-checked by John Roe"),
    ("byline", "byline", ["By John Smith and Jane Doe", P1, P2], "By John Smith and Jane Doe"),
    # the date first, then the byline
    ("byline", "byline", ["Council expands buses", "November 19, 2019 | By Jane Doe", P1, P2],
     "November 19, 2019 | By Jane Doe"),
    ("breadcrumb_path", "breadcrumb", ["Home » Tech » Mobiles » Phones", P1, P2],
     "Home » Tech » Mobiles » Phones"),
    ("breadcrumb_path", "breadcrumb", ["Home > News > World", P1, P2], "Home > News > World"),
    ("breadcrumb_path", "breadcrumb", ["Home / Tech / Reviews", P1, P2], "Home / Tech / Reviews"),
    ("breadcrumb_path", "breadcrumb", ["Home › Sport › Football", P1, P2], "Home › Sport › Football"),
    ("inline_menu", "navigation", ["News | Sport | Weather | Culture", P1, P2],
     "News | Sport | Weather | Culture"),
    ("navigation_line", "navigation", ["Skip to main content", P1, P2], "Skip to main content"),
    ("navigation_menu", "navigation",
     ["Home", "News", "Sport", "Weather", "Contact us", P1, P2], "Sport"),
    ("duplicate_title", "duplicate_title",
     ["Council votes to expand bus network", "Council votes to expand bus network", P1, P2],
     "Council votes to expand bus network"),
    ("related_link", "headline_list", [P1, "Read more: Council approves new budget", P2],
     "Read more: Council approves new budget"),
    ("headline_list", "headline_list",
     [P1, P2, "Trending", "Instagram Outage Disrupts Thousands of Users",
      "SoftBank Shares Slide After Earnings Miss", "Sony Profit Jumps on Gaming Sales"],
     "SoftBank Shares Slide After Earnings Miss"),
    ("headline_list", "headline_list",
     [P1, P2, "Instagram Outage Disrupts Thousands of Users",
      "SoftBank Shares Slide After Earnings Miss", "Sony Profit Jumps on Gaming Sales",
      "Oracle Plans Funding Push to Expand Cloud Infrastructure"],
     "Sony Profit Jumps on Gaming Sales"),
    # a list's dated entries: the date lines stay inside the run, however long
    ("headline_list", "headline_list",
     [P1, "Related Posts", "Instagram Outage Disrupts Thousands of Users",
      "on 9 January 2024, with 4 comments", "SoftBank Shares Slide After Earnings Miss",
      "on 8 January 2024, with 12 comments", "Sony Profit Jumps on Gaming Sales", P2, P3],
     "Sony Profit Jumps on Gaming Sales"),
    ("comment_button", "comments", [P1, P2, "Reply"], "Reply"),
    ("comment_thread", "comments",
     [P1, P2, P3, "Jane Miller says:", "November 19, 2019 at 5:10 pm",
      "Finally! I have waited years for a night bus to my street.", "Reply", "Tom says:",
      "November 19, 2019 at 6:02 pm", "Will the new routes reach the airport as well?", "Reply"],
     "Will the new routes reach the airport as well?"),
    ("comment_thread", "comments",
     [P1, P2, P3, "Top Rated Comments", "Avatar", "26 months ago", "LOL...good luck.",
      "Rating: 10 Votes", "Avatar", "26 months ago", "It is the software.", "Rating: 8 Votes"],
     "LOL...good luck."),
]


@pytest.mark.parametrize("rule,category,lines,target", POSITIVE,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(POSITIVE)])
def test_rule_removes_its_noise(rule, category, lines, target):
    segment = decision(lines, target)
    assert not segment.kept
    assert segment.rule == rule
    assert segment.category == category
    assert segment.reason


# (rule that must not fire, document lines, the line that must be kept)
NEGATIVE = [
    ("cookie_notice", [P1, "The bakery sells cookies and cakes every morning, and the owner said the "
                           "cookies sell out before noon on most days.", P2],
     "The bakery sells cookies and cakes every morning, and the owner said the cookies sell out "
     "before noon on most days."),
    ("share_prompt", [P1, "Share prices rose sharply after the announcement on Monday.", P2],
     "Share prices rose sharply after the announcement on Monday."),
    ("byline", ["Council expands buses", "March 3, 2020 by Functionality", P1, P2],
     "March 3, 2020 by Functionality"),
    ("byline", [P1, "May 2019 by the river", P2], "May 2019 by the river"),
    ("byline", ["By the end of the year, the council expects the first routes to open.", P1, P2],
     "By the end of the year, the council expects the first routes to open."),
    ("breadcrumb_path", [P1, "Paris > Lyon > Marseille: the new route", P2],
     "Paris > Lyon > Marseille: the new route"),
    ("breadcrumb_path", [P1, "»Wir schaffen das«, sagte sie » und ging.", P2],
     "»Wir schaffen das«, sagte sie » und ging."),
    ("link_button", [P1, P2, "« On ne lâchera rien »"], "« On ne lâchera rien »"),
    ("wire_slug", ["AP-US-China trade talks resume in Geneva", P1, P2],
     "AP-US-China trade talks resume in Geneva"),
    ("link_button", [P1, P2, "Ils ont répondu : « non merci »"], "Ils ont répondu : « non merci »"),
    ("source_attribution", [P1, "Sources say the talks will resume next week, officials said.", P2],
     "Sources say the talks will resume next week, officials said."),
    ("copyright_footer", [P1, "Copyright law was the focus of the hearing on Thursday.", P2],
     "Copyright law was the focus of the hearing on Thursday."),
    ("dateline", [P1, "Updated guidance for travellers", P2], "Updated guidance for travellers"),
    ("dateline", [P1, "Date: June 8-11, 2026", P2], "Date: June 8-11, 2026"),
    # a schedule's rows: each beside another of the same shape
    ("dateline", [P1, "June 9 | Tampa, FL | Amphitheatre", "June 10 | Atlanta, GA | Arena", P2],
     "June 9 | Tampa, FL | Amphitheatre"),
    # a thread's post headers: more lines of that shape than a page's own date lines
    ("dateline", [P1, "anna_k · 03/03/2026 19:49", P2, "bob · 03/03/2026 19:55", P3,
                  "carla · 03/03/2026 20:04", P1 + " Again."], "bob · 03/03/2026 19:55"),
    ("call_to_action", [P1, P2, "- 14-day free trial available"], "- 14-day free trial available"),
    ("dateline", ["Date: 16–19 March 2026", P1, P2], "Date: 16–19 March 2026"),
    ("contact_line", [P1, "Residents can email the council at buses@example.gov with "
                          "questions about the new routes, officials said.", P2],
     "Residents can email the council at buses@example.gov with questions about the new "
     "routes, officials said."),
    ("contact_line", [P1, P2, "Email your questions to the council before Friday."],
     "Email your questions to the council before Friday."),
    ("reporting_credit", [P1, P2, "Reporting by the local paper showed that the routes had been "
                                  "planned for years before the vote."],
     "Reporting by the local paper showed that the routes had been planned for years before "
     "the vote."),
    ("copyright_footer", [P1, P2, "Copyright holders met in 2019 to discuss the new rules for "
                                  "licensing music across the region."],
     "Copyright holders met in 2019 to discuss the new rules for licensing music across the "
     "region."),
    ("author_bio", [P1, P2, "This is a problem for every commuter, and the council knows it "
                            "after years of experience with delays."],
     "This is a problem for every commuter, and the council knows it after years of "
     "experience with delays."),
    ("author_bio", [P1, "Jane Doe is the transport editor at the paper, and she said the plan "
                        "was the biggest change in a decade.", P2, P3],
     "Jane Doe is the transport editor at the paper, and she said the plan was the biggest "
     "change in a decade."),
    # a closing sentence with a biography's verb but no role, and no line about the person
    ("author_bio", [P1, P2, P3, "Tim explores the new routes on foot every weekend."],
     "Tim explores the new routes on foot every weekend."),
    # a closing quote: a name, a role between commas, and no biography's verb
    ("author_bio", [P1, P2, P3, "Jane Doe, the transport director, said the plan was the "
                                "biggest change in a decade."],
     "Jane Doe, the transport director, said the plan was the biggest change in a decade."),
    ("headline_list", [P1, "The Challenges in the US", P2, P3], "The Challenges in the US"),
    # a closing line that ends in an emoji is a sentence, so the facts after it are the
    # article's own short lines, not a run of headlines standing after the article
    ("headline_list", [P1, P2, "We hope to see you on the new night lines very soon 🙂",
                       "City Bus Night Lines Programme", "<The Night Lines>",
                       "2026.03.05 ~ OPEN RUN", "Mon – Sat 11PM (Closed on Sun)",
                       "Tickets for all ages and zones", "STAFF"],
     "Mon – Sat 11PM (Closed on Sun)"),
    # an item of a bulleted list that opens with 'More' does not announce the items after it
    ("headline_list", ["What is new in the app?", "- New routes for the map!",
                       "- More stops at night", "- Timetables for every route",
                       "- Better Android support", "- Bugs fixed",
                       "Try the new night lines this weekend", "Click here to download the app.",
                       "Who is it for?", P1, P2], "- Better Android support"),
    # a table under a heading that opens like a list heading is the article's data
    ("headline_list", [P1, "Recommended Providers",
                       "| Provider | Countries | Port Forwarding | Payments |",
                       "|---|---|---|---|", "| Proton | 127+ | Partial Support | Cash |",
                       "| Mullvad | 49+ | No Support | Monero Cash |",
                       "| IVPN | 41+ | Outgoing Only | Monero Cash |", P2],
     "| Mullvad | 49+ | No Support | Monero Cash |"),
    # in an extracted article, a heading that only opens like a list heading heads the
    # article's own list
    ("headline_list", [P1, P2, "Recommended Books for Managers",
                       "The Effective Executive, Peter Drucker",
                       "High Output Management, Andrew Grove",
                       "The Making of a Manager, Julie Zhuo", P3],
     "High Output Management, Andrew Grove"),
    ("photo_credit", [P1, "Photo Gettysburg Address exhibit opens downtown", P2],
     "Photo Gettysburg Address exhibit opens downtown"),
    ("site_notice", [P1, "Developers say you need to enable JavaScript features carefully, "
                         "because many users block scripts for privacy reasons.", P2],
     "Developers say you need to enable JavaScript features carefully, because many users "
     "block scripts for privacy reasons."),
    ("comment_form", [P1, "The court ruled that the council must not publish the email "
                          "addresses of residents who complained.", P2],
     "The court ruled that the council must not publish the email addresses of residents who "
     "complained."),
    ("support_appeal", [P1, "The museum asked visitors to make a donation at the door, and "
                            "most of them did, the director said.", P2],
     "The museum asked visitors to make a donation at the door, and most of them did, the "
     "director said."),
    ("truncated_teasers", [P1, "“We waited and waited, and then...", P2,
                           "“Nobody told us anything until the very last day and then…", P3,
                           "Some residents say the wait was worth it, others are not so sure..."],
     "“Nobody told us anything until the very last day and then…"),
    ("navigation_menu", ["Ingredients", "2 cups flour", "1 tsp salt", "3 eggs", "1 cup milk",
                         "Method", P1, P2], "2 cups flour"),
    # a speaker quoted after 'said:' is the article's, not a commenter's 'Jane says:'
    ("comment_thread", [P1, P2, P3, "The mayor said: “We have waited for this vote for a long "
                                    "time, and now we can start.”",
                        P1.replace("Tuesday", "Monday"),
                        "“I have not talked to the drivers at all,” the mayor said.",
                        "View Comments", "More in City News", "Night buses return to the city centre",
                        "November 19, 2019 at 5:10 pm", "Council names a new head of transport",
                        "November 18, 2019 at 2:01 pm"],
     "The mayor said: “We have waited for this vote for a long time, and now we can start.”"),
    # a sentence that opens like an invitation and names a platform, but offers nothing
    # in return, is the article's
    ("follow_platform", [P1, P2, "Join the thousands of residents who have shared photos of "
                                 "the flooded streets on Instagram since Monday morning."],
     "Join the thousands of residents who have shared photos of the flooded streets on "
     "Instagram since Monday morning."),
    # a web address that is no profile on a platform makes no contact line
    ("contact_line", [P1, P2, "You can reach the archive at https://example.com/archive from "
                              "any library computer in the city."],
     "You can reach the archive at https://example.com/archive from any library computer in "
     "the city."),
    # a file name after 'Read' is no site, and a sentence goes on after it
    ("related_link", [P1, P2, "Read config.yaml first and then run the installer with the "
                              "defaults."],
     "Read config.yaml first and then run the installer with the defaults."),
    # after a label, a date written with its month's name is often an event's
    ("dateline", [P1, P2, "Deadline: June 30, 2020"], "Deadline: June 30, 2020"),
    # a registration label without a registration number, and a report that quotes one
    ("copyright_footer", [P1, P2, "Our company number 12 team won the city's award."],
     "Our company number 12 team won the city's award."),
    ("copyright_footer", [P1, "The contractor, registered under company number 03997482, won "
                              "the tender for the new depot last year.", P2],
     "The contractor, registered under company number 03997482, won the tender for the new "
     "depot last year."),
    # the word of a related-story label as a subheading, without the label's colon
    ("related_link", [P1, "Previously", P2], "Previously"),
    # a short label under every item of a list recurs farther apart than a title's copy
    ("duplicate_title", ["Best buses of 2020", "Not done", "Route 1 opens in March.",
                         "Route 2 opens in April.", "Route 3 opens in May.", "Not done", P1, P2],
     "Not done"),
    # a shortened line whose whole text stands nowhere near it
    ("repeated_line", [P1, P2, "The council will decide on the routes ... more"],
     "The council will decide on the routes ... more"),
    # a link in an extracted article whose path spells no line near it
    ("bare_link", ["Council expands the bus network", P1,
                   "https://example.com/docs/route-map-and-timetable-2020", P2],
     "https://example.com/docs/route-map-and-timetable-2020"),
    # a label's word opening a subheading or a sentence, and a sentence under a label
    ("tag_list", [P1, "Tagged for recycling: what the new bins mean", P2],
     "Tagged for recycling: what the new bins mean"),
    ("tag_list", [P1, P2, "Tags are short words that sort the council's documents by topic."],
     "Tags are short words that sort the council's documents by topic."),
    ("tag_list", [P1, P2, "Tags", "The council sorts its documents by topic, and each topic has "
                                  "a short word that the clerk chooses."],
     "The council sorts its documents by topic, and each topic has a short word that the clerk "
     "chooses."),
    # a source's name in brackets, and a formatted word, are no widget
    ("markup_line", [P1, "[Engadget]", P2], "[Engadget]"),
    ("markup_line", [P1, P2, "[b]Timetable changes[/b]"], "[b]Timetable changes[/b]"),
    ("comment_thread", ["Forum: bus routes", "Avatar", "3 days ago",
                        "Does anyone know when the new routes open?", "Reply", "Avatar",
                        "2 days ago", "I heard March, but nothing is confirmed.", "Reply"],
     "Does anyone know when the new routes open?"),
    # after the closing boilerplate, a sentence: the article went on
    ("closing_tail", [P1, P2, SIGN_UP, "Route maps",
                      "The new timetable is posted at every stop from Monday."], "Route maps"),
    # a long line without a sentence's end is the last paragraph: nothing closes after it
    ("closing_tail", [P1, P2, SIGN_UP, "Route maps", CATALOGUE_LINE], "Route maps"),
    # a recipe's list after a sign-up box: the guard keeps what the tail label would take
    ("closing_tail", [P1, P2, SIGN_UP, "Ingredients", "2 cups flour", "1 tsp salt", "3 eggs"],
     "2 cups flour"),
]


@pytest.mark.parametrize("rule,lines,target", NEGATIVE,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(NEGATIVE)])
def test_rule_keeps_look_alike_content(rule, lines, target):
    segment = decision(lines, target)
    assert segment.kept, segment.reason
    assert all(label.rule != rule for label in segment.labels) or segment.verdict != "removed"


def test_listicle_headings_between_paragraphs_stay():
    lines = [P1, "1. Start early", P2, "2. Pack light", P3, "3. Ask locals", P1]
    result = rules_clean("\n\n".join(lines))
    for heading in ("1. Start early", "2. Pack light", "3. Ask locals"):
        assert heading in result.splitlines()


def test_short_line_between_paragraphs_is_kept_by_context():
    segment = decision([P1, "Newsletter", P2], "Newsletter")
    assert segment.kept
    assert segment.verdict == "between_paragraphs"


@pytest.mark.parametrize("line", [
    "Copyright 2019-2026 Cole & Partners LLP",
    "Source: Regional Statistics Office",
    "As an Amazon Associate I earn from qualifying purchases.",
])
def test_an_edge_line_between_the_articles_paragraphs_stays(line):
    """A copyright notice, a source line or a disclosure that the article shows between
    its paragraphs is content; the same line closing the text is the page's edge."""
    inside = decision([P1, line, P2, P3], line)
    assert inside.kept and inside.verdict == "inside_article", inside.reason
    closing = decision([P1, P2, P3, line], line)
    assert not closing.kept, closing.reason


def test_a_chart_title_may_stand_between_a_source_line_and_the_prose():
    segment = decision([P1, "Chart 2: New homes completed per year",
                        "Source: Ministry of Housing, completions data", P2, P3],
                       "Source: Ministry of Housing, completions data")
    assert segment.verdict == "inside_article", segment.reason


def test_a_share_row_between_paragraphs_still_goes():
    """Only the edges' categories are spared inside the article: share rows, sign-ups
    and advertisement markers are set between paragraphs on purpose."""
    segment = decision([P1, "Share on Facebook", P2, P3], "Share on Facebook")
    assert not segment.kept, segment.reason


def test_buttons_a_text_describes_one_by_one_stay():
    """Different short lines, each followed by what the text says of it, are the headings
    of a description (a help page on a forum's buttons), even the strongly labelled one."""
    lines = [P1, "Reply", "Opens a box under the post where you can answer.",
             "Report", "Sends the post to the moderators for review.",
             "Share", "Copies a direct link to the post.", P2]
    segment = decision(lines, "Share")
    assert segment.kept and segment.verdict == "between_paragraphs", segment.reason


def test_a_marker_repeated_between_paragraphs_is_no_described_series():
    """The same marker between every two paragraphs is one widget repeated, not a
    series of headings: it still goes."""
    lines = [P1, "Advertisement", P2, "Advertisement", P3, "Advertisement", P1]
    result = rules_explain("\n\n".join(lines) + "\n")
    markers = [s for s in result.segments if result.line(s) == "Advertisement"]
    assert len(markers) == 3 and not any(s.kept for s in markers)


def test_a_content_word_inside_a_site_menu_guards_nothing():
    menu = ["Workouts", "Nutrition", "Recipes", "Fitness Tips", "Meal Plans", "Yoga",
            "Cardio Workouts", "Blog", "Shop", "Community"]
    result = rules_explain("\n".join([*menu, P1, P2, P3]))
    assert [s for s in result.segments if "guard_list_content" in s.reason] == []
    assert all(not s.kept for s in result.segments if result.line(s) in menu)


def test_recipe_ingredients_are_guarded():
    lines = ["Ingredients", "2 cups flour\n1 tsp salt\n3 eggs\n1 cup milk", P1, P2]
    cleaned = rules_clean("\n\n".join(lines))
    for item in ("2 cups flour", "1 tsp salt", "3 eggs", "1 cup milk"):
        assert item in cleaned.splitlines()


def test_quoted_comment_inside_story_stays():
    quote = "“This is the best news in years,” one reader wrote in the comments below the post."
    cleaned = rules_clean("\n\n".join([P1, quote, P2]))
    assert quote in cleaned.splitlines()


BANNER = ["We use cookies to improve your experience on our site.", "Accept all cookies"]
BANNER_DISCUSSED = ("The problem is the missing button to refuse, which regulators have "
                    "fined several companies for since the rules took effect.")


@pytest.mark.parametrize("intro", [
    "Here is the banner most visitors saw on the retailer's site last year:",
    "On the retailer's site last year, the banner most visitors saw read as follows.",
], ids=["colon", "announcing-sentence"])
def test_a_banner_the_article_quotes_and_discusses_stays(intro):
    result = rules_explain("\n".join([P1, intro, *BANNER, BANNER_DISCUSSED, P2]) + "\n")
    for line in BANNER:
        segment = next(s for s in result.segments if result.line(s) == line)
        assert segment.kept and "guard_quoted_example" in segment.reason, segment


def test_a_sentence_without_an_announcing_phrase_quotes_nothing():
    intro = "On the retailer's site last year, most visitors saw a banner at the bottom."
    result = rules_explain("\n".join([P1, intro, *BANNER, BANNER_DISCUSSED, P2]) + "\n")
    assert not any("guard_quoted_example" in s.reason for s in result.segments)


def test_a_banner_after_a_colon_at_the_end_of_the_text_goes():
    """No prose after it: nothing says the article discusses it."""
    intro = "Here is the banner most visitors saw on the retailer's site last year:"
    cleaned = rules_clean("\n".join([P1, P2, intro, *BANNER]) + "\n")
    assert not any(line in cleaned.splitlines() for line in BANNER)


def test_a_prompt_ending_with_a_colon_introduces_nothing():
    """A labelled line is no introduction by the article: the share row after it goes."""
    cleaned = rules_clean("\n".join([P1, "Share this article with your friends:",
                                      "Share on Facebook", P2]) + "\n")
    assert "Share on Facebook" not in cleaned.splitlines()


def test_thread_after_article_goes_but_forum_thread_stays():
    thread = ["Comments", "Avatar", "3 days ago", "Does anyone know when the routes open?",
              "Reply", "Avatar", "2 days ago", "I heard March, but nothing is confirmed.", "Reply"]
    after_article = rules_clean("\n".join([P1, P2, P3, *thread]))
    assert "Does anyone know when the routes open?" not in after_article
    forum = rules_clean("\n".join(thread))
    assert "Does anyone know when the routes open?" in forum
    assert "I heard March, but nothing is confirmed." in forum


def test_thread_starts_at_its_heading_not_at_the_article_date_above_it():
    thread = ["Comments", "You must log in to post a comment.", "Avatar", "3 days ago",
              "Does anyone know when the routes open?", "Reply"]
    page = [P1, P2, "November 19, 2019 at 9:45 am", P3,
            "The council will publish the full timetable on its website next week.", *thread]
    cleaned = rules_clean("\n".join(page)).splitlines()
    assert P3 in cleaned
    assert "Does anyone know when the routes open?" not in cleaned


def test_thread_under_a_titled_heading_goes_to_the_end_even_without_markers():
    comments = ["Thanks so much for this long article, it was a pleasure to read it twice.",
                "I have been following the series from the start and it keeps getting better.",
                "Glad you found it useful, Jan. The next part comes out in two weeks."]
    page = [P1, P2, P3, "3 thoughts on “How the council plans its new bus routes”", *comments]
    cleaned = rules_clean("\n".join(page)).splitlines()
    assert cleaned == [P1, P2, P3]


def test_titled_heading_before_any_article_removes_nothing_after_it():
    posts = ["Thanks so much for this long article, it was a pleasure to read it twice.",
             "I have been following the series from the start and it keeps getting better."]
    page = ["3 thoughts on “How the council plans its new bus routes”", *posts]
    cleaned = rules_clean("\n".join(page)).splitlines()
    assert all(post in cleaned for post in posts)


COUNTED_REPLIES = ["We also fill our bottles before heading out, and the kids carry their own.",
                   "Great tips, thanks. We never thought of the cooler bag for longer hikes."]


@pytest.mark.parametrize("heading", ["2 comments", "Comments (2)", "2 Responses"])
def test_thread_under_a_comment_count_goes_to_the_end_of_extracted_text(heading):
    page = [P1, P2, P3, heading, *COUNTED_REPLIES]
    cleaned = rules_clean("\n".join(page)).splitlines()
    assert cleaned == [P1, P2, P3]


def test_comment_count_after_other_comment_markers_removes_nothing_after_it():
    # a discussion: the posts before the count already carry their own markers
    page = [P1, "3 hours ago", P2, P3, "2 replies", *COUNTED_REPLIES]
    cleaned = rules_clean("\n".join(page)).splitlines()
    assert all(reply in cleaned for reply in COUNTED_REPLIES)


def test_comment_count_before_more_text_than_the_article_removes_nothing_after_it():
    more = [P1.replace("Tuesday", "Monday"), P2.replace("mayor", "governor"),
            P3.replace("March", "June"), *COUNTED_REPLIES]
    cleaned = rules_clean("\n".join([P1, P2, P3, "2 comments", *more])).splitlines()
    assert all(line in cleaned for line in more)


@pytest.mark.parametrize("prompt", ["Tell us what YOU think...", "Join the conversation"])
def test_a_comment_prompt_that_closes_an_article_goes(prompt):
    segment = decision([P1, P2, P3, prompt], prompt)
    assert not segment.kept and segment.rule == "comment_thread"


@pytest.mark.parametrize("lines", [  # more article after it; no article before it
    [P1, P2, P3, "Tell us what you think", "Next steps", P1.replace("Tuesday", "Monday")],
    ["Council expands buses", "Tell us what you think"],
])
def test_a_comment_prompt_stays_when_it_does_not_close_an_article(lines):
    assert decision(lines, "Tell us what you think").kept


@pytest.mark.parametrize("profile", list(declutter.PROFILES))
def test_every_profile_cleans_a_strong_case(profile):
    segment = decision([P1, P2, "Advertisement"], "Advertisement", profile=profile)
    assert not segment.kept


def test_precision_keeps_what_balanced_removes():
    lines = [P1, P2, "Newsletter"]
    assert not decision(lines, "Newsletter").kept
    precise = decision(lines, "Newsletter", profile="precision")
    assert precise.kept and precise.verdict == "below_threshold"


@pytest.mark.parametrize("rule,category,lines,target", POSITIVE[:8],
                         ids=[c[0] for c in POSITIVE[:8]])
def test_disabling_the_rule_keeps_the_line(rule, category, lines, target):
    segment = decision(lines, target, disable=[rule])
    assert segment.kept or segment.rule != rule


MENU = ["Home", "News", "Sport", "Weather", "Culture", "Travel", "Contact", "Privacy Policy",
        "Log in", "Search"]
FOOTER = ["About us", "Careers", "Advertise", "Terms of Use", "Privacy Policy", "Sitemap",
          "Help", "Contact"]
TEASERS = ["Council Approves New Budget For Parks", "The plan adds four new playgrounds and "
           "repairs the old fountain in the central square, the council said.",
           "Library Opens Late On Weekends", "Readers will be able to borrow books until "
           "midnight on Fridays and Saturdays from next month, the library said.",
           "Bridge Repairs Delayed Until Spring", "Engineers found more damage than expected "
           "and the work will now continue until April, officials said."]


def whole_page(*middle: str) -> list[str]:
    """A page as whole-page text extraction gives it: menus, the article, more chrome."""
    return [*MENU, *middle, *FOOTER]


WHOLE_PAGE_POSITIVE = [
    ("outside_article", "outside_article",
     ["Part of the Regional Press Group since 1998", *whole_page(P1, P2, P3)],
     "Part of the Regional Press Group since 1998"),
    ("bare_link", "navigation", whole_page(P1, P2, P3, "https://example.com/news/2024/council-votes-to-expand-the-bus-network"),
     "https://example.com/news/2024/council-votes-to-expand-the-bus-network"),
    ("teaser_list", "headline_list", whole_page(P1, P2, P3, P1.replace("Tuesday", "Monday"),
                                                P2.replace("mayor", "governor"), *TEASERS),
     "Library Opens Late On Weekends"),
]
FORUM_POSTS = ["Posts: 4032", "Joined: Dec 11, 2021", P1, "Link to post",
               "Posts: 12", "Joined: Mon Jul 24, 2017", P2, "Link to post"]
#: A consent manager's dialog: lines naming cookies, with purpose labels and switches
#: between them that name nothing the lexicon knows.
CONSENT_DIALOG = [
    "We and our partners store and/or access information on a device, such as cookies.",
    "Always Active",
    "These cookies are necessary for the website to function and cannot be switched off "
    "in our systems.",
    "Consent Leg.Interest",
    "These cookies allow us to count visits and traffic sources so we can measure and "
    "improve the performance of our site.",
]

OTHER_POSITIVE = [
    ("newsletter_mention", "newsletter", [P1, P2, "The Morning Newsletter"], "The Morning Newsletter"),
    ("call_to_action", "share", [P1, P2, "CLICK HERE TO GET THE APP"], "CLICK HERE TO GET THE APP"),
    ("repeated_passage", "repeated", [P1, P2, P3, P1, P2], P2),
    # a call to action is no subheading: it goes between two paragraphs too
    ("call_to_action", "share", [P1, "CLICK HERE TO GET THE FOX NEWS APP", P2],
     "CLICK HERE TO GET THE FOX NEWS APP"),
    # a vendor's sales buttons closing or interrupting its blog post
    ("call_to_action", "share", [P1, "Schedule Your Personalized Demo!", P2],
     "Schedule Your Personalized Demo!"),
    ("call_to_action", "share", [P1, P2, "30 day free trial, no credit card required"],
     "30 day free trial, no credit card required"),
    ("follow_platform", "share", [P1, P2, "Follow The Daily Planet on Instagram and Facebook"],
     "Follow The Daily Planet on Instagram and Facebook"),
    ("gallery_marker", "photo_credit", [P1, P2, "Image 1 of 8"], "Image 1 of 8"),
    ("gallery_marker", "photo_credit", ["Back to Gallery", P1, P2], "Back to Gallery"),
    ("wire_slug", "source", ["AP-US--Trump-Impeachment, 4th Ld-Writethru", P1, P2],
     "AP-US--Trump-Impeachment, 4th Ld-Writethru"),
    ("wire_slug", "source", ["BC-AS--Hong Kong-Protests,650", P1, P2], "BC-AS--Hong Kong-Protests,650"),
    ("board_label", "navigation", FORUM_POSTS, "Link to post"),
    ("poster_profile", "byline", FORUM_POSTS, "Posts: 12"),
    ("link_button", "navigation", [P1, P2, "Get the Template >"], "Get the Template >"),
    ("link_button", "navigation", [P1, P2, "« Back to the Board Index"], "« Back to the Board Index"),
    ("follow_platform", "share",
     [P1, "Follow the Opinion section on Facebook, Twitter (@example) and Instagram.", P2],
     "Follow the Opinion section on Facebook, Twitter (@example) and Instagram."),
    ("contact_line", "byline", [P1, P2, "Write to Jane Doe at jane.doe@example.com"],
     "Write to Jane Doe at jane.doe@example.com"),
    ("contact_line", "byline",
     [P1, P2, "Have a tip? Jane Doe may be reached at jdoe@example.com. Follow her @janedoe."],
     "Have a tip? Jane Doe may be reached at jdoe@example.com. Follow her @janedoe."),
    ("reporting_credit", "byline",
     [P1, P2, "(Reporting by Jane Doe, Max Roe and Ann Lee, with reporting by Wei Chen "
              "and Tom Baker, editing by Anna Kowalska and Maria Garcia)"],
     "(Reporting by Jane Doe, Max Roe and Ann Lee, with reporting by Wei Chen and Tom Baker, "
     "editing by Anna Kowalska and Maria Garcia)"),
    ("contributor_note", "byline",
     [P1, P2, "Associated Press writers Jane Doe and Max Roe contributed to this report."],
     "Associated Press writers Jane Doe and Max Roe contributed to this report."),
    ("copyright_footer", "copyright", [P1, P2, "copyright Example Media 2019 - ISSN: 1234-5678"],
     "copyright Example Media 2019 - ISSN: 1234-5678"),
    ("copyright_footer", "copyright", [P1, P2, "Copyright ⓒ example.co.kr"],
     "Copyright ⓒ example.co.kr"),
    ("copyright_footer", "copyright",
     [P1, P2, "This copy is for your personal, non-commercial use only. Distribution and use of "
              "this material are governed by our Subscriber Agreement and by copyright law. For "
              "non-personal use or to order multiple copies, please contact our reprints desk."],
     "This copy is for your personal, non-commercial use only. Distribution and use of this "
     "material are governed by our Subscriber Agreement and by copyright law. For non-personal "
     "use or to order multiple copies, please contact our reprints desk."),
    ("author_bio", "byline",
     [P1, P2, P3, "Jane Doe is the health editor at Example. She has over 15 years of "
                  "experience covering fitness and nutrition."],
     "Jane Doe is the health editor at Example. She has over 15 years of experience covering "
     "fitness and nutrition."),
    ("author_bio", "byline",
     [P1, P2, P3, "Jane Doe is the owner of Example Cleaning, a local company serving the city.",
      "Jane holds a degree in finance from the state university and serves on two boards."],
     "Jane holds a degree in finance from the state university and serves on two boards."),
    # under the author's name, whatever its verbs and roles
    ("author_bio", "byline",
     [P1, P2, P3, "Contributor", "Jane Doe", "Jane Doe worked in radio promotions for ten "
                                             "years before she took up writing."],
     "Jane Doe worked in radio promotions for ten years before she took up writing."),
    # no role named, but the next line goes on about the person
    ("author_bio", "byline",
     [P1, P2, P3, "Tim explores the intersections of transport, cities and ethics.",
      "His writing has been featured in several regional papers."],
     "Tim explores the intersections of transport, cities and ethics."),
    # the name, then a role between commas, then the verb
    ("author_bio", "byline",
     [P1, P2, P3, "Jane Doe, Editor, Running Reviews, studied journalism at NYU and has "
                  "reviewed running gear since 2015."],
     "Jane Doe, Editor, Running Reviews, studied journalism at NYU and has reviewed running "
     "gear since 2015."),
    ("site_notice", "notice",
     [P1, "Your browser does not support the video tag.", P2, P3],
     "Your browser does not support the video tag."),
    ("site_notice", "notice",
     ["You are using an out of date browser. It may not display this or other websites "
      "correctly.", P1, P2, P3],
     "You are using an out of date browser. It may not display this or other websites correctly."),
    ("site_notice", "notice",
     ["Follow along with the video below to see how to install our site as a web app on your "
      "home screen.", P1, P2, P3],
     "Follow along with the video below to see how to install our site as a web app on your "
     "home screen."),
    ("site_notice", "notice",
     [P1, P2, P3, "This site is protected by reCAPTCHA and the Google Privacy Policy and Terms "
                  "of Service apply."],
     "This site is protected by reCAPTCHA and the Google Privacy Policy and Terms of Service "
     "apply."),
    ("site_notice", "notice",
     [P1, P2, P3, "This site is protected by hCaptcha and the hCaptcha Privacy Policy and Terms "
                  "of Service apply."],
     "This site is protected by hCaptcha and the hCaptcha Privacy Policy and Terms of Service "
     "apply."),
    ("reference_list", "source",
     [P1, P2, P3, "References",
      "- Doe J, Roe M. Bus networks and commuting times. Transport Review 2019;12:4-9.",
      "- City Transit Authority. Annual report. https://example.org/report.pdf"],
     "- Doe J, Roe M. Bus networks and commuting times. Transport Review 2019;12:4-9."),
    ("reference_list", "source",
     [P1, P2, P3, "Footnotes", "- Up to forty buses an hour at peak times. ↩",
      "- The figure the council gave in its budget. ↩"],
     "Footnotes"),
    ("consent_dialog", "cookie",
     [P1, P2, P3, *CONSENT_DIALOG], "Always Active"),
    ("consent_dialog", "cookie",
     [P1, P2, P3, *CONSENT_DIALOG], "Consent Leg.Interest"),
    ("comment_form", "comments",
     [P1, P2, P3, "You need to be a member in order to leave a comment",
      "Sign up for a new account in our community. It's easy!"],
     "Sign up for a new account in our community. It's easy!"),
    ("navigation_line", "navigation", [P1, P2, P3, "Learn more"], "Learn more"),
    ("navigation_line", "navigation", [P1, P2, P3, "Next Thread"], "Next Thread"),
    ("navigation_line", "navigation", ["Subscribe Sign in", P1, P2, P3], "Subscribe Sign in"),
    ("comment_form", "comments",
     [P1, P2, P3, "Sign up to request clarification or add additional context in comments."],
     "Sign up to request clarification or add additional context in comments."),
    ("affiliate_disclaimer", "affiliate",
     [P1, P2, P3, "Support Example News! Donate via PayPal, become a member, or shop through our "
                  "store. We also use affiliate links in articles to earn commissions if you make "
                  "a purchase after clicking on those links."],
     "Support Example News! Donate via PayPal, become a member, or shop through our store. We "
     "also use affiliate links in articles to earn commissions if you make a purchase after "
     "clicking on those links."),
    ("affiliate_disclaimer", "affiliate",
     [P1, P2, P3, "Prices were accurate at the time this article was published but may change "
                  "over time."],
     "Prices were accurate at the time this article was published but may change over time."),
    ("comment_form", "comments",
     [P1, P2, P3, "Leave a Reply", "Your email address will not be published. Required fields "
                                   "are marked *"],
     "Your email address will not be published. Required fields are marked *"),
    ("support_appeal", "share",
     [P1, P2, P3, "Did you like this article? You can buy me a coffee."],
     "Did you like this article? You can buy me a coffee."),
    ("truncated_teasers", "headline_list",
     [P1, P2, P3, "Council Approves New Budget For Parks",
      "The plan adds four new playgrounds and repairs the old...",
      "Library Opens Late On Weekends",
      "Readers will be able to borrow books until midnight on…",
      "Bridge Repairs Delayed Until Spring",
      "Engineers found more damage than expected and the work [...]"],
     "Library Opens Late On Weekends"),
    # an invitation to follow that says what it offers in return, as a sentence
    ("follow_platform", "share",
     [P1, P2, "Follow @CityDeals on Twitter to keep up with the latest and greatest deals "
              "from around the web."],
     "Follow @CityDeals on Twitter to keep up with the latest and greatest deals from around "
     "the web."),
    ("follow_platform", "share",
     [P1, P2, "Subscribe to the City Bus YouTube Channel for all of the latest videos, reviews, "
              "and more!"],
     "Subscribe to the City Bus YouTube Channel for all of the latest videos, reviews, and more!"),
    # a contact line may point at a profile on a platform rather than an address
    ("contact_line", "byline",
     [P1, P2, "Reach the reporters on Twitter at http://twitter.com/janedoe and "
              "http://twitter.com/maxroe"],
     "Reach the reporters on Twitter at http://twitter.com/janedoe and http://twitter.com/maxroe"),
    # a related story introduced by the site that published it
    ("related_link", "headline_list",
     [P1, "Also on example.com Ministers threatened with arrest as the party is purged", P2],
     "Also on example.com Ministers threatened with arrest as the party is purged"),
    ("support_appeal", "share",
     [P1, P2, P3, "If you enjoyed this article, please consider sharing it and subscribing to "
                  "our weekly digest."],
     "If you enjoyed this article, please consider sharing it and subscribing to our weekly "
     "digest."),
    ("newsletter_prompt", "newsletter",
     [P1, P2, "Let our news meet your inbox. The stories that matter, delivered weekday mornings."],
     "Let our news meet your inbox. The stories that matter, delivered weekday mornings."),
    ("newsletter_prompt", "newsletter",
     [P1, P2, "Get City Cycling Monthly delivered through your letterbox every month. 12 issues "
              "for £11.99."],
     "Get City Cycling Monthly delivered through your letterbox every month. 12 issues for "
     "£11.99."),
    # a machine-written stamp after a one-word label, in a language without a lexicon
    ("dateline", "dateline", ["기사입력 :[ 2018-08-25 15:24 ]", P1, P2],
     "기사입력 :[ 2018-08-25 15:24 ]"),
    ("dateline", "dateline", [P1, P2, "Eingestellt: 25.08.2018"], "Eingestellt: 25.08.2018"),
    ("repeated_line", "repeated",
     [*(P1.replace("Tuesday", f"day {n}") for n in range(12)),
      "The new buses will run every ten minutes at peak hours",
      "The new buses will run every ten minutes at peak hours", P2],
     "The new buses will run every ten minutes at peak hours"),
    # a caption widget: the whole caption, then its shortened copy, between paragraphs
    ("repeated_line", "repeated", [P1, CAPTION + " less", SHORT_CAPTION, P2], SHORT_CAPTION),
    # the page's own address above an extracted article
    ("bare_link", "navigation",
     ["https://example.com/news/article/Council-expands-the-bus-network-14848175.php",
      "Council expands the bus network", P1, P2],
     "https://example.com/news/article/Council-expands-the-bus-network-14848175.php"),
    # a related story's label whose link the extraction lost, between paragraphs
    ("related_link", "headline_list", [P1, "More:", P2], "More:"),
    ("tag_list", "navigation", [P1, P2, "Tags: buses, city council, transport"],
     "Tags: buses, city council, transport"),
    ("tag_list", "navigation", [P1, P2, "Filed under: Transport |"], "Filed under: Transport |"),
    # the items under a label of their own, a list even where it reads as prose
    ("tag_list", "navigation",
     [P1, P2, "Tags", "bus network 2020, bus routes, city of the river, council vote"],
     "bus network 2020, bus routes, city of the river, council vote"),
    ("markup_line", "navigation",
     [P1, '[button link="https://example.com/submit/" type="big"] Send us YOUR review[/button]',
      P2],
     '[button link="https://example.com/submit/" type="big"] Send us YOUR review[/button]'),
    ("markup_line", "navigation", [P1, P2, "[automerge]1574096160[/automerge]"],
     "[automerge]1574096160[/automerge]"),
    # a credit set apart in brackets, however long
    ("reporting_credit", "byline", [P1, P2, BRACKETED_CREDIT], BRACKETED_CREDIT),
    # other stories' headlines and summaries after the sign-up box that closes the article
    ("closing_tail", "outside_article",
     [P1, P2, SIGN_UP, "Join our free weekly quiz",
      "- Parks budget approved The plan adds four playgrounds across the city",
      "- Library hours extended Three branches will open on Sundays from May"],
     "- Parks budget approved The plan adds four playgrounds across the city"),
    # readers' comments appended after the article without their names, dates or buttons
    ("reader_comments", "comments",
     [P1, P2, P3, "Hi Melissa,", "Do the new routes run on Sundays too?",
      "Thanks for sharing, we live on the old route.", "Great read, as always."],
     "Do the new routes run on Sundays too?"),
    # a promotion closing an extracted article: lines that sell, headings between them
    ("closing_pitch", "advertisement",
     [P1, P2, P3, "Collaborate with us",
      "Get your brand in front of a fast-growing audience of founders and investors.",
      "Ready to get noticed? Send us an email at ads@example.com."],
     "Collaborate with us"),
    # a widget's links to other pages between the paragraphs, phrased as invitations
    ("link_invitations", "headline_list",
     [P1, "Learn about the night buses and where they stop", P2,
      "See how the new tram line will change your commute", P3,
      "Find out which routes run on public holidays"],
     "See how the new tram line will change your commute"),
]


@pytest.mark.parametrize("rule,category,lines,target", WHOLE_PAGE_POSITIVE + OTHER_POSITIVE,
                         ids=[c[0] for c in WHOLE_PAGE_POSITIVE + OTHER_POSITIVE])
def test_more_rules_remove_their_noise(rule, category, lines, target):
    """Removed by the rule; on extracted text a rule that is evidence only there labels
    the line and leaves it (``declutter.rules.EVIDENCE_ONLY_ON_EXTRACTS``)."""
    segment = decision(lines, target, learned=rule == "line_model")
    assert decided_by(segment, rule, category), segment


def test_whole_page_rules_stay_silent_on_an_extracted_article():
    lines = [P1, P2, P3, *TEASERS]
    result = rules_explain("\n".join(lines))
    assert not any(s.rule in ("outside_article", "teaser_list", "line_model")
                   for s in result.segments)
    assert rules_clean("\n".join([P1, "https://example.com/x", P2])).count("https://") == 1


def test_the_article_of_a_whole_page_survives():
    cleaned = rules_clean("\n".join(whole_page(P1, P2, P3)))
    assert [line for line in cleaned.splitlines() if line.strip()] == [P1, P2, P3]


P4 = ("Bus drivers' unions welcomed the decision, saying that the new routes would bring "
      "hundreds of jobs, while shop owners on the main street hope for more customers.")
REPLIES = ["So incredibly helpful, thank you!", "Can we have a follow up post with pictures?",
           "1) Place the onion and garlic in a blender.", "2 cups water", "I second this question."]


def sectioned(article: list[str], comments: list[str]) -> tuple[str, int]:
    """Text as HTML extraction gives it: the article, then the comment section it set
    apart, with the offset at which that section begins."""
    head = "\n\n".join(article) + "\n"
    return head + "\n\n".join(comments) + "\n", len(head)


def kept_lines(text: str, **run_options) -> list[str]:
    cleaned = run(text, declutter.Config(disable={"line_model"}), **run_options).text
    return [line for line in cleaned.splitlines() if line.strip()]


TITLE = "Council expands the bus network"
TITLES = (f"{TITLE} | The Daily Courier", TITLE)  # <title>, og:title
STANDFIRST = "Twelve new routes will link the suburbs to the centre by spring."


def titled(lines: list[str]) -> str:
    return "\n\n".join(lines) + "\n"


def _hinted_cases() -> list[tuple[str, str, str, dict, list[str]]]:
    """(rule, category, text, run options, the lines it must remove) for rules that need
    what an HTML extractor knows of the page."""
    sectioned_text, offset = sectioned([P1, P2, P3, P4], REPLIES)
    return [
        ("comment_section", "comments", sectioned_text,
         {"hints": PageHints(comments_offset=offset)}, REPLIES),
        ("metadata_title", "duplicate_title", titled([TITLE, P1, P2]),
         {"hints": PageHints(titles=TITLES)}, [TITLE]),
        ("metadata_standfirst", "duplicate_title", titled([TITLE, STANDFIRST, P1, P2]),
         {"hints": PageHints(standfirst=STANDFIRST)}, [STANDFIRST]),
    ]


HINTED_POSITIVE = _hinted_cases()


@pytest.mark.parametrize("rule,category,text,options,noise", HINTED_POSITIVE,
                         ids=[c[0] for c in HINTED_POSITIVE])
def test_hinted_rules_remove_their_noise(rule, category, text, options, noise):
    result = build_explanation(run(text, declutter.Config(disable={"line_model"}), record=True, **options),
                               declutter.Config(disable={"line_model"}))
    removed = {result.line(s): (s.rule, s.category) for s in result.segments
               if not s.kept and result.line(s).strip()}
    assert removed == {line: (rule, category) for line in noise}


@pytest.mark.parametrize("lines, titles", [
    ([TITLE, P1, P2], ()),                                    # plain text: the only copy
    ([P1, TITLE, P2], TITLES),                                # after the article has begun
    (["Transport", "Buses", P1, TITLE, P2], TITLES),          # an inner heading, deeper down
    (["Expands the network of buses", P1, P2], TITLES),       # shares words, not a run of them
])
def test_a_title_line_stays_unless_it_opens_the_text_and_the_metadata_holds_it(lines, titles):
    assert kept_lines(titled(lines), hints=PageHints(titles=titles)) == lines


@pytest.mark.parametrize("lines", [
    ["Council expands the bus network", P1],                   # the whole <title> minus its site
    ["Council expands", P1],                                   # its opening words
    ["Transport", TITLE, P1],                                  # after a section name, whole
    ["https://example.com/council-expands-buses", TITLE, P1],  # after the page's address
])
def test_the_first_line_that_repeats_the_metadata_title_goes(lines):
    kept = kept_lines(titled(lines), hints=PageHints(titles=TITLES))
    assert TITLE not in kept and "Council expands" not in kept and P1 in kept


@pytest.mark.parametrize("lines, standfirst", [
    ([TITLE, STANDFIRST, P1], ""),                        # plain text: no metadata
    ([TITLE, P1, P2, STANDFIRST, P3], STANDFIRST),        # deeper down: the article's
    ([TITLE, STANDFIRST + " More to come.", P1], STANDFIRST),  # a longer line
])
def test_a_standfirst_stays_unless_it_is_the_pages_and_stands_at_the_top(lines, standfirst):
    assert kept_lines(titled(lines), hints=PageHints(standfirst=standfirst)) == lines


PITCH = ["Collaborate with us",
         "Get your brand in front of a fast-growing audience of founders and investors.",
         "Ready to get noticed? Send us an email at ads@example.com."]


def pitch_labelled(lines: list[str], line: str) -> bool:
    """Whether ``closing_pitch`` labels ``line`` in the document made of ``lines``."""
    result = rules_explain("\n".join(lines))
    return any(l.rule == "closing_pitch" for s in result.segments if result.line(s) == line
               for l in s.labels)


def test_a_closing_promotion_is_evidence_only_on_extracted_text():
    """closing_pitch labels the lines that sell at the end of an extracted article; its
    removals there did not pay on either split, and it took the examples an article about
    calls to action quotes: the label is evidence, and the lines stay."""
    from declutter.rules import EVIDENCE_ONLY_ON_EXTRACTS
    assert "closing_pitch" in EVIDENCE_ONLY_ON_EXTRACTS
    result = rules_explain("\n".join([P1, P2, P3, *PITCH]))
    pitch = [s for s in result.segments if result.line(s) in PITCH]
    assert len(pitch) == len(PITCH)
    assert all(any(l.rule == "closing_pitch" for l in s.labels) for s in pitch), pitch
    assert all(s.kept and s.verdict == "evidence_only" for s in pitch), pitch


def test_a_closing_tail_is_evidence_only_on_extracted_text():
    """closing_tail removed more content than noise on extracted text of the tune and the
    validate pages: there its label is evidence, and the lines stay."""
    from declutter.rules import EVIDENCE_ONLY_ON_EXTRACTS
    assert "closing_tail" in EVIDENCE_ONLY_ON_EXTRACTS
    teasers = ["- Parks budget approved The plan adds four playgrounds across the city",
               "- Library hours extended Three branches will open on Sundays from May"]
    result = rules_explain("\n".join([P1, P2, SIGN_UP, "Join our free weekly quiz", *teasers]))
    tail = [s for s in result.segments if result.line(s) in teasers]
    assert all(any(l.rule == "closing_tail" for l in s.labels) for s in tail), tail
    assert all(s.kept and s.verdict == "evidence_only" for s in tail), tail


@pytest.mark.parametrize("tail", [
    PITCH[:2],                                              # one line that sells
    [PITCH[1], "- Slush - November 20-21, 2026, Helsinki", PITCH[2]],  # a list item between
    [PITCH[1], P4, PITCH[2]],                               # a paragraph between
], ids=["one pitch", "list item", "paragraph"])
def test_lines_that_sell_without_a_closing_promotion_are_not_labelled(tail):
    assert not pitch_labelled([P1, P2, P3, *tail], PITCH[1])
    assert pitch_labelled([P1, P2, P3, *PITCH], PITCH[1])  # the same line closing a pitch


def test_advice_paragraphs_that_open_as_a_pitch_are_not_labelled():
    """'Start with ...' opening a long paragraph is the article's advice, not a pitch."""
    from declutter.rules.closing import PITCH_WORDS_MAX
    advice = [f"{verb} with the basics: {P1} {P2} {P3}" for verb in ("Start", "Try")]
    assert all(len(line.split()) > PITCH_WORDS_MAX for line in advice)
    lines = [P1, P2, P3, P4, *advice]
    assert not any(pitch_labelled(lines, line) for line in advice)
    assert kept_lines("\n".join(lines)) == lines


def test_a_promotion_that_outweighs_the_article_is_not_labelled():
    from declutter.rules.closing import PITCH_ARTICLE_OUTWEIGHS
    lines = [P1, *PITCH * (PITCH_ARTICLE_OUTWEIGHS + 1)]
    numbered = [f"{line} ({n})" if n else line for n, line in enumerate(lines)]
    assert not pitch_labelled(numbered, PITCH[1] + " (2)")


INVITATIONS = ["Learn about the night buses and where they stop",
               "See how the new tram line will change your commute",
               "Find out which routes run on public holidays"]


PROMOTION = ["How can Example Connect help your department?",
             "Check out Example Connect, the know-how solution built for in-house counsel."]


def test_a_list_heading_takes_the_short_lines_that_close_the_text():
    """'Related content', then a question and a promotion to the end: the list's items."""
    result = rules_explain("\n".join([P1, P2, P3, "Related content", *PROMOTION]))
    removed = {result.line(s): s.rule for s in result.segments if not s.kept}
    assert removed == {line: "headline_list" for line in ["Related content", *PROMOTION]}


@pytest.mark.parametrize("after", [
    [P4],                                                   # a paragraph: the article goes on
    [f"Route {n} now stops at the new depot on weekdays." for n in range(13)],  # too many
], ids=["paragraph", "long tail"])
def test_a_list_heading_leaves_a_tail_it_cannot_own(after):
    from declutter.rules.headlines import TRIGGER_TAIL_LINES_MAX
    assert len(after) == 1 or len(after) > TRIGGER_TAIL_LINES_MAX
    kept = kept_lines("\n".join([P1, P2, P3, "Related content", *after]))
    assert kept[:3] == [P1, P2, P3] and after[0] in kept


def test_fewer_invitations_than_a_widget_has_stay():
    """One or two 'See how ...' lines may be the article's own; three make a widget."""
    from declutter.rules.headlines import INVITATIONS_MIN
    few = INVITATIONS[:INVITATIONS_MIN - 1]
    lines = [P1, few[0], P2, *few[1:], P3]
    assert kept_lines("\n".join(lines)) == lines
    assert kept_lines("\n".join([P1, INVITATIONS[0], P2, *INVITATIONS[1:], P3])) == [P1, P2, P3]


@pytest.mark.parametrize("invitations", [
    [f"- {line}" for line in INVITATIONS],                          # an itinerary's items
    [line + "." for line in INVITATIONS],                           # sentences
    ["Explore the Ice Caves of Vatnajökull", "Discover the Glacier Lagoon at Dawn",
     "See the Northern Lights Over Reykjavik"],                     # Title Case headings
    ["Explore Iceland", "Discover Reykjavik", "See Akureyri"],        # too short for links
], ids=["list items", "sentences", "title case", "short"])
def test_lines_that_open_as_invitations_but_are_content_stay(invitations):
    lines = [P1, invitations[0], P2, invitations[1], P3, invitations[2], P4]
    assert kept_lines("\n".join(lines)) == lines


def test_a_comment_section_after_no_article_is_the_page():
    question = ("How did you get into woodworking? I have some tools and want to build "
                "furniture.")
    text, offset = sectioned([question], REPLIES)
    assert kept_lines(text, hints=PageHints(comments_offset=offset)) == [question, *REPLIES]


def test_a_comment_section_is_only_known_from_the_extractor():
    """Where the section starts comes from the extractor's hint; without it, only the
    replies' openings can tell (``reader_comments``, switched off here)."""
    text, offset = sectioned([P1, P2, P3, P4], REPLIES)
    openings_off = declutter.Config(disable=["reader_comments"])

    def kept_without_openings(hints: PageHints = PageHints()) -> list[str]:
        cleaned = run(text, openings_off, hints=hints).text
        return [line for line in cleaned.splitlines() if line.strip()]

    assert kept_without_openings() == [P1, P2, P3, P4, *REPLIES]
    assert kept_without_openings(PageHints(comments_offset=offset)) == [P1, P2, P3, P4]
    beyond = PageHints(comments_offset=len(text) + 10)
    assert kept_without_openings(beyond) == [P1, P2, P3, P4, *REPLIES]
    by_openings = kept_lines(text)  # 'So incredibly helpful, thank you!' opens a thread
    assert by_openings[:4] == [P1, P2, P3, P4]
    assert REPLIES[0] not in by_openings and REPLIES[-1] not in by_openings


def test_every_noise_rule_has_a_positive_case():
    covered = {case[0] for case in POSITIVE + WHOLE_PAGE_POSITIVE + OTHER_POSITIVE
               + HINTED_POSITIVE}
    noise_rules = {r.name for r in declutter.rules.DEFAULT_RULES
                   if r.category is not None and not getattr(r, "weighs", False)}
    assert noise_rules - covered == set()


def test_a_data_table_is_the_article_of_a_whole_page():
    rows = [f"{n} Team {chr(64 + n)} {5040 - 37 * n} {n % 4} {n % 3} {17 - n % 9}"
            for n in range(1, 21)]
    about = ("The Regional Racing Club has published results from local races since 1998, "
             "with reports from every round, interviews with drivers and a weekly podcast.")
    page = [about, about.upper(), *MENU, "Final standings after 36 races:", *rows, *FOOTER]
    result = rules_explain("\n".join(page), disable=["line_model"])
    kept = {result.line(s) for s in result.segments if s.kept}
    assert set(rows) <= kept
    assert about not in kept and "Privacy Policy" not in kept


def test_a_schedule_of_dated_rows_stays_in_the_article_span():
    cities = ["Charlotte, NC", "Raleigh, NC", "Virginia Beach, VA", "Bristow, VA", "Allentown, PA",
              "Camden, NJ", "Holmdel, NJ", "Wantagh, NY", "Uncasville, CT", "Mansfield, MA",
              "Toronto, ON", "Cincinnati, OH", "Denver, CO", "Seattle, WA"]
    rows = [f"July {day} -- Music Pavilion, {city}" for day, city in zip(range(1, 31, 2), cities)]
    page = whole_page(P1, P2, P3, "Tour dates:", *rows)
    result = rules_explain("\n".join(page), disable=["line_model"])
    kept = {result.line(s) for s in result.segments if s.kept}
    assert set(rows) <= kept
    assert "Privacy Policy" not in kept


def test_lines_other_rules_removed_do_not_stretch_the_article_span():
    article = [P1, P2, P3, P1.replace("Tuesday", "Monday"), P2.replace("mayor", "governor")]
    page = whole_page(*article, "Regional Press", *TEASERS)
    result = rules_explain("\n".join(page), disable=["line_model"])
    short = next(s for s in result.segments if result.line(s) == "Regional Press")
    assert not short.kept and short.rule == "outside_article"
    assert all(s.kept for s in result.segments if result.line(s) in article)


def test_an_article_that_nearly_ties_a_long_footer_is_kept():
    legal = ("The information on this website, including articles, community pages and program "
             "materials, is provided for general information only and is not a substitute for "
             "advice from a doctor or another qualified professional, who should be consulted "
             "before starting any exercise or nutrition program; results vary with starting "
             "point, goals and effort, and no outcome is guaranteed.")
    article = [P1, P2, P3]
    page = [*whole_page(*article), *MENU, legal, legal.replace("website", "site")]
    result = rules_explain("\n".join(page), disable=["line_model"])
    kept = {result.line(s) for s in result.segments if s.kept}
    assert set(article) <= kept
    assert "Privacy Policy" not in kept and "Weather" not in kept


def test_a_whole_page_in_a_language_without_a_lexicon_is_cleaned():
    menu = ["Beranda", "Berita", "Olahraga", "Ekonomi", "Teknologi", "Hiburan", "Gaya Hidup",
            "Otomotif", "Kesehatan", "Wisata", "Kuliner", "Pendidikan", "Politik", "Hukum",
            "Opini", "Foto", "Video", "Indeks"]
    article = [
        "Pemerintah kota mengumumkan rencana untuk memperluas jaringan bus pada tahun depan, "
        "dan para pejabat mengatakan bahwa waktu perjalanan ribuan penumpang akan berkurang.",
        "Para pengkritik berpendapat bahwa rencana itu terlalu mahal dan bahwa uangnya "
        "seharusnya dipakai untuk memperbaiki jalan, tetapi wali kota menolak pendapat itu.",
        "Rute baru yang pertama diperkirakan akan dibuka pada bulan Maret, dan dewan kota akan "
        "meninjau hasilnya setelah satu tahun sebelum memutuskan langkah berikutnya.",
    ]
    teaser = ("Harga beras naik lagi di pasar tradisional minggu ini, dan para pedagang "
              "mengatakan bahwa pasokan dari daerah penghasil masih belum pulih sepenuhnya.")
    page = [*menu, *article, *reversed(menu), teaser, *menu[:4]]
    result = rules_explain("\n".join(page), lang="id", disable=["line_model"])
    kept = [result.line(s) for s in result.segments if s.kept and result.line(s).strip()]
    assert kept == article


def test_heading_and_paragraph_sections_between_article_prose_stay():
    sections = TEASERS  # the same shape as other stories' teasers: heading, one sentence
    article = [P1, P2, *sections, P3, P1.replace("Tuesday", "Monday")]
    result = rules_explain("\n".join(whole_page(*article)), disable=["line_model"])
    kept = [result.line(s) for s in result.segments if s.kept and result.line(s).strip()]
    assert kept == article


BYLINED_TEASERS = [
    "Council Approves New Budget For Parks", "Jane Miller", "Tuesday November 19, 2019",
    "The plan adds four new playgrounds and repairs the old fountain in the central square, "
    "the council said.",
    "Library Opens Late On Weekends", "Tom Rogan", "Tuesday November 19, 2019",
    "Readers will be able to borrow books until midnight on Fridays and Saturdays from next "
    "month, the library said.",
    "Bridge Repairs Delayed Until Spring", "Anna Lee", "Monday November 18, 2019",
    "Engineers found more damage than expected and the work will now continue until April, "
    "officials said.",
]


def test_teasers_with_a_byline_and_date_before_their_summary_are_found():
    article = [P1, P2, P3, P1.replace("Tuesday", "Monday"), P2.replace("mayor", "governor")]
    page = whole_page(*article, "More Stories", *BYLINED_TEASERS)
    result = rules_explain("\n".join(page), disable=["line_model"])
    teasers = [s for s in result.segments if result.line(s) in BYLINED_TEASERS[3::4]]
    assert teasers and all(s.rule == "teaser_list" for s in teasers)
    assert all(s.kept for s in result.segments if result.line(s) in article)


def test_product_fields_between_a_name_and_its_description_make_no_teasers():
    products = []
    for name, price in [("Adjustable Bench", 299), ("Jump Rope", 30), ("Exercise Mat", 30)]:
        products += [name, f"Price: ${price}",
                     f"A durable {name.lower()} is a good choice for a small home gym, and it "
                     "stores away easily when the workout is over."]
    article = [P1, P2, "Our picks:", *products, P3]
    result = rules_explain("\n".join(whole_page(*article)), disable=["line_model"])
    assert not any(s.rule == "teaser_list" for s in result.segments)


def test_a_thread_whose_replies_have_subject_lines_is_a_forum():
    replies = ["Does anyone know when the first routes open in the north of the city?",
               "I heard March, but nothing is confirmed by the council yet, as far as I know.",
               "The timetable will be published next week on the council's website, I think."]
    page = ["Bus network by alpha1: 3:21pm On Mar 09, 2023", P1, P2, P3, "Reply"]
    for number, reply in enumerate(replies, start=2):
        page += [f"Re: Bus network by alpha{number}: 9:43pm On Dec 09, 2023", "Avatar",
                 f"{number} days ago", reply, "Reply"]
    kept = rules_clean("\n".join(page)).splitlines()
    assert set(replies) <= set(kept)
    email = [P1, "Re: your letter of March 3", P2, "Re: the timetable", P3]
    assert "Re: the timetable" in rules_clean("\n".join(email)).splitlines()


TOUR_ROWS = [f"July {day} -- Music Pavilion, {city}" for day, city in
             zip(range(1, 31, 2), ["Charlotte, NC", "Raleigh, NC", "Bristow, VA", "Camden, NJ",
                                   "Holmdel, NJ", "Wantagh, NY", "Mansfield, MA", "Denver, CO"])]


def test_rows_of_a_data_table_in_the_article_are_guarded_evidence_for_the_line_model():
    """outside_article guards the rows of a data table inside the article's span; on
    whole-page text a guard is evidence the learned decision weighs (``guarded``), which
    keeps the rows, and no longer overrides it."""
    from declutter.line_features import FEATURE_NAMES
    from declutter.rules.line_model import LineModelRule
    from declutter.trees import TreeEnsemble

    page = "\n".join(whole_page(P1, P2, P3, "Tour dates:", *TOUR_ROWS,
                                P1.replace("Tuesday", "Monday")))
    kept = declutter.clean(page).splitlines()
    assert set(TOUR_ROWS) <= set(kept)
    everything_is_chrome = LineModelRule(model=TreeEnsemble(tuple(FEATURE_NAMES), 50.0, ()),
                                         name="candidate")
    config = declutter.Config(disable={"line_model"}, rules=(everything_is_chrome,))
    result = rules_explain(page, config=config)
    rows = [s for s in result.segments if result.line(s) in TOUR_ROWS]
    assert rows and not any(s.kept for s in rows)  # the model's word decides


def test_the_line_model_never_removes_the_last_article_prose_of_a_page():
    """A one-paragraph article amid menus stays even when the model finds every line
    chrome; lines that are not prose still go."""
    from declutter.line_features import FEATURE_NAMES
    from declutter.rules.line_model import LineModelRule
    from declutter.trees import Tree, TreeEnsemble

    def run(model, *middle):
        rule = LineModelRule(model=model, name="candidate")
        config = declutter.Config(disable={"line_model"}, rules=(rule,))
        return rules_clean("\n".join(whole_page(*middle)), config=config).splitlines()

    everything_is_chrome = TreeEnsemble(tuple(FEATURE_NAMES), 50.0, ())
    kept = run(everything_is_chrome, P1, "Part of the Regional Press Group since 1998")
    assert P1 in kept
    assert "Part of the Regional Press Group since 1998" not in kept
    # prose after the first paragraph is chrome: the first stays, so the model is obeyed
    after_first = Tree(feature=(FEATURE_NAMES.index("prose_before"),), threshold=(0.0,),
                       left=(-1,), right=(-2,), leaf=(-50.0, 50.0))
    kept = run(TreeEnsemble(tuple(FEATURE_NAMES), 0.0, (after_first,)), P1, P2, P3)
    assert P1 in kept
    assert P2 not in kept and P3 not in kept


def test_a_long_list_of_short_items_inside_the_article_keeps_the_article_whole():
    items = ["Pens", "Pencils", "Markers", "Scissors", "Hole Punchers", "Paper Clips",
             "Binder Clips", "Sticky Notes", "Notepads", "Notebooks", "Folders", "Chargers",
             "Batteries", "Cables", "Envelopes", "Stamps", "Mailing Labels", "Packing Tape"]
    article = [P1, "Here is what most home offices hold:", *items, P2, P3,
               P1.replace("Tuesday", "Monday"), P2.replace("mayor", "governor")]
    result = rules_explain("\n".join(whole_page(*article)), disable=["line_model"])
    kept = [result.line(s) for s in result.segments if s.kept and result.line(s).strip()]
    assert kept == article


def test_lines_between_distant_cookie_notices_stay():
    """Two cookie notices far apart make no dialog: the article between them stays."""
    notices = ["We use cookies to improve your experience.", "Accept all cookies",
               "Manage cookies"]
    lines = [notices[0], P1, "Always Active", P2, P3, "The council meets again in May.",
             notices[1], "A vote on the timetable follows.", P1.upper(), P2.upper(), P3.upper(),
             notices[2]]
    result = rules_explain("\n\n".join(lines))
    kept = {result.line(s) for s in result.segments if s.kept}
    assert {"Always Active", "The council meets again in May.",
            "A vote on the timetable follows."} <= kept
    assert not any(s.rule == "consent_dialog" for s in result.segments)


def test_a_consent_dialog_needs_three_cookie_lines():
    lines = [P1, P2, P3, CONSENT_DIALOG[0], "Always Active", CONSENT_DIALOG[2]]
    result = rules_explain("\n\n".join(lines))
    # closing_tail takes the button as the tail after the first notice; this is about
    # the consent rule's own count
    assert decision(lines, "Always Active", disable=["closing_tail"]).kept
    assert not any(s.rule == "consent_dialog" for s in result.segments)


def test_a_sources_heading_before_more_article_stays():
    """Lines with years under a 'Sources' heading are the article when more of the article
    follows them than came before."""
    dated = ["In 2019 the council first studied the routes.",
             "In 2021 it asked residents which lines they used."]
    lines = ["Sources", *dated, P1, P2, P3]
    result = rules_explain("\n\n".join(lines))
    assert not any(s.rule == "reference_list" for s in result.segments)
    assert all(decision(lines, line).kept for line in dated)


def test_a_references_heading_needs_citations_after_it():
    lines = [P1, P2, P3, "References", "Friends and neighbours of the bus riders",
             "Members of the transport committee"]
    result = rules_explain("\n\n".join(lines))
    assert not any(s.rule == "reference_list" for s in result.segments)


CITED = ["[1] Doe J, Roe M. Bus networks and commuting times. Transport Review 2019;12:4-9.",
         "[2] City Transit Authority. Annual report 2021. https://example.org/report.pdf"]


def test_a_reference_list_the_article_cites_by_number_stays():
    cited_p1 = P1.replace("spring.", "spring [1].")
    result = rules_explain("\n\n".join([cited_p1, P2, P3, "References", *CITED]))
    assert not any(s.rule == "reference_list" for s in result.segments)
    uncited = rules_explain("\n\n".join([P1, P2, P3, "References", *CITED]))
    assert all(decided_by(s, "reference_list", "source") for s in uncited.segments
               if uncited.line(s) in CITED)


def test_a_repeated_passage_keeps_its_first_copy():
    """Only the later copy of a repeated passage goes; the article before it is whole."""
    text = "\n\n".join([P1, P2, P3, P1, P2]) + "\n"
    assert [line for line in rules_clean(text).splitlines() if line] == [P1, P2, P3]


def test_a_single_paragraph_that_recurs_is_content():
    """One line that comes back (the same question put to each interviewee) is no
    passage: a passage is two lines or more."""
    question = ("What kind of cooking do you like best yourself, and is there anything that "
                "you would never eat, whatever the occasion, the season or the company at the "
                "table, even when someone you love has cooked it for you?")
    answers = [P1, P2, P3]
    lines = [line for answer in answers for line in (question, answer)]
    segment = decision(lines, question)
    assert segment.kept, segment


def test_repeated_lines_that_are_not_prose_are_content():
    """A meal plan repeats its day's items in the same order; items are not prose."""
    day = ["Breakfast: 1 scoop protein powder, 1 cup strawberries, 8 oz. unsweetened almond "
           "milk, 1 tsp. nut butter",
           "Lunch: 2 cups mixed greens, 3 oz. grilled chicken breast, ½ cup cherry tomatoes, "
           "¼ avocado, 2 tbsp. dressing",
           "Portion containers: 1 green, 1 red, 1 yellow, 1 purple, 2 tsp."]
    lines = [P1, *day, P2, *day, P3]
    segment = decision(lines, day[1])
    assert segment.kept, segment


@pytest.mark.parametrize("line,span", [
    ("Date: January 6-9, 2026", True),
    ("Date: 13-15 October 2026", True),
    ("Summit on 7 December 2026, Expo from 8–11 December 2026", True),
    ("Published 09-01-2018", False),
    ("Updated June 8 - 10:30 AM", False),
    ("2014-03-28 15:35:05 +00:00", False),
    ("The score was 3-1 in March", False),
])
def test_a_span_of_days_is_told_from_one_date(line, span):
    from declutter.lexicon import load_lexicon
    from declutter.rules.dates import has_date_span

    assert has_date_span(line, load_lexicon(("en",))) is span


CHECKLIST = [
    "Before the Wedding",
    "- Book the venue and the caterer at least a year before the big day arrives.",
    "- Send the invitations to every guest on the list about three months ahead.",
    "- Order the cake and the flowers from local shops and confirm the delivery times.",
    "After the Wedding",
    "- Prearrange for someone to return any rentals to the shops the morning after",
    "- Pre-plan for someone to take the dress and the suit to the cleaners that week",
    "- Write and send thank-you notes to the guests and vendors who were especially helpful",
    "- Collect your marriage certificate from the registry office as soon as it is ready",
]


def test_the_last_section_of_a_checklist_stays():
    """Its items share the bullet of the lists before it (whose items end as sentences, so
    no run of headlines takes them): the text's own list goes on."""
    lines = [P1, P2, P3, *CHECKLIST]
    assert kept_lines("\n".join(lines)) == lines


def test_teasers_after_an_article_without_such_lists_go():
    """The same run after prose alone is a run of teasers after the article."""
    lines = [P1, P2, P3, *CHECKLIST[4:]]
    assert kept_lines("\n".join(lines)) == [P1, P2, P3]


def test_the_learned_decision_weighs_whole_pages_and_leaves_extracted_text_to_the_rules():
    """A model that finds every line noise empties a whole page of its chrome, keeping
    its last prose (see above); on an extractor's text it decides nothing: there the
    strongest rule label decides, as with the model off."""
    from declutter.line_features import FEATURE_NAMES
    from declutter.rules.line_model import LineModelRule
    from declutter.trees import TreeEnsemble

    everything = LineModelRule(model=TreeEnsemble(tuple(FEATURE_NAMES), 50.0, ()),
                               name="candidate")
    config = declutter.Config(disable={"line_model"}, rules=(everything,))
    page = "\n".join(whole_page(P1, P2, P3, "Download our free app"))
    kept = declutter.clean(page, config=config).splitlines()
    assert "Download our free app" not in kept and P1 in kept
    extracted = "\n".join([P1, "Download our free app", P2, "Advertisement", P3])
    assert declutter.clean(extracted, config=config) == rules_clean(extracted)


CODE_BLOCK = ["from pydantic import BaseModel, Field", "class User(BaseModel):",
              "    name: str = 'John Doe'", "    age: int = Field(default=20)",
              "    age: int = Field(strict=False)"]


def test_an_extractors_indented_lines_are_preformatted_content():
    """Extractors keep leading spaces only in preformatted text: a code line there that a
    rule takes for a poster's profile field stays."""
    lines = [P1, "Default values come from the assignment syntax.", *CODE_BLOCK, P2, P3]
    result = rules_explain("\n".join(lines))
    code = [s for s in result.segments if result.line(s) in CODE_BLOCK[2:]]
    assert code and all(s.kept for s in code), code
    guarded = [s for s in code if s.verdict == "guarded"]
    assert guarded and all("guard_preformatted" in s.reason for s in guarded), code


def test_the_same_lines_unindented_get_no_preformatted_guard():
    lines = [P1, *[line.strip() for line in CODE_BLOCK], P2]
    result = rules_explain("\n".join(lines))
    assert not any("guard_preformatted" in s.reason for s in result.segments)


def test_preformatted_lines_are_not_read_from_whole_page_text():
    from test_line_features import context

    from declutter.rules.guards import PREFORMATTED

    text = "\n".join([P1, *CODE_BLOCK, P2])
    assert list(PREFORMATTED.scan(context(text, whole_page=True))) == []
    guards = list(PREFORMATTED.scan(context(text, whole_page=False)))
    assert [(g.first, g.last, g.firm) for g in guards] == [(3, 5, True)]
