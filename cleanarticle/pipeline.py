"""Pipeline: normalizers, then filters over the still-live lines, then one application.

A pipeline is an immutable list of configured steps; `without`, `enable` and `set` return
new pipelines, and `to_config`/`from_config` round-trip through a plain dict (and TOML).
"""

from __future__ import annotations

import dataclasses
import sys
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import compress
from operator import attrgetter
from pathlib import Path
from types import UnionType
from typing import TYPE_CHECKING, Any, Union, get_args, get_origin, get_type_hints

from . import registry, wrapping
from .filters import DEFAULT_STEPS, Filter, View
from .filters.site_boilerplate import SiteBoilerplate
from .limits import Limits
from .metadata import extract
from .normalize import Normalizer, Whitespace
from .text import START, STOP, TEXT, apply_removals, cut_out, reread, split_lines
from .types import CleanResult, Field, Line, Metadata, Removal

if TYPE_CHECKING:
    from .corpus import Profiles

Step = Normalizer | Filter
_LAST = "blank_lines"  # the step that tidies what the others leave: new filters go before it


class ConfigError(ValueError):
    """A pipeline configuration that names an unknown step or setting, or a bad value."""


def _build(name: str, settings: Mapping[str, Any] | None = None) -> Step:
    try:
        cls = registry.get(name)
    except KeyError as error:
        raise ConfigError(error.args[0]) from None
    try:
        return cls(**_coerce(cls, dict(settings or {})))
    except TypeError as error:
        known = ", ".join(f.name for f in dataclasses.fields(cls)) or "none"
        raise ConfigError(f"bad settings for {name!r}: {error}; its settings: {known}") from None


def _coerce(cls: type, settings: dict[str, Any]) -> dict[str, Any]:
    """Turn CLI strings into the field's type: "true" → True, "3" → 3, "0.5" → 0.5."""
    types = field_types(cls)
    out = {}
    for key, value in settings.items():
        if key not in types:
            known = ", ".join(types) or "none"
            raise ConfigError(f"{cls.name!r} has no setting {key!r}; its settings: {known}")  # type: ignore[attr-defined]
        kind = types[key]
        if isinstance(value, str) and kind in (bool, int, float):
            value = _parse(key, value, kind)
        out[key] = value
    return out


def field_types(cls: type) -> dict[str, Any]:
    """Each setting's type, resolved whether or not the filter's module postpones annotations
    (`from __future__ import annotations` makes them strings); `X | None` reads as X."""
    try:
        hints = get_type_hints(cls)
    except (NameError, TypeError):  # a name imported only for type checkers: field by field
        hints = {f.name: _resolve(f.type, cls) for f in dataclasses.fields(cls)}
    types = {}
    for f in settings_of(cls):
        kind = hints.get(f.name, f.type)
        if get_origin(kind) in (Union, UnionType):
            options = [a for a in get_args(kind) if a is not type(None)]
            kind = options[0] if len(options) == 1 else kind
        types[f.name] = kind
    return types


def _resolve(annotation: Any, cls: type) -> Any:
    """A postponed annotation evaluated in its class's module; left as it is if it cannot be."""
    if not isinstance(annotation, str):
        return annotation
    try:
        return eval(annotation, vars(sys.modules[cls.__module__]))
    except Exception:
        return annotation


def _parse(key: str, value: str, kind: type) -> Any:
    if kind is bool:
        lowered = value.strip().lower()
        if lowered not in ("true", "false", "1", "0", "yes", "no", "on", "off"):
            raise ConfigError(f"{key}: expected true or false, got {value!r}")
        return lowered in ("true", "1", "yes", "on")
    try:
        return kind(value)
    except ValueError:
        raise ConfigError(f"{key}: expected {kind.__name__}, got {value!r}") from None


def _settings(step: Step) -> dict[str, Any]:
    return {f.name: getattr(step, f.name) for f in settings_of(type(step))}


def settings_of(cls: type) -> list[dataclasses.Field]:
    """The fields of a step class that are settings (not data a caller fills in, such as the
    page's links that the HTML path gives `link_teasers`)."""
    return [f for f in dataclasses.fields(cls) if f.metadata.get("setting", True)]


@dataclass(frozen=True)
class Pipeline:
    """An ordered, immutable list of configured steps."""

    steps: tuple[Step, ...]

    def __post_init__(self) -> None:
        seen_filter = False
        for step in self.steps:
            if isinstance(step, Normalizer) and seen_filter:
                raise ConfigError(f"normalizer {step.name!r} must come before every filter")
            seen_filter = seen_filter or not isinstance(step, Normalizer)
        names = self.names
        if len(set(names)) != len(names):
            raise ConfigError(f"a step appears twice in {list(names)}")

    @classmethod
    def default(cls) -> Pipeline:
        """Every built-in step, in the recommended order."""
        return cls.from_names(DEFAULT_STEPS)

    @classmethod
    def from_names(cls, names: Iterable[str | Step], settings: Mapping[str, Mapping[str, Any]] | None = None) -> Pipeline:
        """Build from registered names (or ready step instances) and per-step settings."""
        settings = settings or {}
        steps = tuple(n if not isinstance(n, str) else _build(n, settings.get(n)) for n in names)
        unused = set(settings) - {s.name for s in steps}
        if unused:
            raise ConfigError(f"settings for steps not in the pipeline: {', '.join(sorted(unused))}")
        return cls(steps)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(step.name for step in self.steps)

    def without(self, *names: str) -> Pipeline:
        """This pipeline less the named steps."""
        missing = set(names) - set(self.names)
        if missing:
            raise ConfigError(f"not in the pipeline: {', '.join(sorted(missing))}; it has: {', '.join(self.names)}")
        return Pipeline(tuple(s for s in self.steps if s.name not in names))

    def add(self, step: str | Step, *, before: str | None = None, after: str | None = None) -> Pipeline:
        """This pipeline plus `step`, placed before or after the named step; with no anchor, a
        normalizer goes after the last normalizer and a filter before `blank_lines` (or last).

        A step of the same name already in the pipeline, an anchor not in it, or both anchors
        raise `ConfigError`: `replace` swaps a step, `without` drops one.
        """
        new = _build(step) if isinstance(step, str) else step
        if new.name in self.names:
            raise ConfigError(f"{new.name!r} is already in the pipeline; use replace() to change it")
        if before is not None and after is not None:
            raise ConfigError(f"place {new.name!r} before or after a step, not both")
        anchor = before if after is None else after
        if anchor is not None and anchor not in self.names:
            raise ConfigError(f"cannot place {new.name!r} next to {anchor!r}: not in the pipeline; it has: {', '.join(self.names)}")
        if anchor is not None:
            at = self.names.index(anchor) + (after is not None)
        elif isinstance(new, Normalizer):
            at = sum(isinstance(s, Normalizer) for s in self.steps)
        else:
            at = self.names.index(_LAST) if _LAST in self.names else len(self.steps)
        steps = list(self.steps)
        steps.insert(at, new)
        return Pipeline(tuple(steps))

    def enable(self, step: str | Step, before: str | None = None) -> Pipeline:
        """`add(step, before=before)`, under the name the command line's --enable uses."""
        return self.add(step, before=before)

    def replace(self, name: str, step: str | Step) -> Pipeline:
        """This pipeline with the step called `name` swapped for `step`, in the same place."""
        new = _build(step) if isinstance(step, str) else step
        if name not in self.names:
            raise ConfigError(f"not in the pipeline: {name!r}; it has: {', '.join(self.names)}")
        if new.name != name and new.name in self.names:
            raise ConfigError(f"{new.name!r} is already in the pipeline")
        return Pipeline(tuple(new if s.name == name else s for s in self.steps))

    def with_profile(self, profile: str | Profiles) -> Pipeline:
        """This pipeline with site profiles: set on its `site_boilerplate` step, or that step added."""
        if SiteBoilerplate.name in self.names:
            return self.set(f"{SiteBoilerplate.name}.profile", profile)
        return self.add(SiteBoilerplate(profile=profile))

    def set(self, path: str, value: Any) -> Pipeline:
        """This pipeline with one setting changed: `set("duplicates.min_words", 8)`."""
        name, _, key = path.partition(".")
        if not key:
            raise ConfigError(f"expected STEP.SETTING, got {path!r}")
        if name not in self.names:
            raise ConfigError(f"not in the pipeline: {name!r}; it has: {', '.join(self.names)}")
        steps = tuple(
            dataclasses.replace(s, **_coerce(type(s), {key: value})) if s.name == name else s  # type: ignore[type-var]
            for s in self.steps
        )
        return Pipeline(steps)

    def to_config(self) -> dict[str, Any]:
        """{"steps": [...], "filters": {name: {setting: value}}}: the TOML layout."""
        filters = {s.name: _settings(s) for s in self.steps if _settings(s)}
        return {"steps": list(self.names), "filters": filters}

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> Pipeline:
        """Inverse of `to_config`; "steps" defaults to the default pipeline's."""
        unknown = set(config) - {"steps", "filters"}
        if unknown:
            raise ConfigError(f"unknown config keys: {', '.join(sorted(unknown))}; expected 'steps' and 'filters'")
        names = config.get("steps", DEFAULT_STEPS)
        return cls.from_names(names, config.get("filters", {}))

    @classmethod
    def from_toml(cls, path: str | Path) -> Pipeline:
        """The pipeline a TOML file describes (cleanarticle.toml, or a pyproject.toml's
        [tool.cleanarticle])."""
        from .config import load

        return load(path)

    def to_toml(self) -> str:
        """This pipeline as TOML text that `from_toml` reads back to an equal pipeline."""
        from .config import dumps

        return dumps(self)

    def run(self, text: str, url: str | None = None, *, limits: Limits | None = None) -> CleanResult:
        """Clean `text`, keeping the normalised source and every removal.

        A text longer than one window of `limits` (default `Limits()`) is cleaned window by
        window, so that memory follows the window and not the text (`windows`).
        """
        normalizers = [step for step in self.steps if isinstance(step, Normalizer)]
        source = normalize(text, normalizers)
        folded = bool(normalizers) and isinstance(normalizers[-1], Whitespace)
        filters = [step for step in self.steps if not isinstance(step, Normalizer)]
        spans = windows(source, limits or Limits())
        if len(spans) > 1:
            return _filter_windows(filters, source, spans, folded, url)
        removals, metadata = _filter(filters, source, folded, url)
        return CleanResult(apply_removals(source, removals), source, tuple(removals), metadata)


def normalize(text: str, normalizers: list[Normalizer]) -> str:
    """`text` through the normalizers, and through them again while a step before the last would
    still change the result (at most 3 times): ftfy repairs a line by itself, and what it sees as
    a line (and what stands next to a mojibake pair) depends on what the whitespace step tidies
    after it, so the output must be a fixed point of the steps for cleaning it again to change
    nothing. The check costs little: the unicode step returns clean text as it is, at once."""
    for _ in range(3):
        for normalizer in normalizers:
            text = normalizer.normalize(text)
        if all(step.normalize(text) == text for step in normalizers[:-1]):
            break
    return text


MAX_ROUNDS = 6
"""Rounds of filters at most, a bound on a cascade of verdicts (see `_rounds`): on the corpus a
second round changes the text of 10 documents of 1,414, a third of none; `page_furniture`, which
reads a page better as its menus go, took five on one of 5,700 whole-page renderings."""


def _filter(filters: list[Filter], source: str, folded: bool, url: str | None) -> tuple[list[Removal], Metadata]:
    """The removals of `filters` over `source`, sorted, and the metadata read from them.

    Hard-wrapped text is read with each paragraph as one line (`wrapping`); whether the text is
    wrapped is read again from what the filters keep, and the filters run again when the verdict
    differs (a page's menus weigh against it, its article alone for it), so that a second
    cleaning reads the text as the first did.
    """
    wrapped_at = wrapping.width(source.split("\n"))
    for _ in range(3):  # a verdict that flips back and forth stops at the third reading
        removals, metadata = _rounds(filters, source, split_lines(source, folded, wrapped_at), url, wrapped_at)
        kept = wrapping.width(apply_removals(source, removals).split("\n"))
        if kept == wrapped_at:
            break
        wrapped_at = kept
    return removals, metadata


def _rounds(
    filters: list[Filter], source: str, lines: Sequence[Line], url: str | None, wrapped_at: int = 0
) -> tuple[list[Removal], Metadata]:
    """The removals of `filters` over the `lines` of `source`, sorted, and the metadata read from them.

    Each filter sees the lines still live. Filters run in rounds until a round removes nothing,
    so that the text out is a fixed point (`clean(clean(x)) == clean(x)`): a filter whose verdict
    depends on its neighbours or its position (a tail block, a line after a blank) can change it
    once other lines are gone. A filter runs again only if it is `contextual` and lines of text
    went since it last looked: on the same lines it would find the same. Blank lines going alone
    (`blank_lines` tidying) count for nothing: filters read blank lines only as breaks between
    blocks, and position in characters of text, so no verdict can change.
    """
    lines = list(lines)
    starts, stops = list(map(START, lines)), list(map(STOP, lines))
    live = [True] * len(lines)
    removals: list[Removal] = []
    fields: dict[str, Field] = {}
    view = View(source, tuple(lines), url, wrapped_at=wrapped_at)
    cuts: list[tuple[int, int]] = []
    version, seen = 0, [-1] * len(filters)
    for again in [False] + [True] * (MAX_ROUNDS - 1):
        for number, step in enumerate(filters):
            if seen[number] == version or (again and not step.contextual):
                continue
            seen[number] = version
            if len(view.lines) != live.count(True) or view.again != again or len(view.cuts) != len(cuts):
                view = View(source, tuple(compress(lines, live)), url, again, tuple(sorted(cuts)), wrapped_at)
            found = list(step.find(view))
            changed = False
            for removal in found:
                if not 0 <= removal.start < removal.end <= len(source):
                    raise ValueError(f"filter {step.name!r} returned a span outside the text: {removal}")
                # The lines wholly inside the span: starting at or after its start, ending
                # (with their newline) at or before its end.
                first, last = bisect_left(starts, removal.start), bisect_right(stops, removal.end)
                if first < last and any(live[first:last]):
                    changed = changed or any(map(TEXT, compress(lines[first:last], live[first:last])))
                    live[first:last] = [False] * (last - first)
                elif first >= last:  # part of a line: the steps after read what is left of it
                    cuts.append((removal.start, removal.end))
                    at = bisect_right(starts, removal.start) - 1
                    lines[at] = reread(lines[at], cut_out(source, lines[at].start, lines[at].end, sorted(cuts)).replace("\n", " "))
                    changed = True
            removals.extend(found)
            for name, value in step.metadata(view, found).items():
                fields.setdefault(name, value)
            version += changed
        if all(last == version or not step.contextual for last, step in zip(seen, filters)):
            break
    removals.sort(key=attrgetter("start"))
    return removals, extract(list(compress(lines, live)), fields)


def windows(source: str, limits: Limits) -> list[tuple[int, int]]:
    """`source` cut at line ends into (start, stop) windows of at most `limits.window_chars`
    characters and `limits.window_lines` lines (a longer single line is a window of its own);
    one window for any article. Linear: the cuts are found by `str.find` and `str.count`."""
    size, most = len(source), limits.window_lines
    if size <= limits.window_chars and source.count("\n") <= most:
        return [(0, size)]
    spans, start = [], 0
    while start < size:
        stop = source.find("\n", min(start + limits.window_chars, size) - 1) + 1 or size
        if source.count("\n", start, stop) > most:  # the end of line number `most`, by bisection
            low, high = start, stop
            while low < high:
                middle = (low + high) // 2
                if source.count("\n", start, middle) < most:
                    low = middle + 1
                else:
                    high = middle
            stop = low
        spans.append((start, stop))
        start = stop
    return spans


def _filter_windows(
    filters: list[Filter], source: str, spans: list[tuple[int, int]], folded: bool, url: str | None
) -> CleanResult:
    """`_filter` window by window: the text cut window by window (no list of every piece of a
    100 MB text), the removals moved to offsets in `source` and merged where they touch with the
    same filter, reason and detail (one span for a million blank lines), the first window's metadata.
    Filters are pure, so a window equal to the one before (20 MB of newlines) is cleaned once."""
    removals: list[Removal] = []
    texts: list[str] = []
    metadata = Metadata()
    previous: tuple[str, list[Removal], str] = ("", [], "")  # a window like the one before gives what it gave
    for start, stop in spans:
        window = source[start:stop]
        if window != previous[0]:
            found, read = _filter(filters, window, folded, url)
            previous = (window, found, apply_removals(window, found))
            if start == 0:
                metadata = read
        found = previous[1]
        texts.append(previous[2])
        for removal in found:
            last = removals[-1] if removals else None
            same = last is not None and (last.filter, last.reason, last.detail) == (removal.filter, removal.reason, removal.detail)
            if last is not None and same and last.end == removal.start + start:
                removals[-1] = dataclasses.replace(last, end=removal.end + start)
            else:
                removals.append(dataclasses.replace(removal, start=removal.start + start, end=removal.end + start))
    return CleanResult("".join(texts), source, tuple(removals), metadata)
