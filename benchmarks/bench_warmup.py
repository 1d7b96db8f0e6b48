"""12. Nothing prepared after home is painted blocks the event loop for long (DESIGN §6: no
event-loop block > 50 ms after start).

The kiosk prepares the rest once home is on screen (KioskWindow's warm-up: every other screen, the
search index, the database). In a fresh process (benchmarks/_child.py --stall) a QTimer ticks every
5 ms from the first paint until that warm-up is over (and 0.1 s more), noting the gap between two
ticks: a gap is how long the event loop could not run — a tap in that moment waits as long. The
figure is the longest gap of a start (median over starts; the worst shown too). Starts:

- the real catalogue, warm start (a data dir as a complete earlier start left it) and first start
  on a fresh install (empty data dir: the database is created, whatever is not shipped is built);
- 50,000 items (the real ones + synthetic ones, as bench_search builds them), a warm start (their
  pinyin cached by an earlier start) and the first start (pinyin computed for every new text).

Baseline: the same ticker on a bare PySide6 window doing nothing, same run (this machine's own
timer jitter: other processes, the scheduler).
"""

from __future__ import annotations

import shutil

import common
from common import Row, median, ms, target_row

N_REAL, N_BIG = 3, 1
BIG = 50_000
TARGET = 0.050


def _starts(n: int, fresh: bool, items: int = 0, warm_from=None) -> list[dict]:
    extra = ("--stall",) + (("--items", str(items)) if items else ())
    out = []
    for i in range(n):
        d = common.fresh_dir(f"stall-{items}-{'fresh' if fresh else 'warm'}-{i}")
        if not fresh:
            if warm_from is not None:  # a copy of an install that has started before
                shutil.copytree(warm_from, d, dirs_exist_ok=True)
            else:  # one complete start before, as the install it is
                common.run_child("kiosk", d, fill_cache=True, extra=extra[1:], timeout=900)
        out.append(common.run_child("kiosk", d, extra=extra, timeout=900))
    return out


def _row(label: str, runs: list[dict], base: str) -> Row:
    worst = [r["stall_s"] for r in runs]
    return target_row(label, median(worst), base, TARGET,
                      measured=f"{ms(median(worst))} (worst {ms(max(worst))}; top gaps {runs[0]['stall_top3_ms']} ms; "
                               f"warm-up {ms(median(r['warm_s'] for r in runs))}, {int(median(r['ticks'] for r in runs))} ticks)")


def run() -> list[Row]:
    common.run_child("bare")  # warm-up: compiled modules, the OS file cache
    common.run_child("kiosk", common.fresh_dir("stall-prep"), fill_cache=True)
    bare = [common.run_child("bare", extra=("--stall", "--stall-seconds", "2")) for _ in range(2)]
    base = f"{ms(median(r['stall_s'] for r in bare))} (bare window, 5 ms ticker, 2 s)"

    warm = _starts(N_REAL, fresh=False)
    fresh = _starts(N_REAL, fresh=True)
    rows = [
        _row(f"12. longest event-loop stall, home painted → warm-up over, real catalogue, warm start (5 ms ticker; "
             f"median of {N_REAL} starts)", warm, base),
        _row(f"12. the same, first start on a fresh install (database created; median of {N_REAL})", fresh, base),
    ]
    # 50,000 items: a first start fills the pinyin cache; a copy of that install then starts warm
    big_first = common.fresh_dir("stall-big-first")
    first = common.run_child("kiosk", big_first, extra=("--stall", "--items", str(BIG)), timeout=1800)
    big_warm = _starts(N_BIG, fresh=False, items=BIG, warm_from=big_first)
    rows += [
        _row(f"12. the same, {BIG:,} items, warm start (their pinyin cached; median of {N_BIG})", big_warm, base),
        _row(f"12. the same, {BIG:,} items, first start (pinyin computed for every new text)", [first], base),
    ]
    return rows


if __name__ == "__main__":
    common.run_standalone(run)
