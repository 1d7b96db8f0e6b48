"""A terminal is a context: language and mode belong to one terminal, never to the process.

In ``kiosk hall`` the kiosk, the board and every window's console share one process; a visitor
switching the kiosk to English or 长辈版 must leave the board and the consoles as they are, a
clerk switching window 3's console to English must leave window 4's, and the kiosk's idle reset
returns it alone to the hall's defaults."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from kiosk.app import Settings, build_hall
from kiosk.ui.shared.navigator import Screen
from kiosk.ui.shared.theme import ELDER, SIZES


@pytest.fixture
def hall_parts(qtbot, tmp_path, catalogue, hall, clock):
    parts = build_hall(QApplication.instance(), Settings(data_dir=tmp_path, idle_seconds=2, warn_seconds=1),
                       catalogue, hall, engine="silent")
    for key in ("kiosk", "board", "consoles", "pad"):
        qtbot.addWidget(parts[key])
        parts[key].show()
    parts["bridge"].start()
    yield parts
    parts["bridge"].stop()
    parts["store"].close()


def tap(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def texts(widget) -> str:
    found = [*widget.findChildren(QLabel), *widget.findChildren(QPushButton)]
    return "\n".join(w.text() for w in found if w.isVisibleTo(widget))


def test_a_visitor_switching_the_kiosk_changes_no_other_terminal(qtbot, hall_parts):
    kiosk, board, consoles = hall_parts["kiosk"], hall_parts["board"], hall_parts["consoles"]
    console3, console4 = consoles.widget(2), consoles.widget(3)
    board_sheet, console_sheet = board.styleSheet(), consoles.styleSheet()
    app = QApplication.instance()
    assert app.styleSheet() == ""  # nothing is installed on the whole application
    assert "等候" in texts(board)

    tap(qtbot, kiosk.header.lang)  # the visitor presses English
    tap(qtbot, kiosk.header.elder)  # and 长辈版
    assert kiosk.language.english and kiosk.theme.mode == ELDER
    assert "Welcome" in kiosk.home.welcome.text()
    assert kiosk.font().pixelSize() == SIZES[ELDER]["body"]

    # the board and every console are as they were: Chinese, normal look
    assert not board.language.english and board.styleSheet() == board_sheet
    assert all(not consoles.widget(i).language.english for i in range(consoles.count()))
    assert consoles.styleSheet() == console_sheet
    assert "叫号" in texts(console3) and "Call" not in texts(console3)
    assert app.styleSheet() == ""

    # a clerk switches window 3's console to English: window 4 and the kiosk keep theirs
    tap(qtbot, console3.lang)
    assert console3.language.english and "Call" in texts(console3)
    assert not console4.language.english and "叫号" in texts(console4)
    tap(qtbot, kiosk.header.lang)  # the visitor goes back to Chinese: console 3 stays English
    assert not kiosk.language.english and console3.language.english and "Call" in texts(console3)

    # the board's own language: nothing else moves
    board.language.set("en_US")
    assert board.language.english and not kiosk.language.english and not console4.language.english


def test_the_idle_reset_returns_the_kiosk_alone_to_the_halls_defaults(qtbot, hall_parts, hall):
    kiosk, console = hall_parts["kiosk"], hall_parts["consoles"].widget(0)
    tap(qtbot, console.lang)  # a clerk works in English
    tap(qtbot, kiosk.header.lang)
    tap(qtbot, kiosk.header.elder)
    tap(qtbot, kiosk.home.ticket_tile)
    assert kiosk.nav.current == Screen.TICKET_MENU
    kiosk.timed_out()  # what the idle watcher does when the countdown runs out
    assert kiosk.nav.current == Screen.HOME
    assert kiosk.language.current == hall.language and kiosk.theme.mode == "normal"
    assert not kiosk.header.elder.isChecked() and "欢迎" in kiosk.home.welcome.text()
    assert console.language.english  # the clerk's console is not the visitor's


@pytest.mark.parametrize("hall_language", ["en_US", "zh_CN"])
def test_board_and_consoles_start_in_the_halls_language(qtbot, tmp_path, catalogue, hall, hall_language):
    parts = build_hall(QApplication.instance(), Settings(data_dir=tmp_path), catalogue,
                       dataclasses.replace(hall, language=hall_language), engine="silent")
    try:
        english = hall_language == "en_US"
        assert parts["board"].language.english is english
        assert parts["kiosk"].language.english is english
        assert all(parts["consoles"].widget(i).language.english is english for i in range(parts["consoles"].count()))
    finally:
        for key in ("kiosk", "board", "consoles", "pad"):
            parts[key].close()
            parts[key].deleteLater()
        parts["store"].close()


def test_the_english_slip_is_english_while_the_board_stays_chinese(qtbot, hall_parts):
    kiosk, board = hall_parts["kiosk"], hall_parts["board"]
    tap(qtbot, kiosk.header.lang)
    tap(qtbot, kiosk.home.ticket_tile)
    tap(qtbot, kiosk.menu.desk_buttons["consult"])
    tap(qtbot, kiosk.identity.confirm)
    assert kiosk.nav.current == Screen.SLIP
    assert "ahead" in kiosk.slip.ahead.text().lower()
    hall_parts["bridge"].check()
    assert not board.language.english and "等候" in texts(board)
