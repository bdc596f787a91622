"""Failures of the run itself are one line and exit 2; a closed stdout is not a failure; no input
on a terminal prints the usage."""

from __future__ import annotations

import builtins
import subprocess
import sys
from pathlib import Path

import pytest

from cleanarticle import cli

SEED = Path(__file__).parent.parent / "seeds" / "001_3c554bb061a27295.txt"


def one_line_error(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


def test_dask_without_the_extra_names_it(monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    real_import = builtins.__import__

    def no_distributed(name: str, *args, **kwargs):
        if name.split(".")[0] == "distributed":
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_distributed)
    monkeypatch.delitem(sys.modules, "distributed", raising=False)
    assert cli.main([str(SEED), "--dask"]) == 2
    line = one_line_error(capsys.readouterr().err)
    assert "install cleanarticle[dask]" in line and "distributed" in line


def test_unreachable_scheduler_is_one_line(capsys) -> None:
    dask = pytest.importorskip("dask")
    pytest.importorskip("distributed")
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):  # nothing listens on port 1
        assert cli.main([str(SEED), "--dask", "tcp://127.0.0.1:1"]) == 2
    line = one_line_error(capsys.readouterr().err)
    assert line.startswith("cleanarticle: error: cannot reach the Dask scheduler at tcp://127.0.0.1:1")


def test_unwritable_output_is_one_line(tmp_path: Path, capsys) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    assert cli.main([str(SEED), "-o", str(blocker / "out.txt")]) == 2
    line = one_line_error(capsys.readouterr().err)
    assert line.startswith("cleanarticle: error: cannot write ") and str(blocker) in line


def test_closed_stdout_ends_quietly_with_exit_0(tmp_path: Path) -> None:
    article = tmp_path / "long.txt"
    article.write_text("".join(f"Paragraph {i} of the story tells something new about the harbour.\n" for i in range(20000)))
    run = subprocess.Popen(
        [sys.executable, "-m", "cleanarticle", str(article)], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert run.stdout is not None and run.stderr is not None
    assert run.stdout.readline().startswith(b"Paragraph 0 ")
    run.stdout.close()  # what `| head -1` does
    err = run.stderr.read()
    assert run.wait() == 0
    assert err == b""


class _Terminal:
    def isatty(self) -> bool:
        return True

    def read(self, *args: object) -> str:
        raise AssertionError("the terminal must not be read")


def test_no_arguments_on_a_terminal_prints_usage_and_exits_2(monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.setattr("sys.stdin", _Terminal())
    assert cli.main([]) == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: cleanarticle") and "stdin is a terminal" in err


def test_list_filters_on_a_terminal_still_works(monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.setattr("sys.stdin", _Terminal())
    assert cli.main(["--list-filters"]) == 0
    assert "widgets" in capsys.readouterr().out
