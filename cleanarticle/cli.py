"""Command line: `python -m cleanarticle INPUT... -o OUT`, argparse wiring over `io` and `explain`.

`python -m cleanarticle profile CORPUS.jsonl -o profiles.json` builds site profiles (the lines
repeated across each site's documents) for `--profile`.

Data goes to stdout or files; notes, errors, the progress bar and the summary go to stderr.
Exit status: 0 ok, 1 `--check` found something to remove, 2 usage or config error, 3 some
inputs failed (every other input is still cleaned and written).
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from tqdm import tqdm

from . import __version__, batch, config, explain, formats, io, records, registry, runerrors, stdin
from .corpus import Profiles, Thresholds, build_profiles
from .filters import DEFAULT_STEPS
from .filters.site_boilerplate import SiteBoilerplate
from .pipeline import ConfigError, Pipeline
from .report import RemovalReport
from .types import CleanResult

PROG = "cleanarticle"
OK, FOUND_CRUFT, USAGE, FAILED = 0, 1, 2, 3

DESCRIPTION = """\
Remove scraped cruft (related-article blocks, promos, captions and credits, image file names,
share and newsletter widgets, bylines and timestamps, embedded posts, disclaimers) from news
article text, and record every removal with the filter that made it and a reason."""

EPILOG = """\
examples:
  cleanarticle article.txt                      clean one file to stdout
  cat article.txt | cleanarticle > clean.txt    stdin to stdout
  cleanarticle seeds/ -o out/                   mirror a directory: out/000_....txt
  cleanarticle 'crawl/**/*.jsonl.gz' -o clean/ -j 4
                                                globs, JSONL (gzipped or not), 4 workers
  cleanarticle docs.jsonl --text-key content -o clean.jsonl
  cleanarticle page.html                        an HTML page: extract the article, then clean it
  curl -s URL | cleanarticle --input-format html
  cleanarticle crawl.jsonl --html-key html -o clean.jsonl
                                                raw HTML in "html", article text into "text"
                                                JSONL whose text is in "content"
  cleanarticle a.txt b.txt -o all.jsonl         several files, one {"id", "text"} record each
  cleanarticle page.html --format markdown --links
                                                Markdown with headings, lists, tables, code, links
  cleanarticle page.html.gz --format json       text and metadata (title, author, dates, site...)
  zcat crawl.jsonl.gz | cleanarticle            JSONL on stdin (detected by its first line)
  cleanarticle CC-MAIN-...warc.wet.gz -o clean.jsonl.gz
                                                a WARC or WET crawl file: one record per page
  cleanarticle seeds/ --check --report report.html
                                                an HTML page showing every removal, coloured
  cleanarticle article.txt --explain            what was removed, where, and why (JSONL)
  cleanarticle seeds/ --diff | less             review the removals as a diff
  cleanarticle seeds/ --check                   exit 1 if any input would change
  cleanarticle article.txt --disable metadata_lines --set duplicates.min_words=8
  cleanarticle --config cleanarticle.toml --show-config

at corpus scale (JSONL in, the same records out, in order, with an "error" field on failures):
  cleanarticle profile crawl.jsonl.gz -o profiles.json
                                                pass 1: the lines each site repeats (see
                                                "cleanarticle profile --help")
  cleanarticle crawl.jsonl.gz -o clean.jsonl.gz --profile profiles.json -j 2
                                                pass 2: clean, removing those lines too
  cleanarticle crawl.jsonl.gz -o clean.jsonl.gz --dask tcp://scheduler:8786
                                                clean on a Dask cluster (--dask alone: a local one)

"cleanarticle" is the installed script; "python -m cleanarticle" is the same command.
To clean a file named "profile", write it as ./profile.

exit status:
  0 ok, 1 --check found something to remove, 2 usage or config error, 3 some inputs failed"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "inputs",
        nargs="*",
        metavar="INPUT",
        help="a file, a directory (searched for .txt, .html, .htm, .jsonl and .jsonl.gz files) or a "
        "glob pattern; '-' or no INPUT reads stdin. .html/.htm files go through the HTML path",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--input-format",
        choices=("auto", "text", "html", "jsonl"),
        default="auto",
        help="how to read the inputs: by extension (auto, the default; stdin by its first line: a JSON "
        "object means JSONL, <!doctype or <html an HTML page), or all as text, HTML pages or JSONL",
    )

    out = parser.add_argument_group("output")
    out.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        help="a file; a directory, which mirrors the input tree and is created if missing "
        "(end the name with / to be explicit); or '-' for stdout, the default for one input. "
        "Several text inputs need a directory or a .jsonl(.gz) file",
    )
    out.add_argument(
        "--explain",
        action="store_true",
        help="write, instead of the clean text, one JSONL record per document with its "
        "removals (start, end, filter, reason, detail, text) and metadata; JSONL inputs keep "
        "their clean text and gain 'removals' and 'metadata' fields",
    )
    out.add_argument(
        "--format",
        choices=formats.FORMATS,
        default="text",
        help="what each document is written as: its clean text (the default; an HTML page's blocks "
        "separated by blank lines), Markdown keeping an HTML page's headings, lists, quotes, tables "
        "and code, or a JSON record with the text and metadata (title, author, dates, site, language, "
        "URL; with --explain, the removals). JSONL records get it in their text field",
    )
    out.add_argument("--links", action="store_true", help="with --format markdown: keep the page's links")
    out.add_argument("--images", action="store_true", help="with --format markdown: keep the page's images")
    out.add_argument(
        "--report",
        metavar="PATH",
        help="also write one self-contained HTML page showing each document with its removed lines "
        "struck through and coloured by filter, a legend of counts per filter and reason, and the "
        "removed lines seen most often",
    )
    out.add_argument(
        "--diff",
        action="store_true",
        help="print a unified diff of source vs clean text per document (coloured on a terminal); writes no files",
    )
    out.add_argument(
        "--check",
        action="store_true",
        help="write nothing; list the inputs that would change and exit 1 if there are any",
    )

    jsonl = parser.add_argument_group("JSONL fields (other fields pass through untouched)")
    jsonl.add_argument("--text-key", default="text", metavar="KEY", help="field with the text to clean (default: text)")
    jsonl.add_argument("--id-key", default="id", metavar="KEY", help="field with the document id (default: id)")
    jsonl.add_argument("--url-key", default="url", metavar="KEY", help="field with the page URL (default: url)")
    jsonl.add_argument(
        "--html-key",
        metavar="KEY",
        help="clean the raw HTML in this field through the HTML path instead; the article text "
        "goes into --text-key (the HTML field passes through)",
    )
    jsonl.add_argument(
        "--site-key",
        metavar="KEY",
        help="field naming the document's site for --profile (default: the registered domain of --url-key)",
    )

    steps = parser.add_argument_group("pipeline")
    steps.add_argument(
        "--config",
        metavar="PATH",
        help="TOML pipeline: cleanarticle.toml, or [tool.cleanarticle] in pyproject.toml "
        "(default: the nearest pyproject.toml with that table, from here up)",
    )
    steps.add_argument("--disable", action="append", default=[], metavar="NAME", help="drop a step (repeatable)")
    steps.add_argument(
        "--enable", action="append", default=[], metavar="NAME", help="add a step not in the pipeline (repeatable)"
    )
    steps.add_argument(
        "--set",
        dest="settings",
        action="append",
        default=[],
        metavar="STEP.FIELD=VALUE",
        help="change one setting, e.g. duplicates.min_words=8 (repeatable)",
    )
    steps.add_argument(
        "--profile",
        metavar="PATH",
        help="site profiles from 'cleanarticle profile': also remove the lines each site repeats "
        "(enables the site_boilerplate filter)",
    )
    steps.add_argument(
        "--list-filters", action="store_true", help="list every step, whether it runs by default, and what it removes"
    )
    steps.add_argument("--show-config", action="store_true", help="print the effective pipeline as TOML and exit")

    run = parser.add_argument_group("running")
    run.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default=1,
        metavar="N",
        help="worker processes (default 1; 0 = one per CPU); output stays in input order",
    )
    _add_dask(run)
    return parser


def _add_dask(group: argparse._ArgumentGroup) -> None:
    group.add_argument(
        "--dask",
        nargs="?",
        const="",
        metavar="SCHEDULER",
        help="run on a Dask cluster at this scheduler address, or on a local cluster of -j "
        "workers when no address is given (needs cleanarticle[dask])",
    )


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
    if jobs < 0:
        raise argparse.ArgumentTypeError("expected 0 (one per CPU) or more")
    return jobs or os.cpu_count() or 1


def main(argv: list[str] | None = None) -> int:
    """Run the command line on `argv` (default: sys.argv[1:]) and return the exit status."""
    argv = sys.argv[1:] if argv is None else argv
    try:
        if argv[:1] == ["profile"]:
            return profile_main(argv[1:])
        return _main(argv)
    except runerrors.RunError as error:
        return _error(str(error), USAGE)
    except BrokenPipeError:  # stdout closed early, e.g. piped into `head`: not a failure
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return OK
    except OSError as error:  # an output that cannot be created or written
        return _error(str(runerrors.output_failure(error)), USAGE)


def _main(argv: list[str]) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # --help, --version and argparse's own usage errors
        return stop.code if isinstance(stop.code, int) else USAGE
    if not args.inputs and _on_terminal(args):
        parser.print_usage(sys.stderr)
        return _error("no INPUT given and stdin is a terminal: name files, or pipe data in ('-' reads the terminal)", USAGE)
    if args.list_filters:
        sys.stdout.write(filter_table())
        return OK
    try:
        pipeline = build_pipeline(args)
    except ConfigError as error:
        return _error(str(error), USAGE)
    if args.show_config:
        sys.stdout.write(config.dumps(pipeline))
        return OK
    if (args.links or args.images) and args.format != "markdown":
        return _error("--links and --images need --format markdown", USAGE)
    if args.explain and (args.diff or args.check):
        return _error("--explain cannot be combined with --diff or --check", USAGE)
    if args.output is not None and (args.diff or args.check):
        return _error("--diff and --check write no files; drop -o", USAGE)
    try:
        return _run(args, pipeline)
    except KeyboardInterrupt:
        return 130


def _on_terminal(args: argparse.Namespace) -> bool:
    """No input named, stdin a terminal, and an action that would read it."""
    if args.list_filters or args.show_config:
        return False
    isatty = getattr(sys.stdin, "isatty", None)
    return bool(isatty and isatty())


def _discovered() -> Pipeline:
    """The pipeline of the nearest pyproject.toml's [tool.cleanarticle], else the default."""
    found = config.discover()
    return config.load(found) if found else Pipeline.default()


def build_pipeline(args: argparse.Namespace) -> Pipeline:
    """The pipeline from --config (or the default), then --disable, --enable and --set."""
    pipeline = config.load(args.config) if args.config else _discovered()
    if args.disable:
        pipeline = pipeline.without(*args.disable)
    for name in args.enable:
        pipeline = pipeline.enable(name)
    for setting in args.settings:
        path, equals, value = setting.partition("=")
        if not equals:
            raise ConfigError(f"--set expects STEP.FIELD=VALUE, got {setting!r}")
        pipeline = pipeline.set(path.strip(), value)
    if args.profile:
        pipeline = pipeline.with_profile(args.profile)
    for step in pipeline.steps:
        if isinstance(step, SiteBoilerplate) and not step.profile:
            raise ConfigError(f"{step.name} needs site profiles: give --profile PATH (made by 'cleanarticle profile')")
    return pipeline


PROFILE_DESCRIPTION = """\
Pass 1 of site furniture removal: count, per site, in how many distinct documents each line
occurs, and write the lines above both thresholds as site profiles (JSON). Pass 2 is cleaning
with --profile. The site of a record is the registered domain of its --url-key field
("news.bbc.co.uk" -> "bbc.co.uk"), or its --site-key field. The inputs are read twice (to
count, then to name the lines found), so they must be files. The same corpus gives the same
file whatever its order, the number of workers or Dask."""

PROFILE_EPILOG = """\
examples:
  cleanarticle profile crawl.jsonl.gz -o profiles.json
  cleanarticle profile 'crawl/*.jsonl.gz' -o profiles.json -j 2 --min-share 0.1
  cleanarticle profile docs.jsonl --site-key source --min-documents 10 -o profiles.json
  cleanarticle crawl.jsonl.gz --profile profiles.json -o clean.jsonl.gz"""


def build_profile_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=f"{PROG} profile",
        description=PROFILE_DESCRIPTION,
        epilog=PROFILE_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="JSONL(.gz) files, directories or globs")
    parser.add_argument("-o", "--output", metavar="PATH", help="the profile file (default: stdout)")
    parser.add_argument("--text-key", default="text", metavar="KEY", help="field with the text (default: text)")
    parser.add_argument("--url-key", default="url", metavar="KEY", help="field with the page URL (default: url)")
    parser.add_argument("--site-key", metavar="KEY", help="field naming the site, instead of the URL's domain")
    defaults = Thresholds()
    parser.add_argument(
        "--min-documents",
        type=int,
        default=defaults.min_documents,
        metavar="N",
        help=f"a profiled line occurs in at least N documents of its site (default {defaults.min_documents})",
    )
    parser.add_argument(
        "--min-share",
        type=float,
        default=defaults.min_share,
        metavar="F",
        help=f"... and in at least this share of them, 0 to 1 (default {defaults.min_share})",
    )
    parser.add_argument(
        "--min-chars",
        type=int,
        default=defaults.min_chars,
        metavar="N",
        help=f"lines shorter than N characters (trimmed) are never profiled (default {defaults.min_chars})",
    )
    parser.add_argument(
        "--config", metavar="PATH", help="TOML pipeline whose normalizers prepare the text (default: the built-in ones)"
    )
    parser.add_argument(
        "-j", "--jobs", type=_jobs, default=1, metavar="N", help="worker processes for counting (default 1)"
    )
    _add_dask(parser.add_argument_group("running"))
    return parser


def profile_main(argv: list[str]) -> int:
    """`cleanarticle profile`: build site profiles from JSONL files and write them as JSON."""
    parser = build_profile_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:
        return stop.code if isinstance(stop.code, int) else USAGE
    try:
        thresholds = Thresholds(args.min_documents, args.min_share, args.min_chars)
        pipeline = config.load(args.config) if args.config else _discovered()
    except ConfigError as error:
        return _error(str(error), USAGE)
    output = Path(args.output) if args.output not in (None, "-") else None
    found = io.find_inputs(args.inputs, output)
    for note in found.notes:
        _log(f"{PROG}: note: {note}")
    for name, reason in found.errors:
        _log(f"{PROG}: error: {name}: {reason}")
    unusable = [item.name for item in found.inputs if not item.jsonl or item.warc or item.path is None]
    if unusable:
        return _error(f"{', '.join(unusable)}: profiles are built from JSONL files (they are read twice)", USAGE)
    if not found.inputs:
        return FAILED
    sources = {item.path.resolve() for item in found.inputs if item.path is not None}
    if output is not None and output.resolve() in sources:
        return _error(f"{output}: the output would overwrite an input", USAGE)
    try:
        profiles, documents, errors = _build_profiles(args, found.inputs, thresholds, pipeline)
    except KeyboardInterrupt:
        return 130
    if output is None:
        sys.stdout.write(profiles.dumps())
    else:
        atomic = io.AtomicFile(output)
        atomic.stream.write(profiles.dumps())
        atomic.commit()
    errors += len(found.errors)
    _log(
        f"{PROG}: {_plural(documents, 'document')}, {_plural(errors, 'error')}; "
        f"{_plural(profiles.line_count, 'line')} in {_plural(len(profiles.sites), 'site profile')}"
    )
    return FAILED if errors else OK


def _build_profiles(
    args: argparse.Namespace, inputs: list[io.Input], thresholds: Thresholds, pipeline: Pipeline
) -> tuple[Profiles, int, int]:
    """The profiles, the number of documents read and of records or files that failed."""
    where_key = args.site_key or args.url_key
    if args.dask is None:
        reader = _ProfileReader(inputs, args.text_key, where_key)
        return build_profiles(reader.read, thresholds, pipeline, args.jobs), reader.documents, reader.errors
    from .corpus import dask as corpus_dask

    paths = [str(item.path) for item in inputs]
    with runerrors.dask_client(args.dask or None, args.jobs) as client:
        return corpus_dask.profile_files(client, paths, thresholds, pipeline, args.text_key, where_key)


class _ProfileReader:
    """Reads (URL or site, text) pairs for profiling; the first read reports and counts errors."""

    def __init__(self, inputs: list[io.Input], text_key: str, url_key: str) -> None:
        self.inputs = inputs
        self.text_key = text_key
        self.url_key = url_key
        self.reads = self.documents = self.errors = 0

    def read(self) -> Iterator[tuple[str | None, str]]:
        first = self.reads == 0
        self.reads += 1
        for part in io.documents(self.inputs, self.text_key, self.url_key):
            if isinstance(part, io.Doc) and part.text is not None:
                self.documents += first
                yield part.url, part.text
            elif first and part.error:
                self.errors += 1
                _log(f"{PROG}: error: {part.name if isinstance(part, io.Doc) else part.input.name}: {part.error}")


def filter_table() -> str:
    """One line per registered step, the default pipeline's in run order first: name, default
    or optional, first docstring line, and the reason codes it can give."""
    steps = registry.available()
    order = [*DEFAULT_STEPS, *sorted(set(steps) - set(DEFAULT_STEPS))]
    width = max(map(len, steps), default=0)
    lines = []
    for name in order:
        cls = steps[name]
        summary = (cls.__doc__ or "").strip().partition("\n")[0]
        status = "default" if name in DEFAULT_STEPS else "optional"
        reasons = ", ".join(getattr(cls, "reasons", ()))
        lines.append(f"{name:<{width}}  {status:<8}  {summary}" + (f" [{reasons}]" if reasons else "") + "\n")
    return "".join(lines)


def _run(args: argparse.Namespace, pipeline: Pipeline) -> int:
    writing = not (args.diff or args.check)
    exclude = Path(args.output) if writing and args.output not in (None, "-") else None
    found = io.find_inputs(args.inputs, exclude, stdin_html=args.input_format == "html")
    found.inputs = [_as_format(item, args.input_format) for item in found.inputs]
    for note in found.notes:
        _log(f"{PROG}: note: {note}")
    for name, reason in found.errors:
        _log(f"{PROG}: error: {name}: {reason}")
    if not found.inputs:
        return FAILED
    plan = io.Plan()
    if writing:
        try:
            plan = io.plan_outputs(
                found.inputs, args.output, several=found.several, explain=args.explain or args.format == "json",
                records_suffix=".json" if args.format == "json" and not args.explain else ".explain.jsonl",
                text_suffix=".md" if args.format == "markdown" else ".txt",
            )
        except io.UsageError as error:
            return _error(str(error), USAGE)
    show_bar = sys.stderr.isatty() and (len(found.inputs) > 1 or any(item.jsonl for item in found.inputs))
    total = None if any(item.jsonl for item in found.inputs) else len(found.inputs)
    url_key = args.site_key or args.url_key
    output = formats.Output(args.format, args.links, args.images, args.explain)
    fmt = records.RecordFormat(args.text_key, url_key, args.html_key, args.explain, writing, output)
    runner = _Runner(args, io.Outputs(plan), writing, fmt)
    runner.tally.errors = len(found.errors)
    # Records are parsed and written by the worker that cleans them, unless a diff needs
    # whole results here.
    if args.report:
        runner.report = RemovalReport()
    parts = io.documents(found.inputs, args.text_key, url_key, args.html_key, raw=not (args.diff or args.report))
    items = ((part, _task(part, fmt)) for part in parts)
    # The layout of formats and of HTML text (blank lines between blocks) is read from the source.
    keep_source = args.explain or args.diff or args.report or args.format != "text" or any(item.html for item in found.inputs)
    finished = False
    with tqdm(total=total, unit="doc", file=sys.stderr, leave=False, disable=not show_bar) as bar:
        try:
            with _cleaner(args, pipeline, keep_source) as clean:
                for part, outcome in clean(items):
                    if isinstance(part, io.End):
                        runner.end(part)
                        continue
                    if isinstance(part, io.RecordLine):
                        runner.record(part, outcome)
                    else:
                        runner.document(part, outcome)
                    bar.update()
            finished = True
        finally:
            runner.outputs.close(ok=finished)
    if runner.report is not None:
        runner.report.write(Path(args.report))
    return runner.summarise()


def _as_format(item: io.Input, input_format: str) -> io.Input:
    """The input read as --input-format says; stdin in auto mode as its first line shows (noted)."""
    if input_format == "auto" and item.path is None:
        input_format = stdin.kind(stdin.peek().head)
        if input_format != stdin.TEXT:
            _log(f"{PROG}: note: stdin looks like {input_format.upper()}; reading it as such (--input-format text to override)")
    if input_format == "jsonl":
        return dataclasses.replace(item, jsonl=True, html=False)
    if input_format == "auto" or item.jsonl:
        return item
    return dataclasses.replace(item, html=input_format == "html")


def _task(part: io.Doc | io.RecordLine | io.End, fmt: records.RecordFormat) -> batch.Task | None:
    if isinstance(part, io.RecordLine):
        return records.RecordTask(part.data, fmt)
    return part.task if isinstance(part, io.Doc) else None


@contextmanager
def _cleaner(args: argparse.Namespace, pipeline: Pipeline, keep_source: bool) -> Iterator[Callable[..., Any]]:
    """The function that cleans the stream in order: a process pool, or a Dask cluster."""
    if args.dask is None:
        yield partial(batch.clean_in_order, pipeline=pipeline, jobs=args.jobs, keep_source=keep_source)
        return
    with runerrors.dask_client(args.dask or None, args.jobs) as client:
        from .corpus import dask as corpus_dask

        yield partial(corpus_dask.clean_in_order, client, pipeline=pipeline, keep_source=keep_source)


@dataclass
class _Tally:
    documents: int = 0
    removals: int = 0
    errors: int = 0
    changed: int = 0
    reasons: Counter[tuple[str, str]] = field(default_factory=Counter)


class _Runner:
    """Routes each cleaned document to its output, diff or check line, and keeps the counts."""

    def __init__(self, args: argparse.Namespace, outputs: io.Outputs, writing: bool, fmt: records.RecordFormat) -> None:
        self.args = args
        self.fmt = fmt
        self.outputs = outputs
        self.writing = writing
        self.tally = _Tally()
        self.report: RemovalReport | None = None
        self._reset()

    def _reset(self) -> None:
        self.input_failed = False
        self.input_documents = self.input_changed = self.input_removals = 0

    def document(self, doc: io.Doc, outcome: batch.Outcome) -> None:
        self.tally.documents += 1
        self.input_documents += 1
        if isinstance(outcome, batch.Failed) or outcome is None:
            reason = outcome.reason if outcome else doc.error
            self._document_error(doc, reason)
            if self.writing and doc.line:  # a record (JSONL, WARC): still one output record
                self.outputs.write(doc.input, io.json_line(records.output_record(doc, self.fmt, None, reason)))
            return
        if self.report is not None:
            self.report.add(doc.name, outcome)
        removed = len(outcome.removals)
        self.tally.removals += removed
        self.tally.reasons.update((removal.filter, removal.reason) for removal in outcome.removals)
        if outcome.text != doc.text:
            self.input_changed += 1
            self.input_removals += removed
        if self.args.diff:
            diff = explain.unified_diff(outcome, doc.name)
            sys.stdout.write(explain.colourise(diff) if _colour() else diff)
        if self.writing:
            self.outputs.write(doc.input, self._render(doc, outcome))

    def record(self, line: io.RecordLine, outcome: batch.Outcome) -> None:
        """A JSONL record cleaned (or failed) where it was parsed: write its line, count it."""
        if isinstance(outcome, batch.Failed):  # its worker died: no line came back
            outcome = records.cleaned(records.RecordTask(line.data, self.fmt).parse(), self.fmt, None, outcome.reason)
        assert isinstance(outcome, records.Cleaned)
        self.tally.documents += 1
        self.input_documents += 1
        if outcome.error:
            self.tally.errors += 1
            _log(f"{PROG}: error: {line.name}: {outcome.error}")
        else:
            self.tally.removals += len(outcome.removals)
            self.tally.reasons.update(outcome.removals)
            if outcome.changed:
                self.input_changed += 1
                self.input_removals += len(outcome.removals)
        if self.writing:
            self.outputs.write(line.input, outcome.line)

    def _document_error(self, doc: io.Doc, error: str) -> None:
        self.tally.errors += 1
        _log(f"{PROG}: error: {doc.name}: {error}")
        if not doc.line:
            self.input_failed = True

    def _render(self, doc: io.Doc, result: CleanResult) -> str:
        args = self.args
        output = self.fmt.output
        if doc.record is not None:  # a JSONL or WARC record: its fields, as a worker writes them
            return io.json_line(records.output_record(doc, self.fmt, result))
        if args.explain and output.format != "json":
            return io.json_line({args.id_key: doc.name, **explain.explanation(result)})
        text = formats.body(result, output, doc.text if doc.html else None, doc.url)
        if output.format == "json":
            return io.json_line({args.id_key: doc.name, args.text_key: text, **formats.json_fields(result, output, doc.url)})
        if self.outputs.plan.records:
            return io.json_line({args.id_key: doc.name, args.text_key: text})
        return text

    def end(self, end: io.End) -> None:
        if end.error:
            self.tally.errors += 1
            _log(f"{PROG}: error: {end.input.name}: {end.error}")
        if self.writing:
            self.outputs.finish(end.input, ok=not (end.error or self.input_failed))
        if self.input_changed:
            self.tally.changed += 1
            if self.args.check:
                _log(f"{PROG}: would change {end.input.name} ({self._change_counts(end.input)})")
        self._reset()

    def _change_counts(self, item: io.Input) -> str:
        removals = _plural(self.input_removals, "removal")
        if not item.jsonl:
            return removals
        return f"{self.input_changed} of {_plural(self.input_documents, 'record')}, {removals}"

    def summarise(self) -> int:
        """Print the one-line summary (for several documents) and return the exit status."""
        tally = self.tally
        if tally.documents > 1:
            counts = (tally.documents, "document"), (tally.removals, "removal"), (tally.errors, "error")
            line = f"{PROG}: " + ", ".join(_plural(count, word) for count, word in counts)
            if self.args.check:
                line += f"; {_plural(tally.changed, 'input')} would change"
            _log(line)
            if tally.reasons:
                _log(reason_table(tally.reasons))
        if tally.errors:
            return FAILED
        return FOUND_CRUFT if self.args.check and tally.changed else OK


def reason_table(reasons: Counter[tuple[str, str]]) -> str:
    """Removals per filter and reason, most frequent first, as aligned lines."""
    rows = sorted(reasons.items(), key=lambda item: (-item[1], item[0]))
    width_filter = max(len(name) for (name, _), _ in rows)
    width_reason = max(len(reason) for (_, reason), _ in rows)
    width_count = len(str(rows[0][1]))
    lines = [
        f"  {name:<{width_filter}}  {reason:<{width_reason}}  {count:>{width_count}}" for (name, reason), count in rows
    ]
    return "\n".join(["removals by filter and reason:", *lines])


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _colour() -> bool:
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def _log(message: str) -> None:
    tqdm.write(message, file=sys.stderr)


def _error(message: str, status: int) -> int:
    _log(f"{PROG}: error: {message}")
    return status
