"""The command line on hostile input: the right exit code, one clear line, no traceback.

The hostile corpus (``tests/hostile/make_corpus.py``) runs through ``main(argv)`` file
by file, then through the real program all at once. Broken pipes, Ctrl-C and a closed
standard output are checked on the real program, in a subprocess.
"""

from __future__ import annotations

import os
import platform
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import default_sigint
from declutter import cli
from hostile.make_corpus import EXPECTATIONS, Case, cases, prose, write_corpus

#: Seconds a subprocess may take before the test gives up on it.
PROCESS_TIMEOUT = 60
#: Size of the output used to break pipes: far more than any pipe buffer.
BIG_OUTPUT_CHARS = 3_000_000
#: System call number of read(2), by machine, as shown in /proc/PID/syscall.
READ_SYSCALL = {"x86_64": "0", "aarch64": "63"}

CASES = cases()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The hostile corpus, written once for this module."""
    folder = tmp_path_factory.mktemp("hostile")
    write_corpus(folder)
    return folder


def declutter_command(*args: str) -> list[str]:
    """The command line running the real program."""
    return [sys.executable, "-m", "declutter", *args]


def assert_no_traceback(stderr: bytes) -> None:
    assert b"Traceback" not in stderr, stderr.decode("utf-8", "replace")[-2000:]


def decoded_lines(data: bytes, errors: str) -> list[str]:
    return data.decode("utf-8", errors).splitlines()


def is_subsequence(part: list[str], whole: list[str]) -> bool:
    remaining = iter(whole)
    return all(any(item == candidate for candidate in remaining) for item in part)


def check_output(case: Case, path: Path, code: int, out: bytes, err: bytes) -> None:
    """Check the exit code and the output of one corpus case."""
    assert_no_traceback(err)
    assert code == case.exit_code, (case.name, err)
    assert case.expect in EXPECTATIONS
    if case.expect == "refused":
        assert out == b""
        message = err.decode("utf-8", "surrogateescape")
        assert message.count("\n") == 1 and str(path) in message, message
        return
    if case.expect == "identical":
        assert out == case.data
    elif case.expect == "empty":
        assert out == b""
    else:
        assert is_subsequence(decoded_lines(out, "surrogateescape"),
                              decoded_lines(case.data or b"", case.input_errors()))
    if case.data:
        assert err == b"", err
    else:
        assert b"warning" in err and str(path).encode() in err


# --------------------------------------------------------------------------- corpus


def test_corpus_covers_every_kind_of_hostile_input():
    names = {case.name for case in CASES}
    assert len(names) == len(CASES)
    assert {case.expect for case in CASES} == set(EXPECTATIONS)
    assert {case.exit_code for case in CASES} == {0, cli.EXIT_DATA, cli.EXIT_NO_INPUT}
    assert cases() == CASES, "the corpus is not deterministic"


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_corpus_file_in_process(case: Case, corpus: Path, capsysbinary):
    path = corpus / case.name
    code = cli.main([*case.args, str(path)])
    captured = capsysbinary.readouterr()
    check_output(case, path, code, captured.out, captured.err)


@pytest.mark.slow
def test_whole_corpus_in_one_run(corpus: Path, capsysbinary):
    """All files at once (default options): every file is accounted for, in order."""
    plain = [case for case in CASES if not case.args]
    expected_out = b""
    for case in plain:
        code = cli.main([str(corpus / case.name)])
        expected_out += capsysbinary.readouterr().out if code == 0 else b""
    done = subprocess.run(declutter_command(*(str(corpus / c.name) for c in plain)),
                          capture_output=True, timeout=PROCESS_TIMEOUT * 3)
    assert_no_traceback(done.stderr)
    first_failure = next(c.exit_code for c in plain if c.exit_code != 0)
    assert done.returncode == first_failure
    assert done.stdout == expected_out
    messages = done.stderr.decode("utf-8", "surrogateescape").splitlines()
    accounted = [c for c in plain if c.exit_code != 0 or not c.data]
    assert len(messages) == len(accounted)
    for case, message in zip(accounted, messages):
        assert case.name in message


# --------------------------------------------------------------------------- stdin


@pytest.mark.parametrize("data,code,message", [
    (b"Caf\xe9 society\n", cli.EXIT_DATA, "<stdin>: not valid UTF-8 (byte 3)"),
    (b"\x00\x01binary", cli.EXIT_DATA, "<stdin>: looks binary"),
    (b"", 0, "warning: <stdin>: empty input"),
])
def test_bad_standard_input_gets_one_line(data, code, message):
    done = subprocess.run(declutter_command(), input=data, capture_output=True,
                          timeout=PROCESS_TIMEOUT)
    assert done.returncode == code
    assert done.stdout == b""
    assert done.stderr.decode().count("\n") == 1 and message in done.stderr.decode()


def test_surrogateescape_round_trips_bytes_through_the_program():
    article = "\n".join(prose(random.Random(3), 5)).encode()
    data = b"Share\n" + article.replace(b"day", b"d\xe4y\xff") + b"\nAdvertisement\n"
    done = subprocess.run(declutter_command("--encoding-errors", "surrogateescape"),
                          input=data, capture_output=True, timeout=PROCESS_TIMEOUT)
    assert done.returncode == 0, done.stderr
    assert done.stdout == article.replace(b"day", b"d\xe4y\xff") + b"\n"


def test_unreadable_file_gets_one_line(tmp_path: Path):
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        pytest.skip("root reads every file; the corpus covers ENOTDIR instead")
    path = tmp_path / "secret.txt"
    path.write_text("text\n")
    path.chmod(0)
    done = subprocess.run(declutter_command(str(path)), capture_output=True,
                          timeout=PROCESS_TIMEOUT)
    assert done.returncode == cli.EXIT_NO_INPUT
    assert b"cannot be read" in done.stderr and done.stderr.count(b"\n") == 1


# --------------------------------------------------------------------------- pipes


@pytest.fixture(scope="module")
def big_article(tmp_path_factory) -> Path:
    """A file whose cleaned output is several megabytes (nothing in it is noise)."""
    path = tmp_path_factory.mktemp("big") / "big.txt"
    line = " ".join(prose(random.Random(5), 400)) + "\n"
    path.write_text(line * (BIG_OUTPUT_CHARS // len(line) + 1), encoding="utf-8")
    return path


@pytest.mark.parametrize("mode", [[], ["--json"]], ids=["text", "json"])
def test_reader_leaving_in_the_middle_of_a_large_write(big_article: Path, mode: list[str]):
    """``declutter big.txt | head -c 10``: quiet, and exit 141 (not 0, not a traceback)."""
    process = subprocess.Popen(declutter_command(*mode, str(big_article)),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.read(10)
    process.stdout.close()
    err = process.stderr.read()
    code = process.wait(timeout=PROCESS_TIMEOUT)
    assert len(first) == 10
    assert code == cli.EXIT_BROKEN_PIPE, err
    assert err == b""


@pytest.mark.parametrize("args", [["--list-rules"], ["{article}"], ["--explain", "{article}"]],
                         ids=["list-rules", "file", "explain"])
def test_reader_gone_before_the_first_write(big_article: Path, args: list[str]):
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = subprocess.run(declutter_command(*(a.format(article=big_article) for a in args)),
                              stdout=write_end, stderr=subprocess.PIPE, timeout=PROCESS_TIMEOUT)
    finally:
        os.close(write_end)
    assert done.returncode == cli.EXIT_BROKEN_PIPE, done.stderr
    assert done.stderr == b""


def test_closed_standard_output_gets_one_line(big_article: Path):
    done = subprocess.run(["/bin/sh", "-c", 'exec "$@" >&-', "sh",
                           *declutter_command(str(big_article))],
                          capture_output=True, timeout=PROCESS_TIMEOUT)
    assert done.returncode == cli.EXIT_IO
    assert_no_traceback(done.stderr)
    assert b"cannot write the output" in done.stderr and done.stderr.count(b"\n") == 1


# --------------------------------------------------------------------------- Ctrl-C


def wait_for_stdin_read(process: subprocess.Popen, deadline: float) -> None:
    """Wait until ``process`` is blocked reading its standard input."""
    call = READ_SYSCALL.get(platform.machine())
    syscall = Path(f"/proc/{process.pid}/syscall")
    if call is None or not syscall.exists():
        pytest.skip("cannot see what the process is doing on this system")
    while time.monotonic() < deadline:
        try:
            fields = syscall.read_text().split()
        except OSError:
            pytest.skip("/proc/PID/syscall is not readable here")
        if fields[:2] == [call, "0x0"]:
            return
        time.sleep(0.05)
    raise AssertionError("the process never read its standard input")


def interrupt(command: list[str], wait_ready) -> tuple[int, bytes]:
    """Start ``command`` on a standard input that never closes, Ctrl-C it once it
    waits for input; return its exit code and standard error."""
    process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, preexec_fn=default_sigint)
    try:
        wait_ready(process, time.monotonic() + PROCESS_TIMEOUT)
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=PROCESS_TIMEOUT)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert out == b""
    return process.returncode, err


def test_ctrl_c_while_reading_stdin():
    code, err = interrupt(declutter_command(), wait_for_stdin_read)
    assert_no_traceback(err)
    assert code == cli.EXIT_INTERRUPTED
    assert err == b"declutter: interrupted\n"


def test_ctrl_c_inside_main():
    """Ctrl-C once ``main`` runs (marked by a line on stderr), on any system."""
    script = ("import sys; from declutter.cli import main; "
              "sys.stderr.write('ready\\n'); sys.stderr.flush(); sys.exit(main([]))")

    def ready(process: subprocess.Popen, deadline: float) -> None:
        assert process.stderr is not None
        assert process.stderr.readline() == b"ready\n"
        time.sleep(0.5)

    code, err = interrupt([sys.executable, "-c", script], ready)
    assert_no_traceback(err)
    assert code == cli.EXIT_INTERRUPTED
    assert err == b"declutter: interrupted\n"
