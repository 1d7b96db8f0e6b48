"""Render the window console offscreen at 1280x800 into docs/screenshots/console/.

    python scripts/screenshots_console.py [--out DIR]

A fresh temporary data directory with a few tickets; the console (window 1) is driven by taps, in
zh_CN and en_US. Files, each ``LANG-NN-what.png``:

``01-idle``         nothing at the window yet, people waiting
``02-serving``      a green-channel ticket being served, two materials received (✓)
``03-transfer``     the transfer panel (services, then windows by number)
``04-call-number``  the number pad of 指定叫号 with A003 keyed in
``05-paused``       the window paused for lunch (a reason code, shown translated)
``06-refused``      another terminal called for this window before the console heard of it: a tap on
                    叫号 is refused ("请先办结或处理当前号码 A002"), and the console shows that ticket
``07-suspend``      the suspend panel: why the service is put on hold
``08-suspended``    two services on hold at a free window: tap a number to resume it
``09-reconnecting`` the hall's database is away: the console says so and its actions wait
``10-pause``        the pause panel: why the window pauses
``11-hall-tabs``    ``kiosk hall``'s consoles: one tab per window, every one on screen (a fresh console each)
``12-commitment``   a ticket taken on a 容缺 commitment at the window: what is to follow, and by when
``13-commitments``  容缺待补: the commitments still to come, the overdue one first, each with 已补交
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
sys.path.insert(0, str(ROOT / "scripts"))

from PySide6.QtCore import QEvent, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QPushButton  # noqa: E402

from kiosk.app import build_console, load_data, make_promises  # noqa: E402
from kiosk.domain.commitments import Applicant  # noqa: E402
from kiosk.domain.counter import Counter  # noqa: E402
from kiosk.domain.desk import Request, TicketDesk  # noqa: E402
from kiosk.domain.lifecycle import PauseReason, SuspendReason  # noqa: E402
from kiosk.domain.personas import persona  # noqa: E402
from kiosk.domain.ports import StoreCode, StoreError  # noqa: E402
from kiosk.store.db import SqlStore  # noqa: E402
from kiosk.store.secret import load_secret  # noqa: E402
from kiosk.ui.console.tabs import ConsoleTabs  # noqa: E402
from kiosk.ui.shared.bridge import ChangeBridge  # noqa: E402
from kiosk.ui.shared.i18n import Language  # noqa: E402
from kiosk.ui.shared.theme import Theme  # noqa: E402

#: The bridge is asked by hand (bridge.check / the console's own refresh after an action), never on
#: its timer, so that "another terminal acted and this console has not heard yet" is a fixed moment.
NO_POLL_MS = 3_600_000


class Unplugged:
    """The hall's store as the console's change bridge sees it, with a plug to pull: while
    ``down``, reading the hall fails the way a lost database server does."""

    def __init__(self, store):
        self.store, self.down = store, False

    def hall_rows(self, day: str):
        if self.down:
            raise StoreError("the database server is away", StoreCode.UNREACHABLE)
        return self.store.hall_rows(day)

    def __getattr__(self, name):
        return getattr(self.store, name)


def tap(widget) -> None:
    if not widget.isEnabled():
        raise SystemExit(f"{widget.objectName()} is disabled: the screenshot would not show what it says")
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)
    QTest.qWait(30)


def child(w, name: str) -> QPushButton:
    found = w.findChild(QPushButton, name)
    if found is None:
        raise SystemExit(f"the console has no button {name!r}")
    return found


def shoot(w, path: Path) -> None:
    QTest.qWait(30)
    w.grab().save(str(path))
    print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


def render(app, out: Path, lang: str) -> None:
    out.mkdir(parents=True, exist_ok=True)
    catalogue, hall = load_data()
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        store = SqlStore.open(data)
        now = [_dt.datetime(2026, 11, 27, 10, 12)]
        clock = lambda: now[0]
        desk = TicketDesk(store, catalogue, hall, clock, secret=load_secret(data))
        elder = persona("elder")
        desk.issue(Request(item_code="QYKB-001"), elder.resident_id, elder.tags, use_green=True)
        for code in ("SHBX-001", "HJBL-002", "GJJF-001", "SHBX-001", "HJBL-002", "SHBX-001"):
            desk.issue(Request(item_code=code))
        desk.issue(Request(category="consult"))
        plug = Unplugged(store)
        bridge = ChangeBridge(plug, clock, interval_ms=NO_POLL_MS)
        bridge.start()
        w = build_console(catalogue, hall, 1, store, bridge, clock, Language(lang))
        Theme(data / "cache").attach(w)
        w.show()
        now[0] += _dt.timedelta(minutes=9)
        shoot(w, out / f"{lang}-01-idle.png")
        tap(w.actions["call_next"])
        now[0] += _dt.timedelta(minutes=1)
        tap(w.actions["start"])
        tap(w.material_buttons[0])
        tap(w.material_buttons[1])
        shoot(w, out / f"{lang}-02-serving.png")
        tap(w.actions["transfer"])
        shoot(w, out / f"{lang}-03-transfer.png")
        tap(w.transfer_panel.cancel)
        tap(w.actions["suspend"])
        shoot(w, out / f"{lang}-07-suspend.png")
        tap(w.suspend_panel.cancel)
        now[0] += _dt.timedelta(minutes=12)
        tap(w.actions["finish"])
        tap(w.actions["call_number"])
        for key in ("callpad_letter_A", "callpad_digit_0", "callpad_digit_0", "callpad_digit_3"):
            tap(child(w, key))
        shoot(w, out / f"{lang}-04-call-number.png")
        tap(w.call_pad.ok)
        tap(w.actions["no_show"])
        tap(w.pause_button)
        shoot(w, out / f"{lang}-10-pause.png")
        tap(child(w, f"pause_reason_{PauseReason.LUNCH.value}"))
        shoot(w, out / f"{lang}-05-paused.png")
        tap(w.pause_button)  # reopen
        # two services put on hold, one after the other: the window is free, with both to resume
        for reason in (SuspendReason.AWAITING_MATERIAL, SuspendReason.BACK_OFFICE):
            tap(w.actions["call_next"])
            tap(w.actions["start"])
            tap(w.actions["suspend"])
            tap(child(w, f"suspend_reason_{reason.value}"))
        shoot(w, out / f"{lang}-08-suspended.png")
        # another terminal of the hall (its own connection: another process) calls for window 1 ...
        other = SqlStore.open(data)
        called = Counter(other, hall, 1, clock).call_next()
        other.close()
        assert called is not None
        # ... and a tap on 叫号 here, before this console has heard of it, is refused
        tap(w.actions["call_next"])
        text, error = w.feedback.text(), w.message[1]
        if not error or called.number not in text:
            raise SystemExit(f"expected a refusal naming {called.number}, the console says {text!r}")
        shoot(w, out / f"{lang}-06-refused.png")
        plug.down = True  # the database server goes away; the next read finds out
        bridge.refresh()
        if bridge.online:
            raise SystemExit("the bridge did not notice the lost database")
        shoot(w, out / f"{lang}-09-reconnecting.png")
        bridge.stop()
        w.close()
        w.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

        # kiosk hall: every window's console in one tabbed window, the tab bar fitting them all
        bridge = ChangeBridge(store, clock, interval_ms=NO_POLL_MS)
        bridge.start()
        tabs = ConsoleTabs()
        for win in hall.windows:
            tabs.add_console(build_console(catalogue, hall, win.number, store, bridge, clock, Language(lang)))
        Theme(data / "cache").attach(tabs)
        tabs.resize(*tabs.reference_size())
        tabs.show()
        tabs.setCurrentIndex(len(hall.windows) - 1)
        shoot(tabs, out / f"{lang}-11-hall-tabs.png")
        tabs.close()
        tabs.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        from screenshots_cases import render_console  # the 办不成事 专窗: a case, 结案, the 意见箱

        render_console(out, lang, catalogue, hall, store, bridge, clock, desk)
        bridge.stop()

        # 容缺 (issue 8): window 2 calls a ticket taken on a commitment; the list of those still to come
        promises = make_promises(store, desk)
        today = now[0]
        now[0] = today - _dt.timedelta(days=14)  # two weeks ago, due a week ago: overdue
        promises.commit("SPJY-001", ["食品安全管理制度目录"], Applicant.LEGAL, "91320583MA1XYK0A01")
        now[0] = today
        _, deferred = promises.commit("SPJY-001", ["食品安全管理人员名单"], Applicant.PERSON,
                                      persona("resident").resident_id)
        Counter(store, hall, 2, clock).call_number(deferred.ticket.number)
        bridge = ChangeBridge(store, clock, interval_ms=NO_POLL_MS)
        bridge.start()
        w = build_console(catalogue, hall, 2, store, bridge, clock, Language(lang), promises)
        Theme(data / "cache").attach(w)
        w.show()
        shoot(w, out / f"{lang}-12-commitment.png")
        tap(w.commitments.header_button)
        shoot(w, out / f"{lang}-13-commitments.png")
        bridge.stop()
        w.close()
        w.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        store.close()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots" / "console")
    args = ap.parse_args(argv)
    app = QApplication.instance() or QApplication([])
    for lang in ("zh_CN", "en_US"):
        render(app, args.out, lang)
    return 0


if __name__ == "__main__":
    sys.exit(main())
