"""1. Cold start to the first painted frame: the kiosk (home) vs a bare PySide6 window with one label.

Both run as fresh subprocesses (benchmarks/_child.py); wall time from just before the spawn to
the child's monotonic timestamp taken right after its first frame was painted. Target ≤ 2.5×.
"""

from __future__ import annotations

import common
from common import Row, info_row, median, ms, ratio_row

N = 5
TARGET = 2.5


def run() -> list[Row]:
    common.run_child("bare")  # warm-up: OS file cache, .pyc files (not reported)

    # first kiosk start: fresh data dir, no cache at all (qt-material export, pinyin computed);
    # it then fills the cache that every measured run gets a copy of
    cold_dir = common.fresh_dir("start-cold")
    cold = common.run_child("kiosk", cold_dir, fill_cache=True)
    common.register_warm_cache(cold_dir)
    common.warm_cache_dir()

    bare, kiosk = [], []
    for i in range(N):  # interleaved so drift hits both alike
        bare.append(common.run_child("bare")["wall"])
        r = common.run_child("kiosk", common.data_dir_with_warm_cache(f"start-{i}"))
        kiosk.append(r["wall"])

    kb, bb = median(kiosk), median(bare)
    return [
        ratio_row(f"1. cold start → home painted (fresh process, median of {N}; fresh data dir + warm cache "
                  f"from 1 warm-up run) vs bare QWidget+QLabel 1080×1920", kb, bb, TARGET),
        info_row("  ↳ the warm-up run itself: COLD caches (qt-material export, catalogue validation)",
                 ms(cold["wall"]), ms(bb), f"{cold['wall'] / bb:.2f}×"),
    ]


if __name__ == "__main__":
    common.run_standalone(run)
