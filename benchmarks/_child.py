"""Subprocess body for the start-up, memory and warm-up benchmarks (spawned by common.run_child).

    python benchmarks/_child.py bare|kiosk [--data-dir DIR] [--fill-cache] [--flow] [--stall]
                                          [--items N] [--stall-seconds S]

Prints ``painted <time.monotonic()>`` as soon as the first frame of the window has been painted
(first QEvent.Paint on the top-level widget, then a 0 ms timer so the rest of that frame — every
child widget and the flush — is done too), then ``cpu_s`` (the process's CPU time until then, from
its very start: interpreter, imports and all), then optional ``key value`` lines, then exits hard.

``kiosk`` follows kiosk.app.run_kiosk: load_data (with the data dir's catalogue cache),
QApplication, build_kiosk_window, show. The window prepares the rest by itself once home is
painted (KioskWindow's warm-up: the other screens, the search index, the store).

``--fill-cache``  wait until that warm-up is over (caches written, database created), print ``warm_s``
``--flow``        wait for the warm-up, then home → browse → search → item → identity → slip → home
                  by taps; prints VmRSS after home was painted, after the flow, and the peak
``--stall``       from the first paint until the warm-up is over (then 0.1 s more) a QTimer ticks
                  every 5 ms; prints the longest gap between two ticks (``stall_s``), the three
                  longest, the tick count and how long the warm-up took (``warm_s``). ``bare``: the
                  same ticker on the bare window for ``--stall-seconds`` (the machine's own jitter)
``--items N``     the kiosk on a catalogue of N items (the real ones + synthetic ones, as
                  bench_search builds them), made before QApplication (not timed)
"""

from __future__ import annotations

import os
import sys
import time

TICK_MS = 5


def rss() -> tuple[int, int]:
    """(VmRSS, VmHWM) in KiB from /proc/self/status."""
    vals = {}
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(("VmRSS:", "VmHWM:")):
                k, v = line.split(":", 1)
                vals[k] = int(v.split()[0])
    return vals["VmRSS"], vals["VmHWM"]


def main() -> None:
    mode = sys.argv[1]
    args = sys.argv[2:]

    def opt(name: str, default=None):
        return args[args.index(name) + 1] if name in args else default

    data_dir = opt("--data-dir")
    fill_cache, flow, stall = "--fill-cache" in args, "--flow" in args, "--stall" in args
    items = int(opt("--items", "0"))
    stall_seconds = float(opt("--stall-seconds", "1.0"))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    if mode == "kiosk":
        from pathlib import Path

        from kiosk.app import Settings, build_kiosk_window, load_data
        catalogue, hall = load_data(None, Path(data_dir) / "cache")
        if items:
            from bench_search import big_catalogue

            catalogue = big_catalogue(catalogue, items)
            t_made = time.monotonic()

    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])

    if mode == "kiosk":
        from kiosk.ui.shared.qtlog import install_qt_message_handler

        app.setApplicationName("yichuang-kiosk")
        install_qt_message_handler()
        window, _store = build_kiosk_window(app, Settings(data_dir=Path(data_dir), voice_engine="mock"),
                                            catalogue, hall)
        if not hasattr(window, "warmed_up"):  # a kiosk from before the stepped warm-up: one call, then done
            plain = window.warm_up

            def marked() -> None:
                plain()
                window.warmed_up = True

            window.warmed_up = False
            window.warm_up = marked
    else:
        from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

        window = QWidget()
        QVBoxLayout(window).addWidget(QLabel("一窗通办 hello"))
        window.resize(1080, 1920)  # same area as the kiosk's reference geometry

    state: dict[str, float] = {}
    gaps: list[float] = []

    def warm() -> bool:
        return mode != "kiosk" or bool(window.warmed_up)

    def after_paint() -> None:
        try:
            report()
        except BaseException:
            import traceback
            traceback.print_exc()
            sys.stderr.flush()
            os._exit(2)

    def wait_warm(timeout: float = 600.0) -> float:
        """Let the event loop run until the kiosk's warm-up is over; seconds since the first paint."""
        deadline = time.monotonic() + timeout
        while not warm():
            app.processEvents()
            time.sleep(0.002)
            if time.monotonic() > deadline:
                raise TimeoutError("the warm-up did not finish")
        return time.monotonic() - state["first_paint"]

    def report() -> None:
        print("painted", time.monotonic(), flush=True)
        print("cpu_s", time.process_time())
        print("paint_to_report_s", time.monotonic() - state["first_paint"])
        if items:
            print("items_made_s", t_made)
        if fill_cache:
            print("warm_s", wait_warm())
        if flow:
            r, h = rss()
            print("rss_painted_kb", r)
            if mode == "kiosk":
                wait_warm()
                run_flow(window)
            r, h = rss()
            print("rss_kb", r)
            print("hwm_kb", h)
        sys.stdout.flush()
        if not stall:
            os._exit(0)

    def tick() -> None:
        now = time.monotonic()
        gaps.append(now - state["last_tick"])
        state["last_tick"] = now
        if mode == "kiosk" and "warm_at" not in state and warm():
            state["warm_at"] = now
        if (now - state.get("warm_at", now) > 0.1) or (mode != "kiosk" and now - state["first_paint"] > stall_seconds):
            worst = sorted(gaps, reverse=True)
            print("stall_s", worst[0])
            print("stall_top3_ms", ",".join(f"{g * 1000:.1f}" for g in worst[:3]))
            print("ticks", len(gaps))
            print("warm_s", state.get("warm_at", now) - state["first_paint"])
            sys.stdout.flush()
            os._exit(0)

    ticker = QTimer()
    ticker.setInterval(TICK_MS)
    ticker.timeout.connect(tick)

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):  # noqa: N802
            if event.type() == QEvent.Type.Paint and "first_paint" not in state:
                state["first_paint"] = state["last_tick"] = time.monotonic()
                if stall:
                    ticker.start()  # before the window's own 0 ms warm-up timer is queued
                QTimer.singleShot(0, after_paint)
            return False

    first = FirstPaint()
    window.installEventFilter(first)
    window.show()
    QTimer.singleShot(600_000 if (stall or items) else 60_000, lambda: os._exit(3))
    app.exec()


def run_flow(w) -> None:
    """home → browse → search → item → identity (persona card) → slip → home, by taps."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    def settle() -> None:
        QApplication.processEvents()
        w.repaint()  # a real, synchronous paint of the whole window
        QApplication.processEvents()

    def tap(widget) -> None:
        QTest.mouseClick(widget, Qt.MouseButton.LeftButton)
        settle()

    def tap_row(view, row: int) -> None:
        index = view.model().index(row, 0)
        view.scrollTo(index)
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())
        settle()

    tap(w.home.browse_tile)
    for ch in "spjy":
        tap(w.catalogue_screen.keyboard.keys[ch.upper()])
    assert w.catalogue_screen.model.rowCount() > 0, "search found nothing"
    tap_row(w.catalogue_screen.view, 0)
    assert w.nav.current.value == "item", w.nav.current
    tap(w.item.ticket_button)
    tap(w.identity.persona_buttons["elder"])
    tap(w.identity.confirm)
    assert w.nav.current.value == "slip", w.nav.current
    tap(w.slip.finish)
    assert w.nav.current.value == "home", w.nav.current


if __name__ == "__main__":
    main()
