#!/usr/bin/env python3
"""What each rule's removals are worth on real pages: a ledger of content lost and
noise removed, per rule, per split and per input condition.

Every page of the evaluation data (``benchmarks/quality.py``'s loaders and extraction
cache) is run through :func:`declutter.explain` (``raw``: the whole page's text from
html-text; ``traf``: trafilatura's extraction) or :func:`declutter.explain_html`
(``html``: the page's HTML). Each removed non-blank line is put on the account of the
rule its segment names (``segment.rule``), and its text is measured against the page's
gold text with the benchmark's own unit, the 4-token shingle
(:mod:`declutter.evaluation`: ``\\w+`` tokens, case kept).

The measure, for one page:

* A removed line of 4 tokens or more brings its own shingles (those inside the line;
  shingles that straddle two lines are not counted). A shingle is **content** when the
  gold text still has a copy of it that the output lacks, and **noise** otherwise: the
  page's gold shingles, less those already in the output, are a budget that the removed
  lines draw on in their order. So removing the second copy of a gold sentence counts as
  noise removed, as the metric (which matches shingles with multiplicity) sees it.
* A removed line of 1 to 3 tokens counts as one shingle (as the metric counts a text that
  short) and is content when its normalised text occurs in the normalised gold text.
  Normalised: its ``\\w+`` tokens, case kept, joined by single spaces; the match must
  start and end at token boundaries. These short lines draw on no budget, so a short
  line repeated on the page counts as content each time if the gold holds it once.

Per rule, summed over the pages of a dataset, split and condition: the lines it removed,
the pages it touched, the content shingles it lost and the noise shingles it removed,
the **noise share** (noise / (noise + content): the precision of its removals) and its
share of all the content lost there.

The **F1 effect** of a rule is the mean page F1 (shingle F1 of each page, averaged) of
the output less the mean page F1 of the output with that rule's removed lines put back
in their places (no rerun: the same explanation, the lines re-inserted in the original
order); pages the rule did not touch count with a change of 0. A positive effect means
the rule's removals help. It ignores interactions: without the rule, other rules (and the
learned line model, which weighs the rules' labels and the neighbouring decisions) would
decide differently, and lines removed by two rules are on the account of the one named
on the segment only. ``bench F1 effect`` is the same difference on the benchmark's own
figure (the harmonic mean of the mean precision and the mean recall,
``quality.py``'s F1). The row ``all removals`` puts every removed line back: the output
against the input.

Rules are listed by F1 effect, highest first (then by noise less content). On the
``validate`` split the command prints and writes only these sums per rule: never a page,
a line or a per-page figure. Pages whose text could not be produced are counted, not named.

Examples::

    python benchmarks/rule_ledger.py --split tune --condition raw --limit 20
    python benchmarks/rule_ledger.py --split tune --json benchmarks/out/ledger-tune.json
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import time
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import quality  # noqa: E402  (the data loaders and extraction cache)

import declutter  # noqa: E402
from declutter.evaluation import (  # noqa: E402
    score_shingle_counts, shingle_counts, shingles, tokenize,
)
from declutter.result import REMOVED, Explanation  # noqa: E402

#: The shingle size of the benchmark's metric.
SHINGLE_SIZE = 4
CONDITIONS = ("raw", "traf", "html")
#: The cached extraction each text condition starts from (``html`` reads the HTML).
TEXT_SOURCES: Mapping[str, str] = MappingProxyType({"raw": "raw", "traf": "traf"})
DATASETS = tuple(quality.DATASET_DIRS)
#: A rule is listed as harmful when its F1 effect is below this...
HARMFUL_F1_EFFECT = 0.0
#: ...or when less than this share of the shingles it removes is noise.
HARMFUL_NOISE_SHARE = 0.5
#: The label of the row that puts every removed line back.
ALL_REMOVALS = "all removals"
DEFAULT_JOBS = 2
#: Decimals of the F1 effects in the table (a rule's effect is often under 0.001).
EFFECT_DIGITS = 5
#: Pages handed to a worker process at a time.
CHUNK_SIZE = 4

Counts = tuple[float, float, float]
#: One line of a page: its text, and the rule that removed it (``None``: kept).
Line = tuple[str, "str | None"]


# ---------------------------------------------------------------------------
# One page


@dataclass
class RuleTally:
    """What one rule removed, summed over lines (and, once aggregated, over pages)."""

    lines: int = 0
    content: int = 0
    noise: int = 0
    pages: int = 0
    categories: Counter[str] = field(default_factory=Counter)

    def add(self, other: RuleTally) -> None:
        """Add ``other``'s figures to these."""
        self.lines += other.lines
        self.content += other.content
        self.noise += other.noise
        self.pages += other.pages
        self.categories.update(other.categories)


@dataclass(frozen=True)
class PageLedger:
    """One page's removals by rule, and its shingle counts with each rule's lines put back.

    ``output`` and ``original`` are the page's normalised ``(tp, fp, fn)`` for the output
    and the input; ``restored[rule]`` those of the output with ``rule``'s lines put back.
    """

    tallies: Mapping[str, RuleTally]
    output: Counts
    original: Counts
    restored: Mapping[str, Counts]


def normalised(text: str) -> str:
    """Return ``text``'s tokens joined by single spaces (case kept)."""
    return " ".join(tokenize(text))


def short_line_is_content(line: str, gold_normalised: str) -> bool:
    """Tell whether a line of under 4 tokens occurs, at token boundaries, in the gold."""
    return f" {normalised(line)} " in f" {gold_normalised} "


def line_shingles(line: str, budget: Counter[tuple[str, ...]],
                  gold_normalised: str) -> tuple[int, int]:
    """Return a removed line's ``(content, noise)`` shingles, drawing content from ``budget``.

    ``budget`` holds the gold shingles the output lacks; a line of 4 tokens or more uses
    up the copies it matches. A shorter line is one shingle, content when its text
    occurs in the gold (:func:`short_line_is_content`).
    """
    tokens = tokenize(line)
    if not tokens:
        return 0, 0
    if len(tokens) < SHINGLE_SIZE:
        return (1, 0) if short_line_is_content(line, gold_normalised) else (0, 1)
    content = noise = 0
    for shingle, count in shingles(line, SHINGLE_SIZE).items():
        matched = min(count, budget[shingle])
        budget[shingle] -= matched
        content += matched
        noise += count - matched
    return content, noise


def joined(lines: Sequence[Line], restored: str | None = None) -> str:
    """The kept lines, with those removed by ``restored`` put back, in their order."""
    return "\n".join(text for text, rule in lines if rule is None or rule == restored)


def ledger_of_lines(lines: Sequence[Line], gold: str,
                    categories: Mapping[int, str] | None = None) -> PageLedger:
    """Build a page's ledger from its lines in order (kept lines carry ``None``).

    :param categories: the category of the removal of line ``index`` (optional).
    """
    output = joined(lines)
    budget = shingles(gold, SHINGLE_SIZE) - shingles(output, SHINGLE_SIZE)
    gold_normalised = normalised(gold)
    tallies: dict[str, RuleTally] = {}
    for index, (text, rule) in enumerate(lines):
        if rule is None or not text.strip():
            continue
        tally = tallies.setdefault(rule, RuleTally(pages=1))
        content, noise = line_shingles(text, budget, gold_normalised)
        tally.lines += 1
        tally.content += content
        tally.noise += noise
        if categories and index in categories:
            tally.categories[categories[index]] += 1
    original = "\n".join(text for text, _ in lines)
    return PageLedger(
        tallies=tallies,
        output=shingle_counts(output, gold, SHINGLE_SIZE),
        original=shingle_counts(original, gold, SHINGLE_SIZE),
        restored={rule: shingle_counts(joined(lines, rule), gold, SHINGLE_SIZE)
                  for rule in tallies},
    )


def explanation_lines(explanation: Explanation) -> tuple[list[Line], dict[int, str]]:
    """The lines of an explanation as :data:`Line` entries, and the removals' categories.

    Kept lines carry ``None``; blank lines dropped after a removal are left out.
    """
    lines: list[Line] = []
    categories: dict[int, str] = {}
    for segment in explanation.segments:
        if segment.kept:
            lines.append((explanation.line(segment), None))
        elif segment.verdict == REMOVED and segment.rule is not None:
            if segment.category is not None:
                categories[len(lines)] = segment.category
            lines.append((explanation.line(segment), segment.rule))
    return lines, categories


def page_ledger(explanation: Explanation, gold: str) -> PageLedger:
    """Build the ledger of one explained page against its gold text."""
    lines, categories = explanation_lines(explanation)
    return ledger_of_lines(lines, gold, categories)


def ledger_task(task: tuple[str, str, str]) -> PageLedger | str:
    """Worker: explain one page and return its ledger, or the error's type name.

    ``task`` is ``(condition, text or HTML path, gold)``.
    """
    condition, source, gold = task
    try:
        if condition == "html":
            explanation = declutter.explain_html(quality.read_html(Path(source)))
        else:
            explanation = declutter.explain(source)
        return page_ledger(explanation, gold)
    except Exception as exc:  # noqa: BLE001 - a failing page must not stop the run
        return type(exc).__name__


# ---------------------------------------------------------------------------
# Aggregating pages


def page_f1(counts: Counts) -> float:
    """One page's shingle F1 (as the quality benchmark takes it)."""
    return quality.page_f1(counts)


def mean_page_f1(counts: Iterable[Counts]) -> float:
    """The mean of the pages' F1."""
    values = [page_f1(item) for item in counts]
    return sum(values) / len(values) if values else 0.0


def bench_f1(counts: Iterable[Counts]) -> float:
    """The benchmark's F1: the harmonic mean of the mean precision and mean recall."""
    return score_shingle_counts(counts).f1


@dataclass(frozen=True)
class RuleRow:
    """One rule's line of the ledger of a dataset, split and condition."""

    rule: str
    category: str
    lines: int
    pages: int
    content: int
    noise: int
    noise_share: float | None
    content_loss_share: float | None
    f1_effect: float
    bench_f1_effect: float

    @property
    def harmful(self) -> bool:
        """Whether the removals cost more than they bring, by either measure."""
        return self.f1_effect < HARMFUL_F1_EFFECT or (
            self.noise_share is not None and self.noise_share < HARMFUL_NOISE_SHARE)


@dataclass(frozen=True)
class GroupLedger:
    """The ledger of one dataset, split and condition: sums over its pages only."""

    dataset: str
    split: str
    condition: str
    pages: int
    failed: int
    f1_input: float
    f1_output: float
    bench_f1_input: float
    bench_f1_output: float
    rules: tuple[RuleRow, ...]
    total: RuleRow


def share(part: int, whole: int) -> float | None:
    """``part / whole``, or ``None`` when ``whole`` is 0."""
    return part / whole if whole else None


def rule_row(rule: str, tally: RuleTally, content_total: int, f1_effect: float,
             bench_effect: float) -> RuleRow:
    """Turn a rule's summed tally and effects into its ledger line."""
    category = tally.categories.most_common(1)[0][0] if tally.categories else ""
    return RuleRow(rule, category, tally.lines, tally.pages, tally.content, tally.noise,
                   share(tally.noise, tally.noise + tally.content),
                   share(tally.content, content_total), f1_effect, bench_effect)


def net_order(row: RuleRow) -> tuple[float, int, str]:
    """Sort key: highest F1 effect first, then most noise less content, then name."""
    return -row.f1_effect, row.content - row.noise, row.rule


def group_ledger(key: tuple[str, str, str], ledgers: Sequence[PageLedger],
                 failed: int) -> GroupLedger:
    """Sum the page ledgers of one dataset, split and condition into its rule lines."""
    dataset, split, condition = key
    tallies: dict[str, RuleTally] = {}
    for ledger in ledgers:
        for rule, tally in ledger.tallies.items():
            tallies.setdefault(rule, RuleTally()).add(tally)
    outputs = [ledger.output for ledger in ledgers]
    originals = [ledger.original for ledger in ledgers]
    f1_output, bench_output = mean_page_f1(outputs), bench_f1(outputs)
    content_total = sum(tally.content for tally in tallies.values())
    rows = []
    for rule, tally in tallies.items():
        restored = [ledger.restored.get(rule, ledger.output) for ledger in ledgers]
        rows.append(rule_row(rule, tally, content_total, f1_output - mean_page_f1(restored),
                             bench_output - bench_f1(restored)))
    everything = RuleTally()
    for tally in tallies.values():
        everything.add(tally)
    everything.pages = sum(bool(ledger.tallies) for ledger in ledgers)
    everything.categories = Counter()
    f1_input, bench_input = mean_page_f1(originals), bench_f1(originals)
    total = rule_row(ALL_REMOVALS, everything, content_total, f1_output - f1_input,
                     bench_output - bench_input)
    return GroupLedger(dataset, split, condition, len(ledgers), failed, f1_input, f1_output,
                       bench_input, bench_output, tuple(sorted(rows, key=net_order)), total)


# ---------------------------------------------------------------------------
# Running the pages


@dataclass(frozen=True)
class Job:
    """The pages of one dataset and split, and how to reach the pool and the cache."""

    dataset: str
    split: str
    pages: tuple[quality.Page, ...]


def page_tasks(job: Job, condition: str, settings: quality.Settings
               ) -> tuple[list[tuple[str, str, str]], int]:
    """The worker tasks of one condition, and how many pages have no input text."""
    if condition == "html":
        return [(condition, str(page.html_path), page.gold) for page in job.pages], 0
    texts = quality.extract_pages(job.dataset, list(job.pages), TEXT_SOURCES[condition],
                                  settings)[0]
    tasks = [(condition, text.text, page.gold)
             for page, text in zip(job.pages, texts) if text.error is None]
    return tasks, len(job.pages) - len(tasks)


def run_condition(job: Job, condition: str, settings: quality.Settings) -> GroupLedger:
    """Explain every page of ``job`` in one condition and sum its ledger."""
    tasks, missing = page_tasks(job, condition, settings)
    if settings.pool is None:
        results = [ledger_task(task) for task in tasks]
    else:
        results = list(settings.pool.map(ledger_task, tasks, chunksize=CHUNK_SIZE))
    ledgers = [result for result in results if isinstance(result, PageLedger)]
    errors = Counter(result for result in results if isinstance(result, str))
    if errors or missing:
        quality.log(f"warning: {job.dataset} {job.split} {condition}: {missing} page(s) "
                    f"without text, explain failed on {sum(errors.values())} "
                    f"({', '.join(sorted(errors)) or 'no error'})")
    quality.log(f"{job.dataset} {job.split} {condition}: {len(ledgers)} pages explained")
    return group_ledger((job.dataset, job.split, condition), ledgers,
                        missing + sum(errors.values()))


def load_jobs(data_dir: Path, datasets: Sequence[str], splits: Sequence[str],
              limit: int | None) -> list[Job]:
    """The pages of each selected dataset and split (the first ``limit`` of each)."""
    jobs = []
    for dataset in datasets:
        folder = data_dir / quality.DATASET_DIRS[dataset]
        if not folder.is_dir():
            quality.log(f"warning: {dataset}: no data at {folder}")
            continue
        pages, problems = quality.LOADERS[dataset](folder)
        if problems:
            quality.log(f"warning: {dataset}: {len(problems)} page(s) not loaded")
        for split in splits:
            chosen = tuple(page for page in pages if page.split == split)[:limit]
            if chosen:
                jobs.append(Job(dataset, split, chosen))
    return jobs


# ---------------------------------------------------------------------------
# Reporting


TABLE_HEADER = ("rule", "category", "lines", "pages", "content lost", "noise removed",
                "noise share", "share of loss", "F1 effect", "bench F1 effect")


def number(value: float | None, digits: int = 3) -> str:
    """Format a figure for the table (blank when there is none)."""
    return "" if value is None else f"{value:.{digits}f}"


def table_cells(row: RuleRow, bold: bool = False) -> list[str]:
    """The markdown cells of one rule's line."""
    name = f"**{row.rule}**" if bold else row.rule
    return [name, row.category, str(row.lines), str(row.pages), str(row.content),
            str(row.noise), number(row.noise_share), number(row.content_loss_share),
            number(row.f1_effect, EFFECT_DIGITS), number(row.bench_f1_effect, EFFECT_DIGITS)]


def markdown_group(group: GroupLedger) -> str:
    """One dataset, split and condition's ledger as a heading and a markdown table."""
    lines = [f"### {group.dataset} {group.split} {group.condition}: {group.pages} pages"
             f" ({group.failed} failed); mean page F1 {group.f1_input:.3f} -> "
             f"{group.f1_output:.3f}, bench F1 {group.bench_f1_input:.3f} -> "
             f"{group.bench_f1_output:.3f}", ""]
    lines.append("| " + " | ".join(TABLE_HEADER) + " |")
    lines.append("|---|---|" + "---:|" * (len(TABLE_HEADER) - 2))
    lines.extend("| " + " | ".join(table_cells(row)) + " |" for row in group.rules)
    lines.append("| " + " | ".join(table_cells(group.total, bold=True)) + " |")
    harmful = [row.rule for row in group.rules if row.harmful]
    summed = sum(row.f1_effect for row in group.rules)
    lines.append("")
    lines.append(f"sum of the rules' F1 effects {summed:.4f}, all removals put back at once "
                 f"{group.total.f1_effect:.4f} (they differ where several rules remove lines "
                 "of one page: F1 does not add up over them)")
    lines.append(f"net harmful (F1 effect < {HARMFUL_F1_EFFECT:g} or noise share < "
                 f"{HARMFUL_NOISE_SHARE:g}): {', '.join(harmful) or 'none'}")
    return "\n".join(lines)


def group_json(group: GroupLedger) -> dict[str, Any]:
    """A JSON-ready mapping of one group's ledger (sums per rule only)."""
    data = asdict(group)
    data["rules"] = [{**asdict(row), "harmful": row.harmful} for row in group.rules]
    data["total"] = asdict(group.total)
    return data


def write_json(path: Path, args: argparse.Namespace, groups: Sequence[GroupLedger],
               wall: float) -> None:
    """Write the settings and every group's ledger to ``path``."""
    payload = {
        "settings": {key: str(value) if isinstance(value, Path) else value
                     for key, value in vars(args).items()},
        "versions": quality.tool_versions(),
        "declutter": declutter.__version__ if hasattr(declutter, "__version__") else "",
        "rules": list(declutter.rule_names()),
        "groups": [group_json(group) for group in groups],
        "wall_seconds": wall,
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


# ---------------------------------------------------------------------------
# Command line


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Parse the command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=(*quality.SPLITS, "all"), default="tune",
                        help="the WCXB split (AEB is tune data); default: %(default)s")
    parser.add_argument("--condition", choices=(*CONDITIONS, "all"), default="all",
                        help="raw: whole-page text; traf: trafilatura's text; "
                        "html: declutter.explain_html on the HTML")
    parser.add_argument("--dataset", choices=(*DATASETS, "all"), default="all")
    parser.add_argument("--jobs", type=int, default=DEFAULT_JOBS, metavar="N",
                        help="worker processes (default: %(default)s)")
    parser.add_argument("--limit", type=int, metavar="N",
                        help="only the first N pages (by id) of each dataset and split")
    parser.add_argument("--json", type=Path, metavar="FILE", help="write the ledgers to FILE")
    args = parser.parse_args(argv)
    quality.check_counts(parser, args)
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ledger; return the process exit status."""
    args = parse_args(argv)
    started = time.perf_counter()
    data_dir = quality.resolve_data_dir()
    jobs = load_jobs(data_dir, quality.selected(args.dataset, DATASETS),
                     quality.selected(args.split, quality.SPLITS), args.limit)
    if not jobs:
        print(f"skipped: no evaluation data at {data_dir} (set {quality.DATA_ENV})")
        return 0
    conditions = quality.selected(args.condition, CONDITIONS)
    with contextlib.ExitStack() as stack:
        pool = stack.enter_context(ProcessPoolExecutor(args.jobs)) if args.jobs > 1 else None
        settings = quality.Settings(
            conditions=tuple(TEXT_SOURCES[c] for c in conditions if c in TEXT_SOURCES),
            profile=None, identity=False, pool=pool,
            cache=quality.ExtractionCache(quality.CACHE_DIR, quality.tool_versions()))
        groups = [run_condition(job, condition, settings)
                  for job in jobs for condition in conditions]
    wall = time.perf_counter() - started
    print("\n\n".join(markdown_group(group) for group in groups))
    print(f"\nF1 effect: mean page F1 of the output less that with the rule's lines put back "
          f"(no rerun; interactions ignored). Wall time {wall:.1f} s, {args.jobs} process(es).")
    if args.json:
        write_json(args.json, args, groups, wall)
    return 0


if __name__ == "__main__":
    sys.exit(main())
