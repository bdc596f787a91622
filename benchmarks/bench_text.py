"""Speed and memory of the default text pipeline, with anchors timed in the same run.

    python benchmarks/bench_text.py                 # full run: table on stdout, JSON in results/
    python benchmarks/bench_text.py --quick         # smaller corpora and inputs, for a smoke run
    python benchmarks/bench_text.py --skip-cli      # leave out the 100 MB streaming CLI run

Throughput is one process (one core), the median of `--repeats` interleaved runs; the anchors
(identity, ftfy, a hand-written regex line filter) run on the same documents in the same rounds,
so the ratios stay meaningful on a noisy shared machine. Peak memory is measured in a fresh
process per tool and corpus. See benchmarks/README.md for what each figure means.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime
import gc
import json
import os
import platform
import pstats
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from render import iter_pages, naive_text

from cleanarticle.deadline import TimeLimitExceeded as Timeout
from cleanarticle.deadline import time_limit as deadline

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SEEDS = REPO / "seeds"
DEFAULT_DATA = REPO.parent / "shared" / "data"
RESULTS = HERE / "results"
TARGET_MB_S = 5.0  # the goal for the full default pipeline, per core
SLOW_S = 5.0  # an adversarial input slower than this is a bug to report
MB = 1e6  # figures are in decimal megabytes of UTF-8 input

Tool = Callable[[str], str]

# ---------------------------------------------------------------------------------------------
# Tools: the measured pipeline and its anchors. Factories import lazily, so that each memory
# child loads only what its tool needs.

# What a user writes in an afternoon: one regex per kind of cruft, a line goes if any matches.
_BOILERPLATE = [
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"^\s*share (this|on|via)\b",
        r"^\s*(read (more|also|next)|see also|related( articles| stories)?)\b",
        r"^\s*(advertisement|sponsored( content)?)\s*$",
        r"subscribe to (our|the) newsletter",
        r"^\s*sign up\b",
        r"^\s*follow us\b",
        r"\.(jpe?g|png|gif|webp)\s*$",
        r"\((photo|image)s? (by|credit)[^)]*\)\s*$",
        r"^\s*(photo|image|source|credit)s?:\s",
        r"getty images|shutterstock|depositphotos",
        r"^\s*by [A-Z][a-z]+ [A-Z][a-z]+",
        r"^\s*(updated|published)\b.*\d{4}",
        r"^\s*\d+ (min|minute)s? read\s*$",
        r"pic\.twitter\.com",
        r"^\s*[—–-] .*\(@\w+\)",
        r"^\s*disclaimer\b",
        r"all rights reserved",
        r"^\s*(click here|learn more)\b",
        r"^\s*(\d+ )?(comments?|leave a comment)\s*$",
        r"^\s*(back to top|go ?top|skip to content)\s*$",
    )
]


def _identity(text: str) -> str:
    return "\n".join(text.split("\n"))


def _regex_lines(text: str) -> str:
    return "\n".join(line for line in text.split("\n") if not any(p.search(line) for p in _BOILERPLATE))


def _ftfy() -> Tool:
    import ftfy

    return ftfy.fix_text


def _cleanarticle() -> Tool:
    from cleanarticle import Pipeline

    run = Pipeline.default().run
    return lambda text: run(text).text


TOOLS: dict[str, Callable[[], Tool]] = {
    "identity": lambda: _identity,
    "ftfy": _ftfy,
    "regex_lines": lambda: _regex_lines,
    "cleanarticle": _cleanarticle,
}
ANCHORS = ("identity", "ftfy", "regex_lines")

# ---------------------------------------------------------------------------------------------
# Corpora.


@dataclass(frozen=True)
class Corpus:
    """Documents to time every tool on; `megabytes` counts their UTF-8 bytes."""

    name: str
    description: str
    docs: list[str]

    @property
    def megabytes(self) -> float:
        return sum(len(doc.encode("utf-8")) for doc in self.docs) / MB


def seed_texts() -> list[str]:
    """The seed articles in `seeds/`, in file-name order."""
    return [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]


def seeds_corpus(min_mb: float) -> Corpus:
    """Corpus A: the seeds, cycled until the documents add up to `min_mb`."""
    seeds = seed_texts()
    docs: list[str] = []
    size = 0
    while size < min_mb * MB:
        doc = seeds[len(docs) % len(seeds)]
        docs.append(doc)
        size += len(doc.encode("utf-8"))
    return Corpus("A", f"{len(seeds)} seeds replicated to {min_mb:g} MB", docs)


def pages_corpus(data: Path, limit: int | None) -> Corpus:
    """Corpus B: the naive text rendering of every evaluation page (both sets)."""
    docs = [naive_text(page.html) for page in iter_pages(data, limit=limit)]
    scope = "all pages" if limit is None else f"first {limit} pages of each set"
    return Corpus("B", f"naive text of {scope} in {data}", docs)


# ---------------------------------------------------------------------------------------------
# Throughput: interleaved rounds, median per tool.


def time_tools(tools: dict[str, Tool], docs: Sequence[str], repeats: int) -> dict[str, list[float]]:
    """Seconds per pass over `docs`, `repeats` passes per tool, the tools taking turns."""
    for tool in tools.values():
        for doc in docs[:20]:
            tool(doc)
    runs: dict[str, list[float]] = {name: [] for name in tools}
    for _ in range(repeats):
        for name, tool in tools.items():
            gc.collect()
            start = time.perf_counter()
            for doc in docs:
                tool(doc)
            runs[name].append(time.perf_counter() - start)
    return runs


def throughput(corpus: Corpus, runs: dict[str, list[float]]) -> dict[str, dict]:
    """Median seconds, docs/s and MB/s per tool; cleanarticle's time as a multiple of each anchor's."""
    figures = {}
    for name, seconds in runs.items():
        median = statistics.median(seconds)
        figures[name] = {
            "runs_s": [round(s, 4) for s in seconds],
            "median_s": round(median, 4),
            "docs_per_s": round(len(corpus.docs) / median, 1),
            "mb_per_s": round(corpus.megabytes / median, 3),
        }
    ours = statistics.median(runs["cleanarticle"])
    for name in ANCHORS:
        figures["cleanarticle"][f"x_{name}"] = round(ours / statistics.median(runs[name]), 2)
    return figures


# ---------------------------------------------------------------------------------------------
# Peak memory: one fresh process per tool and corpus.


def peak_rss_mb() -> float:
    """This process's peak resident memory since it started (exec'd).

    Linux's VmHWM, not `ru_maxrss`: a child's ru_maxrss starts at what its parent held when it
    forked, so it cannot see anything smaller than the benchmark process itself.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:")) / 1024
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def memory_child(tool_name: str, corpus_path: Path) -> dict[str, float]:
    """Run in the child: import the tool, load the documents, run the tool once over them."""
    tool = TOOLS[tool_name]()
    tool("warm up: compile patterns, build caches")
    imported = peak_rss_mb()
    with corpus_path.open(encoding="utf-8") as lines:
        docs = [json.loads(line) for line in lines]
    loaded = peak_rss_mb()
    for doc in docs:
        tool(doc)
    return {"rss_imported_mb": imported, "rss_loaded_mb": loaded, "rss_peak_mb": peak_rss_mb()}


def measure_memory(corpus: Corpus, workdir: Path, timeout: float) -> dict[str, dict]:
    """Peak RSS per tool on `corpus`, each in a fresh `--child-memory` process."""
    path = workdir / f"corpus_{corpus.name}.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for doc in corpus.docs:
            out.write(json.dumps(doc, ensure_ascii=False) + "\n")
    figures = {}
    for name in TOOLS:
        command = [sys.executable, str(Path(__file__).resolve()), "--child-memory", name, str(path)]
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, cwd=REPO)
        if done.returncode != 0:
            figures[name] = {"error": _tail(done.stderr)}
            continue
        child = json.loads(done.stdout.strip().splitlines()[-1])
        child["rss_run_mb"] = child["rss_peak_mb"] - child["rss_loaded_mb"]
        figures[name] = {key: round(value, 1) for key, value in child.items()}
    return figures


# ---------------------------------------------------------------------------------------------
# Streaming CLI: a large JSONL file through `python -m cleanarticle`.


def write_jsonl(path: Path, min_mb: float) -> int:
    """Records {"id", "text", "url"} cycling the seeds until the file reaches `min_mb`."""
    seeds = seed_texts()
    count = size = 0
    with path.open("w", encoding="utf-8") as out:
        while size < min_mb * MB:
            text = seeds[count % len(seeds)]
            record = {"id": f"doc-{count}", "text": text, "url": f"https://example.com/news/{count}"}
            line = json.dumps(record, ensure_ascii=False) + "\n"
            out.write(line)
            size += len(line.encode("utf-8"))
            count += 1
    return count


# `python -m cleanarticle ARGS` that notes its peak memory (VmHWM, see `peak_rss_mb`) at exit;
# inlined rather than imported, so that the figure is the CLI's alone.
_CLI = """
import atexit, os, runpy
def note_peak():
    with open("/proc/self/status") as status, open(os.environ["BENCH_PEAK_FILE"], "w") as out:
        out.write(next(line.split()[1] for line in status if line.startswith("VmHWM:")))
atexit.register(note_peak)
runpy.run_module("cleanarticle", run_name="__main__", alter_sys=True)
"""


def run_cli(arguments: Sequence[str], workdir: Path, timeout: float) -> tuple[int | None, float, float | None]:
    """(exit code or None on timeout, wall seconds, peak RSS MB) of the CLI on `arguments`."""
    peak_file = workdir / "cli.peak_kib"
    env = {**os.environ, "BENCH_PEAK_FILE": str(peak_file)}
    command = [sys.executable, "-c", _CLI, *arguments]
    with (workdir / "cli.stdout").open("wb") as out, (workdir / "cli.stderr").open("wb") as err:
        start = time.perf_counter()
        try:
            done = subprocess.run(command, stdout=out, stderr=err, cwd=REPO, env=env, timeout=timeout)
            code: int | None = done.returncode
        except subprocess.TimeoutExpired:
            code = None
        wall = time.perf_counter() - start
    peak = int(peak_file.read_text()) / 1024 if peak_file.exists() else None
    return code, wall, peak


def bench_cli(workdir: Path, min_mb: float, timeout: float) -> dict:
    """Stream a JSONL file of about `min_mb` through the CLI; report time, memory and problems."""
    source = workdir / "big.jsonl"
    target = workdir / "out.jsonl"
    records = write_jsonl(source, min_mb)
    megabytes = source.stat().st_size / MB
    code, wall, peak = run_cli([str(source), "-o", str(target)], workdir, timeout)
    written = _count_records(target)
    figures = {
        "command": "python -m cleanarticle big.jsonl -o out.jsonl",
        "input_mb": round(megabytes, 1),
        "records_in": records,
        "records_out": written,
        "exit_code": code,
        "wall_s": round(wall, 2),
        "mb_per_s": round(megabytes / wall, 3),
        "docs_per_s": round(records / wall, 1),
        "peak_rss_mb": None if peak is None else round(peak, 1),
    }
    if code is None:
        figures["error"] = f"timed out after {timeout:g} s"
    elif code != 0:
        figures["error"] = f"exit code {code}: {_tail((workdir / 'cli.stderr').read_text(errors='replace'))}"
    elif written != records:
        figures["error"] = f"wrote {written} records for {records}"
    return figures


def _count_records(path: Path) -> int | None:
    if not path.exists():
        return None
    with path.open("rb") as lines:
        return sum(1 for line in lines if line.strip())


# ---------------------------------------------------------------------------------------------
# Adversarial inputs: each must return, and quickly. Sizes scale with `scale` (1 = full run).


def _repeat_to(unit: str, chars: int) -> str:
    return unit * max(1, chars // len(unit))


def _lines(units: Sequence[str], count: int) -> str:
    return "\n".join(units[i % len(units)] for i in range(count))


def adversarial_inputs(scale: float) -> Iterator[tuple[str, str, Callable[[], str]]]:
    """(name, what it targets, builder) for each crafted input."""
    big = int(10_000_000 * scale)
    many = int(1_000_000 * scale)
    some = int(100_000 * scale)
    prose = " ".join(seed_texts()).replace("\n", " ")
    short = [
        "Share", "By Jane Doe", "Updated Jul 02, 2025", "Related", "Photo: AFP", "Read more", "Yes.", "",
        "—", "12", "goTop", "Advertisement", "Jane Doe · Stocktwits", "5 min read", "Source: X", "The end.",
    ]
    names = "Jane Doe Jim Roe Ann Poe Kim Loe Sam Moe Al"
    name_lines = [f"Source {names}", f"By {names} and {names}", f"{names} · {names}", f"Photo {names}/AFP via Getty"]
    stamp = "Updated Jul 02, 2025 | 8:31 PM GMT-04"
    stamps = [stamp, "Jul 02 2025 Jul 02 2025 Jul 02 2025", "3 hours ago"]
    separators = [
        "Jane Doe" + _repeat_to(" ·", big // 10) + " Stocktwits",
        "x" + _repeat_to("·", big // 10) + "x",
        "Jane" + _repeat_to(" | – ", big // 10) + "Doe",
        "*" + _repeat_to("-.,;", big // 10) + "a",
    ]
    parentheses = [
        _repeat_to("(", big // 10) + "Photo by Jane Doe/AFP" + _repeat_to(")", big // 10),
        _repeat_to("(Photo by Jane ", big // 10),
        "— " + _repeat_to("(@", big // 10) + "x",
        _lines(["A caption (Photo by " + "(" * 100 + "Getty Images" + ")" * 99], some // 10),
    ]
    words = " ".join(["word"] * 70)
    almost = [
        f"{words} word word word word word word word word word word (Photo by Jane Doe/AFP via Getty Images",
        f"{words} word word word word word word word word word word | Source: " + "x" * 200,
        f"{words} Photo: Jane Doe " + "/ " * 40 + "!",
        f"{words} (" + "Jane Doe " * 9 + "getty image)",
    ]
    markers = ["Related Articles", "The minister said nothing at all about it.", "More from Reuters", "She left."]
    posts = [
        "Big news today pic.twitter.com/abc123 #news",
        "— Jane Doe (@janedoe) June 5, 2025",
        "",
        "— " + "x" * 79 + "(@" + "a" * 59,
    ]
    mojibake = _repeat_to("Beijingâ€™s Ministry said â€œyesâ€\x9d. ", 300)

    yield "one_line_10mb", "10 MB of prose on one line", lambda: _repeat_to(prose + " ", big)
    yield "million_short_lines", "a million short lines (every filter, the line table)", lambda: _lines(short, many)
    yield "name_lines", "names after credit and by words (CREDIT_NAMES, parse_byline)", lambda: _lines(name_lines, some)
    yield "name_run", "one line of name-like tokens", lambda: "By " + _repeat_to("Jane Doe and John Roe, ", big // 2)
    yield "date_run", "a line of date tokens, then timestamp lines (is_timestamp, teaser anchors)", lambda: (
        _repeat_to(stamp + " ", big // 2) + "\n" + _lines(stamps, some)
    )
    yield "separator_run", "runs of · | – and punctuation in a line (line keys, byline split)", lambda: (
        "\n".join(separators)
    )
    yield "parentheses", "deep and unclosed parentheses (CREDIT_TAIL, ATTRIBUTION)", lambda: "\n".join(parentheses)
    yield "almost_credit", "long lines ending almost like an image credit (CREDIT_TAIL)", lambda: _lines(almost, some)
    yield "related_markers", "marker lines each followed by a sentence (related_articles)", lambda: (
        _lines(markers, some // 2)
    )
    yield "repeated_lines", "the same sentence on every line (duplicates, one removal per line)", lambda: _lines(
        ["The minister spoke for an hour and took no questions at all."], some * 2
    )
    yield "social_attribution", "posts, attributions, handles (ATTRIBUTION, POST_LINK)", lambda: _lines(posts, some)
    yield "mojibake_10mb", "10 MB of UTF-8 read as cp1252 (the ftfy path)", lambda: _lines([mojibake], big // 300)
    yield "whitespace_run", "a line of mixed spaces, tabs and no-break spaces (normalizers)", lambda: (
        "a" + _repeat_to(" \u00a0\t\u2009", big) + "b"
    )
    yield "controls_surrogates", "control and zero-width characters, lone surrogates", lambda: _repeat_to(
        "a\x00\ud800b\u200b\x7f\u2028c\r\n", big // 10
    )


def timed(run: Callable[[], object], budget: float) -> tuple[str, float]:
    """("ok" | "timeout" | "error: ...", seconds) for one call."""
    start = time.perf_counter()
    try:
        with deadline(budget):
            run()
    except Timeout:
        return "timeout", time.perf_counter() - start
    except Exception as error:  # a crash on any str is a bug to report, not a reason to stop
        return f"error: {type(error).__name__}: {error}", time.perf_counter() - start
    return "ok", time.perf_counter() - start


def profile(run: Callable[[], object], budget: float, top: int = 8) -> dict[str, list[str]]:
    """Where the time goes while `run` runs (cut at `budget` seconds), from one cProfile run.

    "modules": own time per source file, a built-in call (a regex match, say) charged to the
    file that made it, so each filter module's row is that filter's cost; "functions": the
    functions with the most own time.
    """
    profiler = cProfile.Profile()
    try:
        with deadline(budget):
            profiler.runcall(run)
    except Timeout:
        pass
    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    modules: dict[str, float] = {}
    for (path, _, _), (_, _, own, _, callers) in stats.items():
        if path == "~":
            for (caller, _, _), (_, _, charged, _) in callers.items():
                modules[_short(caller)] = modules.get(_short(caller), 0.0) + charged
        else:
            modules[_short(path)] = modules.get(_short(path), 0.0) + own
    hottest = sorted(stats.items(), key=lambda item: item[1][2], reverse=True)[:top]
    return {
        "modules": [f"{seconds:7.2f} s  {name}" for name, seconds in sorted(modules.items(), key=_by_time)][:top],
        "functions": [f"{own:7.2f} s  {calls:>9} calls  {_where(func)}" for func, (_, calls, own, _, _) in hottest],
    }


def _by_time(item: tuple[str, float]) -> float:
    return -item[1]


def _short(path: str) -> str:
    return path.split("site-packages/")[-1].replace(str(REPO) + "/", "")


def _where(func: tuple[str, int, str]) -> str:
    path, line, name = func
    return name if path == "~" else f"{_short(path)}:{line}({name})"


def bench_adversarial(scale: float, budget: float) -> list[dict]:
    """Run every crafted input through the default pipeline; profile the slow ones."""
    from cleanarticle import Pipeline

    pipeline = Pipeline.default()
    results = []
    for name, target, build in adversarial_inputs(scale):
        text = build()
        status, seconds = timed(lambda: pipeline.run(text), budget)
        entry = {"name": name, "targets": target, "mb": round(len(text.encode("utf-8", "surrogatepass")) / MB, 2)}
        entry.update(status=status, seconds=round(seconds, 2), lines=text.count("\n") + 1)
        if status != "ok" or seconds > SLOW_S:
            entry["profile"] = profile(lambda: pipeline.run(text), budget)
        results.append(entry)
        print(f"  {name:<22} {status:<8} {seconds:8.2f} s", file=sys.stderr)
    return results


# ---------------------------------------------------------------------------------------------
# Report.


def machine() -> dict:
    """What the figures were measured on: date, Python, CPUs, load, library version, git revision."""
    import cleanarticle

    return {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "processor": _cpu_model(),
        "cpu_count": os.cpu_count(),
        "loadavg_at_start": os.getloadavg(),
        "cleanarticle": cleanarticle.__version__,
        "git": _git_revision(),
    }


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


def _git_revision() -> str | None:
    try:
        head = _git("rev-parse", "--short", "HEAD")
        dirty = _git("status", "--porcelain")
    except (OSError, subprocess.CalledProcessError):
        return None
    return head + ("+dirty" if dirty else "")


def _git(*arguments: str) -> str:
    return subprocess.run(["git", *arguments], capture_output=True, text=True, cwd=REPO, check=True).stdout.strip()


def _tail(text: str, lines: int = 6) -> str:
    return " | ".join(text.strip().splitlines()[-lines:])


def table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A plain-text table: first column left-aligned, the others right-aligned."""
    cells = [list(map(str, header))] + [[_cell(value) for value in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    lines = ["  ".join(c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(zip(row, widths))) for row in cells]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def _cell(value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:,.3f}" if value < 10 else f"{value:,.1f}"
    return str(value)


def report(results: dict) -> str:
    """The human-readable summary of `results` printed at the end of a run."""
    out = []
    m = results["machine"]
    out.append(f"cleanarticle {m['cleanarticle']} ({m['git']}), Python {m['python']}, {m['date']}")
    out.append(f"{m['cpu_count']} CPUs ({m['processor']}), {m['platform']}")
    load = ", ".join(f"{a:.1f} → {b:.1f}" for a, b in zip(m["loadavg_at_start"], m["loadavg_at_end"]))
    out.append(f"load average (1, 5, 15 min) at start → end: {load}")
    for key, corpus in results["corpora"].items():
        out.append(f"\nCorpus {key}: {corpus['description']}: {corpus['docs']} docs, {corpus['mb']:.2f} MB")
        figures = results["throughput"][key]
        memory = results.get("memory", {}).get(key, {})
        rows = []
        for name, f in figures.items():
            mem = memory.get(name, {})
            ratio = f"{figures['cleanarticle'][f'x_{name}']}x" if name in ANCHORS else "1x"
            peak, run = mem.get("rss_peak_mb"), mem.get("rss_run_mb")
            rows.append([name, f["median_s"], f["docs_per_s"], f["mb_per_s"], ratio, peak, run])
        header = ["tool", "median s", "docs/s", "MB/s", "cleanarticle time ÷", "peak RSS MB", "run RSS MB"]
        out.append(table(header, rows))
    target = results["target"]
    verdict = "meets" if target["met"] else "misses"
    out.append(
        f"\nTarget: {target['mb_per_s']} MB/s per core on corpus A; "
        f"cleanarticle does {target['measured_mb_per_s']} MB/s ({verdict} it)"
    )
    cli = results.get("cli")
    if cli:
        out.append("\nStreaming CLI: " + cli["command"])
        if "error" in cli:
            out.append(f"  FAILED: {cli['error']}")
        out.append(
            f"  {cli['input_mb']} MB, {cli['records_in']} records in, {cli['records_out']} out, "
            f"exit {cli['exit_code']}, "
            f"{cli['wall_s']} s, {cli['mb_per_s']} MB/s, {cli['docs_per_s']} docs/s, peak RSS {cli['peak_rss_mb']} MB"
        )
    rows = [
        [a["name"], a["mb"], a["lines"], a["status"], a["seconds"], "SLOW" if "profile" in a else ""]
        for a in results["adversarial"]
    ]
    out.append("\nAdversarial inputs (default pipeline, one run each)")
    out.append(table(["input", "MB", "lines", "status", "seconds", ""], rows))
    for entry in results["adversarial"]:
        if "profile" in entry:
            out.append(f"\n{entry['name']}: {entry['targets']}; profiled (cProfile, so slower than above)")
            out.append("  own time by module:\n    " + "\n    ".join(entry["profile"]["modules"]))
            out.append("  hottest functions:\n    " + "\n    ".join(entry["profile"]["functions"]))
    return "\n".join(out)


# ---------------------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="small corpora and inputs, 3 repeats: a smoke run")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help=f"evaluation pages (default {DEFAULT_DATA})")
    parser.add_argument("--skip-cli", action="store_true", help="skip the streaming CLI run on a large JSONL file")
    parser.add_argument("--repeats", type=int, help="timed passes per tool and corpus (default 5, 3 with --quick)")
    parser.add_argument(
        "--output",
        type=Path,
        help="JSON results (default results/bench_text.json; results/bench_text_quick.json with --quick)",
    )
    parser.add_argument("--child-memory", nargs=2, metavar=("TOOL", "CORPUS"), help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.child_memory:
        tool, path = args.child_memory
        print(json.dumps(memory_child(tool, Path(path))))
        return 0
    quick = args.quick
    repeats = args.repeats or (3 if quick else 5)
    results: dict = {
        "machine": machine(),
        "settings": {"quick": quick, "repeats": repeats, "data": str(args.data), "mb": "1e6 bytes of UTF-8 input"},
    }
    print("building corpora ...", file=sys.stderr)
    corpora = [seeds_corpus(1 if quick else 10), pages_corpus(args.data, 30 if quick else None)]
    results["corpora"] = {
        c.name: {"description": c.description, "docs": len(c.docs), "mb": round(c.megabytes, 3)} for c in corpora
    }
    tools = {name: factory() for name, factory in TOOLS.items()}
    results["throughput"] = {}
    for corpus in corpora:
        print(f"timing corpus {corpus.name} ({repeats} rounds) ...", file=sys.stderr)
        results["throughput"][corpus.name] = throughput(corpus, time_tools(tools, corpus.docs, repeats))
    measured = results["throughput"]["A"]["cleanarticle"]["mb_per_s"]
    results["target"] = {"mb_per_s": TARGET_MB_S, "measured_mb_per_s": measured, "met": measured >= TARGET_MB_S}
    with tempfile.TemporaryDirectory(prefix="bench_text_") as tmp:
        workdir = Path(tmp)
        print("peak memory, one process per tool and corpus ...", file=sys.stderr)
        results["memory"] = {c.name: measure_memory(c, workdir, timeout=1800) for c in corpora}
        if not args.skip_cli:
            size = 10 if quick else 100
            print(f"streaming CLI on a {size} MB JSONL file ...", file=sys.stderr)
            results["cli"] = bench_cli(workdir, size, timeout=3600)
    print("adversarial inputs ...", file=sys.stderr)
    scale = 0.1 if quick else 1.0
    results["adversarial"] = bench_adversarial(scale, budget=60 if quick else 300)
    results["machine"]["loadavg_at_end"] = os.getloadavg()
    output = args.output or RESULTS / ("bench_text_quick.json" if quick else "bench_text.json")
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(report(results))
    print(f"\nwrote {output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
