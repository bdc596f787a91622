"""Charts of a quality.py run (matplotlib, in the `bench` extra): PNG files for the README.

- `f1_vs_speed.png`: F1 against pages per second, one panel per data set, one point per tool
  (speed on a log scale: the tools span two orders of magnitude);
- `leak_rate.png`: per tool, the share of trafilatura-eval-dev pages whose output still holds
  one of the page's boilerplate (`without`) segments.

Both read the rows `quality.py --json` writes, so a past run can be drawn again without
re-running it: `python benchmarks/plots.py benchmarks/results/quality.json`.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"
HTML_SETS = ("trafilatura-eval-dev", "readability-pages")


def plot(rows: Sequence[dict[str, object]], folder: Path = RESULTS) -> list[Path]:
    """Write the charts of `rows` into `folder`; returns the files written."""
    import matplotlib

    matplotlib.use("Agg")  # files only: no display needed
    from matplotlib import pyplot

    folder.mkdir(parents=True, exist_ok=True)
    html_rows = [row for row in rows if not str(row["tool"]).startswith("text:")]
    written = []

    figure, panels = pyplot.subplots(1, len(HTML_SETS), figsize=(11, 4.5), constrained_layout=True)
    for panel, dataset in zip(panels, HTML_SETS):
        points = [row for row in html_rows if row["dataset"] == dataset and row["pages_per_s"]]
        for index, row in enumerate(sorted(points, key=lambda row: float(row["f1"]))):  # type: ignore[arg-type]
            ours = row["tool"] == "cleanarticle"
            panel.scatter(row["pages_per_s"], row["f1"], s=70 if ours else 40, color="C3" if ours else "C0", zorder=3)
            offset = (6, 4) if index % 2 else (6, -11)  # neighbours in F1 get labels above and below
            panel.annotate(str(row["tool"]), (row["pages_per_s"], row["f1"]), textcoords="offset points", xytext=offset, fontsize=8)
        panel.set_xscale("log")
        panel.set_title(dataset)
        panel.set_xlabel("pages per second (one process, log scale)")
        panel.set_ylabel("F1")
        panel.grid(True, alpha=0.3)
    figure.suptitle("Quality against speed (benchmarks/quality.py)")
    written.append(_save(figure, folder / "f1_vs_speed.png", pyplot))

    leaks = [row for row in html_rows if row["dataset"] == HTML_SETS[0] and row.get("leak_rate") is not None]
    if leaks:
        leaks.sort(key=lambda row: float(row["leak_rate"]))  # type: ignore[arg-type]
        figure, axis = pyplot.subplots(figsize=(7, 0.45 * len(leaks) + 1.2), constrained_layout=True)
        names = [str(row["tool"]) for row in leaks]
        values = [100 * float(row["leak_rate"]) for row in leaks]  # type: ignore[arg-type]
        bars = axis.barh(names, values, color=["C3" if name == "cleanarticle" else "C0" for name in names])
        axis.bar_label(bars, fmt="%.1f %%", fontsize=8, padding=3)
        axis.set_xlabel(f"pages whose output keeps a boilerplate segment (%, {HTML_SETS[0]})")
        axis.set_title("Leak rate per tool (lower is better)")
        axis.invert_yaxis()
        written.append(_save(figure, folder / "leak_rate.png", pyplot))
    return written


def _save(figure: object, path: Path, pyplot: object) -> Path:
    figure.savefig(path, dpi=110)  # type: ignore[attr-defined]
    pyplot.close(figure)  # type: ignore[attr-defined]
    return path


if __name__ == "__main__":
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else RESULTS / "quality.json"
    for written in plot(json.loads(source.read_text(encoding="utf-8"))):
        print(written)
