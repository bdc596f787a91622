"""WARC (HTML responses) and WET (text conversions) files in, one JSONL record per page out."""

from __future__ import annotations

import builtins
import gzip
import io as stdio
import json
from pathlib import Path

import pytest

pytest.importorskip("warcio")
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402

from cleanarticle import Pipeline, cli  # noqa: E402

TESTS = Path(__file__).parent
HTML_PAGES = sorted((TESTS / "cli_data").glob("*.html"))
TEXTS = sorted((TESTS / "articles").glob("*.txt"))
PARAGRAPHS = {
    "page.html": "The plan raises spending on buses by a fifth and sets aside money for three new libraries.",
    "structure.html": "Questions about the tables can be sent to the harbour office, which answers them within a week.",
}


def write_warc(path: Path, count: int, *, wet: bool = False) -> list[str]:
    """A gzipped WARC of `count` HTML responses (each after its request and with an image response
    between), or a WET of `count` text conversions; returns the URLs in order."""
    urls = []
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        for number in range(count):
            url = f"https://site{number % 7}.example/story/{number}"
            urls.append(url)
            if wet:
                text = TEXTS[number % len(TEXTS)].read_bytes()
                headers = {"WARC-Refers-To": f"<urn:uuid:response-{number}>"}
                record = writer.create_warc_record(
                    url, "conversion", payload=stdio.BytesIO(text), warc_content_type="text/plain", warc_headers_dict=headers
                )
                writer.write_record(record)
                continue
            writer.write_record(writer.create_warc_record(url, "request", payload=stdio.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
            page = HTML_PAGES[number % len(HTML_PAGES)].read_bytes()
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=stdio.BytesIO(page), http_headers=http))
            image = StatusAndHeaders("200 OK", [("Content-Type", "image/jpeg")], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(url + ".jpg", "response", payload=stdio.BytesIO(b"\xff\xd8"), http_headers=image)
            )
    return urls


def read_jsonl(path: Path) -> list[dict]:
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as stream:
        return [json.loads(line) for line in stream]


def test_a_warc_of_1000_html_responses_gives_1000_records_in_order(tmp_path: Path) -> None:
    urls = write_warc(tmp_path / "crawl.warc.gz", 1000)
    target = tmp_path / "clean.jsonl"
    assert cli.main([str(tmp_path / "crawl.warc.gz"), "-o", str(target), "-j", "2"]) == 0
    records = read_jsonl(target)
    assert [record["url"] for record in records] == urls
    for number, record in enumerate(records):
        page = HTML_PAGES[number % len(HTML_PAGES)].name
        assert PARAGRAPHS[page] in record["text"] and "Share this article" not in record["text"]
        assert record["warc_record_id"].startswith("<urn:uuid:") and record["id"] == record["warc_record_id"]
        assert record["warc_date"]
    assert len({record["warc_record_id"] for record in records}) == 1000


def test_a_wet_of_1000_conversions_gives_1000_records_through_the_text_path(tmp_path: Path) -> None:
    urls = write_warc(tmp_path / "crawl.warc.wet.gz", 1000, wet=True)
    out = tmp_path / "out"
    assert cli.main([str(tmp_path / "crawl.warc.wet.gz"), "-o", str(out) + "/"]) == 0
    records = read_jsonl(out / "crawl.warc.jsonl.gz")
    assert [record["url"] for record in records] == urls
    pipeline = Pipeline.default()
    for number, record in enumerate(records):
        source = TEXTS[number % len(TEXTS)].read_text("utf-8")
        assert record["text"] == pipeline.run(source, record["url"]).text
        assert record["warc_refers_to"] == f"<urn:uuid:response-{number}>"


def test_warc_records_can_be_markdown_or_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_warc(tmp_path / "few.warc.gz", 2)
    assert cli.main([str(tmp_path / "few.warc.gz"), "--format", "json"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["metadata"]["url"] for r in records] == ["https://site0.example/story/0", "https://site1.example/story/1"]
    assert cli.main([str(tmp_path / "few.warc.gz"), "--format", "markdown"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert records[1]["text"].startswith("# Tide tables") and "| --- |" in records[1]["text"]


def test_a_damaged_warc_is_reported_and_the_other_inputs_are_written(tmp_path: Path, capsys) -> None:
    write_warc(tmp_path / "good.warc.gz", 3)
    (tmp_path / "bad.warc").write_bytes(b"this is not a WARC file at all\n")
    out = tmp_path / "out"
    assert cli.main([str(tmp_path / "bad.warc"), str(tmp_path / "good.warc.gz"), "-o", str(out) + "/"]) == 3
    assert f"error: {tmp_path / 'bad.warc'}: not a readable WARC file" in capsys.readouterr().err
    assert len(read_jsonl(out / "good.jsonl.gz")) == 3
    assert not (out / "bad.jsonl").exists()


def test_warc_without_warcio_names_the_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    write_warc(tmp_path / "few.warc.gz", 1)
    real_import = builtins.__import__

    def no_warcio(name: str, *args, **kwargs):
        if name.split(".")[0] == "warcio":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_warcio)
    assert cli.main([str(tmp_path / "few.warc.gz")]) == 3
    assert "install cleanarticle[warc]" in capsys.readouterr().err
