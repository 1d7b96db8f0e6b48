"""8. The call board in its own process: how soon it shows another process's call, and its idle CPU,
on each engine (SQLite: the bridge asks ``PRAGMA data_version`` every 150 ms; PostgreSQL:
LISTEN/NOTIFY wakes a socket notifier, nothing polls), on an empty hall and on the hall data.

(a) A child process (``_board_child.py board``, offscreen) runs a real BoardWindow as ``kiosk
board`` does (start_qt, _services, build_board with a silent Announcer, ChangeBridge started).
This process issues a ticket and calls the next one at window 1 with a Counter on its own store,
noting time.monotonic() right after the call's commit; the child prints the monotonic time at
which the board's NOW CALLING number label has the new number (CLOCK_MONOTONIC is system-wide on
Linux, so the difference is the latency), and when that label was next painted. N calls, ~0.4 s
apart with random jitter (so on SQLite the calls fall at every phase of the 150 ms check); after
each, start + finish free the window. Targets (commit → label painted): ≤ 1 s max, typically ≤
300 ms — the verdict is median ≤ 300 ms and max ≤ 1 s. The child also says whether its bridge runs a poll timer (it must
not on PostgreSQL). Baseline: SQLite — the bridge's poll interval (a call lands on average half an
interval before the next check); PostgreSQL — a bare NOTIFY at commit → a LISTENing psycopg
connection's socket readable, in this process.

(b) Idle CPU: boards (one per engine and data set, shown, bridge running) and a bare PySide6
window with a label idle at the same time, each in its own child: after a SETTLE_S settle each
measures its own CPU time (getrusage user + sys) over IDLE_S; % of one core, target < 2 %. The
boards also count their bridge's feed checks and SQL statements in that time (PostgreSQL: none).
"""

from __future__ import annotations

import os
import queue
import random
import select
import subprocess
import threading
import time

import common
from common import Row, info_row, median, ms, p90, verdict

N, WARMUP = 20, 2
SPACING = (0.35, 0.45)  # seconds between calls, uniform
TARGET_MEDIAN, TARGET_MAX = 0.300, 1.0
CPU_TARGET = 2.0  # % of one core
CHILD = common.BENCH_DIR / "_board_child.py"


class Child:
    """A _board_child.py process; its stdout lines are read by a thread into a queue."""

    def __init__(self, mode: str, db: common.Db | None = None):
        args = [common.PYTHON, str(CHILD), mode]
        if db is not None:
            args += [str(db.data_dir)] + ([db.url] if db.url else [])
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(common.ROOT))
        env.pop("QT_SCALE_FACTOR", None)
        self.err = open(common.fresh_dir("board-child-err") / "stderr.txt", "w+")
        self.proc = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.err,
                                     text=True, env=env, cwd=common.ROOT)
        self.lines: queue.Queue = queue.Queue()
        self.seen: dict[tuple[str, str], float] = {}
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for raw in self.proc.stdout:
            self.lines.put(raw.split())
        self.lines.put(None)

    def expect(self, kind: str, key: str | None = None, timeout: float = 5.0) -> list[str]:
        """The next line ``kind [key] ...`` (other lines are kept in ``seen``)."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            try:
                parts = self.lines.get(timeout=max(0.0, left))
            except queue.Empty:
                raise TimeoutError(f"no '{kind} {key or ''}' from the board child within {timeout} s") from None
            if parts is None:
                raise RuntimeError(f"board child ended (rc={self.proc.wait()}):\n{self.stderr()[-3000:]}")
            if len(parts) == 3 and parts[0] in ("shown", "painted"):
                self.seen[(parts[0], parts[1])] = float(parts[2])
            if parts and parts[0] == kind and (key is None or parts[1:2] == [key]):
                return parts

    def stderr(self) -> str:
        self.err.seek(0)
        return self.err.read()

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


def call_latency(db: common.Db) -> tuple[list[float], list[float], str]:
    """(commit → label shows the number, commit → that label painted) for N calls; the feed line."""
    import datetime as _dt

    from kiosk.domain.counter import Counter
    from kiosk.domain.hall import load_hall
    from kiosk.domain.lifecycle import NewTicket

    store = db.store()  # the schema exists before the board opens it
    counter = Counter(store, load_hall(), 1)  # real wall clock, as the board's
    common.free_and_open(store, counter.hall, [counter.number])  # not timed
    board = Child("board", db)
    shown, painted = [], []
    rng = random.Random(7)
    try:
        board.expect("ready", timeout=90)
        feed = " ".join(board.expect("feed", timeout=5)[1:])
        time.sleep(0.5)
        for i in range(WARMUP + N):
            t_round = time.monotonic()
            store.issue(NewTicket(day=_dt.date.today().isoformat(), category="comprehensive", prefix="A",
                                  subject="叫号屏基准", request_key="category:comprehensive", now=time.time()))
            ticket = counter.call_next()
            t_commit = time.monotonic()
            assert ticket is not None
            parts = board.expect("shown", ticket.number, timeout=5)
            if i >= WARMUP:
                shown.append(float(parts[2]) - t_commit)
                got = board.seen.get(("painted", ticket.number))
                if got is None:
                    got = float(board.expect("painted", ticket.number, timeout=2)[2])
                painted.append(got - t_commit)
            counter.start()
            counter.finish()
            time.sleep(max(0.0, t_round + rng.uniform(*SPACING) - time.monotonic()))
    finally:
        board.close()
        store.close()
    return shown, painted, feed


def notify_latency(n: int = 50) -> list[float]:
    """A bare NOTIFY (autocommit) → a LISTENing psycopg connection's socket readable and the
    notification read, on the run's server."""
    server = common.pg()
    name = f"notify_{os.getpid()}"
    server.create(name)
    common._created.append(name)
    out = []
    with server.connect(name) as listener, server.connect(name) as talker:
        listener.execute("LISTEN bench")
        pg = listener.pgconn
        for _ in range(n + 5):
            t0 = time.perf_counter()
            talker.execute("NOTIFY bench")
            select.select([listener.fileno()], [], [], 2.0)
            pg.consume_input()
            while pg.notifies() is None:
                select.select([listener.fileno()], [], [], 2.0)
                pg.consume_input()
            out.append(time.perf_counter() - t0)
            time.sleep(0.01)
    return out[5:]


def idle_cpu(dbs: list[common.Db]) -> tuple[list[tuple[float, int, int]], float]:
    """([(board %, feed checks, SQL statements)] per db, bare window %) of one core, measured at the
    same time in separate children."""
    boards = [Child("board-idle", db) for db in dbs]
    bare = Child("bare-idle")
    try:
        res = []
        for child in boards:
            parts = child.expect("cpu", timeout=120)
            res.append((100 * float(parts[1]) / float(parts[2]), int(parts[3]), int(parts[4])))
        parts = bare.expect("cpu", timeout=120)
        return res, 100 * float(parts[1]) / float(parts[2])
    finally:
        for child in boards + [bare]:
            child.close()


def pct(v: float, seconds: float) -> str:
    return f"{v:.2f} % of one core ({v * seconds * 10:.0f} ms CPU in {seconds:g} s)"


def run() -> list[Row]:
    from _board_child import IDLE_S, SETTLE_S

    from kiosk.ui.shared.bridge import POLL_MS

    rows: list[Row] = []
    bare_notify = notify_latency() if "postgresql" in common.engines() else []
    for engine, data in common.combos():
        db = common.fresh_db(engine, data, "board")
        shown, painted, feed = call_latency(db)
        med, worst = median(painted), max(painted)
        fd, timer = feed.split()
        if engine == "sqlite":
            base = f"{POLL_MS} ms (bridge poll interval)"
            how = f"feed polled: timer {'running' if timer == 'True' else 'STOPPED'}"
        else:
            base = f"{ms(median(bare_notify))} (bare NOTIFY → LISTEN socket, p90 {ms(p90(bare_notify))})"
            how = (f"LISTEN/NOTIFY on fd {fd}, {'✓ no poll timer' if timer == 'False' else '✗ a POLL TIMER RUNS'}")
        ok = med <= TARGET_MEDIAN and worst <= TARGET_MAX and (engine == "sqlite" or timer == "False")
        rows += [
            Row(f"8a. board (other process) shows a new call: commit → NOW CALLING label painted — {db.label}, "
                f"median of {N}", f"{ms(med)} (p90 {ms(p90(painted))}, max {ms(worst)})", base,
                f"target median ≤ {TARGET_MEDIAN * 1000:.0f} ms, max ≤ {TARGET_MAX:g} s; {how}", verdict(ok))
            .tag("board latency: commit → label painted, median (max)", db, f"{ms(med)} ({ms(worst)})"),
            info_row(f"  ↳ {db.label}: commit → the label has the number (before its paint), median / max / min",
                     f"{ms(median(shown))} / {ms(max(shown))} / {ms(min(shown))}", base,
                     f"median {med * 1000 / POLL_MS:.2f}× the poll interval" if engine == "sqlite" else
                     f"median {med / median(bare_notify):.0f}× the bare NOTIFY"),
        ]
    dbs = [common.fresh_db(engine, data, "idle") for engine, data in common.combos()]
    res, bare_cpu = idle_cpu(dbs)
    for db, (cpu, checks, stmts) in zip(dbs, res):
        polls = (f"{checks} feed checks (every {POLL_MS} ms), {stmts} SQL statements" if db.engine == "sqlite" else
                 f"{checks} feed checks, {stmts} SQL statements: does not poll")
        rows.append(Row(f"8b. board idle CPU (shown, bridge running; {IDLE_S:g} s after {SETTLE_S:g} s settle) — "
                        f"{db.label}", pct(cpu, IDLE_S), f"{bare_cpu:.2f} % (bare PySide6 window + label)",
                        f"target < {CPU_TARGET:g} %; {polls} in {IDLE_S:g} s",
                        verdict(cpu < CPU_TARGET and (db.engine == "sqlite" or checks == 0)))
                    .tag("board idle CPU, % of a core", db, f"{cpu:.2f} %"))
    return rows + common.skipped_rows("8.")


if __name__ == "__main__":
    common.run_standalone(run)
