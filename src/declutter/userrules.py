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
as TOML. Phrases are compared with line keys (case-folded, decoration stripped, see
:mod:`declutter.keys`); a pattern is searched in each line as it stands (use ``(?i)``
to ignore case).

Every error names the file and a line: the parser's line for syntax errors, the line of
the offending key (or of the rule) for schema errors: ``rules.toml:12: ...``.

Linear-safety check of patterns
-------------------------------
Patterns are compiled with the ``regex`` module and searched under the configured
timeout (one budget per rule and document; a rule that runs out abstains, see
:func:`declutter.patterns.search`). Before compiling, a static check rejects the
constructs that make backtracking explode:

1. patterns longer than :data:`PATTERN_CHARS_MAX` characters, and counted repeats
   ``{m,n}`` above :data:`REPEAT_COUNT_MAX`;
2. backreferences (``\\1``, ``\\g<name>``, ``\\k<name>``, ``(?P=name)``), recursion and
   subroutine calls (``(?R)``, ``(?1)``, ``(?&name)``), conditionals ``(?(...)...)``,
   branch resets ``(?|...)``, fuzzy matching ``{e<=1}`` and the inline flags that change
   how a pattern is matched or parsed (only ``a i m s u w`` are allowed);
3. lookbehinds whose body can match text of unbounded length (``(?<=a+)``);
4. nested quantifiers: a repeating quantifier (``*``, ``+``, ``{m,}``, ``{m,n}`` with
   ``n > 1``) that is neither possessive (``*+``, ``++``, ``{m,n}+``) nor applied to an
   atomic group must apply to a *deterministic* operand: one without alternation and
   without a non-possessive variable quantifier outside atomic groups and lookarounds.
   So ``(a+)+``, ``(a|b)*``, ``(?:\\s?\\w)*`` are rejected and ``(?:a++b)*``,
   ``(?>a|ab)*``, ``(a+)++``, ``(?:ab){2,5}`` are accepted.

This rules out exponential backtracking but not polynomial backtracking of adjacent
overlapping quantifiers (``\\w*\\w*x``). That is bounded in two ways: a pattern rule
only looks at lines of at most :data:`LINE_CHARS_MAX` characters (boilerplate lines are
short), so its cost is linear in the document with a bounded factor per line; and the
timeout makes a rule that still runs long abstain. See ``docs/robustness.md``.
"""

from __future__ import annotations

import json
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, Mapping, Sequence, Union

import regex

from .errors import RuleFileError, RuleTimeout
from .keys import line_key
from .labels import Category, Confidence
from .patterns import compile_pattern, search
from .rules.base import Finding, ScanContext, single
from .table import KEY_CHARS_MAX, LineTable, contains_words

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
#: Largest count in a counted repeat ``{m,n}``.
REPEAT_COUNT_MAX = 1000
#: Longest line a pattern rule looks at, in characters (as for phrase lookups).
LINE_CHARS_MAX = KEY_CHARS_MAX
#: Flags every user pattern is compiled with.
PATTERN_FLAGS = regex.V1
#: Inline flags a pattern may set.
ALLOWED_INLINE_FLAGS = frozenset("aimsuw")

_NAME = re.compile(r"[A-Za-z0-9_-]+")
_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column \d+\)\s*$")
_TOML_AT_END = re.compile(r"\s*\(at end of document\)\s*$")
_COUNTED_REPEAT = re.compile(r"\{(?:\d+(?:,\d*)?|,\d+)\}")
_CALL = re.compile(r"\?(?:R\)|&|P>|[+-]?\d)")


# --------------------------------------------------------------------------- rules


@dataclass(frozen=True)
class UserPhraseRule:
    """A user rule that removes lines matching one of its phrases.

    :param name: the rule name (unique among all rules).
    :param category: what it removes.
    :param description: one sentence for explanations.
    :param confidence: the confidence of its labels, in (0, 1].
    :param phrases: normalised phrases (line keys).
    :param match: ``line`` (the key is a phrase), ``prefix`` (the key opens with one) or
        ``contains`` (a phrase occurs in the key as whole words).
    :param max_words: longest line it may remove, in words (``None``: no limit).
    """

    name: str
    category: Category
    description: str
    confidence: float
    phrases: tuple[str, ...]
    match: str = "line"
    max_words: int | None = None

    def scan(self, ctx: ScanContext) -> Iterator[Finding]:
        """Yield a mark for every short enough line matching a phrase."""
        table = ctx.table
        verb = {"line": "the line is", "prefix": "the line opens with",
                "contains": "the line contains"}[self.match]
        for index, phrase in self._found(table):
            if self.max_words is None or table.words[index] <= self.max_words:
                yield single(index, self.name, self.category, self.confidence,
                             f"{verb} “{phrase}” (user rule)")

    def _found(self, table: LineTable) -> Iterator[tuple[int, str]]:
        if self.match == "line":
            return table.lines_with_key(self.phrases)
        if self.match == "prefix":
            return table.lines_opening_with(self.phrases)
        return _lines_containing(table.keys, self.phrases)


def _lines_containing(keys: Sequence[str], phrases: tuple[str, ...]) -> Iterator[tuple[int, str]]:
    """``(index, phrase)`` for every key holding one of ``phrases`` as whole words."""
    for index, key in enumerate(keys):
        if not key:
            continue
        for phrase in phrases:
            if contains_words(key, phrase):
                yield index, phrase
                break


@dataclass(frozen=True)
class UserPatternRule:
    """A user rule that removes lines in which its pattern is found.

    The pattern is kept as source (so the rule pickles) and compiled once per process.
    All searches over one document share one time budget, ``ctx.timeout`` seconds.

    :param name: the rule name (unique among all rules).
    :param category: what it removes.
    :param description: one sentence for explanations.
    :param confidence: the confidence of its labels, in (0, 1].
    :param pattern: the pattern source; it passed :func:`check_pattern`.
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
        compiled = compile_pattern(self.pattern, PATTERN_FLAGS)
        doc, words = ctx.doc, ctx.table.words
        deadline = time.monotonic() + ctx.timeout
        for index, line in enumerate(doc.lines):
            if doc.blank[index] or len(line) > LINE_CHARS_MAX:
                continue
            if self.max_words is not None and words[index] > self.max_words:
                continue
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise RuleTimeout(f"pattern ran past {ctx.timeout}s")
            if search(compiled, line, remaining) is not None:
                yield single(index, self.name, self.category, self.confidence,
                             "the line matches the pattern (user rule)")


#: A rule read from a rule file.
UserRule = Union[UserPhraseRule, UserPatternRule]


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
    return UserPhraseRule(name, category, description or f"user phrases ({match}): {summary}",
                          confidence, phrases, match, max_words)


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
        check_pattern(value)
        compiled = compile_pattern(value, PATTERN_FLAGS)
    except UnsafePatternError as exc:
        raise RuleSchemaError(f"pattern rejected: {exc}", "pattern") from None
    except (regex.error, ValueError, OverflowError, RecursionError) as exc:
        raise RuleSchemaError(f"pattern does not compile: {exc}", "pattern") from None
    if compiled.search("") is not None:
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


# --------------------------------------------------------------------------- pattern check


class UnsafePatternError(ValueError):
    """A pattern fails the linear-safety check (see the module docstring)."""


@dataclass(frozen=True)
class _Shape:
    """What the check knows about a piece of pattern.

    :param deterministic: from a given position it can match in at most one way.
    :param unbounded: it can match text of unbounded length.
    """

    deterministic: bool = True
    unbounded: bool = False


def check_pattern(source: str) -> None:
    """Check that ``source`` is linear-safe (see the module docstring).

    :raises UnsafePatternError: naming the offending construct.
    """
    if len(source) > PATTERN_CHARS_MAX:
        raise UnsafePatternError(f"longer than {PATTERN_CHARS_MAX} characters")
    _PatternChecker(source).check()


class _PatternChecker:
    """A recursive-descent walk over a ``regex`` (V1) pattern, computing :class:`_Shape`."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.pos = 0

    def check(self) -> None:
        self._alternation()
        if self.pos < len(self.source):
            self._fail("unbalanced ')'")

    # -- structure

    def _fail(self, message: str) -> None:
        raise UnsafePatternError(f"{message} (at character {self.pos + 1})")

    def _peek(self, length: int = 1) -> str:
        return self.source[self.pos:self.pos + length]

    def _alternation(self) -> _Shape:
        branches = [self._sequence()]
        while self._peek() == "|":
            self.pos += 1
            branches.append(self._sequence())
        return _Shape(deterministic=len(branches) == 1 and branches[0].deterministic,
                      unbounded=any(b.unbounded for b in branches))

    def _sequence(self) -> _Shape:
        deterministic, unbounded = True, False
        while self.pos < len(self.source) and self._peek() not in "|)":
            shape = self._quantified(self._atom())
            deterministic = deterministic and shape.deterministic
            unbounded = unbounded or shape.unbounded
        return _Shape(deterministic, unbounded)

    def _atom(self) -> tuple[_Shape, bool]:
        """The next atom's shape, and whether it is an atomic group."""
        char = self._peek()
        if char == "(":
            return self._group()
        if char == "[":
            self._skip_set()
            return _Shape(), False
        if char == "\\":
            self._escape()
            return _Shape(), False
        if char in "*+?" or (char == "{" and self._quantifier_at(self.pos)):
            self._fail("a quantifier with nothing to repeat")
        if char == "{":
            self._fail("a '{' that is not a counted repeat (write '\\{' for a literal "
                       "brace; fuzzy matching is not allowed)")
        self.pos += 1
        return _Shape(), False

    def _quantified(self, atom: tuple[_Shape, bool]) -> _Shape:
        shape, atomic = atom
        quantifier = self._quantifier()
        if quantifier is None:
            return shape
        low, high, possessive = quantifier
        if self._peek() in ("*", "+", "?") or (self._peek() == "{" and self._quantifier_at(self.pos)):
            self._fail("a quantifier after a quantifier")
        unbounded = shape.unbounded or high is None
        repeating = high is None or high > 1
        if possessive or atomic:
            return _Shape(True, unbounded)
        if repeating and not shape.deterministic:
            self._fail("a repeated group that holds a quantifier or an alternation "
                       "(nested quantifiers backtrack exponentially); make the repeat "
                       "possessive ('++', '*+') or the group atomic '(?>...)'")
        return _Shape(deterministic=shape.deterministic and low == high, unbounded=unbounded)

    # -- quantifiers

    def _quantifier(self) -> tuple[int, int | None, bool] | None:
        """Consume a quantifier: ``(min, max or None, possessive)``."""
        char = self._peek()
        if char in ("*", "+", "?"):
            self.pos += 1
            low, high = {"*": (0, None), "+": (1, None), "?": (0, 1)}[char]
        elif char == "{" and self._quantifier_at(self.pos):
            end = self.source.index("}", self.pos)
            low, high = self._counts(self.source[self.pos + 1:end])
            self.pos = end + 1
        else:
            return None
        modifier = self._peek()
        if modifier in ("?", "+"):
            self.pos += 1
        return low, high, modifier == "+"

    def _quantifier_at(self, offset: int) -> bool:
        return _COUNTED_REPEAT.match(self.source, offset) is not None

    def _counts(self, body: str) -> tuple[int, int | None]:
        low_text, _, high_text = body.partition(",")
        low = int(low_text) if low_text else 0
        high = int(high_text) if high_text else (None if "," in body else low)
        if low > REPEAT_COUNT_MAX or (high is not None and high > REPEAT_COUNT_MAX):
            self._fail(f"a counted repeat above {REPEAT_COUNT_MAX}")
        return low, high

    # -- groups

    def _group(self) -> tuple[_Shape, bool]:
        self.pos += 1  # '('
        kind = self._group_kind()
        if kind == "flags":
            return _Shape(), False
        if kind == "comment":
            end = self.source.find(")", self.pos)
            if end == -1:
                self._fail("an unterminated comment")
            self.pos = end + 1
            return _Shape(), False
        body = self._alternation()
        if self._peek() != ")":
            self._fail("a missing ')'")
        self.pos += 1
        if kind == "lookbehind" and body.unbounded:
            self._fail("a lookbehind of unbounded length")
        if kind in ("lookahead", "lookbehind"):
            return _Shape(), False
        if kind == "atomic":
            return _Shape(True, body.unbounded), True
        return body, False

    def _group_kind(self) -> str:
        """Consume a group opener after '(': capture, plain, atomic, lookahead,
        lookbehind, flags (a standalone flag group, consumed whole) or comment."""
        rest = self.source[self.pos:]
        if not rest.startswith("?"):
            return "capture"
        openers = (("?:", "plain"), ("?>", "atomic"), ("?=", "lookahead"), ("?!", "lookahead"),
                   ("?<=", "lookbehind"), ("?<!", "lookbehind"), ("?#", "comment"))
        for opener, kind in openers:
            if rest.startswith(opener):
                self.pos += len(opener)
                return kind
        if _CALL.match(rest):
            self._fail("recursion or a subroutine call")
        if rest.startswith("?("):
            self._fail("a conditional group")
        if rest.startswith("?|"):
            self._fail("a branch reset group")
        named = re.match(r"\?P?<[A-Za-z_]\w*>", rest)
        if named:
            self.pos += named.end()
            return "capture"
        flags = re.match(r"\?([A-Za-z]*)(?:-([A-Za-z]+))?([:)])", rest)
        if flags and (flags.group(1) or flags.group(2)):
            letters = set(flags.group(1) + (flags.group(2) or ""))
            bad = sorted(letters - ALLOWED_INLINE_FLAGS)
            if bad:
                self._fail(f"the inline flag '{bad[0]}' (allowed: "
                           f"{' '.join(sorted(ALLOWED_INLINE_FLAGS))})")
            self.pos += flags.end()
            return "flags" if flags.group(3) == ")" else "plain"
        if rest.startswith("?P="):
            self._fail("a backreference")
        self._fail("an unsupported group")
        return "plain"  # pragma: no cover - _fail raises

    # -- escapes and sets

    def _escape(self) -> None:
        nxt = self.source[self.pos + 1:self.pos + 2]
        if not nxt:
            self._fail("a trailing backslash")
        if nxt in "123456789" or (nxt in "gk" and self.source[self.pos + 2:self.pos + 3] in "<{"):
            self._fail("a backreference")
        self.pos += 2
        if nxt in "pPNxuU" and self._peek() == "{":
            end = self.source.find("}", self.pos)
            if end == -1:
                self._fail("an unterminated escape")
            self.pos = end + 1

    def _skip_set(self) -> None:
        """Skip a character set, nested sets (V1) included."""
        self.pos += 1
        if self._peek() == "^":
            self.pos += 1
        if self._peek() == "]":
            self.pos += 1
        depth = 1
        while self.pos < len(self.source):
            char = self._peek()
            if char == "\\":
                self._escape_in_set()
                continue
            self.pos += 1
            if char == "[":
                depth += 1
            elif char == "]":
                depth -= 1
                if depth == 0:
                    return
        self._fail("an unterminated character set")

    def _escape_in_set(self) -> None:
        nxt = self.source[self.pos + 1:self.pos + 2]
        self.pos += 2
        if nxt in ("p", "P", "N", "x", "u", "U") and self._peek() == "{":
            end = self.source.find("}", self.pos)
            self.pos = end + 1 if end != -1 else len(self.source)

