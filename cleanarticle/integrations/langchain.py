"""cleanarticle as a LangChain document transformer (extra `cleanarticle[langchain]`).

    from langchain_community.document_loaders import WebBaseLoader
    from cleanarticle.integrations.langchain import CleanArticleTransformer

    docs = WebBaseLoader(urls).load()
    clean_docs = CleanArticleTransformer(profile="profiles.json").transform_documents(docs)

Each document comes back as a new document of the same class with the clean text as
`page_content` and the same metadata, plus `cleanarticle_removals` (how many lines or blocks
went; with `explain=True`, the removal records themselves). `metadata["source"]` (the URL,
for web loaders) gives the site for the profile.

langchain-core is imported only when `CleanArticleTransformer` is first used;
`transform` is the framework-free core for any objects with `page_content` and `metadata`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Protocol

from .. import explain as explaining
from ..pipeline import Pipeline
from . import configured, lazy_class, require

if TYPE_CHECKING:
    from ..corpus.profile import Profiles

REMOVALS_KEY = "cleanarticle_removals"


class DocumentLike(Protocol):
    page_content: str
    metadata: dict[str, Any]


def transform(
    documents: Iterable[DocumentLike], pipeline: Pipeline, *, url_key: str = "source", explain: bool = False
) -> list[DocumentLike]:
    """New documents (of each input's class) with the clean text and the removals noted."""
    out = []
    for doc in documents:
        url = doc.metadata.get(url_key)
        result = pipeline.run(doc.page_content, url if isinstance(url, str) else None)
        removals = explaining.removal_records(result) if explain else result.counts().total()
        make: Any = type(doc)  # the framework's Document class: the protocol does not say how to build one
        out.append(make(page_content=result.text, metadata={**doc.metadata, REMOVALS_KEY: removals}))
    return out


def _define() -> type:
    base = require("langchain_core.documents", "langchain").BaseDocumentTransformer

    class CleanArticleTransformer(base):  # type: ignore[misc, valid-type]
        """Remove scraped cruft from each document's page_content."""

        def __init__(
            self,
            pipeline: Pipeline | None = None,
            *,
            profile: str | Profiles | None = None,
            url_key: str = "source",
            explain: bool = False,
        ) -> None:
            self.pipeline = configured(pipeline, profile)
            self.url_key = url_key
            self.explain = explain

        def transform_documents(self, documents: Sequence[Any], **kwargs: Any) -> Sequence[Any]:
            return transform(documents, self.pipeline, url_key=self.url_key, explain=self.explain)

    CleanArticleTransformer.__module__ = __name__
    CleanArticleTransformer.__qualname__ = "CleanArticleTransformer"  # picklable by name
    return CleanArticleTransformer


__getattr__ = lazy_class(globals(), "CleanArticleTransformer", _define)
