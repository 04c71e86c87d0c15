"""The headroom script: leading lines and the line oracle, on a dump it can read."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import headroom  # noqa: E402

ARTICLE = ("The city council voted on Tuesday to expand the bus network to the northern "
           "suburbs, adding four new routes that will run every ten minutes at peak hours.")
TITLE = "Council expands the bus network"
MENU = "Home News Sport Weather Contact"


def write_dump(root: Path, output: str) -> Path:
    folder = root / "aeb" / "traf"
    folder.mkdir(parents=True)
    (folder / "p1.input.txt").write_text(f"{MENU}\n{TITLE}\n{ARTICLE}\n", encoding="utf-8")
    (folder / "p1.output.txt").write_text(output, encoding="utf-8")
    (folder / "p1.gold.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "scores.tsv").write_text("id\tpage_type\np1\tarticle\n", encoding="utf-8")
    return folder


def test_leading_lines_and_oracle_separate_convention_from_noise(tmp_path: Path) -> None:
    folder = write_dump(tmp_path, f"{TITLE}\n{ARTICLE}\n")
    scores = headroom.score_folder(headroom.read_folder(folder))["all"]
    assert scores["as is"].precision < scores["declutter"].precision < 1.0
    assert scores["without leading lines"].f1 == 1.0
    assert scores["line oracle"].f1 == 1.0


def test_an_output_with_no_gold_line_keeps_nothing_without_its_leading_lines(
        tmp_path: Path) -> None:
    folder = write_dump(tmp_path, f"{TITLE}\n{MENU}\n")
    page = headroom.read_folder(folder)[0]
    assert headroom.without_leading_lines(page.output_text, page.gold) == ""


def test_main_prints_a_row_per_folder_and_fails_on_an_empty_directory(
        tmp_path: Path, capsys) -> None:
    write_dump(tmp_path / "dump", f"{TITLE}\n{ARTICLE}\n")
    assert headroom.main([str(tmp_path / "dump")]) == 0
    rows = [line for line in capsys.readouterr().out.splitlines() if line.startswith("| aeb")]
    assert len(rows) == 1 and "| traf |" in rows[0]
    assert headroom.main([str(tmp_path / "empty")]) == 2
    assert "no dump folders" in capsys.readouterr().err
