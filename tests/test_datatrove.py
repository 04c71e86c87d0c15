"""The datatrove step ``declutter.integrations.datatrove.DeclutterFormatter``.

Expected texts and counts come from :func:`declutter.clean` / :func:`declutter.explain` on
the same documents, so these tests check the datatrove plumbing, not the rules.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

import declutter

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED_TEXTS = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("seed-00[0-4].txt"))]
#: A document with nothing but boilerplate: cleaning leaves nothing.
ALL_NOISE = "Advertisement\nShare this article\n"
SHARDS = 2


@pytest.fixture(scope="module")
def step_module():
    pytest.importorskip("datatrove")
    from declutter.integrations import datatrove as module

    return module


def test_importing_declutter_never_imports_datatrove():
    code = ("import sys, declutter, declutter.jsonl, declutter.integrations, declutter.cli; "
            "assert 'datatrove' not in sys.modules, 'datatrove imported'")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr


def _documents() -> list[dict]:
    docs = []
    for shard in range(SHARDS):
        docs += [{"id": f"{shard}-{i}", "text": text} for i, text in enumerate(SEED_TEXTS)]
        docs.append({"id": f"{shard}-noise", "text": ALL_NOISE})
    return docs


def _total(value) -> int:
    """datatrove saves a stat that only ever grew by 1 as a bare number."""
    return value if isinstance(value, int) else value["total"]


def _step_stats(stats_file: Path) -> dict:
    [entry] = [s for s in json.loads(stats_file.read_text()) if "declutter" in s["name"]]
    return {name: _total(value) for name, value in entry["stats"].items()}


def test_pipeline_on_local_executor_cleans_drops_and_counts(step_module, tmp_path):
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter

    docs = _documents()
    source = tmp_path / "in"
    source.mkdir()
    per_shard = len(docs) // SHARDS
    for shard in range(SHARDS):
        lines = docs[shard * per_shard:(shard + 1) * per_shard]
        (source / f"shard-{shard}.jsonl").write_text(
            "".join(json.dumps(d) + "\n" for d in lines), encoding="utf-8")
    executor = LocalPipelineExecutor(
        pipeline=[
            JsonlReader(str(source)),
            step_module.DeclutterFormatter(drop_empty=True, metadata_key="declutter"),
            JsonlWriter(str(tmp_path / "out"), compression=None),
        ],
        tasks=SHARDS, workers=2, logging_dir=str(tmp_path / "logs"), start_method="fork",
    )
    executor.run()

    written = [json.loads(line) for path in sorted((tmp_path / "out").glob("*.jsonl"))
               for line in path.read_text(encoding="utf-8").splitlines()]
    by_id = {d["id"]: d for d in written}
    kept = [d for d in docs if d["text"] != ALL_NOISE]
    assert sorted(by_id) == sorted(d["id"] for d in kept)  # the emptied documents dropped
    for doc in kept:
        expected = declutter.explain(doc["text"])
        assert by_id[doc["id"]]["text"] == expected.text
        assert by_id[doc["id"]]["metadata"]["declutter"] == expected.removed_by_category
    assert "Top Rated Comments" not in by_id["0-3"]["text"]

    lines, chars = Counter(), Counter()
    for doc in docs:
        for category, totals in declutter.explain(doc["text"]).removed_by_category.items():
            lines[category] += totals["lines"]
            chars[category] += totals["chars"]
    assert {"comments", "headline_list", "advertisement"} <= set(lines)
    stats = _step_stats(tmp_path / "logs" / "stats.json")
    assert stats["total"] == len(docs)
    assert stats["forwarded"] == len(kept)
    assert stats["dropped"] == stats["dropped_empty"] == SHARDS
    assert stats["removed_chars"] == sum(chars.values())
    for category in lines:
        assert stats[f"removed_lines/{category}"] == lines[category], category
        assert stats[f"removed_chars/{category}"] == chars[category], category
    for rank in range(SHARDS):  # one stats file per task, each with half the documents
        assert _step_stats(tmp_path / "logs" / "stats" / f"{rank:05d}.json")["total"] == per_shard


def test_options_reach_the_cleaner_and_empty_documents_stay_by_default(step_module):
    from datatrove.data import Document

    step = step_module.DeclutterFormatter(profile="precision", disable=["headline_list"])
    docs = [Document(text=SEED_TEXTS[0], id="a"), Document(text=ALL_NOISE, id="b"),
            Document(text="", id="c")]
    out = list(step.run(iter(docs)))
    assert [d.id for d in out] == ["a", "b", "c"]
    assert out[0].text == declutter.clean(SEED_TEXTS[0], profile="precision",
                                          disable=["headline_list"])
    assert out[0].text != declutter.clean(SEED_TEXTS[0])  # the options changed something
    assert out[1].text == "" and "declutter" not in out[0].metadata
    assert step.format(SEED_TEXTS[3]) == declutter.clean(SEED_TEXTS[3], profile="precision",
                                                         disable=["headline_list"])
    assert step.stats["total"].total == 3 and step.stats["forwarded"].total == 3


def test_config_and_validation(step_module):
    config = declutter.Config(profile="recall", lang="en")
    step = step_module.DeclutterFormatter(config=config, disable=["byline"])
    assert step.config == declutter.Config(profile="recall", lang="en", disable=["byline"])
    with pytest.raises(declutter.UnknownRuleError):
        step_module.DeclutterFormatter(disable=["no_such_rule"])
