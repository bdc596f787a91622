"""cleanarticle as a datatrove pipeline step (extra `cleanarticle[datatrove]`).

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from cleanarticle.integrations.datatrove import CleanArticle

    LocalPipelineExecutor([
        JsonlReader("crawl/"),
        CleanArticle(profile="profiles.json"),      # the site filter too; omit for the defaults
        JsonlWriter("clean/"),
    ], tasks=4).run()

Each document keeps its place in the stream (a formatter, not a filter): its text becomes the
clean text and `metadata["url"]` gives the site for the profile. The step's stats count the
removals per filter and reason ("removed/widgets/share_prompt", one value per document that had
any); with `explain=True` the
removals (start, end, filter, reason, detail, text) go to `metadata["cleanarticle_removals"]`.
A document the pipeline fails on keeps its text and gets `metadata["cleanarticle_error"]`.

datatrove is imported only when `CleanArticle` is first used; install it without its
`processing` extra, which pins an old trafilatura. `clean_documents` is the framework-free core
and works on any objects with `text` and `metadata` attributes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, Protocol

from .. import explain as explaining
from ..pipeline import Pipeline
from . import configured, lazy_class, require

if TYPE_CHECKING:
    from ..corpus.profile import Profiles

ERROR_KEY = "cleanarticle_error"
REMOVALS_KEY = "cleanarticle_removals"


class DocumentLike(Protocol):
    text: str
    metadata: dict[str, Any]


def clean_documents(
    documents: Iterable[DocumentLike],
    pipeline: Pipeline,
    *,
    url_key: str = "url",
    explain: bool = False,
    count: Callable[..., None] = lambda label, value=1: None,
) -> Iterator[DocumentLike]:
    """Clean each document in place and yield it; `count(label, value=n)` is told how many
    removals of each filter and reason the document had (datatrove's `stat_update`)."""
    for doc in documents:
        url = doc.metadata.get(url_key)
        try:
            result = pipeline.run(doc.text, url if isinstance(url, str) else None)
        except Exception as error:  # one bad document (or plugin) must not stop the stream
            doc.metadata[ERROR_KEY] = f"{type(error).__name__}: {error}"
            count("errors")
            yield doc
            continue
        doc.text = result.text
        for (name, reason), removed in result.counts().items():
            count(f"removed/{name}/{reason}", value=removed)
        if explain:
            doc.metadata[REMOVALS_KEY] = explaining.removal_records(result)
        yield doc


def _define() -> type:
    base = require("datatrove.pipeline.base", "datatrove").PipelineStep

    class CleanArticle(base):  # type: ignore[misc, valid-type]
        """Remove scraped cruft from each document's text, counting removals per reason."""

        name = "🧹 cleanarticle"
        type = "✂️ - FORMAT"

        def __init__(
            self,
            pipeline: Pipeline | None = None,
            *,
            profile: str | Profiles | None = None,
            url_key: str = "url",
            explain: bool = False,
        ) -> None:
            super().__init__()
            self.pipeline = configured(pipeline, profile)
            self.url_key = url_key
            self.explain = explain

        def run(self, data: Iterable[Any], rank: int = 0, world_size: int = 1) -> Iterator[Any]:
            for doc in clean_documents(
                data or (), self.pipeline, url_key=self.url_key, explain=self.explain, count=self.stat_update
            ):
                self.stat_update("total")
                self.update_doc_stats(doc)
                yield doc

    CleanArticle.__module__, CleanArticle.__qualname__ = __name__, "CleanArticle"  # picklable by name
    return CleanArticle


__getattr__ = lazy_class(globals(), "CleanArticle", _define)
