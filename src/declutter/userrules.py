"""User rules: extra rules read from a TOML or JSON file, as data (nothing is evaluated).

A rule file holds a list of tables under the key ``rule``::

    [[rule]]
    name = "sponsor_banner"          # letters, digits, '_' and '-'; not a built-in name
    category = "advertisement"       # a declutter.Category value; default "custom"
    confidence = "strong"            # "strong", "likely", "weak" or a number in (0, 1]
    phrases = ["Sponsored content", "Promoted"]
    match = "line"                   # "line" (default), "prefix" or "contains"
    max_words = 8                    # optional: longest line (in words) it may remove

    [[rule]]
    name = "podcast_plug"
    pattern = '^Listen to (?:the|our) podcast\\b'
    description = "podcast plugs"    # optional: shown by explanations

The JSON form is the same data: ``{"rule": [{"name": ..., ...}, ...]}``. A file whose
name ends in ``.json`` (or whose text starts with ``{``) is read as JSON, anything else
as TOML. A phrase rule is an ordinary :class:`~declutter.rules.base.PhraseRule` holding
its own phrases: they are compared with line keys (case-folded, decoration stripped, see
:mod:`declutter.keys`), as the built-in phrase rules' are. A pattern is searched in each
line as it stands (use ``(?i)`` to ignore case).

Every error names the file and a line: the parser's line for syntax errors, the line of
the offending key (or of the rule) for schema errors: ``rules.toml:12: ...``.

Patterns run on RE2
-------------------
Patterns are compiled and searched with RE2 (the ``google-re2`` package), an engine that
matches in time linear in the line whatever the pattern: it never backtracks, so
``(a+)+$`` is as safe as ``a+$``. The syntax is RE2's, close to Python's
(https://github.com/google/re2/wiki/Syntax); the constructs RE2 cannot run
(backreferences, lookahead and lookbehind, atomic groups, possessive quantifiers,
recursion, conditionals) are refused with an error naming the construct (see
:data:`UNSUPPORTED`). As in RE2, ``\\w``, ``\\d``, ``\\s`` and ``\\b`` are ASCII;
``\\pL`` and ``\\pN`` cover every script. Patterns are at most
:data:`PATTERN_CHARS_MAX` characters, and a pattern rule only looks at lines of at most
:data:`LINE_CHARS_MAX` characters, as phrase rules do. All searches of a rule over one
document share one time budget (the configured timeout): a rule that runs out abstains.
See ``docs/robustness.md``.
"""

from __future__ import annotations

import json
import re
import sys
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator, Mapping, Union

import re2

from .errors import RuleFileError, RuleTimeout
from .keys import line_key
from .labels import Category, Confidence
from .line_facts import KEY_CHARS_MAX
from .rules.base import Finding, PhraseRule, ScanContext, single

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

#: The key under which a rule file lists its rules.
RULES_KEY = "rule"
#: Keys a rule may have.
RULE_KEYS = frozenset({"name", "category", "confidence", "phrases", "match", "pattern",
                       "max_words", "description"})
#: How phrases are matched against line keys.
MATCH_MODES = ("line", "prefix", "contains")
#: Named confidence levels.
CONFIDENCES: Mapping[str, float] = {
    "strong": Confidence.STRONG, "likely": Confidence.LIKELY, "weak": Confidence.WEAK,
}
#: Default confidence of a user rule.
DEFAULT_CONFIDENCE = "likely"
#: Default category of a user rule.
DEFAULT_CATEGORY = Category.CUSTOM.value

#: Longest rule file read, in bytes.
FILE_BYTES_MAX = 4_000_000
#: Most rules in one file.
RULES_MAX = 1000
#: Most phrases in one rule, and the longest phrase in characters.
PHRASES_MAX = 10_000
PHRASE_CHARS_MAX = 200
#: Longest rule name.
NAME_CHARS_MAX = 64
#: Longest pattern, in characters.
PATTERN_CHARS_MAX = 500
#: Longest line a pattern rule looks at, in characters (as for phrase lookups).
LINE_CHARS_MAX = KEY_CHARS_MAX

_NAME = re.compile(r"[A-Za-z0-9_-]+")
_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column \d+\)\s*$")
_TOML_AT_END = re.compile(r"\s*\(at end of document\)\s*$")


# --------------------------------------------------------------------------- rules


@dataclass(frozen=True)
class UserPatternRule:
    """A user rule that removes lines in which its pattern is found.

    The pattern is kept as source (so the rule pickles) and compiled with RE2 once per
    process. All searches over one document share one time budget, ``ctx.timeout``
    seconds; RE2 bounds each search by the line's length.

    :param name: the rule name (unique among all rules).
    :param category: what it removes.
    :param description: one sentence for explanations.
    :param confidence: the confidence of its labels, in (0, 1].
    :param pattern: the pattern source; :func:`compile_pattern` accepted it.
    :param max_words: longest line it may remove, in words (``None``: no limit).
    """

    name: str
    category: Category
    description: str
    confidence: float
    pattern: str
    max_words: int | None = None

    def scan(self, ctx: ScanContext) -> Iterator[Finding]:
        """Yield a mark for every short enough line in which the pattern is found.

        :raises RuleTimeout: when the searches over the document exceed ``ctx.timeout``.
        """
        compiled = compile_pattern(self.pattern)
        doc, words = ctx.doc, ctx.table.words
        deadline = time.monotonic() + ctx.timeout
        for index, line in enumerate(doc.lines):
            if doc.blank[index] or len(line) > LINE_CHARS_MAX:
                continue
            if self.max_words is not None and words[index] > self.max_words:
                continue
            if time.monotonic() >= deadline:
                raise RuleTimeout(f"pattern ran past {ctx.timeout}s")
            # lone surrogates (undecodable input) pass as bytes that no letter class matches
            if compiled.search(line.encode("utf-8", "surrogatepass")) is not None:
                yield single(index, self.name, self.category, self.confidence,
                             "the line matches the pattern")


#: A rule read from a rule file.
UserRule = Union[PhraseRule, UserPatternRule]


# --------------------------------------------------------------------------- loading


def load_rules(path: str | Path) -> tuple[UserRule, ...]:
    """Read the rules of a TOML or JSON rule file (see the module docstring).

    :raises RuleFileError: when the file cannot be read, does not parse, or a rule is
        malformed; the message starts with ``<path>:<line>:``.
    """
    shown = str(path)
    text = _read_text(Path(path), shown)
    as_json = shown.lower().endswith(".json") or text.lstrip().startswith("{")
    data = _parse_json(text, shown) if as_json else _parse_toml(text, shown)
    locator = JsonLocator(text) if as_json else TomlLocator(text)
    return parse_rules(data, locator, shown)


def parse_rules(data: Any, locator: "Locator", shown: str) -> tuple[UserRule, ...]:
    """Validate parsed rule-file ``data`` and build its rules.

    :param locator: finds the line of a rule or of one of its keys, for messages.
    :param shown: the file name used in messages.
    :raises RuleFileError: on the first invalid rule.
    """
    from . import rule_names  # the package imports this module lazily

    def fail(line: int, message: str) -> RuleFileError:
        return RuleFileError(f"{shown}:{line}: {_one_line(message)}")

    if not isinstance(data, dict) or RULES_KEY not in data:
        raise fail(1, f"expected a list of rules under the key '{RULES_KEY}' "
                      f"(a [[{RULES_KEY}]] table per rule)")
    extra = sorted(set(data) - {RULES_KEY})
    if extra:
        raise fail(locator.top_level_line(extra[0]), f"unknown top-level key '{extra[0]}'")
    entries = data[RULES_KEY]
    if not isinstance(entries, list) or not entries:
        raise fail(locator.top_level_line(RULES_KEY),
                   f"'{RULES_KEY}' must be a non-empty list of tables")
    if len(entries) > RULES_MAX:
        raise fail(locator.top_level_line(RULES_KEY), f"more than {RULES_MAX} rules")
    built_in = set(rule_names())
    seen: set[str] = set()
    rules = []
    for position, entry in enumerate(entries):
        try:
            rule = build_rule(entry)
        except RuleSchemaError as exc:
            raise fail(locator.rule_line(position, exc.key), f"rule {position + 1}: {exc}") from None
        if rule.name in built_in:
            raise fail(locator.rule_line(position, "name"),
                       f"rule name '{rule.name}' is a built-in rule; choose another name")
        if rule.name in seen:
            raise fail(locator.rule_line(position, "name"),
                       f"rule name '{rule.name}' is used twice")
        seen.add(rule.name)
        rules.append(rule)
    return tuple(rules)


class RuleSchemaError(ValueError):
    """A rule table is malformed; ``key`` names the offending key (``None``: the rule)."""

    def __init__(self, message: str, key: str | None = None) -> None:
        super().__init__(message)
        self.key = key


def build_rule(entry: Any) -> UserRule:
    """Build one rule from its table.

    :raises RuleSchemaError: when the table is malformed.
    """
    if not isinstance(entry, dict):
        raise RuleSchemaError(f"a rule must be a table, not {_kind(entry)}")
    unknown = sorted(set(entry) - RULE_KEYS)
    if unknown:
        raise RuleSchemaError(f"unknown key '{unknown[0]}' (known: {', '.join(sorted(RULE_KEYS))})",
                              unknown[0])
    name = _name(entry)
    category = _category(entry.get("category", DEFAULT_CATEGORY))
    confidence = _confidence(entry.get("confidence", DEFAULT_CONFIDENCE))
    max_words = _max_words(entry.get("max_words"))
    description = _description(entry.get("description"))
    has_phrases, has_pattern = "phrases" in entry, "pattern" in entry
    if has_phrases == has_pattern:
        raise RuleSchemaError("give either 'phrases' or 'pattern' (exactly one)",
                              "pattern" if has_pattern else None)
    if has_pattern:
        if "match" in entry:
            raise RuleSchemaError("'match' applies to 'phrases', not to 'pattern'", "match")
        pattern = _pattern(entry["pattern"])
        return UserPatternRule(name, category, description or f"user pattern {pattern!r}",
                               confidence, pattern, max_words)
    match = _match(entry.get("match", "line"))
    phrases = _phrases(entry["phrases"])
    summary = ", ".join(repr(p) for p in phrases[:3]) + (", ..." if len(phrases) > 3 else "")
    return PhraseRule(name, category, section="", mode=match, confidence=confidence,
                      max_words=max_words,
                      description=description or f"user phrases ({match}): {summary}",
                      phrases=phrases)


def _name(entry: Mapping[str, Any]) -> str:
    if "name" not in entry:
        raise RuleSchemaError("missing 'name'")
    name = entry["name"]
    if not isinstance(name, str) or not _NAME.fullmatch(name) or len(name) > NAME_CHARS_MAX:
        raise RuleSchemaError(
            f"'name' must be 1 to {NAME_CHARS_MAX} letters, digits, '_' or '-', not {name!r}",
            "name")
    return name


def _category(value: Any) -> Category:
    try:
        return Category(value)
    except ValueError:
        known = ", ".join(c.value for c in Category)
        raise RuleSchemaError(f"unknown category {value!r} (known: {known})", "category") from None


def _confidence(value: Any) -> float:
    if isinstance(value, str):
        if value in CONFIDENCES:
            return CONFIDENCES[value]
        raise RuleSchemaError(f"'confidence' must be one of {', '.join(CONFIDENCES)} or a "
                              f"number in (0, 1], not {value!r}", "confidence")
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 1:
        raise RuleSchemaError(f"'confidence' must be a number in (0, 1] or one of "
                              f"{', '.join(CONFIDENCES)}, not {value!r}", "confidence")
    return float(value)


def _max_words(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise RuleSchemaError(f"'max_words' must be a positive integer, not {value!r}",
                              "max_words")
    return value


def _description(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise RuleSchemaError("'description' must be a non-empty string", "description")
    return _one_line(value.strip())


def _match(value: Any) -> str:
    if value not in MATCH_MODES:
        raise RuleSchemaError(f"'match' must be one of {', '.join(MATCH_MODES)}, not {value!r}",
                              "match")
    return value


def _phrases(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not value:
        raise RuleSchemaError("'phrases' must be a non-empty list of strings", "phrases")
    if len(value) > PHRASES_MAX:
        raise RuleSchemaError(f"more than {PHRASES_MAX} phrases", "phrases")
    keys = []
    for phrase in value:
        if not isinstance(phrase, str):
            raise RuleSchemaError(f"phrases must be strings, not {_kind(phrase)}", "phrases")
        if len(phrase) > PHRASE_CHARS_MAX:
            raise RuleSchemaError(f"phrase longer than {PHRASE_CHARS_MAX} characters: "
                                  f"{phrase[:40]!r}...", "phrases")
        key = line_key(phrase)
        if not key:
            raise RuleSchemaError(f"phrase {phrase!r} is empty once normalised", "phrases")
        keys.append(key)
    return tuple(dict.fromkeys(keys))


def _pattern(value: Any) -> str:
    if not isinstance(value, str) or not value:
        raise RuleSchemaError("'pattern' must be a non-empty string", "pattern")
    try:
        compiled = compile_pattern(value)
    except PatternError as exc:
        raise RuleSchemaError(str(exc), "pattern") from None
    if compiled.search(b"") is not None:
        raise RuleSchemaError("pattern matches the empty string, so it would match every "
                              "line", "pattern")
    return value


def _kind(value: Any) -> str:
    return {dict: "a table", list: "a list", str: "a string", bool: "a boolean",
            int: "an integer", float: "a number"}.get(type(value), type(value).__name__)


def _one_line(message: str) -> str:
    return " ".join(message.split())


# --------------------------------------------------------------------------- reading


def _read_text(path: Path, shown: str) -> str:
    try:
        with path.open("rb") as handle:
            data = handle.read(FILE_BYTES_MAX + 1)
    except FileNotFoundError:
        raise RuleFileError(f"{shown}: no such rule file") from None
    except IsADirectoryError:
        raise RuleFileError(f"{shown}: is a directory, not a rule file") from None
    except OSError as exc:
        raise RuleFileError(f"{shown}: cannot be read ({exc.strerror or exc})") from None
    if len(data) > FILE_BYTES_MAX:
        raise RuleFileError(f"{shown}: larger than {FILE_BYTES_MAX} bytes")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise RuleFileError(f"{shown}:{line}: not valid UTF-8 (byte {exc.start})") from None


def _parse_toml(text: str, shown: str) -> Any:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        line = getattr(exc, "lineno", None)
        found = _TOML_POSITION.search(message)
        if found:
            line = line or int(found.group(1))
            message = message[:found.start()]
        elif _TOML_AT_END.search(message):
            line = line or max(1, len(text.splitlines()))
            message = _TOML_AT_END.sub("", message) + " (at the end of the file)"
        raise RuleFileError(f"{shown}:{line or 1}: TOML: {_one_line(message)}") from None


def _parse_json(text: str, shown: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise RuleFileError(f"{shown}:{exc.lineno}: JSON: {exc.msg} (column {exc.colno})") from None
    except RecursionError:
        raise RuleFileError(f"{shown}:1: JSON: nested too deeply") from None


# --------------------------------------------------------------------------- line numbers


class Locator:
    """Finds the line (from 1) of a top-level key, a rule, or a key of a rule."""

    def __init__(self, text: str) -> None:
        self.text = text

    def line_at(self, offset: int) -> int:
        """The line number of character ``offset``."""
        return self.text.count("\n", 0, max(0, offset)) + 1

    def top_level_line(self, key: str) -> int:
        """The line of top-level ``key`` (1 when it cannot be found)."""
        return 1

    def rule_line(self, position: int, key: str | None = None) -> int:
        """The line of rule ``position`` (from 0), or of its ``key`` when given."""
        return 1


class TomlLocator(Locator):
    """Line numbers in a TOML rule file, from its ``[[rule]]`` headers."""

    _HEADER = re.compile(r"^[ \t]*\[\[[ \t]*[\"']?" + RULES_KEY + r"[\"']?[ \t]*\]\]", re.M)
    _TABLE = re.compile(r"^[ \t]*\[", re.M)

    def top_level_line(self, key: str) -> int:
        found = re.search(rf"^[ \t]*(\[\[?[ \t]*)?[\"']?{re.escape(key)}[\"']?[ \t]*(=|\])",
                          self.text, re.M)
        return self.line_at(found.start()) if found else 1

    def rule_line(self, position: int, key: str | None = None) -> int:
        headers = list(self._HEADER.finditer(self.text))
        if position >= len(headers):  # inline array of tables: rule = [{...}, ...]
            return self.top_level_line(RULES_KEY)
        start = headers[position].end()
        following = self._TABLE.search(self.text, start)
        end = following.start() if following else len(self.text)
        if key is not None:
            found = re.compile(rf"^[ \t]*[\"']?{re.escape(key)}[\"']?[ \t]*=", re.M).search(
                self.text, start, end)
            if found:
                return self.line_at(found.start())
        return self.line_at(headers[position].start())


class JsonLocator(Locator):
    """Line numbers in a JSON rule file, from the offsets of its values."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self._decoder = json.JSONDecoder()

    def top_level_line(self, key: str) -> int:
        members = self._members(self._skip(0))
        return self.line_at(members[key][0]) if key in members else 1

    def rule_line(self, position: int, key: str | None = None) -> int:
        members = self._members(self._skip(0))
        if RULES_KEY not in members:
            return 1
        items = self._items(members[RULES_KEY][1])
        if position >= len(items):
            return self.line_at(members[RULES_KEY][0])
        if key is not None:
            inner = self._members(items[position])
            if key in inner:
                return self.line_at(inner[key][0])
        return self.line_at(items[position])

    def _skip(self, offset: int) -> int:
        while offset < len(self.text) and self.text[offset] in " \t\r\n":
            offset += 1
        return offset

    def _members(self, offset: int) -> dict[str, tuple[int, int]]:
        """Key -> (offset of the key, offset of the value) for the object at ``offset``."""
        found: dict[str, tuple[int, int]] = {}
        if not self.text.startswith("{", offset):
            return found
        offset = self._skip(offset + 1)
        try:
            while self.text.startswith('"', offset):
                key, after = self._decoder.raw_decode(self.text, offset)
                value = self._skip(self._skip(after) + 1)  # past ':'
                found.setdefault(key, (offset, value))
                _, end = self._decoder.raw_decode(self.text, value)
                offset = self._skip(self._skip(end) + 1)  # past ','
        except (ValueError, RecursionError):
            pass
        return found

    def _items(self, offset: int) -> list[int]:
        """The offsets of the items of the array at ``offset``."""
        found: list[int] = []
        if not self.text.startswith("[", offset):
            return found
        offset = self._skip(offset + 1)
        try:
            while offset < len(self.text) and self.text[offset] != "]":
                found.append(offset)
                _, end = self._decoder.raw_decode(self.text, offset)
                offset = self._skip(self._skip(end) + 1)
        except (ValueError, RecursionError):
            pass
        return found


# --------------------------------------------------------------------------- patterns


class PatternError(ValueError):
    """A pattern RE2 cannot run or cannot parse; the message says which construct."""


#: Groups RE2 refuses by design, by the opener its parser stops at: (opener, the
#: construct as messages name it, what to write instead or "").
UNSUPPORTED: tuple[tuple[str, str, str], ...] = (
    ("(?=", "a lookahead '(?=...)'", ""),
    ("(?!", "a negative lookahead '(?!...)'", ""),
    ("(?<=", "a lookbehind '(?<=...)'", ""),
    ("(?<!", "a negative lookbehind '(?<!...)'", ""),
    ("(?>", "an atomic group '(?>...)'", "write a plain group '(?:...)': RE2 never backtracks"),
    ("(?P=", "a backreference '(?P=name)'", ""),
    ("(?P>", "a subroutine call '(?P>name)'", ""),
    ("(?&", "a subroutine call '(?&name)'", ""),
    ("(?R", "recursion '(?R)'", ""),
    ("(?(", "a conditional group '(?(...)...)'", ""),
    ("(?|", "a branch reset group '(?|...)'", ""),
    ("(?#", "a comment group '(?#...)'", ""),
)
#: Most repeats RE2 allows, nested counted repeats multiplied.
REPEAT_COUNT_MAX = 1000
_SUBROUTINE = re.compile(r"\(\?[+-]?\d")
_FLAG = re.compile(r"\(\?-?([A-Za-z])")


def compile_pattern(source: str) -> Any:
    """Compile a user pattern with RE2 (cached per process).

    :raises PatternError: naming the construct RE2 cannot run (a backreference, a
        lookaround...), or quoting RE2's message for any other syntax error.
    """
    if len(source) > PATTERN_CHARS_MAX:
        raise PatternError(f"pattern rejected: longer than {PATTERN_CHARS_MAX} characters")
    try:
        encoded = source.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise PatternError(f"pattern rejected: a lone surrogate at character {exc.start + 1}") \
            from None
    return _compiled(encoded)


@lru_cache(maxsize=256)
def _compiled(encoded: bytes) -> Any:
    options = re2.Options()
    options.log_errors = False  # the error is raised here, not printed by RE2
    try:
        return re2.compile(encoded, options)
    except re2.error as exc:
        message = exc.args[0] if exc.args else ""
        if isinstance(message, bytes):
            message = message.decode("utf-8", "replace")
        raise PatternError(_explain(encoded.decode("utf-8"), _one_line(message))) from None


def _explain(source: str, message: str) -> str:
    """The message of a :class:`PatternError` for RE2's error ``message`` on ``source``."""
    found = _unsupported(source, message)
    if found is None:
        return f"pattern does not compile (RE2: {message})"
    construct, instead = found
    text = (f"pattern rejected: {construct} cannot run on RE2, the linear-time engine of "
            f"user patterns")
    return f"{text}; {instead}" if instead else text


def _unsupported(source: str, message: str) -> tuple[str, str] | None:
    """``(construct, what to write instead)`` when RE2's error ``message`` is about a
    construct it refuses by design, rather than a syntax error; else ``None``."""
    kind, _, piece = message.partition(": ")
    if kind == "invalid perl operator":
        for opener, construct, instead in UNSUPPORTED:
            # RE2 quotes "(?P" for both "(?P=" and "(?P>": the source tells which
            if piece.startswith(opener) or (opener.startswith(piece) and opener in source):
                return construct, instead
        if _SUBROUTINE.match(piece):
            return f"a subroutine call '{piece})'", ""
        flag = _FLAG.match(piece)
        if flag:
            return f"the inline flag '{flag.group(1)}'", "RE2 knows the flags i, m, s and U"
    if kind == "invalid escape sequence" and piece[1:2] and piece[1] in "123456789gk":
        return f"a backreference '{piece}'", ""
    if kind == "bad repetition operator" and len(piece) > 1 and piece.endswith("+"):
        return f"a possessive quantifier '{piece}'", "drop the final '+': RE2 never backtracks"
    if kind == "invalid repetition size":
        return (f"a counted repeat above {REPEAT_COUNT_MAX} '{piece}'",
                f"RE2 repeats at most {REPEAT_COUNT_MAX} times, nested counted repeats multiplied")
    return None
