"""A separate process for the multi-process tests (not a test module itself).

    python tests/hall_worker.py issue DATA_DIR COUNT CATEGORY PREFIX
    python tests/hall_worker.py console DATA_DIR WINDOW STOP_FILE
    python tests/hall_worker.py burst DATA_DIR            (issues until killed, prints each number)
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kiosk.domain.counter import Counter  # noqa: E402
from kiosk.domain.hall import load_hall  # noqa: E402
from kiosk.store.db import QueueError, Store  # noqa: E402

DAY = "2026-11-27"


def clock() -> dt.datetime:
    return dt.datetime(2026, 11, 27, 10, 0) + dt.timedelta(seconds=time.monotonic() % 3600)


def main() -> int:
    mode, data_dir = sys.argv[1], Path(sys.argv[2])
    store = Store.open(data_dir)
    if mode == "issue":
        count, category, prefix = int(sys.argv[3]), sys.argv[4], sys.argv[5]
        for _ in range(count):
            store.issue_ticket(day=DAY, category=category, prefix=prefix, subject="multi-process")
    elif mode == "burst":
        while True:
            t = store.issue_ticket(day=DAY, category="comprehensive", prefix="A", subject="burst")
            print(t.number, flush=True)
    elif mode == "console":
        window, stop = int(sys.argv[3]), Path(sys.argv[4])
        counter = Counter(store, load_hall(), window, clock)
        served = 0
        while True:
            try:
                t = counter.call_next()
            except QueueError:
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
