"""Name → step class registry; third-party steps come in through entry points.

Built-in steps register with `@register("name")`; a package adds its own under the
entry-point group `cleanarticle.filters` (`name = "module:Class"`), loaded on first lookup.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib.metadata import entry_points
from typing import TypeVar

ENTRY_POINT_GROUP = "cleanarticle.filters"

T = TypeVar("T", bound=type)

_steps: dict[str, type] = {}
_plugins_loaded = False


def register(name: str) -> Callable[[T], T]:
    """Class decorator: make a step available under `name` and set its `name` attribute."""

    def wrap(cls: T) -> T:
        known = _steps.get(name)
        if known is not None and known is not cls:
            raise ValueError(f"step name {name!r} is taken by {known.__module__}.{known.__qualname__}")
        cls.name = name  # type: ignore[attr-defined]
        _steps[name] = cls
        return cls

    return wrap


def _load_plugins() -> None:
    global _plugins_loaded
    if _plugins_loaded:
        return
    _plugins_loaded = True
    for point in entry_points(group=ENTRY_POINT_GROUP):
        if point.name in _steps:
            continue
        cls = point.load()
        if getattr(cls, "name", None) != point.name:
            register(point.name)(cls)


def _load_builtins() -> None:
    from . import filters, normalize  # noqa: F401  (importing registers them)


def get(name: str) -> type:
    """The step class registered as `name`; a KeyError lists the known names."""
    _load_builtins()
    if name not in _steps:
        _load_plugins()
    try:
        return _steps[name]
    except KeyError:
        known = ", ".join(sorted(_steps))
        raise KeyError(f"unknown filter {name!r}; known: {known}") from None


def available() -> dict[str, type]:
    """Every registered step, built-in and plugin, by name."""
    _load_builtins()
    _load_plugins()
    return dict(sorted(_steps.items()))
