"""Site profiles and cleaning on a Dask cluster (extra `cleanarticle[dask]`: dask[bag], distributed).

    import json
    from cleanarticle import Pipeline
    from cleanarticle.corpus import Thresholds
    from cleanarticle.corpus import dask as corpus_dask

    with corpus_dask.connect("tcp://scheduler:8786"):           # or connect() for a local cluster
        lines = corpus_dask.read_jsonl(["s3://crawl/part-*.jsonl.gz"])
        profiles = corpus_dask.build_profiles(corpus_dask.documents(lines), Thresholds())
        pipeline = Pipeline.default().with_profile(profiles)
        corpus_dask.clean_bag(lines, pipeline).map(json.dumps).to_textfiles("s3://clean/part-*.jsonl.gz")

Profiles are counted with the same pure functions as on one machine (`count`): each partition
counts its documents, the counts are split into buckets by hash and each bucket is merged on
its own, so no worker holds more than a bucket's share of the distinct lines; only the chosen
lines reach the client. The result equals `reference_profiles` whatever the partitioning.

Cleaning runs either as a bag (`clean_bag`: records in, records out, partition by partition)
or as the command line's ordered stream (`clean_in_order`: this process reads and writes, the
cluster cleans chunks; what `cleanarticle --dask` uses). Dask and distributed are imported
only when a function here is called.
"""

from __future__ import annotations

import logging
import pickle
import warnings
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from functools import reduce
from types import ModuleType
from typing import TYPE_CHECKING, Any

from .. import batch, document, integrations, io
from ..filters.site_boilerplate import SiteBoilerplate
from ..pipeline import Pipeline
from .count import Counts, assemble, document_hashes, key_hash, normalizers_from
from .profile import Doc, Profiles, Thresholds, document_keys, normalizers_of
from .sites import site_of

if TYPE_CHECKING:
    from dask.bag import Bag
    from distributed import Client

MAX_BUCKETS = 16
# Documents per task of `clean_in_order`. A task costs about 10 ms of CPU in the scheduler,
# client and worker together (a local cluster's, measured); 256 documents, over half a second
# of cleaning, keep that under 2 % and the lost work small when a worker dies.
DASK_CHUNK = 256
TICK_INTERVAL = "500ms"


def require(module: str) -> ModuleType:
    """Import a module of the extra, or fail with an ImportError that says what to install."""
    return integrations.require(module, "dask")


@contextmanager
def connect(address: str | None = None, workers: int = 2) -> Iterator[Client]:
    """A client of the scheduler at `address`, or of a local cluster of `workers` processes
    (one thread each, bound to 127.0.0.1, no dashboard) that is closed on exit.

    Three defaults of Dask's are changed here. Its low-level message log keeps the last 1000
    messages below 1 MB, our chunks of documents among them, which grows this process by a few
    hundred MB. Its statistical profiler samples each worker's running thread every 10 ms and
    slows pure-Python cleaning by about 40 %: start the workers of a cluster of your own with
    DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED=False for the same effect there. And every
    scheduler, nanny and worker checks its event loop's health every 20 ms, which costs an idle
    local cluster 7 % of a core in this process and 3 % in each worker, and takes a worker's
    GIL from its cleaning thread 50 times a second; every 500 ms (the setting of Dask's own
    tests) still catches a stalled loop, which it warns of after 3 s: start the scheduler and
    workers of a cluster of your own with DASK_DISTRIBUTED__ADMIN__TICK__INTERVAL=500ms.
    """
    distributed = require("distributed")
    settings = {
        "distributed.admin.low-level-log-length": 0,
        "distributed.worker.profile.enabled": False,
        "distributed.admin.tick.interval": TICK_INTERVAL,
    }
    with require("dask").config.set(settings):
        if address:
            with distributed.Client(address) as client:
                yield client
            return
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", "Port .* is already in use", UserWarning)  # 8787 busy: another port
            cluster = distributed.LocalCluster(
                n_workers=max(workers, 1),
                threads_per_worker=1,
                processes=True,
                host="127.0.0.1",
                dashboard_address=None,
                silence_logs=logging.ERROR,
            )
        with cluster, distributed.Client(cluster) as client:
            yield client


# Reading -------------------------------------------------------------------------------------


def read_jsonl(paths: str | Sequence[str], blocksize: str | None = "8MiB", **kwargs: Any) -> Bag:
    """A bag of JSONL lines from local or remote files (fsspec URLs); gzip files are one
    partition each. Parse them with `documents` or clean them with `clean_bag`.

    A worker holds a partition's lines and records at once: an 8 MiB block peaks at about
    270 MB per worker while profiling (a 32 MiB one at about 800 MB), so keep blocks small and
    split big .gz files, which cannot be cut into blocks."""
    bag_module = require("dask.bag")
    paths = [paths] if isinstance(paths, str) else list(paths)
    if any(path.lower().endswith(".gz") for path in paths):
        blocksize = None
    lines = bag_module.read_text(paths, blocksize=blocksize, errors="surrogateescape", **kwargs)
    return lines.filter(_not_blank)


def _not_blank(line: str) -> bool:
    return bool(line.strip())


def parse(line: str, text_key: str = "text", url_key: str = "url") -> io.Doc:
    """One JSONL line as `io.Doc`, exactly as the command line parses it."""
    raw = line.rstrip("\r\n").encode("utf-8", "surrogateescape")
    return document.parse(raw, document.Format(text_key, url_key))


def documents(lines: Bag, text_key: str = "text", url_key: str = "url") -> Bag:
    """(URL or site field, text) pairs of the readable records of a bag of JSONL lines."""
    return lines.map(parse, text_key, url_key).filter(_readable).map(_pair)


def _readable(doc: io.Doc) -> bool:
    return doc.text is not None


def _pair(doc: io.Doc) -> Doc:
    return doc.url, doc.text  # type: ignore[return-value]


# Profiles ------------------------------------------------------------------------------------


def build_profiles(
    docs: Bag, thresholds: Thresholds = Thresholds(), pipeline: Pipeline | None = None, buckets: int = 0
) -> Profiles:
    """Profiles of a bag of (URL or site field, text) pairs, on the current Dask scheduler.

    The distinct lines are merged in `buckets` parts (default: one per partition, at most
    `MAX_BUCKETS`), so that no worker holds more than one part of them."""
    dask = require("dask")
    buckets = buckets or max(1, min(MAX_BUCKETS, docs.npartitions))
    config = Pipeline(normalizers_of(pipeline)).to_config()
    partials = docs.map_partitions(_count_partition, config, thresholds.min_chars)
    totals = partials.reduction(_documents_of, _add_counters)
    merged = [partials.reduction(_Bucket(b, buckets), _merge_counts).apply(_Prune(thresholds)) for b in range(buckets)]
    documents, *pruned = dask.compute(totals, *merged)
    counts = reduce(Counts.merge, pruned, Counts(Counter(documents)))
    chosen = counts.chosen(thresholds)
    wanted = {site: frozenset(lines) for site, lines in chosen.items()}
    names = docs.map_partitions(_name_partition, dask.delayed(wanted), config, thresholds.min_chars)
    found = names.reduction(_merge_names, _merge_names).compute()
    return assemble(counts.documents, chosen, found, thresholds)


def profile_files(
    client: Client,
    paths: Sequence[str],
    thresholds: Thresholds = Thresholds(),
    pipeline: Pipeline | None = None,
    text_key: str = "text",
    url_key: str = "url",
) -> tuple[Profiles, int, int]:
    """Profiles of JSONL files on `client`'s cluster, the number of documents read and the
    number of records that could not be read (the command line's `profile --dask`). The files
    are read three times: to count, to name the chosen lines, and to count the records."""
    dask = require("dask")
    parsed = read_jsonl(list(paths)).map(parse, text_key, url_key)
    readable = parsed.filter(_readable)
    profiles = build_profiles(readable.map(_pair), thresholds, pipeline)
    documents, errors = dask.compute(readable.count(), parsed.filter(_unreadable).count())
    return profiles, documents, errors


def _unreadable(doc: io.Doc) -> bool:
    return doc.text is None


def _count_partition(docs: Iterable[Doc], config: dict[str, Any], min_chars: int) -> list[Counts]:
    normalizers = normalizers_from(config)
    counts = Counts()
    for where, text in docs:
        site = site_of(where)
        if site is not None:
            counts.add(site, document_hashes(text, normalizers, min_chars))
    return [counts]


def _documents_of(partials: Iterable[Counts]) -> Counter[str]:
    return reduce(_add_counter, (counts.documents for counts in partials), Counter())


def _add_counter(total: Counter[str], more: Counter[str]) -> Counter[str]:
    total.update(more)
    return total


def _add_counters(parts: Iterable[Counter[str]]) -> Counter[str]:
    return reduce(_add_counter, parts, Counter())


class _Bucket:
    """The lines of some partial counts whose hash falls in one bucket (documents left out)."""

    def __init__(self, bucket: int, buckets: int) -> None:
        self.bucket, self.buckets = bucket, buckets

    def __call__(self, partials: Iterable[Counts]) -> Counts:
        out = Counts()
        for counts in partials:
            for site, lines in counts.lines.items():
                mine = {line: n for line, n in lines.items() if line % self.buckets == self.bucket}
                if mine:
                    out.lines.setdefault(site, Counter()).update(mine)
        return out


def _merge_counts(parts: Iterable[Counts]) -> Counts:
    return reduce(Counts.merge, parts, Counts())


class _Prune:
    """Drop lines below `min_documents` once a bucket is fully merged (the share test needs the
    site totals and is left to the client)."""

    def __init__(self, thresholds: Thresholds) -> None:
        self.min_documents = thresholds.min_documents

    def __call__(self, counts: Counts) -> Counts:
        lines = {}
        for site, counter in counts.lines.items():
            kept = Counter({line: n for line, n in counter.items() if n >= self.min_documents})
            if kept:
                lines[site] = kept
        return Counts(Counter(), lines)


def _name_partition(
    docs: Iterable[Doc], wanted: dict[str, frozenset[int]], config: dict[str, Any], min_chars: int
) -> list[dict[str, dict[int, str]]]:
    normalizers = normalizers_from(config)
    names: dict[str, dict[int, str]] = {}
    for where, text in docs:
        site = site_of(where)
        lines = wanted.get(site) if site is not None else None
        if not lines or len(names.get(site, ())) == len(lines):  # type: ignore[arg-type]
            continue
        for key in document_keys(text, normalizers, min_chars):
            line = key_hash(key)
            if line in lines:
                names.setdefault(site, {})[line] = key  # type: ignore[arg-type]
    return [names]


def _merge_names(parts: Iterable[dict[str, dict[int, str]]]) -> dict[str, dict[int, str]]:
    out: dict[str, dict[int, str]] = {}
    for names in parts:
        for site, lines in names.items():
            out.setdefault(site, {}).update(lines)
    return out


# Cleaning ------------------------------------------------------------------------------------


def portable(pipeline: Pipeline) -> Pipeline:
    """The pipeline with profile paths replaced by the loaded profiles, so that workers on
    other machines need no copy of the file."""
    return Pipeline(tuple(_loaded(step) for step in pipeline.steps))


def _loaded(step: Any) -> Any:
    if isinstance(step, SiteBoilerplate) and isinstance(step.profile, str) and step.profile:
        return replace(step, profile=step.profiles() or step.profile)
    return step


def clean_bag(lines: Bag, pipeline: Pipeline, text_key: str = "text", url_key: str = "url") -> Bag:
    """Clean a bag of JSONL lines into a bag of records, one per line, in order: the text
    replaced by the clean text, every other field kept; a record that cannot be read or
    cleaned keeps its text (or its raw line) and gains an "error" field."""
    dask = require("dask")
    config = dask.delayed(portable(pipeline).to_config())
    return lines.map_partitions(_clean_partition, config, text_key, url_key)


def _clean_partition(lines: Iterable[str], config: dict[str, Any], text_key: str, url_key: str) -> list[dict[str, Any]]:
    pipeline = batch.pipeline_of(config)
    fmt = document.Format(text_key, url_key)
    records = []
    for line in lines:
        doc = parse(line, text_key, url_key)
        records.append(document.output_record(doc, fmt, *document.result_or_error(pipeline, doc)))
    return records


def clean_in_order(
    client: Client, items: Iterable[tuple[Any, document.Job | None]], pipeline: Pipeline
) -> Iterator[tuple[Any, document.Done | None]]:
    """`batch.clean_in_order` with the cluster behind `client` as the workers: this process
    reads and writes in order, chunks of documents are cleaned on the cluster."""
    [config] = client.scatter([portable(pipeline).to_config()], broadcast=True)
    threads = max(sum(client.nthreads().values()), 1)
    executor = _Submitter(client)

    def run(jobs: Iterator[document.Job | None]) -> Iterator[document.Done | None]:
        return batch.ordered_map(
            batch.clean_chunk_with, jobs, threads, lost=batch.lost, executor=executor, args=(config,), chunk_size=DASK_CHUNK
        )

    return batch.paired(items, run)


class _Submitter:
    """An executor's `submit` on a Dask client: impure tasks whose futures (and so results on
    the workers) are released once read; `Client.get_executor()` keeps them all until it ends.

    A chunk travels as one pickled bytes object, and its results come back as one. The
    scheduler unpickles every task it is sent and pickles it again for the worker, and the
    results of `client.gather` pass through it: a chunk's thousands of small objects cost it
    (on a local cluster, this process) far more than one bytes object does.
    """

    def __init__(self, client: Client) -> None:
        self.client = client

    def submit(self, function: Callable[..., list[Any]], chunk: list[Any], *args: Any) -> _Pickled:
        payload = pickle.dumps(chunk, pickle.HIGHEST_PROTOCOL)
        return _Pickled(self.client.submit(_call_pickled, function, payload, *args, pure=False))


def _call_pickled(function: Callable[..., list[Any]], payload: bytes, *args: Any) -> bytes:
    """On a worker: `function` over a pickled chunk, its results pickled."""
    return pickle.dumps(function(pickle.loads(payload), *args), pickle.HIGHEST_PROTOCOL)


class _Pickled:
    """The future of a `_call_pickled` task, whose `result` is the unpickled results."""

    def __init__(self, future: Any) -> None:
        self.future = future

    def result(self) -> list[Any]:
        return pickle.loads(self.future.result())


__all__ = [
    "build_profiles",
    "clean_bag",
    "clean_in_order",
    "connect",
    "documents",
    "parse",
    "portable",
    "profile_files",
    "read_jsonl",
    "require",
]
