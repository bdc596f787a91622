"""Inputs, output plans, JSONL parsing, atomic files and ordered cleaning (cleanarticle.io),
and the removal records and diffs of cleanarticle.explain."""

from __future__ import annotations

import gzip
import itertools
import json
import re
from pathlib import Path, PurePath

import pytest

from cleanarticle import CleanResult, Pipeline, batch, clean_and_explain, explain, io, outputs
from cleanarticle.document import Done
from cleanarticle.text import apply_removals
from test_cli_corpus import text_job

ARTICLE = "Headline of the story\nShare this article\n\nThe minister resigned on Friday after a long inquiry.\n"


def write(path: Path, text: str = ARTICLE) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# find_inputs ------------------------------------------------------------------------------------


def test_directory_is_walked_in_order_and_mirrored_relative_to_it(tmp_path: Path) -> None:
    write(tmp_path / "in" / "b.txt")
    write(tmp_path / "in" / "a.jsonl", "")
    write(tmp_path / "in" / "sub" / "c.txt")
    write(tmp_path / "in" / "notes.md")
    write(tmp_path / "in" / ".hidden.txt")
    write(tmp_path / "in" / ".git" / "x.txt")
    found = io.find_inputs([str(tmp_path / "in")])
    assert [(i.rel, i.jsonl) for i in found.inputs] == [
        (PurePath("a.jsonl"), True),
        (PurePath("b.txt"), False),
        (PurePath("sub/c.txt"), False),
    ]
    assert found.several and not found.errors


def test_html_files_are_found_and_marked_for_the_html_path(tmp_path: Path) -> None:
    write(tmp_path / "d" / "page.html", "<p>x</p>")
    write(tmp_path / "d" / "a.txt")
    found = io.find_inputs([str(tmp_path / "d")])
    assert [(PurePath(i.name).name, i.html) for i in found.inputs] == [("a.txt", False), ("page.html", True)]
    assert not found.errors and not found.notes


def test_missing_empty_and_unmatched_inputs_are_errors(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    found = io.find_inputs([str(tmp_path / "nope.txt"), str(tmp_path / "empty"), str(tmp_path / "*.jsonl")])
    assert not found.inputs
    reasons = [reason for _, reason in found.errors]
    assert reasons[0] == "no such file or directory"
    assert "no .txt, .html, .htm, .jsonl or .jsonl.gz files" in reasons[1]
    assert reasons[2] == "no files match this pattern"


def test_globs_expand_and_mirror_below_their_fixed_part(tmp_path: Path) -> None:
    write(tmp_path / "data" / "x" / "one.jsonl", "")
    write(tmp_path / "data" / "y" / "two.txt")
    found = io.find_inputs([str(tmp_path / "data" / "*" / "*")])
    assert [i.rel for i in found.inputs] == [PurePath("x/one.jsonl"), PurePath("y/two.txt")]


def test_inputs_named_twice_are_read_once_and_no_name_means_stdin(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt")
    assert len(io.find_inputs([str(path), str(tmp_path)]).inputs) == 1
    assert io.find_inputs([]).inputs == [io.STDIN]


def test_walk_skips_the_output_directory(tmp_path: Path) -> None:
    write(tmp_path / "a.txt")
    write(tmp_path / "out" / "a.txt")
    found = io.find_inputs([str(tmp_path)], exclude=tmp_path / "out")
    assert [i.rel for i in found.inputs] == [PurePath("a.txt")]


# plan_outputs ----------------------------------------------------------------------------------


def inputs(tmp_path: Path, *names: str) -> list[io.Input]:
    for name in names:
        write(tmp_path / "in" / name)
    return io.find_inputs([str(tmp_path / "in")]).inputs


def test_directory_plan_mirrors_and_names_explain_files(tmp_path: Path) -> None:
    items = inputs(tmp_path, "a.txt", "s/b.jsonl")
    plan = outputs.plan_outputs(items, str(tmp_path / "out"), several=True, explain=True)
    assert sorted(plan.files.values()) == [tmp_path / "out" / "a.explain.jsonl", tmp_path / "out" / "s" / "b.jsonl"]


def test_several_text_inputs_need_a_directory_or_jsonl_file(tmp_path: Path) -> None:
    items = inputs(tmp_path, "a.txt", "b.txt")
    with pytest.raises(outputs.UsageError, match="-o DIR/"):
        outputs.plan_outputs(items, str(tmp_path / "all.txt"), several=True, explain=False)
    with pytest.raises(outputs.UsageError, match="stdout"):
        outputs.plan_outputs(items, None, several=True, explain=False)
    plan = outputs.plan_outputs(items, str(tmp_path / "all.jsonl.gz"), several=True, explain=False)
    assert plan.shared == tmp_path / "all.jsonl.gz" and plan.records


def test_plans_that_overwrite_an_input_are_refused(tmp_path: Path) -> None:
    items = inputs(tmp_path, "a.txt")
    with pytest.raises(outputs.UsageError, match="overwrite the input"):
        outputs.plan_outputs(items, str(tmp_path / "in" / "a.txt"), several=False, explain=False)
    with pytest.raises(outputs.UsageError, match="overwrite the input"):
        outputs.plan_outputs(items, str(tmp_path / "in"), several=True, explain=False)


def test_two_inputs_with_the_same_output_are_refused(tmp_path: Path) -> None:
    one, two = write(tmp_path / "x" / "a.txt"), write(tmp_path / "y" / "a.txt")
    items = io.find_inputs([str(one), str(two)]).inputs
    with pytest.raises(outputs.UsageError, match="written from both"):
        outputs.plan_outputs(items, str(tmp_path / "out/"), several=False, explain=False)


# reading ---------------------------------------------------------------------------------------


ITEM = io.Input("data.jsonl", Path("data.jsonl"), PurePath("data.jsonl"), True)


@pytest.mark.parametrize(
    ("line", "error", "keeps_record"),
    [
        (b'{"text": "ok", "url": "https://x.org"}', "", True),
        (b'{"text": ', "invalid JSON", False),
        (b"[1, 2]", "not a JSON object but an array", False),
        (b'{"body": "x"}', "no 'text' field", True),
        (b'{"text": null}', "the 'text' field is null, not a string", True),
        (b'{"text": "caf\xe9"}', "not UTF-8", False),
    ],
)
def test_parse_record(line: bytes, error: str, keeps_record: bool) -> None:
    doc = io.parse_record(ITEM, 7, line, "text", "url")
    assert doc.name == "data.jsonl:7"
    assert (doc.record is not None) == keeps_record
    if error:
        assert error in doc.error and doc.text is None
        assert keeps_record or doc.raw.startswith(line[:3].decode())
    else:
        assert doc.task == ("ok", "https://x.org", False)


def test_text_files_must_be_utf8_without_nul_bytes(tmp_path: Path) -> None:
    (tmp_path / "bin.txt").write_bytes(b"abc\x00def")
    (tmp_path / "latin.txt").write_bytes("café\n".encode("latin-1"))
    found = io.find_inputs([str(tmp_path / "bin.txt"), str(tmp_path / "latin.txt")])
    ends = [part for part in io.documents(found.inputs) if isinstance(part, io.End)]
    assert [end.error for end in ends] == ["binary file (contains NUL bytes)", "not UTF-8 text (byte 0xe9 at offset 3)"]


def test_truncated_gzip_keeps_the_records_before_and_ends_with_an_error(tmp_path: Path) -> None:
    data = gzip.compress(b"".join(json.dumps({"text": f"doc {i}"}).encode() + b"\n" for i in range(2000)))
    (tmp_path / "cut.jsonl.gz").write_bytes(data[: len(data) // 2])
    parts = list(io.documents(io.find_inputs([str(tmp_path / "cut.jsonl.gz")]).inputs))
    assert all(isinstance(p, io.Doc) for p in parts[:-1]) and len(parts) > 1
    assert isinstance(parts[-1], io.End) and parts[-1].error


# writing ---------------------------------------------------------------------------------------


def test_atomic_file_appears_only_on_commit_and_discard_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "new" / "out.jsonl.gz"
    atomic = outputs.AtomicFile(target)
    atomic.stream.write("hello\n")
    assert not target.exists()
    atomic.commit()
    assert gzip.decompress(target.read_bytes()) == b"hello\n"
    dropped = outputs.AtomicFile(tmp_path / "dropped.txt")
    dropped.discard()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new"]
    assert [p.name for p in (tmp_path / "new").iterdir()] == ["out.jsonl.gz"]


def test_an_interrupt_as_the_temporary_file_appears_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """SIGTERM or Ctrl-C can land just after the file is created, before any name is bound to
    it; closing the outputs of the stopped run must still remove it."""

    def open_then_interrupted(path: Path, *args: object, **kwargs: object) -> object:
        open(path, *args, **kwargs)  # type: ignore[call-overload]
        raise KeyboardInterrupt

    monkeypatch.setattr(outputs, "open", open_then_interrupted, raising=False)
    item = io.Input("in.jsonl", tmp_path / "in.jsonl", PurePath("in.jsonl"), True)
    written = outputs.Outputs(outputs.Plan(shared=tmp_path / "out.jsonl"))
    with pytest.raises(KeyboardInterrupt):
        written.write(item, "{}\n")
    assert [p.name for p in tmp_path.glob("*.tmp")]
    written.close(ok=False)
    assert not list(tmp_path.iterdir())


def test_a_whole_file_written_atomically_leaves_nothing_when_interrupted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The removal report and site profiles are written whole or not at all."""
    outputs.write_atomically(tmp_path / "report.html", "<p>done</p>")
    assert (tmp_path / "report.html").read_text(encoding="utf-8") == "<p>done</p>"

    def interrupted(self: outputs.AtomicFile) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(outputs.AtomicFile, "commit", interrupted)
    with pytest.raises(KeyboardInterrupt):
        outputs.write_atomically(tmp_path / "profiles.json", "{}")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]


def test_json_line_is_readable_utf8_and_survives_lone_surrogates() -> None:
    assert outputs.json_line({"t": "café"}) == '{"t": "café"}\n'
    line = outputs.json_line({"t": "\ud800"})
    line.encode("utf-8")
    assert json.loads(line) == {"t": "\ud800"}


# clean_in_order --------------------------------------------------------------------------------


def test_workers_keep_input_order_and_pass_none_through() -> None:
    pipeline = Pipeline.default()
    texts = [f"Paragraph number {i} of the story, told in full.\nShare this article\n" for i in range(150)]
    items = [(i, None if i % 7 == 0 else text_job(text)) for i, text in enumerate(texts)]
    serial = list(batch.clean_in_order(items, pipeline, jobs=1))
    parallel = list(batch.clean_in_order(items, pipeline, jobs=2))
    assert [c for c, _ in parallel] == list(range(150))
    assert [o.result.text if o and o.result else None for _, o in parallel] == [o.result.text if o and o.result else None for _, o in serial]
    assert parallel[0][1] is None and "Share this" not in parallel[1][1].result.text  # type: ignore[union-attr]


def test_workers_read_the_input_lazily() -> None:
    consumed = 0

    def endless():
        nonlocal consumed
        for i in itertools.count():
            consumed += 1
            yield i, text_job("A short paragraph that stays in the text.\n")

    results = batch.clean_in_order(endless(), Pipeline.default(), jobs=2)
    assert next(results)[0] == 0
    results.close()
    assert consumed <= batch.CHUNK_SIZE * (batch.WINDOW_PER_JOB * 2 + 1)


def test_a_failing_step_fails_one_document() -> None:
    class Broken:
        def run(self, text: str, url: str | None, limits: object = None) -> None:
            raise RuntimeError("boom")

    [(_, outcome)] = batch.clean_in_order([(0, text_job("x"))], Broken(), jobs=1)  # type: ignore[arg-type]
    assert outcome == Done("", "cleaning failed: RuntimeError: boom")


# explain ---------------------------------------------------------------------------------------


def test_removal_records_carry_the_removed_text() -> None:
    result = clean_and_explain(ARTICLE)
    records = explain.removal_records(result)
    assert records and all(result.source[r["start"] : r["end"]] == r["text"] for r in records)
    assert {"start", "end", "filter", "reason", "detail", "text"} == set(records[0])
    assert explain.explanation(result)["metadata"] == result.metadata.to_dict()


def test_unified_diff_shows_removed_lines_and_missing_final_newline() -> None:
    result = clean_and_explain(ARTICLE)
    diff = explain.unified_diff(result, "a.txt")
    assert diff.startswith("--- a.txt\t(original)\n+++ a.txt\t(clean)\n")
    assert "-Share this article\n" in diff
    assert apply_removals(result.source, result.removals) == result.text
    bare = CleanResult("one\n", "one\ntwo")
    assert explain.unified_diff(bare, "x").endswith("-two\n\\ No newline at end of file\n")


def test_colourise_marks_lines_and_keeps_the_text() -> None:
    diff = explain.unified_diff(clean_and_explain(ARTICLE), "a.txt")
    coloured = explain.colourise(diff)
    assert "\033[31m-Share this article\033[0m\n" in coloured
    assert re.sub("\033\\[[0-9;]*m", "", coloured) == diff
