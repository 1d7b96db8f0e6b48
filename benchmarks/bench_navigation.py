"""4. Screen change after a tap until the target screen has been painted.

QTest.mouseClick on a real button / list row, then the event loop runs until the target screen
widget has received a QEvent.Paint (event filter; grab() would not count) and that event-loop
pass has finished. Median over every tap of several tours through the kiosk; target ≤ 50 ms.
Focus handling is always on (each new screen puts the keyboard focus on its title); the tours run
twice: with the voice off, and with it on (语音播报: every tapped control's name and every new
screen are said — through Qt's mock text-to-speech engine, so no sound card is needed and the
speech engine's work is real Qt work in this process).
Baseline: the same measurement for a tap that changes a bare QStackedWidget page (one label each).
"""

from __future__ import annotations

import time
from collections import defaultdict

import common
from common import Row, click, info_row, median, ms, target_row

TOURS = 4
TARGET = 0.050


def _row_pos(view, row: int):
    """Scroll the row into view (not timed) and return the viewport position of its centre."""
    from PySide6.QtWidgets import QApplication

    index = view.model().index(row, 0)
    view.scrollTo(index)
    QApplication.processEvents()
    return view.visualRect(index).center()


def measure_kiosk(**settings) -> dict[str, list[float]]:
    from kiosk.ui.shared.navigator import Screen

    app, w, store = common.build_kiosk(common.data_dir_with_warm_cache("nav"), **settings)
    w.warm_up()  # what the kiosk prepares right after start-up
    spoken: list[str] = []
    w.speaker.spoken.connect(lambda text, _lang: spoken.append(text))
    watcher = common.PaintWatcher()
    times: dict[str, list[float]] = defaultdict(list)

    def tap(name: str, widget_fn, expect: Screen, row: int | None = None) -> None:
        target = w.nav.widget(expect)
        pos = None
        if row is not None:
            view = w.catalogue_screen.view
            pos = _row_pos(view, row)
            widget = view.viewport()
        else:
            widget = widget_fn()
        watcher.arm(target)
        t0 = time.perf_counter()
        click(widget, pos)
        t1 = watcher.wait()
        assert w.nav.current == expect, (name, w.nav.current, expect)
        assert w.focusWidget() is w.header.title, name  # the focus moved to the new screen's title
        times[name].append(t1 - t0)

    h = w.header
    for tour in range(TOURS):
        tap("home → 取号办事 (menu)", lambda: w.home.ticket_tile, Screen.TICKET_MENU)
        tap("menu → header 首页", lambda: h.home_button, Screen.HOME)
        tap("home → 事项查询 (catalogue)", lambda: w.home.browse_tile, Screen.CATALOGUE)
        tap("catalogue row → item", None, Screen.ITEM, row=tour * 3)
        tap("item → header 返回 (catalogue)", lambda: h.back_button, Screen.CATALOGUE)
        tap("catalogue row → item", None, Screen.ITEM, row=tour * 3 + 13)
        tap("item → 取号 (identity)", lambda: w.item.ticket_button, Screen.IDENTITY)
        tap("identity → header 返回 (item)", lambda: h.back_button, Screen.ITEM)
        tap("item → header 首页", lambda: h.home_button, Screen.HOME)
        tap("home → 取号办事 (menu)", lambda: w.home.ticket_tile, Screen.TICKET_MENU)
        tap("menu → 一件事 bundle (item)", lambda t=tour: w.menu.bundle_buttons[t % len(w.menu.bundle_buttons)][0],
            Screen.ITEM)
        tap("item → header 返回 (menu)", lambda: h.back_button, Screen.TICKET_MENU)
        tap("menu → 按事项取号 (catalogue)", lambda: w.menu.by_item, Screen.CATALOGUE)
        tap("catalogue → header 首页", lambda: h.home_button, Screen.HOME)
    watcher.disarm()
    assert bool(spoken) == w.speaker.enabled, (len(spoken), w.speaker.enabled)  # the voice spoke when on
    common.dispose_kiosk(app, w, store)
    return times


def measure_bare(n: int) -> list[float]:
    """Tap a plain QPushButton that flips a bare QStackedWidget between two one-label pages."""
    from PySide6.QtWidgets import QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

    common.qapp()
    root = QWidget()
    lay = QVBoxLayout(root)
    flip = QPushButton("flip")
    stack = QStackedWidget()
    pages = [QLabel("page A"), QLabel("page B")]
    for p in pages:
        stack.addWidget(p)
    lay.addWidget(flip)
    lay.addWidget(stack, 1)
    flip.clicked.connect(lambda: stack.setCurrentIndex(1 - stack.currentIndex()))
    root.resize(1080, 1920)
    watcher = common.PaintWatcher()
    watcher.arm(root)
    root.show()
    watcher.wait()
    out = []
    for _ in range(n):
        target = pages[1 - stack.currentIndex()]
        watcher.arm(target)
        t0 = time.perf_counter()
        click(flip)
        out.append(watcher.wait() - t0)
    watcher.disarm()
    root.close()
    root.deleteLater()
    return out


def run() -> list[Row]:
    rows = []
    for label, settings in (("voice off", dict(voice=False)),
                            ("voice ON (mock speech engine): each tapped control and new screen said",
                             dict(voice=True, voice_engine="mock"))):
        times = measure_kiosk(**settings)
        all_taps = [t for v in times.values() for t in v]
        bare = measure_bare(len(all_taps))
        worst_name, worst = max(((k, median(v)) for k, v in times.items()), key=lambda kv: kv[1])
        p90 = common.p90(all_taps)
        rows += [
            target_row(f"4. tap → target screen painted (QTest.mouseClick until QEvent.Paint on it), focus to the "
                       f"title, {label}; median of {len(all_taps)} taps of {len(times)} kinds", median(all_taps),
                       f"{ms(median(bare))} (tap flipping a bare QStackedWidget)", TARGET),
            info_row(f"  ↳ slowest kind (its median): {worst_name}", ms(worst),
                     "—", f"p90 {ms(p90)}, max {ms(max(all_taps))}"),
        ]
    return rows


def details() -> None:
    times = measure_kiosk()
    for k, v in sorted(times.items(), key=lambda kv: -median(kv[1])):
        print(f"{median(v) * 1000:8.2f} ms  (n={len(v)}, max {max(v) * 1000:.1f})  {k}")


if __name__ == "__main__":
    import sys

    if "--details" in sys.argv:
        details()
    else:
        common.run_standalone(run)
