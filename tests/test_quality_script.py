"""The quality benchmark script: skips without data, scores a tiny synthetic dataset."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "benchmarks" / "quality.py"
ARTICLE = ("The council voted on Tuesday to expand the bus network, a decision that officials "
           "said would cut travel times for thousands of commuters by next spring. Critics "
           "argued that the plan was too expensive, but the mayor called the vote a turning point.")
SECOND = ("The first new routes are expected to open in March, and the council will review the "
          "results after a year before deciding whether to extend the programme further.")
PAGE = f"""<html><head><title>Buses</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Council expands bus network</h1><p>{ARTICLE}</p><p>{SECOND}</p>
<p>Advertisement</p><p>Share this article</p></article>
<footer>© 2024 Example Media. All rights reserved.</footer></body></html>"""


def run(*args: str, data: Path) -> subprocess.CompletedProcess[str]:
    env = {"DECLUTTER_EVAL_DATA": str(data), "PATH": "/usr/bin:/bin"}
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True,
                          env=env, timeout=300, check=False)


def test_skips_cleanly_without_data(tmp_path):
    done = run("--dataset", "aeb", data=tmp_path / "nowhere")
    assert done.returncode == 0
    assert "skipped: no evaluation data" in done.stdout


def test_scores_a_tiny_dataset(tmp_path):
    (tmp_path / "aeb" / "html").mkdir(parents=True)
    with gzip.open(tmp_path / "aeb" / "html" / "page1.html.gz", "wt", encoding="utf-8") as f:
        f.write(PAGE)
    truth = {"page1": {"articleBody": f"{ARTICLE}\n\n{SECOND}", "url": "https://example.com"}}
    (tmp_path / "aeb" / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")
    done = run("--dataset", "aeb", "--condition", "traf", "--no-cache", "--jobs", "1",
               data=tmp_path)
    assert done.returncode == 0, done.stderr
    rows = [line for line in done.stdout.splitlines() if line.startswith("| aeb")]
    as_is = next(line for line in rows if "traf as is" in line).split("|")
    cleaned = next(line for line in rows if "traf + declutter" in line).split("|")
    assert float(cleaned[6]) > 0.9  # recall: the article's text is kept
    assert float(cleaned[5]) > float(as_is[5])  # precision: 'Advertisement', 'Share...' go
