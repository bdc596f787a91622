"""The removal report (`--report`): one self-contained HTML page, checked as a browser shows it."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from cleanarticle import Removal, clean_and_explain, cli
from cleanarticle.report import RemovalReport, marked

SEEDS = sorted((Path(__file__).parent.parent / "seeds").glob("*.txt"))


def ledger() -> Counter[tuple[str, str]]:
    counts: Counter[tuple[str, str]] = Counter()
    for seed in SEEDS:
        counts.update((r.filter, r.reason) for r in clean_and_explain(seed.read_text("utf-8")).removals)
    return counts


def legend(page: str) -> Counter[tuple[str, str]]:
    tree = LexborHTMLParser(page)
    return Counter(
        {
            (row.attributes["data-filter"], row.attributes["data-reason"]): int(row.css_first("td.count").text())
            for row in tree.css("tr.legend-row")
        }
    )


def marks(page: str) -> Counter[tuple[str, str]]:
    return Counter((node.attributes["data-filter"], node.attributes["data-reason"]) for node in LexborHTMLParser(page).css("del"))


def test_marked_escapes_html_and_wraps_each_removal_once() -> None:
    source = "<b>Title</b>\nShare & follow\nBody\n"
    removals = [Removal(13, 28, "widgets", "share_prompt", "share"), Removal(20, 28, "widgets", "share_prompt")]
    out = marked(source, removals)
    assert out.startswith("&lt;b&gt;Title&lt;/b&gt;\n<del class=\"f-widgets\"")
    assert 'title="widgets: share_prompt \u2014 share">Share &amp; follow\n</del>Body\n' in out
    assert out.count("<del") == 1  # the overlapping second span is clipped to nothing


def test_the_report_is_self_contained_and_counts_every_removal(tmp_path: Path) -> None:
    report = RemovalReport(max_documents=2)
    for seed in SEEDS:
        report.add(seed.name, clean_and_explain(seed.read_text("utf-8")))
    page = report.html()
    assert legend(page) == ledger()
    assert len(LexborHTMLParser(page).css("h2.doc-name")) == 2 and "3 more documents are counted" in page
    assert not re.search(r"""(?:src|href)\s*=|@import|url\(""", page)
    assert "Removed lines seen most often" in page


def _browser() -> str | None:
    return next((found for name in ("chromium", "chromium-browser") if (found := shutil.which(name))), None)


def _chromium(browser: str, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", f"--user-data-dir={profile}", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=180)


def test_the_report_of_the_seeds_in_headless_chromium(tmp_path: Path) -> None:
    browser = _browser()
    if browser is None:
        pytest.skip("chromium is not installed (.ci/run installs it with apt-get)")
    target = tmp_path / "report.html"
    assert cli.main([*map(str, SEEDS), "--check", "--report", str(target)]) == 1
    url = target.resolve().as_uri()
    dom = _chromium(browser, tmp_path / "profile", "--enable-logging=stderr", "--v=0", "--dump-dom", url)
    assert dom.returncode == 0, dom.stderr[-2000:]
    console = [line for line in dom.stderr.splitlines() if ":CONSOLE" in line]
    assert console == []
    assert 'data-ready="1"' in dom.stdout  # the page's script ran to its end
    assert legend(dom.stdout) == ledger() == marks(dom.stdout)
    shot = tmp_path / "report.png"
    taken = _chromium(browser, tmp_path / "profile", "--hide-scrollbars", "--window-size=1200,2400", f"--screenshot={shot}", url)
    assert taken.returncode == 0, taken.stderr[-2000:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
    print(f"screenshot: {shot}")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_jsonl_output_is_the_same_with_a_report(tmp_path: Path, jobs: str) -> None:
    records = [json.dumps({"id": n, "url": f"https://a.example/{n}", "text": seed.read_text("utf-8")}) for n, seed in enumerate(SEEDS)]
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(records) + "\n{broken\n")
    plain, reported = tmp_path / "plain.jsonl", tmp_path / "reported.jsonl"
    assert cli.main([str(source), "-o", str(plain), "-j", jobs]) == 3
    assert cli.main([str(source), "-o", str(reported), "-j", jobs, "--report", str(tmp_path / "r.html")]) == 3
    assert reported.read_text("utf-8") == plain.read_text("utf-8")
    assert legend((tmp_path / "r.html").read_text("utf-8")) == ledger()

