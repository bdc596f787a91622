"""Site furniture: lines that a site profile says recur across many of the site's documents."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, ClassVar

from ..registry import register
from ..types import Removal
from .base import Filter, View

if TYPE_CHECKING:
    from ..corpus.profile import Profiles

REASON = "site_repeated_line"


@register("site_boilerplate")
@dataclass(frozen=True, slots=True)
class SiteBoilerplate(Filter):
    """Lines repeated across many documents of the same site, per a site profile.

    Build the profile first (`cleanarticle profile corpus.jsonl -o profiles.json`), then
    enable this filter with `--profile profiles.json`. The site of a document is the
    registered domain of its URL, or `site` when it has none. Without a profile it removes
    nothing. The detail says in how many of the site's documents the line occurs.

    `profile` is the path of a profile file (loaded once per path and modification time), or
    an already-loaded `cleanarticle.corpus.Profiles` for in-memory use: that one round-trips
    through `Pipeline.to_config()`/`from_config()` and pickling, but cannot be written as TOML.

    Removes: "Subscribe to the Daily Planet newsletter" when the profile of dailyplanet.com has it
    Keeps:   every line of sites the profile does not know
    """

    reasons: ClassVar[tuple[str, ...]] = (REASON,)

    profile: str | Profiles = ""
    site: str = ""

    def __post_init__(self) -> None:
        self.profiles()  # a bad path fails when the pipeline is built, not on every document

    def profiles(self) -> Profiles | None:
        """The loaded profiles, or None when no profile is set."""
        if not isinstance(self.profile, str):
            return self.profile
        if not self.profile:
            return None
        return _load(self.profile, *_stamp(self.profile))

    def find(self, view: View) -> Iterator[Removal]:
        profiles = self.profiles()
        found = profiles.lines_for(view.url or self.site) if profiles is not None else None
        if found is None:
            return
        site, profile = found
        for line in view.lines:
            count = profile.lines.get(line.key) if line.text else None
            if count is not None:
                detail = f"in {count} of {profile.documents} documents of {site}"
                yield Removal(line.start, line.stop, self.name, REASON, detail)


def _stamp(path: str) -> tuple[int, int]:
    try:
        status = os.stat(path)
    except OSError:
        return (-1, -1)  # let the load report the problem
    return status.st_mtime_ns, status.st_size


@lru_cache(maxsize=8)
def _load(path: str, mtime_ns: int, size: int) -> Profiles:
    """One parse per path and version of the file, shared by every filter and document."""
    from ..corpus.profile import Profiles  # here: the corpus package imports the pipeline

    return Profiles.load(path)
