"""`make bench`: the issue-13 table (ShopDesk against the raw limits at 100k and 1M).

The 100k and 1M registers are demo registers built on first use and cached (bench/dataset.py;
`python -m bench.bench_build --cases 1000000` times a build and its phases).

The older per-feature benchmarks (bench_handoff, bench_import, ...) still run on their own:
`python -m bench.bench_import`.
"""

from __future__ import annotations

import sys

from bench import bench_scale

if __name__ == "__main__":
    sys.exit(bench_scale.main(sys.argv[1:]))
