#!/usr/bin/env python3
"""How much of the quality gap a line filter could still close, and how much of it is the
gold's convention rather than noise.

Reads the folders that ``quality.py --dump DIR`` writes and prints one markdown row per
dataset, page type and condition, with the shingle P / R / F1 of:

- ``as is``: the input text;
- ``declutter``: declutter's output;
- ``without leading lines``: declutter's output without the lines that come before the
  first line of the gold article (titles, standfirsts and datelines that a gold such as
  AEB's ``articleBody`` leaves out, and whatever noise stands there);
- ``line oracle``: the input lines that the gold holds, and only those, which is the best
  any filter that keeps or drops whole lines can do.

A line is in the gold by the same test the line model is trained on
(``train_line_model.targets``): at least half of its word 4-grams occur in the gold text.
For the ``html`` condition the input is trafilatura's text; ``clean_html`` extracts forum
threads its own way, so its output there can score above that input's line oracle.

Example::

    python3 benchmarks/quality.py --dataset all --condition all --dump /tmp/dump
    python3 benchmarks/headroom.py /tmp/dump
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from train_line_model import targets  # noqa: E402

from declutter.evaluation import Counts, ShingleScore, score_shingle_counts, shingle_counts  # noqa: E402

#: The variants scored for each folder, in column order.
VARIANTS = ("as is", "declutter", "without leading lines", "line oracle")


@dataclass(frozen=True)
class DumpedPage:
    """One page of a dump folder: its type and the three texts."""

    page_type: str
    input_text: str
    output_text: str
    gold: str


def read_folder(folder: Path) -> list[DumpedPage]:
    """The pages of one ``DIR/<dataset>/<condition>`` folder, in ``scores.tsv`` order."""
    with (folder / "scores.tsv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return [
        DumpedPage(
            row["page_type"],
            (folder / f"{row['id']}.input.txt").read_text(encoding="utf-8"),
            (folder / f"{row['id']}.output.txt").read_text(encoding="utf-8"),
            (folder / f"{row['id']}.gold.txt").read_text(encoding="utf-8"),
        )
        for row in rows
    ]


def non_blank(text: str) -> list[str]:
    """The non-blank lines of ``text``."""
    return [line for line in text.split("\n") if line.strip()]


def in_gold(lines: Sequence[str], gold: str) -> list[bool]:
    """Whether each line belongs to the gold article."""
    labels, _ = targets(lines, gold)
    return [label == 0 for label in labels]


def without_leading_lines(output: str, gold: str) -> str:
    """``output`` without its lines before the first one the gold holds."""
    lines = non_blank(output)
    flags = in_gold(lines, gold)
    first = flags.index(True) if True in flags else len(lines)
    return "\n".join(lines[first:])


def line_oracle(text: str, gold: str) -> str:
    """The lines of ``text`` that the gold holds."""
    lines = non_blank(text)
    return "\n".join(line for line, kept in zip(lines, in_gold(lines, gold)) if kept)


def variant_counts(page: DumpedPage) -> dict[str, Counts]:
    """The shingle counts of each of :data:`VARIANTS` for one page."""
    texts = {
        "as is": page.input_text,
        "declutter": page.output_text,
        "without leading lines": without_leading_lines(page.output_text, page.gold),
        "line oracle": line_oracle(page.input_text, page.gold),
    }
    return {name: shingle_counts(texts[name], page.gold) for name in VARIANTS}


def score_folder(pages: Sequence[DumpedPage]) -> dict[str, dict[str, ShingleScore]]:
    """Page type (and ``all``) -> variant -> score."""
    counts = [(page.page_type, variant_counts(page)) for page in pages]
    types = sorted({page_type for page_type, _ in counts})
    groups = ["all"] + (types if len(types) > 1 else [])
    return {
        group: {
            name: score_shingle_counts(c[name] for t, c in counts if group in ("all", t))
            for name in VARIANTS
        }
        for group in groups
    }


def folders(dump: Path) -> Iterator[tuple[str, str, Path]]:
    """``(dataset, condition, folder)`` for every dumped folder, sorted."""
    for scores in sorted(dump.glob("*/*/scores.tsv")):
        yield scores.parent.parent.name, scores.parent.name, scores.parent


def cell(score: ShingleScore) -> str:
    return f"{score.f1:.3f} ({score.precision:.3f} / {score.recall:.3f})"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dump", type=Path, help="a directory written by quality.py --dump")
    args = parser.parse_args(argv)
    found = list(folders(args.dump))
    if not found:
        print(f"headroom: no dump folders (DATASET/CONDITION/scores.tsv) under {args.dump}",
              file=sys.stderr)
        return 2
    print("| dataset | page type | condition | "
          + " | ".join(f"{name}: F1 (P / R)" for name in VARIANTS) + " |")
    print("|---|---|---|" + "---|" * len(VARIANTS))
    for dataset, condition, folder in found:
        for group, scores in score_folder(read_folder(folder)).items():
            print(f"| {dataset} | {group} | {condition} | "
                  + " | ".join(cell(scores[name]) for name in VARIANTS) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
