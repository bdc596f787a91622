r"""Score cleanarticle's HTML path and text mode against trafilatura, readability-lxml, jusText and resiliparse.

One command, one run, every tool on the same pages (see ../shared/data/README.md for the sets):

    python benchmarks/quality.py                       # full table, both sets, every tool
    python benchmarks/quality.py --sample              # the CI sample in tests/html_pages, floors checked
    python benchmarks/quality.py --update-baseline     # pin this run's cleanarticle scores as floors
    python benchmarks/quality.py --update-baseline --allow-lower   # ... even when a floor goes down
    python benchmarks/quality.py --json benchmarks/results/quality.json --plot   # and PNG charts

Metrics: on trafilatura-eval-dev, the segment metric (a `with` segment found in the output is a
true positive, a `without` segment found is a false positive, counts summed over pages); on
readability-pages, token-shingle precision/recall/F1 (lowercased word tokens, multisets of 4-token
shingles, counts summed over pages) against the visible text of `expected.html`; on
wcxb-dev-articles, word F1 as WCXB defines it (lower-case `\w+` tokens of the output and of
`main_content` as multisets, F1 per page, averaged over pages). The leak rate, on every set with
boilerplate (`without`) segments, is the share of such pages whose output keeps one of them (the
rule of ../shared/data/README.md). `--half odd|even` keeps the WCXB pages of odd or even ID only:
tune on one half, report on the other.

Each tool runs in a fresh worker process that loads the pages first, so `peak MB` (the worker's peak
resident memory) is comparable between tools; the `identity` rows show what loading alone costs.
Every tool gets the same decoded `str` (`render.decode`), so the timing covers extraction only.
Text mode renders each page with `render.naive_text` (outside the timing) and times `clean()`
beside the identity (the naive text itself).
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import re
import resource
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import render

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "data"
BASELINE = Path(__file__).resolve().parent / "baseline.json"
SAMPLE = REPO / "tests" / "html_pages"
EVAL = "trafilatura-eval-dev"
READABILITY = "readability-pages"
WCXB = "wcxb-dev-articles"
SETS = (WCXB, EVAL, READABILITY)
SHINGLE = 4
_WORD = re.compile(r"\w+")

# ---------------------------------------------------------------------------------------------
# Metrics: pure functions.


@dataclass
class Counts:
    """True positives and the sizes precision and recall divide by, summed over pages."""

    tp: int = 0
    output: int = 0
    truth: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.output += other.output
        self.truth += other.truth

    @property
    def precision(self) -> float:
        return self.tp / self.output if self.output else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.truth if self.truth else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def segment_counts(output: str, keep: Sequence[str], drop: Sequence[str]) -> Counts:
    """trafilatura's evaluation: `keep` segments found are true positives, `drop` found are false positives."""
    tp = sum(segment in output for segment in keep)
    fp = sum(segment in output for segment in drop)
    return Counts(tp=tp, output=tp + fp, truth=len(keep))


def shingles(text: str, size: int = SHINGLE) -> Counter[tuple[str, ...]]:
    """Multiset of `size`-token shingles of lowercased word tokens."""
    tokens = _WORD.findall(text.lower())
    return Counter(tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1))


def shingle_counts(output: str, truth: str) -> Counts:
    """Token-shingle overlap of `output` with `truth`."""
    got, want = shingles(output), shingles(truth)
    return Counts(tp=sum((got & want).values()), output=sum(got.values()), truth=sum(want.values()))


def word_counts(output: str, truth: str) -> Counts:
    r"""WCXB's word overlap: lower-case `\w+` tokens of `output` and `truth` as multisets."""
    got, want = Counter(_WORD.findall(output.lower())), Counter(_WORD.findall(truth.lower()))
    return Counts(tp=sum((got & want).values()), output=sum(got.values()), truth=sum(want.values()))


def page_f1(counts: Counts) -> float:
    """One page's F1, for sets scored per page: 1.0 when output and truth are both empty."""
    return 1.0 if not counts.output and not counts.truth else counts.f1


# ---------------------------------------------------------------------------------------------
# Pages.


@dataclass(frozen=True)
class Page:
    """One page to extract, with its ground truth: segments (eval set) or text (readability set)."""

    name: str
    html: str
    keep: tuple[str, ...] = ()
    drop: tuple[str, ...] = ()
    truth: str | None = None
    words: bool = False  # score `truth` by words, per page (WCXB), not by shingles

    def score(self, output: str) -> Counts:
        if self.truth is not None:
            return word_counts(output, self.truth) if self.words else shingle_counts(output, self.truth)
        return segment_counts(output, self.keep, self.drop)

    def leaks(self, output: str) -> bool:
        """Whether `output` keeps one of the page's boilerplate segments: as a line of its own, or,
        for a segment of three words or more, anywhere (the leak rule of ../shared/data/README.md)."""
        lines = {line.strip() for line in output.splitlines()}
        return any(segment.strip() in lines or (len(segment.split()) >= 3 and segment in output) for segment in self.drop)


def load_data(root: Path, limit: int | None = None, half: str | None = None) -> dict[str, list[Page]]:
    """The three sets under `root` (../shared/data) via `render.iter_pages`; readability truth
    rendered by `naive_text`; `half` ("odd"/"even") keeps the WCXB pages of odd or even ID."""
    sets: dict[str, list[Page]] = {name: [] for name in SETS}
    for page in render.iter_pages(root, render.ALL_SETS, limit=limit):
        if page.set == EVAL:
            sets[EVAL].append(Page(page.name, page.html, page.keep, page.drop))
        elif page.set == WCXB:
            if half is None or int(page.name) % 2 == (half == "odd"):
                sets[WCXB].append(Page(page.name, page.html, page.keep, page.drop, page.truth or "", words=True))
        elif page.expected_html is not None:
            sets[READABILITY].append(Page(page.name, page.html, truth=render.naive_text(page.expected_html)))
    return sets


def load_sample(root: Path = SAMPLE) -> dict[str, list[Page]]:
    """The CI sample: `index.json` gives each page's segments, or the file holding its expected
    text (`truth`), or both segments and the file of its main content (`main_content`, WCXB)."""
    index = json.loads((root / "index.json").read_text(encoding="utf-8"))
    sets: dict[str, list[Page]] = {name: [] for name in SETS}
    for name, entry in sorted(index.items()):
        raw = (root / name).read_bytes()
        html = render.decode(gzip.decompress(raw) if name.endswith(".gz") else raw)
        if "main_content" in entry:
            truth = (root / entry["main_content"]).read_text(encoding="utf-8")
            sets[WCXB].append(Page(name, html, tuple(entry["with"]), tuple(entry["without"]), truth, words=True))
        elif "truth" in entry:
            truth = (root / entry["truth"]).read_text(encoding="utf-8")
            sets[READABILITY].append(Page(name, html, truth=truth))
        else:
            sets[EVAL].append(Page(name, html, tuple(entry["with"]), tuple(entry["without"])))
    return sets


# ---------------------------------------------------------------------------------------------
# Tools: each maps a page's HTML to text; imports happen in the worker.

_LANG = re.compile(r"<html[^>]*?\slang\s*=\s*[\"']?([a-zA-Z]{2})", re.I)
_JUSTEXT_LANGUAGES = {
    "en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian", "pt": "Portuguese",
    "nl": "Dutch", "pl": "Polish", "cs": "Czech", "ru": "Russian", "sv": "Swedish", "da": "Danish",
    "fi": "Finnish", "no": "Norwegian_Bokmal", "hu": "Hungarian", "tr": "Turkish", "uk": "Ukrainian",
}


def _cleanarticle() -> Callable[[str], str]:
    from cleanarticle.html import clean_html

    return clean_html


def _cleanarticle_comments() -> Callable[[str], str]:
    from cleanarticle.html import clean_html

    return lambda html: clean_html(html, include_comments=True)


def _trafilatura(**options: bool) -> Callable[[], Callable[[str], str]]:
    def make() -> Callable[[str], str]:
        from trafilatura import extract

        return lambda html: extract(html, **options) or ""

    return make


def _readability() -> Callable[[str], str]:
    from readability import Document

    return lambda html: render.naive_text(Document(html).summary(html_partial=True))


def _justext() -> Callable[[str], str]:
    import justext

    def run(html: str) -> str:
        match = _LANG.search(html[:4096])
        language = _JUSTEXT_LANGUAGES.get(match.group(1).lower() if match else "en", "English")
        paragraphs = justext.justext(html, justext.get_stoplist(language))
        return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)

    return run


def _resiliparse() -> Callable[[str], str]:
    from resiliparse.extract.html2text import extract_plain_text

    return lambda html: extract_plain_text(html, main_content=True)


class _Extractor:
    """cleanarticle's HTML path with `extractor` ("model" or "auto") and a DOM model file; counts
    the pages on which the model chose the main text (`used`)."""

    def __init__(self, extractor: str, dom_model: str) -> None:
        from cleanarticle.html import clean_html_and_explain

        self.run, self.extractor, self.dom_model, self.used = clean_html_and_explain, extractor, dom_model, 0

    def __call__(self, html: str) -> str:
        result = self.run(html, extractor=self.extractor, dom_model=self.dom_model)
        self.used += result.extractor == "model"
        return result.text


def _with_model(extractor: str) -> Callable[..., Callable[[str], str]]:
    """A tool maker that takes the set and the folder of held-out models: `DIR/<set>.json` when it
    exists (a model never scores the set it was trained on), else the packaged model."""

    def make(dataset: str = "", models: str = "") -> Callable[[str], str]:
        path = Path(models) / f"{dataset}.json" if models else None
        return _Extractor(extractor, str(path) if path is not None and path.is_file() else "")

    return make


def _identity() -> Callable[[str], str]:
    return lambda text: text


def _clean() -> Callable[[str], str]:
    from cleanarticle import clean

    return clean


@dataclass(frozen=True)
class Tool:
    """A named extractor; `text_mode` tools read the naive text rendering instead of the HTML."""

    name: str
    make: Callable[[], Callable[[str], str]]
    module: str
    text_mode: bool = False
    per_set: bool = False  # `make(dataset, models)`: a model held out from each set


TOOLS = (
    Tool("cleanarticle", _cleanarticle, "cleanarticle"),
    Tool("cleanarticle-comments", _cleanarticle_comments, "cleanarticle"),
    Tool("cleanarticle-model", _with_model("model"), "cleanarticle", per_set=True),
    Tool("cleanarticle-auto", _with_model("auto"), "cleanarticle", per_set=True),
    Tool("trafilatura", _trafilatura(), "trafilatura"),
    Tool("trafilatura-precision", _trafilatura(favor_precision=True), "trafilatura"),
    Tool("readability-lxml", _readability, "readability"),
    Tool("justext", _justext, "justext"),
    Tool("resiliparse", _resiliparse, "resiliparse"),
    Tool("text:identity", _identity, "cleanarticle", text_mode=True),
    Tool("text:clean", _clean, "cleanarticle", text_mode=True),
)


# ---------------------------------------------------------------------------------------------
# Running: one fresh worker per tool.


@dataclass
class Score:
    """One tool on one set: summed counts, time spent and input size."""

    tool: str
    dataset: str
    counts: Counts = field(default_factory=Counts)
    pages: int = 0
    seconds: float = 0.0
    megabytes: float = 0.0
    peak_mb: float = 0.0
    errors: list[str] = field(default_factory=list)
    judged: int = 0  # pages with boilerplate segments to leak
    leaked: int = 0  # ... whose output kept one
    per_page: bool = False  # F1 averaged over pages (WCXB) rather than of the summed counts
    f1_sum: float = 0.0  # the pages' own F1, summed
    model_pages: int | None = None  # pages whose main text our DOM model chose (model and auto tools)

    @property
    def f1(self) -> float:
        if self.per_page:
            return self.f1_sum / self.pages if self.pages else 0.0
        return self.counts.f1

    @property
    def leak_rate(self) -> float | None:
        return self.leaked / self.judged if self.judged else None

    def row(self) -> dict[str, object]:
        return {
            "tool": self.tool,
            "dataset": self.dataset,
            "precision": round(self.counts.precision, 4),
            "recall": round(self.counts.recall, 4),
            "f1": round(self.f1, 4),
            "pages": self.pages,
            "pages_per_s": round(self.pages / self.seconds, 2) if self.seconds else 0.0,
            "mb_per_s": round(self.megabytes / self.seconds, 3) if self.seconds else 0.0,
            "peak_mb": round(self.peak_mb, 1),
            "errors": len(self.errors),
            "leak_rate": None if self.leak_rate is None else round(self.leak_rate, 4),
            "model_share": None if self.model_pages is None else round(self.model_pages / max(self.pages, 1), 4),
        }


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_tool(tool: Tool, sets: dict[str, list[Page]], repeats: int = 1, models: str = "") -> list[Score]:
    """Run `tool` over every page of every set (in this process) and score it.

    With `repeats` > 1 each set is timed that many times and the fastest pass counts (the
    machine is shared: the fastest pass is the one least disturbed); outputs are scored once.
    `models` is the folder of held-out DOM models for the `per_set` tools.
    """
    run = None if tool.per_set else tool.make()
    scores = []
    for dataset, pages in sets.items():
        if not pages:
            continue
        if tool.per_set:
            run = tool.make(dataset, models)  # type: ignore[call-arg]
        assert run is not None
        score = Score(tool.name, dataset, per_page=any(page.words for page in pages))
        sources = [render.naive_text(page.html) if tool.text_mode else page.html for page in pages]
        for attempt in range(repeats):
            seconds = 0.0
            for page, source in zip(pages, sources):
                begin = time.perf_counter()
                try:
                    output = run(source)
                except Exception as error:
                    output = ""
                    if not attempt:
                        score.errors.append(f"{page.name}: {type(error).__name__}: {error}")
                seconds += time.perf_counter() - begin
                if not attempt:
                    counts = page.score(output)
                    score.counts.add(counts)
                    score.f1_sum += page_f1(counts)
                    if page.drop:
                        score.judged += 1
                        score.leaked += page.leaks(output)
            score.seconds = seconds if not attempt else min(score.seconds, seconds)
        score.pages = len(pages)
        if isinstance(run, _Extractor):
            score.model_pages = run.used // max(1, repeats)
            run.used = 0
        score.megabytes = sum(len(source.encode("utf-8", "surrogatepass")) for source in sources) / 1e6
        scores.append(score)
    peak = _peak_mb()
    for score in scores:
        score.peak_mb = peak
    return scores


def _worker(tool_name: str, data: str | None, limit: int | None, repeats: int, half: str | None, models: str) -> list[Score]:
    tool = next(t for t in TOOLS if t.name == tool_name)
    sets = load_sets(Path(data) if data else None, limit, half)
    return run_tool(tool, sets, repeats, models)


def load_sets(data: Path | None, limit: int | None = None, half: str | None = None) -> dict[str, list[Page]]:
    """The data sets from `data`, or the CI sample when `data` is None."""
    if data is None:
        return load_sample()
    return load_data(data, limit, half)


def available(tool: Tool) -> bool:
    import importlib.util

    return importlib.util.find_spec(tool.module) is not None


def run_all(
    tools: Sequence[Tool], data: Path | None, limit: int | None, repeats: int = 1, half: str | None = None, models: str = ""
) -> list[Score]:
    """Each tool in its own fresh process, one after the other (so timings do not compete)."""
    scores: list[Score] = []
    for tool in tools:
        with ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn")) as pool:
            scores.extend(pool.submit(_worker, tool.name, str(data) if data else None, limit, repeats, half, models).result())
        print(f"  done: {tool.name}", file=sys.stderr)
    return scores


# ---------------------------------------------------------------------------------------------
# Report and quality gate.


def table(scores: Sequence[Score]) -> str:
    """One row per tool and set; `× traf.` is the tool's pages/s over trafilatura's (default) on that set."""
    speed = {s.dataset: s.pages / s.seconds for s in scores if s.tool == "trafilatura" and s.seconds}
    header = (
        f"{'dataset':<20} {'tool':<22} {'P':>6} {'R':>6} {'F1':>6} {'leaks':>6} {'pages/s':>8} {'× traf.':>7} "
        f"{'MB/s':>6} {'peak MB':>7} {'errors':>6} {'model':>6}"
    )
    lines = [header, "-" * len(header)]
    for score in scores:
        row = score.row()
        leaks = "" if score.leak_rate is None else f"{score.leak_rate:.3f}"
        ratio = f"{row['pages_per_s'] / speed[score.dataset]:.2f}" if score.dataset in speed and not score.tool.startswith("text:") else ""  # type: ignore[operator]
        lines.append(
            f"{score.dataset:<20} {score.tool:<22} {row['precision']:>6.3f} {row['recall']:>6.3f} {row['f1']:>6.3f} "
            f"{leaks:>6} {row['pages_per_s']:>8.1f} {ratio:>7} {row['mb_per_s']:>6.2f} {row['peak_mb']:>7.0f} {row['errors']:>6}"
            f" {'' if score.model_pages is None else format(row['model_share'], '.3f'):>6}"
        )
    return "\n".join(lines)


GATED = ("cleanarticle", "text:clean")
LEAKS = "leaks:"  # prefix of the keys that pin a ceiling on the leak rate, not a floor on F1


def floors_of(scores: Sequence[Score]) -> dict[str, float]:
    """The scores the gate pins: cleanarticle's and text mode's F1 per set (floors, rounded down), and
    cleanarticle's leak rate per set that has boilerplate segments (ceilings, rounded up)."""
    pinned = {f"{s.tool}/{s.dataset}": math.floor(s.f1 * 1000) / 1000 for s in scores if s.tool in GATED}
    for s in scores:
        if s.tool == "cleanarticle" and s.leak_rate is not None:
            pinned[f"{LEAKS}{s.tool}/{s.dataset}"] = math.ceil(s.leak_rate * 1000) / 1000
    return pinned


def check_floors(scores: Sequence[Score], floors: dict[str, float]) -> list[str]:
    """Each pinned floor that this run's F1 falls below, and each leak ceiling it rises above, as a message."""
    got = {f"{s.tool}/{s.dataset}": s.f1 for s in scores}
    leaks = {f"{LEAKS}{s.tool}/{s.dataset}": s.leak_rate for s in scores if s.leak_rate is not None}
    failures = [
        f"{key}: F1 {got[key]:.4f} is below the pinned floor {floor:.3f}"
        for key, floor in floors.items()
        if key in got and got[key] < floor
    ]
    failures += [
        f"{key}: leak rate {leaks[key]:.4f} is above the pinned ceiling {ceiling:.3f}"
        for key, ceiling in floors.items()
        if key in leaks and leaks[key] > ceiling  # type: ignore[operator]
    ]
    return failures


def update_baseline(path: Path, section: str, new: dict[str, float], allow_lower: bool) -> list[str]:
    """Write `new` floors into `path[section]`; refuse (and return why) to lower a floor or raise a
    leak ceiling without `allow_lower`."""
    baseline = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    old = baseline.get(section, {})
    lowered = [
        f"{k}: {old[k]:.3f} -> {v:.3f}" for k, v in new.items() if k in old and (v > old[k] if k.startswith(LEAKS) else v < old[k])
    ]
    if lowered and not allow_lower:
        return lowered
    baseline[section] = {**old, **new}
    path.write_text(json.dumps(baseline, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return []


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with the two data sets")
    parser.add_argument("--sample", action="store_true", help="score the CI sample in tests/html_pages instead")
    parser.add_argument("--tools", help="comma-separated tool names (default: all installed)")
    parser.add_argument("--limit", type=int, help="first N pages of each set (quick runs)")
    parser.add_argument("--repeats", type=int, default=1, help="time each set N times, keep the fastest pass")
    parser.add_argument("--half", choices=("odd", "even"), help="only the WCXB pages of odd or even ID (tune on one, report on the other)")
    parser.add_argument(
        "--dom-models",
        type=Path,
        help="folder of held-out DOM models, <set>.json each (benchmarks/train_dom_model.py --held-out), for the "
        "cleanarticle-model and -auto tools; default: the packaged model",
    )
    parser.add_argument("--json", type=Path, help="also write the rows as JSON here")
    parser.add_argument(
        "--plot",
        nargs="?",
        const=Path(__file__).resolve().parent / "results",
        type=Path,
        metavar="DIR",
        help="also draw F1 against pages/s and the leak rate per tool as PNGs in DIR (default benchmarks/results; "
        "needs matplotlib, in the bench extra)",
    )
    parser.add_argument(
        "--generality",
        action="store_true",
        help="instead: text mode on six renderings of the dev pages, leave-one-set-out (the content model "
        "trained without the set it is scored on), beside identity, the C4 line rule and body-text "
        "extraction; writes benchmarks/results/generality.json (needs the train extra)",
    )
    parser.add_argument("--update-baseline", action="store_true", help="pin this run's cleanarticle F1 as floors")
    parser.add_argument("--allow-lower", action="store_true", help="let --update-baseline lower a floor")
    args = parser.parse_args(argv)
    if args.generality:
        import train_content_model  # benchmarks/train_content_model.py, beside this file

        return train_content_model.main(["--data", str(args.data), "--no-write"])

    wanted = set(args.tools.split(",")) if args.tools else {t.name for t in TOOLS}
    unknown = wanted - {t.name for t in TOOLS}
    if unknown:
        parser.error(f"unknown tools: {', '.join(sorted(unknown))}; known: {', '.join(t.name for t in TOOLS)}")
    tools = []
    for tool in TOOLS:
        if tool.name not in wanted:
            continue
        if available(tool):
            tools.append(tool)
        else:
            print(f"skipped {tool.name}: module {tool.module!r} is not installed (pip install it)", file=sys.stderr)
    data = None if args.sample else args.data
    if data is not None and not (data / EVAL).is_dir():
        parser.error(f"no data sets in {data}; pass --data or --sample")

    scores = run_all(tools, data, args.limit, max(1, args.repeats), args.half, str(args.dom_models or ""))
    print(table(scores))
    for score in scores:
        for error in score.errors[:5]:
            print(f"  error {score.tool}/{score.dataset}: {error}", file=sys.stderr)
    if args.json:
        args.json.write_text(json.dumps([s.row() for s in scores], indent=2) + "\n", encoding="utf-8")
    if args.plot:
        import plots  # benchmarks/plots.py, beside this file

        for path in plots.plot([s.row() for s in scores], args.plot):
            print(f"wrote {path}", file=sys.stderr)

    section = "sample" if args.sample else "full"
    if args.limit or args.half:
        return 0
    if args.update_baseline:
        refused = update_baseline(BASELINE, section, floors_of(scores), args.allow_lower)
        for line in refused:
            print(f"refused to lower a floor (pass --allow-lower): {line}", file=sys.stderr)
        return 1 if refused else 0
    baseline = json.loads(BASELINE.read_text(encoding="utf-8")) if BASELINE.exists() else {}
    failures = check_floors(scores, baseline.get(section, {}))
    for failure in failures:
        print(f"below floor: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
