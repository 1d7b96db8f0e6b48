"""Subprocess body for the start-up and memory benchmarks (spawned by common.run_child).

    python benchmarks/_child.py bare|kiosk [--data-dir DIR] [--fill-cache] [--flow]

Prints ``painted <time.monotonic()>`` as soon as the first frame of the window has been painted
(first QEvent.Paint on the top-level widget, then a 0 ms timer so the rest of that frame — every
child widget and the flush — is done too), then optional ``key value`` lines, then exits hard.

``kiosk`` follows kiosk.app.run_kiosk: load_data (with the data dir's catalogue cache),
QApplication, build_kiosk_window, show. The window builds its search index and opens the store by
itself right after its first paint (KioskWindow.warm_up).
"""

from __future__ import annotations

import os
import sys
import time


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
    data_dir = args[args.index("--data-dir") + 1] if "--data-dir" in args else None
    fill_cache, flow = "--fill-cache" in args, "--flow" in args
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    if mode == "kiosk":
        from pathlib import Path

        from kiosk.app import Settings, build_kiosk_window, load_data
        catalogue, hall = load_data(None, Path(data_dir) / "cache")

    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])

    if mode == "kiosk":
        from kiosk.ui.shared.qtlog import install_qt_message_handler

        app.setApplicationName("yichuang-kiosk")
        install_qt_message_handler()
        window, _store = build_kiosk_window(app, Settings(data_dir=Path(data_dir)), catalogue, hall)
    else:
        from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

        window = QWidget()
        QVBoxLayout(window).addWidget(QLabel("一窗通办 hello"))
        window.resize(1080, 1920)  # same area as the kiosk's reference geometry

    def after_paint() -> None:
        try:
            report()
        except BaseException:
            import traceback
            traceback.print_exc()
            sys.stderr.flush()
            os._exit(2)

    def report() -> None:
        print("painted", time.monotonic(), flush=True)
        print("paint_to_report_s", time.monotonic() - state["first_paint"])
        if mode == "kiosk" and fill_cache:
            window.warm_up()  # writes cache/pinyin.json on a cold cache
        if flow:
            r, h = rss()
            print("rss_painted_kb", r)
            if mode == "kiosk":
                run_flow(window)
            r, h = rss()
            print("rss_kb", r)
            print("hwm_kb", h)
        sys.stdout.flush()
        os._exit(0)

    state: dict[str, float] = {}

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):  # noqa: N802
            if event.type() == QEvent.Type.Paint and "first_paint" not in state:
                state["first_paint"] = time.monotonic()
                QTimer.singleShot(0, after_paint)
            return False

    first = FirstPaint()
    window.installEventFilter(first)
    window.show()
    QTimer.singleShot(30000, lambda: os._exit(3))
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
