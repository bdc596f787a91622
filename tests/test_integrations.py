"""Adapters: the framework-free cores on duck-typed stand-ins (always), the real classes where
datatrove and langchain-core import, and the ImportError that names the extra where not."""

from __future__ import annotations

import builtins
import importlib
import pickle
import sys
from dataclasses import dataclass, field
from typing import Any

import pytest

from cleanarticle import Pipeline
from cleanarticle.corpus import Profiles, SiteProfile
from cleanarticle.integrations import datatrove as dt_adapter
from cleanarticle.integrations import langchain as lc_adapter

ARTICLE = "Headline of the story\nShare this article\n\nThe minister resigned on Friday after a long inquiry.\n"
CLEAN = Pipeline.default().run(ARTICLE).text
PROFILES = Profiles({"example.com": SiteProfile(10, {"the minister resigned on friday after a long inquiry": 9})})


@dataclass
class FakeDatatroveDoc:
    text: str
    id: str
    metadata: dict[str, Any] = field(default_factory=dict)


@dataclass
class FakeLangchainDoc:
    page_content: str
    metadata: dict[str, Any] = field(default_factory=dict)


class Exploding:
    names = ("exploding",)

    def run(self, text: str, url: str | None = None, limits: object = None) -> None:
        raise RuntimeError("boom")


# cores on stand-ins ---------------------------------------------------------------------------


def test_datatrove_core_cleans_in_place_counts_and_explains() -> None:
    counted: list[str] = []
    docs = [FakeDatatroveDoc(ARTICLE, "a", {"url": "https://example.com/1"}), FakeDatatroveDoc("Plain text.\n", "b")]
    out = list(dt_adapter.clean_documents(docs, Pipeline.default(), explain=True, count=lambda label, value=1: counted.append(label)))
    assert out == docs and out[0].text == CLEAN and out[1].text == "Plain text.\n"
    assert "removed/widgets/share_prompt" in counted
    [record] = [r for r in out[0].metadata[dt_adapter.REMOVALS_KEY] if r["reason"] == "share_prompt"]
    assert record["text"] == "Share this article\n"


def test_datatrove_core_keeps_a_failing_document_with_an_error() -> None:
    counted: list[str] = []
    docs = [FakeDatatroveDoc(ARTICLE, "a")]
    [doc] = dt_adapter.clean_documents(docs, Exploding(), count=lambda label, value=1: counted.append(label))  # type: ignore[arg-type]
    assert doc.text == ARTICLE and doc.metadata[dt_adapter.ERROR_KEY] == "RuntimeError: boom"
    assert counted == ["errors"]


def test_datatrove_core_uses_the_url_for_the_site_profile() -> None:
    pipeline = Pipeline.default().enable(dt_adapter.configured(None, PROFILES).steps[-2])
    docs = [FakeDatatroveDoc(ARTICLE, "a", {"url": "https://www.example.com/x"}), FakeDatatroveDoc(ARTICLE, "b")]
    first, second = dt_adapter.clean_documents(docs, pipeline)
    assert "minister" not in first.text and second.text == CLEAN


def test_langchain_core_returns_new_documents_of_the_same_class() -> None:
    docs = [FakeLangchainDoc(ARTICLE, {"source": "https://example.com/a"})]
    [out] = lc_adapter.transform(docs, Pipeline.default())
    assert isinstance(out, FakeLangchainDoc) and out is not docs[0]
    assert out.page_content == CLEAN and docs[0].page_content == ARTICLE
    assert out.metadata == {"source": "https://example.com/a", lc_adapter.REMOVALS_KEY: 1}
    [explained] = lc_adapter.transform(docs, lc_adapter.configured(None, PROFILES), explain=True)
    assert {r["filter"] for r in explained.metadata[lc_adapter.REMOVALS_KEY]} >= {"widgets", "site_boilerplate"}


# without the frameworks ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("module", "name", "framework", "extra"),
    [
        ("cleanarticle.integrations.datatrove", "CleanArticle", "datatrove", "datatrove"),
        ("cleanarticle.integrations.langchain", "CleanArticleTransformer", "langchain_core", "langchain"),
        ("cleanarticle.corpus.dask", "connect", "distributed", "dask"),
    ],
)
def test_missing_framework_names_the_extra(
    monkeypatch: pytest.MonkeyPatch, module: str, name: str, framework: str, extra: str
) -> None:
    real_import = builtins.__import__

    def blocked(name_: str, *args: Any, **kwargs: Any) -> Any:
        if name_ == framework or name_.startswith(framework + "."):
            raise ImportError(f"No module named {name_!r}")
        return real_import(name_, *args, **kwargs)

    for loaded in [m for m in sys.modules if m == framework or m.startswith(framework + ".")]:
        monkeypatch.delitem(sys.modules, loaded)
    monkeypatch.setattr(builtins, "__import__", blocked)
    monkeypatch.delitem(sys.modules, module, raising=False)
    adapter = importlib.import_module(module)  # importing the adapter itself never fails
    with pytest.raises(ImportError, match=rf"pip install 'cleanarticle\[{extra}\]'"):
        target = getattr(adapter, name)
        with target():
            pass
    monkeypatch.undo()
    sys.modules.pop(module, None)
    importlib.import_module(module)


# the real frameworks -------------------------------------------------------------------------


def test_real_datatrove_step() -> None:
    pytest.importorskip("datatrove")
    from datatrove.data import Document
    from datatrove.pipeline.base import PipelineStep

    from cleanarticle.integrations.datatrove import CleanArticle

    step = CleanArticle(profile=PROFILES, explain=True)
    assert isinstance(step, PipelineStep)
    docs = [Document(text=ARTICLE, id="1", metadata={"url": "https://example.com/a"})]
    [out] = list(step(docs))
    assert "Share this article" not in out.text and "minister" not in out.text
    assert step.stats["removed/widgets/share_prompt"].total == 1
    assert step.stats["removed/site_boilerplate/site_repeated_line"].total == 1
    again = pickle.loads(pickle.dumps(step))  # datatrove ships steps to its worker processes
    assert type(again) is CleanArticle and again.pipeline == step.pipeline


def test_real_langchain_transformer() -> None:
    pytest.importorskip("langchain_core")
    from langchain_core.documents import BaseDocumentTransformer, Document

    from cleanarticle.integrations.langchain import CleanArticleTransformer

    transformer = CleanArticleTransformer()
    assert isinstance(transformer, BaseDocumentTransformer)
    [out] = transformer.transform_documents([Document(page_content=ARTICLE, metadata={"source": "https://x.org/a"})])
    assert isinstance(out, Document) and out.page_content == CLEAN
    assert out.metadata["source"] == "https://x.org/a" and out.metadata[lc_adapter.REMOVALS_KEY] == 1
    assert pickle.loads(pickle.dumps(transformer)).pipeline == transformer.pipeline
