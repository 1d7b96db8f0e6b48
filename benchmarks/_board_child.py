"""Subprocess body for bench_board (spawned by it; not a benchmark module itself).

    python benchmarks/_board_child.py board DATA_DIR [URL]        # the call board, watching for calls
    python benchmarks/_board_child.py board-idle DATA_DIR [URL]   # the call board, idle CPU
    python benchmarks/_board_child.py bare-idle                   # a bare PySide6 window + label, idle CPU

``board`` follows kiosk.app.run_board (start_qt, _services — which starts the bridge —, build_board
with a silent Announcer, show) on SQLite in DATA_DIR or on PostgreSQL at URL, and prints ``ready
<monotonic>`` once the first frame is painted, then ``feed FD TIMER``: the change feed's socket
(``None`` for SQLite, which is asked on a timer) and whether the bridge's poll timer runs. Then,
whenever the board's NOW CALLING number label changes to a new text, it prints
``shown NUMBER <time.monotonic()>`` (checked in a slot on ``bridge.ticket_called`` connected after
the board's own slot, so the board's refresh has run; plus a 0 ms timer after it and a check on
``changed``, in case the text changes later), and ``painted NUMBER <monotonic>`` when that label
next receives a real QEvent.Paint. It exits on ``quit`` or EOF on stdin.

``*-idle`` prints ``ready``, waits SETTLE_S, then measures its own CPU time (getrusage
RUSAGE_SELF, user + sys) over IDLE_S of doing nothing and prints ``cpu SECONDS WALL_SECONDS
CHECKS STATEMENTS``: how often the bridge asked its feed whether anything changed, and how many SQL
statements the board's store ran, in that time.
"""

from __future__ import annotations

import os
import resource
import sys
import time

SETTLE_S = float(os.environ.get("KIOSK_BENCH_IDLE_SETTLE", "2"))
IDLE_S = float(os.environ.get("KIOSK_BENCH_IDLE_SECONDS", "10"))


def cpu_seconds() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def out(*parts) -> None:
    print(*parts, flush=True)


def main() -> None:
    mode = sys.argv[1]
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QEvent, QObject, QSocketNotifier, QTimer

    counts = {"checks": 0, "stmts": 0}
    if mode in ("board", "board-idle"):
        from pathlib import Path

        from sqlalchemy import event

        from kiosk.app import Settings, _services, build_board, normal_look, staff_language, start_qt
        from kiosk.domain.hall import load_hall

        hall = load_hall()
        app = start_qt()
        url = sys.argv[3] if len(sys.argv) > 3 else None
        settings = Settings(data_dir=Path(sys.argv[2]), db=url)
        store, bridge, clock = _services(app, settings)
        window = build_board(hall, bridge, clock, staff_language(settings, hall), engine="silent")
        normal_look(settings).attach(window)

        def count_statement(*_args) -> None:
            counts["stmts"] += 1

        event.listen(store.engine, "before_cursor_execute", count_statement)
        feed = bridge._feed
        if feed is not None:  # count the bridge's questions to its feed (read-only wrapper)
            asked = feed.pending

            def pending() -> bool:
                counts["checks"] += 1
                return asked()

            feed.pending = pending
    else:
        from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

        app = QApplication(sys.argv[:1])
        window = QWidget()
        QVBoxLayout(window).addWidget(QLabel("一窗通办 hello"))
        window.resize(1920, 1080)  # the board's reference geometry
        bridge = None

    # stdin: "quit" or EOF ends the process (a notifier: no polling)
    def on_stdin() -> None:
        line = sys.stdin.readline()
        if not line or line.strip() == "quit":
            sys.stdout.flush()
            os._exit(0)

    notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
    notifier.activated.connect(on_stdin)

    state: dict = {"text": None, "paint_pending": None}

    def failed() -> None:
        import traceback
        traceback.print_exc()
        sys.stderr.flush()
        os._exit(2)

    # --- the latency watch ----------------------------------------------------------------------
    def check_label(*_args) -> None:
        try:
            text = window.now_number.text()
            if text and text != state["text"]:
                t = time.monotonic()
                state["text"] = text
                state["paint_pending"] = text
                out("shown", text, repr(t))
        except BaseException:
            failed()

    def after_called(*_args) -> None:
        check_label()
        QTimer.singleShot(0, check_label)

    class LabelPaint(QObject):
        def eventFilter(self, obj, event):  # noqa: N802
            if event.type() == QEvent.Type.Paint and state["paint_pending"]:
                text, state["paint_pending"] = state["paint_pending"], None
                out("painted", text, repr(time.monotonic()))
            return False

    # --- idle CPU -------------------------------------------------------------------------------
    def idle_begin() -> None:
        state["cpu0"], state["wall0"] = cpu_seconds(), time.monotonic()
        state["counts0"] = dict(counts)
        QTimer.singleShot(round(IDLE_S * 1000), idle_end)

    def idle_end() -> None:
        cpu, wall = cpu_seconds() - state["cpu0"], time.monotonic() - state["wall0"]
        c0 = state["counts0"]
        out("cpu", repr(cpu), repr(wall), counts["checks"] - c0["checks"], counts["stmts"] - c0["stmts"])
        os._exit(0)

    def first_frame_done() -> None:
        try:
            window.removeEventFilter(first)  # no Python filter on the window's events from now on
            if mode == "board":
                state["text"] = window.now_number.text()
                bridge.ticket_called.connect(after_called)  # after BoardWindow._on_called
                bridge.changed.connect(check_label)
                window.now_number.installEventFilter(paint_filter)
            out("ready", repr(time.monotonic()))
            if bridge is not None:
                fd = bridge._feed.fileno() if bridge._feed is not None else None
                out("feed", fd, bridge.timer.isActive())
            if mode.endswith("-idle"):
                QTimer.singleShot(round(SETTLE_S * 1000), idle_begin)
        except BaseException:
            failed()

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):  # noqa: N802
            if event.type() == QEvent.Type.Paint and not state.get("painted"):
                state["painted"] = True
                QTimer.singleShot(0, first_frame_done)
            return False

    paint_filter = LabelPaint()
    first = FirstPaint()
    window.installEventFilter(first)
    window.show()
    QTimer.singleShot(180_000, lambda: os._exit(3))  # never outlive a stuck parent
    app.exec()


if __name__ == "__main__":
    main()
