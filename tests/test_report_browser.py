"""The HTML report in a real browser: headless Chromium (Debian's ``chromium``) driven by
Playwright's Python package on that binary, no browser download.

Outside CI, without Chromium or Playwright, these tests skip and say how to run them;
with ``CI=true`` they fail instead, so that CI never passes without running them.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import declutter
from declutter.report import ReportDocument, write_report

from test_report import HOSTILE, SEEDS

#: The Chromium binary to drive; found on the PATH when this is not set.
CHROMIUM_VARIABLE = "DECLUTTER_CHROMIUM"
#: Where to save the screenshot that docs/report.md shows (a copy; the test keeps its own).
SCREENSHOT_VARIABLE = "DECLUTTER_REPORT_SCREENSHOT"
HOW_TO_RUN = ("the browser tests need Chromium and Playwright: `apt-get install chromium` "
              "and `python3 -m pip install '.[test]'` (or set DECLUTTER_CHROMIUM to a "
              "Chromium binary); .ci/run installs Chromium when it is missing")
#: What the instrumented page records: script errors and policy violations.
INSTRUMENT = """
window.__violations = [];
window.__errors = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__violations.push(e.violatedDirective + " " + e.blockedURI);
});
window.addEventListener("error", function (e) { window.__errors.push(String(e.message)); });
window.addEventListener("unhandledrejection", function (e) { window.__errors.push(String(e.reason)); });
"""


def _chromium() -> tuple[str | None, str]:
    """The Chromium binary, or ``None`` and why not."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return None, "Playwright is not installed"
    path = os.environ.get(CHROMIUM_VARIABLE) or shutil.which("chromium") \
        or shutil.which("chromium-browser")
    if not path or not os.access(path, os.X_OK):
        return None, f"no Chromium found{f' at {path}' if path else ''}"
    return path, ""


@pytest.fixture(scope="module")
def browser():
    path, missing = _chromium()
    if path is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI=true and {missing}: {HOW_TO_RUN}")
        pytest.skip(f"{missing}; {HOW_TO_RUN}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        chromium = driver.chromium.launch(executable_path=path, headless=True)
        yield chromium
        chromium.close()


class Opened:
    """A report open in a page, with what the page tried: dialogs, requests, errors."""

    def __init__(self, browser, path: Path) -> None:
        self.context = browser.new_context(viewport={"width": 1400, "height": 900})
        self.url = path.resolve().as_uri()
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.add_init_script(INSTRUMENT)
        self.page.on("dialog", self._dialog)
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.goto(self.url)
        self.page.wait_for_selector("html[data-ready=true]", timeout=10_000)

    def _route(self, route):
        if route.request.url == self.url:
            route.continue_()
        else:  # nothing but the file itself may load; record and refuse the rest
            route.abort()

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def visible_lines(self) -> int:
        return self.page.locator("#lines .ln:not([hidden])").count()

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def open_report(browser, tmp_path):
    opened: list[Opened] = []

    def opener(documents, **options) -> Opened:
        path = tmp_path / f"report-{len(opened)}.html"
        write_report(path, documents, **options)
        opened.append(Opened(browser, path))
        return opened[-1]

    yield opener
    for item in opened:
        item.close()


def seed(number: int) -> ReportDocument:
    path = SEEDS / f"seed-{number:03d}.txt"
    return ReportDocument(path.name, declutter.explain(path.read_text(encoding="utf-8")))


def gold(number: int) -> str:
    return (SEEDS / f"seed-{number:03d}.expected.txt").read_text(encoding="utf-8")


def test_clicking_a_removed_line_shows_its_rule_category_reason_and_offsets(open_report):
    document = seed(4)
    report = open_report([document])
    line = report.page.locator("#lines .ln.rm:not(.blank):visible").first
    index = int(line.get_attribute("data-i"))
    line.click()
    segment = document.explanation.segments[index]
    detail = report.page.locator("#detail")
    assert detail.locator("[data-field=reason]").inner_text() == segment.reason
    assert detail.locator("[data-field=rule]").inner_text() == segment.rule
    assert detail.locator("[data-field=category]").inner_text() == segment.category
    assert detail.locator("[data-field=offsets]").inner_text().startswith(
        f"characters {segment.start:,}–{segment.end:,} of")


def test_the_keyboard_reaches_removed_lines_and_shows_why(open_report):
    document = seed(4)
    report = open_report([document])
    # removed lines, and kept lines that a rule labelled, can take the focus
    stops = [s for s in document.explanation.segments
             if (not s.kept and s.category) or s.verdict not in ("kept", "blank_kept")]
    report.page.locator("#lines .ln[tabindex]:visible").first.focus()
    first = report.page.locator("#detail [data-field=reason]").inner_text()
    report.page.keyboard.press("ArrowDown")
    focused = int(report.page.evaluate("document.activeElement.dataset.i"))
    assert first == stops[0].reason
    assert focused == stops[1].line_number - 1
    assert report.page.locator("#detail h3").inner_text().startswith(f"Line {focused + 1}")


def test_a_category_filter_hides_that_category_s_lines(open_report):
    document = seed(3)
    report = open_report([document])
    segments = document.explanation.segments
    comments = sum(1 for s in segments if s.category == "comments")
    assert comments and report.visible_lines() == len(segments)
    report.page.locator("#categories input[value=comments]").uncheck()
    assert report.visible_lines() == len(segments) - comments
    assert report.page.locator("#doc-status").inner_text() == (
        f"Showing {len(segments) - comments} of {len(segments)} lines (filtered).")


def test_rule_filter_and_only_removals_show_that_rule_s_lines(open_report):
    document = seed(3)
    report = open_report([document])
    rule = next(s.rule for s in document.explanation.segments if s.category)
    report.page.locator("#rule").select_option(rule)
    report.page.locator("#views input[value=removed]").check()
    assert report.visible_lines() == sum(1 for s in document.explanation.segments
                                         if s.rule == rule)
    report.page.locator("#views input[value=kept]").check()
    assert report.visible_lines() == sum(1 for s in document.explanation.segments if s.kept)


@pytest.mark.parametrize("compress", [False, True], ids=["json", "compressed"])
def test_the_corpus_list_sorts_by_share_removed(open_report, compress):
    documents = [seed(n) for n in range(5)]
    report = open_report(documents, compress=compress)

    def order() -> list[str]:
        return report.page.locator("#doclist tbody td[data-key=name]").all_inner_texts()

    def share(d: ReportDocument) -> float:
        removed = sum(v["chars"] for v in d.explanation.removed_by_category.values())
        return removed / len(d.explanation.original)

    assert order() == [d.name for d in documents]
    header = report.page.locator("#doclist th[data-key=share]")
    header.locator("button").click()
    assert order() == [d.name for d in sorted(documents, key=share, reverse=True)]
    assert header.get_attribute("aria-sort") == "descending"
    header.locator("button").click()
    assert order() == [d.name for d in sorted(documents, key=share)]


def test_opening_documents_from_the_list_and_with_keys(open_report):
    report = open_report([seed(0), seed(1), seed(2)])
    report.page.locator("#doclist button.open", has_text="seed-002.txt").click()
    assert report.page.locator("#doc-title").inner_text() == "seed-002.txt"
    report.page.keyboard.press("p")
    assert report.page.locator("#doc-title").inner_text() == "seed-001.txt"


def test_with_gold_lines_are_marked_four_ways_and_the_list_sorts_by_content_lost(open_report):
    # a document whose cleaning loses content and keeps noise, and the seeds
    text = ("Home » News » Politics\nThe council approved the budget on Tuesday.\n"
            "Share this article\nThe mayor said the bridge repairs start in spring.\n")
    made = ReportDocument("made.txt", declutter.explain(text),
                          "Share this article\nThe council approved the budget on Tuesday.")
    documents = [seed(n) for n in range(5)] + [made]
    report = open_report(documents, gold=[gold(n) for n in range(5)] + [made.gold])
    data = report.page.evaluate("JSON.parse(document.getElementById('report-data').textContent)")
    lost = [d["sum"]["lostShare"] for d in data["docs"]]
    shown = report.page.locator("#doclist tbody tr").evaluate_all(
        "rows => rows.map(r => Number(r.dataset.doc))")
    assert [lost[i] for i in shown] == sorted(lost, reverse=True)
    assert report.page.locator("#doclist th[data-key=lost]").get_attribute("aria-sort") \
        == "descending"
    current = data["docs"][shown[0]]
    report.page.locator("#views input[value=noise]").check()
    assert report.visible_lines() == current["g"].count("n")
    assert report.page.locator("#lines .ln.g-n .gm").first.inner_text() == "noise kept"


@pytest.mark.parametrize("compress", [False, True], ids=["json", "compressed"])
def test_hostile_text_runs_nothing_opens_nothing_loads_nothing_and_shows_as_written(
        open_report, compress):
    name = '</script><script>alert("name")</script><img src=x onerror=alert(1)>'
    report = open_report([ReportDocument(name, declutter.explain(HOSTILE))],
                         title="<script>alert('title')</script>", compress=compress)
    page = report.page
    page.locator("#lines .fold button").evaluate_all("buttons => buttons.forEach(b => b.click())")
    texts = page.locator("#lines .ln .tx").all_inner_texts()
    lines = HOSTILE.splitlines()
    for line in lines[:5]:
        assert line in texts
    assert ["a", "b", "c"] == texts[5:8]  # U+2028 and U+2029 break lines, as in declutter
    assert "nul\u2400here" in texts  # the NUL shown as its picture
    long_line = next(t for t in texts if t.startswith("xxxx"))
    assert long_line == "x" * 10_000 + " … 20,000 more characters not shown"
    rtl = page.locator("#lines .ln .tx", has_text="שלום")
    assert rtl.inner_text() == next(line for line in lines if "שלום" in line)
    assert rtl.get_attribute("dir") == "auto"
    assert page.locator("#doc-title").inner_text() == name
    assert page.title() == "<script>alert('title')</script>"
    assert report.dialogs == []
    assert report.requests == [report.url]
    assert page.evaluate("window.__violations") == []
    assert page.evaluate("window.__errors") == []
    assert page.locator("img, iframe, object, embed, a[href^=javascript]").count() == 0
    assert page.locator("script").count() == 2


def test_printing_shows_the_document_without_the_controls(open_report):
    report = open_report([seed(3)])
    report.page.emulate_media(media="print")
    assert not report.page.locator("#controls").is_visible()
    assert report.page.locator("#lines .fold .ln").first.is_visible()  # folds open on paper


def test_screenshot(open_report, tmp_path):
    report = open_report([seed(n) for n in range(5)], gold=[gold(n) for n in range(5)],
                         title="declutter report: seeds", note="5 documents; profile balanced")
    page = report.page
    page.locator("#doclist button.open", has_text="seed-004.txt").click()
    page.locator("#lines .ln.rm:not(.blank):visible").first.click()
    page.evaluate("window.scrollTo(0, 0)")
    target = tmp_path / "report.png"
    page.screenshot(path=str(target))
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    copy = os.environ.get(SCREENSHOT_VARIABLE)
    if copy:
        shutil.copyfile(target, copy)


def test_empty_and_blank_documents_open_without_error(open_report):
    report = open_report([ReportDocument("empty", declutter.explain("")),
                          ReportDocument("blank", declutter.explain("\n \n\t\n"))])
    assert report.page.locator("#doc-status").inner_text() == "Showing 0 of 0 lines."
    report.page.keyboard.press("n")
    assert report.page.locator("#doc-title").inner_text() == "blank"
    assert report.page.evaluate("window.__errors") == []


def test_a_report_of_no_document_says_so(open_report):
    report = open_report([])
    assert report.page.locator("#doc-title").inner_text() == "No document"
    assert report.page.evaluate("window.__errors") == []
