"""Inputs for the speed benchmarks (``bench_core.py``, ``profile_core.py``).

* :func:`load_corpus`: the raw page text (``html_text.extract_text(html,
  guess_layout=True)``) of the 181 AEB pages, through the loader and extraction cache of
  ``quality.py``; without the evaluation data (or html-text), a generated corpus.
* :func:`generated_corpus`: deterministic page texts shaped like real ones: a menu, a
  breadcrumb, a title, a byline and dateline, article paragraphs, share prompts and
  advertisement markers, a headline list, a comment thread and a footer.
* :func:`sized_document` / :func:`split_documents`: documents of a given size cut from
  realistic page text, at line boundaries (for the scaling benchmark).
* :func:`adversarial_inputs`: inputs built to hit worst cases (huge lines, separator
  runs, many tiny lines, a huge comment thread).

Sizes are in characters; throughput is reported in MB of UTF-8 input (1 MB = 10**6 bytes),
see :func:`megabytes`. Everything here is deterministic.
"""

from __future__ import annotations

import os
import random
import sys
from dataclasses import dataclass, field
from itertools import cycle
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
if str(BENCH_DIR) not in sys.path:
    sys.path.insert(0, str(BENCH_DIR))

import quality  # noqa: E402  (the loaders and extraction cache of the quality benchmark)

#: Set to ``generated`` to use the generated corpus even when the data is present.
CORPUS_ENV = "DECLUTTER_BENCH_CORPUS"
#: Pages in the generated corpus (as many as AEB has).
GENERATED_PAGES = 181
KB = 1_000
MB = 1_000_000


def megabytes(texts: str | list[str]) -> float:
    """Size of ``texts`` in MB of UTF-8 (10**6 bytes)."""
    if isinstance(texts, str):
        texts = [texts]
    return sum(len(text.encode("utf-8")) for text in texts) / MB


# ---------------------------------------------------------------------------
# The corpus


@dataclass(frozen=True)
class Corpus:
    """Page texts to clean, and where they come from.

    :param name: ``aeb-raw`` or ``generated``.
    :param texts: one plain text per page.
    :param html_paths: the gzipped HTML of each page (empty for the generated corpus).
    :param note: why the generated corpus is used, if it is.
    """

    name: str
    texts: list[str]
    html_paths: list[Path] = field(default_factory=list)
    note: str = ""

    @property
    def megabytes(self) -> float:
        return megabytes(self.texts)


def load_corpus(limit: int | None = None) -> Corpus:
    """The AEB raw page texts (cached extraction), or the generated corpus without them."""
    if os.environ.get(CORPUS_ENV, "").strip().lower() == "generated":
        return Corpus("generated", generated_corpus(), note=f"{CORPUS_ENV}=generated")
    data_dir = quality.resolve_data_dir()
    aeb_dir = data_dir / quality.DATASET_DIRS["aeb"]
    missing = quality.tool_missing("raw")
    if not aeb_dir.is_dir() or missing:
        why = missing or f"no AEB data at {aeb_dir}"
        return Corpus("generated", generated_corpus(), note=why)
    pages, _ = quality.load_aeb(aeb_dir)
    pages = pages[:limit] if limit is not None else pages
    settings = quality.Settings(
        conditions=("raw",), profile=None, identity=True,
        cache=quality.ExtractionCache(quality.CACHE_DIR, quality.tool_versions()), pool=None,
    )
    outcomes, _ = quality.extract_pages("aeb", pages, "raw", settings)
    usable = [(page, outcome) for page, outcome in zip(pages, outcomes) if outcome.error is None]
    if not usable:
        return Corpus("generated", generated_corpus(), note="every AEB extraction failed")
    return Corpus(
        "aeb-raw",
        [outcome.text for _, outcome in usable],
        [page.html_path for page, _ in usable],
    )


# ---------------------------------------------------------------------------
# Generated page text

_FIRST = ("Anna", "Ben", "Carla", "David", "Elena", "Farid", "Grace", "Hugo", "Ines", "James",
          "Kofi", "Laura", "Mateo", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sam", "Tariq")
_LAST = ("Smith", "Okafor", "Novak", "Garcia", "Chen", "Müller", "Rossi", "Dubois", "Kowalski",
         "Silva", "Jensen", "Haddad", "Tanaka", "Brown", "Ivanova", "Costa")
_SECTIONS = ("News", "World", "Politics", "Business", "Tech", "Science", "Health", "Sports",
             "Culture", "Opinion", "Travel", "Food", "Video", "Podcasts", "Weather")
_SUBJECTS = ("The city council", "The company", "Researchers at the university",
             "The minister", "Local residents", "The new report", "Officials",
             "The team's coach", "Analysts", "The regional hospital", "Her lawyer",
             "The startup", "Most of the farmers", "The central bank", "Two witnesses")
_VERBS = ("said on Monday that", "warned that", "argued in a statement that",
          "confirmed last week that", "told reporters that", "have long believed that",
          "found in a survey that", "announced on Thursday that", "estimated that")
_CLAUSES = ("the plan would cost more than $4 million over the next five years",
            "the bridge will stay closed until the repairs are finished in the spring",
            "prices for basic food items had risen for the third month in a row",
            "the new rules could take effect as early as next year",
            "the number of visitors was higher than at any time since 2019",
            "there was no evidence that the system had been used by anyone else",
            "the project had been delayed by a shortage of trained workers",
            "it was too early to say whether the measures were working",
            "the vote would be held after the summer break, as planned",
            "a second study is needed before any of the results can be trusted",
            "the deal had been in the works for almost two years")
_TAILS = ("", "", "", " according to people familiar with the matter",
          " although several members of the board disagreed",
          " and that more details would follow in the coming weeks",
          " despite protests outside the building on Friday")
_HEADLINE_WORDS = ("Why", "Council", "Budget", "Plan", "Faces", "New", "Questions", "Over",
                   "Rising", "Costs", "How", "Startup", "Wins", "Big", "Contract", "Storm",
                   "Hits", "Coast", "Election", "Results", "Show", "Shift", "Local", "Team",
                   "Signs", "Star", "Striker", "Market", "Falls", "After", "Report", "Best",
                   "Phones", "Of", "The", "Year", "Tested", "Ranked", "Review", "Guide")
_COMMENT_TEXTS = ("Great article, thanks for sharing.",
                  "I don't agree with this at all. The numbers simply don't add up.",
                  "This is exactly what happened in our town last year and nobody listened.",
                  "Does anyone know when the next meeting is?",
                  "LOL good luck with that.",
                  "Interesting, but the headline is misleading.",
                  "We need more reporting like this. Keep it up!",
                  "Source? I could not find the report anywhere on their website.")
_COMMENT_META = ("Reply", "Like", "Report", "Share", "Reply ↓", "Flag")
_FOOTER = ("About Us", "Contact", "Careers", "Advertise", "Privacy Policy", "Terms of Use",
           "Cookie Settings", "Accessibility", "Sitemap", "Newsletters", "RSS")


def _name(rng: random.Random) -> str:
    return f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"


def _sentence(rng: random.Random) -> str:
    return f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_CLAUSES)}{rng.choice(_TAILS)}."


def _paragraph(rng: random.Random) -> str:
    return " ".join(_sentence(rng) for _ in range(rng.randint(2, 6)))


def _headline(rng: random.Random) -> str:
    words = rng.sample(_HEADLINE_WORDS, rng.randint(4, 9))
    return " ".join(words)


def _menu(rng: random.Random) -> list[str]:
    return rng.sample(_SECTIONS, rng.randint(6, len(_SECTIONS)))


def _comment(rng: random.Random) -> list[str]:
    lines = [f"{rng.choice(_FIRST).lower()}{rng.randint(1, 999)}",
             f"{rng.randint(1, 23)} hours ago",
             rng.choice(_COMMENT_TEXTS)]
    if rng.random() < 0.3:
        lines.append(rng.choice(_COMMENT_TEXTS))
    lines.append(" ".join(rng.sample(_COMMENT_META, rng.randint(1, 3))))
    if rng.random() < 0.5:
        lines.append(f"{rng.randint(0, 120)} likes")
    return lines


def comment_lines(rng: random.Random, comments: int) -> list[str]:
    """A comment thread: a heading, then ``comments`` comments (name, age, text, buttons)."""
    lines = [f"{comments} Comments", "Sort by: Newest", ""]
    for _ in range(comments):
        lines.extend(_comment(rng))
        lines.append("")
    lines.append("Load more comments")
    return lines


def generated_page(index: int, seed: int = 0) -> str:
    """One page's plain text, deterministic in ``(index, seed)``."""
    rng = random.Random(f"{seed}-{index}")
    site = f"The {rng.choice(('Daily', 'Evening', 'Weekly', 'Morning'))} {rng.choice(('Post', 'Herald', 'Chronicle', 'Courier'))}"
    section = rng.choice(_SECTIONS)
    title = _headline(rng)
    lines: list[str] = ["Skip to main content", site, "Menu", "", *_menu(rng), "",
                        "Subscribe", "Sign in", "", f"Home » {section} » {title}", "",
                        title, "", f"By {_name(rng)}", f"Updated {rng.randint(1, 28)} March 2024, "
                        f"{rng.randint(1, 12)}:{rng.randint(0, 59):02d} PM", "",
                        "Share on Facebook", "Share on Twitter", "Email", ""]
    paragraphs = rng.randint(4, 14)
    for number in range(paragraphs):
        lines.extend([_paragraph(rng), ""])
        if number == 2:
            lines.extend(["Advertisement", ""])
        if number == 4 and rng.random() < 0.5:
            lines.extend([f"Read more: {_headline(rng)}", ""])
    lines.extend([f"{_name(rng)} is a reporter covering {section.lower()}.", "",
                  "Sign up for our newsletter", "Get the top stories in your inbox every morning.",
                  "Subscribe", ""])
    lines.extend([rng.choice(("Related Stories", "More from " + site, "Trending", "Most Read")), ""])
    for _ in range(rng.randint(4, 8)):
        lines.extend([_headline(rng), f"{rng.randint(1, 59)} minutes ago"])
    lines.append("")
    if rng.random() < 0.7:
        lines.extend(comment_lines(rng, rng.randint(2, 12)))
        lines.append("")
    lines.extend([" | ".join(rng.sample(_FOOTER, 6)), *_menu(rng)[:5], "",
                  f"© {rng.randint(2015, 2024)} {site}. All rights reserved.",
                  "We use cookies to improve your experience. By continuing you accept our use of cookies.",
                  "Accept"])
    return "\n".join(lines) + "\n"


def generated_corpus(pages: int = GENERATED_PAGES, seed: int = 0) -> list[str]:
    """``pages`` generated page texts."""
    return [generated_page(index, seed) for index in range(pages)]


def comment_thread(size: int, seed: int = 0) -> str:
    """A comment thread of at least ``size`` characters, after a two-paragraph article."""
    rng = random.Random(f"thread-{seed}")
    lines = [_headline(rng), "", _paragraph(rng), "", _paragraph(rng), "",
             "1,234 Comments", "Sort by: Newest", ""]
    total = sum(len(line) + 1 for line in lines)
    while total < size:
        block = _comment(rng) + [""]
        lines.extend(block)
        total += sum(len(line) + 1 for line in block)
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------
# Documents of a given size


def _cut(text: str, size: int) -> str:
    """``text`` cut to at most ``size`` characters, at the last line break (kept)."""
    if len(text) <= size:
        return text
    end = text.rfind("\n", 0, size)
    return text[: end + 1] if end > 0 else text[:size]


def sized_document(texts: list[str], size: int) -> str:
    """The page texts joined (cycling when needed) and cut to about ``size`` characters."""
    pieces: list[str] = []
    total = 0
    for text in cycle(texts):
        pieces.append(text.rstrip("\n") + "\n\n")
        total += len(pieces[-1])
        if total >= size:
            break
    return _cut("".join(pieces), size)


def split_documents(text: str, size: int) -> list[str]:
    """``text`` cut into consecutive documents of about ``size`` characters (line-aligned)."""
    documents = []
    start = 0
    while start < len(text):
        end = start + size
        if end < len(text):
            cut = text.rfind("\n", start, end)
            end = cut + 1 if cut > start else end
        documents.append(text[start:end])
        start = end
    return documents


# ---------------------------------------------------------------------------
# Adversarial inputs

#: Words of the one-word-lines input: menu entries and ordinary words, mixed.
ONE_WORD_VOCABULARY = ("Home", "News", "Share", "the", "Comments", "Reply", "Menu", "Sports",
                       "house", "Login", "Subscribe", "and", "Advertisement", "river", "Next")


def adversarial_inputs(size: int = MB, seed: int = 0) -> dict[str, str]:
    """Name -> text of each adversarial input (the single lines hold ``size`` bytes of
    UTF-8, the comment thread ``5 * size`` characters)."""
    def line_of(unit: str) -> str:
        repeated = unit * (size // len(unit.encode("utf-8")) + 1)
        return repeated.encode("utf-8")[:size].decode("utf-8", errors="ignore") + "\n"

    words = [ONE_WORD_VOCABULARY[(i * 7 + i // 15) % len(ONE_WORD_VOCABULARY)]
             for i in range(100_000)]
    return {
        "spaces_1mb_line": line_of(" "),
        "guillemets_1mb_line": line_of("» "),
        "gt_1mb_line": line_of("> "),
        "repeated_word_1mb_line": line_of("share "),
        "one_letter_1mb_line": line_of("a"),
        "one_word_lines_100k": "\n".join(words) + "\n",
        "comment_thread_5mb": comment_thread(5 * size, seed),
    }
