"""Subprocess body for bench_rating (spawned by it; not a benchmark module itself).

    python benchmarks/_rating_child.py DATA_DIR [URL]

Window 1's rating pad as ``kiosk pad 1`` runs it (kiosk.app.run_pad: start_qt, _services — which
starts the change bridge —, build_pad with the promises, show) on SQLite in DATA_DIR or on
PostgreSQL at URL, plus a statistics reader in the same process: whenever the bridge says a rating
was written (``records_changed`` with RATING), it computes today's period_stats from its own store.
It prints, each with ``time.monotonic()`` (system-wide on Linux, so the parent can subtract):

``ready T``               the pad's first frame is painted
``issued NUMBER T``       the bridge's ``ticket_issued`` (how soon this process hears of a new ticket)
``done NUMBER T``         the bridge's ``ticket_done`` for window 1 (connected after the pad's own slot)
``shown NUMBER T``        the pad's service card shows NUMBER (checked in that slot: the pad has run)
``painted NUMBER T``      that card's number label next receives a real QEvent.Paint
``counted RATED T``       today's statistics, computed after a rating was written, count RATED ratings

It exits on ``quit`` or EOF on stdin.
"""

from __future__ import annotations

import datetime as _dt
import os
import sys
import time


def out(*parts) -> None:
    print(*parts, flush=True)


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from pathlib import Path

    from PySide6.QtCore import QEvent, QObject, QSocketNotifier, QTimer

    from kiosk.app import Settings, _services, build_pad, load_data, make_promises, staff_desk, staff_language, start_qt
    from kiosk.domain.ports import RecordKind
    from kiosk.domain.stats import period_stats

    catalogue, hall = load_data()
    app = start_qt()
    url = sys.argv[2] if len(sys.argv) > 2 else None
    settings = Settings(data_dir=Path(sys.argv[1]), db=url, voice_engine="none")
    store, bridge, clock = _services(app, settings)
    promises = make_promises(store, staff_desk(settings, catalogue, hall, store, clock))
    pad = build_pad(settings, catalogue, hall, 1, promises, bridge, staff_language(settings, hall))
    state: dict = {"paint": None}

    def failed() -> None:
        import traceback
        traceback.print_exc()
        sys.stderr.flush()
        os._exit(2)

    def on_issued(ticket, _window) -> None:
        out("issued", ticket.number, repr(time.monotonic()))

    def on_done(ticket, window) -> None:
        t = time.monotonic()
        try:
            if window != 1:
                return
            out("done", ticket.number, repr(t))
            if pad.rate_page.card.number.text() == ticket.number and pad.page is pad.rate_page:
                state["paint"] = ticket.number
                out("shown", ticket.number, repr(time.monotonic()))
        except BaseException:
            failed()

    def on_records(kinds) -> None:
        try:
            if RecordKind.RATING in kinds:
                today = _dt.date.today().isoformat()
                rated = period_stats(store, today, today, hall).overall.rated
                out("counted", rated, repr(time.monotonic()))
        except BaseException:
            failed()

    class NumberPaint(QObject):
        def eventFilter(self, obj, event):  # noqa: N802
            if event.type() == QEvent.Type.Paint and state["paint"]:
                number, state["paint"] = state["paint"], None
                out("painted", number, repr(time.monotonic()))
            return False

    def on_stdin() -> None:
        line = sys.stdin.readline()
        if not line or line.strip() == "quit":
            sys.stdout.flush()
            os._exit(0)

    notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
    notifier.activated.connect(on_stdin)

    def first_frame_done() -> None:
        pad.removeEventFilter(first)
        bridge.ticket_issued.connect(on_issued)
        bridge.ticket_done.connect(on_done)  # after the pad's own slot (connected when it was built)
        bridge.records_changed.connect(on_records)
        pad.rate_page.card.number.installEventFilter(paint)
        out("ready", repr(time.monotonic()))

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):  # noqa: N802
            if event.type() == QEvent.Type.Paint and not state.get("painted"):
                state["painted"] = True
                QTimer.singleShot(0, first_frame_done)
            return False

    paint, first = NumberPaint(), FirstPaint()
    pad.installEventFilter(first)
    pad.show()
    QTimer.singleShot(240_000, lambda: os._exit(3))  # never outlive a stuck parent
    app.exec()


if __name__ == "__main__":
    main()
