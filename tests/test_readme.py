"""Every ```python block of README.md runs as a script.

A block that starts with "# continues the example above" runs after the block before it. The
scripts run in a directory holding what the README says they need: crawl.jsonl, crawl/,
profiles.json, cleanarticle.toml, and the repository's seeds/ and tests/. A block whose
third-party imports are not installed (an extra) is skipped, naming the module.
"""

from __future__ import annotations

import ast
import importlib.util
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cleanarticle import cli

REPO = Path(__file__).resolve().parent.parent
README = (REPO / "README.md").read_text(encoding="utf-8")
CONTINUES = "# continues the example above"


def python_blocks(text: str) -> list[tuple[int, str]]:
    """(line number, code) of each python block, continuation blocks joined to the one before."""
    blocks: list[tuple[int, str]] = []
    for match in re.finditer(r"^```python\n(.*?)^```$", text, re.S | re.M):
        line = text.count("\n", 0, match.start()) + 1
        code = match.group(1)
        if code.startswith(CONTINUES) and blocks:
            blocks[-1] = (blocks[-1][0], blocks[-1][1] + "\n" + code)
        else:
            blocks.append((line, code))
    return blocks


def missing_modules(code: str) -> list[str]:
    names = set()
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return sorted(name for name in names if importlib.util.find_spec(name) is None)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("readme")
    (work / "seeds").symlink_to(REPO / "seeds")
    (work / "tests").symlink_to(REPO / "tests")
    seeds = sorted((REPO / "seeds").glob("*.txt"))
    records = [
        {"id": f"{site}-{seed.stem}", "url": f"https://site{site}.example/{seed.stem}", "text": seed.read_text("utf-8")}
        for site in range(2)
        for seed in seeds
    ]
    lines = "".join(json.dumps(record) + "\n" for record in records)
    (work / "crawl.jsonl").write_text(lines, encoding="utf-8")
    (work / "crawl").mkdir()
    (work / "crawl" / "part-0.jsonl").write_text(lines, encoding="utf-8")
    assert cli.main(["profile", str(work / "crawl.jsonl"), "-o", str(work / "profiles.json"), "--min-documents", "2"]) == 0
    toml = re.search(r"^```toml\n(# cleanarticle\.toml.*?)^```$", README, re.S | re.M)
    assert toml is not None
    (work / "cleanarticle.toml").write_text(toml.group(1), encoding="utf-8")
    return work


def test_the_readme_has_python_blocks() -> None:
    assert len(python_blocks(README)) >= 10


@pytest.mark.parametrize(("line", "code"), python_blocks(README), ids=lambda value: f"line{value}" if isinstance(value, int) else "")
def test_readme_python_block_runs_as_a_script(line: int, code: str, workdir: Path, tmp_path: Path) -> None:
    missing = missing_modules(code)
    if missing:
        pytest.skip(f"README.md line {line} needs {', '.join(missing)}, which is not installed")
    run = tmp_path / "run"
    shutil.copytree(workdir, run, symlinks=True)
    script = run / f"readme_line_{line}.py"
    script.write_text(code, encoding="utf-8")
    done = subprocess.run([sys.executable, script.name], cwd=run, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"README.md line {line}:\n{done.stderr[-3000:]}"
