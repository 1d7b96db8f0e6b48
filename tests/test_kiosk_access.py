"""The kiosk by keys, by a dragging finger and by voice: the same visit without a mouse click,
lists that scroll under the finger, screens that open at their top, and a voice that reads each
screen in the terminal's language without ever talking over itself."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QScrollArea, QScroller
from test_kiosk_ui import make_kiosk, qtbot_app  # noqa: F401 - the fixture and its helper

from kiosk.ui.shared.navigator import Screen


def focused():
    return QApplication.focusWidget()


def press(key) -> None:
    target = focused()
    assert target is not None, "nothing has the keyboard focus"
    QTest.keyClick(target, key, Qt.KeyboardModifier.NoModifier)
    QApplication.processEvents()


def tab_to(object_name: str, limit: int = 80) -> None:
    """Tab until the control named ``object_name`` has the focus (fails if Tab never reaches it)."""
    seen = []
    for _ in range(limit):
        w = focused()
        if w is not None and w.objectName() == object_name:
            return
        seen.append(w.objectName() if w is not None else None)
        press(Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {object_name}; went through {seen}")


@pytest.fixture
def keyed(make_kiosk, qtbot):  # noqa: F811 - the imported fixture
    k = make_kiosk()
    k.w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is k.w)
    k.w.header.title.setFocus()
    return k


def test_a_whole_visit_by_keys_only(keyed):
    k = keyed
    tab_to("tile_take_ticket")
    press(Qt.Key.Key_Return)
    assert k.screen == Screen.TICKET_MENU
    assert focused() is k.w.header.title  # a new screen starts at its title
    tab_to("desk_consult")
    press(Qt.Key.Key_Space)
    assert k.screen == Screen.IDENTITY
    tab_to("persona_elder")
    press(Qt.Key.Key_Space)  # the 70+ card "read"
    assert k.w.visit.persona_id == "elder" and k.w.identity.green.isChecked()
    tab_to("confirm_ticket")
    press(Qt.Key.Key_Enter)
    assert k.screen == Screen.SLIP
    ticket = k.w.visit.slip.ticket
    assert k.w.slip.number.text() == ticket.number
    held = k.store.ticket(ticket.id)
    assert held is not None and held.green and held.category == "consult"
    tab_to("slip_done")
    press(Qt.Key.Key_Return)
    assert k.screen == Screen.HOME


def test_escape_is_back(keyed):
    k = keyed
    k.tap(k.w.home.browse_tile)
    press(Qt.Key.Key_Escape)
    assert k.screen == Screen.HOME


def test_a_physical_keyboard_types_into_search_and_the_keypad_fields(keyed):
    k = keyed
    k.tap(k.w.home.browse_tile)
    for ch in "yyzz":
        press(getattr(Qt.Key, f"Key_{ch.upper()}"))
    assert k.w.catalogue_screen.query == "yyzz"
    top = k.w.catalogue_screen.model.rows()[0]
    assert "营业执照" in top.title + top.via
    press(Qt.Key.Key_Backspace)
    assert k.w.catalogue_screen.query == "yyz"
    tab_to("search_results")
    press(Qt.Key.Key_Y)  # letters typed on the list still go to the search
    assert k.w.catalogue_screen.query == "yyzy"
    for _ in range(4):
        press(Qt.Key.Key_Backspace)
    for ch in "yyzz":
        press(getattr(Qt.Key, f"Key_{ch.upper()}"))
    tab_to("search_results")
    press(Qt.Key.Key_Down)
    press(Qt.Key.Key_Return)  # a result opens on activate
    assert k.screen == Screen.ITEM

    k.tap(k.w.item.ticket_button)
    assert k.screen == Screen.IDENTITY
    for key in (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_X):
        press(key)
    assert k.w.visit.resident_id == "12X"
    tab_to("phone_field")  # Tab into the phone field: typing goes there, and X cannot be typed
    for key in (Qt.Key.Key_1, Qt.Key.Key_3, Qt.Key.Key_X):
        press(key)
    assert k.w.visit.phone == "13" and not k.w.identity.keypad.key_x.isVisible()


def test_every_button_shows_a_focus_ring_of_at_least_3px(keyed):
    k = keyed
    tab_to("tile_browse")
    tile = k.w.home.browse_tile
    focused_img = tile.grab().toImage()
    k.w.header.title.setFocus()
    QApplication.processEvents()
    plain = tile.grab().toImage()
    y = tile.height() // 2
    changed = [x for x in range(8) if focused_img.pixelColor(x, y) != plain.pixelColor(x, y)]
    assert len(changed) >= 3, f"the focus ring changes only columns {changed} at the tile's edge"
    ring = focused_img.pixelColor(2, y)
    assert ring.lightness() < 60, f"the ring is {ring.name()}, not the dark ring on the light page"


def drag(qtbot, viewport, start: QPoint, dy: int, steps: int = 12) -> None:
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for i in range(1, steps + 1):
        qtbot.wait(16)
        QTest.mouseMove(viewport, start + QPoint(0, dy * i // steps))
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start + QPoint(0, dy))
    qtbot.wait(50)


def test_a_drag_scrolls_browse_and_a_tap_still_opens(make_kiosk, qtbot):  # noqa: F811
    k = make_kiosk()
    k.tap(k.w.home.browse_tile)
    view = k.w.catalogue_screen.view
    bar = view.verticalScrollBar()
    assert bar.value() == 0 and bar.maximum() > 0
    start = QPoint(view.viewport().width() // 2, view.viewport().height() - 60)
    drag(qtbot, view.viewport(), start, -400)
    qtbot.waitUntil(lambda: bar.value() >= 200, timeout=3000)
    assert k.screen == Screen.CATALOGUE  # a drag is not a tap: nothing opened
    assert bar.testAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)  # the bar only shows the place
    # a flick goes on gliding; once it rests, a tap opens the row under the finger
    qtbot.waitUntil(lambda: QScroller.scroller(view.viewport()).state() == QScroller.State.Inactive, timeout=5000)
    k.tap_row(view.indexAt(QPoint(10, 10)).row())
    qtbot.waitUntil(lambda: k.screen == Screen.ITEM, timeout=2000)


def test_a_screen_opens_at_its_top_and_back_keeps_the_place(make_kiosk, qtbot):  # noqa: F811
    k = make_kiosk()
    k.tap(k.w.home.browse_tile)
    view = k.w.catalogue_screen.view
    k.tap_row(60)
    assert k.screen == Screen.ITEM
    place = view.verticalScrollBar().value()
    assert place > 0
    area = k.w.item.findChild(QScrollArea)
    area.verticalScrollBar().setValue(area.verticalScrollBar().maximum())
    k.tap(k.w.header.back_button)
    assert k.screen == Screen.CATALOGUE and view.verticalScrollBar().value() == place  # back: where they were
    k.tap_row(61)
    assert k.screen == Screen.ITEM and area.verticalScrollBar().value() == 0  # a new guidance page: its top


@pytest.fixture
def voiced(make_kiosk):  # noqa: F811
    k = make_kiosk(voice=True, voice_engine="mock")
    said: list[tuple[str, str]] = []
    k.w.speaker.spoken.connect(lambda text, lang: said.append((text, lang)))
    return k, said


def test_the_voice_reads_each_screen_and_each_tapped_control_in_the_terminals_language(voiced):
    k, said = voiced
    k.tap(k.w.home.ticket_tile)
    assert said[0] == ("取号办事", "zh_CN")  # the tile's name as it is tapped …
    assert said[-1][0].startswith("取号办事") and said[-1][1] == "zh_CN"  # … then the screen, title first
    said.clear()
    k.tap(k.w.header.lang)
    assert said[0][1] == "zh_CN"  # the control is named in the language it was tapped in ("切换语言")
    k.tap(k.w.menu.desk_buttons["consult"])
    assert said[-1][1] == "en_US" and "Confirm" in said[-1][0]
    assert k.w.speaker.kind == "tts"  # Qt's mock engine spoke it


def test_the_voice_never_talks_over_itself(voiced, qtbot):
    k, _said = voiced
    tts = k.w.speaker._engine()
    states = []
    tts.stateChanged.connect(states.append)
    for _ in range(3):
        k.tap(k.w.home.browse_tile)
        k.tap(k.w.header.home_button)
    qtbot.wait(200)
    speaking = [s.name for s in states]
    # every new text stops the one before: never two Speaking without a Ready between them
    assert all(not (a == b == "Speaking") for a, b in zip(speaking, speaking[1:])), speaking


def test_the_voice_is_on_in_senior_mode_off_after_the_visit_and_reads_the_idle_warning(make_kiosk, qtbot):  # noqa: F811
    k = make_kiosk(voice_engine="mock", idle_seconds=1, warn_seconds=20)
    assert not k.w.speaker.enabled
    k.tap(k.w.header.elder)
    assert k.w.speaker.enabled and k.w.header.voice.isChecked() and k.w.header.voice.text().startswith("✓")
    said = []
    k.w.speaker.spoken.connect(lambda text, lang: said.append(text))
    k.tap(k.w.home.ticket_tile)
    qtbot.waitUntil(lambda: k.w.overlay.isVisible(), timeout=4000)
    assert any("您还在吗" in s for s in said)
    k.w.timed_out()
    assert not k.w.speaker.enabled and k.w.theme.mode == "normal"


def test_headings_are_headings_to_a_screen_reader(make_kiosk):  # noqa: F811
    from PySide6.QtGui import QAccessible

    k = make_kiosk()
    k.tap(k.w.home.browse_tile)
    k.tap_row(0)
    iface = QAccessible.queryAccessibleInterface(k.w.item.title)
    assert iface.role() == QAccessible.Role.Heading and iface.text(QAccessible.Text.Name) == k.w.item.title.text()
    title = QAccessible.queryAccessibleInterface(k.w.header.title)
    assert title.role() == QAccessible.Role.Heading and title.text(QAccessible.Text.Name) == "办事指南"
    body = QAccessible.queryAccessibleInterface(k.w.item.subtitle)
    assert body.role() == QAccessible.Role.StaticText


def test_the_language_switch_is_named_in_the_terminals_language(make_kiosk):  # noqa: F811
    k = make_kiosk()
    assert k.w.header.lang.accessibleName() == "English · 切换语言"
    k.tap(k.w.header.lang)
    assert k.w.header.lang.accessibleName() == "中文 · Switch language"


@pytest.mark.parametrize("lang", ["zh_CN", "en_US"])
def test_the_voice_reads_every_screen_title_first_in_the_terminals_language(make_kiosk, lang):  # noqa: F811
    k = make_kiosk(voice=True, voice_engine="mock", language=lang)
    said: list[tuple[str, str]] = []
    k.w.speaker.spoken.connect(lambda text, language: said.append((text, language)))
    visits = [(lambda: k.tap(k.w.home.ticket_tile), Screen.TICKET_MENU),
              (lambda: k.tap(k.w.menu.by_item), Screen.CATALOGUE),
              (lambda: k.tap_row(0), Screen.ITEM),
              (lambda: k.tap(k.w.item.ticket_button), Screen.IDENTITY),
              (lambda: k.tap(k.w.identity.confirm), Screen.SLIP)]
    for go, screen in visits:
        said.clear()
        go()
        assert k.screen == screen
        text, language = said[-1]
        assert language == lang and text.startswith(k.w.header.title.text()), (screen, said)
        assert len(text) > len(k.w.header.title.text())  # and what the screen holds, not the title alone
    assert k.w.slip.number.text() in said[-1][0]  # the slip reads the number
