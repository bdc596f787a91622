"""The command line, run in-process through `cli.main` (and once as `python -m cleanarticle`)."""

from __future__ import annotations

import gzip
import io as stdio
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cleanarticle import Pipeline, Removal, clean, clean_html, cli, config
from cleanarticle.text import apply_removals

DATA = Path(__file__).parent / "cli_data"
NAMES = ["001_harbour.txt", "002_council.txt"]
CRUFT = ["Share this article", "Subscribe to our newsletter", "Profile Image", "Do you find this article useful?"]


def source(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    """tmp_path/in/ with the two fixture articles, one of them in a subdirectory."""
    (tmp_path / "in" / "more").mkdir(parents=True)
    shutil.copy(DATA / NAMES[0], tmp_path / "in" / NAMES[0])
    shutil.copy(DATA / NAMES[1], tmp_path / "in" / "more" / NAMES[1])
    return tmp_path / "in"


def jsonl(path: Path, records: list[object], *, raw: tuple[str, ...] = ()) -> Path:
    lines = [json.dumps(r) for r in records] + list(raw)
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "wt", encoding="utf-8") as stream:
        stream.write("\n".join(lines) + "\n")
    return path


def read_jsonl(path: Path) -> list[dict]:
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as stream:
        return [json.loads(line) for line in stream]


def test_directory_to_directory_mirrors_the_tree(articles: Path, tmp_path: Path, capsys) -> None:
    assert cli.main([str(articles), "-o", str(tmp_path / "out") + "/"]) == 0
    first = (tmp_path / "out" / NAMES[0]).read_text(encoding="utf-8")
    second = (tmp_path / "out" / "more" / NAMES[1]).read_text(encoding="utf-8")
    assert first == clean(source(NAMES[0])) and second == clean(source(NAMES[1]))
    assert "harbour authority approved plans" in first and not any(c in first + second for c in CRUFT)
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "2 documents" in captured.err
    assert not list((tmp_path / "out").rglob(".*"))  # no temporary files left behind


def test_stdin_to_stdout(monkeypatch, capsys) -> None:
    monkeypatch.setattr(sys, "stdin", stdio.TextIOWrapper(stdio.BytesIO(source(NAMES[1]).encode())))
    assert cli.main([]) == 0
    captured = capsys.readouterr()
    assert captured.out == clean(source(NAMES[1]))
    assert captured.err == ""


def test_jsonl_keeps_every_other_field_and_their_order(tmp_path: Path, capsys) -> None:
    records = [
        {"meta": {"n": 1}, "text": source(NAMES[0]), "id": "a", "url": "https://x.org/a", "z": [1, 2]},
        {"id": "b", "text": source(NAMES[1]), "lang": "en"},
    ]
    assert cli.main([str(jsonl(tmp_path / "in.jsonl", records))]) == 0
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [list(r) for r in out] == [list(r) for r in records]
    assert out[0] == records[0] | {"text": clean(source(NAMES[0]))}
    assert out[1] == records[1] | {"text": clean(source(NAMES[1]))}


def test_jsonl_gz_round_trip_with_custom_keys(tmp_path: Path) -> None:
    records = [{"doc": i, "content": source(name)} for i, name in enumerate(NAMES)]
    path = jsonl(tmp_path / "in.jsonl.gz", records)
    assert cli.main([str(path), "--text-key", "content", "-o", str(tmp_path / "out.jsonl.gz")]) == 0
    expected = [{"doc": i, "content": clean(source(name))} for i, name in enumerate(NAMES)]
    assert read_jsonl(tmp_path / "out.jsonl.gz") == expected


def test_malformed_lines_still_give_one_record_each(tmp_path: Path, capsys) -> None:
    good = {"id": 1, "text": source(NAMES[0])}
    path = jsonl(tmp_path / "in.jsonl", [good, {"id": 2, "body": "no text"}, [1, 2], good], raw=('{"id": 5, "text": ',))
    assert cli.main([str(path), "-o", str(tmp_path / "out.jsonl")]) == 3
    out = read_jsonl(tmp_path / "out.jsonl")
    assert len(out) == 5
    assert out[0] == out[3] == {"id": 1, "text": clean(source(NAMES[0]))}
    assert out[1] == {"id": 2, "body": "no text", "error": "no 'text' field"}
    assert out[2] == {"error": "not a JSON object but an array", "raw": "[1, 2]"}
    assert out[4]["raw"] == '{"id": 5, "text": ' and out[4]["error"].startswith("invalid JSON")
    err = capsys.readouterr().err
    assert f"cleanarticle: error: {path}:2: no 'text' field" in err
    assert f"{path}:5: invalid JSON" in err and "3 errors" in err


def test_missing_file_does_not_stop_the_good_one(tmp_path: Path, capsys) -> None:
    good = tmp_path / "good.txt"
    shutil.copy(DATA / NAMES[0], good)
    assert cli.main([str(tmp_path / "missing.txt"), str(good), "-o", str(tmp_path / "out")]) == 3
    assert (tmp_path / "out" / "good.txt").read_text(encoding="utf-8") == clean(source(NAMES[0]))
    assert f"cleanarticle: error: {tmp_path / 'missing.txt'}: no such file or directory" in capsys.readouterr().err
    assert cli.main([str(tmp_path / "missing.txt"), "-o", str(tmp_path / "nothing.txt")]) == 3
    assert not (tmp_path / "nothing.txt").exists()


def test_non_utf8_and_binary_files_are_reported_and_not_written(articles: Path, tmp_path: Path, capsys) -> None:
    (articles / "latin.txt").write_bytes("Caf\xe9 society\n".encode("latin-1"))
    (articles / "blob.txt").write_bytes(b"\x00\x01\x02")
    assert cli.main([str(articles), "-o", str(tmp_path / "out")]) == 3
    written = sorted(p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*.txt"))
    assert written == [NAMES[0], f"more/{NAMES[1]}"]
    err = capsys.readouterr().err
    assert f"{articles / 'latin.txt'}: not UTF-8 text" in err and f"{articles / 'blob.txt'}: binary file" in err


def test_empty_directory_is_an_error(tmp_path: Path, capsys) -> None:
    (tmp_path / "empty").mkdir()
    assert cli.main([str(tmp_path / "empty")]) == 3
    assert "no .txt, .html, .htm, .jsonl or .jsonl.gz files" in capsys.readouterr().err


def test_check_exit_codes_and_writes_nothing(articles: Path, tmp_path: Path, capsys) -> None:
    assert cli.main([str(articles), "--check"]) == 1
    err = capsys.readouterr().err
    assert f"would change {articles / NAMES[0]} (" in err and "removals)" in err
    clean_dir = tmp_path / "clean"
    clean_dir.mkdir()
    (clean_dir / "a.txt").write_text(clean(source(NAMES[0])), encoding="utf-8")
    assert cli.main([str(clean_dir), "--check"]) == 0
    assert capsys.readouterr().out == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["clean", "in"]


def test_explain_records_replay_to_the_clean_text(articles: Path, capsys) -> None:
    assert cli.main([str(articles), "--explain"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["id"] for r in records] == [str(articles / NAMES[0]), str(articles / "more" / NAMES[1])]
    for record, name in zip(records, NAMES, strict=True):
        normalised = Pipeline.default().run(source(name)).source
        kept, cursor = [], 0
        for removal in record["removals"]:
            assert normalised[removal["start"] : removal["end"]] == removal["text"]
            kept.append(normalised[cursor : removal["start"]])
            cursor = max(cursor, removal["end"])
        assert "".join(kept) + normalised[cursor:] == clean(source(name))
        assert {r["filter"] for r in record["removals"]} and record["metadata"]["title"]["value"]


def test_explain_on_jsonl_adds_fields_and_keeps_the_clean_text(tmp_path: Path, capsys) -> None:
    path = jsonl(tmp_path / "in.jsonl", [{"id": "x", "text": source(NAMES[1])}])
    assert cli.main([str(path), "--explain"]) == 0
    [record] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert list(record) == ["id", "text", "removals", "metadata"]
    result = Pipeline.default().run(source(NAMES[1]))
    assert apply_removals(result.source, [_removal(r) for r in record["removals"]]) == record["text"]


def _removal(record: dict) -> Removal:
    return Removal(record["start"], record["end"], record["filter"], record["reason"], record["detail"])


def test_diff_prints_removed_lines_and_writes_no_files(articles: Path, capsys) -> None:
    before = sorted(articles.rglob("*"))
    assert cli.main([str(articles / NAMES[0]), "--diff"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"--- {articles / NAMES[0]}\t(original)\n")
    assert "-Share this article\n" in out and "\033[" not in out
    assert sorted(articles.rglob("*")) == before


def test_several_texts_to_one_jsonl_file_or_refused_for_plain_file(articles: Path, tmp_path: Path, capsys) -> None:
    assert cli.main([str(articles), "-o", str(tmp_path / "all.jsonl")]) == 0
    assert read_jsonl(tmp_path / "all.jsonl") == [
        {"id": str(articles / NAMES[0]), "text": clean(source(NAMES[0]))},
        {"id": str(articles / "more" / NAMES[1]), "text": clean(source(NAMES[1]))},
    ]
    assert cli.main([str(articles), "-o", str(tmp_path / "all.txt")]) == 2
    assert "cannot be written as plain text" in capsys.readouterr().err
    assert not (tmp_path / "all.txt").exists()


def test_output_equal_to_an_input_is_refused(articles: Path, capsys) -> None:
    target = articles / NAMES[0]
    assert cli.main([str(target), "-o", str(target)]) == 2
    assert "would overwrite the input" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == source(NAMES[0])


def test_disable_and_set_change_the_pipeline(tmp_path: Path, capsys) -> None:
    path = tmp_path / "a.txt"
    shutil.copy(DATA / NAMES[0], path)
    assert cli.main([str(path), "--disable", "widgets"]) == 0
    out = capsys.readouterr().out
    assert out == Pipeline.default().without("widgets").run(source(NAMES[0])).text
    assert "Subscribe to our newsletter" in out and out != clean(source(NAMES[0]))
    assert cli.main([str(path), "--disable", "widgets", "--enable", "widgets"]) == 0
    assert capsys.readouterr().out == clean(source(NAMES[0]))
    assert cli.main([str(path), "--set", "metadata_lines.window=0", "--explain"]) == 0
    [record] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert "metadata_lines" not in {r["filter"] for r in record["removals"]}


def test_show_config_round_trips_through_config(tmp_path: Path, capsys) -> None:
    assert cli.main(["--disable", "duplicates", "--set", "widgets.max_words=5", "--show-config"]) == 0
    toml = capsys.readouterr().out
    (tmp_path / "c.toml").write_text(toml, encoding="utf-8")
    loaded = config.load(tmp_path / "c.toml")
    assert "duplicates" not in loaded.names and loaded.to_config()["filters"]["widgets"]["max_words"] == 5
    assert cli.main(["--config", str(tmp_path / "c.toml"), "--show-config"]) == 0
    assert capsys.readouterr().out == toml


def test_config_errors_exit_2(tmp_path: Path, capsys) -> None:
    (tmp_path / "bad.toml").write_text('steps = ["unicode", "no_such_step"]\n', encoding="utf-8")
    assert cli.main(["--config", str(tmp_path / "bad.toml"), "--show-config"]) == 2
    assert "no_such_step" in capsys.readouterr().err
    assert cli.main(["--set", "widgets.max_words"]) == 2
    assert "STEP.FIELD=VALUE" in capsys.readouterr().err
    assert cli.main(["--disable", "nope"]) == 2
    assert cli.main(["--explain", "--diff"]) == 2


def test_list_filters_and_version(capsys) -> None:
    assert cli.main(["--list-filters"]) == 0
    lines = capsys.readouterr().out.splitlines()
    widgets = next(line for line in lines if line.startswith("widgets "))
    assert widgets.split()[1] == "default" and len(widgets.split()) > 3
    assert cli.main(["--version"]) == 0
    assert capsys.readouterr().out.startswith("cleanarticle ")


def test_help_documents_every_option_with_examples(capsys) -> None:
    assert cli.main(["--help"]) == 0
    out = capsys.readouterr().out
    options = "-o --explain --diff --check --text-key --id-key --url-key --config --disable --enable --set"
    for option in [*options.split(), "--list-filters", "--show-config", "-j", "--version"]:
        assert option in out
    assert "examples:" in out and "exit status:" in out


def test_two_jobs_give_the_same_output_as_one(tmp_path: Path) -> None:
    records = [{"id": i, "text": source(NAMES[i % 2]) + f"\nClosing line number {i}.\n"} for i in range(150)]
    path = jsonl(tmp_path / "in.jsonl", records)
    assert cli.main([str(path), "-o", str(tmp_path / "one.jsonl")]) == 0
    assert cli.main([str(path), "-o", str(tmp_path / "two.jsonl"), "-j", "2"]) == 0
    assert (tmp_path / "one.jsonl").read_bytes() == (tmp_path / "two.jsonl").read_bytes()
    assert [r["id"] for r in read_jsonl(tmp_path / "two.jsonl")] == list(range(150))


def test_readme_command_runs_as_a_module(articles: Path, tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "cleanarticle", "in/", "-o", "out/"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout == ""
    assert (tmp_path / "out" / NAMES[0]).read_text(encoding="utf-8") == clean(source(NAMES[0]))
    assert (tmp_path / "out" / "more" / NAMES[1]).exists()


# HTML input -------------------------------------------------------------------------------------

PAGE = DATA / "page.html"
PAGE_PARAGRAPH = "The plan raises spending on buses by a fifth and sets aside money for three new libraries."


def test_html_file_goes_through_the_html_path(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main([str(PAGE)]) == 0
    out = capsys.readouterr().out
    assert PAGE_PARAGRAPH in out
    assert "Share this article" not in out and "Home" not in out and "<p>" not in out


def test_html_on_stdin_needs_input_format(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("sys.stdin", stdio.TextIOWrapper(stdio.BytesIO(PAGE.read_bytes()), encoding="utf-8"))
    assert cli.main(["--input-format", "html"]) == 0
    out = capsys.readouterr().out
    assert PAGE_PARAGRAPH in out and "<article>" not in out


def test_html_explain_lists_pruned_nodes(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main([str(PAGE), "--explain"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert {"removals", "metadata", "pruned"} <= set(record)
    assert any(node["reason"] for node in record["pruned"])


def test_html_in_a_tree_is_written_as_text(tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "page.html").write_bytes(PAGE.read_bytes())
    assert cli.main([str(tree), "-o", str(tmp_path / "out") + "/"]) == 0
    assert PAGE_PARAGRAPH in (tmp_path / "out" / "page.txt").read_text("utf-8")


COMMENTED = Path(__file__).parent / "html_pages" / "cases" / "comments_forum.html"
COMMENT = "A cool rise overnight in the fridge gives a better flavour if you have the time to wait for it."


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_include_comments_reaches_the_html_path_in_every_worker(tmp_path: Path, jobs: str) -> None:
    source = jsonl(tmp_path / "pages.jsonl", [{"id": 1, "html": COMMENTED.read_text("utf-8")}])
    plain, kept = tmp_path / "plain.jsonl", tmp_path / "kept.jsonl"
    assert cli.main([str(source), "--html-key", "html", "-o", str(plain), "-j", jobs]) == 0
    assert cli.main([str(source), "--html-key", "html", "-o", str(kept), "-j", jobs, "--include-comments"]) == 0
    assert COMMENT not in read_jsonl(plain)[0]["text"]
    assert COMMENT in read_jsonl(kept)[0]["text"]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_extractor_reaches_the_html_path_in_every_worker(tmp_path: Path, jobs: str) -> None:
    """A page whose main text trafilatura and the DOM model find differently."""
    html = (Path(__file__).parent / "html_pages" / "anarc.at.cdpath.html").read_text("utf-8")
    source = jsonl(tmp_path / "pages.jsonl", [{"id": 1, "html": html}])
    texts = {}
    for extractor in ("", "trafilatura", "model"):
        target = tmp_path / f"{extractor or 'default'}.jsonl"
        flags = ["--extractor", extractor] if extractor else []
        assert cli.main([str(source), "--html-key", "html", "-o", str(target), "-j", jobs, *flags]) == 0
        texts[extractor] = read_jsonl(target)[0]["text"]
    assert texts[""] == texts["trafilatura"] != texts["model"]
    assert texts["model"].split() == clean_html(html, extractor="model").split()


def test_unknown_extractor_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--extractor", "readability", "-"]) == 2
    assert "--extractor: invalid choice: 'readability'" in capsys.readouterr().err


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_jsonl_html_key(tmp_path: Path, jobs: str) -> None:
    source = tmp_path / "pages.jsonl"
    html = PAGE.read_text("utf-8")
    source.write_text(
        json.dumps({"id": 1, "html": html, "url": "https://herald.example/a"}) + "\n{broken\n", "utf-8"
    )
    target = tmp_path / "out.jsonl"
    assert cli.main([str(source), "--html-key", "html", "-o", str(target), "-j", jobs]) == 3
    first, second = [json.loads(line) for line in target.read_text("utf-8").splitlines()]
    assert first["html"] == html and PAGE_PARAGRAPH in first["text"]
    assert "error" in second and second["raw"] == "{broken"
