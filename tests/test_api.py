"""The public API: one signature for the four entry points, the exports plugin authors need,
TOML round trips on Pipeline, and [tool.cleanarticle] found in the nearest pyproject.toml."""

from __future__ import annotations

import inspect
import textwrap
from importlib.resources import files
from pathlib import Path

import pytest

import cleanarticle
from cleanarticle import Pipeline, cli, config

TEXT = "Ferry service resumes\n\nShare this article\n\nThe island ferry resumed its daily crossings on Saturday.\n"
ENTRY_POINTS = ["clean", "clean_and_explain", "clean_html", "clean_html_and_explain"]


@pytest.mark.parametrize("name", ENTRY_POINTS)
def test_entry_points_share_one_signature(name: str) -> None:
    parameters = inspect.signature(getattr(cleanarticle, name)).parameters
    found = [(p.name, p.kind, p.default) for p in parameters.values()]
    assert found[1:4] == [
        ("url", inspect.Parameter.POSITIONAL_OR_KEYWORD, None),
        ("pipeline", inspect.Parameter.KEYWORD_ONLY, None),
        ("limits", inspect.Parameter.KEYWORD_ONLY, None),
    ]
    html_only = [("include_comments", inspect.Parameter.KEYWORD_ONLY, False), ("extractor", inspect.Parameter.KEYWORD_ONLY, "trafilatura")]
    assert found[4:] == (html_only if "html" in name else [])


def test_clean_runs_the_pipeline_it_is_given() -> None:
    assert "Share this article" not in cleanarticle.clean(TEXT)
    kept = cleanarticle.clean(TEXT, pipeline=Pipeline.default().without("widgets"))
    assert "Share this article" in kept
    assert cleanarticle.clean_and_explain(TEXT, pipeline=Pipeline.default().without("widgets")).text == kept


def test_clean_html_runs_the_pipeline_it_is_given() -> None:
    html = "<html><body><article><h1>Ferry service resumes</h1><p>Share this article</p>" + "".join(
        f"<p>The island ferry resumed its daily crossings on Saturday, paragraph {i} of the report.</p>" for i in range(6)
    ) + "</article></body></html>"
    assert "Share this article" not in cleanarticle.clean_html(html)
    assert "Share this article" in cleanarticle.clean_html(html, pipeline=Pipeline.default().without("widgets"))


def test_plugin_authors_need_only_the_package() -> None:
    for name in ("register", "Filter", "LineFilter", "View", "apply_removals"):
        assert name in cleanarticle.__all__ and hasattr(cleanarticle, name)
    assert files("cleanarticle").joinpath("py.typed").is_file()


def test_pipeline_toml_round_trip(tmp_path: Path) -> None:
    pipeline = Pipeline.default().without("widgets").set("duplicates.min_words", 8)
    path = tmp_path / "cleanarticle.toml"
    path.write_text(pipeline.to_toml(), "utf-8")
    assert Pipeline.from_toml(path) == pipeline


def _project(root: Path, table: str) -> Path:
    root.mkdir(exist_ok=True)
    (root / "pyproject.toml").write_text(textwrap.dedent(table), "utf-8")
    return root


def test_the_nearest_pyproject_with_the_table_is_found(tmp_path: Path) -> None:
    _project(tmp_path, '[tool.cleanarticle]\nsteps = ["whitespace", "widgets"]\n')
    inner = _project(tmp_path / "pkg", "[project]\nname = 'x'\n")  # no table: the search goes on up
    (inner / "src").mkdir()
    assert config.discover(inner / "src") == tmp_path / "pyproject.toml"
    assert config.discover(tmp_path / "pkg") == tmp_path / "pyproject.toml"


def test_the_cli_reads_tool_cleanarticle_without_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _project(tmp_path, '[tool.cleanarticle]\nsteps = ["whitespace", "widgets"]\n[tool.cleanarticle.filters.widgets]\nmax_words = 7\n')
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    assert cli.main(["--show-config"]) == 0
    shown = capsys.readouterr().out
    assert 'steps = ["whitespace", "widgets"]' in shown and "max_words = 7" in shown


def test_without_a_table_the_cli_uses_the_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    _project(tmp_path, "[project]\nname = 'x'\n")
    monkeypatch.chdir(tmp_path)
    assert cli.main(["--show-config"]) == 0
    assert capsys.readouterr().out == config.dumps(Pipeline.default())


def test_a_broken_pyproject_is_a_usage_error_naming_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    _project(tmp_path, "[tool.cleanarticle\n")
    monkeypatch.chdir(tmp_path)
    assert cli.main(["--show-config"]) == 2
    assert "pyproject.toml" in capsys.readouterr().err
