"""Render every screen offscreen at its reference size into docs/screenshots/.

    python scripts/screenshots.py [--out DIR] [--only normal|elder|en|en-elder|board|console|pad|facilitator|questionnaire]

The kiosk at 1080x1920 in three sets — normal (zh_CN), elder (长辈版) and en (English) — then the
call board (1920x1080, scripts/screenshots_board.py), a window console (1280x800,
scripts/screenshots_console.py), window 1's rating pad (800x1280, scripts/screenshots_pad.py), a usability
study's facilitator window (1280x800, scripts/screenshots_facilitator.py) and its questionnaires on the kiosk
(scripts/screenshots_questionnaire.py), each in a process of its own. The script drives the kiosk with taps
like a citizen would, on a fresh temporary data directory, so the PNGs show real behaviour.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import os
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from kiosk.app import Settings, build_kiosk_window, load_data  # noqa: E402
from kiosk.domain.commitments import Applicant  # noqa: E402
from kiosk.domain.desk import Request  # noqa: E402
from kiosk.ui.shared.navigator import Screen  # noqa: E402
from kiosk.ui.study.faults import FaultSwitch  # noqa: E402
from kiosk.usability.events import Fault  # noqa: E402

SETS = {"normal": dict(language="zh_CN", elder=False), "elder": dict(language="zh_CN", elder=True),
        "en": dict(language="en_US", elder=False), "en-elder": dict(language="en_US", elder=True)}
FIXED_NOW = _dt.datetime(2026, 11, 27, 10, 12)
#: the other terminals' sets, each a script of its own (scripts/screenshots_<name>.py)
OTHERS = ["board", "console", "pad", "facilitator", "questionnaire"]


def tap(widget) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)
    QApplication.processEvents()


def tap_row(view, row: int) -> None:
    index = view.model().index(row, 0)
    view.scrollTo(index)
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())
    QApplication.processEvents()


def type_keys(keyboard, text: str) -> None:
    for ch in text:
        tap(keyboard.keys[ch.upper()])


def shoot(window, out: Path, name: str) -> None:
    QApplication.processEvents()
    window.grab().save(str(out / f"{name}.png"))


def render(app, which: str, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    catalogue, hall = load_data()
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(data_dir=Path(tmp), idle_seconds=60, **SETS[which])
        w, store = build_kiosk_window(app, settings, catalogue, hall, clock=lambda: FIXED_NOW)
        w.show()
        # a few tickets already out (at the kiosk's own desk), so the slip shows people ahead
        for _ in range(6):
            w.desk.issue(Request(category="comprehensive"))
        shoot(w, out, "01-home")
        tap(w.home.ticket_tile)
        shoot(w, out, "02-ticket-menu")
        tap(w.header.home_button)
        tap(w.home.browse_tile)
        shoot(w, out, "03-catalogue-browse")
        tap(w.catalogue_screen.mode_buttons["theme"])
        shoot(w, out, "04-catalogue-themes")
        tap(w.catalogue_screen.mode_buttons["all"])
        type_keys(w.catalogue_screen.keyboard, "yyzz")
        shoot(w, out, "05-search-yyzz")
        tap(w.catalogue_screen.keyboard.clear)
        type_keys(w.catalogue_screen.keyboard, "qqqxz")
        shoot(w, out, "06-search-empty")
        tap(w.catalogue_screen.keyboard.clear)
        type_keys(w.catalogue_screen.keyboard, "youxianzeren")  # an item with 容缺 and 零材料 materials
        tap_row(w.catalogue_screen.view, 0)
        for b in w.item.check_buttons[:2]:
            tap(b)
        shoot(w, out, "07-item-guidance")
        tap(w.item.ticket_button)
        shoot(w, out, "08-identity")
        tap(w.identity.persona_buttons["elder"])
        shoot(w, out, "09-identity-card-read")
        tap(w.identity.id_pick)
        tap(w.identity.keypad.clear)
        for ch in "110105194912310021":
            tap(w.identity.keypad.findChild(type(w.identity.confirm), f"pad_{ch}"))
        shoot(w, out, "10-identity-invalid-id")
        tap(w.identity.persona_buttons["elder"])
        tap(w.identity.confirm)
        shoot(w, out, "11-slip")
        w.idle.warning.emit(25)  # the visitor walked away from the slip
        shoot(w, out, "12-idle-warning")
        w.overlay.hide()
        # the same person asks again for the same item: the duplicate notice and its reprint
        tap(w.header.home_button)  # the visit ended: the kiosk is back in the hall's defaults …
        if SETS[which]["elder"]:  # … so this set's visitor chooses 长辈版 / English again
            tap(w.header.elder)
        if SETS[which]["language"] != hall.language:
            tap(w.header.lang)
        tap(w.home.browse_tile)
        type_keys(w.catalogue_screen.keyboard, "youxianzeren")
        tap_row(w.catalogue_screen.view, 0)
        tap(w.item.ticket_button)
        tap(w.identity.persona_buttons["elder"])
        tap(w.identity.confirm)
        shoot(w, out, "13-identity-duplicate")
        # a package's guidance (开办企业一件事)
        tap(w.header.home_button)
        tap(w.home.ticket_tile)
        tap(w.menu.findChild(type(w.identity.confirm), "bundle_YJS-01"))
        shoot(w, out, "14-package-guidance")
        # 服务评价: a ticket served at window 1, found by its number and rated
        from kiosk.domain.counter import Counter
        from kiosk.domain.feedback import Level, Tag

        counter = Counter(store, hall, 1, lambda: FIXED_NOW)
        served = counter.call_next()
        counter.start()
        counter.finish()
        tap(w.header.home_button)
        tap(w.home.rate_tile)
        for ch in "Z9":
            tap(w.rate.keys.keys[ch])
        tap(w.rate.find_button)
        shoot(w, out, "15-rate-unknown-number")
        tap(w.rate.keys.clear)
        for ch in served.number:
            tap(w.rate.keys.keys[ch])
        tap(w.rate.find_button)
        shoot(w, out, "16-rate-levels")
        tap(w.rate.panel.level_buttons[Level.DISSATISFIED])
        tap(w.rate.panel.submit)
        shoot(w, out, "17-rate-no-reason")
        tap(w.rate.panel.tag_buttons[Tag.LONG_WAIT])
        tap(w.rate.panel.submit)
        shoot(w, out, "18-rate-thanks")
        help_and_checkin(w, out, which, hall)
        # an item the hall accepts for a 昆山市 authority (受理 · 办理：…（本中心代为受理）), its fee a rule
        tap(w.header.home_button)
        tap(w.home.browse_tile)
        type_keys(w.catalogue_screen.keyboard, "ershoufangmaimai")  # 二手房买卖: BDCD-003
        tap_row(w.catalogue_screen.view, 0)
        shoot(w, out, "29-item-county")
        from screenshots_cases import render_kiosk  # 办不成事反映 and 意见建议 (30–37)

        tap(w.header.home_button)
        again(w, which, hall)
        render_kiosk(w, out, lambda: again(w, which, hall))
        # 容缺受理 (a company on the credit list) and 零材料 self-service (issue 8)
        def as_set() -> None:
            if w.header.elder.isChecked() != SETS[which]["elder"]:
                tap(w.header.elder)
            if w.language.current != SETS[which]["language"]:
                tap(w.header.lang)

        tap(w.header.home_button)
        as_set()
        w.choose(Request(item_code="SPJY-001"), Screen.ITEM)
        QApplication.processEvents()
        tap(w.item.offers.defer_button)
        rq = w.nav.widget(Screen.RONGQUE)
        tap(next(iter(rq.buttons.values())))
        shoot(w, out, "38-rongque-materials")
        tap(rq.go_on)
        applicant = w.nav.widget(Screen.RONGQUE_APPLICANT)
        tap(applicant.kind_buttons[Applicant.LEGAL])
        type_keys(applicant.code_entry.keyboard, "9132O")
        shoot(w, out, "39-rongque-code-wrong")
        tap(applicant.code_entry.licence_buttons["91320583MA27FR6N2A"])
        tap(applicant.go_on)
        shoot(w, out, "40-rongque-refused")
        tap(applicant.code_entry.licence_buttons["91320583MA1XYK0A01"])
        tap(applicant.go_on)
        shoot(w, out, "41-rongque-letter")
        tap(w.nav.widget(Screen.RONGQUE_LETTER).confirm)
        shoot(w, out, "42-rongque-slip")
        tap(w.header.home_button)  # the visit ended: this set's visitor chooses 长辈版 / English again
        as_set()
        w.choose(Request(item_code="SHBX-013"), Screen.ITEM)
        QApplication.processEvents()
        tap(w.item.offers.self_button)
        selfs = w.nav.widget(Screen.SELF_SERVICE)
        tap(selfs.id_entry.persona_buttons["resident"])
        shoot(w, out, "43-self-service-identity")
        tap(selfs.go_on)
        shoot(w, out, "44-self-service-certificates")
        tap(w.nav.widget(Screen.SELF_CONFIRM).confirm)
        shoot(w, out, "45-self-service-result")
        # the study's faults, as a participant meets them (kiosk/ui/study/faults.py: the real error paths)
        tap(w.nav.widget(Screen.SELF_RESULT).finish)
        as_set()
        faults = FaultSwitch(w, store, hall, lambda: FIXED_NOW)
        tap(w.home.ticket_tile)
        tap(w.menu.desk_buttons["consult"])
        faults.set(Fault.CARD_READER, True)
        tap(w.identity.persona_buttons["elder"])
        shoot(w, out, "46-fault-card-not-read")
        faults.set(Fault.CARD_READER, False)
        w.choose(Request(item_code="QYKB-001"), Screen.ITEM)
        QApplication.processEvents()
        tap(w.item.ticket_button)
        faults.set(Fault.QUOTA, True, item="QYKB-001")
        tap(w.identity.confirm)
        shoot(w, out, "47-fault-quota-used-up")
        faults.set(Fault.QUOTA, False)
        faults.set(Fault.PRINTER, True)
        tap(w.identity.confirm)
        shoot(w, out, "48-fault-slip-not-printed")
        faults.clear()
        tap(w.slip.finish)
        as_set()
        faults.set(Fault.VOICE, True)
        if not w.speaker.enabled:
            tap(w.header.voice)
        tap(w.home.ticket_tile)
        shoot(w, out, "49-fault-voice-unavailable")
        faults.clear()
        w.close()
        w.deleteLater()
        store.close()
        QApplication.processEvents()


def again(w, which: str, hall) -> None:
    """After a finished visit the kiosk is back in the hall's defaults: this set's visitor chooses again."""
    if SETS[which]["elder"] and not w.header.elder.isChecked():
        tap(w.header.elder)
    if SETS[which]["language"] != w.language.current:
        tap(w.header.lang)


def help_and_checkin(w, out: Path, which: str, hall) -> None:
    """服务专员, 移动办公桌 and 预约签到 (kiosk/ui/kiosk/screens/officer.py, home_visit.py, checkin.py)."""
    from kiosk.domain.appointments import Source, booking
    from kiosk.domain.officers import Group
    from kiosk.domain.personas import persona

    tap(w.header.home_button)
    again(w, which, hall)
    tap(w.home.officer_tile)
    tap(w.officer.group_buttons[Group.FOREIGN_INVESTOR])
    tap(w.officer.item_buttons["QYKB-013"])
    shoot(w, out, "20-officer")
    tap(w.officer.take)
    shoot(w, out, "21-officer-slip")
    tap(w.slip.finish)
    again(w, which, hall)
    tap(w.home.officer_tile)
    tap(w.officer.group_buttons[Group.ELDER])
    tap(w.officer.visit_home)
    hv = w.home_visit_screen
    tap(hv.place_buttons["姜杭村"])
    for ch in "12-301":
        hv._typed(ch)
    tap(hv.phone_pick)
    for ch in "1391234567":
        tap(hv.keypad.findChild(type(hv.submit), f"pad_{ch}"))
    tap(hv.submit)  # one digit short: said at the field
    shoot(w, out, "22-home-visit-form")
    tap(hv.keypad.findChild(type(hv.submit), "pad_8"))
    tap(hv.submit)
    shoot(w, out, "23-home-visit-sent")
    tap(hv.finish)
    again(w, which, hall)
    rid = persona("elder").resident_id
    now = FIXED_NOW
    on_time, early = w.promises.book([
        booking(now.date(), _dt.time(10, 20), "LNRY-001", None, rid, "13912345678", Source.CONSOLE, now),
        booking(now.date(), _dt.time(11, 30), "LNRY-002", None, rid, "13912345678", Source.CONSOLE, now)])
    tap(w.home.checkin_tile)
    type_keys(w.checkin.keyboard, early.code)
    tap(w.checkin.confirm)
    shoot(w, out, "24-checkin-early")
    tap(w.checkin.keyboard.clear)
    type_keys(w.checkin.keyboard, on_time.code)
    tap(w.checkin.confirm)
    shoot(w, out, "25-checkin-slip")
    tap(w.slip.finish)
    again(w, which, hall)
    tap(w.home.checkin_tile)
    type_keys(w.checkin.keyboard, on_time.code)
    tap(w.checkin.confirm)
    shoot(w, out, "26-checkin-already")
    tap(w.checkin.mode_buttons["id"])
    tap(w.checkin.persona_buttons["elder"])
    for ch in "139":
        tap(w.checkin.keypad.findChild(type(w.checkin.confirm), f"pad_{ch}"))
    shoot(w, out, "27-checkin-by-id")
    tap(w.header.home_button)
    shoot(w, out, "28-home-after")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    ap.add_argument("--only", choices=sorted(SETS) + OTHERS)
    args = ap.parse_args(argv)
    if args.only is None:
        # every set in a fresh process: a language, theme or translator one set leaves installed on
        # the QApplication must not leak into the next (the English kiosk made the board half English)
        for which in [*SETS, *OTHERS]:
            done = subprocess.run([sys.executable, __file__, "--only", which, "--out", str(args.out)], check=False)
            if done.returncode != 0:
                print(f"screenshots of {which} failed (exit {done.returncode})", file=sys.stderr)
                return done.returncode
        return 0
    app = QApplication.instance() or QApplication([])
    if args.only in SETS:
        render(app, args.only, args.out / args.only)
        print(f"wrote {args.out / args.only}")
    else:  # the hall's other terminals have scripts of their own
        module = __import__(f"screenshots_{args.only}")
        module.main(["--out", str(args.out / args.only)])
    return 0


if __name__ == "__main__":
    sys.exit(main())
