"""Command line: `python -m cleanarticle INPUT... -o OUT`, argparse wiring over `run`.

`python -m cleanarticle profile CORPUS.jsonl -o profiles.json` builds site profiles (the lines
repeated across each site's documents) for `--profile`.

Data goes to stdout or files; notes, errors, the progress bar and the summary go to stderr.
Exit status: 0 ok, 1 `--check` found something to remove, 2 usage or config error or an output
that cannot be written, 3 some inputs failed (every other input is still cleaned and written),
130 interrupted, 143 terminated. No traceback reaches the user for any of them.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys

from . import __version__, config, formats, io, registry, runerrors
from . import run as runloop
from .corpus import Thresholds
from .filters import DEFAULT_STEPS
from .filters.site_boilerplate import SiteBoilerplate
from .html.main_content import EXTRACTORS
from .limits import Limits
from .pipeline import ConfigError, Pipeline
from .run import OK, PROG, USAGE

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

one bad input never ends the run: a file, record or page that cannot be read, decoded or cleaned
(over --max-bytes, over --time-limit, invalid JSON, a damaged .gz) is named on stderr, and a
record still gets its output line with an "error" field (records in = records out). Directory
walks skip FIFOs, devices and sockets; name one alone to read it as a stream.

exit status:
  0    ok
  1    --check found something to remove
  2    usage or config error, or an output that cannot be written (the path is named)
  3    some inputs failed (every other input is still cleaned and written)
  130  interrupted (SIGINT), 143 terminated (SIGTERM): unfinished outputs are removed"""


MAX_BYTES_HELP = (
    f"refuse a file, JSONL line or WARC record larger than this once decompressed, without reading it whole "
    f"(default {io.MAX_BYTES >> 20}M; K, M and G suffixes); a refused record gets an error record with its id"
)
TIME_LIMIT_HELP = (
    f"give up on a document that takes longer than this to clean (default {runloop.TIME_LIMIT:g}; 0: no limit): it "
    'fails alone, a record keeping its text with an "error" field. Not enforced on Dask workers'
)


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
    steps.add_argument(
        "--include-comments",
        action="store_true",
        help="HTML pages: keep the readers' comments found below the article (off by default: "
        "most collections count them as boilerplate; on text input, --disable reader_comments)",
    )
    steps.add_argument(
        "--extractor",
        choices=EXTRACTORS,
        default="trafilatura",
        help="HTML pages: what finds the article's main text: trafilatura (default), model (our "
        "DOM model, trained on ../shared/data; faster) or auto (the model where it is confident, "
        "trafilatura elsewhere)",
    )

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
    _add_bounds(run)
    run.add_argument("--time-limit", type=_seconds, default=runloop.TIME_LIMIT, metavar="SECONDS", help=TIME_LIMIT_HELP)
    return parser


def _add_bounds(group: argparse._ArgumentGroup) -> None:
    group.add_argument("--max-bytes", type=_size, default=io.MAX_BYTES, metavar="SIZE", help=MAX_BYTES_HELP)
    group.add_argument(
        "--max-html-bytes",
        type=_size,
        default=Limits().max_html_bytes,
        metavar="SIZE",
        help=f"an HTML page is cut (at a tag) past this size, with a note in its pruned nodes (default {Limits().max_html_bytes // 1_000_000}M)",
    )
    group.add_argument(
        "--max-html-depth",
        type=_count,
        default=Limits().max_html_depth,
        metavar="N",
        help=f"elements nested deeper than this are flattened into their parent, text kept (default {Limits().max_html_depth})",
    )


def _add_dask(group: argparse._ArgumentGroup) -> None:
    group.add_argument(
        "--dask",
        nargs="?",
        const="",
        metavar="SCHEDULER",
        help="run on a Dask cluster at this scheduler address, or on a local cluster of -j "
        "workers when no address is given (needs cleanarticle[dask])",
    )


def _size(value: str) -> int:
    number, unit = value.strip().upper(), 1
    if number[-1:] in _UNITS:
        number, unit = number[:-1], _UNITS[number[-1]]
    try:
        size = int(float(number) * unit)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a size in bytes like 1000000 or 64M, got {value!r}") from None
    if size < 1:
        raise argparse.ArgumentTypeError("expected a size of at least 1 byte")
    return size


_UNITS = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of seconds, got {value!r}") from None
    if not seconds >= 0 or seconds == float("inf"):
        raise argparse.ArgumentTypeError("expected 0 (no limit) or a positive number of seconds")
    return seconds


def _whole(value: str, least: int, hint: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
    if number < least:
        raise argparse.ArgumentTypeError(f"expected {hint}")
    return number


def _count(value: str) -> int:
    return _whole(value, 1, "1 or more")


def _jobs(value: str) -> int:
    return _whole(value, 0, "0 (one per CPU) or more") or os.cpu_count() or 1


def main(argv: list[str] | None = None) -> int:
    """Run the command line on `argv` (default: sys.argv[1:]) and return the exit status."""
    argv = sys.argv[1:] if argv is None else argv
    try:
        with runloop.stop_on_terminate():
            if argv[:1] == ["profile"]:
                return profile_main(argv[1:])
            return _main(argv)
    except runloop.Stopped as stop:
        return stop.status
    except KeyboardInterrupt:
        return 130
    except runerrors.RunError as error:
        return runloop.error_status(str(error), USAGE)
    except BrokenPipeError:  # stdout closed early, e.g. piped into `head`: not a failure
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return OK
    except OSError as error:  # an output that cannot be created or written
        return runloop.error_status(str(runerrors.output_failure(error)), USAGE)


def _main(argv: list[str]) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # --help, --version and argparse's own usage errors
        return stop.code if isinstance(stop.code, int) else USAGE
    if not args.inputs and _on_terminal(args):
        parser.print_usage(sys.stderr)
        return runloop.error_status("no INPUT given and stdin is a terminal: name files, or pipe data in ('-' reads the terminal)", USAGE)
    if args.list_filters:
        sys.stdout.write(filter_table())
        return OK
    try:
        pipeline = build_pipeline(args)
    except ConfigError as error:
        return runloop.error_status(str(error), USAGE)
    if args.show_config:
        sys.stdout.write(config.dumps(pipeline))
        return OK
    if (args.links or args.images) and args.format != "markdown":
        return runloop.error_status("--links and --images need --format markdown", USAGE)
    if args.explain and (args.diff or args.check):
        return runloop.error_status("--explain cannot be combined with --diff or --check", USAGE)
    if args.output is not None and (args.diff or args.check):
        return runloop.error_status("--diff and --check write no files; drop -o", USAGE)
    return runloop.clean(_options(args), pipeline)


def _options(args: argparse.Namespace) -> runloop.Options:
    """The parsed arguments that the run loop reads."""
    names = {item.name for item in dataclasses.fields(runloop.Options)}
    return runloop.Options(**{name: value for name, value in vars(args).items() if name in names})


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
    running = parser.add_argument_group("running")
    _add_dask(running)
    _add_bounds(running)
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
        return runloop.error_status(str(error), USAGE)
    return runloop.profile(_options(args), thresholds, pipeline)


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
