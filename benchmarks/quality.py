#!/usr/bin/env python3
"""Measure how much declutter improves the plain text of real web pages.

Pages come from two public benchmarks kept outside the repository (see
docs/quality.md): ``aeb/`` (Zyte article extraction benchmark, 181 articles) and
``wcxb-dev/`` (300 WCXB pages: articles and forum threads). Each page's HTML is turned
into text (``raw``: the whole page with html-text; ``traf``: trafilatura's extraction),
scored as is and after ``declutter.clean``; the ``html`` condition scores
``declutter.clean_html`` against trafilatura alone.

Examples::

    python benchmarks/quality.py
    python benchmarks/quality.py --dataset wcxb --condition traf --profile recall
    python benchmarks/quality.py --limit 20 --dump benchmarks/out --json benchmarks/out/q.json

The data directory is ``$DECLUTTER_EVAL_DATA``, by default ``../shared/data`` relative to
the repository root; without it the script says so and exits with status 0.
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import gzip
import importlib
import importlib.metadata
import importlib.util
import inspect
import json
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from types import MappingProxyType, ModuleType
from typing import Any, TypeVar

REPO_ROOT = Path(__file__).resolve().parent.parent
SRC_DIR = REPO_ROOT / "src"
DEFAULT_DATA_DIR = "../shared/data"
DATA_ENV = "DECLUTTER_EVAL_DATA"
CACHE_DIR = REPO_ROOT / "benchmarks" / ".cache"
#: bump when the extraction calls below change, to invalidate cached texts
EXTRACTION_RECIPE = 1

DATASET_DIRS: Mapping[str, str] = MappingProxyType({"aeb": "aeb", "wcxb": "wcxb-dev"})
CONDITIONS = ("raw", "traf", "html")
#: the extracted text each condition starts from
CONDITION_SOURCE: Mapping[str, str] = MappingProxyType(
    {"raw": "raw", "traf": "traf", "html": "trafilatura"}
)
#: table row labels of each condition's input (as is) and of declutter's output
AS_IS_LABELS: Mapping[str, str] = MappingProxyType(
    {"raw": "raw as is", "traf": "traf as is", "html": "trafilatura alone"}
)
CLEANED_LABELS: Mapping[str, str] = MappingProxyType(
    {"raw": "raw + declutter", "traf": "traf + declutter", "html": "html: clean_html"}
)
#: page types reported separately, in this order, followed by "all"
PAGE_TYPE_ORDER = ("article", "forum")
#: the distribution each extraction depends on, for the cache key and availability
EXTRACTION_TOOLS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {"raw": ("html-text", "html_text"), "traf": ("trafilatura", "trafilatura"),
     "trafilatura": ("trafilatura", "trafilatura")}
)
#: the splits of the development pages (``wcxb-dev/splits.json``); AEB is tune data
SPLITS = ("tune", "validate")
#: a page counts as made better or worse when its F1 moves by more than this
PAGE_CHANGE_MIN = 0.01

T = TypeVar("T")


def _ensure_on_path(directory: Path) -> None:
    """Put ``directory`` first on ``sys.path`` so the working tree's declutter is used."""
    if str(directory) not in sys.path:
        sys.path.insert(0, str(directory))


def _load_evaluation() -> ModuleType:
    """Import ``declutter.evaluation``; load the file alone if the package fails to import.

    The metrics module imports nothing else from declutter, so the as-is figures stay
    available while the rest of the package is being written.
    """
    try:
        return importlib.import_module("declutter.evaluation")
    except Exception:  # noqa: BLE001 - any failure of the package's __init__
        name = "_declutter_evaluation"
        spec = importlib.util.spec_from_file_location(name, SRC_DIR / "declutter" / "evaluation.py")
        if spec is None or spec.loader is None:
            raise
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
        return module


_ensure_on_path(SRC_DIR)
evaluation = _load_evaluation()


# ---------------------------------------------------------------------------
# Data


@dataclass(frozen=True)
class Page:
    """One evaluation page: where its HTML is and what a correct extraction holds."""

    dataset: str
    page_id: str
    html_path: Path
    gold: str
    page_type: str
    with_snippets: tuple[str, ...] = ()
    without_snippets: tuple[str, ...] = ()
    has_snippets: bool = False
    split: str = "tune"


def resolve_data_dir() -> Path:
    """Return the evaluation data directory: ``$DECLUTTER_EVAL_DATA`` or the default.

    A relative path is taken relative to the repository root.
    """
    configured = Path(os.environ.get(DATA_ENV) or DEFAULT_DATA_DIR).expanduser()
    return (configured if configured.is_absolute() else REPO_ROOT / configured).resolve()


def read_html(path: Path) -> str:
    """Return the text of a gzipped HTML file (UTF-8, undecodable bytes replaced)."""
    with gzip.open(path, "rb") as handle:
        return handle.read().decode("utf-8", errors="replace")


def parse_structured(value: Any) -> Any:
    """Return ``value``, or the dict or list it holds when it is a string.

    Some ground-truth files store structures as strings, in JSON or as a Python
    literal (single quotes, ``True``/``False``); both are accepted. A string that does
    not look like a dict or list, or does not parse, is returned unchanged.
    """
    if not isinstance(value, str) or not value.lstrip().startswith(("{", "[")):
        return value
    try:
        return json.loads(value)
    except ValueError:
        pass
    try:
        return ast.literal_eval(value.strip())
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        return value


def snippet_list(value: Any) -> tuple[str, ...]:
    """Return the snippets of a ``with``/``without`` field (a list, or a string)."""
    value = parse_structured(value)
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)):
        return ()
    return tuple(item for item in value if isinstance(item, str) and item.strip())


def wcxb_page_type(record: Mapping[str, Any], truth: Mapping[str, Any]) -> str:
    """Return a WCXB page's type from ``_internal.page_type.primary`` (or ground truth)."""
    for holder in (parse_structured(record.get("_internal")), truth):
        if not isinstance(holder, Mapping):
            continue
        page_type = parse_structured(holder.get("page_type"))
        if isinstance(page_type, Mapping):
            page_type = page_type.get("primary")
        if isinstance(page_type, str) and page_type:
            return page_type
    return "unknown"


def load_aeb(root: Path) -> tuple[list[Page], list[str]]:
    """Load the article extraction benchmark: pages sorted by id, and problems met."""
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    pages: list[Page] = []
    problems: list[str] = []
    for page_id, entry in sorted(truth.items()):
        html_path = root / "html" / f"{page_id}.html.gz"
        if not html_path.is_file():
            problems.append(f"aeb/{page_id}: no HTML file")
            continue
        gold = entry.get("articleBody") if isinstance(entry, Mapping) else None
        gold_text = gold if isinstance(gold, str) else ""
        pages.append(Page("aeb", page_id, html_path, gold_text, "article"))
    return pages, problems


def load_wcxb_page(path: Path, html_dir: Path) -> Page:
    """Load one WCXB ground-truth file; raise ``ValueError`` when it is unusable."""
    record = json.loads(path.read_text(encoding="utf-8"))
    truth = parse_structured(record.get("ground_truth"))
    if not isinstance(truth, Mapping):
        raise ValueError("ground_truth is neither a dict nor a string holding one")
    html_path = html_dir / f"{path.stem}.html.gz"
    if not html_path.is_file():
        raise ValueError("no HTML file")
    gold = truth.get("main_content")
    return Page(
        dataset="wcxb",
        page_id=path.stem,
        html_path=html_path,
        gold=gold if isinstance(gold, str) else "",
        page_type=wcxb_page_type(record, truth),
        with_snippets=snippet_list(truth.get("with")),
        without_snippets=snippet_list(truth.get("without")),
        has_snippets=True,
    )


def load_splits(root: Path) -> dict[str, str]:
    """Return page id -> split from ``splits.json`` (empty when the file is absent)."""
    path = root / "splits.json"
    if not path.is_file():
        return {}
    listed = json.loads(path.read_text(encoding="utf-8"))
    return {page_id: split for split in SPLITS for page_id in listed.get(split, ())}


def load_wcxb(root: Path) -> tuple[list[Page], list[str]]:
    """Load the WCXB pages: sorted by id, each with its split, and problems met."""
    pages: list[Page] = []
    problems: list[str] = []
    splits = load_splits(root)
    for path in sorted((root / "ground-truth").glob("*.json")):
        try:
            page = load_wcxb_page(path, root / "html")
        except (OSError, ValueError) as exc:
            problems.append(f"wcxb/{path.stem}: skipped, {exc}")
            continue
        pages.append(replace(page, split=splits.get(page.page_id, "tune")))
    return pages, problems


LOADERS: Mapping[str, Callable[[Path], tuple[list[Page], list[str]]]] = MappingProxyType(
    {"aeb": load_aeb, "wcxb": load_wcxb}
)


# ---------------------------------------------------------------------------
# Running extractors and declutter (in worker processes)


@dataclass(frozen=True)
class Outcome:
    """The text produced for one page, the seconds it took, and the error if it failed."""

    text: str
    seconds: float
    error: str | None = None
    #: whether cleaning the text again changes nothing (``None``: not checked)
    stable: bool | None = None


def _timed(produce: Callable[[], object]) -> Outcome:
    """Call ``produce`` and time it; exceptions and non-text results become failures."""
    start = time.perf_counter()
    try:
        result = produce()
    except Exception as exc:  # noqa: BLE001 - a failing page must not stop the run
        return Outcome("", time.perf_counter() - start, f"{type(exc).__name__}: {exc}")
    seconds = time.perf_counter() - start
    if not isinstance(result, str):
        return Outcome("", seconds, f"returned {type(result).__name__}, not str")
    return Outcome(result, seconds)


def extract_raw(html: str) -> str:
    """Return the whole page as text: ``html_text.extract_text(html, guess_layout=True)``."""
    import html_text

    return str(html_text.extract_text(html, guess_layout=True))


def extract_traf(html: str) -> str:
    """Return trafilatura's extraction, comments and tables included, recall favoured."""
    import trafilatura

    text = trafilatura.extract(html, include_comments=True, favor_recall=True, include_tables=True)
    return text or ""


def extract_trafilatura(html: str) -> str:
    """Return trafilatura's extraction with its default settings (``clean_html``'s baseline)."""
    import trafilatura

    return trafilatura.extract(html) or ""


EXTRACTORS: Mapping[str, Callable[[str], str]] = MappingProxyType(
    {"raw": extract_raw, "traf": extract_traf, "trafilatura": extract_trafilatura}
)


def extract_task(task: tuple[str, str]) -> Outcome:
    """Worker: extract text of kind ``task[0]`` from the gzipped HTML at ``task[1]``."""
    kind, path = task
    try:
        html = read_html(Path(path))
    except Exception as exc:  # noqa: BLE001
        return Outcome("", 0.0, f"cannot read HTML: {exc}")
    return _timed(lambda: EXTRACTORS[kind](html))


def _declutter_call(name: str, argument: str, profile: str | None,
                    disable: tuple[str, ...] = (), check_stable: bool = False,
                    stated: Mapping[str, str] = MappingProxyType({})) -> Outcome:
    """Call ``declutter.<name>(argument[, profile=...][, disable=...])``, timing the call alone.

    With ``check_stable``, the output is cleaned again (untimed, with ``stated``: what
    the page said of itself, as ``clean``'s options) and the outcome says whether that
    changed it.
    """
    try:
        module = importlib.import_module("declutter")
        function = getattr(module, name)
    except Exception as exc:  # noqa: BLE001
        return Outcome("", 0.0, f"declutter.{name} unavailable: {exc}")
    kwargs: dict[str, object] = {} if profile is None else {"profile": profile}
    if disable:
        kwargs["disable"] = disable
    outcome = _timed(lambda: function(argument, **kwargs))
    if not check_stable or outcome.error is not None:
        return outcome
    again = module.clean(outcome.text, **kwargs, **stated)
    return replace(outcome, stable=again == outcome.text)


def clean_task(task: tuple[str, str | None, tuple[str, ...], bool]) -> Outcome:
    """Worker: ``declutter.clean(text, ...)`` for ``task = (text, profile, disable, check)``."""
    text, profile, disable, check_stable = task
    return _declutter_call("clean", text, profile, disable, check_stable)


def clean_html_task(task: tuple[str, str | None, tuple[str, ...], bool]) -> Outcome:
    """Worker: ``declutter.clean_html(html, ...)`` for ``task = (path, profile, disable, check)``."""
    path, profile, disable, check_stable = task
    try:
        html = read_html(Path(path))
    except Exception as exc:  # noqa: BLE001
        return Outcome("", 0.0, f"cannot read HTML: {exc}")
    # a page that declares a discussion is cleaned as one; cleaning its text again says so
    stated = {"page_kind": "discussion"} if check_stable and _declares_discussion(html) else {}
    return _declutter_call("clean_html", html, profile, disable, check_stable, stated)


def _declares_discussion(html: str) -> bool:
    """Whether the page's markup declares a discussion (older declutters: never)."""
    try:
        from declutter.html import is_discussion
    except ImportError:
        return False
    return bool(is_discussion(html))


def _result_or_failure(future: Future[Outcome]) -> Outcome:
    """Return a future's outcome, or a failure if its worker process died."""
    try:
        return future.result()
    except Exception as exc:  # noqa: BLE001 - e.g. BrokenProcessPool after a crash
        return Outcome("", 0.0, f"worker failed: {type(exc).__name__}: {exc}")


def run_tasks(
    function: Callable[[T], Outcome], tasks: Sequence[T], pool: ProcessPoolExecutor | None
) -> list[Outcome]:
    """Run ``function`` on every task, in ``pool`` if given, keeping the task order."""
    if pool is None:
        return [function(task) for task in tasks]
    try:
        futures = [pool.submit(function, task) for task in tasks]
    except BrokenProcessPool as exc:
        return [Outcome("", 0.0, f"process pool broken: {exc}") for _ in tasks]
    return [_result_or_failure(future) for future in futures]


# ---------------------------------------------------------------------------
# Extraction cache


def tool_versions() -> dict[str, str]:
    """Return the installed versions of the extraction tools (``missing`` if absent)."""
    versions: dict[str, str] = {}
    for name in ("trafilatura", "html-text", "lxml"):
        try:
            versions[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            versions[name] = "missing"
    return versions


@dataclass(frozen=True)
class ExtractionCache:
    """Extracted texts on disk, one JSON file per dataset, kind, tool versions and page.

    ``root`` is ``None`` when caching is disabled. Only successful extractions are
    stored, so a failure is retried on the next run.
    """

    root: Path | None
    versions: Mapping[str, str]

    def path(self, dataset: str, kind: str, page_id: str) -> Path | None:
        """Return the cache file of one page's extraction, or ``None`` without a cache."""
        if self.root is None:
            return None
        tool = EXTRACTION_TOOLS[kind][0]
        versions = f"{tool}-{self.versions[tool]}-lxml-{self.versions['lxml']}"
        key = f"{kind}-{versions}-r{EXTRACTION_RECIPE}"
        return self.root / dataset / key / f"{page_id}.json"

    def load(self, dataset: str, kind: str, page_id: str) -> Outcome | None:
        """Return the cached outcome of one page's extraction, if any."""
        path = self.path(dataset, kind, page_id)
        if path is None or not path.is_file():
            return None
        try:
            stored = json.loads(path.read_text(encoding="utf-8"))
            return Outcome(str(stored["text"]), float(stored["seconds"]))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def store(self, dataset: str, kind: str, page_id: str, outcome: Outcome) -> None:
        """Store a successful extraction (atomically, so parallel runs do not clash)."""
        path = self.path(dataset, kind, page_id)
        if path is None or outcome.error is not None:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        payload = {"text": outcome.text, "seconds": outcome.seconds}
        temporary.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
        os.replace(temporary, path)


# ---------------------------------------------------------------------------
# Conditions


@dataclass(frozen=True)
class Settings:
    """What to run and how, from the command line."""

    conditions: tuple[str, ...]
    profile: str | None
    identity: bool
    cache: ExtractionCache
    pool: ProcessPoolExecutor | None
    disable: tuple[str, ...] = ()
    check_stable: bool = False


@dataclass(frozen=True)
class Run:
    """The outputs of one table row on every page, or why they could not be produced.

    ``as_is`` marks the row of a condition's input text (before declutter).
    """

    label: str
    condition: str
    as_is: bool
    outcomes: tuple[Outcome, ...] | None
    unavailable: str = ""


@dataclass(frozen=True)
class Extraction:
    """Every page's extracted text of one kind, or why it could not be extracted."""

    outcomes: tuple[Outcome, ...] | None
    unavailable: str = ""


@dataclass(frozen=True)
class ExtractionStats:
    """How one dataset's extraction of one kind went, for the timing report."""

    dataset: str
    kind: str
    pages: int
    cached: int
    extracted: int
    failed: int
    wall_seconds: float
    page_seconds: float


def log(message: str) -> None:
    """Print a progress message on standard error."""
    print(message, file=sys.stderr, flush=True)


def tool_missing(kind: str) -> str:
    """Return why extraction ``kind`` cannot run, or an empty string if it can."""
    distribution, module = EXTRACTION_TOOLS[kind]
    if importlib.util.find_spec(module) is None:
        return f"{distribution} is not installed"
    return ""


def extract_pages(
    dataset: str, pages: Sequence[Page], kind: str, settings: Settings
) -> tuple[tuple[Outcome, ...], ExtractionStats]:
    """Extract every page's text of kind ``kind``, from the cache where possible."""
    outcomes: list[Outcome | None] = [
        settings.cache.load(dataset, kind, page.page_id) for page in pages
    ]
    missing = [index for index, outcome in enumerate(outcomes) if outcome is None]
    start = time.perf_counter()
    tasks = [(kind, str(pages[index].html_path)) for index in missing]
    fresh = run_tasks(extract_task, tasks, settings.pool)
    wall = time.perf_counter() - start
    for index, outcome in zip(missing, fresh):
        outcomes[index] = outcome
        settings.cache.store(dataset, kind, pages[index].page_id, outcome)
    done = tuple(outcome for outcome in outcomes if outcome is not None)
    stats = ExtractionStats(
        dataset=dataset,
        kind=kind,
        pages=len(pages),
        cached=len(pages) - len(missing),
        extracted=len(missing),
        failed=sum(outcome.error is not None for outcome in done),
        wall_seconds=wall,
        page_seconds=sum(outcome.seconds for outcome in done),
    )
    log(
        f"{stats.dataset} {kind}: {stats.cached} cached, {stats.extracted} extracted "
        f"in {wall:.1f} s wall, {stats.failed} failed"
    )
    return done, stats


def declutter_missing(name: str) -> str:
    """Return why ``declutter.<name>`` cannot be called, or an empty string if it can."""
    try:
        module = importlib.import_module("declutter")
    except Exception as exc:  # noqa: BLE001
        return f"declutter does not import ({type(exc).__name__}: {exc})"
    if not callable(getattr(module, name, None)):
        return f"declutter.{name} does not exist yet"
    return ""


def accepts_profile(name: str) -> bool:
    """Tell whether ``declutter.<name>`` takes a ``profile`` keyword argument."""
    function = getattr(importlib.import_module("declutter"), name)
    try:
        parameters = inspect.signature(function).parameters.values()
    except (TypeError, ValueError):
        return True
    return any(p.name == "profile" or p.kind is p.VAR_KEYWORD for p in parameters)


def clean_run(condition: str, inputs: Sequence[Outcome], settings: Settings) -> Run:
    """Run ``declutter.clean`` on each input text; failed inputs stay failed."""
    label = CLEANED_LABELS[condition]
    missing = declutter_missing("clean")
    if missing:
        return Run(label, condition, False, None, missing)
    usable = [index for index, outcome in enumerate(inputs) if outcome.error is None]
    tasks = [(inputs[index].text, settings.profile, settings.disable, settings.check_stable)
             for index in usable]
    cleaned = run_tasks(clean_task, tasks, settings.pool)
    outcomes = [Outcome("", 0.0, f"no input: {outcome.error}") for outcome in inputs]
    for index, outcome in zip(usable, cleaned):
        outcomes[index] = outcome
    return Run(label, condition, False, tuple(outcomes))


def clean_html_run(pages: Sequence[Page], settings: Settings) -> Run:
    """Run ``declutter.clean_html`` on each page's HTML."""
    label = CLEANED_LABELS["html"]
    missing = declutter_missing("clean_html")
    if missing:
        return Run(label, "html", False, None, missing)
    profile = settings.profile
    if profile is not None and not accepts_profile("clean_html"):
        log(f"note: declutter.clean_html takes no profile; {profile!r} not passed to it")
        profile = None
    tasks = [(str(page.html_path), profile, settings.disable, settings.check_stable)
             for page in pages]
    return Run(label, "html", False, tuple(run_tasks(clean_html_task, tasks, settings.pool)))


def log_failures(dataset: str, run: Run) -> None:
    """Warn about the pages a run failed on, with the first error message."""
    errors = [outcome.error for outcome in run.outcomes or () if outcome.error is not None]
    if errors:
        log(f"warning: {dataset} {run.label}: {len(errors)} page(s) failed, e.g. {errors[0]}")


def extract_sources(
    dataset: str, pages: Sequence[Page], settings: Settings
) -> tuple[dict[str, Extraction], list[ExtractionStats]]:
    """Extract the texts the selected conditions start from, by extraction kind."""
    sources = {CONDITION_SOURCE[condition] for condition in settings.conditions}
    extractions: dict[str, Extraction] = {}
    stats: list[ExtractionStats] = []
    for kind in (kind for kind in EXTRACTORS if kind in sources):
        missing = tool_missing(kind)
        if missing:
            extractions[kind] = Extraction(None, missing)
            continue
        outcomes, kind_stats = extract_pages(dataset, pages, kind, settings)
        extractions[kind] = Extraction(outcomes)
        stats.append(kind_stats)
    return extractions, stats


def condition_runs(
    condition: str, pages: Sequence[Page], source: Extraction, settings: Settings
) -> list[Run]:
    """Return a condition's rows: its input as is, then declutter's output (unless identity)."""
    as_is = Run(AS_IS_LABELS[condition], condition, True, source.outcomes, source.unavailable)
    if settings.identity:
        return [as_is]
    if condition == "html":
        return [as_is, clean_html_run(pages, settings)]
    if source.outcomes is None:
        return [as_is, Run(CLEANED_LABELS[condition], condition, False, None, source.unavailable)]
    return [as_is, clean_run(condition, source.outcomes, settings)]


def run_dataset(
    dataset: str, pages: Sequence[Page], settings: Settings
) -> tuple[list[Run], list[ExtractionStats]]:
    """Run the selected conditions on ``pages``; return the rows' runs and extraction stats."""
    extractions, stats = extract_sources(dataset, pages, settings)
    runs: list[Run] = []
    for condition in settings.conditions:
        source = extractions[CONDITION_SOURCE[condition]]
        for run in condition_runs(condition, pages, source, settings):
            if not run.as_is:
                log_failures(dataset, run)
            runs.append(run)
    return runs, stats


# ---------------------------------------------------------------------------
# Scoring


@dataclass(frozen=True)
class Figures:
    """One table row: scores of one condition on one dataset, split and page type.

    ``better`` and ``worse`` count the pages whose F1 moved by more than
    ``PAGE_CHANGE_MIN`` from the condition's input; ``content_loss`` is the share of the
    input's gold shingles that the output lost, ``noise_removed`` the share of its other
    shingles that it dropped; ``unstable`` counts outputs that cleaning again changes.
    """

    dataset: str
    page_type: str
    condition: str
    pages: int
    failed: int
    empty: int
    seconds: float | None
    precision: float | None
    recall: float | None
    f1: float | None
    snippet_precision: float | None = None
    snippet_recall: float | None = None
    snippet_f1: float | None = None
    snippet_counts: tuple[int, int, int] | None = None
    unavailable: str = ""
    split: str = "all"
    better: int | None = None
    worse: int | None = None
    content_loss: float | None = None
    noise_removed: float | None = None
    unstable: int | None = None


def _type_rank(page_type: str) -> tuple[int, str]:
    """Sort key of page types: those of ``PAGE_TYPE_ORDER`` first, then alphabetical."""
    if page_type in PAGE_TYPE_ORDER:
        return PAGE_TYPE_ORDER.index(page_type), ""
    return len(PAGE_TYPE_ORDER), page_type


def page_groups(pages: Sequence[Page]) -> list[tuple[str, str, list[int]]]:
    """Return ``(split, page type, page indexes)`` groups: per split, each type if
    several, then ``all``."""
    groups: list[tuple[str, str, list[int]]] = []
    for split in (name for name in SPLITS if any(page.split == name for page in pages)):
        members = [i for i, page in enumerate(pages) if page.split == split]
        types = sorted({pages[i].page_type for i in members}, key=_type_rank)
        by_type = [(split, t, [i for i in members if pages[i].page_type == t]) for t in types]
        everything = (split, "all", members)
        groups.extend([*by_type, everything] if len(by_type) > 1 else [everything])
    return groups


def raw_shingle_counts(predicted: str, gold: str) -> tuple[int, int]:
    """Return the un-normalised (gold, non-gold) 4-gram shingle counts of ``predicted``."""
    pred = evaluation.shingles(predicted)
    true = evaluation.shingles(gold)
    matched = sum((pred & true).values())
    return matched, sum(pred.values()) - matched


def _share_removed(before: Sequence[int], after: Sequence[int]) -> float | None:
    """The share of ``before``'s total that ``after`` no longer holds."""
    total = sum(before)
    return (total - sum(after)) / total if total else None


@dataclass(frozen=True)
class Change:
    """How a run compares with its condition's input on every page."""

    f1_delta: tuple[float, ...]
    gold_before: tuple[int, ...]
    gold_after: tuple[int, ...]
    noise_before: tuple[int, ...]
    noise_after: tuple[int, ...]


def compare_runs(run: Run, baseline: Run | None, pages: Sequence[Page]) -> Change | None:
    """Compare ``run`` with the as-is ``baseline`` page by page (``None`` if impossible)."""
    if baseline is None or baseline.outcomes is None or run.outcomes is None:
        return None
    before = [raw_shingle_counts(o.text, p.gold) for o, p in zip(baseline.outcomes, pages)]
    after = [raw_shingle_counts(o.text, p.gold) for o, p in zip(run.outcomes, pages)]
    delta = tuple(
        page_f1(evaluation.shingle_counts(o.text, p.gold))
        - page_f1(evaluation.shingle_counts(b.text, p.gold))
        for o, b, p in zip(run.outcomes, baseline.outcomes, pages)
    )
    return Change(delta, tuple(b[0] for b in before), tuple(a[0] for a in after),
                  tuple(b[1] for b in before), tuple(a[1] for a in after))


def _change_fields(change: Change | None, indexes: Sequence[int]) -> dict[str, Any]:
    """The better/worse counts and content-loss/noise-removed shares of one page group."""
    if change is None:
        return {}
    pick = lambda values: [values[i] for i in indexes]  # noqa: E731
    return {
        "better": sum(change.f1_delta[i] > PAGE_CHANGE_MIN for i in indexes),
        "worse": sum(change.f1_delta[i] < -PAGE_CHANGE_MIN for i in indexes),
        "content_loss": _share_removed(pick(change.gold_before), pick(change.gold_after)),
        "noise_removed": _share_removed(pick(change.noise_before), pick(change.noise_after)),
    }


def score_run(run: Run, pages: Sequence[Page], dataset: str,
              baseline: Run | None = None) -> list[Figures]:
    """Score one run on every page group of a dataset (against ``baseline``, its input)."""
    if run.outcomes is None:
        return [
            Figures(dataset, name, run.label, len(indexes), 0, 0, None, None, None, None,
                    unavailable=run.unavailable, split=split)
            for split, name, indexes in page_groups(pages)
        ]
    change = compare_runs(run, baseline, pages)
    counts = [evaluation.shingle_counts(o.text, p.gold) for o, p in zip(run.outcomes, pages)]
    snippets = [
        evaluation.snippet_counts(o.text, p.with_snippets, p.without_snippets)
        for o, p in zip(run.outcomes, pages)
    ]
    with_snippets = bool(pages) and all(page.has_snippets for page in pages)
    figures: list[Figures] = []
    for split, name, indexes in page_groups(pages):
        shingle = evaluation.score_shingle_counts(counts[i] for i in indexes)
        snippet = (
            evaluation.score_snippet_counts(snippets[i] for i in indexes) if with_snippets else None
        )
        outcomes = [run.outcomes[i] for i in indexes]
        figures.append(
            Figures(
                dataset=dataset,
                page_type=name,
                condition=run.label,
                pages=len(indexes),
                failed=sum(o.error is not None for o in outcomes),
                empty=sum(o.error is None and not o.text.strip() for o in outcomes),
                seconds=sum(o.seconds for o in outcomes),
                precision=shingle.precision,
                recall=shingle.recall,
                f1=shingle.f1,
                snippet_precision=snippet.precision if snippet else None,
                snippet_recall=snippet.recall if snippet else None,
                snippet_f1=snippet.f1 if snippet else None,
                snippet_counts=(snippet.tp, snippet.fp, snippet.fn) if snippet else None,
                split=split,
                unstable=(sum(o.stable is False for o in outcomes)
                          if any(o.stable is not None for o in outcomes) else None),
                **_change_fields(change, indexes),
            )
        )
    return figures


def order_figures(figures: Iterable[Figures]) -> list[Figures]:
    """Order rows by dataset, then page type (as grouped), then condition (as run)."""
    rows = list(figures)
    type_rank: dict[tuple[str, str, str], int] = {}
    for row in rows:
        type_rank.setdefault((row.dataset, row.split, row.page_type), len(type_rank))
    return sorted(rows, key=lambda row: type_rank[(row.dataset, row.split, row.page_type)])


# ---------------------------------------------------------------------------
# Reporting


TABLE_HEADER = (
    "dataset", "split", "page type", "condition", "P", "R", "F1", "pages", "better",
    "worse", "content lost", "noise removed", "unstable", "seconds", "snippet F1", "failed",
)


def _number(value: float | None, digits: int = 3) -> str:
    """Format a figure for the table (blank when there is none)."""
    return "" if value is None else f"{value:.{digits}f}"


def table_row(row: Figures) -> list[str]:
    """Return the markdown table cells of one row."""
    count = lambda value: "" if value is None else str(value)  # noqa: E731
    if row.unavailable:
        cells = [row.dataset, row.split, row.page_type, row.condition,
                 f"unavailable: {row.unavailable}", "", "", str(row.pages)]
        return cells + [""] * (len(TABLE_HEADER) - len(cells))
    return [
        row.dataset, row.split, row.page_type, row.condition,
        _number(row.precision), _number(row.recall), _number(row.f1),
        str(row.pages), count(row.better), count(row.worse),
        _number(row.content_loss), _number(row.noise_removed), count(row.unstable),
        _number(row.seconds, 2), _number(row.snippet_f1), str(row.failed),
    ]


def markdown_table(rows: Sequence[Figures]) -> str:
    """Render rows as a markdown table."""
    lines = ["| " + " | ".join(TABLE_HEADER) + " |"]
    lines.append("|" + "|".join("---" if i < 4 else "---:" for i in range(len(TABLE_HEADER))) + "|")
    lines.extend("| " + " | ".join(table_row(row)) + " |" for row in rows)
    return "\n".join(lines)


def page_f1(counts: tuple[float, float, float]) -> float:
    """Return one page's shingle F1 (1 when neither output nor gold has a shingle)."""
    precision, recall = evaluation.document_precision_recall(counts)
    if precision is None and recall is None:
        return 1.0
    return float(evaluation.f1_score(precision or 0.0, recall or 0.0))


def _page_cells(counts: tuple[float, float, float]) -> list[str]:
    """Return one page's P, R, F1 cells (blank where undefined)."""
    precision, recall = evaluation.document_precision_recall(counts)
    return [_number(precision, 4), _number(recall, 4), _number(page_f1(counts), 4)]


TSV_HEADER = (
    "id", "page_type", "f1_loss", "in_P", "in_R", "in_F1", "out_P", "out_R", "out_F1",
    "in_chars", "out_chars", "with_total", "in_with_found", "out_with_found",
    "without_total", "in_without_found", "out_without_found", "error",
)


def page_score_rows(
    pages: Sequence[Page], inputs: Sequence[Outcome], outputs: Sequence[Outcome]
) -> list[list[str]]:
    """Return per-page score rows, largest F1 loss (input F1 minus output F1) first."""
    scored: list[tuple[float, float, list[str]]] = []
    for page, before, after in zip(pages, inputs, outputs):
        in_counts = evaluation.shingle_counts(before.text, page.gold)
        out_counts = evaluation.shingle_counts(after.text, page.gold)
        in_snips = evaluation.snippet_counts(before.text, page.with_snippets, page.without_snippets)
        out_snips = evaluation.snippet_counts(after.text, page.with_snippets, page.without_snippets)
        loss = page_f1(in_counts) - page_f1(out_counts)
        cells = [
            page.page_id, page.page_type, f"{loss:.4f}",
            *_page_cells(in_counts), *_page_cells(out_counts),
            str(len(before.text)), str(len(after.text)),
            str(len(page.with_snippets)), str(in_snips[0]), str(out_snips[0]),
            str(len(page.without_snippets)), str(in_snips[1]), str(out_snips[1]),
            (after.error or before.error or "").replace("\t", " ").replace("\n", " "),
        ]
        scored.append((-loss, page_f1(out_counts), cells))
    scored.sort(key=lambda item: (item[0], item[1], item[2][0]))
    return [cells for _, _, cells in scored]


def _write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` in UTF-8, creating parent directories."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def dump_pairs(runs: Sequence[Run]) -> Iterator[tuple[str, Run, Run]]:
    """Yield ``(condition, input run, output run)`` for each condition whose input exists.

    The output is the condition's declutter row; when it did not run (identity mode, or
    declutter unavailable) the input row serves as the output too.
    """
    for run in runs:
        if not run.as_is or run.outcomes is None:
            continue
        outputs = [
            other for other in runs
            if other.condition == run.condition and not other.as_is and other.outcomes is not None
        ]
        yield run.condition, run, outputs[0] if outputs else run


def write_dump(directory: Path, dataset: str, pages: Sequence[Page], runs: Sequence[Run]) -> None:
    """Write per-page input, output and gold texts and a score TSV for error analysis.

    Only tune pages are written: validate pages are measured, never looked at.
    """
    shown = [index for index, page in enumerate(pages) if page.split == "tune"]
    pages = [pages[index] for index in shown]
    runs = [run if run.outcomes is None
            else replace(run, outcomes=tuple(run.outcomes[index] for index in shown))
            for run in runs]
    for condition, before, after in dump_pairs(runs):
        assert before.outcomes is not None and after.outcomes is not None
        folder = directory / dataset / condition
        for page, source, result in zip(pages, before.outcomes, after.outcomes):
            _write_text(folder / f"{page.page_id}.input.txt", source.text)
            _write_text(folder / f"{page.page_id}.output.txt", result.text)
            _write_text(folder / f"{page.page_id}.gold.txt", page.gold)
        rows = page_score_rows(pages, before.outcomes, after.outcomes)
        lines = ["\t".join(TSV_HEADER), *("\t".join(cells) for cells in rows)]
        _write_text(folder / "scores.tsv", "\n".join(lines) + "\n")
        log(f"dumped {len(pages)} pages to {folder} ({before.label} -> {after.label})")


# ---------------------------------------------------------------------------
# Command line


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Parse the command line."""
    parser = argparse.ArgumentParser(
        description="Measure declutter on real web pages (AEB and WCXB samples): "
        "4-token shingle P/R/F1 against the gold text, and WCXB snippet P/R/F1.",
        epilog=f"Data: ${DATA_ENV}, default {DEFAULT_DATA_DIR} relative to the repository root. "
        f"Extracted texts are cached in {CACHE_DIR.relative_to(REPO_ROOT)}/.",
    )
    parser.add_argument("--dataset", choices=("aeb", "wcxb", "all"), default="all")
    parser.add_argument("--condition", choices=(*CONDITIONS, "all"), default="all",
                        help="raw: whole page via html-text; traf: trafilatura extraction; "
                        "html: declutter.clean_html against trafilatura alone")
    parser.add_argument("--profile", metavar="NAME",
                        help="passed as declutter.clean(text, profile=NAME)")
    parser.add_argument("--disable", default="", metavar="RULE[,RULE]",
                        help="passed as declutter.clean(text, disable=[...]): measure what "
                             "a rule contributes by switching it off")
    parser.add_argument("--limit", type=int, metavar="N",
                        help="only the first N pages (by id) of each dataset")
    parser.add_argument("--json", type=Path, metavar="FILE", help="write all figures to FILE")
    parser.add_argument("--dump", type=Path, metavar="DIR",
                        help="write per-page input/output/gold texts and scores.tsv under DIR")
    parser.add_argument("--report", type=Path, metavar="DIR",
                        help="write an HTML report per dataset and condition under DIR, lines "
                             "marked against the gold (docs/report.md)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, metavar="N",
                        help="worker processes (default: %(default)s)")
    parser.add_argument("--identity", action="store_true",
                        help="do not call declutter: report only the as-is rows")
    parser.add_argument("--split", choices=(*SPLITS, "all"), default="all",
                        help="the development pages of one split only (AEB is tune data); "
                        "on validate, look at aggregate figures only")
    parser.add_argument("--stability", action="store_true",
                        help="clean every output again and count those that change")
    parser.add_argument("--no-cache", action="store_true",
                        help="neither read nor write the extraction cache")
    args = parser.parse_args(argv)
    check_counts(parser, args)
    return args


def check_counts(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Refuse a negative ``--limit`` or fewer than one ``--jobs`` (a usage error)."""
    if args.limit is not None and args.limit < 0:
        parser.error("--limit must not be negative")
    if args.jobs < 1:
        parser.error("--jobs must be at least 1")


def selected(choice: str, options: Sequence[str]) -> tuple[str, ...]:
    """Expand an ``all`` choice into every option."""
    return tuple(options) if choice == "all" else (choice,)


def write_json(path: Path, args: argparse.Namespace, data_dir: Path, rows: Sequence[Figures],
               stats: Sequence[ExtractionStats], problems: Sequence[str], wall: float) -> None:
    """Write every figure, the settings and the timings to ``path`` as JSON."""
    payload = {
        "data_dir": str(data_dir),
        "settings": {
            key: str(value) if isinstance(value, Path) else value
            for key, value in vars(args).items()
        },
        "versions": tool_versions(),
        "rows": [asdict(row) for row in rows],
        "extraction": [asdict(item) for item in stats],
        "problems": list(problems),
        "wall_seconds": wall,
    }
    _write_text(path, json.dumps(payload, indent=2, ensure_ascii=False) + "\n")


@dataclass(frozen=True)
class DatasetReport:
    """Everything measured on one dataset."""

    rows: list[Figures]
    stats: list[ExtractionStats]
    problems: list[str]


def evaluate_dataset(
    dataset: str, data_dir: Path, args: argparse.Namespace, settings: Settings
) -> DatasetReport:
    """Load one dataset, run the conditions on it, score them and dump pages if asked."""
    try:
        pages, problems = LOADERS[dataset](data_dir / DATASET_DIRS[dataset])
    except (OSError, ValueError) as exc:
        return DatasetReport([], [], [f"{dataset}: skipped, cannot load its ground truth: {exc}"])
    if args.split != "all":
        pages = [page for page in pages if page.split == args.split]
    pages = pages[: args.limit] if args.limit is not None else pages
    runs, stats = run_dataset(dataset, pages, settings)
    inputs = {run.condition: run for run in runs if run.as_is}
    rows = order_figures(
        figure for run in runs
        for figure in score_run(run, pages, dataset, None if run.as_is else inputs.get(run.condition))
    )
    if args.dump:
        write_dump(args.dump, dataset, pages, runs)
    for condition, before, _ in dump_pairs(runs) if args.report else ():
        from declutter.report import report_texts

        report_texts(args.report / f"{dataset}-{condition}.html",
                     [(p.page_id, o.text, p.gold) for p, o in zip(pages, before.outcomes)
                      if o.error is None], title=f"declutter on {dataset}, {condition} text",
                     profile=settings.profile, disable=settings.disable)
    return DatasetReport(rows, stats, problems)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; return the process exit status."""
    args = parse_args(argv)
    started = time.perf_counter()
    data_dir = resolve_data_dir()
    datasets = [
        name
        for name in selected(args.dataset, tuple(DATASET_DIRS))
        if (data_dir / DATASET_DIRS[name]).is_dir()
    ]
    if not datasets:
        print(f"skipped: no evaluation data at {data_dir} (set {DATA_ENV} to its directory)")
        return 0
    with contextlib.ExitStack() as stack:
        pool = stack.enter_context(ProcessPoolExecutor(args.jobs)) if args.jobs > 1 else None
        settings = Settings(
            conditions=selected(args.condition, CONDITIONS),
            profile=args.profile,
            disable=tuple(n for n in args.disable.split(",") if n),
            identity=args.identity,
            check_stable=args.stability,
            cache=ExtractionCache(None if args.no_cache else CACHE_DIR, tool_versions()),
            pool=pool,
        )
        reports = [evaluate_dataset(name, data_dir, args, settings) for name in datasets]
    wall = time.perf_counter() - started
    rows = [row for report in reports for row in report.rows]
    stats = [item for report in reports for item in report.stats]
    problems = [problem for report in reports for problem in report.problems]
    for problem in problems:
        log(f"warning: {problem}")
    print(markdown_table(rows))
    print(f"\nseconds: summed per-page time of the row's step (extraction for the as-is rows, "
          f"declutter for the others); total wall time {wall:.1f} s with {args.jobs} process(es)")
    if args.json:
        write_json(args.json, args, data_dir, rows, stats, problems, wall)
    return 0


if __name__ == "__main__":
    sys.exit(main())
