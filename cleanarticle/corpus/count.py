"""Building profiles at scale: count line hashes per site, choose, then name the chosen lines.

Counting keeps a 64-bit xxh3 hash of each line key instead of the key (about 100 bytes per
distinct line of a site in a dict instead of several hundred), so memory grows with the
number of distinct (site, line) pairs, never with the size of the text. `Counts` merge by
addition, so any split of the corpus (chunks, worker processes, Dask partitions) gives the
same result, and selection sorts nothing that depends on arrival order.

Naming is a second read of the corpus that stops as soon as every chosen hash has its text:
template lines occur in a good share of their site's documents, so that is usually after a
few dozen documents of each site.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any

import xxhash

from ..batch import ordered_map
from ..normalize import Normalizer
from ..pipeline import Pipeline
from .profile import Doc, Profiles, SiteProfile, Thresholds, document_keys, normalizers_of, select
from .sites import site_of

PROFILE_CHUNK = 256


def key_hash(key: str) -> int:
    """A stable 64-bit hash of a line key, the same in every process and on every machine."""
    return xxhash.xxh3_64_intdigest(key.encode("utf-8", "surrogatepass"))


def document_hashes(text: str, normalizers: Sequence[Normalizer], min_chars: int = 1) -> list[int]:
    """The sorted, distinct hashes of one document's line keys."""
    return sorted({key_hash(key) for key in document_keys(text, normalizers, min_chars)})


@dataclass
class Counts:
    """Per site: documents counted, and in how many of them each line hash occurs."""

    documents: Counter[str] = field(default_factory=Counter)
    lines: dict[str, Counter[int]] = field(default_factory=dict)

    def add(self, site: str, hashes: Iterable[int]) -> None:
        self.documents[site] += 1
        self.lines.setdefault(site, Counter()).update(hashes)

    def merge(self, other: Counts) -> Counts:
        """Add `other` into this one (and return it), as if both had counted every document."""
        self.documents.update(other.documents)
        for site, lines in other.lines.items():
            mine = self.lines.get(site)
            if mine is None:
                self.lines[site] = Counter(lines)
            else:
                mine.update(lines)
        return self

    def chosen(self, thresholds: Thresholds) -> dict[str, dict[int, int]]:
        """{site: {hash: count}} for the lines above the thresholds."""
        out: dict[str, dict[int, int]] = {}
        for site, line, count in select(self.documents, self.lines, thresholds):
            out.setdefault(site, {})[line] = count
        return out


def name_lines(
    documents: Iterable[Doc], chosen: dict[str, dict[int, int]], normalizers: Sequence[Normalizer], min_chars: int = 1
) -> dict[str, dict[int, str]]:
    """The line key of every chosen hash, reading documents only until all are found."""
    missing = {site: set(lines) for site, lines in chosen.items()}
    names: dict[str, dict[int, str]] = {site: {} for site in chosen}
    for where, text in documents:
        if not missing:
            break
        site = site_of(where)
        wanted = missing.get(site) if site is not None else None
        if not wanted:
            continue
        for key in document_keys(text, normalizers, min_chars):
            line = key_hash(key)
            if line in wanted:
                names[site][line] = key  # type: ignore[index]
                wanted.discard(line)
        if not wanted:
            del missing[site]  # type: ignore[arg-type]
    if missing:
        site = min(missing)
        lines = len(missing[site])
        raise ValueError(f"the corpus changed between its two reads: {lines} line(s) of {site} not found again")
    return names


def assemble(
    documents: Counter[str], chosen: dict[str, dict[int, int]], names: dict[str, dict[int, str]], thresholds: Thresholds
) -> Profiles:
    """Profiles from the counts of the chosen lines and their names."""
    sites = {
        site: SiteProfile(documents[site], {names[site][line]: count for line, count in lines.items()})
        for site, lines in chosen.items()
    }
    return Profiles(sites, thresholds)


def count_documents(
    documents: Iterable[Doc], thresholds: Thresholds, pipeline: Pipeline | None = None, jobs: int = 1
) -> Counts:
    """Pass 1 over (URL or site field, text) documents, in `jobs` worker processes."""
    counts = Counts()
    normalizers = normalizers_of(pipeline)
    sited = ((site_of(where), text) for where, text in documents)
    pairs: Iterator[tuple[str | None, list[int]]]
    if jobs <= 1:
        pairs = ((site, document_hashes(text, normalizers, thresholds.min_chars)) for site, text in sited if site)
    else:
        config = Pipeline(normalizers).to_config()
        hashing = partial(_hash_chunk, config=config, min_chars=thresholds.min_chars)
        pairs = ordered_map(hashing, sited, jobs, lost=_lost, chunk_size=PROFILE_CHUNK)
    for site, hashes in pairs:
        if site is not None:
            counts.add(site, hashes)
    return counts


def build_profiles(
    read: Callable[[], Iterable[Doc]],
    thresholds: Thresholds = Thresholds(),
    pipeline: Pipeline | None = None,
    jobs: int = 1,
) -> Profiles:
    """Profiles of a corpus that `read()` yields (twice: counting, then naming)."""
    counts = count_documents(read(), thresholds, pipeline, jobs)
    chosen = counts.chosen(thresholds)
    names = name_lines(read(), chosen, normalizers_of(pipeline), thresholds.min_chars)
    return assemble(counts.documents, chosen, names, thresholds)


_normalizers: tuple[dict[str, Any], tuple[Normalizer, ...]] | None = None


def normalizers_from(config: dict[str, Any]) -> tuple[Normalizer, ...]:
    """The normalizers of a pipeline config, built once per worker process and config."""
    global _normalizers
    if _normalizers is None or _normalizers[0] != config:
        _normalizers = (config, normalizers_of(Pipeline.from_config(config)))
    return _normalizers[1]


def _hash_chunk(
    chunk: list[tuple[str | None, str]], config: dict[str, Any], min_chars: int
) -> list[tuple[str | None, list[int]]]:
    steps = normalizers_from(config)
    return [(site, document_hashes(text, steps, min_chars) if site is not None else []) for site, text in chunk]


def _lost(item: tuple[str | None, str]) -> tuple[str | None, list[int]]:
    raise RuntimeError(f"a worker process died twice while counting a document of {item[0]}")
