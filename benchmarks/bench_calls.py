"""7. Calling the next ticket, committed: Counter.call_next on each engine, on an empty hall (~300
waiting, put there first) and on the realistic hall data (a year of history and today's 3,000
tickets, ~60 of them waiting).

The calls go round the windows 1…10 (each window picks among its own categories with the queue
rules, inside the write lock). Before the first call every window is made free (its current ticket
started and finished, a paused window reopened — not timed); after each call, start + finish free
the window and one new ticket of the called category keeps the queue as long — none of that is
timed. Median, p90 and max over N calls (after a warm-up round). The design has no number for
call-next: the target used is ticket issue's, ≤ 10 ms. Baseline: the bare driver's BEGIN; UPDATE
one of 300 rows; COMMIT on the same engine.
"""

from __future__ import annotations

import datetime as _dt
import random
import time

import common
from common import Row, info_row, median, ms, p90, spread, target_row

N, WARMUP = 250, 10
TARGET = 0.010
#: waiting tickets per category on the empty hall (~300 in all), a hall's morning mix
MIX = {"comprehensive": 150, "consult": 40, "realty": 45, "police": 35, "cannot_do": 10, "assist": 20}
GREEN_SHARE = 0.12


def counter_calls(db: common.Db, n: int) -> tuple[list[float], int, int, int]:
    """Timed Counter.call_next; returns (durations, greens called, waiting at the start, at the end)."""
    from kiosk.app import load_data
    from kiosk.domain.counter import Counter
    from kiosk.domain.lifecycle import NewTicket

    _, hall = load_data()
    store = db.store()
    clock = _dt.datetime.now
    day = _dt.date.today().isoformat()
    prefix = {c.code: c.prefix for c in hall.categories}
    rng = random.Random(11)

    def issue(category: str, at: float) -> None:
        green = rng.random() < GREEN_SHARE
        store.issue(NewTicket(day=day, category=category, prefix=prefix[category], subject="叫号基准",
                              request_key=f"category:{category}", now=at, green=green,
                              green_reason="elder" if green else ""))

    try:
        if db.data == "empty":  # the morning so far: tickets interleaved by category, over the last hour
            pool = [c for c, k in MIX.items() for _ in range(k)]
            rng.shuffle(pool)
            base = time.time() - 3600
            for i, category in enumerate(pool):
                issue(category, base + i * 3600 / len(pool))
        counters = [Counter(store, hall, w.number, clock) for w in hall.windows]
        common.free_and_open(store, hall, [c.number for c in counters])  # every window free and open
        waiting0 = sum(store.hall_rows(day).waiting.values())
        out, greens = [], 0
        for i in range(WARMUP + n):
            counter = counters[i % len(counters)]
            t0 = time.perf_counter()
            ticket = counter.call_next()
            dt = time.perf_counter() - t0
            assert ticket is not None, f"window {counter.number} found nobody to call"
            if i >= WARMUP:
                out.append(dt)
                greens += ticket.green
            counter.start()
            counter.finish()
            issue(ticket.category, time.time())
        waiting = sum(store.hall_rows(day).waiting.values())
    finally:
        store.close()
    return out, greens, waiting0, waiting


def run() -> list[Row]:
    rows: list[Row] = []
    for engine, data in common.combos():
        db = common.fresh_db(engine, data, "calls")
        bare = common.bare_commits(db, N, kind="update")
        calls, greens, waiting0, waiting = counter_calls(db, N)
        b, med = median(bare), median(calls)
        base = f"{ms(b)} ({common.bare_label(db, 'update')})"
        rows += [
            target_row(f"7. Counter.call_next, committed (~{waiting0} waiting, windows 1–10) — {db.label}, "
                       f"median of {N}", med, base, TARGET, measured=spread(calls),
                       note=" (no design number: ticket issue's)")
            .tag("call: Counter.call_next, median (p90)", db, f"{ms(med)} ({ms(p90(calls))})"),
            info_row(f"  ↳ {db.label}: green calls; waiting at the start / end",
                     f"{greens} of {N} green; {waiting0} / {waiting} waiting", f"p90 {ms(p90(bare))} bare",
                     f"median {med / b:.1f}× the bare UPDATE"),
        ]
    return rows + common.skipped_rows("7.")


if __name__ == "__main__":
    common.run_standalone(run)
