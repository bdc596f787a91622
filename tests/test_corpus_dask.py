"""cleanarticle.corpus.dask on a real local cluster: results equal the in-memory reference."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest

dask = pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")
dask_bag = pytest.importorskip("dask.bag")

from cleanarticle import Pipeline, batch, cli, io  # noqa: E402
from cleanarticle.corpus import Thresholds, reference_profiles  # noqa: E402
from cleanarticle.corpus import dask as corpus_dask  # noqa: E402
from cleanarticle.document import Format, Job  # noqa: E402
from cleanarticle.filters.site_boilerplate import SiteBoilerplate  # noqa: E402
from test_cli_corpus import read_jsonl, records, write_jsonl  # noqa: E402
from test_corpus import corpus  # noqa: E402

DOCS, TEMPLATES = corpus(seed=11, sites=3, per_site=25)


@pytest.fixture(scope="module")
def client() -> Iterator[distributed.Client]:
    """LocalCluster(n_workers=2, processes=True, host="127.0.0.1", dashboard_address=None)."""
    with corpus_dask.connect(None, workers=2) as client:
        assert len(client.nthreads()) == 2 and all("127.0.0.1" in address for address in client.nthreads())
        yield client


@pytest.fixture(scope="module")
def crawl(tmp_path_factory: pytest.TempPathFactory) -> Path:
    rows = records(DOCS)
    rows.insert(10, {"id": "broken", "text": None})
    return write_jsonl(tmp_path_factory.mktemp("dask") / "crawl.jsonl", rows, raw=("{not json",))


def test_local_workers_run_with_the_settings_of_connect(client) -> None:
    """The settings reach the worker processes: no profiler, a slow event-loop health check."""
    setting = partial(dask.config.get, default=None)
    assert set(client.run(setting, "distributed.worker.profile.enabled").values()) == {False}
    assert set(client.run(setting, "distributed.admin.tick.interval").values()) == {corpus_dask.TICK_INTERVAL}
    assert set(client.run(setting, "distributed.admin.low-level-log-length").values()) == {0}


def test_profiles_on_the_cluster_equal_the_reference_whatever_the_partitioning(client, crawl: Path) -> None:
    thresholds = Thresholds(min_documents=4, min_share=0.2)
    reference = reference_profiles(DOCS, thresholds)
    for blocksize, buckets in ((None, 1), (2_000, 3)):
        lines = corpus_dask.read_jsonl([str(crawl)], blocksize=blocksize)
        assert lines.npartitions >= (1 if blocksize is None else 5)
        assert corpus_dask.build_profiles(corpus_dask.documents(lines), thresholds, buckets=buckets) == reference
    shuffled = random.Random(2).sample(DOCS, len(DOCS))
    bag = dask_bag.from_sequence(shuffled, npartitions=4)
    assert corpus_dask.build_profiles(bag, thresholds) == reference


def test_profile_files_counts_documents_and_errors(client, crawl: Path) -> None:
    profiles, documents, errors = corpus_dask.profile_files(client, [str(crawl)])
    assert (profiles, documents, errors) == (reference_profiles(DOCS), len(DOCS), 2)


def test_clean_bag_equals_cleaning_in_process(client, crawl: Path) -> None:
    profiles = reference_profiles(DOCS)
    pipeline = Pipeline.default().enable(SiteBoilerplate(profile=profiles))
    out = corpus_dask.clean_bag(corpus_dask.read_jsonl([str(crawl)], blocksize=3_000), pipeline).compute()
    assert len(out) == len(DOCS) + 2  # records in = records out, broken ones included
    assert out[10] == {"id": "broken", "text": None, "error": "the 'text' field is null, not a string"}
    assert out[-1]["raw"] == "{not json" and out[-1]["error"].startswith("invalid JSON: ")
    kept = [record for record in out if "error" not in record]
    assert [r["id"] for r in kept] == list(range(len(DOCS)))
    for record, (url, text) in zip(kept, DOCS, strict=True):
        assert record["text"] == pipeline.run(text, url).text


def test_clean_in_order_on_the_cluster_keeps_order_and_equals_local(client) -> None:
    pipeline = Pipeline.default().enable(SiteBoilerplate(profile=reference_profiles(DOCS)))
    fmt = Format(write=True)
    items = [(n, Job(io.Doc(io.STDIN, text, url), fmt)) for n, (url, text) in enumerate(DOCS)] + [("none", None)]
    remote = list(corpus_dask.clean_in_order(client, items, pipeline))
    local = list(batch.clean_in_order(items, pipeline))
    assert [context for context, _ in remote] == [context for context, _ in local]
    assert [o.output if o else None for _, o in remote] == [o.output if o else None for _, o in local]
    assert all(o.result is None for _, o in remote[:-1])  # slim results: the output only


def test_cli_profile_and_clean_with_dask_scheduler_address(client, crawl: Path, tmp_path: Path) -> None:
    address = client.scheduler.address
    assert cli.main(["profile", str(crawl), "-o", str(tmp_path / "local.json")]) == 3  # 2 broken records
    assert cli.main(["profile", str(crawl), "-o", str(tmp_path / "dask.json"), "--dask", address]) == 3
    assert (tmp_path / "dask.json").read_bytes() == (tmp_path / "local.json").read_bytes()
    base = [str(crawl), "--profile", str(tmp_path / "local.json")]
    assert cli.main([*base, "-o", str(tmp_path / "local.jsonl")]) == 3
    assert cli.main([*base, "-o", str(tmp_path / "dask.jsonl"), "--dask", address]) == 3
    assert (tmp_path / "dask.jsonl").read_bytes() == (tmp_path / "local.jsonl").read_bytes()
    assert len(read_jsonl(tmp_path / "dask.jsonl")) == len(DOCS) + 2


def test_portable_pipeline_carries_the_loaded_profile(tmp_path: Path) -> None:
    path = tmp_path / "p.json"
    reference_profiles(DOCS).save(path)
    pipeline = Pipeline.default().enable(SiteBoilerplate(profile=str(path)))
    step = corpus_dask.portable(pipeline).steps[pipeline.names.index("site_boilerplate")]
    assert step.profile == reference_profiles(DOCS)  # type: ignore[attr-defined]
    assert json.loads(json.dumps(pipeline.to_config()))  # the path form stays plain data
