"""The command line against hostile inputs (issue 12): every run completes, one bad input is that
input's error, records in = records out, no traceback, no temporary file left behind.

Each case runs `python -m cleanarticle` in a subprocess on small generated inputs, as a user
would; the full-size versions (a 500 MB line, a gzip bomb) belong in benchmarks.
"""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from cleanarticle import batch

ARTICLE = "A paragraph of the article, told in full and kept.\nShare this article\n"
TIMEOUT = 60  # a run that hangs fails the test instead of the suite


def cleanarticle(*args: str, stdout: object = subprocess.PIPE) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "cleanarticle", *args]
    return subprocess.run(command, stdin=subprocess.DEVNULL, stdout=stdout, stderr=subprocess.PIPE, text=True, timeout=TIMEOUT)  # type: ignore[call-overload]


def lines(path: Path) -> list[dict[str, object]]:
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as stream:
        return [json.loads(line) for line in stream]


def no_leftovers(result: subprocess.CompletedProcess[str], folder: Path) -> None:
    assert "Traceback" not in result.stderr
    assert not [path for path in folder.rglob("*.tmp")]


def record(n: int) -> str:
    return json.dumps({"id": n, "text": f"Story {n}.\n{ARTICLE}"})


# Isolation of bad records ----------------------------------------------------------------------


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_broken_records_become_error_records_and_the_run_goes_on(tmp_path: Path, jobs: str) -> None:
    bad = {
        2: '{"id": 2, "text": "cut off',  # invalid JSON
        4: '{"id": 4, "n": ' + "9" * 5000 + ', "text": "x"}',  # an integer json refuses to convert
        6: "[" * 100_000 + "]" * 100_000,  # nesting too deep for the parser
        8: '{"id": 8, "text": "' + "x" * 3000 + '"}',  # over --max-bytes
    }
    rows = [bad.get(n, record(n)) for n in range(10)]
    (tmp_path / "in.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = cleanarticle(str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "out.jsonl"), "-j", jobs, "--max-bytes", "2K")
    assert result.returncode == 3, result.stderr
    out = lines(tmp_path / "out.jsonl")
    assert len(out) == len(rows)
    assert [row.get("id") for row in out] == [0, 1, 2, 3, 4, 5, None, 7, 8, 9]  # ids carried where they can be read
    assert [n for n, row in enumerate(out) if "error" in row] == sorted(bad)
    assert "over --max-bytes" in str(out[8]["error"]) and "text" not in out[8]
    assert all(row["text"] == f"Story {n}.\nA paragraph of the article, told in full and kept.\n" for n, row in enumerate(out) if n not in bad)
    for n in bad:
        assert f"in.jsonl:{n + 1}: " in result.stderr
    no_leftovers(result, tmp_path)


def test_an_oversize_line_in_a_gzip_file_is_skipped_in_bounded_memory(tmp_path: Path) -> None:
    with gzip.open(tmp_path / "in.jsonl.gz", "wt", encoding="utf-8") as stream:
        stream.write(record(0) + "\n")
        stream.write('{"id": "huge", "text": "' + "word " * 2_000_000 + '"}\n')  # 10 MB, a few kB compressed
        stream.write(record(2) + "\n")
    result = cleanarticle(str(tmp_path / "in.jsonl.gz"), "-o", str(tmp_path / "out.jsonl"), "--max-bytes", "1M")
    assert result.returncode == 3
    out = lines(tmp_path / "out.jsonl")
    assert [row["id"] for row in out] == [0, "huge", 2] and "text" not in out[1]
    assert "in.jsonl.gz:2: the line is 10,000,026 bytes, over --max-bytes (1,048,576)" in result.stderr
    no_leftovers(result, tmp_path)


def test_a_truncated_gzip_file_keeps_the_records_before_the_cut(tmp_path: Path) -> None:
    data = gzip.compress(("\n".join(record(n) for n in range(200)) + "\n").encode())
    (tmp_path / "cut.jsonl.gz").write_bytes(data[: len(data) * 2 // 3])
    (tmp_path / "good.jsonl").write_text(record(7) + "\n", encoding="utf-8")
    result = cleanarticle(str(tmp_path / "cut.jsonl.gz"), str(tmp_path / "good.jsonl"), "-o", str(tmp_path / "out.jsonl"))
    assert result.returncode == 3
    assert f"error: {tmp_path / 'cut.jsonl.gz'}: " in result.stderr
    out = lines(tmp_path / "out.jsonl")
    assert out[-1]["id"] == 7 and [row["id"] for row in out[:-1]] == list(range(len(out) - 1)) and len(out) > 50
    no_leftovers(result, tmp_path)


def test_pages_declaring_a_non_text_codec_are_cleaned_with_the_others(tmp_path: Path) -> None:
    page = "<html><head><meta charset='{}'><title>T</title></head><body><article><p>{}</p></article></body></html>"
    body = "Caf\xe9 owners said the new rules would change how the whole street works. " * 3
    for codec in ("rot13", "base64", "zlib", "undefined", "iso-8859-1"):
        (tmp_path / f"{codec}.html").write_bytes(page.format(codec, body).encode("latin-1"))
    result = cleanarticle(str(tmp_path), "-o", str(tmp_path / "out") + "/")
    assert result.returncode == 0, result.stderr
    for codec in ("rot13", "base64", "zlib", "undefined", "iso-8859-1"):
        assert "Café owners said" in (tmp_path / "out" / f"{codec}.txt").read_text("utf-8")
    no_leftovers(result, tmp_path)


SLOW_PLUGIN = """
import signal, sys, time
from dataclasses import dataclass
from cleanarticle import LineFilter, cli, register

@register("slow")
@dataclass(frozen=True, slots=True)
class Slow(LineFilter):
    reasons = ()

    def check_line(self, line, position, view):
        if line.text == "SLOW":
            time.sleep(30)
        if line.text == "STUCK":  # as native code that never lets the limit's signal in
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            time.sleep(30)
        return None

sys.exit(cli.main(sys.argv[1:]))
"""


def run_slow(tmp_path: Path, texts: list[str], *args: str) -> tuple[subprocess.CompletedProcess[str], list[dict[str, object]]]:
    """A run with the `slow` plugin over one record per text, and its output records."""
    (tmp_path / "slow_run.py").write_text(SLOW_PLUGIN, encoding="utf-8")
    (tmp_path / "in.jsonl").write_text("".join(json.dumps({"id": n, "text": t}) + "\n" for n, t in enumerate(texts)), encoding="utf-8")
    output = tmp_path / "out.jsonl"
    command = [sys.executable, str(tmp_path / "slow_run.py"), str(tmp_path / "in.jsonl"), "--enable", "slow", "-o", str(output)]
    result = subprocess.run([*command, *args], capture_output=True, text=True, timeout=TIMEOUT)
    no_leftovers(result, tmp_path)
    return result, lines(output)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_document_over_the_time_limit_fails_alone(tmp_path: Path, jobs: str) -> None:
    # Without the limit the 30 s sleep would end and the record come back clean: its error
    # says it was given up, and the run's TIMEOUT bounds the wait.
    result, out = run_slow(tmp_path, [f"Story 0.\n{ARTICLE}", "Story.\nSLOW\n", "Story 2.\n"], "--time-limit", "0.5", "-j", jobs)
    assert result.returncode == 3, result.stderr
    assert [row["id"] for row in out] == [0, 1, 2] and "error" not in out[0] and "error" not in out[2]
    assert out[1] == {"id": 1, "text": "Story.\nSLOW\n", "error": "over the time limit of 0.5 s (--time-limit)"}
    assert "in.jsonl:2: over the time limit" in result.stderr


def test_a_worker_held_past_the_time_limit_is_replaced(tmp_path: Path) -> None:
    result, out = run_slow(tmp_path, [f"Story 0.\n{ARTICLE}", "Story.\nSTUCK\n", "Story 2.\n"], "--time-limit", "0.2", "-j", "2")
    assert result.returncode == 3, result.stderr
    assert [row["id"] for row in out] == [0, 1, 2] and "error" not in out[0] and "error" not in out[2]
    assert out[1]["error"] == batch.WORKER_DIED


# Inputs ------------------------------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs")
def test_a_walk_skips_fifos_and_survives_symlink_loops(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    os.mkfifo(folder / "x.txt")  # nobody writes to it: reading it would block forever
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    (folder / "sub").mkdir()
    (folder / "sub" / "up").symlink_to(folder, target_is_directory=True)
    result = cleanarticle(str(folder), "-o", str(tmp_path / "out") + "/")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "a.txt").read_text("utf-8") == "A paragraph of the article, told in full and kept.\n"
    assert f"{folder / 'x.txt'}: skipped: not a regular file" in result.stderr
    assert f"{folder / 'loop.txt'}: skipped: " in result.stderr
    no_leftovers(result, tmp_path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs")
def test_a_fifo_named_alone_is_read_as_a_stream(tmp_path: Path) -> None:
    fifo = tmp_path / "feed.jsonl"
    os.mkfifo(fifo)

    def feed() -> None:
        with fifo.open("w", encoding="utf-8") as stream:
            stream.write(record(0) + "\n" + record(1) + "\n")

    writer = threading.Thread(target=feed)
    writer.start()
    result = cleanarticle(str(fifo))
    writer.join()
    assert result.returncode == 0, result.stderr
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == [0, 1]


# The run itself ----------------------------------------------------------------------------------


def test_an_output_that_cannot_be_written_is_one_line_and_exit_2(tmp_path: Path) -> None:
    (tmp_path / "in.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "file").write_text("", encoding="utf-8")
    result = cleanarticle(str(tmp_path / "in.txt"), "-o", str(tmp_path / "file" / "out.txt"))
    assert result.returncode == 2
    assert result.stderr.startswith(f"cleanarticle: error: cannot write {tmp_path / 'file'}")
    assert len(result.stderr.splitlines()) == 1
    no_leftovers(result, tmp_path)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_output_device_is_named_and_exit_2(tmp_path: Path) -> None:
    (tmp_path / "in.jsonl").write_text("\n".join(record(n) for n in range(2000)) + "\n", encoding="utf-8")
    with open("/dev/full", "w") as full:
        result = cleanarticle(str(tmp_path / "in.jsonl"), stdout=full)
    assert result.returncode == 2
    assert result.stderr.strip() == "cleanarticle: error: cannot write stdout: No space left on device"


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(child) for child in path.read_text().split()] if path.exists() else []


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _start_long_run(tmp_path: Path) -> tuple[subprocess.Popen[str], list[int]]:
    """A `-j 2` run over enough records to take a while, once its two workers are up."""
    (tmp_path / "in.jsonl").write_text("\n".join(record(n) for n in range(200_000)) + "\n", encoding="utf-8")
    command = [sys.executable, "-m", "cleanarticle", str(tmp_path / "in.jsonl"), "-j", "2", "-o", str(tmp_path / "out.jsonl")]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 30
    while len(workers := _children(process.pid)) < 2 or not list(tmp_path.glob("*.tmp")):
        assert time.monotonic() < deadline and process.poll() is None
        time.sleep(0.1)
    return process, workers


def _gone(pids: list[int], within: float) -> bool:
    """Whether every process in `pids` has exited before `within` seconds (a bound on waiting
    for a liveness condition, not a measure of speed)."""
    deadline = time.monotonic() + within
    while any(map(_alive, pids)):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads /proc")
def test_sigterm_stops_the_workers_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    process, workers = _start_long_run(tmp_path)
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=TIMEOUT)
    assert process.returncode == 143
    assert "Traceback" not in stderr
    assert not list(tmp_path.glob("*.tmp")) and not (tmp_path / "out.jsonl").exists()
    assert _gone(workers, within=30)


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads /proc")
def test_workers_exit_on_their_own_when_the_main_process_is_killed(tmp_path: Path) -> None:
    process, workers = _start_long_run(tmp_path)
    process.kill()
    process.communicate(timeout=TIMEOUT)
    assert _gone(workers, within=30)


def test_html_limits_are_set_from_the_command_line(tmp_path: Path) -> None:
    words = "The council approved the budget after a long debate on Tuesday night, members said."
    page = tmp_path / "deep.html"
    page.write_text("<html><body>" + "<div>" * 40 + f"<p>{words}</p>" + "</div>" * 40 + "</body></html>", encoding="utf-8")
    result = cleanarticle(str(page), "--max-html-depth", "10")
    assert result.returncode == 0 and result.stdout.strip() == words, result.stderr
    out = tmp_path / "out.jsonl"
    assert cleanarticle(str(page), "--explain", "--max-html-depth", "10", "-o", str(out)).returncode == 0
    (found,) = lines(out)
    assert [p["reason"] for p in found["pruned"]] == ["too_deep"]  # type: ignore[union-attr,index]
    assert cleanarticle(str(page), "--explain", "-o", str(out)).returncode == 0
    assert not lines(out)[0]["pruned"]
    refused = cleanarticle(str(page), "--max-html-depth", "0")
    assert refused.returncode == 2 and "--max-html-depth" in refused.stderr
