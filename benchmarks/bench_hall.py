"""10. ``kiosk hall`` after one change: SQL statements per hall event, the repaint of every terminal,
each terminal's refresh, and building a console — on each engine, empty hall and hall data.

One ``kiosk hall`` in this process as the CLI builds it (kiosk.app.build_hall, simulate=False,
offscreen, silent voice): the kiosk, the board and the 10 window consoles on one store and one
change bridge. Another connection (a second SqlStore in this process, its own engine) then makes
CHANGES changes one at a time, round the windows: a ticket issued at a kiosk (TicketDesk.issue), a
call (Counter.call_next), a start, a finish. For each, with the event loop running:

- statements: the SQL statements the hall's store ran for it (a ``before_cursor_execute``
  listener on its engine; SQLite's feed check ``PRAGMA data_version`` goes through its own raw
  connection and is not counted);
- work: from the hall's first statement after the commit (the feed said "changed") until the
  board and the consoles have been repainted — every QEvent.Paint the change caused delivered
  (an application event filter; the loop is then idle). Target ≤ 100 ms in all;
- latency: from the commit to the same point (SQLite adds the wait for the next 150 ms feed check).

As built, the consoles are tabs of one QTabWidget: only the current one is on screen, the other 9
update their widgets but do not paint. A second pass ("every console on screen") shows all 10 as
windows of their own, so every one of them repaints.

Then each terminal's refresh alone: ``show_rows(bridge.rows)`` (view model + widget updates) and
``show_rows`` + a synchronous ``repaint()``, REFRESHES times per terminal, alternating two of the
snapshots the bridge read during the run that this terminal shows differently (so every refresh
shows something new) — target ≤ 20 ms each; and
``HallStore.hall_rows`` (the one read per change). Console build: kiosk.app.build_console for
windows 1–10 (median), and until its first paint. Baselines: for the work — the same measurement
for a change that repaints a bare window with 12 labels (one per terminal); for a refresh — a bare
QLabel.setText + repaint; for a build — a bare QWidget with as many labels and buttons as a console.
"""

from __future__ import annotations

import datetime as _dt
import random
import time

import common
from common import Row, info_row, median, ms, p90, spread, target_row, verdict

CHANGES = 24  # per pass
REFRESHES = 20
WORK_TARGET, REFRESH_TARGET = 0.100, 0.020
IDLE_GAP = 0.03  # the loop counts as idle after this long without a paint


class PaintLog:
    """An application-wide event filter: the time of every QEvent.Paint delivered to a widget."""

    def __init__(self, app):
        from PySide6.QtCore import QEvent, QObject

        log = self

        class _Filter(QObject):
            def eventFilter(self, obj, event):  # noqa: N802
                if event.type() == QEvent.Type.Paint:
                    log.last = time.perf_counter()
                    log.count += 1
                return False

        self.last = 0.0
        self.count = 0
        self.filter = _Filter()
        app.installEventFilter(self.filter)

    def settle(self, since: float, timeout: float = 3.0) -> float:
        """Run the loop until no paint came for IDLE_GAP; returns the time of the last paint after
        ``since`` (``since`` if none came)."""
        from PySide6.QtCore import QEventLoop
        from PySide6.QtWidgets import QApplication

        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
            now = time.perf_counter()
            if now - max(self.last, since) > IDLE_GAP:
                break
        return self.last if self.last > since else since


def pump(seconds: float) -> None:
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        time.sleep(0.002)


class Changer:
    """Another terminal: its own store (engine) making one change at a time, round the windows."""

    def __init__(self, db: common.Db, catalogue, hall):
        from kiosk.domain.counter import Counter
        from kiosk.domain.desk import TicketDesk

        self.store = db.store()
        self.desk = TicketDesk(self.store, catalogue, hall, _dt.datetime.now, secret=common.SECRET)
        self.items: dict[str, list[str]] = {}
        for i in catalogue.items:
            self.items.setdefault(i.window, []).append(i.code)
        self.hall = hall
        self.counters = {w.number: Counter(self.store, hall, w.number) for w in hall.windows}
        common.free_and_open(self.store, hall, self.counters)  # every window free and open (not timed)
        self.step = 0
        self.rng = random.Random(3)

    def change(self) -> str:
        """One committed change; returns what it was."""
        from kiosk.domain.desk import Request

        i = self.step
        self.step += 1
        window = self.counters[(i // 4) % len(self.counters) + 1]
        kind = ("issue", "call", "start", "finish")[i % 4]
        if kind == "issue":  # a ticket this window will call next
            category = window.categories[0]
            items = self.items.get(category)
            self.desk.issue(Request(item_code=self.rng.choice(items)) if items else Request(category=category))
        elif kind == "call":
            if window.call_next() is None:
                kind = "call (nobody)"
        elif kind == "start":
            window.start()
        else:
            window.finish()
        return kind

    def close(self) -> None:
        self.store.close()


def measure_changes(app, parts, changer: Changer, paints: PaintLog, n: int) -> dict:
    """Per change: statements, work and latency (see the module docstring)."""
    store = parts["store"]
    first = {"t": None, "n": 0}

    def on_statement(*_args) -> None:
        if first["t"] is None:
            first["t"] = time.perf_counter()
        first["n"] += 1

    from sqlalchemy import event

    event.listen(store.engine, "before_cursor_execute", on_statement)
    out: dict = {"stmts": [], "work": [], "latency": [], "read": [], "kinds": [], "paints": []}
    rng = random.Random(9)
    try:
        paints.settle(time.perf_counter())
        for _ in range(n):
            pump(rng.uniform(0.05, 0.2))  # the next change at a random phase of SQLite's feed check
            paints.settle(time.perf_counter())
            first["t"], first["n"] = None, 0
            kind = changer.change()
            t_commit = time.perf_counter()
            c0 = paints.count
            deadline = time.perf_counter() + 3
            while first["t"] is None and time.perf_counter() < deadline:  # the feed wakes the bridge
                from PySide6.QtCore import QEventLoop
                from PySide6.QtWidgets import QApplication

                QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
            if first["t"] is None:
                raise TimeoutError("the hall did not notice a change within 3 s")
            t_first = first["t"]
            t_end = paints.settle(t_first)
            out["stmts"].append(first["n"])
            out["work"].append(t_end - t_first)
            out["latency"].append(t_end - t_commit)
            out["kinds"].append(kind)
            out["paints"].append(paints.count - c0)
            out["read"].append(parts["bridge"].rows)
    finally:
        event.remove(store.engine, "before_cursor_execute", on_statement)
    return out


def differing(view, snapshots: list) -> list:
    """Two of the hall's snapshots that this terminal shows differently (``view(rows)`` differs,
    the current ticket if possible): alternating them, every refresh really changes the screen."""
    views = [view(rows) for rows in snapshots]
    current = getattr(views[0], "current", None)
    for k, v in enumerate(views[1:], 1):
        if v != views[0] and getattr(v, "current", None) != current:
            return [snapshots[0], snapshots[k]]
    for k, v in enumerate(views[1:], 1):
        if v != views[0]:
            return [snapshots[0], snapshots[k]]
    return snapshots  # nothing differs for it: the run's order


def count_statements(store, work) -> int:
    from sqlalchemy import event

    n = [0]

    def on_statement(*_args) -> None:
        n[0] += 1

    event.listen(store.engine, "before_cursor_execute", on_statement)
    try:
        work()
    finally:
        event.remove(store.engine, "before_cursor_execute", on_statement)
    return n[0]


def refreshes(terminals: list, snapshots: list, repaint: bool) -> list[float]:
    """Median refresh time per terminal: show_rows(rows) [+ repaint()], REFRESHES times each,
    alternating two of the run's snapshots of the hall that the terminal shows differently (a real
    refresh each time, never the same rows again)."""
    from kiosk.domain.views import board_view, console_view

    out = []
    for w in terminals:
        if hasattr(w, "counter"):
            pair = differing(lambda rows, w=w: console_view(rows, w.hall, w.counter.number), snapshots)
        else:
            pair = differing(board_view, snapshots)
        times = []
        for k in range(REFRESHES + 2):
            rows = pair[k % len(pair)]
            t0 = time.perf_counter()
            w.show_rows(rows)
            if repaint:
                w.repaint()
            times.append(time.perf_counter() - t0)
        out.append(median(times[2:]))
    return out


def bare_baselines(app, paints: PaintLog) -> dict:
    """The same measurements on bare widgets: a window of 12 labels changed and repainted; one
    label setText + repaint; building a widget with a console's count of labels and buttons."""
    from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QWidget

    win = QWidget()
    grid = QGridLayout(win)
    labels = [QLabel("—") for _ in range(12)]
    for i, lab in enumerate(labels):
        grid.addWidget(lab, i // 3, i % 3)
    win.resize(1280, 800)
    win.show()
    paints.settle(time.perf_counter())
    work, one = [], []
    for i in range(CHANGES):
        t0 = time.perf_counter()
        for lab in labels:
            lab.setText(f"A{i:03d}")
        work.append(paints.settle(t0) - t0)
    for i in range(REFRESHES):
        t0 = time.perf_counter()
        labels[0].setText(f"B{i:03d}")
        labels[0].repaint()
        one.append(time.perf_counter() - t0)
    win.close()
    win.deleteLater()
    builds = []
    for _ in range(10):
        t0 = time.perf_counter()
        w = QWidget()
        g = QGridLayout(w)
        for i in range(40):
            g.addWidget(QLabel(f"label {i}"), i, 0)
            g.addWidget(QPushButton(f"button {i}"), i, 1)
        builds.append(time.perf_counter() - t0)
        w.deleteLater()
    return {"work": work, "one": one, "build": builds}


def console_builds(app, parts, catalogue, hall) -> tuple[list[float], float]:
    """kiosk.app.build_console for windows 1–10 (each built, then dropped); one more until painted."""
    from PySide6.QtWidgets import QApplication

    from kiosk.app import build_console
    from kiosk.ui.shared.i18n import Language

    store, bridge, clock = parts["store"], parts["bridge"], parts["clock"]
    builds = []
    for w in hall.windows:
        t0 = time.perf_counter()
        c = build_console(catalogue, hall, w.number, store, bridge, clock, Language())
        builds.append(time.perf_counter() - t0)
        c.deleteLater()
        QApplication.processEvents()
    watcher = common.PaintWatcher()
    t0 = time.perf_counter()
    c = build_console(catalogue, hall, 1, store, bridge, clock, Language())
    c.setStyleSheet(parts["consoles"].styleSheet())  # the hall's console look, as in its tabs
    watcher.arm(c)
    c.show()
    painted = watcher.wait() - t0
    watcher.disarm()
    c.close()
    c.deleteLater()
    QApplication.processEvents()
    return builds, painted


def measure(db: common.Db) -> dict:
    from PySide6.QtWidgets import QApplication

    from kiosk.app import build_hall, load_data, start_qt

    app = start_qt()
    catalogue, hall = load_data()
    paints = PaintLog(app)
    t0 = time.perf_counter()
    parts = build_hall(app, db.settings(), catalogue, hall, simulate=False, engine="silent")
    built = time.perf_counter() - t0
    kiosk, board, consoles = parts["kiosk"], parts["board"], parts["consoles"]
    for w in (kiosk, board, consoles):
        w.show()
    pump(0.3)
    kiosk.warm_up()  # as the kiosk does after its first paint (index, store)
    changer = Changer(db, catalogue, hall)
    res: dict = {"built": built}
    try:
        res["tabs"] = measure_changes(app, parts, changer, paints, CHANGES)
        # every console on a screen of its own
        tabs = [consoles.widget(i) for i in range(consoles.count())]
        for c in tabs:
            c.setParent(None)
            c.resize(1280, 800)
            c.show()
        pump(0.3)
        res["all"] = measure_changes(app, parts, changer, paints, CHANGES)
        snaps = res["tabs"]["read"] + res["all"]["read"]
        res["board_refresh"] = refreshes([board], snaps, False)[0]
        res["board_paint"] = refreshes([board], snaps, True)[0]
        res["console_refresh"] = refreshes(tabs, snaps, False)
        res["console_paint"] = refreshes(tabs, snaps, True)
        day = _dt.date.today().isoformat()
        res["read_stmts"] = count_statements(parts["store"], lambda: parts["store"].hall_rows(day))
        reads = []
        for _ in range(REFRESHES):
            t = time.perf_counter()
            parts["store"].hall_rows(day)
            reads.append(time.perf_counter() - t)
        res["hall_rows"] = reads
        res["builds"], res["build_painted"] = console_builds(app, parts, catalogue, hall)
        res["bare"] = bare_baselines(app, paints)
        for c in tabs:
            c.close()
    finally:
        changer.close()
        parts["bridge"].stop()
        for w in (kiosk, board, consoles):
            w.close()
        app.removeEventFilter(kiosk.idle)
        kiosk.idle.timer.stop()
        QApplication.processEvents()
        parts["store"].close()
    return res


def rows_for(db: common.Db, r: dict) -> list[Row]:
    tabs, every, bare = r["tabs"], r["all"], r["bare"]
    b_work = median(bare["work"])
    w_tabs, w_all = median(tabs["work"]), median(every["work"])
    stmts = tabs["stmts"] + every["stmts"]
    board, consoles = r["board_paint"], r["console_paint"]
    worst = max([board] + consoles)
    builds = r["builds"]
    out = [
        Row(f"10. kiosk hall (board + 10 consoles + kiosk in one process), one change by another connection: SQL "
            f"statements the hall runs — {db.label}, {len(stmts)} changes", f"{median(stmts):.0f} per change "
            f"(min {min(stmts)}, max {max(stmts)})", f"{r['read_stmts']} (one HallStore.hall_rows read alone)",
            "the new events, then one hall_rows read for every terminal (was ~44 before the rewrite)", "info")
        .tag("hall: SQL statements per change", db, f"{median(stmts):.0f}"),
        target_row(f"10. kiosk hall: change → board and every console repainted (work: first statement → last "
                   f"paint), all 10 consoles on screen — {db.label}, median of {CHANGES}", w_all,
                   f"{ms(b_work)} (12 bare labels changed and repainted)", WORK_TARGET, measured=spread(every["work"]))
        .tag("hall: change → all terminals repainted, median (p90)", db, f"{ms(w_all)} ({ms(p90(every['work']))})"),
        info_row(f"  ↳ {db.label}: the same as built (consoles in tabs: 1 on screen) / commit → repainted "
                 "(incl. the feed's wake-up) as built / all on screen; paints per change",
                 f"{spread(tabs['work'])} / {spread(tabs['latency'])} / {spread(every['latency'])}; "
                 f"{median(every['paints']):.0f} paints", ms(b_work), f"work median {w_tabs / b_work:.0f}× / "
                 f"{w_all / b_work:.0f}× the bare labels"),
        Row(f"10. terminal refresh show_rows + repaint(), slowest terminal (board or one of 10 consoles) — {db.label}, "
            f"median of {REFRESHES} each", f"{ms(worst)} (board {ms(board)}, consoles {ms(min(consoles))}–"
            f"{ms(max(consoles))})", f"{ms(median(bare['one']))} (bare QLabel setText + repaint)",
            f"target ≤ {REFRESH_TARGET * 1000:.0f} ms each", verdict(worst <= REFRESH_TARGET))
        .tag("hall: slowest terminal refresh + repaint", db, ms(worst)),
        info_row(f"  ↳ {db.label}: show_rows alone: board / consoles (median, max); HallStore.hall_rows read",
                 f"{ms(r['board_refresh'])} / {ms(median(r['console_refresh']))}, {ms(max(r['console_refresh']))}; "
                 f"{spread(r['hall_rows'])}", "—", f"kiosk hall built in {ms(r['built'])}"),
        Row(f"10. console build (kiosk.app.build_console, windows 1–10) — {db.label}, median of {len(builds)}",
            f"{ms(median(builds))} (max {ms(max(builds))}; until first paint {ms(r['build_painted'])})",
            f"{ms(median(bare['build']))} (bare QWidget, 40 labels + 40 buttons)", "no design number (was 186 ms)",
            "info").tag("console build (build_console), median", db, ms(median(builds))),
    ]
    return out


def run() -> list[Row]:
    import subprocess
    import sys

    rows: list[Row] = []
    for engine, data in common.combos():
        # each hall in a process of its own: one QApplication, one hall, like `kiosk hall`
        db = common.fresh_db(engine, data, "hall")
        proc = subprocess.run([common.PYTHON, __file__, "--one", engine, data, str(db.data_dir), db.url or ""],
                              capture_output=True, text=True, cwd=common.ROOT,
                              env=dict(__import__("os").environ, QT_QPA_PLATFORM="offscreen",
                                       PYTHONPATH=str(common.ROOT)))
        got = [line[6:] for line in proc.stdout.splitlines() if line.startswith("@@ROW ")]
        if proc.returncode != 0 or not got:
            print(proc.stderr[-4000:], file=sys.stderr)
            rows.append(Row(f"10. kiosk hall — {db.label} crashed", "—", "—", (proc.stderr.strip().splitlines()
                                                                                  or ["no output"])[-1][:160], "ERROR"))
            continue
        import json

        rows += [Row(**json.loads(line)) for line in got]
    return rows + common.skipped_rows("10.")


def one(engine: str, data: str, data_dir: str, url: str) -> None:
    import json
    from pathlib import Path

    db = common.Db(engine, data, Path(data_dir), url or None)
    for row in rows_for(db, measure(db)):
        print("@@ROW " + json.dumps(row.as_dict(), ensure_ascii=False), flush=True)


if __name__ == "__main__":
    import sys

    if sys.argv[1:2] == ["--one"]:
        one(*sys.argv[2:6])
    else:
        common.run_standalone(run)
