"""Corpus scale: site profiles of repeated lines (pass 1) for the `site_boilerplate` filter (pass 2).

    from cleanarticle import Pipeline
    from cleanarticle.corpus import Thresholds, build_profiles

    profiles = build_profiles(lambda: ((doc["url"], doc["text"]) for doc in docs), Thresholds())
    pipeline = Pipeline.default().with_profile(profiles)

`profile` holds the data types, the file format and the in-memory reference; `count` the
hashed, mergeable counting used by the command line; `sites` the site of a URL; `dask` (extra
`cleanarticle[dask]`) the same on a Dask cluster.
"""

from __future__ import annotations

from ..filters import site_boilerplate  # noqa: F401  (registers the filter wherever profiles are unpickled)
from .count import Counts, build_profiles, count_documents
from .profile import Profiles, SiteProfile, Thresholds, document_keys, reference_profiles
from .sites import registered_domain, site_of

__all__ = [
    "Counts",
    "Profiles",
    "SiteProfile",
    "Thresholds",
    "build_profiles",
    "count_documents",
    "document_keys",
    "reference_profiles",
    "registered_domain",
    "site_of",
]
