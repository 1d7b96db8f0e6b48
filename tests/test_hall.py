"""`kiosk hall --simulate`: kiosk, board and consoles in one process on one store, a simulated
day running, and a person still using the kiosk and window 1 by hand."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kiosk.app import Settings, build_hall
from kiosk.ui.shared.navigator import Screen


@pytest.fixture
def hall_demo(qtbot, tmp_path, catalogue, hall):
    parts = build_hall(QApplication.instance(), Settings(data_dir=tmp_path), catalogue, hall,
                       simulate=True, seed=5, speed=60, engine="silent")
    for key in ("kiosk", "board", "consoles"):
        qtbot.addWidget(parts[key])
        parts[key].show()
    parts["bridge"].start()
    yield parts
    parts["bridge"].stop()
    parts["store"].close()


def test_simulated_day_shows_live_and_a_person_can_join_in(qtbot, hall_demo):
    sim, clock, bridge, board = hall_demo["sim"], hall_demo["clock"], hall_demo["bridge"], hall_demo["board"]
    day = clock().date()
    ran = sim.advance(dt.datetime.combine(day, dt.time(9, 40)))
    assert ran > 50
    assert bridge.check()  # the simulated windows' calls reach the board through the change feed
    newest = board.snapshot.newest
    assert newest is not None and newest.ticket.status in ("called", "serving", "done", "no_show")
    assert newest.ticket.number in _texts(board)

    # a citizen takes a ticket at the kiosk in the middle of it all
    kiosk = hall_demo["kiosk"]
    with clock.at(dt.datetime.combine(day, dt.time(9, 41))):
        qtbot.mouseClick(kiosk.home.ticket_tile, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(kiosk.menu.desk_buttons["consult"], Qt.MouseButton.LeftButton)
        qtbot.mouseClick(kiosk.identity.confirm, Qt.MouseButton.LeftButton)
    assert kiosk.nav.current == Screen.SLIP and kiosk.slip.number.text().startswith("Z")

    # and a person at window 1 (left to people) calls the next ticket by hand (the day is calm:
    # perhaps that very ticket)
    consoles = hall_demo["consoles"]
    console1 = consoles.widget(0)
    assert console1.counter.number == 1
    with clock.at(dt.datetime.combine(day, dt.time(9, 42))):
        qtbot.mouseClick(console1.actions["call_next"], Qt.MouseButton.LeftButton)
    assert console1.current is not None and console1.current.window == 1
    assert console1.current.number in _texts(board)  # the console's own action refreshed the hall at once
    assert board.snapshot.newest.ticket.id == console1.current.id
    assert sim.advance(dt.datetime.combine(day, dt.time(10, 30))) > 0  # the day goes on


def _texts(widget) -> str:
    from PySide6.QtWidgets import QLabel

    return " ".join(lab.text() for lab in widget.findChildren(QLabel))


def test_a_scenario_starts_at_its_moment_and_names_itself(qtbot, tmp_path, catalogue, hall):
    from kiosk.ui.shared.i18n import EN

    parts = build_hall(QApplication.instance(), Settings(data_dir=tmp_path), catalogue, hall,
                       simulate=True, seed=1, speed=60, engine="silent", scenario="lunch")
    try:
        sim, clock, board, kiosk, consoles = (parts[k] for k in ("sim", "clock", "board", "kiosk", "consoles"))
        assert sim.scenario.code == "lunch" and sim.day.weekday() < 5  # a working day, with its lunch rota
        assert dt.time(11, 40) <= clock().time() < dt.time(11, 50)
        assert len(parts["store"].tickets_on(sim.day.isoformat())) > 100  # the morning has happened
        for window in (kiosk, board, consoles, parts["pad"]):
            assert window.windowTitle() == f"{hall.name} · 演示：午间不打烊"
        board.language.set(EN)  # each terminal's title in its own language
        assert board.windowTitle() == f"{hall.name_en} · Demo: Open at lunchtime"
        assert kiosk.windowTitle() == f"{hall.name} · 演示：午间不打烊"
    finally:
        parts["bridge"].stop()
        for key in ("kiosk", "board", "consoles", "pad"):
            parts[key].close()
            parts[key].deleteLater()
        parts["store"].close()
