#!/usr/bin/env python3
"""Where ``declutter.clean`` spends its time, on the raw page text of the AEB pages.

Two runs over the corpus (the AEB raw texts through ``quality.py``'s cached loader, or
the generated corpus without the data, see ``corpus.py``):

1. **Steps** (wall clock, light instrumentation): the functions ``declutter.engine.run``
   calls are wrapped for the run, so each step's time is known per cleaning pass:
   language identification, segmentation, lexicon set-up, table building (``build_table``,
   or the table derived from the first one in later passes, and the table's lazily
   computed indexes), page facts, each rule's ``scan``, ``decide``, the merge, assembling
   the output, and the second (and later) cleaning passes of ``engine.run`` with the
   re-assembly and re-segmentation between passes. Every function of the engine module is
   wrapped, so a step added there later shows up under its own name. Nothing in ``src/``
   changes; the wrappers are removed afterwards.
2. **cProfile**: the top functions by cumulative and by own time, and own time grouped by
   module, where the time of built-in calls (``str.split``, ``regex`` matching...) goes to
   the module that called them.

Examples::

    python3 benchmarks/profile_core.py
    python3 benchmarks/profile_core.py --top 40 --limit 50
    python3 benchmarks/profile_core.py --stats /tmp/clean.prof   # for snakeviz / pstats
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import inspect
import os
import platform
import pstats
import sys
import time
from collections import defaultdict
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator

BENCH_DIR = Path(__file__).resolve().parent
if str(BENCH_DIR) not in sys.path:
    sys.path.insert(0, str(BENCH_DIR))

import corpus  # noqa: E402  (puts the repository's src/ first on sys.path, via quality.py)
import declutter  # noqa: E402
from declutter import engine  # noqa: E402

PACKAGE_DIR = Path(declutter.__file__).resolve().parent
FIRST = "pass 1"
LATER = "passes 2+"
SETUP = "per document"


# ---------------------------------------------------------------------------
# 1. Step timing


class TimedRule:
    """Stands in for a rule during the instrumented run and times its ``scan``."""

    def __init__(self, rule: Any, steps: "StepTimer") -> None:
        self._rule = rule
        self._steps = steps

    def __getattr__(self, name: str) -> Any:
        return getattr(self._rule, name)

    def scan(self, ctx: Any) -> list[Any]:
        start = time.perf_counter()
        try:
            return list(self._rule.scan(ctx))
        except Exception as exc:
            self._steps.failures[f"{self._rule.name}: {type(exc).__name__}: {exc}"] += 1
            raise
        finally:
            self._steps.add(f"rule {self._rule.name}", time.perf_counter() - start)


class StepTimer:
    """Seconds per (phase, step), filled by wrappers around ``declutter.engine``'s calls."""

    def __init__(self) -> None:
        self.seconds: dict[tuple[str, str], float] = defaultdict(float)
        self.total = 0.0
        self.documents = 0
        self.passes = 0
        self.pass_number = 0
        self.assembles: list[float] = []
        self.missing: list[str] = []
        #: exceptions raised by rules' scans (RuleTimeout: the rule abstained), with counts
        self.failures: dict[str, int] = defaultdict(int)
        self.lazy_failures: dict[str, int] = defaultdict(int)

    @property
    def phase(self) -> str:
        return FIRST if self.pass_number <= 1 else LATER

    def add(self, step: str, seconds: float, phase: str | None = None) -> None:
        self.seconds[(phase or self.phase, step)] += seconds

    # the calls whose phase depends on where they happen in engine.run

    def _segment_phase(self) -> str:
        return SETUP if self.pass_number == 0 else LATER

    def table_made(self, table: Any, step: str, seconds: float) -> None:
        """A pass starts with its table (``build_table``, or a table derived from the
        first one): count the pass and compute the table's lazy indexes (its cached
        properties: anchor hits, short lines with digits...) right away, so that their
        cost is not charged to whichever step happens to touch them first."""
        self.pass_number += 1
        self.passes += 1
        self.add(step, seconds)
        start = time.perf_counter()
        for name, attribute in vars(type(table)).items():
            if isinstance(attribute, functools.cached_property):
                try:
                    getattr(table, name)
                except Exception as exc:  # noqa: BLE001 - the rules needing it abstain
                    self.lazy_failures[f"{name}: {type(exc).__name__}: {exc}"] += 1
        self.add("table: lazy indexes", time.perf_counter() - start)

    def scan(self, function: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(rules: Any, ctx: Any, *args: Any, **kwargs: Any) -> Any:
            proxies = tuple(TimedRule(rule, self) for rule in rules)
            return function(proxies, ctx, *args, **kwargs)

        return wrapper

    def assemble(self, function: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                self.assembles.append(time.perf_counter() - start)

        return wrapper

    def document_done(self, seconds: float) -> None:
        """Close one document: its last ``assemble`` made the output, earlier ones the
        input of a later pass."""
        if self.assembles:
            self.add("assemble (output)", self.assembles[-1], "output")
            for seconds_between in self.assembles[:-1]:
                self.add("re-assemble between passes", seconds_between, LATER)
        self.assembles = []
        self.pass_number = 0
        self.total += seconds
        self.documents += 1


#: Steps of declutter.engine with a fixed label and phase (``None``: the current pass).
KNOWN_STEPS: dict[str, tuple[str, str | None]] = {
    "detect_language": ("langid: detect_language", SETUP),
    "load_lexicon": ("lexicon + rule anchors", SETUP),
    "rule_anchors": ("lexicon + rule anchors", SETUP),
    "lexicon_languages": ("lexicon + rule anchors", SETUP),
    "decide": ("decide", None),
    "_merge": ("merge + emitted_lines", None),
    "emitted_lines": ("merge + emitted_lines", None),
    "_line_map": ("line map between passes", LATER),
}


@contextmanager
def instrumented(steps: StepTimer) -> Iterator[None]:
    """Wrap the functions ``declutter.engine.run`` calls through the engine module's
    globals, for the duration of the block.

    Every function in the module's namespace is wrapped (so a step added to the engine
    later is timed under its own name); only the outermost wrapped call is timed, so
    nested steps are not counted twice. A call that returns a ``LineTable`` opens a pass
    (see :meth:`StepTimer.table_made`); ``_scan``, ``segment`` and ``assemble`` get their
    own wrappers (per-rule timing, phases).
    """
    depth = [0]

    def outermost(label: str, function: Callable[..., Any],
                  phase: Callable[[], str | None]) -> Callable[..., Any]:
        @functools.wraps(function)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            if depth[0]:
                return function(*args, **kwargs)
            depth[0] += 1
            start = time.perf_counter()
            try:
                result = function(*args, **kwargs)
            finally:
                depth[0] -= 1
                seconds = time.perf_counter() - start
            if type(result).__name__ == "LineTable":  # a pass starts with its table
                steps.table_made(result, f"table: {function.__name__}", seconds)
            else:
                steps.add(label, seconds, phase())
            return result
        return wrapper

    special: dict[str, Callable[[Callable[..., Any]], Callable[..., Any]]] = {
        "_scan": steps.scan,
        "assemble": steps.assemble,
        "segment": lambda f: outermost("segment", f, steps._segment_phase),
    }
    saved: dict[str, Any] = {}
    for name, original in list(vars(engine).items()):
        function_like = inspect.isfunction(original) or (
            callable(original) and hasattr(original, "__wrapped__"))  # lru_cache'd functions
        if name == "run" or name.startswith("__") or not function_like:
            continue
        saved[name] = original
        if name in special:
            setattr(engine, name, special[name](original))
            continue
        label, fixed = KNOWN_STEPS.get(name, (f"engine step: {name}", None))
        setattr(engine, name, outermost(label, original,
                                        (lambda fixed=fixed: fixed or steps.phase)))
    steps.missing = [name for name in (*special, *KNOWN_STEPS, "build_table")
                     if name not in saved]
    try:
        yield
    finally:
        for name, original in saved.items():
            setattr(engine, name, original)


def time_steps(texts: list[str]) -> StepTimer:
    steps = StepTimer()
    with instrumented(steps):
        for text in texts:
            start = time.perf_counter()
            declutter.clean(text)
            steps.document_done(time.perf_counter() - start)
    return steps


def step_report(steps: StepTimer) -> list[str]:
    total = steps.total
    attributed = sum(steps.seconds.values())
    steps.seconds[(SETUP, "unattributed (config, registry, engine loop)")] = total - attributed
    by_step: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for (phase, step), seconds in steps.seconds.items():
        by_step[step][phase] += seconds

    def pct(seconds: float) -> str:
        return f"{100 * seconds / total:5.1f} %" if total else "—"

    lines = [f"clean() of {steps.documents} documents: {total:.3f} s wall "
             f"({steps.passes} cleaning passes, {steps.passes / max(steps.documents, 1):.2f} "
             "per document)", ""]
    if steps.missing:
        lines += [f"not instrumented (absent from declutter.engine): {', '.join(steps.missing)}", ""]
    for title, failures in (("lazy table indexes that failed (recomputed by every rule "
                             "that needs them)", steps.lazy_failures),
                            ("rule scans that raised (a RuleTimeout makes the rule abstain)",
                             steps.failures)):
        if failures:
            lines += [f"{title}:"]
            lines += [f"- {count} x {what}" for what, count in sorted(failures.items())]
            lines.append("")

    groups = {
        "language identification": lambda s: s.startswith("langid"),
        "table building (build/derive + lazy indexes)": lambda s: s.startswith("table:"),
        "rules' scans (all rules)": lambda s: s.startswith("rule "),
        "other engine steps (page facts, ...)": lambda s: s.startswith("engine step"),
        "decide": lambda s: s == "decide",
        "merge, assemble, segment, line map": lambda s: s in (
            "merge + emitted_lines", "assemble (output)", "re-assemble between passes",
            "segment", "line map between passes"),
        "lexicon + rule anchors": lambda s: s == "lexicon + rule anchors",
        "unattributed (config, registry, engine loop)": lambda s: s.startswith("unattributed"),
    }
    lines += ["| step group | seconds | share of clean() |", "|---|---:|---:|"]
    for label, belongs in groups.items():
        seconds = sum(sum(phases.values()) for step, phases in by_step.items() if belongs(step))
        lines.append(f"| {label} | {seconds:.3f} | {pct(seconds)} |")
    later = sum(seconds for (phase, _), seconds in steps.seconds.items() if phase == LATER)
    first = sum(seconds for (phase, _), seconds in steps.seconds.items() if phase == FIRST)
    lines.append(f"| *of which pass 1 (table, page facts, rules, decide, merge)* | {first:.3f} | "
                 f"{pct(first)} |")
    lines.append(f"| *of which passes 2+ of engine.run (incl. re-assembly)* | {later:.3f} | "
                 f"{pct(later)} |")

    lines += ["", f"| step | {SETUP} | {FIRST} | {LATER} | output | total | share |",
              "|---|---:|---:|---:|---:|---:|---:|"]
    ordered = sorted(by_step.items(), key=lambda item: -sum(item[1].values()))
    for step, phases in ordered:
        cells = [f"{phases[p]:.3f}" if phases.get(p) else "" for p in (SETUP, FIRST, LATER, "output")]
        seconds = sum(phases.values())
        lines.append(f"| {step} | {' | '.join(cells)} | {seconds:.3f} | {pct(seconds)} |")
    return lines


# ---------------------------------------------------------------------------
# 2. cProfile


def module_of(filename: str) -> str:
    """``declutter.rules.headlines`` for a declutter file, a package name otherwise."""
    if filename == "~" or filename.startswith("<"):
        return "builtins"
    path = Path(filename)
    try:
        relative = path.resolve().relative_to(PACKAGE_DIR)
        return ".".join(("declutter", *relative.with_suffix("").parts))
    except ValueError:
        pass
    parts = path.parts
    if "site-packages" in parts:
        return parts[parts.index("site-packages") + 1].removesuffix(".py")
    return f"stdlib {path.stem}"


def label(function: tuple[str, int, str]) -> str:
    filename, line, name = function
    if filename == "~":
        return name
    module = module_of(filename)
    return f"{module}:{line}({name})"


def profile(texts: list[str]) -> pstats.Stats:
    profiler = cProfile.Profile()
    profiler.enable()
    for text in texts:
        declutter.clean(text)
    profiler.disable()
    return pstats.Stats(profiler)


def by_module(stats: pstats.Stats) -> dict[str, float]:
    """Own time per module; a built-in's time goes to the modules of its callers."""
    totals: dict[str, float] = defaultdict(float)
    for function, (_, _, own, _, callers) in stats.stats.items():  # type: ignore[attr-defined]
        if function[0] != "~" or not callers:
            totals[module_of(function[0])] += own
            continue
        # callers: caller -> (calls, primitive calls, own time, cumulative) of this edge
        edge_total = sum(edge[2] for edge in callers.values())
        for caller, edge in callers.items():
            share = edge[2] if edge_total else own / len(callers)
            totals[module_of(caller[0])] += share
    return totals


def profile_report(stats: pstats.Stats, top: int) -> list[str]:
    raw = stats.stats  # type: ignore[attr-defined]
    total = stats.total_tt  # type: ignore[attr-defined]
    lines = [f"cProfile: {total:.3f} s of profiled time (cProfile inflates Python-level calls)"]

    def rows(key: int, title: str, keep: Callable[[tuple[str, int, str]], bool]) -> None:
        nonlocal lines
        lines += ["", f"top {top} by {title}", "",
                  "| function | calls | own s | cumulative s | cumulative share |",
                  "|---|---:|---:|---:|---:|"]
        ranked = sorted((item for item in raw.items() if keep(item[0])),
                        key=lambda item: -item[1][key])
        for function, (_, calls, own, cumulative, _) in ranked[:top]:
            lines.append(f"| {label(function)} | {calls} | {own:.3f} | {cumulative:.3f} | "
                         f"{100 * cumulative / total:.1f} % |")

    def not_wrapper(function: tuple[str, int, str]) -> bool:
        # the generic call plumbing every clean goes through says nothing
        return not (function[2] in ("clean", "run") and module_of(function[0]).startswith(
            "declutter")) and function[2] != "<method 'disable' of '_lsprof.Profiler' objects>"

    rows(3, "cumulative time", not_wrapper)
    rows(2, "own (total) time", lambda function: True)
    modules = sorted(by_module(stats).items(), key=lambda item: -item[1])
    lines += ["", "own time by module (built-in calls counted in their caller's module)", "",
              "| module | own s | share |", "|---|---:|---:|"]
    for module, seconds in modules:
        if seconds >= 0.0005:
            lines.append(f"| {module} | {seconds:.3f} | {100 * seconds / total:.1f} % |")
    return lines


# ---------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, metavar="N", help="only the first N pages")
    parser.add_argument("--top", type=int, default=25, metavar="N",
                        help="functions listed per table (default: %(default)s)")
    parser.add_argument("--stats", type=Path, metavar="FILE",
                        help="also write the cProfile statistics to FILE")
    parser.add_argument("--no-cprofile", action="store_true", help="only the step timing")
    parser.add_argument("--size", type=float, metavar="MB",
                        help="profile one document of this many MB cut from the corpus "
                        "pages (as the scaling benchmark builds them) instead of the pages")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    pages = corpus.load_corpus(args.limit)
    texts = pages.texts
    if args.size:
        document = corpus.sized_document(texts, int(args.size * corpus.MB))
        pages = corpus.Corpus(f"{pages.name} (one {args.size:g} MB document)", [document],
                              pages.html_paths, pages.note)
        texts = pages.texts
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    print(f"# declutter.clean profile: {pages.name} corpus, {len(texts)} documents, "
          f"{pages.megabytes:.2f} MB")
    print(f"machine: {os.cpu_count()} CPUs ({cpu}), Python {platform.python_version()}"
          + (f"; {pages.note}" if pages.note else ""))
    # a first, cold pass loads lexicons, stoplists and langdetect profiles and compiles
    # each language's patterns once per process; the runs below are warm (steady state)
    start = time.perf_counter()
    for text in texts:
        declutter.clean(text)
    cold = time.perf_counter() - start
    print(f"cold first pass (one-off loading and pattern compilation included): {cold:.3f} s")

    print("\n## Steps (wall clock, instrumented run)\n")
    for line in step_report(time_steps(texts)):
        print(line)
    if not args.no_cprofile:
        stats = profile(texts)
        if args.stats:
            stats.dump_stats(str(args.stats))
        print("\n## cProfile\n")
        for line in profile_report(stats, args.top):
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
