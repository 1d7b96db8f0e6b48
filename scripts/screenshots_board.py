"""Render the call board offscreen at its 1920×1080 reference into docs/screenshots/board/.

    python scripts/screenshots_board.py [--out DIR]

A fresh temporary data directory; tickets are issued at the ticket desk and called at the windows
(kiosk.domain.counter) like a morning in the hall, one window is paused; the board learns about the
last call through the change bridge, as it would from another process. Each state in Chinese
(no prefix) and in English (``en-``; ``en.png`` is the English ``normal.png``):

``empty.png``         first thing in the morning: nothing called yet
``normal-flash.png``  the newest call with the flash's highlight on
``normal.png``        the same moment, steady (as it stays after its ~6 s flash): calling, others
                      being called, the recently called list, one window paused
``paused.png``        four windows paused (two named with their reasons, the rest summed up)
``muted.png``         the sound turned off: the call shown as a caption only
``reconnecting.png``  the hall's database is away: the board says its calls may be out of date
``closed.png``        after the hours, everyone served: 今日已停止取号 · 今日办理结束, and when the hall
                      opens next (from hall.yaml)
"""

from __future__ import annotations

import argparse
import datetime as _dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from kiosk.app import load_data  # noqa: E402
from kiosk.domain.counter import Counter  # noqa: E402
from kiosk.domain.desk import Request, TicketDesk  # noqa: E402
from kiosk.domain.lifecycle import PauseReason  # noqa: E402
from kiosk.domain.ports import StoreCode, StoreError  # noqa: E402
from kiosk.store.db import SqlStore  # noqa: E402
from kiosk.store.secret import load_secret  # noqa: E402
from kiosk.ui.board.window import REFERENCE_SIZE, BoardWindow  # noqa: E402
from kiosk.ui.shared.bridge import ChangeBridge  # noqa: E402
from kiosk.ui.shared.i18n import EN, ZH, Language  # noqa: E402
from kiosk.ui.shared.theme import Theme  # noqa: E402
from kiosk.ui.shared.voice import Announcer  # noqa: E402

START = _dt.datetime(2026, 11, 27, 9, 40)


class Clock:
    def __init__(self, now: _dt.datetime):
        self.now = now

    def __call__(self) -> _dt.datetime:
        return self.now

    def advance(self, minutes: float) -> None:
        self.now += _dt.timedelta(minutes=minutes)


def morning(store: SqlStore, catalogue, hall, clock: Clock, secret: bytes) -> dict[int, Counter]:
    """Issue a morning's tickets and call most of them; return the windows' counters."""
    desk = TicketDesk(store, catalogue, hall, clock, secret=secret)
    plan = ["comprehensive"] * 24 + ["consult"] * 7 + ["realty"] * 6 + ["police"] * 4 + ["assist"] * 2 + ["cannot_do"]
    for category in plan:
        desk.issue(Request(category=category))
        clock.advance(0.4)
    counters = {w.number: Counter(store, hall, w.number, clock) for w in hall.windows}
    for rounds in range(3):  # three rounds of call → start → done on the busiest windows
        for n in (1, 2, 3, 4, 6, 8):
            c = counters[n]
            if c.call_next() is not None:
                clock.advance(1.5)
                if rounds < 2:
                    c.start()
                    clock.advance(2)
                    c.finish()
    counters[4].start()  # window 4 is serving; 3 and 8 have called and wait for their citizen
    counters[5].pause(PauseReason.LUNCH)  # a code: the board shows it translated
    counters[10].call_next()
    clock.advance(1)
    return counters


class Unplugged:
    """The board's store with a plug to pull: while ``down``, reading the hall fails the way a
    lost database server does."""

    def __init__(self, store):
        self.store, self.down = store, False

    def hall_rows(self, day: str):
        if self.down:
            raise StoreError("the database server is away", StoreCode.UNREACHABLE)
        return self.store.hall_rows(day)

    def __getattr__(self, name):
        return getattr(self.store, name)


def render(app: QApplication, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    catalogue, hall = load_data()
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        theme = Theme(data / "cache")
        language = Language()
        clock = Clock(START)
        store = SqlStore.open(data)
        announcer = Announcer(engine="silent", caption_ms=600_000, gap_ms=0)

        bridge = ChangeBridge(store, clock)
        bridge.start()
        board = BoardWindow(hall=hall, bridge=bridge, announcer=announcer, language=language, clock=clock)
        theme.attach(board)
        language.attach(board)
        board.resize(*REFERENCE_SIZE)
        board.show()
        shoot(board, out / "empty.png")
        language.set(EN)
        shoot(board, out / "en-empty.png")
        language.set(ZH)
        bridge.stop()
        board.close()

        counters = morning(store, catalogue, hall, clock, load_secret(data))
        # the board runs in its own process: it sees the last call through its own connection
        board_store = SqlStore.open(data)
        plug = Unplugged(board_store)
        bridge = ChangeBridge(plug, clock)
        bridge.start()
        board = BoardWindow(hall=hall, bridge=bridge, announcer=announcer, language=language, clock=clock)
        theme.attach(board)
        language.attach(board)
        board.resize(*REFERENCE_SIZE)
        board.show()
        counters[2].start()
        clock.advance(3)
        counters[2].finish()
        counters[2].call_next()
        if not bridge.check():
            raise SystemExit("the board's bridge did not see the other connection's call")
        shoot(board, out / "normal-flash.png")
        language.set(EN)
        shoot(board, out / "en-flash.png")
        board.stop_flash()
        shoot(board, out / "en.png")
        language.set(ZH)
        shoot(board, out / "normal.png")

        announcer.set_muted(True)
        for lang, name in ((ZH, "muted.png"), (EN, "en-muted.png")):
            language.set(lang)
            shoot(board, out / name)
        language.set(ZH)
        announcer.set_muted(False)

        for n, reason in ((6, PauseReason.TRAINING), (7, PauseReason.AWAY), (9, PauseReason.FAULT)):
            counters[n].pause(reason)
        bridge.check()
        board.stop_flash()
        for lang, name in ((ZH, "paused.png"), (EN, "en-paused.png")):
            language.set(lang)
            shoot(board, out / name)
        language.set(ZH)

        announcer.clear()  # no announcement running: the strip says what the board knows
        plug.down = True  # the database server goes away; the next read finds out
        bridge.refresh()
        if bridge.online:
            raise SystemExit("the board's bridge did not notice the lost database")
        for lang, name in ((ZH, "reconnecting.png"), (EN, "en-reconnecting.png")):
            language.set(lang)
            shoot(board, out / name)
        language.set(ZH)

        bridge.stop()
        board.close()
        announcer.clear()

        plug.down = False  # back; the windows serve everyone who waits, and the day is over
        for counter in counters.values():
            counter.reopen()
            current = counter.view().current
            while current is not None or (current := counter.call_next()) is not None:
                if current.status == "called":
                    counter.start()
                clock.advance(1)
                counter.finish()
                current = None
        clock.now = START.replace(hour=17, minute=40)
        bridge = ChangeBridge(plug, clock)
        bridge.start()
        board = BoardWindow(hall=hall, bridge=bridge, announcer=announcer, language=language, clock=clock)
        theme.attach(board)
        language.attach(board)
        board.resize(*REFERENCE_SIZE)
        board.show()
        for lang, name in ((ZH, "closed.png"), (EN, "en-closed.png")):
            language.set(lang)
            shoot(board, out / name)
        language.set(ZH)
        bridge.stop()
        board.close()
        announcer.clear()
        board_store.close()
        store.close()


def shoot(window, path: Path) -> None:
    for _ in range(3):  # a label that now wraps asks for a taller row: let the layout settle first
        QApplication.processEvents()
    window.grab().save(str(path))
    print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots" / "board")
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    render(app, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
