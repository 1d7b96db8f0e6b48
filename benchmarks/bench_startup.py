"""1. Start to the first painted frame: the kiosk (home) vs a bare PySide6 window with one label.

Every start is a fresh process (benchmarks/_child.py); wall time from just before the spawn to the
child's monotonic timestamp taken right after its first frame was painted. Two kiosk starts:

- **first start on a fresh install**: an empty data directory — no database, no cache at all (the
  kiosk builds or finds whatever it needs: theme, validated catalogue; the search index and the
  database come after home is painted). Target ≤ 2.5× the bare window (DESIGN §6).
- **warm start**: the same install started again — its data directory as a complete earlier start
  left it (database, caches). Target ≤ 2×.

Python's compiled modules are kept between starts as on an installed kiosk (common.child_env: pip
byte-compiles on install); the first runs of each kind (not measured) fill that store and the OS
file cache. The CPU time each process used until its first frame is shown too: it does not depend
on how busy the machine is. So is the same with this machine's PYTHONDONTWRITEBYTECODE=1 (every
start compiles every module from source).
"""

from __future__ import annotations

import common
from common import Row, info_row, median, ms, ratio_row

N = 7
N_SOURCE = 3
FRESH_TARGET = 2.5
WARM_TARGET = 2.0


def _installed(name: str) -> common.Path:
    """A data dir after one complete start (its warm-up over: caches written, database made)."""
    d = common.fresh_dir(name)
    common.run_child("kiosk", d, fill_cache=True)
    return d


def run() -> list[Row]:
    common.run_child("bare")  # warm-ups: compiled modules, the OS file cache (not reported)
    first = common.run_child("kiosk", common.fresh_dir("start-first"), fill_cache=True)
    common.run_child("kiosk", _installed("start-prep"))

    bare, fresh, warm = [], [], []
    warm_s = [first["warm_s"]]
    for i in range(N):  # interleaved so drift hits all alike
        bare.append(common.run_child("bare"))
        fresh.append(common.run_child("kiosk", common.fresh_dir(f"start-fresh-{i}")))
        d = common.fresh_dir(f"start-warm-{i}")
        warm_s.append(common.run_child("kiosk", d, fill_cache=True)["warm_s"])
        warm.append(common.run_child("kiosk", d))

    src: dict[str, list[dict]] = {"bare": [], "fresh": [], "warm": []}
    for i in range(N_SOURCE):
        src["bare"].append(common.run_child("bare", bytecode=False))
        src["fresh"].append(common.run_child("kiosk", common.fresh_dir(f"start-src-fresh-{i}"), bytecode=False))
        d = common.fresh_dir(f"start-src-warm-{i}")
        common.run_child("kiosk", d, fill_cache=True, bytecode=False)
        src["warm"].append(common.run_child("kiosk", d, bytecode=False))

    def med(runs: list[dict], key: str = "wall") -> float:
        return median(r[key] for r in runs)

    bb, fb, wb = med(bare), med(fresh), med(warm)
    cb, cf, cw = med(bare, "cpu_s"), med(fresh, "cpu_s"), med(warm, "cpu_s")
    sb, sf, sw = med(src["bare"]), med(src["fresh"]), med(src["warm"])
    return [
        ratio_row(f"1. first start on a fresh install → home painted (empty data dir: no database, no cache; new "
                  f"process, median of {N}) vs bare QWidget+QLabel 1080×1920", fb, bb, FRESH_TARGET),
        ratio_row(f"1. warm start → home painted (the same install started again: database and caches from a "
                  f"complete earlier start; median of {N}) vs the bare window", wb, bb, WARM_TARGET),
        info_row("  ↳ CPU time until home painted (the process's own, whatever else runs): fresh install / warm / "
                 "bare", f"{ms(cf)} / {ms(cw)}", ms(cb), f"{cf / cb:.2f}× / {cw / cb:.2f}×"),
        info_row(f"  ↳ the same starts with PYTHONDONTWRITEBYTECODE=1 (this machine's setting: every module "
                 f"compiled from source at every start), median of {N_SOURCE}: fresh install / warm",
                 f"{ms(sf)} / {ms(sw)}", ms(sb), f"{sf / sb:.2f}× / {sw / sb:.2f}×"),
        info_row(f"  ↳ first start on a fresh install: home painted → warm-up over (every screen built, search "
                 f"index, database created and open), median of {len(warm_s)}", ms(median(warm_s)), "—",
                 "after the first frame; event-loop stalls meanwhile: 12."),
    ]


if __name__ == "__main__":
    common.run_standalone(run)
