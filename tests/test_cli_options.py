"""Command-line options doing what they say: --html charsets, -o, compressed input,
--lang, --disable/--keep, --json-lines, --explain runs; flags that only mean something
with --jsonl are refused without it."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

import declutter
from conftest import BYLINED, run_cli
from declutter import cli

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED = (SEEDS / "seed-003.txt").read_bytes()


#: Article paragraphs in the scripts of four legacy encodings.
ARTICLES = {
    "latin-1": "Le café de la gare est ouvert depuis 1902. Les habitués y prennent leur petit "
               "déjeuner chaque matin, été comme hiver, à côté des voyageurs pressés.",
    "windows-1251": "Новый мост через реку откроют в следующем году, сообщили в администрации "
                    "города. Строительство началось весной и идёт по графику.",
    "shift_jis": "新しい橋は来年開通する予定だと市役所が発表した。工事は春に始まり、予定通りに"
                 "進んでいる。地元の住民は完成を楽しみにしている。",
    "gb2312": "新的大桥预计明年通车，市政府发言人表示。工程于今年春天开始，目前进展顺利。"
              "当地居民都期待着大桥的建成。",
}


def run(monkeypatch, argv, stdin: bytes = b""):
    return run_cli(monkeypatch, argv, stdin, errors="surrogateescape")


def html_page(encoding: str, text: str, declared: str) -> bytes:
    meta = {
        "meta charset": f'<meta charset="{encoding}">',
        "http-equiv": f'<meta http-equiv="Content-Type" content="text/html; charset={encoding}">',
        "none": "",
    }[declared]
    return (f"<html><head>{meta}<title>Local news</title></head><body><article>"
            f"<p>{text}</p><p>{text[::-1]}</p></article></body></html>").encode(encoding)


# --- --html: the page's charset ------------------------------------------------------------


@pytest.mark.parametrize("declared", ["meta charset", "http-equiv"])
@pytest.mark.parametrize("encoding", list(ARTICLES))
def test_html_reads_the_declared_charset(monkeypatch, encoding, declared):
    page = html_page(encoding, ARTICLES[encoding], declared)
    code, out, err = run(monkeypatch, ["--html"], stdin=page)
    assert code == 0, err
    assert ARTICLES[encoding] in out and "\ufffd" not in out
    assert out == declutter.clean_html(page) + "\n"


@pytest.mark.parametrize("encoding", ["utf-8", "windows-1251"])
def test_html_without_a_declaration(monkeypatch, encoding):
    text = ARTICLES["windows-1251"] if encoding == "windows-1251" else ARTICLES["latin-1"]
    code, out, err = run(monkeypatch, ["--html"], stdin=html_page(encoding, text, "none"))
    assert code == 0, err
    assert text in out and "\ufffd" not in out


def test_html_output_ends_with_a_newline(monkeypatch):
    page = html_page("utf-8", ARTICLES["latin-1"], "meta charset")
    code, out, _ = run(monkeypatch, ["--html"], stdin=page)
    assert code == 0 and out.endswith("\n") and not out.endswith("\n\n")
    assert out == declutter.clean_html(page) + "\n"


# --- flags of --jsonl, -o ------------------------------------------------------------------


@pytest.mark.parametrize("flags", [["--jobs", "2"], ["--field", "body"],
                                   ["--stats-field", "s"], ["--on-error", "skip"],
                                   ["--html-field", "html"], ["--explain-field", "e"],
                                   ["--progress", "always"]])
def test_jsonl_flags_without_jsonl_are_a_usage_error(monkeypatch, flags):
    code, out, err = run(monkeypatch, flags, stdin=SEED)
    assert code == cli.EXIT_USAGE and out == ""
    assert flags[0] in err and "--jsonl" in err and err.count("\n") == 1


def test_output_file_for_plain_text(monkeypatch, tmp_path):
    target = tmp_path / "out.txt"
    code, out, err = run(monkeypatch, ["-o", str(target)], stdin=SEED)
    assert code == 0 and out == "", err
    assert target.read_text(encoding="utf-8") == declutter.clean(SEED.decode("utf-8"))
    code, _, _ = run(monkeypatch, ["-o", str(tmp_path / "out.txt.gz")], stdin=SEED)
    assert code == 0
    assert gzip.decompress((tmp_path / "out.txt.gz").read_bytes()) == target.read_bytes()


def test_output_file_for_plain_text_is_atomic(monkeypatch, tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("previous run\n")

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "_render", interrupted)
    code, _, err = run(monkeypatch, ["-o", str(target)], stdin=SEED)
    assert code == cli.EXIT_INTERRUPTED and "interrupted" in err
    assert target.read_text() == "previous run\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]  # no temporary file left


def test_output_to_a_directory_is_refused(monkeypatch, tmp_path):
    code, out, err = run(monkeypatch, ["-o", str(tmp_path)], stdin=SEED)
    assert code == cli.EXIT_IO and "is a directory" in err and out == ""


# --- compressed input ----------------------------------------------------------------------


def test_gzip_input_is_read_by_content(monkeypatch, tmp_path):
    expected = declutter.clean(SEED.decode("utf-8"))
    named = tmp_path / "page.txt"  # no .gz: the content says it
    named.write_bytes(gzip.compress(SEED))
    for argv, stdin in (([str(named)], b""), ([], gzip.compress(SEED))):
        code, out, err = run(monkeypatch, argv, stdin=stdin)
        assert code == 0 and err == "" and out == expected


def test_zstd_input_is_read_by_content(monkeypatch):
    zstandard = pytest.importorskip("zstandard")
    code, out, err = run(monkeypatch, [], stdin=zstandard.ZstdCompressor().compress(SEED))
    assert code == 0, err
    assert out == declutter.clean(SEED.decode("utf-8"))


def test_compressed_html_is_read_by_content(monkeypatch):
    page = html_page("windows-1251", ARTICLES["windows-1251"], "meta charset")
    code, out, err = run(monkeypatch, ["--html"], stdin=gzip.compress(page))
    assert code == 0, err
    assert ARTICLES["windows-1251"] in out


def test_truncated_gzip_is_refused(monkeypatch):
    code, out, err = run(monkeypatch, [], stdin=gzip.compress(SEED)[:-30])
    assert code == cli.EXIT_DATA and out == ""
    assert "corrupt or truncated compressed input" in err and "binary" not in err


def test_max_bytes_bounds_the_decompressed_size(monkeypatch):
    packed = gzip.compress(SEED)
    limit = (len(packed) + len(SEED)) // 2  # more than the gzip data, less than the text
    code, _, err = run(monkeypatch, ["--max-bytes", str(limit)], stdin=packed)
    assert code == cli.EXIT_DATA and f"larger than {limit} bytes" in err


# --- --lang, --disable, --keep -------------------------------------------------------------


@pytest.mark.parametrize("value", ["xx", "klingon", "e"])
def test_unknown_language_is_an_error_listing_the_languages(monkeypatch, value):
    code, out, err = run(monkeypatch, ["--lang", value], stdin=SEED)
    assert code == cli.EXIT_CONFIG and out == ""
    assert f"unknown language {value!r}" in err and "de, en, es, fr" in err


def test_language_names_are_mapped_to_codes(monkeypatch):
    _, by_code, _ = run(monkeypatch, ["--lang", "en", "--explain"], stdin=SEED)
    code, by_name, err = run(monkeypatch, ["--lang", "English", "--explain"], stdin=SEED)
    assert code == 0, err
    assert by_name == by_code and "language en (given)" in by_name


def test_unknown_rule_suggests_the_nearest_names(monkeypatch):
    code, _, err = run(monkeypatch, ["--disable", "bylin"], stdin=SEED)
    assert code == cli.EXIT_CONFIG and "did you mean byline?" in err


def test_keep_a_category_whatever_rule_claims_its_lines(monkeypatch):
    data = BYLINED.encode()
    _, disabled, _ = run(monkeypatch, ["--disable", "byline"], stdin=data)
    assert "Reporting by Jane Smith" not in disabled  # claimed by reporting_credit
    code, kept, err = run(monkeypatch, ["--keep", "byline"], stdin=data)
    assert code == 0, err
    assert "By Jane Smith, Staff Writer\n" in kept and "Reporting by Jane Smith" in kept
    assert "Published March 3" not in kept and "Share this article" not in kept
    _, both, _ = run(monkeypatch, ["--keep", "byline,dateline"], stdin=data)
    assert "Published March 3, 2024" in both and "Share this article" not in both


def test_unknown_category_suggests_the_nearest(monkeypatch):
    code, out, err = run(monkeypatch, ["--keep", "bylines"], stdin=BYLINED.encode())
    assert code == cli.EXIT_CONFIG and out == "" and "did you mean byline?" in err


# --- output modes --------------------------------------------------------------------------


def test_json_lines_prints_one_object_per_line(monkeypatch):
    code, out, err = run(monkeypatch, ["--json-lines"], stdin=SEED)
    assert code == 0, err
    rows = [json.loads(line) for line in out.splitlines()]
    lines = SEED.decode("utf-8").splitlines()
    assert len(rows) == len(lines)
    assert [r["line_number"] for r in rows] == list(range(1, len(lines) + 1))
    assert [r["text"] for r in rows] == lines and rows[0]["source"] == "<stdin>"
    whole = declutter.explain(SEED.decode("utf-8"))
    assert [r["kept"] for r in rows] == [s.kept for s in whole.segments]


def test_explain_shows_the_lines_of_a_run_or_counts_the_rest(monkeypatch):
    result = declutter.explain(SEED.decode("utf-8"))
    code, out, _ = run(monkeypatch, ["--explain"], stdin=SEED)
    assert code == 0
    report = out.splitlines()
    long_runs = 0
    for index, line in enumerate(report):
        if not line.startswith("lines "):
            continue
        first, last = (int(n) for n in line.split()[1].split("-"))
        removed = [s for s in result.removed if first <= s.line_number <= last]
        shown = []
        for follower in report[index + 1:]:
            if not follower.startswith("    | "):
                break
            shown.append(follower[6:])
        if len(removed) > 3:
            long_runs += 1
            assert shown[-1] == f"… and {len(removed) - 3} more lines"
            assert shown[:-1] == [result.line(s).strip()[:70] for s in removed[:3]]
        else:
            assert len(shown) == len(removed)
    assert long_runs


def test_page_kind_other_keeps_the_bylines_and_drops_the_share_row(monkeypatch):
    code, inferred, _ = run(monkeypatch, [], BYLINED.encode())
    code_other, stated, _ = run(monkeypatch, ["--page-kind", "other"], BYLINED.encode())
    assert (code, code_other) == (0, 0)
    assert "By Jane Smith, Staff Writer" not in inferred
    assert "By Jane Smith, Staff Writer" in stated
    assert "Share this article" not in stated


def test_text_kind_is_passed_to_the_explanation(monkeypatch):
    code, out, _ = run(monkeypatch, ["--json", "--text-kind", "page"], BYLINED.encode())
    assert code == 0 and json.loads(out)["whole_page"] is True


@pytest.mark.parametrize("argv", [["--page-kind", "blog"], ["--text-kind", "pdf"]])
def test_an_unknown_kind_is_a_usage_error(monkeypatch, argv):
    code, out, err = run(monkeypatch, argv, BYLINED.encode())
    assert code == 2 and out == "" and "invalid choice" in err
