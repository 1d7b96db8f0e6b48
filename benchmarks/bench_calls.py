"""7. Calling the next ticket, committed: Counter.call_next on a fresh SQLite data dir.

The data dir holds ~300 waiting tickets across the hall's categories (about 1 in 8 green-channel).
The calls go round the windows 1…10 (each window picks among its own categories with the queue
rules, inside the write lock); after each call, start + finish free the window and one new ticket
of the called category keeps ~300 waiting — none of that is timed. Median and p90 over N calls
(after a warm-up round). The design has no number for call-next: the target used is ticket issue's,
≤ 10 ms. Baseline: a bare ``sqlite3`` ``BEGIN IMMEDIATE; UPDATE …; COMMIT`` (WAL,
synchronous=NORMAL like the Store) on a 300-row table in a fresh file on the same disk.
"""

from __future__ import annotations

import datetime as _dt
import random
import sqlite3
import time

import common
from common import Row, info_row, median, ms, p90, verdict

N, WARMUP = 250, 10
TARGET = 0.010
START = _dt.datetime(2026, 11, 27, 9, 0)
#: waiting tickets per category (~300 in all), a hall's morning mix
MIX = {"comprehensive": 150, "consult": 40, "realty": 45, "police": 35, "cannot_do": 10, "assist": 20}
GREEN_SHARE = 0.12


def bare_sqlite(n: int) -> list[float]:
    path = common.fresh_dir("sqlite-bare-call") / "bare.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, day TEXT, category TEXT, number TEXT, status TEXT, "
                 "window INTEGER, calls INTEGER, called_at REAL)")
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO t (day, category, number, status, calls) VALUES (?, ?, ?, 'waiting', 0)",
                     [("2026-11-27", "comprehensive", f"A{i:03d}") for i in range(1, 301)])
    conn.execute("COMMIT")
    out = []
    for i in range(WARMUP + n):
        t0 = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("UPDATE t SET status = 'called', window = ?, calls = 1, called_at = ? WHERE id = ?",
                     (i % 10 + 1, time.time(), i % 300 + 1))
        conn.execute("COMMIT")
        if i >= WARMUP:
            out.append(time.perf_counter() - t0)
    conn.close()
    return out


class Clock:
    """The hall's wall clock, from 09:00 on the benchmark day, moving with real time."""

    def __init__(self):
        self.t0 = time.monotonic()

    def __call__(self) -> _dt.datetime:
        return START + _dt.timedelta(seconds=time.monotonic() - self.t0)


def counter_calls(n: int) -> tuple[list[float], int, int]:
    """Timed Counter.call_next; returns (durations, greens called, waiting at the end)."""
    from kiosk.app import load_data
    from kiosk.domain.counter import Counter
    from kiosk.store.db import Store

    _, hall = load_data()
    store = Store.open(common.fresh_dir("calls"))
    clock = Clock()
    day = START.date().isoformat()
    prefix = {c.code: c.prefix for c in hall.categories}
    rng = random.Random(11)

    def issue(category: str, at: float) -> None:
        green = rng.random() < GREEN_SHARE
        store.issue_ticket(day=day, category=category, prefix=prefix[category], subject="叫号基准",
                           green=green, green_reason="elder" if green else "", now=at)

    # the morning so far: tickets interleaved by category, spread over the last hour
    pool = [c for c, k in MIX.items() for _ in range(k)]
    rng.shuffle(pool)
    base = clock().timestamp() - 3600
    for i, category in enumerate(pool):
        issue(category, base + i * 3600 / len(pool))

    counters = [Counter(store, hall, w.number, clock) for w in hall.windows]
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
        issue(ticket.category, clock().timestamp())
    waiting = len(store.waiting(day))
    store.close()
    return out, greens, waiting


def run() -> list[Row]:
    bare = bare_sqlite(N)
    calls, greens, waiting = counter_calls(N)
    b = median(bare)
    base = f"{ms(b)} (sqlite3 BEGIN IMMEDIATE; UPDATE; COMMIT, WAL)"
    med = median(calls)
    return [
        Row(f"7. Counter.call_next, committed (~300 waiting, windows 1–10), median of {N}", ms(med), base,
            f"target ≤ {TARGET * 1000:.0f} ms (no design number: ticket issue's)", verdict(med <= TARGET)),
        info_row("  ↳ p90 / max Counter.call_next; green calls; waiting at the end",
                 f"{ms(p90(calls))} / {ms(max(calls))}; {greens} of {N} green; {waiting} waiting",
                 f"p90 {ms(p90(bare))} bare", f"median {med / b:.1f}× the bare UPDATE"),
    ]


if __name__ == "__main__":
    common.run_standalone(run)
