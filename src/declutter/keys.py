"""Line keys: the normalised form under which lines and lexicon phrases are compared.

A key is the line case-folded, with curly apostrophes made straight, hyphens and
underscores turned into spaces, whitespace runs collapsed, and decoration (bullets,
brackets, colons, arrows...) stripped from both ends. Inner punctuation stays, so
'Rating: 12 Votes' keys as 'rating: 12 votes'. Only C-speed string methods are used.

>>> line_key("  • Share this Article: ")
'share this article'
>>> line_key("[ Read All Comments ]")
'read all comments'
"""

from __future__ import annotations

#: Characters stripped from both ends of a key.
EDGE_CHARS = (
    " \t!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
    "•·«»‹›“”„‘’…–—―→←↑↓▸►▶◀■□▪▫●○◆◇★☆✓✔✕✖×¦§¶†‡\u00a0\u200b\u200e\u200f\ufeff"
    "：；，。！？、【】「」『』（）［］〈〉《》\u3000"
)


def line_key(line: str) -> str:
    """The key of ``line`` (see the module docstring)."""
    return folded_key(line.casefold())


def folded_key(folded: str) -> str:
    """The key of a line already case-folded (``line_key(line) ==
    folded_key(line.casefold())``)."""
    if "’" in folded or "‘" in folded:
        folded = folded.replace("’", "'").replace("‘", "'")
    if "-" in folded or "_" in folded:
        folded = folded.replace("-", " ").replace("_", " ")
    return " ".join(folded.split()).strip(EDGE_CHARS)
