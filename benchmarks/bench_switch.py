"""13. Language switch (中文 ↔ English) and 长辈版 switch, until the screen is repainted with the new
text or look (DESIGN §6: ≤ 150 ms).

The kiosk (warm cache, warm-up done, voice on with Qt's mock speech engine) is walked through every
screen with real content — home, 取号办事, 事项查询 with ``yyzz`` typed, an item's guidance, the
identity screen with a persona card read, the slip of an issued ticket — and on each the header's
language button is tapped (QTest.mouseClick) to English and back, and its 长辈版 button on and off,
ROUNDS times; each tap is timed until the screen and the header have received QEvent.Paint and that
event-loop pass is over (a grab() would not count), and the new state is checked (the header's
title in the other language; the theme's mode). The verdict is on the slowest switch.

The call board and a window's console, on the realistic hall data (SQLite, today's 3,000 tickets),
each built as ``kiosk board`` / ``kiosk counter 1`` build them (own Language, normal look): the
board's language set (it has no button: ``--lang`` or the hall's language) and the console's
language button tapped, until the window is repainted.

Baseline: a tap on a bare QPushButton that changes a bare QLabel's text, until it is painted.
"""

from __future__ import annotations

import time
from collections import defaultdict

import common
from common import Row, info_row, median, ms, verdict

ROUNDS = 3
TARGET = 0.150


def _tap(widget) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)


def _settle(seconds: float = 0.05) -> None:
    from PySide6.QtWidgets import QApplication

    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        QApplication.processEvents()


def measure_kiosk() -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from kiosk.ui.shared.i18n import EN, ZH
    from kiosk.ui.shared.navigator import Screen
    from kiosk.ui.shared.theme import ELDER, NORMAL

    app, w, store = common.build_kiosk(common.data_dir_with_warm_cache("switch"), voice_engine="mock")
    w.warm_up()
    watcher = common.PaintWatcher()
    lang: dict[str, list[float]] = defaultdict(list)
    elder: dict[str, list[float]] = defaultdict(list)

    def timed(button, name: str) -> float:
        screen = w.nav.widget(w.nav.current)
        watcher.arm(screen, w.header)
        t0 = time.perf_counter()
        _tap(button)
        t1 = watcher.wait()
        return t1 - t0

    def switches(name: str) -> None:
        for _ in range(ROUNDS):
            for want in (EN, ZH):
                before = w.header.title.text()
                lang[name].append(timed(w.header.lang, name))
                assert w.language.current == want and w.header.title.text() != before, (name, want)
            for want in (ELDER, NORMAL):
                elder[name].append(timed(w.header.elder, name))
                assert w.theme.mode == want, (name, want)
            _settle()

    def go(widget, expect: Screen) -> None:
        _tap(widget)
        _settle()
        assert w.nav.current == expect, (w.nav.current, expect)

    switches("home")
    go(w.home.ticket_tile, Screen.TICKET_MENU)
    switches("取号办事")
    go(w.header.home_button, Screen.HOME)
    go(w.home.browse_tile, Screen.CATALOGUE)
    for ch in "YYZZ":
        _tap(w.catalogue_screen.keyboard.keys[ch])
    _settle()
    switches("事项查询 yyzz")
    view = w.catalogue_screen.view
    index = view.model().index(0, 0)
    view.scrollTo(index)
    _settle()
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())
    _settle()
    assert w.nav.current == Screen.ITEM
    switches("item guidance")
    go(w.item.ticket_button, Screen.IDENTITY)
    _tap(w.identity.persona_buttons["elder"])
    _settle()
    switches("identity (card read)")
    go(w.identity.confirm, Screen.SLIP)
    switches("slip")
    watcher.disarm()
    common.dispose_kiosk(app, w, store)
    return lang, elder


def measure_staff() -> tuple[list[float], list[float], str]:
    """The board's and a console's language switch, on the hall data (SQLite)."""
    from PySide6.QtWidgets import QApplication

    from kiosk.app import _services, build_board, build_console, load_data, normal_look
    from kiosk.ui.shared.i18n import EN, ZH, Language

    db = common.fresh_db("sqlite", "hall", "switch")
    catalogue, hall = load_data()
    app = common.qapp()
    settings = db.settings()
    store, bridge, clock = _services(app, settings)
    look = normal_look(settings)
    board = build_board(hall, bridge, clock, Language(ZH), engine="silent")
    look.attach(board)
    console = build_console(catalogue, hall, 1, store, bridge, clock, Language(ZH))
    look.attach(console)
    console.resize(1280, 800)
    watcher = common.PaintWatcher()
    watcher.arm(board, console)
    board.show()
    console.show()
    watcher.wait()
    _settle(0.3)
    board_times, console_times = [], []
    for _ in range(ROUNDS * 2):
        for want in (EN, ZH):
            watcher.arm(board)
            t0 = time.perf_counter()
            board.language.set(want)
            board_times.append(watcher.wait() - t0)
            assert board.language.current == want
            watcher.arm(console)
            t0 = time.perf_counter()
            _tap(console.lang)
            console_times.append(watcher.wait() - t0)
            assert console.language.current == want
            _settle(0.02)
    watcher.disarm()
    bridge.stop()
    for win in (board, console):
        win.close()
        win.deleteLater()
    QApplication.processEvents()
    store.close()
    return board_times, console_times, db.label


def measure_bare(n: int) -> list[float]:
    """A tap on a plain QPushButton that changes a QLabel's text, until the label is painted."""
    from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

    common.qapp()
    root = QWidget()
    lay = QVBoxLayout(root)
    flip = QPushButton("中文 / English")
    text = QLabel("一窗通办")
    lay.addWidget(flip)
    lay.addWidget(text, 1)
    flip.clicked.connect(lambda: text.setText("One-window service" if text.text() == "一窗通办" else "一窗通办"))
    root.resize(1080, 1920)
    watcher = common.PaintWatcher()
    watcher.arm(root)
    root.show()
    watcher.wait()
    out = []
    for _ in range(n):
        watcher.arm(text)
        t0 = time.perf_counter()
        _tap(flip)
        out.append(watcher.wait() - t0)
    watcher.disarm()
    root.close()
    root.deleteLater()
    return out


def _row(what: str, times: list[float], base: str, slowest: str = "") -> Row:
    worst = max(times)
    return Row(what, f"{ms(median(times))} (max {ms(worst)})", base,
               f"target ≤ {ms(TARGET)} (every switch){'; slowest: ' + slowest if slowest else ''}",
               verdict(worst <= TARGET))


def run() -> list[Row]:
    lang, elder = measure_kiosk()
    board, console, label = measure_staff()
    all_lang = [t for v in lang.values() for t in v]
    all_elder = [t for v in elder.values() for t in v]
    bare = measure_bare(len(all_lang))
    base = f"{ms(median(bare))} (tap → bare QLabel's text painted)"

    def slowest(d: dict[str, list[float]]) -> str:
        name, v = max(d.items(), key=lambda kv: max(kv[1]))
        return f"{name} {ms(max(v))}"

    per_screen = " · ".join(f"{k} {ms(median(v))}" for k, v in lang.items())
    per_screen_elder = " · ".join(f"{k} {ms(median(v))}" for k, v in elder.items())
    return [
        _row(f"13. kiosk language switch (header 中文/English tap → screen + header repainted in the other language), "
             f"6 screens × {ROUNDS} × there and back, median (max)", all_lang, base, slowest(lang)),
        info_row("  ↳ median per screen", per_screen),
        _row(f"13. kiosk 长辈版 switch (header tap → screen + header repainted in the other look), 6 screens × "
             f"{ROUNDS} × on and off, median (max)", all_elder, base, slowest(elder)),
        info_row("  ↳ median per screen", per_screen_elder),
        _row(f"13. call board language switch (Language.set → board repainted), {label}, median (max) of "
             f"{len(board)}", board, base),
        _row(f"13. window console language switch (its 中文/English tap → console repainted), {label}, median (max) "
             f"of {len(console)}", console, base),
    ]


if __name__ == "__main__":
    common.run_standalone(run)
