"""What the explanation says the page was taken for: a discussion or an article, whole
page or extracted text (shown by the HTML report beside the language)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

import declutter
from declutter.line_facts import unspaced_words
from declutter.table import build_table

from declutter.page_kind import PAGE_FEATURE_NAMES, page_vector
from test_forum_rules import forum_thread
from test_line_features import context

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


def test_a_page_whose_menus_are_a_quarter_of_its_lines_is_a_whole_page():
    """Whole-page text has from a quarter to most of its lines in menus; an extractor's
    output mostly under a fifth. Four menu entries (three of them navigation words) among
    eleven lines of article are a whole page; the same article with one entry is not."""
    menu = ["Home", "Contact", "About us", "Gardening tips"]
    article = [f"Paragraph {n} of the report says that the council approved the new budget "
               "after a long debate about the cost of the bridge repairs." for n in range(11)]
    assert declutter.explain("\n".join([*menu, *article])).whole_page is True
    assert declutter.explain("\n".join([menu[0], *article])).whole_page is False


# What the caller states overrides what the text suggests (Config.page_kind, text_kind).

EXTRACTED = ("By Jane Smith\nAdvertisement\n"
             "The council voted on Sunday to expand the harbour, officials said after the "
             "meeting ended.\n"
             "Residents had campaigned for two years against the plan, which they say will "
             "harm the bay.\nShare this article\n")


def test_a_page_stated_to_be_no_article_loses_only_what_is_noise_on_any_page():
    inferred = declutter.clean(EXTRACTED)
    stated = declutter.clean(EXTRACTED, page_kind="other")
    assert "By Jane Smith" not in inferred  # a byline on an article goes...
    assert "By Jane Smith" in stated  # ...on a listing or a product page it may be content
    assert "Advertisement" not in stated and "Share this article" not in stated
    assert declutter.explain(EXTRACTED, page_kind="other").page_kind == "other"


THREAD = """Router keeps dropping the connection every evening
Since the update last week my router drops the connection every evening around eight.
I have tried restarting it and resetting it to factory settings, but nothing has helped.
3 Replies
mike_t
Posted March 3, 2024
Try changing the wireless channel in the settings; my neighbours' networks did the same.
Reply
anna.k
Posted March 4, 2024
Check whether the firmware update changed the power saving mode, it did on mine.
Reply
"""


def test_a_thread_stated_to_be_a_discussion_keeps_its_replies_count_and_posts():
    posts = [line for line in THREAD.splitlines() if len(line.split()) > 8]
    as_article = declutter.clean(THREAD, page_kind="article")
    as_discussion = declutter.clean(THREAD, page_kind="discussion")
    assert "3 Replies" not in as_article  # a comment count under an article is chrome
    assert "3 Replies" in as_discussion  # in a thread it heads the replies
    assert all(post in as_discussion for post in posts)
    assert declutter.explain(THREAD, page_kind="discussion").page_kind == "discussion"


def test_a_text_stated_to_be_a_whole_page_is_read_as_one():
    assert declutter.explain(EXTRACTED, text_kind="page").whole_page is True
    assert declutter.explain(EXTRACTED, text_kind="extract").whole_page is False


def test_a_text_stated_to_be_an_extract_is_not_read_as_a_whole_page():
    menu = ["Home", "News", "Sport", "Business", "Culture", "Travel", "Weather", "Contact",
            "About us", "Subscribe", "Sign in", "Search"]
    body = ("The council approved the new budget on Tuesday after a long debate about the "
            "cost of the bridge repairs, which will start in the spring.")
    text = "\n".join([*menu, body, body.replace("council", "mayor")])
    assert declutter.explain(text, text_kind="extract").whole_page is False


@pytest.mark.parametrize("option, value", [("page_kind", "blog"), ("text_kind", "html"),
                                           ("page_kind", 1)])
def test_an_unknown_kind_is_refused_with_the_choices(option, value):
    with pytest.raises(TypeError, match="must be one of"):
        declutter.clean("Some text.\n", **{option: value})


def _with_article_probability(probability: float) -> declutter.Config:
    """A config whose page-kind judgement reads every page as an article with
    ``probability`` (a constant ensemble in place of the packaged model)."""
    import math

    from declutter.page_kind import PAGE_FEATURE_NAMES
    from declutter.rules.line_model import LineModelRule
    from declutter.trees import TreeEnsemble

    score = math.log(probability / (1 - probability))
    judge = LineModelRule(page_model=TreeEnsemble(tuple(PAGE_FEATURE_NAMES), score, ()),
                          name="judged")
    return declutter.Config(disable={"line_model"}, rules=(judge,))


#: An extractor's text long enough for its page kind to be judged (12 lines or more).
JUDGED = EXTRACTED + "".join(
    f"Paragraph {n} of the report describes the harbour plan and what the council "
    "expects it to cost over the next ten years.\n" for n in range(1, 11))


@pytest.mark.parametrize("probability,byline_kept", [(0.9, False), (0.75, False), (0.6, True),
                                                     (0.1, True)])
def test_only_a_page_read_as_an_article_with_confidence_loses_its_article_chrome(
        probability, byline_kept):
    """Below ARTICLE_EVIDENCE_MIN the page is no article, or the evidence is too weak
    to tell: a byline may be a listing's content and stays; noise on any page still
    goes. The judgement is the configured page-kind model's."""
    from declutter.engine import ARTICLE_EVIDENCE_MIN

    assert (probability >= ARTICLE_EVIDENCE_MIN) is not byline_kept
    assert len([line for line in JUDGED.splitlines() if line.strip()]) >= 12
    kept = declutter.clean(JUDGED, config=_with_article_probability(probability)).splitlines()
    assert ("By Jane Smith" in kept) is byline_kept
    assert "Advertisement" not in kept and "Share this article" not in kept


def test_a_breadcrumb_path_goes_on_any_page():
    text = "Home » Guides » Harbour\n" + JUDGED
    kept = declutter.clean(text, config=_with_article_probability(0.1)).splitlines()
    assert "Home » Guides » Harbour" not in kept
    assert "By Jane Smith" in kept  # what is noise only beside an article stays


def test_an_article_with_a_comment_thread_reads_as_an_article():
    """Seed 003 is an article followed by its readers' thread. Judged on all its lines it
    read as a discussion as much as an article (0.50); judged without the thread the
    rules found, it clears the bar that lets them remove what is noise beside an
    article, and its thread goes."""
    from declutter.engine import ARTICLE_EVIDENCE_MIN, run

    outcome = run((SEEDS / "seed-003.txt").read_text(encoding="utf-8"), declutter.Config())
    assert outcome.article >= ARTICLE_EVIDENCE_MIN, outcome.article
    assert any(label.category.value == "comments" for label in outcome.removed.values())


def test_the_page_is_judged_without_the_threads_rules_of_every_pass_find():
    """A thread that a rule of every pass found is set aside when the page kind is
    judged; the comment section only the page's HTML marked (a first pass's rule) is
    not, so that cleaning the output again, without the HTML, judges the page alike."""
    from declutter.engine import _active_rules, _later_rules, _threads
    from declutter.labels import Category, Confidence, Label, Mark

    config = declutter.Config()
    first_only = {r.name for r in _active_rules(config)} - {r.name for r in _later_rules(config)}
    assert "comment_section" in first_only
    marks = [Mark(3, 5, Label("comment_thread", Category.COMMENTS, Confidence.STRONG, "")),
             Mark(8, 9, Label("comment_section", Category.COMMENTS, Confidence.STRONG, "")),
             Mark(1, 1, Label("byline", Category.BYLINE, Confidence.STRONG, ""))]
    assert _threads(marks, _later_rules(config)) == {3, 4, 5}


# Scripts written without spaces: a line's words are counted from its characters, so that
# the page's make-up reads in Chinese as it reads in English.

ZH_ARTICLE = [
    "城市公交将全面换用电动车",
    "记者昨日从市交通运输局获悉，到今年年底，全市所有公交线路将全部使用纯电动公交车，共计一千二百辆。",
    "市交通运输局副局长介绍，新车每百公里的能耗成本只有柴油车的三分之一，每年可以节省运营费用约八千万元。",
    "为了解决充电问题，公交集团在十二个停车场新建了充电桩，夜间集中充电，白天在终点站补电。",
    "相关阅读",
    "地铁三号线将于五月开通试运营",
    "首页",
]
EN_ARTICLE = [
    "City buses to switch fully to electric vehicles",
    "Our reporter learned yesterday from the city transport bureau that by the end of this "
    "year all bus lines in the city will use purely electric buses, 1,200 in total.",
    "The deputy director of the bureau said the energy cost of the new buses per hundred "
    "kilometres is only a third of that of diesel buses, saving about 80 million a year.",
    "To solve the charging problem, the bus group has built charging points at twelve "
    "depots, charging at night and topping up at terminals during the day.",
    "Related reading",
    "Metro line 3 to start trial operation in May",
    "Home",
]


def page_make_up(lines: list[str], language: str) -> dict[str, float]:
    ctx = context("\n".join(lines))
    table = build_table(ctx.doc, language, 8, (), 1.0)
    return dict(zip(PAGE_FEATURE_NAMES, page_vector(replace(ctx, table=table, language=language))))


def test_a_chinese_line_counts_the_words_it_holds():
    chinese = page_make_up(ZH_ARTICLE, "zh")
    english = page_make_up(EN_ARTICLE, "en")
    # counted by spaces, every Chinese line would be one word: all short, log(2) on average
    assert chinese["short_share"] == english["short_share"]
    assert abs(chinese["mean_log_words"] - english["mean_log_words"]) < 0.3


def test_words_of_unspaced_scripts():
    assert unspaced_words(["首页"], 1.6) == 1
    assert unspaced_words(["2026年03月05日", "08:30"], 1.6) == 2 + 3 + 1  # 年月日, 3 numbers
    assert unspaced_words(["iPhone的价格"], 1.6) == 1 + 2
    assert unspaced_words(["Home", "首页"], 0.5) == 1 + 4
    # katakana loanwords are long: a menu's 'privacy policy' is two words, not five
    assert unspaced_words(["プライバシーポリシー"], 2.0) == 2
    assert unspaced_words(["ソフトウェア一般"], 2.0) == 1 + 1
    sentence = "为了解决充电问题，公交集团在十二个停车场新建了充电桩。"
    assert 12 <= unspaced_words([sentence], 1.6) <= 20


ZH_POEM_ARTICLE = """\
这首诗写于诗人晚年，描写了他回到故乡时看到的景象。下面是全诗：
故乡的小河还在静静地流淌
河边的老柳树已经弯了腰
我走过童年走过的石板桥
桥下的水声和从前一样
母亲的呼唤声早已远去
只有风吹过稻田的声音
远处的山还是那样青
山上的云还是那样白
我站在村口的大槐树下
想起了那些再也回不去的日子
孩子们在田埂上奔跑
像极了当年的我们
黄昏的炊烟慢慢升起
村子里亮起了一盏盏灯
我知道这里已经不是我的家
可我的心还留在这里
评论家认为，这首诗用最朴素的语言写出了游子对故乡复杂的感情，是诗人晚年最重要的作品之一。
"""


def test_an_extracted_chinese_poem_is_not_a_whole_page():
    """Sixteen lines of verse, no punctuation: counted by spaces each line was one word,
    so every line looked like a menu entry and the run of them like a whole page's menu."""
    result = declutter.explain(ZH_POEM_ARTICLE)
    assert result.whole_page is False
    assert result.text == ZH_POEM_ARTICLE
