"""The line-model training script's cross-validation folds: by site, stable across runs."""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import quality  # noqa: E402
import train_line_model as training  # noqa: E402


def page_with(tmp_path: Path, page_id: str, head: str) -> quality.Page:
    path = tmp_path / f"{page_id}.html.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write(f"<html><head>{head}</head><body><p>Text.</p></body></html>")
    return quality.Page("aeb", page_id, path, "Text.", "article")


@pytest.mark.parametrize("head,site", [
    ('<link rel="canonical" href="https://detroit.cbslocal.com/2019/11/19/story/">',
     "cbslocal.com"),
    ('<link href="https://www.bbc.co.uk/news/x" rel="canonical">', "bbc.co.uk"),
    ('<meta property="og:url" content="https://Example.org:443/a">', "example.org"),
    ('<meta content="https://news.example.com/a" property="og:url">', "example.com"),
    ('<link rel="canonical" href="https://edition.cnn.com/2019/x">', "cnn.com"),
    ('<link rel="canonical" href="https://www.abc.net.au/news/x">', "abc.net.au"),
    ("<title>No address</title>", "aeb/p1"),
])
def test_site_of_reads_the_page_address(tmp_path: Path, head: str, site: str) -> None:
    assert training.site_of(page_with(tmp_path, "p1", head)) == site


def test_folds_are_stable_and_spread_sites() -> None:
    sites = [f"site{n}.com" for n in range(200)]
    folds = [training.fold_of(site, 5) for site in sites]
    assert folds == [training.fold_of(site, 5) for site in sites]
    assert set(folds) == set(range(5))
    assert min(folds.count(k) for k in range(5)) >= 20
