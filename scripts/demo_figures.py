"""Run every demo scenario headless and print what its day came to (the README's table).

    python scripts/demo_figures.py [--seed S] [--scenario CODE ...]

Each day runs on a fresh SQLite store in a temporary folder, staffed as `kiosk hall --simulate`
(every window but 1), on a Friday; the figures are read back from the store (kiosk.sim.figures).
"""

from __future__ import annotations

import argparse
import datetime as _dt
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kiosk.app import load_data  # noqa: E402
from kiosk.domain.counter import Counter  # noqa: E402
from kiosk.domain.desk import TicketDesk  # noqa: E402
from kiosk.sim.figures import DayFigures, day_figures  # noqa: E402
from kiosk.sim.scenarios import SCENARIOS  # noqa: E402
from kiosk.sim.simulation import SimClock, Simulation  # noqa: E402
from kiosk.store.db import Store  # noqa: E402

DAY = _dt.date(2026, 11, 27)


def run(code: str, seed: int) -> tuple[Simulation, DayFigures]:
    catalogue, hall = load_data()
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp))
        try:
            clock = SimClock(_dt.datetime.combine(DAY, _dt.time(8, 30)))
            desk = TicketDesk(store, catalogue, hall, clock, secret=bytes(32))
            staffed = [w.number for w in hall.windows if w.number != 1]
            sim = Simulation(seed, DAY, catalogue, desk, {n: Counter(store, hall, n, clock) for n in staffed}, clock,
                             SCENARIOS[code], poll_seconds=None)
            sim.run_day()
            return sim, day_figures(sim, store)
        finally:
            store.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--scenario", nargs="*", choices=list(SCENARIOS), default=list(SCENARIOS))
    args = ap.parse_args()
    print(f"seed {args.seed}; utilisation: planned / measured over the planned peak (general windows; "
          "the others' range)\n")
    print("| scenario | arrivals | mean wait | p90 wait | peak utilisation, general | others | last call "
          "| served / no-show | went home |")
    print("|---|---|---|---|---|---|---|---|---|")
    for code in args.scenario:
        sim, f = run(code, args.seed)
        main_pool = f.pools[sim.main_pool]
        others = [p for i, p in enumerate(f.pools) if i != sim.main_pool]
        lo, hi = min(p.peak for p in others), max(p.peak for p in others)
        print(f"| {code} | {f.arrivals} | {f.mean_wait:.1f} min | {f.p90_wait:.1f} min "
              f"| {main_pool.planned:.2f} / {main_pool.peak:.2f} "
              f"| {min(p.planned for p in others):.2f}–{max(p.planned for p in others):.2f} / {lo:.2f}–{hi:.2f} "
              f"| {f.last_call:%H:%M} | {f.served} / {f.no_shows} | {len(sim.went_home)} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
