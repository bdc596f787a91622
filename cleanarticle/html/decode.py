"""Turn page bytes into text: byte-order mark, then the declared charset, then detection.

Pure: bytes in, `str` out, never raises. A page that declares a charset it does not use
(common: "iso-8859-1" or "gb2312" on UTF-8 pages) is read as UTF-8 when it decodes cleanly as
UTF-8; a page that declares UTF-8 keeps it, its few bad bytes becoming U+FFFD.

Only a text encoding is taken from a declaration: Python also names transforms ("base64",
"zlib", "rot13") and pseudo-codecs ("undefined", "unicode_escape", "idna") that a hostile page
could declare. UTF-16 and UTF-32 without a byte-order mark are told by where their zero bytes
fall (markup is mostly ASCII), before UTF-8 is tried: such a page is valid UTF-8 full of NULs.
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
# Text encodings to Python that no page means: they raise, or decode escapes and transforms.
_NOT_PAGE_ENCODINGS = frozenset(
    {"undefined", "idna", "punycode", "unicode-escape", "raw-unicode-escape", "utf-7", "charmap"}
)
_WIDE_ZEROS = 0.9  # UTF-32: the share of characters whose two high bytes are zero
_WIDE_HIGH, _WIDE_LOW = 0.3, 0.02  # UTF-16: zero high bytes at least, zero low bytes at most
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
        info = codecs.lookup(_ALIASES.get(label, label))
    except LookupError:
        return None
    if not info._is_text_encoding or info.name in _NOT_PAGE_ENCODINGS:
        return None
    return info.name


def wide_encoding(data: bytes) -> str | None:
    """"utf-32-le"/"-be" or "utf-16-le"/"-be" for a page in one of them without a byte-order
    mark, told by its zero bytes; None for anything else. In UTF-32 the two high bytes of
    nearly every character are zero; in UTF-16 the high byte of every ASCII character (the
    markup) is, and the low byte almost never."""
    head = data[: _HEAD_BYTES - _HEAD_BYTES % 4]
    quads = len(head) // 4
    if quads < 4:
        return None
    for name, high in (("utf-32-le", slice(2, None)), ("utf-32-be", slice(0, 2))):
        if sum(not any(head[i * 4 : i * 4 + 4][high]) for i in range(quads)) >= _WIDE_ZEROS * quads:
            return name
    pairs = quads * 2
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if odd >= _WIDE_HIGH * pairs and even <= _WIDE_LOW * pairs:
        return "utf-16-le"
    if even >= _WIDE_HIGH * pairs and odd <= _WIDE_LOW * pairs:
        return "utf-16-be"
    return None


def decode(html: str | bytes) -> str:
    """`html` as text; bytes are decoded by their BOM, as UTF-8, with the declared charset or a detected one."""
    if isinstance(html, str):
        return html
    for bom, name in _BOMS:
        if html.startswith(bom):
            return html.decode(name, "replace")
    wide = wide_encoding(html) if b"\x00" in html[:_HEAD_BYTES] else None
    if wide is not None:
        return html.decode(wide, "replace")
    charset = declared_charset(html)
    try:
        return html.decode("utf-8-sig")
    except UnicodeDecodeError:
        if charset == "utf-8":
            return html.decode("utf-8-sig", "replace")
    if charset:
        try:
            return html.decode(charset)
        except (UnicodeError, ValueError):  # not in the declared charset after all
            pass
    best = from_bytes(html[: 1 << 16]).best()
    if best is not None:
        return html.decode(best.encoding, "replace")
    return html.decode(charset or "utf-8", "replace")
