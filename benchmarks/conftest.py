"""Fixtures and the end-of-run summary of the speed benchmarks (``bench_core.py``).

Each benchmark records what it measured in a :class:`PerfLog` (seconds per round, MB
and documents per round); ``pytest_terminal_summary`` prints the tables and the targets
of the issue "A fast core, measured", and ``pytest_benchmark_update_json`` adds the same
figures to ``--benchmark-json`` output under ``declutter_summary``.

``benchmarks/`` is not part of the default test run (``testpaths = ["tests"]``); run::

    python3 -m pytest benchmarks/bench_core.py --benchmark-only
"""

from __future__ import annotations

import os
import platform
import sys
import time
from dataclasses import dataclass, field
from functools import wraps
from pathlib import Path
from statistics import median
from typing import Any, Callable

import pytest

BENCH_DIR = Path(__file__).resolve().parent
if str(BENCH_DIR) not in sys.path:
    sys.path.insert(0, str(BENCH_DIR))

import corpus as corpus_module  # noqa: E402

#: Targets of the issue, as (key, description, comparison, bound, unit).
TARGETS = (
    ("throughput", "throughput on raw page text, one core", ">=", 15.0, "MB/s"),
    ("ratio_c4", "throughput ratio to datatrove C4 line filter", ">=", 2.0, "x"),
    ("ratio_trafilatura", "throughput ratio to trafilatura.extract (docs/s)", ">=", None,
     "x (\"far faster\")"),
    ("scaling", "time per MB, 10 MB doc vs 10 KB docs", "<=", 1.5, "x"),
    ("adversarial", "time per MB, worst adversarial input vs normal text", "<=", 3.0, "x"),
    ("langid_share", "share of clean() time in language identification", "<=", 15.0, "%"),
    ("import", "import time of declutter (fresh interpreter)", "<=", 0.3, "s"),
)
#: "Far faster" than trafilatura is read as at least this ratio in the met/not-met column.
FAR_FASTER = 10.0


class CpuTimer:
    """Wraps a benchmarked function to record the process CPU time of each call.

    On a shared machine wall-clock time also counts other processes' load; CPU time
    (``time.process_time``) of this process does not, so both are reported.
    """

    def __init__(self) -> None:
        self.calls: list[float] = []

    def wrap(self, function: Callable[..., Any]) -> Callable[..., Any]:
        @wraps(function)
        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                self.calls.append(time.process_time() - start)

        return timed

    @property
    def median(self) -> float | None:
        return median(self.calls) if self.calls else None


@dataclass
class Measure:
    """One benchmark's figures: median seconds per round (wall clock, and CPU time when
    recorded) and what a round processed."""

    group: str
    name: str
    seconds: float
    megabytes: float = 0.0
    documents: int = 0
    rounds: int = 0
    cpu_seconds: float | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def _seconds(self, cpu: bool) -> float | None:
        return self.cpu_seconds if cpu else self.seconds

    def mb_per_s(self, cpu: bool = False) -> float | None:
        seconds = self._seconds(cpu)
        return self.megabytes / seconds if seconds and self.megabytes else None

    def docs_per_s(self, cpu: bool = False) -> float | None:
        seconds = self._seconds(cpu)
        return self.documents / seconds if seconds and self.documents else None

    def s_per_mb(self, cpu: bool = False) -> float | None:
        seconds = self._seconds(cpu)
        return seconds / self.megabytes if seconds is not None and self.megabytes else None


class PerfLog:
    """The measures of one pytest run, by (group, name)."""

    def __init__(self) -> None:
        self.measures: dict[tuple[str, str], Measure] = {}
        self.corpus_name = ""
        self.corpus_note = ""

    def record(self, benchmark: Any, group: str, name: str, megabytes: float = 0.0,
               documents: int = 0, cpu: CpuTimer | None = None, **extra: Any) -> Measure | None:
        """Record ``benchmark``'s median (and ``cpu``'s) and fill its ``extra_info``;
        ``None`` when the benchmark collected no statistics (``--benchmark-disable``)."""
        benchmark.extra_info.update({"MB": round(megabytes, 6), "docs": documents})
        benchmark.extra_info.update(extra)
        stats = getattr(getattr(benchmark, "stats", None), "stats", None)
        if stats is None:
            return None
        measure = Measure(group, name, float(stats.median), megabytes, documents,
                          int(stats.rounds), cpu.median if cpu else None, dict(extra))
        if measure.cpu_seconds is not None:
            benchmark.extra_info["cpu_s"] = round(measure.cpu_seconds, 6)
        for suffix, cpu_time in (("", False), (" cpu", True)):
            if measure.mb_per_s(cpu_time) is not None:
                benchmark.extra_info["MB/s" + suffix] = round(measure.mb_per_s(cpu_time), 4)
                benchmark.extra_info["s/MB" + suffix] = round(measure.s_per_mb(cpu_time), 4)
            if measure.docs_per_s(cpu_time) is not None:
                benchmark.extra_info["docs/s" + suffix] = round(measure.docs_per_s(cpu_time), 2)
        self.measures[(group, name)] = measure
        return measure

    def get(self, group: str, name: str) -> Measure | None:
        return self.measures.get((group, name))

    def group(self, group: str) -> list[Measure]:
        return [m for (g, _), m in self.measures.items() if g == group]


PERF_LOG = pytest.StashKey[PerfLog]()


def pytest_configure(config: pytest.Config) -> None:
    config.stash[PERF_LOG] = PerfLog()


@pytest.fixture(scope="session")
def perf_log(pytestconfig: pytest.Config) -> PerfLog:
    return pytestconfig.stash[PERF_LOG]


@pytest.fixture
def cpu_timer() -> CpuTimer:
    """A fresh :class:`CpuTimer` for one benchmark."""
    return CpuTimer()


@pytest.fixture(scope="session")
def page_corpus(perf_log: PerfLog) -> corpus_module.Corpus:
    """The AEB raw page texts (or the generated corpus without the data)."""
    loaded = corpus_module.load_corpus()
    perf_log.corpus_name = loaded.name
    perf_log.corpus_note = loaded.note
    return loaded


# ---------------------------------------------------------------------------
# Summary


def _fmt(value: float | None, digits: int = 2) -> str:
    return "—" if value is None else f"{value:,.{digits}f}"


def _ratio(numerator: float | None, denominator: float | None) -> float | None:
    if numerator is None or denominator is None or denominator == 0:
        return None
    return numerator / denominator


def _secs(measure: Measure | None, cpu: bool) -> float | None:
    if measure is None:
        return None
    return measure.cpu_seconds if cpu else measure.seconds


def headline_figures(log: PerfLog, cpu: bool = False) -> dict[str, Any]:
    """The figures the targets are checked against, from wall-clock or CPU time
    (``None`` when not measured)."""
    ours = log.get("throughput", "declutter.clean")
    c4 = log.get("throughput", "datatrove C4QualityFilter")
    traf = log.get("throughput", "trafilatura.extract (HTML)")
    langid = log.get("langid", "detect_language")
    small = log.get("scaling", "10KB")
    large = log.get("scaling", "10MB")
    normal = log.get("scaling", "1MB")
    adversarial = [m for m in log.group("adversarial") if m.s_per_mb(cpu) is not None]
    worst = max(adversarial, key=lambda m: m.s_per_mb(cpu) or 0.0, default=None)
    imported = log.get("import", "import declutter")
    langid_share = _ratio(_secs(langid, cpu), _secs(ours, cpu))
    return {
        "throughput": ours.mb_per_s(cpu) if ours else None,
        "ratio_c4": _ratio(_secs(c4, cpu), _secs(ours, cpu)),
        "ratio_trafilatura": _ratio(_secs(traf, cpu), _secs(ours, cpu)),
        "scaling": _ratio(large.s_per_mb(cpu), small.s_per_mb(cpu)) if large and small else None,
        "adversarial": _ratio(worst.s_per_mb(cpu), normal.s_per_mb(cpu)) if worst and normal else None,
        "adversarial_worst": worst.name if worst else None,
        "langid_share": 100 * langid_share if langid_share is not None else None,
        "import": imported.extra.get("import_seconds") if imported else None,
    }


def _met(value: float | None, op: str, bound: float) -> bool | None:
    if value is None:
        return None
    return value >= bound if op == ">=" else value <= bound


def target_rows(log: PerfLog) -> list[dict[str, Any]]:
    """Each target with its wall-clock and CPU-time figures and whether each meets it."""
    wall, cpu = headline_figures(log), headline_figures(log, cpu=True)
    rows = []
    for key, description, op, bound, unit in TARGETS:
        check = FAR_FASTER if bound is None else bound
        target = f"{op} {check:g} {unit}" if bound is not None else f"far faster (read as >= {FAR_FASTER:g}x)"
        if key == "adversarial" and wall.get("adversarial_worst"):
            description += f" (worst: {wall['adversarial_worst']})"
        cpu_value = None if key == "import" else cpu.get(key)
        rows.append({"key": key, "measure": description, "target": target,
                     "wall": wall.get(key), "cpu": cpu_value, "unit": unit.split(" ")[0],
                     "met_wall": _met(wall.get(key), op, check),
                     "met_cpu": _met(cpu_value, op, check)})
    return rows


def _both(measure: Measure, attribute: str, digits: int = 2, scale: float = 1.0) -> str:
    """'wall / cpu' figures of one of a measure's rates."""
    values = [getattr(measure, attribute)(cpu) for cpu in (False, True)]
    return " / ".join(_fmt(v * scale if v is not None else None, digits) for v in values)


def summary_lines(log: PerfLog) -> list[str]:
    """The summary tables, as markdown lines."""
    out: list[str] = []
    corpus_label = log.corpus_name + (f" ({log.corpus_note})" if log.corpus_note else "")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    out.append(f"machine: {os.cpu_count()} CPUs, Python {platform.python_version()}, "
               f"load average now {_fmt(load)}; corpus: {corpus_label or '—'}")
    out.append("medians over the rounds; 'a / b' = wall clock / CPU time of this process; "
               "MB = 10**6 bytes of UTF-8 input")

    rows = log.group("throughput")
    ours = log.get("throughput", "declutter.clean")
    if rows:
        out += ["", "### Throughput (single process, same pages)", "",
                "| tool | input | MB | docs | s/round | MB/s | docs/s | declutter speed-up |",
                "|---|---|---:|---:|---:|---:|---:|---:|"]
        for m in rows:
            speedups = [_fmt(_ratio(_secs(m, cpu), _secs(ours, cpu))) for cpu in (False, True)]
            out.append(f"| {m.name} | {m.extra.get('input', '')} | {_fmt(m.megabytes)} | "
                       f"{m.documents} | {_fmt(m.seconds, 3)} / {_fmt(m.cpu_seconds, 3)} | "
                       f"{_both(m, 'mb_per_s')} | {_both(m, 'docs_per_s', 1)} | "
                       f"{' / '.join(speedups)} |")

    langid = log.get("langid", "detect_language")
    if langid:
        shares = [_ratio(_secs(langid, cpu), _secs(ours, cpu)) for cpu in (False, True)]
        methods = langid.extra.get("methods", {})
        out += ["", f"langid: detect_language alone on the same {langid.documents} texts: "
                    f"{_fmt(langid.seconds, 3)} / {_fmt(langid.cpu_seconds, 3)} s = "
                    + " / ".join(_fmt(100 * x if x is not None else None, 1) for x in shares)
                    + f" % of clean(); methods {methods}"]

    rows = log.group("seed")
    if rows:
        out += ["", "### Per-document latency (seeds)", "",
                "| seed | chars | ms | MB/s |", "|---|---:|---:|---:|"]
        for m in rows:
            out.append(f"| {m.name} | {m.extra.get('chars', '')} | "
                       f"{_fmt(1000 * m.seconds, 2)} / {_fmt(1000 * (m.cpu_seconds or 0), 2)} | "
                       f"{_both(m, 'mb_per_s')} |")

    rows = log.group("scaling")
    if rows:
        small = log.get("scaling", "10KB")
        out += ["", "### Scaling (the same realistic text, cut into documents of each size)", "",
                "| document size | docs | MB | s/round | s/MB | vs 10 KB docs |",
                "|---|---:|---:|---:|---:|---:|"]
        for m in rows:
            ratios = [_fmt(_ratio(m.s_per_mb(cpu), small.s_per_mb(cpu) if small else None))
                      for cpu in (False, True)]
            out.append(f"| {m.name} | {m.documents} | {_fmt(m.megabytes)} | "
                       f"{_fmt(m.seconds, 3)} / {_fmt(m.cpu_seconds, 3)} | "
                       f"{_both(m, 's_per_mb', 3)} | {' / '.join(ratios)} |")

    rows = log.group("adversarial")
    if rows:
        normal = log.get("scaling", "1MB")
        out += ["", "### Adversarial input (vs the 1 MB realistic document)", "",
                "| input | MB | lines | s/round | s/MB | vs normal | passes | abstentions | output chars |",
                "|---|---:|---:|---:|---:|---:|---:|---|---:|"]
        for m in rows:
            ratios = [_fmt(_ratio(m.s_per_mb(cpu), normal.s_per_mb(cpu) if normal else None))
                      for cpu in (False, True)]
            out.append(f"| {m.name} | {_fmt(m.megabytes)} | {m.extra.get('lines', '')} | "
                       f"{_fmt(m.seconds, 3)} / {_fmt(m.cpu_seconds, 3)} | "
                       f"{_both(m, 's_per_mb', 3)} | {' / '.join(ratios)} | "
                       f"{m.extra.get('passes', '—')} | "
                       f"{(m.extra.get('abstentions') or 'none') if 'passes' in m.extra else '—'} | "
                       f"{m.extra.get('output_chars', '')} |")

    imported = log.get("import", "import declutter")
    if imported:
        out += ["", f"import: `import declutter` in a fresh interpreter: "
                    f"{_fmt(imported.extra.get('import_seconds'), 3)} s (median, in-process); "
                    f"a whole `python3 -c 'import declutter'` process "
                    f"{_fmt(imported.seconds, 3)} s, `python3 -c pass` "
                    f"{_fmt(imported.extra.get('bare_interpreter_seconds'), 3)} s"]

    out += ["", "### Targets", "", "| measure | target | wall clock | CPU time | met (wall / CPU) |",
            "|---|---|---:|---:|---|"]
    words = {True: "met", False: "NOT met", None: "—"}
    for row in target_rows(log):
        digits = 1 if row["unit"] == "%" else (3 if row["unit"] == "s" else 2)
        cells = [f"{_fmt(row[k], digits)} {row['unit']}" if row[k] is not None else "—"
                 for k in ("wall", "cpu")]
        out.append(f"| {row['measure']} | {row['target']} | {cells[0]} | {cells[1]} | "
                   f"{words[row['met_wall']]} / {words[row['met_cpu']]} |")
    return out


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    log = config.stash.get(PERF_LOG, None)
    if log is None or not log.measures:
        return
    terminalreporter.write_sep("=", "declutter performance summary")
    for line in summary_lines(log):
        terminalreporter.write_line(line)


def pytest_benchmark_update_json(config: pytest.Config, benchmarks: Any, output_json: dict) -> None:
    log = config.stash.get(PERF_LOG, None)
    if log is None:
        return
    output_json["declutter_summary"] = {
        "corpus": log.corpus_name,
        "corpus_note": log.corpus_note,
        "measures": [
            {"group": m.group, "name": m.name, "seconds": m.seconds,
             "cpu_seconds": m.cpu_seconds, "MB": m.megabytes, "docs": m.documents,
             "rounds": m.rounds, "MB/s": m.mb_per_s(), "MB/s cpu": m.mb_per_s(True),
             "docs/s": m.docs_per_s(), "s/MB": m.s_per_mb(), "s/MB cpu": m.s_per_mb(True),
             **m.extra}
            for m in log.measures.values()
        ],
        "targets": target_rows(log),
    }
