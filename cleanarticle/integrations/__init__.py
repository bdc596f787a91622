"""Thin adapters to other frameworks, each importing its framework only when used.

- `cleanarticle.integrations.datatrove.CleanArticle`: a datatrove `PipelineStep`
  (extra `cleanarticle[datatrove]`);
- `cleanarticle.integrations.langchain.CleanArticleTransformer`: a LangChain
  `BaseDocumentTransformer` (extra `cleanarticle[langchain]`);
- `cleanarticle.corpus.dask`: profiles and cleaning on a Dask cluster (extra `cleanarticle[dask]`).

Importing an adapter module never fails; using a class whose framework is missing raises an
ImportError that names the extra to install.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from types import ModuleType
from typing import TYPE_CHECKING, Any

from ..pipeline import Pipeline

if TYPE_CHECKING:
    from ..corpus.profile import Profiles


def require(module: str, extra: str) -> ModuleType:
    """Import `module`, or raise an ImportError that says which extra provides it."""
    try:
        return importlib.import_module(module)
    except ImportError as error:
        raise ImportError(f"{module} is needed for this: pip install 'cleanarticle[{extra}]' ({error})") from error


def configured(pipeline: Pipeline | None = None, profile: str | Profiles | None = None) -> Pipeline:
    """`pipeline` (default: the default one), plus the site filter when a profile is given."""
    pipeline = pipeline or Pipeline.default()
    return pipeline.with_profile(profile) if profile else pipeline


def lazy_class(module: dict[str, Any], name: str, define: Callable[[], type]) -> Callable[[str], Any]:
    """A module `__getattr__` that builds class `name` with `define` on first use (so the
    framework is imported only then) and keeps it in the module's globals."""

    def __getattr__(attribute: str) -> Any:
        if attribute != name:
            raise AttributeError(f"module {module['__name__']!r} has no attribute {attribute!r}")
        module[name] = define()
        return module[name]

    return __getattr__
