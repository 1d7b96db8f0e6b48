"""Subprocess body for bench_concurrency's paced hall (spawned by it; not a benchmark module itself).

    python benchmarks/_hall_worker.py kiosk DB SECONDS RATE SEED
    python benchmarks/_hall_worker.py window DB SECONDS RATE SEED NUMBER

DB is a SQLite data dir or a PostgreSQL URL. A ``kiosk`` issues tickets with TicketDesk.issue (the
hall's mix for windows 1–6: 4/6 comprehensive items, 1/6 综合咨询, 1/6 real-estate items; 30 % with
a resident ID); a ``window`` works window NUMBER with a Counter: call_next, start, finish, again
(a call that finds nobody is an ``empty`` call). Operations come at RATE per second on average,
Poisson (exponential gaps from SEED), on a schedule: a late operation does not move the next.

Prints ``ready`` once the store is open and warm, waits for a line on stdin (the start signal),
works for SECONDS, then prints one JSON line: ``{"ops": {op: [[t_start, seconds, lock_seconds,
cpu_seconds], ...]}, "errors": [...], "wall": seconds, "slowest": [...]}`` — ``t_start`` from the
start signal; ``lock``: the time spent waiting for the hall's write lock (SQLite ``BEGIN
IMMEDIATE``; PostgreSQL ``pg_advisory_xact_lock``) in that operation; ``cpu``: this process's CPU
time in it. With KIOSK_BENCH_TRACE set, ``slowest`` holds the three slowest operations with their
statements (start ms, ms, statement).
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import random
import sys
import time
from pathlib import Path


def resident_id(rng: random.Random) -> str:
    from kiosk.domain.ids import id_check_char

    born = _dt.date(1945, 1, 1) + _dt.timedelta(days=rng.randrange(0, 20000))
    first17 = f"320583{born:%Y%m%d}{rng.randrange(1000):03d}"
    return first17 + id_check_char(first17)


def main() -> int:
    role, db, seconds, rate, seed = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5])
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from common import SECRET, open_store
    from sqlalchemy import event

    from kiosk.app import load_data
    from kiosk.domain.counter import Counter
    from kiosk.domain.desk import DuplicateTicket, Request, TicketDesk

    catalogue, hall = load_data()
    store = open_store(db)
    rng = random.Random(seed)
    lock = [0.0]
    trace: list[tuple[float, float, str]] = []  # this operation's statements: (start, seconds, statement)
    tracing = bool(os.environ.get("KIOSK_BENCH_TRACE"))

    def before(conn, cursor, statement, *_args) -> None:
        conn.info["bench_t0"] = time.perf_counter()

    def after(conn, cursor, statement, *_args) -> None:
        t0 = conn.info["bench_t0"]
        if statement.startswith("BEGIN") or "pg_advisory_xact_lock" in statement:
            lock[0] += time.perf_counter() - t0
        if tracing:
            trace.append((t0, time.perf_counter() - t0, " ".join(statement.split()[:4])))

    event.listen(store.engine, "before_cursor_execute", before)
    event.listen(store.engine, "after_cursor_execute", after)

    if role == "kiosk":
        desk = TicketDesk(store, catalogue, hall, _dt.datetime.now, secret=SECRET)
        comp = [i.code for i in catalogue.items if i.window == "comprehensive"]
        realty = [i.code for i in catalogue.items if i.window == "realty"]

        def op() -> str:
            roll = rng.random()
            req = (Request(category="consult") if roll < 1 / 6 else Request(item_code=rng.choice(realty))
                   if roll < 2 / 6 else Request(item_code=rng.choice(comp)))
            try:
                if rng.random() < 0.3:
                    desk.issue(req, resident_id(rng))
                else:
                    desk.issue(req)
            except DuplicateTicket:
                return "reprint"
            return "issue"

        store.hall_rows(_dt.date.today().isoformat())
        desk.person_key(resident_id(rng))  # the secret check, once, as a kiosk does before its first ID
    else:
        counter = Counter(store, hall, int(sys.argv[6]), _dt.datetime.now)
        state = ["idle"]

        def op() -> str:
            if state[0] == "idle":
                t = counter.call_next()
                if t is None:
                    return "empty"
                state[0] = "called"
                return "call"
            if state[0] == "called":
                counter.start()
                state[0] = "serving"
                return "start"
            counter.finish()
            state[0] = "idle"
            return "finish"

        store.hall_rows(_dt.date.today().isoformat())

    print("ready", flush=True)
    sys.stdin.readline()
    ops: dict[str, list[list[float]]] = {}
    slowest: list[tuple[float, str, list]] = []
    errors: list[str] = []
    t_start = time.perf_counter()
    due = t_start
    while True:
        due += rng.expovariate(rate)
        if due - t_start > seconds:
            break
        wait = due - time.perf_counter()
        if wait > 0:
            time.sleep(wait)
        lock[0] = 0.0
        trace.clear()
        c0, t0 = time.process_time(), time.perf_counter()
        try:
            name = op()
        except Exception as exc:  # reported, the run goes on
            errors.append(f"{type(exc).__name__}: {exc}"[:200])
            continue
        took = time.perf_counter() - t0
        ops.setdefault(name, []).append([t0 - t_start, took, lock[0], time.process_time() - c0])
        if tracing:
            slowest.append((took, name, [(round((a - t0) * 1000, 2), round(d * 1000, 2), s) for a, d, s in trace]))
            slowest = sorted(slowest, reverse=True)[:3]
    wall = time.perf_counter() - t_start
    store.close()
    print(json.dumps({"ops": ops, "errors": errors, "wall": wall, "slowest": slowest}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
