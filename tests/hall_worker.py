"""Separate processes for the multi-process tests (not a test module itself).

``DB`` below is a data directory (SQLite) or a postgresql+psycopg:// URL.

    python tests/hall_worker.py issue DB COUNT CATEGORY           issue COUNT tickets, print nothing
    python tests/hall_worker.py console DB WINDOW STOP_FILE       call, start, finish until STOP_FILE; print served
    python tests/hall_worker.py burst DB                          issue until killed, print each number
    python tests/hall_worker.py paced DB COUNT RATE               issue COUNT tickets at RATE per second

``race(...)`` is run through multiprocessing: every process issues one ticket per round for the
same person and request, the rounds lined up by a barrier.
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from kiosk.domain.catalogue import load_catalogue
from kiosk.domain.counter import Counter
from kiosk.domain.desk import DuplicateTicket, Request, TicketDesk
from kiosk.domain.hall import load_hall
from kiosk.domain.ids import id_check_char
from kiosk.domain.lifecycle import HallError
from kiosk.domain.ports import StoreError
from kiosk.store.db import SqlStore

DAY = "2026-11-27"
SECRET = bytes(range(32))  # the tests' hall secret (conftest.SECRET)


def clock() -> dt.datetime:
    return dt.datetime(2026, 11, 27, 10, 0) + dt.timedelta(seconds=time.monotonic() % 3600)


def open_store(db: str) -> SqlStore:
    return SqlStore(db) if db.startswith("postgresql") else SqlStore.open(Path(db))


def person(n: int) -> str:
    """A valid, made-up resident ID number for person ``n``."""
    first17 = f"32058319800101{n:03d}"[:17]
    return first17 + id_check_char(first17)


def race(db: str, rounds: int, barrier, out) -> None:
    store = open_store(db)
    desk = TicketDesk(store, load_catalogue(), load_hall(), clock, secret=SECRET)
    results = []
    for r in range(rounds):
        barrier.wait()
        try:
            results.append(("new", desk.issue(Request(item_code="QYKB-001"), person(r)).ticket.number))
        except DuplicateTicket as dup:
            results.append(("held", dup.ticket.number))
    out.put(results)
    store.close()


def main() -> int:
    mode, db = sys.argv[1], sys.argv[2]
    store = open_store(db)
    hall = load_hall()
    if mode == "issue":
        count, category = int(sys.argv[3]), sys.argv[4]
        desk = TicketDesk(store, load_catalogue(), hall, clock, secret=SECRET)
        for _ in range(count):
            desk.issue(Request(category=category))
    elif mode == "burst":
        desk = TicketDesk(store, load_catalogue(), hall, clock, secret=SECRET)
        while True:
            try:
                t = desk.issue(Request(category="comprehensive")).ticket
            except StoreError:  # the server is away: a kiosk says so and tries again
                time.sleep(0.1)
                continue
            print(t.number, flush=True)
    elif mode == "console":
        window, stop = int(sys.argv[3]), Path(sys.argv[4])
        counter = Counter(store, hall, window, clock)
        served = 0
        while True:
            try:
                t = counter.call_next()
            except HallError:
                t = None
            if t is None:
                if stop.exists():
                    break
                time.sleep(0.005)
                continue
            counter.start()
            counter.finish()
            served += 1
        print(served, flush=True)
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())


def open_at_once(data_dir: str, start, out) -> None:
    """Open a store on a data directory that does not exist yet, when ``start`` is set."""
    start.wait()
    try:
        SqlStore.open(Path(data_dir)).close()
        out.put("ok")
    except StoreError as exc:
        out.put(str(exc))
