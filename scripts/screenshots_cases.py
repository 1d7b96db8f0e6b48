"""Screenshots of 办不成事反映 and 意见建议: the kiosk's two screens (called by scripts/screenshots.py
for each of its four sets, on the kiosk it drives) and the 办不成事 专窗's console — a case at the
window, 结案, the 意见箱 and a reply (called by scripts/screenshots_console.py for each language).

Kiosk files (in the set's folder): ``30-report``, ``31-report-found``, ``32-report-problems``,
``33-report-check``, ``34-slip-case``, ``35-opinion``, ``36-opinion-problems``, ``37-opinion-sent``.
Console files: ``LANG-20-case``, ``LANG-21-case-close``, ``LANG-22-case-closed``,
``LANG-23-free-with-opinions``, ``LANG-24-opinions``, ``LANG-25-opinion-reply``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton

from kiosk.domain.cases import Snag, Topic


def _tap(widget) -> None:
    if not (widget.isVisible() and widget.isEnabled()):
        raise SystemExit(f"{widget.objectName()} cannot be tapped: the screenshot would not show what it says")
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)
    QApplication.processEvents()


def _letters(pad, text: str) -> None:
    for ch in text:
        _tap(pad.keyboard.space if ch == " " else pad.keyboard.keys[ch.upper()])


def _digits(pad, text: str) -> None:
    for ch in text:
        _tap(pad.keypad.findChild(QPushButton, f"pad_{ch}"))


def _shoot(window, out: Path, name: str) -> None:
    QApplication.processEvents()
    window.grab().save(str(out / f"{name}.png"))


def render_kiosk(w, out: Path, choose_again) -> None:
    """办不成事反映 and 意见建议 on kiosk ``w`` (at home); ``choose_again()`` puts the set's mode and
    language back after a finished visit."""
    _tap(w.home.report_tile)
    r = w.report
    _shoot(w, out, "30-report")
    _letters(r.pad, "yyzz")
    _tap(r.result_buttons[0])
    _tap(r.snag_buttons[Snag.MATERIALS])
    _tap(r.snag_buttons[Snag.SENT_AROUND])
    _shoot(w, out, "31-report-found")
    _tap(r.text.line)
    QApplication.sendEvent(w, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier,
                                        "twice 😀"))  # an emoji from a physical keyboard
    _tap(r.phone.line)
    _digits(r.pad, "1291234567")
    _tap(r.next)
    _shoot(w, out, "32-report-problems")
    _tap(r.phone.line)
    _tap(r.pad.keypad.clear)
    _digits(r.pad, "13912345678")
    _tap(r.text.line)
    _tap(r.pad.keyboard.clear)
    _letters(r.pad, "asked twice")
    _tap(r.next)
    _shoot(w, out, "33-report-check")
    _tap(r.submit)
    _shoot(w, out, "34-slip-case")
    _tap(w.slip.finish)
    choose_again()
    _tap(w.home.opinion_tile)
    o = w.opinion
    _shoot(w, out, "35-opinion")
    _tap(o.submit)
    _shoot(w, out, "36-opinion-problems")
    _tap(o.topic_buttons[Topic.FACILITIES])
    _letters(o.pad, "more seats near window nine")
    _tap(o.phone.line)
    _digits(o.pad, "13812345678")
    _tap(o.submit)
    _shoot(w, out, "37-opinion-sent")
    _tap(o.finish)
    choose_again()


def render_console(out: Path, lang: str, catalogue, hall, store, bridge, clock, desk) -> None:
    """Window 9's console (the 办不成事 专窗) with the hall's promises: a case called, 结案, the
    意见箱 and a reply."""
    from kiosk.app import build_console, make_promises
    from kiosk.ui.shared.i18n import Language
    from kiosk.ui.shared.theme import Theme

    promises = make_promises(store, desk)
    promises.report_case(catalogue.items[0].code, "", [Snag.MATERIALS, Snag.SENT_AROUND],
                         "asked at two windows, each sent me to the other", "13912345678")
    promises.leave_opinion(Topic.FACILITIES, "more seats near window nine, please")
    promises.leave_opinion(Topic.SERVICE, "could Saturday opening last until five?", "13812345678")
    w = build_console(catalogue, hall, 9, store, bridge, clock, Language(lang), promises)
    Theme(Path(store.data_dir) / "cache").attach(w)
    w.show()
    _tap(w.actions["call_next"])
    _shoot(w, out, f"{lang}-20-case")
    _tap(w.case_view.close_button)
    _tap(w.case_view.panel.outcome_buttons[next(iter(w.case_view.panel.outcome_buttons))])
    QTest.keyClicks(w.case_view.panel.field, "called the tax office with her")
    _shoot(w, out, f"{lang}-21-case-close")
    _tap(w.case_view.panel.confirm)
    _shoot(w, out, f"{lang}-22-case-closed")
    _tap(w.actions["start"])
    _tap(w.actions["finish"])  # the window is free: its card offers the 意见箱
    _shoot(w, out, f"{lang}-23-free-with-opinions")
    _tap(w.opinions.opener)
    _shoot(w, out, f"{lang}-24-opinions")
    _tap(next(iter(w.opinions.row_buttons.values())))
    QTest.keyClicks(w.opinions.field, "called back: Saturday hours stay 9 to 16")
    _shoot(w, out, f"{lang}-25-opinion-reply")
    w.close()
    w.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
