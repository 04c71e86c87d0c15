"""Speed of declutter's core: latency, throughput, scaling, adversarial input, peers.

Run (not part of the default test run, which only collects ``tests/``)::

    python3 -m pytest benchmarks/bench_core.py --benchmark-only
    python3 -m pytest benchmarks/bench_core.py --benchmark-only --benchmark-json out.json

The corpus is the raw page text of the 181 AEB pages (``html_text.extract_text(html,
guess_layout=True)``, cached by ``benchmarks/quality.py``'s loader), or a generated corpus
when the evaluation data is absent (``DECLUTTER_BENCH_CORPUS=generated`` forces it). Big
inputs run a few rounds through ``benchmark.pedantic``; the figures are medians. A summary
with the issue's targets is printed at the end (see ``conftest.py``); ``docs/performance.md``
explains the figures.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from statistics import median

import pytest

import corpus
import declutter

REPO_ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted(path for path in (REPO_ROOT / "seeds").glob("seed-*.txt")
               if not path.name.endswith(".expected.txt"))
SCALING_SIZES = {"10KB": 10 * corpus.KB, "100KB": 100 * corpus.KB, "1MB": corpus.MB,
                 "10MB": 10 * corpus.MB}
#: Rounds of the corpus-sized benchmarks (1-2 MB a round) and of the big ones (5-10 MB of
#: text, or trafilatura on 31 MB of HTML); the figures are medians over them.
CORPUS_ROUNDS = 3
BIG_ROUNDS = 1
TRAFILATURA_ROUNDS = 2
#: Inputs larger than this (characters) are not cleaned a second time for the untimed
#: details (passes, abstentions) of the adversarial table.
DETAILS_CHARS_MAX = 2 * corpus.MB


def clean_all(texts: list[str]) -> list[str]:
    return [declutter.clean(text) for text in texts]


@pytest.fixture(scope="session", autouse=True)
def warm() -> None:
    """Load lexicons, stoplists and compiled patterns before anything is timed."""
    for path in SEEDS:
        declutter.clean(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def scaling_text(page_corpus: corpus.Corpus) -> str:
    """10 MB of realistic page text: the corpus pages, cycled, one after another."""
    return corpus.sized_document(page_corpus.texts, SCALING_SIZES["10MB"])


def run_details(text: str) -> dict[str, object]:
    """Passes and abstentions of one clean (untimed, through the engine's own run)."""
    try:
        from declutter.config import Config
        from declutter.engine import run

        outcome = run(text, Config.from_options(None))
        return {"passes": outcome.passes,
                "abstentions": ", ".join(a.rule for a in outcome.abstentions)}
    except Exception as exc:  # noqa: BLE001 - internals may change; the timing stays valid
        return {"details_error": f"{type(exc).__name__}: {exc}"}


# ---------------------------------------------------------------------------
# Per-document latency


@pytest.mark.parametrize("path", SEEDS, ids=[path.stem for path in SEEDS])
def test_seed_latency(benchmark, perf_log, cpu_timer, path: Path) -> None:
    benchmark.group = "seed latency"
    text = path.read_text(encoding="utf-8")
    result = benchmark(cpu_timer.wrap(declutter.clean), text)
    assert isinstance(result, str)
    perf_log.record(benchmark, "seed", path.stem, corpus.megabytes(text), 1, cpu=cpu_timer,
                    chars=len(text))


def test_call_overhead(benchmark, perf_log, cpu_timer) -> None:
    """The fixed cost of one call: a one-sentence text, where nearly all the time is
    per-call setup (options, rules, lexicon, language) rather than per-line work."""
    benchmark.group = "seed latency"
    text = "One sentence of plain text, nothing to remove.\n"
    result = benchmark(cpu_timer.wrap(declutter.clean), text)
    assert result == text
    perf_log.record(benchmark, "seed", "one sentence (call overhead)", corpus.megabytes(text), 1,
                    cpu=cpu_timer, chars=len(text))


# ---------------------------------------------------------------------------
# Corpus throughput, declutter and peers on the same pages


def test_throughput_declutter(benchmark, perf_log, cpu_timer, page_corpus: corpus.Corpus) -> None:
    benchmark.group = "throughput"
    texts = page_corpus.texts
    result = benchmark.pedantic(cpu_timer.wrap(clean_all), args=(texts,), rounds=CORPUS_ROUNDS,
                                iterations=1)
    assert len(result) == len(texts)
    removed = 1 - corpus.megabytes(result) / page_corpus.megabytes
    perf_log.record(benchmark, "throughput", "declutter.clean", page_corpus.megabytes, len(texts),
                    cpu=cpu_timer, input=f"{page_corpus.name} text", removed_share=round(removed, 4))


def test_throughput_c4_filter(benchmark, perf_log, cpu_timer, page_corpus: corpus.Corpus) -> None:
    """datatrove's C4 filter in line-removal mode: only its line filters, no document drops."""
    pytest.importorskip("datatrove")
    from datatrove.data import Document
    from datatrove.pipeline.filters.c4_filters import C4QualityFilter

    c4 = C4QualityFilter(min_num_sentences=-1, filter_lorem_ipsum=False,
                         filter_curly_bracket=False)
    texts = page_corpus.texts

    def fresh_documents():  # filter() rewrites doc.text, so every round gets new documents
        return ([Document(text=text, id=str(index)) for index, text in enumerate(texts)],), {}

    def filter_all(documents):
        return [c4.filter(document) for document in documents]

    benchmark.group = "throughput"
    verdicts = benchmark.pedantic(cpu_timer.wrap(filter_all), setup=fresh_documents, rounds=5, iterations=1)
    assert all(verdict is True for verdict in verdicts)  # line removal only, no page dropped
    perf_log.record(benchmark, "throughput", "datatrove C4QualityFilter",
                    page_corpus.megabytes, len(texts), cpu=cpu_timer,
                    input=f"{page_corpus.name} text")


def test_throughput_trafilatura(benchmark, perf_log, cpu_timer, page_corpus: corpus.Corpus) -> None:
    """trafilatura.extract on the HTML of the same pages (only with the AEB data)."""
    trafilatura = pytest.importorskip("trafilatura")
    if not page_corpus.html_paths:
        pytest.skip("no HTML: the generated corpus is plain text")
    htmls = [corpus.quality.read_html(path) for path in page_corpus.html_paths]
    trafilatura.extract(htmls[0])  # imports and caches outside the timing

    def extract_all(pages):
        return [trafilatura.extract(html) for html in pages]

    benchmark.group = "throughput"
    result = benchmark.pedantic(cpu_timer.wrap(extract_all), args=(htmls,), rounds=TRAFILATURA_ROUNDS, iterations=1)
    assert len(result) == len(htmls)
    perf_log.record(benchmark, "throughput", "trafilatura.extract (HTML)",
                    corpus.megabytes(htmls), len(htmls), cpu=cpu_timer, input="the pages' HTML")


def test_langid_share(benchmark, perf_log, cpu_timer, page_corpus: corpus.Corpus) -> None:
    """detect_language alone on the texts clean() gets (clean calls it once per text)."""
    from declutter.langid import detect_language

    texts = page_corpus.texts

    def detect_all(documents):
        return [detect_language(text) for text in documents]

    benchmark.group = "langid"
    result = benchmark.pedantic(cpu_timer.wrap(detect_all), args=(texts,), rounds=CORPUS_ROUNDS, iterations=1)
    methods = dict(Counter(method for _, method in result))
    perf_log.record(benchmark, "langid", "detect_language", page_corpus.megabytes, len(texts),
                    cpu=cpu_timer, methods=methods)


# ---------------------------------------------------------------------------
# Scaling


@pytest.mark.parametrize("label", list(SCALING_SIZES))
def test_scaling(benchmark, perf_log, cpu_timer, scaling_text: str, label: str) -> None:
    """Documents of one size cut from the same text: 1 MB of it for the sizes up to 1 MB
    (100 documents of 10 KB, 10 of 100 KB, one of 1 MB), all of it for 10 MB."""
    size = SCALING_SIZES[label]
    source = scaling_text if size > corpus.MB else corpus.sized_document([scaling_text], corpus.MB)
    documents = corpus.split_documents(source, size)
    benchmark.group = "scaling"
    rounds = BIG_ROUNDS if size > corpus.MB else CORPUS_ROUNDS
    result = benchmark.pedantic(cpu_timer.wrap(clean_all), args=(documents,), rounds=rounds, iterations=1)
    assert len(result) == len(documents)
    perf_log.record(benchmark, "scaling", label, corpus.megabytes(documents), len(documents),
                    cpu=cpu_timer)


# ---------------------------------------------------------------------------
# Adversarial input

ADVERSARIAL = corpus.adversarial_inputs()


@pytest.mark.parametrize("name", list(ADVERSARIAL))
def test_adversarial(benchmark, perf_log, cpu_timer, name: str) -> None:
    text = ADVERSARIAL[name]
    benchmark.group = "adversarial"
    rounds = BIG_ROUNDS if len(text) > 2 * corpus.MB else CORPUS_ROUNDS
    result = benchmark.pedantic(cpu_timer.wrap(declutter.clean), args=(text,), rounds=rounds, iterations=1)
    assert isinstance(result, str) and len(result) <= len(text)
    details = run_details(text) if len(text) <= DETAILS_CHARS_MAX else {}
    perf_log.record(benchmark, "adversarial", name, corpus.megabytes(text), 1, cpu=cpu_timer,
                    output_chars=len(result), lines=text.count("\n"), **details)


# ---------------------------------------------------------------------------
# Import time

_IMPORT = ("import time; start = time.perf_counter(); import declutter; "
           "print(time.perf_counter() - start)")


def test_import_time(benchmark, perf_log) -> None:
    """``import declutter`` in a fresh interpreter: the benchmark times the whole process;
    the in-process import time (what the target is about) is printed by the child."""
    in_process: list[float] = []

    def import_once():
        done = subprocess.run([sys.executable, "-c", _IMPORT], check=True, capture_output=True,
                              text=True)
        in_process.append(float(done.stdout.strip().splitlines()[-1]))

    bare = []
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        bare.append(time.perf_counter() - start)
    benchmark.group = "import"
    benchmark.pedantic(import_once, rounds=7, iterations=1, warmup_rounds=1)
    perf_log.record(benchmark, "import", "import declutter",
                    import_seconds=round(median(in_process), 4),
                    bare_interpreter_seconds=round(median(bare), 4))
