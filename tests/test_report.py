"""The HTML report's file, without a browser: its data, its safety, its size, its command
line (the browser tests are in test_report_browser.py)."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import sys
from pathlib import Path

import pytest

import declutter
from conftest import run_cli
from declutter import cli
from declutter.report import ReportDocument, render_report, write_report
from declutter.report.gold import GoldJudge, mark
from declutter.report.model import report_data
from declutter.report.page import COMPRESS_ABOVE, read_data_block, script_json
from declutter.report.sample import Picker

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
HOSTILE = "\n".join([
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "</script><script>alert(2)</script>",
    '<a href="javascript:alert(3)">click</a>',
    "<!-- <script>",
    "a\u2028b\u2029c",
    "nul\x00here",
    "x" * 30_000,
    "שלום עולם \u202eevil",
    "The vote was held on Sunday, officials said, after a long campaign.",
])


def data_block(page: str) -> dict:
    """The data of a report page (plain JSON or compressed)."""
    found = re.search(r'<script type="[^"]+" id="report-data" data-encoding="([^"]+)">(.*?)'
                      r'</script>', page, re.S)
    assert found is not None
    return read_data_block(found.group(2), found.group(1))


def seed_documents(*numbers: int) -> list[ReportDocument]:
    paths = [SEEDS / f"seed-{n:03d}.txt" for n in numbers]
    return [ReportDocument(p.name, declutter.explain(p.read_text(encoding="utf-8"))) for p in paths]


# --- the data ---------------------------------------------------------------------------


def test_every_line_is_there_in_order_with_its_decision():
    document = seed_documents(3)[0]
    data = data_block(render_report([document]))
    doc = data["docs"][0]
    result = document.explanation
    assert doc["t"] == [result.line(s) for s in result.segments]
    decisions = [data["decisions"][code] for code in doc["d"]]
    assert [(bool(d[0]), d[1], d[2], d[3]) for d in decisions] == [
        (s.kept, s.category, s.rule, s.reason) for s in result.segments]
    assert sum(doc["w"]) == len(result.original)  # offsets rebuilt from the line widths
    assert doc["lang"] == "en" and doc["kind"] == "article"


def test_summaries_count_what_went_by_category():
    documents = seed_documents(0, 3)
    data = report_data(documents)
    for doc, document in zip(data["docs"], documents):
        removed = document.explanation.removed_by_category
        assert doc["sum"]["cats"] == {c: [v["lines"], v["chars"]] for c, v in removed.items()}
    corpus = data["sum"]["cats"]
    assert corpus["comments"][0] == sum(d["sum"]["cats"].get("comments", [0])[0]
                                        for d in data["docs"])
    assert data["sum"]["documents"] == 2
    assert 0 < data["sum"]["share"] < 1


def test_the_same_input_gives_the_same_file():
    assert render_report(seed_documents(1, 2)) == render_report(seed_documents(1, 2))


def test_a_bare_explanation_is_a_report_of_one_document():
    page = render_report(declutter.explain("Share this\nThe vote was held on Sunday.\n"))
    assert data_block(page)["docs"][0]["name"] == "document 1"


def test_gold_texts_must_match_the_documents():
    with pytest.raises(ValueError, match="2 gold texts for 1 documents"):
        render_report(seed_documents(0), gold=["a", "b"])


# --- gold -------------------------------------------------------------------------------


def test_a_line_is_content_when_the_gold_holds_its_shingles():
    judge = GoldJudge("The council approved the budget on Tuesday after a long debate.")
    lines = ["The council approved the budget on Tuesday.",
             "Subscribe to our newsletter for more news today", "long debate", "debate long",
             "  ***  "]
    assert judge.judge(lines, [True] * 5) == [True, False, True, False, None]


def test_kept_lines_claim_the_gold_first_and_copies_are_noise():
    judge = GoldJudge("Budget approved\nThe council approved the budget on Tuesday.")
    lines = ["Budget approved", "The council approved the budget on Tuesday.",
             "Budget approved", "The council approved the budget on Tuesday."]
    # the removed copy of the title and the kept copy of the paragraph hold nothing that
    # the gold has not given to the lines before them
    assert judge.judge(lines, [False, True, True, True]) == [False, True, True, False]


def test_lines_are_marked_four_ways_against_the_gold():
    text = ("Home » News » Politics\nThe council approved the budget on Tuesday.\n"
            "Share this article\nThe mayor said the bridge repairs start in spring.\n")
    gold = "Share this article\nThe council approved the budget on Tuesday."
    result = declutter.explain(text)
    doc = report_data([ReportDocument("a", result, gold)])["docs"][0]
    kept = [s.kept for s in result.segments]
    assert kept == [False, True, False, True]
    # breadcrumb: noise removed; article: content kept; share prompt that the gold
    # holds: content lost; a paragraph the gold lacks: noise kept
    assert doc["g"] == "rkln"
    assert doc["sum"]["marks"]["content_lost"][0] == 1
    lost, kept = len("Share this article\n"), len("The council approved the budget on Tuesday.\n")
    assert doc["sum"]["lostShare"] == pytest.approx(lost / (lost + kept), abs=1e-4)
    assert mark(kept=True, content=False) == "noise_kept"


def test_the_corpus_list_sorts_by_content_lost_with_gold():
    page = render_report(seed_documents(0), gold=[(SEEDS / "seed-000.expected.txt").read_text()])
    data = data_block(page)
    assert data["gold"] is True and "f1" in data["docs"][0]["sum"]
    assert 'sortKey: data.gold ? "lost" : "index"' in page


# --- hostile text -----------------------------------------------------------------------


def test_hostile_text_cannot_leave_the_data_block():
    result = declutter.explain(HOSTILE)
    page = render_report([ReportDocument("</script><script>alert(4)</script>", result)],
                         title="<script>alert(5)</script>", note="<b>note</b>")
    # the page's own two script elements, nothing else
    assert page.count("<script") == 2 and page.count("</script>") == 2
    assert "<!--" not in page
    assert "<title>&lt;script&gt;alert(5)&lt;/script&gt;</title>" in page
    assert "&lt;b&gt;note&lt;/b&gt;" in page
    data = data_block(page)
    doc = data["docs"][0]
    assert doc["name"] == "</script><script>alert(4)</script>"
    shown = [line for line in doc["t"]]
    assert shown[:5] == HOSTILE.splitlines()[:5]
    assert "nul\x00here" in shown
    assert "\u2028" not in page and "\u2029" not in page  # line breaks to declutter, and escaped
    assert doc["cut"] == [[shown.index("x" * 10_000), 30_000]]


def test_script_json_escapes_what_could_end_a_script():
    text = script_json(["</script>", "<!--", "&amp;", "\u2028\u2029", "\x00", "\udcff"])
    assert not set("<>&\u2028\u2029") & set(text)
    assert json.loads(text) == ["</script>", "<!--", "&amp;", "\u2028\u2029", "\x00", "\udcff"]
    text.encode("utf-8")  # a lone surrogate is escaped, so the page can be written


def test_text_read_with_surrogateescape_can_be_reported(tmp_path):
    text = b"caf\xe9 au lait\nThe vote was held on Sunday.\n".decode("utf-8", "surrogateescape")
    write_report(tmp_path / "r.html", declutter.explain(text))
    assert data_block((tmp_path / "r.html").read_text(encoding="utf-8"))["docs"][0]["t"][0] \
        == "caf\udce9 au lait"


def test_the_page_allows_only_its_own_style_and_script_and_no_request():
    page = render_report(seed_documents(0))
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page).group(1)
    style = re.search(r"<style>(.*?)</style>", page, re.S).group(1)
    script = page.rsplit("<script>", 1)[1].split("</script>", 1)[0]

    def digest(source: str) -> str:
        return base64.b64encode(hashlib.sha256(source.encode()).digest()).decode()

    assert f"style-src 'sha256-{digest(style)}'" in policy
    assert f"script-src 'sha256-{digest(script)}'" in policy
    assert "default-src 'none'" in policy and "connect-src 'none'" in policy
    assert re.findall(r'(?:src|href|action)="([^"]*)"', page) == ["#document"]
    assert "@import" not in style and "url(" not in style


def test_a_large_report_is_stored_compressed_and_reads_back_the_same():
    documents = seed_documents(0, 1, 2, 3, 4) * 200
    page = render_report(documents)
    plain = render_report(documents, compress=False)
    assert len(plain) > COMPRESS_ABOVE and 'data-encoding="gzip-base64"' in page
    assert data_block(page) == data_block(plain)
    text_bytes = sum(len(d.explanation.original.encode()) for d in documents)
    # the text once and little besides (the decisions are shared), then compressed
    assert len(plain.encode()) < 1.5 * text_bytes + 200_000
    assert len(page.encode()) < len(plain.encode()) / 2
    assert render_report(documents) == page  # compressed the same way every time


# --- choosing documents -----------------------------------------------------------------


def test_a_seeded_sample_is_the_same_for_the_same_seed_and_spans_the_input():
    first = Picker.sample(range(1000), 10, seed=1)
    assert first == Picker.sample(range(1000), 10, seed=1) == sorted(first)
    assert first != Picker.sample(range(1000), 10, seed=2)
    assert max(first) > 100
    assert Picker.sample(range(1000), 10) == list(range(10))


# --- the command line -------------------------------------------------------------------


def run(argv, monkeypatch, stdin: bytes = b""):
    return run_cli(monkeypatch, argv, stdin)


def test_report_is_written_beside_the_normal_output(monkeypatch, tmp_path):
    files = [str(SEEDS / "seed-003.txt"), str(SEEDS / "seed-004.txt")]
    plain = run(files, monkeypatch)
    target = tmp_path / "report.html"
    code, out, err = run(["--report", str(target), *files], monkeypatch)
    assert (code, out) == (0, plain[1])
    assert f"report: {target} (2 documents)" in err
    data = data_block(target.read_text(encoding="utf-8"))
    assert [d["name"] for d in data["docs"]] == files


def test_report_of_a_seeded_sample_of_files(monkeypatch, tmp_path):
    files = [str(p) for p in sorted(SEEDS.glob("seed-*.txt"))]
    target = tmp_path / "report.html"
    argv = ["--report", str(target), "--report-docs", "3", "--report-seed", "5", *files]
    code, _, err = run(argv, monkeypatch)
    assert code == 0 and "3 of 10 documents, a sample drawn with seed 5" in err
    names = [d["name"] for d in data_block(target.read_text())["docs"]]
    assert len(names) == 3 and names == sorted(names, key=files.index)
    again = tmp_path / "again.html"
    run(["--report", str(again), *argv[2:]], monkeypatch)
    assert again.read_text() == target.read_text()


def test_report_of_a_jsonl_corpus_reads_its_first_records(monkeypatch, tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    records = [{"id": i, "text": f"Share this\nRecord {i} was written on Sunday, officials said.\n"}
               for i in range(5)]
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records) + '{"no": 1}\n')
    target = tmp_path / "report.html"
    code, out, err = run(["--jsonl", str(corpus), "--report", str(target), "--report-docs", "2",
                          "--on-error", "skip"], monkeypatch)
    assert code == 0 and len(out.splitlines()) == 5
    data = data_block(target.read_text())
    assert [d["name"] for d in data["docs"]] == [f"{corpus}:1", f"{corpus}:2"]
    assert "the first 2 documents of more" in data["note"]


def test_report_with_jsonl_on_standard_input_is_refused_before_cleaning(monkeypatch, tmp_path):
    code, out, err = run(["--jsonl", "--report", str(tmp_path / "r.html")], monkeypatch,
                         stdin=b'{"text": "a"}\n')
    assert code == cli.EXIT_USAGE and out == "" and "standard input cannot be read twice" in err


def test_report_docs_must_be_positive(monkeypatch, tmp_path):
    code, _, err = run(["--report", str(tmp_path / "r.html"), "--report-docs", "0"], monkeypatch)
    assert code == cli.EXIT_USAGE and "must be at least 1" in err


def test_an_unwritable_report_is_an_output_error(monkeypatch, tmp_path):
    code, out, err = run(["--report", str(tmp_path), str(SEEDS / "seed-000.txt")], monkeypatch)
    assert code == cli.EXIT_IO and "cannot write the report" in err
    assert out  # the cleaned text was written all the same


# --- the quality benchmark's --report ---------------------------------------------------


def test_quality_benchmark_writes_a_report_marked_against_the_gold(tmp_path):
    import gzip
    import subprocess

    article = ("The council voted on Tuesday to expand the bus network, a decision that "
               "officials said would cut travel times for thousands of commuters.")
    page = (f"<html><body><nav><a href='/'>Home</a></nav><article><h1>Buses</h1><p>{article}</p>"
            "<p>Share this article</p></article></body></html>")
    (tmp_path / "aeb" / "html").mkdir(parents=True)
    with gzip.open(tmp_path / "aeb" / "html" / "page1.html.gz", "wt", encoding="utf-8") as f:
        f.write(page)
    (tmp_path / "aeb" / "ground-truth.json").write_text(
        json.dumps({"page1": {"articleBody": article}}), encoding="utf-8")
    script = Path(__file__).resolve().parent.parent / "benchmarks" / "quality.py"
    done = subprocess.run(
        [sys.executable, str(script), "--dataset", "aeb", "--condition", "traf", "--no-cache",
         "--jobs", "1", "--report", str(tmp_path / "reports")],
        capture_output=True, text=True, timeout=300, check=False,
        env={"DECLUTTER_EVAL_DATA": str(tmp_path), "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    data = data_block((tmp_path / "reports" / "aeb-traf.html").read_text(encoding="utf-8"))
    doc = data["docs"][0]
    assert data["gold"] is True and doc["name"] == "page1"
    marks = dict(zip(doc["t"], doc["g"]))
    assert marks[article] == "k" and marks["Share this article"] == "r"


def test_report_of_html_files_shows_the_extracted_text(monkeypatch, tmp_path):
    article = ("The council voted on Tuesday to expand the bus network, a decision that "
               "officials said would cut travel times for thousands of commuters.")
    page = tmp_path / "page.html"
    page.write_text(f"<html><body><article><h1>Buses</h1><p>{article}</p>"
                    "<p>Share this article</p></article></body></html>", encoding="utf-8")
    target = tmp_path / "report.html"
    code, out, _ = run(["--html", "--report", str(target), str(page)], monkeypatch)
    assert code == 0 and article in out
    doc = data_block(target.read_text())["docs"][0]
    assert article in doc["t"] and not any("<p>" in line for line in doc["t"])
