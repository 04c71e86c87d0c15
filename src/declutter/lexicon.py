"""Boilerplate lexicons: phrase lists per language, kept as package data.

Each ``data/lexicons/<lang>.txt`` file holds ``[section]`` headers followed by one phrase
per line; ``#`` starts a comment. Phrases are normalised (case-folded, punctuation turned
into single spaces) when loaded, the same way lines are normalised before lookup.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Mapping

from .errors import DeclutterError
from .keys import line_key

#: Every section a lexicon file may hold, with what it means.
SECTIONS: Mapping[str, str] = MappingProxyType(
    {
        "cookie": "phrases whose presence in a short line marks a cookie notice",
        "newsletter": "phrases whose presence in a short line marks a newsletter prompt",
        "newsletter_line": "whole lines that are newsletter prompts ('Subscribe')",
        "share_line": "whole lines that are share/follow prompts ('Share', 'Tweet')",
        "share_prefix": "beginnings of short share/follow prompts ('Follow us on')",
        "social_network": "names of social networks and share targets",
        "social_platform": "names of social platforms only ('Facebook', 'Instagram')",
        "follow_verb": "verbs that invite to follow on a platform ('follow', 'join')",
        "follow_purpose": "what a sentence that invites to follow on a platform offers in "
                          "return ('to keep up with', 'for all the latest')",
        "tag_label": "labels of the tag or category list under a post ('Tags', 'Filed under')",
        "newsletter_word": "words that make a short non-sentence line a sign-up prompt",
        "advertisement_line": "whole lines that are advertisement markers",
        "affiliate": "phrases whose presence marks an affiliate disclaimer",
        "copyright": "phrases whose presence in a short line marks a copyright footer",
        "company_register": "labels of a company's registration or tax number in a legal "
                            "footer ('Company No.', 'CNPJ', 'USt-IdNr.'), before the number",
        "navigation_line": "whole lines that are site navigation ('Skip to content')",
        "navigation_word": "single menu entries ('Home', 'About', 'Contact')",
        "breadcrumb_home": "first items of breadcrumb paths ('Home')",
        "dateline_prefix": "words that open a dateline ('Published', 'Updated')",
        "byline_prefix": "words that open a byline ('By', 'Written by')",
        "photo_credit_prefix": "words that open a photo credit ('Photo:', 'Image credit')",
        "reference_heading": "headings of the list of sources or footnotes that closes an "
                             "article ('References', 'Article Sources')",
        "photo_agency": "photo agencies whose name marks a credit line ('Getty Images')",
        "source_prefix": "words that open a source attribution ('Source', 'Via')",
        "comments_trigger": "headings that open a comment section ('Top Rated Comments')",
        "comments_marker": "whole lines that mark comments ('Reply', 'Report')",
        "time_unit": "time units for relative dates ('minute', 'days')",
        "relative_time": "templates of relative dates: '{n} {unit} ago'",
        "headline_trigger": "headings that open a list of other stories ('Trending')",
        "related_prefix": "beginnings of single related-story links ('Read more:')",
        "link_invitation": "beginnings of links to other pages phrased as invitations "
                           "('Learn about', 'See how', 'Find out')",
        "comments_closer": "lines that end a comment section ('Read all comments')",
        "greeting": "words that open a reply ('Hi', 'Thanks') when a short line ends with ',' or '!'",
        "reader_reply": "phrases that open a reader's comment on the post it follows "
                        "('Great read', 'Thanks for sharing', 'I second this')",
        "gallery_marker": "whole lines of image-gallery widgets ('Caption', 'Enlarge this image')",
        "gallery_of": "the word of 'Image 1 of 8' ('of')",
        "byline_suffix": "job titles that end an author line ('Staff Writer', 'Correspondent')",
        "name_particle": "lower-case particles of surnames ('von', 'van', 'de'): the only "
                         "lower-case words of a byline's names besides its small words",
        "call_to_action": "phrases that make a short non-sentence line a call to action ('Click here')",
        "pitch_opener": "openings of the lines of a promotion that closes a text: imperatives "
                        "and questions that sell ('Get started', 'Join', 'Ready to')",
        "support_appeal": "phrases of appeals for donations or paid support ('Become a patron')",
        "site_notice": "phrases of browser and site notices ('Please enable JavaScript')",
        "comment_form": "phrases of comment-form labels ('Your email address will not be published')",
        "reading_time": "phrases of reading-time notes ('5 min read')",
        "quote_intro": "phrases of a sentence that announces the quotation after it, where "
                       "no colon does ('as follows', '次のような')",
        "quote_verb": "verbs of forum quote headers, before a colon ('wrote', 'said')",
        "forum_ui": "whole lines of discussion-board software ('Thread starter', 'New posts')",
        "reply_prefix": "prefixes of a reply's subject line, before a colon ('Re: <subject>')",
        "forum_profile": "fields of a poster's profile, before a colon ('Registered', 'Posts')",
        "comments_title": "openings of comment headings after a count ('10 thoughts on “...”')",
        "comment_count_word": "words counted on comments ('votes', 'points', 'likes')",
        "comment_says": "verbs after a commenter's name ('says', 'wrote')",
        "date_word": "words that may stand in a bare date or time ('at', 'pm', 'GMT')",
        "clock_word": "words beside a clock time written with a period, which alone would "
                      "read as a number ('14.30 Uhr', 'ore 14.30')",
        "month": "month names and abbreviations",
        "weekday": "weekday names and abbreviations",
        "content_heading": "headings that open lists which are content ('Ingredients')",
        "unit": "measuring units that open ingredient lines ('cups', 'g')",
        "title_small_word": "words left lower-case in Title Case ('of', 'the')",
        "credit_line": "phrases that open a reporting credit ('Reporting by', 'Editing by')",
        "credit_phrase": "phrases that mark a contributor note ('... contributed to this report')",
        "contact_phrase": "phrases that, beside an e-mail address or handle, mark a contact line "
                          "('Write to', 'Email')",
        "bio_verb": "what follows a name in an author's or company's short biography "
                    "('is a', 'has been', 'specializes in')",
        "bio_role": "words of roles and careers that make such a line a biography "
                    "('editor', 'founder', 'experience')",
        "bio_pronoun": "pronouns that open a biography's next sentences ('She', 'His')",
    }
)

def normalize(text: str) -> str:
    """The key of a phrase or line (see :func:`declutter.keys.line_key`).

    >>> normalize("  [ Read All Comments ] ")
    'read all comments'
    """
    return line_key(text)


@dataclass(frozen=True, eq=False)
class Lexicon:
    """Phrase lists of one or more languages, merged.

    :param languages: the language codes whose files were merged, in order.
    :param sections: section name -> normalised phrases (duplicates removed, order kept).

    Lexicons compare and hash by identity; :func:`load_lexicon` returns one object per
    language tuple.
    """

    languages: tuple[str, ...]
    sections: Mapping[str, tuple[str, ...]] = field(repr=False)

    def phrases(self, section: str) -> tuple[str, ...]:
        """The phrases of ``section`` (empty when no merged file has it)."""
        if section not in SECTIONS:
            raise KeyError(f"unknown lexicon section {section!r}")
        return self.sections.get(section, ())

    def words(self, section: str) -> frozenset[str]:
        """The phrases of ``section`` as a set, for exact lookups (built once)."""
        return _as_set(self, section)


@lru_cache(maxsize=1024)
def _as_set(lexicon: Lexicon, section: str) -> frozenset[str]:
    return frozenset(lexicon.phrases(section))


class LexiconError(DeclutterError, ValueError):
    """A lexicon file is malformed or missing."""


def available_languages() -> tuple[str, ...]:
    """The language codes that ship a lexicon file, sorted."""
    folder = resources.files("declutter") / "data" / "lexicons"
    return tuple(sorted(p.name[:-4] for p in folder.iterdir() if p.name.endswith(".txt")))


def parse_lexicon(text: str, source: str) -> dict[str, tuple[str, ...]]:
    """Parse the text of a lexicon file.

    :param source: the file's name, used in error messages.
    :raises LexiconError: on an unknown section or a phrase before any section.
    """
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip() if not raw.lstrip().startswith("\\#") else raw.strip()[1:]
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            name = line[1:-1].strip()
            if name not in SECTIONS:
                raise LexiconError(f"{source}:{number}: unknown section [{name}]")
            current = sections.setdefault(name, [])
            continue
        if current is None:
            raise LexiconError(f"{source}:{number}: phrase outside any [section]")
        # templates keep their braces; plain phrases are normalised
        current.append(line.casefold() if "{" in line else normalize(line))
    return {name: tuple(dict.fromkeys(p for p in phrases if p)) for name, phrases in sections.items()}


@lru_cache(maxsize=64)
def _load_one(lang: str) -> Mapping[str, tuple[str, ...]]:
    path = resources.files("declutter") / "data" / "lexicons" / f"{lang}.txt"
    if not path.is_file():
        raise LexiconError(
            f"no lexicon for language {lang!r}; available: {', '.join(available_languages())}"
        )
    return MappingProxyType(parse_lexicon(path.read_text(encoding="utf-8"), f"{lang}.txt"))


@lru_cache(maxsize=64)
def load_lexicon(languages: tuple[str, ...]) -> Lexicon:
    """Merge the lexicons of ``languages`` (in order) into one :class:`Lexicon`.

    Results are cached; lexicons are immutable.

    :raises LexiconError: when a language has no lexicon file.
    """
    merged: dict[str, list[str]] = {}
    for lang in languages:
        for name, phrases in _load_one(lang).items():
            merged.setdefault(name, []).extend(phrases)
    return Lexicon(
        languages=languages,
        sections=MappingProxyType({k: tuple(dict.fromkeys(v)) for k, v in merged.items()}),
    )
