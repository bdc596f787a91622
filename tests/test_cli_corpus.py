"""The command line at corpus scale: `profile`, `--profile`, `--site-key`, the summary table,
and records in = records out with broken records and with worker processes that die."""

from __future__ import annotations

import gzip
import json
import os
import pickle
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from cleanarticle import Pipeline, batch, cli, io, registry
from cleanarticle.corpus import Profiles, Thresholds, reference_profiles
from cleanarticle.filters.base import LineFilter
from cleanarticle.filters.site_boilerplate import SiteBoilerplate
from cleanarticle.document import Done, Format, Job
from test_corpus import corpus

MAIN_PID = os.getpid()
DOCS, TEMPLATES = corpus(seed=3, sites=3, per_site=30)


def text_job(text: str, url: str | None = None) -> Job:
    """A text document to clean, whose whole result comes back."""
    return Job(io.Doc(io.STDIN, text, url), Format(write=False, keep_result=True))


def write_jsonl(path: Path, records: list[object], raw: tuple[str, ...] = ()) -> Path:
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "wt", encoding="utf-8") as stream:
        for line in [json.dumps(r) for r in records] + list(raw):
            stream.write(line + "\n")
    return path


def read_jsonl(path: Path) -> list[dict]:
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as stream:
        return [json.loads(line) for line in stream]


def records(docs: list[tuple[str, str]] = DOCS) -> list[dict]:
    return [{"id": n, "url": url, "text": text, "lang": "en"} for n, (url, text) in enumerate(docs)]


@pytest.fixture
def crawl(tmp_path: Path) -> Path:
    return write_jsonl(tmp_path / "crawl.jsonl", records())


# profile ---------------------------------------------------------------------------------------


def test_profile_writes_the_reference_profiles(crawl: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "profiles.json"
    assert cli.main(["profile", str(crawl), "-o", str(out)]) == 0
    assert out.read_text("utf-8") == reference_profiles(DOCS).dumps()
    err = capsys.readouterr().err
    assert "90 documents, 0 errors" in err and "12 lines in 3 site profiles" in err
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary file left


def test_profile_is_the_same_whatever_the_order_the_thresholds_and_the_workers(tmp_path: Path, capsys) -> None:
    shuffled = write_jsonl(tmp_path / "shuffled.jsonl.gz", random.Random(1).sample(records(), len(DOCS)))
    args = ["--min-documents", "10", "--min-share", "0.5", "--min-chars", "4"]
    assert cli.main(["profile", str(shuffled), *args, "-j", "2"]) == 0
    thresholds = Thresholds(min_documents=10, min_share=0.5, min_chars=4)
    assert capsys.readouterr().out == reference_profiles(DOCS, thresholds).dumps()


def test_profile_counts_bad_records_and_still_writes(tmp_path: Path, capsys) -> None:
    path = write_jsonl(tmp_path / "c.jsonl", records(), raw=('{"url": "https://x.com/", "text": 3}', "{broken"))
    assert cli.main(["profile", str(path), "-o", str(tmp_path / "p.json")]) == 3
    assert Profiles.load(tmp_path / "p.json") == reference_profiles(DOCS)
    err = capsys.readouterr().err
    assert f"{path}:91: the 'text' field is a number" in err and "2 errors" in err


def test_profile_site_key(tmp_path: Path, capsys) -> None:
    rows = [{"source": f"outlet-{n % 2}", "text": text} for n, (_, text) in enumerate(DOCS)]
    path = write_jsonl(tmp_path / "c.jsonl", rows)
    assert cli.main(["profile", str(path), "--site-key", "source"]) == 0
    profiles = Profiles.from_dict(json.loads(capsys.readouterr().out))
    assert sorted(profiles.sites) == ["outlet-0", "outlet-1"]
    assert profiles == reference_profiles([(row["source"], row["text"]) for row in rows])


def test_profile_usage_errors(crawl: Path, tmp_path: Path, capsys) -> None:
    (tmp_path / "a.txt").write_text("text\n", "utf-8")
    assert cli.main(["profile", str(tmp_path / "a.txt")]) == 2
    assert "profiles are built from JSONL files" in capsys.readouterr().err
    assert cli.main(["profile", "-"]) == 2
    assert cli.main(["profile", str(crawl), "-o", str(crawl)]) == 2
    assert "overwrite" in capsys.readouterr().err
    assert cli.main(["profile", str(crawl), "--min-documents", "1"]) == 2
    assert "min_documents" in capsys.readouterr().err
    assert cli.main(["profile", str(tmp_path / "missing.jsonl")]) == 3
    assert cli.main(["profile", "--help"]) == 0
    assert "registered domain" in capsys.readouterr().out


# clean with --profile ---------------------------------------------------------------------------


@pytest.fixture
def profiles_file(tmp_path: Path) -> Path:
    path = tmp_path / "profiles.json"
    reference_profiles(DOCS).save(path)
    return path


def test_profile_flag_removes_site_furniture_and_keeps_every_record(
    crawl: Path, profiles_file: Path, tmp_path: Path, capsys
) -> None:
    out = tmp_path / "clean.jsonl.gz"
    assert cli.main([str(crawl), "--profile", str(profiles_file), "-o", str(out)]) == 0
    pipeline = Pipeline.default().enable(SiteBoilerplate(profile=str(profiles_file)))
    cleaned = read_jsonl(out)
    assert [r["id"] for r in cleaned] == list(range(len(DOCS)))
    for record, original in zip(cleaned, records(), strict=True):
        assert record == original | {"text": pipeline.run(original["text"], original["url"]).text}
        assert not any(line in record["text"] for template in TEMPLATES.values() for line in template)
    err = capsys.readouterr().err
    assert "90 documents" in err and "removals by filter and reason:" in err
    row = next(line for line in err.splitlines() if "site_repeated_line" in line)
    assert row.split()[0] == "site_boilerplate" and int(row.split()[-1]) > 90


def test_two_workers_give_the_same_bytes_with_a_profile(crawl: Path, profiles_file: Path, tmp_path: Path) -> None:
    base = [str(crawl), "--profile", str(profiles_file)]
    assert cli.main([*base, "-o", str(tmp_path / "one.jsonl")]) == 0
    assert cli.main([*base, "-o", str(tmp_path / "two.jsonl"), "-j", "2"]) == 0
    assert (tmp_path / "one.jsonl").read_bytes() == (tmp_path / "two.jsonl").read_bytes()
    assert cli.main([*base, "--explain", "-o", str(tmp_path / "one.explain.jsonl")]) == 0
    assert cli.main([*base, "--explain", "-o", str(tmp_path / "two.explain.jsonl"), "-j", "2"]) == 0
    explained = (tmp_path / "two.explain.jsonl").read_bytes()
    assert explained == (tmp_path / "one.explain.jsonl").read_bytes() and b'"site_repeated_line"' in explained


def test_site_key_picks_the_site_when_cleaning(tmp_path: Path, capsys) -> None:
    rows = [{"source": site, "text": text} for site, (url, text) in zip(["site0.co.uk"] * 3, DOCS[:3])]
    path = write_jsonl(tmp_path / "c.jsonl", rows)
    reference_profiles(DOCS).save(tmp_path / "p.json")
    assert cli.main([str(path), "--profile", str(tmp_path / "p.json"), "--site-key", "source"]) == 0
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert "Site 0" not in out[0]["text"] and "Site 1" in out[1]["text"]  # DOCS[1] is of site1.co.uk


def test_site_filter_without_profile_or_with_a_bad_one_is_a_usage_error(crawl: Path, tmp_path: Path, capsys) -> None:
    assert cli.main([str(crawl), "--enable", "site_boilerplate"]) == 2
    assert "--profile" in capsys.readouterr().err
    (tmp_path / "bad.json").write_text("[]", "utf-8")
    assert cli.main([str(crawl), "--profile", str(tmp_path / "bad.json")]) == 2
    assert "bad.json" in capsys.readouterr().err


def test_broken_records_keep_their_place_and_text(tmp_path: Path, profiles_file: Path) -> None:
    rows = records()[:5]
    rows.insert(2, {"id": "no-text", "url": "https://site0.co.uk/"})
    rows.insert(4, {"id": "number", "text": 42})
    path = write_jsonl(tmp_path / "c.jsonl", rows, raw=("{cut off",))
    assert cli.main([str(path), "--profile", str(profiles_file), "-o", str(tmp_path / "o.jsonl"), "-j", "2"]) == 3
    out = read_jsonl(tmp_path / "o.jsonl")
    assert len(out) == len(rows) + 1
    assert [r.get("id") for r in out[:-1]] == [r["id"] for r in rows]
    assert out[2] == rows[2] | {"error": "no 'text' field"}
    assert out[4]["text"] == 42 and "error" in out[4]
    assert out[-1]["raw"] == "{cut off" and out[-1]["error"].startswith("invalid JSON")


# workers ---------------------------------------------------------------------------------------


def test_results_pickle_through_their_fields_and_come_back_equal() -> None:
    pipeline = Pipeline.default().enable(SiteBoilerplate(profile=reference_profiles(DOCS)))
    articles = [(None, path.read_text("utf-8")) for path in sorted((Path(__file__).parent / "cli_data").glob("*.txt"))]
    results = [pipeline.run(text, url) for url, text in DOCS[:10] + articles]
    assert all(result.removals for result in results) and results[-1].metadata.to_dict()
    for result in results:
        assert pickle.loads(pickle.dumps(result)) == result
        assert result.__reduce__()[1][:2] == (result.text, result.source)  # fields, not per-slot state


def test_a_record_is_parsed_cleaned_and_written_by_its_worker() -> None:
    fmt = Format()
    url, text = DOCS[0]
    line = json.dumps({"id": 1, "url": url, "text": text, "lang": "en"}).encode()
    jobs = [Job(line, fmt), Job(b'{"id": 2}', fmt), Job(b"[1]", fmt)]
    outcomes = [outcome for _, outcome in batch.clean_in_order(enumerate(jobs), Pipeline.default(), jobs=2)]
    assert all(isinstance(outcome, Done) for outcome in outcomes)
    expected = Pipeline.default().run(text, url)
    first = outcomes[0]
    assert first is not None and json.loads(first.output) == {"id": 1, "url": url, "text": expected.text, "lang": "en"}
    assert first.changed and first.counts == expected.counts() and first.result is None
    assert outcomes[1] is not None and outcomes[2] is not None
    assert (outcomes[1].error, json.loads(outcomes[1].output)) == ("no 'text' field", {"id": 2, "error": "no 'text' field"})
    assert json.loads(outcomes[2].output) == {"error": "not a JSON object but an array", "raw": "[1]"}
    assert pickle.loads(pickle.dumps(outcomes)) == outcomes and pickle.loads(pickle.dumps(jobs)) == jobs


def test_check_and_diff_read_jsonl_records_too(tmp_path: Path, capsys) -> None:
    rows = records()[:6]
    rows[3] = {"id": 3, "text": "A clean paragraph of the story, with nothing to remove.\n"}
    path = write_jsonl(tmp_path / "c.jsonl", rows)
    for jobs in ("1", "2"):
        assert cli.main([str(path), "--check", "-j", jobs]) == 1
        assert f"would change {path} (5 of 6 records, " in capsys.readouterr().err
    assert cli.main([str(path), "--diff"]) == 0
    diff = capsys.readouterr().out
    assert diff.count(f"--- {path}:") == 5 and f"{path}:4" not in diff



@dataclass(frozen=True, slots=True)
class Poison(LineFilter):
    """Lines that say POISON: the worker process that meets one dies (the main process never)."""

    def check_line(self, line, position, view):  # type: ignore[no-untyped-def]
        if line.text == "POISON" and os.getpid() != MAIN_PID:
            os._exit(13)
        return None


@pytest.fixture
def poison(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The Poison filter in a registry copy (worker processes fork and inherit it)."""
    monkeypatch.setattr(registry, "_steps", dict(registry.available()))
    registry.register("poison")(Poison)
    yield


def test_a_dying_worker_loses_no_document(poison: None) -> None:
    pipeline = Pipeline.default().enable("poison")
    texts = [f"Paragraph {i} of the story, told in full.\nShare this article\n" for i in range(300)]
    texts[70] = "POISON\n"  # in the second chunk: the chunks in flight around it are lost too
    outcomes = list(batch.clean_in_order([(i, text_job(t)) for i, t in enumerate(texts)], pipeline, jobs=2))
    assert [i for i, _ in outcomes] == list(range(300))
    assert outcomes[70][1] == Done("", batch.WORKER_DIED)
    for i, outcome in outcomes:
        if i != 70:
            assert outcome.result.text == f"Paragraph {i} of the story, told in full.\n"  # type: ignore[union-attr]


def test_records_in_equal_records_out_when_a_worker_dies(poison: None, tmp_path: Path, capsys) -> None:
    rows = records()
    rows[40] = {"id": 40, "url": "https://site1.co.uk/x", "text": "Title\nPOISON\n"}
    path = write_jsonl(tmp_path / "c.jsonl", rows)
    assert cli.main([str(path), "--enable", "poison", "-j", "2", "-o", str(tmp_path / "o.jsonl")]) == 3
    out = read_jsonl(tmp_path / "o.jsonl")
    assert len(out) == len(rows) and [r["id"] for r in out] == list(range(len(rows)))
    assert out[40] == rows[40] | {"error": batch.WORKER_DIED}
    expected = Pipeline.default()
    assert all(out[i]["text"] == expected.run(rows[i]["text"]).text for i in range(len(rows)) if i != 40)
    assert f"{path}:41: {batch.WORKER_DIED}" in capsys.readouterr().err
