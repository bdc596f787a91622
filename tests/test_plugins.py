"""Third-party filters: entry-point registration, and `check_filter` as their test kit."""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from cleanarticle import ConfigError, Pipeline, clean, registry
from cleanarticle.filters.base import Filter, LineFilter, View
from cleanarticle.testing import check_filter
from cleanarticle.types import Line, Removal

PLUGIN_MODULE = "cleanarticle_lorem_plugin"

PLUGIN_SOURCE = '''
from dataclasses import dataclass

from cleanarticle.filters.base import LineFilter


@dataclass(frozen=True, slots=True)
class Lorem(LineFilter):
    """Lines that are exactly LOREM, a placeholder left by a template."""

    word: str = "LOREM"
    max_words: int = 3

    def check_line(self, line, position, view):
        return "lorem_placeholder" if line.text == self.word and line.words <= self.max_words else None
'''


@pytest.fixture
def isolated_registry(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A copy of the registry for one test: names registered inside it vanish afterwards."""
    monkeypatch.setattr(registry, "_steps", dict(registry.available()))
    yield


@pytest.fixture
def lorem_plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, isolated_registry: None) -> Iterator[None]:
    """An installed distribution whose `cleanarticle.filters` entry point is the Lorem filter."""
    (tmp_path / f"{PLUGIN_MODULE}.py").write_text(PLUGIN_SOURCE, "utf-8")
    dist = tmp_path / "cleanarticle_lorem-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: cleanarticle-lorem\nVersion: 1.0\n", "utf-8")
    (dist / "entry_points.txt").write_text(
        f"[{registry.ENTRY_POINT_GROUP}]\nlorem = {PLUGIN_MODULE}:Lorem\n", "utf-8"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(registry, "_plugins_loaded", False)
    yield
    sys.modules.pop(PLUGIN_MODULE, None)


ARTICLE = textwrap.dedent(
    """\
    Harbour reopens after storm repairs

    The harbour reopened on Monday after three weeks of repairs to the sea wall.

    LOREM

    Fishing boats returned to their moorings before noon, the harbour master said.
    """
)


def test_entry_point_filter_is_listed_and_removes_its_lines(lorem_plugin: None) -> None:
    assert "lorem" in registry.available()
    pipeline = Pipeline.default().enable("lorem")
    assert "lorem" in pipeline.names
    assert pipeline.names.index("lorem") < pipeline.names.index("blank_lines")
    result = pipeline.run(ARTICLE)
    assert "LOREM" not in result.text
    cuts = [(r.filter, r.reason) for r in result.removals if r.filter != "blank_lines"]
    assert cuts == [("lorem", "lorem_placeholder")]
    assert result.text == clean(ARTICLE.replace("LOREM\n\n", ""))


def test_entry_point_filter_is_found_by_name_and_configurable(lorem_plugin: None) -> None:
    cls = registry.get("lorem")
    assert cls.__module__ == PLUGIN_MODULE
    pipeline = Pipeline.default().enable("lorem").set("lorem.word", "IPSUM")
    assert pipeline.to_config()["filters"]["lorem"] == {"word": "IPSUM", "max_words": 3}
    assert "LOREM" in pipeline.run(ARTICLE).text


def test_default_pipeline_does_not_run_plugins_unasked(lorem_plugin: None) -> None:
    assert "lorem" in registry.available()
    assert "lorem" not in Pipeline.default().names
    assert "LOREM" in clean(ARTICLE)


def test_check_filter_passes_on_the_plugin(lorem_plugin: None) -> None:
    cls = registry.get("lorem")
    check_filter(cls, removes=["LOREM"], keeps=["LOREM IPSUM is the name of a typeface.", "lorem"])
    check_filter(cls(word="IPSUM"), removes=["IPSUM"], keeps=["LOREM"])


def test_check_filter_fails_when_a_removes_line_stays(lorem_plugin: None) -> None:
    with pytest.raises(AssertionError, match="should remove 'Ipsum dolor'"):
        check_filter(registry.get("lorem"), removes=["Ipsum dolor"])


def test_check_filter_fails_when_a_keeps_line_goes(lorem_plugin: None) -> None:
    with pytest.raises(AssertionError, match="should keep 'LOREM'"):
        check_filter(registry.get("lorem"), keeps=["LOREM"])


def test_check_filter_takes_blocks_and_a_context() -> None:
    newsletter = "Subscribe to The Morning\nAll Newsletters\nMarkets Daily"
    check_filter(registry.get("widgets"), removes=[newsletter], keeps=["Markets Daily\nHigh Relative Strength"])
    repeated = "The minister spoke for an hour and took no questions."
    context = f"Cabinet meets\n\n{repeated}\n\nThe meeting ended early, aides said, without a statement.\n"
    check_filter(registry.get("duplicates"), removes=[repeated], context=context)
    with pytest.raises(AssertionError, match="should remove"):
        check_filter(registry.get("duplicates"), removes=[repeated])


# Broken filters: each breaks one rule of the contract.


class NotADataclass(LineFilter):
    """Lines that are exactly LOREM."""

    def check_line(self, line: Line, position: int, view: View) -> str | None:
        return "lorem" if line.text == "LOREM" else None


@dataclass
class NotFrozen(NotADataclass):
    """Lines that are exactly LOREM."""


@dataclass(frozen=True)
class Unregistered(NotADataclass):
    """Lines that are exactly LOREM."""


@dataclass(frozen=True)
class NoDocstring(LineFilter):
    def check_line(self, line: Line, position: int, view: View) -> str | None:
        return None


@dataclass(frozen=True)
class OutOfBounds(Filter):
    """A span past the end of the text."""

    def find(self, view: View) -> Iterator[Removal]:
        yield Removal(0, len(view.source) + 5, self.name, "too_far")


@dataclass(frozen=True)
class EmptySpan(Filter):
    """An empty span at the start of every text."""

    def find(self, view: View) -> Iterator[Removal]:
        yield Removal(0, 0, self.name, "empty")


@dataclass(frozen=True)
class WrongName(LineFilter):
    """Every line, under another filter's name."""

    def check_line(self, line: Line, position: int, view: View) -> str | None:
        return "stolen"

    def find(self, view: View) -> Iterator[Removal]:
        for removal in LineFilter.find(self, view):
            yield Removal(removal.start, removal.end, "widgets", removal.reason)


@dataclass(frozen=True)
class BadReason(LineFilter):
    """Lines that are exactly LOREM, with a free-text reason."""

    def check_line(self, line: Line, position: int, view: View) -> str | None:
        return "Looks Like Lorem" if line.text.startswith("The") else None


@dataclass(frozen=True)
class Crashes(LineFilter):
    """Fails on text it did not expect."""

    def check_line(self, line: Line, position: int, view: View) -> str | None:
        return "emoji" if line.text.encode("ascii") == b"" else None


_calls = [0]


@dataclass(frozen=True)
class Flaky(LineFilter):
    """Every other call removes the first line."""

    def check_line(self, line: Line, position: int, view: View) -> str | None:
        _calls[0] += 1
        return "flaky" if position == 0 and _calls[0] % 2 else None


@dataclass(frozen=True)
class Greedy(LineFilter):
    """Every line that ends in a full stop."""

    def check_line(self, line: Line, position: int, view: View) -> str | None:
        return "sentence" if line.text.endswith(".") else None


BROKEN = [
    (NotADataclass, "frozen dataclass"),
    (NotFrozen, "frozen dataclass"),
    (Unregistered, "not registered"),
    (NoDocstring, "docstring"),
    (OutOfBounds, "outside the text"),
    (EmptySpan, "outside the text"),
    (WrongName, "registry name"),
    (BadReason, "snake_case"),
    (Crashes, "raised UnicodeEncodeError"),
    (Flaky, "not deterministic"),
    (Greedy, "removes lines of a plain article"),
]


@pytest.mark.parametrize(("cls", "message"), BROKEN, ids=[cls.__name__ for cls, _ in BROKEN])
def test_check_filter_fails_on_a_broken_filter(isolated_registry: None, cls: type, message: str) -> None:
    if cls is not Unregistered:
        registry.register(cls.__name__.lower())(cls)
    with pytest.raises(AssertionError, match=message):
        check_filter(cls)


def test_set_types_a_plugin_setting_whose_module_does_not_postpone_annotations(lorem_plugin: None) -> None:
    """The plugin module has no `from __future__ import annotations`: its field types are
    classes, not strings, and "0" must still become the int 0."""
    pipeline = Pipeline.default().add("lorem").set("lorem.max_words", "0")
    assert pipeline.steps[pipeline.names.index("lorem")].max_words == 0  # type: ignore[union-attr]
    assert "LOREM" in pipeline.run("Title\n\nLOREM\n").text
    with pytest.raises(ConfigError, match="expected int"):
        Pipeline.default().add("lorem").set("lorem.max_words", "many")


@dataclass(frozen=True)
class CutSponsored(Filter):
    """The word "Sponsored " at the start of a line, cut out of it."""

    def find(self, view: View) -> Iterator[Removal]:
        for line in view.lines:
            if line.text.startswith("Sponsored "):
                yield Removal(line.start, line.start + len("Sponsored "), self.name, "sponsored_word")


@dataclass(frozen=True)
class DropMenu(LineFilter):
    """A line that reads "Menu", looked at again whenever the text changed."""

    contextual = True

    def check_line(self, line: Line, position: int, view: View) -> str | None:
        return "menu" if line.text == "Menu" else None


def test_a_line_cut_in_part_reads_as_what_is_left_of_it(isolated_registry: None) -> None:
    """The steps of later rounds judge a line less what was cut out of it, so the first cleaning
    finds what a second one would."""
    registry.register("cut_sponsored")(CutSponsored)
    registry.register("drop_menu")(DropMenu)
    pipeline = Pipeline((DropMenu(), CutSponsored()))
    text = "The council met on Tuesday.\nSponsored Menu\nIt approved the plan.\n"
    result = pipeline.run(text)
    assert [(r.filter, r.reason) for r in result.removals] == [("cut_sponsored", "sponsored_word"), ("drop_menu", "menu")]
    assert result.text == "The council met on Tuesday.\nIt approved the plan.\n"
    assert pipeline.run(result.text).text == result.text
