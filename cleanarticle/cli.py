"""Command line: `python -m cleanarticle INPUT... -o OUT`, argparse wiring over `io` and `explain`.

Data goes to stdout or files; notes, errors, the progress bar and the summary go to stderr.
Exit status: 0 ok, 1 `--check` found something to remove, 2 usage or config error, 3 some
inputs failed (every other input is still cleaned and written).
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from tqdm import tqdm

from . import __version__, batch, config, explain, io, registry
from .filters import DEFAULT_STEPS
from .pipeline import ConfigError, Pipeline
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
                                                JSONL whose text is in "content"
  cleanarticle a.txt b.txt -o all.jsonl         several files, one {"id", "text"} record each
  cleanarticle article.txt --explain            what was removed, where, and why (JSONL)
  cleanarticle seeds/ --diff | less             review the removals as a diff
  cleanarticle seeds/ --check                   exit 1 if any input would change
  cleanarticle article.txt --disable metadata_lines --set duplicates.min_words=8
  cleanarticle --config cleanarticle.toml --show-config

"cleanarticle" is the installed script; "python -m cleanarticle" is the same command.

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
        help="a file, a directory (searched for .txt, .jsonl and .jsonl.gz files) or a glob "
        "pattern; '-' or no INPUT reads text from stdin",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")

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

    steps = parser.add_argument_group("pipeline")
    steps.add_argument(
        "--config", metavar="PATH", help="TOML pipeline: cleanarticle.toml, or [tool.cleanarticle] in pyproject.toml"
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
    return parser


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
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # --help, --version and argparse's own usage errors
        return stop.code if isinstance(stop.code, int) else USAGE
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
    if args.explain and (args.diff or args.check):
        return _error("--explain cannot be combined with --diff or --check", USAGE)
    if args.output is not None and (args.diff or args.check):
        return _error("--diff and --check write no files; drop -o", USAGE)
    try:
        return _run(args, pipeline)
    except BrokenPipeError:  # stdout closed early, e.g. piped into `head`
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return FAILED
    except KeyboardInterrupt:
        return 130


def build_pipeline(args: argparse.Namespace) -> Pipeline:
    """The pipeline from --config (or the default), then --disable, --enable and --set."""
    pipeline = config.load(args.config) if args.config else Pipeline.default()
    if args.disable:
        pipeline = pipeline.without(*args.disable)
    for name in args.enable:
        pipeline = pipeline.enable(name)
    for setting in args.settings:
        path, equals, value = setting.partition("=")
        if not equals:
            raise ConfigError(f"--set expects STEP.FIELD=VALUE, got {setting!r}")
        pipeline = pipeline.set(path.strip(), value)
    return pipeline


def filter_table() -> str:
    """One line per registered step: name, default or optional, first docstring line."""
    steps = registry.available()
    width = max(map(len, steps), default=0)
    lines = []
    for name, cls in steps.items():
        summary = (cls.__doc__ or "").strip().partition("\n")[0]
        status = "default" if name in DEFAULT_STEPS else "optional"
        lines.append(f"{name:<{width}}  {status:<8}  {summary}\n")
    return "".join(lines)


def _run(args: argparse.Namespace, pipeline: Pipeline) -> int:
    writing = not (args.diff or args.check)
    exclude = Path(args.output) if writing and args.output not in (None, "-") else None
    found = io.find_inputs(args.inputs, exclude)
    for note in found.notes:
        _log(f"{PROG}: note: {note}")
    for name, reason in found.errors:
        _log(f"{PROG}: error: {name}: {reason}")
    if not found.inputs:
        return FAILED
    plan = io.Plan()
    if writing:
        try:
            plan = io.plan_outputs(found.inputs, args.output, several=found.several, explain=args.explain)
        except io.UsageError as error:
            return _error(str(error), USAGE)
    show_bar = sys.stderr.isatty() and (len(found.inputs) > 1 or any(item.jsonl for item in found.inputs))
    total = None if any(item.jsonl for item in found.inputs) else len(found.inputs)
    runner = _Runner(args, io.Outputs(plan), writing)
    runner.tally.errors = len(found.errors)
    parts = io.documents(found.inputs, args.text_key, args.url_key)
    items = ((part, part.task if isinstance(part, io.Doc) else None) for part in parts)
    finished = False
    with tqdm(total=total, unit="doc", file=sys.stderr, leave=False, disable=not show_bar) as bar:
        try:
            for part, outcome in batch.clean_in_order(items, pipeline, args.jobs):
                if isinstance(part, io.Doc):
                    runner.document(part, outcome)
                    bar.update()
                else:
                    runner.end(part)
            finished = True
        finally:
            runner.outputs.close(ok=finished)
    return runner.summarise()


@dataclass
class _Tally:
    documents: int = 0
    removals: int = 0
    errors: int = 0
    changed: int = 0


class _Runner:
    """Routes each cleaned document to its output, diff or check line, and keeps the counts."""

    def __init__(self, args: argparse.Namespace, outputs: io.Outputs, writing: bool) -> None:
        self.args = args
        self.outputs = outputs
        self.writing = writing
        self.tally = _Tally()
        self._reset()

    def _reset(self) -> None:
        self.input_failed = False
        self.input_documents = self.input_changed = self.input_removals = 0

    def document(self, doc: io.Doc, outcome: batch.Outcome) -> None:
        self.tally.documents += 1
        self.input_documents += 1
        if isinstance(outcome, batch.Failed) or outcome is None:
            self._document_error(doc, outcome.reason if outcome else doc.error)
            return
        removed = len(outcome.removals)
        self.tally.removals += removed
        if outcome.text != doc.text:
            self.input_changed += 1
            self.input_removals += removed
        if self.args.diff:
            diff = explain.unified_diff(outcome, doc.name)
            sys.stdout.write(explain.colourise(diff) if _colour() else diff)
        if self.writing:
            self.outputs.write(doc.input, self._render(doc, outcome))

    def _document_error(self, doc: io.Doc, error: str) -> None:
        self.tally.errors += 1
        _log(f"{PROG}: error: {doc.name}: {error}")
        if not doc.line:
            self.input_failed = True
        elif self.writing and doc.record is not None:
            self.outputs.write(doc.input, io.json_line({**doc.record, "error": error}))
        elif self.writing:
            self.outputs.write(doc.input, io.json_line({"error": error, "raw": doc.raw}))

    def _render(self, doc: io.Doc, result: CleanResult) -> str:
        args = self.args
        if doc.record is not None:
            record = {**doc.record, args.text_key: result.text}
            return io.json_line(record | explain.explanation(result) if args.explain else record)
        if args.explain:
            return io.json_line({args.id_key: doc.name, **explain.explanation(result)})
        if self.outputs.plan.records:
            return io.json_line({args.id_key: doc.name, args.text_key: result.text})
        return result.text

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
        if tally.errors:
            return FAILED
        return FOUND_CRUFT if self.args.check and tally.changed else OK


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _colour() -> bool:
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def _log(message: str) -> None:
    tqdm.write(message, file=sys.stderr)


def _error(message: str, status: int) -> int:
    _log(f"{PROG}: error: {message}")
    return status
