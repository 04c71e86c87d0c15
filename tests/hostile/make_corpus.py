"""The hostile input corpus: files the command line must survive, with what to expect.

The corpus is generated, not committed: :func:`cases` builds every file in memory from
a fixed seed (the same bytes on every run), :func:`write_corpus` writes them into a
folder. The test suite writes it into a temporary folder; to look at it by hand::

    python3 tests/hostile/make_corpus.py /tmp/hostile

Each :class:`Case` says how the CLI must end on its file (exit code) and what its
standard output must be (see :data:`EXPECTATIONS`).
"""

from __future__ import annotations

import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

#: The seed of the generator: the corpus is the same bytes on every run.
DEFAULT_SEED = 20240611

#: What a case's standard output must be:
#: ``identical``: the input bytes, unchanged (nothing is noise);
#: ``empty``: nothing (everything is noise, or the input is empty);
#: ``lines``: a subsequence of the input's lines (some lines may go);
#: ``refused``: nothing, with one message naming the file on standard error.
EXPECTATIONS = ("identical", "empty", "lines", "refused")

#: Exit codes the CLI documents (see ``docs/cli.md``).
EXIT_OK, EXIT_DATA, EXIT_NO_INPUT = 0, 65, 66

#: One megabyte: the size of the long-line cases.
MEGABYTE = 1_000_000
#: Every line break :meth:`str.splitlines` knows.
LINE_BREAKS = ("\n", "\r\n", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85",
               "\u2028", "\u2029")
#: Control characters that are not line breaks (NUL excluded: it makes input binary).
CONTROL_CHARS = "".join(chr(c) for c in range(1, 32) if chr(c) not in "\n\r\x0b\x0c\x1c\x1d\x1e") \
    + "\x7f" + "".join(chr(c) for c in range(0x80, 0xa0) if c != 0x85)
#: Bidirectional controls and invisible characters.
BIDI_CHARS = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200b\u200d\ufeff"

_SUBJECTS = ["The council", "The minister", "Researchers", "The company", "Local residents",
             "The museum", "Engineers", "The regulator", "Farmers", "The committee"]
_VERBS = ["said on Monday that", "reported that", "confirmed that", "warned that",
          "explained that", "argued that", "noted that", "announced that"]
_CLAUSES = ["the bridge would stay closed for repairs", "prices had risen faster than expected",
            "the new plan would take effect next year", "the water level had fallen again",
            "the project was far behind its schedule", "more people were moving to the region",
            "the talks would continue in the spring", "the results were not yet final"]
_TAILS = ["according to a statement.", "in an interview with the local paper.",
          "although many details remain unclear.", "which surprised many observers."]

#: Lines every rule set agrees are noise (strong markers), used for all-noise pages.
NOISE_LINES = (
    "Advertisement", "Share", "Tweet", "Share this article", "Skip to content",
    "We use cookies to improve your experience. Accept all cookies",
    "Sign up for our newsletter", "© 2024 Example Media. All rights reserved.",
    "Home » News » World", "Photo: Reuters", "Source: Bloomberg",
    "We may earn a commission for purchases made using our links.",
)
#: Menu entries, for menus-only pages.
MENU_LINES = ("Home", "News", "Sport", "Weather", "Culture", "Business", "Contact",
              "About us", "Log in", "Menu", "Search", "Subscribe")


@dataclass(frozen=True)
class Case:
    """One corpus entry.

    :param name: the file name (a path relative to the corpus folder for ``path``).
    :param data: the file's bytes; ``None`` for entries that are not regular files.
    :param exit_code: the exit code the CLI must return on it.
    :param expect: what standard output must be (one of :data:`EXPECTATIONS`).
    :param args: extra command-line options for this file.
    :param kind: ``file``, ``directory`` (created empty), ``missing`` (not created) or
        ``under_file`` (a path below a regular file: cannot be opened).
    :param note: what the case is about.
    """

    name: str
    data: bytes | None
    exit_code: int
    expect: str
    args: tuple[str, ...] = ()
    kind: str = "file"
    note: str = field(default="", compare=False)

    def input_errors(self) -> str:
        """The decoding error mode the CLI uses for this case."""
        if "--encoding-errors" in self.args:
            return self.args[self.args.index("--encoding-errors") + 1]
        return "strict"


def prose(rng: random.Random, count: int) -> list[str]:
    """``count`` distinct article sentences (long enough to read as prose)."""
    lines: list[str] = []
    seen: set[str] = set()
    while len(lines) < count:
        sentence = " ".join([rng.choice(_SUBJECTS), rng.choice(_VERBS), rng.choice(_CLAUSES)
                             + ",", rng.choice(_TAILS)])
        sentence = sentence[:-1] + f" on day {len(lines) + 1}."
        if sentence not in seen:
            seen.add(sentence)
            lines.append(sentence)
    return lines


def _utf8(text: str) -> bytes:
    return text.encode("utf-8")


def _text_cases(rng: random.Random) -> list[Case]:
    """Valid UTF-8 text the CLI must clean."""
    article = prose(rng, 12)
    mixed = "".join(line + LINE_BREAKS[i % len(LINE_BREAKS)] for i, line in enumerate(article))
    noisy_crlf = "\r\n".join(["Home » News » World", "Share", *article[:6], "Advertisement",
                              *article[6:], "© 2024 Example Media. All rights reserved."]) + "\r\n"
    controls = "\n".join(f"{line[:20]}{CONTROL_CHARS[i % len(CONTROL_CHARS)]}{line[20:]}"
                         for i, line in enumerate(article)) + "\n"
    bidi = "\n".join(
        f"{BIDI_CHARS[i % len(BIDI_CHARS)]}{line} שלום עליכם مرحبا e\u0301\u0302\u0303 "
        f"{'a' + chr(0x300) * 40}" for i, line in enumerate(article)) + "\n"
    words = " ".join(prose(rng, 40))
    megabyte_prose = (words + " ") * (MEGABYTE // (len(words) + 1) + 1)
    return [
        Case("empty.txt", b"", EXIT_OK, "empty", note="an empty file: a warning, exit 0"),
        Case("whitespace_only.txt", b"  \n\t\n\r\n \x0b \n", EXIT_OK, "identical",
             note="whitespace only is returned as is"),
        Case("many_empty_lines.txt", b"\n" * 100_000, EXIT_OK, "identical",
             note="100,000 empty lines"),
        Case("crlf_article.txt", _utf8("\r\n".join(article) + "\r\n"), EXIT_OK, "identical",
             note="Windows line breaks, nothing to remove"),
        Case("crlf_with_noise.txt", _utf8(noisy_crlf), EXIT_OK, "lines",
             note="Windows line breaks around noise"),
        Case("cr_only.txt", _utf8("\r".join(article) + "\r"), EXIT_OK, "identical",
             note="classic Mac line breaks"),
        Case("mixed_breaks.txt", _utf8(mixed), EXIT_OK, "identical",
             note="every kind of line break"),
        Case("mixed_breaks_noise.txt", _utf8("".join(
            line + LINE_BREAKS[i % len(LINE_BREAKS)]
            for i, line in enumerate(["Share", *article[:4], "Advertisement", *article[4:8],
                                      "Top Rated Comments", "Reply", "3 days ago",
                                      "© 2024 Example Media. All rights reserved."]))),
             EXIT_OK, "lines", note="noise between every kind of line break"),
        Case("bom.txt", _utf8("\ufeff" + "\n".join(article) + "\n"), EXIT_OK, "identical",
             note="a UTF-8 byte order mark"),
        Case("control_chars.txt", _utf8(controls), EXIT_OK, "lines",
             note="C0 and C1 control characters inside lines"),
        Case("bidi_combining.txt", _utf8(bidi), EXIT_OK, "lines",
             note="bidi controls, right-to-left scripts, long combining sequences"),
        Case("nul_after_probe.txt", _utf8("\n".join(article * 4) + "\n\x00\n"), EXIT_OK,
             "lines", note="a NUL byte after the first kilobyte is not binary"),
        Case("megabyte_line.txt", _utf8(megabyte_prose[:MEGABYTE]), EXIT_OK, "lines",
             note="one line of one megabyte, without a line break"),
        Case("megabyte_separators.txt", _utf8("» " * (MEGABYTE // 2) + "\n"), EXIT_OK, "lines",
             note="one megabyte of breadcrumb separators"),
        Case("megabyte_one_word.txt", b"a" * MEGABYTE + b"\n", EXIT_OK, "lines",
             note="one megabyte without a space"),
        Case("many_short_lines.txt", _utf8("".join(f"item {i}\n" for i in range(20_000))),
             EXIT_OK, "lines", note="20,000 short distinct lines"),
        Case("all_noise.txt", _utf8("\n".join(NOISE_LINES) + "\n"), EXIT_OK, "empty",
             note="a page with nothing but boilerplate"),
        Case("all_noise_blank_lines.txt", _utf8("\n\n".join(NOISE_LINES) + "\n\n\n"), EXIT_OK,
             "empty", note="boilerplate separated by blank lines"),
        Case("menus_only.txt", _utf8("\n".join(MENU_LINES * 3) + "\n"), EXIT_OK, "lines",
             note="a page of menu entries only"),
    ]


def _encoding_cases(rng: random.Random) -> list[Case]:
    """Bytes that are not UTF-8: refused by default, cleaned on request."""
    article = prose(rng, 6)
    latin1 = ("\n".join(article) + "\nCafé crème, résumé, naïveté.\n").encode("latin-1")
    with_noise = b"Share\n" + latin1 + b"Advertisement\n"
    return [
        Case("latin1.txt", latin1, EXIT_DATA, "refused", note="Latin-1 text"),
        Case("truncated_utf8.txt", _utf8("\n".join(article)) + "é".encode()[:1], EXIT_DATA,
             "refused", note="a multi-byte sequence cut at the end"),
        Case("overlong_utf8.txt", b"slash \xc0\xaf here\n", EXIT_DATA, "refused",
             note="an overlong encoding"),
        Case("encoded_surrogate.txt", b"half \xed\xa0\x80 a pair\n", EXIT_DATA, "refused",
             note="a UTF-16 surrogate encoded as UTF-8"),
        Case("invalid_replace.txt", with_noise, EXIT_OK, "lines",
             args=("--encoding-errors", "replace"), note="bad bytes replaced by U+FFFD"),
        Case("invalid_surrogateescape.txt", latin1, EXIT_OK, "identical",
             args=("--encoding-errors", "surrogateescape"),
             note="bad bytes carried through unchanged"),
        Case("invalid_surrogateescape_noise.txt", with_noise, EXIT_OK, "lines",
             args=("--encoding-errors", "surrogateescape"),
             note="bad bytes carried through, noise removed"),
    ]


def _binary_cases(rng: random.Random) -> list[Case]:
    """Binary blobs: refused unless ``--binary``."""
    blob = bytes(rng.randrange(256) for _ in range(8192)) + b"\x00" * 16
    blob = b"\x00" + blob  # a NUL in the first kilobyte, whatever the draw
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(rng.randrange(256) for _ in range(2048))
    utf16 = ("\n".join(prose(rng, 4)) + "\n").encode("utf-16")
    return [
        Case("binary_blob.bin", blob, EXIT_DATA, "refused", note="random bytes with NULs"),
        Case("png_header.png", png, EXIT_DATA, "refused", note="an image"),
        Case("utf16.txt", utf16, EXIT_DATA, "refused", note="UTF-16 text (NUL bytes)"),
        Case("binary_forced.bin", blob, EXIT_OK, "lines",
             args=("--binary", "--encoding-errors", "surrogateescape"),
             note="binary cleaned on request, bytes carried through"),
        Case("binary_forced_strict.bin", blob, EXIT_DATA, "refused", args=("--binary",),
             note="--binary alone still wants UTF-8"),
    ]


def _path_cases() -> list[Case]:
    """Paths that are not readable files."""
    return [
        Case("a_directory", None, EXIT_NO_INPUT, "refused", kind="directory",
             note="a directory"),
        Case("missing.txt", None, EXIT_NO_INPUT, "refused", kind="missing",
             note="a file that does not exist"),
        Case("bom.txt/child", None, EXIT_NO_INPUT, "refused", kind="under_file",
             note="a path below a regular file (not a directory)"),
    ]


def cases(seed: int = DEFAULT_SEED) -> list[Case]:
    """Every corpus case, built from ``seed`` (same seed, same bytes)."""
    rng = random.Random(seed)
    return [*_text_cases(rng), *_encoding_cases(rng), *_binary_cases(rng), *_path_cases()]


def write_corpus(folder: Path, seed: int = DEFAULT_SEED) -> list[Case]:
    """Write the corpus into ``folder`` (created if needed); return its cases."""
    folder.mkdir(parents=True, exist_ok=True)
    built = cases(seed)
    for case in built:
        path = folder / case.name
        if case.kind == "file":
            path.write_bytes(case.data or b"")
        elif case.kind == "directory":
            path.mkdir(exist_ok=True)
    return built


def main(argv: list[str]) -> int:
    """``make_corpus.py FOLDER``: write the corpus there and list it."""
    if len(argv) != 1:
        print("usage: make_corpus.py FOLDER", file=sys.stderr)
        return 2
    for case in write_corpus(Path(argv[0])):
        print(f"{case.name:<36} exit {case.exit_code:<3} {case.expect:<9} {case.note}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
