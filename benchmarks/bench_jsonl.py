"""Benchmark of ``declutter --jsonl``: speed-up from a second worker, and peak memory.

Run (not part of the test suite)::

    python3 benchmarks/bench_jsonl.py                              # 50 MB scaling, 300 MB memory
    python3 benchmarks/bench_jsonl.py --size-mb 10 --memory-mb 0   # quick look, no memory run
    python3 benchmarks/bench_jsonl.py --memory-mb 1000             # the 1 GB memory target

It builds deterministic JSON Lines corpora in a temporary directory (from the seed pages in
``seeds/``, each record a seed page with its article paragraphs reshuffled and extended
with sentences of the other seeds, so no two records are the same), runs the installed
command line on them as a subprocess and prints a markdown table:

* **scaling**: the same ``--size-mb`` corpus with ``--jobs 1`` and ``--jobs J``
  (``--jobs-max``, default 2); target: ``--jobs 2`` at least 1.6x faster.
* **memory**: a ``--memory-mb`` corpus with ``--jobs J``; peak memory must not grow with the
  corpus (target: at most 300 MB for 1 GB). Two figures: the largest single process
  (``ru_maxrss`` from ``os.wait4``, the same as ``getrusage(RUSAGE_CHILDREN)`` for one
  child), and the peak of the whole process tree's proportional set size (``Pss`` from
  ``/proc/PID/smaps_rollup``, sampled every :data:`SAMPLE_SECONDS`; pages shared by the
  forked workers are counted once).

MB are 10**6 bytes of uncompressed JSON Lines input; MB/s is input MB per wall second.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

REPO_ROOT = Path(__file__).resolve().parent.parent
SEEDS = REPO_ROOT / "seeds"
#: Bytes in a megabyte (decimal, as everywhere in the benchmarks).
MB = 1_000_000
#: Bytes in a kibibyte (``ru_maxrss`` is in KiB on Linux).
KIB = 1024
#: Seconds between two samples of the process tree's memory.
SAMPLE_SECONDS = 0.2
#: Targets from the issue.
TARGET_SPEEDUP = 1.6
TARGET_PEAK_MB = 300
#: Random seed of the corpus generator (the corpus is the same on every run).
CORPUS_SEED = 20240601
#: Sentences of other pages added to each record, at most.
MAX_EXTRA_SENTENCES = 12


@dataclass(frozen=True)
class RunResult:
    """One run of the command line."""

    label: str
    jobs: int
    input_bytes: int
    records: int
    seconds: float
    cpu_seconds: float
    max_rss_bytes: int
    peak_pss_bytes: int | None
    exit_code: int

    @property
    def mb_per_s(self) -> float:
        """Input MB per wall second."""
        return self.input_bytes / MB / self.seconds


def seed_pages() -> list[str]:
    """The seed pages (inputs, not the expected outputs)."""
    return [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("seed-*.txt"))
            if not p.name.endswith(".expected.txt")]


def article_sentences(pages: list[str]) -> list[str]:
    """Sentences of the seeds' expected article texts (prose to vary the records with)."""
    sentences = []
    for path in sorted(SEEDS.glob("seed-*.expected.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            sentences += [s.strip() + "." for s in line.split(". ") if len(s.split()) >= 6]
    return sentences


def vary(page: str, sentences: list[str], rng: random.Random) -> str:
    """``page`` with a few long lines swapped and sentences of other pages appended."""
    lines = page.splitlines(keepends=True)
    long_lines = [i for i, line in enumerate(lines) if len(line) > 200]
    if len(long_lines) >= 2:
        a, b = rng.sample(long_lines, 2)
        lines[a], lines[b] = lines[b], lines[a]
    extra = " ".join(rng.sample(sentences, rng.randint(1, MAX_EXTRA_SENTENCES)))
    insert_at = long_lines[0] + 1 if long_lines else len(lines)
    lines.insert(insert_at, extra + "\n")
    return "".join(lines)


def records(rng: random.Random) -> Iterator[dict]:
    """An endless, deterministic stream of records shaped like a web crawl."""
    pages = seed_pages()
    sentences = article_sentences(pages)
    number = 0
    while True:
        page = pages[number % len(pages)]
        yield {"id": f"doc-{number:08d}", "url": f"https://news.example.org/a/{number}",
               "text": vary(page, sentences, rng), "meta": {"crawl": "bench", "n": number}}
        number += 1


def write_corpus(path: Path, size_mb: float) -> tuple[int, int]:
    """Write a corpus of about ``size_mb`` MB to ``path``; returns (bytes, records)."""
    rng = random.Random(CORPUS_SEED)
    target = int(size_mb * MB)
    written = count = 0
    with path.open("wb") as out:
        for record in records(rng):
            line = json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n"
            out.write(line)
            written += len(line)
            count += 1
            if written >= target:
                break
    return written, count


def tree_pss(root: int) -> int | None:
    """Proportional set size of ``root`` and its descendants (``None`` without /proc)."""
    children: dict[int, list[int]] = {}
    try:
        pids = [int(name) for name in os.listdir("/proc") if name.isdigit()]
    except OSError:
        return None
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat", "rb") as handle:
                fields = handle.read().rsplit(b")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(pid)
        except (OSError, IndexError, ValueError):
            continue
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        stack += children.get(pid, [])
        try:
            with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as handle:
                for line in handle:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1]) * KIB
                        break
        except OSError:
            continue
    return total


def sample_peak(pid: int, stop: threading.Event, peak: list[int | None]) -> None:
    """Keep the highest :func:`tree_pss` of ``pid`` in ``peak[0]`` until ``stop``."""
    while not stop.is_set():
        value = tree_pss(pid)
        if value is None:
            return
        peak[0] = max(peak[0] or 0, value)
        stop.wait(SAMPLE_SECONDS)


def run_cli(label: str, corpus: Path, jobs: int, input_bytes: int, records_count: int,
            workdir: Path) -> RunResult:
    """Run ``declutter --jsonl`` on ``corpus``; time it and watch its memory."""
    output = workdir / f"out-{label}.jsonl"
    command = [sys.executable, "-m", "declutter", "--jsonl", str(corpus), "-o", str(output),
               "--jobs", str(jobs), "--progress", "never"]
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stop, peak = threading.Event(), [None]
    sampler = threading.Thread(target=sample_peak, args=(process.pid, stop, peak), daemon=True)
    sampler.start()
    stderr = process.stderr.read()  # type: ignore[union-attr]
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    stop.set()
    sampler.join()
    if process.returncode != 0:
        sys.stderr.write(stderr.decode("utf-8", "replace"))
    output.unlink(missing_ok=True)
    rss_unit = 1 if sys.platform == "darwin" else KIB  # bytes on macOS, KiB elsewhere
    cpu = usage.ru_utime + usage.ru_stime  # the CLI and its (waited-for) workers
    return RunResult(label, jobs, input_bytes, records_count, seconds, cpu,
                     usage.ru_maxrss * rss_unit, peak[0], process.returncode)


def table(results: list[RunResult]) -> str:
    """The results as a markdown table."""
    rows = ["| run | jobs | input MB | records | wall s | CPU s | cores busy | MB/s "
            "| max RSS, one process (MB) | peak PSS, all processes (MB) | exit |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in results:
        pss = f"{r.peak_pss_bytes / MB:.0f}" if r.peak_pss_bytes is not None else "n/a"
        rows.append(f"| {r.label} | {r.jobs} | {r.input_bytes / MB:.1f} | {r.records:,} | "
                    f"{r.seconds:.1f} | {r.cpu_seconds:.1f} | {r.cpu_seconds / r.seconds:.2f} | {r.mb_per_s:.2f} | {r.max_rss_bytes / MB:.0f} | {pss} "
                    f"| {r.exit_code} |")
    return "\n".join(rows)


def load_average() -> str:
    """The 1-minute load average, or ``n/a``."""
    try:
        return f"{os.getloadavg()[0]:.2f}"
    except (AttributeError, OSError):
        return "n/a"


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The benchmark's options."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--size-mb", type=float, default=50,
                        help="corpus size for the --jobs 1 vs --jobs J run (default: %(default)s)")
    parser.add_argument("--memory-mb", type=float, default=300,
                        help="corpus size for the peak-memory run; 0 skips it (default: %(default)s)")
    parser.add_argument("--jobs-max", type=int, default=2,
                        help="J: the jobs compared with --jobs 1 and used for the memory run "
                             "(default: %(default)s)")
    parser.add_argument("--workdir", type=Path,
                        help="where to write the corpora (default: a temporary directory, removed)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Build the corpora, run, print the table; exit 1 when a target is missed."""
    args = parse_args(argv)
    load_before = load_average()
    with tempfile.TemporaryDirectory(dir=args.workdir) as tmp:
        workdir = Path(tmp)
        results: list[RunResult] = []
        if args.size_mb > 0:
            corpus = workdir / "scaling.jsonl"
            size, count = write_corpus(corpus, args.size_mb)
            for jobs in (1, args.jobs_max):
                results.append(run_cli(f"scaling-{jobs}", corpus, jobs, size, count, workdir))
                print(f"done: {results[-1].label} in {results[-1].seconds:.1f} s",
                      file=sys.stderr, flush=True)
            corpus.unlink()
        if args.memory_mb > 0:
            corpus = workdir / "memory.jsonl"
            size, count = write_corpus(corpus, args.memory_mb)
            results.append(run_cli("memory", corpus, args.jobs_max, size, count, workdir))
            corpus.unlink()
    print(f"declutter --jsonl on {platform.python_implementation()} {platform.python_version()}, "
          f"{os.cpu_count()} CPUs, {platform.system()} {platform.machine()}; load average "
          f"{load_before} before, {load_average()} after (other work on the machine slows "
          f"the runs down and lowers the speed-up)\n")
    print(table(results))
    ok = all(r.exit_code == 0 for r in results)
    scaling = [r for r in results if r.label.startswith("scaling")]
    if len(scaling) == 2:
        speedup = scaling[0].seconds / scaling[1].seconds
        ok = ok and speedup >= TARGET_SPEEDUP
        bound = args.jobs_max * scaling[0].cpu_seconds / scaling[1].cpu_seconds
        print(f"\nspeed-up --jobs {args.jobs_max} vs --jobs 1: {speedup:.2f}x "
              f"(target >= {TARGET_SPEEDUP}x)")
        print(f"CPU-normalised speed-up ({args.jobs_max} x CPU s of --jobs 1 / CPU s of "
              f"--jobs {args.jobs_max}, what {args.jobs_max} idle cores give): {bound:.2f}x")
    memory = [r for r in results if r.label == "memory"]
    for r in memory:
        peak = max(r.max_rss_bytes, r.peak_pss_bytes or 0) / MB
        ok = ok and peak <= TARGET_PEAK_MB
        print(f"peak memory on {r.input_bytes / MB:.0f} MB: {peak:.0f} MB (target <= "
              f"{TARGET_PEAK_MB} MB for 1 GB)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
