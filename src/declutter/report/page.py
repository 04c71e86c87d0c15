"""The report's data -> one self-contained HTML page.

Page text is data, never markup. The few strings set into the HTML itself (the title,
the note) are escaped; the data goes into a ``<script type="application/json">`` block,
JSON-encoded with every ``<``, ``>`` and ``&`` written as a ``\\uXXXX`` escape, so that
no ``</script>`` or ``<!--`` in a page can end or change the block; the page's script
reads it with ``JSON.parse`` and sets text with ``textContent`` only. A large report's
JSON (over :data:`COMPRESS_ABOVE` characters) is stored gzip-compressed and
base64-encoded instead, a third of the size, which the page decompresses in memory
(``DecompressionStream``); base64 has no ``<`` either. A Content Security
Policy allows exactly the page's own style and script (by their SHA-256) and no request
of any kind, so that the file opens offline and, were anything to slip through, nothing
injected would run or load.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import html
import json
import re
from importlib.resources import files
from typing import Any, Mapping

from .._version import __version__

#: JSON longer than this (characters) is stored compressed (see the module's docstring).
COMPRESS_ABOVE = 1_000_000
#: zlib's level for the compressed data: most of level 9's gain, faster.
COMPRESS_LEVEL = 6

_PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")
# characters that could end or alter a script block, and line terminators that older
# JavaScript parsers refuse inside strings; lone surrogates cannot be written as UTF-8
_SCRIPT_UNSAFE = re.compile("[<>&\u2028\u2029\ud800-\udfff]")


def _asset(name: str) -> str:
    return files(__package__).joinpath("assets", name).read_text(encoding="utf-8")


def script_json(data: Any) -> str:
    """``data`` as JSON that is safe inside a ``<script>`` element.

    >>> script_json({"text": "</script><!-- \\u2028"})
    '{"text":"\\\\u003c/script\\\\u003e\\\\u003c!-- \\\\u2028"}'
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return _SCRIPT_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _sha256(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def content_policy(css: str, script: str) -> str:
    """The page's Content Security Policy: its own style and script, nothing else."""
    return ("default-src 'none'; "
            f"style-src {_sha256(css)}; script-src {_sha256(script)}; "
            "img-src 'none'; font-src 'none'; connect-src 'none'; media-src 'none'; "
            "object-src 'none'; frame-src 'none'; base-uri 'none'; form-action 'none'")


def _fill(template: str, values: Mapping[str, str]) -> str:
    """Replace each ``{{name}}`` once; inserted text is never searched again."""
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], template)


def _data_block(data: Mapping[str, Any], compress: bool | None) -> dict[str, str]:
    """The data block's type, encoding and content."""
    text = script_json(data)
    if compress is None:
        compress = len(text) > COMPRESS_ABOVE
    if not compress:
        return {"data_type": "application/json", "encoding": "json", "data": text}
    # mtime=0: the same data gives the same bytes
    packed = gzip.compress(text.encode("utf-8"), compresslevel=COMPRESS_LEVEL, mtime=0)
    return {"data_type": "application/octet-stream", "encoding": "gzip-base64",
            "data": base64.b64encode(packed).decode("ascii")}


def read_data_block(content: str, encoding: str) -> Any:
    """The data of a data block (for tests and tools that read a report back)."""
    if encoding == "gzip-base64":
        content = gzip.decompress(base64.b64decode(content)).decode("utf-8")
    return json.loads(content)


def render_page(data: Mapping[str, Any], *, compress: bool | None = None) -> str:
    """The HTML page of the report whose data is ``data`` (see
    :func:`declutter.report.model.report_data`).

    :param compress: store the data compressed; by default when it is large.
    """
    css, script = _asset("report.css"), _asset("report.js")
    return _fill(_asset("report.html"), {
        # the policy is ours: its single quotes need no escape in a double-quoted attribute
        "policy": html.escape(content_policy(css, script), quote=False).replace('"', "&quot;"),
        "version": html.escape(__version__),
        "title": html.escape(str(data["title"])),
        "note": html.escape(str(data["note"])),
        "css": css,
        "script": script,
        **_data_block(data, compress),
    })
