#!/usr/bin/env python3
"""Train the page-chrome line model and measure it on pages it was not trained on.

Each page of the evaluation data (see ``docs/quality.md``) is turned into text (``raw``:
the whole page; ``traf``: trafilatura's extraction) and run through declutter with the
packaged model replaced by a recorder, which keeps each whole-page line's features
(:mod:`declutter.line_features`) exactly as the model sees them. A line's target is
whether it is outside the gold article: fewer than half of its word 4-grams (for a
short line: its words, in order) occur in the gold text. Lines are weighted by their
4-grams, normalised per page, as the benchmark's metric weighs them.

Examples::

    # the held-out figures: train on one dataset, score the other, both ways
    python benchmarks/train_line_model.py --holdout
    # within-distribution figures: 5-fold cross-validation over both datasets, by site
    python benchmarks/train_line_model.py --folds 5
    # the packaged model: train on both datasets
    python benchmarks/train_line_model.py --out src/declutter/data/models/page_chrome.json

Needs the ``train`` extra (``pip install '.[train]'``: LightGBM and html-text).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Iterator

sys.path.insert(0, str(Path(__file__).resolve().parent))
import quality  # noqa: E402  (the data loaders and extraction cache)

import declutter  # noqa: E402
from declutter import Config  # noqa: E402
from declutter.evaluation import score_shingles, tokenize  # noqa: E402
from declutter.line_features import FEATURE_NAMES, line_features  # noqa: E402
from declutter.rules import DEFAULT_RULES, line_model  # noqa: E402
from declutter.trees import Tree, TreeEnsemble  # noqa: E402

#: A line is article when at least this share of its 4-grams is in the gold text.
ARTICLE_SHARE_MIN = 0.5
#: The training settings; small trees keep the model fast in pure Python.
LIGHTGBM_PARAMETERS: dict[str, Any] = {
    "objective": "binary", "learning_rate": 0.1, "num_leaves": 8,
    "min_data_in_leaf": 50, "feature_fraction": 0.8, "bagging_fraction": 0.8,
    "bagging_freq": 1, "lambda_l2": 1.0, "verbose": -1, "seed": 1,
    "deterministic": True, "num_threads": 1,
}
ROUNDS = 100
#: The rules the registry runs after the line model (they read its labels). Features are
#: recorded without them, as the model sees the page, and a candidate model is scored
#: with them after it, as the packaged model runs.
_MODEL_POSITION = [rule.name for rule in DEFAULT_RULES].index(line_model.RULE.name)
LATER_RULES = DEFAULT_RULES[_MODEL_POSITION + 1:]
WITHOUT_MODEL = frozenset({line_model.RULE.name, *(rule.name for rule in LATER_RULES)})
CONDITIONS = ("raw", "traf")
DATASETS = ("aeb", "wcxb")


@dataclass(eq=False)
class FeatureRecorder:
    """A rule that records the first pass's line features instead of labelling."""

    pages: list = field(default_factory=list)
    name: str = "feature_recorder"
    uses_prior: bool = True
    category: Any = None
    description: str = "records line features for training"

    def scan(self, ctx) -> Iterator:
        if ctx.whole_page and not self.pages:
            order, vectors = line_features(ctx)
            scored = {i for i in order if line_model.is_candidate(ctx, i)}
            self.pages.append([(ctx.doc.lines[i], v, i in scored)
                               for i, v in zip(order, vectors)])
        return iter(())


@dataclass
class Sample:
    """One page's candidate lines: vectors, targets and weights."""

    dataset: str
    condition: str
    page_type: str
    page_id: str
    vectors: list[list[float]]
    targets: list[int]
    weights: list[float]


def tokens(text: str) -> list[str]:
    """The metric's tokens of ``text``, case-folded for the alignment with the gold."""
    return tokenize(text.casefold())


def targets(lines: Sequence[str], gold: str) -> tuple[list[int], list[float]]:
    """Per line: 1 when it is outside the gold article, and its weight."""
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


def collect(dataset: str, condition: str, pages, texts) -> list[Sample]:
    """The training samples of one dataset and condition."""
    samples = []
    for page, outcome in zip(pages, texts):
        if outcome.error is not None or not page.gold:
            continue
        recorder = FeatureRecorder()
        declutter.clean(outcome.text, config=Config(disable=WITHOUT_MODEL, rules=(recorder,)))
        if not recorder.pages:
            continue
        rows = recorder.pages[0]
        labels, weights = targets([line for line, _, _ in rows], page.gold)
        keep = [i for i, (_, _, scored) in enumerate(rows) if scored]
        samples.append(Sample(dataset, condition, page.page_type, page.page_id,
                              [rows[i][1] for i in keep], [labels[i] for i in keep],
                              [weights[i] for i in keep]))
    return samples


def train(samples: Sequence[Sample]) -> TreeEnsemble:
    """Fit the ensemble on ``samples`` and convert it to declutter's format."""
    import lightgbm
    import numpy

    vectors = [v for s in samples for v in s.vectors]
    labels = [t for s in samples for t in s.targets]
    weights = numpy.array([w for s in samples for w in s.weights])
    data = lightgbm.Dataset(numpy.array(vectors), numpy.array(labels),
                            weight=weights / weights.mean(), feature_name=list(FEATURE_NAMES))
    booster = lightgbm.train(LIGHTGBM_PARAMETERS, data, num_boost_round=ROUNDS)
    model = convert(booster.dump_model())
    check = booster.predict(numpy.array(vectors[:2000]))
    drift = max(abs(model.probability(v) - p) for v, p in zip(vectors, check))
    if drift > 1e-6:
        raise SystemExit(f"converted model differs from LightGBM's by {drift}")
    return model


def convert(dump: dict[str, Any]) -> TreeEnsemble:
    """LightGBM's JSON dump -> a :class:`TreeEnsemble` (nodes renumbered in preorder)."""
    if dump.get("feature_names") != list(FEATURE_NAMES):
        raise SystemExit("LightGBM's feature names differ from declutter's")
    trees = []
    for info in dump["tree_info"]:
        feature: list[int] = []
        threshold: list[float] = []
        left: list[int] = []
        right: list[int] = []
        leaf: list[float] = []

        def walk(node: dict[str, Any]) -> int:
            if "leaf_value" in node:
                leaf.append(float(node["leaf_value"]))
                return ~(len(leaf) - 1)
            if node.get("decision_type", "<=") != "<=":
                raise SystemExit(f"unsupported split {node['decision_type']}")
            position = len(feature)
            feature.append(int(node["split_feature"]))
            threshold.append(float(node["threshold"]))
            left.append(0)
            right.append(0)
            left[position] = walk(node["left_child"])
            right[position] = walk(node["right_child"])
            return position

        walk(info["tree_structure"])
        trees.append(Tree(tuple(feature), tuple(threshold), tuple(left), tuple(right),
                          tuple(leaf)))
    return TreeEnsemble(tuple(FEATURE_NAMES), 0.0, tuple(trees))


def load_texts(data_dir: Path, dataset: str):
    """Pages of ``dataset`` and their extracted texts per condition (cached)."""
    pages, _ = quality.LOADERS[dataset](data_dir / quality.DATASET_DIRS[dataset])
    settings = quality.Settings(
        conditions=CONDITIONS, profile=None, identity=False,
        cache=quality.ExtractionCache(quality.CACHE_DIR, quality.tool_versions()), pool=None)
    texts = {kind: quality.extract_pages(dataset, pages, kind, settings)[0] for kind in CONDITIONS}
    return pages, texts


def evaluate(model: TreeEnsemble | Callable[[Any], TreeEnsemble], pages, texts) -> list[str]:
    """Markdown rows: rules alone vs rules + ``model``, per condition and page type.

    ``model`` may be a function of the page, giving each page the model of its fold.
    """
    choose = model if callable(model) else (lambda page: model)
    configs: dict[int, Config] = {}

    def with_model(page) -> Config:
        chosen = choose(page)
        if id(chosen) not in configs:
            candidate = line_model.LineModelRule(model=chosen, name="line_model_candidate")
            later = tuple(replace(rule, name=f"{rule.name}_after_candidate")
                          for rule in LATER_RULES)
            configs[id(chosen)] = Config(disable=WITHOUT_MODEL, rules=(candidate, *later))
        return configs[id(chosen)]

    without = Config(disable={"line_model"})
    rows = []
    for condition in CONDITIONS:
        for page_type in sorted({p.page_type for p in pages}):
            chosen = [(p, t) for p, t in zip(pages, texts[condition])
                      if p.page_type == page_type and t.error is None]
            before = score_shingles((declutter.clean(t.text, config=without), p.gold)
                                    for p, t in chosen)
            after = score_shingles((declutter.clean(t.text, config=with_model(p)), p.gold)
                                   for p, t in chosen)
            rows.append(f"| {pages[0].dataset} | {page_type} | {condition} | {len(chosen)} "
                        f"| {before.precision:.3f} | {before.recall:.3f} | {before.f1:.3f} "
                        f"| {after.precision:.3f} | {after.recall:.3f} | {after.f1:.3f} |")
    return rows


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
    """The cross-validation fold of a site: a stable hash of its name (never Python's
    salted ``hash``), so that folds are the same in every run."""
    return zlib.crc32(site.encode("utf-8")) % folds


def cross_validate(loaded, samples: dict[str, list[Sample]], folds: int) -> list[str]:
    """Markdown rows: each page scored by a model trained on the pages of both datasets
    whose sites fall in the other folds (a site's pages share one fold, so no model
    sees the templates of the site it scores)."""
    sites = {(page.dataset, page.page_id): site_of(page)
             for name in DATASETS for page in loaded[name][0]}
    fold = {key: fold_of(site, folds) for key, site in sites.items()}
    everything = [s for name in DATASETS for s in samples[name]]
    models = [train([s for s in everything if fold[(s.dataset, s.page_id)] != k])
              for k in range(folds)]
    rows = []
    for name in DATASETS:
        pages, texts = loaded[name]
        rows.extend(evaluate(lambda page: models[fold[(page.dataset, page.page_id)]],
                             pages, texts))
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, help="write the model trained on every dataset here")
    parser.add_argument("--holdout", action="store_true",
                        help="train on each dataset, score the other one")
    parser.add_argument("--folds", type=int, metavar="K",
                        help="K-fold cross-validation over the pages of both datasets, by site")
    args = parser.parse_args(argv)
    if not args.out and not args.holdout and not args.folds:
        parser.error("nothing to do: give --out, --holdout and/or --folds")
    if args.folds is not None and args.folds < 2:
        parser.error("--folds needs at least 2 folds")
    data_dir = quality.resolve_data_dir()
    if not data_dir.is_dir():
        print(f"no evaluation data at {data_dir} (set ${quality.DATA_ENV})", file=sys.stderr)
        return 0
    loaded = {name: load_texts(data_dir, name) for name in DATASETS}
    samples = {
        name: [s for condition in CONDITIONS
               for s in collect(name, condition, pages, texts[condition])]
        for name, (pages, texts) in loaded.items()
    }
    for name, found in samples.items():
        print(f"{name}: {len(found)} whole-page texts, "
              f"{sum(len(s.targets) for s in found)} lines scored", file=sys.stderr)
    if args.holdout:
        print("| scored on | pages | condition | n | P rules | R rules | F1 rules "
              "| P + model | R + model | F1 + model |")
        print("|---|---|---|---|---|---|---|---|---|---|")
        for held_out in DATASETS:
            model = train([s for name in DATASETS if name != held_out for s in samples[name]])
            pages, texts = loaded[held_out]
            print("\n".join(evaluate(model, pages, texts)), flush=True)
    if args.folds:
        print(f"\n{args.folds}-fold cross-validation over both datasets, by site:\n")
        print("| scored on | pages | condition | n | P rules | R rules | F1 rules "
              "| P + model | R + model | F1 + model |")
        print("|---|---|---|---|---|---|---|---|---|---|")
        print("\n".join(cross_validate(loaded, samples, args.folds)), flush=True)
    if args.out:
        model = train([s for name in DATASETS for s in samples[name]])
        args.out.write_text(json.dumps(model.to_dict(), separators=(",", ":")) + "\n",
                            encoding="utf-8")
        print(f"wrote {args.out}: {len(model.trees)} trees", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
