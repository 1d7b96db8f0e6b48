"""Render the facilitator's window offscreen at 1280x800 into docs/screenshots/facilitator/.

    python scripts/screenshots_facilitator.py [--out DIR] [--set zh|en]

The example study (assets/studies/zhangpu-kiosk.yaml) run for P01 on a fresh temporary data
directory, the kiosk driven by taps as a participant would and the facilitator's window by its
buttons; in Chinese (``zh-NN-what.png``) and English (``en-NN-what.png``), each language a process
of its own (the window's language is its own, and nothing of one set reaches the other):

``01-ready``        P01's first task, not started: the instructions in both languages
``02-running``      the task running 0:42 of 3:00, the participant's taps on the live view (a red dot:
                    a tap on nothing that takes one), the printer out of paper, the live log
``03-note``         备注 (F9): a timestamped note being written
``04-auto-success`` the kiosk ended the task by itself (the ticket was issued); the SEQ on the kiosk
``05-next``         下一位 (Ctrl+N): the next code offered
``06-done``         every task done and answered
"""

from __future__ import annotations

import datetime as _dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import shot_sets  # noqa: E402  (scripts/: the screenshot scripts' shared command line)
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from kiosk.app import Settings, build_study, load_data, start_qt  # noqa: E402
from kiosk.usability.events import Fault, Outcome  # noqa: E402
from kiosk.usability.study import load_study  # noqa: E402

SETS = {"zh": "zh_CN", "en": "en_US"}
FIXED_NOW = _dt.datetime(2026, 11, 27, 10, 12)
STUDY = ROOT / "assets" / "studies" / "zhangpu-kiosk.yaml"


class Ticking:
    def __init__(self):
        self.t = 0.0

    def __call__(self):
        return self.t


def tap(widget) -> None:
    if not (widget.isVisible() and widget.isEnabled()):
        raise SystemExit(f"{widget.objectName()} cannot be tapped: the screenshot would not show what it says")
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)
    QApplication.processEvents()


def settle(f) -> None:
    for _ in range(3):
        QApplication.processEvents()
    f.live.refresh()
    QApplication.processEvents()


def shoot(f, out: Path, name: str) -> None:
    settle(f)
    f.grab().save(str(out / f"{name}.png"))


def render(which: str, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    app = start_qt()
    catalogue, hall = load_data()
    study = load_study(STUDY, catalogue, hall)
    clock = Ticking()
    with tempfile.TemporaryDirectory() as tmp:
        c, f = build_study(app, Settings(data_dir=Path(tmp)), study, catalogue, hall, "P01",
                           clock=lambda: FIXED_NOW, session_clock=clock, language=SETS[which])
        c.timer.stop()
        c.kiosk_changed.connect(lambda k: k.show())
        c.kiosk.show()
        f.show()
        f.live.clock = clock  # the taps' dots fade on the session's clock
        shoot(f, out, f"{which}-01-ready")
        clock.t += 3
        tap(f.marks["start"])
        task = c.session.task
        k = c.kiosk
        clock.t += 20
        tap(k.home.browse_tile)
        clock.t += 15
        tap(k.header.back_button)
        clock.t += 4
        tap(k.home.welcome)  # a tap on words: a misclick, a red dot
        clock.t += 1.5
        tap(k.home.ticket_tile)
        clock.t += 1
        c.set_fault(Fault.PRINTER, True)
        f.show_state()
        c.tick()
        shoot(f, out, f"{which}-02-running")
        clock.t += 6
        tap(f.marks["note"])
        f.note_field.setText("先点了事项查询，又返回首页" if which == "zh" else "Tried Find a service first, then went back")
        shoot(f, out, f"{which}-03-note")
        tap(f.note_save)
        # the rest of the task by taps, until the kiosk proves it by itself (or the facilitator marks it)
        if c.session.task is not None and k.nav.current is not None and k.nav.current.value == "ticket_menu":
            found = [btn for btn, b in k.menu.bundle_buttons if b.code == task.success.bundle]
            if found:
                clock.t += 4
                tap(found[0])
                clock.t += 5
                tap(k.item.ticket_button)
                clock.t += 3
                tap(k.identity.confirm)
        if c.session.task is not None:
            c.end_task(Outcome.SUCCESS)
        c.set_fault(Fault.PRINTER, False)
        for _ in range(5):
            QApplication.processEvents()
        shoot(f, out, f"{which}-04-auto-success")
        tap(f.next_button)
        shoot(f, out, f"{which}-05-next")
        tap(f.next_cancel)
        # the rest of the session at once: every task skipped, every questionnaire answered with 4s
        while not c.session.finished:
            if c.can_start:
                c.start_task()
                clock.t += 20
                c.end_task(Outcome.SKIP)
            QApplication.processEvents()
            q = c.questionnaire
            if q is not None and q.isVisible():
                q.choose(4)
                q.forward()
        shoot(f, out, f"{which}-06-done")
        c.close()


def main(argv: list[str] | None = None) -> int:
    return shot_sets.main(__file__, __doc__, SETS, render, ROOT / "docs" / "screenshots" / "facilitator", argv)


if __name__ == "__main__":
    sys.exit(main())
