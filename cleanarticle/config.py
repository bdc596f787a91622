"""Read a pipeline configuration from TOML: cleanarticle.toml, or [tool.cleanarticle] in the
nearest pyproject.toml that has one (found from the working directory up, as ruff does)."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from .pipeline import ConfigError, Pipeline


def load(path: str | Path) -> Pipeline:
    """The pipeline a TOML file describes; pyproject.toml is read from [tool.cleanarticle]."""
    path = Path(path)
    try:
        data: dict[str, Any] = tomllib.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{path}: cannot read config: {error}") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("cleanarticle", {})
    try:
        return Pipeline.from_config(data)
    except ConfigError as error:
        raise ConfigError(f"{path}: {error}") from None


def discover(start: str | Path | None = None) -> Path | None:
    """The nearest pyproject.toml with a [tool.cleanarticle] table, in `start` (default: the
    working directory) or a folder above it; None when there is none."""
    folder = Path(start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        path = candidate / "pyproject.toml"
        if path.is_file():
            try:
                data = tomllib.loads(path.read_text("utf-8"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
                raise ConfigError(f"{path}: cannot read config: {error}") from None
            if "cleanarticle" in data.get("tool", {}):
                return path
    return None


def dumps(pipeline: Pipeline) -> str:
    """The pipeline as TOML text that `load` reads back to an equal pipeline."""
    config = pipeline.to_config()
    out = ["steps = [" + ", ".join(f'"{n}"' for n in config["steps"]) + "]"]
    for name, settings in config["filters"].items():
        out.append(f"\n[filters.{name}]")
        out.extend(f"{key} = {_toml_value(value)}" for key, value in settings.items())
    return "\n".join(out) + "\n"


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    escaped = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'
