"""The Pipeline API and its configuration: building, changing, TOML round trips, errors."""

from __future__ import annotations

import textwrap
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

import pytest

from cleanarticle import ConfigError, Pipeline, config, registry
from cleanarticle.filters import DEFAULT_STEPS, Filter, View
from cleanarticle.filters.widgets import Widgets
from cleanarticle.normalize import Normalizer
from cleanarticle.testing import check_filter
from cleanarticle.types import Field, Removal

FAMILIES = {
    "duplicates",
    "image_residue",
    "social_embeds",
    "widgets",
    "metadata_lines",
    "inline_promos",
    "disclaimers",
    "related_articles",
}

TEXT = textwrap.dedent(
    """\
    Ferry service resumes after winter break
    By Jane Doe

    Share this article

    The island ferry resumed its daily crossings on Saturday after a two-month break.

    Passengers queued from early morning, and the first boat left the harbour full.
    """
)


def test_default_pipeline_runs_normalizers_then_every_family_then_the_learned_steps() -> None:
    assert Pipeline.default().names == (
        "unicode",
        "whitespace",
        "reader_comments",
        "duplicates",
        "image_residue",
        "social_embeds",
        "widgets",
        "inline_promos",
        "related_articles",
        "disclaimers",
        "metadata_lines",
        "link_teasers",
        "page_furniture",
        "off_topic",
        "glued_page",
        "link_markup",
        "blank_lines",
    )


def test_without_drops_steps_and_keeps_the_order() -> None:
    pipeline = Pipeline.default()
    smaller = pipeline.without("metadata_lines", "widgets")
    assert smaller.names == tuple(n for n in pipeline.names if n not in ("metadata_lines", "widgets"))
    assert "By Jane Doe" in smaller.run(TEXT).text
    assert "By Jane Doe" not in pipeline.run(TEXT).text


def test_without_an_unknown_step_names_it_and_lists_the_steps() -> None:
    with pytest.raises(ConfigError, match=r"bylinez.*widgets"):
        Pipeline.default().without("bylinez")


def test_add_puts_a_filter_before_blank_lines_and_a_normalizer_after_the_normalizers() -> None:
    pipeline = Pipeline.from_names(["whitespace", "blank_lines"])
    with_widgets = pipeline.add("widgets")
    assert with_widgets.names == ("whitespace", "widgets", "blank_lines")
    assert with_widgets.add("unicode").names == ("whitespace", "unicode", "widgets", "blank_lines")
    assert Pipeline.from_names(["widgets"]).add("disclaimers").names == ("widgets", "disclaimers")
    assert "Share this article" not in with_widgets.run(TEXT).text


def test_add_places_a_step_before_or_after_an_anchor() -> None:
    pipeline = Pipeline.from_names(["whitespace", "widgets", "blank_lines"])
    assert pipeline.add("duplicates", before="widgets").names == ("whitespace", "duplicates", "widgets", "blank_lines")
    assert pipeline.add("duplicates", after="blank_lines").names[-1] == "duplicates"
    assert pipeline.enable("duplicates", before="widgets").names == pipeline.add("duplicates", before="widgets").names


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda p: p.add("widgets"), r"'widgets' is already in the pipeline"),
        (lambda p: p.enable("widgets"), r"'widgets' is already in the pipeline"),
        (lambda p: p.add("duplicates", before="no_such"), r"'no_such': not in the pipeline"),
        (lambda p: p.add("duplicates", after="no_such"), r"'no_such': not in the pipeline"),
        (lambda p: p.add("duplicates", before="widgets", after="widgets"), r"not both"),
        (lambda p: p.add("unicode", after="widgets"), r"must come before every filter"),
        (lambda p: p.replace("no_such", "duplicates"), r"not in the pipeline: 'no_such'"),
        (lambda p: p.replace("widgets", "blank_lines"), r"'blank_lines' is already in the pipeline"),
    ],
)
def test_composition_that_would_do_nothing_or_the_wrong_thing_fails(change, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        change(Pipeline.from_names(["whitespace", "widgets", "blank_lines"]))


def test_replace_swaps_a_step_in_place() -> None:
    pipeline = Pipeline.from_names(["whitespace", "widgets", "blank_lines"])
    swapped = pipeline.replace("widgets", Widgets(max_words=3))
    assert swapped.names == pipeline.names
    assert swapped.steps[1] == Widgets(max_words=3)
    assert pipeline.replace("widgets", "duplicates").names == ("whitespace", "duplicates", "blank_lines")


def test_enable_an_unknown_step_lists_the_known_ones() -> None:
    with pytest.raises(ConfigError, match=r"no_such_filter.*known:.*related_articles"):
        Pipeline.default().enable("no_such_filter")


@pytest.mark.parametrize(
    ("path", "text", "value"),
    [
        ("whitespace.final_newline", "false", False),
        ("whitespace.final_newline", "true", True),
        ("widgets.max_words", "3", 3),
        ("disclaimers.tail_fraction", "0.5", 0.5),
        ("disclaimers.tail_fraction", 0.75, 0.75),
    ],
)
def test_set_coerces_strings_to_the_setting_type(path: str, text: object, value: object) -> None:
    pipeline = Pipeline.default()
    changed = pipeline.set(path, text)
    name, key = path.split(".")
    step = changed.steps[changed.names.index(name)]
    assert getattr(step, key) == value
    assert type(getattr(step, key)) is type(value)
    assert changed.names == pipeline.names


def test_set_changes_behaviour_and_leaves_the_original_alone() -> None:
    pipeline = Pipeline.default()
    changed = pipeline.set("whitespace.final_newline", "false")
    assert not changed.run("One line").text.endswith("\n")
    assert pipeline.run("One line").text.endswith("\n")


def test_set_an_unknown_setting_names_the_known_settings() -> None:
    with pytest.raises(ConfigError, match=r"max_wordz.*max_words"):
        Pipeline.default().set("widgets.max_wordz", 3)


def test_set_an_unknown_step_lists_the_steps() -> None:
    with pytest.raises(ConfigError, match=r"widgetz.*widgets"):
        Pipeline.default().set("widgetz.max_words", 3)


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        ("widgets.max_words", "three", "expected int"),
        ("whitespace.final_newline", "maybe", "expected true or false"),
        ("disclaimers.tail_fraction", "half", "expected float"),
        ("widgets", "3", "expected STEP.SETTING"),
    ],
)
def test_set_rejects_bad_values(path: str, value: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        Pipeline.default().set(path, value)


def test_config_error_is_a_value_error() -> None:
    assert issubclass(ConfigError, ValueError)


def custom() -> Pipeline:
    return (
        Pipeline.default()
        .without("metadata_lines")
        .set("widgets.max_words", "5")
        .set("disclaimers.tail_fraction", "0.25")
        .set("whitespace.final_newline", "false")
    )


def test_to_config_and_from_config_round_trip() -> None:
    for pipeline in (Pipeline.default(), custom(), Pipeline.from_names(["whitespace"])):
        data = pipeline.to_config()
        assert set(data) == {"steps", "filters"}
        assert Pipeline.from_config(data) == pipeline
    assert custom().to_config()["filters"]["widgets"]["max_words"] == 5


def test_dumps_then_load_gives_an_equal_pipeline(tmp_path: Path) -> None:
    for number, pipeline in enumerate((Pipeline.default(), custom())):
        path = tmp_path / f"cleanarticle{number}.toml"
        path.write_text(config.dumps(pipeline), "utf-8")
        loaded = config.load(path)
        assert loaded == pipeline
        assert loaded.run(TEXT) == pipeline.run(TEXT)


def test_load_reads_tool_cleanarticle_from_pyproject(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text(
        textwrap.dedent(
            """\
            [project]
            name = "newsroom-tools"

            [tool.cleanarticle]
            steps = ["unicode", "whitespace", "widgets", "disclaimers", "blank_lines"]

            [tool.cleanarticle.filters.widgets]
            max_words = 4

            [tool.other]
            steps = ["ignored"]
            """
        ),
        "utf-8",
    )
    expected = Pipeline.from_names(
        ["unicode", "whitespace", "widgets", "disclaimers", "blank_lines"], {"widgets": {"max_words": 4}}
    )
    assert config.load(path) == expected


def test_pyproject_without_a_section_gives_the_default(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text('[project]\nname = "x"\n', "utf-8")
    assert config.load(path) == Pipeline.default()


def test_unknown_top_level_key_fails_with_a_hint(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"'?step'?.*expected 'steps' and 'filters'"):
        Pipeline.from_config({"step": ["widgets"]})
    path = tmp_path / "cleanarticle.toml"
    path.write_text('steps = ["widgets"]\n[filter.widgets]\nmax_words = 3\n', "utf-8")
    with pytest.raises(ConfigError, match=r"cleanarticle\.toml.*filter.*expected 'steps'"):
        config.load(path)


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('steps = ["widgets", "bylinez"]\n', "bylinez"),
        ('steps = ["widgets"]\n[filters.widgets]\nmax_wordz = 3\n', "max_wordz.*max_words"),
        ('steps = ["widgets"]\n[filters.disclaimers]\nmax_words = 3\n', "not in the pipeline: disclaimers"),
        ('steps = ["widgets"\n', "cannot read config"),
    ],
)
def test_bad_config_files_name_the_problem(tmp_path: Path, toml: str, message: str) -> None:
    path = tmp_path / "cleanarticle.toml"
    path.write_text(toml, "utf-8")
    with pytest.raises(ConfigError, match=message):
        config.load(path)


def test_missing_config_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read config"):
        config.load(tmp_path / "absent.toml")


def test_normalizer_after_a_filter_fails() -> None:
    with pytest.raises(ConfigError, match="'whitespace' must come before every filter"):
        Pipeline.from_names(["widgets", "whitespace"])
    with pytest.raises(ConfigError, match="must come before"):
        Pipeline.from_config({"steps": ["unicode", "widgets", "whitespace"]})


def test_a_step_twice_fails() -> None:
    with pytest.raises(ConfigError, match="twice"):
        Pipeline.from_names(["whitespace", "widgets", "widgets"])


BUILT_IN_FILTERS = sorted(
    name
    for name, cls in registry.available().items()
    if issubclass(cls, Filter) and cls.__module__.startswith("cleanarticle.")
)


def test_every_built_in_step_is_a_normalizer_or_a_filter() -> None:
    built_in = {n: c for n, c in registry.available().items() if c.__module__.startswith("cleanarticle.")}
    assert set(DEFAULT_STEPS) <= set(built_in)
    assert all(issubclass(c, (Normalizer, Filter)) for c in built_in.values())
    assert FAMILIES | {"blank_lines", "link_teasers"} <= set(BUILT_IN_FILTERS)


@pytest.mark.parametrize("name", BUILT_IN_FILTERS)
def test_check_filter_passes_on_every_built_in_filter(name: str) -> None:
    check_filter(registry.get(name))


@dataclass(frozen=True)
class _Cut(Filter):
    """Removes the fixed spans `spans` of the source (for the live-line bookkeeping)."""

    name: ClassVar[str] = "cut"
    spans: tuple[tuple[int, int], ...] = ()

    def find(self, view: View) -> Iterator[Removal]:
        for start, end in self.spans:
            yield Removal(start, end, self.name, "cut")


@dataclass(frozen=True)
class _Seen(Filter):
    """Records the lines it is shown and removes nothing."""

    name: ClassVar[str] = "seen"
    shown: list[str] = field(default_factory=list)

    def find(self, view: View) -> Iterator[Removal]:
        self.shown.extend(line.text for line in view.lines)
        return iter(())


@pytest.mark.parametrize(
    ("spans", "live"),
    [
        ((), ["a1", "b22", "", "c333"]),
        (((0, 3),), ["b22", "", "c333"]),  # a whole line with its newline
        (((0, 2),), ["", "b22", "", "c333"]),  # a line without its newline stays, read as what is left: nothing
        (((1, 7),), ["a1", "", "c333"]),  # part of "a1", all of "b22"
        (((3, 8), (7, 13)), ["a1"]),  # overlapping spans to the end of the text
        (((8, 9),), ["a1", "b22", "", "333"]),  # inside a line: the rest of it
    ],
)
def test_later_filters_see_the_lines_no_removal_covers_whole_less_their_cuts(
    spans: tuple[tuple[int, int], ...], live: list[str]
) -> None:
    seen = _Seen()
    Pipeline((_Cut(spans), seen)).run("a1\nb22\n\nc333\n")
    assert seen.shown == live


@dataclass(frozen=True)
class _Dateline(Filter):
    """Removes the second line and reports it as the publication date (the metadata hook)."""

    name: ClassVar[str] = "dateline_meta"

    def find(self, view: View) -> Iterator[Removal]:
        line = view.lines[1]
        yield Removal(line.start, line.stop, self.name, "dateline")

    def metadata(self, view: View, removals: Sequence[Removal]) -> dict[str, Field]:
        return {"published": Field(view.source[removals[0].start : removals[0].end].strip(), removals[0].start, removals[0].end)}


def test_metadata_comes_from_any_filter_that_implements_the_hook() -> None:
    text = "Ferry service resumes\nUpdated 12 May 2024 10:00\n\nThe ferry resumed its crossings on Saturday after a break.\n"
    own = Pipeline.from_names(["whitespace", _Dateline(), "blank_lines"]).run(text)
    assert own.metadata.published is not None and own.metadata.published.value == "Updated 12 May 2024 10:00"
    assert own.metadata.title is not None and own.metadata.title.value == "Ferry service resumes"
    assert Pipeline.from_names(["whitespace", "blank_lines"]).run(text).metadata.published is None
    # Both read the date line; the first filter to give a field wins.
    both = Pipeline.from_names(["whitespace", _Dateline(), "metadata_lines", "blank_lines"]).run(text)
    assert [r.filter for r in both.removals] == ["dateline_meta"]
    assert both.metadata.published == own.metadata.published


ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("name", BUILT_IN_FILTERS)
def test_every_built_in_filter_declares_its_reasons(name: str) -> None:
    assert registry.get(name).reasons, f"{name} lists no reason codes for --list-filters"


def test_every_reason_given_is_one_its_filter_declares() -> None:
    texts = [p.read_text("utf-8") for folder in ("seeds", "tests/articles") for p in sorted((ROOT / folder).glob("*.txt"))]
    given = {(r.filter, r.reason) for text in texts for r in Pipeline.default().run(text).removals}
    assert len({f for f, _ in given}) >= 8  # the texts exercise most filters
    assert {(f, r) for f, r in given if r not in registry.get(f).reasons} == set()


BODY = "The island ferry resumed its daily crossings on Saturday after a two-month winter break.\n"


@pytest.mark.parametrize(
    ("setting", "value", "line", "reason"),
    [
        ("social_embeds.max_label_words", "3", "View this post on Instagram", "embed_label"),
        ("widgets.sentence_words", "2", "Share this article.", "share_prompt"),
        ("metadata_lines.max_meta_words", "2", "By Jane Doe", "byline"),
    ],
)
def test_a_threshold_that_decides_a_removal_is_a_setting(setting: str, value: str, line: str, reason: str) -> None:
    """The default removes `line` for `reason`; the setting, shown by to_config, keeps it."""
    text = f"Ferry service resumes\n\n{line}\n\n{BODY}\n{BODY}"
    default = Pipeline.default().run(text)
    assert [(default.removed_text(r).strip(), r.reason) for r in default.removals if r.reason == reason] == [(line, reason)]
    changed = Pipeline.default().set(setting, value)
    name, key = setting.split(".")
    assert str(changed.to_config()["filters"][name][key]) == value
    assert line in changed.run(text).text


@dataclass(frozen=True)
class _Looks(Filter):
    """A contextual filter that removes nothing and counts how often it looks."""

    name: ClassVar[str] = "looks"
    contextual: ClassVar[bool] = True
    seen: list[int] = field(default_factory=list, metadata={"setting": False})

    def find(self, view: View) -> Iterator[Removal]:
        self.seen.append(len(view.lines))
        return iter(())


def test_blank_lines_going_start_no_round_and_text_going_does() -> None:
    """Filters read blank lines only as block breaks, so removing blank lines alone (the blank
    line tidying) changes no verdict and needs no second look; a removed text line does."""
    looks = _Looks()
    Pipeline.from_names(["whitespace", looks, "blank_lines"]).run("\n\nA first paragraph.\n\n\n\nA second paragraph.\n\n")
    assert looks.seen == [8]
    looks = _Looks()
    Pipeline.from_names(["whitespace", looks, "widgets", "blank_lines"]).run(
        "A first paragraph of the article, long enough to stay.\n\nShare this article\n\nA second paragraph.\n"
    )
    assert looks.seen == [5, 3]
