"""Whole-page text under callgrind: corpus B of `bench_text.py --quick` (the naive text of the
first 30 pages of each dev set), cleaned once as a warm-up and then N more times, by the default
pipeline or by the hand-written 20-regex line filter (`regex`). Instructions do not swing with
the machine's load as seconds do, so the ratio of the two is the steady form of issue 11's target
(whole-page text within 2x the regex filter):

    for tool in default regex; do for n in 0 1; do
      OPENBLAS_NUM_THREADS=1 PYTHONHASHSEED=0 valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.$tool.$n \\
        python benchmarks/callgrind_pages.py $tool $n 2>&1 | grep Collected
    done; done

instructions(1) - instructions(0) is one pass over the 60 pages. Steps named after N are left
out of the default pipeline, as in `callgrind_seeds.py`.
"""

from __future__ import annotations

import sys

from bench_text import DEFAULT_DATA, _regex_lines, pages_corpus
from callgrind_seeds import pipeline_without

if __name__ == "__main__":
    docs = pages_corpus(DEFAULT_DATA, 30).docs
    tool = _regex_lines if sys.argv[1] == "regex" else pipeline_without(sys.argv[3:]).run
    for _ in range(1 + int(sys.argv[2])):
        for doc in docs:
            tool(doc)
