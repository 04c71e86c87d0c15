"""declutter: remove boilerplate from the plain text of web articles, keep the article.

>>> import declutter
>>> page = "Home » Tech » Phones\\n\\nThe phone ships in May, the company said on Monday.\\nShare\\n"
>>> print(declutter.clean(page), end="")
The phone ships in May, the company said on Monday.

Output lines are input lines, in order, none rewritten. :func:`explain` says why each
line was kept or removed; :func:`clean` is the same decisions without the bookkeeping.
"""

from __future__ import annotations

from typing import Any

from ._version import __version__
from .config import DEFAULT_REGISTRY, PAGE_KINDS, TEXT_KINDS, Config
from .engine import run
from .errors import (
    DeclutterError, RuleFileError, RuleTimeout, UnknownCategoryError, UnknownProfileError,
    UnknownRuleError,
)
from .languages import UnknownLanguageError
from .labels import Category, Confidence, Label
from .profiles import DEFAULT_PROFILE, PROFILES
from .result import Abstention, Explanation, Segment
from .explain import build_explanation
from .userrules import load_rules

__all__ = [
    "Abstention", "Category", "Confidence", "Config", "DeclutterError", "Explanation",
    "Label", "PAGE_KINDS", "PROFILES", "DEFAULT_PROFILE", "TEXT_KINDS", "RuleFileError", "RuleTimeout", "Segment",
    "UnknownCategoryError", "UnknownLanguageError", "UnknownProfileError", "UnknownRuleError",
    "__version__", "clean", "clean_html", "explain", "explain_html", "rule_names",
    "describe_rules", "load_rules",
]

_BYTES_HINT = (
    "declutter works on str; decode bytes first, e.g. data.decode('utf-8'), "
    "or use clean_html() for HTML"
)


def _check_text(text: object) -> str:
    if isinstance(text, str):
        return text
    if isinstance(text, (bytes, bytearray, memoryview)):
        raise TypeError(_BYTES_HINT)
    raise TypeError(f"text must be a str, not {type(text).__name__}")


def clean(text: str, *, config: Config | None = None, **options: Any) -> str:
    """Return ``text`` without its boilerplate lines.

    :param text: the plain text of one page.
    :param config: a :class:`Config`; keyword ``options`` (``profile``, ``disable``,
        ``keep``, ``lang``, ``timeout``, ``rules``, ``page_kind``, ``text_kind``)
        override its fields.
    :raises TypeError: when ``text`` is not a ``str`` or an option is unknown.
    :raises UnknownRuleError: when ``disable`` names a rule that does not exist.
    :raises UnknownCategoryError: when ``keep`` names a category that does not exist.
    :raises UnknownLanguageError: when ``lang`` names a language declutter does not know.

    >>> clean("Advertisement\\nThe vote was held on Sunday, officials said.\\n")
    'The vote was held on Sunday, officials said.\\n'
    """
    text = _check_text(text)
    return run(text, Config.from_options(config, **options)).text


def explain(text: str, *, config: Config | None = None, **options: Any) -> Explanation:
    """Clean ``text`` and say, for every line, what was decided and why.

    Takes the same arguments as :func:`clean`; ``explain(text).text == clean(text)``.

    >>> result = explain("Advertisement\\nThe vote was held on Sunday, officials said.\\n")
    >>> [(s.line_number, s.kept, s.rule) for s in result.segments]
    [(1, False, 'advertisement_marker'), (2, True, None)]
    >>> result
    <Explanation: 2 lines, 1 removed, language en, profile balanced>
    """
    text = _check_text(text)
    cfg = Config.from_options(config, **options)
    return build_explanation(run(text, cfg, record=True), cfg)


def clean_html(html: str | bytes, *, config: Config | None = None, **options: Any) -> str:
    """Extract the text of an HTML page with trafilatura, then clean it.

    trafilatura extracts the page twice, favouring recall and with its default balance,
    comments and tables included, and the extraction holding more text is cleaned, so
    that declutter's own rules decide what is noise. Pages whose schema.org markup
    declares a discussion (a forum thread, a Q&A page) and no article are extracted with
    the default balance alone: there the posts are the content, and recall mode often
    keeps only a fragment of the thread (see :mod:`declutter.html`).
    trafilatura sets a page's comments apart from its main text; after an article,
    that comment section goes (rule ``comment_section``). The page's title is metadata
    (``<title>``, ``og:title``; :func:`declutter.html.page_titles`): the text's opening
    line that repeats it goes as a duplicated title (rule ``metadata_title``), where
    :func:`clean` on the same text keeps it, having no other copy. So does the
    standfirst shown as a heading under the title when it repeats the page's description
    (rule ``metadata_standfirst``; :func:`declutter.html.standfirst`).

    :param html: the page, as ``str`` or as ``bytes`` (trafilatura guesses the encoding).
    :raises TypeError: when ``html`` is neither ``str`` nor ``bytes``.
    """
    from .html import extract

    if not isinstance(html, (str, bytes)):
        raise TypeError(f"html must be str or bytes, not {type(html).__name__}")
    extraction = extract(html)
    return run(extraction.text, Config.from_options(config, **options),
               hints=extraction.hints).text


def explain_html(html: str | bytes, *, config: Config | None = None,
                 **options: Any) -> Explanation:
    """Extract the text of an HTML page as :func:`clean_html` does, clean it, and say
    for every line of that text what was decided and why (what ``--html --explain``
    shows). ``explain_html(page).text == clean_html(page)``; ``original`` is the
    extracted text.

    :param html: the page, as ``str`` or as ``bytes`` (its declared charset decides).
    :raises TypeError: when ``html`` is neither ``str`` nor ``bytes``.
    """
    from .html import extract

    if not isinstance(html, (str, bytes)):
        raise TypeError(f"html must be str or bytes, not {type(html).__name__}")
    cfg = Config.from_options(config, **options)
    extraction = extract(html)
    return build_explanation(run(extraction.text, cfg, record=True, hints=extraction.hints), cfg)


def rule_names() -> tuple[str, ...]:
    """The names of the built-in rules, in the order they are applied."""
    return DEFAULT_REGISTRY.names()


def describe_rules() -> list[dict[str, str]]:
    """Name, category, description and role of every built-in rule (what
    ``--list-rules`` shows). ``role`` is ``"guard"`` (keeps lines), ``"decides"`` (its
    labels remove lines, weighed on whole-page text) or ``"evidence on extracts"`` (on an
    extractor's output its labels decide nothing alone,
    :data:`declutter.rules.EVIDENCE_ONLY_ON_EXTRACTS`)."""
    from .rules import EVIDENCE_ONLY_ON_EXTRACTS

    def role(rule) -> str:
        if rule.category is None:
            return "guard"
        return "evidence on extracts" if rule.name in EVIDENCE_ONLY_ON_EXTRACTS else "decides"

    return [
        {"name": rule.name,
         "category": rule.category.value if rule.category is not None else "guard",
         "description": rule.description,
         "role": role(rule)}
        for rule in DEFAULT_REGISTRY
    ]
