"""Site profiles: the lines that recur across many documents of one site, and how to build them.

A line that occurs in many documents of one site is that site's furniture (navigation, promos,
legal lines), whatever its language or wording. Pass 1 counts, per site, in how many distinct
documents each line occurs; the lines above both thresholds form the site's profile, which the
`site_boilerplate` filter (pass 2) removes.

Lines are compared by their key (`cleanarticle.text.line_key`: trimmed and lower-cased) on the
normalised source, exactly as the filters see them; each line counts at most once per
document; lines whose key is shorter than `min_chars` are not counted.

Profile file (JSON, UTF-8, keys sorted, so equal corpora give byte-equal files):

    {
      "format": "cleanarticle.site_profiles",
      "version": 1,
      "thresholds": {"min_chars": 1, "min_documents": 5, "min_share": 0.05},
      "sites": {
        "example.com": {
          "documents": 812,
          "lines": {"2025 example news. all rights reserved": 812, "subscribe to our newsletter": 790}
        }
      }
    }

`documents` is the number of the site's documents counted; `lines` maps each profiled line
key to the number of documents it occurs in. Keys, not hashes: a profile holds only the
repeated lines (tens to hundreds per site), so text costs little, and it lets a person read,
review and edit what will be removed. Counting itself uses hashes (see `count`).

This module also holds the in-memory reference implementation, `reference_profiles`: plain
dictionaries of line keys, no hashing, no workers. The other paths are tested against it.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from ..normalize import Normalizer
from ..pipeline import ConfigError, Pipeline
from ..text import line_key
from .sites import site_of

FORMAT = "cleanarticle.site_profiles"
VERSION = 1

# One document for profiling: (URL or site field, text).
Doc = tuple[str | None, str]


@dataclass(frozen=True, slots=True)
class Thresholds:
    """When a line is site furniture: in at least `min_documents` of the site's documents
    and in at least `min_share` of them; keys shorter than `min_chars` are never counted."""

    min_documents: int = 5
    min_share: float = 0.05
    min_chars: int = 1

    def __post_init__(self) -> None:
        if self.min_documents < 2:
            raise ConfigError(
                f"min_documents must be 2 or more (a line in one document is not repeated), got {self.min_documents}"
            )
        if not 0.0 <= self.min_share <= 1.0:
            raise ConfigError(f"min_share must be between 0 and 1, got {self.min_share}")
        if self.min_chars < 1:
            raise ConfigError(f"min_chars must be 1 or more, got {self.min_chars}")

    def repeated(self, count: int, site_documents: int) -> bool:
        """Whether a line in `count` of a site's `site_documents` documents is furniture."""
        return count >= self.min_documents and count >= self.min_share * site_documents


@dataclass(frozen=True, slots=True)
class SiteProfile:
    """One site: how many of its documents were counted, and its repeated lines."""

    documents: int
    lines: Mapping[str, int]


class Profiles:
    """Profiles of many sites, with the thresholds they were built with; immutable."""

    __slots__ = ("_digest", "sites", "thresholds")

    def __init__(self, sites: Mapping[str, SiteProfile], thresholds: Thresholds = Thresholds()) -> None:
        self.sites: Mapping[str, SiteProfile] = dict(sorted(sites.items()))
        self.thresholds = thresholds
        self._digest = ""

    def lines_for(self, url_or_site: str | None) -> tuple[str, SiteProfile] | None:
        """The site of a URL (or site field) and its profile, if it has one."""
        site = site_of(url_or_site)
        profile = self.sites.get(site) if site is not None else None
        return None if profile is None else (site, profile)  # type: ignore[return-value]

    @property
    def line_count(self) -> int:
        return sum(len(profile.lines) for profile in self.sites.values())

    def to_dict(self) -> dict[str, Any]:
        sites = {
            site: {"documents": profile.documents, "lines": dict(sorted(profile.lines.items()))}
            for site, profile in self.sites.items()
        }
        return {"format": FORMAT, "version": VERSION, "thresholds": asdict(self.thresholds), "sites": sites}

    def dumps(self) -> str:
        """The profile file's text: sorted keys, one line per profiled line, ending in a newline."""
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True, indent=1) + "\n"

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Profiles:
        if not isinstance(data, Mapping) or data.get("format") != FORMAT or data.get("version") != VERSION:
            raise ConfigError(f"not a cleanarticle site profile (expected format {FORMAT!r}, version {VERSION})")
        try:
            thresholds = Thresholds(**data.get("thresholds", {}))
            sites = {
                str(site): SiteProfile(int(entry["documents"]), {str(k): int(v) for k, v in entry["lines"].items()})
                for site, entry in data["sites"].items()
            }
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise ConfigError(f"malformed site profile: {type(error).__name__}: {error}") from None
        return cls(sites, thresholds)

    @classmethod
    def load(cls, path: str | Path) -> Profiles:
        """Read a profile file; a ConfigError names the file and what is wrong with it."""
        try:
            data = json.loads(Path(path).read_text("utf-8"))
            return cls.from_dict(data)
        except OSError as error:
            raise ConfigError(f"{path}: cannot read site profile: {error.strerror or error}") from None
        except (json.JSONDecodeError, UnicodeDecodeError) as error:
            raise ConfigError(f"{path}: cannot read site profile: {error}") from None
        except ConfigError as error:
            raise ConfigError(f"{path}: {error}") from None

    def save(self, path: str | Path) -> None:
        Path(path).write_text(self.dumps(), "utf-8")

    def digest(self) -> str:
        """A stable fingerprint of the content (for caches and equality)."""
        if not self._digest:
            self._digest = hashlib.blake2b(self.dumps().encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
        return self._digest

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Profiles) and self.to_dict() == other.to_dict()

    def __hash__(self) -> int:
        return hash(self.digest())

    def __repr__(self) -> str:
        return f"Profiles({len(self.sites)} sites, {self.line_count} lines, {self.thresholds})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (Profiles, (self.sites, self.thresholds))


def normalizers_of(pipeline: Pipeline | None) -> tuple[Normalizer, ...]:
    """The text → text steps whose output the filters (and so the profiles) see."""
    steps = (pipeline or Pipeline.default()).steps
    return tuple(step for step in steps if isinstance(step, Normalizer))


def document_keys(text: str, normalizers: Sequence[Normalizer], min_chars: int = 1) -> set[str]:
    """The distinct line keys of one document, as `split_lines` would key its lines."""
    source = text
    for step in normalizers:
        source = step.normalize(source)
    keys = {line_key(line) for line in source.split("\n")}
    return {key for key in keys if len(key) >= min_chars}


def select(
    documents: Mapping[str, int], counts: Mapping[str, Mapping[Any, int]], thresholds: Thresholds
) -> Iterator[tuple[str, Any, int]]:
    """(site, line, count) for every counted line above the thresholds of its site."""
    for site, lines in counts.items():
        total = documents[site]
        for line, count in lines.items():
            if thresholds.repeated(count, total):
                yield site, line, count


def reference_profiles(
    documents: Iterable[Doc], thresholds: Thresholds = Thresholds(), pipeline: Pipeline | None = None
) -> Profiles:
    """Profiles of (URL or site field, text) documents, counted in plain dictionaries.

    Documents without a site are skipped. The test oracle for every other way of building.
    """
    normalizers = normalizers_of(pipeline)
    per_site: Counter[str] = Counter()
    counts: dict[str, Counter[str]] = {}
    for where, text in documents:
        site = site_of(where)
        if site is None:
            continue
        per_site[site] += 1
        counts.setdefault(site, Counter()).update(document_keys(text, normalizers, thresholds.min_chars))
    chosen: dict[str, dict[str, int]] = {}
    for site, key, count in select(per_site, counts, thresholds):
        chosen.setdefault(site, {})[key] = count
    return Profiles({site: SiteProfile(per_site[site], lines) for site, lines in chosen.items()}, thresholds)
