"""Turn page bytes into text: byte-order mark, then the declared charset, then detection.

Pure: bytes in, `str` out, never raises. A page that declares a charset it does not use
(common: "iso-8859-1" or "gb2312" on UTF-8 pages) is read as UTF-8 when it decodes cleanly as
UTF-8; a page that declares UTF-8 keeps it, its few bad bytes becoming U+FFFD.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_:.\-]+)""", re.I)
_XML_DECLARED = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_.\-]+)""", re.I)
_HEAD_BYTES = 4096
# WHATWG: browsers read these labels as the wider encoding, and pages are written for browsers.
_ALIASES = {
    "iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252",
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030",
    # a tag readable as ASCII cannot be in UTF-16 or UTF-32: WHATWG reads these labels as UTF-8
    "utf-16": "utf-8", "utf-16le": "utf-8", "utf-16be": "utf-8", "utf-32": "utf-8",
}


def declared_charset(data: bytes) -> str | None:
    """The charset named by `<meta charset>`/`http-equiv` or `<?xml encoding?>`, if known to Python."""
    head = data[:_HEAD_BYTES]
    match = _DECLARED.search(head) or _XML_DECLARED.search(head)
    if match is None:
        return None
    label = match.group(1).decode("ascii", "replace").lower()
    try:
        return codecs.lookup(_ALIASES.get(label, label)).name
    except LookupError:
        return None


def decode(html: str | bytes) -> str:
    """`html` as text; bytes are decoded by their BOM, as UTF-8, with the declared charset or a detected one."""
    if isinstance(html, str):
        return html
    for bom, name in _BOMS:
        if html.startswith(bom):
            return html.decode(name, "replace")
    charset = declared_charset(html)
    try:
        return html.decode("utf-8-sig")
    except UnicodeDecodeError:
        if charset == "utf-8":
            return html.decode("utf-8-sig", "replace")
    if charset:
        try:
            return html.decode(charset)
        except UnicodeDecodeError:
            pass
    best = from_bytes(html[: 1 << 16]).best()
    if best is not None:
        return html.decode(best.encoding, "replace")
    return html.decode(charset or "utf-8", "replace")
