"""The window console driven by taps, against the real store and the change feed."""

from __future__ import annotations

import pytest
from conftest import make_desk, waiting
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from kiosk.app import build_console
from kiosk.domain.desk import Request
from kiosk.domain.personas import persona
from kiosk.store.db import Store
from kiosk.ui.shared.bridge import ChangeBridge
from kiosk.ui.shared.i18n import Language
from kiosk.ui.shared.theme import Theme

DAY = "2026-11-27"


@pytest.fixture
def hall_env(qtbot, tmp_path, catalogue, hall, clock, theme_cache):
    store = Store.open(tmp_path)
    bridge = ChangeBridge(store, clock)
    bridge.start()
    desk = make_desk(store, catalogue, hall, clock)

    def console(n=1):
        bridge.check()  # what the change feed does within 150 ms of the desk's tickets
        w = build_console(catalogue, hall, n, store, bridge, clock, Language())
        Theme(theme_cache).attach(w)
        qtbot.addWidget(w)
        w.show()
        return w

    yield desk, console, bridge, clock, store
    bridge.stop()
    store.close()


def tap(qtbot, w):
    QApplication.processEvents()  # widgets added to a shown layout appear on the next loop turn
    assert w.isVisible() and w.isEnabled(), w.objectName()
    qtbot.mouseClick(w, Qt.MouseButton.LeftButton)


def test_call_start_finish_with_materials(qtbot, hall_env):
    desk, console, bridge, clock, store = hall_env
    slip = desk.issue(Request(item_code="QYKB-001"))
    w = console(1)
    assert not w.actions["recall"].isEnabled() and w.actions["call_next"].isEnabled()
    tap(qtbot, w.actions["call_next"])
    assert w.number.text() == slip.ticket.number and "第 1/3 次" in w.status.text()
    item = desk.catalogue.by_code["QYKB-001"]
    assert len(w.material_buttons) == len(item.materials)
    assert not w.actions["call_next"].isEnabled() and not w.actions["finish"].isEnabled()
    tap(qtbot, w.actions["start"])
    assert w.status.text() == "办理中"
    clock.advance(minutes=6)
    tap(qtbot, w.actions["finish"])
    assert w.number.text() == "—" and store.tickets_on(DAY)[0].status == "done"
    w._figures_at = -1e9
    w.refresh()
    assert "办结 1" in w.figures.text() and "6.0 分钟" in w.figures.text()


def test_recall_too_soon_then_no_show_and_reactivate(qtbot, hall_env):
    desk, console, bridge, clock, store = hall_env
    first = desk.issue(Request(category="consult")).ticket
    for _ in range(4):
        clock.advance(seconds=30)
        desk.issue(Request(category="consult"))
    w = console(2)
    tap(qtbot, w.actions["call_next"])
    tap(qtbot, w.actions["recall"])
    assert "秒后才能重呼" in w.feedback.text()
    for _ in range(2):
        clock.advance(seconds=61)
        tap(qtbot, w.actions["recall"])
    assert "第 3/3 次" in w.status.text()
    clock.advance(seconds=61)
    tap(qtbot, w.actions["recall"])
    assert "记为过号" in w.feedback.text() and w.number.text() == "—"
    tap(qtbot, w.actions["reactivate"])
    pad = w.revive_pad
    tap(qtbot, pad.findChild(QPushButton, "revivepad_letter_Z"))
    for d in first.number[1:]:
        tap(qtbot, pad.findChild(QPushButton, f"revivepad_digit_{d}"))
    assert pad.display.text() == first.number
    tap(qtbot, pad.ok)
    back = store.ticket(first.id)
    assert back.status == "waiting"
    assert [t.id for t in waiting(store, DAY)].index(first.id) == 3


def test_transfer_suspend_resume_and_pause(qtbot, hall_env):
    desk, console, bridge, clock, store = hall_env
    a = desk.issue(Request(category="comprehensive")).ticket
    b = desk.issue(Request(category="comprehensive")).ticket
    w = console(1)
    tap(qtbot, w.actions["call_next"])
    tap(qtbot, w.actions["start"])
    tap(qtbot, w.actions["suspend"])
    tap(qtbot, w.findChild(QPushButton, "suspend_reason_awaiting_material"))
    assert store.ticket(a.id).status == "suspended"
    assert w.suspended_title.text() and w.findChild(QPushButton, f"console_resume_{a.number}")
    tap(qtbot, w.actions["call_next"])
    assert w.number.text() == b.number
    tap(qtbot, w.actions["transfer"])
    tap(qtbot, w.findChild(QPushButton, "transfer_to_w6"))
    moved = store.ticket(b.id)
    assert (moved.category, moved.target_window, moved.status) == ("realty", 6, "waiting")
    tap(qtbot, w.findChild(QPushButton, f"console_resume_{a.number}"))
    assert store.ticket(a.id).status == "serving" and w.number.text() == a.number
    tap(qtbot, w.actions["finish"])
    tap(qtbot, w.pause_button)
    tap(qtbot, w.findChild(QPushButton, "pause_reason_lunch"))
    assert store.paused_windows() == {1: "lunch"} and "午间轮岗" in w.state.text() and "暂停中" in w.state.text()
    assert not w.actions["call_next"].isEnabled()
    tap(qtbot, w.pause_button)
    assert store.paused_windows() == {} and w.actions["call_next"].isEnabled()


def test_call_a_number_and_other_consoles_see_it(qtbot, hall_env):
    desk, console, bridge, clock, store = hall_env
    tickets = [desk.issue(Request(category="comprehensive")).ticket for _ in range(3)]
    w1, w2 = console(1), console(2)
    assert "综合受理 3" in w2.waiting.text()
    tap(qtbot, w1.actions["call_number"])
    tap(qtbot, w1.call_pad.findChild(QPushButton, "callpad_letter_A"))
    for d in tickets[1].number[1:]:
        tap(qtbot, w1.call_pad.findChild(QPushButton, f"callpad_digit_{d}"))
    tap(qtbot, w1.call_pad.ok)
    assert w1.number.text() == tickets[1].number
    assert "综合受理 2" in w2.waiting.text()  # the console's action refreshed every console at once
    store2 = type(store).open(store.data_dir)  # another process's action reaches them by the feed
    try:
        make_desk(store2, desk.catalogue, desk.hall, clock).issue(Request(category="comprehensive"))
    finally:
        store2.close()
    assert bridge.check()
    assert "综合受理 3" in w2.waiting.text()


def test_green_ticket_badge_and_english(qtbot, hall_env):
    desk, console, bridge, clock, store = hall_env
    vet = persona("veteran")
    desk.issue(Request(category="consult"), vet.resident_id, vet.tags, True)
    w = console(3)
    tap(qtbot, w.actions["call_next"])
    assert "绿色通道" in w.badges.text() and w.badges.isVisible()
    tap(qtbot, w.lang)
    assert w.actions["call_next"].text().isascii() and "Priority" in w.badges.text()
    for b in w.findChildren(QPushButton):
        if b.isVisible():
            assert b.objectName() and b.accessibleName() and b.height() >= 60, b.objectName()


def test_ticks_survive_changes_elsewhere_in_the_hall(qtbot, hall_env):
    desk, console, bridge, clock, store = hall_env
    desk.issue(Request(item_code="QYKB-001"))
    desk.issue(Request(category="consult"))
    w1, w2 = console(1), console(2)
    tap(qtbot, w1.actions["call_next"])
    tap(qtbot, w1.material_buttons[0])
    tap(qtbot, w1.actions["start"])  # same ticket, new status: the checklist stays
    tap(qtbot, w2.actions["call_next"])  # another window's call reaches this console too
    assert w2.current is not None and w1.view.current.id != w2.current.id
    assert w1.material_buttons[0].isChecked() and w1.status.text() == "办理中"
