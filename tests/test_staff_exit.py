"""Staff leave a full-screen kiosk with a gesture no visitor makes by chance and the hall's PIN."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from test_kiosk_ui import make_kiosk, qtbot_app  # noqa: F401 - the fixture and its helper

from kiosk.domain.hall import load_hall
from kiosk.ui.kiosk import staff


def enter(kiosk, pin: str) -> None:
    pad = kiosk.w.staff_pad
    for ch in pin:
        kiosk.tap(pad.keypad.findChild(QPushButton, f"pad_{ch}"))
    kiosk.tap(pad.ok)


def test_holding_the_title_then_the_pin_leaves_full_screen(make_kiosk, qtbot, monkeypatch):  # noqa: F811
    monkeypatch.setattr(staff, "HOLD_MS", 300)
    k = make_kiosk()
    granted = []
    k.w.staff_pad.granted.connect(lambda: granted.append(True))
    left = []
    monkeypatch.setattr(type(k.w), "showNormal", lambda self: left.append(self))
    monkeypatch.setattr(type(k.w), "isFullScreen", lambda self: not left)  # the offscreen platform has no full screen
    title = k.w.header.title
    qtbot.mouseClick(title, Qt.MouseButton.LeftButton)  # a visitor's tap on the title: nothing
    qtbot.wait(400)
    assert not k.w.staff_pad.isVisible()
    qtbot.mousePress(title, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(k.w.staff_pad.isVisible, timeout=1000)
    qtbot.mouseRelease(title, Qt.MouseButton.LeftButton)
    assert k.w.staff_pad.dots.text() == "—" and not k.w.staff_pad.keypad.key_x.isVisible()
    enter(k, "1111")
    assert not granted and not left and k.w.staff_pad.isVisible() and k.w.staff_pad.message.text() == "密码不对"
    assert k.w.staff_pad.dots.text() == "—"  # a wrong PIN is cleared, never shown
    enter(k, load_hall().staff_pin)
    assert not k.w.staff_pad.isVisible() and granted == [True] and left == [k.w]  # an ordinary window now


def test_three_wrong_pins_lock_the_pad_and_a_visit_end_closes_it(make_kiosk, qtbot):  # noqa: F811
    k = make_kiosk()
    now = [100.0]
    k.w.staff_pad.clock = lambda: now[0]
    k.w.staff_pad.open_pad()
    for _ in range(3):
        enter(k, "0000")
    assert "一分钟" in k.w.staff_pad.message.text()
    enter(k, load_hall().staff_pin)  # locked: even the right PIN waits
    assert k.w.staff_pad.isVisible() and "稍后" in k.w.staff_pad.message.text()
    now[0] += 61
    k.w.timed_out()  # the idle reset closes the pad with everything else
    assert not k.w.staff_pad.isVisible()


def test_a_hall_without_a_pin_has_no_way_out_on_screen(qtbot, catalogue, hall, clock, tmp_path):
    from kiosk.app import Settings, build_kiosk_window

    window, store = build_kiosk_window(qtbot_app(), Settings(data_dir=tmp_path), catalogue,
                                       dataclasses.replace(hall, staff_pin=""), clock=clock)
    qtbot.addWidget(window)
    window.show()
    try:
        assert not window.header.title.findChildren(staff.LongPress)
        window.staff_pad.open_pad()
        window.staff_pad.entered = ""
        window.staff_pad.check()
        assert window.staff_pad.isVisible()  # nothing opens it, and nothing typed would pass
    finally:
        store.close()
