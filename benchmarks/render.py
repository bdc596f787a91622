"""Evaluation pages as text-mode inputs: decode them, render them naively, iterate both sets.

`naive_text` is the "all visible text of the page" baseline of ../shared/data/README.md: what a
scraper that keeps every text node of `<body>` hands to a cleaner. `iter_pages` walks the two
evaluation sets with their ground truth. Both are pure apart from reading files, and this module
imports nothing from `cleanarticle`, so a benchmark of the library cannot leak into its input.
"""

from __future__ import annotations

import codecs
import gzip
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import chain
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser, LexborNode

EVAL_SET = "trafilatura-eval-dev"
READABILITY_SET = "readability-pages"
WCXB_SET = "wcxb-dev-articles"
SETS = (EVAL_SET, READABILITY_SET)
ALL_SETS = (EVAL_SET, READABILITY_SET, WCXB_SET)

# Elements whose content a browser does not show in the page flow (fallbacks, code, vectors).
SKIPPED = _SKIP = frozenset(
    "script style noscript template svg math iframe object embed canvas video audio select datalist head".split()
)
# Blocks set off by a blank line, as paragraphs are in scraped article text.
_PARAGRAPH = frozenset("p h1 h2 h3 h4 h5 h6 blockquote pre ul ol dl table figure hr".split())
# Blocks that start and end a line.
_LINE = frozenset(
    "address article aside body center dd details dialog dir div dt fieldset figcaption footer form header "
    "hgroup legend li main menu nav section summary caption tbody thead tfoot tr td th br".split()
)
_HIDDEN = '[hidden], [style*="display:none"], [style*="display: none"]'
_LINE_BREAK, _PARAGRAPH_BREAK = 1, 2
_FOLD = re.compile(r"[ \t\n\r\f]+")  # HTML white space; no-break spaces are text and stay

_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
_DECLARED = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)|<\?xml[^>]*?encoding\s*=\s*["']([\w.:-]+)""", re.I
)
_PRESCAN = 1 << 16
# WHATWG label mapping for the labels whose Python codec differs from what browsers use.
_ALIASES = {
    "iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252",
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030",
    "utf-16": "utf-8", "utf-16le": "utf-8", "utf-16be": "utf-8",  # an ASCII meta tag cannot be UTF-16
}


@dataclass(frozen=True, slots=True)
class Page:
    """One evaluation page and its ground truth.

    `keep`/`drop` are the `with`/`without` segments of trafilatura-eval-dev and wcxb-dev-articles;
    `expected_html` is Readability's extraction for readability-pages (score against its visible
    text); `truth` is wcxb's `main_content` (paragraphs separated by blank lines) and `title` its title.
    """

    name: str
    set: str
    html: str
    path: Path
    url: str | None = None
    keep: tuple[str, ...] = ()
    drop: tuple[str, ...] = ()
    expected_html: str | None = None
    truth: str | None = None
    title: str | None = None


def decode(raw: bytes) -> str:
    """Bytes of a page as text: its BOM, else its declared charset, else UTF-8; bad bytes → U+FFFD."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return raw[len(bom) :].decode(encoding, "replace")
    return raw.decode(declared_charset(raw) or "utf-8", "replace")


def declared_charset(raw: bytes) -> str | None:
    """The Python codec for the charset a `<meta>` tag or XML declaration names, if it has one."""
    match = _DECLARED.search(raw[:_PRESCAN])
    if match is None:
        return None
    label = (match.group(1) or match.group(2)).decode("ascii").lower()
    label = _ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def naive_text(html: str) -> str:
    """All visible text of `<body>`: one line per block element, a blank line around paragraphs.

    Scripts, styles, templates, vectors, embedded-object fallbacks and `hidden` or inline
    `display: none` elements are dropped; white space is folded inside each line; `<pre>` keeps
    its line breaks; empty lines are dropped, so blank lines only mark paragraph breaks.
    """
    tree = LexborHTMLParser(html)
    root = tree.body or tree.root
    if root is None:
        return ""
    hidden = {node.mem_id for node in root.css(_HIDDEN)}
    return _assemble(_pieces(root, hidden))


def _pieces(root: LexborNode, hidden: set[int]) -> Iterator[str | int]:
    """Text pieces and break markers in document order (iterative: pages nest deeply)."""
    stack: list[LexborNode | int] = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, int):
            yield node
            continue
        if node.is_text_node:
            yield node.text_content or ""
            continue
        tag = node.tag
        if not node.is_element_node or tag in _SKIP or node.mem_id in hidden:
            continue
        if tag == "pre":
            yield _PARAGRAPH_BREAK
            for line in (node.text(deep=True) or "").splitlines():
                yield line
                yield _LINE_BREAK
            yield _PARAGRAPH_BREAK
            continue
        kind = _PARAGRAPH_BREAK if tag in _PARAGRAPH else _LINE_BREAK if tag in _LINE else 0
        if kind:
            yield kind
            stack.append(kind)
        stack.extend(reversed(list(node.iter(include_text=True))))


def _assemble(pieces: Iterator[str | int]) -> str:
    """Join pieces into folded lines; a paragraph break before a line becomes one blank line."""
    lines: list[str] = []
    current: list[str] = []
    pending = 0
    for piece in chain(pieces, (_LINE_BREAK,)):
        if isinstance(piece, str):
            current.append(piece)
            continue
        line = _FOLD.sub(" ", "".join(current)).strip()
        current = []
        if line:
            if pending == _PARAGRAPH_BREAK and lines:
                lines.append("")
            lines.append(line)
            pending = 0
        pending = max(pending, piece)
    return "\n".join(lines)


def iter_pages(root: Path, sets: Sequence[str] = SETS, limit: int | None = None) -> Iterator[Page]:
    """The pages of `sets` under `root` (../shared/data), in name order; at most `limit` per set."""
    for name in sets:
        if name == EVAL_SET:
            yield from _eval_pages(root / EVAL_SET, limit)
        elif name == READABILITY_SET:
            yield from _readability_pages(root / READABILITY_SET, limit)
        elif name == WCXB_SET:
            yield from _wcxb_pages(root / WCXB_SET, limit)
        else:
            raise ValueError(f"unknown page set {name!r}; expected one of {', '.join(ALL_SETS)}")


def _eval_pages(folder: Path, limit: int | None) -> Iterator[Page]:
    index = json.loads((folder / "evaldata.json").read_text(encoding="utf-8"))
    entries = sorted(index.items(), key=lambda item: item[1]["file"])
    for url, entry in entries[:limit]:
        path = folder / entry["file"]
        yield Page(
            name=path.stem,
            set=EVAL_SET,
            html=decode(path.read_bytes()),
            path=path,
            url=url,
            keep=tuple(entry["with"]),
            drop=tuple(entry["without"]),
        )


def _readability_pages(folder: Path, limit: int | None) -> Iterator[Page]:
    folders = sorted(p for p in folder.iterdir() if (p / "source.html").is_file())
    for page in folders[:limit]:
        expected = page / "expected.html"
        yield Page(
            name=page.name,
            set=READABILITY_SET,
            html=decode((page / "source.html").read_bytes()),
            path=page / "source.html",
            expected_html=decode(expected.read_bytes()) if expected.is_file() else None,
        )


def _wcxb_pages(folder: Path, limit: int | None) -> Iterator[Page]:
    index = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    for key in sorted(index)[:limit]:
        entry = index[key]
        path = folder / "html" / f"{key}.html.gz"
        yield Page(
            name=key,
            set=WCXB_SET,
            html=decode(gzip.decompress(path.read_bytes())),
            path=path,
            url=entry.get("url"),
            keep=tuple(entry.get("with") or ()),
            drop=tuple(entry.get("without") or ()),
            truth=entry.get("main_content") or "",
            title=entry.get("title"),
        )
