"""Inputs users hold: compressed files, .ndjson and .xhtml, and stdin read by what it holds."""

from __future__ import annotations

import builtins
import gzip
import io as stdio
import json
from pathlib import Path

import pytest
import zstandard

from cleanarticle import cli, io, stdin

DATA = Path(__file__).parent / "cli_data"
PAGE = (DATA / "page.html").read_bytes()
PAGE_PARAGRAPH = "The plan raises spending on buses by a fifth and sets aside money for three new libraries."
ARTICLE = "Headline of the story\nShare this article\nThe minister resigned on Friday after a long inquiry.\n"
CLEAN = "Headline of the story\nThe minister resigned on Friday after a long inquiry.\n"
RECORDS = [{"id": "a", "text": ARTICLE, "url": "https://example.com/a"}, {"id": "b", "text": "Second story.\n"}]


def jsonl_bytes(records: list[dict]) -> bytes:
    return "".join(json.dumps(r) + "\n" for r in records).encode()


def feed(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr("sys.stdin", stdio.TextIOWrapper(stdio.BytesIO(data), encoding="utf-8"))


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("page.html.gz", gzip.compress(PAGE)),
        ("page.htm.gz", gzip.compress(PAGE)),
        ("page.xhtml", PAGE),
    ],
)
def test_html_files_compressed_or_xhtml_go_through_the_html_path(tmp_path: Path, capsys, name: str, data: bytes) -> None:
    (tmp_path / name).write_bytes(data)
    assert cli.main([str(tmp_path / name)]) == 0
    out = capsys.readouterr().out
    assert PAGE_PARAGRAPH in out and "<p>" not in out and "Share this article" not in out


def test_gzipped_text_is_cleaned_as_text(tmp_path: Path, capsys) -> None:
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(ARTICLE.encode()))
    assert cli.main([str(tmp_path / "a.txt.gz")]) == 0
    assert capsys.readouterr().out == CLEAN


@pytest.mark.parametrize(
    ("name", "pack"),
    [("c.ndjson", lambda b: b), ("c.jsonl.zst", lambda b: zstandard.ZstdCompressor().compress(b)), ("c.ndjson.gz", gzip.compress)],
)
def test_jsonl_family_files_are_read_record_by_record(tmp_path: Path, capsys, name: str, pack) -> None:
    (tmp_path / name).write_bytes(pack(jsonl_bytes(RECORDS)))
    assert cli.main([str(tmp_path / name)]) == 0
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["id"] for r in out] == ["a", "b"]
    assert out[0]["text"] == CLEAN and out[0]["url"] == RECORDS[0]["url"]


def test_a_directory_walk_finds_the_new_kinds_and_mirrors_html_as_txt(tmp_path: Path) -> None:
    tree = tmp_path / "in"
    tree.mkdir()
    (tree / "page.html.gz").write_bytes(gzip.compress(PAGE))
    (tree / "a.txt.gz").write_bytes(gzip.compress(ARTICLE.encode()))
    (tree / "c.ndjson").write_bytes(jsonl_bytes(RECORDS))
    (tree / "notes.md").write_text("not an input")
    assert cli.main([str(tree), "-o", str(tmp_path / "out") + "/"]) == 0
    out = tmp_path / "out"
    assert sorted(p.name for p in out.iterdir()) == ["a.txt.gz", "c.ndjson", "page.txt"]
    assert PAGE_PARAGRAPH in (out / "page.txt").read_text("utf-8")
    assert gzip.decompress((out / "a.txt.gz").read_bytes()).decode() == CLEAN


def test_a_damaged_gzip_is_an_error_naming_it_and_the_others_are_written(tmp_path: Path, capsys) -> None:
    (tmp_path / "bad.html.gz").write_bytes(gzip.compress(PAGE)[:40])
    (tmp_path / "good.txt").write_text(ARTICLE)
    assert cli.main([str(tmp_path / "bad.html.gz"), str(tmp_path / "good.txt"), "-o", str(tmp_path / "out") + "/"]) == 3
    assert f"error: {tmp_path / 'bad.html.gz'}:" in capsys.readouterr().err
    assert (tmp_path / "out" / "good.txt").read_text() == CLEAN
    assert not (tmp_path / "out" / "bad.txt").exists()


def test_zst_without_zstandard_names_the_extra(tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "c.jsonl.zst").write_bytes(zstandard.ZstdCompressor().compress(jsonl_bytes(RECORDS)))
    real_import = builtins.__import__

    def no_zstandard(name: str, *args, **kwargs):
        if name == "zstandard":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_zstandard)
    assert cli.main([str(tmp_path / "c.jsonl.zst")]) == 3
    assert "install cleanarticle[zstd]" in capsys.readouterr().err


# stdin ---------------------------------------------------------------------------------------


def test_jsonl_on_stdin_is_detected_with_a_note(monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    feed(monkeypatch, jsonl_bytes(RECORDS))
    assert cli.main([]) == 0
    captured = capsys.readouterr()
    out = [json.loads(line) for line in captured.out.splitlines()]
    assert [r["text"] for r in out] == [CLEAN, "Second story.\n"]
    assert "note: stdin looks like JSONL" in captured.err


def test_jsonl_on_stdin_honours_the_field_names(monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    feed(monkeypatch, jsonl_bytes([{"body": ARTICLE, "n": 1}]))
    assert cli.main(["--input-format", "jsonl", "--text-key", "body"]) == 0
    assert json.loads(capsys.readouterr().out) == {"body": CLEAN, "n": 1}


def test_html_on_stdin_is_detected_with_a_note(monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    feed(monkeypatch, b"\n  " + PAGE)
    assert cli.main(["-"]) == 0
    captured = capsys.readouterr()
    assert PAGE_PARAGRAPH in captured.out and "<article>" not in captured.out
    assert "note: stdin looks like HTML" in captured.err


def test_text_on_stdin_stays_text_without_a_note(monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    feed(monkeypatch, ARTICLE.encode())
    assert cli.main([]) == 0
    captured = capsys.readouterr()
    assert captured.out == CLEAN and "note" not in captured.err


def test_input_format_text_overrides_detection(monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    line = json.dumps({"text": "Share this article"}) + "\n"
    feed(monkeypatch, line.encode())
    assert cli.main(["--input-format", "text"]) == 0
    assert capsys.readouterr().out == line


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b'{"text": "x"}\n', stdin.JSONL),
        (b'\xef\xbb\xbf  {"a": 1}', stdin.JSONL),
        (b"{not json\n", stdin.TEXT),
        (b"[1, 2]\n", stdin.TEXT),
        (b"<!DOCTYPE html>\n", stdin.HTML),
        (b"  <html lang=en>", stdin.HTML),
        (b"<p>a fragment</p>\n", stdin.TEXT),
        (b"Plain text {with braces}\n", stdin.TEXT),
        (b"", stdin.TEXT),
    ],
)
def test_kind_of_stdin_from_its_first_line(head: bytes, kind: str) -> None:
    assert stdin.kind(head) == kind


def test_peeked_stdin_is_read_whole_and_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    feed(monkeypatch, b"first\nsecond\nthird")
    assert stdin.peek().head == b"first\n"
    source = stdin.source()
    assert [source.readline(), source.readline(3), source.readline(), source.readline()] == [b"first\n", b"sec", b"ond\n", b"third"]
    assert source.read() == b""


def test_peeked_stdin_reads_in_bounded_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    feed(monkeypatch, b"first\nsecond")
    assert stdin.peek().head == b"first\n"
    source = stdin.source()
    assert [source.read(3), source.read(6), source.read(100)] == [b"fir", b"st\nsec", b"ond"]


def test_found_suffixes_cover_the_new_kinds(tmp_path: Path) -> None:
    for name in ["a.ndjson", "b.jsonl.zst", "c.xhtml", "d.html.gz", "e.txt.gz", "f.json"]:
        (tmp_path / name).write_bytes(b"")
    found = io.find_inputs([str(tmp_path)])
    kinds = {Path(i.name).name: (i.jsonl, i.html) for i in found.inputs}
    assert kinds == {
        "a.ndjson": (True, False),
        "b.jsonl.zst": (True, False),
        "c.xhtml": (False, True),
        "d.html.gz": (False, True),
        "e.txt.gz": (False, False),
    }


def test_a_named_json_gz_file_is_read_as_json_lines_with_a_note(tmp_path: Path, capsys) -> None:
    (tmp_path / "x.json.gz").write_bytes(gzip.compress(jsonl_bytes(RECORDS)))
    assert cli.main([str(tmp_path / "x.json.gz")]) == 0
    captured = capsys.readouterr()
    assert [json.loads(line)["text"] for line in captured.out.splitlines()] == [CLEAN, "Second story.\n"]
    assert "x.json.gz: read as JSON lines" in captured.err
