#!/usr/bin/env python3
"""Train the learned line decision and measure it on sites it was not trained on.

Only tune data is read: the AEB pages and the WCXB development pages of the ``tune``
split (``wcxb-dev/splits.json``); validate pages are never opened here. Each page is
turned into text (``raw``: the whole page; ``traf``: trafilatura's extraction) and run
through declutter with the packaged decision replaced by a recorder, which keeps every
non-blank line's features (:mod:`declutter.line_features`) exactly as the decision sees
them: the rules' labels, the line's shape and place, the page's make-up. A line's target
is whether it is outside the gold content: fewer than half of its word 4-grams (for a
short line: its words, in order) occur in the gold text. Lines are weighted by their
4-grams, normalised per page, as the benchmark's metric weighs them.

Examples::

    # leave-site-out figures: K folds by site, per condition and page type
    python benchmarks/train_line_model.py --folds 5
    # the packaged model: train on all tune pages
    python benchmarks/train_line_model.py --out src/declutter/data/models

Needs the ``train`` extra (``pip install '.[train]'``: LightGBM and html-text).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import zlib
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import quality  # noqa: E402  (the data loaders and extraction cache)

import declutter  # noqa: E402
from declutter import Config  # noqa: E402
from declutter.evaluation import score_shingle_counts, shingle_counts, tokenize  # noqa: E402
from declutter.line_features import FEATURE_NAMES, line_features  # noqa: E402
from declutter.rules.line_model import Weighing, evidence_of  # noqa: E402
from declutter.page_kind import PAGE_FEATURE_NAMES, page_vector  # noqa: E402

#: Where the page-kind probability sits in a line's vector.
PAGE_ARTICLE = FEATURE_NAMES.index("page_article")
#: The page-kind model's settings (a few hundred pages: small trees).
PAGE_PARAMETERS: dict[str, Any] = {
    "objective": "binary", "learning_rate": 0.1, "num_leaves": 6, "min_data_in_leaf": 15,
    "feature_fraction": 0.8, "bagging_fraction": 0.8, "bagging_freq": 1, "lambda_l2": 1.0,
    "verbose": -1, "seed": 1, "deterministic": True, "num_threads": 1,
}
PAGE_ROUNDS = 80
from declutter.trees import Tree, TreeEnsemble  # noqa: E402

#: A line is content when at least this share of its 4-grams is in the gold text.
ARTICLE_SHARE_MIN = 0.5
#: The training settings; small trees keep the model fast in pure Python.
LIGHTGBM_PARAMETERS: dict[str, Any] = {
    "objective": "binary", "learning_rate": 0.1, "num_leaves": 12,
    "min_data_in_leaf": 40, "feature_fraction": 0.8, "bagging_fraction": 0.8,
    "bagging_freq": 1, "lambda_l2": 1.0, "verbose": -1, "seed": 1,
    "deterministic": True, "num_threads": 1,
}
ROUNDS = 120
CONDITIONS = ("raw", "traf")
#: Folds by site for the page-kind probability the line decision is trained with.
STACK_FOLDS = 5
DATASETS = ("aeb", "wcxb")
#: The probabilities at which the cross-validated decision is scored.
THRESHOLDS = (0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75)


@dataclass(eq=False)
class FeatureRecorder:
    """A stand-in for the learned decision that records the first pass's features and
    removes nothing by itself."""

    pages: list = field(default_factory=list)
    name: str = "feature_recorder"
    weighs: bool = True
    whole_page_only: bool = False
    category: Any = None
    description: str = "records line features for training"

    def scan(self, ctx):
        return iter(())

    def weigh(self, ctx, marks) -> Weighing:
        if not self.pages:
            order, vectors = line_features(ctx, evidence=evidence_of(marks))
            self.pages.append(([(ctx.doc.lines[i], v) for i, v in zip(order, vectors)],
                               page_vector(ctx)))
        return Weighing({}, {})


@dataclass
class Sample:
    """One page's lines in one condition: texts, vectors, targets and weights."""

    dataset: str
    condition: str
    page_type: str
    page_id: str
    site: str
    lines: list[str]
    vectors: list[list[float]]
    targets: list[int]
    weights: list[float]
    gold: str
    text: str
    page: list[float]

    @property
    def article(self) -> int:
        """The page kind's target: 1 for an article."""
        return int(self.page_type == "article")

    def with_article(self, probability: float) -> None:
        """Set the page-kind feature of every line vector."""
        for vector in self.vectors:
            vector[PAGE_ARTICLE] = probability


def tokens(text: str) -> list[str]:
    """The metric's tokens of ``text``, case-folded for the alignment with the gold."""
    return tokenize(text.casefold())


def targets(lines: Sequence[str], gold: str) -> tuple[list[int], list[float]]:
    """Per line: 1 when it is outside the gold content, and its weight."""
    gold_tokens = tokens(gold)
    grams = {tuple(gold_tokens[i:i + 4]) for i in range(len(gold_tokens) - 3)}
    joined = f" {' '.join(gold_tokens)} "
    labels, weights = [], []
    for line in lines:
        words = tokens(line)
        if len(words) < 4:
            inside = bool(words) and f" {' '.join(words)} " in joined
        else:
            own = [tuple(words[i:i + 4]) for i in range(len(words) - 3)]
            inside = sum(g in grams for g in own) >= ARTICLE_SHARE_MIN * len(own)
        labels.append(0 if inside else 1)
        weights.append(float(max(1, len(words) - 3)))
    total = sum(weights) or 1.0
    return labels, [w / total for w in weights]


def record(task: tuple[str, str]):
    """Worker: the recorded lines and features of one text, and its page vector
    (``None`` when nothing ran)."""
    text, _ = task
    recorder = FeatureRecorder()
    declutter.clean(text, config=Config(disable={"line_model"}, rules=(recorder,)))
    return recorder.pages[0] if recorder.pages else None


#: The page's own address, from its canonical link or its Open Graph URL.
_PAGE_HOST = re.compile(
    r"""<link[^>]{0,200}?rel=["']?canonical["']?[^>]{0,200}?href=["']?https?://([^/"'\s>]+)"""
    r"""|<link[^>]{0,200}?href=["']?https?://([^/"'\s>]+)[^>]{0,200}?rel=["']?canonical"""
    r"""|property=["']og:url["'][^>]{0,100}?content=["']https?://([^/"'\s>]+)"""
    r"""|content=["']https?://([^/"'\s>]+)[^>]{0,100}?property=["']og:url""",
    re.IGNORECASE,
)
#: Second-level labels under which country domains register sites ('bbc.co.uk').
COUNTRY_SECOND_LEVELS = frozenset({"co", "com", "org", "net", "gov", "ac", "edu", "ne", "or"})


def site_of(page: quality.Page) -> str:
    """The site a page belongs to: the last two labels of its host ('cbslocal.com' for
    'detroit.cbslocal.com'; three under a country's second level, as in 'bbc.co.uk'),
    or the page's id when the HTML names no address."""
    found = _PAGE_HOST.search(quality.read_html(page.html_path))
    host = next((g for g in found.groups() if g), "") if found else ""
    labels = host.lower().split(":")[0].split(".")
    if len(labels) < 2:
        return f"{page.dataset}/{page.page_id}"
    country = len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in COUNTRY_SECOND_LEVELS
    return ".".join(labels[-3:] if country else labels[-2:])


def fold_of(site: str, folds: int) -> int:
    """The cross-validation fold of a site: a stable hash of its name."""
    return zlib.crc32(site.encode("utf-8")) % folds


def tune_pages(data_dir: Path, dataset: str) -> list[quality.Page]:
    """The tune pages of ``dataset`` (every AEB page; WCXB's ``tune`` split)."""
    pages, _ = quality.LOADERS[dataset](data_dir / quality.DATASET_DIRS[dataset])
    return [page for page in pages if page.split == "tune"]


def collect(data_dir: Path, jobs: int) -> list[Sample]:
    """Every tune page's samples in every condition."""
    cache = quality.ExtractionCache(quality.CACHE_DIR, quality.tool_versions())
    samples: list[Sample] = []
    with ProcessPoolExecutor(jobs) as pool:
        settings = quality.Settings(conditions=CONDITIONS, profile=None, identity=False,
                                    cache=cache, pool=pool)
        for dataset in DATASETS:
            pages = tune_pages(data_dir, dataset)
            sites = [site_of(page) for page in pages]
            for condition in CONDITIONS:
                texts = quality.extract_pages(dataset, pages, condition, settings)[0]
                usable = [i for i, t in enumerate(texts) if t.error is None and pages[i].gold]
                recorded = pool.map(record, [(texts[i].text, "") for i in usable], chunksize=8)
                for i, found in zip(usable, recorded):
                    if not found or not found[0]:
                        continue
                    rows, page = found
                    lines = [line for line, _ in rows]
                    labels, weights = targets(lines, pages[i].gold)
                    samples.append(Sample(dataset, condition, pages[i].page_type,
                                          pages[i].page_id, sites[i], lines,
                                          [v for _, v in rows], labels, weights,
                                          pages[i].gold, texts[i].text, page))
                print(f"{dataset} {condition}: {len(usable)} pages recorded", file=sys.stderr)
    return samples


def fit(samples: Sequence[Sample]):
    """Fit a LightGBM booster on ``samples``."""
    import lightgbm
    import numpy

    vectors = [v for s in samples for v in s.vectors]
    labels = [t for s in samples for t in s.targets]
    weights = numpy.array([w for s in samples for w in s.weights])
    data = lightgbm.Dataset(numpy.array(vectors), numpy.array(labels),
                            weight=weights / weights.mean(), feature_name=list(FEATURE_NAMES))
    return lightgbm.train(LIGHTGBM_PARAMETERS, data, num_boost_round=ROUNDS)


def fit_pages(samples: Sequence[Sample]):
    """Fit the page-kind booster (article or not) on ``samples``' page vectors."""
    import lightgbm
    import numpy

    data = lightgbm.Dataset(numpy.array([s.page for s in samples]),
                            numpy.array([s.article for s in samples]),
                            feature_name=list(PAGE_FEATURE_NAMES))
    return lightgbm.train(PAGE_PARAMETERS, data, num_boost_round=PAGE_ROUNDS)


def stack_page_kind(samples: Sequence[Sample], folds: int) -> None:
    """Give every sample's lines the page-kind probability of a model that did not see
    its site (K folds by site), as the packaged decision sees pages it never saw."""
    import numpy

    fold = [fold_of(s.site, folds) for s in samples]
    for k in range(folds):
        booster = fit_pages([s for s, f in zip(samples, fold) if f != k])
        held = [s for s, f in zip(samples, fold) if f == k]
        if held:
            for s, p in zip(held, booster.predict(numpy.array([s.page for s in held]))):
                s.with_article(float(p))


def train_pages(samples: Sequence[Sample]) -> TreeEnsemble:
    """The page-kind model on every sample, in declutter's format."""
    import numpy

    booster = fit_pages(samples)
    model = convert(booster.dump_model(), PAGE_FEATURE_NAMES)
    pages = [s.page for s in samples]
    drift = max(abs(model.probability(v) - p)
                for v, p in zip(pages, booster.predict(numpy.array(pages))))
    if drift > 1e-6:
        raise SystemExit(f"converted page model differs from LightGBM's by {drift}")
    return model


def page_kind_accuracy(samples: Sequence[Sample]) -> str:
    """How often the stacked page-kind probability names the page kind right."""
    right = sum((s.vectors[0][PAGE_ARTICLE] >= 0.5) == bool(s.article)
                for s in samples if s.vectors)
    return f"page kind (article or not) right on {right} of {len(samples)} texts, by site"


def train(samples: Sequence[Sample]) -> TreeEnsemble:
    """Fit the ensemble on ``samples`` and convert it to declutter's format."""
    import numpy

    vectors = [v for s in samples for v in s.vectors]
    booster = fit(samples)
    model = convert(booster.dump_model())
    check = booster.predict(numpy.array(vectors[:2000]))
    drift = max(abs(model.probability(v) - p) for v, p in zip(vectors, check))
    if drift > 1e-6:
        raise SystemExit(f"converted model differs from LightGBM's by {drift}")
    return model


def convert(dump: dict[str, Any], names: Sequence[str] = FEATURE_NAMES) -> TreeEnsemble:
    """LightGBM's JSON dump -> a :class:`TreeEnsemble` (nodes renumbered in preorder,
    each split node's mean output kept for the reasons)."""
    if dump.get("feature_names") != list(names):
        raise SystemExit("LightGBM's feature names differ from declutter's")
    trees = []
    for info in dump["tree_info"]:
        feature: list[int] = []
        threshold: list[float] = []
        left: list[int] = []
        right: list[int] = []
        leaf: list[float] = []
        value: list[float] = []

        def walk(node: dict[str, Any]) -> int:
            if "leaf_value" in node:
                leaf.append(float(node["leaf_value"]))
                return ~(len(leaf) - 1)
            if node.get("decision_type", "<=") != "<=":
                raise SystemExit(f"unsupported split {node['decision_type']}")
            position = len(feature)
            feature.append(int(node["split_feature"]))
            threshold.append(float(node["threshold"]))
            value.append(float(node["internal_value"]))
            left.append(0)
            right.append(0)
            left[position] = walk(node["left_child"])
            right[position] = walk(node["right_child"])
            return position

        walk(info["tree_structure"])
        trees.append(Tree(tuple(feature), tuple(threshold), tuple(left), tuple(right),
                          tuple(leaf), tuple(value)))
    return TreeEnsemble(tuple(names), 0.0, tuple(trees))


def kept_text(sample: Sample, probabilities: Sequence[float], threshold: float) -> str:
    """The page as the decision would leave it at ``threshold`` (one pass)."""
    return "\n".join(line for line, p in zip(sample.lines, probabilities) if p < threshold)


def score_table(samples: Sequence[Sample], probabilities: dict[int, list[float]]) -> list[str]:
    """Markdown rows: as is and after the decision at each threshold, per condition and
    page type, with the pages made better and worse by more than 0.01 F1."""
    rows = []
    for condition in CONDITIONS:
        chosen = [s for s in samples if s.condition == condition]
        for page_type in [*sorted({s.page_type for s in chosen}), "all"]:
            group = [s for s in chosen if page_type in ("all", s.page_type)]
            before = [shingle_counts(s.text, s.gold) for s in group]
            cells = [condition, page_type, str(len(group)),
                     f"{score_shingle_counts(before).f1:.3f}"]
            for threshold in THRESHOLDS:
                after = [shingle_counts(kept_text(s, probabilities[id(s)], threshold), s.gold)
                         for s in group]
                deltas = [quality.page_f1(a) - quality.page_f1(b) for a, b in zip(after, before)]
                cells.append(f"{score_shingle_counts(after).f1:.3f} "
                             f"(+{sum(d > 0.01 for d in deltas)}/-{sum(d < -0.01 for d in deltas)})")
            rows.append("| " + " | ".join(cells) + " |")
    return rows


def cross_validate(samples: Sequence[Sample], folds: int) -> list[str]:
    """Each page scored by a model trained on the sites of the other folds."""
    import numpy

    fold = {id(s): fold_of(s.site, folds) for s in samples}
    probabilities: dict[int, list[float]] = {}
    for k in range(folds):
        booster = fit([s for s in samples if fold[id(s)] != k])
        for s in samples:
            if fold[id(s)] == k:
                probabilities[id(s)] = list(booster.predict(numpy.array(s.vectors)))
    return score_table(samples, probabilities)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, metavar="DIR",
                        help="write the two models trained on every tune page into DIR "
                        "(line_decision.json, page_kind.json)")
    parser.add_argument("--folds", type=int, metavar="K",
                        help="K-fold cross-validation over the tune pages, by site")
    parser.add_argument("--jobs", type=int, default=2, metavar="N")
    args = parser.parse_args(argv)
    if not args.out and not args.folds:
        parser.error("nothing to do: give --out and/or --folds")
    if args.folds is not None and args.folds < 2:
        parser.error("--folds needs at least 2 folds")
    data_dir = quality.resolve_data_dir()
    if not data_dir.is_dir():
        print(f"no evaluation data at {data_dir} (set ${quality.DATA_ENV})", file=sys.stderr)
        return 0
    samples = collect(data_dir, args.jobs)
    print(f"{len(samples)} texts, {sum(len(s.targets) for s in samples)} lines", file=sys.stderr)
    stack_page_kind(samples, STACK_FOLDS)
    print(page_kind_accuracy(samples))
    if args.folds:
        print(f"\n{args.folds}-fold cross-validation over the tune pages, by site "
              "(F1 at each threshold; pages better/worse by more than 0.01):\n")
        print("| condition | page type | n | as is | "
              + " | ".join(f"p≥{t}" for t in THRESHOLDS) + " |")
        print("|---|---|---|---|" + "---|" * len(THRESHOLDS))
        print("\n".join(cross_validate(samples, args.folds)), flush=True)
    if args.out:
        for name, model in (("line_decision.json", train(samples)),
                            ("page_kind.json", train_pages(samples))):
            path = args.out / name
            path.write_text(json.dumps(model.to_dict(), separators=(",", ":")) + "\n",
                            encoding="utf-8")
            print(f"wrote {path}: {len(model.trees)} trees", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
