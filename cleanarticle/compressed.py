"""Compressed inputs by their last suffix: `.gz` (gzip) and `.zst` (zstandard, an extra).

One place decides how a file's bytes are read, so text, HTML and JSONL inputs all accept the
same compressions, and a missing optional package is one clear error naming the extra.
"""

from __future__ import annotations

import gzip
import io
import zlib
from pathlib import Path, PurePath
from typing import BinaryIO

SUFFIXES = (".gz", ".zst")


class MissingExtra(Exception):
    """An optional package is needed for this input; the message says what to install."""


def plain_name(name: str | PurePath) -> str:
    """The file name without its compression suffix: "page.html.gz" gives "page.html"."""
    text = str(name)
    for suffix in SUFFIXES:
        if text.lower().endswith(suffix):
            return text[: -len(suffix)]
    return text


def open_binary(path: Path) -> BinaryIO:
    """A binary stream of the file's decompressed bytes (the file itself when uncompressed)."""
    name = path.name.lower()
    if name.endswith(".gz"):
        return gzip.open(path, "rb")  # type: ignore[return-value]
    if name.endswith(".zst"):
        try:
            import zstandard
        except ImportError:
            raise MissingExtra(f"{path.name}: reading .zst files needs zstandard: install cleanarticle[zstd]") from None
        raw = path.open("rb")
        reader = zstandard.ZstdDecompressor().stream_reader(raw, closefd=True)
        return io.BufferedReader(reader)
    return path.open("rb")


def read_bytes(path: Path) -> bytes:
    """All of the file's decompressed bytes."""
    with open_binary(path) as stream:
        return stream.read()


def errors() -> tuple[type[BaseException], ...]:
    """The exceptions a damaged compressed stream raises while it is read."""
    found: list[type[BaseException]] = [OSError, EOFError, zlib.error]
    try:
        import zstandard
    except ImportError:
        return tuple(found)
    return (*found, zstandard.ZstdError)
