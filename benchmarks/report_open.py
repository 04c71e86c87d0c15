#!/usr/bin/env python3
"""How large a report of many documents is, and how long it takes to open.

Builds the HTML report of ``--docs`` documents (default 1,000) of whole-page text: the
AEB pages' raw text (``corpus.load_corpus``), taken in turn until there are enough, or
the generated corpus without the evaluation data. Prints the time to explain and to
render, the file's size, and, when Chromium and Playwright are there, the time headless
Chromium takes from the start of navigation to the report being drawn (the corpus list
and the first document), the median of ``--runs`` fresh pages; then the time to open
another document and to switch a category filter. ``docs/report.md`` quotes the figures.

Example::

    python benchmarks/report_open.py --docs 1000 --keep /tmp/report-1000.html
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR.parent / "src"))
sys.path.insert(0, str(BENCH_DIR))

import declutter  # noqa: E402
from declutter.report import ReportDocument, render_report  # noqa: E402

from corpus import load_corpus  # noqa: E402


def documents(count: int) -> tuple[list[ReportDocument], str, float]:
    """``count`` explained documents, the corpus's name, and the seconds explaining took."""
    corpus = load_corpus()
    started = time.perf_counter()
    explained = [declutter.explain(text) for text in corpus.texts]
    seconds = time.perf_counter() - started
    chosen = [ReportDocument(f"page {i % len(explained) + 1:03d} copy {i // len(explained) + 1}",
                             explained[i % len(explained)]) for i in range(count)]
    return chosen, corpus.name, seconds * count / len(explained)


def open_times(path: Path, runs: int) -> dict[str, float] | None:
    """Seconds to draw the report, to open another document, to switch a filter."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    chromium = os.environ.get("DECLUTTER_CHROMIUM") or shutil.which("chromium")
    if not chromium:
        return None
    ready, other, filtered = [], [], []
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=chromium)
        for _ in range(runs):
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.goto(path.as_uri(), wait_until="commit")
            page.wait_for_selector("html[data-ready=true]", timeout=120_000)
            ready.append(page.evaluate("performance.now()") / 1000)
            started = page.evaluate("performance.now()")
            page.locator("#doclist button.open").nth(1).click()
            other.append((page.evaluate("performance.now()") - started) / 1000)
            started = page.evaluate("performance.now()")
            page.locator("#categories input").first.uncheck()
            filtered.append((page.evaluate("performance.now()") - started) / 1000)
            page.close()
        browser.close()
    return {"ready": statistics.median(ready), "other": statistics.median(other),
            "filter": statistics.median(filtered)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=1000, help="documents (default: %(default)s)")
    parser.add_argument("--runs", type=int, default=3, help="page loads (default: %(default)s)")
    parser.add_argument("--keep", type=Path, metavar="FILE", help="keep the report here")
    args = parser.parse_args(argv)
    docs, corpus, explain_seconds = documents(args.docs)
    started = time.perf_counter()
    page = render_report(docs, title=f"{args.docs} documents")
    render_seconds = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as folder:
        path = args.keep or Path(folder) / "report.html"
        path.write_text(page, encoding="utf-8")
        size = path.stat().st_size
        text = sum(len(d.explanation.original.encode("utf-8")) for d in docs)
        lines = sum(len(d.explanation.segments) for d in docs)
        print(f"corpus: {corpus}, {args.docs} documents, {lines:,} lines, "
              f"{text / 1e6:.1f} MB of text")
        print(f"explain: {explain_seconds:.1f} s; render: {render_seconds:.1f} s")
        print(f"report: {size / 1e6:.1f} MB ({size / text:.2f} bytes per byte of text)")
        times = open_times(path.resolve(), args.runs)
        if times is None:
            print("opening: not measured (no Chromium or Playwright)")
        else:
            print(f"opening in headless Chromium: drawn after {times['ready']:.2f} s; "
                  f"another document {times['other']:.2f} s; a category filter "
                  f"{times['filter']:.2f} s (medians of {args.runs})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
