"""The command line, in process through ``main(argv)`` and once through the installed script."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import run_cli
from declutter import cli

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def run(argv, stdin: bytes = b"", monkeypatch=None):
    return run_cli(monkeypatch, argv, stdin, errors="surrogateescape")


def test_cleans_a_file(monkeypatch):
    code, out, err = run([str(SEEDS / "seed-003.txt")], monkeypatch=monkeypatch)
    assert code == 0 and err == ""
    assert "Top Rated Comments" not in out
    assert out.startswith("Huawei and Xiaomi Could Get Major Boost")


def test_reads_stdin_by_default_and_with_dash(monkeypatch):
    data = (SEEDS / "seed-004.txt").read_bytes()
    for argv in ([], ["-"]):
        code, out, _ = run(argv, stdin=data, monkeypatch=monkeypatch)
        assert code == 0
        assert "Source: Bloomberg" not in out and "Chinese smartphone makers" in out


def test_html_mode_drops_the_comment_section_clean_html_drops(monkeypatch):
    import declutter
    from test_html import ARTICLE, COMMENTS, page_with_comments

    page = page_with_comments(ARTICLE).encode("utf-8")
    code, out, err = run(["--html"], stdin=page, monkeypatch=monkeypatch)
    assert code == 0, err
    assert out == declutter.clean_html(page) and ARTICLE[-1] in out and COMMENTS[0] not in out
    code, out, _ = run(["--html", "--explain"], stdin=page, monkeypatch=monkeypatch)
    assert code == 0 and "comment_section" in out
    code, out, _ = run(["--html", "--json"], stdin=page, monkeypatch=monkeypatch)
    assert code == 0 and COMMENTS[0] not in json.loads(out)["text"]


def test_explain_names_rule_and_reason(monkeypatch):
    code, out, _ = run(["--explain", str(SEEDS / "seed-003.txt")], monkeypatch=monkeypatch)
    assert code == 0
    assert "[comments] comment_thread" in out
    assert "Top Rated Comments" in out


def test_json_output_parses(monkeypatch):
    code, out, _ = run(["--json", str(SEEDS / "seed-002.txt")], monkeypatch=monkeypatch)
    data = json.loads(out)
    assert data["source"].endswith("seed-002.txt")
    assert data["segments"][0]["category"] == "breadcrumb"


def test_list_rules(monkeypatch):
    code, out, _ = run(["--list-rules"], monkeypatch=monkeypatch)
    assert code == 0
    assert "comment_thread" in out and "breadcrumb_path" in out


def test_disable_and_profile(monkeypatch):
    path = str(SEEDS / "seed-004.txt")
    _, out, _ = run(["--disable", "source_attribution,duplicate_title", path], monkeypatch=monkeypatch)
    assert "Source: Bloomberg" in out
    _, out, _ = run(["--profile", "precision", path], monkeypatch=monkeypatch)
    assert "Source: Bloomberg" not in out


@pytest.mark.parametrize("argv,stdin,code,message", [
    (["--disable", "nope"], b"x", cli.EXIT_CONFIG, "unknown rule"),
    ([], b"\xff\xfe broken", cli.EXIT_DATA, "not valid UTF-8"),
    ([], b"text\x00with nul", cli.EXIT_DATA, "looks binary"),
    (["/definitely/missing.txt"], b"", cli.EXIT_NO_INPUT, "no such file"),
    (["--profile", "nope"], b"", cli.EXIT_USAGE, "invalid choice"),
])
def test_bad_input_gets_one_clear_line(monkeypatch, argv, stdin, code, message):
    got, out, err = run(argv, stdin=stdin, monkeypatch=monkeypatch)
    assert got == code
    assert message in err
    assert "Traceback" not in err
    assert out == ""


def test_directory_is_refused(monkeypatch, tmp_path):
    code, _, err = run([str(tmp_path)], monkeypatch=monkeypatch)
    assert code == cli.EXIT_NO_INPUT and "is a directory" in err


def test_empty_input_warns_and_succeeds(monkeypatch):
    code, out, err = run([], stdin=b"", monkeypatch=monkeypatch)
    assert code == 0 and out == "" and "empty input" in err


def test_encoding_errors_replace_and_surrogateescape(monkeypatch):
    data = b"Advertisement\nThe vote was held on Sunday, caf\xe9 owners said in a statement today.\n"
    code, out, _ = run(["--encoding-errors", "replace"], stdin=data, monkeypatch=monkeypatch)
    assert code == 0 and "caf\ufffd" in out and "Advertisement" not in out
    code, out, _ = run(["--encoding-errors", "surrogateescape"], stdin=data, monkeypatch=monkeypatch)
    assert code == 0 and out.encode("utf-8", "surrogateescape").endswith(b"caf\xe9 owners said in a statement today.\n")


def test_a_failing_file_does_not_stop_the_others(monkeypatch, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Share\nThe vote was held on Sunday, officials said in a statement.\n")
    code, out, err = run([str(tmp_path / "missing.txt"), str(good)], monkeypatch=monkeypatch)
    assert code == cli.EXIT_NO_INPUT
    assert "officials said" in out and "missing.txt" in err


def test_version_and_help(monkeypatch):
    code, out, _ = run(["--version"], monkeypatch=monkeypatch)
    assert code == 0 and out.startswith("declutter ")
    code, out, _ = run(["--help"], monkeypatch=monkeypatch)
    assert code == 0 and "examples:" in out and "exit codes" in out


def test_installed_console_script():
    script = shutil.which("declutter")
    if script is None:
        pytest.skip("the declutter console script is not on PATH")
    done = subprocess.run([script, str(SEEDS / "seed-000.txt")], capture_output=True, check=True)
    lines = done.stdout.decode("utf-8").splitlines()
    assert "Instagram Outage Disrupts Thousands of U.S. Users" not in lines
    assert lines[0].startswith("There was a huge level of anticipation")


def test_python_dash_m():
    done = subprocess.run([sys.executable, "-m", "declutter", "--list-rules"],
                          capture_output=True, check=True, text=True)
    assert "byline" in done.stdout


def test_input_larger_than_max_bytes_is_refused(monkeypatch):
    code, out, err = run(["--max-bytes", "100"], stdin=b"x" * 101, monkeypatch=monkeypatch)
    assert code == cli.EXIT_DATA and out == "" and "larger than 100 bytes" in err
    code, out, _ = run(["--max-bytes", "100"], stdin=b"x" * 100, monkeypatch=monkeypatch)
    assert code == 0 and out == "x" * 100


def test_an_internal_error_is_one_line_with_its_own_exit_code(monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("declutter.engine.run", broken)
    monkeypatch.delenv(cli.DEBUG_VARIABLE, raising=False)
    code, out, err = run([], stdin=b"some text\n", monkeypatch=monkeypatch)
    assert code == cli.EXIT_SOFTWARE
    assert "internal error (RuntimeError: boom)" in err and "Traceback" not in err
