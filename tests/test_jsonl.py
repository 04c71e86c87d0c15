"""``declutter --jsonl`` and the JSON Lines library API (``declutter.jsonl``).

Most tests run the command line in process through ``cli.main(argv)`` with binary
standard streams; the end-to-end, broken-pipe and Ctrl-C tests run it as a subprocess.
Expected texts always come from :func:`declutter.clean` / :func:`declutter.explain` on the
same input, so the tests check the JSON Lines plumbing, not the rules.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import declutter
from conftest import FakeStd, default_sigint
from declutter import cli, jsonl, streams
import declutter.jsonl.reading  # noqa: F401  (jsonl.reading, patched below)
from declutter.jsonl import BadRecordError, Problem, clean_jsonl, clean_records

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED_TEXTS = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("seed-00[0-4].txt"))]
#: seed-003 ends with a comment thread; this line of it must go.
COMMENT_LINE = "Top Rated Comments"
GOOD = json.dumps({"id": "good", "text": SEED_TEXTS[3]}).encode()

#: One bad line of each kind, with a phrase its message must contain.
BAD_LINES = {
    Problem.INVALID_JSON: (b'{"id": 1, "text": "unterminated', "not valid JSON"),
    Problem.NOT_OBJECT: (b'["a", "list"]', "not a JSON object but an array"),
    Problem.MISSING_FIELD: (b'{"id": 2, "body": "no text field"}', "no field 'text'"),
    Problem.NOT_STRING: (b'{"id": 3, "text": ["not", "a", "string"]}', "is an array, not a string"),
    Problem.INVALID_UTF8: (b'{"id": 4, "text": "caf\xe9"}', "not valid UTF-8"),
}


def run(monkeypatch, argv: list[str], stdin: bytes = b"") -> tuple[int, bytes, str]:
    """``declutter --jsonl ARGV`` in process: (exit code, stdout bytes, stderr text)."""
    out, err = FakeStd(), FakeStd()
    monkeypatch.setattr(sys, "stdin", FakeStd(stdin))
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    code = cli.main(["--jsonl", *argv])
    return code, out.bytes(), err.bytes().decode("utf-8")


def records(data: bytes) -> list[dict]:
    return [json.loads(line) for line in data.splitlines()]


def jsonl_bytes(items: list[dict]) -> bytes:
    return b"".join(json.dumps(item).encode() + b"\n" for item in items)


def corpus(count: int) -> list[dict]:
    """``count`` records cycling over the seeds, with fields before and after the text."""
    return [{"id": i, "text": SEED_TEXTS[i % len(SEED_TEXTS)], "meta": {"n": i, "tags": ["x"]},
             "url": f"https://example.org/{i}"} for i in range(count)]


@pytest.fixture(scope="module")
def cleaned_seeds() -> list[str]:
    return [declutter.clean(text) for text in SEED_TEXTS]


# --- the happy path ----------------------------------------------------------------------


def test_cleans_the_field_and_keeps_every_other_field_in_place(monkeypatch, cleaned_seeds):
    items = corpus(5)
    code, out, err = run(monkeypatch, ["--jobs", "1"], stdin=jsonl_bytes(items))
    assert code == 0, err
    got = records(out)
    assert [r["id"] for r in got] == list(range(5))
    for item, record, expected in zip(items, got, cleaned_seeds):
        assert list(record) == list(item)  # same keys, same order
        assert record["text"] == expected
        assert {k: v for k, v in record.items() if k != "text"} == \
            {k: v for k, v in item.items() if k != "text"}
    assert COMMENT_LINE in SEED_TEXTS[3] and COMMENT_LINE not in got[3]["text"]
    assert "5 records in, 5 out" in err


def test_two_jobs_keep_order_and_lose_nothing_over_many_chunks(monkeypatch, cleaned_seeds):
    monkeypatch.setattr(jsonl.reading, "CHUNK_BYTES", 8 * 1024)  # ~3 records per chunk
    items = corpus(60)
    code, out, err = run(monkeypatch, ["--jobs", "2"], stdin=jsonl_bytes(items))
    assert code == 0, err
    got = records(out)
    assert [r["id"] for r in got] == list(range(60))
    assert all(r["text"] == cleaned_seeds[r["id"] % 5] for r in got)
    assert "60 records in, 60 out" in err


def test_library_output_does_not_depend_on_jobs_or_chunking():
    data = jsonl_bytes(corpus(25))
    outputs = []
    for jobs, chunk in ((1, jsonl.CHUNK_BYTES), (2, 4096), (2, 1)):
        dst = io.BytesIO()
        summary = clean_jsonl(io.BytesIO(data), dst, jobs=jobs, chunk_bytes=chunk)
        assert (summary.records_in, summary.records_out, summary.bad_records) == (25, 25, 0)
        assert summary.bytes_in == len(data) and summary.bytes_out == len(dst.getvalue())
        outputs.append(dst.getvalue())
    assert outputs[0] == outputs[1] == outputs[2]


def test_summary_counts_removals_by_category_like_explain():
    items = corpus(10)
    summary = clean_jsonl(io.BytesIO(jsonl_bytes(items)), io.BytesIO(), jobs=1)
    expected: dict[str, list[int]] = {}
    for item in items:
        for category, totals in declutter.explain(item["text"]).removed_by_category.items():
            entry = expected.setdefault(category, [0, 0])
            entry[0] += totals["lines"]
            entry[1] += totals["chars"]
    assert {c: [t.lines, t.chars] for c, t in summary.removed.items()} == expected
    assert "comments" in expected and "headline_list" in expected
    assert all(t.bytes >= t.chars for t in summary.removed.values())


def test_stats_field_matches_explain(monkeypatch):
    items = corpus(5)
    code, out, err = run(monkeypatch, ["--stats-field", "removed"], stdin=jsonl_bytes(items))
    assert code == 0, err
    for item, record in zip(items, records(out)):
        assert list(record) == [*item, "removed"]
        assert record["removed"] == declutter.explain(item["text"]).removed_by_category
    assert records(out)[3]["removed"]["comments"]["lines"] > 10


def test_explain_field_is_the_structured_explanation(monkeypatch):
    items = corpus(2)
    code, out, err = run(monkeypatch, ["--explain-field", "why", "--stats-field", "stats"],
                         stdin=jsonl_bytes(items))
    assert code == 0, err
    for item, record in zip(items, records(out)):
        expected = declutter.explain(item["text"])
        assert record["why"] == json.loads(json.dumps(expected.to_dict(include_text=False)))
        assert "text" not in record["why"]
        assert record["text"] == expected.text
        assert record["stats"] == record["why"]["removed_by_category"]


def test_other_field_and_profile_options(monkeypatch):
    item = {"body": SEED_TEXTS[0], "text": "left alone"}
    code, out, err = run(monkeypatch, ["--field", "body", "--profile", "precision",
                                       "--disable", "headline_list"], stdin=jsonl_bytes([item]))
    assert code == 0, err
    [record] = records(out)
    assert record["text"] == "left alone"
    assert record["body"] == declutter.clean(SEED_TEXTS[0], profile="precision",
                                             disable=["headline_list"])


def test_html_field_extracts_then_cleans_into_field(monkeypatch):
    html = ("<html><body><article><h1>Council approves budget</h1>"
            "<p>The city council approved the budget on Monday after a long debate about "
            "road repairs, school funding and the new library, officials said.</p>"
            "<p>Advertisement</p>"
            "<p>The vote was seven to two, and the budget takes effect in July.</p>"
            "</article></body></html>")
    item = {"id": 1, "html": html}
    code, out, err = run(monkeypatch, ["--html-field", "html"], stdin=jsonl_bytes([item]))
    assert code == 0, err
    [record] = records(out)
    assert list(record) == ["id", "html", "text"]
    assert record["html"] == html
    assert record["text"] == declutter.clean_html(html)
    assert "council approved the budget" in record["text"]
    assert "Advertisement" not in record["text"]


def test_html_field_drops_the_comment_section_as_clean_html_does(monkeypatch):
    from test_html import ARTICLE, COMMENTS, page_with_comments

    html = page_with_comments(ARTICLE)
    code, out, err = run(monkeypatch, ["--html-field", "html"], stdin=jsonl_bytes([{"html": html}]))
    assert code == 0, err
    [record] = records(out)
    assert record["text"] == declutter.clean_html(html)
    assert ARTICLE[0] in record["text"] and COMMENTS[0] not in record["text"]


# --- bad records ----------------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(BAD_LINES))
def test_fail_stops_at_the_bad_line_with_its_number(monkeypatch, kind):
    bad, phrase = BAD_LINES[kind]
    code, out, err = run(monkeypatch, [], stdin=GOOD + b"\n" + bad + b"\n" + GOOD + b"\n")
    assert code == cli.EXIT_DATA
    assert "<stdin>:2: " in err and phrase in err
    assert f"1 bad record stopped the run ({kind.value} 1)" in err
    assert len(records(out)) == 1  # the record before the bad one, not the one after


@pytest.mark.parametrize("kind", list(BAD_LINES))
def test_skip_drops_counts_and_names_the_bad_record(monkeypatch, kind):
    bad, phrase = BAD_LINES[kind]
    code, out, err = run(monkeypatch, ["--on-error", "skip"],
                         stdin=GOOD + b"\n" + bad + b"\n" + GOOD + b"\n")
    assert code == 0
    assert [r["id"] for r in records(out)] == ["good", "good"]
    assert "<stdin>:2: " in err and phrase in err and "(skipped)" in err
    assert "3 records in, 2 out" in err
    assert f"1 bad record skipped ({kind.value} 1)" in err


@pytest.mark.parametrize("kind", list(BAD_LINES))
def test_keep_passes_the_original_line_through(monkeypatch, kind):
    bad, _ = BAD_LINES[kind]
    code, out, err = run(monkeypatch, ["--on-error", "keep"],
                         stdin=GOOD + b"\n" + bad + b"\r\n" + GOOD)
    assert code == 0
    lines = out.split(b"\n")
    assert lines[1] == bad and lines[3] == b""  # unchanged, line end normalised to \n
    assert json.loads(lines[0])["text"] == json.loads(lines[2])["text"] == declutter.clean(SEED_TEXTS[3])
    assert "3 records in, 3 out" in err and f"1 bad record kept unchanged ({kind.value} 1)" in err


def test_many_bad_records_are_counted_and_the_report_is_capped(monkeypatch):
    bad = b"\n".join(BAD_LINES[Problem.INVALID_JSON][0] for _ in range(50)) + b"\n"
    code, out, err = run(monkeypatch, ["--on-error", "skip"], stdin=bad + GOOD + b"\n")
    assert code == 0 and len(records(out)) == 1
    assert err.count("(skipped)") == jsonl.MAX_REPORTED_PROBLEMS
    assert f"and {50 - jsonl.MAX_REPORTED_PROBLEMS} more bad records skipped" in err
    assert "50 bad records skipped (invalid_json 50)" in err


def test_line_numbers_count_blank_lines_and_crlf(monkeypatch):
    data = GOOD + b"\r\n\r\n   \n" + GOOD + b"\r\n" + b"{oops}\r\n"
    code, _, err = run(monkeypatch, [], stdin=data)
    assert code == cli.EXIT_DATA and "<stdin>:5: not valid JSON" in err


def test_line_numbers_are_per_file(monkeypatch, tmp_path):
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    first.write_bytes(GOOD + b"\n" + GOOD + b"\n")
    second.write_bytes(GOOD + b"\n" + b"[]\n")
    code, out, err = run(monkeypatch, [str(first), str(second)])
    assert code == cli.EXIT_DATA and f"{second}:2: not a JSON object" in err
    assert len(records(out)) == 3


def test_blank_lines_are_dropped_and_counted_not_errors(monkeypatch):
    data = b"\n" + GOOD + b"\n\n \t \r\n" + GOOD + b"\n\n"
    code, out, err = run(monkeypatch, [], stdin=data)
    assert code == 0
    assert out.count(b"\n") == 2 and b"\n\n" not in out
    assert "2 records in, 2 out" in err and "4 blank lines dropped" in err


def test_crlf_last_line_without_newline_nul_bytes_and_bom(monkeypatch):
    nul_raw = b'{"text": "raw\x00nul\\nAdvertisement\\n"}'
    nul_escaped = b'{"text": "escaped \\u0000 nul"}'
    data = b"\xef\xbb\xbf" + GOOD + b"\r\n" + nul_raw + b"\r\n" + nul_escaped  # no final newline
    code, out, err = run(monkeypatch, [], stdin=data)
    assert code == 0, err
    got = records(out)
    assert len(got) == 3 and out.endswith(b"\n") and b"\r" not in out
    assert got[0]["text"] == declutter.clean(SEED_TEXTS[3])
    assert got[1]["text"] == declutter.clean("raw\x00nul\nAdvertisement\n")
    assert "\x00" in got[1]["text"] and "\x00" in got[2]["text"]


def test_a_huge_record_is_one_chunk(monkeypatch):
    monkeypatch.setattr(jsonl.reading, "CHUNK_BYTES", 64 * 1024)
    blob = "0123456789abcdef" * 655_360  # one ~10 MB line (an embedded data blob)
    # above the article: after its comment thread the blob would be the page's tail
    item = {"id": "big", "text": blob + "\n" + SEED_TEXTS[3]}
    code, out, err = run(monkeypatch, ["--jobs", "2"], stdin=GOOD + b"\n" + jsonl_bytes([item]) + GOOD)
    assert code == 0, err
    first, big, last = records(out)
    assert len(item["text"]) > 10_000_000
    assert blob in big["text"] and big["text"] == declutter.clean(item["text"])
    assert first["text"] == last["text"] == declutter.clean(SEED_TEXTS[3])


@pytest.mark.parametrize("mode, expected", [("replace", "caf\ufffd"), ("surrogateescape", None)])
def test_encoding_errors_modes_decode_invalid_utf8(monkeypatch, mode, expected):
    code, out, err = run(monkeypatch, ["--encoding-errors", mode],
                         stdin=b'{"id": 4, "text": "caf\xe9"}\n')
    assert code == 0, err
    if expected is None:
        assert out == b'{"id":4,"text":"caf\xe9"}\n'  # the byte is carried through
    else:
        assert records(out)[0]["text"] == expected


def test_summary_and_messages_count_in_good_english(monkeypatch):
    code, _, err = run(monkeypatch, [], stdin=GOOD + b"\n")
    assert code == 0 and "declutter: 1 record in, 1 out" in err, err
    code, _, err = run(monkeypatch, [], stdin=b'{"id": 1, "text": "unterminated\n')
    assert code == cli.EXIT_DATA
    assert "(Unterminated string starting at column 19)" in err, err
    assert err.count("column") == 1 and " at at " not in err


def test_empty_input_gives_empty_output(monkeypatch):
    code, out, err = run(monkeypatch, [])
    assert code == 0 and out == b"" and "0 records in, 0 out" in err


# --- compression, files, atomic output -----------------------------------------------------


def test_gzip_input_and_gzip_output(monkeypatch, tmp_path, cleaned_seeds):
    src = tmp_path / "in.jsonl.gz"
    src.write_bytes(gzip.compress(jsonl_bytes(corpus(5))))
    dst = tmp_path / "out.jsonl.gz"
    code, out, err = run(monkeypatch, [str(src), "-o", str(dst)])
    assert code == 0 and out == b"", err
    first = dst.read_bytes()
    assert [r["text"] for r in records(gzip.decompress(first))] == cleaned_seeds
    code, _, _ = run(monkeypatch, [str(src), "-o", str(dst)])
    assert code == 0 and dst.read_bytes() == first  # deterministic (no timestamp inside)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl.gz", "out.jsonl.gz"]


def test_compressed_input_is_recognised_by_content(monkeypatch, tmp_path, cleaned_seeds):
    packed = gzip.compress(jsonl_bytes(corpus(5)))
    src = tmp_path / "in.jsonl"  # gzip data under a plain name
    src.write_bytes(packed)
    for argv, stdin in (([str(src)], b""), ([], packed)):
        code, out, err = run(monkeypatch, argv, stdin=stdin)
        assert code == 0, err
        assert [r["text"] for r in records(out)] == cleaned_seeds
    dst = io.BytesIO()
    summary = clean_jsonl(io.BytesIO(packed), dst)
    assert summary.records_out == 5 and [r["text"] for r in records(dst.getvalue())] == cleaned_seeds


@pytest.mark.parametrize("suffix", [".zst", ".zstd"])
def test_zstd_input(monkeypatch, tmp_path, cleaned_seeds, suffix):
    zstandard = pytest.importorskip("zstandard")
    src = tmp_path / f"in.jsonl{suffix}"
    data = jsonl_bytes(corpus(5))
    src.write_bytes(zstandard.ZstdCompressor().compress(data[:4000])
                    + zstandard.ZstdCompressor().compress(data[4000:]))  # two frames
    code, out, err = run(monkeypatch, [str(src)])
    assert code == 0, err
    assert [r["text"] for r in records(out)] == cleaned_seeds


def test_zstd_without_zstandard_says_how_to_install(monkeypatch, tmp_path):
    src = tmp_path / "in.jsonl"  # zstandard data, recognised by content, not by name
    src.write_bytes(b"\x28\xb5\x2f\xfd" + b"whatever")
    monkeypatch.setattr(streams, "zstandard_module", lambda: None)
    code, out, err = run(monkeypatch, [str(src)])
    assert code == cli.EXIT_CONFIG and out == b""
    assert "declutter-text[zstd]" in err
    code, out, err = run(monkeypatch, [], stdin=src.read_bytes())
    assert code == cli.EXIT_NO_INPUT and "declutter-text[zstd]" in err and out == b""


def test_truncated_gzip_is_a_data_error_and_leaves_no_output(monkeypatch, tmp_path):
    src = tmp_path / "in.jsonl.gz"
    src.write_bytes(gzip.compress(jsonl_bytes(corpus(3)))[:-20])
    dst = tmp_path / "out.jsonl"
    code, _, err = run(monkeypatch, [str(src), "-o", str(dst)])
    assert code == cli.EXIT_DATA and "corrupt or truncated" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl.gz"]


def test_output_file_is_not_created_on_a_bad_record(monkeypatch, tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_bytes(jsonl_bytes(corpus(3)) + b"not json\n")
    dst = tmp_path / "out.jsonl"
    code, out, err = run(monkeypatch, [str(src), "-o", str(dst), "--jobs", "1"])
    assert code == cli.EXIT_DATA and out == b""
    assert f"{src}:4:" in err and "out.jsonl not written" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl"]


def test_existing_output_file_survives_a_failed_run(monkeypatch, tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_bytes(GOOD + b"\n{\n")
    dst = tmp_path / "out.jsonl"
    dst.write_bytes(b"previous run\n")
    os.chmod(dst, 0o640)
    code, _, _ = run(monkeypatch, [str(src), "-o", str(dst)])
    assert code == cli.EXIT_DATA and dst.read_bytes() == b"previous run\n"
    src.write_bytes(GOOD + b"\n")
    code, _, _ = run(monkeypatch, [str(src), "-o", str(dst)])
    assert code == 0 and records(dst.read_bytes())[0]["id"] == "good"
    assert dst.stat().st_mode & 0o777 == 0o640  # permissions of the replaced file kept
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "out.jsonl"]


def test_ctrl_c_in_process_leaves_no_file(monkeypatch, tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_bytes(jsonl_bytes(corpus(6)))
    real = jsonl.records.clean_record_in_place
    calls = []

    def interrupted(record, options):
        calls.append(record["id"])
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real(record, options)

    monkeypatch.setattr(jsonl.records, "clean_record_in_place", interrupted)
    dst = tmp_path / "out.jsonl"
    code, _, err = run(monkeypatch, [str(src), "-o", str(dst), "--jobs", "1"])
    assert code == cli.EXIT_INTERRUPTED and "interrupted" in err and "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl"]


def test_broken_pipe_in_process_is_quiet(monkeypatch):
    class ClosedPipe(io.RawIOBase):
        def writable(self):
            return True

        def write(self, data):
            raise BrokenPipeError(32, "Broken pipe")

    out, err = io.TextIOWrapper(io.BufferedWriter(ClosedPipe())), FakeStd()
    monkeypatch.setattr(sys, "stdin", FakeStd(GOOD + b"\n"))
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    assert cli.main(["--jsonl"]) == cli.EXIT_BROKEN_PIPE
    assert err.bytes() == b""


def _worker_dies(chunk, options):
    os._exit(9)  # what the kernel's OOM killer looks like from the parent


def test_a_dead_worker_is_an_error_not_a_hang(monkeypatch, tmp_path):
    monkeypatch.setattr(jsonl.reading, "CHUNK_BYTES", 4096)
    monkeypatch.setattr(jsonl.records, "process_chunk", _worker_dies)
    dst = tmp_path / "out.jsonl"
    code, _, err = run(monkeypatch, ["--jobs", "2", "-o", str(dst)], stdin=jsonl_bytes(corpus(10)))
    assert code == cli.EXIT_IO and "worker process died" in err
    assert list(tmp_path.iterdir()) == []


def test_a_failing_cleaner_is_a_bad_record(monkeypatch):
    real = jsonl.records.run

    def fragile(text, config, record=False, **hints):
        if "boom" in text:
            raise RuntimeError("rule crashed")
        return real(text, config, record, **hints)

    monkeypatch.setattr(jsonl.records, "run", fragile)
    data = GOOD + b'\n{"text": "boom"}\n' + GOOD + b"\n"
    code, _, err = run(monkeypatch, [], stdin=data)
    assert code == cli.EXIT_DATA and "<stdin>:2: cleaning failed (RuntimeError: rule crashed)" in err
    code, out, err = run(monkeypatch, ["--on-error", "keep"], stdin=data)
    assert code == 0 and out.split(b"\n")[1] == b'{"text": "boom"}' and "clean_failed 1" in err


def test_dash_output_is_standard_output(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    code, out, err = run(monkeypatch, ["-o", "-"], stdin=GOOD + b"\n")
    assert code == 0 and records(out)[0]["id"] == "good"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("argv, code, phrase", [
    (["missing.jsonl"], cli.EXIT_NO_INPUT, "no such file"),
    ([".", "--jobs", "1"], cli.EXIT_NO_INPUT, "is a directory"),
    (["--jobs", "0"], cli.EXIT_USAGE, "--jobs must be at least 1"),
    (["--stats-field", "text"], cli.EXIT_USAGE, "must differ"),
    (["--html"], cli.EXIT_USAGE, "--html-field"),
    (["-o", "no/such/dir/out.jsonl"], cli.EXIT_IO, "cannot write"),
    (["-o", "."], cli.EXIT_IO, "is a directory"),
])
def test_bad_invocations(monkeypatch, tmp_path, argv, code, phrase):
    monkeypatch.chdir(tmp_path)
    got, out, err = run(monkeypatch, argv, stdin=GOOD + b"\n")
    assert got == code and phrase in err and out == b""


def test_progress_line_only_when_asked_or_on_a_terminal(monkeypatch):
    data = jsonl_bytes(corpus(2))
    _, _, quiet = run(monkeypatch, [], stdin=data)
    _, _, shown = run(monkeypatch, ["--progress", "always"], stdin=data)
    assert "\r" not in quiet and quiet.count("\n") == 1  # the summary line only
    assert "\rdeclutter: " in shown and "2 records]" in shown and "B/s" in shown
    *progress, summary = shown.rstrip("\n").split("\n")
    assert progress and summary.startswith("declutter: 2 records in, 2 out")  # on its own line


@pytest.mark.parametrize("compress", [False, True])
def test_progress_shows_a_percentage_and_the_time_left_when_the_size_is_known(
        monkeypatch, tmp_path, compress):
    data = jsonl_bytes(corpus(30))
    src = tmp_path / "in.jsonl"
    src.write_bytes(gzip.compress(data) if compress else data)
    monkeypatch.setattr(jsonl.reading, "CHUNK_BYTES", 4096)
    code, _, err = run(monkeypatch, [str(src), "--progress", "always", "--jobs", "1"])
    assert code == 0, err
    bars = [part for part in err.split("\r") if part.startswith("declutter: ")]
    assert bars and bars[-1].startswith("declutter: 100%|")
    assert re.search(r"\[\d\d:\d\d<\d\d:\d\d, ", bars[-1])  # elapsed<left, as tqdm shows it
    assert "30 records]" in bars[-1]
    _, _, piped = run(monkeypatch, ["--progress", "always"], stdin=data)
    assert "%" not in piped  # standard input: no size, so no percentage


# --- library API --------------------------------------------------------------------------


def test_clean_records_copies_and_applies_the_policies(cleaned_seeds):
    items = [{"id": 0, "text": SEED_TEXTS[0]}, {"id": 1}, "not a mapping", {"id": 3, "text": SEED_TEXTS[3]}]
    kept = list(clean_records(items, on_error="keep", stats_field="stats"))
    assert kept[1] is items[1] and kept[2] is items[2]
    assert kept[0]["text"] == cleaned_seeds[0] and items[0]["text"] == SEED_TEXTS[0]
    assert kept[3]["stats"] == declutter.explain(SEED_TEXTS[3]).removed_by_category
    assert [r["id"] for r in clean_records(items, on_error="skip")] == [0, 3]
    with pytest.raises(BadRecordError) as caught:
        list(clean_records(items))
    assert caught.value.problem.line == 2 and caught.value.problem.kind is Problem.MISSING_FIELD


def test_clean_jsonl_raises_with_the_summary_so_far():
    dst = io.BytesIO()
    with pytest.raises(BadRecordError) as caught:
        clean_jsonl(io.BytesIO(GOOD + b"\n" + GOOD + b"\n42\n" + GOOD), dst, name="part-7")
    assert str(caught.value).startswith("part-7:3: not a JSON object but a number")
    assert caught.value.summary.records_out == 2 and len(records(dst.getvalue())) == 2


def test_options_are_validated():
    with pytest.raises(ValueError):
        list(clean_records([], on_error="ignore"))
    with pytest.raises(ValueError):
        clean_jsonl(io.BytesIO(), io.BytesIO(), jobs=0)
    with pytest.raises(declutter.UnknownRuleError):
        list(clean_records([], disable=["no_such_rule"]))


# --- as a subprocess ----------------------------------------------------------------------


def _command(*args: str) -> list[str]:
    return [sys.executable, "-m", "declutter", "--jsonl", *args]


def test_end_to_end_subprocess_gzip_two_jobs(tmp_path, cleaned_seeds):
    src = tmp_path / "in.jsonl.gz"
    src.write_bytes(gzip.compress(jsonl_bytes(corpus(10))))
    dst = tmp_path / "out.jsonl"
    done = subprocess.run(_command(str(src), "-o", str(dst), "--jobs", "2", "--stats-field", "s"),
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    got = records(dst.read_bytes())
    assert [r["id"] for r in got] == list(range(10))
    assert [r["text"] for r in got] == cleaned_seeds * 2
    assert done.stdout == "" and "10 records in, 10 out" in done.stderr


def test_broken_pipe_subprocess_exits_141_quietly(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_bytes(jsonl_bytes(corpus(40)))
    process = subprocess.Popen(_command(str(src), "--jobs", "1"), stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE)
    process.stdout.close()  # the reader goes away before anything is written
    stderr = process.communicate(timeout=120)[1].decode()
    assert process.returncode == cli.EXIT_BROKEN_PIPE
    assert stderr == ""


def test_ctrl_c_subprocess_stops_the_pool_and_leaves_no_file(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_bytes(jsonl_bytes(corpus(3000)))  # ~10 MB: far more than a few seconds of work
    dst = tmp_path / "out.jsonl"
    process = subprocess.Popen(_command(str(src), "-o", str(dst), "--jobs", "2"),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               start_new_session=True, preexec_fn=default_sigint)
    deadline = time.monotonic() + 60
    while not any(tmp_path.glob(".out.jsonl.*")):  # the CLI is running: -o's temporary file
        assert process.poll() is None and time.monotonic() < deadline
        time.sleep(0.05)
    time.sleep(1.0)  # workers busy on the first chunks
    os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C does: the whole process group
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == cli.EXIT_INTERRUPTED, stderr
    assert b"interrupted" in stderr and b"Traceback" not in stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl"]
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:  # no worker left behind in the group
        try:
            os.killpg(process.pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)
    else:
        pytest.fail("worker processes still running after the interrupt")
