"""14. 好差评 across processes, on each engine, on an empty hall and on the hall data.

A child process (``_rating_child.py``, offscreen) runs window 1's rating pad as ``kiosk pad 1``
does, and in the same process reads today's statistics whenever its change bridge says a rating was
written. This process, with a store of its own, plays the window and the citizen, N times ~0.4 s
apart with random jitter (so on SQLite the writes fall at every phase of the bridge's 150 ms check):
a ticket is issued (commit → the child's bridge hears of it: the same-run baseline for the rating
row), called and started at window 1, then finished (commit) — the child's pad shows the service
and the row times **commit → the pad's number painted** (target ≤ 300 ms: "pad ready after done");
then the service is rated through the promises (commit) — the row times **commit → the child's
period_stats for today counts it** (the feed, reading the records, the statistics' GROUP BYs;
target ≤ 1 s, typically ≤ 300 ms, as for another process seeing a ticket). The feed's own share —
commit → the child's bridge emits ``ticket_done`` — is the pad row's baseline.
"""

from __future__ import annotations

import os
import queue
import random
import subprocess
import threading
import time

import common
from common import Row, info_row, median, ms, p90, verdict

N, WARMUP = 20, 2
SPACING = (0.35, 0.45)  # seconds between rounds, uniform
PAD_TARGET = 0.300
COUNT_MEDIAN, COUNT_MAX = 0.300, 1.0
CHILD = common.BENCH_DIR / "_rating_child.py"


class Child:
    """A _rating_child.py process; its stdout lines are read by a thread into a queue."""

    def __init__(self, db: common.Db):
        args = [common.PYTHON, str(CHILD), str(db.data_dir)] + ([db.url] if db.url else [])
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(common.ROOT))
        env.pop("QT_SCALE_FACTOR", None)
        self.err = open(common.fresh_dir("rating-child-err") / "stderr.txt", "w+")
        self.proc = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.err,
                                     text=True, env=env, cwd=common.ROOT)
        self.lines: queue.Queue = queue.Queue()
        self.seen: dict[tuple[str, str], float] = {}
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for raw in self.proc.stdout:
            self.lines.put(raw.split())
        self.lines.put(None)

    def expect(self, kind: str, key: str | None = None, timeout: float = 5.0) -> float:
        """The time of the line ``kind key T`` (earlier lines are kept in ``seen``)."""
        if (kind, key) in self.seen:
            return self.seen.pop((kind, key))
        deadline = time.monotonic() + timeout
        while True:
            try:
                parts = self.lines.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                raise TimeoutError(f"no '{kind} {key or ''}' from the pad child within {timeout} s") from None
            if parts is None:
                self.err.seek(0)
                raise RuntimeError(f"pad child ended (rc={self.proc.wait()}):\n{self.err.read()[-3000:]}")
            if parts[0] == kind and (key is None or parts[1] == key):
                return float(parts[-1])
            if len(parts) >= 2:
                self.seen[(parts[0], parts[1] if len(parts) == 3 else "")] = float(parts[-1])

    def close(self) -> None:
        try:
            if self.proc.poll() is None:
                self.proc.stdin.write("quit\n")
                self.proc.stdin.flush()
            self.proc.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            self.proc.kill()
            self.proc.wait()
        self.err.close()


def rounds(db: common.Db) -> dict[str, list[float]]:
    """commit → each event in the child, N rounds: issued, done (bridge), shown, painted, counted."""
    import datetime as _dt

    from kiosk.app import load_data, make_promises, staff_desk
    from kiosk.domain.counter import Counter
    from kiosk.domain.feedback import Level, Source
    from kiosk.domain.lifecycle import NewTicket

    catalogue, hall = load_data()
    store = db.store()  # the schema exists before the child opens it
    counter = Counter(store, hall, 1)  # the real wall clock, as the child's
    promises = make_promises(store, staff_desk(db.settings(), catalogue, hall, store, _dt.datetime.now))
    common.free_and_open(store, hall, [1])  # not timed
    today = _dt.date.today().isoformat()
    rated0 = sum(n for *_k, n in store.rating_groups(today, today))
    child = Child(db)
    got: dict[str, list[float]] = {k: [] for k in ("issued", "done", "shown", "painted", "counted")}
    rng = random.Random(14)
    try:
        child.expect("ready", timeout=120)
        time.sleep(0.5)
        for i in range(WARMUP + N):
            t_round = time.monotonic()
            ticket = store.issue(NewTicket(day=today, category="consult", prefix="Z", subject="好差评基准",
                                           request_key="category:consult", now=time.time()))
            t_issue = time.monotonic()
            issued = child.expect("issued", ticket.number)
            time.sleep(rng.uniform(0.0, 0.15))
            called = counter.call_next()
            counter.start()
            time.sleep(rng.uniform(0.0, 0.15))
            counter.finish()
            t_done = time.monotonic()
            done = child.expect("done", called.number)
            shown = child.expect("shown", called.number)
            painted = child.expect("painted", called.number, timeout=3)
            time.sleep(rng.uniform(0.05, 0.2))
            promises.rate(store.ticket(called.id), Level.SATISFIED, source=Source.PAD)
            t_rate = time.monotonic()
            counted = child.expect("counted", str(rated0 + i + 1))
            if i >= WARMUP:
                got["issued"].append(issued - t_issue)
                got["done"].append(done - t_done)
                got["shown"].append(shown - t_done)
                got["painted"].append(painted - t_done)
                got["counted"].append(counted - t_rate)
            time.sleep(max(0.0, t_round + rng.uniform(*SPACING) - time.monotonic()))
    finally:
        child.close()
        store.close()
    return got


def spread(values: list[float]) -> str:
    return f"{ms(median(values))} (p90 {ms(p90(values))}, max {ms(max(values))})"


def run() -> list[Row]:
    rows: list[Row] = []
    for engine, data in common.combos():
        db = common.fresh_db(engine, data, "rating")
        got = rounds(db)
        painted, counted = got["painted"], got["counted"]
        rows += [
            Row(f"14a. rating pad (other process) ready after done: window 1's finish committed → the pad's service "
                f"number painted — {db.label}, median of {N}", spread(painted),
                f"{ms(median(got['done']))} (commit → the child's bridge emits ticket_done, p90 "
                f"{ms(p90(got['done']))})", f"target ≤ {PAD_TARGET * 1000:.0f} ms (max {ms(max(painted))})",
                verdict(max(painted) <= PAD_TARGET))
            .tag("pad ready after done: commit → painted, median (max)", db, f"{ms(median(painted))} "
                 f"({ms(max(painted))})"),
            Row(f"14b. rating submitted → counted in another process's stats (commit → its bridge hears of the "
                f"rating → period_stats for today counts it) — {db.label}, median of {N}", spread(counted),
                f"{ms(median(got['issued']))} (a ticket issued → the same child's bridge hears of it, p90 "
                f"{ms(p90(got['issued']))})",
                f"target median ≤ {COUNT_MEDIAN * 1000:.0f} ms, max ≤ {COUNT_MAX:g} s",
                verdict(median(counted) <= COUNT_MEDIAN and max(counted) <= COUNT_MAX))
            .tag("rating → counted in another process, median (max)", db, f"{ms(median(counted))} "
                 f"({ms(max(counted))})"),
            info_row(f"  ↳ {db.label}: commit → the pad shows the service (before its paint), median / max",
                     f"{ms(median(got['shown']))} / {ms(max(got['shown']))}", "—",
                     f"pad's own share (shown − bridge signal) median "
                     f"{ms(median(s - d for s, d in zip(got['shown'], got['done'])))}"),
        ]
    return rows + common.skipped_rows("14.")


if __name__ == "__main__":
    common.run_standalone(run)
