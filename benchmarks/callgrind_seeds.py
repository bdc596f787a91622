"""Clean the five seeds once (warm-up), then N more times: run under callgrind for N = 0 and
N = 4; (instructions(4) - instructions(0)) / 20 is the instructions per seed article.

    for n in 0 4; do valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.$n python benchmarks/callgrind_seeds.py $n 2>&1 | grep Collected; done

Steps named after N are left out of the default pipeline: `callgrind_seeds.py $n page_furniture`
measures the rules alone.
"""

from __future__ import annotations

import sys
from pathlib import Path

import cleanarticle

SEEDS = [p.read_text("utf-8") for p in sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))]

if __name__ == "__main__":
    pipeline = cleanarticle.Pipeline.default()
    for step in sys.argv[2:]:
        pipeline = pipeline.without(step)
    for _ in range(1 + int(sys.argv[1])):
        for seed in SEEDS:
            cleanarticle.clean_and_explain(seed, pipeline=pipeline)
