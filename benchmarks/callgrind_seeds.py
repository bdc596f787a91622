"""Clean the five seeds once (warm-up), then N more times: run under callgrind for N = 0 and
N = 4; (instructions(4) - instructions(0)) / 20 is the instructions per seed article.

    for n in 0 4; do OPENBLAS_NUM_THREADS=1 PYTHONHASHSEED=0 valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.$n python benchmarks/callgrind_seeds.py $n 2>&1 | grep Collected; done

Steps named after N are left out of the default pipeline: `callgrind_seeds.py $n page_furniture`
measures the rules alone. OPENBLAS_NUM_THREADS=1: numpy's BLAS threads otherwise spin in the
background, and callgrind counts their instructions too (a count then varies by ±5 % run to run).
"""

from __future__ import annotations

import sys
from pathlib import Path

import cleanarticle

SEEDS = [p.read_text("utf-8") for p in sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))]


def pipeline_without(names: list[str]) -> cleanarticle.Pipeline:
    """The default pipeline less the named steps."""
    pipeline = cleanarticle.Pipeline.default()
    for step in names:
        pipeline = pipeline.without(step)
    return pipeline


if __name__ == "__main__":
    pipeline = pipeline_without(sys.argv[2:])
    for _ in range(1 + int(sys.argv[1])):
        for seed in SEEDS:
            cleanarticle.clean_and_explain(seed, pipeline=pipeline)
