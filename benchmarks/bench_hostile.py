"""Time and peak memory of each hostile input of issue 12, at full size, each in its own process.

    python benchmarks/bench_hostile.py                  # every input; writes results/hostile.json
    python benchmarks/bench_hostile.py short_lines.txt  # some of them (names: cleanarticle.testing.HOSTILE)
    python benchmarks/bench_hostile.py --scale 0.1      # smaller versions, for a smoke run (not written)

The inputs are generated (`cleanarticle.testing.hostile_input`), never stored. A child process
builds one input, cleans it once (`clean_html_and_explain` for a page, `clean_and_explain` for
text), and reports the wall time of that call and its own peak RSS (`resource.getrusage`), which
includes the Python runtime, the libraries and the input itself. Targets: each returns within a
few seconds, 1 M short lines under 30 s, and under 1 GB for any single input up to 100 MB.
"""

from __future__ import annotations

import argparse
import datetime
import json
import platform
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
TIMEOUT_S = 900

_CHILD = """
import json, resource, sys, time
from cleanarticle import clean_and_explain, clean_html_and_explain
from cleanarticle.testing import hostile_input
name, scale = sys.argv[1], float(sys.argv[2])
data = hostile_input(name, scale)
clean = clean_html_and_explain if name.endswith(".html") else clean_and_explain
clean("warm up the imports and caches")
start = time.perf_counter()
result = clean(data)
seconds = time.perf_counter() - start
notes = sorted({node.reason for node in getattr(result, "pruned", ())} & {"too_large", "wide_encoding", "too_deep", "too_many_nodes", "too_many_cells"})
print(json.dumps({
    "input_mb": round(len(data) / 1e6, 2),
    "seconds": round(seconds, 2),
    "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    "text_chars": len(result.text),
    "removals": len(result.removals),
    "limits_hit": notes,
}))
"""


def run_one(name: str, scale: float) -> dict[str, object]:
    """One input in a fresh process: its figures, or why there are none."""
    try:
        done = subprocess.run(
            [sys.executable, "-c", _CHILD, name, str(scale)], capture_output=True, text=True, timeout=TIMEOUT_S, check=False
        )
    except subprocess.TimeoutExpired:
        return {"error": f"timed out after {TIMEOUT_S} s"}
    if done.returncode != 0:
        return {"error": (done.stderr.strip().splitlines() or [f"exit {done.returncode}"])[-1]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    from cleanarticle.testing import HOSTILE

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", help=f"inputs to run (default: all): {', '.join(HOSTILE)}")
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the full size (results are written only at 1.0)")
    args = parser.parse_args(argv)
    unknown = set(args.names) - set(HOSTILE)
    if unknown:
        parser.error(f"unknown inputs: {', '.join(sorted(unknown))}")
    rows = {}
    for name in args.names or HOSTILE:
        rows[name] = run_one(name, args.scale)
        print(f"{name:28} {json.dumps(rows[name])}", flush=True)
    if args.scale == 1.0 and not args.names:
        RESULTS.mkdir(exist_ok=True)
        out = {
            "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
            "python": platform.python_version(),
            "machine": platform.machine(),
            "inputs": rows,
        }
        (RESULTS / "hostile.json").write_text(json.dumps(out, indent=2) + "\n", "utf-8")
        print(f"written to {RESULTS / 'hostile.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
