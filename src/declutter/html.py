"""HTML in: the explicit entry point that extracts text with trafilatura."""

from __future__ import annotations

#: Options passed to ``trafilatura.extract``: favour recall and keep comments and
#: tables, so that declutter's rules, not the extractor, decide what is noise.
TRAFILATURA_OPTIONS = {
    "include_comments": True,
    "favor_recall": True,
    "include_tables": True,
}


def extract_text(html: str | bytes) -> str:
    """The main text of an HTML page, as trafilatura extracts it ("" when nothing is found)."""
    import trafilatura  # heavy: loaded only when HTML is cleaned

    return trafilatura.extract(html, **TRAFILATURA_OPTIONS) or ""
