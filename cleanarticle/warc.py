"""WARC and WET files (`.warc`, `.warc.gz`, `.wet`, `.wet.gz`) as documents, read with warcio.

A crawl's WARC holds HTTP responses: those whose payload is HTML go through the HTML path. A
Common Crawl WET file holds "conversion" records, the text of each page: they go through the
text path. Every other record (requests, metadata, images, warcinfo) is skipped. Each document
carries its record's URL and WARC ids, so the output JSONL can be joined back to the crawl.
warcio is an optional dependency: the `warc` extra.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from .compressed import MissingExtra

SUFFIXES = (".warc", ".warc.gz", ".wet", ".wet.gz")
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_FIELDS = {"WARC-Record-ID": "warc_record_id", "WARC-Date": "warc_date", "WARC-Refers-To": "warc_refers_to"}


def is_warc(name: str) -> bool:
    return name.lower().endswith(SUFFIXES)


def output_name(name: str) -> str:
    """The JSONL name of a WARC file's output: "crawl.warc.gz" gives "crawl.jsonl.gz"."""
    lower = name.lower()
    for suffix in sorted(SUFFIXES, key=len, reverse=True):
        if lower.endswith(suffix):
            return name[: -len(suffix)] + (".jsonl.gz" if suffix.endswith(".gz") else ".jsonl")
    return name + ".jsonl"


class Page:
    """One usable record: its payload (HTML bytes or text; None when it is over the size
    limit), whether it is HTML, and its fields."""

    __slots__ = ("fields", "html", "payload", "url")

    def __init__(self, payload: bytes | None, html: bool, url: str | None, fields: dict[str, Any]) -> None:
        self.payload = payload
        self.html = html
        self.url = url
        self.fields = fields


def pages(stream: BinaryIO, max_bytes: int = -1) -> Iterator[Page]:
    """The HTML responses and text conversions of a WARC or WET stream (gzipped or not), in
    order; a payload over `max_bytes` (when not -1) is not read, and comes as None."""
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:
        raise MissingExtra("reading WARC and WET files needs warcio: install cleanarticle[warc]") from None
    for record in ArchiveIterator(stream):
        if not record.format.startswith("warc"):  # warcio reads what is not WARC as old ARC data
            raise ValueError(f"record {record.rec_type or '?'} is not in WARC format")
        html = record.rec_type == "response" and _is_html(record)
        if not html and record.rec_type != "conversion":
            continue
        url = record.rec_headers.get_header("WARC-Target-URI")
        fields: dict[str, Any] = {"id": record.rec_headers.get_header("WARC-Record-ID"), "url": url}
        for header, name in _FIELDS.items():
            value = record.rec_headers.get_header(header)
            if value:
                fields[name] = value
        payload = record.content_stream().read(max_bytes + 1 if max_bytes >= 0 else -1)
        yield Page(payload if max_bytes < 0 or len(payload) <= max_bytes else None, html, url, fields)


def _is_html(record: Any) -> bool:
    headers = record.http_headers
    content_type = (headers.get_header("Content-Type") if headers is not None else "") or ""
    return content_type.split(";")[0].strip().lower() in _HTML_TYPES


def open_pages(path: Path, max_bytes: int = -1) -> Iterator[Page]:
    """`pages` of a file."""
    with path.open("rb") as stream:
        yield from pages(stream, max_bytes)
